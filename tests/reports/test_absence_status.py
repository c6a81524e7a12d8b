"""Tests of the 'Status på sygefravær': report data, builders and real PDFs read with pypdf."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.models import (
    AbsenceKind,
    AbsencePolicy,
    AbsenceSpell,
    Company,
    Employee,
    TaskDecision,
    TaskStatus,
)
from fravaer_desktop.core.overview import OverviewItem, build_overview
from fravaer_desktop.reports.absence_status import (
    EMPTY_TEXT,
    LEGEND,
    PRIVACY_FOOTER,
    AbsenceStatusData,
    build_absence_status_data,
    employee_facts,
    render_absence_status,
    spell_facts,
    status_text,
    timeline_table_rows,
)
from fravaer_desktop.reports.document import EMPLOYEE_SIGNATURE, MANAGER_SIGNATURE

COMPANY = Company(name="Bageriet Solsikken ApS", cvr="10150817", address="Torvet 3, 4000 Roskilde")
ANNA = Employee(
    id=1,
    name="Anna Jensen",
    employed_from=date(2019, 3, 1),
    department="Butik",
    job_title="Ekspedient",
)
BO = Employee(id=2, name="Bo Nielsen", employed_from=date(2021, 8, 15), department="Bageri")
NOTE = "Faldt på cyklen og slog ryggen"
FIRST_DAY = date(2026, 11, 2)  # a Monday; 'today' in the tests is Monday 23 November 2026
SPELL = AbsenceSpell(employee_id=1, first_day=FIRST_DAY, note=NOTE, id=10)


def item(rule: str, due: date | None, **kwargs: object) -> OverviewItem:
    """An overview item of Anna's spell 10 unless told otherwise."""
    values: dict[str, object] = {
        "rule": rule,
        "employee_id": 1,
        "employee_name": "Anna Jensen",
        "title": f"Opgave {rule}",
        "explanation": "",
        "source": "Sygedagpengeloven § 7a",
        "due": due,
        "spell_id": 10,
    }
    values.update(kwargs)
    return OverviewItem(**values)  # type: ignore[arg-type]


def decided(entry: OverviewItem, status: TaskStatus, on: date, reason: str = "") -> OverviewItem:
    decision = TaskDecision(
        entry.rule, entry.employee_id, status, on, entry.spell_id, entry.due, reason
    )
    return replace(entry, decision=decision)


def status_data(
    items: list[OverviewItem], today: date, spell: AbsenceSpell = SPELL
) -> AbsenceStatusData:
    return build_absence_status_data(COMPANY, ANNA, spell, items, today)


def overview_items(today: date, decisions: list[TaskDecision] | None = None) -> list[OverviewItem]:
    other = AbsenceSpell(employee_id=2, first_day=date(2026, 11, 9), id=11)
    spells = [SPELL, other]
    overview = build_overview(COMPANY, [ANNA, BO], spells, decisions or [], AbsencePolicy(), today)
    return overview.items


def pdf_text(data: bytes) -> tuple[int, str]:
    """Page count and the text of all pages with runs of white space made single spaces."""
    pages = PdfReader(io.BytesIO(data)).pages
    text = " ".join(page.extract_text() for page in pages)
    return len(pages), " ".join(text.replace("\xa0", " ").split())


# --- Report data ------------------------------------------------------------------------------


def test_picks_the_spells_items_and_the_employees_own_items_only(today: date) -> None:
    items = [
        item("samtale", date(2026, 11, 30)),
        item("samtale", date(2026, 8, 31), spell_id=9),  # Anna's earlier spell
        item("samtale", date(2026, 12, 7), employee_id=2, spell_id=11),  # Bo's spell
        item("regel_120", None, spell_id=None, is_option=True),  # Anna as a whole
        item("revurdering", None, employee_id=2, spell_id=None),  # Bo as a whole
    ]

    data = status_data(items, today)

    assert [(r.rule, r.due) for r in data.rows] == [
        ("samtale", date(2026, 11, 30)),
        ("regel_120", None),
    ]


def test_rows_are_sorted_by_deadline_with_items_without_one_last(today: date) -> None:
    items = [
        item("fastholdelsesplan", None, is_option=True),
        item("anmeldelse", date(2026, 12, 7)),
        item("kontakt", date(2026, 11, 2)),
        item("fast_track", date(2026, 12, 7), is_option=True),
        item("samtale", date(2026, 11, 30)),
        item("fravaerssamtale", None, spell_id=None),
    ]

    data = status_data(items, today)

    # Same day: the order the deadline engine gave is kept (anmeldelse before fast track).
    assert [r.rule for r in data.rows] == [
        "kontakt", "samtale", "anmeldelse", "fast_track", "fastholdelsesplan", "fravaerssamtale",
    ]  # fmt: skip
    assert [row[0] for row in timeline_table_rows(data)] == [
        "2. november 2026", "30. november 2026", "7. december 2026", "7. december 2026",
        "Ingen frist", "Ingen frist",
    ]  # fmt: skip


