"""A damaged company file: say so calmly, and offer the newest good backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from fravaer_desktop.core.danish import counted
from fravaer_desktop.storage.backup_folder import BackupCopy, CopySummary
from fravaer_desktop.ui.dialogs.restore_dialog import taken_text
from fravaer_desktop.ui.screen_fit import resize_within_screen


class DamagedFileDialog(QDialog):
    """Accepted with `choice` RESTORE_NEWEST (restore `newest`) or CHOOSE (pick a copy in the
    list of copies); rejected: nothing is done. `at_start`: Fravær cannot open the file at
    all, so the way out is to close the program rather than go on with the file."""

    RESTORE_NEWEST = "newest"
    CHOOSE = "choose"

    def __init__(
        self,
        file_path: Path,
        newest: tuple[BackupCopy, CopySummary] | None,
        log_file: Path | None,
        parent: QWidget | None = None,
        *,
        at_start: bool,
    ):
        super().__init__(parent)
        self.setWindowTitle("Virksomhedsfilen er beskadiget")
        self.newest = newest
        self.choice: str | None = None
        self.message = QLabel(damaged_text(file_path, newest, log_file))
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox()
        self.restore_button: QPushButton | None = None
        if newest is not None:
            self.restore_button = QPushButton(f"Gendan kopien fra {newest[0].taken_at:%d-%m-%Y}")
            self.restore_button.setDefault(True)
            self.restore_button.clicked.connect(lambda: self._choose(self.RESTORE_NEWEST))
            buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.choose_button = QPushButton("Vælg en anden kopi…")
        self.choose_button.clicked.connect(lambda: self._choose(self.CHOOSE))
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = QPushButton("Luk Fravær" if at_start else "Ikke nu")
        self.close_button.clicked.connect(self.reject)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        resize_within_screen(self, 620, 300)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def damaged_text(
    file_path: Path, newest: tuple[BackupCopy, CopySummary] | None, log_file: Path | None
) -> str:
    """What the dialog says, in Danish."""
    lines = [
        f"Fravær har tjekket virksomhedsfilen '{file_path}' og fundet fejl i den. Det kan "
        "ske, hvis computeren mistede strømmen midt i en gemning, eller hvis drevet er ved at "
        "gå i stykker.",
    ]
    if newest is not None:
        copy, summary = newest
        lines.append(
            f"Den nyeste gode sikkerhedskopi er fra {taken_text(copy.taken_at)}. Den indeholder "
            f"{counted(summary.employees, 'medarbejder', 'medarbejdere')} og "
            f"{counted(summary.absences, 'fraværsperiode', 'fraværsperioder')}."
        )
        lines.append(
            "Når du gendanner den, gemmes den beskadigede fil ved siden af, så intet slettes. "
            f"Det, der er registreret efter {taken_text(copy.taken_at)}, skal du registrere "
            "igen."
        )
    else:
        lines.append(
            "Fravær har ingen god sikkerhedskopi af filen. Har du en kopi et andet sted (fx på "
            "et USB-stik), så tryk på Vælg en anden kopi… og vælg den. Filen er ikke ændret."
        )
    if log_file is not None:
        lines.append(f"Detaljer til den, der hjælper jer med programmet, står i {log_file}.")
    return "\n\n".join(lines)
