"""Days and hours of absence: what a manager sees in the statistics and the day-by-day calendar."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fravaer_desktop.core.absence import (
    DayStatus,
    SpellFigures,
    absent_on,
    day_statuses,
    joined_absences,
    spell_figures,
    spells_overlap,
    total_figures,
    within_employment,
)
from fravaer_desktop.core.calendar import days_between
from fravaer_desktop.core.models import AbsenceSpell, Employee

ANNA = Employee(id=1, name="Anna Jensen", employed_from=date(2019, 3, 1), weekly_hours=37)
BO = Employee(id=2, name="Bo Nielsen", employed_from=date(2021, 8, 15), weekly_hours=30)
TODAY = date(2026, 11, 23)  # a Monday, the same fixed 'today' as tests/conftest.py


def spell(first: date, last: date | None, partial: float | None = None) -> AbsenceSpell:
    return AbsenceSpell(
        employee_id=1, first_day=first, last_day=last, partial_hours_per_week=partial
    )


def whole_spell_figures(s: AbsenceSpell, employee: Employee = ANNA) -> SpellFigures:
    """Figures of the spell inside a period that holds all of it."""
    return spell_figures(s, employee, date(2000, 1, 1), date(2099, 12, 31), TODAY)


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        pytest.param(
            date(2026, 3, 2),
            date(2026, 3, 6),
            SpellFigures(5, 5, 37.0),
            id="Monday 2 March to Friday 6 March 2026: a full working week",
        ),
        pytest.param(
            date(2026, 3, 5),
            date(2026, 3, 10),
            SpellFigures(6, 4, 29.6),
            id="Thursday to Tuesday: the weekend counts as calendar days only",
        ),
        pytest.param(
            date(2026, 3, 30),
            date(2026, 4, 10),
            SpellFigures(12, 7, 51.8),
            id="Easter 2026: Maundy Thursday, Good Friday and Easter Monday are not working days",
        ),
        pytest.param(
            date(2026, 12, 21),
            date(2026, 12, 31),
            SpellFigures(11, 8, 59.2),
            id="Christmas 2026: Christmas Day is a holiday, Christmas Eve a working day",
        ),
        pytest.param(
            date(2026, 12, 28),
            date(2027, 1, 5),
            SpellFigures(9, 6, 44.4),
            id="across New Year: 1 January 2027 is a holiday",
        ),
        pytest.param(
            date(2028, 2, 28),
            date(2028, 3, 1),
            SpellFigures(3, 3, 22.2),
            id="Monday 28 February to Wednesday 1 March 2028 includes leap day 29 February",
        ),
        pytest.param(
            date(2023, 5, 1),
            date(2023, 5, 5),
            SpellFigures(5, 4, 29.6),
            id="week of 1 May 2023: Store bededag 5 May is still a holiday",
        ),
        pytest.param(
            date(2024, 4, 22),
            date(2024, 4, 26),
            SpellFigures(5, 5, 37.0),
            id="week of 22 April 2024: Store bededag abolished, Friday 26 April counts",
        ),
        pytest.param(
            date(2026, 3, 7),
            date(2026, 3, 8),
            SpellFigures(2, 0, 0.0),
            id="sick only over a weekend: two calendar days, no working days, no hours",
        ),
        pytest.param(
            date(2026, 3, 4),
            date(2026, 3, 4),
            SpellFigures(1, 1, 7.4),
            id="one Wednesday: one day of 37/5 = 7.4 hours",
        ),
    ],
)
def test_figures_of_a_full_absence_spell_of_a_37_hour_employee(
    first: date, last: date, expected: SpellFigures
) -> None:
    assert whole_spell_figures(spell(first, last)) == expected


def test_hours_follow_the_employees_own_contract_hours() -> None:
    # Bo works 30 hours a week: a full working week away is 30 hours, not 37.
    figures = whole_spell_figures(spell(date(2026, 3, 2), date(2026, 3, 6)), BO)
    assert figures == SpellFigures(5, 5, 30.0)


def test_an_ongoing_spell_is_counted_up_to_today() -> None:
    # Ill since Monday 16 November 2026 and not yet back; today is Monday 23 November.
    ongoing = spell(date(2026, 11, 16), None)
    figures = spell_figures(ongoing, ANNA, date(2026, 1, 1), date(2026, 12, 31), TODAY)
    assert figures == SpellFigures(8, 6, 44.4)


def test_a_partial_spell_counts_its_weekly_hours_not_whole_days() -> None:
    # 10 hours a week away over two full weeks (Monday 2 to Sunday 15 March 2026).
    partial = spell(date(2026, 3, 2), date(2026, 3, 15), partial=10)
    assert whole_spell_figures(partial) == SpellFigures(14, 10, 20.0)


@pytest.mark.parametrize(
    ("period_start", "period_end", "expected"),
    [
        pytest.param(
            date(2026, 3, 1),
            date(2026, 3, 31),
            SpellFigures(6, 5, 37.0),
            id="March 2026 holds 1-6 March",
        ),
        pytest.param(
            date(2026, 2, 1),
            date(2026, 2, 28),
            SpellFigures(6, 5, 37.0),
            id="February 2026 holds 23-28 February",
        ),
        pytest.param(
            date(2026, 1, 1),
            date(2026, 12, 31),
            SpellFigures(12, 10, 74.0),
            id="the year 2026 holds all of it",
        ),
        pytest.param(
            date(2026, 4, 1),
            date(2026, 4, 30),
            SpellFigures(0, 0, 0.0),
            id="April 2026 holds none of it",
        ),
        pytest.param(
            date(2026, 3, 4),
            date(2026, 3, 4),
            SpellFigures(1, 1, 7.4),
            id="a one-day period inside the spell",
        ),
    ],
)
def test_a_spell_is_clipped_to_the_period(
    period_start: date, period_end: date, expected: SpellFigures
) -> None:
    # Monday 23 February to Friday 6 March 2026.
    s = spell(date(2026, 2, 23), date(2026, 3, 6))
    assert spell_figures(s, ANNA, period_start, period_end, TODAY) == expected


def test_a_spell_across_new_year_is_split_between_the_two_years() -> None:
    s = spell(date(2026, 12, 28), date(2027, 1, 5))
    in_2026 = spell_figures(s, ANNA, date(2026, 1, 1), date(2026, 12, 31), TODAY)
    in_2027 = spell_figures(s, ANNA, date(2027, 1, 1), date(2027, 12, 31), TODAY)
    assert in_2026 == SpellFigures(4, 4, 29.6)
    assert in_2027 == SpellFigures(5, 2, 14.8)


def test_total_figures_add_up_the_spells_of_one_employee() -> None:
    spells = [
        spell(date(2026, 3, 2), date(2026, 3, 6)),  # 5 calendar, 5 working
        spell(date(2026, 3, 30), date(2026, 4, 10)),  # 12 calendar, 7 working (Easter)
        spell(date(2026, 6, 1), date(2026, 6, 12), partial=10),  # 12 calendar, 10 working, 20 h
    ]
    total = total_figures(spells, ANNA, date(2026, 1, 1), date(2026, 12, 31), TODAY)
    assert total == SpellFigures(29, 22, 108.8)  # 37 + 51.8 + 20 hours


def test_total_figures_of_no_spells_are_zero() -> None:
    assert total_figures([], ANNA, date(2026, 1, 1), date(2026, 12, 31), TODAY) == SpellFigures(
        0, 0, 0.0
    )


def test_day_statuses_mark_full_and_partial_days_and_leave_out_days_at_work() -> None:
    full = spell(date(2026, 3, 2), date(2026, 3, 3))
    partial = spell(date(2026, 3, 5), date(2026, 3, 6), partial=10)
    statuses = day_statuses([full, partial], date(2026, 3, 1), date(2026, 3, 8), TODAY)
    assert statuses == {
        date(2026, 3, 2): DayStatus.FULL,
        date(2026, 3, 3): DayStatus.FULL,
        date(2026, 3, 5): DayStatus.PARTIAL,
        date(2026, 3, 6): DayStatus.PARTIAL,
    }


@pytest.mark.parametrize("full_first", [True, False], ids=["full listed first", "partial first"])
def test_a_day_covered_by_full_and_partial_absence_shows_as_full(full_first: bool) -> None:
    full = spell(date(2026, 3, 4), date(2026, 3, 4))
    partial = spell(date(2026, 3, 2), date(2026, 3, 6), partial=10)
    spells = [full, partial] if full_first else [partial, full]
    statuses = day_statuses(spells, date(2026, 3, 2), date(2026, 3, 6), TODAY)
    assert statuses[date(2026, 3, 4)] is DayStatus.FULL
    assert statuses[date(2026, 3, 3)] is DayStatus.PARTIAL


def test_day_statuses_show_an_ongoing_spell_up_to_today_only() -> None:
    ongoing = spell(date(2026, 11, 20), None)
    statuses = day_statuses([ongoing], date(2026, 11, 1), date(2026, 11, 30), TODAY)
    assert sorted(statuses) == [date(2026, 11, 20) + timedelta(days=i) for i in range(4)]


def test_absent_on_gives_the_part_covering_a_day_and_its_number_in_the_whole_absence() -> None:
    closed = spell(date(2026, 3, 2), date(2026, 3, 6))
    full = spell(date(2026, 10, 1), date(2026, 10, 31))
    partial = spell(date(2026, 11, 1), None, partial=18.5)
    spells = [closed, full, partial]
    assert absent_on(ANNA, spells, date(2026, 3, 6)) == (closed, 5)
    assert absent_on(ANNA, spells, date(2026, 3, 7)) is None
    assert absent_on(ANNA, spells, TODAY) == (partial, 54)  # day 1 was 1 October


def test_an_open_spell_ends_with_the_employment() -> None:
    """Left on 13 November while still registered as sick: not absent after that, and the
    spell counts as ending on the last day of employment."""
    left = replace(ANNA, employed_to=date(2026, 11, 13))
    ongoing = spell(date(2026, 11, 2), None)

    ended = replace(ongoing, last_day=date(2026, 11, 13))
    assert within_employment(left, [ongoing], TODAY) == [ended]
    assert absent_on(left, [ongoing], TODAY) is None
    assert absent_on(left, [ongoing], date(2026, 11, 13)) == (ongoing, 12)
    leaves_later = replace(ANNA, employed_to=date(2026, 12, 31))  # under notice
    assert within_employment(leaves_later, [ongoing], TODAY) == [ongoing]


@pytest.mark.parametrize(
    ("a", "b", "overlap"),
    [
        pytest.param(
            spell(date(2026, 3, 2), date(2026, 3, 6)),
            spell(date(2026, 3, 6), date(2026, 3, 9)),
            True,
            id="sharing the last day",
        ),
        pytest.param(
            spell(date(2026, 3, 2), date(2026, 3, 6)),
            spell(date(2026, 3, 7), date(2026, 3, 9)),
            False,
            id="back to back",
        ),
        pytest.param(
            spell(date(2026, 3, 2), None),
            spell(date(2027, 3, 7), date(2027, 3, 9)),
            True,
            id="an ongoing spell reaches any later spell",
        ),
        pytest.param(
            spell(date(2026, 3, 2), None),
            spell(date(2026, 2, 1), date(2026, 3, 1)),
            False,
            id="an ongoing spell does not reach back before its first day",
        ),
    ],
)
def test_spells_overlap(a: AbsenceSpell, b: AbsenceSpell, overlap: bool) -> None:
    assert spells_overlap(a, b) is overlap
    assert spells_overlap(b, a) is overlap


# --- Invariants (hypothesis) -------------------------------------------------------------------

days = st.dates(min_value=date(2023, 1, 1), max_value=date(2029, 12, 31))
# Contract hours in half hours, as typed in the program; keeps hours exact to two decimals.
weekly_hours = st.integers(min_value=2, max_value=160).map(lambda n: n / 2)


@st.composite
def employees(draw: st.DrawFn) -> Employee:
    return Employee(id=1, name="Anna Jensen", employed_from=date(2020, 1, 1),
                    weekly_hours=draw(weekly_hours))  # fmt: skip


@st.composite
def closed_spells(draw: st.DrawFn, employee: Employee) -> AbsenceSpell:
    first = draw(days)
    last = first + timedelta(days=draw(st.integers(min_value=0, max_value=200)))
    partial = draw(
        st.none()
        | st.integers(min_value=1, max_value=int(employee.weekly_hours * 2) - 1).map(
            lambda n: n / 2
        )
    )
    return spell(first, last, partial)


@st.composite
def periods(draw: st.DrawFn) -> tuple[date, date]:
    start = draw(days)
    return start, start + timedelta(days=draw(st.integers(min_value=0, max_value=400)))


@settings(deadline=None)  # the first example may build a holiday table
@given(data=st.data(), employee=employees(), period=periods(), today=days)
def test_splitting_a_spell_in_two_never_changes_the_figures_of_any_period(
    data: st.DataObject, employee: Employee, period: tuple[date, date], today: date
) -> None:
    whole = data.draw(closed_spells(employee))
    assert whole.last_day is not None
    length = (whole.last_day - whole.first_day).days
    split_after = whole.first_day + timedelta(days=data.draw(st.integers(0, max(length - 1, 0))))
    if split_after >= whole.last_day:  # a one-day spell cannot be split
        return
    before = spell(whole.first_day, split_after, whole.partial_hours_per_week)
    after = spell(split_after + timedelta(days=1), whole.last_day, whole.partial_hours_per_week)

    as_one = spell_figures(whole, employee, *period, today)
    as_two = total_figures([before, after], employee, *period, today)
    assert as_two == as_one


@settings(deadline=None)  # the first example may build a holiday table
@given(employee=employees(), period=periods(), first=days, split=st.integers(0, 200))
def test_registering_a_return_and_a_new_ongoing_spell_next_day_changes_nothing(
    employee: Employee, period: tuple[date, date], first: date, split: int
) -> None:
    # One ongoing spell counted up to today equals a closed part plus an ongoing remainder,
    # as long as the split lies before today.
    today = first + timedelta(days=split + 1)
    split_after = first + timedelta(days=split)
    whole = spell(first, None)
    before = spell(first, split_after)
    after = spell(split_after + timedelta(days=1), None)
    as_one = spell_figures(whole, employee, *period, today)
    assert total_figures([before, after], employee, *period, today) == as_one


@settings(deadline=None)  # the first example may build a holiday table
@given(data=st.data(), employee=employees())
def test_spells_overlap_is_symmetric(data: st.DataObject, employee: Employee) -> None:
    a = data.draw(closed_spells(employee) | closed_spells(employee).map(
        lambda s: spell(s.first_day, None)))  # fmt: skip
    b = data.draw(closed_spells(employee))
    assert spells_overlap(a, b) == spells_overlap(b, a)
    assert b.last_day is not None
    shared_days = [d for d in days_between(b.first_day, b.last_day) if a.covers(d)]
    assert spells_overlap(a, b) == bool(shared_days)


@settings(deadline=None)  # the first example may build a holiday table
@given(data=st.data(), employee=employees(), period=periods(), today=days, ongoing=st.booleans())
def test_figures_are_never_negative_and_working_days_never_exceed_calendar_days(
    data: st.DataObject, employee: Employee, period: tuple[date, date], today: date, ongoing: bool
) -> None:
    s = data.draw(closed_spells(employee))
    if ongoing:
        s = spell(s.first_day, None, s.partial_hours_per_week)
    figures = spell_figures(s, employee, *period, today)
    assert figures.calendar_days >= 0
    assert 0 <= figures.working_days <= figures.calendar_days
    assert 0 <= figures.hours <= figures.working_days * employee.weekly_hours / 5 + 0.005
    assert figures.calendar_days <= (period[1] - period[0]).days + 1


def test_spells_of_one_kind_that_follow_directly_are_joined_into_one_absence() -> None:
    full = AbsenceSpell(1, date(2026, 9, 7), last_day=date(2026, 10, 25), id=1)
    partial = AbsenceSpell(
        1, date(2026, 10, 26), last_day=date(2026, 11, 22), partial_hours_per_week=18.5,
        expected_return=date(2026, 11, 23), note="Møder kl. 8-12", id=2,
    )  # fmt: skip
    later = AbsenceSpell(1, date(2026, 11, 24), id=3)  # a day in between: a new absence

    joined = joined_absences([later, partial, full])

    assert [parts for _, parts in joined] == [[full, partial], [later]]
    whole = joined[0][0]
    assert (whole.id, whole.first_day, whole.last_day) == (1, date(2026, 9, 7), date(2026, 11, 22))
    assert (whole.partial_hours_per_week, whole.expected_return, whole.note) == (
        18.5, date(2026, 11, 23), "Møder kl. 8-12",
    )  # fmt: skip
    assert joined[1][0] is later
