"""A damaged company file offers the newest good copy, on the real dialog: found by the check
after the window is shown, or when Fravær cannot open the file at all. No traceback reaches the
user; the details go to the log file."""

from __future__ import annotations

import sqlite3
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from fravaer_desktop.app import main, open_store, parse_args
from fravaer_desktop.paths import MachineSettings
from fravaer_desktop.storage.backup_folder import (
    BEFORE_RESTORE,
    check_and_back_up,
    copies_in,
    default_backup_folder,
)
from fravaer_desktop.storage.database import DamagedFileError, open_database
from fravaer_desktop.ui.dialogs.damaged_file_dialog import DamagedFileDialog
from fravaer_desktop.ui.launch import build_window, recover_damaged_file
from fravaer_desktop.ui.main_window import MainWindow
from tests.storage.company_files import damage, damage_header, demo_file, every_table

MONDAY = datetime(2026, 11, 23, 8, 30)


def with_copies(tmp_path: Path) -> tuple[Path, Path, dict]:
    """A company file, a good copy from Sunday and a damaged one from Monday; the tables of the
    good copy."""
    path = demo_file(tmp_path / "virksomhed.sqlite")
    folder = default_backup_folder(path)
    good = check_and_back_up(path, folder, MONDAY - timedelta(days=1), folder_is_chosen=False)
    bad = check_and_back_up(path, folder, MONDAY, folder_is_chosen=False)
    damage(bad.copy)
    return path, good.copy, every_table(good.copy)


def damage_while_open(path: Path) -> None:
    """The disk damages the absence table of the open file (bytes written past SQLite)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'absence_spells'"
    ).fetchone()[0]
    conn.close()
    with open(path, "r+b") as file:
        file.seek((root - 1) * page_size + 8)
        file.write(b"\xff\x13" * 200)


@pytest.fixture
def opened_window(qtbot, tmp_path, health_check):
    """A window on a file with a good copy from Sunday and a damaged one from Monday."""
    path, good, good_tables = with_copies(tmp_path)
    machine = MachineSettings(tmp_path / "data")
    store = open_store(path, demo=False, create=False, today=date(2026, 11, 23))
    window = MainWindow(store, health_check, path, is_demo=False, machine=machine)
    qtbot.addWidget(window)
    window.show()
    yield window, path, good_tables
    window.close_store()


def check_and_wait(qtbot, window: MainWindow):
    """Start the check at opening and wait for its answer (and the dialog it opens)."""

    def run() -> None:
        window.start_opening_check()
        qtbot.waitUntil(lambda: window.opening_check is not None, timeout=10000)

    return run


def test_the_check_after_opening_offers_the_newest_good_copy_and_restores_it(
    qtbot, opened_window, drive_modal
) -> None:
    window, path, good_tables = opened_window
    damage_while_open(path)
    damaged_bytes = path.read_bytes()
    seen: list[str] = []

    def restore_the_offered_copy(dialog: DamagedFileDialog) -> None:
        seen.append(dialog.message.text())
        assert dialog.restore_button.text() == "Gendan kopien fra 22-11-2026"
        dialog.restore_button.click()

    drive_modal(check_and_wait(qtbot, window), restore_the_offered_copy)

    assert window.opening_check.damage and window.opening_check.copy is None
    assert "fundet fejl i den" in seen[0]
    assert "Den nyeste gode sikkerhedskopi er fra søndag 22. november 2026 kl. 08.30" in seen[0]
    assert every_table(path) == good_tables
    [kept] = copies_in(path, path.parent, BEFORE_RESTORE)
    # The damaged file kept as it was: every byte after the 100-byte header, whose journal mode
    # (and change counter) moving its -wal into the file changed from WAL to rollback journal.
    assert kept.path.read_bytes()[100:] == damaged_bytes[100:]
    assert "Integritetstjek af" in (path.parent / "data" / "fejllog.txt").read_text("utf-8")
    assert window.store.company.get() is not None  # the window shows the restored file


def test_not_now_leaves_the_damaged_file_and_says_how_to_restore(
    qtbot, opened_window, drive_modal
) -> None:
    window, path, _ = opened_window
    damage_while_open(path)
    damaged_bytes = path.read_bytes()

    drive_modal(check_and_wait(qtbot, window), lambda dialog: dialog.close_button.click())

    assert path.read_bytes() == damaged_bytes
    assert "Gendan fra sikkerhedskopi" in window.statusBar().currentMessage()


def test_a_file_fravaer_cannot_open_offers_the_newest_good_copy_at_start(
    qtbot, tmp_path, drive_modal
) -> None:
    path, _good, good_tables = with_copies(tmp_path)
    damage_header(path)
    machine = MachineSettings(tmp_path / "data")
    with pytest.raises(DamagedFileError) as cannot_open:
        open_database(path, create=False)
    seen: list[str] = []

    def restore(dialog: DamagedFileDialog) -> None:
        seen.append(dialog.close_button.text())
        dialog.restore_button.click()

    told = drive_modal(lambda: recover_damaged_file(path, machine, cannot_open.value), restore)

    assert seen == ["Luk Fravær"]
    assert every_table(path) == good_tables
    assert told.startswith("Kopien fra søndag 22. november 2026 kl. 08.30 er gendannet.")
    window = build_window(parse_args(["--db", str(path)]), None, machine)
    qtbot.addWidget(window)
    assert window.store.company.get() is not None
    window.close_store()


def test_without_a_good_copy_the_dialog_says_so_and_nothing_changes(
    qtbot, tmp_path, drive_modal
) -> None:
    path = demo_file(tmp_path / "virksomhed.sqlite")
    damage_header(path)
    damaged_bytes = path.read_bytes()
    machine = MachineSettings(tmp_path / "data")
    with pytest.raises(DamagedFileError) as cannot_open:
        open_database(path, create=False)
    seen: list[str] = []

    def close(dialog: DamagedFileDialog) -> None:
        seen.append(dialog.message.text())
        assert dialog.restore_button is None
        dialog.close_button.click()

    told = drive_modal(lambda: recover_damaged_file(path, machine, cannot_open.value), close)

    assert told is None and path.read_bytes() == damaged_bytes
    assert "Fravær har ingen god sikkerhedskopi af filen." in seen[0]
    assert f"står i {tmp_path / 'data' / 'fejllog.txt'}" in seen[0]


def test_the_program_with_a_damaged_file_ends_calmly_with_details_in_the_log(
    qtbot, tmp_path, drive_modal, monkeypatch, capsys
) -> None:
    """`fravaer --db damaged.sqlite`, and the user closes: a Danish sentence, exit code 2, the
    technical details in the log file, no traceback."""
    path = demo_file(tmp_path / "virksomhed.sqlite")
    damage_header(path)
    monkeypatch.setattr("fravaer_desktop.paths.user_data_dir", lambda: tmp_path / "data")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own

    code = drive_modal(lambda: main(["--db", str(path)]),
                       lambda dialog: dialog.close_button.click())  # fmt: skip

    err = capsys.readouterr().err
    assert code == 2
    assert "kan ikke åbnes som en Fravær-fil" in err and "Traceback" not in err
    log = (tmp_path / "data" / "fejllog.txt").read_text("utf-8")
    assert "Traceback" in log and "file is not a database" in log
