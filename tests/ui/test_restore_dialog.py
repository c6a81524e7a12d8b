"""Gendan fra sikkerhedskopi… on the real dialog: the copies with date and contents, a preview
before anything is replaced, the restore itself, and a refused restore that changes nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from fravaer_desktop.app import open_store
from fravaer_desktop.core.models import Employee
from fravaer_desktop.paths import MachineSettings
from fravaer_desktop.storage.backup_folder import (
    BEFORE_RESTORE,
    check_and_back_up,
    copies_in,
    default_backup_folder,
)
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.dialogs.restore_dialog import RestoreDialog
from fravaer_desktop.ui.main_window import MainWindow
from tests.storage.company_files import damage, demo_file, every_table

MONDAY = datetime(2026, 11, 23, 8, 30)


def company_with_copies(tmp_path: Path) -> tuple[Path, dict]:
    """A company file with two daily copies (Sunday's and Monday's); Monday's tables, and a
    person added after the copies."""
    path = demo_file(tmp_path / "virksomhed.sqlite")
    folder = default_backup_folder(path)
    check_and_back_up(path, folder, MONDAY - timedelta(days=1), folder_is_chosen=False)
    check_and_back_up(path, folder, MONDAY, folder_is_chosen=False)
    at_copy = every_table(path)
    store = Store(open_database(path))
    store.employees.add(Employee(name="Efter Kopien", employed_from=date(2026, 11, 1)))
    store.db.close()
    return path, at_copy


def open_window(qtbot, path: Path, health_check) -> MainWindow:
    store = open_store(path, demo=False, create=False, today=date(2026, 11, 23))
    window = MainWindow(store, health_check, path, is_demo=False,
                        machine=MachineSettings(path.parent / "data"))  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    return window


def test_the_dialog_lists_the_copies_with_date_and_contents(qtbot, tmp_path, health_check):
    path, _ = company_with_copies(tmp_path)
    window = open_window(qtbot, path, health_check)

    dialog = window.restore_dialog()
    qtbot.addWidget(dialog)

    employees = len(window.store.employees.list_all()) - 1  # the copies are from before Efter
    absences = len(window.store.absences.all())
    model = dialog.model
    shown = [[model.index(r, c).data() for c in range(model.columnCount())]
             for r in range(model.rowCount())]  # fmt: skip
    assert shown == [
        ["mandag 23. november 2026 kl. 08.30", "Automatisk kopi", str(employees), str(absences),
         ""],
        ["søndag 22. november 2026 kl. 08.30", "Automatisk kopi", str(employees), str(absences),
         ""],
    ]  # fmt: skip
    text = dialog.preview.text()  # the newest is selected and previewed
    assert "Kopien fra mandag 23. november 2026 kl. 08.30" in text
    assert f"{employees} medarbejdere (" in text and "og " in text and "flere)" in text
    assert f"{absences} fraværsperioder; den nyeste:" in text
    assert f"Virksomhedsfilen nu: {employees + 1} medarbejdere" in text
    assert "gemmes virksomhedsfilen, som den er nu, ved siden af den" in text
    assert dialog.restore_button.isEnabled()
    window.close_store()


def test_restoring_a_copy_shows_it_and_keeps_the_file_as_it_was(
    qtbot, tmp_path, health_check, drive_modal
):
    path, at_copy = company_with_copies(tmp_path)
    window = open_window(qtbot, path, health_check)
    before_restore = every_table(path)

    def restore_the_newest(dialog: RestoreDialog) -> None:
        assert "Efter Kopien" not in dialog.preview.text()
        qtbot.mouseClick(dialog.restore_button, qtbot_left())

    drive_modal(window.restore_backup, restore_the_newest)

    assert every_table(path) == at_copy  # every table as in the copy
    [kept] = copies_in(path, path.parent, BEFORE_RESTORE)
    assert every_table(kept.path) == before_restore
    assert "Efter Kopien" not in [e.name for e in window.store.employees.list_all()]
    window.show_page("Medarbejdere")
    assert window.employees_page.table.source.rowCount() == len(at_copy["employees"])
    assert window.statusBar().currentMessage() == (
        "Kopien fra mandag 23. november 2026 kl. 08.30 er gendannet. Filen, som den var før, "
        f"ligger i '{kept.path}'."
    )
    window.close_store()


def test_a_refused_restore_changes_nothing_and_says_why(
    qtbot, tmp_path, health_check, drive_modal
):
    path, _ = company_with_copies(tmp_path)
    window = open_window(qtbot, path, health_check)
    other_window = Store(open_database(path))  # Fravær open in a second window
    other_window.employees.list_all()
    before = every_table(path)
    said: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    def restore_then_read_the_warning(dialog: RestoreDialog) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, lambda: _when_box(qtbot, read_and_close))
        dialog.restore_button.click()

    drive_modal(window.restore_backup, restore_then_read_the_warning)

    assert said and "bruges lige nu af et andet program" in said[0]
    assert "Virksomhedsfilen er ikke ændret." in said[0]
    assert every_table(path) == before
    assert "Efter Kopien" in [e.name for e in window.store.employees.list_all()]
    other_window.db.close()
    window.close_store()


def test_a_damaged_copy_is_shown_as_such_and_cannot_be_chosen(qtbot, tmp_path, health_check):
    path, _ = company_with_copies(tmp_path)
    damage(copies_in(path, default_backup_folder(path))[0].path)
    window = open_window(qtbot, path, health_check)

    dialog = window.restore_dialog()
    qtbot.addWidget(dialog)

    assert "Kopien er beskadiget og kan ikke bruges. Vælg en anden kopi." in dialog.preview.text()
    assert not dialog.restore_button.isEnabled()
    dialog.table.selectRow(1)  # Sunday's copy is good
    assert dialog.restore_button.isEnabled()
    window.close_store()


def test_a_copy_from_elsewhere_can_be_added_and_previewed(qtbot, tmp_path, health_check):
    path, _ = company_with_copies(tmp_path)
    window = open_window(qtbot, path, health_check)
    own = tmp_path / "usb" / "Fravær sikkerhedskopi 2026-11-20.sqlite"
    window.backup_to(own)

    dialog = window.restore_dialog()
    qtbot.addWidget(dialog)
    dialog.add_other_file(own)

    assert dialog.table.selected_row().copy.path == own
    assert "(valgt fil)" in dialog.preview.text() and dialog.restore_button.isEnabled()
    window.close_store()


def test_a_company_without_copies_says_where_to_find_one(qtbot, tmp_path, health_check):
    path = demo_file(tmp_path / "virksomhed.sqlite")
    window = open_window(qtbot, path, health_check)

    dialog = window.restore_dialog()
    qtbot.addWidget(dialog)

    assert not dialog.empty.isHidden() and not dialog.restore_button.isEnabled()
    window.close_store()


def test_the_demo_has_nothing_to_restore(qtbot, company_store, health_check, drive_modal):
    window = MainWindow(company_store, health_check, None, is_demo=True)
    qtbot.addWidget(window)
    window.show()
    said: list[str] = []

    drive_modal(window.restore_backup, lambda box: (said.append(box.text()), box.accept()))

    assert said[0].startswith("Demovirksomheden har ingen sikkerhedskopier")


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def _when_box(qtbot, interact) -> None:
    """Work the message box that the restore opens on top of the dialog."""
    from PySide6.QtCore import QTimer

    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _when_box(qtbot, interact))
        return
    interact(box)
