"""Consistent copies of an open company file through SQLite's online backup API."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from fravaer_desktop.core.danish import file_problem

if TYPE_CHECKING:
    from fravaer_desktop.storage.database import CompanyDatabase

#: Files SQLite keeps beside a database while it is open.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
#: The default folder of the automatic backups, beside the company file (storage/backup_folder).
DEFAULT_FOLDER_NAME = "sikkerhedskopier"
#: The kind of the copy taken before an upgrade, in its name; + the schema version it has.
UPGRADE = "foer-opgradering-v"


class BackupRefusedError(Exception):
    """The copy would replace the open company file itself; `str(error)` is Danish."""


def copy_problem(error: OSError | sqlite3.Error) -> str:
    """Why a copy could not be written, in Danish. SQLite reports a full or locked target drive
    as its own errors, not as OSError; they are about the copy, not the company file."""
    if isinstance(error, OSError):
        return file_problem(error)
    name = getattr(error, "sqlite_errorname", "")
    if name.startswith("SQLITE_FULL"):
        return file_problem(OSError(errno.ENOSPC, "full"))
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM", "SQLITE_IOERR")):
        return file_problem(OSError(errno.EACCES, "no access"))
    return f"systemet svarede: {error}"


def backup_database(db: CompanyDatabase, target: Path) -> Path:
    """Write a complete, consistent copy of `db` to `target` (replacing it) and return the path.

    The copy is written to a temporary name first and then renamed, so a half-written copy
    never stands under the final name. A target that is the open file itself (or one of the
    files SQLite keeps beside it) is refused: replacing it would destroy the company's data.
    """
    _refuse_the_open_file(db, target)
    if target.is_dir():
        raise BackupRefusedError(
            f"'{target}' er en mappe. Skriv et filnavn til kopien, fx "
            "'Fravær sikkerhedskopi.sqlite'."
        )
    return write_copy(db.conn, target, key=db.key)


#: Pages copied per step of the online backup (4 MB at SQLite's default page size): a big file
#: is copied in steps, between which the program that has the file open can go on writing.
PAGES_PER_STEP = 1024


def write_copy(
    source: sqlite3.Connection,
    target: Path,
    progress: Callable[[int, int, int], object] | None = None,
    key: str | None = None,
) -> Path:
    """Copy the database open on `source` to `target` with SQLite's online backup (a
    consistent copy also while it is in use) and return `target`.

    The copy is written under a temporary name and renamed when complete. It is left in
    SQLite's rollback-journal mode, not WAL: it is one self-contained file that opens read-only
    from a USB stick or a write-protected folder. `progress(status, remaining, total)` is
    called after each step (tests interrupt a copy there).

    `key`: the password of a locked file (decision 0022), whose connection `source` is; the
    copy is locked with the same password (SQLCipher encrypts every page it writes with the
    target's key), never written in plain bytes.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".delvis")
    partial.unlink(missing_ok=True)
    try:
        from fravaer_desktop.storage.cipher import connect

        destination = connect(str(partial), key)
        try:
            source.backup(destination, pages=PAGES_PER_STEP, progress=progress)
            destination.execute("PRAGMA journal_mode = DELETE").fetchall()
        finally:
            destination.close()
        partial.replace(target)
    except BaseException:
        # No half-written copy of the staff's absence is left behind under another name.
        for leftover in (partial, *(Path(f"{partial}{s}") for s in COMPANION_SUFFIXES)):
            leftover.unlink(missing_ok=True)
        raise
    return target


def integrity_problem(conn: sqlite3.Connection) -> str | None:
    """SQLite's quick integrity check of the open database: None when it is sound, else what
    SQLite found (English, for the log file). Quick: it reads every page once (about 15 ms on
    the large benchmark company) but does not cross-check the indexes against the tables."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:  # damaged so badly that the check cannot run
        return str(error)
    if rows == [("ok",)]:
        return None
    return "; ".join(str(row[0]) for row in rows[:10])


def _refuse_the_open_file(db: CompanyDatabase, target: Path) -> None:
    main = next(row[2] for row in db.conn.execute("PRAGMA database_list") if row[1] == "main")
    if not main:
        return  # an in-memory database has no file to overwrite
    open_file = Path(main)
    for candidate in (open_file, *(Path(main + suffix) for suffix in COMPANION_SUFFIXES)):
        if _same_file(candidate, target):
            raise BackupRefusedError(
                f"Sikkerhedskopien kan ikke gemmes i '{target}': det er den fil, Fravær har "
                "åben lige nu, og den ville blive ødelagt. Vælg et andet filnavn eller en "
                "anden mappe, fx et USB-stik."
            )


def _same_file(a: Path, b: Path) -> bool:
    if a.resolve() == b.resolve():
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist
        return False