TODAY = date(2026, 11, 23)
STATUS_CASES = [
    # (scenario, item, expected status text)
    (
        "done on 3 December 2026",
        decided(item("samtale", date(2026, 11, 30)), TaskStatus.DONE, date(2026, 12, 3)),
        "Klaret 3. december 2026",
    ),
    (
        "not relevant, with the manager's reason",
        decided(
            item("kontakt", date(2026, 11, 6)),
            TaskStatus.NOT_RELEVANT,
            date(2026, 11, 9),
            "Medarbejderen ringer selv hver fredag",
        ),
        "Ikke relevant: Medarbejderen ringer selv hver fredag",
    ),
    (
        "not relevant, no reason given",
        decided(item("kontakt", date(2026, 11, 6)), TaskStatus.NOT_RELEVANT, date(2026, 11, 9)),
        "Ikke relevant",
    ),
    ("deadline was yesterday, 22 Nov 2026", item("samtale", date(2026, 11, 22)), "Overskredet"),
    ("deadline is today, 23 November 2026", item("samtale", TODAY), "I dag"),
    ("deadline is 30 November 2026", item("samtale", date(2026, 11, 30)), "Åben"),
    ("task without a deadline", item("fravaerssamtale", None, spell_id=None), "Åben"),
    ("option, no deadline", item("fastholdelsesplan", None, is_option=True), "Mulighed"),
    (
        "option whose deadline passed on 16 November 2026",
        item("fast_track", date(2026, 11, 16), is_option=True),
        "Mulighed – frist passeret",
    ),
    (
        "employer period ended 22 November 2026 (a milestone, not a task)",
        item("arbejdsgiverperiode", date(2026, 11, 22), is_milestone=True),
        "Passeret",
    ),
    (
        "jobcenter's first meeting on 28 December 2026",
        item("jobcenter", date(2026, 12, 28), is_milestone=True),
        "Kommende",
    ),
]


@pytest.mark.parametrize(
    ("entry", "expected"),
    [case[1:] for case in STATUS_CASES],
    ids=[case[0] for case in STATUS_CASES],
)
def test_status_text(entry: OverviewItem, expected: str) -> None:
    assert status_text(entry, TODAY) == expected


def test_only_open_overdue_and_due_today_rows_are_urgent(today: date) -> None:
    items = [
        item("kontakt", date(2026, 11, 15)),
        item("samtale", today),
        decided(item("kontakt", date(2026, 11, 6)), TaskStatus.DONE, date(2026, 11, 6)),
        item("anmeldelse", date(2026, 12, 7)),
    ]

    data = status_data(items, today)

    assert [(r.status, r.urgent) for r in data.rows] == [
        ("Klaret 6. november 2026", False),
        ("Overskredet", True),
        ("I dag", True),
        ("Åben", False),
    ]


def test_ongoing_full_spell_on_day_22_with_expected_return(today: date) -> None:
    spell = replace(SPELL, expected_return=date(2026, 12, 14))

    data = status_data([], today, spell)

    assert (data.day_number, data.calendar_days, data.last_day) == (22, 22, None)
    assert employee_facts(data) == [
        ("Medarbejder", "Anna Jensen"),
        ("Afdeling", "Butik"),
        ("Stilling", "Ekspedient"),
        ("Fraværstype", "Egen sygdom"),
    ]
    assert spell_facts(data) == [
        ("Første fraværsdag", "2. november 2026"),
        ("Sidste fraværsdag", "I gang"),
        ("Varighed", "Dag 22 i dag"),
        ("Omfang", "Fuldt fravær"),
        ("Forventet første arbejdsdag", "14. december 2026"),
    ]


def test_ended_partial_spell_shows_its_length_and_no_expected_return(today: date) -> None:
    # 2 - 13 November 2026: 12 calendar days, 12 hours a week.
    spell = replace(
        SPELL,
        kind=AbsenceKind.WORK_INJURY,
        last_day=date(2026, 11, 13),
        partial_hours_per_week=12.0,
        expected_return=date(2026, 11, 16),
    )

    data = status_data([], today, spell)

    assert data.day_number is None and data.expected_return is None
    assert dict(spell_facts(data)) == {
        "Første fraværsdag": "2. november 2026",
        "Sidste fraværsdag": "13. november 2026",
        "Varighed": "12 kalenderdage",
        "Omfang": "Delvist fravær, 12 timer pr. uge",
    }
    assert dict(employee_facts(data))["Fraværstype"] == "Arbejdsskade"


