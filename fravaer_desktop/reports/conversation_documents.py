"""The guided conversation on paper: the manager's guide, the minutes, the preparation sheet.

Qt-free and database-free: every function takes plain data (core dataclasses and the guide
texts of `core.guides`) and returns flowables or PDF bytes through the one template in
`reports.document`. The letters to the employee (invitation, documentation request, leaflet)
are in `conversation_letters`; their render functions are importable from here too.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from fravaer_desktop.core.conversation import (
    AgreedStep,
    Conversation,
    ConversationKind,
    MeetingForm,
)
from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.guides import ConversationGuide, GuideSection, OpportunitySheet
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
from fravaer_desktop.reports.conversation_letters import (
    LinesToBottom,
    blank_fields,
    bullets,
    checklist,
    danish_list,
    document_request_pdf,
    invitation_pdf,
    label,
    leaflet_pdf,
    lower_first,
    paragraphs,
    writing_lines,
)
from fravaer_desktop.reports.document import (
    ACCENT,
    CONTENT_WIDTH,
    FONT_BOLD,
    FONT_ITALIC,
    GRID,
    data_table,
    document_table,
    facts_table,
    para,
    render_pdf,
    section_heading,
    signature_block,
    styles,
)

__all__ = [
    "conversation_guide_pdf",
    "document_request_pdf",
    "invitation_pdf",
    "leaflet_pdf",
    "minutes_pdf",
    "opportunity_sheet_pdf",
]

GUIDE_FOOTER = "Skriv aldrig diagnoser eller andre oplysninger om helbredet i noterne."
MINUTES_FOOTER = "Fortroligt. Referatet må ikke indeholde helbredsoplysninger eller diagnoser."
SHEET_FOOTER = "Fortroligt. Skriv om arbejdet og om funktioner, aldrig om sygdom eller diagnoser."
OPTIONAL_MARK = "(valgfrit)"
MAY_ASK = "Det må du spørge om"
MAY_NOT_ASK = "Det må du ikke spørge om"
MAY_FILL = colors.HexColor("#e2f0e2")
MAY_NOT_FILL = colors.HexColor("#f6e0e0")
NOTE_LINES = 5
NOT_GIVEN = "Ikke aftalt"

# --- Guide texts ------------------------------------------------------------------------------

GUIDE_SUBTITLE = "Samtaleguide til lederen · {source}"
BLANK_FIELDS = ("Medarbejder", "Dato")
PREPARATION_HEADING = "Før samtalen"
GENERAL_MAY_HEADING = "Det må du spørge om – og det må du ikke"
GENERAL_MAY_TEXT = "Gælder hele samtalen, ved siden af det, der står under hvert punkt."
PHRASINGS_LABEL = "Sådan kan du sige det"
NOTES_LABEL = "Noter"
LEGAL_HEADING = "Det siger reglerne"
LEGAL_COLUMNS = ("Regel", "Kilde")
LEGAL_WIDTHS = (11.4 * cm, CONTENT_WIDTH - 11.4 * cm)

# --- Minutes texts ----------------------------------------------------------------------------

MEETING_LABELS = ("Medarbejder", "Holdt", "Form", "Deltagere")
FACTS_WIDTHS = (10.6 * cm, CONTENT_WIDTH - 10.6 * cm)
FACTS_LAYOUT = (("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0))
TALKED_HEADING = "Det talte vi om"
OTHER_NOTES = "Øvrige noter"
NO_NOTES = "Der er ikke skrevet noter."
AGREED_HEADING = "Det aftalte vi"
NO_AGREEMENTS = "Ingen særlige aftaler."
STEPS_HEADING = "Næste skridt"
STEPS_COLUMNS = ("Hvad", "Hvem", "Senest")
STEPS_WIDTHS = (10.4 * cm, 4.0 * cm, CONTENT_WIDTH - 14.4 * cm)
NO_STEPS = "Der er ikke aftalt flere skridt."
NO_DUE = "Ingen frist"
NOT_HELD = "Ikke holdt endnu (planlagt {day})"
MINUTES_NOTE = (
    "Referatet indeholder ingen helbredsoplysninger. Det beskriver, hvad vi talte om, og hvad "
    "vi aftalte. Læs det igennem. Er du uenig i noget, eller vil du tilføje noget, så skriv det "
    "herunder, før du skriver under. Du får selv en kopi."
)
REMARKS_HEADING = "Bemærkninger fra medarbejderen"
REMARK_LINES = 4

# --- Preparation sheet texts ------------------------------------------------------------------

NOT_THE_FORM = (
    "Kun forberedelse – ikke den officielle blanket. Mulighedserklæringen skrives på "
    "blanketten, og lægen udfylder sin del af den."
)
#: Pseudo-ids of the answers on the preparation sheet that are not section notes.
AGREEMENTS, EXPECTED_RETURN, NEXT_CONTACT, STEPS = "_aftaler", "_tilbage", "_kontakt", "_skridt"
#: Which notes of the conversation answer each question of the sheet (by its heading); a
#: question not here, or without notes, gets ruled lines. A section's notes are used once.
SHEET_ANSWERS: dict[str, tuple[str, ...]] = {
    "Hvad er svært i arbejdet lige nu?": ("funktion",),
    "Hvilke opgaver er påvirket?": ("opgaver",),
    "Hvad kan arbejdspladsen tilbyde?": ("hjaelp",),
    "Vores forslag til arbejdstid og opgaver": (AGREEMENTS,),
    "Hvor længe venter vi, at det varer?": ("varighed", EXPECTED_RETURN),
    "Frist og opfølgning": ("naeste_skridt", NEXT_CONTACT, STEPS),
}
SHEET_LINES = 5
ADDITION_LINES = 2


# --- Shared pieces ----------------------------------------------------------------------------


def may_box(may_ask: Sequence[str], may_not_ask: Sequence[str]) -> Table:
    """'Det må du spørge om' and 'Det må du ikke spørge om' side by side."""
    st = styles()
    half = CONTENT_WIDTH / 2

    def column(texts: Sequence[str]) -> list[Flowable]:
        return bullets(texts, st.cell) if texts else [para("–", st.cell)]

    matrix = [
        [para(MAY_ASK, st.cell_bold), para(MAY_NOT_ASK, st.cell_bold)],
        [column(may_ask), column(may_not_ask)],
    ]
    return document_table(matrix, [half, half], [
        ("BACKGROUND", (0, 0), (0, 0), MAY_FILL),
        ("BACKGROUND", (1, 0), (1, 0), MAY_NOT_FILL),
        ("BOX", (0, 0), (-1, -1), 0.6, GRID),
        ("INNERGRID", (0, 0), (-1, -1), 0.6, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ])  # fmt: skip


# --- The manager's guide ----------------------------------------------------------------------


def section_title(number: int, section: GuideSection) -> str:
    """'3. Fraværet, som det ser ud', with '(valgfrit)' after an optional section."""
    title = f"{number}. {section.title}"
    if section.optional and OPTIONAL_MARK not in section.title.lower():
        title += f" {OPTIONAL_MARK}"
    return title


def guide_section_flowables(number: int, section: GuideSection) -> list[Flowable]:
    """One part of the conversation: purpose, phrasings, may/may not, note hint, note lines.

    Kept together on one page by `guide_flowables`, so the lines stay with the questions.
    """
    st = styles()
    phrasing_style = ParagraphStyle("phrasing", parent=st.body, fontName=FONT_ITALIC)
    head: list[Flowable] = [*section_heading(section_title(number, section))]
    head += paragraphs(section.purpose, st.body)
    head += [label(PHRASINGS_LABEL), *bullets([f"»{p}«" for p in section.phrasings],
                                                  phrasing_style)]  # fmt: skip
    if section.may_ask or section.may_not_ask:
        head += [Spacer(1, 4), may_box(section.may_ask, section.may_not_ask)]
    notes = [Spacer(1, 8), label(NOTES_LABEL), para(section.note_hint, st.small)]
    return [*head, *notes, *writing_lines(NOTE_LINES)]


def legal_rows(guide: ConversationGuide) -> list[list[str]]:
    """The legal notes as rows of text: the claim and its source."""
    return [[" ".join(claim.split()), source] for claim, source in guide.legal_notes]


def guide_flowables(
    guide: ConversationGuide,
    general_may_ask: Sequence[str],
    general_may_not_ask: Sequence[str],
    may_source: str,
) -> list[Flowable]:
    """The whole blank guide, in the order the conversation is held."""
    st = styles()
    story: list[Flowable] = [blank_fields(BLANK_FIELDS), Spacer(1, 10)]
    story.append(facts_table([("Hvornår", guide.when), ("Formål", guide.purpose),
                              ("Kilde", guide.source)], 2.4 * cm))  # fmt: skip
    story += [*section_heading(PREPARATION_HEADING), checklist(guide.preparation)]
    story.append(KeepTogether([
        *section_heading(GENERAL_MAY_HEADING), para(GENERAL_MAY_TEXT, st.body),
        may_box(general_may_ask, general_may_not_ask), Spacer(1, 3), para(may_source, st.small),
    ]))  # fmt: skip
    parts = [guide_section_flowables(n, s) for n, s in enumerate(guide.sections, start=1)]
    legal = [*section_heading(LEGAL_HEADING), Spacer(1, 3 * cm)] if guide.legal_notes else []
    for part, following in zip(parts, [*parts[1:], legal], strict=True):
        # a part that does not fit under this one: the rest of the page is ruled for notes
        story += [KeepTogether(part), LinesToBottom(following)]
    if guide.legal_notes:
        story += [*section_heading(LEGAL_HEADING),
                  data_table(LEGAL_COLUMNS, legal_rows(guide), LEGAL_WIDTHS)]  # fmt: skip
    return story


def conversation_guide_pdf(
    company: Company,
    guide: ConversationGuide,
    general_may_ask: Sequence[str],
    general_may_not_ask: Sequence[str],
    may_source: str,
    printed_on: date,
) -> bytes:
    """The manager's blank guide for one kind of conversation, to write on in the meeting."""
    body = guide_flowables(guide, general_may_ask, general_may_not_ask, may_source)
    subtitle = GUIDE_SUBTITLE.format(source=guide.source)
    return render_pdf(company, guide.title, body, printed_on, subtitle, GUIDE_FOOTER)


