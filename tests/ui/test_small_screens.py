"""A laptop at 150 % or a 1920×1080 screen at 200 %: every page fits, and what matters most
stays readable when there is little room."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from fravaer_desktop.app import open_store
from fravaer_desktop.core.absence import DayStatus
from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell
from fravaer_desktop.ui.main_window import PAGE_TITLES, MainWindow
from fravaer_desktop.ui.pages.overview_page import (
    SOURCE_COLUMN,
    SOURCE_MINIMUM_WIDTH,
    TASK_COLUMN,
    source_column_width,
)
from fravaer_desktop.ui.widgets.flow_layout import flow_of
from fravaer_desktop.ui.widgets.year_strip import YearStrip

#: 1920×1080 at 200 % leaves 960×540; 1366×768 at 150 % leaves 911×512 (less a taskbar).
SMALLEST_SCREEN_WIDTH = 911
SMALLEST_SCREEN_HEIGHT = 480

LONG_NAME = "Maria-Magdalena Østergaard-Christiansen von Hohenzollern-Sigmaringen Jørgensen"


def open_every_page(qtbot, window: MainWindow) -> None:
    for title in PAGE_TITLES:  # a page counts once it has been built
        window.show_page(title)
        qtbot.wait(1)
    window.show_page("Overblik")


def demo_window(qtbot, tmp_path, health_check, today, long_names: bool = False) -> MainWindow:
    store = open_store(tmp_path / "demo.sqlite", demo=True, create=True, today=today)
    if long_names:
        for employee in store.employees.list_all()[:3]:
            store.employees.update(
                dataclasses.replace(
                    employee, name=f"{LONG_NAME} {employee.id}",
                    department="Produktionsbageri, konditori og frokostcafé (Vesterbro)",
                )
            )  # fmt: skip
    window = MainWindow(store, health_check, None, is_demo=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_page_of_the_demo_fits_a_small_scaled_screen(
    qtbot, tmp_path, health_check, today
) -> None:
    window = demo_window(qtbot, tmp_path, health_check, today)
    open_every_page(qtbot, window)
    smallest = window.minimumSizeHint()
    assert smallest.width() <= SMALLEST_SCREEN_WIDTH
    assert smallest.height() <= SMALLEST_SCREEN_HEIGHT


def test_long_names_and_departments_do_not_widen_the_window(
    qtbot, tmp_path, health_check, today
) -> None:
    window = demo_window(qtbot, tmp_path, health_check, today, long_names=True)
    open_every_page(qtbot, window)
    window.show_page("Medarbejdere")
    window.employees_page.table.select_where(lambda e: e.name.startswith(LONG_NAME))
    qtbot.wait(1)
    assert window.minimumSizeHint().width() <= SMALLEST_SCREEN_WIDTH
    detail = window.employees_page.detail
    name = detail.name_label
    assert name.text().startswith(LONG_NAME)  # shown in full, on two lines
    one_line = name.fontMetrics().horizontalAdvance(name.text())
    assert detail.minimumSizeHint().width() < one_line
    assert name.height() > 1.5 * name.fontMetrics().height()


def test_the_employee_side_scrolls_in_a_low_window_instead_of_overlapping(
    qtbot, tmp_path, health_check, today
) -> None:
    window = demo_window(qtbot, tmp_path, health_check, today)
    window.show_page("Medarbejdere")
    window.resize(960, 470)
    qtbot.wait(10)
    detail = window.employees_page.detail
    strip, summary = detail.year_strip, detail.summary_label
    assert strip.height() >= strip.minimumSizeHint().height()  # all twelve months
    assert summary.geometry().top() >= strip.geometry().bottom()  # nothing drawn over it


def test_the_overblik_task_keeps_its_room_and_the_law_reference_gives_way(
    qtbot, tmp_path, health_check, today
) -> None:
    window = demo_window(qtbot, tmp_path, health_check, today)
    page = window.overview_page
    tree = page.tree
    window.resize(SMALLEST_SCREEN_WIDTH, 600)
    qtbot.wait(10)
    characters = tree.fontMetrics().averageCharWidth()
    assert tree.columnWidth(TASK_COLUMN) >= 24 * characters
    assert SOURCE_MINIMUM_WIDTH <= tree.columnWidth(SOURCE_COLUMN) < page._source_wanted
    assert tree.columnWidth(TASK_COLUMN) > tree.columnWidth(SOURCE_COLUMN)
    window.resize(1600, 900)
    qtbot.wait(10)
    assert tree.columnWidth(SOURCE_COLUMN) == page._source_wanted  # wide: all of it
    first_group = page.model.index(0, 0)
    item = page.model.index(0, SOURCE_COLUMN, first_group)
    assert item.data() and item.data(Qt.ItemDataRole.ToolTipRole) == item.data()  # in full on hover


def test_the_law_reference_column_width_rule() -> None:
    assert source_column_width(room=600, task_minimum=200, source_wanted=220) == 220
    assert source_column_width(room=350, task_minimum=200, source_wanted=220) == 150
    assert source_column_width(room=100, task_minimum=200, source_wanted=220) == (
        SOURCE_MINIMUM_WIDTH
    )


def test_the_year_strip_shows_the_31st_at_its_smallest(qtbot) -> None:
    strip = YearStrip()
    qtbot.addWidget(strip)
    strip.set_year(2026, {date(2026, 12, 31): DayStatus.FULL}, today=date(2026, 11, 23))
    smallest = strip.minimumSizeHint()
    assert smallest.width() < strip.sizeHint().width()
    strip.resize(smallest)
    last_day = strip._cell_rect(12, 31)
    assert last_day.right() < strip.width()
    assert strip._day_at(last_day.center()) == date(2026, 12, 31)


def test_a_flow_of_buttons_wraps_instead_of_widening(qtbot) -> None:
    buttons = [QPushButton(text) for text in ("Marker som klaret", "Ikke relevant…", "Fortryd")]
    holder = flow_of(*buttons)
    qtbot.addWidget(holder)
    widest = max(button.sizeHint().width() for button in buttons)
    assert holder.minimumSizeHint().width() == widest
    one_line = holder.layout().heightForWidth(holder.sizeHint().width())
    assert holder.layout().heightForWidth(widest) > 2 * buttons[0].sizeHint().height()
    assert one_line == max(button.sizeHint().height() for button in buttons)
    holder.resize(widest, holder.layout().heightForWidth(widest))
    holder.show()
    tops = sorted({button.geometry().top() for button in buttons})
    assert len(tops) == 3  # one button a line


def test_a_table_scrolls_sideways_rather_than_cut_its_stretch_column(
    qtbot, company_store, today
) -> None:
    from fravaer_desktop.ui.widgets.employee_detail import EmployeeDetail

    anna = company_store.employees.list_all()[0]
    spell = company_store.absences.add(
        AbsenceSpell(anna.id, date(2026, 3, 2), AbsenceKind.PREGNANCY, date(2026, 3, 4))
    )
    detail = EmployeeDetail(lambda _id: anna.name, today)
    qtbot.addWidget(detail)
    detail.show_employee(anna, [spell])
    table = detail.spell_table
    detail.resize(detail.minimumSizeHint().width(), 600)
    detail.show()
    qtbot.wait(10)
    kind_column = 1
    texts = table.source.column_texts(kind_column)
    needed = max(table.fontMetrics().horizontalAdvance(text) for text in texts)
    assert table.columnWidth(kind_column) >= needed  # "Graviditetsrelateret …" in full


def test_the_120_day_note_scrolls_in_a_low_window_and_is_whole_with_room(
    qtbot, tmp_path, health_check, today
) -> None:
    """The note under the 120-day list used to be drawn over the list in a low window."""
    window = demo_window(qtbot, tmp_path, health_check, today)
    side = window.overview_page.side
    note_area, note = side.rule_120_note_area, side.rule_120_note
    assert note_area.isVisible()  # the demo has employees with the clause
    window.resize(SMALLEST_SCREEN_WIDTH, SMALLEST_SCREEN_HEIGHT)
    qtbot.wait(20)
    assert note_area.geometry().top() > side.rule_120_list.geometry().bottom()
    assert note_area.geometry().bottom() <= side.height()
    assert note_area.verticalScrollBar().isVisible()  # the rest of the text is a scroll away
    assert side.rule_120_list.height() >= 3 * side.fontMetrics().lineSpacing()

    window.resize(1024, 900)
    qtbot.wait(20)
    assert not note_area.verticalScrollBar().isVisible()
    assert note_area.height() >= note.heightForWidth(note_area.width())
    assert note_area.geometry().top() > side.rule_120_list.geometry().bottom()
