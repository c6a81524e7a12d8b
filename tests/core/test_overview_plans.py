"""What a retention plan puts on the Overblik: an agreed plan (or a refused request) settles
the absence's "Mulighed: fastholdelsesplan", and every follow-up meeting is an item until it
is recorded."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from fravaer_desktop.core.models import AbsencePolicy, AbsenceSpell, Company, Employee
from fravaer_desktop.core.overview import Horizon, Overview, OverviewItem, build_overview
from fravaer_desktop.core.retention_plan import (
    FollowUp,
    PlanContent,
    PlanHolds,
    PlanRequester,
    PlanStatus,
    PlanVersion,
    RetentionPlan,
)

TODAY = date(2026, 12, 7)  # a Monday
ANNA = Employee(id=1, name="Anna Jensen", employed_from=date(2019, 3, 1))
SICK = AbsenceSpell(1, date(2026, 9, 14), id=11)  # ongoing for 12 weeks: not back within 8
PLAN = RetentionPlan(
    1, 11, PlanRequester.EMPLOYEE, date(2026, 11, 20), PlanStatus.AGREED,
    versions=(PlanVersion(1, date(2026, 11, 20), PlanContent(), agreed_on=date(2026, 11, 23)),),
    follow_ups=(FollowUp(date(2026, 12, 4)), FollowUp(date(2026, 12, 18))),
    id=3,
)  # fmt: skip


def overview(*plans: RetentionPlan) -> Overview:
    return build_overview(
        Company(name="Bageriet"), [ANNA], [SICK], [], AbsencePolicy(), TODAY, plans=plans
    )


def items(result: Overview, rule: str) -> list[OverviewItem]:
    return [i for i in result.items if i.rule == rule]


def test_without_a_plan_the_option_is_open() -> None:
    [option] = items(overview(), "fastholdelsesplan")
    assert option.decision is None and option.is_option


def test_an_agreed_plan_settles_the_option_with_the_day_it_was_agreed() -> None:
    [option] = items(overview(PLAN), "fastholdelsesplan")
    assert option.decision.reason == "Fastholdelsesplan aftalt 23. november 2026"
    assert option.horizon(TODAY) is Horizon.DECIDED


def test_a_plan_being_worked_out_leaves_the_option_open() -> None:
    draft = replace(PLAN, status=PlanStatus.DRAFT, versions=(PlanVersion(1, TODAY, PlanContent()),))
    [option] = items(overview(draft), "fastholdelsesplan")
    assert option.decision is None


def test_a_refused_request_settles_the_option_and_has_no_follow_ups() -> None:
    refused = replace(PLAN, status=PlanStatus.REFUSED, decided_on=date(2026, 11, 25))
    result = overview(refused)
    [option] = items(result, "fastholdelsesplan")
    assert option.decision.reason == "Ønsket afslået 25. november 2026"
    assert items(result, "plan_opfoelgning") == []


def test_each_follow_up_is_an_item_until_it_is_recorded() -> None:
    held = replace(PLAN.follow_ups[0], held_on=date(2026, 12, 4), holds=PlanHolds.PARTLY)
    result = overview(replace(PLAN, follow_ups=(held, PLAN.follow_ups[1])))
    done, coming = items(result, "plan_opfoelgning")
    assert (done.due, done.horizon(TODAY), done.decision.reason) == (
        date(2026, 12, 4), Horizon.DECIDED, "Holdt 4. december 2026: delvist"
    )  # fmt: skip
    assert (coming.due, coming.horizon(TODAY), coming.decision) == (
        date(2026, 12, 18), Horizon.LATER, None
    )  # fmt: skip
    assert coming.title == "Opfølgning på fastholdelsesplanen"
    assert coming.detail == "Fastholdelsesplan, version 1"


def test_a_follow_up_not_recorded_by_its_day_is_overdue() -> None:
    [overdue, _] = items(overview(PLAN), "plan_opfoelgning")
    assert overdue.horizon(TODAY) is Horizon.OVERDUE
