"""Windows open no larger than the screen, so their buttons are never under the taskbar."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QGuiApplication

from fravaer_desktop.core.models import Company, Employee
from fravaer_desktop.reports.absence_overview import (
    build_absence_overview_data,
    render_absence_overview,
)
from fravaer_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from fravaer_desktop.ui.screen_fit import MAX_SCREEN_SHARE, resize_within_screen

COMPANY = Company(name="Bageriet Solsikken ApS", cvr="10150817")


def test_print_preview_fits_a_screen_lower_than_the_page(qtbot, today: date) -> None:
    employee = Employee(id=1, name="Anna Jensen", employed_from=date(2019, 3, 1))
    data = build_absence_overview_data(COMPANY, employee, [], date(2026, 1, 1), today, today)
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert available.height() < 900  # the test screen (800 × 800) is lower than the preview

    dialog = PdfPreviewDialog(render_absence_overview(data), "Fraværsoversigt", "x.pdf")
    qtbot.addWidget(dialog)
    dialog.show()

    assert dialog.frameGeometry().height() <= available.height()
    assert dialog.frameGeometry().width() <= available.width()
    assert dialog.height() == int(available.height() * MAX_SCREEN_SHARE)


def test_a_window_that_fits_keeps_the_size_asked_for(qtbot) -> None:
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)

    resize_within_screen(widget, 500, 400)

    assert (widget.width(), widget.height()) == (500, 400)
