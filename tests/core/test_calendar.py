"""The Danish working-day calendar: weekdays minus the public holidays of the year."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fravaer_desktop.core import holiday_table
from fravaer_desktop.core.calendar import (
    count_working_days,
    danish_holidays,
    days_between,
    is_public_holiday,
    is_working_day,
)


@pytest.mark.parametrize(
    ("day", "name"),
    [
        pytest.param(date(2026, 1, 1), "Nytårsdag", id="New Year's Day 2026"),
        pytest.param(date(2026, 4, 2), "Skærtorsdag", id="Maundy Thursday 2 April 2026"),
        pytest.param(date(2026, 4, 3), "Langfredag", id="Good Friday 3 April 2026"),
        pytest.param(date(2026, 4, 6), "Anden påskedag", id="Easter Monday 6 April 2026"),
        pytest.param(date(2026, 5, 14), "Kristi himmelfartsdag", id="Ascension Day 2026"),
        pytest.param(date(2026, 5, 25), "Anden pinsedag", id="Whit Monday 2026"),
        pytest.param(date(2026, 12, 25), "Juledag", id="Christmas Day 2026"),
        pytest.param(date(2026, 12, 26), "Anden juledag", id="Boxing Day 2026"),
        pytest.param(date(2023, 5, 5), "Store bededag", id="Great Prayer Day 5 May 2023"),
    ],
)
def test_danish_public_holidays_are_not_working_days(day: date, name: str) -> None:
    assert danish_holidays(day.year)[day] == name
    assert not is_working_day(day)


def test_great_prayer_day_was_abolished_from_2024() -> None:
    # Store bededag (4th Friday after Easter) was a holiday until 2023; the law abolished it from
    # 2024, so 26 April 2024 is an ordinary Friday.
    assert "Store bededag" in danish_holidays(2023).values()
    assert "Store bededag" not in danish_holidays(2024).values()
    assert not is_public_holiday(date(2024, 4, 26))
    assert is_working_day(date(2024, 4, 26))


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(date(2026, 12, 24), id="Christmas Eve"),
        pytest.param(date(2026, 12, 31), id="New Year's Eve"),
        pytest.param(date(2026, 6, 5), id="Constitution Day"),
    ],
)
def test_days_off_by_custom_but_not_by_law_are_working_days(day: date) -> None:
    assert not is_public_holiday(day)
    assert is_working_day(day)


def test_weekends_are_not_working_days() -> None:
    assert not is_working_day(date(2026, 3, 7))  # Saturday
    assert not is_working_day(date(2026, 3, 8))  # Sunday
    assert is_working_day(date(2026, 3, 9))  # Monday


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        pytest.param(date(2026, 3, 2), date(2026, 3, 6), 5, id="Monday to Friday"),
        pytest.param(date(2026, 3, 7), date(2026, 3, 8), 0, id="a weekend"),
        pytest.param(date(2026, 3, 30), date(2026, 4, 10), 7, id="Easter 2026 fortnight"),
        pytest.param(date(2028, 2, 1), date(2028, 2, 29), 21, id="February of leap year 2028"),
        # 261 weekdays, minus 7 holidays on weekdays (Boxing Day 2026 is a Saturday)
        pytest.param(date(2026, 1, 1), date(2026, 12, 31), 254, id="the whole year 2026"),
        pytest.param(date(2026, 3, 6), date(2026, 3, 2), 0, id="last day before first day"),
    ],
)
def test_count_working_days(first: date, last: date, expected: int) -> None:
    assert count_working_days(first, last) == expected


@settings(deadline=None)  # the first example may build a holiday table
@given(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    st.integers(min_value=0, max_value=400),
)
def test_count_working_days_agrees_with_checking_day_by_day(first: date, length: int) -> None:
    last = first + timedelta(days=length)
    assert count_working_days(first, last) == sum(
        1 for d in days_between(first, last) if is_working_day(d)
    )


def test_the_holidays_agree_with_the_holidays_package_for_1950_to_2100() -> None:
    """The generated table (and the package outside it) give what the package gives.

    If this fails after `holidays` was upgraded, run scripts/generate_holiday_table.py.
    """
    import holidays

    for year in range(1950, 2101):
        expected = dict(holidays.country_holidays("DK", years=year, language="da").items())
        assert danish_holidays(year) == expected, year


def test_the_table_covers_the_years_a_company_uses() -> None:
    assert holiday_table.FIRST_YEAR <= 2000 and holiday_table.LAST_YEAR >= 2050


def test_store_bededag_is_a_holiday_until_2023_only() -> None:
    assert danish_holidays(2023)[date(2023, 5, 5)] == "Store bededag"
    assert "Store bededag" not in danish_holidays(2024).values()


def test_holidays_in_the_table_years_do_not_import_the_package() -> None:
    """Importing `holidays` cost ~45 ms of every start; the table is enough for 1990-2060."""
    code = (
        "import sys\n"
        "import fravaer_desktop.core.calendar as c\n"
        "c.danish_holidays(2026); c.is_working_day(c.date(2031, 12, 24))\n"
        "assert 'holidays' not in sys.modules, 'the package was imported'\n"
        "assert c.danish_holidays(2070)\n"
        "assert 'holidays' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
