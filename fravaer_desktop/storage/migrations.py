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


@migrations()
def m004_conversations(db: Database) -> None:
    """Guided conversations (drafts, notes per section, agreed steps, printed minutes) and
    requests for documentation of an absence."""
    db.execute(
        """
        CREATE TABLE conversations (
            id INTEGER PRIMARY KEY,
            employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
            spell_id INTEGER REFERENCES absence_spells(id) ON DELETE SET NULL,
            kind TEXT NOT NULL CHECK (kind IN ('sygefravaerssamtale', 'fravaerssamtale',
                'kontaktsamtale', 'tilbage_til_arbejde', 'mulighedserklaering')),
            status TEXT NOT NULL DEFAULT 'kladde' CHECK (status IN ('kladde', 'holdt')),
            invited_on TEXT NOT NULL,
            meeting_on TEXT NOT NULL,
            meeting_time TEXT NOT NULL,
            form TEXT NOT NULL CHECK (form IN ('fremmoede', 'telefon', 'video')),
            place TEXT NOT NULL DEFAULT '',
            participants TEXT NOT NULL DEFAULT '',
            companion_offered INTEGER NOT NULL DEFAULT 1,
            purpose TEXT NOT NULL DEFAULT '',
            agreements TEXT NOT NULL DEFAULT '',
            expected_return TEXT,
            over_8_weeks TEXT CHECK (over_8_weeks IS NULL
                                     OR over_8_weeks IN ('ja', 'nej', 'ved_ikke')),
            next_contact_on TEXT,
            held_on TEXT,
            changed_at TEXT NOT NULL,
            CHECK (status = 'kladde' OR held_on IS NOT NULL)
        )
        """
    )
    db.execute("CREATE INDEX idx_conversations_employee ON conversations(employee_id)")
    # Two drafts of the same conversation would split the notes between them.
    db.execute(
        "CREATE UNIQUE INDEX idx_conversations_one_draft ON conversations"
        "(employee_id, kind, IFNULL(spell_id, 0)) WHERE status = 'kladde'"
    )
    db.execute(
        """
        CREATE TABLE conversation_notes (
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            section TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY (conversation_id, section)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE conversation_steps (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('delvis_tilbagevenden', 'mulighedserklaering',
                'fastholdelsesplan', 'fast_track', 'andet')),
            text TEXT NOT NULL DEFAULT '',
            due TEXT,
            responsible TEXT NOT NULL DEFAULT ''
        )
        """
    )
    db.execute(
        """
        CREATE TABLE conversation_minutes (
            id INTEGER PRIMARY KEY,
            conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
            version INTEGER NOT NULL CHECK (version >= 1),
            printed_on TEXT NOT NULL,
            printed_at TEXT NOT NULL,
            pdf BLOB NOT NULL,
            UNIQUE (conversation_id, version)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE document_requests (
            id INTEGER PRIMARY KEY,
            employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
            spell_id INTEGER REFERENCES absence_spells(id) ON DELETE SET NULL,
            kind TEXT NOT NULL CHECK (kind IN ('tro_og_love', 'friattest', 'mulighedserklaering',
                'varighedserklaering')),
            requested_on TEXT NOT NULL,
            deliver_by TEXT NOT NULL CHECK (deliver_by >= requested_on),
            paid_by TEXT NOT NULL CHECK (paid_by IN ('arbejdsgiver', 'medarbejder')),
            received_on TEXT CHECK (received_on IS NULL OR received_on >= requested_on)
        )
        """
    )
    db.execute("CREATE INDEX idx_document_requests_employee ON document_requests(employee_id)")


