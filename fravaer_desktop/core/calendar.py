"""Danish working-day calendar: weekdays that are not Danish public holidays."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from types import ModuleType

DENMARK_MODULE = "holidays.countries.denmark"


@lru_cache(maxsize=64)
def danish_holidays(year: int) -> dict[date, str]:
    """Danish public holidays of `year` with their Danish names (from the `holidays` package)."""
    return dict(_denmark_holidays_class()(years=year, language="da").items())


@lru_cache(maxsize=1)
def _denmark_holidays_class() -> type:
    """The `holidays` package's Denmark class, loaded on first use without the other countries.

    `import holidays.countries.denmark` (and `holidays.Denmark`) first runs
    holidays/countries/__init__.py, which imports all ~250 country modules: ~40 ms, and ~90 ms
    when PySide6's import hook is active, against ~3 ms for the Danish module alone. So the
    Danish module is loaded from its own file under its own name; should the package's layout
    change, the ordinary import is used.
    """
    import holidays

    try:
        return _load_danish_module_alone(holidays).Denmark
    except (ImportError, OSError, AttributeError):
        return holidays.Denmark


def _load_danish_module_alone(holidays: ModuleType) -> ModuleType:
    if DENMARK_MODULE in sys.modules:
        return sys.modules[DENMARK_MODULE]
    path = Path(holidays.__path__[0]) / "countries" / "denmark.py"
    spec = importlib.util.spec_from_file_location(DENMARK_MODULE, path)
    if spec is None or spec.loader is None or not path.is_file():
        raise ImportError(f"no {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[DENMARK_MODULE] = module  # a later `import holidays.countries` reuses it
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[DENMARK_MODULE]
        raise
    return module


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
