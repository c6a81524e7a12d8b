"""The schema versions this program knows, readable without loading sqlite-utils.

Opening a company file that is up to date needs only these names and a plain SQLite query;
sqlite-utils (about 45 ms to import) is loaded when a migration or the first write needs it.
tests/storage/test_migrations.py checks that the names match storage/migrations.py.
"""

from __future__ import annotations

import sqlite3

MIGRATION_SET = "fravaer"
#: Every migration in storage/migrations.py, oldest first (see docs/schema_changes.md).
MIGRATION_NAMES: tuple[str, ...] = (
    "m001_initial",
    "m002_overview_policy_goals",
    "m003_employee_working_days",
    "m004_conversations",
    "m005_retention_plans",
    "m006_apv",
    "m007_change_log",
    "m008_retention_setting",
)
#: Where sqlite-utils records applied migrations.
MIGRATIONS_TABLE = "_sqlite_migrations"


def applied_migration_names(conn: sqlite3.Connection) -> list[str]:
    """Names of this program's migration set applied to the file, in the order applied."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone()
    if not exists:
        return []
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
        (MIGRATION_SET,),
    )
    return [name for (name,) in rows]
