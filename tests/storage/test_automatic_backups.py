"""Automatic backups: one a day at opening, rotated 7 daily + 4 weekly, never of a damaged file,
into the folder chosen on this computer; the copy before an upgrade joins them."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from fravaer_desktop.paths import MachineSettings
from fravaer_desktop.storage.backup_folder import (
    DAILY,
    KEEP_DAILY,
    KEEP_WEEKLY,
    all_copies,
    check_and_back_up,
    copies_in,
    copies_to_keep,
    copy_name,
    default_backup_folder,
    newest_good_copy,
    parse_copy,
    preview,
    rotate_daily_copies,
    summarize,
)
from fravaer_desktop.storage.database import open_database, safety_copies
from fravaer_desktop.storage.repositories import Store
from tests.storage.company_files import damage, demo_file

MORNING = datetime(2026, 11, 23, 8, 30)


# -- rotation -------------------------------------------------------------------------------


def test_used_every_day_the_rotation_keeps_7_days_and_4_weeks_at_most_27_days_back() -> None:
    stamps = [datetime(2026, 9, 1, 8) + timedelta(days=n) for n in range(90)]
    newest = stamps[-1]  # Sunday 29 November 2026

    kept = sorted(copies_to_keep(stamps), reverse=True)

    assert kept[:KEEP_DAILY] == stamps[-KEEP_DAILY:][::-1]  # the last seven days
    weekly = kept[KEEP_DAILY:]  # the Sundays of the three weeks before this one
    assert [s.date() for s in weekly] == [date(2026, 11, 22), date(2026, 11, 15), date(2026, 11, 8)]
    assert len(kept) == KEEP_DAILY + KEEP_WEEKLY - 1  # this week's newest is also today's
    assert (newest - kept[-1]).days == 21


def test_the_oldest_copy_kept_is_at_most_27_days_old_whatever_the_weekday() -> None:
    for last in range(7):
        stamps = [datetime(2026, 9, 1, 8) + timedelta(days=n) for n in range(80 + last)]
        kept = copies_to_keep(stamps)
        assert (stamps[-1] - min(kept)).days <= 27
        assert len(kept) <= KEEP_DAILY + KEEP_WEEKLY


def test_several_copies_on_one_day_count_as_that_day_and_the_newest_is_kept() -> None:
    stamps = [datetime(2026, 11, 23, hour) for hour in (8, 12, 16)]
    assert copies_to_keep(stamps) == {datetime(2026, 11, 23, 16)}


def test_a_month_without_fravaer_deletes_none_of_the_copies_from_before_it() -> None:
    before = [datetime(2026, 10, 1, 8) + timedelta(days=n) for n in range(5)]
    after_holiday = datetime(2026, 11, 20, 8)

    assert copies_to_keep([*before, after_holiday]) == {*before, after_holiday}


# -- the daily copy at opening ----------------------------------------------------------------


def test_the_first_opening_of_the_day_takes_a_copy_and_later_ones_do_not(tmp_path: Path) -> None:
    company = demo_file(tmp_path / "virksomhed.sqlite")
    folder = default_backup_folder(company)

    first = check_and_back_up(company, folder, MORNING, folder_is_chosen=False)
    again = check_and_back_up(company, folder, MORNING.replace(hour=15), folder_is_chosen=False)
    tomorrow = check_and_back_up(company, folder, MORNING + timedelta(days=1),
                                 folder_is_chosen=False)  # fmt: skip

    assert first.copy == folder / "virksomhed-dagligt-20261123-083000.sqlite"
    assert first.damage is None and first.copy_problem is None
    assert again.copy is None and again.damage is None
    assert tomorrow.copy is not None
    assert [c.taken_at.date() for c in copies_in(company, folder)] == [
        date(2026, 11, 24), date(2026, 11, 23),
    ]  # fmt: skip


def test_a_daily_copy_holds_the_company_and_is_one_self_contained_file(tmp_path: Path) -> None:
    company = demo_file(tmp_path / "virksomhed.sqlite")
    copy = check_and_back_up(company, tmp_path / "usb", MORNING, folder_is_chosen=False).copy

    conn = sqlite3.connect(copy)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    conn.close()
    original, copied = Store(open_database(company)), Store(open_database(copy))
    assert [e.name for e in copied.employees.list_all()] == [
        e.name for e in original.employees.list_all()
    ]
    assert len(copied.absences.all()) == len(original.absences.all()) > 0
    original.db.close()
    copied.db.close()


def test_two_months_of_daily_openings_leave_the_rotated_copies(tmp_path: Path) -> None:
    company = demo_file(tmp_path / "virksomhed.sqlite")
    folder = tmp_path / "kopier"
    for day in range(60):
        check_and_back_up(company, folder, MORNING + timedelta(days=day), folder_is_chosen=False)

    names = sorted(p.name for p in folder.iterdir())
    every_day = [MORNING + timedelta(days=day) for day in range(60)]
    assert names == sorted(copy_name(company, DAILY, s) for s in copies_to_keep(every_day))
    assert len(names) == 9  # Thursday: the 7 days reach into last week, so 2 Sundays more
    assert names[-1] == "virksomhed-dagligt-20270121-083000.sqlite"


def test_rotation_leaves_other_copies_and_other_companies_alone(tmp_path: Path) -> None:
    company = tmp_path / "virksomhed.sqlite"
    folder = tmp_path / "kopier"
    folder.mkdir()
    names = [copy_name(company, DAILY, MORNING - timedelta(days=n)) for n in range(40)]
    others = [
        copy_name(company, "foer-opgradering-v3", MORNING - timedelta(days=90)),
        copy_name(tmp_path / "bageriet.sqlite", DAILY, MORNING - timedelta(days=90)),
        "Fravær sikkerhedskopi 2026-01-01.sqlite",
        "virksomhed-dagligt-20261001-083000.sqlite.delvis",  # a copy that was stopped
    ]
    for name in names + others:
        (folder / name).write_bytes(b"")

    deleted = rotate_daily_copies(company, folder)

    assert len(deleted) == 40 - 9 + 1  # 9 kept (Monday: 7 days, 2 Sundays before), .delvis
    assert all((folder / name).exists() for name in others[:3])
    assert not (folder / others[3]).exists()


def test_a_damaged_file_is_reported_and_not_copied(tmp_path: Path) -> None:
    """Its copy would push a good copy out of the rotation."""
    company = demo_file(tmp_path / "virksomhed.sqlite")
    damage(company)

    check = check_and_back_up(company, tmp_path / "kopier", MORNING, folder_is_chosen=False)

    assert check.damage and check.copy is None
    assert not (tmp_path / "kopier").exists()


def test_a_chosen_folder_that_is_not_there_is_not_created(tmp_path: Path) -> None:
    company = demo_file(tmp_path / "virksomhed.sqlite")
    stick = tmp_path / "usb-stik" / "Fravær"

    check = check_and_back_up(company, stick, MORNING, folder_is_chosen=True)

    assert check.copy is None
    assert check.copy_problem == (
        f"mappen '{stick}' findes ikke lige nu (er USB-stikket eller netværksdrevet sat til?)"
    )
    assert not stick.parent.exists()


def test_a_folder_that_cannot_be_written_is_a_danish_reason(tmp_path: Path) -> None:
    company = demo_file(tmp_path / "virksomhed.sqlite")
    blocked = tmp_path / "fil-ikke-mappe"
    blocked.write_text("")

    check = check_and_back_up(company, blocked / "kopier", MORNING, folder_is_chosen=False)

    assert check.copy is None and check.copy_problem == "en del af stien er ikke en mappe"


# -- the copy before an upgrade joins the managed backups --------------------------------------


def test_the_copy_before_an_upgrade_goes_to_the_chosen_folder(tmp_path: Path, request) -> None:
    company = demo_file(tmp_path / "virksomhed.sqlite")
    stick = tmp_path / "usb"
    stick.mkdir()
    request.getfixturevalue("newer_program")

    open_database(company, backup_folder=stick).close()

    [copy] = safety_copies(company, stick)
    assert not default_backup_folder(company).exists()
    assert [c.kind_text for c in all_copies(company, [stick])] == ["Før opgradering af programmet"]
    assert summarize(copy).employees > 0


def test_with_the_stick_out_the_copy_before_an_upgrade_goes_beside_the_file(
    tmp_path: Path, request
) -> None:
    company = demo_file(tmp_path / "virksomhed.sqlite")
    request.getfixturevalue("newer_program")

    open_database(company, backup_folder=tmp_path / "usb").close()

    assert len(safety_copies(company)) == 1


# -- what a copy holds ---------------------------------------------------------------------------


def test_the_summary_and_preview_of_a_copy(tmp_path: Path) -> None:
    company = demo_file(tmp_path / "virksomhed.sqlite")
    copy = check_and_back_up(company, tmp_path / "kopier", MORNING, folder_is_chosen=False).copy
    store = Store(open_database(company))

    summary = summarize(copy)
    seen = preview(copy)

    assert summary.usable and summary.company_name == store.company.get().name
    assert summary.employees == len(store.employees.list_all())
    assert summary.absences == len(store.absences.all())
    assert summary.newest_absence == max(s.first_day for s in store.absences.all())
    assert sorted(seen.employee_names) == sorted(e.name for e in store.employees.list_all())
    assert len(seen.newest_absences) == 5
    assert seen.newest_absences[0][1] == summary.newest_absence
    store.db.close()


def test_the_newest_good_copy_skips_a_damaged_and_a_foreign_copy(tmp_path: Path) -> None:
    company = demo_file(tmp_path / "virksomhed.sqlite")
    folder = tmp_path / "kopier"
    good = check_and_back_up(company, folder, MORNING - timedelta(days=2),
                             folder_is_chosen=False).copy  # fmt: skip
    damaged = check_and_back_up(company, folder, MORNING - timedelta(days=1),
                                folder_is_chosen=False).copy  # fmt: skip
    damage(damaged)
    foreign = folder / copy_name(company, DAILY, MORNING)
    sqlite3.connect(foreign).execute("CREATE TABLE x (y)").connection.close()

    found = newest_good_copy(all_copies(company, [folder]))

    assert found is not None and found[0].path == good
    assert summarize(damaged, check=True).problem == "Kopien er beskadiget og kan ikke bruges."
    assert summarize(foreign).problem == "Filen er ikke en Fravær-fil."


def test_names_that_are_not_copies_of_the_file_are_not_read_as_copies(tmp_path: Path) -> None:
    company = tmp_path / "virksomhed.sqlite"
    for name in (
        "virksomhed-dagligt-2026.sqlite",
        "virksomhed-hemmelig-20261123-083000.sqlite",
        "virksomhed-dagligt-20261399-083000.sqlite",
        "andet-dagligt-20261123-083000.sqlite",
        "virksomhed-dagligt-20261123-083000.txt",
    ):
        assert parse_copy(company, tmp_path / name) is None
    copy = parse_copy(company, tmp_path / "virksomhed-foer-opgradering-v12-20261123-083000.sqlite")
    assert copy is not None and copy.taken_at == MORNING


# -- the folder is remembered on this computer ----------------------------------------------------


def test_the_chosen_folder_is_remembered_per_company_file(tmp_path: Path) -> None:
    settings = MachineSettings(tmp_path / "data")
    company, other = tmp_path / "a" / "virksomhed.sqlite", tmp_path / "b" / "virksomhed.sqlite"

    settings.set_backup_folder(company, tmp_path / "usb")

    again = MachineSettings(tmp_path / "data")
    assert again.backup_folder(company) == tmp_path / "usb"
    assert again.backup_folder(other) is None
    again.set_backup_folder(company, None)
    assert MachineSettings(tmp_path / "data").backup_folder(company) is None


@pytest.mark.parametrize("text", ["{ikke json", "[1, 2]", '{"backup_folders": 7}'])
def test_a_damaged_settings_file_means_the_defaults(tmp_path: Path, text: str) -> None:
    (tmp_path / "indstillinger.json").write_text(text, encoding="utf-8")
    settings = MachineSettings(tmp_path)

    assert settings.backup_folder(tmp_path / "virksomhed.sqlite") is None
    settings.set_backup_folder(tmp_path / "virksomhed.sqlite", tmp_path / "usb")
    assert MachineSettings(tmp_path).backup_folder(tmp_path / "virksomhed.sqlite") == (
        tmp_path / "usb"
    )


def test_settings_without_a_folder_write_nothing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    settings = MachineSettings(None)
    settings.set_backup_folder(tmp_path / "virksomhed.sqlite", tmp_path / "usb")

    assert settings.backup_folder(tmp_path / "virksomhed.sqlite") == tmp_path / "usb"
    assert list(tmp_path.iterdir()) == []
