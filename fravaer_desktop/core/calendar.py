"""Danish working-day calendar: weekdays that are not Danish public holidays."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache

from fravaer_desktop.core import holiday_table


@lru_cache(maxsize=256)
def danish_holidays(year: int) -> dict[date, str]:
    """Danish public holidays of `year` with their Danish names (from the `holidays` package).

    Years in `core.holiday_table` (generated from the package) are read from it; importing the
    package costs ~45 ms, which every start would otherwise pay. Other years ask the package.
    """
    if holiday_table.FIRST_YEAR <= year <= holiday_table.LAST_YEAR:
        return _table_year(year)
    import holidays

    return dict(holidays.country_holidays("DK", years=year, language="da").items())


def _table_year(year: int) -> dict[date, str]:
    prefix = f"{year:04d}-"
    return {
        date.fromisoformat(day): name
        for day, name in holiday_table.HOLIDAYS.items()
        if day.startswith(prefix)
    }


def is_public_holiday(day: date) -> bool:
    return day in danish_holidays(day.year)


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a Danish public holiday."""
    return day.weekday() < 5 and not is_public_holiday(day)


def days_between(first: date, last: date) -> Iterator[date]:
    """Every day from `first` to `last`, both included."""
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


@lru_cache(maxsize=4096)
def _working_days_in_month_upto(year: int, month: int, day: int) -> int:
    start = date(year, month, 1)
    return sum(1 for d in days_between(start, date(year, month, day)) if is_working_day(d))


def count_working_days(first: date, last: date) -> int:
    """Number of working days from `first` to `last`, both included (0 if last < first)."""
    if last < first:
        return 0
    total = 0
    cursor = first
    while cursor <= last:
        month_end = _last_of_month(cursor)
        stop = min(month_end, last)
        upto = _working_days_in_month_upto(stop.year, stop.month, stop.day)
        before = (
            _working_days_in_month_upto(cursor.year, cursor.month, cursor.day - 1)
            if cursor.day > 1
            else 0
        )
        total += upto - before
        cursor = stop + timedelta(days=1)
    return total


def _last_of_month(day: date) -> date:
    next_month = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return next_month - timedelta(days=1)
