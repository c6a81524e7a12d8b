"""An access request (indsigt): everything stored about one employee, as a PDF and as JSON.

Qt-free. The PDF is made from the records as the repositories read them
(`reports.access_report`); the JSON from every stored row about the employee, found from the
schema (`storage.employee_records`), so that it holds every stored field, also those no screen
shows, and a table added later without a change here.

The JSON's keys are the English names the file stores them under (table and column names, as
in `docs/schema_changes.md`), so that it can be checked against the file and read by another
program; dates and times are ISO 8601 text as stored, yes/no columns 1/0, a printed PDF is
given as base64. Only one thing is added: the company (the data controller), and a Danish line
saying what the file is.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from fravaer_desktop.core.guides import load_guides
from fravaer_desktop.services.conversations import company_of
from fravaer_desktop.storage.change_log import lines_for_employee
from fravaer_desktop.storage.employee_records import json_ready, one_reading, rows_about_employee
from fravaer_desktop.storage.repositories import Store

if TYPE_CHECKING:
    from fravaer_desktop.reports.access_report import AccessReportData

JSON_FORMAT = "fravaer-indsigt"
JSON_FORMAT_VERSION = 1
JSON_ABOUT = (
    "Alt, hvad virksomheden har gemt om medarbejderen i programmet Fravær (indsigt efter "
    "databeskyttelsesforordningens artikel 15). Nøglerne er navnene på tabeller og felter i "
    "virksomhedens fil; datoer er skrevet som ÅÅÅÅ-MM-DD, ja/nej som 1/0."
)


def access_report_data(store: Store, employee_id: int, today: date) -> AccessReportData:
    """Every record about the employee, read as of one moment (raises KeyError when the
    employee is gone, ValueError when the company's details are missing)."""
    from fravaer_desktop.reports.access_report import AccessReportData

    company = company_of(store)
    with one_reading(store.db):
        employee = store.employees.get(employee_id)
        conversations = tuple(store.conversations.for_employee(employee_id))
        return AccessReportData(
            company=company,
            employee=employee,
            printed_on=today,
            absences=tuple(store.absences.for_employee(employee_id)),
            conversations=conversations,
            minutes={c.id: tuple(store.conversations.minutes(c.id)) for c in conversations},
            document_requests=tuple(
                r for r in store.document_requests.all() if r.employee_id == employee_id
            ),
            retention_plans=tuple(store.retention_plans.for_employee(employee_id)),
            decisions=tuple(d for d in store.decisions.all() if d.employee_id == employee_id),
            guides=load_guides(),
            change_log=tuple(lines_for_employee(store.db, employee_id)),
        )


def access_report_pdf(store: Store, employee_id: int, today: date) -> bytes:
    """'Alt om medarbejderen' as PDF bytes."""
    from fravaer_desktop.reports.access_report import render_access_report

    return render_access_report(access_report_data(store, employee_id, today))


def access_request_data(store: Store, employee_id: int, today: date) -> dict[str, Any]:
    """The JSON's content: the company, and every stored row about the employee by table."""
    company = company_of(store)
    tables = rows_about_employee(store.db, employee_id)
    return {
        "format": JSON_FORMAT,
        "format_version": JSON_FORMAT_VERSION,
        "about": JSON_ABOUT,
        "printed_on": today.isoformat(),
        "company": {"name": company.name, "cvr": company.cvr, "address": company.address},
        "employee_id": employee_id,
        "tables": {
            table: [json_ready(table, row) for row in rows] for table, rows in tables.items()
        },
    }


def access_request_json(store: Store, employee_id: int, today: date) -> bytes:
    """The JSON file's bytes (UTF-8, indented, Danish letters as they are)."""
    data = access_request_data(store, employee_id, today)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def file_name(employee_name: str, today: date, suffix: str) -> str:
    """'Alt om Rasmus Schmidt 2026-11-23.pdf' (characters no file system allows are left out)."""
    safe = "".join(ch for ch in employee_name if ch not in '\\/:*?"<>|').strip()
    return f"Alt om {safe} {today.isoformat()}{suffix}"
