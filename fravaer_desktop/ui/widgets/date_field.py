"""Date inputs with Danish format (dd-mm-åååå), a calendar pop-up, and an optional variant."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

DISPLAY_FORMAT = "dd-MM-yyyy"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class DateField(QDateEdit):
    """A QDateEdit that speaks `datetime.date` and shows Danish dates."""

    def __init__(self, value: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setCalendarPopup(True)
        self.setMinimumDate(QDate(1950, 1, 1))
        self.setMaximumDate(QDate(2100, 12, 31))
        self.set_date(value)

    def date_value(self) -> date:
        return from_qdate(self.date())

    def set_date(self, value: date) -> None:
        self.setDate(to_qdate(value))


class OptionalDateField(QWidget):
    """A check box ("Slutdato", "Fratrådt" ...) that switches a date on or off."""

    changed = Signal()

    def __init__(self, label: str, value: date | None, default: date, parent=None):
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.field = DateField(value or default)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.field, 1)
        self.check.toggled.connect(self.field.setEnabled)
        self.check.toggled.connect(self.changed)
        self.field.dateChanged.connect(self.changed)
        self.check.setChecked(value is not None)
        self.field.setEnabled(value is not None)
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        return self.field.date_value() if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.field.set_date(value)
