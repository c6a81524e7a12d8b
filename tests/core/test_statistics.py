"""Absence statistics: fraværsprocent as Danmarks Statistik defines it, hand-computed scenarios,
invariants (hypothesis), goals, published averages and the shared chart definition."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fravaer_desktop.core.calendar import count_working_days
from fravaer_desktop.core.charts import (
    BarChart,
    ReferenceLine,
    nice_ticks,
    spread_labels,
    statistics_chart,
)
from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, Employee, Goal, GoalMetric
from fravaer_desktop.core.statistics import (
    COVERAGE_NOTE,
    PUBLISHED_AVERAGES,
    AbsenceStatistics,
    Scope,
    _PeriodCalendar,
    absence_statistics,
    comparison_rows,
    days_number_text,
    goal_status,
    goal_status_text,
    goal_years,
    key_figures,
    percent_of,
    percent_text,
    recorded_since,
    special_terms_count,
    twelve_months_back,
)

TODAY = date(2026, 11, 23)  # a Monday, the same fixed 'today' as tests/conftest.py
ANNA = Employee(id=1, name="Anna Jensen", employed_from=date(2019, 3, 1), department="Butik")
BO = Employee(
    id=2, name="Bo Nielsen", employed_from=date(2021, 8, 15), department="Bageri", weekly_hours=18.5
)
FEB_2026 = (date(2026, 2, 1), date(2026, 2, 28))  # 20 working days, no holidays


def spell(
    first: date,
    last: date | None,
    kind: AbsenceKind = AbsenceKind.OWN_SICKNESS,
    employee: Employee = ANNA,
    partial: float | None = None,
) -> AbsenceSpell:
    assert employee.id is not None
    return AbsenceSpell(employee.id, first, kind, last, partial_hours_per_week=partial)


def stats(
    spells: list[AbsenceSpell],
    period: tuple[date, date] = FEB_2026,
    employees: tuple[Employee, ...] = (ANNA,),
    today: date = TODAY,
    scope: Scope = Scope(),  # noqa: B008 - frozen dataclass
) -> AbsenceStatistics:
    return absence_statistics(list(employees), spells, period[0], period[1], today, scope)


# --- Hand-computed scenarios ------------------------------------------------------------------


def test_a_working_week_sick_in_a_month_of_20_working_days_is_25_percent() -> None:
    # Anna, 37 h: planned 20 × 7.4 = 148 h; sick Monday 2 to Friday 6 February = 37 h.
    result = stats([spell(date(2026, 2, 2), date(2026, 2, 6))])

    assert result.working_days == 20
    assert result.planned_hours == pytest.approx(148.0)
    assert result.sickness_hours == pytest.approx(37.0)
    assert result.percent == pytest.approx(25.0)
    assert result.full_time_equivalents == pytest.approx(1.0)
    assert result.days_per_fte == pytest.approx(5.0)
    assert (result.spells, result.short_spells, result.long_spells) == (1, 1, 0)
    (month,) = result.months
    assert (month.year, month.month, month.percent) == (2026, 2, pytest.approx(25.0))
    assert [f.value for f in key_figures(result)] == ["25,0 %", "5,0", "1", "1 / 0", "0"]


def test_days_per_full_time_employee_divides_by_full_time_equivalents() -> None:
    # Anna 37 h sick 5 days (37 h); Bo 18.5 h never sick. Planned 148 + 74 = 222 h = 1.5 FTE.
    result = stats([spell(date(2026, 2, 2), date(2026, 2, 6))], employees=(ANNA, BO))

    assert result.employees == 2
    assert result.planned_hours == pytest.approx(222.0)
    assert result.full_time_equivalents == pytest.approx(1.5)
    assert result.days_per_fte == pytest.approx(5 / 1.5)
    assert result.percent == pytest.approx(37 / 222 * 100)


def test_an_employee_with_0_contract_hours_contributes_nothing() -> None:
    nobody = Employee(id=3, name="Carl Holm", employed_from=date(2020, 1, 1), weekly_hours=0)
    sick = [spell(date(2026, 2, 2), date(2026, 2, 27), employee=nobody, partial=5)]

    alone = stats(sick, employees=(nobody,))
    assert (alone.employees, alone.planned_hours, alone.sickness_hours) == (0, 0.0, 0.0)
    assert (alone.percent, alone.days_per_fte, alone.spells) == (0.0, 0.0, 0)
    assert not alone.has_absence

    with_anna = stats([*sick, spell(date(2026, 2, 2), date(2026, 2, 6))], employees=(ANNA, nobody))
    assert with_anna.percent == pytest.approx(25.0)
    assert with_anna.employees == 1


def test_a_spell_across_new_year_is_split_over_the_two_months() -> None:
    # Monday 29 December 2025 to Friday 2 January 2026: 29, 30, 31 Dec and 2 Jan are working
    # days; 1 January (Nytårsdag) is not. December and January 2026 each have 21 working days.
    result = stats(
        [spell(date(2025, 12, 29), date(2026, 1, 2))], period=(date(2025, 12, 1), date(2026, 1, 31))
    )

    december, january = result.months
    assert december.sickness_hours == pytest.approx(3 * 7.4)
    assert january.sickness_hours == pytest.approx(7.4)
    assert december.percent == pytest.approx(3 / 21 * 100)
    assert january.percent == pytest.approx(1 / 21 * 100)
    assert result.percent == pytest.approx(4 / 42 * 100)
    assert result.spells == 1, "one spell, counted once although it spans two years"
    assert [y.year for y in result.years] == [2025, 2026]
    assert result.kind(AbsenceKind.OWN_SICKNESS).working_days == 4


def test_the_leap_day_29_february_2028_is_a_working_day() -> None:
    # February 2028 has 29 days and 21 working days. Monday 28 Feb to Wednesday 1 March:
    # two working days in February (28 and 29), one in March.
    result = stats(
        [spell(date(2028, 2, 28), date(2028, 3, 1))],
        period=(date(2028, 2, 1), date(2028, 3, 31)),
        today=date(2028, 12, 31),
    )

    february, march = result.months
    assert february.planned_hours == pytest.approx(21 * 7.4)
    assert february.sickness_hours == pytest.approx(2 * 7.4)
    assert february.percent == pytest.approx(2 / 21 * 100)
    assert march.sickness_hours == pytest.approx(7.4)


def test_an_ongoing_spell_that_began_400_days_ago_counts_up_to_today() -> None:
    began = TODAY - timedelta(days=399)  # Monday 20 October 2025 is day 1, today is day 400
    assert began == date(2025, 10, 20)
    ongoing = [spell(began, None)]

    last_12_months = stats(ongoing, period=(twelve_months_back(TODAY), TODAY))
    assert last_12_months.first == date(2025, 11, 24)
    assert last_12_months.percent == 100.0
    assert (last_12_months.spells, last_12_months.long_spells) == (1, 1)

    # 1 Jan 2025 to 31 Dec 2026 stops today: 278 of 480 working days are absence.
    two_years = stats(ongoing, period=(date(2025, 1, 1), date(2026, 12, 31)))
    assert two_years.last == TODAY
    assert two_years.working_days == 480
    assert two_years.sickness_hours == pytest.approx(278 * 7.4)
    assert two_years.percent == pytest.approx(278 / 480 * 100)
    assert two_years.months[-1] == replace(two_years.months[-1], year=2026, month=11)


def test_days_after_today_never_count() -> None:
    # Sick Monday 23 November (today) to Friday 27 November: only today has happened.
    result = stats(
        [spell(TODAY, date(2026, 11, 27))], period=(date(2026, 11, 1), date(2026, 11, 30))
    )

    assert result.last == TODAY
    assert result.working_days == 16  # 2-6, 9-13, 16-20 and 23 November
    assert result.sickness_hours == pytest.approx(7.4)
    assert result.percent == pytest.approx(1 / 16 * 100)


def test_public_holidays_are_not_planned_hours() -> None:
    # April 2026 has 22 weekdays; Skærtorsdag, Langfredag and 2. påskedag leave 19 working days.
    # Sick Monday 30 March to Friday 10 April: in April 1, 7, 8, 9, 10 = 5 working days.
    result = stats(
        [spell(date(2026, 3, 30), date(2026, 4, 10))], period=(date(2026, 4, 1), date(2026, 4, 30))
    )

    assert result.working_days == 19
    assert result.planned_hours == pytest.approx(19 * 7.4)
    assert result.sickness_hours == pytest.approx(5 * 7.4)
    assert result.percent == pytest.approx(5 / 19 * 100)


def test_only_days_inside_the_employment_count() -> None:
    # Old data: a spell from 2 Feb, but employed only from Wednesday 4 February 2026.
    # Planned 18 working days (4-27 Feb); sick 4, 5, 6 February.
    new = Employee(id=4, name="Dorte Lund", employed_from=date(2026, 2, 4))
    leaver = Employee(
        id=5, name="Erik Bak", employed_from=date(2020, 1, 1), employed_to=date(2026, 2, 13)
    )
    result = stats(
        [spell(date(2026, 2, 2), date(2026, 2, 6), employee=new)], employees=(new, leaver)
    )

    assert result.planned_hours == pytest.approx((18 + 10) * 7.4)
    assert result.sickness_hours == pytest.approx(3 * 7.4)


def test_short_spells_are_up_to_14_calendar_days_and_long_spells_longer() -> None:
    spells = [
        spell(date(2026, 2, 2), date(2026, 2, 15)),  # 14 calendar days: short
        spell(date(2026, 3, 2), date(2026, 3, 16)),  # 15 calendar days: long
        spell(date(2026, 1, 20), date(2026, 2, 3)),  # 15 days, of which 3 in February: long
        spell(date(2026, 11, 12), None),  # ongoing, 12 days so far: short
    ]
    result = stats(spells, period=(date(2026, 1, 1), TODAY))

    assert (result.spells, result.short_spells, result.long_spells) == (4, 2, 2)
    assert key_figures(result)[3].value == "2 / 2"
    assert key_figures(result)[3].label == "Korte (≤ 14 dage) / lange"


def test_an_absence_with_a_partial_return_is_one_long_spell_and_keeps_all_its_hours() -> None:
    """Full 2–13 February, 20 hours a week 14–20 February, full again from 21 February: one
    absence of 27 days. Hours: 10 full working days (74 h) + 5 days at 4 h (20 h) + 5 full
    working days 23–27 February (37 h)."""
    parts = [
        spell(date(2026, 2, 2), date(2026, 2, 13)),
        spell(date(2026, 2, 14), date(2026, 2, 20), partial=20),
        spell(date(2026, 2, 21), date(2026, 2, 28)),
    ]
    apart = [
        spell(date(2026, 2, 2), date(2026, 2, 12)),
        spell(date(2026, 2, 14), date(2026, 2, 20), partial=20),
        spell(date(2026, 2, 22), date(2026, 2, 28)),
    ]

    result = stats(parts)

    assert (result.spells, result.short_spells, result.long_spells) == (1, 0, 1)
    assert result.sickness_hours == pytest.approx(74 + 20 + 37)
    assert (stats(apart).spells, stats(apart).short_spells) == (3, 3)  # gaps: three absences


def test_childs_sick_days_are_their_own_figure_and_other_absence_is_not_counted() -> None:
    result = stats(
        [
            spell(date(2026, 2, 2), date(2026, 2, 3), AbsenceKind.CHILD_SICK),
            spell(date(2026, 2, 9), date(2026, 2, 13), AbsenceKind.OTHER),
        ]
    )

    assert result.sickness_hours == 0.0 and result.percent == 0.0
    assert result.spells == 0
    assert result.child_sick.working_days == 2
    assert result.child_sick.hours == pytest.approx(14.8)
    assert result.child_sick.percent == pytest.approx(10.0)
    assert result.months[0].child_sick_hours == pytest.approx(14.8)
    assert result.has_absence
    assert key_figures(result)[4].value == "2"


def test_pregnancy_related_sickness_and_work_injury_count_as_sickness_with_own_figures() -> None:
    result = stats(
        [
            spell(date(2026, 2, 2), date(2026, 2, 2)),
            spell(date(2026, 2, 9), date(2026, 2, 10), AbsenceKind.PREGNANCY),
            spell(date(2026, 2, 16), date(2026, 2, 18), AbsenceKind.WORK_INJURY),
        ]
    )

    assert result.sickness_hours == pytest.approx(6 * 7.4)
    assert result.percent == pytest.approx(30.0)
    assert result.kind(AbsenceKind.OWN_SICKNESS).percent == pytest.approx(5.0)
    assert result.kind(AbsenceKind.PREGNANCY).percent == pytest.approx(10.0)
    assert result.kind(AbsenceKind.WORK_INJURY).percent == pytest.approx(15.0)
    assert [k.spells for k in result.per_kind] == [1, 1, 1]


def test_partial_absence_counts_its_weekly_hours_spread_over_five_days() -> None:
    # 18.5 of 37 hours a week for the whole of February: 20 × 3.7 = 74 h of 148 h.
    result = stats([spell(date(2026, 2, 1), date(2026, 2, 28), partial=18.5)])

    assert result.sickness_hours == pytest.approx(74.0)
    assert result.percent == pytest.approx(50.0)


def test_scope_picks_a_department_or_one_employee() -> None:
    spells = [
        spell(date(2026, 2, 2), date(2026, 2, 6)),
        spell(date(2026, 2, 2), date(2026, 2, 3), employee=BO),
    ]
    employees = (ANNA, BO)

    butik = stats(spells, employees=employees, scope=Scope(department="Butik"))
    bo = stats(spells, employees=employees, scope=Scope(employee_id=2))
    assert (butik.employees, butik.percent) == (1, pytest.approx(25.0))
    assert (bo.employees, bo.sickness_hours, bo.percent) == (1, pytest.approx(7.4), 10.0)
    assert Scope(employee_id=2).is_personal and not Scope(department="Butik").is_personal


def test_all_years_start_at_the_first_hire_and_an_empty_scope_is_calm() -> None:
    result = stats([], period=(date.min, TODAY), employees=(BO,))
    assert result.first == date(2021, 8, 15)
    assert result.months[0].month == 8 and len(result.months) == 64
    assert not result.has_absence and result.percent == 0.0

    nobody = stats([], period=(date.min, TODAY), employees=())
    assert (nobody.employees, nobody.months, nobody.percent) == (0, (), 0.0)


def test_percent_of_is_clamped_and_safe_for_zero() -> None:
    assert percent_of(5, 0) == 0.0
    assert percent_of(150, 100) == 100.0
    assert percent_of(-1, 100) == 0.0
    assert percent_text(3.8) == "3,8 %" and percent_text(4) == "4,0 %"
    assert days_number_text(8.2) == "8,2 dage" and days_number_text(1) == "1,0 dag"


def test_twelve_months_back() -> None:
    assert twelve_months_back(date(2026, 11, 23)) == date(2025, 11, 24)
    assert twelve_months_back(date(2028, 2, 29)) == date(2027, 3, 1)
    assert twelve_months_back(date(2026, 12, 31)) == date(2026, 1, 1)


# --- Invariants -------------------------------------------------------------------------------

DAYS = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))


@st.composite
def employees_and_spells(draw):
    """A few employees (some with 0 hours) and spells that may overlap or exceed the hours."""
    employees = [
        Employee(
            id=number,
            name=f"Medarbejder {number}",
            employed_from=draw(DAYS),
            weekly_hours=draw(st.sampled_from([0.0, 7.5, 18.5, 30.0, 37.0])),
            employed_to=draw(st.none() | DAYS),
        )
        for number in range(1, draw(st.integers(1, 3)) + 1)
    ]
    spells = []
    for _ in range(draw(st.integers(0, 6))):
        first = draw(DAYS)
        last = draw(st.none() | st.dates(min_value=first, max_value=first + timedelta(days=90)))
        spells.append(
            AbsenceSpell(
                draw(st.integers(1, len(employees))),
                first,
                draw(st.sampled_from(list(AbsenceKind))),
                last,
                partial_hours_per_week=draw(st.none() | st.sampled_from([5.0, 20.0, 50.0])),
            )
        )
    return employees, spells


@settings(max_examples=150, deadline=None)
@given(data=employees_and_spells(), first=DAYS, days=st.integers(0, 900), today=DAYS)
def test_the_percentage_is_always_between_0_and_100(data, first, days, today) -> None:
    employees, spells = data
    result = absence_statistics(employees, spells, first, first + timedelta(days=days), today)

    assert 0.0 <= result.percent <= 100.0
    assert all(0.0 <= m.percent <= 100.0 for m in result.months)
    assert all(0.0 <= k.percent <= 100.0 for k in result.per_kind)
    assert result.days_per_fte >= 0.0
    assert result.short_spells + result.long_spells == result.spells


@settings(max_examples=150, deadline=None)
@given(
    first=DAYS,
    length=st.integers(1, 120),
    cut=st.integers(1, 119),
    kind=st.sampled_from(list(AbsenceKind)),
    partial=st.none() | st.just(18.5),
    period_start=DAYS,
    period_days=st.integers(0, 700),
)
def test_splitting_a_spell_in_two_never_changes_the_absence_hours_or_days(
    first, length, cut, kind, partial, period_start, period_days
) -> None:
    cut = min(cut, length - 1)
    last = first + timedelta(days=length - 1)
    whole = [AbsenceSpell(1, first, kind, last, partial_hours_per_week=partial)]
    if cut == 0:
        halves = whole
    else:
        middle = first + timedelta(days=cut)
        halves = [
            AbsenceSpell(
                1, first, kind, middle - timedelta(days=1), partial_hours_per_week=partial
            ),
            AbsenceSpell(1, middle, kind, last, partial_hours_per_week=partial),
        ]
    period = (period_start, period_start + timedelta(days=period_days))
    one = stats(whole, period=period, today=date(2029, 1, 1))
    two = stats(halves, period=period, today=date(2029, 1, 1))

    assert two.sickness_hours == pytest.approx(one.sickness_hours, abs=1e-9)
    assert two.child_sick.hours == pytest.approx(one.child_sick.hours, abs=1e-9)
    assert [k.working_days for k in two.per_kind] == [k.working_days for k in one.per_kind]
    assert two.child_sick.working_days == one.child_sick.working_days
    assert two.days_per_fte == pytest.approx(one.days_per_fte, abs=1e-9)
    for a, b in zip(one.months, two.months, strict=True):
        assert b.sickness_hours == pytest.approx(a.sickness_hours, abs=1e-9)


@settings(max_examples=100, deadline=None)
@given(first=DAYS, days=st.integers(0, 800), a=st.integers(0, 800), b=st.integers(0, 800))
def test_the_period_calendar_counts_working_days_like_core_calendar(first, days, a, b) -> None:
    last = first + timedelta(days=days)
    calendar = _PeriodCalendar(first, last)
    lo, hi = sorted((min(a, days), min(b, days)))
    start, end = first + timedelta(days=lo), first + timedelta(days=hi)

    assert calendar.count(start.toordinal(), end.toordinal()) == count_working_days(start, end)
    assert sum(calendar.month_working_days) == count_working_days(first, last)


# --- Goals ------------------------------------------------------------------------------------

FLEKS = Employee(id=6, name="Mads Vestergaard", employed_from=date(2022, 5, 1), fleksjob=True)
GOAL_2025 = Goal(GoalMetric.ABSENCE_PERCENT, 4.0, date(2025, 1, 1))
GOAL_2026 = Goal(GoalMetric.ABSENCE_PERCENT, 3.5, date(2026, 1, 1))


def test_goal_status_is_none_without_a_goal_in_force() -> None:
    assert goal_status([ANNA], [], [], TODAY) is None
    future = Goal(GoalMetric.ABSENCE_PERCENT, 3.0, date(2027, 1, 1))
    assert goal_status([ANNA], [], [future], TODAY) is None


def test_goal_status_compares_the_last_12_months_with_the_goal_in_force_today() -> None:
    # 24 Nov 2025 - 23 Nov 2026 has 253 working days; 10 sick days = 3.95 % -> 4.0 %.
    sick = [spell(date(2026, 3, 2), date(2026, 3, 13))]  # two working weeks
    status = goal_status([ANNA, FLEKS], sick, [GOAL_2025, GOAL_2026], TODAY)

    assert status is not None
    assert (status.first, status.last) == (date(2025, 11, 24), TODAY)
    assert status.absence_goal == GOAL_2026
    assert status.absence_percent == pytest.approx(10 * 7.4 / (253 * 7.4 * 2) * 100)
    assert round(status.absence_percent, 1) == 2.0  # two full-time employees
    assert status.absence_met is True
    assert status.special_terms_goal is None and status.special_terms_met is None
    assert goal_status_text(status) == (
        "Sygefraværet de seneste 12 måneder er 2,0 % – målet er 3,5 % (under målet)."
    )


def test_goal_status_not_met_and_special_terms_goal() -> None:
    sick = [spell(date(2026, 3, 2), date(2026, 3, 13))]  # 10 of 253 days: 3.95 %
    staff_goal = Goal(GoalMetric.SPECIAL_TERMS_STAFF, 2, date(2026, 1, 1))
    status = goal_status([ANNA, FLEKS], sick, [GOAL_2026, staff_goal], TODAY)
    alone = goal_status([ANNA], sick, [GOAL_2026, staff_goal], TODAY)

    assert status is not None and alone is not None
    assert alone.absence_percent == pytest.approx(10 / 253 * 100)
    assert alone.absence_met is False
    assert status.special_terms_count == 1 and status.special_terms_met is False
    assert goal_status_text(alone) == (
        "Sygefraværet de seneste 12 måneder er 4,0 % – målet er 3,5 % (over målet). "
        "0 ansatte på særlige vilkår (fleksjob) – målet er mindst 2 (målet er ikke nået)."
    )


def test_special_terms_count_only_fleksjob_staff_employed_that_day() -> None:
    left = replace(FLEKS, id=7, employed_to=date(2026, 6, 30))
    assert special_terms_count([ANNA, FLEKS, left], TODAY) == 1
    assert special_terms_count([ANNA, FLEKS, left], date(2026, 6, 30)) == 2


def test_goal_years_use_the_goal_in_force_at_the_end_of_each_year() -> None:
    sick = [spell(date(2025, 3, 3), date(2025, 3, 7))]  # 5 of 253 working days in 2025
    result = stats(sick, period=(date(2024, 1, 1), TODAY))
    rows = goal_years(result, [GOAL_2025, GOAL_2026])

    assert [(r.year, r.target, r.verdict) for r in rows] == [
        (2024, None, ""),
        (2025, 4.0, "under målet"),
        (2026, 3.5, "under målet"),
    ]
    assert rows[1].percent == pytest.approx(5 / 253 * 100)
    # A year still running says how far it is counted, so it is not read as the whole year.
    assert [r.label for r in rows] == ["2024", "2025", "2026 (til 23. november)"]


# --- Published averages -----------------------------------------------------------------------


def test_published_averages_carry_source_and_year() -> None:
    table = {(a.year, a.is_percent): a for a in PUBLISHED_AVERAGES}
    assert (
        table[(2024, True)].value == 3.8 and "DA FraværsStatistik 2024" in table[2024, True].source
    )
    assert table[(2023, True)].value == 3.9 and "endelige tal" in table[2023, True].source
    assert table[(2023, False)].value == 8.2 and "Dansk Erhverv" in table[2023, False].source
    assert table[(2022, False)].value == 11.0 and "Danmarks Statistik" in table[2022, False].source
    assert "10 eller flere ansatte" in COVERAGE_NOTE


def test_comparison_rows_put_the_companys_figures_next_to_the_averages() -> None:
    rows = comparison_rows(stats([spell(date(2026, 2, 2), date(2026, 2, 6))]))

    assert rows[0].label == "Sygefravær i DA's medlemsvirksomheder (2024)"
    assert (rows[0].own, rows[0].published) == ("25,0 %", "3,8 %")
    # 5 days in February (28 days) scaled to a year: 5 × 365.25 / 28.
    assert rows[2].own == "65,2 dage" and rows[2].published == "8,2 dage"


# --- The chart definition ---------------------------------------------------------------------


def test_the_monthly_chart_has_danish_labels_and_the_target_line() -> None:
    result = stats([spell(date(2026, 2, 2), date(2026, 2, 6))], period=(date(2025, 11, 24), TODAY))
    chart = statistics_chart(result, target=3.5)

    assert chart.title == "Fraværsprocent måned for måned"
    assert chart.labels[:3] == ("nov\n2025", "dec", "jan\n2026") and len(chart.labels) == 13
    assert chart.descriptions[0] == "november 2025 (fra den 24.)"
    assert chart.descriptions[-1] == "november 2026 (til den 23.)"
    assert chart.bar_text(3) == "februar 2026: 25,0 %"
    assert chart.target == ReferenceLine(3.5, "Mål 3,5 %")
    assert chart.ticks() == (0.0, 5.0, 10.0, 15.0, 20.0, 25.0)
    assert chart.tick_text(2.5) == "2,5 %" and chart.tick_text(5.0) == "5 %"


def test_a_long_period_is_charted_year_by_year() -> None:
    result = stats([], period=(date(2019, 3, 1), TODAY), employees=(ANNA,))
    chart = statistics_chart(result)

    assert chart.title == "Fraværsprocent år for år"
    assert chart.labels == tuple(str(y) for y in range(2019, 2027))
    assert chart.descriptions[0] == "2019 (fra 1. mar.)"
    assert chart.descriptions[-1] == "2026 (til 23. nov.)"
    assert chart.target is None


def test_nice_ticks_and_label_spreading() -> None:
    assert nice_ticks(12.3) == (0.0, 2.5, 5.0, 7.5, 10.0, 12.5)
    assert nice_ticks(3.8) == (0.0, 1.0, 2.0, 3.0, 4.0)
    assert nice_ticks(0) == (0.0, 1.0)
    assert spread_labels([100.0, 104.0], 10) == [97.0, 107.0]
    assert spread_labels([50.0, 10.0], 10) == [50.0, 10.0]


def test_a_chart_needs_one_label_per_value() -> None:
    with pytest.raises(ValueError, match="same length"):
        BarChart("x", ("a",), (1.0, 2.0), ("a", "b"))


def test_all_years_begin_with_the_month_of_the_first_registered_absence() -> None:
    assert recorded_since([]) is None
    spells = [spell(date(2026, 2, 2), date(2026, 2, 6)), spell(date(2024, 5, 14), None)]
    assert recorded_since(spells) == date(2024, 5, 1)
