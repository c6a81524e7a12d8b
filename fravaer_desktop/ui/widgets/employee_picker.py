"""An editable combo box for picking an employee by typing part of the name."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from fravaer_desktop.core.models import Employee

#: How many matching names a message lists before it says "og N flere".
MATCHES_NAMED = 4


class EmployeePicker(QComboBox):
    """Type a few letters of a name; the list narrows to matching employees."""

    def __init__(self, employees: Sequence[Employee], parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self._employees = list(employees)
        for employee in self._employees:
            self.addItem(employee.name, employee.id)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)
        self.lineEdit().setPlaceholderText("Skriv en del af navnet")
        self.setAccessibleName("Medarbejder")

    def selected(self) -> Employee | None:
        """The employee whose name matches the text exactly, or the only one that contains it."""
        text = self.currentText().strip().lower()
        if not text:
            return None
        exact = [e for e in self._employees if e.name.lower() == text]
        if exact:
            return exact[0]
        partial = self._containing(text)
        return partial[0] if len(partial) == 1 else None

    def problem(self) -> str:
        """Why no employee is selected, in Danish, with what to do (empty when one is)."""
        typed = self.currentText().strip()
        if self.selected() is not None:
            return ""
        if not typed:
            return "Vælg den medarbejder, fraværet gælder: skriv en del af navnet og vælg i listen."
        matches = [e.name for e in self._containing(typed.lower())]
        if not matches:
            return (
                f'Ingen medarbejder har "{typed}" i navnet. Ret stavningen, eller opret '
                "medarbejderen under Medarbejdere først."
            )
        shown = ", ".join(matches[:MATCHES_NAMED])
        if len(matches) > MATCHES_NAMED:
            shown += f" og {len(matches) - MATCHES_NAMED} flere"
        return (
            f'"{typed}" passer på {len(matches)} medarbejdere ({shown}). Skriv mere af navnet, '
            "eller vælg i listen."
        )

    def _containing(self, lowered: str) -> list[Employee]:
        return [e for e in self._employees if lowered in e.name.lower()]

    def select(self, employee_id: int) -> None:
        index = self.findData(employee_id)
        if index >= 0:
            self.setCurrentIndex(index)
