"""Counters over all of one employee's spells: 22-week limit and frequent absence.

All numbers come from the rules table (`core.rules`) or the company's policy. The 120-day rule
has a module of its own (`core.rule_120`).
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterable, Set
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from fravaer_desktop.core.absence import joined_absences
from fravaer_desktop.core.models import AbsencePolicy, AbsenceSpell, Employee
from fravaer_desktop.core.rules import is_fit_by_law, latest

ONE_DAY = timedelta(days=1)
DEFAULT_POLICY = AbsencePolicy()


@lru_cache(maxsize=256)  # asked once per employee with the same day
def months_before(day: date, months: int) -> date:
    """The first day of the month `months` calendar months before `day`'s month."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _sick_periods(
    spells: Iterable[AbsenceSpell], kinds: Set[str], ongoing_until: date
) -> list[tuple[date, date]]:
    """The unbroken absences made of the spells of `kinds`: (first day, last day), in order.

    Spells that overlap or follow each other directly (the next begins the day after) are one
    period; an ongoing spell runs until `ongoing_until`. Partial absence under 4 hours a week
    is no sickness under the law and is left out.
    """
    periods: list[tuple[date, date]] = []
    for first, last in sorted(
        (s.first_day, s.last_day or ongoing_until)
        for s in spells
        if s.kind in kinds
        and not (
            s.partial_hours_per_week is not None  # checked first: most spells are full
            and is_fit_by_law(s.first_day, s.kind, s.partial_hours_per_week)
        )
    ):
        if periods and first <= periods[-1][1] + ONE_DAY:
            periods[-1] = (periods[-1][0], max(periods[-1][1], last))
        else:
            periods.append((first, last))
    return periods


@dataclass(frozen=True)
class SickWeeks:
    """Weeks with salary or sygedagpenge during sickness inside the § 24 window."""

    weeks: float
    limit: int
    warn_from: int
    window_start: date

    @property
    def warning(self) -> bool:
        return self.weeks >= self.warn_from


def paid_sick_weeks(employee: Employee, spells: Iterable[AbsenceSpell], today: date) -> SickWeeks:
    """Sick weeks in the current month and the 9 calendar months before it (all spells).

    Own sickness and work injury, calendar days including weekends; a partial day counts as a
    whole day, because § 24 counts weeks with "nedsatte sygedagpenge" in full. The first 30
    days of each unbroken sick period (the employer period) do not count. Pregnancy-related
    sickness (barselsloven) and a child's sick day do not count.
    """
    rule = latest("revurdering")
    start = months_before(today, rule.numbers["window_months"])
    not_counted = rule.days("first_days_not_counted")
    days = 0
    for first, last in _sick_periods(spells, rule.kinds, ongoing_until=today):
        counted_from, stop = max(first + not_counted, start), min(last, today)
        if stop >= counted_from:
            days += (stop - counted_from).days + 1
    weeks = round(days / 7, 1)
    return SickWeeks(weeks, rule.numbers["limit_weeks"], rule.numbers["warn_weeks"], start)


@dataclass(frozen=True)
class FrequentAbsence:
    """The arithmetic behind a suggestion to talk about frequent short absence."""

    spells: int
    spell_limit: int
    spell_months: int
    days: int
    day_limit: int
    day_months: int
    bradford: int | None

    @property
    def suggested(self) -> bool:
        return self.spells >= self.spell_limit or self.days >= self.day_limit


def frequent_absence(
    spells: Iterable[AbsenceSpell], today: date, policy: AbsencePolicy = DEFAULT_POLICY
) -> FrequentAbsence:
    """Short own-sickness spells and their days in the policy's windows (defaults: rules table).

    Only spells of at most 14 calendar days (an ongoing spell: so far) count: a long illness is
    not frequent absence. Pregnancy-related sickness, work injury and a child's sick day never
    count. The Bradford factor (spells² × days over 52 weeks) is computed only when the company
    has turned it on, over all own-sickness spells.
    """
    defaults = latest("fravaerssamtale").numbers
    spell_limit = policy.frequent_spells or defaults["spells"]
    spell_months = policy.frequent_spell_months or defaults["spell_months"]
    day_limit = policy.frequent_days or defaults["days"]
    day_months = policy.frequent_day_months or defaults["day_months"]
    # An absence with a partial return in it is one absence, short or long by its whole length.
    own = [
        whole
        for whole, _ in joined_absences(
            s for s in spells if s.kind == "sygdom" and s.first_day <= today
        )
    ]
    longest = timedelta(days=defaults["short_spell_max_days"] - 1)
    spell_start = _months_back(today, spell_months)
    day_start = _months_back(today, day_months)
    recent = days = 0
    for spell in own:
        last = spell.last_day if spell.last_day is not None and spell.last_day < today else today
        if last - spell.first_day > longest:
            continue  # a long absence, not a short one
        recent += spell.first_day >= spell_start
        days += max(0, (last - max(spell.first_day, day_start)).days + 1)
    bradford = None
    if policy.bradford_enabled:
        year_start = today - timedelta(weeks=52) + ONE_DAY
        year_spells = [s for s in own if s.end_or(today) >= year_start]
        year_days = sum(_days_inside(s, year_start, today) for s in year_spells)
        bradford = len(year_spells) ** 2 * year_days
    return FrequentAbsence(recent, spell_limit, spell_months, days, day_limit, day_months, bradford)


@lru_cache(maxsize=256)
def _months_back(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    year, month = index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1])) + ONE_DAY


def _days_inside(spell: AbsenceSpell, first: date, last: date) -> int:
    start = max(spell.first_day, first)
    stop = min(spell.end_or(last), last)
    return max(0, (stop - start).days + 1)


def weeks_text(weeks: float) -> str:
    """'18,3 uger' in Danish."""
    return f"{weeks:.1f}".replace(".", ",") + " uger"


def ceil_days(value: float) -> int:
    return math.ceil(value - 1e-9)
