"""The Qt binding must survive many repaints: PySide6 6.12.0 on Python 3.11 crashed the program.

That release lost one reference to `None` on every Qt call that returns nothing, so after a few
hundred repaints of the year calendar Python aborted ("deallocating None"). pyproject.toml
excludes it; these tests fail if a broken binding comes back.
"""

from __future__ import annotations

import sys

from fravaer_desktop.ui.main_window import MainWindow


def test_void_qt_calls_keep_none_alive(qtbot):
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("Anna Jensen")
    # Other code may take or drop a few references meanwhile; a leak loses one per call.
    assert sys.getrefcount(None) - before > -100


def test_clicking_through_employees_repaints_the_calendar_many_times(qtbot, window: MainWindow):
    window.show_page("Medarbejdere")
    page = window.employees_page
    for _ in range(60):
        for row in range(2):
            page.table.selectRow(row)
            page.repaint()
    assert window.isVisible()
