"""Partial absence, notes that look like health data, editing and deleting a spell."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from fravaer_desktop.core.absence import DayStatus
from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell


def test_partial_return_is_stored_and_coloured_differently_in_the_year(
    qtbot, window, company_store, drive_modal
):
    anna = company_store.employees.list_all()[0]
    company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 10, 5), last_day=date(2026, 10, 30))
    )

    def partial(dialog):
        dialog.employee_picker.setCurrentText("Anna Jensen")
        dialog.first_day.set_date(date(2026, 11, 2))
        dialog.partial.setChecked(True)
        dialog.partial_hours.setValue(18.5)
        dialog.save_button.click()

    drive_modal(window.actions.register_sickness, partial)

    stored = company_store.absences.for_employee(anna.id)[0]
    assert (stored.first_day, stored.partial_hours_per_week, stored.last_day) == (
        date(2026, 11, 2), 18.5, None,
    )  # fmt: skip
    window.show_page("Medarbejdere")
    window.employees_page.select_employee(anna.id)
    strip = window.employees_page.detail.year_strip
    assert strip.status_on(date(2026, 10, 30)) is DayStatus.FULL
    assert strip.status_on(date(2026, 11, 2)) is DayStatus.PARTIAL
    assert strip.status_on(date(2026, 11, 23)) is DayStatus.PARTIAL
    assert strip.status_on(date(2026, 10, 31)) is DayStatus.PRESENT
    assert "delvist (18,5 t/uge)" in window.absence_page.today_list.item(0).text()


def test_partial_hours_not_below_contract_hours_is_refused(
    qtbot, window, company_store, drive_modal
):
    messages = []

    def too_many_hours(dialog):
        dialog.employee_picker.setCurrentText("Bo Nielsen")  # 30 hours a week
        dialog.partial.setChecked(True)
        dialog.partial_hours.setValue(30)
        dialog.save_button.click()
        messages.append(dialog.errors.message("partial_hours_per_week"))
        dialog.reject()

    drive_modal(window.actions.register_sickness, too_many_hours)

    assert "mindre end den aftalte arbejdstid (30 timer)" in messages[0]
    assert company_store.absences.all() == []


def test_note_with_health_words_is_flagged_and_not_saved_unless_confirmed(
    qtbot, window, company_store, drive_modal
):
    seen = {}

    def health_note(dialog):
        dialog.employee_picker.setCurrentText("Anna Jensen")
        qtbot.keyClicks(dialog.note, "Har migræne, ringer fredag")
        seen["warning"] = dialog.health_warning.text()

        def say_no(box: QMessageBox):
            seen["question"] = box.text()
            seen["buttons"] = sorted(b.text() for b in box.buttons())
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # default: Ret noten

        drive_modal(dialog.save_button.click, say_no)
        seen["still_open"] = dialog.isVisible()
        dialog.reject()

    drive_modal(window.actions.register_sickness, health_note)

    assert "'migræne'" in seen["warning"]
    assert "Gem alligevel?" in seen["question"]
    assert seen["buttons"] == ["Gem alligevel", "Ret noten"]
    assert seen["still_open"] is True
    assert company_store.absences.all() == []


def test_a_flagged_note_is_saved_when_the_user_chooses_gem_alligevel(
    qtbot, window, company_store, drive_modal
):
    def health_note(dialog):
        dialog.employee_picker.setCurrentText("Anna Jensen")
        qtbot.keyClicks(dialog.note, "Har migræne, ringer fredag")

        def save_anyway(box: QMessageBox):
            next(b for b in box.buttons() if b.text() == "Gem alligevel").click()

        drive_modal(dialog.save_button.click, save_anyway)

    drive_modal(window.actions.register_sickness, health_note)

    assert [s.note for s in company_store.absences.all()] == ["Har migræne, ringer fredag"]


def test_edit_spell_kind_and_delete_it_after_confirmation(
    qtbot, window, company_store, drive_modal
):
    anna = company_store.employees.list_all()[0]
    spell = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 9, 1), last_day=date(2026, 9, 2))
    )
    window.absence_page.reload()

    def make_child_sick_day(dialog):
        dialog.kind.setCurrentIndex(dialog.kind.findData(AbsenceKind.CHILD_SICK))
        dialog.save_button.click()

    drive_modal(lambda: window.actions.edit_spell(spell), make_child_sick_day)
    assert company_store.absences.get(spell.id).kind is AbsenceKind.CHILD_SICK
    assert window.absence_page.model.rows()[0].kind is AbsenceKind.CHILD_SICK

    window.absence_page.table.select_first()

    def confirm(box: QMessageBox):
        assert "1. september 2026" in box.text()
        next(b for b in box.buttons() if b.text() == "Slet").click()

    drive_modal(window.absence_page.delete_button.click, confirm)
    assert company_store.absences.all() == []
    assert window.absence_page.model.rows() == []


def test_a_name_that_fits_no_one_or_several_says_so_and_stores_nothing(
    qtbot, window, company_store, drive_modal
):
    """ "Nielsen" fits only Bo; "e" fits both; "Hansen" no one; nothing typed asks for a name."""
    messages = {}

    def try_names(dialog):
        for typed in ("", "Hansen", "e", "nielsen"):
            dialog.employee_picker.setCurrentText(typed)
            dialog.save_button.click()
            messages[typed] = dialog.errors.message("employee_id")
        dialog.reject()

    drive_modal(window.actions.register_sickness, try_names)

    assert messages[""].startswith("Vælg den medarbejder, fraværet gælder")
    assert messages["Hansen"].startswith("Ingen medarbejder har »Hansen« i navnet.")
    assert messages["e"] == (
        "»e« passer på 2 medarbejdere (Anna Jensen, Bo Nielsen). Skriv mere af navnet, "
        "eller vælg i listen."
    )
    assert messages["nielsen"] == ""  # the dialog was saved: one employee fits
    assert [len(company_store.absences.for_employee(e.id)) for e in
            company_store.employees.list_all()] == [0, 1]  # fmt: skip


def test_a_spell_moved_to_another_employee_leaves_the_first_ones_history(
    qtbot, window, company_store, drive_modal
):
    """Registered on Anna by mistake, moved to Bo on the Fravær page: Anna's history on
    Medarbejdere no longer shows it, and editing the copy still shown anywhere starts from
    the stored spell (Bo's), so saving it does not move it back."""
    anna, bo = company_store.employees.list_all()
    spell = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 16), last_day=date(2026, 11, 18))
    )
    window.show_page("Medarbejdere")
    window.employees_page.select_employee(anna.id)
    assert [s.id for s in window.employees_page.detail.model.rows()] == [spell.id]

    def move_to_bo(dialog):
        dialog.employee_picker.select(bo.id)
        dialog.save_button.click()

    drive_modal(lambda: window.actions.edit_spell(spell), move_to_bo)

    assert window.employees_page.detail.model.rows() == []
    seen = {}

    def save_note(dialog):
        seen["employee"] = dialog.employee_picker.currentText()
        dialog.note.setText("Ringer fredag")
        dialog.save_button.click()

    drive_modal(lambda: window.actions.edit_spell(spell), save_note)  # the old copy (Anna's)

    assert seen["employee"] == "Bo Nielsen"
    assert company_store.absences.get(spell.id).employee_id == bo.id


