"""Danish working-day calendar: weekdays that are not Danish public holidays."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def danish_holidays(year: int) -> dict[date, str]:
    """Danish public holidays of `year` with their Danish names (from the `holidays` package)."""
    return dict(holidays.Denmark(years=year, language="da").items())


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