# --- Minutes ----------------------------------------------------------------------------------


def minutes_title(guide: ConversationGuide) -> str:
    """'Referat af sygefraværssamtale'."""
    return f"Referat af {lower_first(guide.title)}"


def minutes_facts(
    employee: Employee,
    conversation: Conversation,
    spell: AbsenceSpell | None,
    version: int,
    printed_on: date,
) -> list[tuple[str, str]]:
    """Who, when, how, the absence's first day, the version and the print date."""
    invitation = conversation.invitation
    held = long_date(conversation.held_on) or NOT_HELD.format(day=long_date(invitation.meeting_on))
    form = invitation.form.title
    if invitation.form is MeetingForm.IN_PERSON and invitation.place.strip():
        form += f", {invitation.place.strip()}"
    values = (employee.name, held, form, danish_list([employee.name, *invitation.participants]))
    facts = list(zip(MEETING_LABELS, values, strict=True))
    if spell is not None:
        facts.append(("Første fraværsdag", long_date(spell.first_day)))
    return [*facts, ("Version", f"Version {version}"), ("Udskrevet", long_date(printed_on))]


def noted_sections(conversation: Conversation, guide: ConversationGuide) -> list[tuple[str, str]]:
    """(title, notes) of each guide section with notes, in the guide's order; notes of a
    section the guide no longer has come last, under 'Øvrige noter'."""
    notes = {key: text.strip() for key, text in conversation.notes.items() if text.strip()}
    shown = [(s.title, notes.pop(s.id)) for s in guide.sections if s.id in notes]
    if notes:
        shown.append((OTHER_NOTES, "\n\n".join(notes.values())))
    return shown


