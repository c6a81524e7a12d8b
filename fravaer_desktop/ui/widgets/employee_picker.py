"""An editable combo box for picking an employee by typing part of the name."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from fravaer_desktop.core.danish import short_date
from fravaer_desktop.core.models import Employee
from fravaer_desktop.core.names import distinct_names
from fravaer_desktop.ui.widgets.combo_width import keep_width_to_characters

#: How many matching names a message lists before it says "og N flere".
MATCHES_NAMED = 4


def picker_label(name: str, employee: Employee, today: date) -> str:
    """The name as listed: employees who have left or not started yet say so."""
    if employee.employed_to is not None and employee.employed_to < today:
        return f"{name} – fratrådt {short_date(employee.employed_to)}"
    if employee.employed_from > today:
        return f"{name} – starter {short_date(employee.employed_from)}"
    return name


class EmployeePicker(QComboBox):
    """Type a few letters of a name; the list narrows to matching employees.

    Everyone is in the list (an absence may be registered afterwards for someone who has left),
    today's staff first. Namesakes are told apart by department and start date; where a typed
    name fits both someone employed today and someone who is not, today's employee is meant.
    """

    def __init__(
        self, employees: Sequence[Employee], today: date, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        keep_width_to_characters(self)
        self._today = today
        names = distinct_names(employees)
        current = [e for e in employees if e.is_employed_on(today)]
        others = [e for e in employees if not e.is_employed_on(today)]
        self._employees = current + others
        self._labels = {e.id: picker_label(names[e.id], e, today) for e in self._employees}
        for employee in self._employees:
            self.addItem(self._labels[employee.id], employee.id)
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)
        self.lineEdit().setPlaceholderText("Skriv en del af navnet")
        self.setAccessibleName("Medarbejder")

    def selected(self) -> Employee | None:
        """The employee chosen in the list, or the one the typed text fits: a whole listed
        name, a whole name, or a part of one name; among several, the only one employed today."""
        text = self.currentText().strip()
        if not text:
            return None
        index = self.currentIndex()
        if index >= 0 and self.itemText(index).strip() == text:
            return self._by_id(self.itemData(index))
        lowered = text.lower()
        for fits in (
            lambda e: self._labels[e.id].lower() == lowered,
            lambda e: e.name.strip().lower() == lowered,
            lambda e: lowered in self._labels[e.id].lower(),
        ):
            found = [e for e in self._employees if fits(e)]
            if len(found) == 1:
                return found[0]
            if found:
                employed = [e for e in found if e.is_employed_on(self._today)]
                return employed[0] if len(employed) == 1 else None
        return None

    def problem(self) -> str:
        """Why no employee is selected, in Danish, with what to do (empty when one is)."""
        typed = self.currentText().strip()
        if self.selected() is not None:
            return ""
        if not typed:
            return "Vælg den medarbejder, fraværet gælder: skriv en del af navnet og vælg i listen."
        matches = [self._labels[e.id] for e in self._containing(typed.lower())]
        if not matches:
            return (
                f"Ingen medarbejder har »{typed}« i navnet. Ret stavningen, eller opret "
                "medarbejderen under Medarbejdere først."
            )
        shown = ", ".join(matches[:MATCHES_NAMED])
        if len(matches) > MATCHES_NAMED:
            shown += f" og {len(matches) - MATCHES_NAMED} flere"
        return (
            f"»{typed}« passer på {len(matches)} medarbejdere ({shown}). Skriv mere af navnet, "
            "eller vælg i listen."
        )

    def _containing(self, lowered: str) -> list[Employee]:
        return [e for e in self._employees if lowered in self._labels[e.id].lower()]

    def _by_id(self, employee_id: int) -> Employee | None:
        return next((e for e in self._employees if e.id == employee_id), None)

    def select(self, employee_id: int) -> None:
        index = self.findData(employee_id)
        if index >= 0:
            self.setCurrentIndex(index)
