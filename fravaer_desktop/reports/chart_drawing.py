"""A `core.charts.BarChart` as a reportlab Drawing, so a PDF shows the chart the screen shows."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import cm
from reportlab.pdfbase.pdfmetrics import stringWidth

from fravaer_desktop.core.charts import (
    BAR_COLOUR,
    COMPARISON_COLOUR,
    GRID_COLOUR,
    TARGET_COLOUR,
    BarChart,
    ReferenceLine,
    spread_labels,
)
from fravaer_desktop.reports.document import CONTENT_WIDTH, FONT, FONT_BOLD

CHART_HEIGHT = 7.2 * cm
LEFT = 1.5 * cm  # room for the value axis labels
RIGHT = 2.4 * cm  # room for the target line's label
BOTTOM = 1.0 * cm  # room for two-line category labels
TOP = 0.9 * cm  # room for the title
MAX_BAR_LABELS = 24  # more bars than this: no value printed above each bar
FONT_SIZE = 7.5


def chart_drawing(
    chart: BarChart, width: float = CONTENT_WIDTH, height: float = CHART_HEIGHT
) -> Drawing:
    """The bar chart with Danish number format, value grid, and dashed target line."""
    drawing = Drawing(width, height, initialFontName=FONT)  # not reportlab's Helvetica
    drawing.add(String(0, height - 11, chart.title, fontName=FONT_BOLD, fontSize=10))
    bars = VerticalBarChart()
    bars.x, bars.y = LEFT, BOTTOM
    bars.width = width - LEFT - RIGHT
    bars.height = height - BOTTOM - TOP
    bars.data = [list(chart.values) or [0.0]]
    bars.categoryAxis.categoryNames = list(chart.labels) or [""]
    _style_axes(bars, chart)
    bars.bars[0].fillColor = colors.HexColor(BAR_COLOUR)
    bars.bars[0].strokeColor = None
    bars.barSpacing = 0
    bars.groupSpacing = max(2.0, bars.width / max(1, len(chart.values)) * 0.25)
    drawing.add(bars)
    lines = [
        (line, colour, dash)
        for line, colour, dash in (
            (chart.comparison, COMPARISON_COLOUR, [1.5, 2]),
            (chart.target, TARGET_COLOUR, [5, 3]),
        )
        if line is not None
    ]
    ys = [_value_y(bars, chart, line.value) for line, _, _ in lines]
    label_ys = spread_labels(ys, FONT_SIZE + 2)
    for (line, colour, dash), y, label_y in zip(lines, ys, label_ys, strict=True):
        _reference_line(drawing, bars, line, y, label_y, colour, dash)
    if chart.values and len(chart.values) <= MAX_BAR_LABELS:  # after the lines: on top of them
        _value_labels(drawing, bars, chart)
    return drawing


def _value_labels(drawing: Drawing, bars: VerticalBarChart, chart: BarChart) -> None:
    """Each bar's value above it, on white, so a goal line through it does not cross the text."""
    few = len(chart.values) <= 13
    text_of = chart.format_value if few else _short(chart)
    size = FONT_SIZE if few else 6.5
    slot = bars.width / len(chart.values)
    for index, value in enumerate(chart.values):
        text = text_of(value)
        x = bars.x + slot * (index + 0.5)
        baseline = _value_y(bars, chart, value) + 3
        width = stringWidth(text, FONT, size)
        drawing.add(Rect(x - width / 2 - 1.5, baseline - 2, width + 3, size + 2,
                         fillColor=colors.white, strokeColor=None))  # fmt: skip
        drawing.add(String(x, baseline, text, fontName=FONT, fontSize=size,
                           textAnchor="middle", fillColor=colors.black))  # fmt: skip


def _short(chart: BarChart):
    """Values without the unit, for many narrow bars."""
    return lambda value: chart.format_value(value).removesuffix(chart.unit).strip()


def _style_axes(bars: VerticalBarChart, chart: BarChart) -> None:
    ticks = chart.ticks()
    axis = bars.valueAxis
    axis.valueMin = 0
    axis.valueMax = ticks[-1]
    axis.valueSteps = list(ticks)
    axis.labelTextFormat = chart.tick_text
    axis.labels.fontName = FONT
    axis.labels.fontSize = FONT_SIZE
    axis.visibleGrid = True
    axis.gridStrokeColor = colors.HexColor(GRID_COLOUR)
    axis.gridStrokeWidth = 0.5
    axis.strokeColor = colors.HexColor(GRID_COLOUR)
    categories = bars.categoryAxis
    categories.labels.fontName = FONT
    categories.labels.fontSize = FONT_SIZE
    categories.labels.boxAnchor = "n"
    categories.labels.dy = -3
    categories.labels.leading = FONT_SIZE + 1.5
    categories.strokeColor = colors.black
    categories.strokeWidth = 0.6
    categories.tickDown = 0


def _value_y(bars: VerticalBarChart, chart: BarChart, value: float) -> float:
    top = chart.axis_max()
    return bars.y + bars.height * (value / top if top else 0)


def _reference_line(
    drawing: Drawing,
    bars: VerticalBarChart,
    line: ReferenceLine,
    y: float,
    label_y: float,
    colour: str,
    dash: list[float],
) -> None:
    """A horizontal line at `y` with its label to the right of the plot at `label_y`."""
    stroke = colors.HexColor(colour)
    drawing.add(
        Line(bars.x, y, bars.x + bars.width, y, strokeColor=stroke, strokeWidth=1.4,
             strokeDashArray=dash)
    )  # fmt: skip
    drawing.add(String(bars.x + bars.width + 4, label_y - 3, line.label, fontName=FONT_BOLD,
                       fontSize=FONT_SIZE, fillColor=stroke))  # fmt: skip
