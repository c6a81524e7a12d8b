"""Restore a backup over the company file: all or nothing, and the file as it was kept beside it."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from fravaer_desktop.storage.backup import COMPANION_SUFFIXES, copy_problem, write_copy
from fravaer_desktop.storage.backup_folder import (
    BEFORE_RESTORE,
    copies_in,
    copy_name,
    delete_copy,
    summarize,
)
from fravaer_desktop.storage.cipher import connect, is_encrypted

#: How many copies of the company file as it was before a restore are kept beside it.
KEPT_BEFORE_RESTORE = 3
_NOT_CHANGED = "Virksomhedsfilen er ikke ændret."


class RestoreError(Exception):
    """The restore was not made, and the company file is as it was; `str(error)` is Danish."""


def restore_copy(
    copy: Path,
    company_file: Path,
    now: datetime,
    progress: Callable[[int, int, int], object] | None = None,
    key: str | None = None,
) -> Path:
    """Replace `company_file` by the backup `copy`; returns where the file as it was is kept.

    The caller has closed its own connection to the file. The steps, each of which leaves the
    company file as it was if it fails (or the program is stopped):

    1. the copy is checked (SQLite's integrity check, a Fravær file this version can open);
    2. the company file is brought to one self-contained file (its -wal moved into it), which
       also proves that no other program has it open;
    3. the copy is written beside the company file under a temporary name and checked again;
    4. the company file is copied, as it is, to '<file>-foer-gendannelse-<time>.sqlite' beside it;
    5. the temporary file is renamed over the company file: one atomic step of the file system,
       so the name holds either the old file or the restored one, never half of each.

    `key`: the password of a locked company file (decision 0022); a copy locked with it is
    restored locked, a copy from before the lock as the plain file it is.
    """
    summary = summarize(copy, check=True, key=key)
    if not summary.usable:
        raise RestoreError(f"Kopien '{copy.name}' kan ikke gendannes: {summary.problem} "
                           f"{_NOT_CHANGED}")  # fmt: skip
    staging = company_file.with_name(company_file.name + ".gendannes")
    kept = company_file.with_name(copy_name(company_file, BEFORE_RESTORE, now))
    moved: list[tuple[Path, Path]] = []
    replaced = False
    try:
        companions = _settle(company_file, key)
        _write_staging(copy, staging, progress, key)
        if company_file.exists():
            _copy_file(company_file, kept)
            for suffix, path in companions:  # only a damaged file that SQLite could not settle
                moved.append((path, Path(f"{kept}{suffix}")))
                path.replace(moved[-1][1])
        os.replace(staging, company_file)
        replaced = True
    except BaseException as error:
        delete_copy(staging)
        if not replaced:  # the company file is the old one: undo the rest
            for original, moved_to in moved:
                moved_to.replace(original)
            kept.unlink(missing_ok=True)
        if isinstance(error, (OSError, sqlite3.Error)):
            raise RestoreError(
                f"Kopien kunne ikke gendannes ({copy_problem(error)}). {_NOT_CHANGED}"
            ) from error
        raise
    _sync_folder(company_file.parent)
    _prune_kept(company_file)
    return kept


def _settle(company_file: Path, key: str | None = None) -> list[tuple[str, Path]]:
    """Move what the company file's -wal holds into the file itself and remove the -wal and
    -shm, so that the file alone is the company. Refused while another program has the file
    open (it would go on writing into the file being replaced). A damaged file that SQLite
    cannot open is left as it is; its companions are returned, to be kept with it."""
    if not company_file.exists():
        return []
    try:
        conn = connect(str(company_file), key if is_encrypted(company_file) else None,
                       timeout=0.5)  # fmt: skip
        try:
            conn.execute("PRAGMA journal_mode = DELETE").fetchall()
        finally:
            conn.close()
    except sqlite3.OperationalError as error:
        if getattr(error, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            raise RestoreError(
                "Virksomhedsfilen bruges lige nu af et andet program (måske Fravær i et andet "
                f"vindue eller på en anden pc). Luk det, og prøv igen. {_NOT_CHANGED}"
            ) from error
    except sqlite3.DatabaseError:
        pass  # damaged: kept as it is, with its companions
    found = [(suffix, Path(f"{company_file}{suffix}")) for suffix in COMPANION_SUFFIXES]
    return [(suffix, path) for suffix, path in found if path.exists()]


def _write_staging(copy: Path, staging: Path, progress, key: str | None = None) -> None:
    delete_copy(staging)  # left by a restore that was stopped
    key = key if is_encrypted(copy) else None  # a copy from before the lock stays plain
    source = connect(f"file:{copy}?mode=ro", key, uri=True)
    try:
        write_copy(source, staging, progress, key=key)
    finally:
        source.close()
    check = summarize(staging, check=True, key=key)
    if not check.usable:
        raise RestoreError(
            f"Kopien blev ikke skrevet rigtigt ved siden af virksomhedsfilen. {_NOT_CHANGED}"
        )


def _copy_file(source: Path, target: Path) -> None:
    """Copy a closed file byte for byte, under a temporary name, synced to the disk."""
    partial = target.with_name(target.name + ".delvis")
    try:
        shutil.copyfile(source, partial)
        with open(partial, "rb+") as written:
            os.fsync(written.fileno())
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut right after it keeps the restored file)."""
    if os.name == "nt":
        return  # Windows cannot open a folder for syncing; NTFS journals the rename
    try:
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except OSError:
        pass  # the rename is made; some network folders cannot be synced


def _prune_kept(company_file: Path) -> None:
    """Keep the newest KEPT_BEFORE_RESTORE files from before a restore: they hold the staff's
    absence (also of people deleted since), so they are not kept forever."""
    kept = copies_in(company_file, company_file.parent, BEFORE_RESTORE)
    for old in kept[KEPT_BEFORE_RESTORE:]:
        delete_copy(old.path)
