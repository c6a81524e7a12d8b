"""The window on a file that another Fravær has open (decision 0020): a calm banner, every
writing button off (and kept off), and »Prøv igen« once the other one is closed. A file in a
sync folder gets a calm warning with what is safe."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel, QPushButton

from fravaer_desktop.app import open_company_file
from fravaer_desktop.ui import read_only
from fravaer_desktop.ui.main_window import PAGE_TITLES, MainWindow
from tests.storage.company_files import TODAY, demo_file


def window_on(qtbot, health_check, path: Path) -> MainWindow:
    store = open_company_file(path, create=False, today=TODAY)
    window = MainWindow(store, health_check, path, is_demo=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    open_every_page(qtbot, window)
    return window


def open_every_page(qtbot, window: MainWindow) -> None:
    for title in PAGE_TITLES:
        window.show_page(title)
        qtbot.wait(1)
    qtbot.wait(5)  # the pages replaced by a new file are deleted


def enabled_buttons(window: MainWindow) -> set[str]:
    return {b.text() for b in window.findChildren(QPushButton) if b.isEnabled()}


def test_a_second_window_is_read_only_until_the_first_is_closed(
    qtbot, tmp_path, health_check, monkeypatch
) -> None:
    path = demo_file(tmp_path / "virksomhed.sqlite")
    told: list[str] = []
    monkeypatch.setattr(read_only, "show_information", lambda *args: told.append(args[2]))
    first = window_on(qtbot, health_check, path)
    second = window_on(qtbot, health_check, path)
    assert not first.read_only and second.read_only
    banner = second.read_only_banner.findChild(QLabel, "readOnlyBannerText").text()
    assert "skrivebeskyttet" in banner and "på denne computer" in banner
    assert {"Ny medarbejder…", "Sygemeld…", "Slet…", "Rediger…"} <= enabled_buttons(first)
    assert enabled_buttons(second) <= read_only.READ_ONLY_SAFE_BUTTONS
    assert "Udskriv fraværsoversigt…" in enabled_buttons(second)
    page = second.employees_page
    page.table.select_first()  # the page switches its buttons on for a selection ...
    qtbot.wait(1)
    assert not page.edit_button.isEnabled() and not page.detail.sick_button.isEnabled()
    page.table.activated_row.emit(page.table.selected_row())  # a double click: told why
    assert told == [read_only.READ_ONLY_ACTION_TEXT]
    assert not second.retry_write_access()  # the first still has it
    first.close_store()
    assert second.retry_write_access()
    assert not second.read_only and not second.store.db.read_only
    open_every_page(qtbot, second)
    assert second.findChild(QLabel, "readOnlyBannerText") is None
    assert "Ny medarbejder…" in enabled_buttons(second)
    assert all(action.isEnabled() for action in second._writing_actions)
    second.close_store()


def test_a_file_in_a_sync_folder_gets_a_calm_warning(qtbot, tmp_path, health_check) -> None:
    folder = tmp_path / "Dropbox" / "Kontor"
    folder.mkdir(parents=True)
    window = window_on(qtbot, health_check, demo_file(folder / "virksomhed.sqlite"))
    window.check_file_location()  # after the first paint
    text = window.shared_location_banner.findChild(QLabel, "sharedLocationBannerText").text()
    assert "Dropbox synkroniserer" in text and "Skift mappe til kopier" in text
    window.close_store()


def test_a_file_on_this_computer_gets_no_warning(qtbot, tmp_path, health_check) -> None:
    window = window_on(qtbot, health_check, demo_file(tmp_path / "virksomhed.sqlite"))
    window.check_file_location()
    assert window.findChild(QLabel, "sharedLocationBannerText") is None
    window.close_store()
