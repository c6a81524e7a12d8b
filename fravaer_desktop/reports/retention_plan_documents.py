"""The retention plan (fastholdelsesplan) on paper: the plan to sign and the answer to a refusal.

Qt-free and database-free: plain data in (core dataclasses, the guide texts of
`resources/guides/fastholdelsesplan.toml`), PDF bytes out through the one template in
`reports.document`. Any version of a plan can be printed again; an older one says which version
replaced it. The plan holds no health details, and the printout shows only what the data holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from fravaer_desktop.core.charts import schedule_chart
from fravaer_desktop.core.danish import MONTHS_SHORT, long_date, number, weekday_date
from fravaer_desktop.core.guides import RetentionPlanGuide
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
from fravaer_desktop.core.retention_plan import (
    FollowUp,
    PlanRequester,
    PlanStatus,
    PlanVersion,
    RetentionPlan,
    ScheduleWeek,
    WeekOutcome,
    minimum_hours_text,
    schedule_weeks,
    under_sickness_minimum,
)
from fravaer_desktop.core.statistics import percent_text
from fravaer_desktop.reports.chart_drawing import chart_drawing
from fravaer_desktop.reports.conversation_documents import FACTS_LAYOUT, LEGAL_HEADING
from fravaer_desktop.reports.conversation_letters import (
    LETTER_FOOTER,
    danish_list,
    first_name,
    lower_first,
    paragraphs,
    receipt,
    sign_off,
)
from fravaer_desktop.reports.document import (
    ACCENT,
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    MUTED,
    TOTAL_FILL,
    data_table,
    document_table,
    facts_table,
    para,
    render_pdf,
    section_heading,
    signature_block,
    styles,
)

__all__ = ["refusal_letter_pdf", "retention_plan_pdf"]

PLAN_FOOTER = "Fortroligt. Planen handler om arbejdet og indeholder ingen helbredsoplysninger."
DRAFT = "Udkast – ikke aftalt endnu"
AGREED = "Aftalt {day}"
VERSION = "Version {number} af {day}"
OLDER_VERSION = (
    "Dette er version {number}. Den er afløst af version {newest} af {day}, som er den, der "
    "gælder nu."
)
REQUESTED = {PlanRequester.EMPLOYEE: "Ønsket af", PlanRequester.EMPLOYER: "Foreslået af"}
FACTS_WIDTHS = (9.6 * cm, CONTENT_WIDTH - 9.6 * cm)

# --- Section texts ----------------------------------------------------------------------------

CHANGED_HEADING = "Hvad er ændret i version {number}, og hvorfor"
NO_REASON = "Der er ikke skrevet, hvad der er ændret."
ADJUSTMENTS_SENTENCE = "Vi har aftalt {titles}."
SCHEDULE_HEADING = "Trappen uge for uge"
SCHEDULE_INTRO = (
    "Trappen begynder {start} og varer {weeks}. Medarbejderens normale arbejdstid er "
    "{hours} timer om ugen på {days} dage. Fraværet er de timer, medarbejderen ikke arbejder. "
    "Det er dem, kommunen skal have at vide ved en delvis raskmelding."
)
NO_SCHEDULE = "Der er ikke lagt en trappe endnu."
SCHEDULE_COLUMNS = (
    "Uge", "Mandag–søndag", "Arbejde, timer", "Timer pr. dag", "Fravær, timer", "Fravær, %",
    "Hovedopgaver",
)  # fmt: skip
SCHEDULE_WIDTHS = (2.1 * cm, 2.7 * cm, 1.6 * cm, 1.5 * cm, 1.6 * cm, 1.6 * cm)
SCHEDULE_NUMERIC = (2, 3, 4, 5)
#: Weeks of one phase whose tasks share one cell (a longer phase repeats them, so the table
#: can still be split between pages).
TASK_SPAN_WEEKS = 8
#: A schedule of up to this many weeks starts on a new page rather than be split (a longer one
#: runs over pages with its header repeated).
KEEP_TOGETHER_WEEKS = 20
UNDER_MINIMUM_MARK = "*"
UNDER_MINIMUM_NOTE = (
    "* Fraværet er under {hours} timer om ugen. Så regnes medarbejderen som rask efter "
    "sygedagpengeloven, og der er hverken sygedagpenge eller refusion for den uge."
)
UNDER_MINIMUM_FILL = colors.HexColor("#fdf3d8")
CHART_HEIGHT = 5.6 * cm
OUTCOMES_HEADING = "Planlagt og faktisk"
OUTCOMES_INTRO = "De arbejdede timer er regnet ud fra fraværet, som det er registreret."
OUTCOMES_COLUMNS = ("Uge", "Planlagt, timer", "Arbejdet, timer", "Forskel, timer")
OUTCOMES_WIDTHS = (3.0 * cm, 2.6 * cm, 2.6 * cm, 2.6 * cm)
FOLLOW_UPS_HEADING = "Opfølgningsmøder"
FOLLOW_UP_COLUMNS = ("Møde", "Holdt", "Holder planen?", "Sådan gik det")
FOLLOW_UP_WIDTHS = (3.2 * cm, 3.2 * cm, 3.4 * cm, CONTENT_WIDTH - 9.8 * cm)
NOT_HELD = "Ikke holdt endnu"
NO_FOLLOW_UPS = "Der er ikke sat datoer for opfølgningsmøder endnu."
OTHER_TEXTS = "Andet i planen"
JOBCENTER_HEADING = "Til jobcentret"
SOURCE_GREY = MUTED.hexval().replace("0x", "#")
SIGNATURES_HEADING = "Underskrifter"
SIGNATURES_TEXT = (
    "Vi har lavet planen sammen og er enige om den. Medarbejderen får en kopi og tager den med "
    "til den første samtale i jobcentret."
)
EMPLOYER_SIGNATURE = "Dato og underskrift, arbejdsgiver\n{company}"
EMPLOYEE_SIGNATURE = "Dato og underskrift, medarbejder\n{name}"

#: The guide sections that the chosen adjustments (before the text), the schedule (after the
#: section) and the follow-ups (after the text) go with; without the section they come last.
ADJUSTMENTS_IN = "tilpasninger"
SCHEDULE_AFTER = "hjaelp_udefra"
FOLLOW_UPS_IN = "kontakt"

# --- The refusal letter -----------------------------------------------------------------------

REFUSAL_TITLE = "Svar på dit ønske om en fastholdelsesplan"
REFUSAL_FACTS = ("Dit ønske", "Vores svar")
REASON_HEADING = "Begrundelse"
REFUSAL_RULE_SOURCE = "§ 7b, stk. 2"
BASIS = "Grundlag: {source}"
REFUSAL_RECEIPT = "Skriv under, når du har fået svaret. Du får selv en kopi."


@dataclass(frozen=True)
class PlanStyles:
    """The shared styles, with headings a little tighter than in other documents: the plan has
    many short sections and should stay on 2–3 pages."""

    heading: ParagraphStyle
    label: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    rule: ParagraphStyle


@lru_cache(maxsize=1)
def plan_styles() -> PlanStyles:
    st = styles()
    heading = ParagraphStyle(
        "plan_heading", parent=st.heading, fontSize=11.5, leading=14, spaceBefore=9, spaceAfter=3
    )
    label = ParagraphStyle("plan_label", parent=st.body, fontName=FONT_BOLD, spaceAfter=3)
    rule = ParagraphStyle(
        "plan_rule", parent=st.cell, leftIndent=10, bulletIndent=0, bulletFontName=FONT,
        spaceAfter=2.5,
    )  # fmt: skip
    return PlanStyles(heading, label, st.body, st.small, rule)


# --- Small texts ------------------------------------------------------------------------------


def short_day(day: date) -> str:
    """'28. dec.', '3. maj' (the month abbreviated as in Danish, 'maj' needs no dot)."""
    month = MONTHS_SHORT[day.month - 1]
    return f"{day.day}. {month}" if month == "maj" else f"{day.day}. {month}."


def week_dates(week: ScheduleWeek) -> str:
    """'28. dec.–3. jan.' (Monday to Sunday)."""
    return f"{short_day(week.monday)}–{short_day(week.sunday)}"


def hours_text(hours: float) -> str:
    """'15', '22,5', '7,25' (Danish decimal comma, no trailing zeros)."""
    text = number(hours, 2)
    return text.rstrip("0") if "," in text and text.endswith("0") else text


def weeks_text(count: int) -> str:
    return "1 uge" if count == 1 else f"{count} uger"


def version_text(version: PlanVersion) -> str:
    """'Version 2 af 15. januar 2027'."""
    return VERSION.format(number=version.version, day=long_date(version.made_on))


def status_text(version: PlanVersion) -> str:
    """'Aftalt 18. januar 2027' or 'Udkast – ikke aftalt endnu'."""
    return AGREED.format(day=long_date(version.agreed_on)) if version.is_agreed else DRAFT


def signed_difference(value: float) -> str:
    """'+2', '−3,5', '0' (a real minus sign)."""
    text = number(abs(value), 1)
    return "0" if value == 0 else f"{'+' if value > 0 else '−'}{text}"


# --- The plan: builders -----------------------------------------------------------------------


def plan_facts(
    employee: Employee, plan: RetentionPlan, version: PlanVersion, absence: AbsenceSpell | None
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Who and which absence (left); version, status, goal and target date (right)."""
    left = [("Medarbejder", employee.name)]
    if employee.job_title.strip():
        left.append(("Stilling", employee.job_title.strip()))
    if absence is not None:
        left.append(("Første fraværsdag", long_date(absence.first_day)))
    who = f"{plan.requested_by.title}, {long_date(plan.requested_on)}"
    left.append((REQUESTED[plan.requested_by], who))
    content = version.content
    right = [
        ("Version", f"{version.version} af {long_date(version.made_on)}"),
        ("Status", status_text(version)),
        ("Mål", content.goal.title),
        ("Måldato", long_date(content.target_date) or "Ikke sat"),
    ]
    return left, right


