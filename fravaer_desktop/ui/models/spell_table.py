"""Absence spells as a table model (with the employee's name looked up)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from fravaer_desktop.core.danish import number, short_date
from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.ui.models.table_base import Column, RowTableModel


def extent_text(spell: AbsenceSpell) -> str:
    if spell.partial_hours_per_week is None:
        return "Fuldt"
    return f"Delvist ({number(spell.partial_hours_per_week)} t/uge)"


def calendar_days(spell: AbsenceSpell, today: date) -> int:
    return max(0, (spell.end_or(today) - spell.first_day).days + 1)


class SpellTableModel(RowTableModel[AbsenceSpell]):
    """Employee, kind, first and last day, extent and calendar days so far (up to `today`)."""

    def __init__(self, employee_name: Callable[[int], str], today: date, parent=None):
        self.today = today
        columns = [
            Column[AbsenceSpell]("Medarbejder", lambda s: employee_name(s.employee_id)),
            Column[AbsenceSpell]("Type", lambda s: s.kind.title),
            Column[AbsenceSpell](
                "Første dag", lambda s: short_date(s.first_day), lambda s: s.first_day.isoformat()
            ),
            Column[AbsenceSpell](
                "Sidste dag",
                lambda s: short_date(s.last_day) if s.last_day else "I gang",
                lambda s: s.last_day.isoformat() if s.last_day else "9999",
            ),
            Column[AbsenceSpell]("Omfang", extent_text),
            Column[AbsenceSpell](
                "Dage",
                lambda s: str(calendar_days(s, self.today)),
                lambda s: calendar_days(s, self.today),
                True,
            ),
        ]
        super().__init__(columns, parent)

    def set_today(self, today: date) -> None:
        """A new day (the program was left open overnight): the days so far change."""
        if today != self.today:
            self.today = today
            self.texts_changed()

    def replace_spell(self, spell: AbsenceSpell) -> None:
        if not self.replace_where(lambda s: s.id == spell.id, spell):
            self.insert_row(spell, 0)

    def remove_spell(self, spell_id: int) -> None:
        self.remove_where(lambda s: s.id == spell_id)
