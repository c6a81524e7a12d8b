"""Starting the window: Qt application, Danish translations, first-run and demo handling."""

from __future__ import annotations

import argparse
import os
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from fravaer_desktop import APP_ID, APP_NAME, start_up_gc
from fravaer_desktop.app import open_company_file, open_store
from fravaer_desktop.core.privacy import HealthTextCheck
from fravaer_desktop.paths import (
    MachineSettings,
    default_database_path,
    load_health_terms,
    temporary_demo_path,
)
from fravaer_desktop.storage.cipher import is_encrypted
from fravaer_desktop.storage.database import (
    DamagedFileError,
    DatabaseOpenError,
    damaged_file_message,
    open_database,
)
from fravaer_desktop.storage.file_lock import FileLock, take_file_lock
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.error_hook import install_error_hook
from fravaer_desktop.ui.main_window import MainWindow
from fravaer_desktop.ui.messages import show_error, show_information

if TYPE_CHECKING:
    from fravaer_desktop.overview_prefetch import OverviewPrefetch


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load("qtbase_da", folder):
        app.installTranslator(translator)
    return app


#: The file for a new company is open in another Fravær (decision 0020).
FILE_IN_USE_TITLE = "Filen er åben i et andet Fravær"
FILE_IN_USE_TEXT = (
    "Filen '{file}' er allerede åben i et andet Fravær. Brug det i stedet, eller luk det, og "
    "prøv igen. Intet er ændret."
)


def create_company_file(
    parent: QWidget | None, path: Path, file_lock: FileLock | None = None
) -> tuple[Store, Path] | None:
    """Ask for the company's details and create its file at `path`; None if cancelled.

    A company already in that file (made earlier, or by a second window meanwhile) is opened
    instead: a new company is never saved over it. `file_lock`: the file's lock when the
    caller holds it; otherwise it is taken here, and a file another Fravær has open is left
    alone (the user is told).
    """
    lock = file_lock if file_lock is not None else take_file_lock(path)
    if not lock.owned:
        show_information(parent, FILE_IN_USE_TITLE, FILE_IN_USE_TEXT.format(file=path))
        return None
    try:
        created = _create_company_file(parent, path)
    except BaseException:
        if file_lock is None:
            lock.release()
        raise
    if created is None:
        if file_lock is None:
            lock.release()
        return None
    created[0].db.file_lock = lock
    return created


def _create_company_file(parent: QWidget | None, path: Path) -> tuple[Store, Path] | None:
    from fravaer_desktop.ui.dialogs.company_dialog import CompanyDialog

    existing = _existing_company(parent, path)
    if existing is not None:
        return existing, path
    draft = Store(open_database(":memory:"))
    dialog = CompanyDialog(draft.company, parent)
    if not dialog.exec():
        return None
    store = Store(open_database(path))
    if store.company.get() is not None:  # created meanwhile by another window
        store.db.close()
        return _existing_company(parent, path), path
    store.company.save(dialog.result_object)
    return store, path


def _existing_company(parent: QWidget | None, path: Path) -> Store | None:
    """The store of the company already saved at `path` (the user is told), or None."""
    if not os.path.exists(path):
        return None
    store = Store(open_database(path, create=False))
    company = store.company.get()
    if company is None:
        store.db.close()
        return None
    show_information(
        parent, "Virksomheden findes allerede",
        f"Der er allerede oprettet en virksomhed i '{path}': {company.name}. Fravær åbner "
        "den i stedet for at oprette en ny oven i den. Intet er ændret i den.",
    )  # fmt: skip
    return store


def opens_demo(args: argparse.Namespace) -> bool:
    """The arguments open a throw-away demo company (no --db; --demo, or no file yet)."""
    return args.db is None and (args.demo or not default_database_path().exists())


def build_window(
    args: argparse.Namespace,
    prefetch: OverviewPrefetch | None = None,
    machine: MachineSettings | None = None,
    file_lock: FileLock | None = None,
    key: str | None = None,
) -> MainWindow | None:
    """Open the right company file for the arguments and return the window (None: cancelled).

    `prefetch`: the worker started for that file before PySide6 was loaded; its overview is
    used when it still holds (`OverviewPrefetch.take`). `machine`: this computer's settings
    (where the backups go). `file_lock`: the file's lock, if the caller took it; otherwise it
    is taken here. Without the lock (another Fravær has the file) the file opens read-only.
    `key`: the password of a locked file (decision 0022)."""
    machine = machine or MachineSettings(None)
    health_check = HealthTextCheck(load_health_terms())
    default_path = default_database_path()
    path = args.db
    if path is None and (args.demo or not default_path.exists()):
        demo_path = temporary_demo_path()
        store = open_store(demo_path, demo=True, create=True, today=date.today())
        return MainWindow(
            store, health_check, None, is_demo=True,
            create_company=lambda parent: create_company_file(parent, default_path),
            demo_folder=demo_path.parent,
        )  # fmt: skip
    path = path or default_path
    store = open_company_file(path, demo=args.demo, create=True, today=date.today(),
                              backup_folder=machine.backup_folder(path),
                              file_lock=file_lock, key=key)  # fmt: skip
    if store.company.get() is None:
        lock = store.db.file_lock
        store.db.close()
        if not lock.owned:  # the other Fravær is creating the company right now
            raise DatabaseOpenError(FILE_IN_USE_TEXT.format(file=path))
        created = create_company_file(None, path, lock)
        if created is None:
            if file_lock is None:
                lock.release()
            return None
        store = created[0]
    return MainWindow(store, health_check, path, is_demo=False, prefetch=prefetch, machine=machine)