def outcome_facts(conversation: Conversation) -> list[tuple[str, str]]:
    """Expected return, the 8-weeks answer (§ 7a conversation only) and the next contact."""
    facts: list[tuple[str, str]] = []
    if conversation.expected_return is not None or conversation.kind.needs_ongoing_absence:
        facts.append(("Forventet tilbage", long_date(conversation.expected_return) or NOT_GIVEN))
    if conversation.kind is ConversationKind.ABSENCE:
        answer = conversation.over_8_weeks
        facts.append(("Fravær over 8 uger?", answer.title if answer else "Ikke besvaret"))
    facts.append(("Næste kontakt", long_date(conversation.next_contact_on) or NOT_GIVEN))
    return facts


def steps_table_rows(steps: Sequence[AgreedStep]) -> list[list[str]]:
    """The agreed steps as plain texts: Hvad, Hvem, Senest."""
    return [[s.title, s.responsible.strip() or "–", long_date(s.due) or NO_DUE] for s in steps]


def minutes_flowables(
    employee: Employee,
    conversation: Conversation,
    guide: ConversationGuide,
    spell: AbsenceSpell | None,
    version: int,
    printed_on: date,
) -> list[Flowable]:
    """Facts, the notes by section, agreements, steps, remarks lines and both signatures."""
    st = styles()
    subheading = ParagraphStyle("minutes_sub", parent=st.body, fontName=FONT_BOLD, spaceAfter=2)
    facts = minutes_facts(employee, conversation, spell, version, printed_on)
    split = len(MEETING_LABELS)  # who, when and how on the left; the record on the right
    left = facts_table(facts[:split], 2.4 * cm, FACTS_WIDTHS[0])
    right = facts_table(facts[split:], 3.4 * cm, FACTS_WIDTHS[1])
    story: list[Flowable] = [document_table([[left, right]], FACTS_WIDTHS, FACTS_LAYOUT)]
    story += section_heading(TALKED_HEADING)
    noted = noted_sections(conversation, guide)
    for title, notes in noted:
        story.append(KeepTogether([para(title, subheading), *paragraphs(notes, st.body)]))
    if not noted:
        story.append(para(NO_NOTES, st.body))
    story += section_heading(AGREED_HEADING)
    story += paragraphs(conversation.agreements, st.body) or [para(NO_AGREEMENTS, st.body)]
    story += [Spacer(1, 4), facts_table(outcome_facts(conversation))]
    story += section_heading(STEPS_HEADING)
    if conversation.steps:
        story.append(data_table(STEPS_COLUMNS, steps_table_rows(conversation.steps), STEPS_WIDTHS))
    else:
        story.append(para(NO_STEPS, st.body))
    ending = [*section_heading(REMARKS_HEADING), para(MINUTES_NOTE, st.body)]
    ending += [*writing_lines(REMARK_LINES), Spacer(1, 0.2 * cm), signature_block()]
    return [*story, KeepTogether(ending)]


