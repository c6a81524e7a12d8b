"""Reading spells by period, and opening a file: exactly the right spells, no foreign plugins.

between() and on_day() return exactly the spells touching a period, ongoing ones included,
newest first; they go through the last_day index.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace
from datetime import date, timedelta

import pytest
from sqlite_utils import hookimpl
from sqlite_utils.plugins import pm

from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, Employee
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.storage.rows import SPELL_COLUMNS, spell_from_row, spell_from_tuple

START = date(2025, 1, 6)


@pytest.fixture
def many_spells(store: Store) -> list[AbsenceSpell]:
    """Three employees with back-to-back spells of 1-9 days, gaps, same first days, ongoing ones."""
    spells = []
    for number in range(3):
        employee = store.employees.add(
            Employee(name=f"Medarbejder {number}", employed_from=date(2024, 1, 1))
        )
        day = START
        for length in [1, 3, 9, 2, 5, 1, 7, 4] * 4:
            last = day + timedelta(days=length - 1)
            spells.append(store.absences.add(AbsenceSpell(employee.id, day, last_day=last)))
            day = last + timedelta(days=length % 3 + 2)  # 1-3 free days in between
        spells.append(store.absences.add(AbsenceSpell(employee.id, day + timedelta(days=number))))
    return spells


def expected(spells: list[AbsenceSpell], first: date, last: date) -> list[AbsenceSpell]:
    touching = [
        s for s in spells if s.first_day <= last and (s.last_day is None or s.last_day >= first)
    ]
    return sorted(touching, key=lambda s: (s.first_day, s.id), reverse=True)


def test_on_day_returns_exactly_the_spells_covering_each_day(
    store: Store, many_spells: list[AbsenceSpell]
) -> None:
    for offset in range(-3, 200):
        day = START + timedelta(days=offset)
        assert store.absences.on_day(day) == expected(many_spells, day, day), day


@pytest.mark.parametrize("length", [1, 2, 7, 30, 400])
def test_between_returns_exactly_the_spells_touching_each_period_newest_first(
    store: Store, many_spells: list[AbsenceSpell], length: int
) -> None:
    for offset in range(-10, 200, 3):
        first = START + timedelta(days=offset)
        last = first + timedelta(days=length - 1)
        assert store.absences.between(first, last) == expected(many_spells, first, last)


def test_ongoing_spells_are_found_on_any_later_day(
    store: Store, many_spells: list[AbsenceSpell]
) -> None:
    ongoing = [s for s in many_spells if s.is_ongoing]
    assert len(ongoing) == 3
    far = date(2040, 6, 1)
    assert store.absences.on_day(far) == sorted(
        ongoing, key=lambda s: (s.first_day, s.id), reverse=True
    )


def test_spells_starting_the_same_day_come_newest_id_first(
    store: Store, many_spells: list[AbsenceSpell]
) -> None:
    found = store.absences.on_day(START)
    assert [s.first_day for s in found] == [START] * 3
    assert [s.id for s in found] == sorted((s.id for s in found), reverse=True)


def test_a_one_day_query_uses_the_last_day_index(store: Store) -> None:
    """Not the first_day index, which would walk every spell that began before the day."""
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    try:
        store.absences.on_day(date(2026, 11, 23))
    finally:
        store.db.conn.set_trace_callback(None)
    query = next(s for s in statements if "FROM absence_spells" in s)
    params = ("2026-11-23", "2026-11-23") if "?" in query else ()
    plan = store.db.execute(f"EXPLAIN QUERY PLAN {query}", params).fetchall()
    details = " ".join(row[-1] for row in plan)
    assert "idx_spells_last_day" in details
    assert "idx_spells_first_day" not in details


def test_a_spell_read_from_a_tuple_equals_one_read_from_a_dict(company_store: Store) -> None:
    employee = company_store.employees.list_all()[0]
    company_store.absences.add(
        AbsenceSpell(
            employee.id,
            date(2026, 2, 2),
            kind=AbsenceKind.CHILD_SICK,
            last_day=date(2026, 2, 3),
            partial_hours_per_week=12.5,
            expected_return=date(2026, 2, 4),
            note="Aftalt delvis",
        )
    )
    company_store.absences.add(AbsenceSpell(employee.id, date(2026, 3, 2)))
    cursor = company_store.db.execute(f"SELECT {SPELL_COLUMNS} FROM absence_spells")
    names = [c[0] for c in cursor.description]
    for row in cursor.fetchall():
        fast, plain = spell_from_tuple(row), spell_from_row(dict(zip(names, row, strict=True)))
        assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
        assert replace(fast, note="Ny aftale") == replace(plain, note="Ny aftale")
        with pytest.raises(FrozenInstanceError):
            fast.note = "ændret"  # type: ignore[misc]


class _RecordingPlugin:
    """A sqlite-utils plugin that notes every connection it is offered."""

    def __init__(self) -> None:
        self.connections: list = []

    @hookimpl
    def prepare_connection(self, conn) -> None:
        self.connections.append(conn)


def test_opening_a_company_file_offers_it_to_no_sqlite_utils_plugin(tmp_path) -> None:
    plugin = _RecordingPlugin()
    pm.register(plugin)
    try:
        db = open_database(tmp_path / "firma.sqlite")
        db.close()
    finally:
        pm.unregister(plugin)
    assert plugin.connections == []
