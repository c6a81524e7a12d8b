"""The 120-day rule (funktionærloven § 5, stk. 2), counted as the Supreme Court counts it.

- A full sick working day counts 1. A day off (weekend, public holiday) counts 1 when the
  employee was full-time sick on the working day right before and right after it, also when
  the two sides are two registered absences (Højesteret 16 March 2022). A day off at the edge
  of an absence does not count.
- Partial sickness counts only the hours away, on working days, converted to days by the
  employee's hours per working day (U2018.815 H).
- Notice can be given from the end of the working day of the 120th sick day until 9 calendar
  days after it, and only while the employee is sick (Højesteret 19 December 2023).

Every number comes from the rules table (`regel_120`, `regel_120_fridage`, `regel_120_delvis`,
`regel_120_vindue`). Qt-free and database-free.
"""

from __future__ import annotations

import calendar
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from itertools import accumulate

from fravaer_desktop.core.calendar import is_working_day
from fravaer_desktop.core.danish import counted, long_date, number
from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.core.rules import INJURY, latest

ONE_DAY = timedelta(days=1)
#: How far ahead an ongoing absence is followed to say when day 120 is expected.
PROJECTION_DAYS = 60
EPSILON = 1e-9


class NoticeWindow(StrEnum):
    """Where the window for notice after the 120th sick day stands today."""

    NOT_REACHED = "not_reached"  # no 120th day, and none expected within PROJECTION_DAYS
    EXPECTED = "expected"  # the 120th day comes if the absence goes on at today's extent
    OPEN = "open"  # notice can be given today
    NOT_SICK_TODAY = "not_sick_today"  # inside the window, but the employee is not sick today
    CLOSED = "closed"  # the window has passed; a later absence does not open it again


@dataclass(frozen=True)
class Rule120Count:
    """The arithmetic behind a count: full sick days + days off between them + partial hours
    converted to days (hours ÷ hours per working day)."""

    full_days: int
    days_off: int
    partial_hours: float
    hours_per_day: float
    partial_days: float

    @property
    def total(self) -> float:
        return round(self.full_days + self.days_off + self.partial_days, 2)


@dataclass(frozen=True)
class Rule120Status:
    """Where an employee with a written 120-day clause stands on `today`."""

    days: float
    limit: int
    warn_from: int
    still_sick: bool
    count: Rule120Count
    window: NoticeWindow
    day_120: date | None
    last_notice_day: date | None
    working_days_per_week: int
    assumptions: tuple[str, ...]

    @property
    def warning(self) -> bool:
        return self.days >= self.warn_from

    @property
    def projected(self) -> bool:
        return self.window is NoticeWindow.EXPECTED

    @property
    def has_window(self) -> bool:
        """True when notice can be given now or is expected soon (the Overblik's task)."""
        return self.window in (
            NoticeWindow.OPEN, NoticeWindow.EXPECTED, NoticeWindow.NOT_SICK_TODAY
        )  # fmt: skip

    def notice_leaves_on(self, notice_day: date) -> date:
        """Leaving day for notice given on `notice_day`: 1 month to the end of a month."""
        return end_of_next_month(notice_day)