def minutes_pdf(
    company: Company,
    employee: Employee,
    conversation: Conversation,
    guide: ConversationGuide,
    spell: AbsenceSpell | None,
    version: int,
    printed_on: date,
) -> bytes:
    """The minutes of `conversation` as printed now: version `version`, to sign."""
    title = minutes_title(guide)
    stamp = f"Version {version} · udskrevet {long_date(printed_on)}"
    body = minutes_flowables(employee, conversation, guide, spell, version, printed_on)
    return render_pdf(
        company, title, body, printed_on, f"{employee.name} · {stamp}",
        f"{stamp} · {MINUTES_FOOTER}", running_title=f"{title} – {employee.name}",
    )  # fmt: skip


# --- The preparation sheet for the mulighedserklæring -----------------------------------------


def sheet_answers(
    sheet: OpportunitySheet, conversation: Conversation | None
) -> list[tuple[str, str, str]]:
    """(heading, help, answer) per question; the answer is empty where nothing was noted."""
    used: set[str] = set()
    answers = []
    for heading, help_text in sheet.questions:
        parts = []
        for key in SHEET_ANSWERS.get(heading, ()) if conversation is not None else ():
            if key not in used:
                used.add(key)
                parts.append(_answer_part(conversation, key))
        answers.append((heading, help_text, "\n\n".join(p for p in parts if p)))
    return answers


