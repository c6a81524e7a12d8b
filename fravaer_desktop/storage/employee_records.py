"""Every stored row about one employee, table by table, for an access request (indsigt).

Found from the schema itself, not from a list kept by hand: the employee's own row, every
table with a foreign key to `employees` (by that column only), and every table whose foreign
key points to one of those rows (a conversation's notes, a plan's versions), and so on down.
A table added later (the change log of item 7, an APV with an employee column) is included
without a change here; `tests/test_access_request.py` checks that no table that names
an employee is left out. Rows of other employees are never read: each table is filtered by the
one employee's id, or by the ids of rows already found for them.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fravaer_desktop.storage.database import CompanyDatabase
from fravaer_desktop.storage.schema import MIGRATIONS_TABLE

EMPLOYEES = "employees"
#: Text columns that hold JSON: given as the object, not as a string of it.
JSON_COLUMNS = frozenset({("retention_plan_versions", "content")})


@contextmanager
def one_reading(db: CompanyDatabase) -> Iterator[None]:
    """All reads inside see the file as of one moment (a read transaction), also when another
    Fravær saves meanwhile. Inside a transaction already: that one."""
    if db.conn.in_transaction:
        yield
        return
    db.conn.execute("BEGIN")
    try:
        yield
    finally:
        db.conn.execute("ROLLBACK")  # nothing was written; ends the read


def foreign_keys(db: CompanyDatabase) -> dict[str, list[tuple[str, str, str]]]:
    """Per table: (column, parent table, parent column) of each foreign key."""
    tables = [
        row[0]
        for row in db.read(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name <> ? ORDER BY rowid",
            (MIGRATIONS_TABLE,),
        ).fetchall()
    ]
    found: dict[str, list[tuple[str, str, str]]] = {}
    for table in tables:
        keys = db.read(f"SELECT * FROM pragma_foreign_key_list('{table}')").fetchall()
        # (id, seq, table, from, to, on_update, on_delete, match); `to` None: the primary key
        found[table] = [(key[3], key[2], key[4] or "id") for key in keys]
    return found


def rows_about_employee(db: CompanyDatabase, employee_id: int) -> dict[str, list[dict[str, Any]]]:
    """Every stored row about the employee: {table: [row, ...]}, in schema order, the
    employee's own row first; tables without rows about them are left out."""
    keys = foreign_keys(db)
    found: dict[str, list[dict[str, Any]]] = {}
    with one_reading(db):
        found[EMPLOYEES] = db.rows(f"SELECT * FROM {EMPLOYEES} WHERE id = ?", (employee_id,))
        if not found[EMPLOYEES]:
            raise KeyError(employee_id)
        direct = [t for t, fks in keys.items() if any(p == EMPLOYEES for _, p, _ in fks)]
        for table in direct:
            column = next(c for c, p, _ in keys[table] if p == EMPLOYEES)
            found[table] = db.rows(
                f"SELECT * FROM {table} WHERE {column} = ? ORDER BY rowid", (employee_id,)
            )
        _add_children(db, keys, found)
    return {table: rows for table, rows in found.items() if rows}


def _add_children(
    db: CompanyDatabase, keys: dict[str, list[tuple[str, str, str]]], found: dict
) -> None:
    """Rows of tables without an employee column that point to rows found (repeated until
    nothing new turns up: a child of a child)."""
    changed = True
    while changed:
        changed = False
        for table, fks in keys.items():
            if table in found:
                continue
            links = [(c, p, pc) for c, p, pc in fks if p in found]
            if not links:
                continue
            column, parent, parent_column = links[0]
            ids = sorted({row[parent_column] for row in found[parent]})
            marks = ",".join("?" * len(ids))
            found[table] = (
                db.rows(f"SELECT * FROM {table} WHERE {column} IN ({marks}) ORDER BY rowid", ids)
                if ids
                else []
            )
            changed = True


def json_ready(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A row as JSON can hold it: bytes as base64 (a printed PDF), JSON text as the object.
    Dates and times are already ISO 8601 text in the file; yes/no columns are 1/0."""
    ready: dict[str, Any] = {}
    for column, value in row.items():
        if isinstance(value, bytes):
            value = {"base64": base64.b64encode(value).decode("ascii"), "bytes": len(value)}
        elif (table, column) in JSON_COLUMNS and isinstance(value, str):
            try:
                value = json.loads(value)
            except ValueError:
                pass  # kept as stored
        ready[column] = value
    return ready
