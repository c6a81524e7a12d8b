"""Date inputs: the date is typed as Danes write it (dd-mm-åååå) or picked in a calendar.

Qt's own QDateEdit edits a date section by section; typing "30-12-2026" the way the field shows
it let the typed "-" jump a section, and the field stored another date than the one typed (or
quietly changed 31-02 to 28-02). Here the typed text is the truth: it is read by
`core.danish.read_date`, and text that is not a date is never turned into one; the dialog shows
the reason next to the field and stores nothing (`input_error`, `SaveDialog`).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QPoint, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from fravaer_desktop.core.danish import (
    DATE_EXAMPLE,
    MAX_YEAR,
    MIN_YEAR,
    DateTextError,
    read_date,
    short_date,
)

PLACEHOLDER = "dd-mm-åååå"
CALENDAR_TIP = "Vælg i kalenderen (Alt+pil ned)"
INVALID_STYLE = "QLineEdit { border: 2px solid #b3261e; }"


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    return date(qdate.year(), qdate.month(), qdate.day())


class DateField(QWidget):
    """A typed Danish date with a calendar pop-up, speaking `datetime.date`.

    `date_value()` is the last date the text could be read as; `input_error()` says what is wrong
    with the text when it cannot be read. Up and Down change the date by one day.
    """

    dateChanged = Signal(object)  # noqa: N815 (Qt naming) the new `date`, typed or picked

    def __init__(self, value: date, parent: QWidget | None = None):
        super().__init__(parent)
        self._value = value
        self.edit = QLineEdit(short_date(value))
        self.edit.setPlaceholderText(PLACEHOLDER)
        self.edit.setMaxLength(20)
        self.edit.setToolTip(f"Skriv datoen som dag-måned-år, fx {DATE_EXAMPLE}.")
        # Room for a whole date in any layout (a squeezed field showed "026").
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("00-00-00000") + 16)
        self.calendar_button = QToolButton()
        self.calendar_button.setArrowType(Qt.ArrowType.DownArrow)
        self.calendar_button.setToolTip(CALENDAR_TIP)
        self.calendar_button.setAccessibleName("Vælg dato i kalenderen")
        self.calendar_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.calendar_popup = None  # the open calendar's menu, while it is open
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.calendar_button)
        self.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._tidy)
        self.edit.installEventFilter(self)

    # --- value ------------------------------------------------------------------------------

    def date_value(self) -> date:
        return self._value

    def text(self) -> str:
        return self.edit.text()

    def input_error(self) -> str | None:
        """Why the typed text is not a date (Danish), or None when it is one."""
        try:
            read_date(self.edit.text(), self._value)
        except DateTextError as error:
            return str(error)
        return None

    def set_date(self, value: date) -> None:
        self.edit.setText(short_date(value))
        self._show_valid(True)
        self._store(value)

    def select_all(self) -> None:
        """Select the text, so that what is typed next replaces it."""
        self.edit.selectAll()

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt API)
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    # --- typing -----------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        try:
            value = read_date(text, self._value)
        except DateTextError:
            return  # half typed, or not a date: the value stays until the text is one
        self._show_valid(True)
        self._store(value)

    def _tidy(self) -> None:
        """When the field is left: write a readable date the program's way, or mark it red."""
        error = self.input_error()
        self._show_valid(error is None)
        if error is None and self.edit.text() != short_date(self._value):
            self.edit.setText(short_date(self._value))

    def _show_valid(self, valid: bool) -> None:
        self.edit.setStyleSheet("" if valid else INVALID_STYLE)
        self.edit.setToolTip(
            f"Skriv datoen som dag-måned-år, fx {DATE_EXAMPLE}."
            if valid
            else self.input_error() or ""
        )

    def _store(self, value: date) -> None:
        if value != self._value:
            self._value = value
            self.dateChanged.emit(value)

    def _step(self, days: int) -> None:
        value = self._value + timedelta(days=days)
        if MIN_YEAR <= value.year <= MAX_YEAR:
            self.set_date(value)
            self.edit.selectAll()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            key, modifiers = event.key(), event.modifiers()
            opens_calendar = key == Qt.Key.Key_F4 or (
                key == Qt.Key.Key_Down and modifiers & Qt.KeyboardModifier.AltModifier
            )
            if opens_calendar:
                self.open_calendar()
                return True
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.input_error() is None:
                self._step(1 if key == Qt.Key.Key_Up else -1)
                return True
        return super().eventFilter(watched, event)

    # --- calendar ---------------------------------------------------------------------------

    def open_calendar(self) -> None:
        """Show a month calendar under the field; a click (or Enter) picks the day."""
        from PySide6.QtCore import QLocale
        from PySide6.QtWidgets import QCalendarWidget, QMenu, QWidgetAction

        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setLocale(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar.setGridVisible(True)
        calendar.setDateRange(QDate(MIN_YEAR, 1, 1), QDate(MAX_YEAR, 12, 31))
        calendar.setSelectedDate(to_qdate(self._value))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def picked(day: QDate) -> None:
            self.set_date(from_qdate(day))
            menu.close()

        calendar.clicked.connect(picked)
        calendar.activated.connect(picked)
        menu.aboutToHide.connect(self._calendar_closed)
        self.calendar_popup = menu
        menu.popup(self.mapToGlobal(QPoint(0, self.height())))
        calendar.setFocus()

    def _calendar_closed(self) -> None:
        self.calendar_popup = None
        self.edit.setFocus()


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
        self.check.toggled.connect(lambda _: self.changed.emit())
        self.field.dateChanged.connect(lambda _: self.changed.emit())
        self.check.setChecked(value is not None)
        self.field.setEnabled(value is not None)
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        return self.field.date_value() if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.field.set_date(value)