def _answer_part(conversation: Conversation, key: str) -> str:
    if key == AGREEMENTS:
        return conversation.agreements.strip()
    if key == EXPECTED_RETURN:
        day = long_date(conversation.expected_return)
        return f"Forventet tilbage: {day}" if day else ""
    if key == NEXT_CONTACT:
        day = long_date(conversation.next_contact_on)
        return f"Næste møde eller kontakt: {day}" if day else ""
    if key == STEPS:
        return "\n".join(_step_line(step) for step in conversation.steps)
    return conversation.notes.get(key, "").strip()


def _step_line(step: AgreedStep) -> str:
    """'Mulighedserklæring: Anna bestiller tid (Anna Jensen, senest 4. december 2026)'."""
    who = [step.responsible.strip()] if step.responsible.strip() else []
    who += [f"senest {long_date(step.due)}"] if step.due is not None else []
    return f"{step.title} ({', '.join(who)})" if who else step.title


def sheet_flowables(
    employee: Employee, sheet: OpportunitySheet, conversation: Conversation | None
) -> list[Flowable]:
    """The notice that this is not the form, the intro, each question, source, signatures."""
    st = styles()
    notice_style = ParagraphStyle("notice", parent=st.body, fontName=FONT_BOLD, spaceAfter=0)
    notice = document_table([[para(NOT_THE_FORM, notice_style)]], [CONTENT_WIDTH], [
        ("BOX", (0, 0), (-1, -1), 1, ACCENT), ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ])  # fmt: skip
    facts = [("Medarbejder", employee.name)]
    if employee.job_title.strip():
        facts.append(("Stilling", employee.job_title.strip()))
    if conversation is not None:
        day = conversation.held_on or conversation.invitation.meeting_on
        facts.append(("Møde", long_date(day)))
    story: list[Flowable] = [notice, Spacer(1, 10), facts_table(facts, 3.0 * cm), Spacer(1, 6)]
    story += paragraphs(sheet.intro, st.body)
    blocks = []
    for number, (heading, help_text, answer) in enumerate(sheet_answers(sheet, conversation), 1):
        block = [*section_heading(f"{number}. {heading}"), para(help_text, st.small)]
        if answer:
            block += [Spacer(1, 4), *paragraphs(answer, st.body)]
        blocks.append([*block, *writing_lines(ADDITION_LINES if answer else SHEET_LINES)])
    ending = [Spacer(1, 10), para(" ".join(sheet.source.split()), st.small), Spacer(1, 0.3 * cm),
              signature_block()]  # fmt: skip
    for block, following in zip(blocks, [*blocks[1:], ending], strict=True):
        story += [KeepTogether(block), LinesToBottom(following)]
    return [*story, KeepTogether(ending)]


def opportunity_sheet_pdf(
    company: Company,
    employee: Employee,
    sheet: OpportunitySheet,
    conversation: Conversation | None,
    printed_on: date,
) -> bytes:
    """The preparation sheet to take to the doctor; never the official form itself."""
    body = sheet_flowables(employee, sheet, conversation)
    return render_pdf(
        company, sheet.title, body, printed_on, employee.name, SHEET_FOOTER,
        running_title=f"{sheet.title} – {employee.name}",
    )  # fmt: skip
