"""The row tables: header clicks sort, new rows land in place, selection follows, search filters."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics

from fravaer_desktop.ui.models.table_base import Column, RowTableModel
from fravaer_desktop.ui.widgets.table_view import RESIZE_CONTENTS_PRECISION, RowTableView


@dataclass(frozen=True)
class Person:
    name: str
    team: str
    hours: float


PEOPLE = [
    Person("Bo Nielsen", "Bageri", 30),
    Person("anna Jensen", "Butik", 37),
    Person("Øjvind Berg", "Bageri", 20),
    Person("Carla Holm", "Butik", 37),
    Person("Dorte Friis", "Kontor", 12.5),
]


def make_model() -> RowTableModel[Person]:
    return RowTableModel(
        [
            Column[Person]("Navn", lambda p: p.name),
            Column[Person]("Afdeling", lambda p: p.team),
            Column[Person]("Timer", lambda p: f"{p.hours:g}", lambda p: p.hours, True),
        ]
    )


@pytest.fixture
def view(qtbot) -> RowTableView:
    table = RowTableView(make_model())
    table.source.set_rows(PEOPLE)
    table.resize(700, 400)
    qtbot.addWidget(table)
    table.show()
    qtbot.waitExposed(table)
    return table


def shown(view: RowTableView, column: int = 0) -> list[str]:
    """The texts of `column` from top to bottom, as the user sees them."""
    proxy = view.model()
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def click_header(qtbot, view: RowTableView, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def test_the_model_passes_qt_s_model_checks(qtmodeltester) -> None:
    model = make_model()
    model.set_rows(PEOPLE)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(model, force_py=True)


def test_clicking_a_header_sorts_by_that_column_and_again_reverses(qtbot, view) -> None:
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    click_header(qtbot, view, 0)
    first = shown(view)
    click_header(qtbot, view, 0)
    second = shown(view)
    # Text sorts ignore case; Danish letters come after z, as before.
    ascending = ["anna Jensen", "Bo Nielsen", "Carla Holm", "Dorte Friis", "Øjvind Berg"]
    assert {tuple(first), tuple(second)} == {tuple(ascending), tuple(reversed(ascending))}
    assert view.horizontalHeader().sortIndicatorSection() == 0


def test_a_number_column_sorts_by_number_not_by_text(view) -> None:
    view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    assert shown(view, 2) == ["12.5", "20", "30", "37", "37"]
    view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert shown(view, 2) == ["37", "37", "30", "20", "12.5"]


def test_equal_keys_keep_the_given_order_both_ways(view) -> None:
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert shown(view) == [
        "Bo Nielsen", "Øjvind Berg", "anna Jensen", "Carla Holm", "Dorte Friis"
    ]  # fmt: skip
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert shown(view) == [
        "Dorte Friis", "anna Jensen", "Carla Holm", "Bo Nielsen", "Øjvind Berg"
    ]  # fmt: skip


def test_rows_keeps_the_given_order_whatever_the_sort(view) -> None:
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert view.source.rows() == PEOPLE


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
@pytest.mark.parametrize("position", ["first", "last"])
def test_a_new_row_lands_at_its_sorted_place(view, order, position) -> None:
    view.sortByColumn(2, order)
    new = Person("Eva Lund", "Butik", 30)
    view.source.insert_row(new, 0 if position == "first" else len(PEOPLE))
    names = shown(view)
    expected = sorted(
        [new, *PEOPLE] if position == "first" else [*PEOPLE, new],
        key=lambda p: p.hours,
        reverse=order == Qt.SortOrder.DescendingOrder,
    )
    assert names == [p.name for p in expected]


def test_a_new_row_in_the_middle_keeps_the_given_order_among_equals(view) -> None:
    view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    new = Person("Eva Lund", "Butik", 30)
    view.source.insert_row(new, 2)  # after anna Jensen, before Øjvind Berg and Carla Holm
    assert shown(view)[2:5] == ["anna Jensen", "Eva Lund", "Carla Holm"]


def test_the_selected_row_stays_selected_after_a_sort(qtbot, view) -> None:
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.select_where(lambda p: p.name == "Carla Holm")
    click_header(qtbot, view, 2)
    assert view.selected_row().name == "Carla Holm"
    current = view.currentIndex()
    assert current.isValid() and current.siblingAtColumn(0).data() == "Carla Holm"
    assert [i.row() for i in view.selectionModel().selectedRows()] == [
        shown(view).index("Carla Holm")
    ]


def test_a_replaced_row_moves_to_its_new_place_and_stays_selected(view) -> None:
    view.sortByColumn(2, Qt.SortOrder.AscendingOrder)
    view.select_where(lambda p: p.name == "Dorte Friis")
    changed = Person("Dorte Friis", "Kontor", 40)
    assert view.source.replace_where(lambda p: p.name == "Dorte Friis", changed)
    assert shown(view)[-1] == "Dorte Friis"
    assert view.selected_row() == changed


def test_a_removed_row_disappears(view) -> None:
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.source.remove_where(lambda p: p.team == "Butik")
    assert shown(view) == ["Bo Nielsen", "Dorte Friis", "Øjvind Berg"]
    assert [p.name for p in view.source.rows()] == ["Bo Nielsen", "Øjvind Berg", "Dorte Friis"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("jensen", ["anna Jensen"], id="lower case finds a capitalised name"),
        pytest.param("ANNA", ["anna Jensen"], id="upper case finds a lower-case name"),
        pytest.param("øjv", ["Øjvind Berg"], id="Danish letters ignore case too"),
        pytest.param("  bageri ", ["Bo Nielsen", "Øjvind Berg"], id="any column; spaces trimmed"),
        pytest.param("12.5", ["Dorte Friis"], id="the shown number text"),
        pytest.param("nielsenbageri", [], id="no match across two columns"),
        pytest.param("", [p.name for p in PEOPLE], id="empty shows every row"),
    ],
)
def test_search_filters_rows_ignoring_case(view, text, expected) -> None:
    view.set_filter_text(text)
    assert sorted(shown(view)) == sorted(expected)


def test_search_sees_changed_rows_and_survives_sorting(view) -> None:
    view.set_filter_text("butik")
    view.source.replace_where(lambda p: p.name == "Bo Nielsen", Person("Bo Nielsen", "Butik", 30))
    view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert shown(view) == ["Carla Holm", "Bo Nielsen", "anna Jensen"]
    view.set_filter_text("")
    assert len(shown(view)) == len(PEOPLE)


def test_a_long_text_far_down_the_list_is_not_cut_off(qtbot) -> None:
    """Qt sizes the columns from the first rows only; the widest text of all rows still fits."""
    view = RowTableView(make_model(), stretch_column=2)
    qtbot.addWidget(view)
    long_name = "Maximiliane Charlotte Østergaard-Kristoffersen"
    rows = [Person(f"Ib {n}", "Bageri", 37) for n in range(RESIZE_CONTENTS_PRECISION * 4)]
    view.source.set_rows([*rows, Person(long_name, "Butik", 37)])
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # "Ib ..." first, the long name last
    view.resize(900, 300)
    view.show()
    qtbot.waitExposed(view)
    assert shown(view)[-1] == long_name
    needed = QFontMetrics(view.font()).horizontalAdvance(long_name)
    assert view.horizontalHeader().sectionSize(0) > needed
