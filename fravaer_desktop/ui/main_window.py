"""The main window: navigation, menus, status bar; hosts the pages of one open company file."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop import APP_NAME, __version__
from fravaer_desktop.core.privacy import HealthTextCheck
from fravaer_desktop.paths import MachineSettings, remove_stale_demo_folders
from fravaer_desktop.storage.database import upgrade_notice
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.actions import AppActions
from fravaer_desktop.ui.file_dialogs import choose_file
from fravaer_desktop.ui.messages import show_about, show_warning
from fravaer_desktop.ui.pages.overview_page import OverviewPage
from fravaer_desktop.ui.screen_fit import resize_within_screen
from fravaer_desktop.ui.widgets.lazy_page import LazyPage

if TYPE_CHECKING:
    from fravaer_desktop.overview_prefetch import OverviewPrefetch
    from fravaer_desktop.storage.backup_folder import OpeningCheck
    from fravaer_desktop.ui.pages.absence_page import AbsencePage
    from fravaer_desktop.ui.pages.company_page import CompanyPage
    from fravaer_desktop.ui.pages.employees_page import EmployeesPage
    from fravaer_desktop.ui.pages.statistics_page import StatisticsPage

PAGE_TITLES = ("Overblik", "Fravær", "Medarbejdere", "Statistik", "Virksomhed")


def describe_file(path: Path | None) -> str:
    """Where the open company is kept, for the status bar and the Virksomhed page."""
    return str(path) if path is not None else "En midlertidig demofil (slettes, når du lukker)"


class MainWindow(QMainWindow):
    """`create_company` turns the demo into the user's own company file and returns its Store."""

    def __init__(
        self,
        store: Store,
        health_check: HealthTextCheck,
        file_path: Path | None,
        is_demo: bool,
        create_company: Callable[[QWidget], tuple[Store, Path] | None] | None = None,
        demo_folder: Path | None = None,
        prefetch: OverviewPrefetch | None = None,
        machine: MachineSettings | None = None,
    ):
        super().__init__()
        self.health_check = health_check
        #: This computer's settings (the backup folder); None: defaults, remembered nowhere.
        self.machine = machine or MachineSettings(None)
        #: The check at opening (integrity, the daily copy) once it has answered.
        self.opening_check: OpeningCheck | None = None
        self._create_company = create_company
        self._demo_folder = demo_folder
        self.store: Store | None = None
        #: Menu actions that write to the file: off while it is open read-only (decision 0020).
        self._writing_actions: list[QAction] = []
        resize_within_screen(self, 1200, 780)
        self._build_menus()
        self.set_store(store, file_path, is_demo, prefetch)

    def set_store(
        self,
        store: Store,
        file_path: Path | None,
        is_demo: bool,
        prefetch: OverviewPrefetch | None = None,
    ) -> None:
        """Show another company file (rebuilds the pages); `prefetch` may hold its overview."""
        old = getattr(self, "store", None)
        if old is not None:  # the same lock goes on when the same file is opened again
            self.close_store(release_lock=old.db.file_lock is not store.db.file_lock)
        self.store, self.file_path, self.is_demo = store, file_path, is_demo
        self.read_only = store.db.read_only
        if self.read_only:
            from fravaer_desktop.ui.read_only import ReadOnlyActions

            self.actions = ReadOnlyActions(store, self.health_check, self)
        else:
            self.actions = AppActions(store, self.health_check, self)
        for action in self._writing_actions:
            action.setEnabled(not self.read_only)
        self.actions.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.overview_page = OverviewPage(self.actions, prefetch)
        self._guard(self.overview_page)
        self.overview_page.open_employee.connect(self.show_employee)
        # Built (and their modules loaded) when first opened: they read much more than the
        # first page needs, and every widget built costs start-up time.
        self._absence_slot = LazyPage(lambda: self._guard(self._build_absence_page()))
        self._employees_slot = LazyPage(lambda: self._guard(self._build_employees_page()))
        self._statistics_slot = LazyPage(
            lambda: self._guard(self._build_statistics_page()), lambda page: page.reload()
        )
        for signal in (
            self.actions.spell_saved,
            self.actions.spell_deleted,
            self.actions.employee_saved,
            self.actions.employee_deleted,
        ):
            signal.connect(lambda *_: self._statistics_slot.mark_stale())
        self._company_slot = LazyPage(
            lambda: self._guard(self._build_company_page()), self._fill_company_page
        )
        self.pages = QStackedWidget()
        for page in (
            self.overview_page,
            self._absence_slot,
            self._employees_slot,
            self._statistics_slot,
            self._company_slot,
        ):
            self.pages.addWidget(page)
        self.navigation = QListWidget()
        self.navigation.addItems(PAGE_TITLES)
        self.navigation.setAccessibleName("Navigation")
        self.navigation.setObjectName("navigation")
        self.navigation.setStyleSheet(
            "#navigation { font-size: 11pt; } #navigation::item { padding: 8px 6px; }"
        )
        self.navigation.setFixedWidth(
            self.fontMetrics().horizontalAdvance("Medarbejdere") * 3 // 2 + 40
        )
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        body = QHBoxLayout()
        body.addWidget(self.navigation)
        body.addWidget(self.pages, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        if is_demo:
            layout.addWidget(self._demo_banner())
        if self.read_only:
            layout.addWidget(self._read_only_banner())
        self._banner_layout = layout
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        self._show_company()
        notice = upgrade_notice(store.db)
        if notice is not None:  # stays until the next message replaces it
            self.statusBar().showMessage(notice)
        if self.isVisible():  # another file in a shown window; at start: after the first paint
            self.check_file_location()

    def close_store(self, release_lock: bool = True) -> None:
        """Close the open file (and let another Fravær write to it); a throw-away demo file is
        deleted."""
        self.store.db.close()
        if release_lock and self.store.db.file_lock is not None:
            self.store.db.file_lock.release()
        if self.is_demo and self._demo_folder is not None:
            shutil.rmtree(self._demo_folder, ignore_errors=True)
        remove_stale_demo_folders()  # left by a Fravær that was killed or crashed

    @property
    def absence_page(self) -> AbsencePage:
        return self._absence_slot.page()

    @property
    def employees_page(self) -> EmployeesPage:
        return self._employees_slot.page()

    @property
    def statistics_page(self) -> StatisticsPage:
        return self._statistics_slot.page()

    @property
    def company_page(self) -> CompanyPage:
        return self._company_slot.page()

    def show_page(self, title: str) -> None:
        self.navigation.setCurrentRow(PAGE_TITLES.index(title))

    def show_employee(self, employee_id: int) -> None:
        """Open one employee's history on the Medarbejdere page."""
        self.show_page("Medarbejdere")
        self.employees_page.select_employee(employee_id)

    def _build_absence_page(self) -> AbsencePage:
        from fravaer_desktop.ui.pages.absence_page import AbsencePage

        return AbsencePage(self.actions)

    def _build_employees_page(self) -> EmployeesPage:
        from fravaer_desktop.ui.pages.employees_page import EmployeesPage
        from fravaer_desktop.ui.printing import print_absence_overview

        store = self.store
        page = EmployeesPage(self.actions, lambda e: print_absence_overview(self, store, e))
        page.detail.access_requested.connect(lambda e: self.print_access_request(store, e))
        page.detail.change_log_requested.connect(lambda e: self.show_change_log(store, e))
        return page

    def show_change_log(self, store: Store, employee) -> None:
        """Ændringslog…: the employee's change log, read from the file (decision 0023)."""
        from fravaer_desktop.storage.change_log import lines_for_employee
        from fravaer_desktop.ui.dialogs.change_log_dialog import ChangeLogDialog

        ChangeLogDialog(employee.name, lines_for_employee(store.db, employee.id), self).exec()

    def print_access_request(self, store: Store, employee):
        """Udskriv alt om medarbejderen…: the preview, with Gem som PDF/JSON (indsigt)."""
        from fravaer_desktop.ui.access_request import print_access_request

        return print_access_request(self, store, employee)

    def _build_statistics_page(self) -> StatisticsPage:
        from fravaer_desktop.ui.pages.statistics_page import StatisticsPage

        page = StatisticsPage(self.store)
        page.goals_changed.connect(self.overview_page.data_changed)
        page.apv_requested.connect(lambda: self.actions.open_apv())
        return page

    def _build_company_page(self) -> CompanyPage:
        from fravaer_desktop.ui.pages.company_page import CompanyPage

        page = CompanyPage(describe_file(self.file_path))
        page.edit_requested.connect(self.edit_company)
        page.backup_requested.connect(self.backup)
        page.policy_requested.connect(self.edit_policy)
        page.backup_folder_requested.connect(self.choose_backup_folder)
        page.restore_requested.connect(self.restore_backup)
        page.lock_requested.connect(self.lock_file)
        page.password_change_requested.connect(self.change_file_password)
        page.retention_requested.connect(self.open_retention)
        self._fill_company_page(page)
        return page

    def _fill_company_page(self, page: CompanyPage) -> None:
        page.show_company(self.store.company.get())
        page.show_policy(self.store.policy.get())
        page.show_backups(self._backups_text(), enabled=self.backup_folder() is not None)
        page.show_password(self.store.db.key is not None, enabled=self.backup_folder() is not None)

    def lock_file(self) -> None:
        """Lås filen med adgangskode… (decision 0022)."""
        from fravaer_desktop.ui.password_actions import lock_file

        lock_file(self)

    def change_file_password(self) -> None:
        """Skift/fjern adgangskode…"""
        from fravaer_desktop.ui.password_actions import change_file_password

        change_file_password(self)

    def _backups_text(self) -> str:
        from fravaer_desktop.storage.backup_folder import DAILY, copies_in
        from fravaer_desktop.ui.dialogs.restore_dialog import taken_text

        folder = self.backup_folder()
        if folder is None:
            return "Ingen: demovirksomheden slettes, når du lukker Fravær."
        newest = copies_in(self.file_path, folder, DAILY)
        newest_text = (f"Den nyeste er fra {taken_text(newest[0].taken_at)}." if newest
                       else "Der er ingen automatisk kopi i mappen endnu.")  # fmt: skip
        check = self.opening_check
        if check is not None and check.copy_problem is not None:
            newest_text += f" Dagens kopi kunne ikke tages: {check.copy_problem}."
        return f"Gemmes automatisk i {folder}. {newest_text}"

    def choose_backup_folder(self) -> None:
        """Skift mappe til kopier…: choose where this computer puts the file's backups."""
        from PySide6.QtWidgets import QFileDialog

        from fravaer_desktop.ui.file_dialogs import DANISH_LABELS

        dialog = QFileDialog(self, "Vælg mappen til sikkerhedskopier", str(self.backup_folder()))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        for label, text in DANISH_LABELS.items():
            dialog.setLabelText(label, text)
        dialog.setLabelText(QFileDialog.DialogLabel.Accept, "Vælg")
        if dialog.exec() and dialog.selectedFiles():
            self.set_backup_folder(Path(dialog.selectedFiles()[0]))

    def set_backup_folder(self, folder: Path) -> bool:
        """Put the automatic backups in `folder` from now on (on this computer) and take a copy
        there now; False, with a Danish message, when the folder cannot be used."""
        import os

        from fravaer_desktop.storage.backup_folder import default_backup_folder

        if not folder.is_dir() or not os.access(folder, os.W_OK):
            show_warning(
                self, "Sikkerhedskopier",
                f"Fravær kan ikke skrive i mappen '{folder}'. Vælg en mappe, du kan gemme "
                "filer i, fx på et USB-stik eller et netværksdrev. Intet er ændret.",
            )  # fmt: skip
            return False
        default = default_backup_folder(self.file_path)
        try:
            self.machine.set_backup_folder(self.file_path, None if folder == default else folder)
        except OSError as error:
            from fravaer_desktop.core.danish import file_problem

            show_warning(
                self,
                "Sikkerhedskopier",
                f"Valget kunne ikke gemmes: {file_problem(error)}. Intet er ændret.",
            )
            return False
        self.opening_check = None
        self._company_slot.mark_stale()
        self.start_opening_check()  # today's copy, in the new folder
        self.statusBar().showMessage(f"Sikkerhedskopierne gemmes nu i {folder}", 10000)
        return True

    def edit_company(self) -> None:
        from fravaer_desktop.ui.dialogs.company_dialog import CompanyDialog

        dialog = CompanyDialog(self.store.company, self)
        if dialog.exec():
            self._show_company()
            # Salary during sickness decides which report deadline applies (§ 40).
            self.overview_page.data_changed()
            self._statistics_slot.mark_stale()
            self.statusBar().showMessage("Virksomhedens oplysninger er gemt", 8000)

    def edit_policy(self) -> None:
        from fravaer_desktop.ui.dialogs.policy_dialog import PolicyDialog

        dialog = PolicyDialog(self.store.policy, self)
        if dialog.exec():
            self._company_slot.mark_stale()
            self.overview_page.data_changed()
            self.statusBar().showMessage("Fraværspolitikken er gemt", 8000)

    def retention_dialog(self):
        """Sletning af gamle oplysninger… (the demo has no backups to clean)."""
        from fravaer_desktop.ui.dialogs.retention_dialog import RetentionDialog

        has_backups = self.backup_folder() is not None
        dialog = RetentionDialog(
            self.store, self.store.today(), self.file_path if has_backups else None,
            self.machine.backup_folder(self.file_path) if has_backups else None, self,
        )  # fmt: skip
        dialog.employees_deleted.connect(self.actions.employees_removed)
        return dialog

    def open_retention(self) -> None:
        self.retention_dialog().exec()

    def backup(self) -> None:
        stamp = datetime.now().strftime("%Y-%m-%d")
        target = choose_file(
            self, "Gem sikkerhedskopi", f"Fravær sikkerhedskopi {stamp}.sqlite",
            "Fravær-fil (*.sqlite)", save=True,
        )  # fmt: skip
        if target is not None:
            self.backup_to(target)

    def backup_to(self, target: Path) -> None:
        import sqlite3

        from fravaer_desktop.storage.backup import (
            BackupRefusedError,
            backup_database,
            copy_problem,
        )

        try:
            backup_database(self.store.db, target)
        except BackupRefusedError as error:
            show_warning(self, "Sikkerhedskopi", str(error))
            return
        except (OSError, sqlite3.OperationalError) as error:  # the target drive is full, ...
            show_warning(
                self, "Sikkerhedskopi",
                f"Kopien kunne ikke gemmes i '{target}': {copy_problem(error)}. Vælg en "
                "anden mappe eller et andet drev, og prøv igen. Virksomhedsfilen er ikke "
                "ændret.",
            )  # fmt: skip
            return
        self.statusBar().showMessage(f"Sikkerhedskopi gemt: {target}", 10000)

    def backup_folder(self) -> Path | None:
        """Where the open file's automatic backups go (None: a demo, which has none)."""
        if self.file_path is None or self.is_demo:
            return None
        from fravaer_desktop.storage.backup_folder import default_backup_folder

        return self.machine.backup_folder(self.file_path) or default_backup_folder(self.file_path)

    def start_opening_check(self) -> None:
        """SQLite's integrity check of the open file and the day's first backup, on a thread of
        their own: started once the window is shown, so they never delay it."""
        folder = self.backup_folder()
        if folder is None or self.read_only:  # the Fravær that writes to the file does both
            return
        from fravaer_desktop.storage.backup_folder import check_and_back_up
        from fravaer_desktop.ui.background import run_in_background

        path, now, key = self.file_path, datetime.now(), self.store.db.key
        chosen = self.machine.backup_folder(path) is not None
        run_in_background(
            self,
            lambda: check_and_back_up(path, folder, now, folder_is_chosen=chosen, key=key),
            lambda check: self._opening_checked(path, check),
            lambda error: self._opening_check_failed(path, error),
        )

    def _opening_checked(self, path: Path, check: OpeningCheck) -> None:
        if path != self.file_path:
            return  # another file was opened meanwhile
        self.opening_check = check
        if check.damage is not None:
            self._file_damaged(check.damage)
        elif check.copy is not None:
            self.statusBar().showMessage(f"Dagens sikkerhedskopi er gemt i {check.copy.parent}",
                                         8000)  # fmt: skip
        elif check.copy_problem is not None:  # stays until the next message replaces it
            self.statusBar().showMessage(
                f"Dagens sikkerhedskopi kunne ikke tages: {check.copy_problem}. Fravær prøver "
                "igen, næste gang du åbner programmet."
            )
        self._company_slot.mark_stale()

    def _opening_check_failed(self, path: Path, error: BaseException) -> None:
        from fravaer_desktop.ui.error_hook import error_details, write_to_log

        write_to_log(self.machine.log_file, error_details(error))
        if path == self.file_path:
            self.statusBar().showMessage(
                "Dagens sikkerhedskopi kunne ikke tages. Detaljer er skrevet i fejlloggen."
            )

    def _file_damaged(self, damage: str) -> None:
        """The check at opening found the file damaged: offer the newest good copy."""
        from fravaer_desktop.storage.backup_folder import newest_good_copy
        from fravaer_desktop.ui.dialogs.damaged_file_dialog import DamagedFileDialog
        from fravaer_desktop.ui.error_hook import write_to_log

        write_to_log(self.machine.log_file, f"Integritetstjek af {self.file_path}: {damage}")
        good = newest_good_copy(self.backup_copies(), self.store.db.key)
        dialog = DamagedFileDialog(self.file_path, good, self.machine.log_file, self,
                                   at_start=False)  # fmt: skip
        if not dialog.exec():
            self.statusBar().showMessage(
                "Virksomhedsfilen er beskadiget. Gendan en sikkerhedskopi (Filer > Gendan fra "
                "sikkerhedskopi…)."
            )
        elif dialog.choice == DamagedFileDialog.RESTORE_NEWEST:
            self.restore_from(dialog.newest[0])
        else:
            self.restore_backup()

    def backup_copies(self) -> list:
        """Every copy of the open file, newest first: in the chosen folder, the default folder
        beside the file, and the file as it was before a restore (beside it)."""
        from fravaer_desktop.storage.backup_folder import all_copies, folders_with_copies

        if self.backup_folder() is None:
            return []
        chosen = self.machine.backup_folder(self.file_path)
        return all_copies(self.file_path, folders_with_copies(self.file_path, chosen))

    def restore_dialog(self, preselect: Path | None = None):
        """The dialog that lists the copies (not yet shown); None for a demo."""
        from fravaer_desktop.storage.backup_folder import summarize
        from fravaer_desktop.ui.dialogs.restore_dialog import RestoreDialog, copy_rows

        if self.backup_folder() is None:
            return None
        key = self.store.db.key
        current = summarize(self.file_path, key=key)
        return RestoreDialog(copy_rows(self.backup_copies(), key), current, self.backup_folder(),
                             self, preselect=preselect, key=key)  # fmt: skip

    def restore_backup(self, preselect: Path | None = None) -> None:
        """Gendan fra sikkerhedskopi…: choose a copy, look at it, then restore it."""
        dialog = self.restore_dialog(preselect)
        if dialog is None:
            from fravaer_desktop.ui.messages import show_information

            show_information(
                self, "Gendan fra sikkerhedskopi",
                "Demovirksomheden har ingen sikkerhedskopier: den slettes, når du lukker "
                "Fravær. Opret din egen virksomhed, så tager Fravær selv en kopi hver dag.",
            )  # fmt: skip
            return
        if dialog.exec() and dialog.chosen is not None:
            self.restore_from(dialog.chosen)

    def restore_from(self, copy) -> bool:
        """Replace the open file by the backup `copy` and show it; False (and a Danish
        message) when the restore was not made: the file is then as it was, and shown again."""
        from fravaer_desktop.app import open_company_file
        from fravaer_desktop.storage.restore import RestoreError, restore_copy
        from fravaer_desktop.ui.dialogs.restore_dialog import taken_text

        if self.read_only:
            return False
        path, lock, key = self.file_path, self.store.db.file_lock, self.store.db.key
        self.store.db.close()  # the file is replaced under its name: nothing may hold it
        try:
            kept = restore_copy(copy.path, path, datetime.now(), key=key)
        except RestoreError as error:
            self._reopen(path)
            show_warning(self, "Gendan fra sikkerhedskopi", str(error))
            return False
        store = open_company_file(path, create=False, today=datetime.now().date(),
                                  backup_folder=self.machine.backup_folder(path),
                                  file_lock=lock, key=key)  # fmt: skip
        self.set_store(store, path, is_demo=False)
        self.statusBar().showMessage(
            f"Kopien fra {taken_text(copy.taken_at)} er gendannet. Filen, som den var før, "
            f"ligger i '{kept}'."
        )
        return True

    def _reopen(self, path: Path) -> None:
        """Show the file again after a restore that was not made (it is as it was)."""
        from fravaer_desktop.app import open_company_file
        from fravaer_desktop.storage.database import DatabaseOpenError

        try:
            store = open_company_file(path, create=False, today=datetime.now().date(),
                                      backup_folder=self.machine.backup_folder(path),
                                      file_lock=self.store.db.file_lock,
                                      key=self.store.db.key)  # fmt: skip
        except DatabaseOpenError as error:  # e.g. the damaged file that was to be replaced
            from fravaer_desktop.ui.messages import show_error

            show_error(self, APP_NAME, f"{error}\n\nFravær lukker nu.")
            self.close()
            return
        self.set_store(store, path, is_demo=False)

    def _show_company(self) -> None:
        company = self.store.company.get()
        self._company_slot.mark_stale()
        name = company.name if company else "Ingen virksomhed"
        suffix = " (demo)" if self.is_demo else ""
        self.setWindowTitle(f"{name}{suffix} – {APP_NAME}")
        self.statusBar().showMessage(describe_file(self.file_path))

    def _demo_banner(self) -> QWidget:
        button = QPushButton("Opret min virksomhed…")
        button.clicked.connect(self._create_own_company)
        self.demo_button = button
        return self._banner(
            "demoBanner",
            "<b>Du kigger på en demovirksomhed.</b> Prøv alt, hvad du vil – intet herfra gemmes. "
            "Når du er klar, så opret din egen virksomhed.",
            button,
        )

    def _guard(self, page: QWidget) -> QWidget:
        """In a read-only window, switch off the page's buttons that write (decision 0020)."""
        if self.read_only:
            from fravaer_desktop.ui.read_only import keep_writing_buttons_disabled

            keep_writing_buttons_disabled(page)
        return page

    def _banner(self, name: str, html: str, button: QPushButton | None = None) -> QFrame:
        """A calm note above the pages (yellow, as the demo's)."""
        banner = QFrame()
        banner.setObjectName(name)
        banner.setStyleSheet(
            f"#{name} {{ background: #fff4d6; border: 1px solid #e0c068; border-radius: 4px; }}"
        )
        text = QLabel(html)
        text.setWordWrap(True)
        text.setObjectName(f"{name}Text")
        layout = QHBoxLayout(banner)
        layout.addWidget(text, 1)
        if button is not None:
            layout.addWidget(button)
        return banner

    def _read_only_banner(self) -> QWidget:
        from fravaer_desktop.ui.read_only import read_only_banner_text

        lock = self.store.db.file_lock
        self.retry_button = QPushButton("Prøv igen")
        self.retry_button.setToolTip("Åbn filen til redigering, når det andet Fravær er lukket")
        self.retry_button.clicked.connect(self.retry_write_access)
        holder = lock.holder if lock is not None else None
        self.read_only_banner = self._banner(
            "readOnlyBanner", read_only_banner_text(holder), self.retry_button
        )
        return self.read_only_banner

    def check_file_location(self) -> None:
        """A calm warning above the pages when the file is in a sync folder or on a network
        drive (decision 0020). Called after the first paint: it reads the mount table."""
        if self.is_demo or self.file_path is None:
            return
        banner = self._shared_location_banner(self.file_path)
        if banner is not None:
            self._banner_layout.insertWidget(self._banner_layout.count() - 1, banner)

    def _shared_location_banner(self, path: Path) -> QWidget | None:
        from fravaer_desktop.paths import user_data_dir
        from fravaer_desktop.storage.file_location import (
            shared_location,
            shared_location_warning,
        )

        location = shared_location(path)
        if location is None:
            return None
        text = shared_location_warning(location, user_data_dir())
        self.shared_location_banner = self._banner("sharedLocationBanner", text)
        return self.shared_location_banner

    def retry_write_access(self) -> bool:
        """Prøv igen: when the other Fravær has closed the file, open it here for writing."""
        from fravaer_desktop.app import open_company_file
        from fravaer_desktop.storage.database import DatabaseOpenError
        from fravaer_desktop.storage.file_lock import take_file_lock
        from fravaer_desktop.ui.read_only import holder_text

        path = self.file_path
        lock = take_file_lock(path)
        if not lock.owned:
            self.statusBar().showMessage(
                f"Filen er stadig åben {holder_text(lock.holder)}. Luk det først.", 10000
            )
            return False
        try:
            store = open_company_file(path, create=False, today=datetime.now().date(),
                                      backup_folder=self.machine.backup_folder(path),
                                      file_lock=lock, key=self.store.db.key)  # fmt: skip
        except DatabaseOpenError as error:
            lock.release()
            show_warning(self, APP_NAME, str(error))
            return False
        self.set_store(store, path, is_demo=False)
        self.statusBar().showMessage("Filen er nu åben til redigering her.", 10000)
        self.start_opening_check()
        return True

    def _create_own_company(self) -> None:
        if self._create_company is None:
            return
        created = self._create_company(self)
        if created is not None:
            store, path = created
            self.set_store(store, path, is_demo=False)
            self.show_page("Medarbejdere")
            self.statusBar().showMessage(
                "Din virksomhed er oprettet. Tilføj dine medarbejdere.", 10000
            )

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&Filer")
        writing = self._writing_actions
        writing.append(self._add_action(
            file_menu, "&Sygemelding…", "Ctrl+N", lambda: self.actions.register_sickness()
        ))  # fmt: skip
        writing.append(self._add_action(
            file_menu, "&Raskmelding…", "Ctrl+R", lambda: self.actions.register_return()
        ))  # fmt: skip
        writing.append(self._add_action(
            file_menu, "Ny &medarbejder…", "Ctrl+M", lambda: self.actions.add_employee()
        ))  # fmt: skip
        file_menu.addSeparator()
        self._add_action(file_menu, "Tag &sikkerhedskopi…", "Ctrl+B", self.backup)
        writing.append(
            self._add_action(file_menu, "&Gendan fra sikkerhedskopi…", None, self.restore_backup)
        )
        file_menu.addSeparator()
        self._add_action(file_menu, "&Afslut", QKeySequence.StandardKey.Quit, self.close)
        view_menu = self.menuBar().addMenu("&Vis")
        for number, title in enumerate(PAGE_TITLES, start=1):
            self._add_action(view_menu, title, f"Ctrl+{number}", lambda t=title: self.show_page(t))
        help_menu = self.menuBar().addMenu("&Hjælp")
        self._add_action(help_menu, f"&Om {APP_NAME}", None, self._about)

    def _add_action(self, menu, text: str, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _about(self) -> None:
        show_about(
            self,
            f"Om {APP_NAME}",
            f"<b>{APP_NAME} {__version__}</b><br>Opfølgning på sygefravær for små virksomheder."
            "<br><br>Alle data gemmes kun på denne computer. Programmet registrerer aldrig "
            "diagnoser eller CPR-numre.",
        )
