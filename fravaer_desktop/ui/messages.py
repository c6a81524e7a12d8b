"""Message boxes: a warning, a piece of information, an error, the About box.

QMessageBox is loaded when the first message is shown, not at start-up: setting up its class
costs ~2 ms, and most starts show no message at all.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def show_warning(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.warning(parent, title, text)


def show_information(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(parent, title, text)


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(parent, title, text)


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(parent, title, text)
