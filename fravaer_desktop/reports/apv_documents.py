"""The APV's printed documents: the sickness-absence section for the notice board, and the blank
checklist for a staff meeting.

Both go through the one template in `document.py`. The APV section shows only what
`core.apv.ApvFigures` holds: company totals and groups of at least 5 employees, never a name
or one person's figures. The figures are the Statistik figures (same texts, same chart, same
published averages as `statistics_report`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, TableStyle

from fravaer_desktop.core.apv import (
    MIN_GROUP_SIZE,
    WEEKDAYS,
    Answer,
    Apv,
    ApvAction,
    ApvFigures,
    ChecklistAnswer,
    amo_required,
    figure_rows,
    previous_period,
    protection_note,
    revision_due,
)
from fravaer_desktop.core.charts import statistics_chart
from fravaer_desktop.core.danish import MONTHS, long_date
from fravaer_desktop.core.guides import ApvChecklist, ChecklistGroup, ChecklistItem
from fravaer_desktop.core.models import Company
from fravaer_desktop.core.rules import latest
from fravaer_desktop.core.statistics import (
    AbsenceStatistics,
    days_number_text,
    percent_text,
)
from fravaer_desktop.reports.chart_drawing import chart_drawing
from fravaer_desktop.reports.conversation_letters import (
    TickBox,
    blank_fields,
    bullets,
    label,
    paragraphs,
    writing_lines,
)
from fravaer_desktop.reports.document import (
    CONTENT_WIDTH,
    FONT_BOLD,
    GRID,
    TOTAL_FILL,
    data_table,
    document_table,
    facts_table,
    para,
    render_pdf,
    section_heading,
    styles,
)
from fravaer_desktop.reports.statistics_report import (
    DEFINITION_NOTE,
    NO_ABSENCE_TEXT,
    comparison_flowables,
)

TITLE = "APV: sygefravær og arbejdsmiljø"
SUBTITLE = "Sygefraværet i arbejdspladsvurderingen"
BLANK_SUBTITLE = "Tjekliste til personalemødet"
PRIVACY_FOOTER = "Ingen navne og ingen tal om enkelte medarbejdere."
PRIVACY_TEXT = (
    "APV'en handler om arbejdsmiljøet, ikke om personer. Tallene er for hele virksomheden og for "
    f"grupper med mindst {MIN_GROUP_SIZE} medarbejdere, så ingen enkeltpersons fravær kan "
    "aflæses."
)
BEFORE_DATA_TEXT = (
    "Perioden ligger før det første fravær, der er registreret i Fravær ({since}). Der er derfor "
    "ingen fraværstal for perioden."
)
NO_DATA_TEXT = "Der er ikke registreret noget fravær i Fravær endnu, så der er ingen fraværstal."
WEEKDAY_TEXT = "Sygeperioder, der begyndte i perioden, fordelt på den ugedag, de begyndte."
NO_ANSWERS_TEXT = "Tjeklisten er ikke gennemgået endnu."
NOT_ASSESSED_LABEL = "Ikke vurderet"
NO_ACTIONS_TEXT = "Handlingsplanen har ingen indsatser."
NO_GUIDELINE_TEXT = "Retningslinjerne for opfølgning er ikke skrevet endnu."
DRAFT_REVISION_TEXT = "Datoen for næste revision sættes, når APV'en er afsluttet."
REVISION_TEXT = "Næste revision: senest {day}."
AMO_TEXT = {
    True: "Virksomheden har {min} eller flere ansatte. Arbejdsmiljøorganisationen var med.",
    False: "Virksomheden har {min} eller flere ansatte, og arbejdsmiljøorganisationen skal være "
    "med. Den var ikke med.",
}
#: The phase texts of an APV, with their printed headings.
PHASE_HEADINGS = {
    "kortlaegning": "Kortlægning: sådan har I undersøgt arbejdsmiljøet",
    "sygefravaer": "Det siger fraværstallene",
    "aendringer": "Ændringer i arbejdet",
}
NOT_WRITTEN = "Ikke udfyldt."
NOT_SET = "–"
NO_RESPONSIBLE = "Ikke valgt"
NO_DEADLINE = "Ingen frist"

FIGURE_COLUMNS = ("Nøgletal", "Perioden", "Perioden før")
FIGURE_WIDTHS = (8.4 * cm, 4.5 * cm, CONTENT_WIDTH - 12.9 * cm)
GROUP_COLUMNS = ("Afdeling", "Medarbejdere", "Fraværsprocent", "Dage pr. fuldtidsansat",
                 "Sygeperioder")  # fmt: skip
GROUP_WIDTHS = (CONTENT_WIDTH - 11.0 * cm, 2.5 * cm, 2.7 * cm, 3.4 * cm, 2.4 * cm)
WEEKDAY_WIDTHS = (CONTENT_WIDTH / 7,) * 7
ANSWER_COLUMNS = ("Forhold", "Relevant her?", "Kan påvirke fraværet?", "Det siger tallene og "
                  "medarbejderne")  # fmt: skip
ANSWER_WIDTHS = (4.2 * cm, 2.2 * cm, 2.6 * cm, CONTENT_WIDTH - 9.0 * cm)
ACTION_COLUMNS = ("Problem", "Årsag", "Indsats", "Ansvarlig", "Frist", "Status",
                  "Sådan følger vi virkningen")  # fmt: skip
ACTION_WIDTHS = (2.8 * cm, 2.5 * cm, 3.0 * cm, 2.2 * cm, 1.9 * cm, 1.6 * cm,
                 CONTENT_WIDTH - 14.0 * cm)  # fmt: skip
#: A little lower than the Statistik printout's chart, so it fits under the key figures.
CHART_HEIGHT = 6.4 * cm
BLANK_ACTION_ROWS = 6
BLANK_ACTION_ROW_HEIGHT = 1.9 * cm
NOTE_LINES = 2
GUIDELINE_LINES = 4


# --- Shared pieces ----------------------------------------------------------------------------


def sources(checklist: ApvChecklist) -> list[str]:
    """The checklist's source and the rules' sources, each once."""
    texts = [" ".join(checklist.source.split())]
    texts += [latest(rule).source for rule in ("apv_revision", "apv_amo")]
    return list(dict.fromkeys(texts))


def sources_flowables(checklist: ApvChecklist) -> list[Flowable]:
    return [*section_heading("Kilder"), *bullets(sources(checklist), styles().small)]


# --- The APV section --------------------------------------------------------------------------


def period_span(first: date, last: date) -> str:
    return f"{long_date(first)} – {long_date(last)}"


def apv_facts(apv: Apv, figures: ApvFigures) -> list[tuple[str, str]]:
    """Date, period, who took part (and the AMO when required), status."""
    facts = [
        ("APV'ens dato", long_date(apv.made_on)),
        ("Periode", period_span(apv.period_first, apv.period_last)),
        ("Sammenlignet med", period_span(*previous_period(apv.period_first, apv.period_last))),
        ("Deltagere", apv.participants.strip() or NOT_WRITTEN),
    ]
    if amo_required(figures.current.employees):
        minimum = latest("apv_amo").numbers["min_employees"]
        facts.append(("Arbejdsmiljø\u00adorganisation",
                      AMO_TEXT[apv.amo_took_part].format(min=minimum)))  # fmt: skip
    status = "Udkast – ikke afsluttet"
    if apv.is_done:
        status = f"Afsluttet {long_date(apv.completed_on)}" if apv.completed_on else "Afsluttet"
    facts.append(("Status", status))
    return facts


def group_rows(figures: ApvFigures) -> list[list[str]]:
    return [[g.name, str(g.employees), *_group_values(g.statistics)] for g in figures.groups]


def _group_values(statistics: AbsenceStatistics) -> list[str]:
    s = statistics
    return [percent_text(s.percent), days_number_text(s.days_per_fte), str(s.spells)]


def figures_flowables(figures: ApvFigures) -> list[Flowable]:
    """The absence figures: key figures against the period before (the screen's rows), the
    monthly chart, the departments, the weekdays and the published averages."""
    st = styles()
    story: list[Flowable] = section_heading("Sygefraværet i tal")
    if figures.before_first_data:
        since = figures.recorded_since
        if since is None:
            return [*story, para(NO_DATA_TEXT, st.body)]
        since_text = f"{MONTHS[since.month - 1]} {since.year}"
        return [*story, para(BEFORE_DATA_TEXT.format(since=since_text), st.body)]
    story.append(para(PRIVACY_TEXT, st.body))
    if figures.company_only:
        story.append(para(protection_note(figures), st.body))
    if not figures.current.has_absence:
        story.append(para(NO_ABSENCE_TEXT, st.body))
    rows = [list(row) for row in figure_rows(figures)]
    story += [data_table(FIGURE_COLUMNS, rows, FIGURE_WIDTHS, {1, 2}), Spacer(1, 4),
              para(DEFINITION_NOTE, st.small)]  # fmt: skip
    if not figures.current.has_absence:
        return story
    if figures.shows_months:
        chart = statistics_chart(figures.current)
        story += [Spacer(1, 12), KeepTogether([chart_drawing(chart, height=CHART_HEIGHT)])]
    story += _groups(figures) + _weekdays(figures)
    return [*story, KeepTogether(comparison_flowables(figures.current))]


def _groups(figures: ApvFigures) -> list[Flowable]:
    """The departments, and why some are counted together or not shown (one department:
    nothing to split, nothing to say)."""
    if figures.company_only or (not figures.groups and len(figures.merged_departments) < 2):
        return []
    note = protection_note(figures)
    story: list[Flowable] = section_heading("Fordelt på afdelinger")
    if figures.groups:
        total = ["Hele virksomheden", str(figures.current.employees),
                 *_group_values(figures.current)]  # fmt: skip
        table = data_table(GROUP_COLUMNS, group_rows(figures), GROUP_WIDTHS, {1, 2, 3, 4}, total)
        story += [table, Spacer(1, 4)]
    return [*story, para(note, styles().body)] if note else story


def _weekdays(figures: ApvFigures) -> list[Flowable]:
    counts = figures.weekday_starts
    if not counts or not any(counts):
        return []
    header = [day.capitalize() for day in WEEKDAYS]
    table = data_table(header, [[str(c) for c in counts]], WEEKDAY_WIDTHS, range(7))
    return [KeepTogether([*section_heading("Fordelt på ugedage"),
                          para(WEEKDAY_TEXT, styles().body), table])]  # fmt: skip


# --- The assessment ---------------------------------------------------------------------------


def _answer_title(answer: Answer | None) -> str:
    return answer.title if answer is not None else NOT_SET


def answer_rows(group: ChecklistGroup, answers: dict[str, ChecklistAnswer]) -> list[list[str]]:
    """The answered items of one group: title, relevant?, could it affect absence?, notes."""
    rows = []
    for item in group.items:
        answer = answers.get(item.id)
        if answer is None or answer.is_empty:
            continue
        rows.append([item.title, _answer_title(answer.relevant),
                     _answer_title(answer.affects_absence), answer.notes.strip()])  # fmt: skip
    return rows


def not_assessed(checklist: ApvChecklist, answers: dict[str, ChecklistAnswer]) -> list[str]:
    return [i.title for i in checklist.items if i.id not in answers or answers[i.id].is_empty]


def _phase_text(apv: Apv, phase: str) -> list[Flowable]:
    st = styles()
    text = apv.texts.get(phase, "").strip()
    body = paragraphs(text, st.body) if text else [para(NOT_WRITTEN, st.body)]
    return [KeepTogether([*section_heading(PHASE_HEADINGS[phase]), *body[:1]]), *body[1:]]


def answers_table(answered: Sequence[tuple[ChecklistGroup, list[list[str]]]]) -> Flowable:
    """One table of the answered items, each group under a row with its title."""
    st = styles()
    rows: list[list[str | Flowable]] = []
    commands = []
    for group, group_rows in answered:
        title_row = len(rows) + 1  # under the header
        commands += [
            ("SPAN", (0, title_row), (-1, title_row)),
            ("BACKGROUND", (0, title_row), (-1, title_row), TOTAL_FILL),
            ("NOSPLIT", (0, title_row), (-1, title_row + 1)),
        ]  # not alone at the foot
        rows += [[para(group.title, st.cell_bold), "", "", ""], *group_rows]  # fmt: skip
    table = data_table(ANSWER_COLUMNS, rows, ANSWER_WIDTHS)
    table.setStyle(TableStyle(commands))
    return table


def assessment_flowables(apv: Apv, checklist: ApvChecklist) -> list[Flowable]:
    """The mapping, the checklist's answered items group by group, what the figures say and
    the changes in the work."""
    st = styles()
    answers = dict(apv.answers)
    story: list[Flowable] = _phase_text(apv, "kortlaegning")
    story += section_heading("Vurdering af arbejdsmiljøet")
    answered = [(g, answer_rows(g, answers)) for g in checklist.groups]
    answered = [(g, rows) for g, rows in answered if rows]
    if not answered:
        story.append(para(NO_ANSWERS_TEXT, st.body))
    else:
        story.append(answers_table(answered))
    left = not_assessed(checklist, answers)
    if answered and left:
        story += [Spacer(1, 4), para(f"{NOT_ASSESSED_LABEL}: {', '.join(left)}.", st.small)]
    return story + _phase_text(apv, "sygefravaer") + _phase_text(apv, "aendringer")


def action_rows(actions: Sequence[ApvAction]) -> list[list[str]]:
    return [
        [a.problem, a.cause or NOT_SET, a.measure, a.responsible.strip() or NO_RESPONSIBLE,
         long_date(a.deadline) if a.deadline else NO_DEADLINE, a.status.title,
         a.follow_up or NOT_SET]
        for a in actions
    ]  # fmt: skip


def follow_up_flowables(apv: Apv) -> list[Flowable]:
    """The action plan, the follow-up guideline and the next revision."""
    st = styles()
    plan = para(NO_ACTIONS_TEXT, st.body)
    if apv.actions:
        plan = data_table(ACTION_COLUMNS, action_rows(apv.actions), ACTION_WIDTHS)
    # a long plan runs over pages; a short one starts on the page of its heading
    story: list[Flowable] = [KeepTogether([*section_heading("Handlingsplan"), plan])]
    guideline = apv.texts.get("retningslinjer", "").strip()
    story += section_heading("Opfølgning og revision")
    story += paragraphs(guideline, st.body) if guideline else [para(NO_GUIDELINE_TEXT, st.body)]
    bold = ParagraphStyle("apv_revision", parent=st.body, fontName=FONT_BOLD)
    if apv.is_done and apv.completed_on is not None:
        story.append(para(REVISION_TEXT.format(day=long_date(revision_due(apv.completed_on))),
                          bold))  # fmt: skip
    else:
        story.append(para(DRAFT_REVISION_TEXT, st.body))
    return [*story, para(latest("apv_revision").explanation, st.body)]


def apv_flowables(apv: Apv, figures: ApvFigures, checklist: ApvChecklist) -> list[Flowable]:
    """The whole APV section: facts, figures, assessment, action plan, follow-up, sources."""
    story: list[Flowable] = [facts_table(apv_facts(apv, figures), 3.6 * cm)]
    story += figures_flowables(figures)
    story += assessment_flowables(apv, checklist)
    story += follow_up_flowables(apv)
    return story + sources_flowables(checklist)


def apv_pdf(
    company: Company, apv: Apv, figures: ApvFigures, checklist: ApvChecklist, printed_on: date
) -> bytes:
    """The APV's sickness-absence section for the notice board (no names, no one's figures)."""
    subtitle = f"{SUBTITLE} · {period_span(apv.period_first, apv.period_last)}"
    body = apv_flowables(apv, figures, checklist)
    return render_pdf(company, TITLE, body, printed_on, subtitle, PRIVACY_FOOTER)


# --- The blank checklist ----------------------------------------------------------------------


def answer_boxes() -> Flowable:
    """'Relevant her? □ Ja □ Nej    Kan påvirke fraværet? □ Ja □ Nej □ Ved ikke'."""
    cell = styles().cell
    row: list[Flowable | str] = [para("Relevant her?", styles().cell_bold)]
    widths = [2.3 * cm]
    for choice in ("Ja", "Nej"):
        row += [TickBox(), para(choice, cell)]
        widths += [0.45 * cm, 1.0 * cm]
    row += ["", para("Kan påvirke fraværet?", styles().cell_bold)]
    widths += [0.8 * cm, 3.5 * cm]
    for choice in ("Ja", "Nej", "Ved ikke"):
        row += [TickBox(), para(choice, cell)]
        widths += [0.45 * cm, 1.0 * cm if choice != "Ved ikke" else 1.6 * cm]
    return document_table([row], widths, [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ])  # fmt: skip


def blank_item(item: ChecklistItem) -> list[Flowable]:
    """One condition: its title, the help text, the boxes and lines for notes."""
    st = styles()
    return [
        label(item.title), para(" ".join(item.help.split()), st.small), Spacer(1, 4),
        answer_boxes(), *writing_lines(NOTE_LINES, 0.7 * cm), Spacer(1, 10),
    ]  # fmt: skip


def blank_action_table() -> Flowable:
    """The action plan's columns with empty rows to fill in by hand."""
    rows = [[Spacer(1, BLANK_ACTION_ROW_HEIGHT), *[""] * 6] for _ in range(BLANK_ACTION_ROWS)]
    table = data_table(ACTION_COLUMNS, rows, ACTION_WIDTHS)
    table.setStyle(TableStyle([("INNERGRID", (0, 0), (-1, -1), 0.25, GRID),
                               ("BOX", (0, 0), (-1, -1), 0.5, GRID)]))  # fmt: skip
    return table