def test_an_absence_changed_in_another_window_is_not_overwritten_by_this_one(
    qtbot, window, company_store, drive_modal
):
    """This window has the spell open; another Fravær window registers the return meanwhile.
    Saving here says so in the dialog, which stays open, and the return is kept."""
    from fravaer_desktop.storage.repositories import SPELL_CHANGED_MESSAGE

    anna = company_store.employees.list_all()[0]
    spell = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 16))
    )
    shown = []

    def note_after_the_other_window_saved(dialog):
        company_store.absences.register_return(spell.id, date(2026, 11, 18))  # the other window
        dialog.note.setText("Ringer fredag")
        dialog.save_button.click()
        shown.append((dialog.isVisible(), dialog.errors.general.text()))
        dialog.reject()

    assert (
        drive_modal(lambda: window.actions.edit_spell(spell), note_after_the_other_window_saved)
        is None
    )
    assert shown == [(True, SPELL_CHANGED_MESSAGE)]
    stored = company_store.absences.get(spell.id)
    assert (stored.last_day, stored.note) == (date(2026, 11, 18), "")


def test_deleting_an_absence_whose_number_went_to_another_deletes_nothing_and_says_so(
    qtbot, window, company_store, drive_modal
):
    """The list shows Anna's spell; another window deleted it and registered Bo's, which got
    the same number. Deleting Anna's here must not delete Bo's."""
    from PySide6.QtCore import QTimer

    from fravaer_desktop.storage.repositories import NOT_DELETED_CHANGED_MESSAGE

    anna, bo = company_store.employees.list_all()
    annas = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 2))
    )
    window.absence_page.reload()
    window.absence_page.table.select_first()
    company_store.absences.delete(annas.id)  # the other window
    bos = company_store.absences.add(AbsenceSpell(employee_id=bo.id, first_day=date(2026, 11, 16)))
    assert bos.id == annas.id
    warnings = []

    def confirm(box: QMessageBox):
        def read_warning():
            shown = QApplication.activeModalWidget()
            if shown is None or shown is box:
                QTimer.singleShot(20, read_warning)
                return
            warnings.append(shown.text())
            shown.accept()

        QTimer.singleShot(0, read_warning)
        next(b for b in box.buttons() if b.text() == "Slet").click()

    drive_modal(window.absence_page.delete_button.click, confirm)
    assert warnings == [NOT_DELETED_CHANGED_MESSAGE]
    assert company_store.absences.all() == [bos]