def older_version_notice(plan: RetentionPlan, version: PlanVersion) -> str:
    """The notice on a version that a newer one replaced; empty for the newest."""
    newest = plan.versions[-1] if plan.versions else version
    if newest.version <= version.version:
        return ""
    day = long_date(newest.made_on)
    return OLDER_VERSION.format(number=version.version, newest=newest.version, day=day)


def section_texts(
    version: PlanVersion, guide: RetentionPlanGuide
) -> tuple[list[tuple[str, str, str]], str]:
    """(id, title, text) of every guide section, in the guide's order (text may be empty), and
    the texts of sections the guide no longer has, joined."""
    texts = {key: text.strip() for key, text in version.content.texts.items() if text.strip()}
    shown = [(s.id, s.title, texts.pop(s.id, "")) for s in guide.sections]
    return shown, "\n\n".join(texts.values())


def schedule_rows(weeks: Sequence[ScheduleWeek], absence: AbsenceSpell | None) -> list[list[str]]:
    """One row of text per week; the absence hours of a week under the 4-hour minimum are
    marked. The tasks stand in every row (the table shows them once per phase)."""
    rows = []
    for week in weeks:
        absent = hours_text(week.absent_hours)
        if absence is not None and under_sickness_minimum(week, absence):
            absent = f"{absent} {UNDER_MINIMUM_MARK}"
        rows.append([
            week.label, week_dates(week), hours_text(week.planned_hours),
            number(week.hours_per_day, 1), absent, percent_text(week.absent_percent),
            week.tasks.strip() or "–",
        ])  # fmt: skip
    return rows


