"""Left open overnight, every page moves to the new day; an absence left open when the
employment ended ends with it on every screen and paper, as on the Overblik."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta

from pypdf import PdfReader

from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.ui.dialogs.period_dialog import preset_periods
from fravaer_desktop.ui.printing import absence_overview_pdf


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


TODAY = date(2026, 11, 23)


def days_column(model, spell_id: int) -> str:
    row = next(i for i, s in enumerate(model.rows()) if s.id == spell_id)
    return model.index(row, 5).data()


def test_left_open_overnight_the_fravaer_and_medarbejdere_pages_move_to_the_new_day(
    window, company_store
):
    anna, bo = company_store.employees.list_all()
    spell = company_store.absences.add(AbsenceSpell(employee_id=anna.id, first_day=TODAY))
    company_store.employees.update(replace(bo, employed_to=TODAY))
    window.show_page("Medarbejdere")
    window.show_page("Fravær")
    page = window.absence_page
    assert page.today_heading.text() == "Fravær i dag, mandag 23. november 2026"
    assert days_column(page.model, spell.id) == "1"

    company_store.today = lambda: TODAY + timedelta(days=1)
    window.actions.check_for_new_day()

    assert page.today_heading.text() == "Fravær i dag, tirsdag 24. november 2026"
    assert "dag 2" in page.today_list.item(0).text()
    assert days_column(page.model, spell.id) == "2"
    staff = window.employees_page.model
    bo_row = next(i for i, e in enumerate(staff.rows()) if e.id == bo.id)
    assert staff.index(bo_row, 5).data() == "Fratrådt 23-11-2026"
    window.employees_page.select_employee(anna.id)
    assert days_column(window.employees_page.detail.model, spell.id) == "2"


def test_an_absence_open_when_the_employment_ended_ends_with_it_everywhere(
    window, company_store, drive_modal, qtbot
):
    """Anna was sick from 1 October and left on 31 October; no return was registered."""
    anna = company_store.employees.list_all()[0]
    spell = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 10, 1))
    )
    anna = company_store.employees.update(replace(anna, employed_to=date(2026, 10, 31)))
    window.absence_page.period.setCurrentText("Seneste 12 måneder")
    window.absence_page.reload()

    shown = window.absence_page.model
    assert shown.rows()[0].last_day == date(2026, 10, 31)
    assert days_column(shown, spell.id) == "31"
    window.show_page("Medarbejdere")
    window.employees_page.select_employee(anna.id)
    detail = window.employees_page.detail
    assert detail.model.rows()[0].last_day == date(2026, 10, 31)
    assert "31 kalenderdage" in detail.summary_label.text()
    text = pdf_text(absence_overview_pdf(company_store, anna, date(2026, 1, 1), TODAY))
    assert "I gang" not in text and "31. oktober 2026" in text

    def accept(dialog):
        seen["default"] = dialog.last_day.date_value()
        dialog.save_button.click()

    seen = {}
    drive_modal(lambda: window.actions.register_return(employee_id=anna.id), accept)

    assert seen["default"] == date(2026, 10, 31)  # not yesterday, which is after she left
    assert company_store.absences.get(spell.id).last_day == date(2026, 10, 31)


def test_the_whole_employment_ends_on_its_last_day_and_a_new_hire_has_a_valid_period() -> None:
    left = preset_periods(TODAY, date(2019, 3, 1), date(2026, 10, 31))["Hele ansættelsen"]
    starting = preset_periods(TODAY, date(2026, 12, 1))["Hele ansættelsen"]
    still_here = preset_periods(TODAY, date(2019, 3, 1))["Hele ansættelsen"]

    assert left == (date(2019, 3, 1), date(2026, 10, 31))
    assert starting == (date(2026, 12, 1), date(2026, 12, 1))
    assert still_here == (date(2019, 3, 1), TODAY)
