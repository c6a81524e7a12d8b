"""The guided conversation's letters: the invitation, the documentation request, the leaflet.

Also the small pieces every conversation document shares (paragraphs of guide text, ruled lines
and tick boxes for handwriting, Danish lists). The guide, the minutes and the preparation sheet
are in `conversation_documents`, which re-exports the render functions of this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
)

from fravaer_desktop.core.conversation import DocumentRequest, Invitation, MeetingForm
from fravaer_desktop.core.danish import long_date, weekday_date
from fravaer_desktop.core.guides import ConversationGuide, DocumentationKind, Leaflet
from fravaer_desktop.core.models import Company, Employee
from fravaer_desktop.reports.document import (
    ACCENT,
    CONTENT_WIDTH,
    FONT,
    FONT_BOLD,
    GRID,
    MUTED,
    PAGE_HEIGHT,
    document_table,
    facts_table,
    para,
    render_pdf,
    section_heading,
    signature_block,
    styles,
)

#: The footer of a letter to one employee.
LETTER_FOOTER = (
    "Fortroligt. Brevet indeholder ingen helbredsoplysninger, og vi beder ikke om nogen."
)
WRITING_LINE_GAP = 0.75 * cm

# --- Invitation texts -------------------------------------------------------------------------

COMPANION_TEXT = (
    "Du er velkommen til at tage en bisidder med, fx en kollega, din tillidsrepræsentant eller "
    "en anden, du er tryg ved. Sig gerne til, hvis du tager nogen med."
)
PHONE_TEXT = (
    "Kan du ikke komme, fx på grund af din sygdom, så sig til. Så tager vi samtalen over "
    "telefonen i stedet."
)
NO_DIAGNOSIS_TEXT = (
    "Du skal ikke fortælle, hvad du fejler, og du skal ikke tage lægepapirer eller andre "
    "oplysninger om dit helbred med."
)
CONTACT_TEXT = (
    "Har du spørgsmål, eller passer tidspunktet ikke, så kontakt {contact} på telefon "
    "________________."
)
GOOD_TO_KNOW = "Godt at vide"
WHEN_AND_WHERE = "Tid og sted"
RECEIPT_HEADING = "Modtaget af medarbejder"
RECEIPT_TEXT = "Skriv under, når du har fået indkaldelsen. Du får selv en kopi."
RECEIPT_DATE = "Dato"
RECEIPT_SIGNATURE = "Underskrift, medarbejder"
REGARDS = "Venlig hilsen"
FORM_TEXTS = {
    MeetingForm.IN_PERSON: "Personligt møde",
    MeetingForm.PHONE: "Over telefonen",
    MeetingForm.VIDEO: "Over video",
}

# --- Documentation request texts --------------------------------------------------------------

NO_DIAGNOSIS_DOCTOR = (
    "Lægen skal ikke skrive en diagnose på erklæringen. Vi beder ikke om at få at vide, hvad du "
    "fejler."
)
NO_DIAGNOSIS_SELF = "Skriv ikke, hvad du fejler. Vi beder ikke om en diagnose."
#: Documentation the employee writes without a doctor.
WITHOUT_DOCTOR = frozenset({"tro_og_love"})
SOURCE_LABEL = "Grundlag"

# --- Leaflet texts ----------------------------------------------------------------------------

LEAFLET_SUBTITLE = "Til dig, der er ansat hos {company}"
SOURCES_HEADING = "Kilder"


# --- Shared pieces ----------------------------------------------------------------------------


def lower_first(title: str) -> str:
    """'Sygefraværssamtale' -> 'sygefraværssamtale', for use inside a sentence."""
    return title[:1].lower() + title[1:]


def danish_list(names: Sequence[str]) -> str:
    """'Mette', 'Mette og Kim', 'Mette, Kim og Lis'."""
    names = [n.strip() for n in names if n.strip()]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} og {names[-1]}"


def first_name(name: str) -> str:
    """The first word of a name, for 'Kære Anna'."""
    parts = name.split()
    return parts[0] if parts else name


def paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """Guide text (paragraphs split by an empty line) or typed text (line breaks kept)."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    return [Paragraph(escape(block).replace("\n", "<br/>"), style) for block in blocks if block]


def bullets(texts: Sequence[str], style: ParagraphStyle | None = None) -> list[Flowable]:
    """One paragraph per text with a bullet in front."""
    base = style or styles().body
    bullet_style = ParagraphStyle(
        f"{base.name}_bullet", parent=base, leftIndent=12, bulletIndent=1, bulletFontName=FONT,
        spaceAfter=3,
    )  # fmt: skip
    return [Paragraph(escape(text), bullet_style, bulletText="•") for text in texts]


def writing_lines(count: int, gap: float = WRITING_LINE_GAP) -> list[Flowable]:
    """`count` ruled lines to write on by hand."""
    lines: list[Flowable] = []
    for _ in range(count):
        lines += [Spacer(1, gap), HRFlowable(width="100%", thickness=0.5, color=GRID)]
    return lines


