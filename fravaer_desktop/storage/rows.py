"""Conversion between table rows and domain dataclasses; the only place that knows column names."""

from __future__ import annotations

from datetime import date
from typing import Any

from fravaer_desktop.core.cvr import normalise_cvr
from fravaer_desktop.core.frozen import build_frozen
from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, Company, Employee


def to_iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def from_iso(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def company_from_row(row: dict[str, Any]) -> Company:
    return Company(
        name=row["name"],
        cvr=row["cvr"],
        address=row["address"] or "",
        logo=row["logo"],
        pays_salary_during_sickness=bool(row["pays_salary_during_sickness"]),
        standard_weekly_hours=float(row["standard_weekly_hours"]),
    )


def company_to_row(company: Company) -> dict[str, Any]:
    return {
        "id": 1,
        "name": company.name.strip(),
        "cvr": normalise_cvr(company.cvr),
        "address": company.address.strip(),
        "logo": company.logo,
        "pays_salary_during_sickness": int(company.pays_salary_during_sickness),
        "standard_weekly_hours": company.standard_weekly_hours,
    }


EMPLOYEE_COLUMNS = (
    "id, name, department, job_title, weekly_hours, employed_from, employed_to, salaried, "
    "clause_120_days, fleksjob, section_56_from, section_56_to, working_days_per_week"
)


def employee_from_row(row: dict[str, Any]) -> Employee:
    return build_frozen(  # every field: the same as Employee(...), faster for 500 at a start
        Employee,
        id=row["id"],
        name=row["name"],
        department=row["department"],
        job_title=row["job_title"],
        weekly_hours=float(row["weekly_hours"]),
        employed_from=date.fromisoformat(row["employed_from"]),
        employed_to=from_iso(row["employed_to"]),
        salaried=bool(row["salaried"]),
        clause_120_days=bool(row["clause_120_days"]),
        fleksjob=bool(row["fleksjob"]),
        section_56_from=from_iso(row["section_56_from"]),
        section_56_to=from_iso(row["section_56_to"]),
        working_days_per_week=int(row["working_days_per_week"]),
    )


def employee_to_row(employee: Employee) -> dict[str, Any]:
    return {
        "name": employee.name.strip(),
        "department": employee.department.strip(),
        "job_title": employee.job_title.strip(),
        "weekly_hours": employee.weekly_hours,
        "employed_from": employee.employed_from.isoformat(),
        "employed_to": to_iso(employee.employed_to),
        "salaried": int(employee.salaried),
        "clause_120_days": int(employee.clause_120_days),
        "fleksjob": int(employee.fleksjob),
        "section_56_from": to_iso(employee.section_56_from),
        "section_56_to": to_iso(employee.section_56_to),
        "working_days_per_week": employee.working_days_per_week,
    }


SPELL_COLUMNS = (
    "id, employee_id, kind, first_day, last_day, partial_hours_per_week, expected_return, note"
)


def spell_from_row(row: dict[str, Any]) -> AbsenceSpell:
    return AbsenceSpell(
        id=row["id"],
        employee_id=row["employee_id"],
        kind=AbsenceKind(row["kind"]),
        first_day=date.fromisoformat(row["first_day"]),
        last_day=from_iso(row["last_day"]),
        partial_hours_per_week=row["partial_hours_per_week"],
        expected_return=from_iso(row["expected_return"]),
        note=row["note"],
    )


_KINDS = {kind.value: kind for kind in AbsenceKind}


def spell_from_tuple(row: tuple) -> AbsenceSpell:
    """A spell from a row tuple in SPELL_COLUMNS order: the same spell as `spell_from_row`,
    built for speed (a start-up reads thousands), with no dict per row and `build_frozen`."""
    spell_id, employee_id, kind, first_day, last_day, partial, expected_return, note = row
    return build_frozen(
        AbsenceSpell,
        employee_id=employee_id,
        first_day=_from_iso(first_day),
        kind=_KINDS[kind],
        last_day=_from_iso(last_day) if last_day else None,
        partial_hours_per_week=partial,
        expected_return=_from_iso(expected_return) if expected_return else None,
        note=note,
        id=spell_id,
    )


_from_iso = date.fromisoformat


def spell_to_row(spell: AbsenceSpell) -> dict[str, Any]:
    return {
        "employee_id": spell.employee_id,
        "kind": spell.kind.value,
        "first_day": spell.first_day.isoformat(),
        "last_day": to_iso(spell.last_day),
        "partial_hours_per_week": spell.partial_hours_per_week,
        "expected_return": to_iso(spell.expected_return),
        "note": spell.note.strip(),
    }
