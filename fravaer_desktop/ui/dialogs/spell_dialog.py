"""Sygemelding (a new absence) and editing of an existing absence spell."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, Employee
from fravaer_desktop.core.privacy import HEALTH_NOTE_REMINDER, HealthTextCheck
from fravaer_desktop.core.rules import is_fit_by_law, latest
from fravaer_desktop.core.validation import MAX_NOTE_LENGTH, FieldError, ValidationError
from fravaer_desktop.storage.repositories import AbsenceRepository
from fravaer_desktop.ui.dialogs.base import SaveDialog, ask_yes_no
from fravaer_desktop.ui.widgets.date_field import DateField, OptionalDateField
from fravaer_desktop.ui.widgets.employee_picker import EmployeePicker
from fravaer_desktop.ui.widgets.form_errors import ERROR_STYLE


class SpellDialog(SaveDialog):
    """One form for both: a new spell needs only who and the first day; the rest has defaults."""

    def __init__(
        self,
        repository: AbsenceRepository,
        employees: Sequence[Employee],
        health_check: HealthTextCheck,
        today: date,
        spell: AbsenceSpell | None = None,
        employee_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__("Rediger fravær" if spell else "Sygemelding", parent=parent)
        self._repository = repository
        self._health_check = health_check
        self._original = spell
        s = spell or AbsenceSpell(employee_id=employee_id or 0, first_day=today)
        self.employee_picker = EmployeePicker(employees, today)
        if spell or employee_id:
            self.employee_picker.select(s.employee_id)
        self.first_day = DateField(s.first_day)
        self.kind = QComboBox()
        for kind in AbsenceKind:
            self.kind.addItem(kind.title, kind)
        self.kind.setCurrentIndex(self.kind.findData(s.kind))
        self.last_day = OptionalDateField("Raskmeldt, sidste fraværsdag:", s.last_day, today)
        self.expected_return = OptionalDateField(
            "Forventet første arbejdsdag:", s.expected_return, today
        )
        self.note = QLineEdit(s.note)
        self.note.setMaxLength(MAX_NOTE_LENGTH)
        self.note.setPlaceholderText("Kun praktiske aftaler")
        self.health_warning = QLabel()
        self.health_warning.setWordWrap(True)
        self.health_warning.setStyleSheet(ERROR_STYLE)
        self.health_warning.hide()
        self.note.textChanged.connect(self._check_note)
        self._build_form(s)
        self.employee_picker.setFocus()

    def _build_form(self, s: AbsenceSpell) -> None:
        self.errors.add_row(self.form, "&Medarbejder:", self.employee_picker, "employee_id")
        self.errors.add_row(self.form, "&Første fraværsdag:", self.first_day, "first_day")
        self.errors.add_row(self.form, "&Type:", self.kind, "kind")
        self.errors.add_row(self.form, "&Omfang:", self._extent_row(s), "partial_hours_per_week")
        self.errors.add_row(self.form, "Slut:", self.last_day, "last_day")
        self.errors.add_row(self.form, "Tilbage:", self.expected_return, "expected_return")
        note_box = QWidget()
        box = QVBoxLayout(note_box)
        box.setContentsMargins(0, 0, 0, 0)
        reminder = QLabel(HEALTH_NOTE_REMINDER)
        reminder.setWordWrap(True)
        reminder.setObjectName("noteReminder")
        box.addWidget(self.note)
        box.addWidget(reminder)
        box.addWidget(self.health_warning)
        self.errors.add_row(self.form, "&Note:", note_box, "note")
        self.set_minimum_width_in_characters(75)

    def _extent_row(self, s: AbsenceSpell) -> QWidget:
        """Full or partial absence, with a note when the hours are too few to count by law."""
        extent = QWidget()
        column = QVBoxLayout(extent)
        column.setContentsMargins(0, 0, 0, 0)
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.full = QRadioButton("Fuldt fravær")
        self.partial = QRadioButton("Delvist:")
        group = QButtonGroup(row)
        group.addButton(self.full)
        group.addButton(self.partial)
        self.partial_hours = QDoubleSpinBox()
        self.partial_hours.setRange(0, 80)
        self.partial_hours.setDecimals(1)
        self.partial_hours.setSuffix(" timer fravær pr. uge")
        self.partial_hours.setValue(s.partial_hours_per_week or 0)
        self.full.setChecked(not s.is_partial)
        self.partial.setChecked(s.is_partial)
        self.partial_hours.setEnabled(s.is_partial)
        self.partial.toggled.connect(self.partial_hours.setEnabled)
        layout.addWidget(self.full)
        layout.addWidget(self.partial)
        layout.addWidget(self.partial_hours, 1)
        self.fit_note = QLabel()
        self.fit_note.setObjectName("fitNote")
        self.fit_note.setWordWrap(True)
        self.fit_note.hide()
        column.addWidget(row)
        column.addWidget(self.fit_note)
        self._show_fit_note()
        for signal in (
            self.partial.toggled,
            self.partial_hours.valueChanged,
            self.kind.currentIndexChanged,
            self.first_day.dateChanged,
        ):
            signal.connect(self._show_fit_note)
        return extent

    def _show_fit_note(self, *_) -> None:
        """Under 4 hours away a week the employee counts as fit under the law: say so."""
        hours = self.partial_hours.value() if self.partial.isChecked() else None
        kind = AbsenceKind(self.kind.currentData())
        fit = is_fit_by_law(self.first_day.date_value(), kind, hours)
        if fit:
            limit = latest("delvis_fravaer").numbers["minimum_hours_per_week"]
            self.fit_note.setText(
                f"Under {limit} timers fravær om ugen regnes medarbejderen som rask efter "
                "sygedagpengeloven: der er ingen refusion, og lovens frister gælder ikke. "
                "Fraværet gemmes og tæller med i jeres egne fraværstal."
            )
        if fit == self.fit_note.isHidden():
            self.fit_note.setVisible(fit)
            self.grow_to_fit()

    def spell(self, employee_id: int) -> AbsenceSpell:
        return AbsenceSpell(
            id=self._original.id if self._original else None,
            employee_id=employee_id,
            kind=AbsenceKind(self.kind.currentData()),
            first_day=self.first_day.date_value(),
            last_day=self.last_day.value(),
            partial_hours_per_week=self.partial_hours.value() if self.partial.isChecked() else None,
            expected_return=self.expected_return.value(),
            note=self.note.text().strip(),
        )

    def confirm_before_save(self) -> bool:
        warning = self._health_check.warning_for(self.note.text())
        if warning is None:
            return True
        question = warning + "\n\nGem alligevel?"
        title = "Helbredsoplysninger i noten?"
        return ask_yes_no(self, title, question, "Gem alligevel", "Ret noten")

    def save(self) -> AbsenceSpell:
        employee = self.employee_picker.selected()
        if employee is None:
            raise ValidationError([FieldError("employee_id", self.employee_picker.problem())])
        spell = self.spell(employee.id)
        if self._original is None:
            return self._repository.add(spell)
        return self._repository.update(spell, expected=self._original)

    def _check_note(self, text: str) -> None:
        warning = self._health_check.warning_for(text)
        self.health_warning.setText(warning or "")
        self.health_warning.setVisible(warning is not None)
        self.grow_to_fit()
