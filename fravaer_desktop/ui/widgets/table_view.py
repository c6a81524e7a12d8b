"""A sortable, searchable table view over a RowTableModel.

The model sorts itself; the proxy between model and view only filters, with one Python call per
row that tests the model's lower-cased `search_text`.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableView

from fravaer_desktop.ui.models.table_base import ROW_ROLE, RowTableModel

# Rows Qt reads to size a ResizeToContents column (the visible ones first). Qt's default, 1000,
# asks for 1,000 rows x every column x 8 roles through Python on every relayout (~0.3 s). Not 0:
# for a view that is not shown yet, 0 makes Qt read every row. So that a long text further down
# is not cut off, sizeHintForColumn adds the widest text of all rows, measured once per text.
RESIZE_CONTENTS_PRECISION = 50


class RowFilterProxy(QSortFilterProxyModel):
    """Filters rows by a case-insensitive search text; sorting is left to the source model."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._needle = ""

    def filter_text(self) -> str:
        return self._needle

    def set_filter_text(self, text: str) -> None:
        """Show only rows whose text (any column) contains `text`; case and outer spaces ignored."""
        needle = text.strip().lower()
        if needle == self._needle:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = needle
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 - Qt override
        return not self._needle or self._needle in self.sourceModel().search_text(source_row)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:  # Qt override
        # Never the base class: the proxy keeps the source model's order and only filters.
        self.sourceModel().sort(column, order)


class RowTableView(QTableView):
    """Whole-row selection, click to sort, `set_filter_text` to search; emits `activated_row`."""

    activated_row = Signal(object)

    def __init__(self, model: RowTableModel, parent=None, stretch_column: int = 0):
        super().__init__(parent)
        self.source = model
        self.proxy = RowFilterProxy(self)
        self.proxy.setSourceModel(model)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(RESIZE_CONTENTS_PRECISION)
        self._stretch_column = stretch_column
        self.doubleClicked.connect(lambda index: self.activated_row.emit(self._row(index)))
        self._text_widths: dict[int, int] = {}  # column -> widest text in pixels, all rows
        model.modelReset.connect(self._forget_text_widths)
        model.modelReset.connect(self._keep_stretch_column_readable)
        model.rowsRemoved.connect(self._forget_text_widths)
        model.rowsInserted.connect(lambda _parent, first, last: self._widen(first, last))
        model.dataChanged.connect(lambda top, bottom: self._widen(top.row(), bottom.row()))

    def sizeHintForColumn(self, column: int) -> int:  # noqa: N802 - Qt override
        """Qt's hint from the first rows, widened to the widest text of every row."""
        hint = super().sizeHintForColumn(column)
        mode = self.horizontalHeader().sectionResizeMode(column)
        if hint < 0 or mode != QHeaderView.ResizeMode.ResizeToContents:
            return hint
        width = self._text_widths.get(column)
        if width is None:
            width = self._text_width(self.source.column_texts(column))
            self._text_widths[column] = width
        return max(hint, width)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._keep_stretch_column_readable()

    def _keep_stretch_column_readable(self) -> None:
        """The stretch column takes the room the others leave, but never less than its widest
        text: in a narrow window the table scrolls sideways instead of showing "…"."""
        header = self.horizontalHeader()
        column = self._stretch_column
        if self.source.rowCount() == 0 or header.isSectionHidden(column):
            return
        wanted = self._text_widths.get(column)
        if wanted is None:
            wanted = self._text_width(self.source.column_texts(column))
            self._text_widths[column] = wanted
        wanted = max(wanted, header.sectionSizeFromContents(column).width())
        others = sum(
            header.sectionSize(other)
            for other in range(header.count())
            if other != column and not header.isSectionHidden(other)
        )
        if self.viewport().width() - others >= wanted:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, wanted)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget_text_widths()
        super().changeEvent(event)

    def _forget_text_widths(self) -> None:
        self._text_widths.clear()

    def _widen(self, first: int, last: int) -> None:
        for column, width in self._text_widths.items():
            texts = self.source.column_texts(column, first, last)
            self._text_widths[column] = max(width, self._text_width(texts))

    def _text_width(self, texts) -> int:
        """What Qt's default delegate and grid need to show the widest of `texts` in full."""
        if not texts:
            return 0
        metrics = QFontMetricsF(self.font())  # as QCommonStyle: ceil of the natural width
        focus_margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self)
        grid = 1 if self.showGrid() else 0
        widest = max(map(metrics.horizontalAdvance, texts))
        return math.ceil(widest) + 2 * (focus_margin + 1) + grid

    def set_filter_text(self, text: str) -> None:
        self.proxy.set_filter_text(text)

    def selected_row(self):
        indexes = self.selectionModel().selectedRows()
        return self._row(indexes[0]) if indexes else None

    def select_first(self) -> None:
        if self.proxy.rowCount():
            self.selectRow(0)

    def select_where(self, predicate) -> bool:
        """Select the first shown row for which `predicate(row)` is true; False if none is."""
        for number in range(self.proxy.rowCount()):
            if predicate(self.proxy.index(number, 0).data(ROW_ROLE)):
                self.selectRow(number)
                return True
        return False

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_row() is not None:
            self.activated_row.emit(self.selected_row())
            return
        super().keyPressEvent(event)

    def _row(self, index):
        return index.data(ROW_ROLE) if index.isValid() else None