def task_spans(weeks: Sequence[ScheduleWeek], phase_lengths: Sequence[int]) -> list[range]:
    """The runs of week indexes (0-based) that share one tasks cell: a phase, cut in pieces of
    at most `TASK_SPAN_WEEKS` weeks."""
    spans = []
    start = 0
    for length in phase_lengths:
        length = max(length, 0)
        for first in range(start, start + length, TASK_SPAN_WEEKS):
            spans.append(range(first, min(first + TASK_SPAN_WEEKS, start + length)))
        start += length
    return [span for span in spans if span and span.stop <= len(weeks)]


def schedule_table(
    weeks: Sequence[ScheduleWeek], phase_lengths: Sequence[int], absence: AbsenceSpell | None
) -> Table:
    """The weeks as a table; the tasks of a phase in one cell over its weeks."""
    widths = [*SCHEDULE_WIDTHS, CONTENT_WIDTH - sum(SCHEDULE_WIDTHS)]
    rows = schedule_rows(weeks, absence)
    table = data_table(SCHEDULE_COLUMNS, rows, widths, SCHEDULE_NUMERIC)
    commands: list[tuple] = []
    for span in task_spans(weeks, phase_lengths):
        first, last = span.start + 1, span.stop  # table rows: the header is row 0
        commands.append(("SPAN", (6, first), (6, last)))
        commands.append(("LINEABOVE", (0, first), (-1, first), 0.8, ACCENT))
    for index, row in enumerate(rows, start=1):
        if row[4].endswith(UNDER_MINIMUM_MARK):
            commands.append(("BACKGROUND", (0, index), (5, index), UNDER_MINIMUM_FILL))
    table.setStyle(TableStyle(commands))
    return table


