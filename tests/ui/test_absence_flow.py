"""A manager registers a sick call and the return with the keyboard, and sees it listed."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from fravaer_desktop.core.models import AbsenceSpell


def spell_rows(window):
    return window.absence_page.model.rows()


def test_sick_call_with_keyboard_only_is_stored_and_listed(qtbot, window, drive_modal, today):
    def type_sick_call(dialog):
        qtbot.keyClicks(QApplication.focusWidget(), "Anna Jensen")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    spell = drive_modal(window.actions.register_sickness, type_sick_call)

    assert spell is not None
    stored = window.store.absences.ongoing()
    assert [(s.first_day, s.last_day, s.partial_hours_per_week) for s in stored] == [
        (today, None, None)
    ]
    assert "Anna Jensen" in window.absence_page.today_list.item(0).text()
    assert [s.id for s in spell_rows(window)] == [spell.id]


def test_return_with_keyboard_sets_yesterday_as_last_day(qtbot, window, company_store, drive_modal):
    anna = company_store.employees.list_all()[0]
    spell = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 16))
    )
    window.absence_page.reload()

    def accept(dialog):
        assert dialog.back_on.text() == "mandag 23. november 2026"
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    drive_modal(window.actions.register_return, accept)

    assert company_store.absences.get(spell.id).last_day == date(2026, 11, 22)
    assert company_store.absences.ongoing() == []
    assert window.absence_page.today_list.item(0).text() == "Ingen er fraværende i dag."
    assert spell_rows(window)[0].last_day == date(2026, 11, 22)


def test_overlapping_sick_call_shows_message_and_stores_nothing(
    qtbot, window, company_store, drive_modal
):
    anna = company_store.employees.list_all()[0]
    company_store.absences.add(AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 20)))
    messages = []

    def try_again(dialog):
        qtbot.keyClicks(dialog.employee_picker, "Anna Jensen")
        dialog.save_button.click()
        messages.append(dialog.errors.message("first_day"))
        assert dialog.isVisible()
        dialog.reject()

    result = drive_modal(window.actions.register_sickness, try_again)

    assert result is None
    assert "har allerede en fraværsperiode, der overlapper: fra 20. november 2026" in messages[0]
    assert len(company_store.absences.all()) == 1


def test_a_sick_call_for_an_absence_that_goes_on_says_to_extend_it(
    qtbot, window, company_store, drive_modal, today
):
    """Anna was registered fit yesterday but is still sick today: a new sick call would start
    the deadlines again, so the dialog says to correct the existing absence instead."""
    anna = company_store.employees.list_all()[0]
    yesterday = today - timedelta(days=1)
    company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=today - timedelta(days=10), last_day=yesterday)
    )
    messages = []

    def call_in_sick(dialog):
        qtbot.keyClicks(dialog.employee_picker, "Anna Jensen")
        dialog.save_button.click()
        messages.append(dialog.errors.message("first_day"))
        dialog.reject()

    drive_modal(window.actions.register_sickness, call_in_sick)

    assert "fortsætter direkte efter fraværsperioden fra 13. november 2026" in messages[0]
    assert "ret i stedet den tidligere fraværsperiode" in messages[0]
    assert len(company_store.absences.all()) == 1


def test_a_renamed_employee_is_shown_and_found_by_the_new_name(qtbot, window, drive_modal, today):
    """Renaming someone changes the names in the absence list and today's list, and the search
    finds the new name, without the spells being read again."""
    store = window.store
    anna = next(e for e in store.employees.list_all() if e.name == "Anna Jensen")
    spell = store.absences.add(AbsenceSpell(anna.id, today))
    page = window.absence_page
    window.show_page("Fravær")
    page.reload()

    def rename(dialog):
        dialog.name_edit.clear()
        qtbot.keyClicks(dialog.name_edit, "Anna Holm")
        dialog.save_button.click()

    reads = []
    original_between = store.absences.between
    store.absences.between = lambda *a: reads.append(a) or original_between(*a)
    drive_modal(lambda: window.actions.edit_employee(anna), rename)

    # The spells did not change: only today's are read again (for today's list).
    assert reads and all(first == last == today for first, last in reads)
    row = next(n for n in range(page.model.rowCount()) if page.model.row_at(n).id == spell.id)
    assert page.model.data(page.model.index(row, 0)) == "Anna Holm"
    assert "anna holm" in page.model.search_text(row)
    assert "Anna Holm" in page.today_list.item(0).text()


def test_a_partial_absence_under_4_hours_a_week_is_explained_and_saved(
    qtbot, window, company_store, drive_modal, today
):
    """3 hours away a week is fit under the law: the dialog says so as the hours are typed,
    and the absence is still stored."""
    seen = []

    def partial_3_hours(dialog):
        qtbot.keyClicks(dialog.employee_picker, "Anna Jensen")
        dialog.partial.setChecked(True)
        dialog.partial_hours.setValue(3)
        seen.append((dialog.fit_note.isVisible(), dialog.fit_note.text()))
        dialog.partial_hours.setValue(4)
        seen.append((dialog.fit_note.isVisible(), ""))
        dialog.partial_hours.setValue(3)
        dialog.save_button.click()

    spell = drive_modal(window.actions.register_sickness, partial_3_hours)

    (shown, text), (shown_at_4, _) = seen
    assert shown and "regnes medarbejderen som rask" in text and "ingen refusion" in text
    assert not shown_at_4
    assert company_store.absences.get(spell.id).partial_hours_per_week == 3


def test_todays_list_counts_a_partial_return_from_the_first_day_and_skips_those_who_left(
    qtbot, window, company_store, today
):
    """Anna was fully away in October and works half days from 1 November: one absence, day
    54 today, on the Fravær page and on the Overblik alike. Bo left on 13 November while still
    registered as sick: not absent today."""
    from dataclasses import replace

    anna, bo = sorted(company_store.employees.list_all(), key=lambda e: e.name)[:2]
    full = AbsenceSpell(anna.id, date(2026, 10, 1), last_day=date(2026, 10, 31))
    company_store.absences.add(full)
    half_days = AbsenceSpell(anna.id, date(2026, 11, 1), partial_hours_per_week=18.5)
    company_store.absences.add(half_days)
    company_store.absences.add(AbsenceSpell(bo.id, date(2026, 11, 2)))
    company_store.employees.update(replace(bo, employed_to=date(2026, 11, 13)))
    window.show_page("Fravær")
    window.absence_page.reload()

    texts = [window.absence_page.today_list.item(n).text()
             for n in range(window.absence_page.today_list.count())]  # fmt: skip
    assert texts == [
        "Anna Jensen – egen sygdom, delvist (18,5 t/uge) fra 1. november 2026 – dag 54, siden "
        "1. oktober 2026"
    ]
    window.show_page("Overblik")
    window.overview_page.reload()
    panel = window.overview_page.side.absent_list
    assert [panel.item(n).text() for n in range(panel.count())] == [
        "Anna Jensen\ndag 54, siden 1. oktober 2026; delvist fra 1. november 2026"
    ]


def test_return_for_a_spell_deleted_meanwhile_says_so_and_stays_open(
    qtbot, window, company_store, drive_modal
):
    """Another Fravær window deleted the spell while this one had the Raskmelding open."""
    from fravaer_desktop.storage.repositories import SPELL_GONE_MESSAGE

    anna = company_store.employees.list_all()[0]
    spell = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 16))
    )
    window.absence_page.reload()
    shown = []

    def accept_after_deletion(dialog):
        company_store.absences.delete(spell.id)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        shown.append((dialog.isVisible(), dialog.errors.general.text()))
        dialog.reject()

    assert drive_modal(window.actions.register_return, accept_after_deletion) is None
    assert shown == [(True, SPELL_GONE_MESSAGE)]
    assert company_store.absences.count() == 0
