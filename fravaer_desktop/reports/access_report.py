"""'Alt om medarbejderen': everything stored about one employee, for an access request (indsigt).

Qt-free and database-free: `AccessReportData` is filled by `services.access_request` and
turned into flowables here, on the one template of `reports.document`, with the builders the
minutes and the retention plan already use for the same records. Every section is printed,
also when it is empty ("Ingen …"), so the employee can see that nothing is left out. The change
log (issue 18, item 7) is a section of its own: `change_log`, a tuple of `ChangeLogLine`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer

from fravaer_desktop.core.change_log import ChangeLogLine
from fravaer_desktop.core.conversation import (
    Conversation,
    ConversationStatus,
    DocumentRequest,
    MinutesVersion,
)
from fravaer_desktop.core.danish import long_date, number
from fravaer_desktop.core.guides import Guides
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee, TaskDecision, TaskStatus
from fravaer_desktop.core.retention_plan import PlanVersion, RetentionPlan, schedule_weeks
from fravaer_desktop.core.rules import latest
from fravaer_desktop.reports.absence_status import extent_text
from fravaer_desktop.reports.conversation_documents import (
    STEPS_COLUMNS,
    STEPS_WIDTHS,
    noted_sections,
    outcome_facts,
    steps_table_rows,
)
from fravaer_desktop.reports.conversation_letters import danish_list, paragraphs
from fravaer_desktop.reports.document import (
    CONTENT_WIDTH,
    FONT_BOLD,
    data_table,
    facts_table,
    para,
    render_pdf,
    section_heading,
    styles,
)
from fravaer_desktop.reports.retention_plan_documents import (
    FOLLOW_UP_COLUMNS,
    FOLLOW_UP_WIDTHS,
    REQUESTED,
    follow_up_rows,
    schedule_table,
    section_texts,
    status_text,
    version_text,
)

TITLE = "Alt om medarbejderen"
SUBTITLE = "Det, {company} har gemt om {name} i programmet Fravær, pr. {day}"
INTRO = (
    "Her er alt, hvad der er gemt om dig i virksomhedens program til opfølgning på sygefravær "
    "(Fravær): dine ansættelsesoplysninger, dit fravær, samtaler og referater, den "
    "dokumentation, vi har bedt om, fastholdelsesplaner, virksomhedens beslutninger om "
    "opgaver og en log over, hvem der har oprettet, ændret eller slettet oplysningerne. "
    "Programmet gemmer aldrig diagnoser eller CPR-numre. Du har ret til indsigt efter "
    "databeskyttelsesforordningens artikel 15. Er noget forkert, kan du bede om at få det rettet "
    "eller slettet."
)
FOOTER = "Fortroligt. Indsigt i personoplysninger (databeskyttelsesforordningen art. 15)."
NONE_TEXT = {
    "absences": "Der er ikke registreret fravær.",
    "conversations": "Der er ingen samtaler.",
    "requests": "Der er ikke bedt om dokumentation.",
    "plans": "Der er ingen fastholdelsesplaner.",
    "decisions": "Der er ingen beslutninger om opgaver.",
    "change_log": "Der er ikke registreret ændringer.",
}
YES, NO = "Ja", "Nej"
ABSENCE_COLUMNS = ("Type", "Første dag", "Sidste dag", "Omfang", "Forventet tilbage", "Note")
ABSENCE_WIDTHS = tuple(w * cm for w in (2.6, 2.9, 2.9, 3.0, 2.9)) + (CONTENT_WIDTH - 14.3 * cm,)
REQUEST_COLUMNS = ("Dokumentation", "Bedt om", "Frist", "Betales af", "Modtaget")
REQUEST_WIDTHS = tuple(w * cm for w in (4.8, 2.9, 2.9, 3.0)) + (CONTENT_WIDTH - 13.6 * cm,)
DECISION_COLUMNS = ("Opgave", "Frist", "Beslutning", "Besluttet")
DECISION_WIDTHS = (6.4 * cm, 2.9 * cm, CONTENT_WIDTH - 12.2 * cm, 2.9 * cm)
CHANGE_COLUMNS = ("Hvornår", "Hvem", "Hvad")
CHANGE_WIDTHS = (4.4 * cm, 3.4 * cm, CONTENT_WIDTH - 7.8 * cm)
ONGOING = "I gang"


@dataclass(frozen=True)
class AccessReportData:
    """Everything stored about one employee, as the repositories read it."""

    company: Company
    employee: Employee
    printed_on: date
    absences: tuple[AbsenceSpell, ...]
    conversations: tuple[Conversation, ...]
    minutes: Mapping[int, tuple[MinutesVersion, ...]]  # conversation id -> printed versions
    document_requests: tuple[DocumentRequest, ...]
    retention_plans: tuple[RetentionPlan, ...]
    decisions: tuple[TaskDecision, ...]
    guides: Guides
    #: The change log about the employee, oldest first (None: no such section).
    change_log: tuple[ChangeLogLine, ...] | None = None


# --- Builders: texts ------------------------------------------------------------------------


def yes_no(value: bool) -> str:
    return YES if value else NO


def employee_facts(employee: Employee) -> list[tuple[str, str]]:
    """Every stored detail of the employment."""
    facts = [
        ("Navn", employee.name),
        ("Afdeling", employee.department.strip() or "–"),
        ("Stilling", employee.job_title.strip() or "–"),
        ("Arbejdstid", f"{number(employee.weekly_hours)} timer pr. uge på "
                       f"{employee.working_days_per_week} dage"),
        ("Ansat fra", long_date(employee.employed_from)),
        ("Ansat til", long_date(employee.employed_to) or "Stadig ansat"),
        ("Funktionær", yes_no(employee.salaried)),
        ("120-dagesaftale", yes_no(employee.clause_120_days)),
        ("Fleksjob", yes_no(employee.fleksjob)),
    ]  # fmt: skip
    if employee.section_56_from or employee.section_56_to:
        period = f"{long_date(employee.section_56_from)} til {long_date(employee.section_56_to)}"
        facts.append(("§ 56-aftale", period))
    else:
        facts.append(("§ 56-aftale", NO))
    return facts


def absence_rows(absences: tuple[AbsenceSpell, ...]) -> list[list[str]]:
    """Oldest first: type, days, extent, expected return, the note as typed."""
    return [
        [s.kind.title, long_date(s.first_day), long_date(s.last_day) or ONGOING,
         extent_text(s), long_date(s.expected_return) or "–", s.note.strip() or "–"]
        for s in sorted(absences, key=lambda s: (s.first_day, s.id or 0))
    ]  # fmt: skip


def conversation_heading(conversation: Conversation, guides: Guides) -> str:
    guide = guides.conversations.get(conversation.kind.value)
    title = guide.title if guide is not None else conversation.kind.title
    return f"{title}, {long_date(conversation.invitation.meeting_on)}"


def conversation_facts(
    conversation: Conversation, absences: tuple[AbsenceSpell, ...], minutes
) -> list[tuple[str, str]]:
    """The invitation and the record as stored: status, dates, form, who, purpose, minutes."""
    invitation = conversation.invitation
    held = conversation.status is ConversationStatus.HELD and conversation.held_on is not None
    status = f"Holdt {long_date(conversation.held_on)}" if held else "Kladde (ikke holdt endnu)"
    form = invitation.form.title
    if invitation.place.strip():
        form += f", {invitation.place.strip()}"
    facts = [
        ("Status", status),
        ("Indkaldt", long_date(invitation.invited_on)),
        ("Mødet", f"{long_date(invitation.meeting_on)} kl. {invitation.meeting_time}"),
        ("Form", form),
        ("Deltagere", danish_list(list(invitation.participants)) or "–"),
        ("Bisidder tilbudt", yes_no(invitation.companion_offered)),
    ]
    if invitation.purpose.strip():
        facts.append(("Formål", invitation.purpose.strip()))
    spell = next((s for s in absences if s.id == conversation.spell_id), None)
    if spell is not None:
        facts.append(("Fraværet", f"Første fraværsdag {long_date(spell.first_day)}"))
    facts += outcome_facts(conversation)
    printed = [f"version {m.version} udskrevet {long_date(m.printed_on)}" for m in minutes]
    facts.append(("Referater", danish_list(printed) if printed else "Ikke udskrevet"))
    return facts


def request_rows(requests: tuple[DocumentRequest, ...], guides: Guides) -> list[list[str]]:
    rows = []
    for request in sorted(requests, key=lambda r: (r.requested_on, r.id or 0)):
        kind = guides.documentation.get(request.kind)
        rows.append([
            kind.title if kind is not None else request.kind, long_date(request.requested_on),
            long_date(request.deliver_by), request.paid_by.title,
            long_date(request.received_on) or "Ikke modtaget",
        ])  # fmt: skip
    return rows


def decision_title(rule: str) -> str:
    try:
        return latest(rule).title
    except ValueError:  # a rule this version no longer has
        return rule


def decision_rows(decisions: tuple[TaskDecision, ...]) -> list[list[str]]:
    rows = []
    for d in sorted(decisions, key=lambda d: (d.decided_on, d.id or 0)):
        if d.status is TaskStatus.DONE:
            outcome = "Klaret"
        else:
            outcome = f"Ikke relevant: {d.reason.strip()}" if d.reason.strip() else "Ikke relevant"
        rows.append([decision_title(d.rule), long_date(d.due) or "–", outcome,
                     long_date(d.decided_on)])  # fmt: skip
    return rows


def change_log_rows(lines: tuple[ChangeLogLine, ...]) -> list[list[str]]:
    return [[line.when_text(), line.who, line.what] for line in lines]


# --- Builders: flowables --------------------------------------------------------------------


@lru_cache(maxsize=1)
def subheading() -> ParagraphStyle:
    """One conversation, plan or version under a section heading."""
    return ParagraphStyle("access_subheading", parent=styles().body, fontName=FONT_BOLD,
                          fontSize=10.5, spaceBefore=8, spaceAfter=3)  # fmt: skip


def _table_or_none(columns, rows, widths, key: str) -> Flowable:
    if not rows:
        return para(NONE_TEXT[key], styles().body)
    return data_table(columns, rows, widths)


def conversation_flowables(
    conversation: Conversation,
    data: AccessReportData,
) -> list[Flowable]:
    st = styles()
    guide = data.guides.conversations.get(conversation.kind.value)
    minutes = data.minutes.get(conversation.id, ())
    story: list[Flowable] = [
        *section_heading(conversation_heading(conversation, data.guides), subheading()),
        facts_table(conversation_facts(conversation, data.absences, minutes)),
    ]
    notes = noted_sections(conversation, guide) if guide is not None else [
        ("Noter", "\n\n".join(conversation.notes.values()))
    ]  # fmt: skip
    for title, text in notes:
        story += [Spacer(1, 4), para(title, st.cell_bold), *paragraphs(text, st.body)]
    if conversation.agreements.strip():
        story += [Spacer(1, 4), para("Det aftalte vi", st.cell_bold),
                  *paragraphs(conversation.agreements, st.body)]  # fmt: skip
    if conversation.steps:
        rows = steps_table_rows(conversation.steps)
        story += [Spacer(1, 4), data_table(STEPS_COLUMNS, rows, STEPS_WIDTHS)]
    return story


def plan_version_flowables(version: PlanVersion, data: AccessReportData) -> list[Flowable]:
    st = styles()
    guide = data.guides.retention_plan
    content = version.content
    facts = [("Status", status_text(version)), ("Mål", content.goal.title),
             ("Måldato", long_date(content.target_date) or "Ikke sat")]  # fmt: skip
    if version.reason.strip():
        facts.insert(0, ("Hvorfor ny version", version.reason.strip()))
    if content.adjustments:
        titles = [guide.adjustment_title(a) for a in content.adjustments]
        facts.append(("Tilpasninger", danish_list(titles)))
    story: list[Flowable] = [
        *section_heading(version_text(version), subheading()),
        facts_table(facts),
    ]
    shown, others = section_texts(version, guide)
    for _id, title, text in shown:
        if text:
            story += [Spacer(1, 4), para(title, st.cell_bold), *paragraphs(text, st.body)]
    if others:
        story += [Spacer(1, 4), para("Øvrige tekster", st.cell_bold), *paragraphs(others, st.body)]
    weeks = schedule_weeks(content)
    if weeks:
        lengths = [phase.weeks for phase in content.phases]
        # the label stays with the table's first rows
        story += [CondPageBreak(4 * cm), Spacer(1, 4), para("Trappen uge for uge", st.cell_bold),
                  schedule_table(weeks, lengths, None)]  # fmt: skip
    return story


def plan_flowables(plan: RetentionPlan, data: AccessReportData) -> list[Flowable]:
    st = styles()
    spell = next((s for s in data.absences if s.id == plan.spell_id), None)
    facts = [(REQUESTED[plan.requested_by],
              f"{plan.requested_by.title}, {long_date(plan.requested_on)}"),
             ("Status", plan.status.title)]  # fmt: skip
    if spell is not None:
        facts.append(("Fraværet", f"Første fraværsdag {long_date(spell.first_day)}"))
    if plan.decided_on is not None:
        facts.append(("Afslået", long_date(plan.decided_on)))
    if plan.refusal_reason.strip():
        facts.append(("Begrundelse", plan.refusal_reason.strip()))
    heading = f"Fastholdelsesplan ønsket {long_date(plan.requested_on)}"
    story: list[Flowable] = [*section_heading(heading, subheading()), facts_table(facts)]
    for version in plan.versions:
        story += plan_version_flowables(version, data)
    story.append(Spacer(1, 4))
    follow_ups = sorted(plan.follow_ups, key=lambda f: (f.due, f.id or 0))
    if follow_ups:
        story.append(KeepTogether([
            para("Opfølgning", st.cell_bold),
            data_table(FOLLOW_UP_COLUMNS, follow_up_rows(follow_ups), FOLLOW_UP_WIDTHS),
        ]))  # fmt: skip
    else:
        story.append(para("Der er ingen opfølgningsmøder.", st.body))
    return story


def access_flowables(data: AccessReportData) -> list[Flowable]:
    """The whole printout, section by section, in the order of the introduction."""
    st = styles()
    story: list[Flowable] = [para(INTRO, st.body)]
    story += [*section_heading("Ansættelse"), facts_table(employee_facts(data.employee))]
    story += [*section_heading("Fravær"),
              _table_or_none(ABSENCE_COLUMNS, absence_rows(data.absences), ABSENCE_WIDTHS,
                             "absences")]  # fmt: skip
    story += section_heading("Samtaler")
    conversations = sorted(data.conversations, key=lambda c: (c.invitation.meeting_on, c.id or 0))
    for conversation in conversations:
        story += conversation_flowables(conversation, data)
    if not conversations:
        story.append(para(NONE_TEXT["conversations"], st.body))
    story += [*section_heading("Dokumentation, vi har bedt om"),
              _table_or_none(REQUEST_COLUMNS, request_rows(data.document_requests, data.guides),
                             REQUEST_WIDTHS, "requests")]  # fmt: skip
    story += section_heading("Fastholdelsesplaner")
    for plan in sorted(data.retention_plans, key=lambda p: (p.requested_on, p.id or 0)):
        story += plan_flowables(plan, data)
    if not data.retention_plans:
        story.append(para(NONE_TEXT["plans"], st.body))
    story += [*section_heading("Beslutninger om opgaver på Overblikket"),
              _table_or_none(DECISION_COLUMNS, decision_rows(data.decisions), DECISION_WIDTHS,
                             "decisions")]  # fmt: skip
    if data.change_log is not None:
        story += [*section_heading("Ændringslog"),
                  _table_or_none(CHANGE_COLUMNS, change_log_rows(data.change_log),
                                 CHANGE_WIDTHS, "change_log")]  # fmt: skip
    return story


def render_access_report(data: AccessReportData) -> bytes:
    subtitle = SUBTITLE.format(company=data.company.name, name=data.employee.name,
                               day=long_date(data.printed_on))  # fmt: skip
    running = f"{TITLE}: {data.employee.name}"
    return render_pdf(data.company, TITLE, access_flowables(data), data.printed_on, subtitle,
                      FOOTER, running_title=running)  # fmt: skip
