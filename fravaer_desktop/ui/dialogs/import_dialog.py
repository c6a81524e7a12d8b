"""Importér fra lønsystem…: choose the payroll system's CSV or Excel file, see every row as it
will be imported (what each column holds can be changed), and import the staff in one go, only
when every row is in order. CPR numbers are never read or shown."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.danish import counted
from fravaer_desktop.core.models import Employee
from fravaer_desktop.core.payroll_file import PayrollFileError, read_payroll_file
from fravaer_desktop.core.payroll_import import (
    NOT_IMPORTED_TITLE,
    Field,
    ImportCheck,
    Mapping,
    PayrollTable,
    RowStatus,
    check_import,
    guess_mapping,
    staff_table,
)
from fravaer_desktop.core.validation import ValidationError
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.file_dialogs import choose_file
from fravaer_desktop.ui.models.import_table import ImportTableModel
from fravaer_desktop.ui.note_style import note_style
from fravaer_desktop.ui.screen_fit import resize_within_screen

#: The messages of rows with errors: a dark red that reads at 7 : 1 on white.
ERROR_TEXT = QColor("#a4262c")
FILE_FILTER = "Lønfiler (*.csv *.txt *.xlsx *.xlsm *.xls *.ods);;Alle filer (*)"
INTRO = (
    "Gem medarbejderlisten fra lønsystemet som CSV eller Excel (.xlsx), og vælg filen. Her ser "
    "du hver række, som den vil blive importeret. Der gemmes ingenting, før du trykker "
    "»Importér«, og det kan du først, når alle rækker er i orden."
)
FIX_HINT = (
    "Ret rækkerne med fejl i lønsystemet eller i Excel, gem filen, og tryk »Læs filen igen«. "
    "Vælg en anden betydning for en kolonne i listen over den, hvis Fravær har gættet forkert."
)


class MappingStrip(QWidget):
    """A combo box above each of the table's file columns: what the column holds."""

    changed = Signal()

    def __init__(self, table: QTableView, parent: QWidget | None = None):
        super().__init__(parent)
        self._table = table
        self.combos: list[QComboBox] = []
        self._caption = QLabel("Læses som:", self)
        header = table.horizontalHeader()
        header.sectionResized.connect(lambda *_: self.place())
        header.geometriesChanged.connect(self.place)
        table.horizontalScrollBar().valueChanged.connect(lambda *_: self.place())
        self.setFixedHeight(QComboBox().sizeHint().height() + 4)

    def set_columns(self, headers: tuple[str, ...], mapping: Mapping) -> None:
        for combo in self.combos:
            combo.deleteLater()
        self.combos = []
        for header, field in zip(headers, mapping, strict=True):
            combo = QComboBox(self)
            combo.setAccessibleName(f"Kolonnen »{header}« læses som")
            combo.addItem(NOT_IMPORTED_TITLE, None)
            for option in Field:
                combo.addItem(option.title, option)
            combo.setCurrentIndex(combo.findData(field) if field is not None else 0)
            combo.currentIndexChanged.connect(lambda _: self.changed.emit())
            combo.show()
            self.combos.append(combo)
        self.place()

    def mapping(self) -> Mapping:
        # Qt gives the StrEnum back as plain text
        return tuple(Field(c.currentData()) if c.currentData() else None for c in self.combos)

    def widest_combo(self) -> int:
        return max((c.sizeHint().width() for c in self.combos), default=0)

    def place(self) -> None:
        """Put each combo box over its column, as the columns are now sized and scrolled."""
        header = self._table.horizontalHeader()
        left = self._table.frameWidth() + self._table.verticalHeader().width()
        height = self.height() - 4
        status_x = left + header.sectionViewportPosition(0)
        self._caption.setGeometry(status_x + 4, 0, max(0, header.sectionSize(0) - 4), height)
        self._caption.setVisible(status_x >= left)
        for section, combo in enumerate(self.combos, start=1):
            x = header.sectionViewportPosition(section)
            combo.setGeometry(left + x, 0, max(0, header.sectionSize(section) - 2), height)
            combo.setVisible(x >= 0 and left + x < self.width())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.place()


