"""Add or edit an employee. There is deliberately no field for CPR number or health details."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from fravaer_desktop.core.models import Employee
from fravaer_desktop.core.validation import MAX_NAME_LENGTH
from fravaer_desktop.storage.repositories import EmployeeRepository
from fravaer_desktop.ui.dialogs.base import SaveDialog
from fravaer_desktop.ui.note_style import note_style
from fravaer_desktop.ui.widgets.date_field import DateField, OptionalDateField


class EmployeeDialog(SaveDialog):
    def __init__(
        self,
        repository: EmployeeRepository,
        today: date,
        employee: Employee | None = None,
        default_weekly_hours: float = 37.0,
        parent: QWidget | None = None,
    ):
        title = f"Rediger {employee.name}" if employee else "Ny medarbejder"
        super().__init__(title, parent=parent)
        self._repository = repository
        self._original = employee
        e = employee or Employee(name="", employed_from=today, weekly_hours=default_weekly_hours)
        # Typing stops at the limit; an older, longer text is shown whole and refused on save.
        self.name_edit = QLineEdit(e.name)
        self.name_edit.setMaxLength(max(MAX_NAME_LENGTH, len(e.name)))
        self.department_edit = QComboBox()
        self.department_edit.setEditable(True)
        self.department_edit.addItems(repository.departments())
        self.department_edit.setCurrentText(e.department)
        self.department_edit.lineEdit().setMaxLength(max(MAX_NAME_LENGTH, len(e.department)))
        self.job_edit = QLineEdit(e.job_title)
        self.job_edit.setMaxLength(max(MAX_NAME_LENGTH, len(e.job_title)))
        self.hours_edit = QDoubleSpinBox()
        self.hours_edit.setRange(0, 80)
        self.hours_edit.setDecimals(1)
        self.hours_edit.setSuffix(" timer")
        self.hours_edit.setValue(e.weekly_hours)
        self.days_edit = QSpinBox()
        self.days_edit.setRange(1, 7)
        self.days_edit.setSuffix(" dage")
        self.days_edit.setValue(e.working_days_per_week)
        self.days_edit.setToolTip(
            "Bruges til at omregne delvist sygefravær til dage i 120-dagesreglen."
        )
        self.start_edit = DateField(e.employed_from)
        self.end_edit = OptionalDateField("Ansat til og med:", e.employed_to, today)
        self.salaried = QCheckBox("Funktionær (funktionærloven gælder)")
        self.salaried.setChecked(e.salaried)
        self.clause_120 = QCheckBox("Skriftlig aftale om 120-dagesreglen")
        self.clause_120.setChecked(e.clause_120_days)
        self.fleksjob = QCheckBox("Ansat i fleksjob")
        self.fleksjob.setChecked(e.fleksjob)
        self.s56_from = OptionalDateField("§ 56-aftale fra", e.section_56_from, today)
        self.s56_to = DateField(e.section_56_to or today)
        self.s56_from.check.toggled.connect(self.s56_to.setEnabled)
        self.s56_to.setEnabled(e.section_56_from is not None)
        self._build_form()

    def _build_form(self) -> None:
        self.errors.add_row(self.form, "&Navn:", self.name_edit, "name")
        self.errors.add_row(self.form, "A&fdeling:", self.department_edit, "department")
        self.errors.add_row(self.form, "&Stilling:", self.job_edit, "job_title")
        self.errors.add_row(self.form, "&Arbejdstid pr. uge:", self.hours_edit, "weekly_hours")
        self.errors.add_row(
            self.form, "Arbejds&dage pr. uge:", self.days_edit, "working_days_per_week"
        )
        self.errors.add_row(self.form, "Ansat &fra:", self.start_edit, "employed_from")
        self.errors.add_row(self.form, "Fratrædelse:", self.end_edit, "employed_to")
        self.form.addRow("", self.salaried)
        self.form.addRow("", self.clause_120)
        self.form.addRow("", self.fleksjob)
        s56 = QWidget()
        row = QHBoxLayout(s56)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.s56_from, 2)
        row.addWidget(QLabel("til"))
        row.addWidget(self.s56_to, 1)
        self.errors.add_row(self.form, "§ 56:", s56, "section_56_to")
        hint = QLabel("Der registreres aldrig CPR-nummer eller diagnoser.")
        hint.setWordWrap(True)
        hint.setStyleSheet(note_style())
        self.form.addRow("", hint)

    def employee(self) -> Employee:
        s56_from = self.s56_from.value()
        return Employee(
            id=self._original.id if self._original else None,
            name=self.name_edit.text().strip(),
            department=self.department_edit.currentText().strip(),
            job_title=self.job_edit.text().strip(),
            weekly_hours=self.hours_edit.value(),
            working_days_per_week=self.days_edit.value(),
            employed_from=self.start_edit.date_value(),
            employed_to=self.end_edit.value(),
            salaried=self.salaried.isChecked(),
            clause_120_days=self.clause_120.isChecked(),
            fleksjob=self.fleksjob.isChecked(),
            section_56_from=s56_from,
            section_56_to=self.s56_to.date_value() if s56_from else None,
        )

    def save(self) -> Employee:
        employee = self.employee()
        if self._original is None:
            return self._repository.add(employee)
        if employee == self._original:
            return employee
        return self._repository.update(employee, expected=self._original)
