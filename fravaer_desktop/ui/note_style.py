"""The colour of secondary notes ("Kilde: …"): quieter than the text, still easy to read.

Qt's placeholder colour is text at half strength, about 3.9 : 1 against the window: too faint
for a manager reading at arm's length. Seven parts text to three parts background gives about
8 : 1 in a light and in a dark theme alike.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

TEXT_SHARE = 0.7


def note_colour() -> str:
    palette = QGuiApplication.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    background = palette.color(QPalette.ColorRole.Window)

    def mixed(a: int, b: int) -> int:
        return round(a * TEXT_SHARE + b * (1 - TEXT_SHARE))

    colour = QColor(
        mixed(text.red(), background.red()),
        mixed(text.green(), background.green()),
        mixed(text.blue(), background.blue()),
    )
    return colour.name()


def note_style() -> str:
    """A style sheet (and inline style) for a secondary note."""
    return f"color: {note_colour()};"
