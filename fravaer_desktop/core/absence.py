"""Arithmetic on absence spells: overlap, days and hours inside a period, day-by-day status."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum

from fravaer_desktop.core.calendar import count_working_days, days_between
from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.core.rules import is_fit_by_law

WORKING_DAYS_PER_WEEK = 5
ONE_DAY = timedelta(days=1)


class DayStatus(Enum):
    """What one calendar day looked like for one employee."""

    PRESENT = "present"
    FULL = "full"
    PARTIAL = "partial"


def joined_absences(
    spells: Iterable[AbsenceSpell],
) -> list[tuple[AbsenceSpell, list[AbsenceSpell]]]:
    """One employee's spells as unbroken absences: (the absence as one spell, its parts).

    A spell of the same kind that begins the day after another ended continues it (typically a
    partial return after full absence): the law's deadlines run from the first day of the whole
    absence. The whole has the first part's id and first day, and the last part's last day,
    extent, expected return and note. A partial absence too small to be sickness under the law
    (under 4 hours a week) neither continues nor is continued: the employee was fit then.
    """
    spells = list(spells)
    last_days = {s.last_day for s in spells}
    for spell in spells:
        if spell.first_day - ONE_DAY in last_days:
            break
    else:  # nothing continues: most employees, at every start
        return [(s, [s]) for s in spells]
    groups: list[list[AbsenceSpell]] = []
    open_by_kind: dict[str, list[AbsenceSpell]] = {}
    for spell in sorted(spells, key=lambda s: s.first_day):
        group = open_by_kind.get(spell.kind)
        ends = group[-1].last_day if group else None
        continues = group is not None and ends is not None and ends + ONE_DAY == spell.first_day
        if continues and not (_is_fit(group[-1]) or _is_fit(spell)):
            group.append(spell)
        else:
            group = [spell]
            groups.append(group)
            open_by_kind[spell.kind] = group
    return [(_as_one(parts), parts) for parts in groups]


def wholes_of_joined_parts(spells: Sequence[AbsenceSpell]) -> dict[int, AbsenceSpell]:
    """For the spells of many employees: each spell that is a part of a longer unbroken absence
    (`joined_absences`) -> the whole absence, keyed by `id(spell)`.

    Usually empty, and cheap then: one set of integers over the spells' last days and one pass
    (the statistics read 60,000 spells; tuples or pairs per spell would wake the garbage
    collector). Only the employees with a spell that begins the day after another ended are
    joined in full.
    """
    stride = 1 << 22  # larger than any date's ordinal: one integer per (employee, day)
    ends = {
        (s.employee_id or 0) * stride + s.last_day.toordinal()
        for s in spells
        if s.last_day is not None
    }
    linked = {
        s.employee_id
        for s in spells
        if (s.employee_id or 0) * stride + s.first_day.toordinal() - 1 in ends
    }
    wholes: dict[int, AbsenceSpell] = {}
    if not linked:
        return wholes
    of_linked: dict[int | None, list[AbsenceSpell]] = {}
    for spell in spells:
        if spell.employee_id in linked:
            of_linked.setdefault(spell.employee_id, []).append(spell)
    for own in of_linked.values():
        for whole, parts in joined_absences(own):
            if len(parts) > 1:
                wholes.update((id(part), whole) for part in parts)
    return wholes


def within_employment(
    employee: Employee, spells: Iterable[AbsenceSpell], today: date
) -> list[AbsenceSpell]:
    """The employee's spells as the employment allows them: once the employment has ended, a
    spell still open (no return was registered) ends on the last day of employment."""
    spells = list(spells)
    left = employee.employed_to
    if left is None or left >= today:
        return spells
    return [
        replace(s, last_day=left) if s.last_day is None and s.first_day <= left else s
        for s in spells
    ]


def within_employments(
    spells: Iterable[AbsenceSpell], employee_of: Callable[[int], Employee | None], today: date
) -> list[AbsenceSpell]:
    """`within_employment` for the spells of many employees (lists of everyone's absence)."""
    result = []
    for spell in spells:
        if spell.last_day is None and (employee := employee_of(spell.employee_id)) is not None:
            spell = within_employment(employee, [spell], today)[0]
        result.append(spell)
    return result


def absent_on(
    employee: Employee, spells: Iterable[AbsenceSpell], day: date
) -> tuple[AbsenceSpell, int] | None:
    """The part of the employee's absence that covers `day`, and `day`'s number in the whole
    unbroken absence (day 1 = its first day), or None when the employee is not away then."""
    for whole, parts in joined_absences(within_employment(employee, spells, day)):
        current = next((part for part in parts if part.covers(day)), None)
        if current is not None:
            return current, (day - whole.first_day).days + 1
    return None


def _is_fit(spell: AbsenceSpell) -> bool:
    return is_fit_by_law(spell.first_day, spell.kind, spell.partial_hours_per_week)


def _as_one(parts: list[AbsenceSpell]) -> AbsenceSpell:
    if len(parts) == 1:
        return parts[0]
    last = parts[-1]
    return replace(
        parts[0], last_day=last.last_day, partial_hours_per_week=last.partial_hours_per_week,
        expected_return=last.expected_return, note=last.note,
    )  # fmt: skip


def spells_overlap(a: AbsenceSpell, b: AbsenceSpell) -> bool:
    """True when the two spells share at least one day (an ongoing spell is open-ended)."""
    a_end = a.last_day or date.max
    b_end = b.last_day or date.max
    return a.first_day <= b_end and b.first_day <= a_end


def clip_to_period(
    spell: AbsenceSpell, period_start: date, period_end: date, today: date
) -> tuple[date, date] | None:
    """The part of `spell` inside the period (an ongoing spell runs until `today`), or None.

    An ongoing spell registered ahead of time has no days yet.
    """
    first = max(spell.first_day, period_start)
    last = min(spell.end_or(today), period_end)
    if last < first:
        return None
    return first, last


@dataclass(frozen=True)
class SpellFigures:
    """Size of one spell inside a period."""

    calendar_days: int
    working_days: int
    hours: float


def spell_figures(
    spell: AbsenceSpell,
    employee: Employee,
    period_start: date,
    period_end: date,
    today: date,
) -> SpellFigures:
    """Calendar days, working days and absence hours of `spell` within the period.

    Hours: a full day off counts the employee's daily contract hours (weekly hours / 5);
    a partial spell counts its weekly hours spread over the five working days.
    """
    clipped = clip_to_period(spell, period_start, period_end, today)
    if clipped is None:
        return SpellFigures(0, 0, 0.0)
    first, last = clipped
    working = count_working_days(first, last)
    weekly = (
        spell.partial_hours_per_week
        if spell.partial_hours_per_week is not None
        else employee.weekly_hours
    )
    hours = working * weekly / WORKING_DAYS_PER_WEEK
    return SpellFigures((last - first).days + 1, working, round(hours, 2))


def total_figures(
    spells: Iterable[AbsenceSpell],
    employee: Employee,
    period_start: date,
    period_end: date,
    today: date,
) -> SpellFigures:
    """Sum of `spell_figures` over several spells of one employee."""
    cal = work = 0
    hours = 0.0
    for spell in spells:
        figures = spell_figures(spell, employee, period_start, period_end, today)
        cal += figures.calendar_days
        work += figures.working_days
        hours += figures.hours
    return SpellFigures(cal, work, round(hours, 2))


def day_statuses(
    spells: Iterable[AbsenceSpell], first: date, last: date, today: date
) -> dict[date, DayStatus]:
    """Status of every day from `first` to `last`; days with no absence are left out."""
    statuses: dict[date, DayStatus] = {}
    for spell in spells:
        clipped = clip_to_period(spell, first, last, today)
        if clipped is None:
            continue
        status = DayStatus.PARTIAL if spell.is_partial else DayStatus.FULL
        for day in days_between(*clipped):
            if statuses.get(day) is not DayStatus.FULL:
                statuses[day] = status
    return statuses

