"""What conversations and documentation requests put on the Overblik: holding the § 7a
conversation marks it done, the next contact and agreed steps become items, and documentation
that has not come by its deadline is overdue."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

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
)
from fravaer_desktop.core.models import AbsencePolicy, AbsenceSpell, Company, Employee
from fravaer_desktop.core.overview import Horizon, Overview, OverviewItem, build_overview

TODAY = date(2026, 11, 23)  # a Monday
COMPANY = Company(name="Bageriet Solsikken ApS")
ANNA = Employee(id=1, name="Anna Jensen", employed_from=date(2019, 3, 1))
# Sick since Monday 2 November: the § 7a conversation is due 30 November.
SICK = AbsenceSpell(1, date(2026, 11, 2), id=11)
INVITED = Invitation(
    ConversationKind.ABSENCE, 1, date(2026, 11, 19), "10:00", MeetingForm.PHONE, "",
    ("Mette Holm",), date(2026, 11, 16), spell_id=11,
)  # fmt: skip
HELD = Conversation(
    INVITED, ConversationStatus.HELD, held_on=date(2026, 11, 19), over_8_weeks=Over8Weeks.NO,
    next_contact_on=date(2026, 11, 26), id=5,
)  # fmt: skip


def overview(conversations=(), requests=(), spells=(SICK,), today=TODAY) -> Overview:
    return build_overview(
        COMPANY, [ANNA], list(spells), [], AbsencePolicy(), today, conversations, requests
    )


def item(result: Overview, rule: str) -> OverviewItem:
    [found] = [i for i in result.items if i.rule == rule]
    return found


def test_the_7a_conversation_is_open_until_it_is_held() -> None:
    samtale = item(overview(), "samtale")
    assert (samtale.due, samtale.horizon(TODAY)) == (date(2026, 11, 30), Horizon.LATER)
    draft = replace(HELD, status=ConversationStatus.DRAFT, held_on=None)
    assert item(overview([draft]), "samtale").decision is None


def test_holding_the_7a_conversation_marks_it_done_on_the_day_it_was_held() -> None:
    samtale = item(overview([HELD]), "samtale")
    assert samtale.horizon(TODAY) is Horizon.DECIDED
    assert samtale.decision.decided_on == date(2026, 11, 19)
    assert samtale.decision.reason == "Sygefraværssamtale holdt 19. november 2026"


def test_a_conversation_about_another_absence_does_not_close_this_one() -> None:
    other = replace(HELD, invitation=replace(INVITED, spell_id=99))
    assert item(overview([other]), "samtale").decision is None


def test_the_agreed_next_contact_is_an_item_until_the_next_conversation_is_held() -> None:
    contact = item(overview([HELD]), "naeste_kontakt")
    assert (contact.due, contact.title, contact.detail) == (
        date(2026, 11, 26), "Aftalt kontakt", "Aftalt i sygefraværssamtale holdt 19. november 2026",
    )  # fmt: skip
    assert contact.horizon(TODAY) is Horizon.THIS_WEEK
    follow_up = Conversation(
        replace(INVITED, kind=ConversationKind.CONTACT, meeting_on=date(2026, 11, 23)),
        ConversationStatus.HELD, held_on=date(2026, 11, 23), id=6,
    )  # fmt: skip
    contact = item(overview([HELD, follow_up]), "naeste_kontakt")
    assert contact.decision.decided_on == date(2026, 11, 23)
    assert contact.decision.reason == "Kontaktsamtale holdt 23. november 2026"


def test_agreed_steps_due_the_same_day_are_one_item_with_who_does_them() -> None:
    steps = (
        AgreedStep(
            NextStepKind.OPPORTUNITY, "Mette sender blanketten", date(2026, 11, 25), "Mette"
        ),
        AgreedStep(NextStepKind.OTHER, "Anna ringer til jobcentret", date(2026, 11, 25), "Anna"),
        AgreedStep(NextStepKind.PARTIAL_RETURN, "4 timer om dagen", date(2026, 12, 7)),
    )
    result = overview([replace(HELD, steps=steps)])
    agreed = sorted((i for i in result.items if i.rule == "aftalt_skridt"), key=lambda i: i.due)
    assert [(i.due, i.title) for i in agreed] == [
        (date(2026, 11, 25),
         "Aftalt: Mulighedserklæring: Mette sender blanketten; Anna ringer til jobcentret"),
        (date(2026, 12, 7), "Aftalt: Delvis tilbagevenden: 4 timer om dagen"),
    ]  # fmt: skip
    assert agreed[0].detail.endswith("ansvarlig: Anna, Mette")


def test_a_held_frequent_absence_talk_closes_the_suggestion_until_a_new_absence_begins() -> None:
    short = [AbsenceSpell(1, date(2026, m, d), last_day=date(2026, m, d), id=20 + m)
             for m, d in ((7, 6), (8, 10), (9, 14), (10, 19))]  # fmt: skip
    talk = Conversation(
        Invitation(ConversationKind.FREQUENT, 1, date(2026, 11, 2), "9:00",
                   MeetingForm.IN_PERSON, "Kontoret", ("Mette Holm",), date(2026, 10, 28)),
        ConversationStatus.HELD, held_on=date(2026, 11, 2), id=7,
    )  # fmt: skip
    assert item(overview(spells=short), "fravaerssamtale").decision is None
    assert item(overview([talk], spells=short), "fravaerssamtale").horizon(TODAY) is (
        Horizon.DECIDED
    )
    again = [*short, AbsenceSpell(1, date(2026, 11, 16), last_day=date(2026, 11, 16), id=40)]
    assert item(overview([talk], spells=again), "fravaerssamtale").decision is None


def test_documentation_not_received_by_its_deadline_is_overdue_and_received_is_done() -> None:
    asked = DocumentRequest(1, "friattest", date(2026, 11, 3), date(2026, 11, 10), spell_id=11)
    document = item(overview(requests=[asked]), "dokumentation")
    assert (document.title, document.due, document.detail) == (
        "Dokumentation for fraværet: Friattest", date(2026, 11, 10), "Bedt om 3. november 2026",
    )  # fmt: skip
    assert document.horizon(TODAY) is Horizon.OVERDUE
    received = replace(asked, received_on=date(2026, 11, 9))
    document = item(overview(requests=[received]), "dokumentation")
    assert document.horizon(TODAY) is Horizon.DECIDED
    assert document.decision.decided_on == date(2026, 11, 9)


def test_a_conversation_long_before_the_agreed_contact_does_not_count_as_the_contact() -> None:
    # Contact agreed for 26 November; a mulighedserklæring meeting on 18 November is something
    # else, held more than 7 days before: the contact is still to be made.
    meeting = Conversation(
        replace(INVITED, kind=ConversationKind.OPPORTUNITY, meeting_on=date(2026, 11, 18)),
        ConversationStatus.HELD, held_on=date(2026, 11, 18), id=8,
    )  # fmt: skip
    assert item(overview([HELD, meeting]), "naeste_kontakt").decision is None


def contact_days(result: Overview) -> dict[str, str | None]:
    """The contact routine's items by title, with the reason they are done (None: open)."""
    return {
        i.title: (i.decision.reason if i.decision else None)
        for i in result.items
        if i.rule == "kontakt"
    }


