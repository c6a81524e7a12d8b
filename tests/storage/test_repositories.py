"""Repositories: what is stored is what is read back, and every read finds the right spells."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, Company, Employee
from fravaer_desktop.core.validation import ValidationError
from fravaer_desktop.storage.repositories import Store

# The first bytes of a PNG file, with a zero byte and high bytes that text columns would mangle.
LOGO = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))


def count(store: Store, table: str) -> int:
    return store.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def employee_named(store: Store, name: str) -> Employee:
    return next(e for e in store.employees.list_all() if e.name == name)


# --- Company -----------------------------------------------------------------------------------


def test_a_new_file_has_no_company(store: Store) -> None:
    assert store.company.get() is None


def test_company_round_trip_keeps_every_field_including_the_logo_bytes(store: Store) -> None:
    company = Company(
        name="Bageriet Solsikken ApS",
        cvr="10150817",
        address="Torvet 3\n4000 Roskilde",
        logo=LOGO,
        pays_salary_during_sickness=False,
        standard_weekly_hours=37.5,
    )
    store.company.save(company)
    assert store.company.get() == company


def test_saving_the_company_again_replaces_it(company_store: Store) -> None:
    company_store.company.save(Company(name="Bageriet Solsikken I/S", cvr="24256790"))
    saved = company_store.company.get()
    assert saved is not None
    assert (saved.name, saved.cvr, saved.logo) == ("Bageriet Solsikken I/S", "24256790", None)
    assert count(company_store, "company") == 1


def test_company_name_and_address_are_stored_without_surrounding_spaces(store: Store) -> None:
    store.company.save(Company(name="  Bageriet  ", cvr="10150817", address=" Torvet 3 "))
    saved = store.company.get()
    assert saved is not None
    assert (saved.name, saved.address) == ("Bageriet", "Torvet 3")


# --- Employees ---------------------------------------------------------------------------------


def test_an_added_employee_is_read_back_with_every_field(store: Store) -> None:
    employee = Employee(
        name="Carla Holm",
        employed_from=date(2020, 1, 6),
        department="Kontor",
        job_title="Bogholder",
        weekly_hours=32.5,
        employed_to=date(2027, 1, 31),
        salaried=False,
        clause_120_days=True,
        fleksjob=True,
        section_56_from=date(2026, 2, 1),
        section_56_to=date(2028, 1, 31),
    )
    added = store.employees.add(employee)
    assert added.id is not None
    assert added == replace(employee, id=added.id)
    assert store.employees.get(added.id) == added


def test_employees_are_listed_by_name_ignoring_case(company_store: Store) -> None:
    company_store.employees.add(Employee(name="anders Berg", employed_from=date(2024, 1, 1)))
    names = [e.name for e in company_store.employees.list_all()]
    assert names == ["anders Berg", "Anna Jensen", "Bo Nielsen"]


def test_updating_an_employee_changes_the_stored_row(company_store: Store) -> None:
    bo = employee_named(company_store, "Bo Nielsen")
    company_store.employees.update(replace(bo, weekly_hours=25, employed_to=date(2026, 12, 31)))
    stored = company_store.employees.get(bo.id)
    assert (stored.weekly_hours, stored.employed_to) == (25.0, date(2026, 12, 31))


def test_weekly_hours_at_or_below_an_open_partial_absence_are_refused(company_store: Store) -> None:
    """Bo works 30 hours and is away 20 of them a week: 20 hours of work a week is impossible
    while that absence is open; once it has ended, the hours may change."""
    bo = employee_named(company_store, "Bo Nielsen")
    spell = company_store.absences.add(
        AbsenceSpell(bo.id, date(2026, 11, 2), partial_hours_per_week=20)
    )

    with pytest.raises(ValidationError) as refused:
        company_store.employees.update(replace(bo, weekly_hours=20))
    assert "delvist fraværende med 20 timer om ugen" in refused.value.message_for("weekly_hours")
    assert company_store.employees.get(bo.id).weekly_hours == 30

    company_store.employees.update(replace(bo, weekly_hours=25))
    company_store.absences.update(replace(spell, last_day=date(2026, 11, 20)))
    company_store.employees.update(replace(bo, weekly_hours=15))
    assert company_store.employees.get(bo.id).weekly_hours == 15


def test_an_unknown_employee_is_not_found(store: Store) -> None:
    with pytest.raises(KeyError):
        store.employees.get(999)


def test_departments_are_listed_once_each_alphabetically_without_blanks(
    company_store: Store,
) -> None:
    company_store.employees.add(
        Employee(name="Carla Holm", employed_from=date(2020, 1, 6), department="Butik")
    )
    company_store.employees.add(Employee(name="Dan Dahl", employed_from=date(2022, 5, 1)))
    assert company_store.employees.departments() == ["Bageri", "Butik"]


def test_deleting_an_employee_deletes_that_employees_absence_too(company_store: Store) -> None:
    anna = employee_named(company_store, "Anna Jensen")
    bo = employee_named(company_store, "Bo Nielsen")
    company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 3, 2), last_day=date(2026, 3, 6))
    )
    company_store.absences.add(AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 16)))
    kept = company_store.absences.add(
        AbsenceSpell(employee_id=bo.id, first_day=date(2026, 3, 2), last_day=date(2026, 3, 3))
    )

    company_store.employees.delete(anna.id)

    assert [e.name for e in company_store.employees.list_all()] == ["Bo Nielsen"]
    assert company_store.absences.all() == [kept]


# --- Absence spells ----------------------------------------------------------------------------


@pytest.fixture
def anna(company_store: Store) -> Employee:
    return employee_named(company_store, "Anna Jensen")


@pytest.fixture
def bo(company_store: Store) -> Employee:
    return employee_named(company_store, "Bo Nielsen")


def test_an_added_spell_is_read_back_with_every_field(company_store: Store, anna: Employee) -> None:
    spell = AbsenceSpell(
        employee_id=anna.id,
        first_day=date(2026, 3, 2),
        kind=AbsenceKind.WORK_INJURY,
        last_day=date(2026, 3, 13),
        partial_hours_per_week=18.5,
        expected_return=date(2026, 3, 16),
        note="Ringer mandag kl. 10",
    )
    added = company_store.absences.add(spell)
    assert added.id is not None
    assert company_store.absences.get(added.id) == replace(spell, id=added.id)


def test_updating_a_spell_changes_the_stored_row(company_store: Store, anna: Employee) -> None:
    spell = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 3, 2), last_day=date(2026, 3, 6))
    )
    longer = replace(spell, last_day=date(2026, 3, 13), kind=AbsenceKind.CHILD_SICK)
    company_store.absences.update(longer)
    assert company_store.absences.get(spell.id) == longer
    assert company_store.absences.count() == 1


def test_deleting_a_spell_removes_only_that_spell(company_store: Store, anna: Employee) -> None:
    first = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 3, 2), last_day=date(2026, 3, 6))
    )
    second = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 4, 7), last_day=date(2026, 4, 8))
    )
    company_store.absences.delete(first.id)
    assert company_store.absences.all() == [second]
    with pytest.raises(KeyError):
        company_store.absences.get(first.id)


def test_register_return_sets_the_last_day_of_an_ongoing_spell(
    company_store: Store, anna: Employee
) -> None:
    spell = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 16), note="Ringer fredag")
    )
    returned = company_store.absences.register_return(spell.id, date(2026, 11, 20))
    assert returned == replace(spell, last_day=date(2026, 11, 20))
    assert company_store.absences.get(spell.id) == returned
    assert company_store.absences.ongoing() == []


def test_register_return_before_the_first_day_is_refused_and_the_spell_stays_open(
    company_store: Store, anna: Employee
) -> None:
    spell = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 16))
    )
    with pytest.raises(ValidationError) as caught:
        company_store.absences.register_return(spell.id, date(2026, 11, 13))
    assert "Sidste fraværsdag ligger før første fraværsdag" in (
        caught.value.message_for("last_day") or ""
    )
    assert company_store.absences.get(spell.id).is_ongoing


@pytest.fixture
def spells(company_store: Store, anna: Employee, bo: Employee) -> dict[str, AbsenceSpell]:
    """Anna: a week in March and an ongoing spell since 16 November; Bo: ongoing since 20 Nov."""
    add = company_store.absences.add
    return {
        "anna_march": add(
            AbsenceSpell(employee_id=anna.id, first_day=date(2026, 3, 2), last_day=date(2026, 3, 6))
        ),
        "anna_ongoing": add(AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 16))),
        "bo_ongoing": add(
            AbsenceSpell(employee_id=bo.id, first_day=date(2026, 11, 20), partial_hours_per_week=10)
        ),
    }


def test_ongoing_lists_only_spells_without_a_last_day_newest_first(
    company_store: Store, spells: dict[str, AbsenceSpell]
) -> None:
    assert company_store.absences.ongoing() == [spells["bo_ongoing"], spells["anna_ongoing"]]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param(date(2026, 3, 1), [], id="the Sunday before the March spell"),
        pytest.param(date(2026, 3, 2), ["anna_march"], id="first day of the March spell"),
        pytest.param(date(2026, 3, 6), ["anna_march"], id="last day of the March spell"),
        pytest.param(date(2026, 3, 7), [], id="the day after the March spell"),
        pytest.param(date(2026, 11, 18), ["anna_ongoing"], id="only Anna is ill on 18 November"),
        pytest.param(date(2026, 11, 23), ["bo_ongoing", "anna_ongoing"], id="both are ill today"),
    ],
)
def test_on_day_finds_the_spells_covering_the_day(
    company_store: Store, spells: dict[str, AbsenceSpell], day: date, expected: list[str]
) -> None:
    assert company_store.absences.on_day(day) == [spells[k] for k in expected]


def test_on_day_with_preceding_reads_back_along_an_unbroken_absence_only(
    company_store: Store,
) -> None:
    """Anna: full October, half days 1-10 November, full again since 11 November: all three
    are read. Her spell in September (a gap before October) and Bo's spell that ends on 31
    October (another employee) are not."""
    anna = employee_named(company_store, "Anna Jensen")
    bo = employee_named(company_store, "Bo Nielsen")
    add = company_store.absences.add
    september = add(AbsenceSpell(anna.id, date(2026, 9, 1), last_day=date(2026, 9, 29)))
    october = add(AbsenceSpell(anna.id, date(2026, 10, 1), last_day=date(2026, 10, 31)))
    half_days = add(
        AbsenceSpell(
            anna.id, date(2026, 11, 1), last_day=date(2026, 11, 10), partial_hours_per_week=18.5
        )
    )
    full_again = add(AbsenceSpell(anna.id, date(2026, 11, 11)))
    bos = add(AbsenceSpell(bo.id, date(2026, 10, 20), last_day=date(2026, 10, 31)))

    found = company_store.absences.on_day_with_preceding(date(2026, 11, 23))

    assert sorted(s.id for s in found) == sorted([october.id, half_days.id, full_again.id])
    assert september.id not in {s.id for s in found} and bos.id not in {s.id for s in found}


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        pytest.param(
            date(2026, 1, 1),
            date(2026, 12, 31),
            ["bo_ongoing", "anna_ongoing", "anna_march"],
            id="the whole year 2026",
        ),
        pytest.param(date(2026, 3, 6), date(2026, 3, 31), ["anna_march"], id="rest of March"),
        pytest.param(date(2026, 4, 1), date(2026, 10, 31), [], id="April to October"),
        pytest.param(
            date(2027, 1, 1),
            date(2027, 1, 31),
            ["bo_ongoing", "anna_ongoing"],
            id="ongoing spells reach into January 2027",
        ),
        pytest.param(date(2026, 11, 1), date(2026, 11, 19), ["anna_ongoing"], id="early November"),
    ],
)
def test_between_finds_the_spells_touching_the_period(
    company_store: Store,
    spells: dict[str, AbsenceSpell],
    first: date,
    last: date,
    expected: list[str],
) -> None:
    assert company_store.absences.between(first, last) == [spells[k] for k in expected]


def test_for_employee_lists_only_that_employees_spells_newest_first(
    company_store: Store, spells: dict[str, AbsenceSpell], anna: Employee
) -> None:
    assert company_store.absences.for_employee(anna.id) == [
        spells["anna_ongoing"],
        spells["anna_march"],
    ]


def test_two_employees_may_be_ill_on_the_same_days(
    company_store: Store, anna: Employee, bo: Employee
) -> None:
    for employee in (anna, bo):
        company_store.absences.add(
            AbsenceSpell(
                employee_id=employee.id, first_day=date(2026, 3, 2), last_day=date(2026, 3, 6)
            )
        )
    assert len(company_store.absences.on_day(date(2026, 3, 4))) == 2


def test_editing_a_spell_does_not_collide_with_itself(company_store: Store, anna: Employee) -> None:
    spell = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 3, 2), last_day=date(2026, 3, 6))
    )
    moved = replace(spell, first_day=date(2026, 3, 3), last_day=date(2026, 3, 10))
    company_store.absences.update(moved)
    assert company_store.absences.all() == [moved]


def test_editing_a_spell_into_another_spell_is_refused(
    company_store: Store, anna: Employee
) -> None:
    march = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 3, 2), last_day=date(2026, 3, 6))
    )
    april = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 4, 7), last_day=date(2026, 4, 8))
    )
    with pytest.raises(ValidationError) as caught:
        company_store.absences.update(replace(march, last_day=date(2026, 4, 7)))
    message = caught.value.message_for("first_day") or ""
    assert "fra 7. april 2026 til og med 8. april 2026" in message
    assert company_store.absences.all() == [april, march]


def test_all_spells_are_newest_first(company_store: Store, spells: dict[str, AbsenceSpell]) -> None:
    assert company_store.absences.all() == [
        spells["bo_ongoing"],
        spells["anna_ongoing"],
        spells["anna_march"],
    ]


def test_several_spells_are_stored_together_or_not_at_all(company_store: Store) -> None:
    anna, bo = company_store.employees.list_all()
    first = date(2026, 3, 2)
    good = [
        AbsenceSpell(anna.id, first, last_day=first + timedelta(days=1)),
        AbsenceSpell(bo.id, first, last_day=first + timedelta(days=4)),
    ]
    overlapping = AbsenceSpell(
        anna.id, first + timedelta(days=1), last_day=first + timedelta(days=2)
    )
    with pytest.raises(ValidationError) as refused:
        company_store.absences.add_many([*good, overlapping])
    assert refused.value.errors[0].field == "first_day"
    assert "har allerede en fraværsperiode, der overlapper" in refused.value.errors[0].message
    assert company_store.absences.all() == []  # the good ones before it are not stored either

    assert company_store.absences.add_many(good) == 2
    stored = sorted(company_store.absences.all(), key=lambda s: s.employee_id)
    assert [(s.employee_id, s.first_day, s.last_day) for s in stored] == [
        (anna.id, first, first + timedelta(days=1)),
        (bo.id, first, first + timedelta(days=4)),
    ]
    # Checked against what the file already holds, too.
    with pytest.raises(ValidationError):
        company_store.absences.add_many([AbsenceSpell(bo.id, first + timedelta(days=2))])
    with pytest.raises(ValidationError) as unknown:
        company_store.absences.add_many([AbsenceSpell(9999, first)])
    assert unknown.value.errors[0].message == "Vælg den medarbejder, fraværet gælder."
    assert len(company_store.absences.all()) == 2


def test_a_new_sick_call_the_day_after_the_same_absence_ended_is_refused(
    company_store: Store, anna: Employee
) -> None:
    """Registered as new, the deadlines (conversation, report to the kommune) would start again
    from the second first day and hide those that are already due."""
    january = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 1, 5), last_day=date(2026, 1, 30))
    )
    with pytest.raises(ValidationError) as caught:
        company_store.absences.add(AbsenceSpell(employee_id=anna.id, first_day=date(2026, 1, 31)))
    assert "fortsætter direkte efter fraværsperioden fra 5. januar 2026" in (
        caught.value.message_for("first_day") or ""
    )
    assert company_store.absences.all() == [january]
    partial = company_store.absences.add(
        AbsenceSpell(
            anna.id, date(2026, 1, 31), last_day=date(2026, 2, 27), partial_hours_per_week=18
        )
    )
    assert company_store.absences.all() == [partial, january]  # a partial return is its own spell
