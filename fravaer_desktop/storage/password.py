"""Lock a company file with a password, change it or remove it: all or nothing (decision 0022)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from fravaer_desktop.storage import cipher
from fravaer_desktop.storage.backup import integrity_problem
from fravaer_desktop.storage.backup_folder import (
    BackupCopy,
    all_copies,
    delete_copy,
    folders_with_copies,
)

_NOT_CHANGED = "Virksomhedsfilen er ikke ændret."


class PasswordChangeError(Exception):
    """The password was not changed and the file is as it was; `str(error)` is Danish."""


def change_password(company_file: Path, old_key: str | None, new_key: str | None) -> None:
    """Lock `company_file` with `new_key` (old_key None), change the password, or remove it
    (new_key None). The caller has closed its own connection to the file.

    SQLCipher's sqlcipher_export writes everything into a new file beside it
    ('<file>.adgangskode'), which is opened with the new password and checked (integrity, and
    the same number of rows in every table) before it is renamed over the file in one atomic
    step. No plain copy of a locked file is left anywhere: the file's -wal is moved into it
    first, and a failure deletes the new file.
    """
    staging = company_file.with_name(company_file.name + ".adgangskode")
    delete_copy(staging)  # left by a change that was stopped
    old_key = old_key if cipher.is_encrypted(company_file) else None
    try:
        counts = _export(company_file, old_key, staging, new_key or None)
        _check(staging, new_key or None, counts)
        with open(staging, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(staging, company_file)
    except BaseException as error:
        delete_copy(staging)
        if isinstance(error, (OSError, sqlite3.Error)):
            raise PasswordChangeError(
                f"Adgangskoden kunne ikke ændres ({error}). {_NOT_CHANGED}"
            ) from error
        raise
    _sync_folder(company_file.parent)


def _export(source_file: Path, old_key: str | None, staging: Path, new_key: str | None):
    conn = cipher.sqlite3_cipher_connect(str(source_file), timeout=0.5)
    try:
        if old_key is not None:
            conn.execute(f"PRAGMA key = {cipher.quote(old_key)}")
            if not cipher.check_key(conn):
                raise PasswordChangeError(f"Den nuværende adgangskode passer ikke. {_NOT_CHANGED}")
        try:  # the -wal into the file, which also proves no other program has it open
            conn.execute("PRAGMA journal_mode = DELETE").fetchall()
        except sqlite3.OperationalError as error:
            raise PasswordChangeError(
                "Virksomhedsfilen bruges lige nu af et andet program (måske Fravær i et andet "
                f"vindue). Luk det, og prøv igen. {_NOT_CHANGED}"
            ) from error
        counts = _row_counts(conn)
        cipher.export_copy(conn, staging, new_key)
        return counts
    finally:
        conn.close()


def _check(staging: Path, new_key: str | None, counts: dict[str, int]) -> None:
    conn = cipher.connect(str(staging), new_key)
    try:
        if new_key is not None and not cipher.check_key(conn):
            raise PasswordChangeError(f"Den nye fil kunne ikke åbnes. {_NOT_CHANGED}")
        if integrity_problem(conn) is not None or _row_counts(conn) != counts:
            raise PasswordChangeError(f"Den nye fil blev ikke skrevet rigtigt. {_NOT_CHANGED}")
    finally:
        conn.close()


def _row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    )]  # fmt: skip
    return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}


def _sync_folder(folder: Path) -> None:
    if os.name == "nt":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
    except OSError:
        pass


def plain_copies(company_file: Path, chosen_folder: Path | None) -> list[BackupCopy]:
    """The program's own copies of the file that are not locked (taken before the password was
    set): in the chosen backup folder, the default one and beside the file."""
    copies = all_copies(company_file, folders_with_copies(company_file, chosen_folder))
    return [copy for copy in copies if not cipher.is_encrypted(copy.path)]


def delete_plain_copies(company_file: Path, chosen_folder: Path | None) -> list[Path]:
    """Delete the copies `plain_copies` finds; returns those that are gone (a copy in use or
    without rights is left, and is found again the next time)."""
    return [c.path for c in plain_copies(company_file, chosen_folder) if delete_copy(c.path)]
