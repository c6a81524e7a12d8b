"""The retention plan's use cases that combine the file, the rules and the printed documents.

Qt-free. The screens and `--export` call these; reportlab is loaded on first use.
"""

from __future__ import annotations

from fravaer_desktop.core.conversation import Conversation, NextStepKind
from fravaer_desktop.core.danish import short_date
from fravaer_desktop.core.guides import load_guides
from fravaer_desktop.core.retention_plan import (
    PlanContent,
    PlanStatus,
    RetentionPlan,
    planned_versus_actual,
)
from fravaer_desktop.services.conversations import company_of
from fravaer_desktop.storage.repositories import Store

#: Where a held conversation's notes go when a plan is started from it: conversation section
#: -> plan section (the § 7a conversation's sections; other kinds have fewer of them).
NOTES_INTO_PLAN = {
    "funktion": "baggrund",
    "tilbagevenden": "maal",
    "hjaelp": "tilpasninger",
    "arbejdsmiljoe": "opgaver_tilpas",
    "kontakt": "kontakt",
}


def content_from_conversation(conversation: Conversation) -> PlanContent:
    """A first version with what the conversation already agreed: its notes on functions,
    return, help and contact, the agreed steps (who does what by when), and the expected
    return as the target date."""
    texts: dict[str, str] = {}
    for section, target in NOTES_INTO_PLAN.items():
        note = conversation.notes.get(section, "").strip()
        if note:
            texts[target] = note
    steps = [
        " – ".join(part for part in (step.title, step.responsible.strip(),
                   f"senest {short_date(step.due)}" if step.due else "") if part)
        for step in conversation.steps
        if step.kind is not NextStepKind.RETENTION_PLAN
    ]  # fmt: skip
    agreed = [conversation.agreements.strip()] if conversation.agreements.strip() else []
    if steps or agreed:
        texts["ansvar"] = "\n".join(agreed + steps)
    return PlanContent(texts=texts, target_date=conversation.expected_return)


def plan_pdf(store: Store, plan: RetentionPlan, version: int | None = None) -> bytes:
    """A version of the plan (the newest by default) as printed for signature."""
    from fravaer_desktop.reports.retention_plan_documents import retention_plan_pdf

    chosen = plan.versions[(version or plan.current.version) - 1]
    employee = store.employees.get(plan.employee_id)
    spells = store.absences.for_employee(plan.employee_id)
    outcomes = planned_versus_actual(chosen.content, spells, store.today())
    return retention_plan_pdf(
        company_of(store), employee, plan, chosen, store.retention_plans.absence_of(plan),
        load_guides().retention_plan, store.today(), outcomes,
    )  # fmt: skip


def refusal_pdf(store: Store, plan: RetentionPlan) -> bytes:
    """The short answer to a refused request."""
    from fravaer_desktop.reports.retention_plan_documents import refusal_letter_pdf

    employee = store.employees.get(plan.employee_id)
    return refusal_letter_pdf(
        company_of(store), employee, plan, load_guides().retention_plan, store.today()
    )


def export_plan_documents(store: Store, directory, person_of: dict[int, str]) -> list:
    """Every plan document for `--export`: each version of each plan, and the answer to each
    refused request. Returns the written paths."""
    from fravaer_desktop.services.archive import write_whole

    written = []
    for plan in store.retention_plans.all():
        about = f"{person_of[plan.employee_id]} - {plan.requested_on}"
        if plan.status is PlanStatus.REFUSED:
            path = directory / f"Svar på ønske om fastholdelsesplan - {about}.pdf"
            write_whole(path, refusal_pdf(store, plan))
            written.append(path)
            continue
        for version in plan.versions:
            path = directory / f"Fastholdelsesplan - {about} - version {version.version}.pdf"
            write_whole(path, plan_pdf(store, plan, version.version))
            written.append(path)
    return written
