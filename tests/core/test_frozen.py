"""build_frozen gives the same frozen instance as the dataclass's own constructor."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, fields, replace
from datetime import date

import pytest

from fravaer_desktop.core.deadlines import Deadline, deadlines_for
from fravaer_desktop.core.frozen import build_frozen


def test_a_deadline_built_fast_equals_one_built_by_its_constructor() -> None:
    values = {
        "rule": "samtale", "due": date(2026, 3, 2), "title": "Sygefraværssamtale",
        "source": "Sygedagpengeloven § 7 a", "explanation": "Indkald til samtale.",
        "is_option": False, "is_milestone": False,
    }  # fmt: skip
    fast, plain = build_frozen(Deadline, **values), Deadline(**values)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert replace(fast, due=None) == replace(plain, due=None)
    with pytest.raises(FrozenInstanceError):
        fast.due = None  # type: ignore[misc]


def test_every_deadline_from_the_rules_has_all_its_fields() -> None:
    names = {f.name for f in fields(Deadline)}
    found = deadlines_for(date(2026, 1, 5), kind="sygdom")
    assert found and all(set(vars(d)) == names for d in found)


def test_an_employee_read_from_the_file_has_all_its_fields_and_equals_the_saved_one(
    company_store,
) -> None:
    from dataclasses import replace as copy_with

    from fravaer_desktop.core.models import Employee

    names = {f.name for f in fields(Employee)}
    for employee in company_store.employees.list_all():
        assert set(vars(employee)) == names
        rebuilt = Employee(**vars(employee))
        assert employee == rebuilt and hash(employee) == hash(rebuilt)
        assert copy_with(employee, name="X").name == "X"
