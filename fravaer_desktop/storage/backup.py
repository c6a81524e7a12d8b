"""Consistent copies of an open company file through SQLite's online backup API."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from fravaer_desktop.core.danish import file_problem

if TYPE_CHECKING:
    from fravaer_desktop.storage.database import CompanyDatabase

#: Files SQLite keeps beside a database while it is open.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")


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
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".delvis")
    partial.unlink(missing_ok=True)
    try:
        destination = sqlite3.connect(str(partial))
        try:
            db.conn.backup(destination)
        finally:
            destination.close()
        partial.replace(target)
    except BaseException:
        # No half-written copy of the staff's absence is left behind under another name.
        partial.unlink(missing_ok=True)
        raise
    return target


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
