"""Gendan fra sikkerhedskopi: the same data in every table, all or nothing, the old file kept."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.storage.backup_folder import (
    BEFORE_RESTORE,
    check_and_back_up,
    copies_in,
    copy_name,
)
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.storage.restore import KEPT_BEFORE_RESTORE, RestoreError, restore_copy
from tests.storage.company_files import damage, damage_header, demo_file, every_table

MORNING = datetime(2026, 11, 23, 8, 30)
ROOT = Path(__file__).resolve().parents[2]
LATER = MORNING + timedelta(hours=3)


def change_everything(path: Path) -> None:
    """A morning's work after the copy: a new person, a deleted absence, a new absence."""
    store = Store(open_database(path))
    store.employees.add(Employee(name="Ny Medarbejder", employed_from=date(2026, 11, 1)))
    spell = store.absences.all()[0]
    store.absences.delete(spell.id, expected=spell)
    anna = store.employees.list_all()[0]
    store.absences.add(AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 23)))
    store.db.close()


@pytest.fixture
def company(tmp_path: Path) -> Path:
    return demo_file(tmp_path / "virksomhed.sqlite")


@pytest.fixture
def copy(company: Path, tmp_path: Path) -> Path:
    return check_and_back_up(company, tmp_path / "usb", MORNING, folder_is_chosen=False).copy


def test_backup_then_restore_gives_the_same_data_in_every_table(company: Path, copy: Path) -> None:
    at_backup = every_table(company)
    assert sum(len(rows) for rows in at_backup.values()) > 100
    change_everything(company)
    changed = every_table(company)
    assert changed != at_backup

    kept = restore_copy(copy, company, LATER)

    assert every_table(company) == at_backup
    assert every_table(kept) == changed  # the file as it was is kept beside it
    assert kept == company.with_name("virksomhed-foer-gendannelse-20261123-113000.sqlite")
    assert not list(company.parent.glob("*.gendannes*"))
    store = Store(open_database(company))  # and Fravær opens it as usual
    assert store.company.get() is not None
    store.db.close()


@pytest.mark.parametrize("stop", ["while the copy is written", "just before the rename"])
def test_a_restore_stopped_half_way_leaves_the_company_file_as_it_was(
    company: Path, copy: Path, stop: str
) -> None:
    """The program is killed (os._exit: no clean-up, no finally) in the middle of the restore."""
    change_everything(company)
    before = every_table(company)
    kill = {
        "while the copy is written": "progress = lambda status, remaining, total: os._exit(9)",
        "just before the rename": "os.replace = lambda *a: os._exit(9)",
    }[stop]
    script = (
        "import os, sys\n"
        "from datetime import datetime\n"
        "from pathlib import Path\n"
        "import fravaer_desktop.storage.backup as backup\n"
        "backup.PAGES_PER_STEP = 1\n"
        "from fravaer_desktop.storage.restore import restore_copy\n"
        "progress = None\n"
        f"{kill}\n"
        "restore_copy(Path(sys.argv[1]), Path(sys.argv[2]), datetime(2026, 11, 23, 11, 30),\n"
        "             progress=progress)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script, str(copy), str(company)], env=env,
                          capture_output=True, text=True, timeout=60)  # fmt: skip

    assert done.returncode == 9, done.stderr
    assert every_table(company) == before
    store = Store(open_database(company))
    assert store.company.get() is not None
    store.db.close()
    kept = restore_copy(copy, company, LATER)  # a new try cleans up and works
    assert every_table(kept) == before
    assert not list(company.parent.glob("*.gendannes*"))


def test_a_restore_that_fails_at_the_last_step_changes_nothing(
    company: Path, copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    change_everything(company)
    before = every_table(company)
    files_before = sorted(p.name for p in company.parent.glob("*.sqlite*") if "-" not in p.suffix)

    def disk_error(*args) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", disk_error)
    with pytest.raises(RestoreError, match="Virksomhedsfilen er ikke ændret."):
        restore_copy(copy, company, LATER)

    assert every_table(company) == before
    assert sorted(p.name for p in company.parent.glob("*.sqlite*")) == files_before


def test_a_restore_is_refused_while_another_program_has_the_file_open(
    company: Path, copy: Path
) -> None:
    other_window = Store(open_database(company))
    other_window.employees.list_all()
    before = every_table(company)

    with pytest.raises(RestoreError, match="bruges lige nu af et andet program"):
        restore_copy(copy, company, LATER)

    assert every_table(company) == before
    assert not copies_in(company, company.parent, BEFORE_RESTORE)
    other_window.db.close()


def test_a_damaged_copy_is_not_restored(company: Path, copy: Path) -> None:
    damage(copy)
    before = every_table(company)

    with pytest.raises(RestoreError, match="Kopien er beskadiget"):
        restore_copy(copy, company, LATER)

    assert every_table(company) == before


def test_restoring_over_a_damaged_file_keeps_the_damaged_file_as_it_was(
    company: Path, copy: Path
) -> None:
    damage_header(company)
    damaged_bytes = company.read_bytes()

    kept = restore_copy(copy, company, LATER)

    assert kept.read_bytes() == damaged_bytes
    assert every_table(company) == every_table(copy)


def test_only_the_newest_files_from_before_a_restore_are_kept(company: Path, copy: Path) -> None:
    for hour in range(5):
        restore_copy(copy, company, LATER + timedelta(hours=hour))

    kept = copies_in(company, company.parent, BEFORE_RESTORE)
    assert [k.path.name for k in kept] == [
        copy_name(company, BEFORE_RESTORE, LATER + timedelta(hours=h)) for h in (4, 3, 2)
    ]
    assert len(kept) == KEPT_BEFORE_RESTORE


def test_an_older_schema_copy_is_upgraded_when_it_is_opened(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    company = demo_file(tmp_path / "virksomhed.sqlite")
    old = check_and_back_up(company, tmp_path / "usb", MORNING, folder_is_chosen=False).copy
    request.getfixturevalue("newer_program")
    Store(open_database(company)).db.close()  # upgraded by the new version

    restore_copy(old, company, datetime(2026, 11, 24, 9))
    store = Store(open_database(company))

    assert store.db.read("SELECT COUNT(*) FROM test_notes").fetchone() == (0,)
    store.db.close()
