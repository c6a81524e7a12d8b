"""Sletning af gamle oplysninger… on the Virksomhed page: the period with its reason, the list of
former employees due, and the deletion after confirmation, on a real file with its backups."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from fravaer_desktop.app import open_store
from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
from fravaer_desktop.paths import MachineSettings
from fravaer_desktop.storage.backup_folder import DAILY, default_backup_folder, take_copy
from fravaer_desktop.storage.retention import retention_setting
from fravaer_desktop.ui.dialogs.retention_dialog import NONE_DUE, RetentionDialog
from fravaer_desktop.ui.main_window import MainWindow

TODAY = date(2026, 12, 14)
NAME, NOTE = "Oluf Xylofonsen", "Oluf ringer fra sommerhuset"


def opened(qtbot, tmp_path: Path, health_check) -> tuple[MainWindow, Path]:
    path = tmp_path / "virksomhed.sqlite"
    machine = MachineSettings(tmp_path / "data")
    store = open_store(path, demo=False, create=True, today=TODAY, backup_folder=None)
    store.company.save(Company(name="Blomsterhuset Fyn ApS", cvr="10150817"))
    store.employees.add(Employee(name="Karen Blivende", employed_from=date(2015, 1, 1)))
    ole = store.employees.add(Employee(name=NAME, employed_from=date(2010, 4, 1),
                                       employed_to=date(2020, 6, 30)))  # fmt: skip
    store.absences.add(AbsenceSpell(employee_id=ole.id, first_day=date(2019, 3, 4),
                                    last_day=date(2019, 3, 8), note=NOTE))  # fmt: skip
    take_copy(store.db.conn, path, default_backup_folder(path), DAILY, datetime(2026, 12, 13, 8))
    window = MainWindow(store, health_check, path, is_demo=False, machine=machine)
    qtbot.addWidget(window)
    return window, path


def test_the_dialog_explains_lists_and_deletes_after_confirmation(
    qtbot, tmp_path, health_check
) -> None:
    window, path = opened(qtbot, tmp_path, health_check)
    dialog = window.retention_dialog()
    qtbot.addWidget(dialog)
    assert dialog.years.value() == 5 and "forældelsesloven § 3" in dialog.findChildren(
        type(dialog.decided))[1].text()  # fmt: skip
    assert "ikke valgt en periode" in dialog.decided.text()
    assert [dialog.due_list.item(i).text() for i in range(dialog.due_list.count())] == [
        f"{NAME}, fratrådt 30. juni 2020: 1 fraværsperiode, 0 samtaler, 0 fastholdelsesplaner"
    ]
    assert not dialog.delete_button.isEnabled()  # not before the confirmation
    assert not dialog.due_list.isHidden() and not dialog.delete_button.isHidden()
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    assert dialog.delete_button.isEnabled()
    with qtbot.waitSignal(dialog.employees_deleted):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)

    assert "1 person er slettet" in dialog.result.text()
    assert "1 sikkerhedskopi er renset" in dialog.result.text()
    assert dialog.due_label.text() == NONE_DUE and dialog.due_list.count() == 0
    # Nobody due any more: the sentence says so, no empty list or button is left.
    hidden = (dialog.due_list, dialog.backups_note, dialog.confirm, dialog.delete_button)
    assert all(widget.isHidden() for widget in hidden)
    assert not dialog.result.isHidden()
    assert [e.name for e in window.store.employees.list_all()] == ["Karen Blivende"]
    copies = list(default_backup_folder(path).iterdir())
    for file in (path, Path(f"{path}-wal"), *copies):
        if file.exists():
            data = file.read_bytes()
            assert NAME.encode() not in data and NOTE.encode() not in data, file.name
    window.close_store()


def test_the_period_chosen_is_saved_as_the_companys_decision(qtbot, tmp_path, health_check) -> None:
    window, _path = opened(qtbot, tmp_path, health_check)
    dialog = window.retention_dialog()
    qtbot.addWidget(dialog)
    dialog.years.setValue(10)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert retention_setting(window.store).years == 10
    assert f"besluttede {long_date(window.store.today())}" in dialog.decided.text()
    assert dialog.due_list.count() == 0  # ended 6½ years ago: kept for 10
    window.close_store()


def test_the_button_on_the_virksomhed_page_opens_the_dialog(
    qtbot, tmp_path, health_check, drive_modal
) -> None:
    window, _path = opened(qtbot, tmp_path, health_check)
    page = window.company_page
    [button] = [b for b in page.findChildren(QPushButton)
                if b.text() == "Sletning af gamle oplysninger…"]  # fmt: skip
    shown = []

    def look(dialog) -> None:
        shown.append(isinstance(dialog, RetentionDialog))
        dialog.reject()

    drive_modal(lambda: qtbot.mouseClick(button, Qt.MouseButton.LeftButton), look)
    assert shown == [True]
    window.close_store()
