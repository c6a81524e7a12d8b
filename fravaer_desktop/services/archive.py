"""Archive export: every printable document of the company written as PDF files into one folder.

This is the one module that combines storage (to read) and reports (to render).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from fravaer_desktop.core.absence import within_employment
from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.core.statistics import twelve_months_back
from fravaer_desktop.reports.absence_overview import (
    build_absence_overview_data,
    render_absence_overview,
)
from fravaer_desktop.reports.statistics_report import (
    build_statistics_report_data,
    render_statistics_report,
)
from fravaer_desktop.services.followup import absence_status_pdf, current_overview
from fravaer_desktop.storage.repositories import Store

OVERVIEW_FILE_PREFIX = "Fraværsoversigt"
STATISTICS_FILE_NAME = "Fraværsstatistik - Hele virksomheden - seneste 12 måneder.pdf"
MISSING_COMPANY_MESSAGE = (
    "Virksomhedens oplysninger er ikke udfyldt endnu. Udfyld navn og CVR-nummer, "
    "før du gemmer arkivet."
)
_UNSAFE_CHARACTERS = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]+')
_MAX_NAME_LENGTH = 80


def export_archive(store: Store, directory: Path, today: date) -> list[Path]:
    """Write every printable document of the company into `directory` (created if needed).

    One Fraværsoversigt per employee (from the employment start, or the first spell if earlier,
    to today or the employment end, always covering the last spell); one Status på sygefravær
    per absence that is still followed up on the overview; the company's statistics for
    the last 12 months (last); the conversation documents (services.conversations) and the
    retention plans (services.retention_plans), and the APVs with the blank checklist
    (services.apv). Existing
    files with the same names are replaced. Returns the written paths in order.
    """
    company = store.company.get()
    if company is None:
        raise ValueError(MISSING_COMPANY_MESSAGE)
    directory.mkdir(parents=True, exist_ok=True)
    employees = store.employees.list_all()
    names = file_names(employees)
    written = []
    for employee in employees:
        assert employee.id is not None, "stored employees have an id"
        spells = within_employment(employee, store.absences.for_employee(employee.id), today)
        start, end = overview_period(employee, spells, today)
        data = build_absence_overview_data(company, employee, spells, start, end, today)
        path = directory / names[employee.id]
        write_whole(path, render_absence_overview(data))
        written.append(path)
    written.extend(_export_status_documents(store, directory, employees, names))
    from fravaer_desktop.services.conversations import export_conversation_documents

    people = {
        i: name.removeprefix(f"{OVERVIEW_FILE_PREFIX} - ").removesuffix(".pdf")
        for i, name in names.items()
    }
    written.extend(export_conversation_documents(store, directory, people))
    from fravaer_desktop.services.retention_plans import export_plan_documents

    written.extend(export_plan_documents(store, directory, people))
    from fravaer_desktop.services.apv import export_apv_documents

    written.extend(export_apv_documents(store, directory))
    written.append(_export_statistics(store, directory, employees, today))
    return written


def _export_status_documents(
    store: Store, directory: Path, employees: Sequence[Employee], names: dict[int, str]
) -> list[Path]:
    """A Status på (syge)fravær for each absence that has tasks on today's overview."""
    overview = current_overview(store)
    spell_ids = sorted({i.spell_id for i in overview.items if i.spell_id is not None})
    by_id = {e.id: e for e in employees}
    written = []
    for spell_id in spell_ids:
        spell = store.absences.get(spell_id)
        person = names[by_id[spell.employee_id].id].removeprefix(f"{OVERVIEW_FILE_PREFIX} - ")
        path = directory / (
            f"{spell.kind.status_title} - {person.removesuffix('.pdf')} - "
            f"{spell.first_day.isoformat()}.pdf"
        )
        write_whole(path, absence_status_pdf(store, spell_id, overview))
        written.append(path)
    return written


def _export_statistics(
    store: Store, directory: Path, employees: Sequence[Employee], today: date
) -> Path:
    """The company's Fraværsstatistik for the last 12 months.

    All spells, as the Statistik page passes them: the goal table reaches back to the year of
    the first goal, and an absence begun before the 12 months still counts as one.
    """
    first = twelve_months_back(today)
    data = build_statistics_report_data(
        store.company.get(), employees, store.absences.all(), store.goals.all(),
        first, today, today,
    )  # fmt: skip
    path = directory / STATISTICS_FILE_NAME
    write_whole(path, render_statistics_report(data))
    return path


def write_whole(path: Path, content: bytes) -> None:
    """Write `content` to `path` whole or not at all: through a temporary name that is renamed,
    so a full drive never leaves a cut-off PDF (or half of an earlier one) under the name."""
    partial = path.with_name(path.name + ".delvis")
    try:
        partial.write_bytes(content)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def overview_period(
    employee: Employee, spells: Sequence[AbsenceSpell], today: date
) -> tuple[date, date]:
    """The period an archived Fraværsoversigt covers for `employee`."""
    start = min([employee.employed_from] + [s.first_day for s in spells])
    end = min(today, employee.employed_to) if employee.employed_to is not None else today
    spell_ends = [s.end_or(max(today, s.first_day)) for s in spells]
    end = max([end, start] + spell_ends)
    return start, end


def file_names(employees: Sequence[Employee]) -> dict[int, str]:
    """A file name per employee id, e.g. 'Fraværsoversigt - Anna Jensen.pdf'.

    Employees who share a name (ignoring case) get their id added: '... - Anna Jensen (7).pdf'.
    """
    safe = {e.id: safe_file_part(e.name) or f"Medarbejder {e.id}" for e in employees}
    counts = Counter(name.casefold() for name in safe.values())
    names = {}
    for employee_id, name in safe.items():
        assert employee_id is not None, "stored employees have an id"
        if counts[name.casefold()] > 1:
            name = f"{name} ({employee_id})"
        names[employee_id] = f"{OVERVIEW_FILE_PREFIX} - {name}.pdf"
    return names


def safe_file_part(text: str) -> str:
    """`text` usable in a file name on Windows, macOS and Linux; Danish letters are kept.

    Characters that are not allowed in file names become '_', runs of white space become one
    space, and leading or trailing dots and spaces are dropped.
    """
    text = unicodedata.normalize("NFC", text)
    text = _UNSAFE_CHARACTERS.sub("_", text)
    text = " ".join(text.split())
    return text[:_MAX_NAME_LENGTH].strip(" .")
