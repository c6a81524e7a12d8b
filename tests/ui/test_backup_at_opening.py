"""Once the window is shown, the file is checked and the day's first backup is taken, off the
window's thread; the status bar says where it went, or why there is none today."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fravaer_desktop.app import open_store
from fravaer_desktop.paths import MachineSettings
from fravaer_desktop.storage.backup_folder import DAILY, copies_in, default_backup_folder
from fravaer_desktop.ui.launch import show_window
from fravaer_desktop.ui.main_window import MainWindow
from tests.storage.company_files import demo_file


def opened(qtbot, path: Path, health_check, machine: MachineSettings) -> MainWindow:
    store = open_store(path, demo=False, create=False, today=date(2026, 11, 23),
                       backup_folder=machine.backup_folder(path))  # fmt: skip
    window = MainWindow(store, health_check, path, is_demo=False, machine=machine)
    qtbot.addWidget(window)
    return window


def test_showing_the_window_takes_the_days_backup(qtbot, tmp_path, health_check) -> None:
    path = demo_file(tmp_path / "virksomhed.sqlite")
    window = opened(qtbot, path, health_check, MachineSettings(tmp_path / "data"))

    show_window(window)
    qtbot.waitUntil(lambda: window.opening_check is not None, timeout=10000)

    [copy] = copies_in(path, default_backup_folder(path), DAILY)
    assert window.opening_check.copy == copy.path
    assert window.statusBar().currentMessage() == (
        f"Dagens sikkerhedskopi er gemt i {default_backup_folder(path)}"
    )
    window.close_store()


def test_the_backup_goes_to_the_folder_chosen_on_this_computer(
    qtbot, tmp_path, health_check
) -> None:
    path = demo_file(tmp_path / "virksomhed.sqlite")
    machine = MachineSettings(tmp_path / "data")
    stick = tmp_path / "usb"
    stick.mkdir()
    machine.set_backup_folder(path, stick)
    window = opened(qtbot, path, health_check, MachineSettings(tmp_path / "data"))

    window.start_opening_check()
    qtbot.waitUntil(lambda: window.opening_check is not None, timeout=10000)

    assert len(copies_in(path, stick, DAILY)) == 1
    assert not default_backup_folder(path).exists()
    window.close_store()


def test_with_the_stick_out_the_status_bar_says_so_and_nothing_is_written(
    qtbot, tmp_path, health_check
) -> None:
    path = demo_file(tmp_path / "virksomhed.sqlite")
    machine = MachineSettings(tmp_path / "data")
    stick = tmp_path / "usb"
    machine.set_backup_folder(path, stick)
    window = opened(qtbot, path, health_check, machine)

    window.start_opening_check()
    qtbot.waitUntil(lambda: window.opening_check is not None, timeout=10000)

    assert window.statusBar().currentMessage() == (
        f"Dagens sikkerhedskopi kunne ikke tages: mappen '{stick}' findes ikke lige nu (er "
        "USB-stikket eller netværksdrevet sat til?). Fravær prøver igen, næste gang du åbner "
        "programmet."
    )
    assert not stick.exists() and not default_backup_folder(path).exists()
    window.close_store()


def test_a_demo_has_no_backups(qtbot, tmp_path, company_store, health_check) -> None:
    window = MainWindow(company_store, health_check, None, is_demo=True)
    qtbot.addWidget(window)

    window.start_opening_check()

    assert window.backup_folder() is None and window.opening_check is None


def test_the_company_page_says_where_the_copies_go(qtbot, tmp_path, health_check) -> None:
    path = demo_file(tmp_path / "virksomhed.sqlite")
    window = opened(qtbot, path, health_check, MachineSettings(tmp_path / "data"))
    window.show()
    window.start_opening_check()
    qtbot.waitUntil(lambda: window.opening_check is not None, timeout=10000)

    window.show_page("Virksomhed")

    [copy] = copies_in(path, default_backup_folder(path), DAILY)
    from fravaer_desktop.ui.dialogs.restore_dialog import taken_text

    assert window.company_page.backups.text() == (
        f"Gemmes automatisk i {default_backup_folder(path)}. Den nyeste er fra "
        f"{taken_text(copy.taken_at)}."
    )
    assert window.company_page.restore_button.isEnabled()
    window.close_store()


def test_choosing_a_new_folder_is_remembered_and_gets_todays_copy(
    qtbot, tmp_path, health_check
) -> None:
    path = demo_file(tmp_path / "virksomhed.sqlite")
    window = opened(qtbot, path, health_check, MachineSettings(tmp_path / "data"))
    stick = tmp_path / "usb"
    stick.mkdir()

    assert window.set_backup_folder(stick)
    qtbot.waitUntil(lambda: window.opening_check is not None, timeout=10000)

    assert MachineSettings(tmp_path / "data").backup_folder(path) == stick
    assert len(copies_in(path, stick, DAILY)) == 1
    assert window.backup_folder() == stick
    window.close_store()


def test_a_folder_that_cannot_be_used_is_refused_and_nothing_changes(
    qtbot, tmp_path, health_check, drive_modal
) -> None:
    path = demo_file(tmp_path / "virksomhed.sqlite")
    window = opened(qtbot, path, health_check, MachineSettings(tmp_path / "data"))
    said: list[str] = []

    accepted = drive_modal(lambda: window.set_backup_folder(tmp_path / "mangler"),
                           lambda box: (said.append(box.text()), box.accept()))  # fmt: skip

    assert accepted is False
    assert said[0].startswith(f"Fravær kan ikke skrive i mappen '{tmp_path / 'mangler'}'")
    assert MachineSettings(tmp_path / "data").backup_folder(path) is None
    window.close_store()


def test_building_the_window_does_not_load_the_backup_modules(tmp_path) -> None:
    """They are loaded after the first paint, when the check at opening starts (~3 ms)."""
    import subprocess
    import sys

    path = demo_file(tmp_path / "virksomhed.sqlite")
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from fravaer_desktop.app import parse_args\n"
        "from fravaer_desktop.ui.launch import build_window, make_application\n"
        "app = make_application()\n"
        f"window = build_window(parse_args(['--db', {str(path)!r}]))\n"
        "late = ['fravaer_desktop.storage.backup_folder', 'fravaer_desktop.storage.restore']\n"
        "assert not [m for m in late if m in sys.modules], late\n"
        "window.close_store()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
