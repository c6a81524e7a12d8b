"""Tests of the Fraværsoversigt: report data, builders, and real PDFs read back with pypdf."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.platypus import Paragraph, Table

from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, Company, Employee
from fravaer_desktop.reports.absence_overview import (
    CLIPPED_NOTE,
    PRIVACY_LINE,
    AbsenceOverviewData,
    build_absence_overview_data,
    employee_facts,
    empty_text,
    hours_text,
    kind_summary_rows,
    overview_flowables,
    render_absence_overview,
    spell_table_rows,
    spell_totals_row,
)
from fravaer_desktop.reports.document import EMPLOYEE_SIGNATURE, MANAGER_SIGNATURE

COMPANY = Company(name="Bageriet Solsikken ApS", cvr="10150817", address="Torvet 3, 4000 Roskilde")
ANNA = Employee(
    id=1,
    name="Anna Jensen",
    employed_from=date(2019, 3, 1),
    department="Butik",
    job_title="Ekspedient",
    weekly_hours=37,
)
YEAR_START = date(2026, 1, 1)


def spell(first: date, last: date | None = None, **kwargs: object) -> AbsenceSpell:
    return AbsenceSpell(employee_id=1, first_day=first, last_day=last, **kwargs)  # type: ignore[arg-type]


def overview(spells: list[AbsenceSpell], today: date, **kwargs: object) -> AbsenceOverviewData:
    start = kwargs.pop("start", YEAR_START)
    end = kwargs.pop("end", today)
    employee = kwargs.pop("employee", ANNA)
    return build_absence_overview_data(COMPANY, employee, spells, start, end, today)  # type: ignore[arg-type]


def fortnightly_spells(count: int) -> list[AbsenceSpell]:
    """`count` two-day spells, every other week from Monday 8 January 2024."""
    first_monday = date(2024, 1, 8)
    return [
        spell(first_monday + timedelta(weeks=2 * n), first_monday + timedelta(weeks=2 * n, days=1))
        for n in range(count)
    ]


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


# --- Report data ------------------------------------------------------------------------------


def test_full_week_of_sickness_counts_five_working_days_of_7_4_hours(today: date) -> None:
    data = overview([spell(date(2026, 3, 2), date(2026, 3, 6))], today)

    (row,) = data.rows
    assert row.kind_title == "Egen sygdom"
    assert (row.first_day, row.last_day) == (date(2026, 3, 2), date(2026, 3, 6))
    assert row.extent == "Fuldt"
    assert (row.calendar_days, row.working_days, row.hours) == (5, 5, 37.0)
    assert not row.starts_before_period and not row.ends_after_period
    assert data.printed_on == today


def test_spell_starting_before_the_period_is_clipped_to_its_first_day(today: date) -> None:
    # 22 Dec 2025 - 9 Jan 2026; inside 2026: 1-9 Jan = 9 days, of which 1 Jan is a holiday
    # and 3-4 Jan a weekend, leaving 2, 5, 6, 7, 8 and 9 Jan as working days.
    data = overview([spell(date(2025, 12, 22), date(2026, 1, 9))], today)

    (row,) = data.rows
    assert (row.first_day, row.last_day) == (date(2026, 1, 1), date(2026, 1, 9))
    assert (row.calendar_days, row.working_days, row.hours) == (9, 6, 44.4)
    assert row.starts_before_period and not row.ends_after_period
    assert spell_table_rows(data)[0][1] == "1. januar 2026*"


def test_spell_ending_after_the_period_is_clipped_to_the_period_end(today: date) -> None:
    # Mon 28 Sep - Fri 9 Oct 2026, period ends Wed 30 Sep: 28, 29 and 30 Sep count.
    data = overview([spell(date(2026, 9, 28), date(2026, 10, 9))], today, end=date(2026, 9, 30))

    (row,) = data.rows
    assert (row.first_day, row.last_day) == (date(2026, 9, 28), date(2026, 9, 30))
    assert (row.calendar_days, row.working_days) == (3, 3)
    assert row.ends_after_period
    assert spell_table_rows(data)[0][2] == "30. september 2026*"


def test_ongoing_spell_counts_up_to_today_and_shows_i_gang(today: date) -> None:
    # Mon 16 Nov 2026 until today, Mon 23 Nov 2026: 8 days, 6 working days.
    data = overview([spell(date(2026, 11, 16))], today)

    (row,) = data.rows
    assert row.last_day is None
    assert (row.calendar_days, row.working_days, row.hours) == (8, 6, 44.4)
    assert spell_table_rows(data)[0][2] == "I gang"


def test_ongoing_spell_in_a_past_period_counts_up_to_the_period_end(today: date) -> None:
    # Mon 26 Oct 2026, still ongoing; the period ends Sat 31 Oct: 6 days, 5 working days.
    data = overview([spell(date(2026, 10, 26))], today, end=date(2026, 10, 31))

    (row,) = data.rows
    assert row.last_day is None
    assert (row.calendar_days, row.working_days) == (6, 5)


def test_partial_spell_counts_its_weekly_hours_spread_over_working_days(today: date) -> None:
    # 12 hours a week from Mon 7 to Fri 18 Sep 2026: 10 working days of 2.4 hours.
    data = overview(
        [spell(date(2026, 9, 7), date(2026, 9, 18), partial_hours_per_week=12.0)], today
    )

    (row,) = data.rows
    assert row.extent == "Delvist (12 t/uge)"
    assert (row.calendar_days, row.working_days, row.hours) == (12, 10, 24.0)


def test_partial_extent_uses_a_danish_decimal_comma(today: date) -> None:
    data = overview([spell(date(2026, 9, 7), date(2026, 9, 7), partial_hours_per_week=7.5)], today)

    assert data.rows[0].extent == "Delvist (7,5 t/uge)"
    assert spell_table_rows(data)[0][6] == "1,5"


def test_only_spells_touching_the_period_are_kept_newest_first(today: date) -> None:
    spells = [
        spell(date(2026, 3, 2), date(2026, 3, 6), id=1),
        spell(date(2025, 6, 2), date(2025, 6, 3), id=2),  # before the period
        spell(date(2026, 11, 16), kind=AbsenceKind.CHILD_SICK, id=3),
        spell(date(2026, 5, 4), date(2026, 5, 8), kind=AbsenceKind.WORK_INJURY, id=4),
    ]
    data = overview(spells, today)

    assert [r.first_day for r in data.rows] == [
        date(2026, 11, 16),
        date(2026, 5, 4),
        date(2026, 3, 2),
    ]
    assert [r.kind_title for r in data.rows] == ["Barns sygedag", "Arbejdsskade", "Egen sygdom"]


def test_totals_and_counts_per_kind(today: date) -> None:
    spells = [
        spell(date(2026, 3, 2), date(2026, 3, 6)),  # 5 days, 5 working, 37 h
        spell(date(2026, 11, 16)),  # 8 days, 6 working, 44.4 h
        spell(date(2026, 9, 7), date(2026, 9, 18), kind=AbsenceKind.CHILD_SICK),  # 12, 10, 74 h
    ]
    data = overview(spells, today)

    assert data.totals.spells == 3
    assert (data.totals.calendar_days, data.totals.working_days) == (25, 21)
    assert data.totals.hours == pytest.approx(155.4)
    assert spell_totals_row(data) == ["I alt (3 fraværsperioder)", "", "", "", "25", "21", "155,4"]
    assert kind_summary_rows(data) == [
        ["Egen sygdom", "2", "13", "11", "81,4"],
        ["Barns sygedag", "1", "12", "10", "74"],
    ]


def test_period_ending_before_it_starts_is_refused(today: date) -> None:
    with pytest.raises(ValueError, match="slutdato"):
        overview([], today, start=date(2026, 5, 1), end=date(2026, 4, 30))


def test_spell_of_another_employee_is_refused(today: date) -> None:
    other = AbsenceSpell(employee_id=2, first_day=date(2026, 3, 2), last_day=date(2026, 3, 2))
    with pytest.raises(ValueError, match="Anna Jensen"):
        overview([other], today)


# --- Builders ---------------------------------------------------------------------------------


def test_employee_facts_show_danish_dates_and_hours(today: date) -> None:
    employee = Employee(
        id=1, name="Bo Nielsen", employed_from=date(2021, 8, 15), weekly_hours=32.5,
        employed_to=date(2026, 10, 31),
    )  # fmt: skip
    data = overview([], today, employee=employee, end=date(2026, 10, 31))

    assert employee_facts(data) == [
        ("Medarbejder", "Bo Nielsen"),
        ("Afdeling", "Ikke oplyst"),
        ("Stilling", "Ikke oplyst"),
        ("Ugentlig arbejdstid", "32,5 timer"),
        ("Ansat fra", "15. august 2021"),
        ("Ansat til", "31. oktober 2026"),
        ("Periode", "1. januar 2026 – 31. oktober 2026"),
    ]


def test_spell_table_rows_hold_the_texts_of_every_column(today: date) -> None:
    data = overview([spell(date(2026, 3, 2), date(2026, 3, 6))], today)

    assert spell_table_rows(data) == [
        ["Egen sygdom", "2. marts 2026", "6. marts 2026", "Fuldt", "5", "5", "37"],
    ]


@pytest.mark.parametrize(
    ("hours", "text"),
    [(0.0, "0"), (7.4, "7,4"), (37.0, "37"), (6.66, "6,66"), (1317.2, "1.317,2")],
)
def test_hours_text_is_danish(hours: float, text: str) -> None:
    assert hours_text(hours) == text


def test_flowables_hold_a_table_with_repeated_header_row(today: date) -> None:
    data = overview([spell(date(2026, 3, 2), date(2026, 3, 6))], today)

    tables = [f for f in overview_flowables(data) if isinstance(f, Table)]

    spell_table = tables[1]  # after the facts table
    assert spell_table.repeatRows == 1
    header = [cell.getPlainText() for cell in spell_table._cellvalues[0]]
    assert header == [
        "Type", "Første dag", "Sidste dag", "Omfang", "Kalenderdage", "Arbejdsdage", "Timer",
    ]  # fmt: skip
    assert len(spell_table._cellvalues) == 3  # header, one spell, totals


def test_empty_period_shows_a_sentence_instead_of_a_table(today: date) -> None:
    data = overview([spell(date(2025, 6, 2), date(2025, 6, 3))], today)

    flowables = overview_flowables(data)

    assert data.rows == ()
    assert data.totals.spells == 0 and data.per_kind == ()
    assert [f for f in flowables if isinstance(f, Table)] == [flowables[0]]  # only the facts
    texts = [f.getPlainText() for f in flowables if isinstance(f, Paragraph)]
    assert empty_text(data) in texts
    assert empty_text(data).startswith("Der er ikke registreret noget fravær for Anna Jensen")


# --- Rendered PDFs ----------------------------------------------------------------------------


def test_rendered_overview_shows_company_employee_and_danish_text(today: date) -> None:
    spells = [
        spell(date(2026, 3, 2), date(2026, 3, 6)),
        spell(date(2025, 12, 22), date(2026, 1, 9)),
        spell(date(2026, 9, 7), date(2026, 9, 18), partial_hours_per_week=12.0),
    ]
    pages = pdf_pages(render_absence_overview(overview(spells, today)))

    assert len(pages) == 1
    expected = [
        "Bageriet Solsikken ApS", "CVR-nr. 10150817", "Torvet 3, 4000 Roskilde",
        "Fraværsoversigt", "Anna Jensen", "Ekspedient",
        "1. januar 2026 – 23. november 2026", "2. marts 2026", "6. marts 2026",
        "Delvist (12 t/uge)", "I alt (3 fraværsperioder)", "105,4",
        "Udskrevet 23. november 2026", "Side 1 af 1", PRIVACY_LINE, CLIPPED_NOTE,
        MANAGER_SIGNATURE, EMPLOYEE_SIGNATURE,
    ]  # fmt: skip
    assert [text for text in expected if text not in pages[0]] == []


def test_danish_letters_and_symbols_survive_in_the_pdf(today: date) -> None:
    company = Company(name="Ærø Øl & Å-Smedie ApS", cvr="10150817", address="Søndergade 5 § 2")
    employee = Employee(id=1, name="Søren Ærbø Åsted", employed_from=date(2020, 1, 1))
    data = build_absence_overview_data(company, employee, [], YEAR_START, today, today)

    text = pdf_pages(render_absence_overview(data))[0]

    for expected in ["Ærø Øl & Å-Smedie ApS", "Søndergade 5 § 2", "Søren Ærbø Åsted", "æ"]:
        assert expected in text
    assert "Der er ikke registreret noget fravær for Søren Ærbø Åsted" in text


@pytest.mark.parametrize(
    "name",
    [
        "Łukasz Wójcik",  # Polish
        "Ioana Ştefănescu-Țurcan",  # Romanian
        "Şükrü Yıldız",  # Turkish
        "Rūta Petrauskaitė",  # Lithuanian
        "Олена Шевченко",  # Ukrainian, Cyrillic
    ],
)
def test_names_from_the_staff_of_a_danish_workplace_are_printed_letter_for_letter(
    name: str, today: date
) -> None:
    employee = Employee(id=1, name=name, employed_from=date(2020, 1, 1))
    data = build_absence_overview_data(COMPANY, employee, [], YEAR_START, today, today)

    text = pdf_pages(render_absence_overview(data))[0]

    assert f"Medarbejder\n{name}\n" in text
    assert f"Der er ikke registreret noget fravær for {name}" in text


def test_long_overview_runs_over_two_pages_with_page_x_of_y(today: date) -> None:
    data = overview(fortnightly_spells(30), today, start=date(2024, 1, 1))

    pages = pdf_pages(render_absence_overview(data))

    assert len(pages) == 2
    assert "Side 1 af 2" in pages[0] and "Side 2 af 2" in pages[1]
    for page in pages:  # header and footer on every page
        assert "Bageriet Solsikken ApS" in page and "Udskrevet 23. november 2026" in page
    assert "Første dag" in pages[1]  # the table header is repeated
    assert "I alt (30 fraværsperioder)" in pages[1]


@pytest.mark.parametrize("count", range(14, 24))
def test_the_page_to_sign_shows_figures_and_every_page_names_the_employee(
    today: date, count: int
) -> None:
    """Around the length where the signatures no longer fit on page 1: they never stand alone
    on a page, and every page of the paper file says whose overview it is."""
    data = overview(fortnightly_spells(count), today, start=date(2024, 1, 1))

    pages = pdf_pages(render_absence_overview(data))

    signed = [page for page in pages if MANAGER_SIGNATURE in page]
    assert len(signed) == 1
    assert "Fordelt på type" in signed[0] and "Egen sygdom" in signed[0]
    for page in pages:
        assert "Fraværsoversigt – Anna Jensen · 1. januar 2024 – 23. november 2026" in page


@pytest.mark.parametrize("count", [24, 25, 26, 27, 61, 62])
def test_the_totals_row_never_stands_alone_at_the_top_of_a_page(today: date, count: int) -> None:
    """Around the lengths where the table breaks onto page 2 and 3 just before "I alt": the
    last two spells go with it, so the total is read next to figures it adds up."""
    data = overview(fortnightly_spells(count), today, start=date(2024, 1, 1))

    pages = pdf_pages(render_absence_overview(data))

    (with_total,) = [page for page in pages if f"I alt ({count} fraværsperioder)" in page]
    assert with_total.split("I alt (")[0].count("Fuldt") >= 2
    assert sum(page.count("Fuldt") for page in pages) == count  # every spell printed once


def test_a_very_long_name_is_cut_in_the_footer_instead_of_running_into_the_page_number(
    today: date,
) -> None:
    long_name = "Anna-Margrethe Kristine Østergaard-Vestergaard Holm Lindberg Kjærsgaard"
    employee = Employee(id=1, name=long_name, employed_from=date(2019, 3, 1), weekly_hours=37)
    data = overview([spell(date(2026, 3, 2), date(2026, 3, 3))], today, employee=employee)

    (page,) = pdf_pages(render_absence_overview(data))

    footer = next(line for line in page.splitlines() if line.startswith("Fraværsoversigt – "))
    assert footer.endswith("…") and "Side 1 af 1" in page
    assert long_name in page  # in full under the title and in the facts


@pytest.mark.parametrize(
    ("company_name", "address"),
    [
        pytest.param(
            "Bageriet Solsikken ApS", "c/o Hansen\nAlgade 12\nBaghuset\n1264 København K",
            id="four address lines",
        ),
        pytest.param(
            "Maria-Magdalenas Økologiske Bageri, Konditori & Frokostcafé på Vesterbro ApS",
            "c/o Hansen\nAlgade 12\nBaghuset\n2. sal\n1264 København K",
            id="two-line name, five address lines",
        ),
    ],
)
def test_the_header_keeps_every_part_of_a_long_address_above_the_rule(
    company_name: str, address: str, today: date
) -> None:
    company = Company(name=company_name, cvr="10150817", address=address)
    data = build_absence_overview_data(company, ANNA, [], YEAR_START, today, today)

    text = " ".join(pdf_pages(render_absence_overview(data))[0].split())

    assert "CVR-nr. 10150817" in text
    for part in address.splitlines():
        assert part in text


@pytest.mark.parametrize(
    ("company_name", "first_line"),
    [
        pytest.param("Å" * 100, "Å" * 40, id="one unbroken word of 100 letters: cut with …"),
        pytest.param("Bageri " * 30, "Bageri Bageri", id="many words: two lines, then …"),
    ],
)
def test_a_long_company_name_in_the_header_is_cut_to_the_page_with_a_mark(
    today: date, company_name: str, first_line: str
) -> None:
    from dataclasses import replace

    from fravaer_desktop.reports.absence_overview import render_absence_overview as render

    data = replace(overview([], today), company=replace(COMPANY, name=company_name.strip()))
    reader = PdfReader(io.BytesIO(render(data)))
    (page,) = reader.pages
    header = []
    page.extract_text(
        visitor_text=lambda text, cm, tm, font, size: header.append((tm[4], text))
        if text.strip() and tm[5] > 720 and size == 13 else None
    )  # fmt: skip
    lines = [text.strip() for _, text in header]
    assert 1 <= len(lines) <= 2 and lines[0].startswith(first_line), lines
    assert lines[-1].endswith("…"), lines
    assert all(x >= 0 for x, _ in header)


def test_company_logo_is_drawn_and_a_broken_logo_is_ignored(today: date) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 200), (200, 120, 20)).save(buffer, "PNG")
    with_logo = Company(name="Logo ApS", cvr="10150817", logo=buffer.getvalue())
    broken = Company(name="Logo ApS", cvr="10150817", logo=b"not an image")

    def images(company: Company) -> int:
        data = build_absence_overview_data(company, ANNA, [], YEAR_START, today, today)
        reader = PdfReader(io.BytesIO(render_absence_overview(data)))
        return len(reader.pages[0].images)

    assert images(with_logo) == 1
    assert images(broken) == 0
