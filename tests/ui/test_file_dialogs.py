"""Saving a copy or a PDF: a Danish file dialog that starts in Documents."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPushButton

from fravaer_desktop.ui.file_dialogs import choose_file, documents_folder, file_dialog


def test_qts_own_file_dialog_speaks_danish(qtbot) -> None:
    # Offscreen, as on a Linux desktop without a file dialog of its own, Qt shows its own.
    dialog = file_dialog(None, "Gem sikkerhedskopi", "kopi.sqlite", "Fravær-fil (*.sqlite)",
                         save=True)  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()

    texts = {label.text() for label in dialog.findChildren(QLabel) if label.isVisible()}
    buttons = {button.text() for button in dialog.findChildren(QPushButton) if button.isVisible()}

    assert {"Kig i:", "Filnavn:", "Filtype:"} <= texts
    assert {"Gem", "Annuller"} <= buttons
    assert not {"Look in:", "Files of type:", "File name:"} & texts


def test_a_suggested_name_is_placed_in_documents(qtbot) -> None:
    dialog = file_dialog(None, "Gem som PDF", "Fraværsoversigt Anna.pdf", "PDF (*.pdf)", save=True)
    qtbot.addWidget(dialog)

    assert Path(dialog.directory().absolutePath()) == documents_folder()


def test_the_chosen_file_is_returned(qtbot, tmp_path: Path, drive_modal) -> None:
    target = tmp_path / "kalender.ics"

    def type_name(dialog: QFileDialog) -> None:
        name_field = dialog.findChild(QLineEdit, "fileNameEdit")
        name_field.setText(str(target))
        save = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Gem")
        save.click()

    chosen = drive_modal(
        lambda: choose_file(None, "Gem frister", "frister.ics", "Kalenderfil (*.ics)", save=True),
        type_name,
    )

    assert chosen == target
