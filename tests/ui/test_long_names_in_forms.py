"""A very long employee name does not make the sick-call forms wider than a small screen."""

from __future__ import annotations

from datetime import date

from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.dialogs.return_dialog import ReturnDialog
from fravaer_desktop.ui.dialogs.spell_dialog import SpellDialog

#: As long as the name field allows (100 characters).
LONG_NAME = ("Maria-Magdalena Wilhelmine Charlotte " * 3)[:100]
#: 960 logical pixels: a 1920 × 1080 screen at 200 %, less a margin.
NARROW_SCREEN_WIDTH = 900


def add_long_named_employee(store: Store) -> int:
    return store.employees.add(Employee(name=LONG_NAME, employed_from=date(2019, 3, 1))).id


def name_width(dialog) -> int:
    return dialog.fontMetrics().horizontalAdvance(LONG_NAME)


def test_sick_call_form_stays_narrow_and_lists_the_whole_name(
    qtbot, company_store: Store, health_check, today: date
) -> None:
    long_id = add_long_named_employee(company_store)
    dialog = SpellDialog(
        company_store.absences, company_store.employees.list_all(), health_check, today
    )
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.minimumSizeHint().width() < min(NARROW_SCREEN_WIDTH, name_width(dialog))
    assert dialog.width() < NARROW_SCREEN_WIDTH
    picker = dialog.employee_picker
    assert LONG_NAME in picker.itemText(picker.findData(long_id))
    # ...and the drop-down list is wide enough to show it whole
    qtbot.waitUntil(lambda: picker.view().minimumWidth() > 0)
    assert picker.view().minimumWidth() > picker.view().sizeHintForColumn(0) > name_width(dialog)


def test_return_form_stays_narrow(qtbot, company_store: Store, today: date) -> None:
    long_id = add_long_named_employee(company_store)
    spell = company_store.absences.add(AbsenceSpell(employee_id=long_id, first_day=today))
    dialog = ReturnDialog(company_store.absences, [spell], lambda _: LONG_NAME, today)
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.minimumSizeHint().width() < min(NARROW_SCREEN_WIDTH, name_width(dialog))
    assert dialog.width() < NARROW_SCREEN_WIDTH


def test_the_period_form_is_as_wide_as_its_title_with_a_long_name(qtbot, today: date) -> None:
    from fravaer_desktop.ui.dialogs.period_dialog import PeriodDialog

    title = "Fraværsoversigt for Maria-Magdalena Østergaard-Christiansen"
    dialog = PeriodDialog(title, today, date(2019, 7, 1))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(title)
