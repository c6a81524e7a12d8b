"""Gendan fra sikkerhedskopi: the copies with their date and contents, a preview, the choice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.danish import counted, long_date, weekday_date
from fravaer_desktop.storage.backup_folder import (
    OTHER_FILE,
    BackupCopy,
    CopySummary,
    preview,
    summarize,
)
from fravaer_desktop.ui.file_dialogs import choose_file
from fravaer_desktop.ui.models.table_base import Column, RowTableModel
from fravaer_desktop.ui.screen_fit import resize_within_screen
from fravaer_desktop.ui.widgets.table_view import RowTableView

#: Employee names shown in the preview before "og N flere".
NAMES_SHOWN = 8


@dataclass(frozen=True)
class CopyRow:
    """One line of the list: the copy and what it holds."""

    copy: BackupCopy
    summary: CopySummary


def taken_text(when: datetime) -> str:
    """'mandag 23. november 2026 kl. 08.30' (Danish writes the time with a full stop)."""
    return f"{weekday_date(when.date())} kl. {when:%H.%M}"


def _count(row: CopyRow, value: int) -> str:
    return str(value) if row.summary.usable else ""


COLUMNS = [
    Column("Taget", lambda r: taken_text(r.copy.taken_at), lambda r: r.copy.taken_at),
    Column("Slags", lambda r: r.copy.kind_text),
    Column(
        "Medarbejdere",
        lambda r: _count(r, r.summary.employees),
        lambda r: r.summary.employees,
        align_right=True,
    ),  # fmt: skip
    Column(
        "Fraværsperioder",
        lambda r: _count(r, r.summary.absences),
        lambda r: r.summary.absences,
        align_right=True,
    ),  # fmt: skip
    Column("Bemærkning", lambda r: r.summary.problem or ""),
]


def copy_rows(copies: list[BackupCopy], key: str | None = None) -> list[CopyRow]:
    """The list's rows: each copy counted (without the slower integrity check, which the
    preview and the restore itself make); copies locked with `key`, the open file's password,
    are opened with it."""
    return [CopyRow(copy, summarize(copy.path, key=key)) for copy in copies]


class RestoreDialog(QDialog):
    """Lists `rows` newest first; `chosen` is the copy to restore once the dialog is accepted.

    Nothing is replaced here: the window restores the chosen copy after the dialog closes.
    """

    def __init__(
        self,
        rows: list[CopyRow],
        current: CopySummary | None,
        folder: Path,
        parent: QWidget | None = None,
        preselect: Path | None = None,
        key: str | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Gendan fra sikkerhedskopi")
        self._current = current
        self._key = key  # the open file's password (decision 0022)
        self.chosen: BackupCopy | None = None
        intro = QLabel(
            "Vælg den kopi, du vil gå tilbage til. Fravær tager selv en kopi, første gang "
            f"programmet åbnes hver dag. Kopierne ligger i <b>{_escape(str(folder))}</b>."
        )
        intro.setWordWrap(True)
        self.model: RowTableModel[CopyRow] = RowTableModel(COLUMNS, self)
        self.model.set_rows(rows)
        self.table = RowTableView(self.model, stretch_column=len(COLUMNS) - 1)
        self.table.setAccessibleName("Sikkerhedskopier")
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self._show_preview(self.table.selected_row())
        )
        self.empty = QLabel(
            "Der er ingen sikkerhedskopier endnu. Har du en kopi et andet sted (fx på et "
            "USB-stik), så tryk på Vælg en anden fil…"
        )
        self.empty.setWordWrap(True)
        self.empty.setVisible(not rows)
        self.preview = QLabel()
        self.preview.setObjectName("copyPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setMargin(10)
        self.preview.setMinimumHeight(self.fontMetrics().lineSpacing() * 9)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.other_button = QPushButton("Vælg en anden fil…")
        self.other_button.clicked.connect(self._choose_other_file)
        self.restore_button = QPushButton("Gendan denne kopi")
        self.restore_button.setDefault(True)
        self.restore_button.setEnabled(False)
        cancel = QPushButton("Annuller")
        buttons = QDialogButtonBox()
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.preview)
        bottom = QHBoxLayout()
        bottom.addWidget(self.other_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        resize_within_screen(self, 940, 600)
        self.table.setFocus()
        self._preview_of: BackupCopy | None = None
        self._show_preview(None)
        if rows:
            wanted = next((r for r in rows if r.copy.path == preselect), rows[0])
            self.select(wanted.copy.path)

    def select(self, path: Path) -> None:
        """Select the copy at `path` in the list (and preview it)."""
        self.table.select_where(lambda row: row.copy.path == path)

    def _show_preview(self, row: CopyRow | None) -> None:
        if row is None:
            self._preview_of = None
            self.restore_button.setEnabled(False)
            self.preview.setText("Vælg en kopi i listen for at se, hvad den indeholder.")
            return
        seen = preview(row.copy.path, key=self._key)
        self._preview_of = row.copy if seen.summary.usable else None
        self.restore_button.setEnabled(seen.summary.usable)
        self.preview.setText(preview_html(row.copy, seen, self._current))

    def _choose_other_file(self) -> None:
        path = choose_file(self, "Vælg en sikkerhedskopi", "", "Fravær-fil (*.sqlite)",
                           save=False)  # fmt: skip
        if path is not None:
            self.add_other_file(path)

    def add_other_file(self, path: Path) -> None:
        """Add a copy kept somewhere else (a USB stick, a copy taken with Tag sikkerhedskopi…)
        to the list and select it."""
        if not any(row.copy.path == path for row in self.model.rows()):
            when = datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0)
            copy = BackupCopy(path, OTHER_FILE, when)
            self.model.insert_row(CopyRow(copy, summarize(path, key=self._key)))
        self.empty.hide()
        self.select(path)

    def _restore(self) -> None:
        if self._preview_of is None:
            return
        self.chosen = self._preview_of
        self.accept()


def preview_html(copy: BackupCopy, seen, current: CopySummary | None) -> str:
    """The preview of one copy, in Danish, as the dialog shows it."""
    summary = seen.summary
    lines = [f"<b>Kopien fra {taken_text(copy.taken_at)}</b> ({_escape(copy.kind_text.lower())})"]
    if not summary.usable:
        lines.append(f"{_escape(summary.problem)} Vælg en anden kopi.")
        return "<br>".join(lines)
    names = seen.employee_names
    shown = ", ".join(_escape(n) for n in names[:NAMES_SHOWN])
    more = f" og {len(names) - NAMES_SHOWN} flere" if len(names) > NAMES_SHOWN else ""
    company = _escape(summary.company_name) or "(ingen virksomhed)"
    lines.append(f"{company}: {counted(summary.employees, 'medarbejder', 'medarbejdere')}"
                 + (f" ({shown}{more})" if names else ""))  # fmt: skip
    absences = counted(summary.absences, "fraværsperiode", "fraværsperioder")
    if seen.newest_absences:
        name, first, _last = seen.newest_absences[0]
        absences += f"; den nyeste: {_escape(name)} fra {long_date(first)}"
    lines.append(absences)
    if current is not None and current.usable:
        lines.append(
            f"Virksomhedsfilen nu: {counted(current.employees, 'medarbejder', 'medarbejdere')}"
            f", {counted(current.absences, 'fraværsperiode', 'fraværsperioder')}."
        )
    lines.append(
        "<br>Når du gendanner kopien, gemmes virksomhedsfilen, som den er nu, ved siden af "
        "den, så intet går tabt. Det, der er registreret efter "
        f"{taken_text(copy.taken_at)}, er ikke med i kopien."
    )
    return "<br>".join(lines)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
