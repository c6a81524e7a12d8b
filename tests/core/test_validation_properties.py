"""Property tests of the employee check: any input gives a list of Danish messages, never an
exception, and an employee it accepts has dates and hours the rest of the program can count with.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from fravaer_desktop.core.danish import MAX_YEAR, MIN_YEAR
from fravaer_desktop.core.models import Employee
from fravaer_desktop.core.validation import MAX_NAME_LENGTH, MAX_WEEKLY_HOURS, validate_employee

EMPLOYEE_FIELDS = {f.name for f in fields(Employee)}

#: Any text, any date Python has, any float (NaN and infinity too), any whole number; and
#: as often values a person would type, so that many employees are accepted too.
texts = st.text(max_size=120)
dates = st.dates() | st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31))
optional_dates = st.none() | dates
#: Most employees have no § 56 agreement.
mostly_none_dates = st.one_of(st.none(), st.none(), st.none(), dates)
hours = (
    st.floats(allow_nan=True, allow_infinity=True)
    | st.integers(-1000, 1000).map(float)
    | st.floats(min_value=0, max_value=MAX_WEEKLY_HOURS)
)

employees = st.builds(
    Employee,
    name=texts,
    employed_from=dates,
    department=texts,
    job_title=texts,
    weekly_hours=hours,
    employed_to=optional_dates,
    salaried=st.booleans(),
    clause_120_days=st.booleans(),
    fleksjob=st.booleans(),
    section_56_from=mostly_none_dates,
    section_56_to=mostly_none_dates,
    working_days_per_week=st.integers(-10, 20) | st.integers(1, 7),
)


def in_range(day: date | None) -> bool:
    return day is None or MIN_YEAR <= day.year <= MAX_YEAR


@given(employees)
def test_any_employee_gets_danish_messages_or_none(employee: Employee) -> None:
    errors = validate_employee(employee)
    for error in errors:
        assert error.field in EMPLOYEE_FIELDS
        assert error.message.strip() and error.message.endswith(".")
    if not errors:  # accepted: nothing the deadlines, counters or the screen cannot handle
        assert employee.name.strip()
        assert all(
            len(text.strip()) <= MAX_NAME_LENGTH
            for text in (employee.name, employee.department, employee.job_title)
        )
        assert 0 <= employee.weekly_hours <= MAX_WEEKLY_HOURS
        assert 1 <= employee.working_days_per_week <= 7
        days = (employee.employed_from, employee.employed_to)
        assert all(in_range(day) for day in days + (employee.section_56_from,))
        assert employee.employed_to is None or employee.employed_to >= employee.employed_from
