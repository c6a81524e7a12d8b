"""'Status på sygefravær': one spell's legal timeline, with dates and what has been done."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Spacer, Table

from fravaer_desktop.core.danish import long_date, number
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee, TaskDecision, TaskStatus
from fravaer_desktop.core.overview import OverviewItem
from fravaer_desktop.core.rules import latest, rule_for
from fravaer_desktop.reports.document import (
    CONTENT_WIDTH,
    FONT_BOLD,
    GRID,
    MUTED,
    data_table,
    document_table,
    facts_table,
    para,
    render_pdf,
    section_heading,
    signature_block,
    styles,
)

ONGOING_TEXT = "I gang"
NO_DEADLINE_TEXT = "Ingen frist"
NOT_GIVEN_TEXT = "Ikke oplyst"
DONE_TEXT = "Klaret"
NOT_RELEVANT_TEXT = "Ikke relevant"
OVERDUE_TEXT = "Overskredet"
TODAY_TEXT = "I dag"
OPEN_TEXT = "Åben"
OPTION_TEXT = "Mulighed"
OPTION_PASSED_TEXT = "Mulighed – frist passeret"
PASSED_TEXT = "Passeret"
COMING_TEXT = "Kommende"
NBSP = "\u00a0"
#: Rules that mark a point in time (or what the municipality does), not a task for the company.
TIMELINE_COLUMNS = ("Frist", "Hvad", "Status", "Kilde")
TIMELINE_WIDTHS = tuple(w * cm for w in (3.0, 5.7, 4.0, 4.7))
FACTS_WIDTHS = (7.4 * cm, CONTENT_WIDTH - 7.4 * cm)
FACTS_LAYOUT = (("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0))
LEGEND = (
    "Fristerne regnes i kalenderdage fra første fraværsdag (dag 1) og vises, som de falder – "
    "også når de falder på en weekend eller en helligdag. Datoen er den sidste dag, hvor det "
    "skal være gjort; ved punkter til orientering er det den dag, det sker. »Mulighed« er "
    "noget, virksomheden kan vælge at gøre; det er ikke et krav. »Klaret« og »Ikke relevant« "
    "er virksomhedens egne registreringer."
)
EMPTY_TEXT = "Der er ingen frister eller opgaver at vise for dette fravær."
NOTES_HEADING = "Noter"
NOTE_LINES = 3
PRIVACY_FOOTER = (
    "Dokumentet må ikke indeholde helbredsoplysninger eller diagnoser – heller ikke i noterne."
)


# --- Report data ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineRow:
    """One line of the timeline: a deadline (or an item without one) and how far it has come."""

    rule: str
    due: date | None
    title: str
    detail: str
    status: str
    source: str

    @property
    def urgent(self) -> bool:
        """Overdue, or due today, and not yet done: printed in bold."""
        return self.status in (OVERDUE_TEXT, TODAY_TEXT)


@dataclass(frozen=True)
class AbsenceStatusData:
    """Everything the status document shows; filled by `build_absence_status_data`.

    Deliberately holds no free text about the absence (the spell's note is never printed).
    """

    company: Company
    title: str  # "Status på sygefravær", or "Status på fravær" for absence that is not sickness
    employee_name: str
    department: str
    job_title: str
    kind_title: str
    first_day: date
    last_day: date | None  # None: still ongoing
    day_number: int | None  # today's day of the spell, while the employee is away today
    calendar_days: int  # first day up to the last day (or today, while ongoing)
    extent: str
    expected_return: date | None
    printed_on: date
    rows: tuple[TimelineRow, ...]


def build_absence_status_data(
    company: Company,
    employee: Employee,
    spell: AbsenceSpell,
    items: Iterable[OverviewItem],
    today: date,
    decisions: Iterable[TaskDecision] = (),
) -> AbsenceStatusData:
    """Pick the overview items of `spell` and the employee-wide ones, sorted by deadline.

    `items` is typically `build_overview(...).items`; items of other spells or employees are
    left out. Employee-wide items (120 days, 22 weeks, frequent absence) come after the spell's
    own items on the same day; items without a deadline come last. Stored `decisions` about the
    spell that are no longer on the overview (e.g. the contacts once the employee is back) are
    printed too: the document shows what has been done.
    """
    if employee.id is not None and spell.employee_id != employee.id:
        raise ValueError(f"Fraværet hører ikke til {employee.name}.")
    own = [i for i in items if i.employee_id == spell.employee_id]
    picked = [i for i in own if spell.id is not None and i.spell_id == spell.id]
    picked += [i for i in own if i.spell_id is None]
    shown = {i.key for i in picked}
    picked += [
        _decided_item(d, employee, spell)
        for d in decisions
        if d.spell_id is not None and d.spell_id == spell.id and d.key not in shown
    ]
    rows = [
        TimelineRow(i.rule, i.due, i.title, i.detail, status_text(i, today), i.source)
        for i in picked
    ]
    rows.sort(key=lambda r: (r.due is None, r.due or date.max))
    return AbsenceStatusData(
        company=company,
        title=spell.kind.status_title,
        employee_name=employee.name,
        department=employee.department.strip(),
        job_title=employee.job_title.strip(),
        kind_title=spell.kind.title,
        first_day=spell.first_day,
        last_day=spell.last_day,
        day_number=(today - spell.first_day).days + 1 if spell.covers(today) else None,
        calendar_days=max(0, (spell.end_or(today) - spell.first_day).days + 1),
        extent=extent_text(spell),
        expected_return=spell.expected_return if spell.is_ongoing else None,
        printed_on=today,
        rows=tuple(rows),
    )


def _decided_item(decision: TaskDecision, employee: Employee, spell: AbsenceSpell) -> OverviewItem:
    """An item rebuilt from a stored decision, for a task that has left the overview."""
    version = rule_for(decision.rule, spell.first_day, spell.kind.value) or latest(decision.rule)
    title = version.title
    if decision.rule == "kontakt" and decision.due is not None:
        title += f" (dag {(decision.due - spell.first_day).days + 1})"
    return OverviewItem(
        decision.rule, spell.employee_id, employee.name, title, version.explanation,
        version.source, decision.due, spell.id, decision=decision,
    )  # fmt: skip


def status_text(item: OverviewItem, today: date) -> str:
    """'Klaret 3. december 2026', 'Ikke relevant: <reason>', 'Overskredet', 'I dag', 'Åben' …"""
    decision = item.decision
    if decision is not None and decision.status is TaskStatus.DONE:
        return f"{DONE_TEXT} {long_date(decision.decided_on)}"
    if decision is not None:
        reason = decision.reason.strip()
        return f"{NOT_RELEVANT_TEXT}: {reason}" if reason else NOT_RELEVANT_TEXT
    due = item.due
    if item.is_milestone and due is not None:
        return PASSED_TEXT if due < today else TODAY_TEXT if due == today else COMING_TEXT
    if item.is_option:
        return OPTION_PASSED_TEXT if due is not None and due < today else OPTION_TEXT
    if due is not None and due < today:
        return OVERDUE_TEXT
    return TODAY_TEXT if due == today else OPEN_TEXT


def extent_text(spell: AbsenceSpell) -> str:
    """'Fuldt fravær' or 'Delvist fravær, 12 timer pr. uge'."""
    if spell.partial_hours_per_week is None:
        return "Fuldt fravær"
    return f"Delvist fravær, {number(spell.partial_hours_per_week)} timer pr. uge"


# --- Builders: data -> texts and flowables ----------------------------------------------------


def employee_facts(data: AbsenceStatusData) -> list[tuple[str, str]]:
    """Label/value lines about the employee (left column)."""
    return [
        ("Medarbejder", data.employee_name),
        ("Afdeling", data.department or NOT_GIVEN_TEXT),
        ("Stilling", data.job_title or NOT_GIVEN_TEXT),
        ("Fraværstype", data.kind_title),
    ]


def spell_facts(data: AbsenceStatusData) -> list[tuple[str, str]]:
    """Label/value lines about the spell (right column)."""
    facts = [
        ("Første fraværsdag", long_date(data.first_day)),
        ("Sidste fraværsdag", long_date(data.last_day) or ONGOING_TEXT),
        ("Varighed", duration_text(data)),
        ("Omfang", data.extent),
    ]
    if data.last_day is None:
        expected = long_date(data.expected_return) or NOT_GIVEN_TEXT
        facts.append(("Forventet første arbejdsdag", expected))
    return facts


def duration_text(data: AbsenceStatusData) -> str:
    """'Dag 22 i dag' while ongoing, else '12 kalenderdage'."""
    if data.day_number is not None and data.last_day is None:
        return f"Dag {data.day_number} i dag"
    days = data.calendar_days
    return f"{days} kalenderdag" if days == 1 else f"{days} kalenderdage"


def timeline_table_rows(data: AbsenceStatusData) -> list[list[str]]:
    """The timeline as plain texts: Frist, Hvad, Status, Kilde."""
    return [
        [long_date(row.due) or NO_DEADLINE_TEXT, row.title, row.status, row.source]
        for row in data.rows
    ]


def status_flowables(data: AbsenceStatusData) -> list[Flowable]:
    """The body: facts, timeline, legend, notes lines and signatures."""
    st = styles()
    story: list[Flowable] = [_facts_columns(data)]
    story += section_heading("Tidslinje og frister")
    if data.rows:
        story += [_timeline_table(data), Spacer(1, 6), para(LEGEND, st.small)]
    else:
        story.append(para(EMPTY_TEXT, st.body))
    notes: list[Flowable] = [*section_heading(NOTES_HEADING)]
    for _ in range(NOTE_LINES):
        notes += [Spacer(1, 0.7 * cm), HRFlowable(width="100%", thickness=0.5, color=GRID)]
    story.append(KeepTogether([*notes, Spacer(1, 0.3 * cm), signature_block()]))
    return story


def _facts_columns(data: AbsenceStatusData) -> Table:
    """The employee's facts on the left, the spell's on the right."""
    left = facts_table(employee_facts(data), 2.7 * cm, FACTS_WIDTHS[0])
    right = facts_table(spell_facts(data), 5.0 * cm, FACTS_WIDTHS[1])
    return document_table([[left, right]], FACTS_WIDTHS, FACTS_LAYOUT)


def _timeline_table(data: AbsenceStatusData) -> Flowable:
    st = styles()
    urgent_style = ParagraphStyle("timeline_urgent", parent=st.cell, fontName=FONT_BOLD)
    body: list[list[str | Flowable]] = []
    for row, texts in zip(data.rows, timeline_table_rows(data), strict=True):
        cells: list[str | Flowable] = list(texts)
        if row.detail:
            cells[1] = _title_with_detail(row.title, row.detail)
        if row.urgent:
            cells[2] = para(row.status, urgent_style)
        elif row.status.startswith(f"{NOT_RELEVANT_TEXT}: "):
            cells[2] = _title_with_detail(f"{NOT_RELEVANT_TEXT}:", row.status.split(": ", 1)[1])
        # '§ 13b' and 'stk. 2' must not be split over two lines
        cells[3] = row.source.replace("§ ", "§" + NBSP).replace("stk. ", "stk." + NBSP)
        body.append(cells)
    return data_table(TIMELINE_COLUMNS, body, TIMELINE_WIDTHS)


def _title_with_detail(title: str, detail: str) -> Paragraph:
    """A title with its details (figures, a reason) on a smaller, muted line under it."""
    color = MUTED.hexval().replace("0x", "#")
    small = f'<font size="7.5" color="{color}">{escape(detail)}</font>'
    return Paragraph(f"{escape(title)}<br/>{small}", styles().cell)


# --- Document ---------------------------------------------------------------------------------


def render_absence_status(data: AbsenceStatusData) -> bytes:
    """The 'Status på sygefravær' (or 'Status på fravær') as PDF bytes."""
    subtitle = f"{data.employee_name} · status pr. {long_date(data.printed_on)}"
    body = status_flowables(data)
    return render_pdf(
        data.company, data.title, body, data.printed_on, subtitle, PRIVACY_FOOTER,
        running_title=f"{data.title} – {data.employee_name}",
    )  # fmt: skip