def blank_checklist_flowables(checklist: ApvChecklist) -> list[Flowable]:
    """Date and participants, the intro, every group's items, the action plan, follow-up."""
    st = styles()
    story: list[Flowable] = [blank_fields(["Dato", "Periode"]), Spacer(1, 4),
                             blank_fields(["Deltagere"]), Spacer(1, 10)]  # fmt: skip
    story += paragraphs(" ".join(checklist.intro.split()), st.body)
    for group in checklist.groups:
        blocks = [blank_item(item) for item in group.items]
        blocks[0] = [*section_heading(group.title), *blocks[0]]  # the heading not alone
        story += [KeepTogether(block) for block in blocks]
    story.append(KeepTogether([*section_heading("Handlingsplan"), blank_action_table()]))
    story.append(KeepTogether([
        *section_heading("Opfølgning"),
        para("Hvem følger op på handlingsplanen, og hvornår? Hvornår ser I på tallene igen?",
             st.body),
        *writing_lines(GUIDELINE_LINES),
    ]))  # fmt: skip
    return story + sources_flowables(checklist)


def blank_checklist_pdf(company: Company, checklist: ApvChecklist, printed_on: date) -> bytes:
    """The checklist to fill in by hand at a staff meeting."""
    body = blank_checklist_flowables(checklist)
    return render_pdf(company, checklist.title, body, printed_on, BLANK_SUBTITLE, PRIVACY_FOOTER)
