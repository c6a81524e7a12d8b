"""A notes field that saves itself as you type and warns calmly about health details."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from fravaer_desktop.ui.widgets.form_errors import ERROR_STYLE

#: The notes are written this long after the last key press (and at once on leaving the field).
SAVE_DELAY_MS = 400


class NotesEdit(QWidget):
    """The notes of one section of the conversation; `wizard.save_note` stores them."""

    def __init__(self, wizard, section: str, title: str = "", placeholder: str = "") -> None:
        super().__init__()
        self._wizard = wizard
        self.section = section
        self.title = QLabel(title)
        self.title.setVisible(bool(title))
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setAccessibleName(title or "Noter")
        self.title.setBuddy(self.edit)
        self.health_warning = QLabel()
        self.health_warning.setWordWrap(True)
        self.health_warning.setStyleSheet(ERROR_STYLE)
        self.health_warning.setObjectName("healthWarning")
        self.health_warning.hide()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._write)
        self._loading = False
        self.edit.textChanged.connect(self._typed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.health_warning)

    def set_section(self, section: str, placeholder: str = "") -> None:
        """Show another section's notes (the current ones are saved first)."""
        self.save_now()
        self.section = section
        self.edit.setPlaceholderText(placeholder)
        self.load()

    def load(self) -> None:
        conversation = self._wizard.conversation
        text = conversation.notes.get(self.section, "") if conversation else ""
        self._loading = True
        self.edit.setPlainText(text)
        self._loading = False
        self._check(text)

    def text(self) -> str:
        return self.edit.toPlainText()

    def save_now(self) -> None:
        """Write the notes now if a change is waiting for the typing pause."""
        if self._timer.isActive():
            self._timer.stop()
            self._write()

    def _write(self) -> None:
        self._wizard.save_note(self.section, self.text())

    def _typed(self) -> None:
        if self._loading:
            return
        self._check(self.text())
        self._timer.start()

    def _check(self, text: str) -> None:
        warning = self._wizard.health_check.warning_for(text)
        self.health_warning.setText(warning or "")
        self.health_warning.setVisible(bool(warning))
