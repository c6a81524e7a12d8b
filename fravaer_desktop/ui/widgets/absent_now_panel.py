"""The Overblik's side panel: who is absent today and the 120-day counters."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.overview import Overview
from fravaer_desktop.core.rule_120 import (
    arithmetic_text,
    headline_text,
    short_window_text,
    window_text,
)
from fravaer_desktop.ui.note_style import note_style

EMPLOYEE_ROLE = Qt.ItemDataRole.UserRole
WARNING_COLOUR = QColor("#b3261e")
RULE_120_NOTE = (
    "Egen sygdom med løn de seneste 12 måneder, hos medarbejdere med en skriftlig "
    "120-dagesaftale. Fridage tæller kun mellem to hele sygedage, og delvist fravær tæller de "
    "timer, medarbejderen er væk. Graviditetsrelateret fravær tælles ikke med. Fravær på grund "
    "af et handicap må heller ikke tælles med, men det kan programmet ikke skelne. Søg råd før en "
    "opsigelse."
)


class AbsentNowPanel(QWidget):
    """Two short lists; activating a line asks to show that employee (`employee_chosen`)."""

    employee_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.absent_list = QListWidget()
        self.absent_list.setAccessibleName("Fraværende nu")
        self.absent_list.setWordWrap(True)
        self.absent_list.setSpacing(2)
        self.rule_120_list = QListWidget()
        self.rule_120_list.setAccessibleName("120-dagesreglen")
        self.rule_120_list.setWordWrap(True)
        self.rule_120_heading = QLabel("<b>120-dagesreglen</b>")
        self.rule_120_note = QLabel(RULE_120_NOTE)
        self.rule_120_note.setWordWrap(True)
        self.rule_120_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.rule_120_note.setStyleSheet(note_style())
        # In a low window (200 % on a small screen) the note scrolls instead of being drawn
        # over the list above it; `fit_note` keeps the area no taller than its text.
        self.rule_120_note_area = QScrollArea()
        self.rule_120_note_area.setWidget(self.rule_120_note)
        self.rule_120_note_area.setWidgetResizable(True)
        self.rule_120_note_area.setFrameShape(QFrame.Shape.NoFrame)
        self.rule_120_note_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lines = self.fontMetrics().lineSpacing()
        self.rule_120_note_area.setMinimumHeight(2 * lines)
        for widget in (self.absent_list, self.rule_120_list):
            widget.itemActivated.connect(self._activated)
            widget.setMinimumHeight(3 * lines + 2 * widget.frameWidth())
        # The panel's height is shared by stretch, not by the widgets' size hints, so the note
        # gets room for its whole text (up to the cap from fit_note) before the lists grow.
        for widget in (self.absent_list, self.rule_120_list, self.rule_120_note_area):
            widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Fraværende nu</b>"))
        layout.addWidget(self.absent_list, 2)
        layout.addWidget(self.rule_120_heading)
        layout.addWidget(self.rule_120_list, 1)
        layout.addWidget(self.rule_120_note_area, 2)  # capped by fit_note; the rest: lists

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        # The panel's layout has placed the note's area by now (also when the page was hidden
        # while the window was resized, and the event arrives as it is shown).
        super().resizeEvent(event)
        self.fit_note()

    def fit_note(self) -> None:
        """Cap the note's area at the height its text needs at the panel's width. The area
        shares the panel's height with the lists (see the stretch factors): with room it shows
        the whole note, in a low window the note scrolls."""
        area = self.rule_120_note_area
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        needed = self.rule_120_note.heightForWidth(max(1, area.width() - scroll_bar))
        area.setMaximumHeight(max(area.minimumHeight(), needed))

    def show_overview(self, overview: Overview) -> None:
        self._fill_absent(overview)
        self._fill_rule_120(overview)

    def _fill_absent(self, overview: Overview) -> None:
        self.absent_list.clear()
        for absent in sorted(overview.absent_now, key=lambda a: a.employee_name):
            part = absent.spell
            since = overview.today - timedelta(days=absent.day_number - 1)
            text = f"{absent.employee_name}\ndag {absent.day_number}"
            if part.first_day == since:
                text += f"{' (delvist)' if part.is_partial else ''}, siden {long_date(since)}"
            else:  # e.g. a partial return after full absence: one absence, today's extent
                extent = "delvist" if part.is_partial else "fuldt"
                text += f", siden {long_date(since)}; {extent} fra {long_date(part.first_day)}"
            self._add(self.absent_list, text, absent.employee_id)
        if not overview.absent_now:
            self.absent_list.addItem("Ingen er fraværende i dag.")

    def _fill_rule_120(self, overview: Overview) -> None:
        self.rule_120_list.clear()
        names = overview.names
        for employee_id, status in sorted(
            overview.rule_120.items(), key=lambda pair: names.get(pair[0], "")
        ):
            name = names.get(employee_id, "")
            lines = [f"{name}: {headline_text(status)}", arithmetic_text(status)]
            text = "\n".join(line for line in (*lines, short_window_text(status)) if line)
            row = self._add(self.rule_120_list, text, employee_id)
            row.setToolTip("\n".join([window_text(status), *status.assumptions]).strip())
            if status.warning:
                row.setForeground(QBrush(WARNING_COLOUR))
        has_any = bool(overview.rule_120)
        for widget in (self.rule_120_heading, self.rule_120_list, self.rule_120_note_area):
            widget.setVisible(has_any)

    @staticmethod
    def _add(target: QListWidget, text: str, employee_id: int) -> QListWidgetItem:
        row = QListWidgetItem(text)
        row.setData(EMPLOYEE_ROLE, employee_id)
        target.addItem(row)
        return row

    def _activated(self, row: QListWidgetItem) -> None:
        employee_id = row.data(EMPLOYEE_ROLE)
        if employee_id is not None:  # not the "nobody is absent" line
            self.employee_chosen.emit(employee_id)
