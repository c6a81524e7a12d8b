"""Secondary notes are quieter than the text but readable: WCAG contrast of at least 4.5 : 1."""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QLabel

from fravaer_desktop.ui.dialogs.employee_dialog import EmployeeDialog
from fravaer_desktop.ui.note_style import note_colour


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) + 0.0722 * channel(
        colour.blue()
    )


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_notes_are_readable_against_the_window(qapp) -> None:
    palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)

    note = QColor(note_colour())

    assert contrast(note, window) >= 4.5
    assert contrast(note, window) < contrast(text, window)  # still quieter than the text


def test_the_no_cpr_no_diagnosis_hint_is_shown_as_a_readable_note(qtbot, store, today) -> None:
    dialog = EmployeeDialog(store.employees, today)
    qtbot.addWidget(dialog)

    (hint,) = [
        label for label in dialog.findChildren(QLabel) if "aldrig CPR-nummer" in label.text()
    ]

    assert hint.isEnabled()  # a disabled label is drawn at about 1.6 : 1
    assert note_colour() in hint.styleSheet()
