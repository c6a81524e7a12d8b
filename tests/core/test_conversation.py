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
