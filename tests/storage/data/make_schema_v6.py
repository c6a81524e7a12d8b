"""Writes schema_v6.sqlite: the saved company file of released schema v6 (m005 retention plans
and m006 the APV, released together), with a former employee whose employment has ended.

Kept for the record of how the file was made; it was run once and the file is committed.
Do not run it again after a seventh migration exists: the saved file must stay at schema v6.
Run from the repository root: python tests/storage/data/make_schema_v6.py
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from fravaer_desktop.core.apv import ApvAction
from fravaer_desktop.core.conversation import ConversationKind, Invitation, MeetingForm
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
from fravaer_desktop.core.retention_plan import (
    FollowUp,
    PlanContent,
    PlanRequester,
    PlanVersion,
    RetentionPlan,
)
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.migrations import known_migration_names
from fravaer_desktop.storage.repositories import Store

TARGET = Path(__file__).with_name("schema_v6.sqlite")
TODAY = date(2026, 12, 14)


def main() -> None:
    assert known_migration_names()[-1] == "m006_apv", "the saved file must be schema v6"
    assert len(known_migration_names()) == 6
    TARGET.unlink(missing_ok=True)
    db = open_database(TARGET)
    store = Store(db, today=lambda: TODAY)
    store.company.save(
        Company(name="Blomsterhuset Fyn ApS", cvr="10150817", address="Torvet 3, 5000 Odense C")
    )
    anne = store.employees.add(
        Employee(name="Anne Bech", employed_from=date(2018, 3, 1), department="Butik",
                 weekly_hours=37)
    )  # fmt: skip
    former = store.employees.add(
        Employee(name="Ole Tidligere", employed_from=date(2012, 1, 1),
                 employed_to=date(2019, 6, 30), department="Lager", weekly_hours=30)
    )  # fmt: skip
    store.absences.add(
        AbsenceSpell(employee_id=former.id, first_day=date(2019, 2, 4),
                     last_day=date(2019, 2, 8), note="Ringede selv ind")
    )  # fmt: skip
    spell = store.absences.add(
        AbsenceSpell(employee_id=anne.id, first_day=date(2026, 10, 19), note="Ringer mandag")
    )
    invitation = Invitation(
        kind=ConversationKind.ABSENCE,
        employee_id=anne.id,
        meeting_on=date(2026, 11, 10),
        meeting_time="09:30",
        form=MeetingForm.PHONE,
        place="Telefon",
        participants=("Indehaveren",),
        invited_on=date(2026, 11, 3),
        spell_id=spell.id,
        purpose="Hvordan kan vi hjælpe dig tilbage?",
    )
    talk = store.conversations.start(invitation, as_of=date(2026, 11, 3))
    store.conversations.save_note(talk.id, "status", "Anne kan tage korte vagter.")
    plan = store.retention_plans.start(
        RetentionPlan(anne.id, spell.id, PlanRequester.EMPLOYEE, date(2026, 11, 12),
                      versions=(PlanVersion(1, date(2026, 11, 12),
                                            PlanContent(texts={"maal": "Fuld tid i januar"})),))
    , date(2026, 11, 12))  # fmt: skip
    store.retention_plans.save_follow_up(plan.id, FollowUp(date(2026, 12, 1)))
    draft = store.apvs.start(TODAY, date(2025, 12, 1), date(2026, 11, 30))
    store.apvs.save(
        replace(draft, participants="Indehaveren og to medarbejdere",
                actions=(ApvAction("Kolde morgener i butikken", "Varmeblæser ved kassen",
                                   responsible="Indehaveren"),))
    )  # fmt: skip
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


if __name__ == "__main__":
    main()
