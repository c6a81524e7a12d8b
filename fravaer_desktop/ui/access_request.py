"""Udskriv alt om medarbejderen…: the access request's PDF in the preview, and its JSON file."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from fravaer_desktop.core.danish import file_problem
from fravaer_desktop.core.models import Employee
from fravaer_desktop.services.access_request import (
    access_report_pdf,
    access_request_json,
    file_name,
)
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog
from fravaer_desktop.ui.file_dialogs import choose_file
from fravaer_desktop.ui.messages import show_warning

SAVE_JSON = "Gem som JSON…"
EMPLOYEE_GONE = "Medarbejderen findes ikke længere. Vedkommende kan være slettet i et andet vindue."


class AccessRequestDialog(PdfPreviewDialog):
    """The preview of 'Alt om medarbejderen', with »Gem som JSON…« beside »Gem som PDF…«."""

    def __init__(self, store: Store, employee: Employee, pdf: bytes, parent: QWidget | None):
        today = store.today()
        super().__init__(pdf, f"Alt om {employee.name}", file_name(employee.name, today, ".pdf"),
                         parent)  # fmt: skip
        self._store, self._employee, self._today = store, employee, today
        self.json_button = QPushButton(SAVE_JSON)
        self.json_button.setToolTip("De samme oplysninger som en fil, et andet program kan læse")
        self.json_button.clicked.connect(self.choose_file_and_save_json)
        buttons = self.findChild(QHBoxLayout)
        buttons.insertWidget(buttons.count() - 1, self.json_button)  # before »Luk«

    def save_json_to(self, path) -> None:
        path.write_bytes(access_request_json(self._store, self._employee.id, self._today))

    def choose_file_and_save_json(self) -> None:
        name = file_name(self._employee.name, self._today, ".json")
        target = choose_file(self, "Gem som JSON", name, "JSON (*.json)", save=True)
        if target is None:
            return
        try:
            self.save_json_to(target)
        except OSError as error:
            show_warning(
                self, "Kunne ikke gemme", f"Filen kunne ikke gemmes: {file_problem(error)}."
            )


def print_access_request(
    parent: QWidget, store: Store, employee: Employee | None
) -> AccessRequestDialog | None:
    """Show everything stored about `employee`; returns the dialog (not yet shown when
    `parent` has the property 'no_exec', for tests)."""
    if employee is None:
        return None
    try:
        pdf = access_report_pdf(store, employee.id, store.today())
    except ValueError as error:  # no company details yet
        show_warning(parent, "Kan ikke udskrive", str(error))
        return None
    except KeyError:
        show_warning(parent, "Kan ikke udskrive", EMPLOYEE_GONE)
        return None
    dialog = AccessRequestDialog(store, employee, pdf, parent)
    if not parent.property("no_exec"):
        dialog.exec()
    return dialog
