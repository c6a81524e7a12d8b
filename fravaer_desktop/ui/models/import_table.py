"""The preview of an import from payroll: one line per row of the file, its status first, the
file's own columns after it; rows with errors and the cells at fault are coloured."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette

from fravaer_desktop.core.payroll_import import ImportCheck, ImportRow, RowStatus

STATUS_TITLES = {
    RowStatus.READY: "Klar",
    RowStatus.ERROR: "Fejl",
    RowStatus.SKIPPED: "Springes over",
}
#: Light backgrounds that dark text reads well on (about 12 : 1); stronger for the cell at fault.
ERROR_ROW = QColor("#fde2e1")
ERROR_CELL = QColor("#f6b4b0")
READY_STATUS = QColor("#dcefdc")
NOTE_ROW = QColor("#fff4d6")


class ImportTableModel(QAbstractTableModel):
    """Column 0 is the status ("Klar", "Fejl", "Springes over"); columns 1... are the file's."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()
        self._rows: tuple[ImportRow, ...] = ()

    def set_check(self, headers: tuple[str, ...], check: ImportCheck) -> None:
        self.beginResetModel()
        self._headers, self._rows = headers, check.rows
        self.endResetModel()

    def row(self, number: int) -> ImportRow:
        return self._rows[number]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self._headers) + 1

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column() - 1  # the file's column, -1 for the status
        if role == Qt.ItemDataRole.DisplayRole:
            if column < 0:
                return STATUS_TITLES[row.status]
            return row.texts[column] if column < len(row.texts) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(row.messages + row.notes) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._background(row, column) is not None:
                return QBrush(QColor("#1a1a1a"))  # dark on the light colours, in a dark theme too
            if row.status is RowStatus.SKIPPED:
                palette = QGuiApplication.palette()
                return palette.brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return None

    def _background(self, row: ImportRow, column: int) -> QBrush | None:
        if row.status is RowStatus.ERROR:
            return QBrush(ERROR_CELL if column in row.problem_columns else ERROR_ROW)
        if row.notes:
            return QBrush(NOTE_ROW)
        if row.status is RowStatus.READY and column < 0:
            return QBrush(READY_STATUS)
        return None

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._rows[section].number) if section < len(self._rows) else None
        if section == 0:
            return "Status"
        return self._headers[section - 1] if section - 1 < len(self._headers) else None
