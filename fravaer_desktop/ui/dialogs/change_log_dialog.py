"""Ændringslog…: who created, changed or deleted what about one employee, and when (issue 18,
item 7; decision 0023). Only the kind of record is logged, never its text."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.change_log import ChangeLogLine

COLUMNS = ("Tidspunkt", "Bruger", "Hvad")
NO_CHANGES = "Der er ikke logget nogen ændringer om medarbejderen endnu."


def intro_text(name: str, count: int) -> str:
    if count == 0:
        return NO_CHANGES
    shown = "1 ændring" if count == 1 else f"{count} ændringer"
    return (
        f"Hvem der har oprettet, ændret eller slettet oplysninger om {name}, og hvornår "
        f"({shown}, ældste først). Loggen viser kun, hvilken slags oplysning det var – aldrig "
        "hvad der stod. Den kommer også med, når du udskriver alt om medarbejderen."
    )


class ChangeLogDialog(QDialog):
    def __init__(self, name: str, lines: list[ChangeLogLine], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"Ændringslog – {name}")
        self.intro = QLabel(intro_text(name, len(lines)))
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(lines), len(COLUMNS))
        self.table.setAccessibleName("Ændringslog")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, line in enumerate(lines):
            for column, text in enumerate((line.when_text(), line.who, line.what)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(bool(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Luk")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def rows(self) -> list[tuple[str, ...]]:
        """The table as the user reads it."""
        return [
            tuple(self.table.item(row, column).text() for column in range(len(COLUMNS)))
            for row in range(self.table.rowCount())
        ]
