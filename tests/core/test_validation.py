"""Input checks: every refused input names the field and tells the user in Danish how to fix it.

That a refused input is also not stored is tested through the repositories in
tests/storage/test_refused_writes.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, Company, Employee
from fravaer_desktop.core.validation import (
    FieldError,
    ValidationError,
    raise_if_any,
    validate_company,
    validate_employee,
    validate_spell,
)

TODAY = date(2026, 11, 23)  # the fixed 'today' of the test suite
ANNA = Employee(id=1, name="Anna Jensen", employed_from=date(2019, 3, 1), weekly_hours=37)
LEFT = replace(ANNA, employed_to=date(2025, 6, 30))  # Anna, had she left on 30 June 2025
COMPANY = Company(name="Bageriet Solsikken ApS", cvr="10150817")

# An earlier, closed spell and an ongoing one of the same employee.
EARLIER = AbsenceSpell(id=10, employee_id=1, first_day=date(2026, 3, 2), last_day=date(2026, 3, 6))
ONGOING = AbsenceSpell(id=11, employee_id=1, first_day=date(2026, 11, 16))


def new_spell(first: date, last: date | None = None, **fields) -> AbsenceSpell:
    return AbsenceSpell(employee_id=1, first_day=first, last_day=last, **fields)


def only_error(errors: list[FieldError]) -> FieldError:
    assert len(errors) == 1, errors
    return errors[0]


# --- Absence spells ----------------------------------------------------------------------------

REFUSED_SPELLS = [
    pytest.param(
        new_spell(date(2026, 3, 2), date(2027, 12, 6)),
        ANNA,
        [],
        "last_day",
        "Sidste fraværsdag ligger mere end et år ude i fremtiden. Tjek årstallet.",
        id="a last day more than a year ahead (a typo in the year)",
    ),
    pytest.param(
        new_spell(date(2026, 3, 7)),
        ANNA,
        [EARLIER],
        "first_day",
        "Fraværet fortsætter direkte efter fraværsperioden fra 2. marts 2026 til og med "
        "6. marts 2026",
        id="a new sick call the day after the same kind of absence ended is the same absence",
    ),
    pytest.param(
        new_spell(date(2026, 2, 23), date(2026, 3, 1)),
        ANNA,
        [EARLIER],
        "last_day",
        "Fraværet slutter dagen før fraværsperioden fra 2. marts 2026 til og med 6. marts 2026",
        id="ends the day before a later spell of the same kind starts",
    ),
    pytest.param(
        new_spell(date(2026, 11, 2), date(2026, 11, 15)),
        ANNA,
        [ONGOING],
        "last_day",
        "slutter dagen før fraværsperioden fra 16. november 2026 (stadig i gang)",
        id="ends the day before an ongoing spell of the same kind started",
    ),
    pytest.param(
        new_spell(date(2026, 3, 10), date(2026, 3, 9)),
        ANNA,
        [],
        "last_day",
        "Sidste fraværsdag ligger før første fraværsdag (10. marts 2026)",
        id="last day before first day",
    ),
    pytest.param(
        new_spell(date(2026, 3, 5), date(2026, 3, 10)),
        ANNA,
        [EARLIER],
        "first_day",
        "allerede en fraværsperiode, der overlapper: fra 2. marts 2026 til og med 6. marts 2026",
        id="overlaps the end of an earlier spell",
    ),
    pytest.param(
        new_spell(date(2026, 2, 23), date(2026, 3, 2)),
        ANNA,
        [EARLIER],
        "first_day",
        "allerede en fraværsperiode, der overlapper: fra 2. marts 2026 til og med 6. marts 2026",
        id="ends on the first day of a later spell",
    ),
    pytest.param(
        new_spell(date(2026, 3, 3), date(2026, 3, 4)),
        ANNA,
        [EARLIER],
        "first_day",
        "allerede en fraværsperiode, der overlapper",
        id="lies inside an existing spell",
    ),
    pytest.param(
        new_spell(date(2026, 11, 20), date(2026, 11, 20)),
        ANNA,
        [ONGOING],
        "first_day",
        "allerede en fraværsperiode, der overlapper: fra 16. november 2026 (stadig i gang)",
        id="starts while an ongoing spell is still running",
    ),
    pytest.param(
        new_spell(date(2026, 1, 5)),
        ANNA,
        [EARLIER],
        "first_day",
        "allerede en fraværsperiode, der overlapper: fra 2. marts 2026 til og med 6. marts 2026",
        id="a new ongoing spell would run into a later spell",
    ),
    pytest.param(
        new_spell(date(2019, 2, 28), date(2019, 3, 1)),
        ANNA,
        [],
        "first_day",
        "Anna Jensen er først ansat fra 1. marts 2019",
        id="first day before the employment started",
    ),
    pytest.param(
        new_spell(date(2025, 7, 1), date(2025, 7, 2)),
        LEFT,
        [],
        "first_day",
        "Anna Jensen er kun ansat til og med 30. juni 2025",
        id="first day after the employment ended",
    ),
    pytest.param(
        new_spell(date(2025, 6, 28), date(2025, 7, 3)),
        LEFT,
        [],
        "last_day",
        "Sidste fraværsdag kan ikke ligge efter fratrædelsen",
        id="last day after the employment ended",
    ),
    pytest.param(
        new_spell(date(2026, 3, 2), date(2026, 3, 6), partial_hours_per_week=0),
        ANNA,
        [],
        "partial_hours_per_week",
        "mere end 0 og mindre end den aftalte arbejdstid (37 timer)",
        id="partial absence of zero hours",
    ),
    pytest.param(
        new_spell(date(2026, 3, 2), date(2026, 3, 6), partial_hours_per_week=-5),
        ANNA,
        [],
        "partial_hours_per_week",
        "mere end 0",
        id="partial absence of negative hours",
    ),
    pytest.param(
        new_spell(date(2026, 3, 2), date(2026, 3, 6), partial_hours_per_week=37),
        ANNA,
        [],
        "partial_hours_per_week",
        "Er medarbejderen helt væk, så vælg fuldt fravær.",
        id="partial absence equal to the contract hours",
    ),
    pytest.param(
        new_spell(date(2026, 3, 2), date(2026, 3, 6), partial_hours_per_week=40),
        ANNA,
        [],
        "partial_hours_per_week",
        "mindre end den aftalte arbejdstid (37 timer)",
        id="partial absence above the contract hours",
    ),
    pytest.param(
        new_spell(date(2027, 11, 24)),
        ANNA,
        [],
        "first_day",
        "mere end et år ude i fremtiden. Tjek årstallet.",
        id="first day 366 days after today 23 November 2026",
    ),
    pytest.param(
        new_spell(date(2026, 3, 2), date(2026, 3, 6), expected_return=date(2026, 3, 2)),
        ANNA,
        [],
        "expected_return",
        "Forventet første arbejdsdag skal ligge efter første fraværsdag.",
        id="expected return on the first day of absence",
    ),
    pytest.param(
        new_spell(date(2026, 3, 2), date(2026, 3, 6), note="x" * 501),
        ANNA,
        [],
        "note",
        "Noten må højst være 500 tegn.",
        id="a note longer than 500 characters",
    ),
]


@pytest.mark.parametrize(("spell", "employee", "others", "field", "message"), REFUSED_SPELLS)
def test_a_refused_spell_gets_a_danish_message_on_the_right_field(
    spell: AbsenceSpell, employee: Employee, others: list[AbsenceSpell], field: str, message: str
) -> None:
    error = only_error(validate_spell(spell, employee, others, TODAY))
    assert error.field == field
    assert message in error.message


ACCEPTED_SPELLS = [
    pytest.param(
        new_spell(date(2026, 3, 9), date(2026, 3, 13)),
        ANNA,
        [EARLIER],
        id="starts the Monday after an earlier spell ended",
    ),
    pytest.param(
        new_spell(date(2026, 3, 7), date(2026, 3, 7), kind=AbsenceKind.CHILD_SICK),
        ANNA,
        [EARLIER],
        id="a child's sick day the day after own sickness is another absence",
    ),
    pytest.param(
        new_spell(date(2026, 3, 7), date(2026, 3, 27), partial_hours_per_week=18.5),
        ANNA,
        [EARLIER],
        id="a partial return the day after full absence is a spell of its own",
    ),
    pytest.param(
        replace(EARLIER, last_day=date(2026, 3, 13)),
        ANNA,
        [EARLIER, ONGOING],
        id="editing a spell does not collide with its own stored version",
    ),
    pytest.param(
        new_spell(date(2026, 4, 7), date(2026, 4, 7)),
        ANNA,
        [],
        id="a single day",
    ),
    pytest.param(
        new_spell(date(2027, 11, 23)),
        ANNA,
        [],
        id="first day exactly 365 days after today 23 November 2026",
    ),
    pytest.param(
        new_spell(date(2019, 3, 1), date(2019, 3, 1)),
        ANNA,
        [],
        id="first day on the first day of employment",
    ),
    pytest.param(
        new_spell(date(2025, 6, 30), date(2025, 6, 30)),
        LEFT,
        [],
        id="first and last day on the last day of employment",
    ),
    pytest.param(
        new_spell(date(2026, 3, 2), date(2026, 3, 13), partial_hours_per_week=36.5),
        ANNA,
        [],
        id="partial absence just below the contract hours",
    ),
    pytest.param(
        new_spell(date(2026, 3, 2), expected_return=date(2026, 3, 16), note="Ringer mandag"),
        ANNA,
        [],
        id="ongoing with an expected return and a practical note",
    ),
]


@pytest.mark.parametrize(("spell", "employee", "others"), ACCEPTED_SPELLS)
def test_an_acceptable_spell_passes(
    spell: AbsenceSpell, employee: Employee, others: list[AbsenceSpell]
) -> None:
    assert validate_spell(spell, employee, others, TODAY) == []


def test_every_problem_of_a_spell_is_reported_at_once() -> None:
    spell = new_spell(date(2019, 2, 1), date(2019, 1, 1), partial_hours_per_week=0)
    fields = [e.field for e in validate_spell(spell, ANNA, [], TODAY)]
    assert fields == ["last_day", "first_day", "partial_hours_per_week"]


# --- Employees ---------------------------------------------------------------------------------

REFUSED_EMPLOYEES = [
    pytest.param(replace(ANNA, name=""), "name", "Skriv medarbejderens navn.", id="empty name"),
    pytest.param(
        replace(ANNA, name="  \t "),
        "name",
        "Skriv medarbejderens navn.",
        id="name of only spaces and a tab",
    ),
    pytest.param(
        replace(ANNA, employed_to=date(2019, 2, 28)),
        "employed_to",
        "Fratrædelsesdatoen ligger før ansættelsesdatoen.",
        id="employment ends the day before it starts",
    ),
    pytest.param(
        replace(ANNA, section_56_from=date(2026, 1, 1)),
        "section_56_to",
        "En § 56-aftale skal have både en start- og en slutdato.",
        id="section 56 agreement with only a start date",
    ),
    pytest.param(
        replace(ANNA, section_56_to=date(2027, 12, 31)),
        "section_56_to",
        "En § 56-aftale skal have både en start- og en slutdato.",
        id="section 56 agreement with only an end date",
    ),
    pytest.param(
        replace(ANNA, section_56_from=date(2026, 6, 1), section_56_to=date(2026, 5, 31)),
        "section_56_to",
        "§ 56-aftalens slutdato ligger før startdatoen.",
        id="section 56 agreement ending before it starts",
    ),
    pytest.param(
        replace(ANNA, weekly_hours=80.5),
        "weekly_hours",
        "Ugentlig arbejdstid skal være mellem 0 og 80 timer.",
        id="more than 80 hours a week",
    ),
    pytest.param(
        replace(ANNA, weekly_hours=-1),
        "weekly_hours",
        "Ugentlig arbejdstid skal være mellem 0 og 80 timer.",
        id="negative weekly hours",
    ),
    pytest.param(
        replace(ANNA, working_days_per_week=0),
        "working_days_per_week",
        "Arbejdsdage om ugen skal være et helt tal mellem 1 og 7, fx 5.",
        id="no working days a week",
    ),
    pytest.param(
        replace(ANNA, employed_from=date(1900, 1, 1)),
        "employed_from",
        "Året skal ligge mellem 1950 og 2100. Tjek årstallet.",
        id="employed from a year no date field accepts",
    ),
    pytest.param(
        replace(ANNA, employed_to=date(9999, 12, 31)),
        "employed_to",
        "Året skal ligge mellem 1950 og 2100. Tjek årstallet.",
        id="leaving in year 9999",
    ),
]


@pytest.mark.parametrize(("employee", "field", "message"), REFUSED_EMPLOYEES)
def test_a_refused_employee_gets_a_danish_message_on_the_right_field(
    employee: Employee, field: str, message: str
) -> None:
    error = only_error(validate_employee(employee))
    assert error.field == field
    assert message in error.message


@pytest.mark.parametrize(
    "employee",
    [
        pytest.param(ANNA, id="still employed"),
        pytest.param(replace(ANNA, employed_to=ANNA.employed_from), id="employed a single day"),
        pytest.param(
            replace(ANNA, section_56_from=date(2026, 1, 1), section_56_to=date(2027, 12, 31)),
            id="with a two-year section 56 agreement",
        ),
    ],
)
def test_an_acceptable_employee_passes(employee: Employee) -> None:
    assert validate_employee(employee) == []


# --- Company -----------------------------------------------------------------------------------

REFUSED_COMPANIES = [
    pytest.param(replace(COMPANY, name=""), "name", "Skriv virksomhedens navn.", id="empty name"),
    pytest.param(
        replace(COMPANY, name="   "), "name", "Skriv virksomhedens navn.", id="name of spaces"
    ),
    pytest.param(
        replace(COMPANY, cvr="10150818"),
        "cvr",
        "CVR-nummeret er ikke gyldigt.",
        id="CVR number failing the check digit",
    ),
    pytest.param(
        replace(COMPANY, cvr=""),
        "cvr",
        "Det skal være 8 cifre",
        id="no CVR number",
    ),
    pytest.param(
        replace(COMPANY, standard_weekly_hours=0),
        "standard_weekly_hours",
        "Normal ugentlig arbejdstid skal være mere end 0",
        id="zero standard weekly hours",
    ),
]


@pytest.mark.parametrize(("company", "field", "message"), REFUSED_COMPANIES)
def test_a_refused_company_gets_a_danish_message_on_the_right_field(
    company: Company, field: str, message: str
) -> None:
    error = only_error(validate_company(company))
    assert error.field == field
    assert message in error.message


def test_a_company_with_a_cvr_as_printed_on_an_invoice_passes() -> None:
    assert validate_company(replace(COMPANY, cvr="DK 1015 0817")) == []


# --- ValidationError ---------------------------------------------------------------------------


def test_validation_error_carries_every_message_by_field() -> None:
    errors = validate_company(Company(name="", cvr="123"))
    with pytest.raises(ValidationError) as caught:
        raise_if_any(errors)
    assert caught.value.message_for("name") == "Skriv virksomhedens navn."
    assert "CVR-nummeret er ikke gyldigt" in (caught.value.message_for("cvr") or "")
    assert caught.value.message_for("address") is None
    assert "Skriv virksomhedens navn." in str(caught.value)


def test_no_errors_raise_nothing() -> None:
    raise_if_any([])
