"""Importér fra lønsystem… on the real dialog: the exports with mistakes can't be imported, the
mapping can be changed, CPR numbers are never shown, and a clean file is stored whole."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt

from fravaer_desktop.core.payroll_import import CPR_NOTICE, Field
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.dialogs.import_dialog import ImportDialog
from fravaer_desktop.ui.models.import_table import ImportTableModel

DATA = Path(__file__).resolve().parent.parent / "data" / "payroll"


def shown_texts(dialog: ImportDialog) -> str:
    """Everything the dialog shows the user, as one text."""
    model = dialog.model
    cells = [
        str(model.data(model.index(r, c)) or "")
        for r in range(model.rowCount())
        for c in range(model.columnCount())
    ]
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())
    ]
    messages = [dialog.messages.item(i).text() for i in range(dialog.messages.count())]
    return "\n".join([*cells, *headers, *messages, dialog.summary.text(), dialog.cpr_notice.text()])


def make_dialog(qtbot, store: Store) -> ImportDialog:
    dialog = ImportDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_workbook_with_mistakes_is_shown_and_cannot_be_imported(qtbot, company_store) -> None:
    dialog = make_dialog(qtbot, company_store)
    dialog.load(DATA / "medarbejdere.xlsx")
    assert "45 medarbejdere klar, 4 rækker med fejl, 1 række springes over" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.hint.isVisible()
    assert dialog.cpr_notice.isVisible() and dialog.cpr_notice.text() == CPR_NOTICE
    assert dialog.messages.count() == 5
    assert [c.currentText() for c in dialog.strip.combos] == [
        "Navn", "Afdeling", "Stilling", "Timer pr. uge", "Ansat fra", "Fratrådt", "Funktionær",
    ]  # fmt: skip
    row_10 = next(r for r in range(dialog.model.rowCount()) if dialog.model.row(r).number == 10)
    assert dialog.model.data(dialog.model.index(row_10, 0)) == "Fejl"
    assert dialog.model.headerData(row_10, Qt.Orientation.Vertical) == "10"
    assert "»37,5t« er ikke et tal" in dialog.model.data(
        dialog.model.index(row_10, 4), Qt.ItemDataRole.ToolTipRole
    )
    assert len(company_store.employees.list_all()) == 2  # nothing stored by looking


def test_cpr_numbers_in_the_files_are_never_shown(qtbot, company_store) -> None:
    dialog = make_dialog(qtbot, company_store)
    for name in ("danloen_utf8.csv", "excel_windows1252.csv", "medarbejdere.xlsx"):
        dialog.load(DATA / name)
        shown = shown_texts(dialog)
        assert not re.search(r"\d{6}-?\d{4}", shown), name
        assert "CPR" not in shown.replace(CPR_NOTICE, "").replace("CPR-numre", "")


def test_the_messages_list_takes_the_user_to_the_row(qtbot, company_store) -> None:
    dialog = make_dialog(qtbot, company_store)
    dialog.load(DATA / "danloen_utf8.csv")
    dialog.messages.setCurrentRow(1)
    assert dialog.messages.currentItem().text().startswith("Række 16,")
    selected = dialog.table.selectionModel().selectedRows()
    assert [dialog.model.row(i.row()).number for i in selected] == [16]


def test_choosing_what_a_column_holds_checks_again(qtbot, company_store, tmp_path) -> None:
    path = tmp_path / "liste.csv"
    path.write_text("Person;Dato;Timer\nIda Holm;01-02-2020;30\nEbbe Lund;15-08-2021;37\n")
    dialog = make_dialog(qtbot, company_store)
    dialog.load(path)
    assert not dialog.import_button.isEnabled()
    assert "Vælg den kolonne, der har medarbejdernes navn." in shown_texts(dialog)
    name, start, _hours = dialog.strip.combos
    name.setCurrentIndex(name.findData(Field.NAME))
    start.setCurrentIndex(start.findData(Field.EMPLOYED_FROM))
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Importér 2 medarbejdere"
    dialog.reload()  # the file read again keeps the user's choice for the same headers
    assert dialog.strip.mapping()[:2] == (Field.NAME, Field.EMPLOYED_FROM)


def test_a_file_that_cannot_be_read_says_why(qtbot, company_store, tmp_path) -> None:
    path = tmp_path / "liste.xlsx"
    path.write_bytes(b"PK\x03\x04 not a workbook")
    dialog = make_dialog(qtbot, company_store)
    dialog.load(path)
    assert "Filen kan ikke læses som en Excel-fil" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert dialog.model.rowCount() == 0


def test_importing_from_the_employees_page_stores_everyone_at_once(
    window, drive_modal, company_store, tmp_path
) -> None:
    path = tmp_path / "løn.csv"
    path.write_bytes(
        "Navn;Afdeling;Stilling;Timer pr. uge;Ansat fra;Lønform\n"
        "Søren Ærø;Café;Kok;32,5;01-02-2020;Månedsløn\n"
        "Anna Jensen;Butik;;37;01-03-2019;Månedsløn\n"  # already in the company: skipped
        "Ida Holm;Bageri;Bager;37;15.08.2021;Timeløn\n".encode("cp1252")
    )
    window.show_page("Medarbejdere")
    page = window.employees_page

    def interact(dialog: ImportDialog) -> None:
        dialog.load(path)
        assert "2 medarbejdere klar, 1 række springes over" in dialog.summary.text()
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()

    added = drive_modal(page.import_button.click, interact) or company_store.employees.list_all()
    names = [e.name for e in company_store.employees.list_all()]
    assert names == ["Anna Jensen", "Bo Nielsen", "Ida Holm", "Søren Ærø"]
    soren = next(e for e in company_store.employees.list_all() if e.name == "Søren Ærø")
    assert (soren.weekly_hours, soren.employed_from, soren.salaried) == (
        32.5,
        date(2020, 2, 1),
        True,
    )
    ida = next(e for e in company_store.employees.list_all() if e.name == "Ida Holm")
    assert not ida.salaried
    shown = [page.model.rows()[i].name for i in range(len(page.model.rows()))]
    assert sorted(shown) == sorted(names)
    assert added


def test_the_preview_model_passes_qts_model_test(qtmodeltester, company_store) -> None:
    from fravaer_desktop.core.payroll_file import read_payroll_file
    from fravaer_desktop.core.payroll_import import check_import, guess_mapping, staff_table

    table = staff_table(read_payroll_file(DATA / "excel_windows1252.csv"))
    model = ImportTableModel()
    model.set_check(table.headers, check_import(table, guess_mapping(table.headers), []))
    qtmodeltester.check(model)
