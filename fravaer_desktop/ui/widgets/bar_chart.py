"""Paints a `core.charts.BarChart` with QPainter: the same chart definition the PDF draws."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLineF, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from fravaer_desktop.core.charts import (
    BAR_COLOUR,
    COMPARISON_COLOUR,
    GRID_COLOUR,
    TARGET_COLOUR,
    BarChart,
    spread_labels,
)

BAR_SHARE = 0.7  # of each category's width


class BarChartWidget(QWidget):
    """A bar chart; hover a bar for its month and value. Sizes follow the font, so it reads the
    same at 100 % and 200 % scaling."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._chart: BarChart | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(self._line() * 18)
        self.setMinimumWidth(self._line() * 20)
        self.setAccessibleName("Diagram")

    @property
    def chart(self) -> BarChart | None:
        return self._chart

    def set_chart(self, chart: BarChart | None) -> None:
        self._chart = chart
        if chart is not None:
            self.setAccessibleName(chart.title)
            self.setAccessibleDescription(chart.summary())
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._line() * 40, self._line() * 18)

    def bar_rect(self, index: int) -> QRectF:
        """Where bar `index` is drawn (its full column height, for hit testing)."""
        plot = self._plot_rect()
        slot = plot.width() / max(1, len(self._chart.values) if self._chart else 1)
        width = slot * BAR_SHARE
        return QRectF(
            plot.left() + slot * index + (slot - width) / 2, plot.top(), width, plot.height()
        )

    def bar_at(self, point: QPoint) -> int | None:
        if self._chart is None:
            return None
        for index in range(len(self._chart.values)):
            if self.bar_rect(index).contains(point.toPointF()):
                return index
        return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and self._chart is not None:
            index = self.bar_at(event.pos())
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self._chart.bar_text(index), self)
            return True
        return super().event(event)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self._chart is None:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        chart = self._chart
        plot = self._plot_rect()
        self._paint_title(painter, chart)
        self._paint_grid(painter, chart, plot)
        self._paint_bars(painter, chart, plot)
        self._paint_reference_lines(painter, chart, plot)
        self._paint_labels(painter, chart, plot)
        painter.end()

    # --- Geometry ------------------------------------------------------------------------------

    def _bold_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _line(self) -> int:
        return self.fontMetrics().height()

    def _plot_rect(self) -> QRectF:
        fm = self.fontMetrics()
        chart = self._chart
        left = right = fm.averageCharWidth()
        if chart is not None:
            left = max(fm.horizontalAdvance(chart.tick_text(t)) for t in chart.ticks()) + 10
            labels = [line.label for line in (chart.target, chart.comparison) if line]
            bold = QFontMetrics(self._bold_font())
            right = max([fm.averageCharWidth(), *(bold.horizontalAdvance(t) + 12 for t in labels)])
        top = self._line() * 2.2
        bottom = self._line() * 2.4
        return QRectF(left, top, self.width() - left - right, self.height() - top - bottom)

    def _y(self, chart: BarChart, plot: QRectF, value: float) -> float:
        top = chart.axis_max()
        return plot.bottom() - plot.height() * (value / top if top else 0)

    # --- Painting ------------------------------------------------------------------------------

    def _paint_title(self, painter: QPainter, chart: BarChart) -> None:
        painter.setFont(self._bold_font())
        painter.setPen(self.palette().windowText().color())
        painter.drawText(QRectF(0, 0, self.width(), self._line() * 1.4), chart.title)
        painter.setFont(self.font())

    def _paint_grid(self, painter: QPainter, chart: BarChart, plot: QRectF) -> None:
        text_colour = self.palette().windowText().color()
        for tick in chart.ticks():
            y = self._y(chart, plot, tick)
            painter.setPen(QPen(QColor(GRID_COLOUR), 1))
            painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
            painter.setPen(text_colour)
            box = QRectF(0, y - self._line() / 2, plot.left() - 6, self._line())
            painter.drawText(box, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             chart.tick_text(tick))  # fmt: skip
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(QLineF(plot.left(), plot.bottom(), plot.right(), plot.bottom()))

    def _paint_bars(self, painter: QPainter, chart: BarChart, plot: QRectF) -> None:
        colour = QColor(BAR_COLOUR)
        for index, value in enumerate(chart.values):
            column = self.bar_rect(index)
            y = self._y(chart, plot, value)
            painter.fillRect(QRectF(column.left(), y, column.width(), plot.bottom() - y), colour)

    def _paint_labels(self, painter: QPainter, chart: BarChart, plot: QRectF) -> None:
        """Values above the bars (when they fit) and the category labels below."""
        fm = self.fontMetrics()
        slot = plot.width() / max(1, len(chart.values))
        values = [chart.format_value(v) for v in chart.values]
        show_values = all(fm.horizontalAdvance(text) + 4 <= slot for text in values)
        widest = max(
            (fm.horizontalAdvance(p) for lb in chart.labels for p in lb.split("\n")), default=0
        )
        every = max(1, int((widest + 8) // slot) + 1) if slot > 0 else 1
        painter.setPen(self.palette().windowText().color())
        centre = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        for index, value in enumerate(chart.values):
            left = plot.left() + slot * index
            if show_values:
                y = self._y(chart, plot, value) - self._line() - 2
                box = QRectF(left, y, slot, self._line())
                # On the background's colour, so a goal line through it does not cross the text.
                text = painter.boundingRect(box, centre, values[index])
                painter.fillRect(text.adjusted(-2, 0, 2, 0), self.palette().window())
                painter.drawText(box, centre, values[index])
            if index % every == 0 or "\n" in chart.labels[index]:
                box = QRectF(left - slot, plot.bottom() + 4, slot * 3, self._line() * 2.2)
                painter.drawText(box, centre, chart.labels[index])

    def _paint_reference_lines(self, painter: QPainter, chart: BarChart, plot: QRectF) -> None:
        lines = [
            (line, colour, style)
            for line, colour, style in (
                (chart.comparison, COMPARISON_COLOUR, Qt.PenStyle.DotLine),
                (chart.target, TARGET_COLOUR, Qt.PenStyle.DashLine),
            )
            if line is not None
        ]
        ys = [self._y(chart, plot, line.value) for line, _, _ in lines]
        label_ys = spread_labels(ys, self._line())
        painter.setFont(self._bold_font())
        for (line, colour, style), y, label_y in zip(lines, ys, label_ys, strict=True):
            pen = QPen(QColor(colour), max(2.0, self._line() / 8), style)
            painter.setPen(pen)
            painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
            box = QRectF(plot.right() + 6, label_y - self._line() / 2, self.width(), self._line())
            painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter), line.label)
        painter.setFont(self.font())
