"""The change log (issue 18, item 7): one helper the repositories call inside their transaction.

Each line says when, who (the local user name, `getpass.getuser()`), which table and record,
the employee it is about (None for the company, the APV and a deleted employee), the action
(created, changed, deleted) and a short Danish description of the kind of record
("Fraværsperiode"), never the record's text or any health detail. A line is written in the
same transaction as the change, so a change that is rolled back leaves no line either.

Drafts are saved as they are typed (a conversation's notes, a plan): repeated changes of the
same record by the same user within `MERGE_WINDOW` are one line, whose time moves on.
Deleting the employee deletes the lines about them (`ON DELETE CASCADE`, retention).
"""

from __future__ import annotations

import getpass
from datetime import datetime, timedelta
from typing import Any

from fravaer_desktop.core.change_log import (
    CHANGED,
    CREATED,
    DELETED,
    ChangeLogLine,
    change_text,
)

__all__ = ["CHANGED", "CREATED", "DELETED", "employee_of", "lines_for_employee", "log_change"]

#: Saves of the same record by the same user closer than this are one line of the log.
MERGE_WINDOW = timedelta(minutes=10)
UNKNOWN_USER = "ukendt bruger"


def current_user() -> str:
    """The local user name (the log's 'who'); a fixed text when the system does not say."""
    try:
        return getpass.getuser() or UNKNOWN_USER
    except (OSError, KeyError, ImportError):  # no LOGNAME/USER and no password entry
        return UNKNOWN_USER


def _now() -> datetime:
    return datetime.now()


def log_change(
    db: Any,
    action: str,
    table: str,
    record_id: int | None,
    employee_id: int | None,
    description: str,
) -> None:
    """Write one line of the change log, inside the caller's transaction (`db.atomic()`)."""
    assert db.conn.in_transaction, "the change log is written in the change's transaction"
    now = _now().replace(microsecond=0)
    user = current_user()
    if action == CHANGED:
        last = db.conn.execute(
            "SELECT id, changed_at, user_name, action, description, employee_id FROM change_log "
            "WHERE table_name = ? AND record_id IS ? ORDER BY id DESC LIMIT 1",
            (table, record_id),
        ).fetchone()
        if (
            last is not None
            and last[2:6] == (user, CHANGED, description, employee_id)
            and now - datetime.fromisoformat(last[1]) < MERGE_WINDOW
        ):
            db.conn.execute(
                "UPDATE change_log SET changed_at = ? WHERE id = ?", (now.isoformat(), last[0])
            )
            return
    db.conn.execute(
        "INSERT INTO change_log (changed_at, user_name, table_name, record_id, employee_id, "
        "action, description) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (now.isoformat(), user, table, record_id, employee_id, action, description),
    )


def log_created_since(db: Any, table: str, after_id: int, description: str) -> None:
    """One 'created' line per row of `table` with an id above `after_id` (rows just stored in
    one batch under the write lock), in one statement."""
    assert db.conn.in_transaction
    db.conn.execute(
        "INSERT INTO change_log (changed_at, user_name, table_name, record_id, employee_id, "
        f"action, description) SELECT ?, ?, ?, id, employee_id, ?, ? FROM {table} "
        "WHERE id > ? ORDER BY id",
        (_now().replace(microsecond=0).isoformat(), current_user(), table, CREATED,
         description, after_id),
    )  # fmt: skip


def max_id(db: Any, table: str) -> int:
    return db.conn.execute(f"SELECT IFNULL(MAX(id), 0) FROM {table}").fetchone()[0]


def employee_of(db: Any, table: str, record_id: int) -> int | None:
    """The employee a stored row is about (its `employee_id`), None when the row is gone."""
    row = db.conn.execute(f"SELECT employee_id FROM {table} WHERE id = ?", (record_id,)).fetchone()
    return row[0] if row else None


def lines_for_employee(db: Any, employee_id: int) -> list[ChangeLogLine]:
    """The change log about one employee, oldest first, as the user reads it."""
    rows = db.read(
        "SELECT changed_at, user_name, description, action FROM change_log "
        "WHERE employee_id = ? ORDER BY changed_at, id",
        (employee_id,),
    ).fetchall()
    return [
        ChangeLogLine(datetime.fromisoformat(at), who, change_text(description, action))
        for at, who, description, action in rows
    ]
