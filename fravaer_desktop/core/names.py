"""Names a user can tell apart: two employees may share a name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from fravaer_desktop.core.danish import short_date
from fravaer_desktop.core.models import Employee


def distinct_names(employees: Iterable[Employee]) -> dict[int, str]:
    """Each employee's name by id; where two share a name (in any letter case), the department
    and the first day of employment are added: "Anna Jensen (Butik, ansat fra 01-03-2019)". Two
    whose name, department and start are the same too get their number in the file as well."""
    staff = [e for e in employees if e.id is not None]
    shared = Counter(e.name.strip().lower() for e in staff)
    names = {}
    for employee in staff:
        name = employee.name.strip()
        if shared[name.lower()] > 1:
            start = f"ansat fra {short_date(employee.employed_from)}"
            details = [d for d in (employee.department.strip(), start) if d]
            name = f"{name} ({', '.join(details)})"
        names[employee.id] = name
    still_shared = Counter(n.lower() for n in names.values())
    return {
        id_: f"{name} nr. {id_}" if still_shared[name.lower()] > 1 else name
        for id_, name in names.items()
    }
