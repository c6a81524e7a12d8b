"""Builders of 'Alt om medarbejderen': every section is there also when it is empty, and the
change log (issue 18, item 7) is a section only once the program keeps one."""

from __future__ import annotations

import io
from datetime import date, datetime

from pypdf import PdfReader

from fravaer_desktop.core.guides import load_guides
from fravaer_desktop.core.models import (
    AbsenceKind,
    AbsenceSpell,
    Company,
    Employee,
    TaskDecision,
    TaskStatus,
)
from fravaer_desktop.reports.access_report import (
    NONE_TEXT,
    AccessReportData,
    ChangeLogLine,
    absence_rows,
    decision_rows,
    employee_facts,
    render_access_report,
)

COMPANY = Company(name="Bageriet Solsikken ApS", cvr="10150817", address="Torvet 3")
ANNA = Employee(name="Anna Jensen", employed_from=date(2019, 3, 1), department="Butik", id=1)


def data(**changes) -> AccessReportData:
    values = dict(
        company=COMPANY, employee=ANNA, printed_on=date(2026, 11, 23), absences=(),
        conversations=(), minutes={}, document_requests=(), retention_plans=(), decisions=(),
        guides=load_guides(),
    )  # fmt: skip
    values.update(changes)
    return AccessReportData(**values)


def text_of(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def test_an_employee_without_records_gets_every_section_saying_so() -> None:
    text = text_of(render_access_report(data()))
    for key in ("absences", "conversations", "requests", "plans", "decisions"):
        assert NONE_TEXT[key] in text
    assert "Ændringslog" not in text


def test_the_change_log_slots_in_once_there_is_one() -> None:
    line = ChangeLogLine(datetime(2026, 11, 20, 14, 5), "mette", "Rettede sidste fraværsdag")
    text = text_of(render_access_report(data(change_log=(line,))))
    assert "Ændringslog" in text and "mette" in text and "Rettede sidste fraværsdag" in text
    assert "20. november 2026 kl. 14.05" in text
    assert NONE_TEXT["change_log"] in text_of(render_access_report(data(change_log=())))


def test_the_builders_give_every_stored_field_in_words() -> None:
    facts = dict(employee_facts(ANNA))
    assert facts["Ansat til"] == "Stadig ansat" and facts["Funktionær"] == "Ja"
    assert facts["Arbejdstid"] == "37 timer pr. uge på 5 dage"
    spell = AbsenceSpell(1, date(2026, 3, 2), AbsenceKind.CHILD_SICK, note="Ringede kl. 7")
    assert absence_rows((spell,)) == [
        ["Barns sygedag", "2. marts 2026", "I gang", "Fuldt fravær", "–", "Ringede kl. 7"]
    ]
    decided = TaskDecision("kontakt", 1, TaskStatus.NOT_RELEVANT, date(2026, 3, 4),
                           reason="Tilbage dagen efter")  # fmt: skip
    assert decision_rows((decided,)) == [
        ["Kontakt medarbejderen", "–", "Ikke relevant: Tilbage dagen efter", "4. marts 2026"]
    ]
