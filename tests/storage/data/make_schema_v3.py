"""Writes schema_v3.sqlite: the saved company file of released schema v3 (m003, the employee's
working days a week).

Kept for the record of how the file was made; it was run once and the file is committed.
Do not run it again after a fourth migration exists: the saved file must stay at schema v3.
Run from the repository root: python tests/storage/data/make_schema_v3.py
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fravaer_desktop.core.models import (
    AbsencePolicy,
    AbsenceSpell,
    Company,
    Employee,
    Goal,
    GoalMetric,
    TaskStatus,
)
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.migrations import known_migration_names
from fravaer_desktop.storage.repositories import Store

TARGET = Path(__file__).with_name("schema_v3.sqlite")


def main() -> None:
    assert known_migration_names() == [
        "m001_initial", "m002_overview_policy_goals", "m003_employee_working_days"
    ], "the saved file must be schema v3"
    TARGET.unlink(missing_ok=True)
    db = open_database(TARGET)
    store = Store(db, today=lambda: date(2026, 12, 7))
    store.company.save(
        Company(
            name="Værkstedet Smed & Søn ApS", cvr="10150817", address="Havnevej 8, 5700 Svendborg"
        )
    )
    lone = store.employees.add(
        Employee(
            name="Lone Ærø",
            employed_from=date(2015, 2, 1),
            department="Kontor",
            weekly_hours=37,
            clause_120_days=True,
        )
    )
    kim = store.employees.add(
        Employee(
            name="Kim Holm",
            employed_from=date(2022, 9, 1),
            department="Værksted",
            weekly_hours=32,
            working_days_per_week=4,
        )
    )
    spell = store.absences.add(
        AbsenceSpell(employee_id=lone.id, first_day=date(2026, 10, 5), note="Ringer fredag")
    )
    store.absences.add(
        AbsenceSpell(
            employee_id=kim.id,
            first_day=date(2026, 11, 2),
            last_day=date(2026, 11, 27),
            partial_hours_per_week=16,
        )
    )
    store.decisions.decide(
        "samtale", lone.id, TaskStatus.DONE, spell_id=spell.id, due=date(2026, 11, 2)
    )
    store.policy.save(AbsencePolicy(contact_days=(2, 6, 14), frequent_spells=4))
    store.goals.save(Goal(GoalMetric.ABSENCE_PERCENT, 3.5, date(2026, 1, 1)))
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


if __name__ == "__main__":
    main()
