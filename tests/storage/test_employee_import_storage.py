"""EmployeeRepository.add_many (the import from payroll): all employees in one transaction, or
none; and property tests: any employee is either stored and read back as given, or refused with
Danish messages and nothing stored."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fravaer_desktop.core.models import Employee
from fravaer_desktop.core.validation import ValidationError
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store
from tests.core.test_validation_properties import employees

TODAY = date(2026, 11, 23)

METTE = Employee(name="Mette Kristensen", employed_from=date(2018, 4, 1), department="Butik")
JONAS = Employee(
    name="Jonas Holm", employed_from=date(2023, 9, 1), department="Bageri", weekly_hours=32.5
)


def stored(store: Store) -> list[tuple]:
    return store.db.execute("SELECT * FROM employees ORDER BY id").fetchall()


def test_add_many_stores_every_employee_and_gives_their_numbers(company_store: Store) -> None:
    added = company_store.employees.add_many([METTE, JONAS])
    assert [e.name for e in added] == ["Mette Kristensen", "Jonas Holm"]
    assert all(e.id is not None for e in added)
    assert {company_store.employees.get(e.id) for e in added} == set(added)
    assert len(company_store.employees.list_all()) == 4  # the two that were there, and these


def test_add_many_stores_nothing_when_one_is_refused_and_names_it(company_store: Store) -> None:
    before = stored(company_store)
    with pytest.raises(ValidationError) as refused:
        company_store.employees.add_many([METTE, replace(JONAS, weekly_hours=375)])
    assert stored(company_store) == before
    assert str(refused.value) == (
        "Medarbejder 2 (Jonas Holm): Ugentlig arbejdstid skal være mellem 0 og 80 timer."
    )


def test_add_many_stores_nothing_when_the_file_fails_half_way(
    company_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails after the first employee (a full disk, say) is rolled back whole."""
    before = stored(company_store)
    table = company_store.db["employees"]
    real_insert = type(table).insert
    calls = []

    def failing_insert(self, record, *args, **kwargs):
        calls.append(record["name"])
        if len(calls) == 2:
            raise sqlite3.OperationalError("database or disk is full")
        return real_insert(self, record, *args, **kwargs)

    monkeypatch.setattr(type(table), "insert", failing_insert)
    with pytest.raises(sqlite3.OperationalError):
        company_store.employees.add_many([METTE, JONAS])
    monkeypatch.undo()
    assert calls == ["Mette Kristensen", "Jonas Holm"]
    assert stored(company_store) == before


def test_add_many_of_nobody_stores_nothing(company_store: Store) -> None:
    before = stored(company_store)
    assert company_store.employees.add_many([]) == []
    assert stored(company_store) == before


def as_read_back(employee: Employee, new_id: int) -> Employee:
    """The employee as the file gives it back: texts without surrounding spaces."""
    return replace(
        employee,
        id=new_id,
        name=employee.name.strip(),
        department=employee.department.strip(),
        job_title=employee.job_title.strip(),
    )


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(employees, max_size=4))
def test_any_employees_are_stored_whole_or_refused_with_nothing_stored(
    people: list[Employee],
) -> None:
    store = Store(open_database(":memory:"), today=lambda: TODAY)
    try:
        added = store.employees.add_many(people)
    except ValidationError as refused:
        assert refused.errors and all(e.message.startswith("Medarbejder ") for e in refused.errors)
        assert stored(store) == []
        return
    assert [store.employees.get(e.id) for e in added] == [
        as_read_back(person, e.id) for person, e in zip(people, added, strict=True)
    ]


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(employees)
def test_any_employee_added_alone_is_stored_as_given_or_refused(employee: Employee) -> None:
    store = Store(open_database(":memory:"), today=lambda: TODAY)
    try:
        added = store.employees.add(employee)
    except ValidationError as refused:
        assert refused.errors
        assert stored(store) == []
        return
    assert store.employees.get(added.id) == as_read_back(employee, added.id)