def test_missing_department_and_expected_return_read_ikke_oplyst(today: date) -> None:
    employee = replace(ANNA, department=" ", job_title="")

    data = build_absence_status_data(COMPANY, employee, SPELL, [], today)

    assert dict(employee_facts(data))["Afdeling"] == "Ikke oplyst"
    assert dict(employee_facts(data))["Stilling"] == "Ikke oplyst"
    assert dict(spell_facts(data))["Forventet første arbejdsdag"] == "Ikke oplyst"


def test_a_spell_of_another_employee_is_refused(today: date) -> None:
    with pytest.raises(ValueError, match="Anna Jensen"):
        status_data([], today, replace(SPELL, employee_id=2))


def test_the_report_data_holds_no_note(today: date) -> None:
    data = status_data(overview_items(today), today)

    assert NOTE not in repr(data)


def test_built_from_the_real_overview_keeps_only_annas_items(today: date) -> None:
    items = overview_items(today)

    data = status_data(items, today)

    expected = [i for i in items if i.employee_id == 1 and i.spell_id in (10, None)]
    assert len(data.rows) == len(expected) > 0
    assert "Sygefraværssamtale" in [r.title for r in data.rows]
    dues = [r.due for r in data.rows if r.due is not None]
    assert dues == sorted(dues)


# --- PDF --------------------------------------------------------------------------------------


def test_rendered_status_shows_the_timeline_and_never_the_note(today: date) -> None:
    items = overview_items(today)
    first_contact = next(i for i in items if i.rule == "kontakt" and i.spell_id == 10)
    decisions = [
        TaskDecision(
            "kontakt", 1, TaskStatus.DONE, date(2026, 11, 3), 10, first_contact.due, reason=""
        )
    ]
    data = status_data(overview_items(today, decisions), today)

    pages, text = pdf_text(render_absence_status(data))

    assert pages == 1
    assert "Side 1 af 1" in text
    assert "Status på sygefravær" in text and "Anna Jensen · status pr. 23. november 2026" in text
    assert "Første fraværsdag 2. november 2026" in text
    assert "Dag 22 i dag" in text and "I gang" in text
    for row, (due, title, status, source) in zip(data.rows, timeline_table_rows(data), strict=True):
        assert " ".join(filter(None, (due, title, row.detail, status, source))) in text
    assert "Klaret 3. november 2026" in text
    assert " ".join(LEGEND.split()) in text
    assert MANAGER_SIGNATURE in text and EMPLOYEE_SIGNATURE in text
    assert PRIVACY_FOOTER in text
    assert "Status på sygefravær – Anna Jensen" in text  # the footer: whose status, on every page
    assert NOTE not in text and "cyklen" not in text
    assert "Bo Nielsen" not in text


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        (AbsenceKind.OWN_SICKNESS, "Status på sygefravær"),
        (AbsenceKind.PREGNANCY, "Status på sygefravær"),
        (AbsenceKind.WORK_INJURY, "Status på sygefravær"),
        (AbsenceKind.CHILD_SICK, "Status på fravær"),
        (AbsenceKind.OTHER, "Status på fravær"),
    ],
)
def test_the_title_calls_only_sickness_sygefravær(
    today: date, kind: AbsenceKind, title: str
) -> None:
    """"Andet fravær" has contact days on the Overblik, so it can be printed; it is not
    sickness, and its paper must not say so."""
    data = status_data([], today, replace(SPELL, kind=kind))

    _, text = pdf_text(render_absence_status(data))

    assert data.title == title
    assert f"{title} – Anna Jensen" in text
    assert ("sygefravær" in text.lower()) is kind.is_sickness


def test_rendered_status_without_items_says_so(today: date) -> None:
    pages, text = pdf_text(render_absence_status(status_data([], today)))

    assert pages == 1
    assert EMPTY_TEXT in text
    assert "Frist Hvad Status Kilde" not in text


def test_long_timeline_runs_over_pages_with_the_header_repeated(today: date) -> None:
    items = [
        item("kontakt", FIRST_DAY + timedelta(days=n), title=f"Kontakt medarbejderen (dag {n + 1})")
        for n in range(45)
    ]

    pages, text = pdf_text(render_absence_status(status_data(items, today)))

    assert pages >= 2
    assert f"Side {pages} af {pages}" in text
    assert text.count("Frist Hvad Status Kilde") >= 2  # the table's header on each of its pages
    assert "Kontakt medarbejderen (dag 45)" in text


def test_names_with_ampersand_and_danish_letters_are_printed_as_typed(today: date) -> None:
    employee = replace(ANNA, name="Søren Ærø & Åse", department="Café & Bageri")

    data = build_absence_status_data(COMPANY, employee, SPELL, [], today)
    _, text = pdf_text(render_absence_status(data))

    assert "Søren Ærø & Åse" in text and "Café & Bageri" in text
    assert long_date(FIRST_DAY) in text
