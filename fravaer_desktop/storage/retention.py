"""Retention (issue 18, item 5): the company's period, who is due, and deleting them for good.

Deleting a former employee deletes their row; the foreign keys delete their absences,
conversations (notes, steps, printed minutes), documentation requests, retention plans
(versions, follow-ups), decisions and the change log's lines about them. With
`secure_delete = ON` (set at opening) the freed space is overwritten; afterwards the file is
rebuilt (`VACUUM`) and the `-wal` file emptied (`wal_checkpoint(TRUNCATE)`), so nothing of
them is left in either file. The program's own backups are cleaned by
`storage.backup_cleaning`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from fravaer_desktop.core.models import Employee
from fravaer_desktop.core.retention import RetentionSetting, check_years, delete_from, is_due
from fravaer_desktop.core.validation import FieldError, raise_if_any
from fravaer_desktop.storage.change_log import CHANGED, log_change

if TYPE_CHECKING:
    from fravaer_desktop.storage.repositories import Store

SETTING = "Opbevaringsperiode for tidligere ansatte"  # the kind of record in the change log


@dataclass(frozen=True)
class DueEmployee:
    """A former employee whose data is due for deletion, and how much is stored about them."""

    employee: Employee
    delete_from: date
    absences: int
    conversations: int
    plans: int


@dataclass(frozen=True)
class DeletionResult:
    deleted: tuple[Employee, ...]
    #: False when another program held the file, so the -wal file could not be emptied yet
    #: (it is emptied at the next save).
    file_clean: bool


def retention_setting(store: Store) -> RetentionSetting:
    rows = store.db.rows("SELECT retention_years, retention_decided_on FROM company WHERE id = 1")
    if not rows or rows[0]["retention_years"] is None:
        return RetentionSetting()
    decided = rows[0]["retention_decided_on"]
    return RetentionSetting(rows[0]["retention_years"], date.fromisoformat(decided))


def save_retention_years(store: Store, years: int, decided_on: date) -> RetentionSetting:
    """Record the company's decision (refused in Danish when out of range or no company)."""
    problem = check_years(years)
    raise_if_any([FieldError("years", problem)] if problem else [])
    with store.db.atomic():
        cursor = store.db.execute(
            "UPDATE company SET retention_years = ?, retention_decided_on = ? WHERE id = 1",
            (years, decided_on.isoformat()),
        )
        if cursor.rowcount == 0:
            raise_if_any([FieldError("years", "Opret virksomheden først.")])
        log_change(store.db, CHANGED, "company", 1, None, SETTING)
    return RetentionSetting(years, decided_on)


def due_for_deletion(store: Store, today: date) -> list[DueEmployee]:
    """Former employees whose employment ended at least the company's period ago."""
    years = retention_setting(store).years
    due = [e for e in store.employees.list_all() if is_due(e, today, years)]
    return [
        DueEmployee(
            employee=e,
            delete_from=delete_from(e, years),  # type: ignore[arg-type]
            absences=_count(store, "absence_spells", e.id),
            conversations=_count(store, "conversations", e.id),
            plans=_count(store, "retention_plans", e.id),
        )
        for e in sorted(due, key=lambda e: (e.employed_to, e.name))
    ]


def delete_due(store: Store, employees: list[Employee], today: date) -> DeletionResult:
    """Delete the employees shown to the user (each only if still due and still the same
    person), in one transaction; then rebuild the file and empty its -wal."""
    years = retention_setting(store).years
    deleted = []
    with store.db.atomic():
        for employee in employees:
            assert employee.id is not None
            try:
                stored = store.employees.get(employee.id)
            except KeyError:
                continue  # deleted in another window already
            if is_due(stored, today, years):
                store.employees.delete(employee.id, expected=employee)
                deleted.append(stored)
    return DeletionResult(tuple(deleted), compact(store) if deleted else True)


def compact(store: Store) -> bool:
    """Rebuild the file without free space and empty the -wal file; False when another
    program reading the file kept the -wal from being emptied."""
    conn = store.db.conn
    try:
        conn.execute("VACUUM")
    except sqlite3.OperationalError:
        pass  # another program is writing; secure_delete has overwritten the rows already
    if not store.db.wal_mode:
        return True
    try:
        busy, _frames, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.OperationalError:
        return False
    return busy == 0


def _count(store: Store, table: str, employee_id: int | None) -> int:
    sql = f"SELECT COUNT(*) FROM {table} WHERE employee_id = ?"
    return store.db.read(sql, (employee_id,)).fetchone()[0]
