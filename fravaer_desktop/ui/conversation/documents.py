"""Showing the conversation's documents: preview (print or save as PDF) and the calendar file."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from fravaer_desktop.core.danish import file_problem
from fravaer_desktop.ui.file_dialogs import choose_file
from fravaer_desktop.ui.messages import show_warning


def preview_pdf(parent: QWidget, make_pdf: Callable[[], bytes], title: str, file_name: str):
    """Render with `make_pdf` and show the preview; a document that cannot be made (no company
    details yet) says why instead. Returns the dialog (tests look at it), not yet shown when
    `parent` has the property 'no_exec' set."""
    try:
        pdf = make_pdf()
    except ValueError as error:
        show_warning(parent, "Kan ikke udskrive", str(error))
        return None
    from fravaer_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog

    dialog = PdfPreviewDialog(pdf, title, file_name, parent)
    if not parent.property("no_exec"):
        dialog.exec()
    return dialog


def save_calendar_file(parent: QWidget, make_ics: Callable[[], bytes], file_name: str) -> bool:
    """Ask where to save the meeting as a .ics file and write it."""
    target = choose_file(parent, "Gem mødet i kalenderen", file_name, "Kalender (*.ics)", save=True)
    if target is None:
        return False
    try:
        target.write_bytes(make_ics())
    except OSError as error:
        show_warning(parent, "Kunne ikke gemme", f"Filen kunne ikke gemmes: {file_problem(error)}.")
        return False
    return True
