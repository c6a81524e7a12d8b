"""The 120-day rule as the Supreme Court counts it: each scenario in words, with its dates.

Rules: days off between full sick days count (Højesteret 16 March 2022); partial sickness counts
the hours away on working days, converted to days (U2018.815 H); notice from the end of the
working day of day 120 until 9 calendar days after it, while the employee is sick (Højesteret
19 December 2023).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, Employee
from fravaer_desktop.core.rule_120 import (
    NoticeWindow,
    count_text,
    end_of_next_month,
    one_year_before,
    rule_120_status,
    window_text,
)
from fravaer_desktop.core.rules import latest

TODAY = date(2026, 11, 23)  # a Monday, the same fixed 'today' as tests/conftest.py
ANNA = Employee(
    id=1, name="Anna Jensen", employed_from=date(2015, 1, 1), weekly_hours=37, clause_120_days=True
)
OWN = AbsenceKind.OWN_SICKNESS


def spell(
    first: date, last: date | None, kind: AbsenceKind = OWN, partial: float | None = None
) -> AbsenceSpell:
    return AbsenceSpell(1, first, kind, last, partial_hours_per_week=partial)


def status_on(today: date, *spells: AbsenceSpell, employee: Employee = ANNA):
    status = rule_120_status(employee, spells, today)
    assert status is not None
    return status


# --- Calendar helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param(date(2026, 11, 23), date(2025, 11, 23), id="an ordinary day"),
        pytest.param(date(2028, 2, 29), date(2027, 2, 28), id="leap day: 28 February"),
        pytest.param(date(2026, 1, 1), date(2025, 1, 1), id="New Year's Day"),
    ],
)
def test_one_year_before(day, expected) -> None:
    assert one_year_before(day) == expected


@pytest.mark.parametrize(
    ("notice_day", "leaves_on"),
    [
        pytest.param(date(2026, 4, 5), date(2026, 5, 31), id="notice 5 April: leaves 31 May"),
        pytest.param(date(2026, 12, 5), date(2027, 1, 31), id="notice in December: 31 January"),
        pytest.param(date(2028, 1, 31), date(2028, 2, 29), id="notice 31 January 2028: leap day"),
        pytest.param(date(2026, 1, 31), date(2026, 2, 28), id="notice 31 January 2026"),
    ],
)
def test_120_day_notice_is_one_month_to_the_end_of_a_month(notice_day, leaves_on) -> None:
    assert end_of_next_month(notice_day) == leaves_on


# --- Rule 1: days off between full sick days --------------------------------------------------


COUNTS = [
    pytest.param(
        [spell(date(2026, 11, 6), date(2026, 11, 6)), spell(date(2026, 11, 9), date(2026, 11, 10))],
        (5, 3, 2),
        id="sick Friday 6 and Monday 9-Tuesday 10 November, two absences: the weekend counts, 5",
    ),
    pytest.param(
        [spell(date(2026, 11, 6), date(2026, 11, 8))],
        (1, 1, 0),
        id="sick Friday, registered to Sunday, back on Monday: the weekend does not count, 1",
    ),
    pytest.param(
        [spell(date(2026, 1, 5), date(2026, 1, 11))],
        (5, 5, 0),
        id="Monday to Sunday, back on Monday: 5 (the weekend after the last sick day is off)",
    ),
    pytest.param(
        [spell(date(2026, 3, 30), date(2026, 4, 1)), spell(date(2026, 4, 7), date(2026, 4, 10))],
        (12, 7, 5),
        id="Easter between two absences: Maundy Thursday to Easter Monday count, 3 + 5 + 4 = 12",
    ),
    pytest.param(
        [spell(date(2025, 12, 31), date(2025, 12, 31)), spell(date(2026, 1, 2), date(2026, 1, 2))],
        (3, 2, 1),
        id="New Year: sick 31 December and 2 January, New Year's Day between them counts, 3",
    ),
    pytest.param(
        [spell(date(2026, 8, 1), date(2026, 8, 7))],
        (5, 5, 0),
        id="an absence that begins on a Saturday: the first weekend is not between sick days, 5",
    ),
    pytest.param(
        [spell(date(2026, 3, 2), date(2026, 3, 10)), spell(date(2026, 3, 6), date(2026, 3, 12))],
        (11, 9, 2),
        id="overlapping absences never count a day twice: 2-12 March, 11",
    ),
    pytest.param(
        [spell(date(2026, 11, 20), None)],
        (4, 2, 2),
        id="sick since Friday 20 November and still sick: the weekend counts, 4",
    ),
    pytest.param(
        [spell(date(2026, 11, 20), date(2026, 12, 10))],
        (4, 2, 2),
        id="days after today never count",
    ),
    pytest.param(
        [spell(date(2025, 11, 20), date(2025, 11, 30))],
        (5, 5, 0),
        id="rolling 12 months: only Monday 24 to Friday 28 November 2025 are inside",
    ),
    pytest.param(
        [spell(TODAY - timedelta(days=400), None)],
        (365, 253, 112),
        id="sick for 400 days: the whole 12 months count",
    ),
]


@pytest.mark.parametrize(("spells", "expected"), COUNTS)
def test_the_120_day_count_with_days_off_between_sick_days(spells, expected) -> None:
    status = status_on(TODAY, *spells)

    days, full, off = expected
    assert (status.days, status.count.full_days, status.count.days_off) == (days, full, off)


@pytest.mark.parametrize(
    "kind",
    [
        pytest.param(AbsenceKind.PREGNANCY, id="pregnancy-related sickness"),
        pytest.param(AbsenceKind.CHILD_SICK, id="a child's sick day"),
        pytest.param(AbsenceKind.OTHER, id="other absence"),
        pytest.param(AbsenceKind.WORK_INJURY, id="work injury (not confirmed that it may count)"),
    ],
)
def test_absence_that_is_never_counted(kind) -> None:
    assert status_on(TODAY, spell(date(2026, 1, 5), date(2026, 1, 14), kind)).days == 0


def test_a_work_injury_is_shown_as_an_assumption() -> None:
    status = status_on(TODAY, spell(date(2026, 1, 5), date(2026, 1, 14), AbsenceKind.WORK_INJURY))

    assert any("arbejdsskade er ikke talt med" in a for a in status.assumptions)


# --- Rule 2: partial sickness in hours ----------------------------------------------------------


def test_half_time_sickness_over_four_weeks_on_a_5_day_week_is_10_days() -> None:
    # 5 January to 1 February 2026: 20 working days × 3.7 hours = 74 hours ÷ 7.4 = 10 days
    # (weighting every calendar day would give 14).
    status = status_on(TODAY, spell(date(2026, 1, 5), date(2026, 2, 1), partial=18.5))

    assert status.days == 10
    assert (status.count.partial_hours, status.count.hours_per_day) == (74, 7.4)
    assert count_text(status) == (
        "10 af 120 dage: 0 hele sygedage + 74 timer delvist fravær "
        "(÷ 7,4 timer pr. arbejdsdag = 10 dage)"
    )
    assert any("Fridage før og efter delvist fravær" in a for a in status.assumptions)


def test_16_of_32_hours_a_week_on_5_days_is_2_5_days() -> None:
    kim = replace(ANNA, weekly_hours=32)

    status = status_on(TODAY, spell(date(2026, 1, 5), date(2026, 1, 11), partial=16), employee=kim)

    assert status.days == 2.5


def test_an_employee_on_a_4_day_week_converts_by_8_hours_a_day() -> None:
    kim = replace(ANNA, weekly_hours=32, working_days_per_week=4)

    status = status_on(TODAY, spell(date(2026, 1, 5), date(2026, 1, 11), partial=16), employee=kim)

    assert status.days == 2.0
    assert status.count.hours_per_day == 8
    assert status.assumptions[0].startswith("Arbejdsdage: 4 dage om ugen")


def test_partial_hours_above_the_contract_count_a_working_day_at_most_once() -> None:
    status = status_on(TODAY, spell(date(2026, 1, 5), date(2026, 1, 18), partial=50))

    assert status.days == 10


def test_with_0_contract_hours_full_days_count_and_partial_ones_cannot_be_converted() -> None:
    hourly = replace(ANNA, weekly_hours=0)
    spells = [
        spell(date(2026, 1, 5), date(2026, 1, 9)),
        spell(date(2026, 2, 2), date(2026, 2, 8), partial=10),
    ]

    status = status_on(TODAY, *spells, employee=hourly)

    assert status.days == 5
    assert any("kan delvist fravær ikke omregnes" in a for a in status.assumptions)


# --- Rule 3: the window for notice in calendar days ---------------------------------------------

#: Sick from Monday 1 June 2026 without a break: day 120 is Monday 28 September, and the last
#: day for notice is 7 October (earlier than 10 calendar days after day 120).
JUNE = date(2026, 6, 1)
DAY_120 = date(2026, 9, 28)
LAST_NOTICE = date(2026, 10, 7)


def test_notice_can_be_given_on_day_120_after_working_hours() -> None:
    status = status_on(DAY_120, spell(JUNE, None))

    assert (status.days, status.window) == (120, NoticeWindow.OPEN)
    assert (status.day_120, status.last_notice_day) == (DAY_120, LAST_NOTICE)
    assert window_text(status) == (
        "Opsigelse tidligst 28. september 2026 efter arbejdstid (120. sygedag), senest "
        "7. oktober 2026, og kun mens medarbejderen er syg"
    )


def test_back_at_work_inside_the_window_gives_no_notice_that_day() -> None:
    # Last sick day Tuesday 29 September (day 121); on Friday 2 October the employee works.
    status = status_on(date(2026, 10, 2), spell(JUNE, date(2026, 9, 29)))

    assert status.window is NoticeWindow.NOT_SICK_TODAY
    assert not status.still_sick
    assert window_text(status).startswith("Ingen opsigelse i dag: medarbejderen er ikke syg.")


def test_a_return_after_day_120_and_a_new_absence_a_week_later_still_inside_the_window() -> None:
    spells = (spell(JUNE, date(2026, 9, 29)), spell(date(2026, 10, 7), None))

    status = status_on(date(2026, 10, 7), *spells)

    assert (status.window, status.day_120, status.last_notice_day) == (
        NoticeWindow.OPEN, DAY_120, LAST_NOTICE,
    )  # fmt: skip


def test_a_return_after_day_120_and_a_new_absence_seven_weeks_later_shows_no_window() -> None:
    spells = (spell(JUNE, date(2026, 9, 29)), spell(date(2026, 11, 18), None))

    status = status_on(TODAY, *spells)

    assert status.still_sick and status.days == 127  # 121 + Wednesday 18 to Monday 23
    assert (status.window, status.day_120) == (NoticeWindow.CLOSED, DAY_120)
    assert not status.has_window
    assert window_text(status) == (
        "Ingen – vinduet lukkede 7. oktober 2026, 10 kalenderdage efter 120. sygedag "
        "(28. september 2026); et nyt sygefravær åbner det ikke igen"
    )


def test_day_120_ahead_is_expected_when_the_absence_goes_on() -> None:
    # Sick since Saturday 1 August: counted from Monday 3 August, day 120 on 30 November.
    status = status_on(TODAY, spell(date(2026, 8, 1), None))

    assert (status.days, status.window) == (113, NoticeWindow.EXPECTED)
    assert (status.day_120, status.last_notice_day) == (date(2026, 11, 30), date(2026, 12, 9))
    assert status.projected and status.has_window


def test_70_days_in_the_spring_and_sick_since_october_reach_day_120_on_a_saturday() -> None:
    # 5 January to Friday 13 March count 68 (the weekend after it does not); from 1 October
    # day 120 is Saturday 21 November, between sick days.
    spells = (spell(date(2026, 1, 5), date(2026, 3, 15)), spell(date(2026, 10, 1), None))

    status = status_on(TODAY, *spells)

    assert (status.days, status.window) == (122, NoticeWindow.OPEN)
    assert (status.day_120, status.last_notice_day) == (date(2026, 11, 21), date(2026, 11, 30))


def test_a_window_across_a_leap_day() -> None:
    # Sick from Monday 1 November 2027: day 120 is 28 February 2028; 29 February is a day too.
    status = status_on(date(2028, 2, 29), spell(date(2027, 11, 1), None))

    assert (status.day_120, status.last_notice_day) == (date(2028, 2, 28), date(2028, 3, 8))


def test_the_rolling_window_on_a_leap_day() -> None:
    # On 29 February 2028 the 12 months run from 1 March 2027: Monday 1 and Tuesday 2 March.
    status = status_on(date(2028, 2, 29), spell(date(2027, 2, 26), date(2027, 3, 2)))

    assert status.days == 2


def test_half_days_far_from_120_give_no_window() -> None:
    status = status_on(TODAY, spell(date(2026, 9, 1), None, partial=18.5))

    assert status.window is NoticeWindow.NOT_REACHED and window_text(status) == ""


# --- What stays as it was ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "employee",
    [
        pytest.param(replace(ANNA, clause_120_days=False), id="no written clause"),
        pytest.param(replace(ANNA, salaried=False), id="not a funktionær"),
    ],
)
def test_the_120_day_rule_needs_a_written_clause_and_a_funktionaer(employee) -> None:
    assert rule_120_status(employee, [spell(date(2026, 1, 5), None)], TODAY) is None


@pytest.mark.parametrize(
    ("last_day", "days", "warning"),
    [
        pytest.param(date(2026, 9, 8), 100, True, id="1 June to Tuesday 8 September: 100, warn"),
        pytest.param(date(2026, 9, 7), 99, False, id="1 June to Monday 7 September: 99"),
    ],
)
def test_the_120_day_warning_starts_on_day_100(last_day, days, warning) -> None:
    status = status_on(TODAY, spell(JUNE, last_day))

    assert (status.days, status.warning, status.still_sick) == (days, warning, False)
    assert status.window is NoticeWindow.NOT_REACHED


def test_the_rules_table_holds_the_three_corrections_with_their_sources() -> None:
    assert latest("regel_120_fridage").source == "Højesteret 16. marts 2022"
    assert latest("regel_120_delvis").source == "U2018.815 H"
    assert latest("regel_120_vindue").source.startswith("Højesteret 19. december 2023")
    assert latest("regel_120_vindue").numbers["days"] == 10


def test_the_120_day_rule_text_carries_the_cautions() -> None:
    text = latest("regel_120").explanation

    assert "skriftlig aftale" in text
    assert "1 måneds varsel til udgangen af en måned" in text
    assert "Graviditetsrelateret fravær tælles ikke med" in text
    assert "Fravær på grund af et handicap må heller ikke tælles med" in text
    assert "Søg råd, før du opsiger" in text


# --- Property -----------------------------------------------------------------------------------

DAYS = st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31))


@settings(max_examples=150, deadline=None)
@given(
    first=DAYS,
    length=st.integers(2, 300),
    cut=st.integers(1, 299),
    partial=st.one_of(st.none(), st.sampled_from([4.0, 10.0, 18.5, 37.0])),
    today=DAYS,
    ongoing=st.booleans(),
)
def test_recording_one_absence_as_two_adjacent_ones_never_changes_the_count(
    first, length, cut, partial, today, ongoing
) -> None:
    cut = min(cut, length - 1)
    last = first + timedelta(days=length - 1)
    whole = [spell(first, None if ongoing else last, partial=partial)]
    split = [
        spell(first, first + timedelta(days=cut - 1), partial=partial),
        spell(first + timedelta(days=cut), None if ongoing else last, partial=partial),
    ]

    a, b = rule_120_status(ANNA, whole, today), rule_120_status(ANNA, split, today)
    assert a is not None and b is not None
    assert a.days == pytest.approx(b.days)
    assert (a.day_120, a.window) == (b.day_120, b.window)
    assert 0 <= a.days <= 366
