"""The Overblik's tree as a model: one group row per horizon, the items under it.

A model, not a QTreeWidget: the view asks for the texts of the rows it shows, so filling the
tree costs the same for 5 items and for 600 (a widget item per row took ~10 µs each at start-up).
Group rows have internal id 0; an item row has its group's position + 1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from fravaer_desktop.core.danish import short_date
from fravaer_desktop.core.overview import Horizon, OverviewItem

ITEM_ROLE = Qt.ItemDataRole.UserRole
HEADERS = ("Frist", "Opgave", "Medarbejder", "Kilde")
OVERDUE_COLOUR = QColor("#b3261e")

Index = QModelIndex | QPersistentModelIndex
NO_PARENT = QModelIndex()  # Qt's default argument: the invisible root
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_FONT = Qt.ItemDataRole.FontRole
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled
# "Never has children" spares the view a hasChildren() call per item row when it lays out.
_ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


class OverviewTreeModel(QAbstractItemModel):
    """`set_groups` replaces the content; `decision_text(item)` words a stored decision."""

    def __init__(self, decision_text: Callable[[OverviewItem], str], parent=None):
        super().__init__(parent)
        self._groups: list[tuple[Horizon, list[OverviewItem]]] = []
        self._decision_text = decision_text
        self._overdue_brush = QBrush(OVERDUE_COLOUR)
        self._bold: QFont | None = None

    # --- Content ------------------------------------------------------------------------------

    def set_groups(self, groups: Sequence[tuple[Horizon, list[OverviewItem]]]) -> None:
        """Show these groups (empty ones left out), in the order given."""
        self.beginResetModel()
        self._groups = [(horizon, list(items)) for horizon, items in groups if items]
        self.endResetModel()

    def groups(self) -> list[tuple[Horizon, list[OverviewItem]]]:
        return list(self._groups)

    def group_title(self, group_row: int) -> str:
        horizon, items = self._groups[group_row]
        return f"{horizon.value} ({len(items)})"

    def item_index(self, group_row: int, item_row: int) -> QModelIndex:
        return self.createIndex(item_row, 0, group_row + 1)

    def group_index(self, group_row: int) -> QModelIndex:
        return self.createIndex(group_row, 0, 0)

    def find(self, key: tuple) -> QModelIndex:
        """The index of the item with this key; invalid when it is not shown."""
        for group_row, (_, items) in enumerate(self._groups):
            for item_row, item in enumerate(items):
                if item.key == key:
                    return self.item_index(group_row, item_row)
        return QModelIndex()

    def item_at(self, index: Index) -> OverviewItem | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._groups[index.internalId() - 1][1][index.row()]

    # --- QAbstractItemModel -------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = NO_PARENT) -> QModelIndex:
        # Checked here, not with hasIndex(), which asks rowCount() and columnCount() through
        # Qt: the view asks for every row's index when it lays out the tree.
        if row < 0 or not 0 <= column < len(HEADERS):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0 or parent.column() != 0:
            return QModelIndex()
        if row >= len(self._groups[parent.row()][1]):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index | None = None):  # type: ignore[override]
        """The index's parent (QAbstractItemModel), or without an index the owner (QObject)."""
        if index is None:
            return super().parent()
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = NO_PARENT) -> int:  # noqa: N802 (Qt API)
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = NO_PARENT) -> int:  # noqa: N802 (Qt API)
        return len(HEADERS)

    def headerData(self, section: int, orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == _DISPLAY:
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _GROUP_FLAGS if index.internalId() == 0 else _ITEM_FLAGS

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._group_data(index.row(), index.column(), role)
        horizon, items = self._groups[index.internalId() - 1]
        return self._item_data(items[index.row()], horizon, index.column(), role)

    def _group_data(self, row: int, column: int, role: int) -> Any:
        horizon = self._groups[row][0]
        if role == _DISPLAY:
            return self.group_title(row) if column == 0 else None
        if role == _FONT:
            if self._bold is None:
                self._bold = QFont()
                self._bold.setBold(True)
            return self._bold
        if role == _FOREGROUND and horizon is Horizon.OVERDUE:
            return self._overdue_brush
        return None

    def _item_data(self, item: OverviewItem, horizon: Horizon, column: int, role: int) -> Any:
        if role == _DISPLAY:
            if column == 0:
                return short_date(item.due) if item.due else "Ingen frist"
            return (item.title, item.employee_name, item.source)[column - 1]
        if role == ITEM_ROLE:
            return item
        if role == _FOREGROUND and horizon is Horizon.OVERDUE:
            return self._overdue_brush
        if role == _TOOLTIP:
            if column == 1:
                return item.explanation
            if column == 0 and item.decision is not None:
                return self._decision_text(item)
            if column in (2, 3):  # the whole name or law reference, when the column cuts it
                return (item.employee_name, item.source)[column - 2]
        return None