def schedule_flowables(version: PlanVersion, absence: AbsenceSpell | None) -> list[Flowable]:
    """The introduction, the table, the footnote on small absence, and the chart."""
    st = styles()
    content = version.content
    weeks = schedule_weeks(content)
    story: list[Flowable] = []
    if not weeks:
        return [para(NO_SCHEDULE, st.body)]
    intro = SCHEDULE_INTRO.format(
        start=weekday_date(weeks[0].monday), weeks=weeks_text(len(weeks)),
        hours=hours_text(content.contract_hours), days=content.working_days,
    )  # fmt: skip
    lengths = [phase.weeks for phase in content.phases]
    table = [para(intro, st.body), schedule_table(weeks, lengths, absence)]
    story += [KeepTogether(table)] if len(weeks) <= KEEP_TOGETHER_WEEKS else table
    if absence is not None and any(under_sickness_minimum(w, absence) for w in weeks):
        note = UNDER_MINIMUM_NOTE.format(hours=minimum_hours_text(absence))
        story += [Spacer(1, 3), para(note, st.small)]
    chart = schedule_chart(weeks)
    story += [Spacer(1, 8), chart_drawing(chart, height=CHART_HEIGHT)]
    return story


def outcome_rows(outcomes: Sequence[WeekOutcome]) -> list[list[str]]:
    """Week, planned, worked and the difference, as text."""
    return [
        [o.week.label, hours_text(o.week.planned_hours), hours_text(o.worked_hours),
         signed_difference(o.difference)]
        for o in outcomes
    ]  # fmt: skip


def follow_ups_of(plan: RetentionPlan, version: PlanVersion) -> list[FollowUp]:
    """The plan's follow-ups in date order; for an older version only those from before the
    next version was made, as the version was when it was in force."""
    later = [v.made_on for v in plan.versions if v.version > version.version]
    follow_ups = sorted(plan.follow_ups, key=lambda f: f.due)
    if later:
        follow_ups = [f for f in follow_ups if (f.held_on or f.due) < min(later)]
    return follow_ups


def follow_up_rows(follow_ups: Sequence[FollowUp]) -> list[list[str]]:
    """Planned day, held day, whether the plan holds, and how it went."""
    return [
        [long_date(f.due), long_date(f.held_on) or NOT_HELD, f.holds.title if f.holds else "–",
         f.how_it_went.strip() or "–"]
        for f in follow_ups
    ]  # fmt: skip


def follow_up_flowables(follow_ups: Sequence[FollowUp]) -> list[Flowable]:
    st = plan_styles()
    if not follow_ups:
        return [para(FOLLOW_UPS_HEADING, st.label), para(NO_FOLLOW_UPS, st.body)]
    table = data_table(FOLLOW_UP_COLUMNS, follow_up_rows(follow_ups), FOLLOW_UP_WIDTHS)
    return [KeepTogether([para(FOLLOW_UPS_HEADING, st.label), table])]


