"""Schema migrations, applied in order by sqlite-utils; one function per schema version.

Every migration runs inside a transaction together with the record that it ran, so a failing
migration leaves the file as it was. Record each new migration in docs/schema_changes.md.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from fravaer_desktop.storage.schema import MIGRATION_SET

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


@migrations()
def m002_overview_policy_goals(db: Database) -> None:
    """Decisions on overview items, the company's absence policy, and goals."""
    db.execute(
        """
        CREATE TABLE task_decisions (
            id INTEGER PRIMARY KEY,
            rule TEXT NOT NULL,
            employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
            spell_id INTEGER REFERENCES absence_spells(id) ON DELETE CASCADE,
            due TEXT,
            status TEXT NOT NULL CHECK (status IN ('done', 'not_relevant')),
            reason TEXT NOT NULL DEFAULT '',
            decided_on TEXT NOT NULL,
            CHECK (status = 'done' OR trim(reason) <> '')
        )
        """
    )
    db.execute(
        "CREATE UNIQUE INDEX idx_task_decisions_key ON task_decisions"
        "(rule, employee_id, IFNULL(spell_id, 0), IFNULL(due, ''))"
    )
    for column in (
        "policy_contact_days TEXT",
        "policy_frequent_spells INTEGER",
        "policy_frequent_spell_months INTEGER",
        "policy_frequent_days INTEGER",
        "policy_frequent_day_months INTEGER",
        "policy_bradford_enabled INTEGER NOT NULL DEFAULT 0",
    ):
        db.execute(f"ALTER TABLE company ADD COLUMN {column}")
    db.execute(
        """
        CREATE TABLE goals (
            id INTEGER PRIMARY KEY,
            metric TEXT NOT NULL CHECK (metric IN ('fravaersprocent', 'saerlige_vilkaar')),
            target REAL NOT NULL CHECK (target >= 0),
            valid_from TEXT NOT NULL,
            UNIQUE (metric, valid_from)
        )
        """
    )


@migrations()
def m003_employee_working_days(db: Database) -> None:
    """The employee's working days a week (the 120-day rule converts partial hours by them)."""
    db.execute(
        "ALTER TABLE employees ADD COLUMN working_days_per_week INTEGER NOT NULL DEFAULT 5 "
        "CHECK (working_days_per_week BETWEEN 1 AND 7)"
    )
