"""The employee list as a table model."""

from __future__ import annotations

from datetime import date

from fravaer_desktop.core.danish import number, short_date
from fravaer_desktop.core.models import Employee
from fravaer_desktop.ui.models.table_base import Column, RowTableModel


def _status(employee: Employee, today: date) -> str:
    if employee.employed_to is not None and employee.employed_to < today:
        return f"Fratrådt {short_date(employee.employed_to)}"
    if employee.employed_from > today:
        return f"Starter {short_date(employee.employed_from)}"
    if employee.employed_to is not None:
        return f"Fratræder {short_date(employee.employed_to)}"
    return "Ansat"


class EmployeeTableModel(RowTableModel[Employee]):
    """Name, department, job title, hours, start date and employment status."""

    def __init__(self, today: date, parent=None):
        self.today = today
        columns = [
            Column[Employee]("Navn", lambda e: e.name),
            Column[Employee]("Afdeling", lambda e: e.department),
            Column[Employee]("Stilling", lambda e: e.job_title),
            Column[Employee](
                "Timer/uge", lambda e: number(e.weekly_hours), lambda e: e.weekly_hours, True
            ),
            Column[Employee](
                "Ansat fra",
                lambda e: short_date(e.employed_from),
                lambda e: e.employed_from.isoformat(),
            ),
            Column[Employee]("Status", lambda e: _status(e, self.today)),
        ]
        super().__init__(columns, parent)

    def set_today(self, today: date) -> None:
        """A new day: who has left or started may change."""
        if today != self.today:
            self.today = today
            self.texts_changed()

    def replace_employee(self, employee: Employee) -> None:
        if not self.replace_where(lambda e: e.id == employee.id, employee):
            self.insert_row(employee, len(self.rows()))

    def remove_employee(self, employee_id: int) -> None:
        self.remove_where(lambda e: e.id == employee_id)
