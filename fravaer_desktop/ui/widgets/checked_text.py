"""A free-text field with the calm warning under it (health details, or whatever `warn` finds):
it warns as you type and never blocks saving. Also the scroll area every long form sits in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QScrollArea, QVBoxLayout, QWidget

from fravaer_desktop.ui.widgets.form_errors import ERROR_STYLE

#: Room for a short paragraph; longer text scrolls inside the field, so a tab of several fields
#: still shows its last one on a laptop screen.
MAX_LINES = 6


class CheckedText(QWidget):
    """`edit` (a QPlainTextEdit, or a QLineEdit for one line) and `warning` under it."""

    def __init__(
        self,
        warn: Callable[[str], str | None],
        changed: Callable[..., None] | None = None,
        multi_line: bool = True,
        placeholder: str = "",
        text: str = "",
    ):
        super().__init__()
        self._warn = warn
        self.edit = QPlainTextEdit() if multi_line else QLineEdit()
        if multi_line:
            self.edit.setTabChangesFocus(True)
            self.edit.setMaximumHeight(self.fontMetrics().lineSpacing() * MAX_LINES)
        self.edit.setPlaceholderText(placeholder)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(ERROR_STYLE)
        self.warning.setObjectName("healthWarning")
        self.warning.hide()
        self.edit.textChanged.connect(self._checked)
        if changed is not None:
            self.edit.textChanged.connect(changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.warning)
        self.set_text(text)

    def text(self) -> str:
        edit = self.edit
        return edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()

    def set_text(self, text: str) -> None:
        if isinstance(self.edit, QPlainTextEdit):
            self.edit.setPlainText(text)
        else:
            self.edit.setText(text)
        self._checked()

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)

    def _checked(self) -> None:
        warning = self._warn(self.text())
        self.warning.setText(warning or "")
        self.warning.setVisible(bool(warning))


def scroll_area(widget: QWidget) -> QScrollArea:
    """`widget` in a scroll area that resizes it to the width (a long form on a small screen)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area
