"""Raskmelding: set the last absence day of an ongoing spell."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from fravaer_desktop.core.danish import short_date, weekday_date
from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.core.validation import FieldError, ValidationError
from fravaer_desktop.storage.repositories import AbsenceRepository
from fravaer_desktop.ui.dialogs.base import SaveDialog
from fravaer_desktop.ui.widgets.combo_width import keep_width_to_characters
from fravaer_desktop.ui.widgets.date_field import DateField


def default_last_day(spell: AbsenceSpell, today: date, employed_to: date | None = None) -> date:
    """Yesterday, when the employee is back today, or the last day of an employment that has
    ended; never before the first absence day."""
    last = today - timedelta(days=1)
    if employed_to is not None and employed_to < last:
        last = employed_to
    return max(spell.first_day, last)


class ReturnDialog(SaveDialog):
    def __init__(
        self,
        repository: AbsenceRepository,
        ongoing: Sequence[AbsenceSpell],
        employee_name: Callable[[int], str],
        today: date,
        spell_id: int | None = None,
        parent: QWidget | None = None,
        employed_to: Callable[[int], date | None] = lambda _: None,
    ):
        super().__init__("Raskmelding", save_text="Raskmeld", parent=parent)
        self._repository = repository
        self._today = today
        self._employed_to = employed_to
        self.spell_choice = QComboBox()
        keep_width_to_characters(self.spell_choice, 44)  # name, dates and extent
        for spell in ongoing:
            since = short_date(spell.first_day)
            text = f"{employee_name(spell.employee_id)} – fraværende siden {since}"
            self.spell_choice.addItem(text, spell)
        if spell_id is not None:
            index = next((i for i, s in enumerate(ongoing) if s.id == spell_id), 0)
            self.spell_choice.setCurrentIndex(index)
        self.last_day = DateField(today)
        self.back_on = QLabel()
        self.errors.add_row(self.form, "&Hvem:", self.spell_choice, "spell")
        self.errors.add_row(self.form, "&Sidste fraværsdag:", self.last_day, "last_day")
        self.form.addRow("Tilbage på arbejde:", self.back_on)
        self.spell_choice.currentIndexChanged.connect(self._spell_changed)
        self.last_day.dateChanged.connect(self._update_back_on)
        self._spell_changed()
        self.last_day.setFocus()
        self.last_day.select_all()

    def selected_spell(self) -> AbsenceSpell | None:
        return self.spell_choice.currentData()

    def save(self) -> AbsenceSpell:
        spell = self.selected_spell()
        if spell is None:
            raise ValidationError(
                [FieldError("spell", "Der er intet igangværende fravær at raskmelde.")]
            )
        return self._repository.register_return(
            spell.id, self.last_day.date_value(), expected=spell
        )

    def _spell_changed(self) -> None:
        spell = self.selected_spell()
        if spell is not None:
            end = self._employed_to(spell.employee_id)
            self.last_day.set_date(default_last_day(spell, self._today, end))
        self._update_back_on()

    def _update_back_on(self) -> None:
        self.back_on.setText(weekday_date(self.last_day.date_value() + timedelta(days=1)))
