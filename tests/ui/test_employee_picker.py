"""The sick call goes to the employee the user chose: namesakes, and staff who have left."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fravaer_desktop.core.models import AbsenceSpell, Employee


def add_namesake(store) -> Employee:
    return store.employees.add(
        Employee(name="Anna Jensen", employed_from=date(2024, 8, 1), department="Bageri")
    )


def test_a_namesake_chosen_in_the_list_gets_the_sick_call(
    qtbot, window, company_store, drive_modal
):
    second = add_namesake(company_store)
    labels = {}

    def choose_second(dialog):
        picker = dialog.employee_picker
        labels["all"] = [picker.itemText(i) for i in range(picker.count())]
        picker.setCurrentIndex(picker.findData(second.id))
        dialog.save_button.click()

    drive_modal(window.actions.register_sickness, choose_second)

    assert "Anna Jensen (Bageri, ansat fra 01-08-2024)" in labels["all"]
    assert "Anna Jensen (Butik, ansat fra 01-03-2019)" in labels["all"]
    assert [s.employee_id for s in company_store.absences.all()] == [second.id]
    shown = window.absence_page.model.rows()[0]
    assert window.actions.employee_name(shown.employee_id) == (
        "Anna Jensen (Bageri, ansat fra 01-08-2024)"
    )


def test_the_name_alone_fits_both_namesakes_and_says_so(
    qtbot, window, company_store, drive_modal
):
    add_namesake(company_store)
    seen = {}

    def type_name(dialog):
        qtbot.keyClicks(QApplication.focusWidget(), "Anna Jensen")
        dialog.save_button.click()
        seen["message"] = dialog.errors.message("employee_id")
        dialog.reject()

    drive_modal(window.actions.register_sickness, type_name)

    assert seen["message"].startswith("»Anna Jensen« passer på 2 medarbejdere")
    assert company_store.absences.all() == []


def test_editing_a_namesakes_spell_keeps_it_with_her(qtbot, window, company_store, drive_modal):
    second = add_namesake(company_store)
    spell = company_store.absences.add(
        AbsenceSpell(employee_id=second.id, first_day=date(2026, 11, 2), last_day=date(2026, 11, 3))
    )

    def change_note(dialog):
        dialog.note.setText("Ringer mandag")
        dialog.save_button.click()

    drive_modal(lambda: window.actions.edit_spell(spell), change_note)

    stored = company_store.absences.get(spell.id)
    assert (stored.employee_id, stored.note) == (second.id, "Ringer mandag")


def test_an_absence_can_be_registered_afterwards_for_someone_who_has_left(
    qtbot, window, company_store, drive_modal
):
    """Today is 23 November; Lise left on 20 November, and was away on her last two days."""
    lise = company_store.employees.add(
        Employee(name="Lise Holm", employed_from=date(2020, 1, 1), employed_to=date(2026, 11, 20))
    )
    seen = {}

    def register(dialog):
        picker = dialog.employee_picker
        seen["label"] = picker.itemText(picker.count() - 1)
        qtbot.keyClicks(QApplication.focusWidget(), "Lise")
        dialog.first_day.set_date(date(2026, 11, 19))
        dialog.last_day.set_value(date(2026, 11, 20))
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return)

    drive_modal(window.actions.register_sickness, register)

    assert seen["label"] == "Lise Holm – fratrådt 20-11-2026"  # listed after today's staff
    assert [(s.employee_id, s.first_day, s.last_day) for s in company_store.absences.all()] == [
        (lise.id, date(2026, 11, 19), date(2026, 11, 20))
    ]


def test_a_name_typed_in_part_means_todays_employee_before_one_who_has_left(
    qtbot, window, company_store, drive_modal
):
    company_store.employees.add(
        Employee(name="Bo Hansen", employed_from=date(2015, 1, 1), employed_to=date(2020, 6, 30))
    )

    def type_bo(dialog):
        qtbot.keyClicks(QApplication.focusWidget(), "Bo")
        dialog.save_button.click()

    drive_modal(window.actions.register_sickness, type_bo)

    bo = next(e for e in company_store.employees.list_all() if e.name == "Bo Nielsen")
    assert [s.employee_id for s in company_store.absences.all()] == [bo.id]
