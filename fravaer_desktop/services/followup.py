"""Follow-up reads that combine the company file with the rules: the overview of what to do now.

Qt-free; the overview page, the archive export and the benchmarks call it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from fravaer_desktop.core.absence import joined_absences, within_employment
from fravaer_desktop.core.counters import months_before
from fravaer_desktop.core.models import AbsencePolicy, AbsenceSpell, Employee
from fravaer_desktop.core.overview import Overview, build_overview
from fravaer_desktop.core.rule_120 import has_rule_120, one_year_before, rule_120_history_start
from fravaer_desktop.storage.repositories import Store

if TYPE_CHECKING:
    from fravaer_desktop.core.statistics import GoalStatus


def overview_history_start(today: date, policy: AbsencePolicy | None = None) -> date:
    """The first day whose absence can matter for today's overview, for every employee.

    The counters look back 12 months (120 days, frequent absence by default), 9 calendar months
    (22 weeks) or the policy's own windows (up to 36 months); spells are followed up for 6
    months. Older spells that are still ongoing are read too (they overlap). The one count that
    can look further back, the 120 days of an employee who is sick today, reads its own extra
    history (see `_older_spells_for_rule_120`).
    """
    months = [
        m for m in (policy.frequent_spell_months, policy.frequent_day_months) if m
    ] if policy else []  # fmt: skip
    start = one_year_before(today)
    if months:
        start = min(start, months_before(today, max(months)))
    return start


def current_overview(store: Store) -> Overview:
    """Everything the manager should do or know today, with the stored decisions applied."""
    overview, _ = todays_follow_up(store, with_goals=False)
    return overview


def todays_follow_up(
    store: Store, *, with_goals: bool = True
) -> tuple[Overview, GoalStatus | None]:
    """What the Overblik shows, from one read of the company's recent absence: the overview and
    how the company is doing against its goals (None when it has set none)."""
    today = store.today()
    policy = store.policy.get()
    start = overview_history_start(today, policy)
    employees = store.employees.list_all()
    spells = store.absences.between(start, today)
    spells += _older_spells_for_rule_120(store, employees, spells, start, today)
    overview = build_overview(
        store.company.get(), employees, spells, store.decisions.all(), policy, today,
        store.conversations.all(), store.document_requests.all(), store.retention_plans.all(),
        store.apvs.all(),
    )  # fmt: skip
    goals = store.goals.all() if with_goals else []
    if not goals:
        return overview, None
    from fravaer_desktop.core.statistics import goal_status

    # The overview's spells cover the goals' 12 months (overview_history_start is at least a
    # year back); the older ones it also holds lie outside that period and count for nothing.
    return overview, goal_status(employees, spells, goals, today)


def employee_overview(store: Store, employee_id: int) -> Overview:
    """Today's overview of one employee only (after a change that concerns just them)."""
    today = store.today()
    policy = store.policy.get()
    employee = store.employees.get(employee_id)
    first = overview_history_start(today, policy)
    spells = [s for s in store.absences.for_employee(employee_id) if s.first_day <= today]
    if has_rule_120(employee):
        first = min(first, rule_120_history_start(spells, today))
    spells = [s for s in spells if s.last_day is None or s.last_day >= first]
    return build_overview(
        store.company.get(),
        [employee],
        spells,
        [d for d in store.decisions.all() if d.employee_id == employee_id],
        policy,
        today,
        store.conversations.for_employee(employee_id),
        store.document_requests.for_employee(employee_id),
        store.retention_plans.for_employee(employee_id),
    )


def _older_spells_for_rule_120(
    store: Store,
    employees: list[Employee],
    spells: list[AbsenceSpell],
    start: date,
    today: date,
) -> list[AbsenceSpell]:
    """Spells ended before `start` that the 120-day count still needs: for an employee with the
    clause who is sick today, it looks back 12 months from the first day of that absence."""
    older: list[AbsenceSpell] = []
    counted = {e.id for e in employees if has_rule_120(e)}
    sick_today = {s.employee_id for s in spells if s.employee_id in counted and s.covers(today)}
    for employee_id in sorted(sick_today):
        own = [s for s in spells if s.employee_id == employee_id]
        since = rule_120_history_start(own, today)
        if since < start:
            older += [
                s for s in store.absences.for_employee(employee_id)
                if s.last_day is not None and since <= s.last_day < start
            ]  # fmt: skip
    return older


def current_goal_status(store: Store) -> GoalStatus | None:
    """How the company is doing against its goals today; None when it has set none."""
    today = store.today()
    goals = store.goals.all()
    if not goals:
        return None
    from fravaer_desktop.core.statistics import goal_status, twelve_months_back

    spells = store.absences.between(twelve_months_back(today), today)
    return goal_status(store.employees.list_all(), spells, goals, today)


def absence_status_pdf(store: Store, spell_id: int, overview: Overview | None = None) -> bytes:
    """The printed "Status på sygefravær" for one spell (reportlab is loaded on first use)."""
    from fravaer_desktop.reports.absence_status import (
        build_absence_status_data,
        render_absence_status,
    )

    employee = store.employees.get(store.absences.get(spell_id).employee_id)
    # A partial return that continues full absence is printed as the one absence it is part of;
    # a spell left open when the employment ended ends with it.
    spells = within_employment(employee, store.absences.for_employee(employee.id), store.today())
    spell = next(
        whole for whole, parts in joined_absences(spells)
        if any(part.id == spell_id for part in parts)
    )  # fmt: skip
    items = (overview or current_overview(store)).items
    company = store.company.get()
    if company is None:
        raise ValueError(
            "Virksomhedens oplysninger er ikke udfyldt endnu. Udfyld navn og CVR-nummer først."
        )
    data = build_absence_status_data(
        company, employee, spell, items, store.today(), store.decisions.all()
    )
    return render_absence_status(data)
