"""First start in the demo, creating one's own company, and printing the absence overview."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from fravaer_desktop.app import open_store
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.launch import create_company_file
from fravaer_desktop.ui.main_window import MainWindow


def demo_window(qtbot, tmp_path, health_check, today, own_file) -> MainWindow:
    """The first start: the demo company shown, its banner creating the user's own file."""
    demo_folder = tmp_path / "demo"
    demo = open_store(demo_folder / "demo.sqlite", demo=True, create=True, today=today)
    window = MainWindow(
        demo, health_check, None, is_demo=True,
        create_company=lambda parent: create_company_file(parent, own_file),
        demo_folder=demo_folder,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    return window


def test_demo_banner_opens_an_existing_company_instead_of_overwriting_it(
    qtbot, tmp_path, health_check, drive_modal, today
):
    own_file = tmp_path / "data" / "virksomhed.sqlite"
    real = open_store(own_file, demo=False, create=True, today=today)
    real.company.save(Company("Min Rigtige Virksomhed ApS", "10150817", "Torvet 3"))
    real.employees.add(Employee(name="Karen Holm", employed_from=date(2020, 1, 1)))
    real.db.close()
    window = demo_window(qtbot, tmp_path, health_check, today, own_file)
    told = []

    def read_message(box):
        told.append(box.text())
        box.accept()

    drive_modal(window.demo_button.click, read_message)

    assert "Min Rigtige Virksomhed ApS" in told[0] and "Intet er ændret" in told[0]
    assert window.is_demo is False and window.file_path == own_file
    company = window.store.company.get()
    assert company is not None and company.name == "Min Rigtige Virksomhed ApS"
    assert company.address == "Torvet 3"
    assert [e.name for e in window.store.employees.list_all()] == ["Karen Holm"]


def test_demo_banner_creates_the_users_own_company_file(
    qtbot, tmp_path, health_check, drive_modal, today
):
    own_file = tmp_path / "data" / "virksomhed.sqlite"
    window = demo_window(qtbot, tmp_path, health_check, today, own_file)
    assert "(demo)" in window.windowTitle()

    def fill(dialog):
        qtbot.keyClicks(dialog.name_edit, "Frisør Lokken")
        qtbot.keyClicks(dialog.cvr_edit, "10150817")
        dialog.save_button.click()

    drive_modal(window.demo_button.click, fill)

    assert window.is_demo is False and window.file_path == own_file
    assert window.windowTitle() == "Frisør Lokken – Fravær"
    assert not (tmp_path / "demo").exists(), "the throw-away demo file is deleted"
    reopened = Store(open_database(own_file))
    assert reopened.company.get().name == "Frisør Lokken"
    assert reopened.employees.list_all() == []


def test_print_overview_preview_and_save_as_pdf(
    qtbot, window, company_store, drive_modal, tmp_path
):
    anna = company_store.employees.list_all()[0]
    company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 3, 2), last_day=date(2026, 3, 4))
    )
    window.show_page("Medarbejdere")
    window.employees_page.select_employee(anna.id)
    target = tmp_path / "oversigt.pdf"
    seen = {}

    def choose_period(dialog):
        dialog.preset.setCurrentText("I år")
        dialog.save_button.click()

    def preview(dialog):
        seen["pages"] = len(dialog.pages)
        dialog.save_to(target)
        dialog.accept()

    # The period dialog opens first; when it closes, the preview opens.
    def run():
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        def later():
            current = QApplication.activeModalWidget()
            if current is None or not hasattr(current, "pages"):
                QTimer.singleShot(20, later)
                return
            preview(current)

        QTimer.singleShot(0, later)
        window.employees_page.detail.print_button.click()

    drive_modal(run, choose_period)

    assert seen["pages"] == 1
    text = PdfReader(io.BytesIO(target.read_bytes())).pages[0].extract_text()
    assert "Fraværsoversigt" in text and "Anna Jensen" in text
    assert "2. marts 2026" in text and "Bageriet Solsikken ApS" in text


def test_closing_the_demo_deletes_it_and_demos_a_killed_fravaer_left(
    qtbot, tmp_path, health_check, today, monkeypatch
):
    import os
    import tempfile
    import time

    from fravaer_desktop.paths import temporary_demo_path

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    left_over = temporary_demo_path()
    left_over.write_bytes(b"")
    a_week_ago = time.time() - 7 * 24 * 3600
    for path in (left_over, left_over.parent):
        os.utime(path, (a_week_ago, a_week_ago))
    this_demo = temporary_demo_path()
    window = MainWindow(
        open_store(this_demo, demo=True, create=True, today=today), health_check, None,
        is_demo=True, demo_folder=this_demo.parent,
    )  # fmt: skip
    qtbot.addWidget(window)
    window.show()
    window.close_store()  # as the program does when its window has closed
    assert list(tmp_path.iterdir()) == []