def test_a_conversation_about_the_absence_counts_as_the_routine_contact_near_its_day() -> None:
    """Contact days 1, 5 and 14 (2, 6 and 15 November). The § 7a conversation held on 19
    November is the contact of day 14 (made late); days 1 and 5 were not made by it."""
    assert contact_days(overview([HELD])) == {
        "Kontakt medarbejderen (dag 1)": None,
        "Kontakt medarbejderen (dag 5)": None,
        "Kontakt medarbejderen (dag 14)": "Sygefraværssamtale holdt 19. november 2026",
    }
    [day_14] = [i for i in overview([HELD]).items if i.title.endswith("(dag 14)")]
    assert (day_14.decision.decided_on, day_14.horizon(TODAY)) == (
        date(2026, 11, 19), Horizon.DECIDED,
    )  # fmt: skip


def test_a_contact_talk_counts_from_7_days_before_a_contact_day_until_the_next() -> None:
    """Held on day 3 (4 November): the contact of day 1 made late and of day 5 made early;
    day 14 is more than 7 days later and still to do."""
    talk = Conversation(
        replace(INVITED, kind=ConversationKind.CONTACT, meeting_on=date(2026, 11, 4)),
        ConversationStatus.HELD, held_on=date(2026, 11, 4), id=7,
    )  # fmt: skip
    assert contact_days(overview([talk])) == {
        "Kontakt medarbejderen (dag 1)": "Kontaktsamtale holdt 4. november 2026",
        "Kontakt medarbejderen (dag 5)": "Kontaktsamtale holdt 4. november 2026",
        "Kontakt medarbejderen (dag 14)": None,
    }


def test_a_draft_or_a_conversation_about_another_absence_is_no_contact() -> None:
    draft = replace(HELD, status=ConversationStatus.DRAFT, held_on=None)
    other = replace(HELD, invitation=replace(INVITED, spell_id=99))
    assert set(contact_days(overview([draft, other])).values()) == {None}
