"""Sæt mål: a target for the company's absence percentage and, if wished, for fleksjob staff."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QSpinBox, QWidget

from fravaer_desktop.core.models import Employee, Goal, GoalMetric
from fravaer_desktop.core.statistics import (
    PUBLISHED_AVERAGES,
    fixed_number,
    goal_in_force,
    percent_text,
    special_terms_count,
)
from fravaer_desktop.core.validation import FieldError, ValidationError
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.dialogs.base import SaveDialog
from fravaer_desktop.ui.widgets.date_field import DateField

_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%?\s*$")
MAX_SPECIAL_TERMS = 999


def parse_percent(text: str) -> float | None:
    """'3,5', '3.5', '3,5 %' -> 3.5; None when the text is not a number."""
    match = _NUMBER.match(text)
    return float(match.group(1).replace(",", ".")) if match else None


def intro_text() -> str:
    da = next(a for a in PUBLISHED_AVERAGES if a.is_percent)
    return (
        "Sæt et mål for virksomhedens sygefravær, fx 3,5 %. Målet gælder for hele virksomheden "
        "fra den valgte dato, indtil I sætter et nyt. Til sammenligning var sygefraværet "
        f"{percent_text(da.value)} i DA's medlemsvirksomheder i {da.year}."
    )


class GoalDialog(SaveDialog):
    """Stores the goals with store.goals.save; result_object is the list of saved goals."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__("Mål for sygefravær", save_text="Gem mål", parent=parent)
        self.store = store
        today = store.today()
        goals = store.goals.all()
        absence = goal_in_force(goals, GoalMetric.ABSENCE_PERCENT, today)
        special = goal_in_force(goals, GoalMetric.SPECIAL_TERMS_STAFF, today)
        intro = QLabel(intro_text())
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.target = QLineEdit(fixed_number(absence.target) if absence else "")
        self.target.setPlaceholderText("fx 3,5")
        self.target.setAccessibleName("Mål for fraværsprocent")
        self.errors.add_row(self.form, "&Mål for fraværsprocent (%):", self.target, "target")
        default_from = absence.valid_from if absence else date(today.year, 1, 1)
        self.valid_from = DateField(default_from)
        self.errors.add_row(self.form, "&Gælder fra:", self.valid_from, "valid_from")
        self.special_check = QCheckBox("Sæt også et mål for ansatte på særlige vilkår (fleksjob)")
        self.special_check.setChecked(special is not None)
        self.form.addRow(self.special_check)
        self.special_target = QSpinBox()
        self.special_target.setRange(0, MAX_SPECIAL_TERMS)
        self.special_target.setValue(int(special.target) if special else 1)
        self.special_target.setAccessibleName("Mindst antal ansatte i fleksjob")
        self.special_target.setEnabled(special is not None)
        self.special_check.toggled.connect(self.special_target.setEnabled)
        self.errors.add_row(
            self.form, "&Mindst antal i fleksjob:", self.special_target, "special_target"
        )
        count = special_terms_count(self._employees(), today)
        self.form.addRow("", QLabel(f"I dag er {count} ansat i fleksjob."))
        self.set_minimum_width_in_characters(70)

    def _employees(self) -> list[Employee]:
        return self.store.employees.list_all()

    def save(self) -> list[Goal]:
        percent = parse_percent(self.target.text())
        if percent is None:
            raise ValidationError(
                [FieldError("target", "Skriv målet som et tal i procent, fx 3,5.")]
            )
        valid_from = self.valid_from.date_value()
        saved = [self.store.goals.save(Goal(GoalMetric.ABSENCE_PERCENT, percent, valid_from))]
        if self.special_check.isChecked():
            goal = Goal(GoalMetric.SPECIAL_TERMS_STAFF, self.special_target.value(), valid_from)
            try:
                saved.append(self.store.goals.save(goal))
            except ValidationError as error:
                raise ValidationError(
                    [FieldError("special_target", e.message) for e in error.errors]
                ) from None
        return saved
