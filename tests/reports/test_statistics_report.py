"""Tests of the Fraværsstatistik: report data, builders, the chart drawing and real PDFs."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors

from fravaer_desktop.core.charts import statistics_chart
from fravaer_desktop.core.models import (
    AbsenceKind,
    AbsenceSpell,
    Company,
    Employee,
    Goal,
    GoalMetric,
)
from fravaer_desktop.core.statistics import Scope
from fravaer_desktop.reports.chart_drawing import CHART_HEIGHT, chart_drawing
from fravaer_desktop.reports.document import CONTENT_WIDTH
from fravaer_desktop.reports.statistics_report import (
    NO_ABSENCE_TEXT,
    PERSONAL_NOTE,
    StatisticsReportData,
    build_statistics_report_data,
    comparison_table_rows,
    goal_table_rows,
    key_figure_rows,
    render_statistics_report,
    report_facts,
)

COMPANY = Company(name="Bageriet Solsikken ApS", cvr="10150817", address="Torvet 3, 4000 Roskilde")
ANNA = Employee(id=1, name="Anna Jensen", employed_from=date(2019, 3, 1), department="Butik")
BO = Employee(
    id=2, name="Bo Nielsen", employed_from=date(2021, 8, 15), department="Bageri", weekly_hours=30
)
SPELLS = [
    AbsenceSpell(1, date(2026, 2, 2), last_day=date(2026, 2, 6)),  # 5 days × 7.4 h
    AbsenceSpell(2, date(2026, 3, 9), AbsenceKind.WORK_INJURY, date(2026, 3, 10)),  # 2 × 6 h
    AbsenceSpell(1, date(2026, 4, 13), AbsenceKind.CHILD_SICK, date(2026, 4, 13)),
]
GOALS = [
    Goal(GoalMetric.ABSENCE_PERCENT, 3.5, date(2026, 1, 1)),
    Goal(GoalMetric.SPECIAL_TERMS_STAFF, 1, date(2026, 1, 1)),
]
THIS_YEAR = (date(2026, 1, 1), date(2026, 12, 31))


def report(
    spells=SPELLS, scope: Scope | None = None, title: str = "Hele virksomheden", goals=GOALS
) -> StatisticsReportData:
    return build_statistics_report_data(
        COMPANY, [ANNA, BO], spells, goals, *THIS_YEAR, date(2026, 11, 23), scope or Scope(), title
    )


def pdf_text(data: bytes) -> str:
    """The text of all pages, with every run of white space (table cells, lines) as one space."""
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


# --- Report data and builders -----------------------------------------------------------------


def test_key_figures_for_the_year_so_far() -> None:
    # 1 Jan - 23 Nov 2026: 227 working days; planned 227 × (7.4 + 6) = 3,041.8 h.
    # Sickness 37 + 12 = 49 h = 1.61 %; 49 / 7.4 = 6.62 days over 1.81 FTE = 3.7 days.
    data = report()

    assert data.statistics.working_days == 227
    assert data.statistics.planned_hours == pytest.approx(3041.8)
    values = [row[1] for row in key_figure_rows(data)]
    assert values == ["1,6 %", "3,7", "2", "2 / 0", "1"]
    assert key_figure_rows(data)[1][2] == (
        "Sygefravær omregnet til dage à 7,4 timer, delt med 1,8 fuldtidsansatte."
    )
    assert report_facts(data) == [
        ("Omfang", "Hele virksomheden"),
        ("Periode", "1. januar 2026 – 23. november 2026"),
        ("Medarbejdere", "2 med planlagte timer i perioden"),
    ]


def test_goal_rows_and_status_against_the_target() -> None:
    data = report()

    assert goal_table_rows(data) == [["2026 (til 23. november)", "1,6 %", "3,5 %", "Under målet"]]
    assert data.goal_status is not None and data.goal_status.absence_met is True
    assert data.chart.target is not None and data.chart.target.label == "Mål 3,5 %"


def test_comparison_rows_name_source_and_year() -> None:
    rows = comparison_table_rows(report())

    assert rows[0] == [
        "Sygefravær i DA's medlemsvirksomheder (2024)",
        "1,6 %",
        "3,8 %",
        "DA FraværsStatistik 2024, endelige tal (da.dk/statistik/FravaersStatistik)",
    ]
    assert rows[3][0] == "Sygefraværsdage pr. fuldtidsansat, alle sektorer (2022)"
    assert rows[3][2] == "11,0 dage"


def test_one_employees_report_has_no_target_line() -> None:
    data = report(scope=Scope(employee_id=1), title="Medarbejder: Anna Jensen")

    assert data.personal and data.chart.target is None
    assert data.statistics.employees == 1
    assert [row[1] for row in key_figure_rows(data)][:2] == ["2,2 %", "5,0"]


# --- The chart drawing ------------------------------------------------------------------------


def test_the_chart_drawing_shows_the_same_chart_as_the_screen() -> None:
    chart = report().chart
    drawing = chart_drawing(chart)

    assert isinstance(drawing, Drawing)
    assert (drawing.width, drawing.height) == (CONTENT_WIDTH, CHART_HEIGHT)
    contents = drawing.getContents()
    strings = [s.text for s in contents if isinstance(s, String)]
    values = [chart.format_value(v) for v in chart.values]
    assert strings == ["Fraværsprocent måned for måned", "Mål 3,5 %", *values]
    dashed = [s for s in contents if isinstance(s, Line)]
    assert len(dashed) == 1 and dashed[0].strokeDashArray == [5, 3]
    # The values come after the goal line, each on white: the line never crosses their text.
    first_value = next(
        i for i, s in enumerate(contents) if isinstance(s, String) and s.text in values
    )
    assert contents.index(dashed[0]) < first_value
    assert isinstance(contents[first_value - 1], Rect)
    assert contents[first_value - 1].fillColor == colors.white


# --- Real PDFs --------------------------------------------------------------------------------


def test_the_company_report_as_pdf() -> None:
    text = pdf_text(render_statistics_report(report()))

    assert "Fraværsstatistik" in text
    assert "Hele virksomheden · 1. januar 2026 – 23. november 2026" in text
    assert "Fraværsprocent 1,6 %" in text
    assert "Sygefraværsdage pr. fuldtidsansat 3,7" in text
    assert "Fraværsprocent måned for måned" in text
    assert "Mål 3,5 %" in text
    assert "feb" in text and "nov" in text
    assert "Sammenlignet med landstal" in text
    assert "DA FraværsStatistik 2024" in text and "Dansk Erhvervs analyse" in text
    assert "10 eller flere" in text
    assert "Mål for hele virksomheden" in text
    assert "2026 (til 23. november) 1,6 % 3,5 % Under målet" in text
    assert "0 ansatte på særlige vilkår (fleksjob) – målet er mindst 1" in text
    assert "Udskrevet 23. november 2026" in text
    assert "Anna Jensen" not in text and "Bo Nielsen" not in text, "no individuals listed"


def test_the_personal_report_is_marked_and_has_no_averages_or_goals() -> None:
    data = report(scope=Scope(employee_id=1), title="Medarbejder: Anna Jensen")
    text = pdf_text(render_statistics_report(data))

    assert "Medarbejder: Anna Jensen" in text
    assert "Personoplysninger" in text and PERSONAL_NOTE[:40] in text
    assert "Sammenlignet med landstal" not in text
    assert "Mål for hele virksomheden" not in text


def test_a_company_without_absence_gets_a_calm_report() -> None:
    data = report(spells=[], goals=[])
    text = pdf_text(render_statistics_report(data))

    assert not data.statistics.has_absence
    assert NO_ABSENCE_TEXT in text
    assert "måned for måned" not in text
    assert "Virksomheden har ikke sat mål for sygefraværet." in text


def test_the_chart_is_built_from_the_statistics() -> None:
    data = report()
    assert data.chart == statistics_chart(data.statistics, 3.5)
