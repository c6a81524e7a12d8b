"""Remove deleted employees from the program's own backups (retention, decision 0023).

Every copy the program manages (daily copies, copies from before an upgrade, the file as it
was before a restore; found with `storage.backup_folder`'s functions) that still holds one of
the deleted employees is rewritten without them: read into memory, the employees deleted
there (their rows cascade as in the file), and written back with `VACUUM INTO` under a
temporary name that replaces the copy in one rename. The copies stay usable for a restore;
only the deleted people are gone from them. A copy that cannot be read (damaged, or locked
with a password this code cannot open) may hold them and is deleted instead. Copies in a
folder that cannot be reached now (the USB stick is out) are reported, not touched.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from fravaer_desktop.core.models import Employee
from fravaer_desktop.storage.backup_folder import all_copies, delete_copy, folders_with_copies
from fravaer_desktop.storage.cipher import connect, is_encrypted

TEMPORARY_SUFFIX = ".renses"


@dataclass(frozen=True)
class CleaningResult:
    cleaned: tuple[Path, ...] = ()  # rewritten without the employees
    deleted: tuple[Path, ...] = ()  # could not be read, so deleted
    unreachable: tuple[Path, ...] = ()  # folders that are not there now (a stick that is out)
    failed: tuple[Path, ...] = ()  # could neither be cleaned nor deleted (in use, no rights)


def clean_backups(
    company_file: Path,
    chosen_folder: Path | None,
    employees: Iterable[Employee],
    key: str | None = None,
) -> CleaningResult:
    """Remove `employees` (as they were stored: id, name, start date) from every copy. `key`:
    the file's password (decision 0022): its copies are locked with it and are cleaned, not
    deleted."""
    people = [(e.id, e.name, e.employed_from.isoformat()) for e in employees]
    folders = folders_with_copies(company_file, chosen_folder)
    unreachable = tuple(f for f in folders if f == chosen_folder and not f.is_dir())
    cleaned, deleted, failed = [], [], []
    for copy in all_copies(company_file, [f for f in folders if f.is_dir()]):
        try:
            if key is not None and is_encrypted(copy.path):
                if not _clean_locked_copy(copy.path, people, key):
                    continue
            elif not _clean_copy(copy.path, people):
                continue
            cleaned.append(copy.path)
        except (sqlite3.DatabaseError, OSError):
            (deleted if delete_copy(copy.path) else failed).append(copy.path)
    return CleaningResult(tuple(cleaned), tuple(deleted), unreachable, tuple(failed))


def _clean_copy(path: Path, people: list[tuple]) -> bool:
    """Rewrite the copy without the people; False when it holds none of them."""
    source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        ids = _held(source, people)
        if not ids:
            return False
        memory = sqlite3.connect(":memory:")
        try:
            source.backup(memory)
            source.close()
            memory.execute("PRAGMA foreign_keys = ON")
            memory.executemany("DELETE FROM employees WHERE id = ?", [(i,) for i in ids])
            memory.commit()
            temporary = path.with_name(path.name + TEMPORARY_SUFFIX)
            temporary.unlink(missing_ok=True)
            memory.execute("VACUUM INTO ?", (str(temporary),))
        finally:
            memory.close()
        os.replace(temporary, path)
        return True
    finally:
        source.close()


def _clean_locked_copy(path: Path, people: list[tuple], key: str) -> bool:
    """The same for a copy locked with `key`: a copy of the copy is opened with the key, the
    people deleted and the file rebuilt (VACUUM, still locked), then put in its place."""
    source = connect(f"{path.resolve().as_uri()}?mode=ro", key, uri=True)
    try:
        ids = _held(source, people)
    finally:
        source.close()
    if not ids:
        return False
    temporary = path.with_name(path.name + TEMPORARY_SUFFIX)
    shutil.copyfile(path, temporary)
    try:
        conn = connect(str(temporary), key)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA secure_delete = ON")
            conn.executemany("DELETE FROM employees WHERE id = ?", [(i,) for i in ids])
            conn.commit()
            conn.execute("VACUUM")
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm", "-journal"):
            Path(str(temporary) + suffix).unlink(missing_ok=True)
    return True


def _held(conn: sqlite3.Connection, people: list[tuple]) -> list[int]:
    """The ids of the people the copy holds: same number and the same name or start date (a
    name corrected later is still found; another person given the number is not)."""
    found = []
    for employee_id, name, employed_from in people:
        row = conn.execute(
            "SELECT 1 FROM employees WHERE id = ? AND (name = ? OR employed_from = ?)",
            (employee_id, name, employed_from),
        ).fetchone()
        if row:
            found.append(employee_id)
    return found
