"""Write a large company file (500 employees, about 60,000 absence spells over ten years).

Used to measure the program on a big file. The rows bypass per-row validation for speed but are
valid: every spell lies inside its employee's employment, spells never overlap, and none lies in
the future.

Run from a checkout: python benchmarks/generate_large_company.py OUT.sqlite [--employees N]
[--years N] [--seed N] [--today YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

if __name__ == "__main__":  # run as a script: make the package importable from the checkout
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fravaer_desktop.core.models import (  # noqa: E402
    AbsenceKind,
    AbsenceSpell,
    Company,
    Employee,
)
from fravaer_desktop.storage.database import open_database  # noqa: E402
from fravaer_desktop.storage.rows import (  # noqa: E402
    company_to_row,
    employee_to_row,
    spell_to_row,
)

SPELLS_PER_EMPLOYEE_YEAR = 12
ONGOING_SHARE = 0.03  # of current employees whose last spell is still running
PARTIAL_SHARE = 0.04  # of spells of a week or more
LEAVER_SHARE = 0.15

COMPANY = Company(
    name="Storbageriet Danmark A/S",
    cvr="42861758",  # fictional; passes the modulus-11 check
    address="Industrivej 40, 8600 Silkeborg",
)
DEPARTMENTS: dict[str, tuple[str, ...]] = {
    "Produktion": ("Bager", "Bagerlærling", "Konditor", "Produktionsmedarbejder"),
    "Pakkeri": ("Pakkerimedarbejder", "Holdleder"),
    "Lager": ("Lagermedarbejder", "Truckfører"),
    "Transport": ("Chauffør", "Disponent"),
    "Butikker": ("Ekspedient", "Butiksleder", "Barista"),
    "Administration": ("Bogholder", "Kontorassistent", "Lønkonsulent", "Indkøber"),
}
FIRST_NAMES = (
    "Anne Mette Hanne Kirsten Susanne Louise Camilla Sofie Ida Freja Maria Nanna Julie Sara "
    "Lars Jens Peter Michael Henrik Søren Thomas Jonas Rasmus Emil Mads Oliver Ahmad Kasper"
).split()
LAST_NAMES = (
    "Jensen Nielsen Hansen Pedersen Andersen Christensen Larsen Sørensen Rasmussen Jørgensen "
    "Petersen Madsen Kristensen Olsen Thomsen Poulsen Johansen Møller Mortensen Holm Dahl Friis"
).split()
WEEKLY_HOURS = (37.0, 37.0, 37.0, 37.0, 32.0, 30.0, 25.0, 20.0, 15.0)
KINDS = (
    AbsenceKind.OWN_SICKNESS,
    AbsenceKind.CHILD_SICK,
    AbsenceKind.PREGNANCY,
    AbsenceKind.WORK_INJURY,
    AbsenceKind.OTHER,
)
KIND_CUM_WEIGHTS = tuple(accumulate((82, 12, 2, 2, 2)))
LENGTHS = (1, 2, 3, 4, 5, 7, 10, 14, 21, 42)
LENGTH_CUM_WEIGHTS = tuple(accumulate((30, 25, 15, 8, 8, 5, 4, 2, 2, 1)))


def generate_large_company(
    path: Path, today: date, employees: int = 500, years: int = 10, seed: int = 1
) -> dict[str, int]:
    """Create a new company file at `path` and return the counts of what was written.

    Raises FileExistsError when `path` exists; the file is never overwritten.
    """
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} already exists; choose a new file name")
    rng = random.Random(seed)
    window_start = today - timedelta(days=round(years * 365.25))
    staff = [_employee(rng, i + 1, window_start, today) for i in range(employees)]
    spells = _all_spells(rng, staff, window_start, today, employees * years)
    # Stored in the order a real file grows: absence is registered as it happens, so the
    # rows (and their rowids) follow the calendar, not one employee after another.
    spells.sort(key=lambda s: (s.first_day, s.employee_id))
    db = open_database(path)
    try:
        with db.atomic():
            db["company"].insert(company_to_row(COMPANY))
            db["employees"].insert_all(_employee_rows(staff), batch_size=500)
            db["absence_spells"].insert_all((spell_to_row(s) for s in spells), batch_size=2000)
    finally:
        db.close()
    return {
        "employees": len(staff),
        "spells": len(spells),
        "ongoing_spells": sum(1 for s in spells if s.last_day is None),
        "partial_spells": sum(1 for s in spells if s.partial_hours_per_week is not None),
    }


def _employee_rows(staff: list[Employee]) -> list[dict[str, Any]]:
    return [{"id": e.id, **employee_to_row(e)} for e in staff]


def _employee(rng: random.Random, employee_id: int, window_start: date, today: date) -> Employee:
    """One employee: most were employed before the window began, some joined or left during it."""
    window_days = (today - window_start).days
    if rng.random() < 0.6:
        employed_from = window_start - timedelta(days=rng.randint(0, 3650))
    else:
        employed_from = window_start + timedelta(days=rng.randint(0, window_days - 90))
    employed_to = None
    if rng.random() < LEAVER_SHARE:
        remaining = (today - employed_from).days - 1
        employed_to = employed_from + timedelta(days=rng.randint(min(180, remaining), remaining))
    department = rng.choice(list(DEPARTMENTS))
    return Employee(
        id=employee_id,
        name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
        employed_from=employed_from,
        employed_to=employed_to,
        department=department,
        job_title=rng.choice(DEPARTMENTS[department]),
        weekly_hours=rng.choice(WEEKLY_HOURS),
        salaried=rng.random() < 0.8,
        clause_120_days=rng.random() < 0.2,
        fleksjob=rng.random() < 0.02,
    )


def _all_spells(
    rng: random.Random,
    staff: list[Employee],
    window_start: date,
    today: date,
    employee_years: int,
) -> list[AbsenceSpell]:
    """Share the target number of spells out over the staff in proportion to time employed."""
    windows = [_spell_window(e, window_start, today) for e in staff]
    total_days = sum(max(0, (last - first).days + 1) for first, last in windows)
    target = employee_years * SPELLS_PER_EMPLOYEE_YEAR
    spells: list[AbsenceSpell] = []
    for employee, (first, last) in zip(staff, windows, strict=True):
        days = (last - first).days + 1
        if days > 0:
            count = round(target * days / total_days)
            spells += _employee_spells(rng, employee, first, days, count, today)
    return spells


def _spell_window(employee: Employee, window_start: date, today: date) -> tuple[date, date]:
    first = max(employee.employed_from, window_start)
    last = min(employee.employed_to or today, today)
    return first, last


def _employee_spells(
    rng: random.Random, employee: Employee, first: date, days: int, count: int, today: date
) -> list[AbsenceSpell]:
    """Cut the window into `count` equal slots and put one spell in each.

    A spell ends at least one day before its slot does, so spells never overlap or touch.
    """
    count = min(count, days // 3)
    if count == 0:
        return []
    slot = days // count
    spells = []
    for index in range(count):
        slot_start = first + timedelta(days=index * slot)
        length = min(rng.choices(LENGTHS, cum_weights=LENGTH_CUM_WEIGHTS)[0], slot - 1)
        start = slot_start + timedelta(days=rng.randint(0, slot - 1 - length))
        spells.append(_spell(rng, employee, start, length))
    if employee.employed_to is None and rng.random() < ONGOING_SHARE:
        last = spells[-1]
        spells[-1] = AbsenceSpell(last.employee_id, last.first_day, kind=last.kind)
    assert all(s.last_day is None or s.last_day <= today for s in spells)
    return spells


def _spell(rng: random.Random, employee: Employee, start: date, length: int) -> AbsenceSpell:
    assert employee.id is not None
    kind = rng.choices(KINDS, cum_weights=KIND_CUM_WEIGHTS)[0]
    partial = None
    if length >= 7 and employee.weekly_hours > 1 and rng.random() < PARTIAL_SHARE:
        partial = round(employee.weekly_hours / 2, 1)
    return AbsenceSpell(
        employee.id,
        start,
        kind=kind,
        last_day=start + timedelta(days=length - 1),
        partial_hours_per_week=partial,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="the new company file (must not exist)")
    parser.add_argument("--employees", type=int, default=500)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    args = parser.parse_args(argv)
    started = time.perf_counter()
    counts = generate_large_company(args.path, args.today, args.employees, args.years, args.seed)
    seconds = time.perf_counter() - started
    for name, value in counts.items():
        print(f"{name}: {value}")
    size_mb = args.path.stat().st_size / 1_000_000
    print(f"file: {args.path} ({size_mb:.1f} MB)")
    print(f"seconds: {seconds:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