def adjustments_sentence(version: PlanVersion, guide: RetentionPlanGuide) -> str:
    """'Vi har aftalt færre timer, flere pauser og hjælp fra kolleger.' (empty for none)."""
    titles = [lower_first(guide.adjustment_title(a)) for a in version.content.adjustments]
    return ADJUSTMENTS_SENTENCE.format(titles=danish_list(titles)) if titles else ""


def outcome_flowables(outcomes: Sequence[WeekOutcome]) -> list[Flowable]:
    """Planned versus actual hours, when any week has begun."""
    if not outcomes:
        return []
    st = plan_styles()
    table = data_table(OUTCOMES_COLUMNS, outcome_rows(outcomes), OUTCOMES_WIDTHS, (1, 2, 3))
    block = [para(OUTCOMES_HEADING, st.label), para(OUTCOMES_INTRO, st.small), table]
    return [Spacer(1, 8), KeepTogether(block)]


def section_block(title: str, body: Sequence[Flowable]) -> list[Flowable]:
    """A heading and what stands under it (nothing when there is nothing under it); the
    heading stays with the first flowable."""
    if not body:
        return []
    heading = section_heading(title, plan_styles().heading)
    return [KeepTogether([*heading, body[0]]), *body[1:]]


def plan_flowables(
    company: Company,
    employee: Employee,
    plan: RetentionPlan,
    version: PlanVersion,
    absence: AbsenceSpell | None,
    guide: RetentionPlanGuide,
    outcomes: Sequence[WeekOutcome] = (),
) -> list[Flowable]:
    """Facts, what changed, every section with text, the schedule and chart, the follow-ups,
    the jobcenter note, the rules and both signatures."""
    st = plan_styles()
    left, right = plan_facts(employee, plan, version, absence)
    widths = FACTS_WIDTHS
    facts = [facts_table(left, 3.4 * cm, widths[0]), facts_table(right, 2.0 * cm, widths[1])]
    story: list[Flowable] = [document_table([facts], widths, FACTS_LAYOUT)]
    notice = older_version_notice(plan, version)
    if notice:
        story += [Spacer(1, 6), _boxed(notice)]
    if version.version >= 2:
        heading = CHANGED_HEADING.format(number=version.version)
        story += section_block(heading, paragraphs(version.reason.strip() or NO_REASON, st.body))
    adjustments = adjustments_sentence(version, guide)
    before = {ADJUSTMENTS_IN: [para(adjustments, st.body)] if adjustments else []}
    after = {FOLLOW_UPS_IN: follow_up_flowables(follow_ups_of(plan, version))}
    schedule = [
        *section_block(SCHEDULE_HEADING, schedule_flowables(version, absence)),
        *outcome_flowables(outcomes),
    ]
    sections, other = section_texts(version, guide)
    for section_id, title, text in sections:
        body = [*before.pop(section_id, []), *paragraphs(text, st.body),
                *after.pop(section_id, [])]  # fmt: skip
        story += section_block(title, body)
        if section_id == SCHEDULE_AFTER:
            story, schedule = story + schedule, []
    story += section_block(OTHER_TEXTS, paragraphs(other, st.body))
    for flowables in (*before.values(), schedule, *after.values()):  # the guide lacks a section
        story += flowables
    story += section_block(JOBCENTER_HEADING, paragraphs(guide.jobcenter_note, st.body))
    story += section_block(LEGAL_HEADING, rule_flowables(guide.rules))
    return [*story, KeepTogether(signature_flowables(company, employee))]


def rule_flowables(rules: Sequence[tuple[str, str]]) -> list[Flowable]:
    """Each rule briefly, in small print: the claim, then its source in grey."""
    st = plan_styles()
    return [
        Paragraph(f"{escape(' '.join(claim.split()))} <font color='{SOURCE_GREY}'>"
                  f"({escape(source)})</font>", st.rule, bulletText="•")
        for claim, source in rules
    ]  # fmt: skip


