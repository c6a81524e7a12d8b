"""Schema migrations, applied in order by sqlite-utils; one function per schema version.

Every migration runs inside a transaction together with the record that it ran, so a failing
migration leaves the file as it was. Record each new migration in docs/schema_changes.md.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATION_SET = "fravaer"
migrations = Migrations(MIGRATION_SET)


@migrations()
def m001_initial(db: Database) -> None:
    """Company, employees and absence spells."""
    db.execute(
        """
        CREATE TABLE company (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            cvr TEXT NOT NULL,
            address TEXT NOT NULL DEFAULT '',
            logo BLOB,
            pays_salary_during_sickness INTEGER NOT NULL DEFAULT 1,
            standard_weekly_hours REAL NOT NULL DEFAULT 37
        )
        """
    )
    db.execute(
        """
        CREATE TABLE employees (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (trim(name) <> ''),
            department TEXT NOT NULL DEFAULT '',
            job_title TEXT NOT NULL DEFAULT '',
            weekly_hours REAL NOT NULL DEFAULT 37 CHECK (weekly_hours >= 0),
            employed_from TEXT NOT NULL,
            employed_to TEXT CHECK (employed_to IS NULL OR employed_to >= employed_from),
            salaried INTEGER NOT NULL DEFAULT 1,
            clause_120_days INTEGER NOT NULL DEFAULT 0,
            fleksjob INTEGER NOT NULL DEFAULT 0,
            section_56_from TEXT,
            section_56_to TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE absence_spells (
            id INTEGER PRIMARY KEY,
            employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
            kind TEXT NOT NULL
                CHECK (kind IN ('sygdom', 'barn_syg', 'graviditet', 'arbejdsskade', 'andet')),
            first_day TEXT NOT NULL,
            last_day TEXT CHECK (last_day IS NULL OR last_day >= first_day),
            partial_hours_per_week REAL CHECK (partial_hours_per_week IS NULL
                                               OR partial_hours_per_week > 0),
            expected_return TEXT,
            note TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute("CREATE INDEX idx_spells_employee ON absence_spells(employee_id, first_day)")
    db.execute("CREATE INDEX idx_spells_first_day ON absence_spells(first_day)")
    db.execute("CREATE INDEX idx_spells_last_day ON absence_spells(last_day)")


def known_migration_names() -> list[str]:
    """Names of every migration this version of the program knows, oldest first."""
    return [m.name for m in migrations._migrations]  # noqa: SLF001 - no public accessor
