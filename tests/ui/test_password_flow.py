"""The password on screen (decision 0022): locking the file on the Virksomhed page, the copies
from before, and the small Danish dialog at start with its three tries."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from fravaer_desktop.app import open_store, parse_args
from fravaer_desktop.paths import MachineSettings
from fravaer_desktop.storage import cipher
from fravaer_desktop.storage.backup_folder import (
    DAILY,
    check_and_back_up,
    copies_in,
    default_backup_folder,
)
from fravaer_desktop.storage.password import change_password
from fravaer_desktop.ui import password_actions
from fravaer_desktop.ui.dialogs.password_dialog import (
    FORGOTTEN_WITH_COPIES,
    NewPasswordDialog,
    PasswordDialog,
    new_password_problem,
)
from fravaer_desktop.ui.launch import _build_or_recover
from fravaer_desktop.ui.main_window import MainWindow
from tests.storage.company_files import demo_file

PASSWORD = "Kaffe og kage 42"
MORNING = datetime(2026, 11, 23, 8, 30)


def opened(qtbot, path: Path, health_check, machine: MachineSettings) -> MainWindow:
    store = open_store(path, demo=False, create=False, today=date(2026, 11, 23))
    window = MainWindow(store, health_check, path, is_demo=False, machine=machine)
    qtbot.addWidget(window)
    return window


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_new_password_rules() -> None:
    assert "mindst 8 tegn" in new_password_problem("kort", "kort")
    assert "ikke ens" in new_password_problem("en lang kode", "en lang kod")
    assert new_password_problem("en lang kode", "en lang kode") is None


def test_the_lock_dialog_says_a_forgotten_password_cannot_be_recovered(qtbot) -> None:
    dialog = NewPasswordDialog(current=False)
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("En glemt adgangskode kan ikke gendannes" in text for text in texts)
    dialog.new.setText(PASSWORD)
    dialog.repeated.setText(PASSWORD)
    ok(dialog)
    assert "Sæt flueben" in dialog.message.text() and dialog.new_password is None
    dialog.understood.setChecked(True)
    ok(dialog)
    assert dialog.new_password == PASSWORD


def test_locking_on_the_virksomhed_page_locks_file_and_copies(
    qtbot, tmp_path, health_check, monkeypatch
) -> None:
    path = demo_file(tmp_path / "virksomhed.sqlite")
    before = check_and_back_up(path, default_backup_folder(path), MORNING,
                               folder_is_chosen=False).copy  # fmt: skip
    window = opened(qtbot, path, health_check, MachineSettings(tmp_path / "data"))
    window.show_page("Virksomhed")
    page = window.company_page
    assert page.lock_button.isVisibleTo(page) and not page.change_password_button.isVisibleTo(page)
    asked: list[str] = []
    monkeypatch.setattr(password_actions, "confirm_delete",
                        lambda w, text: asked.append(text) or True)  # fmt: skip

    assert password_actions.apply_password(window, None, PASSWORD)

    assert cipher.is_encrypted(path) and window.store.db.key == PASSWORD
    assert "ikke krypteret" in asked[0] and "kan ikke gendannes" in asked[0]
    assert not before.exists()
    qtbot.waitUntil(lambda: window.opening_check is not None, timeout=10000)
    [copy] = copies_in(path, default_backup_folder(path), DAILY)
    assert cipher.is_encrypted(copy.path)
    page = window.company_page
    assert page.change_password_button.isVisibleTo(page)
    assert "krypteret" in page.password.text()
    window.close_store()


def test_a_locked_file_asks_for_the_password_three_times(
    qtbot, tmp_path, health_check, drive_modal, monkeypatch
) -> None:
    path = demo_file(tmp_path / "virksomhed.sqlite")
    check_and_back_up(path, default_backup_folder(path), MORNING, folder_is_chosen=False)
    change_password(path, None, PASSWORD)
    machine = MachineSettings(tmp_path / "data")
    args = parse_args(["--db", str(path)])
    told: list[str] = []
    monkeypatch.setattr("fravaer_desktop.ui.messages.show_information",
                        lambda parent, title, text: told.append(text))  # fmt: skip

    def three_wrong(dialog) -> None:
        for attempt in range(3):
            dialog.password.setText(f"forkert {attempt}")
            ok(dialog)
            if attempt < 2:
                assert f"forsøg {attempt + 2} af 3" in dialog.message.text()
                assert FORGOTTEN_WITH_COPIES in dialog.message.text()

    assert drive_modal(lambda: _build_or_recover(args, None, machine), three_wrong) is None
    assert told and FORGOTTEN_WITH_COPIES in told[0]

    def right(dialog) -> None:
        assert isinstance(dialog, PasswordDialog)
        dialog.password.setText("forkert")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        dialog.password.setText(PASSWORD)
        ok(dialog)

    window = drive_modal(lambda: _build_or_recover(args, None, machine), right)
    qtbot.addWidget(window)
    assert window.store.db.key == PASSWORD
    assert window.store.employees.list_all()
    window.close_store()


def test_the_dialog_says_it_is_opening_while_the_key_is_worked_out(qtbot, tmp_path) -> None:
    """Working out the key takes a moment on purpose (decision 0024): during it the dialog says
    'Åbner filen …', shows the wait cursor and cannot be pressed again; after a wrong password
    the buttons and the normal cursor come back."""
    from PySide6.QtWidgets import QApplication

    from fravaer_desktop.storage.database import WrongPasswordError
    from fravaer_desktop.ui.dialogs.password_dialog import OPENING

    seen = []

    def attempt(password: str) -> str:
        seen.append((dialog.message.text(), QApplication.overrideCursor() is not None,
                     dialog.buttons.isEnabled()))  # fmt: skip
        if password != PASSWORD:
            raise WrongPasswordError("forkert")
        return "åben"

    dialog = PasswordDialog(tmp_path / "firma.sqlite", attempt)
    qtbot.addWidget(dialog)
    dialog.password.setText("forkert")
    ok(dialog)
    assert seen[-1] == (OPENING, True, False)
    assert "passer ikke" in dialog.message.text()
    assert QApplication.overrideCursor() is None and dialog.buttons.isEnabled()
    dialog.password.setText(PASSWORD)
    ok(dialog)
    assert seen[-1] == (OPENING, True, False)
    assert dialog.result_value == "åben" and QApplication.overrideCursor() is None