def signature_flowables(company: Company, employee: Employee) -> list[Flowable]:
    """The heading, that both agree, and a line for each to sign with the date."""
    st = plan_styles()
    return [
        *section_heading(SIGNATURES_HEADING, st.heading),
        para(SIGNATURES_TEXT, st.body),
        signature_block(
            EMPLOYER_SIGNATURE.format(company=company.name),
            EMPLOYEE_SIGNATURE.format(name=employee.name),
        ),
    ]


def _shaded(flowables: list[Flowable]) -> Table:
    """Flowables on a light background with a blue rule at the left, as one block."""
    return document_table([[flowables]], [CONTENT_WIDTH], [
        ("BACKGROUND", (0, 0), (-1, -1), TOTAL_FILL), ("LINEBEFORE", (0, 0), (0, -1), 2, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ])  # fmt: skip


def _boxed(text: str) -> Table:
    style = ParagraphStyle("plan_notice", parent=styles().body, fontName=FONT_BOLD, spaceAfter=0)
    return document_table([[para(text, style)]], [CONTENT_WIDTH], [
        ("BOX", (0, 0), (-1, -1), 1, ACCENT), ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ])  # fmt: skip


def retention_plan_pdf(
    company: Company,
    employee: Employee,
    plan: RetentionPlan,
    version: PlanVersion,
    absence: AbsenceSpell | None,
    guide: RetentionPlanGuide,
    printed_on: date,
    outcomes: Sequence[WeekOutcome] = (),
) -> bytes:
    """Version `version` of `plan` (any of its versions) to sign, with the schedule and chart;
    `outcomes` (planned versus actual hours) is printed as a table when there are any."""
    stamp = f"{version_text(version)} · {status_text(version).lower()}"
    body = plan_flowables(company, employee, plan, version, absence, guide, outcomes)
    return render_pdf(
        company, guide.title, body, printed_on, f"{employee.name} · {stamp}",
        f"{stamp} · {PLAN_FOOTER}", running_title=f"{guide.title} – {employee.name}",
    )  # fmt: skip


# --- The refusal letter -----------------------------------------------------------------------


def refusal_flowables(
    company: Company, employee: Employee, plan: RetentionPlan, guide: RetentionPlanGuide
) -> list[Flowable]:
    """Greeting, the guide's letter with the reason after its first paragraph, the dates, the
    rule, the sign-off and the receipt."""
    if plan.status is not PlanStatus.REFUSED:
        raise ValueError("the refusal letter is only for a refused request")
    st = styles()
    letter = paragraphs(guide.refusal_letter, st.body)
    reason = plan.refusal_reason.strip()
    story: list[Flowable] = [para(f"Kære {first_name(employee.name)}", st.body), *letter[:1]]
    reason_block = [para(REASON_HEADING, plan_styles().label), *paragraphs(reason, st.body)]
    story += [_shaded(reason_block), Spacer(1, 8)]
    story += letter[1:]
    days = (long_date(plan.requested_on), long_date(plan.decided_on) or "–")
    story += [Spacer(1, 2), facts_table(list(zip(REFUSAL_FACTS, days, strict=True)), 3.0 * cm)]
    story += [Spacer(1, 10), *sign_off([company.name])]
    source = next((s for _, s in guide.rules if REFUSAL_RULE_SOURCE in s), "")
    if source:
        story += [Spacer(1, 0.5 * cm), para(BASIS.format(source=source), st.small)]
    return [*story, receipt(REFUSAL_RECEIPT)]


def refusal_letter_pdf(
    company: Company,
    employee: Employee,
    plan: RetentionPlan,
    guide: RetentionPlanGuide,
    printed_on: date,
) -> bytes:
    """The short answer to the employee when the request for a plan was refused."""
    body = refusal_flowables(company, employee, plan, guide)
    return render_pdf(
        company, REFUSAL_TITLE, body, printed_on,
        f"Til {employee.name} · {long_date(plan.decided_on or printed_on)}", LETTER_FOOTER,
        running_title=f"{REFUSAL_TITLE} – {employee.name}",
    )  # fmt: skip
