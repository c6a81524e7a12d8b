"""One chart definition for screen and paper: a bar chart with an optional target line.

`ui/widgets/bar_chart.py` paints a `BarChart` with QPainter; `reports/chart_drawing.py` turns the
same object into a reportlab Drawing. Both take the axis, the texts and the colours from here, so
the two look and read the same.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from fravaer_desktop.core.danish import MONTHS_SHORT, number
from fravaer_desktop.core.retention_plan import ScheduleWeek
from fravaer_desktop.core.statistics import (
    AbsenceStatistics,
    fixed_number,
    month_title,
    percent_text,
)

BAR_COLOUR = "#2e6da4"
TARGET_COLOUR = "#c0392b"
COMPARISON_COLOUR = "#6b6b6b"
GRID_COLOUR = "#d5dbe1"
MAX_MONTH_BARS = 37  # a longer period (e.g. all years) is shown year by year


@dataclass(frozen=True)
class ReferenceLine:
    """A horizontal line across the chart, e.g. the company's target."""

    value: float
    label: str


@dataclass(frozen=True)
class BarChart:
    """A vertical bar chart: one bar per category, values in `unit` with `decimals` decimals.

    `labels` are short axis texts (may hold a line break); `descriptions` name each bar in full
    for tooltips and screen readers ("marts 2026").
    """

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    descriptions: tuple[str, ...]
    unit: str = "%"
    decimals: int = 1
    axis_title: str = ""
    target: ReferenceLine | None = None
    comparison: ReferenceLine | None = None

    def __post_init__(self) -> None:
        if not len(self.labels) == len(self.values) == len(self.descriptions):
            raise ValueError("labels, values and descriptions must have the same length")

    def format_value(self, value: float) -> str:
        """A bar's value: '3,8 %', '4,0 %' (Danish decimal comma, fixed decimals)."""
        return f"{fixed_number(value, self.decimals)} {self.unit}".rstrip()

    def tick_text(self, value: float) -> str:
        """An axis value: '2,5 %', '5 %' (no trailing ',0')."""
        text = fixed_number(value, 2).rstrip("0").rstrip(",")
        return f"{text} {self.unit}".rstrip()

    def bar_text(self, index: int) -> str:
        """'marts 2026: 3,8 %' (tooltip and accessible text of one bar)."""
        return f"{self.descriptions[index]}: {self.format_value(self.values[index])}"

    def summary(self) -> str:
        """Every bar in words, for a screen reader."""
        return "; ".join(self.bar_text(i) for i in range(len(self.values)))

    def ticks(self) -> tuple[float, ...]:
        """Values of the horizontal grid lines, from 0 to the top of the axis."""
        return nice_ticks(self.top_value())

    def axis_max(self) -> float:
        return self.ticks()[-1]

    def top_value(self) -> float:
        lines = [line.value for line in (self.target, self.comparison) if line is not None]
        return max([0.0, *self.values, *lines])


def nice_ticks(top: float, max_ticks: int = 6) -> tuple[float, ...]:
    """0 and evenly spaced round values (1, 2, 2.5 or 5 × 10^n) up to at least `top`."""
    if top <= 0:
        return (0.0, 1.0)
    raw_step = top / (max_ticks - 1)
    power = 10 ** math.floor(math.log10(raw_step))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw_step)
    count = math.ceil(top / step - 1e-9)
    return tuple(round(i * step, 10) for i in range(count + 1))


def statistics_chart(
    statistics: AbsenceStatistics,
    target: float | None = None,
    comparison: tuple[float, str] | None = None,
) -> BarChart:
    """Sickness percentage month by month (year by year for periods over 37 months)."""
    target_line = None
    if target is not None:
        target_line = ReferenceLine(target, f"Mål {percent_text(target)}")
    comparison_line = ReferenceLine(*comparison) if comparison is not None else None
    if len(statistics.months) > MAX_MONTH_BARS:
        return BarChart(
            title="Fraværsprocent år for år",
            labels=tuple(str(y.year) for y in statistics.years),
            values=tuple(y.percent for y in statistics.years),
            descriptions=tuple(
                _year_description(y.year, statistics.first, statistics.last)
                for y in statistics.years
            ),
            axis_title="Fraværsprocent",
            target=target_line,
            comparison=comparison_line,
        )
    months = statistics.months
    labels = tuple(
        f"{MONTHS_SHORT[m.month - 1]}\n{m.year}"
        if i == 0 or m.month == 1
        else MONTHS_SHORT[m.month - 1]
        for i, m in enumerate(months)
    )
    descriptions = [month_title(m.year, m.month) for m in months]
    if months and statistics.first.day != 1:
        descriptions[0] += f" (fra den {statistics.first.day}.)"
    if months and (statistics.last + timedelta(days=1)).day != 1:
        descriptions[-1] += f" (til den {statistics.last.day}.)"
    return BarChart(
        title="Fraværsprocent måned for måned",
        labels=labels,
        values=tuple(m.percent for m in months),
        descriptions=tuple(descriptions),
        axis_title="Fraværsprocent",
        target=target_line,
        comparison=comparison_line,
    )


def _year_description(year: int, first: date, last: date) -> str:
    """'2025', or '2026 (til 23. nov.)' for a year only partly in the period."""
    start, end = max(first, date(year, 1, 1)), min(last, date(year, 12, 31))
    parts = []
    if (start.month, start.day) != (1, 1):
        parts.append(f"fra {start.day}. {MONTHS_SHORT[start.month - 1]}.")
    if (end.month, end.day) != (12, 31):
        parts.append(f"til {end.day}. {MONTHS_SHORT[end.month - 1]}.")
    return f"{year} ({' '.join(parts)})" if parts else str(year)


def spread_labels(positions: list[float], gap: float) -> list[float]:
    """Move label positions (same unit as `gap`) apart so that no two are closer than `gap`.

    Used for the labels of the target and comparison lines, which may lie close together.
    """
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    placed = list(positions)
    for before, after in zip(order, order[1:], strict=False):
        if placed[after] - placed[before] < gap:
            middle = (placed[after] + placed[before]) / 2
            placed[before], placed[after] = middle - gap / 2, middle + gap / 2
    return placed


#: More weeks than this: every other week number under the bars, so they do not run together.
MANY_SCHEDULE_BARS = 26


def schedule_chart(weeks: Sequence[ScheduleWeek]) -> BarChart:
    """The graduated return, on screen and on paper: planned hours week by week against the
    contract hours (the line); the ISO week numbers under the bars, with the year at the start
    and at New Year."""
    contract = weeks[0].contract_hours if weeks else 0.0
    whole = all(float(w.planned_hours).is_integer() for w in weeks)
    many = len(weeks) > MANY_SCHEDULE_BARS
    labels = []
    last_year_at = -len(weeks)
    for index, week in enumerate(weeks):
        year, week_number = week.iso_week
        new_year = index == 0 or year != weeks[index - 1].iso_week[0]
        if new_year and index - last_year_at >= (4 if many else 2):  # room for the year
            labels.append(f"{week_number}\n{year}")
            last_year_at = index
        else:
            labels.append("" if many and index % 2 and not new_year else str(week_number))
    return BarChart(
        title="Planlagte timer om ugen, uge for uge",
        labels=tuple(labels),
        values=tuple(w.planned_hours for w in weeks),
        descriptions=tuple(w.label for w in weeks),
        unit="",
        decimals=0 if whole else 1,
        axis_title="Timer om ugen",
        target=ReferenceLine(contract, f"Normal tid: {number(contract, 2)} t") if weeks else None,
    )
