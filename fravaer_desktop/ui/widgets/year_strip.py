"""A year at a glance: twelve rows of days, full and partial absence in different colours."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from fravaer_desktop.core.absence import DayStatus
from fravaer_desktop.core.calendar import danish_holidays
from fravaer_desktop.core.danish import MONTHS_SHORT, weekday_date

FULL_COLOUR = QColor("#c0392b")
PARTIAL_COLOUR = QColor("#f0a35e")
OFF_DAY_COLOUR = QColor("#e4e4e4")
WORK_DAY_COLOUR = QColor("#ffffff")
GRID_COLOUR = QColor("#c8c8c8")
#: The narrowest a day's column gets (in a small window); its height stays one line of text.
MINIMUM_DAY_WIDTH = 8
STATUS_TEXT = {
    DayStatus.FULL: "fuldt fravær",
    DayStatus.PARTIAL: "delvist fravær",
    DayStatus.PRESENT: "intet fravær",
}


class YearStrip(QWidget):
    """Paints one calendar year; hover a day to see its date and status."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._year = date.today().year
        self._today = date.today()
        self._statuses: dict[date, DayStatus] = {}
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Fraværskalender for året")

    def set_year(self, year: int, statuses: dict[date, DayStatus], today: date) -> None:
        self._year, self._statuses, self._today = year, statuses, today
        self.setMinimumHeight(self._cell() * 13 + 4)
        self.update()

    def status_on(self, day: date) -> DayStatus:
        return self._statuses.get(day, DayStatus.PRESENT)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        cell = self._cell()
        return QSize(self._label_width() + cell * 31 + 4, cell * 13 + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Narrow day columns, so that the 31st still shows in a small window."""
        return QSize(self._label_width() + MINIMUM_DAY_WIDTH * 31 + 4, self._cell() * 13 + 4)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        # The sizes once per paint, not per day (each asks the font metrics).
        cell, label_width, width = self._cell(), self._label_width(), self._cell_width()
        holidays = danish_holidays(self._year)
        text_colour = self.palette().windowText().color()
        align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for month in range(1, 13):
            y = (month - 1) * cell
            painter.setPen(text_colour)
            painter.drawText(QRect(0, y, label_width - 4, cell), align, MONTHS_SHORT[month - 1])
            for day_no in range(1, 32):
                try:
                    day = date(self._year, month, day_no)
                except ValueError:
                    break
                rect = QRect(label_width + (day_no - 1) * width, y, width, cell)
                self._paint_day(painter, rect, day, holidays)
        self._paint_day_numbers(painter, cell)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        day = self._day_at(event.position().toPoint())
        if day is None:
            QToolTip.hideText()
            return
        text = f"{weekday_date(day)}: {STATUS_TEXT[self.status_on(day)]}"
        QToolTip.showText(event.globalPosition().toPoint(), text, self)

    def _paint_day(self, painter: QPainter, rect: QRect, day: date, holidays: dict) -> None:
        off = day.weekday() >= 5 or day in holidays
        painter.fillRect(rect, OFF_DAY_COLOUR if off else WORK_DAY_COLOUR)
        status = self.status_on(day)
        if status is DayStatus.FULL:
            painter.fillRect(rect.adjusted(1, 1, 0, 0), FULL_COLOUR)
        elif status is DayStatus.PARTIAL:
            painter.fillRect(rect.adjusted(1, 1, 0, 0), PARTIAL_COLOUR)
            painter.fillRect(
                rect.adjusted(1, 1, 0, 0), QBrush(FULL_COLOUR, Qt.BrushStyle.BDiagPattern)
            )
        painter.setPen(QPen(GRID_COLOUR))
        painter.drawRect(rect)
        if day == self._today:
            painter.setPen(QPen(self.palette().windowText().color(), 2))
            painter.drawRect(rect.adjusted(1, 1, -1, -1))

    def _paint_day_numbers(self, painter: QPainter, cell: int) -> None:
        painter.setPen(self.palette().placeholderText().color())
        font = painter.font()
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.75))
        painter.setFont(font)
        for day_no in (1, 5, 10, 15, 20, 25, 31):
            # Wider than a narrow day column, centred on it, so "25" is never cut.
            rect = self._cell_rect(1, day_no).translated(0, 12 * cell).adjusted(-cell, 0, cell, 0)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), str(day_no))

    def _cell(self) -> int:
        return max(14, self.fontMetrics().height() + 2)

    def _label_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("sep") + 10

    def _cell_width(self) -> int:
        available = self.width() - self._label_width() - 2
        return max(MINIMUM_DAY_WIDTH, available // 31)

    def _cell_rect(self, month: int, day_no: int) -> QRect:
        width = self._cell_width()
        x = self._label_width() + (day_no - 1) * width
        return QRect(x, (month - 1) * self._cell(), width, self._cell())

    def _day_at(self, point: QPoint) -> date | None:
        month = point.y() // self._cell() + 1
        day_no = (point.x() - self._label_width()) // self._cell_width() + 1
        if not (1 <= month <= 12 and 1 <= day_no <= 31) or point.x() < self._label_width():
            return None
        try:
            return date(self._year, month, day_no)
        except ValueError:
            return None
