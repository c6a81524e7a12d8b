"""Choose the period of a printed overview, with the usual choices one click away."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QWidget

from fravaer_desktop.core.validation import FieldError, ValidationError
from fravaer_desktop.ui.dialogs.base import SaveDialog
from fravaer_desktop.ui.widgets.date_field import DateField


def preset_periods(
    today: date, employed_from: date, employed_to: date | None = None
) -> dict[str, tuple[date, date]]:
    """The usual periods; the whole employment ends on its last day (or today), and for someone
    who has not started yet it is their first day."""
    employment_end = min(today, employed_to) if employed_to is not None else today
    return {
        "Seneste 12 måneder": (today - timedelta(days=364), today),
        "I år": (date(today.year, 1, 1), today),
        "Sidste år": (date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)),
        "Seneste 3 år": (date(today.year - 3, today.month, 1), today),
        "Hele ansættelsen": (employed_from, max(employed_from, employment_end)),
    }


class PeriodDialog(SaveDialog):
    """Returns (first, last) as result_object."""

    def __init__(
        self,
        title: str,
        today: date,
        employed_from: date,
        parent: QWidget | None = None,
        employed_to: date | None = None,
    ):
        super().__init__(title, save_text="Vis udskrift", parent=parent)
        self._presets = preset_periods(today, employed_from, employed_to)
        self.preset = QComboBox()
        self.preset.addItems([*self._presets, "Vælg selv"])
        first, last = self._presets["Seneste 12 måneder"]
        self.first = DateField(first)
        self.last = DateField(last)
        self.errors.add_row(self.form, "&Periode:", self.preset, "preset")
        self.errors.add_row(self.form, "&Fra:", self.first, "first")
        self.errors.add_row(self.form, "&Til:", self.last, "last")
        self.preset.currentTextChanged.connect(self._preset_chosen)
        self.set_minimum_width_in_characters(60)  # the title holds the employee's name

    def _preset_chosen(self, text: str) -> None:
        if text in self._presets:
            first, last = self._presets[text]
            self.first.set_date(first)
            self.last.set_date(last)

    def save(self) -> tuple[date, date]:
        first, last = self.first.date_value(), self.last.date_value()
        if last < first:
            raise ValidationError([FieldError("last", "Slutdatoen ligger før startdatoen.")])
        return first, last
