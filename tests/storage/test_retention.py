"""Retention (issue 18, item 5): the company's period, who is due, and deletion for good: a
real company file, its -wal and the program's own backups, read byte for byte."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest

from fravaer_desktop.core.conversation import ConversationKind, Invitation, MeetingForm
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
from fravaer_desktop.core.retention import DEFAULT_YEARS, is_due, years_after
from fravaer_desktop.core.validation import ValidationError
from fravaer_desktop.storage.backup import UPGRADE
from fravaer_desktop.storage.backup_cleaning import clean_backups
from fravaer_desktop.storage.backup_folder import (
    BEFORE_RESTORE,
    DAILY,
    default_backup_folder,
    summarize,
    take_copy,
)
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.storage.retention import (
    delete_due,
    due_for_deletion,
    retention_setting,
    save_retention_years,
)

TODAY = date(2026, 12, 14)
NAME = "Oluf Xylofonsen"
NOTES = ("Oluf ringer fra sommerhuset i Blokhus", "Oluf vil gerne starte med formiddage")
KEPT = "Karen Blivende"


def former(**changes) -> Employee:
    return Employee(name=NAME, employed_from=date(2010, 4, 1), employed_to=date(2020, 6, 30),
                    **changes)  # fmt: skip


def test_the_default_is_five_years_and_the_decision_is_recorded(store: Store) -> None:
    store.company.save(Company(name="Bageriet Solsikken ApS", cvr="10150817"))
    setting = retention_setting(store)
    assert (setting.years, setting.is_default) == (DEFAULT_YEARS, True)
    save_retention_years(store, 3, TODAY)
    assert retention_setting(store) == type(setting)(3, TODAY)
    with pytest.raises(ValidationError, match="mellem 1 og 30"):
        save_retention_years(store, 0, TODAY)
    [line] = store.db.rows("SELECT * FROM change_log WHERE description LIKE 'Opbevarings%'")
    assert (line["table_name"], line["employee_id"]) == ("company", None)


def test_only_employments_that_ended_the_period_ago_are_due(company_store: Store) -> None:
    assert years_after(date(2020, 2, 29), 5) == date(2025, 2, 28)
    ended = former()
    assert not is_due(ended, date(2025, 6, 29), 5)
    assert is_due(ended, date(2025, 6, 30), 5)
    assert not is_due(Employee(name="Still", employed_from=date(2000, 1, 1)), TODAY, 1)
    olde = company_store.employees.add(former())
    recent = company_store.employees.add(
        Employee(name="Ny Fratrådt", employed_from=date(2020, 1, 1), employed_to=date(2024, 1, 31))
    )
    assert [d.employee.id for d in due_for_deletion(company_store, TODAY)] == [olde.id]
    save_retention_years(company_store, 2, TODAY)
    assert [d.employee.id for d in due_for_deletion(company_store, TODAY)] == [olde.id, recent.id]


def fill_file(store: Store) -> Employee:
    store.company.save(Company(name="Blomsterhuset Fyn ApS", cvr="10150817"))
    store.employees.add(Employee(name=KEPT, employed_from=date(2015, 1, 1)))
    ole = store.employees.add(former())
    for month, note in zip((3, 9), NOTES, strict=True):
        store.absences.add(
            AbsenceSpell(employee_id=ole.id, first_day=date(2019, month, 4),
                         last_day=date(2019, month, 8), note=note)
        )  # fmt: skip
    spell = store.absences.for_employee(ole.id)[0]
    talk = store.conversations.start(
        Invitation(ConversationKind.FREQUENT, ole.id, date(2019, 9, 20), "10:00",
                   MeetingForm.IN_PERSON, "Kontoret", ("Indehaveren",),
                   invited_on=date(2019, 9, 12), spell_id=spell.id),
        as_of=date(2019, 9, 12),
    )  # fmt: skip
    store.conversations.save_note(talk.id, "status", NOTES[0] + " efter samtalen")
    return ole


def holders(paths: list[Path], texts: tuple[str, ...]) -> dict[str, list[str]]:
    """For each text, the files whose bytes hold it (UTF-8, as SQLite stores text)."""
    found: dict[str, list[str]] = {}
    for text in texts:
        needle = text.encode("utf-8")
        found[text] = [p.name for p in paths if p.exists() and needle in p.read_bytes()]
    return found


def test_deleted_employees_are_in_no_byte_of_the_file_its_wal_or_the_backups(
    tmp_path: Path,
) -> None:
    company_file = tmp_path / "virksomhed.sqlite"
    db = open_database(company_file)
    store = Store(db, today=lambda: TODAY)
    # A reader holds the file while the data is stored, so the -wal cannot be emptied: it
    # holds the employee's rows too, as after a save while another program reads the file.
    reader = sqlite3.connect(company_file)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM employees").fetchone()
    ole = fill_file(store)
    backups = default_backup_folder(company_file)
    copies = [
        take_copy(db.conn, company_file, backups, DAILY, datetime(2026, 12, day, 8))
        for day in (1, 7, 13)
    ] + [
        take_copy(db.conn, company_file, backups, f"{UPGRADE}6", datetime(2026, 11, 2, 8)),
        take_copy(db.conn, company_file, tmp_path, BEFORE_RESTORE, datetime(2026, 10, 5, 8)),
    ]
    reader.rollback()
    reader.close()
    wal = Path(f"{company_file}-wal")
    texts = (NAME, *NOTES)
    files = [company_file, wal, *copies]
    before = holders(files, texts)
    assert wal.name in before[NAME] and company_file.name not in before[NAME]
    assert all(copy.name in before[text] for copy in copies for text in texts)

    [due] = due_for_deletion(store, TODAY)
    assert (due.employee.id, due.absences, due.conversations) == (ole.id, 2, 1)
    result = delete_due(store, [due.employee], TODAY)
    cleaning = clean_backups(company_file, None, result.deleted)

    assert result.deleted == (ole,) and result.file_clean
    assert sorted(cleaning.cleaned) == sorted(copies) and not cleaning.deleted
    assert holders(files, texts) == {text: [] for text in texts}
    assert not wal.exists() or wal.stat().st_size == 0
    # The others' data and the copies' use for a restore are kept.
    assert [e.name for e in store.employees.list_all()] == [KEPT]
    for copy in copies:
        summary = summarize(copy, check=True)
        assert summary.usable and summary.employees == 1 and summary.absences == 0
    assert store.db.rows("SELECT employee_id FROM change_log WHERE employee_id = ?",
                         (ole.id,)) == []  # fmt: skip
    db.close()
    assert holders([company_file, wal], texts) == {text: [] for text in texts}


def test_a_copy_that_cannot_be_read_is_deleted_and_another_person_is_left_alone(
    tmp_path: Path,
) -> None:
    company_file = tmp_path / "virksomhed.sqlite"
    db = open_database(company_file)
    store = Store(db, today=lambda: TODAY)
    ole = fill_file(store)
    backups = default_backup_folder(company_file)
    good = take_copy(db.conn, company_file, backups, DAILY, datetime(2026, 12, 1, 8))
    locked = backups / good.name.replace("20261201", "20261202")
    locked.write_bytes(b"not a database, or one locked with a password" * 100)
    other = Employee(name="En Anden", employed_from=date(1999, 1, 1), id=ole.id)
    result = clean_backups(company_file, tmp_path / "stik-der-er-taget-ud", [other])
    assert result.cleaned == () and result.deleted == (locked,)
    assert result.unreachable == (tmp_path / "stik-der-er-taget-ud",)
    assert NAME.encode() in good.read_bytes()  # not the person asked for: untouched
    db.close()
