"""A page heading: the page's own font, a third larger and bold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def heading(text: str) -> QLabel:
    """Plain text: a heading may hold a name, and "<" in a name is not the start of a tag."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    return label
