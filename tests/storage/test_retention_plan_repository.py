"""Retention plans are stored from the request on, edited as a draft, fixed when agreed, revised
as new versions, and their schedule goes into the absence register in one transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell
from fravaer_desktop.core.retention_plan import (
    FollowUp,
    PlanContent,
    PlanGoal,
    PlanHolds,
    PlanRequester,
    PlanStatus,
    RetentionPlan,
    SchedulePhase,
)
from fravaer_desktop.core.validation import ValidationError

# conftest: today is Monday 23 November 2026; Anna works 37 hours a week.
SCHEDULE = (SchedulePhase(2, 15, "Kasse og opfyldning"), SchedulePhase(2, 25), SchedulePhase(1, 37))


@pytest.fixture
def anna(company_store):
    return company_store.employees.list_all()[0]


@pytest.fixture
def sick(company_store, anna):
    """Anna is fully absent since Monday 14 September 2026."""
    return company_store.absences.add(AbsenceSpell(anna.id, date(2026, 9, 14)))


@pytest.fixture
def plans(company_store):
    return company_store.retention_plans


@pytest.fixture
def plan(plans, anna, sick):
    return plans.start(RetentionPlan(anna.id, sick.id, PlanRequester.EMPLOYEE, date(2026, 11, 20)))


def content(**changes) -> PlanContent:
    values = dict(
        texts={"baggrund": "Kan stå ved kassen i korte perioder; løfter ikke varer endnu."},
        goal=PlanGoal.FULL,
        target_date=date(2027, 1, 4),
        adjustments=("timer", "pauser"),
        schedule_start=date(2026, 11, 30),
        phases=SCHEDULE,
    )
    return PlanContent(**{**values, **changes})


def test_a_started_plan_has_a_first_draft_version_with_the_employees_hours(plan, anna):
    assert (plan.status, plan.requested_by, plan.requested_on) == (
        PlanStatus.DRAFT, PlanRequester.EMPLOYEE, date(2026, 11, 20)
    )  # fmt: skip
    [version] = plan.versions
    assert (version.version, version.made_on, version.agreed_on) == (1, date(2026, 11, 20), None)
    assert (version.content.contract_hours, version.content.working_days) == (37.0, 5)


def test_the_draft_is_saved_as_typed_and_read_back_whole(plans, plan):
    plans.save_content(plan.id, replace(content(), contract_hours=37.0))
    stored = plans.get(plan.id).current.content
    assert stored.texts["baggrund"].startswith("Kan stå ved kassen")
    assert stored.phases == SCHEDULE
    assert (stored.schedule_start, stored.target_date, stored.adjustments) == (
        date(2026, 11, 30), date(2027, 1, 4), ("timer", "pauser")
    )  # fmt: skip


def test_a_second_open_plan_for_the_same_absence_is_refused(plans, plan, anna, sick):
    with pytest.raises(ValidationError) as refused:
        plans.start(RetentionPlan(anna.id, sick.id, PlanRequester.EMPLOYER, date(2026, 11, 23)))
    assert "allerede en fastholdelsesplan" in str(refused.value)
    assert len(plans.all()) == 1
    # and the file itself refuses it too
    with pytest.raises(sqlite3.IntegrityError):
        plans._db.execute(
            "INSERT INTO retention_plans (employee_id, spell_id, requested_by, requested_on, "
            "changed_at) VALUES (?, ?, 'medarbejder', '2026-11-23', 'x')",
            (anna.id, sick.id),
        )


def test_a_request_before_the_absence_or_in_the_future_is_refused(plans, anna, sick):
    for day in (date(2026, 9, 1), date(2026, 11, 24)):
        with pytest.raises(ValidationError):
            plans.start(RetentionPlan(anna.id, sick.id, PlanRequester.EMPLOYEE, day))
    assert plans.all() == []


def test_agreeing_checks_the_content_and_then_fixes_the_version(plans, plan):
    plans.save_content(plan.id, content(phases=(SchedulePhase(2, 40),)))
    with pytest.raises(ValidationError) as refused:
        plans.agree(plan.id, date(2026, 11, 23))
    assert "40 timer er mere end" in str(refused.value)
    assert plans.get(plan.id).status is PlanStatus.DRAFT

    plans.save_content(plan.id, content())
    agreed = plans.agree(plan.id, date(2026, 11, 23))
    assert (agreed.status, agreed.current.agreed_on) == (PlanStatus.AGREED, date(2026, 11, 23))
    with pytest.raises(ValidationError) as fixed:
        plans.save_content(plan.id, content(goal=PlanGoal.PARTIAL))
    assert "kan ikke rettes" in str(fixed.value)


def test_a_revision_is_a_new_version_and_keeps_the_earlier_one(plans, plan, company_store, anna):
    plans.save_content(plan.id, content())
    plans.agree(plan.id, date(2026, 11, 23))
    with pytest.raises(ValidationError):
        plans.revise(plan.id, "  ", date(2026, 11, 23))
    company_store.employees.update(replace(anna, weekly_hours=30))
    revised = plans.revise(plan.id, "Anna går ned til 30 timer fast", date(2026, 11, 23))
    first, second = revised.versions
    assert (second.version, second.reason, second.agreed_on) == (
        2, "Anna går ned til 30 timer fast", None
    )  # fmt: skip
    assert (first.content.contract_hours, second.content.contract_hours) == (37.0, 30.0)
    assert first.content.phases == second.content.phases == SCHEDULE
    assert first.agreed_on == date(2026, 11, 23)


def test_a_refused_request_is_recorded_with_its_reason_and_allows_a_new_plan(
    plans, plan, anna, sick
):
    with pytest.raises(ValidationError):
        plans.refuse(plan.id, "", date(2026, 11, 23))
    refused = plans.refuse(plan.id, "Vi kan ikke tilbyde deltid i julen.", date(2026, 11, 23))
    assert (refused.status, refused.decided_on) == (PlanStatus.REFUSED, date(2026, 11, 23))
    assert plans.open_for(sick.id) is None
    again = plans.start(RetentionPlan(anna.id, sick.id, PlanRequester.EMPLOYEE, date(2026, 11, 23)))
    assert again.status is PlanStatus.DRAFT


def test_follow_ups_are_planned_and_recorded(plans, plan):
    planned = plans.save_follow_up(plan.id, FollowUp(date(2026, 12, 14)))
    with pytest.raises(ValidationError):
        plans.save_follow_up(plan.id, replace(planned, held_on=date(2026, 11, 23)))  # no answer
    plans.save_follow_up(
        plan.id,
        replace(
            planned, held_on=date(2026, 11, 23), how_it_went="Godt i gang", holds=PlanHolds.YES
        ),
    )
    [stored] = plans.get(plan.id).follow_ups
    assert (stored.due, stored.held_on, stored.holds) == (
        date(2026, 12, 14), date(2026, 11, 23), PlanHolds.YES
    )  # fmt: skip


def periods(company_store, anna):
    return [
        (s.first_day, s.last_day, s.partial_hours_per_week)
        for s in sorted(company_store.absences.for_employee(anna.id), key=lambda s: s.first_day)
    ]


def test_the_schedule_goes_into_the_register_as_partial_absence(
    plans, plan, company_store, anna, sick
):
    plans.save_content(plan.id, content())
    changes = plans.apply_schedule(plan.id)
    assert periods(company_store, anna) == [
        (date(2026, 9, 14), date(2026, 11, 29), None),
        (date(2026, 11, 30), date(2026, 12, 13), 22.0),
        (date(2026, 12, 14), date(2026, 12, 27), 12.0),
    ]
    assert changes == [
        "Fuldt fravær fra 14. september 2026 slutter nu 29. november 2026",
        "Delvist fravær, 22 timer om ugen, fra 30. november 2026 til og med 13. december 2026",
        "Delvist fravær, 12 timer om ugen, fra 14. december 2026 til og med 27. december 2026",
        "Fraværet slutter 27. december 2026; derefter arbejder Anna Jensen fulde timer.",
    ]
    # applied again (after a revision) it replaces its own weeks, not adds to them
    plans.save_content(plan.id, content(phases=(SchedulePhase(3, 15), SchedulePhase(1, 37))))
    plans.apply_schedule(plan.id)
    assert periods(company_store, anna) == [
        (date(2026, 9, 14), date(2026, 11, 29), None),
        (date(2026, 11, 30), date(2026, 12, 20), 22.0),
    ]


def test_a_schedule_that_cannot_be_stored_changes_nothing(plans, plan, company_store, anna):
    # a child's sick day registered in week 2 of the schedule clashes with the plan's weeks
    company_store.absences.register_return(plan.spell_id, date(2026, 12, 31))
    before = periods(company_store, anna)
    company_store.absences.add(
        AbsenceSpell(
            anna.id, date(2027, 1, 7), kind=AbsenceKind.CHILD_SICK, last_day=date(2027, 1, 7)
        )
    )
    plans.save_content(
        plan.id, content(schedule_start=date(2026, 12, 28), target_date=None,
                         phases=(SchedulePhase(2, 20), SchedulePhase(1, 37)))
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        plans.apply_schedule(plan.id)
    assert "overlapper" in str(refused.value)
    assert periods(company_store, anna)[:1] == before


def test_a_plan_for_other_contract_hours_is_not_applied(plans, plan, company_store, anna):
    plans.save_content(plan.id, content())
    company_store.employees.update(replace(anna, weekly_hours=30))
    with pytest.raises(ValidationError) as refused:
        plans.apply_schedule(plan.id)
    assert "Lav en ny version" in str(refused.value)
    assert periods(company_store, anna) == [(date(2026, 9, 14), None, None)]
