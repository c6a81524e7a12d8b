"""Tests of the guided conversation's printed documents: builders and real PDFs read with pypdf."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from fravaer_desktop.core.conversation import (
    AgreedStep,
    Conversation,
    ConversationKind,
    ConversationStatus,
    DocumentRequest,
    Invitation,
    MeetingForm,
    NextStepKind,
    Over8Weeks,
    PaidBy,
)
from fravaer_desktop.core.guides import CONVERSATION_KINDS, load_guides
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
from fravaer_desktop.reports.conversation_documents import (
    GUIDE_FOOTER,
    MINUTES_FOOTER,
    NOT_THE_FORM,
    REMARKS_HEADING,
    SHEET_ANSWERS,
    conversation_guide_pdf,
    document_request_pdf,
    invitation_pdf,
    leaflet_pdf,
    minutes_pdf,
    noted_sections,
    opportunity_sheet_pdf,
    outcome_facts,
    section_title,
    sheet_answers,
    steps_table_rows,
)
from fravaer_desktop.reports.conversation_letters import (
    COMPANION_TEXT,
    LETTER_FOOTER,
    NO_DIAGNOSIS_DOCTOR,
    NO_DIAGNOSIS_SELF,
    PHONE_TEXT,
    RECEIPT_HEADING,
    danish_list,
    invitation_body,
    invitation_facts,
    invitation_title,
    request_facts,
)
from fravaer_desktop.reports.document import EMPLOYEE_SIGNATURE, MANAGER_SIGNATURE

GUIDES = load_guides()
COMPANY = Company(name="Bageriet Solsikken ApS", cvr="10150817", address="Torvet 3\n4000 Roskilde")
ANNA = Employee(
    id=1, name="Anna Jensen", employed_from=date(2019, 3, 1), department="Butik",
    job_title="Ekspedient",
)  # fmt: skip
PRINTED_ON = date(2026, 12, 7)
SPELL = AbsenceSpell(employee_id=1, first_day=date(2026, 11, 2), id=10)
INVITATION = Invitation(
    kind=ConversationKind.ABSENCE,
    employee_id=1,
    meeting_on=date(2026, 11, 26),  # a Thursday
    meeting_time="10:00",
    form=MeetingForm.IN_PERSON,
    place="Kontoret bag butikken",
    participants=("Mette Hansen", "Kim Larsen"),
    invited_on=date(2026, 11, 19),
    spell_id=10,
)
STEPS = (
    AgreedStep(
        NextStepKind.PARTIAL_RETURN,
        "20 timer om ugen, kun butik",
        date(2026, 12, 14),
        "Mette Hansen",
    ),  # fmt: skip
    AgreedStep(NextStepKind.OPPORTUNITY, "Anna bestiller tid hos lægen", None, "Anna Jensen"),
    AgreedStep(NextStepKind.OTHER, "Ny stol ved kassen"),
)
CONVERSATION = Conversation(
    invitation=INVITATION,
    status=ConversationStatus.HELD,
    notes={
        "ramme": "Anna og Mette. Kim var med som bisidder.",
        "trivsel": "   ",
        "funktion": "Kan stå ved disken højst 2 timer ad gangen.\nKan ikke løfte dejbaljer.",
        "hjaelp": "Høj stol ved kassen. Kolleger tager de tunge løft.",
    },
    agreements="Anna starter på 20 timer om ugen fra 14. december, kun i butikken.",
    expected_return=date(2026, 12, 14),
    over_8_weeks=Over8Weeks.NO,
    next_contact_on=date(2026, 12, 11),
    steps=STEPS,
    held_on=date(2026, 11, 26),
    id=5,
)


def pdf_text(data: bytes) -> tuple[int, str]:
    """Page count and the text of all pages with runs of white space made single spaces."""
    pages = PdfReader(io.BytesIO(data)).pages
    text = " ".join(page.extract_text() for page in pages)
    return len(pages), " ".join(text.replace("\xa0", " ").split())


def words(text: str) -> str:
    return " ".join(text.split())


def guide(kind: ConversationKind = ConversationKind.ABSENCE):
    return GUIDES.conversations[kind.value]


# --- Invitation -------------------------------------------------------------------------------


def test_invitation_facts_name_the_day_time_form_place_and_participants() -> None:
    assert invitation_facts(ANNA, INVITATION) == [
        ("Dato", "Torsdag 26. november 2026"),
        ("Tidspunkt", "Kl. 10.00"),
        ("Form", "Personligt møde"),
        ("Sted", "Kontoret bag butikken"),
        ("Deltagere", "Dig, Mette Hansen og Kim Larsen"),
    ]


def test_danish_lists() -> None:
    assert danish_list([]) == ""
    assert danish_list(["Mette"]) == "Mette"
    assert danish_list(["Mette", " ", "Kim"]) == "Mette og Kim"
    assert danish_list(["Dig", "Mette", "Kim"]) == "Dig, Mette og Kim"


def test_invitation_titles_read_as_danish_sentences() -> None:
    titles = [invitation_title(guide(kind)) for kind in ConversationKind]
    assert titles == [
        "Indkaldelse til sygefraværssamtale",
        "Indkaldelse til samtale om hyppigt fravær",
        "Indkaldelse til kontaktsamtale",
        "Indkaldelse til tilbage-til-arbejde-samtale",
        "Indkaldelse til møde om mulighedserklæring",
    ]


def test_an_own_purpose_gets_the_companion_and_phone_lines_added() -> None:
    invitation = replace(INVITATION, purpose="Vi vil gerne høre, hvordan det går.")

    assert invitation_body(invitation, guide()) == [
        "Vi vil gerne høre, hvordan det går.", COMPANION_TEXT, PHONE_TEXT,
    ]  # fmt: skip


def test_the_guide_text_is_not_repeated_and_without_companion_never_offers_one() -> None:
    with_companion = invitation_body(INVITATION, guide())
    without = invitation_body(replace(INVITATION, companion_offered=False), guide())

    assert with_companion == guide().invitation_text.split("\n\n")
    assert not any("bisidder" in text for text in without)
    assert any("telefonen" in text for text in without)


def test_a_phone_meeting_does_not_offer_the_phone_instead() -> None:
    invitation = replace(INVITATION, form=MeetingForm.PHONE, place="", purpose="Kort snak.")

    assert PHONE_TEXT not in invitation_body(invitation, guide())
    assert ("Form", "Over telefonen") in invitation_facts(ANNA, invitation)


def test_rendered_invitation() -> None:
    pages, text = pdf_text(invitation_pdf(COMPANY, ANNA, INVITATION, guide(), PRINTED_ON))

    assert pages == 1
    assert "Indkaldelse til sygefraværssamtale" in text
    assert "Til Anna Jensen · 19. november 2026" in text
    assert "Kære Anna" in text
    assert "Dato Torsdag 26. november 2026" in text and "Kl. 10.00" in text
    assert "Sted Kontoret bag butikken" in text
    assert "Dig, Mette Hansen og Kim Larsen" in text
    assert "Du er velkommen til at tage en bisidder med" in text
    assert "ret til" not in text  # the companion is welcome, not a right the letter promises
    assert "over telefonen" in text
    assert "lægepapirer" in text
    assert "kontakt Mette Hansen på telefon" in text
    assert RECEIPT_HEADING in text and "Underskrift, medarbejder" in text
    assert LETTER_FOOTER in text
    assert "Indkaldelse til sygefraværssamtale – Anna Jensen" in text


def test_rendered_invitation_with_own_purpose_and_no_companion() -> None:
    invitation = replace(
        INVITATION, kind=ConversationKind.FREQUENT, form=MeetingForm.VIDEO,
        place="Teams-link på sms", purpose="Vi vil gerne tale om dit fravær i efteråret.",
        companion_offered=False,
    )  # fmt: skip

    _, text = pdf_text(
        invitation_pdf(COMPANY, ANNA, invitation, guide(invitation.kind), PRINTED_ON)
    )

    assert "Indkaldelse til samtale om hyppigt fravær" in text
    assert "Vi vil gerne tale om dit fravær i efteråret." in text
    assert "Form Over video" in text and "Praktisk Teams-link på sms" in text
    assert "bisidder" not in text
    assert words(PHONE_TEXT) in text


# --- The manager's guide ----------------------------------------------------------------------


@pytest.mark.parametrize("kind", CONVERSATION_KINDS)
def test_rendered_guide_lists_every_section_in_order(kind: str) -> None:
    conversation_guide = GUIDES.conversations[kind]

    pdf = conversation_guide_pdf(
        COMPANY, conversation_guide, GUIDES.general_may_ask, GUIDES.general_may_not_ask,
        GUIDES.may_source, PRINTED_ON,
    )  # fmt: skip
    pages, text = pdf_text(pdf)

    assert conversation_guide.title in text and conversation_guide.source in text
    places = []
    for number, section in enumerate(conversation_guide.sections, start=1):
        title = section_title(number, section)
        assert title in text
        places.append(text.index(title))
        assert words(section.phrasings[0]) in text
    assert places == sorted(places)
    assert words(conversation_guide.preparation[0]) in text
    assert "Det må du spørge om Det må du ikke spørge om" in text
    assert words(GUIDES.general_may_not_ask[0]) in text
    for _claim, source in conversation_guide.legal_notes:
        assert words(source) in text
    assert GUIDE_FOOTER in text
    assert f"Side {pages} af {pages}" in text


def test_optional_sections_are_marked_once() -> None:
    frequent = guide(ConversationKind.FREQUENT)
    optional = next(s for s in frequent.sections if s.optional)
    plain = replace(optional, title="Dine forventninger")

    assert section_title(6, optional) == "6. Dine forventninger (valgfrit)"
    assert section_title(6, plain) == "6. Dine forventninger (valgfrit)"
    assert section_title(1, frequent.sections[0]) == "1. Velkommen og rammen"


# --- Minutes ----------------------------------------------------------------------------------


def test_only_sections_with_notes_are_in_the_minutes_in_the_guides_order() -> None:
    notes = {"hjaelp": "Høj stol.", "trivsel": " ", "ramme": "Anna og Mette.", "gammel": "Noget."}

    shown = noted_sections(replace(CONVERSATION, notes=notes), guide())

    assert shown == [
        ("Velkommen og rammen", "Anna og Mette."),
        ("Hvad kan hjælpe dig tilbage?", "Høj stol."),
        ("Øvrige noter", "Noget."),
    ]


def test_steps_table_rows() -> None:
    assert steps_table_rows(STEPS) == [
        ["Delvis tilbagevenden: 20 timer om ugen, kun butik", "Mette Hansen", "14. december 2026"],
        ["Mulighedserklæring: Anna bestiller tid hos lægen", "Anna Jensen", "Ingen frist"],
        ["Ny stol ved kassen", "–", "Ingen frist"],
    ]


def test_outcome_facts_ask_the_8_weeks_question_of_the_absence_conversation_only() -> None:
    assert outcome_facts(CONVERSATION) == [
        ("Forventet tilbage", "14. december 2026"),
        ("Fravær over 8 uger?", "Nej"),
        ("Næste kontakt", "11. december 2026"),
    ]
    frequent = replace(
        CONVERSATION, invitation=replace(INVITATION, kind=ConversationKind.FREQUENT),
        expected_return=None, next_contact_on=None, over_8_weeks=None,
    )  # fmt: skip
    assert outcome_facts(frequent) == [("Næste kontakt", "Ikke aftalt")]


def test_rendered_minutes() -> None:
    pdf = minutes_pdf(COMPANY, ANNA, CONVERSATION, guide(), SPELL, 2, PRINTED_ON)

    pages, text = pdf_text(pdf)

    assert "Referat af sygefraværssamtale" in text
    assert "Anna Jensen · Version 2 · udskrevet 7. december 2026" in text
    assert "Holdt 26. november 2026" in text and "Første fraværsdag 2. november 2026" in text
    assert "Form Personligt møde, Kontoret bag butikken" in text
    assert "Velkommen og rammen Anna og Mette. Kim var med som bisidder." in text
    assert "Kan stå ved disken højst 2 timer ad gangen. Kan ikke løfte dejbaljer." in text
    assert "Hvad kan hjælpe dig tilbage? Høj stol ved kassen." in text
    assert "Hvordan går det?" not in text  # its notes are only blanks
    assert "Kontakt, mens du er væk" not in text
    assert CONVERSATION.agreements in text
    assert "Fravær over 8 uger? Nej" in text and "Næste kontakt 11. december 2026" in text
    assert "Hvad Hvem Senest" in text
    for row in steps_table_rows(STEPS):
        assert " ".join(row) in text
    assert REMARKS_HEADING in text
    assert MANAGER_SIGNATURE in text and EMPLOYEE_SIGNATURE in text
    assert f"Version 2 · udskrevet 7. december 2026 · {MINUTES_FOOTER}" in text
    assert f"Side {pages} af {pages}" in text


def test_rendered_minutes_without_notes_steps_or_spell_say_so() -> None:
    bare = replace(CONVERSATION, notes={}, steps=(), agreements="", held_on=None)

    _, text = pdf_text(minutes_pdf(COMPANY, ANNA, bare, guide(), None, 1, PRINTED_ON))

    assert "Der er ikke skrevet noter." in text
    assert "Ingen særlige aftaler." in text and "Der er ikke aftalt flere skridt." in text
    assert "Ikke holdt endnu (planlagt 26. november 2026)" in text
    assert "Første fraværsdag" not in text and "Version 1" in text


# --- Preparation sheet ------------------------------------------------------------------------


def opportunity_conversation() -> Conversation:
    return replace(
        CONVERSATION,
        invitation=replace(INVITATION, kind=ConversationKind.OPPORTUNITY),
        notes={
            "funktion": "Kan ikke løfte over 5 kg. Kan stå højst 1 time ad gangen.",
            "opgaver": "Ekspedition: kan. Rengøring af ovne: ikke nu.",
            "varighed": "Ca. 6 uger.",
        },
        agreements="Forslag: 20 timer om ugen i 4 uger, kun butik.",
        steps=(STEPS[1],),
    )


def test_every_mapped_question_is_on_the_real_sheet() -> None:
    headings = [heading for heading, _help in GUIDES.opportunity_sheet.questions]
    assert set(SHEET_ANSWERS) <= set(headings)


def test_sheet_answers_come_from_the_matching_notes() -> None:
    answers = {h: a for h, _help, a in sheet_answers(GUIDES.opportunity_sheet,
                                                     opportunity_conversation())}  # fmt: skip

    assert answers["Hvad er svært i arbejdet lige nu?"].startswith("Kan ikke løfte over 5 kg.")
    assert answers["Hvilke opgaver er påvirket?"].startswith("Ekspedition: kan.")
    assert answers["Hvad kan arbejdspladsen tilbyde?"] == ""  # no notes in 'hjaelp'
    assert answers["Vores forslag til arbejdstid og opgaver"].startswith("Forslag: 20 timer")
    assert answers["Hvor længe venter vi, at det varer?"] == (
        "Ca. 6 uger.\n\nForventet tilbage: 14. december 2026"
    )
    assert answers["Det vil vi gerne have lægens vurdering af"] == ""
    assert answers["Frist og opfølgning"] == (
        "Næste møde eller kontakt: 11. december 2026\n\n"
        "Mulighedserklæring: Anna bestiller tid hos lægen (Anna Jensen)"
    )
    assert all(a == "" for _h, _help, a in sheet_answers(GUIDES.opportunity_sheet, None))


def test_rendered_sheet_with_the_conversations_notes() -> None:
    pdf = opportunity_sheet_pdf(
        COMPANY, ANNA, GUIDES.opportunity_sheet, opportunity_conversation(), PRINTED_ON
    )

    pages, text = pdf_text(pdf)

    assert "Forberedelse til mulighedserklæringen" in text
    assert words(NOT_THE_FORM) in text
    assert "Møde 26. november 2026" in text
    for number, (heading, _help) in enumerate(GUIDES.opportunity_sheet.questions, start=1):
        assert f"{number}. {heading}" in text
    assert "Kan ikke løfte over 5 kg." in text and "Forventet tilbage: 14. december 2026" in text
    assert MANAGER_SIGNATURE in text and EMPLOYEE_SIGNATURE in text
    assert "Forberedelse til mulighedserklæringen – Anna Jensen" in text
    assert f"Side {pages} af {pages}" in text


def test_rendered_blank_sheet() -> None:
    pdf = opportunity_sheet_pdf(COMPANY, ANNA, GUIDES.opportunity_sheet, None, PRINTED_ON)

    _, text = pdf_text(pdf)

    assert words(NOT_THE_FORM) in text and "Møde " not in text
    assert "Forventet tilbage" not in text


# --- Documentation request --------------------------------------------------------------------

REQUEST = DocumentRequest(
    employee_id=1, kind="friattest", requested_on=date(2026, 11, 23),
    deliver_by=date(2026, 11, 30), paid_by=PaidBy.EMPLOYER, spell_id=10,
)  # fmt: skip


def test_request_facts() -> None:
    facts = dict(request_facts(REQUEST, GUIDES.documentation["friattest"]))

    assert facts["Det drejer sig om"] == "Friattest"
    assert facts["Afleveres senest"] == "mandag 30. november 2026"
    assert facts["Betales af"] == "Arbejdsgiveren"


def test_rendered_request_for_a_friattest() -> None:
    kind = GUIDES.documentation["friattest"]

    pages, text = pdf_text(document_request_pdf(COMPANY, ANNA, REQUEST, kind, PRINTED_ON))

    assert pages == 1
    assert "Anmodning om friattest" in text and "Til Anna Jensen · 23. november 2026" in text
    assert "Afleveres senest mandag 30. november 2026" in text
    assert "Betales af Arbejdsgiveren" in text
    assert words(kind.request_text.split("\n\n")[0]) in text
    assert words(NO_DIAGNOSIS_DOCTOR) in text
    assert words(kind.source) in text
    assert LETTER_FOOTER in text


@pytest.mark.parametrize("kind", sorted(GUIDES.documentation))
def test_every_documentation_kind_renders_with_its_deadline(kind: str) -> None:
    request = replace(REQUEST, kind=kind, paid_by=PaidBy.EMPLOYEE)
    documentation = GUIDES.documentation[kind]

    _, text = pdf_text(document_request_pdf(COMPANY, ANNA, request, documentation, PRINTED_ON))

    assert documentation.title.lower() in text.lower()
    assert "30. november 2026" in text and "Betales af Medarbejderen" in text
    no_diagnosis = NO_DIAGNOSIS_SELF if kind == "tro_og_love" else NO_DIAGNOSIS_DOCTOR
    assert words(no_diagnosis) in text


# --- Leaflet ----------------------------------------------------------------------------------


def test_rendered_leaflet_is_about_no_one() -> None:
    leaflet = GUIDES.leaflet

    pages, text = pdf_text(leaflet_pdf(COMPANY, leaflet, PRINTED_ON))

    assert "Når du er syg" in text and "Til dig, der er ansat hos Bageriet Solsikken ApS" in text
    for heading, body in leaflet.sections:
        assert heading in text
        assert words(body.split("\n\n")[0]) in text
    for source in leaflet.sources:
        assert source in text
    assert "Anna" not in text and "Medarbejder:" not in text
    assert f"Side {pages} af {pages}" in text
