"""Inviting to a conversation: what is refused (at the field, in Danish) and what is warned."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from fravaer_desktop.core.conversation import (
    ConversationKind,
    Invitation,
    MeetingForm,
    absence_conversation_due,
    check_invitation,
)
from fravaer_desktop.core.guides import CONVERSATION_KINDS
from fravaer_desktop.core.models import AbsenceSpell

TODAY = date(2026, 11, 23)  # a Monday
SICK = AbsenceSpell(1, date(2026, 11, 9), id=7)  # sick since Monday 9 November, still sick
BACK = AbsenceSpell(1, date(2026, 10, 5), last_day=date(2026, 10, 9), id=8)
INVITE = Invitation(
    kind=ConversationKind.ABSENCE,
    employee_id=1,
    meeting_on=date(2026, 11, 26),
    meeting_time="10:00",
    form=MeetingForm.IN_PERSON,
    place="Kontoret bag butikken",
    participants=("Mette Holm, indehaver",),
    invited_on=TODAY,
)


def test_a_good_invitation_to_the_absence_conversation_has_no_problems() -> None:
    assert check_invitation(INVITE, [SICK], TODAY) == ([], [])


def test_the_kinds_are_the_kinds_the_guides_describe() -> None:
    assert tuple(ConversationKind) == CONVERSATION_KINDS


def test_the_7a_deadline_is_4_weeks_after_day_1() -> None:
    assert absence_conversation_due(SICK) == date(2026, 12, 7)


REFUSED = [
    pytest.param(replace(INVITE, meeting_on=date(2026, 11, 20)), [SICK], "meeting_on",
                 "Mødedatoen er passeret. Vælg en dag fra i dag.", id="a meeting in the past"),
    pytest.param(replace(INVITE, meeting_on=date(2026, 11, 23), spell_id=9),
                 [replace(SICK, id=9, first_day=date(2026, 11, 25))], "meeting_on",
                 "Mødet ligger før fraværet begyndte (25. november 2026). Vælg en senere dag.",
                 id="a meeting before the absence began"),
    pytest.param(INVITE, [BACK], "kind",
                 "Medarbejderen har intet igangværende fravær. Vælg en samtale om hyppigt fravær "
                 "eller en tilbage-til-arbejde-samtale i stedet.",
                 id="a 7a conversation without an ongoing absence"),
    pytest.param(replace(INVITE, participants=("  ",)), [SICK], "participants",
                 "Skriv mindst én deltager ud over medarbejderen.", id="no participants"),
    pytest.param(replace(INVITE, meeting_time="kl ti"), [SICK], "meeting_time",
                 "Skriv klokkeslættet som fx 10:00.", id="a time that is not a time"),
    pytest.param(replace(INVITE, place=""), [SICK], "place",
                 "Skriv, hvor I mødes, fx 'kontoret bag butikken'.", id="a meeting with no place"),
]  # fmt: skip


@pytest.mark.parametrize(("invitation", "spells", "field", "message"), REFUSED)
def test_an_invitation_that_cannot_be_sent_is_refused_at_its_field(
    invitation, spells, field, message
) -> None:
    errors, _ = check_invitation(invitation, spells, TODAY)

    assert [(e.field, e.message) for e in errors] == [(field, message)]


@pytest.mark.parametrize(
    "kind", [ConversationKind.FREQUENT, ConversationKind.RETURN], ids=lambda k: k.value
)
def test_a_frequent_absence_or_return_talk_needs_no_ongoing_absence(kind) -> None:
    assert check_invitation(replace(INVITE, kind=kind), [BACK], TODAY) == ([], [])


def test_a_phone_conversation_needs_no_place() -> None:
    phone = replace(INVITE, form=MeetingForm.PHONE, place="")

    assert check_invitation(phone, [SICK], TODAY) == ([], [])


def test_short_notice_is_warned_not_refused() -> None:
    # Invited Monday for Tuesday: no whole working day between.
    errors, warnings = check_invitation(
        replace(INVITE, meeting_on=date(2026, 11, 24)), [SICK], TODAY
    )

    assert errors == []
    assert warnings == [
        "Kort varsel: der er under 2 arbejdsdage til mødet. Giv gerne medarbejderen tid til at "
        "forberede sig og finde en bisidder."
    ]


def test_two_working_days_between_is_enough_notice() -> None:
    # Invited Monday for Thursday: Tuesday and Wednesday between.
    assert check_invitation(INVITE, [SICK], TODAY)[1] == []


def test_a_meeting_after_the_7a_deadline_is_warned() -> None:
    late = replace(INVITE, meeting_on=date(2026, 12, 8))

    errors, warnings = check_invitation(late, [SICK], TODAY)

    assert errors == []
    assert warnings == [
        "Mødet ligger efter fristen for sygefraværssamtalen (7. december 2026, 4 uger efter "
        "første fraværsdag). Hold den hellere før – eventuelt over telefonen, hvis "
        "medarbejderen ikke kan møde op."
    ]


# --- Holding the conversation, documentation requests, the meeting in the calendar ----------


def _held(**changes):
    from fravaer_desktop.core.conversation import Conversation, ConversationStatus, Over8Weeks

    values = {"invitation": INVITE, "status": ConversationStatus.DRAFT, "id": 1,
              "held_on": date(2026, 11, 23), "over_8_weeks": Over8Weeks.NO}  # fmt: skip
    return Conversation(**{**values, **changes})


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        pytest.param({"held_on": None}, "held_on", "Skriv den dag, samtalen blev holdt.",
                     id="no day held"),
        pytest.param({"held_on": date(2026, 11, 24)}, "held_on",
                     "Samtalen kan ikke være holdt en dag, der ikke er kommet endnu.",
                     id="held tomorrow"),
        pytest.param({"over_8_weeks": None}, "over_8_weeks",
                     "Svar på, om fraværet ventes at vare mere end 8 uger "
                     "(ja, nej eller ved ikke endnu).", id="the 7a question unanswered"),
        pytest.param({"next_contact_on": date(2026, 11, 20)}, "next_contact_on",
                     "Næste kontakt skal ligge efter samtalen.", id="next contact before"),
    ],
)  # fmt: skip
def test_marking_a_conversation_held_is_refused_with_a_reason(changes, field, message) -> None:
    from fravaer_desktop.core.conversation import check_held

    assert [(e.field, e.message) for e in check_held(_held(**changes), [SICK], TODAY)] == [
        (field, message)
    ]


def test_a_frequent_absence_talk_needs_no_answer_about_8_weeks() -> None:
    from fravaer_desktop.core.conversation import check_held

    talk = _held(over_8_weeks=None, invitation=replace(INVITE, kind=ConversationKind.FREQUENT))
    assert check_held(talk, [], TODAY) == []


def test_a_documentation_deadline_before_the_request_is_refused() -> None:
    from fravaer_desktop.core.conversation import DocumentRequest, check_document_request

    request = DocumentRequest(1, "friattest", TODAY, date(2026, 11, 20), spell_id=7)
    assert [e.field for e in check_document_request(request, [SICK], TODAY)] == ["deliver_by"]


def test_the_meeting_in_the_calendar_says_who_when_and_where_but_not_why() -> None:
    from datetime import datetime

    from icalendar import Calendar

    from fravaer_desktop.core.calendar_export import meeting_calendar

    ics = meeting_calendar(INVITE, "Anna Jensen", "Bageriet", datetime(2026, 11, 23, 9))
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["summary"]) == "Møde med Anna Jensen"
    assert event.decoded("dtstart") == datetime(2026, 11, 26, 10, 0)
    assert str(event["location"]) == "Kontoret bag butikken"
    assert str(event["description"]) == (
        "Møde med Anna Jensen. Åbn Fravær for at se detaljer og markere opgaven som klaret."
    )
    text = ics.decode("utf-8").lower()
    for word in ("syg", "samtale", "diagnose", "7a"):
        assert word not in text
