"""Writes schema_v4.sqlite: the saved company file of released schema v4 (m004, the guided
conversations and the documentation requests).

Kept for the record of how the file was made; it was run once and the file is committed.
Do not run it again after a fifth migration exists: the saved file must stay at schema v4.
Run from the repository root: python tests/storage/data/make_schema_v4.py
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from fravaer_desktop.core.conversation import (
    AgreedStep,
    ConversationKind,
    DocumentRequest,
    Invitation,
    MeetingForm,
    NextStepKind,
    Over8Weeks,
    PaidBy,
)
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee, TaskStatus
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.migrations import known_migration_names
from fravaer_desktop.storage.repositories import Store

TARGET = Path(__file__).with_name("schema_v4.sqlite")
TODAY = date(2026, 12, 7)


def main() -> None:
    assert known_migration_names()[-1] == "m004_conversations", "the saved file must be schema v4"
    assert len(known_migration_names()) == 4
    TARGET.unlink(missing_ok=True)
    db = open_database(TARGET)
    store = Store(db, today=lambda: TODAY)
    store.company.save(
        Company(
            name="Værkstedet Smed & Søn ApS", cvr="10150817", address="Havnevej 8, 5700 Svendborg"
        )
    )
    lone = store.employees.add(
        Employee(name="Lone Ærø", employed_from=date(2015, 2, 1), department="Kontor",
                 weekly_hours=37, clause_120_days=True)
    )  # fmt: skip
    kim = store.employees.add(
        Employee(name="Kim Holm", employed_from=date(2022, 9, 1), department="Værksted",
                 weekly_hours=32, working_days_per_week=4)
    )  # fmt: skip
    spell = store.absences.add(
        AbsenceSpell(employee_id=lone.id, first_day=date(2026, 10, 5), note="Ringer fredag")
    )
    store.absences.add(
        AbsenceSpell(employee_id=kim.id, first_day=date(2026, 11, 2),
                     last_day=date(2026, 11, 27), partial_hours_per_week=16)
    )  # fmt: skip
    store.decisions.decide(
        "samtale", lone.id, TaskStatus.DONE, spell_id=spell.id, due=date(2026, 11, 2)
    )
    invitation = Invitation(
        kind=ConversationKind.ABSENCE,
        employee_id=lone.id,
        meeting_on=date(2026, 10, 28),
        meeting_time="10:00",
        form=MeetingForm.IN_PERSON,
        place="Kontoret på Havnevej",
        participants=("Jens Smed, indehaver",),
        invited_on=date(2026, 10, 22),
        spell_id=spell.id,
        purpose="Vi vil høre, hvordan det går, og tale om, hvordan du kan komme tilbage.",
    )
    talk = store.conversations.start(invitation, as_of=date(2026, 10, 22))
    store.conversations.save_note(talk.id, "status", "Lone har det lidt bedre og går ture.")
    store.conversations.save_note(talk.id, "arbejdet", "Kan tage telefonen et par timer.")
    held = replace(
        talk,
        agreements="Vi taler sammen igen om to uger. Lone beder om en fastholdelsesplan.",
        over_8_weeks=Over8Weeks.YES,
        next_contact_on=date(2026, 11, 11),
        steps=(AgreedStep(NextStepKind.RETENTION_PLAN, "Plan for delvis tilbagevenden",
                          date(2026, 11, 20), "Jens"),),
        held_on=date(2026, 10, 28),
    )  # fmt: skip
    held = store.conversations.mark_held(held, as_of=date(2026, 10, 28))
    store.conversations.add_minutes(held.id, b"%PDF-1.4 referat version 1", date(2026, 10, 28))
    store.document_requests.save(
        DocumentRequest(employee_id=lone.id, kind="friattest", requested_on=date(2026, 10, 28),
                        deliver_by=date(2026, 11, 11), paid_by=PaidBy.EMPLOYER,
                        spell_id=spell.id, received_on=date(2026, 11, 9))
    )  # fmt: skip
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


if __name__ == "__main__":
    main()
