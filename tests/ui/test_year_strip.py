"""The year calendar paints each day in its own cell: absence, weekends and holidays."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor

from fravaer_desktop.core.absence import DayStatus
from fravaer_desktop.ui.widgets.year_strip import (
    FULL_COLOUR,
    GRID_COLOUR,
    OFF_DAY_COLOUR,
    PARTIAL_COLOUR,
    WORK_DAY_COLOUR,
    YearStrip,
)


def test_each_day_is_painted_in_the_colour_of_its_status(qtbot) -> None:
    strip = YearStrip()
    qtbot.addWidget(strip)
    statuses = {date(2026, 3, 4): DayStatus.FULL, date(2026, 10, 13): DayStatus.PARTIAL}
    strip.set_year(2026, statuses, today=date(2026, 11, 23))
    strip.resize(900, strip.minimumHeight())
    strip.show()
    qtbot.waitExposed(strip)
    image = strip.grab().toImage()

    def colour(month: int, day: int) -> QColor:
        rect = strip._cell_rect(month, day)
        return image.pixelColor(rect.center().x() - 2, rect.center().y() - 2)

    assert colour(3, 4) == FULL_COLOUR  # Wednesday 4 March 2026: ill all day
    assert colour(10, 13) == PARTIAL_COLOUR  # Tuesday 13 October 2026: partly ill
    assert colour(3, 5) == WORK_DAY_COLOUR  # Thursday 5 March 2026: at work
    assert colour(3, 7) == OFF_DAY_COLOUR  # Saturday 7 March 2026
    assert colour(12, 25) == OFF_DAY_COLOUR  # Juledag, a Friday in 2026
    assert strip._day_at(strip._cell_rect(7, 31).center()) == date(2026, 7, 31)


def test_the_legend_shows_each_colour_exactly_as_the_calendar_paints_it(qtbot) -> None:
    """The weekend/holiday chip was a darker grey than the calendar's weekends."""
    from PySide6.QtWidgets import QLabel

    from fravaer_desktop.ui.widgets.employee_detail import EmployeeDetail

    detail = EmployeeDetail(lambda employee_id: "", date(2026, 11, 23))
    qtbot.addWidget(detail)
    chips = {
        label.text(): label
        for label in detail.findChildren(QLabel)
        if label.text() in ("fuldt fravær", "delvist fravær", "weekend/helligdag")
    }
    for text, colour in (
        ("fuldt fravær", FULL_COLOUR),
        ("delvist fravær", PARTIAL_COLOUR),
        ("weekend/helligdag", OFF_DAY_COLOUR),
    ):
        swatch = next(
            label.pixmap() for label in chips[text].parentWidget().findChildren(QLabel)
            if not label.pixmap().isNull()
        )  # fmt: skip
        image = swatch.toImage()
        assert image.pixelColor(image.width() // 2, image.height() // 2) == colour
        assert image.pixelColor(0, 0) == GRID_COLOUR  # outlined, so the light grey shows
