"""'Fraværsstatistik': key figures, the monthly chart, national averages and goals as a PDF."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from fravaer_desktop.core.charts import BarChart, statistics_chart
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee, Goal, GoalMetric
from fravaer_desktop.core.statistics import (
    COMPANY,
    COVERAGE_NOTE,
    INDICATIVE_NOTE,
    AbsenceStatistics,
    GoalStatus,
    GoalYear,
    Scope,
    absence_statistics,
    comparison_rows,
    goal_in_force,
    goal_status,
    goal_status_lines,
    goal_years,
    key_figures,
    kind_rows,
    percent_text,
    period_text,
)
from fravaer_desktop.reports.chart_drawing import chart_drawing
from fravaer_desktop.reports.document import (
    CONTENT_WIDTH,
    data_table,
    facts_table,
    para,
    render_pdf,
    section_heading,
    styles,
)

TITLE = "Fraværsstatistik"
PERSONAL_NOTE = (
    "Personoplysninger: statistikken handler om én medarbejder. Opbevar den fortroligt, og del "
    "den kun med medarbejderen og dem, der har brug for den."
)
DEFINITION_NOTE = (
    "Fraværsprocent = sygefraværstimer ÷ (arbejdede timer + sygefraværstimer) × 100, som "
    "Danmarks Statistik definerer den. Planlagte timer er ugentlig arbejdstid ÷ 5 på hverdage, "
    "der ikke er helligdage, i ansættelsen. Sygefravær er egen sygdom, graviditetsrelateret sygdom "
    "og arbejdsskade. Barns sygedage og andet fravær tæller ikke med."
)
NO_ABSENCE_TEXT = "Der er ikke registreret sygefravær eller barns sygedage i perioden."
KEY_COLUMNS = ("Nøgletal", "Værdi", "Forklaring")
KEY_WIDTHS = (5.0 * cm, 2.4 * cm, CONTENT_WIDTH - 7.4 * cm)
KIND_COLUMNS = ("Type", "Perioder", "Arbejdsdage", "Timer", "Andel af planlagte timer")
KIND_WIDTHS = (6.0 * cm, 2.2 * cm, 2.6 * cm, 2.4 * cm, CONTENT_WIDTH - 13.2 * cm)
COMPARISON_COLUMNS = ("Tal", "Jeres tal", "Landstal", "Kilde")
COMPARISON_WIDTHS = (5.6 * cm, 2.0 * cm, 2.0 * cm, CONTENT_WIDTH - 9.6 * cm)
GOAL_COLUMNS = ("År", "Fraværsprocent", "Mål", "Status")
# The year column holds a year not over yet: "2026 (til 30. september)".
GOAL_WIDTHS = (4.5 * cm, 3.0 * cm, 2.5 * cm, CONTENT_WIDTH - 10.0 * cm)


# --- Report data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatisticsReportData:
    """Everything the Fraværsstatistik shows; goals and averages only for company/department."""

    company: Company
    scope_title: str  # "Hele virksomheden", "Afdeling: Bageri", "Medarbejder: Anna Jensen"
    personal: bool
    statistics: AbsenceStatistics
    chart: BarChart
    goal_status: GoalStatus | None
    goal_years: tuple[GoalYear, ...]
    printed_on: date


def build_statistics_report_data(
    company: Company,
    employees: Sequence[Employee],
    spells: Sequence[AbsenceSpell],
    goals: Iterable[Goal],
    first: date,
    last: date,
    today: date,
    scope: Scope = COMPANY,
    scope_title: str = "Hele virksomheden",
) -> StatisticsReportData:
    """Compute the statistics of `scope` and the company's goal progress for the report."""
    goals = list(goals)
    stats = absence_statistics(employees, spells, first, last, today, scope)
    target = None
    if not scope.is_personal:
        goal = goal_in_force(goals, GoalMetric.ABSENCE_PERCENT, stats.last)
        target = goal.target if goal else None
    years: tuple[GoalYear, ...] = ()
    if goals:
        start = date(min(g.valid_from for g in goals).year, 1, 1)
        company_stats = absence_statistics(employees, spells, start, today, today)
        years = goal_years(company_stats, goals)
    return StatisticsReportData(
        company=company,
        scope_title=scope_title,
        personal=scope.is_personal,
        statistics=stats,
        chart=statistics_chart(stats, target),
        goal_status=goal_status(employees, spells, goals, today),
        goal_years=years,
        printed_on=today,
    )


