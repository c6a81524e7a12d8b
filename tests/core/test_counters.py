"""Counters over all of one employee's spells: the 22-week limit (§ 24) and frequent short
absence, each told as a scenario with exact days and dates (the 120-day rule: test_rule_120.py)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fravaer_desktop.core.counters import (
    frequent_absence,
    months_before,
    paid_sick_weeks,
    weeks_text,
)
from fravaer_desktop.core.models import AbsenceKind, AbsencePolicy, AbsenceSpell, Employee
from fravaer_desktop.core.rules import latest
from fravaer_desktop.core.statistics import SHORT_SPELL_MAX_DAYS

TODAY = date(2026, 11, 23)  # a Monday, the same fixed 'today' as tests/conftest.py
ANNA = Employee(
    id=1, name="Anna Jensen", employed_from=date(2015, 1, 1), weekly_hours=37, clause_120_days=True
)
OWN = AbsenceKind.OWN_SICKNESS
PREGNANCY = AbsenceKind.PREGNANCY
INJURY = AbsenceKind.WORK_INJURY
CHILD = AbsenceKind.CHILD_SICK
OTHER = AbsenceKind.OTHER


def spell(
    first: date, last: date | None, kind: AbsenceKind = OWN, partial: float | None = None
) -> AbsenceSpell:
    return AbsenceSpell(1, first, kind, last, partial_hours_per_week=partial)


# --- 22 weeks in 9 calendar months (§ 24) ---------------------------------------------------


WEEKS = [
    pytest.param(
        [spell(date(2026, 2, 1), date(2026, 8, 4))],
        22.1,
        True,
        id="1 February to 4 August: 185 days, less the first 30 (employer period) = 22.1 weeks",
    ),
    pytest.param(
        [spell(date(2026, 2, 1), date(2026, 7, 5))],
        17.9,
        False,
        id="1 February to 5 July: 155 days less 30 = 17.9 weeks: no warning yet",
    ),
    pytest.param(
        [spell(date(2025, 12, 20), date(2026, 6, 10))],
        18.6,
        True,
        id="from 20 December: the first 30 days end before the window; 1 February on counts",
    ),
    pytest.param(
        [spell(date(2026, 3, 2), date(2026, 5, 3)), spell(date(2026, 8, 3), date(2026, 10, 4))],
        9.4,
        False,
        id="two separate spells of 9 weeks: each loses its first 30 days, 9.4 weeks",
    ),
    pytest.param(
        [spell(date(2026, 3, 2), date(2026, 5, 3)), spell(date(2026, 5, 4), date(2026, 7, 5))],
        13.7,
        False,
        id="a spell that continues the day after another is one period: 30 days left out once",
    ),
    pytest.param(
        [spell(date(2026, 3, 2), date(2026, 5, 3), INJURY), spell(date(2026, 8, 3), None)],
        16.6,
        False,
        id="work injury counts; an ongoing spell counts up to today",
    ),
    pytest.param(
        [spell(date(2026, 2, 1), date(2026, 7, 5), PREGNANCY)],
        0.0,
        False,
        id="pregnancy-related sickness is not sygedagpenge and does not count",
    ),
    pytest.param(
        [spell(date(2026, 2, 1), date(2026, 8, 4), partial=10)],
        22.1,
        True,
        id="partial absence counts as whole weeks (nedsatte sygedagpenge)",
    ),
    pytest.param(
        [spell(date(2026, 2, 1), date(2026, 8, 4), partial=3.5)],
        0.0,
        False,
        id="under 4 hours a week is fit under the law: no sygedagpenge, nothing counts",
    ),
    pytest.param(
        [
            spell(date(2026, 3, 2), date(2026, 5, 3)),
            spell(date(2026, 5, 4), date(2026, 7, 5), partial=2),
            spell(date(2026, 7, 6), date(2026, 9, 6)),
        ],
        9.4,
        False,
        id="a small partial part between two full ones does not join them: 30 days off twice",
    ),
]


@pytest.mark.parametrize(("spells", "weeks", "warning"), WEEKS)
def test_the_22_week_count(spells, weeks, warning) -> None:
    result = paid_sick_weeks(ANNA, spells, TODAY)

    assert result.window_start == date(2026, 2, 1)
    assert (result.weeks, result.warning, result.limit) == (weeks, warning, 22)


@pytest.mark.parametrize(
    ("today", "start"),
    [
        pytest.param(date(2026, 11, 23), date(2026, 2, 1), id="23 November: from 1 February"),
        pytest.param(date(2026, 3, 10), date(2025, 6, 1), id="across New Year: from 1 June"),
    ],
)
def test_the_22_week_window_is_this_month_and_the_9_calendar_months_before(today, start) -> None:
    assert months_before(today, 9) == start
    assert paid_sick_weeks(ANNA, [], today).window_start == start


def test_weeks_text_is_danish() -> None:
    assert weeks_text(18.25) == "18,2 uger"


# --- Frequent short absence ------------------------------------------------------------------


THREE_SHORT = [
    spell(date(2026, 6, 1), date(2026, 6, 1)),
    spell(date(2026, 8, 10), date(2026, 8, 11)),
    spell(date(2026, 11, 2), date(2026, 11, 4)),
]
FREQUENT = [
    pytest.param(THREE_SHORT, AbsencePolicy(), 3, 6, True, id="3 short spells in 6 months"),
    pytest.param(THREE_SHORT[1:], AbsencePolicy(), 2, 5, False, id="2 spells and 5 days: calm"),
    pytest.param(
        THREE_SHORT[1:],
        AbsencePolicy(frequent_spells=2),
        2,
        5,
        True,
        id="the company's own limit of 2 spells",
    ),
    pytest.param(
        [spell(date(2026, 5, 23), date(2026, 5, 23)), *THREE_SHORT[1:]],
        AbsencePolicy(),
        2,
        6,
        False,
        id="a spell on 23 May 2026 is just outside the 6 months",
    ),
    pytest.param(
        [spell(date(2026, 5, 24), date(2026, 5, 24)), *THREE_SHORT[1:]],
        AbsencePolicy(),
        3,
        6,
        True,
        id="a spell on 24 May 2026 is just inside the 6 months",
    ),
    pytest.param(
        [
            spell(date(2025, 12, 1), date(2025, 12, 5)),
            spell(date(2026, 2, 2), date(2026, 2, 6)),
            spell(date(2026, 4, 6), date(2026, 4, 10)),
        ],
        AbsencePolicy(),
        0,
        15,
        True,
        id="15 days in 12 months across New Year",
    ),
    pytest.param(
        [
            spell(date(2025, 11, 23), date(2025, 11, 27)),
            spell(date(2026, 2, 2), date(2026, 2, 6)),
            spell(date(2026, 4, 6), date(2026, 4, 10)),
        ],
        AbsencePolicy(),
        0,
        14,
        False,
        id="23 November 2025 is outside the 12 months: 14 days",
    ),
    pytest.param(
        [spell(date(2026, 9, 1), date(2026, 10, 15))],
        AbsencePolicy(),
        0,
        0,
        False,
        id="one long illness of 45 days is not frequent absence",
    ),
    pytest.param(
        [
            spell(date(2026, 11, 1), date(2026, 11, 10)),
            spell(date(2026, 11, 11), date(2026, 11, 18), partial=20),
            spell(date(2026, 11, 19), None),
        ],
        AbsencePolicy(),
        0,
        0,
        False,
        id="a partial return between full absence is one long absence, not three short",
    ),
    pytest.param(
        [
            spell(date(2026, 6, 1), date(2026, 6, 1), PREGNANCY),
            spell(date(2026, 7, 1), date(2026, 7, 2), CHILD),
            spell(date(2026, 8, 3), date(2026, 8, 4), INJURY),
        ],
        AbsencePolicy(),
        0,
        0,
        False,
        id="pregnancy, a child's sick day and work injury never count",
    ),
]


@pytest.mark.parametrize(("spells", "policy", "count", "days", "suggested"), FREQUENT)
def test_frequent_short_absence(spells, policy, count, days, suggested) -> None:
    result = frequent_absence(spells, TODAY, policy)

    assert (result.spells, result.days, result.suggested) == (count, days, suggested)
    assert result.bradford is None


def test_the_bradford_factor_only_when_the_company_turns_it_on() -> None:
    on = frequent_absence(THREE_SHORT, TODAY, AbsencePolicy(bradford_enabled=True))
    off = frequent_absence(THREE_SHORT, TODAY, AbsencePolicy())

    assert on.bradford == 3**2 * 6
    assert off.bradford is None


def test_the_bradford_factor_counts_an_absence_with_a_partial_return_once() -> None:
    joined = [
        spell(date(2026, 11, 2), date(2026, 11, 4)),
        spell(date(2026, 11, 5), date(2026, 11, 6), partial=20),
    ]
    result = frequent_absence(joined, TODAY, AbsencePolicy(bradford_enabled=True))

    assert result.bradford == 1**2 * 5


def test_the_short_spell_limit_matches_the_statistics() -> None:
    assert latest("fravaerssamtale").numbers["short_spell_max_days"] == SHORT_SPELL_MAX_DAYS


# --- Properties ----------------------------------------------------------------------------------

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
def test_splitting_a_spell_in_two_never_changes_the_22_weeks(
    first, length, cut, partial, today, ongoing
) -> None:
    cut = min(cut, length - 1)
    last = first + timedelta(days=length - 1)
    whole = [spell(first, None if ongoing else last, partial=partial)]
    split = [
        spell(first, first + timedelta(days=cut - 1), partial=partial),
        spell(first + timedelta(days=cut), None if ongoing else last, partial=partial),
    ]

    assert paid_sick_weeks(ANNA, whole, today).weeks == paid_sick_weeks(ANNA, split, today).weeks
