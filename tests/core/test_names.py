"""Names the user can tell apart when two employees share one."""

from __future__ import annotations

from datetime import date

from fravaer_desktop.core.models import Employee
from fravaer_desktop.core.names import distinct_names


def employee(id_: int, name: str, department: str = "", start: date = date(2020, 1, 1)):
    return Employee(id=id_, name=name, employed_from=start, department=department)


def test_different_names_are_shown_as_they_are() -> None:
    staff = [employee(1, "Anna Jensen", "Butik"), employee(2, "Bo Nielsen", "Bageri")]
    assert distinct_names(staff) == {1: "Anna Jensen", 2: "Bo Nielsen"}


def test_namesakes_get_their_department_and_start_date_in_any_letter_case() -> None:
    staff = [
        employee(1, "Anna Jensen", "Butik", date(2019, 3, 1)),
        employee(2, "anna jensen", "", date(2024, 8, 1)),
        employee(3, "Bo Nielsen"),
    ]
    assert distinct_names(staff) == {
        1: "Anna Jensen (Butik, ansat fra 01-03-2019)",
        2: "anna jensen (ansat fra 01-08-2024)",
        3: "Bo Nielsen",
    }


def test_namesakes_alike_in_every_detail_get_their_number() -> None:
    staff = [employee(4, "Anna Jensen", "Butik"), employee(9, "Anna Jensen", "Butik")]
    names = distinct_names(staff)
    assert names == {
        4: "Anna Jensen (Butik, ansat fra 01-01-2020) nr. 4",
        9: "Anna Jensen (Butik, ansat fra 01-01-2020) nr. 9",
    }
