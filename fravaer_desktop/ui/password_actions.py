"""Lås filen med adgangskode… and Skift/fjern adgangskode… (Virksomhed page, decision 0022)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from fravaer_desktop.ui.messages import show_information, show_warning

if TYPE_CHECKING:
    from fravaer_desktop.ui.main_window import MainWindow

TITLE = "Adgangskode"


def lock_file(window: MainWindow) -> None:
    """Ask for a new password (saying first that a forgotten one cannot be recovered) and lock
    the open file with it; then offer to delete the copies from before, which are not locked."""
    from fravaer_desktop.ui.dialogs.password_dialog import NewPasswordDialog

    if window.read_only or window.backup_folder() is None:
        return
    dialog = NewPasswordDialog(current=False, parent=window)
    if dialog.exec() and dialog.new_password:
        apply_password(window, None, dialog.new_password)


def change_file_password(window: MainWindow) -> None:
    """Change the open file's password, or remove it."""
    from fravaer_desktop.ui.dialogs.password_dialog import NewPasswordDialog

    if window.read_only or window.store.db.key is None:
        return
    dialog = NewPasswordDialog(current=True, parent=window)
    if not dialog.exec():
        return
    if dialog.current_password != window.store.db.key:
        show_warning(window, TITLE, "Den nuværende adgangskode passer ikke. Intet er ændret.")
        return
    apply_password(window, dialog.current_password, dialog.new_password)


def apply_password(window: MainWindow, old: str | None, new: str | None) -> bool:
    """Lock, change or remove (new None) the password of the window's file, and show it
    again; False (with a Danish message) when nothing was changed."""
    from fravaer_desktop.app import open_company_file
    from fravaer_desktop.storage.password import PasswordChangeError, change_password

    path, lock = window.file_path, window.store.db.file_lock
    window.store.db.close()  # the file is replaced under its name: nothing may hold it
    try:
        change_password(path, old, new)
    except PasswordChangeError as error:
        window._reopen(path)  # as it was, with its key
        show_warning(window, TITLE, str(error))
        return False
    store = open_company_file(path, create=False, today=datetime.now().date(),
                              backup_folder=window.machine.backup_folder(path),
                              file_lock=lock, key=new)  # fmt: skip
    window.set_store(store, path, is_demo=False)
    window.show_page("Virksomhed")
    if new is None:
        done = (
            "Adgangskoden er fjernet. Filen og de kopier, Fravær tager fra nu af, kan læses "
            "uden adgangskode. Kopier fra før kan stadig kun åbnes med den gamle."
        )
    elif old is None:
        done = "Filen er låst med adgangskoden. Fravær spørger om den, hver gang filen åbnes."
    else:
        done = (
            "Adgangskoden er skiftet. Sikkerhedskopier fra før kan stadig kun åbnes med den "
            "gamle adgangskode."
        )
    window.statusBar().showMessage(done, 15000)
    if new is not None and old is None:
        offer_to_delete_plain_copies(window)
    window.start_opening_check()  # the day's copy, locked as the file now is
    return True


def offer_to_delete_plain_copies(window: MainWindow) -> list:
    """The automatic copies from before the lock are not encrypted: say so, and delete them
    if the user wants. Returns the deleted ones."""
    from fravaer_desktop.core.danish import counted
    from fravaer_desktop.storage.password import delete_plain_copies, plain_copies

    chosen = window.machine.backup_folder(window.file_path)
    old = plain_copies(window.file_path, chosen)
    not_found = (
        " Kopier, du selv har gemt andre steder med Tag sikkerhedskopi…, kan Fravær ikke "
        "finde: slet dem selv."
    )
    if not old:
        show_information(window, TITLE, "Filen er låst med adgangskoden." + not_found)
        return []
    text = (
        f"Filen er låst. Men {counted(len(old), 'ældre sikkerhedskopi', 'ældre sikkerhedskopier')}"
        " fra før, filen blev låst, er ikke krypteret og kan læses af alle, der kan komme til "
        f"mappen '{old[0].path.parent}'. Vil du slette dem nu? Så er den eneste vej tilbage "
        "til data fra før i dag den låste fil og dens nye kopier – og en glemt adgangskode "
        "kan ikke gendannes." + not_found
    )
    if not confirm_delete(window, text):
        return []
    deleted = delete_plain_copies(window.file_path, chosen)
    left = len(old) - len(deleted)
    message = f"{counted(len(deleted), 'ukrypteret kopi', 'ukrypterede kopier')} slettet."
    if left:
        message += f" {counted(left, 'kopi', 'kopier')} kunne ikke slettes nu (i brug?)."
    window.statusBar().showMessage(message, 15000)
    window._company_slot.mark_stale()
    return deleted


def confirm_delete(window: MainWindow, text: str) -> bool:
    """Slet dem / Behold dem (tests replace this)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Question, TITLE, text, parent=window)
    delete = box.addButton("Slet dem", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Behold dem", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is delete
