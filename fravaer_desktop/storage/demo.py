"""A realistic, deterministic demo company (a bakery-café) with three years of absence history.

Everything is stored through the repositories, so the demo data passes the same validation as
data a user types in. The data is fictional: the CVR number only passes the modulus-11 check.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from typing import NamedTuple

from fravaer_desktop.core.calendar import is_working_day
from fravaer_desktop.core.models import (
    AbsenceKind,
    AbsenceSpell,
    Company,
    Employee,
    Goal,
    GoalMetric,
    TaskStatus,
)
from fravaer_desktop.core.overview import build_overview
from fravaer_desktop.storage.demo_apv import add_demo_apv
from fravaer_desktop.storage.demo_conversations import add_demo_conversations
from fravaer_desktop.storage.demo_plans import add_demo_plan
from fravaer_desktop.storage.repositories import Store

DEMO_COMPANY = Company(
    name="Solsikken Bageri & Café ApS",
    cvr="37912646",  # fictional; chosen so the modulus-11 check passes
    address="Algade 12, 4000 Roskilde",
    pays_salary_during_sickness=True,
    standard_weekly_hours=37.0,
)

HISTORY_YEARS = 3
DEMO_GOAL_PERCENT = 4.0

BAGERI = "Bageri"
BUTIK = "Butik"
CAFE = "Café"
#: Three people: the APV shows that a department this small is never shown on its own.
KONTOR = "Kontor"

_ONE_DAY = timedelta(days=1)


class _Person(NamedTuple):
    """One line of the demo staff list; `role` picks a planned absence story (see _PLANS)."""

    name: str
    department: str
    job_title: str
    weekly_hours: float
    months_employed: int
    salaried: bool = True
    clause_120_days: bool = False
    parent: bool = False
    role: str = ""


_STAFF: tuple[_Person, ...] = (
    _Person("Lars Kristensen", BAGERI, "Produktionsleder", 37, 150, parent=True),
    _Person("Henrik Mortensen", BAGERI, "Bager", 37, 98, clause_120_days=True, role="near_120"),
    _Person("Mette Lauridsen", BAGERI, "Konditor", 37, 110, parent=True, role="partial_return"),
    _Person("Jonas Poulsen", BAGERI, "Bager", 37, 64, parent=True, role="work_injury"),
    _Person("Ahmad Rahimi", BAGERI, "Bager", 30, 52, parent=True),
    _Person("Peter Holm", BAGERI, "Bagermedhjælper", 25, 40, salaried=False),
    _Person("Emil Thomsen", BAGERI, "Bagerlærling", 37, 14, salaried=False),
    _Person("Sofie Bang", BAGERI, "Bagerlærling", 37, 26, salaried=False),
    _Person("Kasper Dahl", BAGERI, "Chauffør", 30, 75, role="other"),
    _Person("Camilla Friis", BUTIK, "Butiksleder", 37, 88, clause_120_days=True, parent=True),
    _Person("Louise Andersen", BUTIK, "Ekspedient", 30, 70, clause_120_days=True, parent=True),
    _Person("Ida Rasmussen", BUTIK, "Ekspedient", 25, 45),
    _Person("Freja Nørgaard", BUTIK, "Ekspedient (studerende)", 12, 20, salaried=False),
    _Person("Birgitte Kjær", BUTIK, "Ekspedient", 32, 130, role="section_56"),
    _Person("Nanna Olsen", BUTIK, "Ekspedient", 37, 58, role="pregnancy"),
    _Person("Mads Vestergaard", BUTIK, "Ekspedient", 15, 48, role="fleksjob"),
    _Person("Hanne Frederiksen", BUTIK, "Ekspedient", 30, 80, role="left"),
    _Person("Maria Christensen", CAFE, "Souschef", 37, 66, parent=True),
    _Person("Rasmus Schmidt", CAFE, "Kok", 37, 50, role="long_ongoing"),
    _Person("Julie Larsen", CAFE, "Barista", 30, 30, role="short_ongoing"),
    _Person("Oliver Jakobsen", CAFE, "Barista", 20, 8, salaried=False),
    _Person("Sara Hussein", CAFE, "Barista", 25, 33),
    _Person(
        "Tina Madsen",
        KONTOR,
        "Bogholder",
        30,
        105,
        clause_120_days=True,
        parent=True,
        role="home_work",
    ),
    _Person("Anders Pedersen", KONTOR, "Daglig leder", 37, 140, parent=True),
    _Person("Lone Søndergaard", KONTOR, "Kontorassistent", 25, 92),
)

#: Chance per week that a short own-sickness spell starts, by month (more in winter).
_WEEKLY_SICK_CHANCE = {
    1: 0.10, 2: 0.10, 3: 0.08, 4: 0.06, 5: 0.04, 6: 0.035,
    7: 0.02, 8: 0.035, 9: 0.05, 10: 0.065, 11: 0.085, 12: 0.10,
}  # fmt: skip
_CHILD_SICK_SHARE = 0.5
_SHORT_SPELL_DAYS = (1, 1, 1, 2, 2, 3)
_CHILD_SICK_DAYS = (1, 1, 2)
_START_WEEKDAYS = (0, 0, 1, 2, 3, 4)  # Mondays are a little more common

_LEAVER_MONTHS_AGO = 7
_SECTION_56_MONTHS_AGO = 14


def populate_demo_company(store: Store, today: date, seed: int = 2026) -> None:
    """Fill an empty company file with the demo company, its staff and their absence.

    The result depends only on `today` and `seed`. Raises ValueError (Danish message) when the
    file already holds a company or employees; nothing is stored then.
    """
    _refuse_non_empty(store)
    rng = random.Random(seed)
    with store.db.atomic():
        store.company.save(DEMO_COMPANY)
        staff = [(person, store.employees.add(_employee(person, today))) for person in _STAFF]
        spells = [spell for person, emp in staff for spell in _history(rng, person, emp, today)]
        store.absences.add_many(sorted(spells, key=lambda s: (s.first_day, s.employee_id)))
        add_demo_conversations(store, today)
        add_demo_plan(store, today)
        add_demo_apv(store, today)
        _decide_past_items(store, today)
        goal = Goal(GoalMetric.ABSENCE_PERCENT, DEMO_GOAL_PERCENT, date(today.year, 1, 1))
        store.goals.save(goal)


def _decide_past_items(store: Store, today: date) -> None:
    """A careful manager: every task whose deadline has passed was done on its last day, except
    the newest one, so the demo shows how an overdue task stands out."""
    overview = build_overview(
        store.company.get(), store.employees.list_all(), store.absences.all(), [],
        store.policy.get(), today, store.conversations.all(), store.document_requests.all(),
        store.retention_plans.all(),
    )  # fmt: skip
    past = sorted(
        (
            i
            for i in overview.items
            if i.is_task and i.due is not None and i.due < today and i.decision is None
        ),
        key=lambda i: (i.due, i.employee_name, i.rule),
    )
    for item in past[:-1]:
        store.decisions.decide(
            item.rule, item.employee_id, TaskStatus.DONE, spell_id=item.spell_id, due=item.due,
            decided_on=item.due,
        )  # fmt: skip


def _refuse_non_empty(store: Store) -> None:
    if store.company.get() is not None or store.employees.list_all():
        raise ValueError(
            "Filen indeholder allerede en virksomhed. Demovirksomheden kan kun lægges i en tom "
            "fil: opret en ny fil, og prøv igen."
        )


# --- staff -------------------------------------------------------------------------------------


def _employee(person: _Person, today: date) -> Employee:
    """The Employee of one staff line; the role adds leaving date, fleksjob or § 56 agreement."""
    employee = Employee(
        name=person.name,
        employed_from=_first_of_month(today, months_ago=person.months_employed),
        department=person.department,
        job_title=person.job_title,
        weekly_hours=float(person.weekly_hours),
        salaried=person.salaried,
        clause_120_days=person.clause_120_days,
    )
    if person.role == "left":
        last_day = _first_of_month(today, months_ago=_LEAVER_MONTHS_AGO - 1) - _ONE_DAY
        return replace(employee, employed_to=last_day)
    if person.role == "fleksjob":
        return replace(employee, fleksjob=True)
    if person.role == "section_56":
        start = _first_of_month(today, months_ago=_SECTION_56_MONTHS_AGO)
        end = date(start.year + 2, start.month, 1) - _ONE_DAY
        return replace(employee, section_56_from=start, section_56_to=end)
    return employee


# --- planned absence stories -------------------------------------------------------------------


class _Plan(NamedTuple):
    """One planned spell, relative to today.

    `days_ago` None: the spell starts the day after the previous plan ends. Other starts move back
    to a working day (not a weekend or a public holiday) unless `exact`. `length` None: still
    ongoing. `return_in_days`: expected return.
    """

    days_ago: int | None
    length: int | None
    kind: AbsenceKind = AbsenceKind.OWN_SICKNESS
    note: str = ""
    partial_hours: float | None = None
    return_in_days: int | None = None
    exact: bool = False


_OWN = AbsenceKind.OWN_SICKNESS

#: Notes are short practical agreements only, never a diagnosis or symptom.
_PLANS: dict[str, tuple[_Plan, ...]] = {
    # With the 120-day clause, sick again since 20 days ago: day 120 comes in about two weeks.
    "near_120": (
        _Plan(330, 2),
        _Plan(290, 3),
        _Plan(240, 63, note="Sygefraværssamtale holdt i uge 4. Ringer hver fredag."),
        _Plan(150, 2),
        _Plan(120, 14, note="Fastholdelsesplan aftalt og underskrevet"),
        _Plan(80, 3),
        _Plan(45, 1),
        _Plan(20, None, note="Ringer hver fredag om status"),
    ),
    "partial_return": (
        _Plan(560, 49, note="Ringer hver mandag om status"),
        _Plan(None, 28, partial_hours=18, note="Delvis raskmeldt: møder kl. 6-10 på hverdage"),
    ),
    "work_injury": (
        _Plan(610, 12, AbsenceKind.WORK_INJURY, "Anmeldt til Arbejdsmarkedets Erhvervssikring"),
    ),
    "section_56": (_Plan(500, 42, note="Mulighedserklæring udfyldt ved samtalen"),),
    "pregnancy": (
        _Plan(330, 18, AbsenceKind.PREGNANCY, "Aftalt kortere vagter, når hun er tilbage"),
        _Plan(290, 2, AbsenceKind.PREGNANCY),
    ),
    "long_ongoing": (_Plan(44, None, note="Ringer fredag om status", return_in_days=17),),
    "short_ongoing": (_Plan(2, None, exact=True),),
    "other": (
        _Plan(400, 1, AbsenceKind.OTHER, "Aftalt med den daglige leder"),
        _Plan(150, 1, AbsenceKind.OTHER),
    ),
    "home_work": (_Plan(200, 5, note="Aftalt hjemmearbejde om formiddagen"),),
}


def _planned_spells(role: str, employee_id: int, today: date) -> list[AbsenceSpell]:
    spells: list[AbsenceSpell] = []
    for plan in _PLANS.get(role, ()):
        if plan.days_ago is None:
            previous_end = spells[-1].last_day
            assert previous_end is not None, "a plan can only follow a finished spell"
            first = previous_end + _ONE_DAY
        else:
            first = today - timedelta(days=plan.days_ago)
            first = first if plan.exact else _working_day_on_or_before(first)
        spells.append(
            AbsenceSpell(
                employee_id=employee_id,
                first_day=first,
                kind=plan.kind,
                last_day=None if plan.length is None else first + timedelta(plan.length - 1),
                partial_hours_per_week=plan.partial_hours,
                expected_return=_days_after(today, plan.return_in_days),
                note=plan.note,
            )
        )
    return spells


# --- random everyday absence -------------------------------------------------------------------


class _BusyDays:
    """The free window of one employee and the periods already taken by spells.

    A spell is only accepted with at least one free day before and after the spells already
    taken, so random spells never overlap or run into each other.
    """

    def __init__(self, first: date, last: date, taken: list[AbsenceSpell]):
        self.first = first
        self.last = last
        self._periods = [(s.first_day, s.last_day or date.max) for s in taken]

    def is_free(self, first: date, last: date) -> bool:
        if first < self.first or last > self.last:
            return False
        return all(
            (start - last).days > 1 or (first - end).days > 1 for start, end in self._periods
        )

    def take(self, first: date, last: date) -> None:
        self._periods.append((first, last))


def _history(
    rng: random.Random, person: _Person, employee: Employee, today: date
) -> list[AbsenceSpell]:
    """Planned spells of the person's role plus random short own-sickness and child's sick days."""
    assert employee.id is not None, "the employee must be stored first"
    spells = _planned_spells(person.role, employee.id, today)
    busy = _BusyDays(*_random_window(person, employee, today), taken=spells)
    proneness = rng.uniform(0.5, 1.6)
    spells += _random_spells(rng, employee.id, busy, _OWN, proneness, _SHORT_SPELL_DAYS)
    if person.parent:
        child = AbsenceKind.CHILD_SICK
        spells += _random_spells(rng, employee.id, busy, child, _CHILD_SICK_SHARE, _CHILD_SICK_DAYS)
    return spells


def _random_window(person: _Person, employee: Employee, today: date) -> tuple[date, date]:
    """Where random spells may fall: the history inside employment, ending yesterday.

    The employee close to the 120-day limit gets no random spells in the last 12 months, so
    that count stays exactly as planned.
    """
    first = max(employee.employed_from, _years_before(today, HISTORY_YEARS))
    last = min(employee.employed_to or today, today - _ONE_DAY)
    if person.role == "near_120":
        last = min(last, today - timedelta(days=366))
    return first, last


def _random_spells(
    rng: random.Random,
    employee_id: int,
    busy: _BusyDays,
    kind: AbsenceKind,
    chance_factor: float,
    lengths: tuple[int, ...],
) -> list[AbsenceSpell]:
    """Walk week by week through the window; some weeks a short spell starts on a working day
    (no one calls in sick on a public holiday they have off)."""
    spells = []
    monday = busy.first - timedelta(days=busy.first.weekday())
    while monday <= busy.last:
        if rng.random() < _WEEKLY_SICK_CHANCE[monday.month] * chance_factor:
            first = monday + timedelta(days=rng.choice(_START_WEEKDAYS))
            last = first + timedelta(days=rng.choice(lengths) - 1)
            if is_working_day(first) and busy.is_free(first, last):
                busy.take(first, last)
                spells.append(AbsenceSpell(employee_id, first, kind=kind, last_day=last))
        monday += timedelta(days=7)
    return spells


# --- dates -------------------------------------------------------------------------------------


def _first_of_month(today: date, months_ago: int) -> date:
    year, month = divmod(today.year * 12 + today.month - 1 - months_ago, 12)
    return date(year, month + 1, 1)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return date(day.year - years, 2, 28)


def _working_day_on_or_before(day: date) -> date:
    while not is_working_day(day):
        day -= _ONE_DAY
    return day


def _days_after(day: date, days: int | None) -> date | None:
    return None if days is None else day + timedelta(days=days)