def small_label(text: str) -> Paragraph:
    """A muted label under a line, like the labels of the signature block."""
    return para(text, ParagraphStyle("line_label", parent=styles().cell, textColor=MUTED))


def sign_off(names: Sequence[str]) -> list[Flowable]:
    """'Venlig hilsen', a line to sign on and the names under it."""
    body = styles().body
    return [
        para(REGARDS, body),
        Spacer(1, 0.9 * cm),
        HRFlowable(width=7 * cm, thickness=0.8, color=MUTED, hAlign="LEFT", spaceAfter=3),
        *[para(name, ParagraphStyle("sign_off", parent=body, spaceAfter=0)) for name in names],
    ]


class TickBox(Flowable):
    """An empty square to tick by hand."""

    def __init__(self, size: float = 9) -> None:
        super().__init__()
        self.size = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.setStrokeColor(ACCENT)
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.size, self.size)


class LinesToBottom(Flowable):
    """Ruled lines for handwriting down to the bottom of the frame, drawn only when the
    `following` flowables would not fit under them anyway (so no page is left half blank and
    none is spent on lines alone)."""

    def __init__(self, following: Sequence[Flowable] = (), gap: float = WRITING_LINE_GAP):
        super().__init__()
        self.following = list(following)
        self.gap = gap
        self.width = self.height = 0.0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        needed = sum(
            f.wrapOn(self.canv, available_width, PAGE_HEIGHT)[1] + f.getSpaceBefore()
            + f.getSpaceAfter()
            for f in self.following if not isinstance(f, CondPageBreak)
        )  # fmt: skip
        fits = self.following and needed <= available_height
        self.height = 0.0 if fits else max(0.0, available_height - 1)
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setStrokeColor(GRID)
        self.canv.setLineWidth(0.5)
        y = self.height - self.gap
        while y >= 0:
            self.canv.line(0, y, self.width, y)
            y -= self.gap


def receipt(text: str) -> Flowable:
    """A dashed cut line, 'Modtaget af medarbejder', `text` and lines for date and signature,
    kept together at the end of a letter."""
    return KeepTogether([
        Spacer(1, 0.6 * cm),
        HRFlowable(width="100%", thickness=0.5, color=GRID, dash=(3, 2)),
        *section_heading(RECEIPT_HEADING),
        para(text, styles().body),
        signature_block(RECEIPT_DATE, RECEIPT_SIGNATURE),
    ])  # fmt: skip


