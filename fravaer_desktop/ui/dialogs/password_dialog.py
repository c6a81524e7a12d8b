"""The password of a locked company file: asked at opening, and set, changed or removed
(decision 0022)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.storage.database import WrongPasswordError

TRIES = 3
#: Shown while the file is being opened after Åbn.
OPENING = "Åbner filen …"
MIN_LENGTH = 8
FORGOTTEN_WITH_COPIES = (
    "Glemt adgangskode? Den kan ikke gendannes – brug en sikkerhedskopi fra før, filen blev låst."
)
FORGOTTEN = (
    "Glemt adgangskode? Den kan ikke gendannes, og uden den kan filen og dens "
    "sikkerhedskopier ikke åbnes."
)
#: Said before a password is set; the user ticks that it is understood.
CANNOT_BE_RECOVERED = (
    "<b>Vigtigt:</b> En glemt adgangskode kan ikke gendannes – hverken af dig, af "
    "leverandøren eller af andre. Uden den kan virksomhedsfilen og alle sikkerhedskopier, "
    "Fravær tager fra nu af, ikke åbnes. Skriv adgangskoden ned, og gem den et sikkert sted."
)


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _buttons(ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)  # fmt: skip
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Annuller")
    return buttons


class PasswordDialog(QDialog):
    """Asks for the password of `file_path` and calls `attempt(password)`, which opens the
    file and raises WrongPasswordError for a wrong one. Three tries; any other error ends the
    dialog and is raised again by `ask`. `has_old_copies()`: there are copies from before the
    file was locked (then the forgotten-password note points to them)."""

    def __init__(
        self,
        file_path: Path,
        attempt: Callable[[str], Any],
        has_old_copies: Callable[[], bool] = lambda: False,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle("Adgangskode")
        self._attempt = attempt
        self._has_old_copies = has_old_copies
        self.tries = 0
        self.result_value: Any = None
        self.error: BaseException | None = None
        intro = QLabel(f"Virksomhedsfilen '{file_path.name}' er låst med en adgangskode.")
        intro.setWordWrap(True)
        self.password = _password_field()
        self.password.setAccessibleName("Adgangskode")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("passwordMessage")
        self.buttons = _buttons("Åbn")
        self.buttons.accepted.connect(self._try)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Adgangskode:", self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _try(self) -> None:
        # Working out the key from the password takes a moment on purpose (decision 0024):
        # say so, and show the wait cursor, until the file is open or the password refused.
        self.message.setText(OPENING)
        self.buttons.setEnabled(False)
        self.message.repaint()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.result_value = self._attempt(self.password.text())
        except WrongPasswordError:
            self.tries += 1
            forgotten = FORGOTTEN_WITH_COPIES if self._has_old_copies() else FORGOTTEN
            if self.tries >= TRIES:
                self.gave_up_text = f"Adgangskoden passede ikke tre gange. {forgotten}"
                self.reject()
                return
            self.message.setText(
                f"Adgangskoden passer ikke. Prøv igen (forsøg {self.tries + 1} af {TRIES}) – "
                f"store og små bogstaver tæller.\n\n{forgotten}"
            )
            self.password.selectAll()
            self.password.setFocus()
            return
        except BaseException as error:  # shown by the caller as any opening error
            self.error = error
            self.reject()
            return
        finally:
            QApplication.restoreOverrideCursor()
            self.buttons.setEnabled(True)
        self.accept()

    gave_up_text: str | None = None

    @classmethod
    def ask(cls, file_path: Path, attempt: Callable[[str], Any],
            has_old_copies: Callable[[], bool] = lambda: False,
            parent: QWidget | None = None) -> Any:  # fmt: skip
        """What `attempt` returned with the right password; None when cancelled or after three
        wrong ones (the user is told calmly)."""
        dialog = cls(file_path, attempt, has_old_copies, parent)
        accepted = dialog.exec()
        if dialog.error is not None:
            raise dialog.error
        if dialog.gave_up_text is not None:
            from fravaer_desktop.ui.messages import show_information

            show_information(parent, "Adgangskode", dialog.gave_up_text)
        return dialog.result_value if accepted else None


def new_password_problem(new: str, repeated: str) -> str | None:
    """What is wrong with a new password, in Danish (None: it can be used)."""
    if len(new) < MIN_LENGTH:
        return f"Adgangskoden skal have mindst {MIN_LENGTH} tegn. Brug gerne en hel sætning."
    if new != repeated:
        return "De to adgangskoder er ikke ens. Skriv den samme i begge felter."
    return None


class NewPasswordDialog(QDialog):
    """Lås filen med adgangskode… (`current` False) or Skift/fjern adgangskode… (`current`
    True: the current password is asked, and the password can be removed). After exec():
    `current_password`, and `new_password` (None: remove it)."""

    def __init__(self, current: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Skift eller fjern adgangskode" if current else "Lås filen")
        self.current_password: str | None = None
        self.new_password: str | None = None
        self.current = _password_field() if current else None
        self.new = _password_field()
        self.repeated = _password_field()
        self.remove = QCheckBox("Fjern adgangskoden (filen gemmes uden kryptering)")
        self.remove.setVisible(current)
        self.remove.toggled.connect(self._removing)
        warning = QLabel(CANNOT_BE_RECOVERED)
        warning.setWordWrap(True)
        self.understood = QCheckBox("Jeg har forstået, at en glemt adgangskode ikke kan gendannes")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("passwordMessage")
        form = QFormLayout()
        if self.current is not None:
            form.addRow("Nuværende adgangskode:", self.current)
        form.addRow("Ny adgangskode:", self.new)
        form.addRow("Gentag ny adgangskode:", self.repeated)
        self.buttons = _buttons("Skift" if current else "Lås filen")
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if not current:
            intro = QLabel(
                "Med en adgangskode er virksomhedsfilen og de sikkerhedskopier, Fravær tager, "
                "krypteret: de kan ikke læses uden adgangskoden, heller ikke hvis computeren "
                "eller USB-stikket bliver stjålet. Fravær spørger om den, hver gang filen åbnes."
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.remove)
        layout.addWidget(warning)
        layout.addWidget(self.understood)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def _removing(self, removing: bool) -> None:
        self.new.setEnabled(not removing)
        self.repeated.setEnabled(not removing)
        self.understood.setEnabled(not removing)

    def _check(self) -> None:
        if self.current is not None and not self.current.text():
            self.message.setText("Skriv den nuværende adgangskode.")
            return
        if not self.remove.isChecked():
            problem = new_password_problem(self.new.text(), self.repeated.text())
            if problem is None and not self.understood.isChecked():
                problem = "Sæt flueben ved, at du har forstået, at den ikke kan gendannes."
            if problem is not None:
                self.message.setText(problem)
                return
            self.new_password = self.new.text()
        self.current_password = self.current.text() if self.current is not None else None
        self.accept()
