"""A sortable, searchable table view over a RowTableModel."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from fravaer_desktop.ui.models.table_base import ROW_ROLE, SORT_ROLE, RowTableModel


class RowTableView(QTableView):
    """Whole-row selection, click to sort, `set_filter_text` to search; emits `activated_row`."""

    activated_row = Signal(object)

    def __init__(self, model: RowTableModel, parent=None, stretch_column: int = 0):
        super().__init__(parent)
        self.source = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
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
        self.doubleClicked.connect(lambda index: self.activated_row.emit(self._row(index)))

    def set_filter_text(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())

    def selected_row(self):
        indexes = self.selectionModel().selectedRows()
        return self._row(indexes[0]) if indexes else None

    def select_first(self) -> None:
        if self.proxy.rowCount():
            self.selectRow(0)

    def select_where(self, predicate) -> None:
        for number in range(self.proxy.rowCount()):
            if predicate(self.proxy.index(number, 0).data(ROW_ROLE)):
                self.selectRow(number)
                return

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_row() is not None:
            self.activated_row.emit(self.selected_row())
            return
        super().keyPressEvent(event)

    def _row(self, index):
        return index.data(ROW_ROLE) if index.isValid() else None