def checklist(items: Sequence[str]) -> Table:
    """One tick box and one line of text per item."""
    st = styles()
    rows = [[TickBox(), para(item, st.body)] for item in items]
    return document_table(rows, [0.7 * cm, CONTENT_WIDTH - 0.7 * cm], [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (0, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ])  # fmt: skip


def label(text: str) -> Flowable:
    style = ParagraphStyle("label", parent=styles().body, fontName=FONT_BOLD, spaceAfter=2)
    return para(text, style)


def blank_fields(labels: Sequence[str]) -> Table:
    """Labels with a line after each, side by side, to fill in by hand."""
    width = CONTENT_WIDTH / len(labels)
    row: list[Any] = []
    commands: list[tuple[Any, ...]] = [("LEFTPADDING", (0, 0), (-1, -1), 0),
                                       ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]  # fmt: skip
    for index, label in enumerate(labels):
        row += [para(f"{label}:", styles().body), ""]
        commands.append(("LINEBELOW", (2 * index + 1, 0), (2 * index + 1, 0), 0.5, GRID))
    widths = [w for _ in labels for w in (2.6 * cm, width - 3.2 * cm)]
    return document_table([row], widths, commands)


# --- Invitation -------------------------------------------------------------------------------


def invitation_title(guide: ConversationGuide) -> str:
    """'Indkaldelse til sygefraværssamtale', '... til møde om mulighedserklæring'."""
    return f"Indkaldelse til {lower_first(guide.title)}"


def meeting_time_text(meeting_time: str) -> str:
    """'10:00' -> 'Kl. 10.00' (the Danish way of writing the time)."""
    return f"Kl. {meeting_time.strip().replace(':', '.')}"


def invitation_facts(employee: Employee, invitation: Invitation) -> list[tuple[str, str]]:
    """When, how, where and who."""
    day = weekday_date(invitation.meeting_on)
    facts = [
        ("Dato", day[:1].upper() + day[1:]),
        ("Tidspunkt", meeting_time_text(invitation.meeting_time)),
        ("Form", FORM_TEXTS[invitation.form]),
    ]
    if invitation.place.strip():
        label = "Sted" if invitation.form is MeetingForm.IN_PERSON else "Praktisk"
        facts.append((label, invitation.place.strip()))
    facts.append(("Deltagere", danish_list(["Dig", *invitation.participants])))
    return facts


def invitation_body(invitation: Invitation, guide: ConversationGuide) -> list[str]:
    """The letter's paragraphs: the purpose, then what the text does not already say.

    Without a purpose of the manager's own the guide's invitation text is used; its paragraph
    about a companion is left out when no companion is offered. A fixed line about the
    companion or the phone is added only when the text does not already say it.
    """
    own = invitation.purpose.strip()
    texts = [own] if own else guide.invitation_text.split("\n\n")
    if not invitation.companion_offered:
        texts = [text for text in texts if "bisidder" not in text.lower()]
    said = " ".join(texts).lower()
    if invitation.companion_offered and "bisidder" not in said:
        texts.append(COMPANION_TEXT)
    if invitation.form is not MeetingForm.PHONE and "telefon" not in said:
        texts.append(PHONE_TEXT)
    return texts


def invitation_flowables(
    company: Company, employee: Employee, invitation: Invitation, guide: ConversationGuide
) -> list[Flowable]:
    """Greeting, purpose, the meeting's facts, practical notes, sign-off and the receipt."""
    st = styles()
    contact = next((p.strip() for p in invitation.participants if p.strip()), "mig")
    story: list[Flowable] = [para(f"Kære {first_name(employee.name)}", st.body)]
    for text in invitation_body(invitation, guide):
        story += paragraphs(text, st.body)
    story += [*section_heading(WHEN_AND_WHERE), facts_table(invitation_facts(employee, invitation))]
    story += section_heading(GOOD_TO_KNOW)
    story += bullets([NO_DIAGNOSIS_TEXT, CONTACT_TEXT.format(contact=contact)])
    story += [Spacer(1, 6), *sign_off([contact, company.name])]
    return [*story, receipt(RECEIPT_TEXT)]


def invitation_pdf(
    company: Company,
    employee: Employee,
    invitation: Invitation,
    guide: ConversationGuide,
    printed_on: date,
) -> bytes:
    """The letter inviting `employee` to the conversation, with a receipt to sign."""
    title = invitation_title(guide)
    return render_pdf(
        company, title, invitation_flowables(company, employee, invitation, guide), printed_on,
        f"Til {employee.name} · {long_date(invitation.invited_on)}", LETTER_FOOTER,
        running_title=f"{title} – {employee.name}",
    )  # fmt: skip


# --- Documentation request --------------------------------------------------------------------


def request_title(kind: DocumentationKind) -> str:
    """'Anmodning om friattest'."""
    return f"Anmodning om {lower_first(kind.title)}"


def request_facts(request: DocumentRequest, kind: DocumentationKind) -> list[tuple[str, str]]:
    """What is asked for, by when and who pays."""
    return [
        ("Det drejer sig om", kind.title),
        ("Hvad er det?", " ".join(kind.what_it_is.split())),
        ("Afleveres senest", weekday_date(request.deliver_by)),
        ("Betales af", request.paid_by.title),
    ]


def request_flowables(
    company: Company, employee: Employee, request: DocumentRequest, kind: DocumentationKind
) -> list[Flowable]:
    """Greeting, the request text, the facts, the no-diagnosis line, sign-off and source."""
    st = styles()
    story: list[Flowable] = [para(f"Kære {first_name(employee.name)}", st.body)]
    story += paragraphs(kind.request_text, st.body)
    story += [Spacer(1, 4), facts_table(request_facts(request, kind), 3.6 * cm), Spacer(1, 8)]
    no_diagnosis = NO_DIAGNOSIS_SELF if kind.id in WITHOUT_DOCTOR else NO_DIAGNOSIS_DOCTOR
    bold = ParagraphStyle("request_bold", parent=st.body, fontName=FONT_BOLD)
    story += [para(no_diagnosis, bold), Spacer(1, 6), *sign_off([company.name])]
    source = f"{SOURCE_LABEL}: {' '.join(kind.source.split())}"
    story += [Spacer(1, 0.8 * cm), para(source, st.small)]
    return story


def document_request_pdf(
    company: Company,
    employee: Employee,
    request: DocumentRequest,
    documentation_kind: DocumentationKind,
    printed_on: date,
) -> bytes:
    """The short letter asking `employee` for documentation of the absence."""
    title = request_title(documentation_kind)
    body = request_flowables(company, employee, request, documentation_kind)
    return render_pdf(
        company, title, body, printed_on,
        f"Til {employee.name} · {long_date(request.requested_on)}", LETTER_FOOTER,
        running_title=f"{title} – {employee.name}",
    )  # fmt: skip


# --- Leaflet ----------------------------------------------------------------------------------


def leaflet_flowables(leaflet: Leaflet) -> list[Flowable]:
    """The intro, every section, and the sources at the end."""
    st = styles()
    story: list[Flowable] = paragraphs(leaflet.intro, st.body)
    for heading, body in leaflet.sections:
        story.append(KeepTogether([*section_heading(heading), *paragraphs(body, st.body)[:1]]))
        story += paragraphs(body, st.body)[1:]
    story += [*section_heading(SOURCES_HEADING), *bullets(leaflet.sources, st.small)]
    return story


def leaflet_pdf(company: Company, leaflet: Leaflet, printed_on: date) -> bytes:
    """The leaflet 'Når du er syg' for the staff; about no one in particular."""
    subtitle = LEAFLET_SUBTITLE.format(company=company.name)
    return render_pdf(company, leaflet.title, leaflet_flowables(leaflet), printed_on, subtitle)
