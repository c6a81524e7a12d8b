"""'Fraværsoversigt': one employee's absence spells within a period, as data, flowables and PDF."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from fravaer_desktop.core.absence import clip_to_period, spell_figures, within_employment
from fravaer_desktop.core.danish import long_date, number
from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, Company, Employee
from fravaer_desktop.reports.document import (
    data_table,
    facts_table,
    para,
    render_pdf,
    section_heading,
    signature_block,
    styles,
)

TITLE = "Fraværsoversigt"
ONGOING_TEXT = "I gang"
FULL_EXTENT_TEXT = "Fuldt"
CLIPPED_MARK = "*"
CLIPPED_NOTE = (
    "* Fraværsperioden begynder før eller slutter efter den valgte periode. Kun dagene i den "
    "valgte periode er talt med."
)
PRIVACY_LINE = (
    "Oversigten indeholder kun datoer, fraværstype og omfang – ingen diagnoser eller andre "
    "helbredsoplysninger ud over fraværstypen."
)
REVIEWED_LINE = "Vi har gennemgået oversigten sammen."
SPELL_COLUMNS = (
    "Type", "Første dag", "Sidste dag", "Omfang", "Kalenderdage", "Arbejdsdage", "Timer",
)  # fmt: skip
SPELL_COLUMN_WIDTHS = tuple(w * cm for w in (2.9, 3.0, 3.0, 2.6, 2.3, 2.15, 1.45))
SPELL_NUMERIC_COLUMNS = frozenset({4, 5, 6})
KIND_COLUMNS = ("Type", "Fraværsperioder", "Kalenderdage", "Arbejdsdage", "Timer")
KIND_COLUMN_WIDTHS = tuple(w * cm for w in (6.6, 3.0, 2.8, 2.8, 2.2))
KIND_NUMERIC_COLUMNS = frozenset({1, 2, 3, 4})


# --- Report data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class AbsenceOverviewRow:
    """One spell, clipped to the period: its dates and figures count only days inside it."""

    kind: AbsenceKind
    kind_title: str
    first_day: date
    last_day: date | None  # None: the spell is still ongoing ("I gang")
    extent: str  # "Fuldt" or "Delvist (12 t/uge)"
    calendar_days: int
    working_days: int
    hours: float
    starts_before_period: bool = False
    ends_after_period: bool = False


@dataclass(frozen=True)
class AbsenceOverviewTotals:
    """Sums over all rows of the overview."""

    spells: int
    calendar_days: int
    working_days: int
    hours: float


@dataclass(frozen=True)
class KindSummary:
    """Sums over the rows of one kind of absence."""

    kind: AbsenceKind
    kind_title: str
    spells: int
    calendar_days: int
    working_days: int
    hours: float


@dataclass(frozen=True)
class AbsenceOverviewData:
    """Everything the Fraværsoversigt shows; filled by `build_absence_overview_data`."""

    company: Company
    employee: Employee
    period_start: date
    period_end: date
    printed_on: date
    rows: tuple[AbsenceOverviewRow, ...]
    totals: AbsenceOverviewTotals
    per_kind: tuple[KindSummary, ...]


def build_absence_overview_data(
    company: Company,
    employee: Employee,
    spells: Iterable[AbsenceSpell],
    period_start: date,
    period_end: date,
    today: date,
) -> AbsenceOverviewData:
    """Collect the spells of `employee` that touch the period, newest first, with their figures.

    An ongoing spell counts up to `today` (or the end of the period, if that comes first); one
    left open when the employment ended ends with it.
    """
    if period_end < period_start:
        raise ValueError("Periodens slutdato ligger før startdatoen.")
    spells = within_employment(employee, spells, today)
    inside = [s for s in spells if clip_to_period(s, period_start, period_end, today) is not None]
    foreign = [s for s in inside if employee.id is not None and s.employee_id != employee.id]
    if foreign:
        raise ValueError(f"Fraværet hører ikke til {employee.name}.")
    inside.sort(key=lambda s: (s.first_day, s.id or 0), reverse=True)
    rows = tuple(_overview_row(s, employee, period_start, period_end, today) for s in inside)
    return AbsenceOverviewData(
        company=company,
        employee=employee,
        period_start=period_start,
        period_end=period_end,
        printed_on=today,
        rows=rows,
        totals=_totals(rows),
        per_kind=_per_kind(rows),
    )


def _overview_row(
    spell: AbsenceSpell, employee: Employee, period_start: date, period_end: date, today: date
) -> AbsenceOverviewRow:
    clipped = clip_to_period(spell, period_start, period_end, today)
    assert clipped is not None, "only spells inside the period get a row"
    first, last = clipped
    figures = spell_figures(spell, employee, period_start, period_end, today)
    return AbsenceOverviewRow(
        kind=spell.kind,
        kind_title=spell.kind.title,
        first_day=first,
        last_day=None if spell.is_ongoing else last,
        extent=extent_text(spell),
        calendar_days=figures.calendar_days,
        working_days=figures.working_days,
        hours=figures.hours,
        starts_before_period=spell.first_day < period_start,
        ends_after_period=spell.last_day is not None and spell.last_day > period_end,
    )


def _totals(rows: Iterable[AbsenceOverviewRow]) -> AbsenceOverviewTotals:
    rows = list(rows)
    return AbsenceOverviewTotals(
        spells=len(rows),
        calendar_days=sum(r.calendar_days for r in rows),
        working_days=sum(r.working_days for r in rows),
        hours=round(sum(r.hours for r in rows), 2),
    )


def _per_kind(rows: tuple[AbsenceOverviewRow, ...]) -> tuple[KindSummary, ...]:
    """One summary per kind that occurs, in the order of `AbsenceKind`."""
    summaries = []
    for kind in AbsenceKind:
        of_kind = [r for r in rows if r.kind is kind]
        if of_kind:
            t = _totals(of_kind)
            summaries.append(
                KindSummary(kind, kind.title, t.spells, t.calendar_days, t.working_days, t.hours)
            )
    return tuple(summaries)


# --- Builders: data -> texts and flowables ----------------------------------------------------


def extent_text(spell: AbsenceSpell) -> str:
    """'Fuldt' or 'Delvist (12 t/uge)'."""
    if spell.partial_hours_per_week is None:
        return FULL_EXTENT_TEXT
    return f"Delvist ({number(spell.partial_hours_per_week)} t/uge)"


def hours_text(hours: float) -> str:
    """Hours with up to two decimals, Danish style: '7,4', '6,66', '0'."""
    text = number(hours, 2)
    return text[:-1] if "," in text and text.endswith("0") else text


def period_text(data: AbsenceOverviewData) -> str:
    """'1. januar 2026 – 23. november 2026'."""
    return f"{long_date(data.period_start)} – {long_date(data.period_end)}"


def spells_text(count: int) -> str:
    """'1 fraværsperiode' / '3 fraværsperioder'."""
    return f"{count} fraværsperiode" if count == 1 else f"{count} fraværsperioder"


def employee_facts(data: AbsenceOverviewData) -> list[tuple[str, str]]:
    """Label/value lines about the employee and the period."""
    employee = data.employee
    return [
        ("Medarbejder", employee.name),
        ("Afdeling", employee.department.strip() or "Ikke oplyst"),
        ("Stilling", employee.job_title.strip() or "Ikke oplyst"),
        ("Ugentlig arbejdstid", f"{number(employee.weekly_hours)} timer"),
        ("Ansat fra", long_date(employee.employed_from)),
        ("Ansat til", long_date(employee.employed_to) or "Fortsat ansat"),
        ("Periode", period_text(data)),
    ]


def spell_table_rows(data: AbsenceOverviewData) -> list[list[str]]:
    """The body rows of the spell table as texts, newest spell first."""
    return [
        [
            row.kind_title,
            long_date(row.first_day) + (CLIPPED_MARK if row.starts_before_period else ""),
            _last_day_text(row),
            row.extent,
            str(row.calendar_days),
            str(row.working_days),
            hours_text(row.hours),
        ]
        for row in data.rows
    ]


def _last_day_text(row: AbsenceOverviewRow) -> str:
    if row.last_day is None:
        return ONGOING_TEXT
    return long_date(row.last_day) + (CLIPPED_MARK if row.ends_after_period else "")


def spell_totals_row(data: AbsenceOverviewData) -> list[str]:
    """'I alt (3 fraværsperioder)' and the summed figures, aligned with the spell table."""
    totals = data.totals
    return [
        f"I alt ({spells_text(totals.spells)})", "", "", "",
        str(totals.calendar_days), str(totals.working_days), hours_text(totals.hours),
    ]  # fmt: skip


def kind_summary_rows(data: AbsenceOverviewData) -> list[list[str]]:
    """One line per kind of absence: number of spells, days and hours."""
    return [
        [
            s.kind_title,
            str(s.spells),
            str(s.calendar_days),
            str(s.working_days),
            hours_text(s.hours),
        ]
        for s in data.per_kind
    ]


def empty_text(data: AbsenceOverviewData) -> str:
    """The friendly sentence shown instead of an empty table."""
    return (
        f"Der er ikke registreret noget fravær for {data.employee.name} i perioden. "
        "Der er derfor ingen fraværsperioder at vise."
    )


def overview_flowables(data: AbsenceOverviewData) -> list[Flowable]:
    """The body of the Fraværsoversigt: facts, spell table, summary per kind, signatures.

    The summary per kind and the signatures are kept on one page, so a page to sign always
    shows figures about the employee.
    """
    st = styles()
    story: list[Flowable] = [facts_table(employee_facts(data))]
    story += section_heading("Fraværsperioder")
    ending: list[Flowable] = []
    if data.rows:
        story += _spell_table(data)
        ending += section_heading("Fordelt på type")
        ending.append(
            data_table(
                KIND_COLUMNS, kind_summary_rows(data), KIND_COLUMN_WIDTHS, KIND_NUMERIC_COLUMNS
            )
        )
    else:
        story.append(para(empty_text(data), st.body))
    ending += [Spacer(1, 18), para(PRIVACY_LINE, st.small), Spacer(1, 12)]
    ending += [para(REVIEWED_LINE, st.body), signature_block()]
    story.append(KeepTogether(ending))
    return story


def _spell_table(data: AbsenceOverviewData) -> list[Flowable]:
    """The spell table with its totals row and the note on clipped spells."""
    spells = data_table(
        SPELL_COLUMNS,
        spell_table_rows(data),
        SPELL_COLUMN_WIDTHS,
        SPELL_NUMERIC_COLUMNS,
        total_row=spell_totals_row(data),
    )
    story: list[Flowable] = [spells]
    if any(r.starts_before_period or r.ends_after_period for r in data.rows):
        story += [Spacer(1, 4), para(CLIPPED_NOTE, styles().small)]
    return story


# --- Document ---------------------------------------------------------------------------------


def render_absence_overview(data: AbsenceOverviewData) -> bytes:
    """The Fraværsoversigt as PDF bytes."""
    subtitle = f"{data.employee.name} · {period_text(data)}"
    return render_pdf(
        data.company, TITLE, overview_flowables(data), data.printed_on, subtitle,
        running_title=f"{TITLE} – {subtitle}",
    )  # fmt: skip
