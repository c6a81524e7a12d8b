"""Overblik: the manager sees what to do and by when, marks it done or not relevant; it lasts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, TaskStatus
from fravaer_desktop.core.overview import Horizon
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.main_window import MainWindow
from tests.conftest import TODAY


def _anna(store: Store):
    return next(e for e in store.employees.list_all() if e.name == "Anna Jensen")


def _sick(store: Store, days_ago: int, kind=AbsenceKind.OWN_SICKNESS) -> AbsenceSpell:
    first = TODAY - timedelta(days=days_ago)
    return store.absences.add(AbsenceSpell(employee_id=_anna(store).id, first_day=first, kind=kind))


def _row(page, rule: str):
    return next((group, item) for group, item in page.item_rows() if item.rule == rule)


def test_the_overview_is_the_first_page(window: MainWindow):
    assert window.navigation.currentItem().text() == "Overblik"
    assert window.pages.currentWidget() is window.overview_page


def _completed_apv(store: Store) -> None:
    from fravaer_desktop.core.apv import apv_figures

    first, last = date(2025, 11, 24), TODAY
    draft = store.apvs.start(TODAY, first, last)
    draft = store.apvs.save(
        draft.__class__(**{**draft.__dict__, "participants": "Alle",
                           "texts": {"retningslinjer": "Opfølgning på personalemødet i marts."}})
    )  # fmt: skip
    figures = apv_figures(store.employees.list_all(), [], first, last, TODAY)
    store.apvs.complete(draft, TODAY, figures)


def test_without_an_apv_the_overview_asks_for_one_without_a_deadline(window: MainWindow):
    page = window.overview_page
    group, item = _row(page, "apv_revision")
    assert (item.title, item.employee_name, item.due) == (
        "APV: tag stilling til sygefraværet", "Hele virksomheden", None
    )  # fmt: skip
    assert group.startswith("Uden frist")


def test_a_company_with_nothing_to_do_sees_a_calm_empty_state(window: MainWindow):
    _completed_apv(window.store)  # the APV is done: its revision is three years away
    page = window.overview_page
    page.reload()
    assert page.tree.isHidden()
    assert page.empty_label.isVisible()
    assert "ingen frister eller opgaver lige nu" in page.empty_label.text()
    assert "ingen fraværende" in page.summary.text()


def test_a_sick_call_puts_the_conversation_deadline_on_the_overview(window: MainWindow, qtbot):
    spell = _sick(window.store, days_ago=10)
    window.actions.spell_saved.emit(spell)
    group, item = _row(window.overview_page, "samtale")
    assert item.due == spell.first_day + timedelta(days=28) == date(2026, 12, 11)
    assert group.startswith(Horizon.LATER.value)
    assert item.employee_name == "Anna Jensen"
    page = window.overview_page
    page.select(item.key)
    text = page.detail.text()
    assert "Senest fredag 11. december 2026 (om 18 dage)" in text
    assert "Sygedagpengeloven § 7a" in text
    absent = page.side.absent_list.item(0).text()
    assert absent.startswith("Anna Jensen") and "dag 11" in absent


def test_an_overdue_task_stands_out_in_its_own_group(window: MainWindow):
    _sick(window.store, days_ago=40)
    window.overview_page.reload()
    page = window.overview_page
    group, item = _row(page, "samtale")
    assert group.startswith(Horizon.OVERDUE.value)
    assert item.due == date(2026, 11, 11)
    assert "overskred" in page.summary.text()
    assert page.select(item.key)
    assert "overskredet for 12 dage siden" in page.detail.text()
    # What the tree shows: the group's title and count, the row's texts, red for overdue.
    model, row = page.model, page.tree.currentIndex()
    group_index = row.parent()
    overdue = [i for g, i in page.item_rows() if g.startswith(Horizon.OVERDUE.value)]
    assert len(overdue) > 1  # the conversation and the contact days already gone
    assert model.data(group_index) == f"Overskredet ({len(overdue)})"
    assert page.tree.isExpanded(group_index)
    assert page.tree.isFirstColumnSpanned(group_index.row(), group_index.parent())
    assert model.data(group_index, Qt.ItemDataRole.FontRole).bold()
    texts = [model.data(row.siblingAtColumn(c)) for c in range(4)]
    assert texts == ["11-11-2026", "Sygefraværssamtale", "Anna Jensen", item.source]
    red = model.data(row.siblingAtColumn(2), Qt.ItemDataRole.ForegroundRole).color().name()
    assert red == "#b3261e"
    assert model.data(row.siblingAtColumn(1), Qt.ItemDataRole.ToolTipRole) == item.explanation
    assert model.flags(group_index) & Qt.ItemFlag.ItemIsSelectable == Qt.ItemFlag.NoItemFlags


def test_marking_done_is_stored_and_still_done_after_a_restart(
    qtbot, tmp_path, company_file, health_check
):
    path = company_file
    first = MainWindow(_open(path), health_check, path, is_demo=False)
    qtbot.addWidget(first)
    page = first.overview_page
    _, item = _row(page, "samtale")
    assert page.select(item.key)
    qtbot.mouseClick(page.done_button, _left())
    group, after = _row(page, "samtale")
    assert group.startswith(Horizon.DECIDED.value)
    assert after.decision.status is TaskStatus.DONE
    first.close_store()
    first.close()

    again = MainWindow(_open(path), health_check, path, is_demo=False)
    qtbot.addWidget(again)
    group, stored = _row(again.overview_page, "samtale")
    assert group.startswith(Horizon.DECIDED.value)
    assert stored.decision.status is TaskStatus.DONE
    assert stored.decision.decided_on == TODAY
    again.overview_page.select(stored.key)
    assert "Klaret 23. november 2026" in again.overview_page.detail.text()
    assert again.overview_page.undo_button.isEnabled()
    assert not again.overview_page.done_button.isEnabled()
    again.close_store()


def test_not_relevant_needs_a_reason_and_stores_nothing_without_one(window, drive_modal):
    _sick(window.store, days_ago=5)
    page = window.overview_page
    page.reload()
    _, item = _row(page, "samtale")
    page.select(item.key)
    messages = []

    def leave_reason_empty(dialog):
        dialog.save_button.click()
        messages.extend(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
        dialog.reject()

    drive_modal(page.mark_not_relevant, leave_reason_empty)
    assert "Skriv kort, hvorfor punktet ikke er relevant." in messages
    assert window.store.decisions.all() == []

    def give_reason(dialog):
        dialog.reason.setText("Medarbejderen er opsagt og fratræder om to uger")
        dialog.save_button.click()

    drive_modal(page.mark_not_relevant, give_reason)
    [stored] = window.store.decisions.all()
    assert stored.status is TaskStatus.NOT_RELEVANT
    assert stored.reason == "Medarbejderen er opsagt og fratræder om to uger"
    _, decided = _row(page, "samtale")
    page.select(decided.key)
    assert "Ikke relevant (23. november 2026): Medarbejderen er opsagt" in page.detail.text()


def test_undo_opens_the_task_again(window: MainWindow, qtbot):
    _sick(window.store, days_ago=5)
    page = window.overview_page
    page.reload()
    _, item = _row(page, "samtale")
    page.select(item.key)
    qtbot.mouseClick(page.done_button, _left())
    assert page.selected_item().key != item.key  # on to the next open task
    page.reload()
    done_row = page.model.find(item.key)
    assert page.model.data(done_row.parent()) == "Afklaret (1)"
    assert not page.tree.isExpanded(done_row.parent())  # what is done stays out of the way
    page.select(item.key)
    assert page.tree.isExpanded(done_row.parent())  # ... until it is looked up
    tooltip = page.model.data(done_row, Qt.ItemDataRole.ToolTipRole)
    assert tooltip == f"Klaret {long_date(TODAY)}"
    qtbot.mouseClick(page.undo_button, _left())
    group, reopened = _row(page, "samtale")
    assert reopened.decision is None
    assert not group.startswith(Horizon.DECIDED.value)
    assert window.store.decisions.all() == []


def test_a_childs_sick_day_puts_no_legal_task_on_the_overview(window: MainWindow):
    _sick(window.store, days_ago=0, kind=AbsenceKind.CHILD_SICK)
    window.overview_page.reload()
    rules = {item.rule for _, item in window.overview_page.item_rows()}
    assert rules.isdisjoint({"samtale", "arbejdsgiverperiode", "anmeldelse", "jobcenter"})


def test_show_employee_opens_that_employees_history(window: MainWindow, qtbot):
    _sick(window.store, days_ago=5)
    page = window.overview_page
    page.reload()
    _, item = _row(page, "samtale")
    page.select(item.key)
    qtbot.mouseClick(page.employee_button, _left())
    assert window.navigation.currentItem().text() == "Medarbejdere"
    assert window.employees_page.table.selected_row().name == "Anna Jensen"


def test_statistics_page_follows_new_absence_when_opened_again(window: MainWindow):
    window.show_page("Statistik")
    before = window.statistics_page.statistics.spells
    window.show_page("Overblik")
    spell = _sick(window.store, days_ago=20)
    window.actions.spell_saved.emit(spell)
    window.show_page("Statistik")
    assert window.statistics_page.statistics.spells == before + 1


# --- helpers ---------------------------------------------------------------------------------


def _left():
    return Qt.MouseButton.LeftButton


def _open(path) -> Store:
    return Store(open_database(path), today=lambda: TODAY)


@pytest.fixture
def company_file(tmp_path, company_store):
    """A company file on disk with Anna Jensen sick since 10 days ago."""
    from fravaer_desktop.storage.backup import backup_database

    _sick(company_store, days_ago=10)
    path = tmp_path / "virksomhed.sqlite"
    backup_database(company_store.db, path)
    return path


def test_the_contact_routine_can_be_changed_and_the_overview_follows(window, drive_modal):
    _sick(window.store, days_ago=0)
    page = window.overview_page
    page.reload()
    contact_days = sorted(item.due for _, item in page.item_rows() if item.rule == "kontakt")
    assert contact_days == [TODAY, TODAY + timedelta(days=4), TODAY + timedelta(days=13)]

    def choose_2_6_14(dialog):
        dialog.choose_preset((2, 6, 14))
        dialog.save_button.click()

    window.show_page("Virksomhed")
    drive_modal(window.edit_policy, choose_2_6_14)
    assert window.store.policy.get().contact_days == (2, 6, 14)
    assert window.company_page.contact.text() == "Kontakt på dag 2, 6 og 14"
    window.show_page("Overblik")
    contact_days = sorted(item.due for _, item in page.item_rows() if item.rule == "kontakt")
    assert contact_days == [TODAY + timedelta(days=1), TODAY + timedelta(days=5),
                            TODAY + timedelta(days=13)]  # fmt: skip


def test_own_contact_days_that_are_not_numbers_are_refused(window, drive_modal):
    seen = []

    def type_words(dialog):
        dialog.contact_choice.setCurrentIndex(dialog.contact_choice.count() - 1)
        dialog.own_days.setText("mandag og fredag")
        dialog.save_button.click()
        seen.extend(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
        dialog.reject()

    drive_modal(window.edit_policy, type_words)
    assert any("Skriv fraværsdagene som tal" in text for text in seen)
    assert window.store.policy.get().contact_days is None


def test_the_open_deadlines_can_be_saved_as_a_calendar_file(window, tmp_path):
    from icalendar import Calendar

    spell = window.store.absences.add(
        AbsenceSpell(
            employee_id=_anna(window.store).id, first_day=TODAY - timedelta(days=3),
            kind=AbsenceKind.WORK_INJURY, note="Faldt på trappen, brækket arm",
        )
    )  # fmt: skip
    page = window.overview_page
    page.reload()
    target = tmp_path / "frister.ics"
    count = page.export_calendar_to(target)
    calendar = Calendar.from_ical(target.read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == count > 0
    summaries = [str(e["SUMMARY"]) for e in events]
    assert "Samtale med Anna Jensen om fraværet – senest 18. december 2026" in summaries
    assert spell.first_day + timedelta(days=28) == date(2026, 12, 18)
    text = target.read_text(encoding="utf-8").lower()
    for revealing in ("arbejdsskade", "arbejdsulykke", "trappen", "brækket"):
        assert revealing not in text.replace("\r\n ", "")


def test_status_of_an_absence_prints_its_timeline_without_the_note(window):
    from io import BytesIO

    from pypdf import PdfReader

    spell = window.store.absences.add(
        AbsenceSpell(
            employee_id=_anna(window.store).id, first_day=TODAY - timedelta(days=12),
            note="Ringer fredag",
        )
    )  # fmt: skip
    page = window.overview_page
    page.reload()
    _, item = _row(page, "samtale")
    page.select(item.key)
    page.done_button.click()
    page.select(item.key)
    assert page.status_button.isEnabled()
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(page.status_pdf())).pages)
    assert "Status på sygefravær" in text
    assert "Anna Jensen" in text
    assert long_date(spell.first_day) in text  # 11. november 2026
    assert "Sygefraværssamtale" in text and "Klaret 23. november 2026" in text
    assert "Ringer fredag" not in text


def test_a_change_for_one_employee_gives_the_same_overview_as_reading_everything(window):
    from fravaer_desktop.services.followup import current_overview

    page = window.overview_page
    spell = _sick(window.store, days_ago=40)
    window.actions.spell_saved.emit(spell)
    bo = next(e for e in window.store.employees.list_all() if e.name == "Bo Nielsen")
    other = window.store.absences.add(AbsenceSpell(employee_id=bo.id, first_day=TODAY))
    window.actions.spell_saved.emit(other)
    full = current_overview(window.store)

    def keys(overview):
        return sorted((i.key, i.title, i.decision) for i in overview.items)

    assert keys(page.overview) == keys(full)
    assert [a.employee_id for a in page.overview.absent_now] == [
        a.employee_id for a in full.absent_now
    ]


def test_a_sick_call_made_on_another_page_is_on_the_overview_when_it_is_shown_again(window):
    window.show_page("Fravær")
    spell = _sick(window.store, days_ago=3)
    window.actions.spell_saved.emit(spell)
    window.show_page("Overblik")
    _, item = _row(window.overview_page, "samtale")
    assert item.due == spell.first_day + timedelta(days=28)


def test_a_deleted_employee_leaves_the_overview(window, drive_modal):
    _sick(window.store, days_ago=3)
    window.overview_page.reload()
    anna = _anna(window.store)
    drive_modal(lambda: window.actions.delete_employee(anna), _click_yes)
    names = {item.employee_name for _, item in window.overview_page.item_rows()}
    assert "Anna Jensen" not in names
    assert window.overview_page.overview.absent_now == []


def _click_yes(box):
    next(b for b in box.buttons() if b.text() == "Slet").click()


def test_the_120_day_counter_shows_employees_with_the_clause_and_opens_them(window, qtbot):
    from dataclasses import replace

    anna = replace(_anna(window.store), clause_120_days=True)
    window.store.employees.update(anna)
    window.store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 9, 1), last_day=date(2026, 9, 10))
    )
    page = window.overview_page
    page.reload()
    side = page.side
    assert side.rule_120_list.isVisible()
    # Tuesday 1 to Thursday 10 September: 8 sick working days and the weekend between them.
    assert side.rule_120_list.item(0).text() == (
        "Anna Jensen: 10 af 120 dage\n8 hele sygedage + 2 fridage imellem"
    )
    assert "5 dage om ugen" in side.rule_120_list.item(0).toolTip()
    assert "Søg råd før en opsigelse" in side.rule_120_note.text()
    side.rule_120_list.itemActivated.emit(side.rule_120_list.item(0))
    assert window.navigation.currentItem().text() == "Medarbejdere"
    assert window.employees_page.table.selected_row().name == "Anna Jensen"
    shown = window.employees_page.detail.rule_120_label
    assert not shown.isHidden()
    assert shown.text().startswith(
        "120-dagesreglen: 10 af 120 dage: 8 hele sygedage + 2 fridage imellem. Arbejdsdage: 5 "
    )
    assert "Højesteret 19. december 2023" in shown.text()


def test_the_nobody_absent_line_opens_nothing(window):
    side = window.overview_page.side
    assert side.absent_list.item(0).text() == "Ingen er fraværende i dag."
    side.absent_list.itemActivated.emit(side.absent_list.item(0))
    assert window.navigation.currentItem().text() == "Overblik"
    assert not side.rule_120_list.isVisible()


def test_the_status_of_a_finished_absence_still_shows_what_was_done(window):
    from io import BytesIO

    from pypdf import PdfReader

    from fravaer_desktop.services.followup import absence_status_pdf

    spell = _sick(window.store, days_ago=2)
    page = window.overview_page
    page.reload()
    _, contact = next((g, i) for g, i in page.item_rows() if i.title.endswith("(dag 1)"))
    page.select(contact.key)
    page.done_button.click()
    window.store.absences.register_return(spell.id, TODAY - timedelta(days=1))  # back today
    page.reload()
    assert not [i for _, i in page.item_rows() if i.rule == "kontakt"]  # gone from the overview
    text = "".join(
        p.extract_text()
        for p in PdfReader(BytesIO(absence_status_pdf(window.store, spell.id))).pages
    )
    assert "Kontakt medarbejderen (dag 1)" in text
    assert "Klaret 23. november 2026" in text


def test_an_absence_moved_to_the_right_person_leaves_the_wrong_one(window):
    from dataclasses import replace

    spell = _sick(window.store, days_ago=5)
    page = window.overview_page
    page.reload()
    _, item = _row(page, "samtale")
    page.select(item.key)
    page.done_button.click()
    bo = next(e for e in window.store.employees.list_all() if e.name == "Bo Nielsen")
    moved = window.store.absences.update(replace(spell, employee_id=bo.id))
    window.actions.spell_saved.emit(moved)
    names = {i.employee_name for _, i in page.item_rows() if i.spell_id == spell.id}
    assert names == {"Bo Nielsen"}
    assert [a.employee_name for a in page.overview.absent_now] == ["Bo Nielsen"]
    _, samtale = _row(page, "samtale")
    assert samtale.decision is not None  # the decision followed the absence


def test_salary_and_goal_changes_reach_the_overview(window, drive_modal):
    from fravaer_desktop.core.models import Goal, GoalMetric

    spell = _sick(window.store, days_ago=40)
    page = window.overview_page
    page.reload()
    assert _row(page, "anmeldelse")[1].due == spell.first_day + timedelta(days=35)

    def no_salary(dialog):
        dialog.pays_salary.setChecked(False)
        dialog.save_button.click()

    window.show_page("Virksomhed")
    drive_modal(window.edit_company, no_salary)
    assert not window.store.company.get().pays_salary_during_sickness
    window.show_page("Overblik")
    # Without salary: one week after the employer period ends (sygedagpengeloven § 40, stk. 2).
    assert _row(page, "anmeldelse")[1].due == spell.first_day + timedelta(days=29 + 7)

    window.show_page("Statistik")
    window.store.goals.save(Goal(GoalMetric.ABSENCE_PERCENT, 3.5, date(2026, 1, 1)))
    window.statistics_page.goals_changed.emit()
    window.show_page("Overblik")
    assert "målet er 3,5 %" in page.goal_label.text()


def test_show_employee_clears_a_search_that_hides_them(window):
    window.show_page("Medarbejdere")
    window.employees_page.search.setText("Bo")
    window.show_page("Overblik")
    window.show_employee(_anna(window.store).id)
    assert window.employees_page.search.text() == ""
    assert window.employees_page.table.selected_row().name == "Anna Jensen"


def test_left_open_overnight_the_overview_moves_to_the_new_day(window):
    spell = _sick(window.store, days_ago=27)  # the conversation is due tomorrow
    page = window.overview_page
    page.reload()
    assert _row(page, "samtale")[0].startswith(Horizon.THIS_WEEK.value)
    window.store.today = lambda: TODAY + timedelta(days=1)
    page.check_for_new_day()
    group, item = _row(page, "samtale")
    assert item.due == spell.first_day + timedelta(days=28)
    assert group.startswith(Horizon.TODAY.value)
    assert page.summary.text().startswith("24. november 2026")


def test_the_overview_tree_model_is_a_consistent_qt_model(window: MainWindow, qtmodeltester):
    """Qt's own model checks pass on a filled Overblik (groups, items, parents, flags)."""
    _sick(window.store, days_ago=40)
    page = window.overview_page
    page.reload()
    assert page.model.rowCount() >= 2
    qtmodeltester.check(page.model)
    assert page.model.parent() is page  # without an index: the owning QObject
