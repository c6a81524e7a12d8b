"""The retention plan through the real screens: start it from an absence, write it, build the
graduated return, put it into the register, agree it, follow up, revise and print; the rows
stored, the Overblik items, and the text of the printed plan."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader

from fravaer_desktop.core.guides import load_guides
from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.core.retention_plan import PlanRequester, PlanStatus
from fravaer_desktop.services.followup import current_overview
from fravaer_desktop.services.retention_plans import plan_pdf, refusal_pdf
from fravaer_desktop.ui.retention_plan import editor as editor_module
from fravaer_desktop.ui.retention_plan.dialogs import (
    AgreeDialog,
    FollowUpDialog,
    RefusalDialog,
    ReviseDialog,
    StartPlanDialog,
)
from fravaer_desktop.ui.retention_plan.editor import RetentionPlanEditor

# conftest: today is Monday 23 November 2026; Anna Jensen works 37 hours a week.
GUIDE = load_guides().retention_plan


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def anna(company_store):
    return company_store.employees.list_all()[0]


@pytest.fixture
def sick(company_store, anna):
    """Fully absent since Monday 14 September 2026: not back within 8 weeks."""
    return company_store.absences.add(AbsenceSpell(anna.id, date(2026, 9, 14)))


def type_date(qtbot, field, text: str) -> None:
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    field.edit.editingFinished.emit()


def start_plan(qtbot, store, anna, sick):
    dialog = StartPlanDialog(store.retention_plans, GUIDE, anna, sick, store.today())
    qtbot.addWidget(dialog)
    dialog.requested_by.setCurrentIndex(dialog.requested_by.findData("medarbejder"))
    type_date(qtbot, dialog.requested_on, "20-11-2026")
    dialog.save_button.click()
    return dialog.result_object


def open_editor(qtbot, store, health_check, plan_id):
    printed = []
    editor = RetentionPlanEditor(
        store, health_check, GUIDE, plan_id,
        lambda plan, version, parent: printed.append(plan_pdf(store, plan, version)),
        lambda plan, parent: printed.append(refusal_pdf(store, plan)),
    )  # fmt: skip
    editor.printed = printed
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def build_schedule(qtbot, editor, phases) -> None:
    schedule = editor.schedule
    editor.tabs.setCurrentWidget(schedule)
    type_date(qtbot, schedule.start, "30-11-2026")
    while schedule.phases.rowCount():
        schedule.remove_phase()
    for weeks, hours in phases:
        schedule.add_phase()
        row = schedule.phases.rowCount() - 1
        schedule.phases.cellWidget(row, 0).setValue(weeks)
        schedule.phases.cellWidget(row, 1).setValue(hours)
    schedule.phases.cellWidget(0, 2).setText("Kasse og opfyldning")


def stored_periods(store, anna):
    return sorted(
        (s.first_day, s.last_day, s.partial_hours_per_week)
        for s in store.absences.for_employee(anna.id)
    )


def overview_items(store, rule):
    overview = current_overview(store)
    return [i for i in overview.items if i.rule == rule]


def test_a_plan_from_request_to_a_signed_revision(
    qtbot, company_store, health_check, anna, sick, monkeypatch
) -> None:
    store = company_store
    plan = start_plan(qtbot, store, anna, sick)
    assert (plan.requested_by, plan.requested_on, plan.status) == (
        PlanRequester.EMPLOYEE, date(2026, 11, 20), PlanStatus.DRAFT
    )  # fmt: skip
    [option] = overview_items(store, "fastholdelsesplan")
    assert option.decision is None  # being worked out: still open

    editor = open_editor(qtbot, store, health_check, plan.id)
    background = editor.sections["baggrund"].edit
    qtbot.keyClicks(background, "Kan stå ved kassen 3 timer ad gangen; løfter ikke kasser endnu.")
    editor.goal.setCurrentIndex(editor.goal.findData("fuld"))
    editor.target_date.set_value(date(2027, 1, 4))
    editor.adjustments["pauser"].setChecked(True)
    build_schedule(qtbot, editor, [(2, 15), (2, 25), (1, 37)])
    weeks = editor.schedule.weeks
    assert weeks.rowCount() == 5
    assert [weeks.item(0, c).text() for c in (0, 2, 3, 4, 5)] == [
        "Uge 49, 2026", "15 t", "3 t", "22 t", "59,5 %"
    ]  # fmt: skip
    assert weeks.item(4, 5).text() == "0 %"
    assert len(editor.schedule.chart.chart.values) == 5
    assert editor.schedule.errors.isHidden()
    qtbot.waitUntil(lambda: store.retention_plans.get(plan.id).current.content.phases != ())
    content = store.retention_plans.get(plan.id).current.content
    assert content.texts["baggrund"].startswith("Kan stå ved kassen 3 timer")
    assert [(p.weeks, p.hours_per_week) for p in content.phases] == [(2, 15), (2, 25), (1, 37)]
    assert (content.adjustments, content.target_date) == (("pauser",), date(2027, 1, 4))

    # into the register, after a yes, in one go
    told = []
    monkeypatch.setattr(editor_module, "ask_yes_no", lambda *args: True)
    monkeypatch.setattr(editor_module, "show_information", lambda _p, _t, text: told.append(text))
    editor.schedule.apply_button.click()
    assert stored_periods(store, anna) == [
        (date(2026, 9, 14), date(2026, 11, 29), None),
        (date(2026, 11, 30), date(2026, 12, 13), 22.0),
        (date(2026, 12, 14), date(2026, 12, 27), 12.0),
    ]
    assert "Delvist fravær, 22 timer om ugen, fra 30. november 2026" in told[0]

    # agreed and signed: the option is settled; a follow-up is planned
    agree = AgreeDialog(store.retention_plans, editor.plan, store.today(), editor)
    agree.save_button.click()
    [option] = overview_items(store, "fastholdelsesplan")
    assert option.decision.reason == "Fastholdelsesplan aftalt 23. november 2026"
    follow = FollowUpDialog(store.retention_plans, editor.plan, health_check, store.today(),
                            parent=editor)  # fmt: skip
    type_date(qtbot, follow.due, "11-12-2026")
    follow.save_button.click()
    [item] = overview_items(store, "plan_opfoelgning")
    assert (item.due, item.decision, item.employee_name) == (
        date(2026, 12, 11),
        None,
        "Anna Jensen",
    )

    # a revision is a new version; the agreed one stays as it was
    revise = ReviseDialog(store.retention_plans, store.retention_plans.get(plan.id), health_check,
                          store.today(), editor)  # fmt: skip
    qtbot.keyClicks(revise.reason.edit, "Uge 2 gentages; opstarten går langsommere end ventet.")
    revise.save_button.click()
    editor.shown_version = 2
    editor._reload()
    assert editor.is_editable and not editor.sections["baggrund"].edit.isReadOnly()
    first, second = store.retention_plans.get(plan.id).versions
    assert (first.agreed_on, second.agreed_on, second.reason) == (
        date(2026, 11, 23), None, "Uge 2 gentages; opstarten går langsommere end ventet."
    )  # fmt: skip
    editor.version_choice.setCurrentIndex(editor.version_choice.findData(1))
    assert editor.sections["baggrund"].edit.isReadOnly()
    assert not editor.schedule.apply_button.isEnabled()  # an older version is not applied

    editor.print_button.click()
    text = pdf_text(editor.printed[-1])
    assert "Anna Jensen" in text and "Fastholdelsesplan" in text
    assert "Version 1" in text and "59,5" in text and "Uge 49, 2026" in text
    assert "30. nov." in text and "Kasse og opfyldning" in text  # dates and tasks of the weeks
    assert (
        "Dato og underskrift, arbejdsgiver" in text and "Dato og underskrift, medarbejder" in text
    )


def test_closing_the_editor_half_way_keeps_the_draft(
    qtbot, company_store, health_check, anna, sick
) -> None:
    plan = start_plan(qtbot, company_store, anna, sick)
    editor = open_editor(qtbot, company_store, health_check, plan.id)
    qtbot.keyClicks(editor.sections["kolleger"].edit, "Kollegerne får at vide, at Anna starter")
    editor.close_button.click()  # before the typing pause has saved it
    stored = company_store.retention_plans.get(plan.id).current.content
    assert stored.texts["kolleger"] == "Kollegerne får at vide, at Anna starter"


def test_wrong_hours_are_shown_at_the_schedule_and_nothing_goes_into_the_register(
    qtbot, company_store, health_check, anna, sick
) -> None:
    plan = start_plan(qtbot, company_store, anna, sick)
    editor = open_editor(qtbot, company_store, health_check, plan.id)
    build_schedule(qtbot, editor, [(2, 40), (1, 37)])
    assert "40 timer er mere end medarbejderens 37 timer" in editor.schedule.errors.text()
    assert not editor.schedule.apply_button.isEnabled()
    build_schedule(qtbot, editor, [(2, 15), (1, 34), (1, 37)])
    assert "under 4 timer om ugen" in editor.schedule.warnings.text()
    assert editor.schedule.weeks.item(2, 4).text().endswith("*")
    editor.schedule.phases.cellWidget(1, 2).setText("Efter knæoperationen: kun kassen")
    assert editor.schedule.health_warning.isVisible()  # warned, never blocked
    assert stored_periods(company_store, anna) == [(date(2026, 9, 14), None, None)]


def test_a_health_word_in_a_section_is_warned_about_but_saved(
    qtbot, company_store, health_check, anna, sick
) -> None:
    plan = start_plan(qtbot, company_store, anna, sick)
    editor = open_editor(qtbot, company_store, health_check, plan.id)
    section = editor.sections["baggrund"]
    qtbot.keyClicks(section.edit, "Hun har ondt i ryggen efter diskusprolapsen.")
    assert section.warning.isVisible() and section.warning.text()
    editor.save_now()
    editor._timer.start()
    editor.save_now()
    assert (
        "diskusprolapsen"
        in company_store.retention_plans.get(plan.id).current.content.texts["baggrund"]
    )


def test_a_refused_request_gets_an_answer_letter_and_a_second_plan_is_refused(
    qtbot, company_store, health_check, anna, sick
) -> None:
    store = company_store
    plan = start_plan(qtbot, store, anna, sick)
    second = StartPlanDialog(store.retention_plans, GUIDE, anna, sick, store.today())
    qtbot.addWidget(second)
    second.save_button.click()
    assert second.result_object is None
    assert "allerede en fastholdelsesplan" in second.errors.general.text()

    editor = open_editor(qtbot, store, health_check, plan.id)
    refusal = RefusalDialog(store.retention_plans, editor.plan, health_check, store.today(), editor)
    refusal.save_button.click()
    assert refusal.result_object is None  # no reason: refused at the field
    qtbot.keyClicks(refusal.reason.edit, "Vi kan ikke tilbyde nedsat tid i julesæsonen.")
    refusal.save_button.click()
    assert store.retention_plans.get(plan.id).status is PlanStatus.REFUSED
    [option] = overview_items(store, "fastholdelsesplan")
    assert option.decision.reason == "Ønsket afslået 23. november 2026"
    text = pdf_text(refusal_pdf(store, store.retention_plans.get(plan.id)))
    assert "Anna Jensen" in text and "julesæsonen" in text
