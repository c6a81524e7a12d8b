"""The graduated return in numbers: weeks, hours, the partial absence in percent, the 4-hour
threshold of the law, and what goes into the absence register."""

from __future__ import annotations

from datetime import date

from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.core.retention_plan import (
    PlanContent,
    PlanGoal,
    RegisterRun,
    SchedulePhase,
    check_content,
    check_contract_hours,
    planned_versus_actual,
    register_runs,
    round_half_up,
    schedule_weeks,
    under_sickness_minimum,
)

ABSENCE = AbsenceSpell(employee_id=1, first_day=date(2026, 9, 14), id=7)
MONDAY = date(2026, 11, 30)


def plan(*phases: tuple[int, float], start: date = MONDAY, **changes) -> PlanContent:
    return PlanContent(
        phases=tuple(SchedulePhase(weeks, hours) for weeks, hours in phases),
        schedule_start=start,
        **changes,
    )


def fields(errors) -> list[str]:
    return [e.field for e in errors]


def test_fifteen_of_37_hours_is_22_hours_or_59_5_percent_absence() -> None:
    [week] = schedule_weeks(plan((1, 15)))
    assert (week.absent_hours, week.absent_percent, week.hours_per_day) == (22, 59.5, 3.0)


def test_percent_is_rounded_half_up_as_on_paper() -> None:
    assert round_half_up(39.25, 1) == 39.3
    assert round_half_up(2.675, 2) == 2.68
    # 37 - 22.2 = 14.8 hours away = 40.0 % exactly, not 39.99...
    [week] = schedule_weeks(plan((1, 22.2)))
    assert (week.absent_hours, week.absent_percent) == (14.8, 40.0)


def test_weeks_follow_iso_week_numbers_across_new_year() -> None:
    weeks = schedule_weeks(plan((2, 10), (2, 20), start=date(2026, 12, 21)))
    assert [w.label for w in weeks] == [
        "Uge 52, 2026",
        "Uge 53, 2026",
        "Uge 1, 2027",
        "Uge 2, 2027",
    ]
    assert weeks[2].monday == date(2027, 1, 4)
    assert weeks[-1].sunday == date(2027, 1, 17)


def test_a_week_over_the_leap_day_is_seven_days() -> None:
    [week] = schedule_weeks(plan((1, 20), start=date(2028, 2, 28)))
    assert (week.sunday, week.label) == (date(2028, 3, 5), "Uge 9, 2028")


def test_under_4_hours_of_absence_is_not_sickness_and_is_warned() -> None:
    content = plan((1, 20), (1, 34), (1, 37), goal=PlanGoal.FULL)
    weeks = schedule_weeks(content)
    assert [under_sickness_minimum(w, ABSENCE) for w in weeks] == [False, True, False]
    errors, warnings = check_content(content, MONDAY, ABSENCE)
    assert errors == []
    assert len(warnings) == 1 and "uge 50, 2026" in warnings[0]
    assert "ingen sygedagpenge og ingen refusion" in warnings[0]


def test_exactly_4_hours_of_absence_still_counts_as_sickness() -> None:
    [week] = schedule_weeks(plan((1, 33)))
    assert not under_sickness_minimum(week, ABSENCE)


def test_more_hours_than_the_contract_is_refused_at_the_schedule() -> None:
    errors, _ = check_content(plan((1, 40), (1, 37)), MONDAY, ABSENCE)
    assert fields(errors) == ["phases"]
    assert "40 timer er mere end medarbejderens 37 timer" in errors[0].message


def test_a_full_return_must_end_at_full_hours() -> None:
    errors, _ = check_content(plan((2, 15), (2, 30), goal=PlanGoal.FULL), MONDAY, ABSENCE)
    assert fields(errors) == ["phases"]
    assert "slutter på 30 timer" in errors[0].message
    errors, _ = check_content(plan((2, 15), (2, 30), goal=PlanGoal.PARTIAL), MONDAY, ABSENCE)
    assert errors == []


def test_a_week_at_full_hours_in_the_middle_is_refused() -> None:
    errors, _ = check_content(plan((1, 20), (1, 37), (1, 25), (1, 37)), MONDAY, ABSENCE)
    assert "fulde timer, men senere uger er ikke" in errors[0].message


def test_the_schedule_starts_on_a_monday_inside_the_absence() -> None:
    errors, _ = check_content(plan((1, 20), (1, 37), start=date(2026, 12, 2)), MONDAY, ABSENCE)
    assert fields(errors) == ["schedule_start"]
    assert "Uge 49 begynder" in errors[0].message and "30. november 2026" in errors[0].message
    errors, _ = check_content(plan((1, 20), (1, 37), start=date(2026, 9, 7)), MONDAY, ABSENCE)
    assert "før fraværet" in errors[0].message


def test_a_target_date_before_the_plan_or_after_the_absence_ended_is_refused() -> None:
    errors, _ = check_content(PlanContent(target_date=date(2026, 11, 1)), MONDAY, ABSENCE)
    assert fields(errors) == ["target_date"]
    ended = AbsenceSpell(employee_id=1, first_day=date(2026, 9, 14), last_day=date(2026, 12, 20))
    errors, _ = check_content(PlanContent(target_date=date(2027, 1, 11)), MONDAY, ended)
    assert "sluttede" in errors[0].message and "20. december 2026" in errors[0].message


def test_the_register_gets_one_spell_per_run_of_equal_absence_and_ends_before_full_hours() -> None:
    content = plan((1, 0), (2, 15), (2, 15), (1, 30), (1, 37), goal=PlanGoal.FULL)
    assert register_runs(content) == [
        RegisterRun(date(2026, 11, 30), date(2026, 12, 6), None),
        RegisterRun(date(2026, 12, 7), date(2027, 1, 3), 22.0),  # four weeks at 15 hours
        RegisterRun(date(2027, 1, 4), date(2027, 1, 10), 7.0),
    ]


def test_with_a_partial_goal_the_last_step_goes_on_after_the_schedule() -> None:
    content = plan((2, 15), (2, 25), goal=PlanGoal.PARTIAL)
    assert register_runs(content)[-1] == RegisterRun(date(2026, 12, 14), None, 12.0)


def test_a_plan_made_for_other_contract_hours_must_be_revised_first() -> None:
    content = plan((2, 15), (1, 37))
    assert check_contract_hours(content, 37.0) == []
    [error] = check_contract_hours(content, 30.0)
    assert "lavet til 37 timer" in error.message and "nu 30" in error.message


def test_planned_versus_actual_counts_the_registered_absence_per_week() -> None:
    content = plan((1, 15), (1, 25), (1, 37))
    spells = [
        AbsenceSpell(1, date(2026, 9, 14), last_day=date(2026, 12, 6), partial_hours_per_week=None),
        AbsenceSpell(1, date(2026, 11, 30), last_day=date(2026, 12, 6), partial_hours_per_week=22),
    ][1:]
    outcomes = planned_versus_actual(content, spells, today=date(2026, 12, 8))
    assert [(o.week.label, o.week.planned_hours, o.worked_hours) for o in outcomes] == [
        ("Uge 49, 2026", 15, 15.0),
        ("Uge 50, 2026", 25, 37.0),  # nothing registered yet for week 50: worked in full
    ]
    assert outcomes[1].difference == 12.0
