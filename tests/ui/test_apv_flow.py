"""The APV's sickness part through the real screens: the frame, the figures without anyone's
name, the assessment, an action plan that needs a responsible and a deadline, completion, the
Overblik item of the deadline, and the printed APV."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from fravaer_desktop.core.apv import ActionStatus, ApvStatus
from fravaer_desktop.core.guides import load_apv_checklist
from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.services.apv import apv_pdf, start_apv
from fravaer_desktop.services.followup import current_overview
from fravaer_desktop.ui.apv import editor as editor_module
from fravaer_desktop.ui.apv.editor import ApvEditor

# conftest: today is Monday 23 November 2026; Anna Jensen and Bo Nielsen work in the bakery.


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def staffed(store):
    """Seven in the bakery, five in the café and a shop of three: the shop is never shown on
    its own, and the café joins it under "Øvrige" so the shop cannot be worked out."""
    for n in range(5):
        store.employees.add(Employee(name=f"Bager Nummer{n}", employed_from=date(2020, 1, 1),
                                     department="Bageri"))  # fmt: skip
    for n in range(5):
        store.employees.add(Employee(name=f"Kaffe Nummer{n}", employed_from=date(2020, 1, 1),
                                     department="Café"))  # fmt: skip
    for name in ("Ulla Butiksen", "Vera Butiksen", "Yrsa Butiksen"):
        store.employees.add(Employee(name=name, employed_from=date(2020, 1, 1), department="Butik"))
    for employee in store.employees.list_all()[:4]:
        store.absences.add(AbsenceSpell(employee.id, date(2026, 3, 2), last_day=date(2026, 3, 4)))


def open_editor(qtbot, store, health_check, apv_id):
    printed = []
    editor = ApvEditor(
        store, health_check, load_apv_checklist(), apv_id,
        lambda apv, figures, parent: printed.append(apv_pdf(store, apv, figures)),
        lambda parent: None,
    )  # fmt: skip
    editor.printed = printed
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def test_an_apv_from_the_figures_to_a_printed_action_plan(
    qtbot, company_store, health_check, monkeypatch
) -> None:
    store = company_store
    for employee in store.employees.list_all():  # conftest's two join the bakery
        store.employees.update(employee.__class__(**{**employee.__dict__, "department": "Bageri"}))
    staffed(store)
    apv = start_apv(store)
    assert (apv.period_first, apv.period_last) == (date(2025, 11, 24), date(2026, 11, 23))
    editor = open_editor(qtbot, store, health_check, apv.id)
    names = [e.name for e in store.employees.list_all()]

    # the figures: no group of three on its own, no name anywhere
    shown = editor.figures_label.text()
    assert "Fraværsprocent" in shown and "Bageri" in shown and "Øvrige" in shown
    assert "Butik, Café er talt med under »Øvrige«" in shown
    assert not any(name in shown for name in names)

    qtbot.keyClicks(editor.texts["participants"].edit, "Indehaveren og to fra bageriet")
    relevant, affects, notes = editor.answers["loeft"]
    relevant.setCurrentIndex(relevant.findData("ja"))
    affects.setCurrentIndex(affects.findData("ja"))
    qtbot.keyClicks(notes.edit, "Melsække på 25 kg")
    qtbot.keyClicks(editor.texts["sygefravaer"].edit, "Mest fravær i marts i bageriet.")
    # a note that names a person is warned about, never blocked
    qtbot.keyClicks(editor.texts["kortlaegning"].edit, "Anna siger, der er travlt")
    assert editor.texts["kortlaegning"].warning.isVisible()
    assert "Anna Jensen" in editor.texts["kortlaegning"].warning.text()
    editor.texts["kortlaegning"].set_text("Rundgang i bageriet")

    table = editor.actions_table
    table.add_row()
    for column, text in ((0, "Tunge løft"), (2, "Sækkevogn")):
        table.table.cellWidget(0, column).setText(text)
    assert "ansvarlig" in table.errors.text()
    editor.tabs.setCurrentIndex(4)
    editor.complete_button.click()
    assert store.apvs.get(apv.id).status is ApvStatus.DRAFT
    assert "Indsats 1" in editor.complete_errors.text()

    table.table.cellWidget(0, 3).setText("Produktionslederen")
    table.table.cellWidget(0, 4).setText("15-01-2027")
    qtbot.keyClicks(editor.texts["retningslinjer"].edit, "Opfølgning på personalemødet i marts.")
    told = []
    monkeypatch.setattr(editor_module, "show_information", lambda *args: told.append(args))
    editor.complete_button.click()
    done = store.apvs.get(apv.id)
    assert (done.status, done.completed_on) == (ApvStatus.DONE, date(2026, 11, 23))
    assert done.answers["loeft"].notes == "Melsække på 25 kg"
    assert (done.actions[0].responsible, done.actions[0].deadline) == (
        "Produktionslederen", date(2027, 1, 15)
    )  # fmt: skip
    stored = "\n".join(str(r) for t in ("apv_assessments", "apv_actions")
                       for r in store.db.rows(f"SELECT * FROM {t}"))  # fmt: skip
    assert not any(name in stored for name in names)

    # the deadline is on the Overblik until the measure is done
    [item] = [i for i in current_overview(store).items if i.rule == "apv_handling"]
    assert (item.title, item.due, item.employee_name, item.decision) == (
        "APV: Sækkevogn", date(2027, 1, 15), "Hele virksomheden", None
    )  # fmt: skip
    status = table.table.cellWidget(0, 5)
    status.setCurrentIndex(status.findData(ActionStatus.DONE.value))
    assert store.apvs.get(apv.id).actions[0].status is ActionStatus.DONE
    [item] = [i for i in current_overview(store).items if i.rule == "apv_handling"]
    assert item.decision is not None

    editor.print_button.click()
    text = pdf_text(editor.printed[-1])
    assert "Sækkevogn" in text and "Øvrige" in text
    assert "Produktionslederen" in text.replace("\n", "")  # a narrow column may wrap it
    assert not any(name in text for name in names)


def test_a_closed_editor_keeps_the_draft(qtbot, company_store, health_check) -> None:
    apv = start_apv(company_store)
    editor = open_editor(qtbot, company_store, health_check, apv.id)
    qtbot.keyClicks(editor.texts["aendringer"].edit, "Ny ovn i foråret")
    editor.close_button.click()
    assert company_store.apvs.get(apv.id).texts["aendringer"] == "Ny ovn i foråret"


def test_a_company_of_two_sees_company_figures_only(qtbot, company_store, health_check) -> None:
    editor = open_editor(qtbot, company_store, health_check, start_apv(company_store).id)
    assert "under 5 medarbejdere" in editor.figures_label.text()
    assert "Efter afdeling" not in editor.figures_label.text()
    assert editor.chart.isHidden()  # no month by month: one month can be one person
    editor.tabs.setCurrentIndex(0)
    assert not editor.amo.isVisible()  # under 10: no arbejdsmiljøorganisation required
    assert "direkte med medarbejderne" in editor.amo_note.text()
