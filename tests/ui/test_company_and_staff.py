"""The owner creates the company and adds staff; bad input is explained and nothing is stored."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.dialogs.company_dialog import CompanyDialog
from fravaer_desktop.ui.dialogs.employee_dialog import EmployeeDialog


def test_create_company_in_a_file_survives_a_restart(qtbot, tmp_path):
    path = tmp_path / "firma.sqlite"
    dialog = CompanyDialog(Store(open_database(path)).company)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name_edit, "Bageriet Solsikken ApS")
    qtbot.keyClicks(dialog.cvr_edit, "DK 1015 0817")
    qtbot.keyClicks(dialog.address_edit, "Torvet 3, 4000 Roskilde")
    dialog.weekly_hours.setValue(37.5)
    dialog.save_button.click()

    assert dialog.result() == dialog.DialogCode.Accepted
    reopened = Store(open_database(path)).company.get()
    assert (reopened.name, reopened.cvr, reopened.standard_weekly_hours) == (
        "Bageriet Solsikken ApS", "10150817", 37.5,
    )  # fmt: skip
    assert reopened.pays_salary_during_sickness is True


def test_company_with_bad_cvr_and_no_name_is_refused(qtbot, store):
    dialog = CompanyDialog(store.company)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.cvr_edit, "12345678")
    dialog.save_button.click()

    assert dialog.isVisible()
    assert dialog.errors.message("name") == "Skriv virksomhedens navn."
    assert dialog.errors.message("cvr").startswith("CVR-nummeret er ikke gyldigt")
    assert store.company.get() is None


def test_a_picture_that_cannot_be_a_logo_is_explained_under_its_row(qtbot, store, tmp_path):
    from PySide6.QtGui import QColor, QPixmap

    from fravaer_desktop.ui.dialogs.company_dialog import LOGO_PROBLEM

    dialog = CompanyDialog(store.company)
    qtbot.addWidget(dialog)
    dialog.show()
    not_a_picture = tmp_path / "logo.png"
    not_a_picture.write_text("Bageriet Solsikken", encoding="utf-8")
    assert dialog.set_logo_file(not_a_picture) is False
    assert dialog.errors.message("logo") == LOGO_PROBLEM  # red, under the row, not in it
    assert dialog.logo_preview.text() == "Intet logo (valgfrit)"

    picture = QPixmap(40, 20)
    picture.fill(QColor("#e8a33d"))
    assert picture.save(str(tmp_path / "rigtigt.png"))
    assert dialog.set_logo_file(tmp_path / "rigtigt.png") is True
    assert dialog.errors.message("logo") == ""
    qtbot.keyClicks(dialog.name_edit, "Bageriet Solsikken ApS")
    qtbot.keyClicks(dialog.cvr_edit, "10150817")
    dialog.save_button.click()
    assert store.company.get().logo == (tmp_path / "rigtigt.png").read_bytes()


def test_add_employee_through_the_page(qtbot, window, drive_modal):
    def fill(dialog):
        qtbot.keyClicks(dialog.name_edit, "Carla Holm")
        dialog.department_edit.setCurrentText("Café")
        qtbot.keyClicks(dialog.job_edit, "Barista")
        dialog.hours_edit.setValue(25)
        assert dialog.days_edit.value() == 5  # the usual week unless the user says otherwise
        dialog.days_edit.setValue(4)
        dialog.start_edit.set_date(date(2024, 5, 1))
        dialog.clause_120.setChecked(True)
        dialog.save_button.click()

    window.show_page("Medarbejdere")
    drive_modal(window.actions.add_employee, fill)

    stored = {e.name: e for e in window.store.employees.list_all()}["Carla Holm"]
    assert (stored.department, stored.weekly_hours, stored.employed_from) == (
        "Café", 25, date(2024, 5, 1),
    )  # fmt: skip
    assert stored.clause_120_days and stored.salaried and not stored.fleksjob
    assert stored.working_days_per_week == 4
    page = window.employees_page
    assert "Carla Holm" in [e.name for e in page.model.rows()]
    assert page.detail.name_label.text() == "Carla Holm"
    assert "120-dagesaftale" in page.detail.facts_label.text()
    assert "25 timer/uge på 4 dage" in page.detail.facts_label.text()


def test_employee_without_name_or_with_end_before_start_is_refused(qtbot, company_store, today):
    dialog = EmployeeDialog(company_store.employees, today)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.name_edit, "   ")
    dialog.start_edit.set_date(date(2025, 1, 1))
    dialog.end_edit.set_value(date(2024, 12, 31))
    dialog.save_button.click()

    assert dialog.isVisible()
    assert dialog.errors.message("name") == "Skriv medarbejderens navn."
    assert "Fratrædelsesdatoen ligger før ansættelsesdatoen" in dialog.errors.message("employed_to")
    assert len(company_store.employees.list_all()) == 2


def test_employee_form_has_no_cpr_or_health_field(qtbot, company_store, today):
    dialog = EmployeeDialog(company_store.employees, today)
    qtbot.addWidget(dialog)
    labels = [
        dialog.form.itemAt(row, dialog.form.ItemRole.LabelRole).widget().text().lower()
        for row in range(dialog.form.rowCount())
        if dialog.form.itemAt(row, dialog.form.ItemRole.LabelRole) is not None
    ]
    assert labels and not [t for t in labels if "cpr" in t or "diagnose" in t or "helbred" in t]


def test_deleting_an_employee_asks_first_and_no_keeps_everything(qtbot, window, drive_modal):
    window.show_page("Medarbejdere")
    page = window.employees_page
    page.table.select_first()
    employee = page.table.selected_row()

    def answer_no(box: QMessageBox):
        assert employee.name in box.text()
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # default is "Nej"

    assert drive_modal(lambda: window.actions.delete_employee(employee), answer_no) is False
    assert len(window.store.employees.list_all()) == 2

    def answer_yes(box: QMessageBox):
        next(b for b in box.buttons() if b.text() == "Slet").click()

    assert drive_modal(lambda: window.actions.delete_employee(employee), answer_yes) is True
    assert [e.name for e in window.store.employees.list_all()] == ["Bo Nielsen"]
    assert [e.name for e in page.model.rows()] == ["Bo Nielsen"]


def test_the_employee_list_shows_name_department_and_job_title_in_full(
    qtbot, store, health_check, today
) -> None:
    """In a window of 1280 × 800 (a small laptop) the list opens wide enough for the three
    columns a manager reads; the detail panel keeps at least half the width."""
    from fravaer_desktop.storage.demo import populate_demo_company
    from fravaer_desktop.ui.main_window import MainWindow

    populate_demo_company(store, today)
    window = MainWindow(store, health_check, None, is_demo=True)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)

    window.show_page("Medarbejdere")
    page = window.employees_page
    table = page.table
    qtbot.waitUntil(lambda: sum(page.splitter.sizes()) > 0)

    job_title_right = table.columnViewportPosition(2) + table.columnWidth(2)
    assert table.model().headerData(2, Qt.Orientation.Horizontal) == "Stilling"
    assert job_title_right <= table.viewport().width()
    list_width, detail_width = page.splitter.sizes()
    assert detail_width >= list_width


def test_the_virksomhed_page_shows_changes_made_while_another_page_was_open(
    qtbot, window, drive_modal
):
    """The Virksomhed page is built when first opened; changes made from the menu while it is
    hidden are shown when it is opened again, and at once while it is visible."""
    window.show_page("Virksomhed")
    assert window.company_page.salary.text() == "Ja, virksomheden betaler løn"
    window.show_page("Overblik")

    def rename_and_no_salary(dialog):
        dialog.name_edit.setText("Bageriet Nord ApS")
        dialog.pays_salary.setChecked(False)
        dialog.save_button.click()

    drive_modal(window.edit_company, rename_and_no_salary)
    assert window.windowTitle().startswith("Bageriet Nord ApS")
    window.show_page("Virksomhed")
    assert window.company_page.name.text() == "Bageriet Nord ApS"
    assert window.company_page.salary.text() == "Nej"

    def hours_30(dialog):
        dialog.weekly_hours.setValue(30)
        dialog.save_button.click()

    drive_modal(window.edit_company, hours_30)
    assert window.company_page.hours.text() == "30 timer pr. uge"


def test_the_employment_is_described_alike_whether_the_last_day_has_passed_or_is_coming(
    qtbot, today
):
    """Under notice (last day ahead) and left (last day passed) read differently in the list;
    the facts line says "til og med" for both, never "fratrådt" about a day still to come."""
    from fravaer_desktop.core.models import Employee
    from fravaer_desktop.ui.models.employee_table import EmployeeTableModel
    from fravaer_desktop.ui.widgets.employee_detail import employee_facts

    def employee(name, employed_to=None, employed_from=date(2020, 1, 1)):
        return Employee(name=name, employed_from=employed_from, employed_to=employed_to, id=1)

    staff = [
        employee("Anna", None),
        employee("Bo", date(2026, 12, 31)),
        employee("Carla", date(2026, 11, 13)),
        employee("Dorte", None, employed_from=date(2027, 1, 4)),
    ]
    model = EmployeeTableModel(today)
    model.set_rows(staff)
    status = [model.data(model.index(row, 5)) for row in range(4)]

    assert status == ["Ansat", "Fratræder 31-12-2026", "Fratrådt 13-11-2026", "Starter 04-01-2027"]
    assert "ansat fra 01-01-2020 til og med 31-12-2026" in employee_facts(staff[1])
    assert "fratrådt" not in employee_facts(staff[1]).lower()
