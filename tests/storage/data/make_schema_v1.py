"""Writes schema_v1.sqlite: the saved company file of released schema v1 (m001_initial).

Kept for the record of how the file was made; it was run once and the file is committed.
Do not run it again after a second migration exists: the saved file must stay at schema v1.
Run from the repository root: python tests/storage/data/make_schema_v1.py
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, Company, Employee
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.migrations import known_migration_names
from fravaer_desktop.storage.repositories import Store

TARGET = Path(__file__).with_name("schema_v1.sqlite")


def main() -> None:
    assert known_migration_names() == ["m001_initial"], "the saved file must be schema v1"
    TARGET.unlink(missing_ok=True)
    db = open_database(TARGET)
    store = Store(db, today=lambda: date(2026, 11, 23))
    store.company.save(
        Company(
            name="Bageriet Solsikken ApS",
            cvr="10150817",
            address="Torvet 3, 4000 Roskilde",
            logo=b"\x89PNG\r\n\x1a\n\x00logo",
        )
    )
    anna = store.employees.add(
        Employee(name="Anna Jensen", employed_from=date(2019, 3, 1), department="Butik")
    )
    bo = store.employees.add(
        Employee(
            name="Bo Nielsen",
            employed_from=date(2021, 8, 15),
            department="Bageri",
            weekly_hours=30,
            clause_120_days=True,
            section_56_from=date(2025, 1, 1),
            section_56_to=date(2026, 12, 31),
        )
    )
    store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 3, 2), last_day=date(2026, 3, 6))
    )
    store.absences.add(
        AbsenceSpell(
            employee_id=anna.id,
            first_day=date(2026, 11, 16),
            expected_return=date(2026, 11, 30),
            note="Ringer mandag kl. 10",
        )
    )
    store.absences.add(
        AbsenceSpell(
            employee_id=bo.id,
            first_day=date(2026, 4, 7),
            last_day=date(2026, 4, 17),
            kind=AbsenceKind.CHILD_SICK,
            partial_hours_per_week=10,
        )
    )
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


if __name__ == "__main__":
    main()
