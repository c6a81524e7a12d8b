"""A refused write stores nothing: the user gets a Danish message and the file is as it was."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
from fravaer_desktop.core.validation import ValidationError
from fravaer_desktop.storage.repositories import Store


def table_contents(store: Store) -> dict[str, list[tuple]]:
    """Every row of every table, to show that a refused write changed nothing."""
    return {
        table: store.db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
        for table in ("company", "employees", "absence_spells")
    }


def employee(store: Store, name: str) -> Employee:
    return next(e for e in store.employees.list_all() if e.name == name)


@pytest.fixture
def with_spells(company_store: Store) -> Store:
    """Anna: ill 2-6 March 2026 and ongoing since Monday 16 November 2026 (today is 23 Nov)."""
    anna = employee(company_store, "Anna Jensen")
    company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 3, 2), last_day=date(2026, 3, 6))
    )
    company_store.absences.add(AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 16)))
    return company_store


def anna_spell(store: Store, first: date, last: date | None = None, **fields) -> AbsenceSpell:
    anna = employee(store, "Anna Jensen")
    return AbsenceSpell(employee_id=anna.id, first_day=first, last_day=last, **fields)


Write = Callable[[Store], object]

REFUSED_WRITES: list = [
    pytest.param(
        lambda s: s.absences.add(anna_spell(s, date(2026, 4, 10), date(2026, 4, 9))),
        "last_day",
        "Sidste fraværsdag ligger før første fraværsdag",
        id="new spell whose last day is before its first day",
    ),
    pytest.param(
        lambda s: s.absences.add(anna_spell(s, date(2026, 3, 6), date(2026, 3, 9))),
        "first_day",
        "Anna Jensen har allerede en fraværsperiode, der overlapper: fra 2. marts 2026 til og med "
        "6. marts 2026",
        id="new spell overlapping the March spell by one day",
    ),
    pytest.param(
        lambda s: s.absences.add(anna_spell(s, date(2026, 11, 23))),
        "first_day",
        "allerede en fraværsperiode, der overlapper: fra 16. november 2026 (stadig i gang)",
        id="new spell while the ongoing spell still runs",
    ),
    pytest.param(
        lambda s: s.absences.add(anna_spell(s, date(2019, 2, 28), date(2019, 3, 4))),
        "first_day",
        "Anna Jensen er først ansat fra 1. marts 2019",
        id="new spell starting before the employment",
    ),
    pytest.param(
        lambda s: s.absences.add(
            anna_spell(s, date(2026, 4, 7), date(2026, 4, 10), partial_hours_per_week=37)
        ),
        "partial_hours_per_week",
        "mindre end den aftalte arbejdstid (37 timer)",
        id="partial absence of all 37 contract hours",
    ),
    pytest.param(
        lambda s: s.absences.add(
            anna_spell(s, date(2026, 4, 7), date(2026, 4, 10), partial_hours_per_week=0)
        ),
        "partial_hours_per_week",
        "mere end 0",
        id="partial absence of zero hours",
    ),
    pytest.param(
        lambda s: s.absences.add(
            anna_spell(s, date(2026, 4, 7), date(2026, 4, 10), partial_hours_per_week=float("nan"))
        ),
        "partial_hours_per_week",
        "skal timer fravær pr. uge være mere end 0",
        id="partial absence of a number that is not a number",
    ),
    pytest.param(
        lambda s: s.absences.add(
            replace(anna_spell(s, date(2027, 11, 24)), employee_id=employee(s, "Bo Nielsen").id)
        ),
        "first_day",
        "mere end et år ude i fremtiden",
        id="spell starting 366 days after today",
    ),
    pytest.param(
        lambda s: s.absences.add(AbsenceSpell(employee_id=999, first_day=date(2026, 4, 7))),
        "employee_id",
        "Vælg den medarbejder, fraværet gælder.",
        id="spell for an employee who does not exist",
    ),
    pytest.param(
        lambda s: s.absences.update(replace(s.absences.ongoing()[0], first_day=date(2026, 3, 5))),
        "first_day",
        "allerede en fraværsperiode, der overlapper: fra 2. marts 2026 til og med 6. marts 2026",
        id="moving the ongoing spell back over the March spell",
    ),
    pytest.param(
        lambda s: s.absences.register_return(s.absences.ongoing()[0].id, date(2026, 11, 15)),
        "last_day",
        "Sidste fraværsdag ligger før første fraværsdag (16. november 2026)",
        id="return registered before the first day of absence",
    ),
    pytest.param(
        lambda s: s.employees.add(Employee(name="", employed_from=date(2024, 1, 1))),
        "name",
        "Skriv medarbejderens navn.",
        id="new employee without a name",
    ),
    pytest.param(
        lambda s: s.employees.add(Employee(name="   ", employed_from=date(2024, 1, 1))),
        "name",
        "Skriv medarbejderens navn.",
        id="new employee named only with spaces",
    ),
    pytest.param(
        lambda s: s.employees.add(
            Employee(
                name="Carla Holm", employed_from=date(2024, 1, 1), employed_to=date(2023, 12, 31)
            )
        ),
        "employed_to",
        "Fratrædelsesdatoen ligger før ansættelsesdatoen.",
        id="new employee leaving before starting",
    ),
    pytest.param(
        lambda s: s.employees.add(
            Employee(
                name="Carla Holm", employed_from=date(2024, 1, 1), section_56_from=date(2026, 1, 1)
            )
        ),
        "section_56_to",
        "En § 56-aftale skal have både en start- og en slutdato.",
        id="new employee with a section 56 agreement without an end date",
    ),
    pytest.param(
        lambda s: s.employees.update(
            replace(employee(s, "Anna Jensen"), employed_from=date(2026, 3, 3))
        ),
        "employed_from",
        "Der er registreret fravær før denne ansættelsesdato.",
        id="moving the employment start after an existing spell",
    ),
    pytest.param(
        lambda s: s.employees.update(
            replace(employee(s, "Anna Jensen"), employed_to=date(2026, 11, 15))
        ),
        "employed_to",
        "Der er registreret fravær efter denne fratrædelsesdato.",
        id="ending the employment before the ongoing spell started",
    ),
    pytest.param(
        lambda s: s.employees.update(replace(employee(s, "Bo Nielsen"), name="B" * 101)),
        "name",
        "Teksten er 101 tegn lang; der er plads til højst 100. Forkort den.",
        id="a name longer than 100 characters",
    ),
    pytest.param(
        lambda s: s.employees.add(
            Employee(name="Carla Holm", employed_from=date(2024, 1, 1), job_title="x" * 120)
        ),
        "job_title",
        "Teksten er 120 tegn lang",
        id="a job title longer than 100 characters",
    ),
    pytest.param(
        lambda s: s.company.save(Company(name="Bageri " * 20, cvr="10150817")),
        "name",
        "der er plads til højst 100",
        id="a company name longer than 100 characters",
    ),
    pytest.param(
        lambda s: s.employees.update(replace(employee(s, "Bo Nielsen"), name=" ")),
        "name",
        "Skriv medarbejderens navn.",
        id="renaming an employee to nothing",
    ),
    pytest.param(
        lambda s: s.company.save(Company(name="", cvr="10150817")),
        "name",
        "Skriv virksomhedens navn.",
        id="company without a name",
    ),
    pytest.param(
        lambda s: s.company.save(Company(name="Bageriet Solsikken ApS", cvr="10150818")),
        "cvr",
        "CVR-nummeret er ikke gyldigt.",
        id="company CVR failing the check digit",
    ),
]


@pytest.mark.parametrize(("write", "field", "message"), REFUSED_WRITES)
def test_a_refused_write_gives_a_danish_message_and_stores_nothing(
    with_spells: Store, write: Write, field: str, message: str
) -> None:
    before = table_contents(with_spells)

    with pytest.raises(ValidationError) as caught:
        write(with_spells)

    assert message in (caught.value.message_for(field) or ""), caught.value.errors
    assert table_contents(with_spells) == before
    assert not with_spells.db.conn.in_transaction


def test_a_refused_company_in_a_new_file_leaves_it_without_a_company(store: Store) -> None:
    with pytest.raises(ValidationError):
        store.company.save(Company(name="Bageriet Solsikken ApS", cvr="1015081"))
    assert store.company.get() is None


def test_the_schema_itself_refuses_a_spell_ending_before_it_starts(company_store: Store) -> None:
    """Even a write that bypasses the repositories cannot store an impossible spell."""
    anna = employee(company_store, "Anna Jensen")
    with pytest.raises(sqlite3.IntegrityError):
        company_store.db.execute(
            "INSERT INTO absence_spells (employee_id, kind, first_day, last_day) "
            "VALUES (?, 'sygdom', '2026-03-06', '2026-03-02')",
            (anna.id,),
        )
    assert company_store.absences.count() == 0


def test_the_schema_refuses_a_spell_of_an_unknown_employee(company_store: Store) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        company_store.db.execute(
            "INSERT INTO absence_spells (employee_id, kind, first_day) "
            "VALUES (999, 'sygdom', '2026-03-02')"
        )
    assert company_store.absences.count() == 0
