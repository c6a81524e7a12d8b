"""Printed documents from the user interface: choose a period, preview, print or save."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from fravaer_desktop.core.models import Employee
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.dialogs.period_dialog import PeriodDialog


def absence_overview_pdf(store: Store, employee: Employee, first, last) -> bytes:
    """Render the Fraværsoversigt for one employee and period (reportlab is loaded on first use)."""
    from fravaer_desktop.reports.absence_overview import (
        build_absence_overview_data,
        render_absence_overview,
    )

    company = store.company.get()
    spells = store.absences.for_employee(employee.id)
    data = build_absence_overview_data(company, employee, spells, first, last, store.today())
    return render_absence_overview(data)


def print_absence_overview(parent: QWidget, store: Store, employee: Employee | None) -> None:
    if employee is None:
        return
    today = store.today()
    period = PeriodDialog(
        f"Fraværsoversigt for {employee.name}", today, employee.employed_from, parent,
        employee.employed_to,
    )  # fmt: skip
    if not period.exec():
        return
    first, last = period.result_object
    pdf = absence_overview_pdf(store, employee, first, last)
    # Loaded on first use: pypdfium2 and QtPrintSupport cost ~25 ms of every start otherwise.
    from fravaer_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog

    preview = PdfPreviewDialog(
        pdf, f"Fraværsoversigt for {employee.name}", f"Fraværsoversigt {employee.name}.pdf", parent
    )
    preview.exec()
