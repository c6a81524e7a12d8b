"""Which plan to open: the absence's open plan, a new one, or (from the employee, or when there
are several) the user's choice among the employee's plans and sickness absences."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QInputDialog, QWidget

from fravaer_desktop.core.absence import joined_absences
from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.core.retention_plan import RetentionPlan
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.messages import show_information


def choose_plan_or_absence(
    store: Store, employee: Employee, spell_id: int | None, today: date, parent: QWidget
) -> tuple[RetentionPlan | None, AbsenceSpell | None]:
    """(a stored plan, its absence), (None, an absence to start a plan for), or (None, None)
    when there is nothing to open or the user cancelled."""
    wholes = [w for w, parts in joined_absences(store.absences.for_employee(employee.id))
              if spell_id is None or any(p.id == spell_id for p in parts)]  # fmt: skip
    plans = store.retention_plans.for_employee(employee.id)
    choices: list[tuple[str, RetentionPlan | None, AbsenceSpell]] = []
    for whole in sorted(wholes, key=lambda w: w.first_day, reverse=True):
        if not whole.kind.is_sickness:
            continue
        own = [p for p in plans if p.spell_id == whole.id]
        for plan in sorted(own, key=lambda p: p.requested_on, reverse=True):
            state = plan.status.title.lower()
            choices.append((
                f"Fastholdelsesplan for fraværet fra {long_date(whole.first_day)} – {state}, "
                f"version {plan.current.version}", plan, whole,
            ))  # fmt: skip
        if not any(p.is_open for p in own) and (whole.is_ongoing or spell_id is not None):
            choices.append(
                (f"Ny fastholdelsesplan for fraværet fra {long_date(whole.first_day)}", None, whole)
            )
    if not choices:
        show_information(
            parent, "Fastholdelsesplan",
            f"{employee.name} har intet igangværende sygefravær. En fastholdelsesplan hører til "
            "et sygefravær: vælg fraværet på fanen Fravær, eller registrér sygemeldingen først.",
        )  # fmt: skip
        return None, None
    if len(choices) == 1 or (spell_id is not None and choices[0][1] and choices[0][1].is_open):
        _, plan, whole = choices[0]
        return plan, whole
    titles = [title for title, _, _ in choices]
    picked, ok = QInputDialog.getItem(
        parent, "Fastholdelsesplan", f"Hvilken plan for {employee.name}?", titles, 0, False
    )
    if not ok:
        return None, None
    _, plan, whole = choices[titles.index(picked)]
    return plan, whole