def end_of_next_month(day: date) -> date:
    """Last day of the calendar month after `day`'s month (1 month's notice to a month's end)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, calendar.monthrange(year, month)[1])


def one_year_before(day: date) -> date:
    """The same day a year earlier (28 February for a 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return date(day.year - 1, 2, 28)


def has_rule_120(employee: Employee) -> bool:
    """True when the 120-day rule can apply: a written clause and a salaried employee."""
    return employee.clause_120_days and employee.salaried


def rule_120_history_start(spells: Iterable[AbsenceSpell], today: date) -> date:
    """The earliest day whose absence `rule_120_status` looks at: far enough back for the
    rolling 12 months of every day it counts (from the first day of the absence running today).

    `spells` must include the employee's spells that run today.
    """
    current = _current_counted_spell(spells, today)
    first = min(today, current.first_day if current else today)
    # The window of the 120th day can lie up to 9 days before the absence running today.
    return one_year_before(first) - timedelta(days=latest("regel_120_vindue").numbers["days"])


def _current_counted_spell(spells: Iterable[AbsenceSpell], today: date) -> AbsenceSpell | None:
    kinds = latest("regel_120").kinds
    return next((s for s in spells if s.covers(today) and s.kind in kinds), None)


@dataclass
class _Days:
    """Day by day over the looked-at period: what counts, and the days the employee is sick."""

    weight: dict[date, float]
    kind: dict[date, str]  # "full", "off" or "partial"
    hours: dict[date, float]  # partial hours on the days counted as partial
    sick: set[date]


def _count_days(
    employee: Employee, spells: Iterable[AbsenceSpell], since: date, until: date
) -> _Days:
    """The weight of every day from `since` to `until`; an ongoing spell runs until `until`."""
    kinds = latest("regel_120").kinds
    full: set[date] = set()
    partial: dict[date, float] = {}
    sick: set[date] = set()
    for spell in spells:
        if spell.kind not in kinds:
            continue
        day, stop = max(spell.first_day, since), min(spell.last_day or until, until)
        hours_a_weekday = (spell.partial_hours_per_week or 0.0) / 5
        while day <= stop:
            sick.add(day)
            if not spell.is_partial:
                full.add(day)
            elif is_working_day(day):
                partial[day] = max(partial.get(day, 0.0), hours_a_weekday)
            day += ONE_DAY
    result = _Days({}, {}, {}, sick)
    for day in full:
        if is_working_day(day):
            result.weight[day], result.kind[day] = 1.0, "full"
    for day in [d for d, k in result.kind.items() if k == "full"]:
        after = _next_working_day(day)
        if after in full and after - day > ONE_DAY:
            between = day + ONE_DAY
            while between < after:
                result.weight[between], result.kind[between] = 1.0, "off"
                sick.add(between)
                between += ONE_DAY
    per_day = hours_per_working_day(employee)
    for day, hours in partial.items():
        if day not in result.weight:
            result.weight[day] = min(hours / per_day, 1.0) if per_day > 0 else 0.0
            result.kind[day], result.hours[day] = "partial", hours
    return result


def _next_working_day(day: date) -> date:
    day += ONE_DAY
    while not is_working_day(day):
        day += ONE_DAY
    return day


def hours_per_working_day(employee: Employee) -> float:
    """Contract hours per working day (37 hours on 5 days: 7.4); 0 when no hours are agreed."""
    return employee.weekly_hours / max(employee.working_days_per_week, 1)


class _Rolling:
    """Sums of the day weights over the 12 months up to a day (prefix sums, one bisect)."""

    def __init__(self, weight: dict[date, float]):
        self.days = sorted(d for d, w in weight.items() if w > 0)
        self._sums = [0.0, *accumulate(weight[d] for d in self.days)]

    def upto(self, day: date) -> float:
        return self._sums[bisect_right(self.days, day)]

    def on(self, day: date) -> float:
        return self.upto(day) - self.upto(one_year_before(day))


def rule_120_status(
    employee: Employee, spells: Iterable[AbsenceSpell], today: date
) -> Rule120Status | None:
    """The 120-day count on `today` and the window for notice; None without a written clause
    or for an employee who is not a funktionær."""
    if not has_rule_120(employee):
        return None
    rule = latest("regel_120")
    limit = rule.numbers["limit_days"]
    spells = list(spells)
    since = rule_120_history_start(spells, today)
    horizon = today + timedelta(days=PROJECTION_DAYS)
    days = _count_days(employee, spells, since, horizon)
    rolling = _Rolling(days.weight)
    window_start = one_year_before(today) + ONE_DAY
    count = _arithmetic(days, window_start, today, hours_per_working_day(employee))
    crossings = [
        d
        for d in rolling.days
        if rolling.on(d) >= limit - EPSILON and rolling.on(d - ONE_DAY) < limit - EPSILON
    ]
    window, day_120 = _window(crossings, today, today in days.sick)
    last_notice = day_120 + latest("regel_120_vindue").days("days") - ONE_DAY if day_120 else None
    return Rule120Status(
        days=count.total, limit=limit, warn_from=rule.numbers["warn_from_day"],
        still_sick=today in days.sick, count=count, window=window, day_120=day_120,
        last_notice_day=last_notice, working_days_per_week=employee.working_days_per_week,
        assumptions=_assumptions(employee, spells, window_start, today, count),
    )  # fmt: skip


def _arithmetic(days: _Days, first: date, last: date, per_day: float) -> Rule120Count:
    inside = [d for d in days.kind if first <= d <= last]
    full = sum(1 for d in inside if days.kind[d] == "full")
    off = sum(1 for d in inside if days.kind[d] == "off")
    hours = sum(days.hours[d] for d in inside if days.kind[d] == "partial")
    partial = sum(days.weight[d] for d in inside if days.kind[d] == "partial")
    return Rule120Count(full, off, round(hours, 2), round(per_day, 2), round(partial, 2))


def _window(crossings: list[date], today: date, sick_today: bool):
    """The window that matters today, and its 120th day."""
    length = latest("regel_120_vindue").days("days")
    past = [d for d in crossings if d <= today]
    future = [d for d in crossings if d > today]
    if past and today < past[-1] + length:
        return (NoticeWindow.OPEN if sick_today else NoticeWindow.NOT_SICK_TODAY), past[-1]
    if future:
        return NoticeWindow.EXPECTED, future[0]
    if past:
        return NoticeWindow.CLOSED, past[-1]
    return NoticeWindow.NOT_REACHED, None


def _assumptions(
    employee: Employee, spells: list[AbsenceSpell], first: date, last: date, count: Rule120Count
) -> tuple[str, ...]:
    """What the count assumes where the program does not know, or the law is not settled."""
    found = [
        f"Arbejdsdage: {counted(employee.working_days_per_week, 'dag', 'dage')} om ugen, "
        "regnet på hverdage; weekend og helligdage er fridage. Andre faste fridage kender "
        "programmet ikke."
    ]
    if count.partial_hours:
        found.append(
            "Fridage før og efter delvist fravær er ikke talt med (retstilstanden er uafklaret)."
        )
        if count.hours_per_day <= 0:
            found.append("Uden aftalt ugentlig arbejdstid kan delvist fravær ikke omregnes.")
    if any(s.kind == INJURY and s.first_day <= last and s.end_or(last) >= first for s in spells):
        found.append(
            "Fravær på grund af arbejdsskade er ikke talt med (det er ikke afklaret, om det "
            "tæller)."
        )
    return tuple(found)


# --- The count and the window in words (Overblik, employee page, status printout) --------------


def count_text(status: Rule120Status) -> str:
    """'112,5 af 120 dage: 100 hele sygedage + 8 fridage imellem + 33 timer delvist fravær
    (÷ 7,4 timer pr. arbejdsdag = 4,5 dage)'."""
    return f"{headline_text(status)}: {arithmetic_text(status)}"


def headline_text(status: Rule120Status) -> str:
    """'112,5 af 120 dage'."""
    return f"{_decimal(status.days)} af {status.limit} dage"


def arithmetic_text(status: Rule120Status) -> str:
    """How the count is made up: full sick days + days off between them + partial hours."""
    c = status.count
    parts = [counted(c.full_days, "hel sygedag", "hele sygedage")]
    if c.days_off:
        parts.append(counted(c.days_off, "fridag imellem", "fridage imellem"))
    if c.partial_hours:
        parts.append(
            f"{_decimal(c.partial_hours)} timer delvist fravær (÷ {_decimal(c.hours_per_day)} "
            f"timer pr. arbejdsdag = {_decimal(c.partial_days)} dage)"
        )
    return " + ".join(parts)


def short_window_text(status: Rule120Status) -> str:
    """The window in a few words, for a list line; '' when day 120 is neither reached nor near."""
    if status.day_120 is None or status.last_notice_day is None:
        return ""
    last = long_date(status.last_notice_day)
    if status.window is NoticeWindow.OPEN:
        return f"Opsigelse mulig nu, senest {last}"
    if status.window is NoticeWindow.EXPECTED:
        return f"120. sygedag ventes {long_date(status.day_120)}; opsigelse senest {last}"
    if status.window is NoticeWindow.NOT_SICK_TODAY:
        return f"Ikke syg i dag; vinduet lukker {last}"
    return f"Ingen – vinduet lukkede {last}"


def _decimal(value: float) -> str:
    """'7,4', '2,5', '10', '112,25': up to two decimals, none that are 0."""
    text = number(value, 2)
    return text.rstrip("0").rstrip(",") if "," in text else text


def window_text(status: Rule120Status) -> str:
    """The window for notice in words, or '' when day 120 is neither reached nor near."""
    if status.day_120 is None or status.last_notice_day is None:
        return ""
    day_120, last = long_date(status.day_120), long_date(status.last_notice_day)
    if status.window is NoticeWindow.OPEN:
        return (
            f"Opsigelse tidligst {day_120} efter arbejdstid (120. sygedag), senest {last}, "
            "og kun mens medarbejderen er syg"
        )
    if status.window is NoticeWindow.EXPECTED:
        return (
            f"120. sygedag forventes {day_120}, hvis fraværet fortsætter: opsigelse tidligst "
            f"den dag efter arbejdstid, senest {last}"
        )
    if status.window is NoticeWindow.NOT_SICK_TODAY:
        return (
            f"Ingen opsigelse i dag: medarbejderen er ikke syg. Vinduet lukker {last} "
            f"(120. sygedag var {day_120}); der kan kun opsiges, mens medarbejderen er syg"
        )
    length = latest("regel_120_vindue").numbers["days"]
    text = f"Ingen – vinduet lukkede {last}, {length} kalenderdage efter 120. sygedag ({day_120})"
    if status.still_sick:
        text += "; et nyt sygefravær åbner det ikke igen"
    return text


def source_text() -> str:
    """The sources of the count, for the screen and the printout."""
    versions = [latest(name) for name in ("regel_120", "regel_120_fridage", "regel_120_delvis",
                                           "regel_120_vindue")]  # fmt: skip
    return "; ".join(v.source for v in versions)
