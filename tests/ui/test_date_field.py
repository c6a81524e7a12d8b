"""Dates are typed the way the program shows them (or picked in a calendar), and a date that was
not typed is never stored."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QCalendarWidget

from fravaer_desktop.ui.widgets.date_field import DateField


def type_sick_call(qtbot, typed_first_day: str):
    """Keyboard only: name, Tab, Delete, the first day as typed, Enter; `seen` gets what the
    dialog showed."""
    seen = {}

    def work(dialog):
        qtbot.keyClicks(QApplication.focusWidget(), "Anna Jensen")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.first_day.edit
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Delete)  # Tab selected the date
        qtbot.keyClicks(QApplication.focusWidget(), typed_first_day)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        seen["message"] = dialog.errors.message("first_day")
        seen["open"] = dialog.isVisible()
        seen["text"] = dialog.first_day.text()
        if dialog.isVisible():
            dialog.reject()

    return work, seen


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param("20-11-2026", id="as the field shows dates"),
        pytest.param("20.11.2026", id="with dots"),
        pytest.param("20112026", id="digits only"),
        pytest.param("20-11", id="without the year"),
    ],
)
def test_a_first_day_typed_with_the_keyboard_is_the_day_stored(
    qtbot, window, company_store, drive_modal, typed
):
    work, seen = type_sick_call(qtbot, typed)

    drive_modal(window.actions.register_sickness, work)

    assert seen["open"] is False
    assert [s.first_day for s in company_store.absences.all()] == [date(2026, 11, 20)]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        pytest.param("31-02-2026", "31-02-2026 findes ikke: februar 2026 har 28 dage.", id="31-2"),
        pytest.param(
            "20-11-00001-2026",
            "»20-11-00001-2026« er ikke en dato. Skriv den som dag-måned-år, fx 02-03-2026.",
            id="garbage",
        ),
        pytest.param("", "Skriv en dato, fx 02-03-2026.", id="emptied"),
    ],
)
def test_a_date_that_is_not_a_date_is_refused_next_to_the_field_and_nothing_is_stored(
    qtbot, window, company_store, drive_modal, typed, message
):
    work, seen = type_sick_call(qtbot, typed)

    drive_modal(window.actions.register_sickness, work)

    assert seen["message"] == message
    assert seen["open"] is True
    assert seen["text"] == typed  # the typed text is left for the user to correct
    assert company_store.absences.all() == []


def test_a_refused_date_can_be_corrected_and_saved(qtbot, window, company_store, drive_modal):
    def work(dialog):
        dialog.employee_picker.setCurrentText("Anna Jensen")
        dialog.first_day.edit.setText("")
        qtbot.keyClicks(dialog.first_day.edit, "31-11-2026")
        dialog.save_button.click()
        assert "november 2026 har 30 dage" in dialog.errors.message("first_day")
        dialog.first_day.edit.selectAll()
        qtbot.keyClicks(dialog.first_day.edit, "21-11-2026")
        dialog.save_button.click()

    drive_modal(window.actions.register_sickness, work)

    assert [s.first_day for s in company_store.absences.all()] == [date(2026, 11, 21)]


def test_the_field_writes_a_typed_date_the_programs_way_when_left(qtbot):
    field = DateField(date(2026, 11, 26))
    qtbot.addWidget(field)
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "3.12.26")
    field.edit.editingFinished.emit()

    assert field.date_value() == date(2026, 12, 3)
    assert field.text() == "03-12-2026"


def test_up_and_down_change_the_date_by_one_day(qtbot):
    field = DateField(date(2026, 12, 31))
    qtbot.addWidget(field)
    changes = []
    field.dateChanged.connect(changes.append)

    qtbot.keyClick(field.edit, Qt.Key.Key_Up)
    assert field.text() == "01-01-2027"
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)
    qtbot.keyClick(field.edit, Qt.Key.Key_Down)

    assert field.date_value() == date(2026, 12, 30)
    assert changes == [date(2027, 1, 1), date(2026, 12, 31), date(2026, 12, 30)]


def test_a_day_picked_in_the_calendar_is_the_date(qtbot):
    field = DateField(date(2026, 11, 26))
    qtbot.addWidget(field)
    field.show()
    qtbot.waitExposed(field)

    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = field.calendar_popup
    assert popup is not None and popup.isVisible()
    calendar = popup.findChild(QCalendarWidget)
    assert calendar.selectedDate() == QDate(2026, 11, 26)
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Monday
    calendar.clicked.emit(QDate(2026, 12, 24))

    assert field.date_value() == date(2026, 12, 24)
    assert field.text() == "24-12-2026"
    qtbot.waitUntil(lambda: field.calendar_popup is None)
