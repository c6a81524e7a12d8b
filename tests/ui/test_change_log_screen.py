"""Ændringslog… on the employee: who created, changed or deleted what about them, and when,
read from the file – never the record's text; also in a window that has the file read-only."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt

from fravaer_desktop.storage import change_log as change_log_module
from fravaer_desktop.ui.dialogs.change_log_dialog import NO_CHANGES, ChangeLogDialog
from tests.storage.company_files import demo_file
from tests.ui.test_access_request_flow import employees_window

NOTE = "Ringer selv torsdag om knæet"


def open_change_log(qtbot, drive_modal, window, name: str) -> list[ChangeLogDialog]:
    page = window.employees_page
    page.table.select_where(lambda e: e.name == name)
    button = page.detail.change_log_button
    qtbot.waitUntil(button.isVisible)
    assert button.isEnabled()
    seen: list[ChangeLogDialog] = []

    def read(dialog) -> None:
        seen.append(dialog)
        dialog.reject()

    drive_modal(lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton), read)
    return seen


def test_the_employee_s_changes_are_listed_with_who_and_when(
    qtbot, drive_modal, tmp_path, health_check, monkeypatch
) -> None:
    window = employees_window(qtbot, health_check, demo_file(tmp_path / "virksomhed.sqlite"))
    monkeypatch.setattr(change_log_module, "_now", lambda: datetime(2026, 12, 7, 14, 5))
    monkeypatch.setattr(change_log_module.getpass, "getuser", lambda: "mette")
    rasmus = next(e for e in window.store.employees.list_all() if e.name == "Rasmus Schmidt")
    last_spell = max(window.store.absences.for_employee(rasmus.id), key=lambda s: s.first_day)
    window.store.absences.update(replace(last_spell, note=NOTE))
    window.store.employees.update(replace(rasmus, job_title="Bager"))

    (dialog,) = open_change_log(qtbot, drive_modal, window, "Rasmus Schmidt")
    assert dialog.windowTitle() == "Ændringslog – Rasmus Schmidt"
    rows = dialog.rows()
    # oldest first: the two changes at 14.05, in the order they were made, before the demo's own
    # entries (written when the test made the demo file, later today)
    mine = [row for row in rows if row[1] == "mette"]
    assert mine == [
        ("7. december 2026 kl. 14.05", "mette", "Fraværsperiode ændret"),
        ("7. december 2026 kl. 14.05", "mette", "Medarbejder ændret"),
    ]
    assert "aldrig" in dialog.intro.text() and f"{len(rows)} ændringer" in dialog.intro.text()
    assert not any(NOTE in cell or "knæ" in cell for row in rows for cell in row)
    window.close_store()


def test_an_employee_without_logged_changes_is_told_so(qtbot) -> None:
    dialog = ChangeLogDialog("Anna Holm", [])
    qtbot.addWidget(dialog)
    assert dialog.intro.text() == NO_CHANGES
    assert dialog.rows() == [] and dialog.table.isHidden()


def test_a_read_only_window_shows_the_change_log_too(
    qtbot, drive_modal, tmp_path, health_check
) -> None:
    path = demo_file(tmp_path / "virksomhed.sqlite")
    first = employees_window(qtbot, health_check, path)
    second = employees_window(qtbot, health_check, path)
    assert second.read_only
    (dialog,) = open_change_log(qtbot, drive_modal, second, "Rasmus Schmidt")
    assert dialog.rows(), "the demo's own entries are in the log"
    second.close_store()
    first.close_store()
