"""A page heading: the page's own font, a third larger and bold."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    return label
