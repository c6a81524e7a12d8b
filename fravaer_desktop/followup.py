"""Follow-up reads that combine the company file with the rules: the overview of what to do now.

Qt-free; the overview page, the archive export and the benchmarks call it.
"""

from __future__ import annotations

from datetime import date, timedelta

from fravaer_desktop.core.counters import months_before, one_year_before
from fravaer_desktop.core.models import AbsencePolicy
from fravaer_desktop.core.overview import Overview, build_overview
from fravaer_desktop.core.rules import latest
from fravaer_desktop.core.statistics import GoalStatus, goal_status, twelve_months_back
from fravaer_desktop.storage.repositories import Store


def overview_history_start(today: date, policy: AbsencePolicy | None = None) -> date:
    """The first day whose absence can still matter for today's overview.

    The 120-day count looks back 12 months (and its notice window runs to day 129), the 22-week
    count 9 calendar months, frequent absence the policy's windows (12 months by default).
    Older spells that are still ongoing are read too (they overlap).
    """
    window = latest("regel_120").numbers["window_last_day"]
    start = one_year_before(today) - timedelta(days=window)
    months = [
        m for m in (policy.frequent_spell_months, policy.frequent_day_months) if m
    ] if policy else []  # fmt: skip
    if months:
        start = min(start, months_before(today, max(months)))
    return start


def current_overview(store: Store) -> Overview:
    """Everything the manager should do or know today, with the stored decisions applied."""
    today = store.today()
    policy = store.policy.get()
    spells = store.absences.between(overview_history_start(today, policy), today)
    return build_overview(
        store.company.get(),
        store.employees.list_all(),
        spells,
        store.decisions.all(),
        policy,
        today,
    )


def employee_overview(store: Store, employee_id: int) -> Overview:
    """Today's overview of one employee only (after a change that concerns just them)."""
    today = store.today()
    policy = store.policy.get()
    first = overview_history_start(today, policy)
    spells = [
        s for s in store.absences.for_employee(employee_id)
        if s.first_day <= today and (s.last_day is None or s.last_day >= first)
    ]  # fmt: skip
    return build_overview(
        store.company.get(),
        [store.employees.get(employee_id)],
        spells,
        [d for d in store.decisions.all() if d.employee_id == employee_id],
        policy,
        today,
    )


def current_goal_status(store: Store) -> GoalStatus | None:
    """How the company is doing against its goals today; None when it has set none."""
    today = store.today()
    goals = store.goals.all()
    if not goals:
        return None
    spells = store.absences.between(twelve_months_back(today), today)
    return goal_status(store.employees.list_all(), spells, goals, today)


def absence_status_pdf(store: Store, spell_id: int, overview: Overview | None = None) -> bytes:
    """The printed "Status på sygefravær" for one spell (reportlab is loaded on first use)."""
    from fravaer_desktop.reports.absence_status import (
        build_absence_status_data,
        render_absence_status,
    )

    spell = store.absences.get(spell_id)
    employee = store.employees.get(spell.employee_id)
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
