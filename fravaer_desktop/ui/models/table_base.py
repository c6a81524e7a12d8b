"""A small base for read-only table models over a list of dataclass rows.

The model sorts its rows itself (one Python key call per row and sort), so the view's proxy only
filters: a QSortFilterProxyModel that sorts calls `data()` in Python twice per comparison, about
120,000 calls for 5,000 rows. Search uses one lower-cased text per row (`search_text`), built the
first time it is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Row = TypeVar("Row")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_SEPARATOR = "\x1f"  # between the columns' texts in `search_text`; never typed in a search


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column: its Danish title, the text shown and the key it sorts by."""

    title: str
    text: Callable[[Row], str]
    sort_key: Callable[[Row], Any] | None = None
    align_right: bool = False

    def key(self, row: Row) -> Any:
        """What the column sorts by: `sort_key`, else the lower-cased text."""
        return self.sort_key(row) if self.sort_key is not None else self.text(row).lower()


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Shows `rows` through `columns`; rows can be replaced, added or removed one at a time.

    `rows()` keeps the order the rows were given in (set_rows, insert_row's position); the model's
    own row numbers follow the last `sort(column, order)`, which later changes keep: a new row
    lands at its sorted place. Equal keys keep the given order, as Qt's stable sort does.
    """

    def __init__(self, columns: Sequence[Column[Row]], parent=None):
        super().__init__(parent)
        self._columns = list(columns)
        self._source: list[Row] = []  # the order the rows were given in
        self._rows: list[Row] = []  # the order shown: `_source` sorted by the current sort
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._fresh = False  # rows sorted by the current sort and unchanged since
        self._search: dict[int, str] = {}  # id(row) -> search_text, filled on demand

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            return column.key(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].title
        return None

    def rows(self) -> list[Row]:
        """The rows in the order they were given (not the sorted order)."""
        return list(self._source)

    def row_at(self, row: int) -> Row:
        """The row shown as row number `row`."""
        return self._rows[row]

    def search_text(self, row: int) -> str:
        """Every column's text of row number `row`, lower-cased, for a case-insensitive search."""
        item = self._rows[row]
        text = self._search.get(id(item))
        if text is None:
            text = SEARCH_SEPARATOR.join(c.text(item) for c in self._columns).lower()
            self._search[id(item)] = text
        return text

    def column_texts(self, column: int, first: int = 0, last: int | None = None) -> set[str]:
        """The distinct texts of `column` in row numbers `first` to `last` (default: all rows)."""
        rows = self._rows if first == 0 and last is None else self._rows[first : last + 1]
        return set(map(self._columns[column].text, rows))

    def sort_column(self) -> int:
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # Qt override
        """Sort the rows by `column` (-1: the given order) with one key call per row."""
        order = Qt.SortOrder(order)
        if self._fresh and (column, order) == (self._sort_column, self._sort_order):
            return  # set_rows or the previous call already sorted them this way
        self._sort_column, self._sort_order = column, order
        self._fresh = True
        if len(self._rows) < 2:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [(self._rows[index.row()], index.column()) for index in persistent]
        self._rows = self._sorted(self._source)
        if persistent:
            where = {id(row): number for number, row in enumerate(self._rows)}
            after = [self.index(where[id(row)], column_) for row, column_ in before]
            self.changePersistentIndexList(persistent, after)
        self.layoutChanged.emit()

    def texts_changed(self) -> None:
        """Texts shown for the rows changed outside the rows (a renamed employee): show them
        again, search them anew and keep the sort."""
        self._search.clear()
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        if self._sort_column >= 0:
            self._fresh = False
            self.sort(self._sort_column, self._sort_order)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._source = list(rows)
        self._rows = self._sorted(self._source)
        self._search.clear()
        self._fresh = True
        self.endResetModel()

    def insert_row(self, row: Row, position: int = 0) -> None:
        """Add `row` at `position` of the given order; it is shown at its sorted place."""
        position = max(0, min(position, len(self._source)))
        if self._sort_column < 0 or self._sort_column >= len(self._columns):
            shown = position  # not sorted: shown in the given order
        elif position in (0, len(self._source)):
            shown = self._shown_position(row, first_among_equals=position == 0)
        else:  # between equal keys the given order decides: sort to find the place
            source = [*self._source[:position], row, *self._source[position:]]
            shown = next(n for n, r in enumerate(self._sorted(source)) if r is row)
        self._source.insert(position, row)
        self._fresh = False
        self.beginInsertRows(QModelIndex(), shown, shown)
        self._rows.insert(shown, row)
        self.endInsertRows()

    def replace_where(self, predicate: Callable[[Row], bool], row: Row) -> bool:
        """Replace the first row matching `predicate`; False if none matched.

        The row moves to its sorted place if its sort key changed.
        """
        number = next((n for n, r in enumerate(self._source) if predicate(r)), None)
        if number is None:
            return False
        existing = self._source[number]
        self._source[number] = row
        shown = self._shown_index(existing)
        self._rows[shown] = row
        self._search.pop(id(existing), None)
        self._fresh = False
        self.dataChanged.emit(self.index(shown, 0), self.index(shown, len(self._columns) - 1))
        if self._sort_column >= 0:
            key = self._columns[self._sort_column].key
            if key(existing) != key(row):
                self.sort(self._sort_column, self._sort_order)
        return True

    def remove_where(self, predicate: Callable[[Row], bool]) -> None:
        for number in reversed(range(len(self._source))):
            existing = self._source[number]
            if predicate(existing):
                shown = self._shown_index(existing)
                self.beginRemoveRows(QModelIndex(), shown, shown)
                del self._rows[shown]
                del self._source[number]
                self._search.pop(id(existing), None)
                self.endRemoveRows()

    def _sorted(self, rows: list[Row]) -> list[Row]:
        if self._sort_column < 0 or self._sort_column >= len(self._columns):
            return list(rows)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        # Stable, also with reverse=True: equal keys keep the given order, as in Qt.
        return sorted(rows, key=self._columns[self._sort_column].key, reverse=descending)

    def _shown_index(self, row: Row) -> int:
        return next(number for number, shown in enumerate(self._rows) if shown is row)

    def _shown_position(self, row: Row, *, first_among_equals: bool) -> int:
        """Where `row` goes in the shown rows: before or after the rows with an equal key."""
        key = self._columns[self._sort_column].key
        value = key(row)
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        low, high = 0, len(self._rows)
        while low < high:  # first place whose row comes after `row` in the sorted order
            middle = (low + high) // 2
            other = key(self._rows[middle])
            if descending:
                after = other < value or (first_among_equals and other == value)
            else:
                after = other > value or (first_among_equals and other == value)
            if after:
                high = middle
            else:
                low = middle + 1
        return low
