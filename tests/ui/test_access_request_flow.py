"""Udskriv alt om medarbejderen…: from the employee to the preview, and the JSON saved from it;
also in a window that has the file read-only."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from fravaer_desktop.app import open_company_file
from fravaer_desktop.ui.access_request import SAVE_JSON
from fravaer_desktop.ui.main_window import MainWindow
from tests.storage.company_files import TODAY, demo_file


def employees_window(qtbot, health_check, path) -> MainWindow:
    store = open_company_file(path, create=False, today=TODAY)
    window = MainWindow(store, health_check, path, is_demo=False)
    window.setProperty("no_exec", True)  # the preview is built, not shown modally
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("Medarbejdere")
    return window


def open_access_request(qtbot, window: MainWindow, name: str):
    page = window.employees_page
    page.table.select_where(lambda e: e.name == name)
    button = page.detail.access_button
    qtbot.waitUntil(button.isVisible)
    assert button.isEnabled()
    with qtbot.waitSignal(page.detail.access_requested):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return window.print_access_request(window.store, page.detail.employee())


def test_the_employee_s_access_request_is_previewed_and_saved_as_json(
    qtbot, tmp_path, health_check
) -> None:
    window = employees_window(qtbot, health_check, demo_file(tmp_path / "virksomhed.sqlite"))
    dialog = open_access_request(qtbot, window, "Rasmus Schmidt")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle().endswith("Alt om Rasmus Schmidt")
    assert len(dialog.pages) >= 4
    assert dialog.json_button.text() == SAVE_JSON
    target = tmp_path / "Alt om Rasmus Schmidt.json"
    dialog.save_json_to(target)
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert saved["tables"]["employees"][0]["name"] == "Rasmus Schmidt"
    assert saved["tables"]["retention_plan_versions"]
    window.close_store()


def test_a_read_only_window_prints_it_too(qtbot, tmp_path, health_check) -> None:
    path = demo_file(tmp_path / "virksomhed.sqlite")
    first = employees_window(qtbot, health_check, path)
    second = employees_window(qtbot, health_check, path)
    assert second.read_only
    dialog = open_access_request(qtbot, second, "Rasmus Schmidt")
    qtbot.addWidget(dialog)
    assert len(dialog.pages) >= 4
    second.close_store()
    first.close_store()