def _build_or_recover(
    args: argparse.Namespace, prefetch: OverviewPrefetch | None, machine: MachineSettings
) -> MainWindow | None:
    """The window; when the file is damaged, first the offer of the newest good copy (and the
    window on the restored file). Raises DatabaseOpenError (shown) when it cannot be opened."""
    path = args.db or default_database_path()
    lock = None if opens_demo(args) else take_file_lock(path)
    try:
        window = _build_or_recover_locked(args, prefetch, machine, path, lock)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    if window is None and lock is not None:
        lock.release()
    return window


def _build_or_recover_locked(
    args: argparse.Namespace,
    prefetch: OverviewPrefetch | None,
    machine: MachineSettings,
    path: Path,
    lock: FileLock | None,
) -> MainWindow | None:
    key: list[str | None] = [None]  # the password the file was opened with

    def build(password: str | None = None) -> MainWindow | None:
        key[0] = password
        return build_window(args, prefetch, machine, lock, key=password)

    try:
        if not opens_demo(args) and is_encrypted(path):
            return ask_password(path, machine, build)
        return build()
    except DamagedFileError as error:
        damaged = error
    except DatabaseOpenError as error:
        show_error(None, APP_NAME, str(error))
        raise
    except sqlite3.DatabaseError as error:  # damage SQLite finds only when the data is read
        damaged = DamagedFileError(damaged_file_message(path, error))
        damaged.__cause__ = error
    if lock is not None and not lock.owned:  # another Fravær has it: never restore under it
        show_error(None, APP_NAME, str(damaged))
        raise damaged
    restored = recover_damaged_file(path, machine, damaged, key[0])
    if restored is None:
        raise damaged
    window = build_window(args, None, machine, lock, key=key[0])
    if window is not None:
        window.statusBar().showMessage(restored)
    return window


def ask_password(
    path: Path, machine: MachineSettings, build: Callable[[str], MainWindow | None]
) -> MainWindow | None:
    """The locked file's password, in a small Danish dialog (three tries), and the window
    `build` opens with it; None when the user cancels or gives up."""
    from fravaer_desktop.storage.password import plain_copies
    from fravaer_desktop.ui.dialogs.password_dialog import PasswordDialog

    return PasswordDialog.ask(
        path, build, lambda: bool(plain_copies(path, machine.backup_folder(path)))
    )


def recover_damaged_file(
    path: Path, machine: MachineSettings, error: DamagedFileError, key: str | None = None
) -> str | None:
    """Fravær cannot open the damaged file `path`: log what SQLite said, offer the newest good
    copy (or the list of copies) and restore the one chosen. Returns what to tell the user
    once the window is shown, or None when nothing was restored (the file is as it was)."""
    from fravaer_desktop.storage.backup_folder import (
        all_copies,
        default_backup_folder,
        folders_with_copies,
        newest_good_copy,
    )
    from fravaer_desktop.storage.restore import RestoreError, restore_copy
    from fravaer_desktop.ui.dialogs.damaged_file_dialog import DamagedFileDialog
    from fravaer_desktop.ui.dialogs.restore_dialog import RestoreDialog, copy_rows, taken_text
    from fravaer_desktop.ui.error_hook import error_details, write_to_log

    write_to_log(machine.log_file, f"{path} kan ikke åbnes:\n{error_details(error)}")
    chosen_folder = machine.backup_folder(path)
    copies = all_copies(path, folders_with_copies(path, chosen_folder))
    offer = DamagedFileDialog(path, newest_good_copy(copies, key), machine.log_file,
                              at_start=True)  # fmt: skip
    if not offer.exec():
        return None
    copy = offer.newest[0] if offer.choice == DamagedFileDialog.RESTORE_NEWEST else None
    if copy is None:
        folder = chosen_folder or default_backup_folder(path)
        choose = RestoreDialog(copy_rows(copies, key), None, folder, key=key)
        if not choose.exec() or choose.chosen is None:
            return None
        copy = choose.chosen
    try:
        kept = restore_copy(copy.path, path, datetime.now(), key=key)
    except RestoreError as failed:
        write_to_log(machine.log_file, error_details(failed))
        show_error(None, APP_NAME, str(failed))
        return None
    return (
        f"Kopien fra {taken_text(copy.taken_at)} er gendannet. Den beskadigede fil ligger i "
        f"'{kept}'."
    )


class _AfterFirstPaint(QObject):
    """Calls `callback` once, on the event-loop turn after `window` was first painted."""

    def __init__(self, window: QWidget, callback: Callable[[], None]):
        super().__init__(window)
        self._window = window
        self._callback = callback
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._callback)
        return False


def resume_gc_at_the_latest() -> None:
    """The paused collector resumes after `LATEST_RESUME_MS` also when the window is never
    painted (started minimised) or a dialog comes first (creating the company, an error)."""
    QTimer.singleShot(start_up_gc.LATEST_RESUME_MS, start_up_gc.resume)


def show_window(window: MainWindow) -> None:
    """Show the main window. Once it is painted, the paused garbage collector resumes, the
    check at opening (integrity, the day's backup) starts on a thread of its own, and a file in
    a sync folder or on a network drive gets its warning."""

    def after_first_paint() -> None:
        start_up_gc.resume()
        window.start_opening_check()
        window.check_file_location()

    _AfterFirstPaint(window, after_first_paint)
    window.show()


def run_gui(args: argparse.Namespace, prefetch: OverviewPrefetch | None = None) -> int:
    app = make_application()
    resume_gc_at_the_latest()
    machine = MachineSettings.of_this_machine()
    install_error_hook(machine.log_file)
    try:
        window = _build_or_recover(args, prefetch, machine)
    finally:
        if prefetch is not None:
            prefetch.discard()  # used by now, or not needed (a new company, an error)
    if window is None:
        return 0
    show_window(window)
    try:
        return app.exec()
    finally:
        window.close_store()
