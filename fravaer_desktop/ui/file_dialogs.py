"""Choosing a file to save or open, in Danish, starting in the user's Documents folder.

Where the system has no file dialog of its own (many Linux desktops), Qt shows its own, and
Qt's Danish translation lacks some of its labels ("Look in:", "Files of type:"): they are set
here. A suggested name without a folder is placed in Documents, not in the folder the program
happened to be started from.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

DANISH_LABELS = {
    QFileDialog.DialogLabel.LookIn: "Kig i:",
    QFileDialog.DialogLabel.FileName: "Filnavn:",
    QFileDialog.DialogLabel.FileType: "Filtype:",
    QFileDialog.DialogLabel.Reject: "Annuller",
}


def documents_folder() -> Path:
    """The user's Documents folder, or the home folder where there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


def file_dialog(parent: QWidget | None, title: str, suggested: str, file_filter: str, *,
                save: bool) -> QFileDialog:  # fmt: skip
    """The dialog, not yet shown (tests look at it; `choose_file` shows it)."""
    start = Path(suggested)
    if start.parent == Path("."):  # a bare name (or none): in Documents
        start = documents_folder() / suggested if suggested else documents_folder()
    dialog = QFileDialog(parent, title, str(start), file_filter)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    for label, text in DANISH_LABELS.items():
        dialog.setLabelText(label, text)
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Gem" if save else "Åbn")
    if save and suggested:
        dialog.selectFile(str(start))
    return dialog


def choose_file(parent: QWidget | None, title: str, suggested: str, file_filter: str, *,
                save: bool) -> Path | None:  # fmt: skip
    """Show the dialog; the chosen file, or None if the user cancelled."""
    dialog = file_dialog(parent, title, suggested, file_filter, save=save)
    if not dialog.exec():
        return None
    chosen = dialog.selectedFiles()
    return Path(chosen[0]) if chosen else None
