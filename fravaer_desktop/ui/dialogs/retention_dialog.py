"""Sletning af gamle oplysninger…: the company's retention period, who is due, delete for good."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.danish import counted, long_date
from fravaer_desktop.core.retention import DEFAULT_REASON, MAX_YEARS, MIN_YEARS
from fravaer_desktop.core.validation import ValidationError
from fravaer_desktop.storage.backup_cleaning import clean_backups
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.storage.retention import (
    DueEmployee,
    delete_due,
    due_for_deletion,
    retention_setting,
    save_retention_years,
)

TITLE = "Sletning af gamle oplysninger"
EXPLANATION = (
    "Oplysninger om sygefravær må kun gemmes, så længe virksomheden har brug for dem. Når en "
    "medarbejder er stoppet, skal oplysningerne derfor slettes efter en periode, som "
    "virksomheden selv fastsætter. Her vælger du perioden, ser, hvem den gælder for nu, og "
    "sletter dem. Alt om personen slettes: ansættelsen, fraværet, samtaler og referater, "
    "fastholdelsesplaner, beslutninger og ændringsloggen. Det kan ikke fortrydes."
)
BACKUPS_NOTE = (
    "Programmets egne sikkerhedskopier renses samtidig, så personerne heller ikke findes i dem. "
    "Kopier, du selv har lagt andre steder, skal du selv slette."
)
CONFIRM = "Jeg har set listen og vil slette alt om de viste personer for altid."
NONE_DUE = "Ingen tidligere medarbejdere skal slettes nu."


def due_line(due: DueEmployee) -> str:
    e = due.employee
    return (
        f"{e.name}, fratrådt {long_date(e.employed_to)}: "
        f"{counted(due.absences, 'fraværsperiode', 'fraværsperioder')}, "
        f"{counted(due.conversations, 'samtale', 'samtaler')}, "
        f"{counted(due.plans, 'fastholdelsesplan', 'fastholdelsesplaner')}"
    )


class RetentionDialog(QDialog):
    """The period (with the default's reason), the list of who is due, and the deletion."""

    employees_deleted = Signal(list)  # the deleted employees' ids

    def __init__(
        self,
        store: Store,
        today: date,
        company_file: Path | None,
        chosen_folder: Path | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self._store, self._today = store, today
        self._company_file, self._chosen_folder = company_file, chosen_folder
        self._due: list[DueEmployee] = []
        writable = not store.db.read_only
        explanation = QLabel(EXPLANATION)
        explanation.setWordWrap(True)
        self.years = QSpinBox()
        self.years.setRange(MIN_YEARS, MAX_YEARS)
        self.years.setSuffix(" år efter fratrædelsen")
        self.save_button = QPushButton("Gem perioden")
        self.save_button.setEnabled(writable)
        self.save_button.clicked.connect(self.save_years)
        self.decided = QLabel()
        self.decided.setWordWrap(True)
        reason = QLabel(DEFAULT_REASON)
        reason.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel("Gem oplysninger om tidligere ansatte i"))
        row.addWidget(self.years)
        row.addWidget(self.save_button)
        row.addStretch(1)
        self.due_list = QListWidget()
        self.due_label = QLabel()
        self.due_label.setWordWrap(True)
        self.backups_note = QLabel(BACKUPS_NOTE)
        self.backups_note.setWordWrap(True)
        self.confirm = QCheckBox(CONFIRM)
        self.delete_button = QPushButton("Slet de viste oplysninger")
        self.delete_button.clicked.connect(self.delete)
        self.confirm.toggled.connect(self._update_buttons)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Luk")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (explanation, reason):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.decided)
        layout.addWidget(self.due_label)
        layout.addWidget(self.due_list)
        layout.addWidget(self.backups_note)
        layout.addWidget(self.confirm)
        layout.addWidget(self.delete_button)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self._writable = writable
        self.refresh()

    def refresh(self) -> None:
        setting = retention_setting(self._store)
        self.years.setValue(setting.years)
        if setting.is_default:
            self.decided.setText(
                f"Forslaget er {setting.years} år. Virksomheden har ikke valgt en periode "
                "endnu: tryk Gem perioden for at registrere beslutningen."
            )
        else:
            self.decided.setText(
                f"Virksomheden besluttede {long_date(setting.decided_on)} at gemme "
                f"oplysningerne i {setting.years} år efter fratrædelsen."
            )
        self._due = due_for_deletion(self._store, self._today)
        self.due_list.clear()
        self.due_list.addItems([due_line(d) for d in self._due])
        if self._due:
            people = counted(len(self._due), "tidligere medarbejder", "tidligere medarbejdere")
            self.due_label.setText(
                f"Disse {people} stoppede for {setting.years} år siden eller mere, og alt om "
                "dem slettes:"
            )
        else:
            self.due_label.setText(NONE_DUE)
        # Nobody due: no empty list and no delete button, only the sentence saying so.
        for widget in (self.due_list, self.backups_note, self.confirm, self.delete_button):
            widget.setVisible(bool(self._due))
        self.confirm.setChecked(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        can = self._writable and bool(self._due)
        self.confirm.setEnabled(can)
        self.delete_button.setEnabled(can and self.confirm.isChecked())

    def save_years(self) -> None:
        try:
            save_retention_years(self._store, self.years.value(), self._today)
        except ValidationError as error:
            self.result.setText(error.errors[0].message)
            return
        self.result.setText("Perioden er gemt.")
        self.refresh()

    def delete(self) -> None:
        if not self.confirm.isChecked() or not self._due:
            return
        try:
            done = delete_due(self._store, [d.employee for d in self._due], self._today)
        except ValidationError as error:
            self.result.setText(error.errors[0].message)
            self.refresh()
            return
        lines = [f"{counted(len(done.deleted), 'person', 'personer')} er slettet."]
        if not done.file_clean:
            lines.append(
                "Et andet program læser filen lige nu, så de sidste spor i filen fjernes, "
                "næste gang du gemmer noget."
            )
        if self._company_file is not None and done.deleted:
            cleaned = clean_backups(
                self._company_file, self._chosen_folder, done.deleted, self._store.db.key
            )
            lines.append(
                f"{counted(len(cleaned.cleaned), 'sikkerhedskopi', 'sikkerhedskopier')} er "
                "renset for dem."
            )
            if cleaned.deleted:
                lines.append(
                    f"{counted(len(cleaned.deleted), 'kopi', 'kopier')}, der ikke kunne læses, "
                    "er slettet."
                )
            for folder in cleaned.unreachable:
                lines.append(
                    f"Mappen '{folder}' kunne ikke findes (er USB-stikket sat i?). Kopierne "
                    "dér indeholder stadig personerne: sæt stikket i, og slet de kopier."
                )
            if cleaned.failed:
                lines.append(
                    "Nogle kopier kunne ikke ændres, fordi de er i brug: "
                    + ", ".join(p.name for p in cleaned.failed)
                )
        self.result.setText(" ".join(lines))
        self.employees_deleted.emit([e.id for e in done.deleted])
        self.refresh()