class ImportDialog(QDialog):
    """`result_object` is the list of stored employees once the dialog is accepted."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Importér medarbejdere fra lønsystemet")
        self._store = store
        company = store.company.get()
        self._default_hours = company.standard_weekly_hours if company else 37.0
        self._path: Path | None = None
        self._table: PayrollTable | None = None
        self.check: ImportCheck | None = None
        self.result_object: list[Employee] | None = None
        self._build()
        resize_within_screen(self, 1180, 760)

    def _build(self) -> None:
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.file_label = QLabel("Ingen fil valgt.")
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton("&Vælg fil…")
        self.reload_button = QPushButton("&Læs filen igen")
        self.reload_button.setEnabled(False)
        self.choose_button.clicked.connect(self._choose)
        self.reload_button.clicked.connect(self.reload)
        file_row = QHBoxLayout()
        file_row.addWidget(QLabel("Fil:"))
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(self.choose_button)
        file_row.addWidget(self.reload_button)
        self.description = QLabel()
        self.description.setStyleSheet(note_style())
        self.description.setWordWrap(True)
        self.cpr_notice = QLabel()
        self.cpr_notice.setWordWrap(True)
        self.cpr_notice.setObjectName("cprNotice")
        self.cpr_notice.hide()
        self.model = ImportTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Rækkerne i filen")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        self.strip = MappingStrip(self.table)
        self.strip.changed.connect(self._recheck)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.messages = QListWidget()
        self.messages.setAccessibleName("Fejl og bemærkninger")
        self.messages.setWordWrap(True)
        self.messages.setMaximumHeight(self.fontMetrics().lineSpacing() * 8)
        self.messages.currentItemChanged.connect(self._show_row_of)
        self.hint = QLabel(FIX_HINT)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(note_style())
        self.import_button = QPushButton("Importér")
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        cancel = QPushButton("Annuller")
        buttons = QDialogButtonBox()
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._import)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(file_row)
        layout.addWidget(self.description)
        layout.addWidget(self.cpr_notice)
        layout.addWidget(self.strip)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.messages)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self._show_nothing("Vælg filen fra lønsystemet.")

    # --- reading ---------------------------------------------------------------------------

    def _choose(self) -> None:
        start = str(self._path) if self._path else ""
        chosen = choose_file(self, "Vælg filen fra lønsystemet", start, FILE_FILTER, save=False)
        if chosen is not None:
            self.load(chosen)

    def load(self, path: Path) -> None:
        """Read `path` and show its rows with the columns as guessed from its headers."""
        self._path = path
        self.file_label.setText(path.name)  # the folder in the tooltip: a path can be long
        self.file_label.setToolTip(str(path))
        self.reload_button.setEnabled(True)
        self.reload()

    def reload(self) -> None:
        """Read the file again (after the user fixed it), keeping the columns' meaning when the
        headers are the same."""
        if self._path is None:
            return
        try:
            table = staff_table(read_payroll_file(self._path))
        except PayrollFileError as error:
            self._table = None
            self._show_nothing(str(error))
            return
        same_headers = self._table is not None and self._table.headers == table.headers
        mapping = self.strip.mapping() if same_headers else guess_mapping(table.headers)
        self._table = table
        rows = counted(len(table.rows), "række", "rækker")
        self.description.setText(
            f"{table.description} · {rows} under overskrifterne i række {table.header_row}"
        )
        self.strip.blockSignals(True)
        self.strip.set_columns(table.headers, mapping)
        self.strip.blockSignals(False)
        self._recheck()
        self._size_columns()

    def _show_nothing(self, reason: str) -> None:
        self.check = None
        self.description.clear()
        self.cpr_notice.hide()
        self.strip.set_columns((), ())
        self.model.set_check((), ImportCheck(()))
        self.summary.setText(escape(reason))
        self.messages.clear()
        self.messages.hide()
        self.hint.hide()
        self._set_importable(None)

    def _size_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        widest = self.strip.widest_combo()
        cap = self.fontMetrics().averageCharWidth() * 28
        for section in range(1, self.model.columnCount()):
            header.resizeSection(section, max(widest, min(header.sectionSize(section), cap)))
        self.strip.place()

    # --- checking ----------------------------------------------------------------------------

    def _recheck(self) -> None:
        if self._table is None:
            return
        existing = self._store.employees.list_all()
        mapping = self.strip.mapping()
        self.check = check_import(self._table, mapping, existing, self._default_hours)
        self._show_check(self.check)

    def _show_check(self, check: ImportCheck) -> None:
        assert self._table is not None
        self.model.set_check(self._table.headers, check)
        self.cpr_notice.setText(" ".join(check.notices))
        self.cpr_notice.setVisible(bool(check.notices))
        self.summary.setText(f"<b>{escape(check.summary())}</b>")
        self.messages.clear()
        for problem in check.problems:
            self.messages.addItem(problem)
        light = self.messages.palette().color(QPalette.ColorRole.Base).lightness() > 128
        for index, row in enumerate(check.rows):
            for text in row.messages + row.notes:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, index)
                if row.status is RowStatus.ERROR and light:
                    item.setForeground(QBrush(ERROR_TEXT))
                self.messages.addItem(item)
        self.messages.setVisible(self.messages.count() > 0)
        self.hint.setVisible(not check.is_clean)
        self._set_importable(check)

    def _set_importable(self, check: ImportCheck | None) -> None:
        clean = check is not None and check.is_clean
        self.import_button.setEnabled(clean)
        ready = len(check.ready) if check is not None else 0
        self.import_button.setText(
            f"Importér {counted(ready, 'medarbejder', 'medarbejdere')}" if clean else "Importér"
        )

    def _show_row_of(self, item: QListWidgetItem | None) -> None:
        row = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # --- importing ---------------------------------------------------------------------------

    def _import(self) -> None:
        """Check once more against the staff as stored now (another window may have added
        someone), then store every ready employee in one transaction."""
        before = self.check
        self._recheck()
        check = self.check
        if check is None or not check.is_clean or before is None or check.ready != before.ready:
            self.summary.setText(
                "<b>Listen er ændret, siden den blev vist</b> (en medarbejder er gemt i et andet "
                "vindue). Se rækkerne igen, og tryk Importér, når de er i orden."
            )
            return
        try:
            self.result_object = self._store.employees.add_many(check.ready)
        except ValidationError as error:
            self.summary.setText(f"<b>Der er ikke importeret nogen.</b> {escape(str(error))}")
            self._set_importable(None)
            return
        self.accept()