@migrations()
def m005_retention_plans(db: Database) -> None:
    """Retention plans (fastholdelsesplaner): the request and its decision, every version of
    the plan (its content as JSON, fixed once agreed) and the follow-up meetings."""
    db.execute(
        """
        CREATE TABLE retention_plans (
            id INTEGER PRIMARY KEY,
            employee_id INTEGER NOT NULL REFERENCES employees(id) ON DELETE CASCADE,
            spell_id INTEGER REFERENCES absence_spells(id) ON DELETE SET NULL,
            requested_by TEXT NOT NULL CHECK (requested_by IN ('medarbejder', 'arbejdsgiver')),
            requested_on TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'kladde'
                CHECK (status IN ('kladde', 'aftalt', 'afslaaet')),
            decided_on TEXT,
            refusal_reason TEXT NOT NULL DEFAULT '',
            changed_at TEXT NOT NULL,
            CHECK (status <> 'afslaaet' OR decided_on IS NOT NULL)
        )
        """
    )
    db.execute("CREATE INDEX idx_retention_plans_employee ON retention_plans(employee_id)")
    # Two plans in force for one absence would contradict each other: revise instead.
    db.execute(
        "CREATE UNIQUE INDEX idx_retention_plans_one_open ON retention_plans(spell_id) "
        "WHERE status <> 'afslaaet' AND spell_id IS NOT NULL"
    )
    db.execute(
        """
        CREATE TABLE retention_plan_versions (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES retention_plans(id) ON DELETE CASCADE,
            version INTEGER NOT NULL CHECK (version >= 1),
            made_on TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            agreed_on TEXT,
            content TEXT NOT NULL,
            UNIQUE (plan_id, version)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE retention_plan_follow_ups (
            id INTEGER PRIMARY KEY,
            plan_id INTEGER NOT NULL REFERENCES retention_plans(id) ON DELETE CASCADE,
            due TEXT NOT NULL,
            held_on TEXT,
            how_it_went TEXT NOT NULL DEFAULT '',
            holds TEXT CHECK (holds IS NULL OR holds IN ('ja', 'delvist', 'nej'))
        )
        """
    )


@migrations()
def m006_apv(db: Database) -> None:
    """The sickness part of the APV: each assessment with its period, participants, phase texts
    and checklist answers (JSON), the figures as completed (aggregates only), and its action
    plan. One assessment at a time is a draft."""
    db.execute(
        """
        CREATE TABLE apv_assessments (
            id INTEGER PRIMARY KEY,
            made_on TEXT NOT NULL,
            period_first TEXT NOT NULL,
            period_last TEXT NOT NULL CHECK (period_last >= period_first),
            participants TEXT NOT NULL DEFAULT '',
            amo_took_part INTEGER NOT NULL DEFAULT 0,
            texts TEXT NOT NULL DEFAULT '{}',
            answers TEXT NOT NULL DEFAULT '{}',
            status TEXT NOT NULL DEFAULT 'kladde' CHECK (status IN ('kladde', 'faerdig')),
            completed_on TEXT,
            figures TEXT NOT NULL DEFAULT '',
            changed_at TEXT NOT NULL,
            CHECK (status = 'kladde' OR completed_on IS NOT NULL)
        )
        """
    )
    # Two drafts would split the staff meeting's answers between them.
    db.execute(
        "CREATE UNIQUE INDEX idx_apv_one_draft ON apv_assessments(status) WHERE status = 'kladde'"
    )
    db.execute(
        """
        CREATE TABLE apv_actions (
            id INTEGER PRIMARY KEY,
            apv_id INTEGER NOT NULL REFERENCES apv_assessments(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            problem TEXT NOT NULL DEFAULT '',
            cause TEXT NOT NULL DEFAULT '',
            measure TEXT NOT NULL DEFAULT '',
            responsible TEXT NOT NULL DEFAULT '',
            deadline TEXT,
            status TEXT NOT NULL DEFAULT 'aaben' CHECK (status IN ('aaben', 'i_gang', 'faerdig')),
            follow_up TEXT NOT NULL DEFAULT ''
        )
        """
    )


@migrations()
def m007_change_log(db: Database) -> None:
    """The change log: who (the local user name) created, changed or deleted which record and
    when, with a short Danish description of the kind of record, never its text. Deleting the
    employee deletes the lines about them (retention)."""
    db.execute(
        """
        CREATE TABLE change_log (
            id INTEGER PRIMARY KEY,
            changed_at TEXT NOT NULL,
            user_name TEXT NOT NULL,
            table_name TEXT NOT NULL,
            record_id INTEGER,
            employee_id INTEGER REFERENCES employees(id) ON DELETE CASCADE,
            action TEXT NOT NULL CHECK (action IN ('created', 'changed', 'deleted')),
            description TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX idx_change_log_employee ON change_log(employee_id, changed_at)")
    db.execute("CREATE INDEX idx_change_log_record ON change_log(table_name, record_id)")


@migrations()
def m008_retention_setting(db: Database) -> None:
    """How many years after the employment ended data about a former employee is kept (the
    company's own decision; NULL: the default, not decided yet) and the day it was decided."""
    db.execute(
        "ALTER TABLE company ADD COLUMN retention_years INTEGER "
        "CHECK (retention_years IS NULL OR retention_years BETWEEN 1 AND 30)"
    )
    db.execute("ALTER TABLE company ADD COLUMN retention_decided_on TEXT")
