"""Sikkerhedskopi: a complete copy, and never over the open company file itself."""

from __future__ import annotations

import errno
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.storage.backup import BackupRefusedError, backup_database, copy_problem
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store


def _company_file(path: Path) -> Store:
    store = Store(open_database(path))
    anna = store.employees.add(Employee(name="Anna Jensen", employed_from=date(2020, 1, 1)))
    store.absences.add(AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 2)))
    return store


def test_a_backup_holds_every_row_and_is_a_fravaer_file(tmp_path: Path) -> None:
    store = _company_file(tmp_path / "firma.sqlite")
    copy = backup_database(store.db, tmp_path / "usb" / "kopi.sqlite")

    copied = Store(open_database(copy, create=False))
    assert [e.name for e in copied.employees.list_all()] == ["Anna Jensen"]
    assert len(copied.absences.all()) == 1
    assert not (tmp_path / "usb" / "kopi.sqlite.delvis").exists()


@pytest.mark.parametrize("name", ["firma.sqlite", "firma.sqlite-wal", "firma.sqlite-shm"])
def test_a_backup_over_the_open_file_or_its_companions_is_refused(
    tmp_path: Path, name: str
) -> None:
    """Replacing the open file under SQLite's feet corrupted it and lost later writes."""
    store = _company_file(tmp_path / "firma.sqlite")

    with pytest.raises(BackupRefusedError, match="den fil, Fravær har åben lige nu"):
        backup_database(store.db, tmp_path / name)

    store.employees.add(Employee(name="Bo Nielsen", employed_from=date(2021, 1, 1)))
    store.db.close()
    reopened = sqlite3.connect(tmp_path / "firma.sqlite")
    assert reopened.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert reopened.execute("SELECT COUNT(*) FROM employees").fetchone() == (2,)
    reopened.close()


def test_a_backup_through_a_link_to_the_open_file_is_refused(tmp_path: Path) -> None:
    store = _company_file(tmp_path / "firma.sqlite")
    link = tmp_path / "genvej.sqlite"
    link.symlink_to(tmp_path / "firma.sqlite")

    with pytest.raises(BackupRefusedError):
        backup_database(store.db, link)
    hard_link = tmp_path / "samme.sqlite"
    hard_link.hardlink_to(tmp_path / "firma.sqlite")
    with pytest.raises(BackupRefusedError):
        backup_database(store.db, hard_link)


def test_a_folder_is_refused_as_the_backup_file(tmp_path: Path) -> None:
    store = _company_file(tmp_path / "firma.sqlite")
    folder = tmp_path / "usb"
    folder.mkdir()

    with pytest.raises(BackupRefusedError, match="er en mappe. Skriv et filnavn"):
        backup_database(store.db, folder)

    assert list(folder.iterdir()) == [] and not (tmp_path / "usb.delvis").exists()


def test_a_copy_that_fails_half_way_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A half-written copy holds the staff's absence too: it must not stay under another name."""
    store = _company_file(tmp_path / "firma.sqlite")
    target = tmp_path / "usb" / "kopi.sqlite"

    def disk_full(self: Path, other: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "replace", disk_full)
    with pytest.raises(OSError):
        backup_database(store.db, target)

    assert list(target.parent.iterdir()) == []


def test_a_full_or_locked_target_drive_is_explained_as_the_copys_problem(tmp_path: Path) -> None:
    with pytest.raises(sqlite3.OperationalError) as cannot_open:
        sqlite3.connect(f"file:{tmp_path / 'mangler' / 'kopi.sqlite'}?mode=rw", uri=True)
    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorname = "SQLITE_FULL"

    assert copy_problem(full) == "der er ikke mere plads på drevet"
    assert copy_problem(cannot_open.value).startswith("du har ikke lov til at skrive der")
    assert copy_problem(OSError(errno.ENOSPC, "No space")) == "der er ikke mere plads på drevet"