# --- Builders ---------------------------------------------------------------------------------


def report_facts(data: StatisticsReportData) -> list[tuple[str, str]]:
    s = data.statistics
    return [
        ("Omfang", data.scope_title),
        ("Periode", period_text(s)),
        ("Medarbejdere", f"{s.employees} med planlagte timer i perioden"),
    ]


def key_figure_rows(data: StatisticsReportData) -> list[list[str]]:
    return [[k.label, k.value, k.explanation] for k in key_figures(data.statistics)]


def comparison_table_rows(data: StatisticsReportData) -> list[list[str]]:
    return _comparison_rows(data.statistics)


def _comparison_rows(statistics: AbsenceStatistics) -> list[list[str]]:
    return [[r.label, r.own, r.published, r.source] for r in comparison_rows(statistics)]


def goal_table_rows(data: StatisticsReportData) -> list[list[str]]:
    return [
        [
            y.label,
            percent_text(y.percent),
            percent_text(y.target) if y.target is not None else "Intet mål",
            y.verdict.capitalize() if y.verdict else "–",
        ]
        for y in data.goal_years
    ]


def statistics_flowables(data: StatisticsReportData) -> list[Flowable]:
    """The body: facts, key figures, the chart, averages, goals, and the definitions."""
    st = styles()
    story: list[Flowable] = [facts_table(report_facts(data))]
    if data.personal:
        story += [Spacer(1, 8), para(PERSONAL_NOTE, st.body)]
    story += section_heading("Nøgletal")
    if not data.statistics.has_absence:
        story.append(para(NO_ABSENCE_TEXT, st.body))
    else:
        story.append(data_table(KEY_COLUMNS, key_figure_rows(data), KEY_WIDTHS, {1}))
        story += section_heading("Fordelt på type")
        rows = kind_rows(data.statistics)
        story.append(data_table(KIND_COLUMNS, rows, KIND_WIDTHS, {1, 2, 3, 4}))
        story += [Spacer(1, 14), KeepTogether([chart_drawing(data.chart)])]
        if not data.personal:
            story += comparison_flowables(data.statistics)
    if not data.personal:
        story += _goals(data)
    story += [Spacer(1, 12), para(DEFINITION_NOTE, st.small)]
    return story


def comparison_flowables(statistics: AbsenceStatistics) -> list[Flowable]:
    """'Sammenlignet med landstal': the company's figures next to the published averages, with
    their sources and years (also printed in the APV)."""
    st = styles()
    table = data_table(COMPARISON_COLUMNS, _comparison_rows(statistics), COMPARISON_WIDTHS, {1, 2})
    return [
        *section_heading("Sammenlignet med landstal"),
        table,
        Spacer(1, 4),
        para(
            "Dagene er omregnet til et helt år, når perioden ikke er et år. " + COVERAGE_NOTE,
            st.small,
        ),
        para(INDICATIVE_NOTE, st.small),
    ]


def _goals(data: StatisticsReportData) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = section_heading("Mål for hele virksomheden")
    if data.goal_status is None and not data.goal_years:
        story.append(para("Virksomheden har ikke sat mål for sygefraværet.", st.body))
        return story
    if data.goal_status is not None:
        story += [para(line, st.body) for line in goal_status_lines(data.goal_status)]
    if data.goal_years:
        story.append(data_table(GOAL_COLUMNS, goal_table_rows(data), GOAL_WIDTHS, {1, 2}))
    return story


# --- Document ---------------------------------------------------------------------------------


def render_statistics_report(data: StatisticsReportData) -> bytes:
    """The Fraværsstatistik as PDF bytes."""
    subtitle = f"{data.scope_title} · {period_text(data.statistics)}"
    return render_pdf(data.company, TITLE, statistics_flowables(data), data.printed_on, subtitle)
