"""The APV's action plan: one row per measure with problem, cause, measure, responsible,
deadline, status and how the effect is followed. Wrong input is shown at the row."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.apv import ActionStatus, ApvAction, check_action
from fravaer_desktop.core.danish import parse_date, short_date
from fravaer_desktop.ui.note_style import note_style
from fravaer_desktop.ui.widgets.form_errors import ERROR_STYLE

COLUMNS = ("Problem", "Årsag", "Indsats", "Ansvarlig", "Frist", "Status", "Sådan følger vi op")
DEADLINE, STATUS = 4, 5
PLACEHOLDERS = (
    "Fx tunge løft af melsække",
    "Fx sækkene vejer 25 kg",
    "Fx sækkevogn og 10 kg-sække",
    "Fx Lars (produktionsleder)",
    "dd-mm-åååå",
    "",
    "Fx spørg på personalemødet i marts",
)


class ActionTable(QWidget):
    """Edits the action plan; `changed` after every edit. With `follow_up_only` (a completed
    APV) only the status and the follow-up can change."""

    changed = Signal()

    def __init__(self, warn, parent: QWidget | None = None):
        super().__init__(parent)
        self._warn = warn
        self._ids: list[int | None] = []
        self._made_on = date.today()
        self._loading = False
        intro = QLabel(
            "Prioritér: tag det vigtigste først. Hver indsats skal have en ansvarlig og en frist; "
            "fristerne kommer på Overblikket. Skriv om forhold i arbejdet, ikke om personer."
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(note_style())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.setAccessibleName("Handlingsplan")
        header = self.table.horizontalHeader()
        for column in (0, 1, 2, 6):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton("&Tilføj indsats")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton("&Fjern indsats")
        self.remove_button.clicked.connect(self.remove_row)
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setObjectName("actionErrors")
        self.errors.hide()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(ERROR_STYLE)
        self.warning.setObjectName("apvWarning")
        self.warning.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.errors)
        layout.addWidget(self.warning)

    def load(self, actions, made_on: date, follow_up_only: bool = False) -> None:
        self._loading = True
        self._made_on = made_on
        self.table.setRowCount(0)
        self._ids = []
        for action in actions:
            self._add(action)
        self._follow_up_only = follow_up_only
        for row in range(self.table.rowCount()):
            self._lock_row(row)
        self.add_button.setEnabled(not follow_up_only)
        self.remove_button.setEnabled(not follow_up_only)
        self._loading = False
        self._check()

    def _lock_row(self, row: int) -> None:
        for column in (0, 1, 2, 3, 4):
            self.table.cellWidget(row, column).setEnabled(not self._follow_up_only)

    def add_row(self) -> None:
        self._add(ApvAction("", ""))
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, 0)
        self.table.cellWidget(row, 0).setFocus()
        self._edited()

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            row = self.table.rowCount() - 1
        if row >= 0:
            self.table.removeRow(row)
            del self._ids[row]
            self._edited()

    def _add(self, action: ApvAction) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self._ids.append(action.id)
        values = (action.problem, action.cause, action.measure, action.responsible,
                  short_date(action.deadline), None, action.follow_up)  # fmt: skip
        for column, value in enumerate(values):
            if column == STATUS:
                combo = QComboBox()
                for status in ActionStatus:
                    combo.addItem(status.title, status.value)
                combo.setCurrentIndex(combo.findData(action.status.value))
                combo.currentIndexChanged.connect(self._edited)
                widget = combo
            else:
                widget = QLineEdit(value)
                widget.setCursorPosition(0)  # a narrow cell shows the beginning of the text
                widget.setToolTip(value)
                widget.setPlaceholderText(PLACEHOLDERS[column])
                widget.textChanged.connect(self._edited)
            widget.setAccessibleName(f"Indsats {row + 1}: {COLUMNS[column].lower()}")
            self.table.setCellWidget(row, column, widget)

    def actions(self) -> tuple[ApvAction, ...]:
        found = []
        for row in range(self.table.rowCount()):
            text = [self.table.cellWidget(row, c).text().strip() if c != STATUS else ""
                    for c in range(len(COLUMNS))]  # fmt: skip
            found.append(
                ApvAction(
                    problem=text[0],
                    cause=text[1],
                    measure=text[2],
                    responsible=text[3],
                    deadline=parse_date(text[DEADLINE]),
                    status=ActionStatus(self.table.cellWidget(row, STATUS).currentData()),
                    follow_up=text[6],
                    id=self._ids[row],
                )  # fmt: skip
            )
        return tuple(found)

    def adopt_ids(self, stored) -> None:
        """After a save: the rows get the ids the file gave them (same order)."""
        self._ids = [a.id for a in stored][: self.table.rowCount()]
        self._ids += [None] * (self.table.rowCount() - len(self._ids))

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        self._check()
        self.changed.emit()

    def _check(self) -> None:
        messages = []
        texts = []
        for number, action in enumerate(self.actions(), start=1):
            typed = self.table.cellWidget(number - 1, DEADLINE).text().strip()
            if typed and action.deadline is None:
                messages.append(f"Indsats {number}: fristen »{typed}« er ikke en dato. Skriv fx "
                                "15-03-2027.")  # fmt: skip
            elif action.problem or action.measure or action.responsible:
                for error in check_action(replace(action), self._made_on):
                    messages.append(f"Indsats {number}: {error.message}")
            texts += [action.problem, action.cause, action.measure, action.follow_up]
        self.errors.setText("\n".join(messages))
        self.errors.setVisible(bool(messages))
        warning = self._warn("\n".join(t for t in texts if t))
        self.warning.setText(warning or "")
        self.warning.setVisible(bool(warning))
