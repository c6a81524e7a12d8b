"""Conversations are stored as drafts while written, held once, and their minutes kept as printed;
documentation requests are stored with their dates. Nothing wrong is stored half-way."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from fravaer_desktop.core.conversation import (
    AgreedStep,
    ConversationKind,
    ConversationStatus,
    DocumentRequest,
    Invitation,
    MeetingForm,
    NextStepKind,
    Over8Weeks,
    PaidBy,
)
from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.core.validation import ValidationError

# conftest: today is Monday 23 November 2026


@pytest.fixture
def anna(company_store):
    return company_store.employees.list_all()[0]


@pytest.fixture
def sick(company_store, anna):
    """Anna is sick since Monday 9 November 2026."""
    return company_store.absences.add(AbsenceSpell(anna.id, date(2026, 11, 9)))


@pytest.fixture
def invitation(anna, sick, today):
    return Invitation(
        kind=ConversationKind.ABSENCE,
        employee_id=anna.id,
        meeting_on=date(2026, 11, 26),
        meeting_time="10.00",
        form=MeetingForm.IN_PERSON,
        place="Kontoret bag butikken",
        participants=("Mette Holm, indehaver", " "),
        invited_on=today,
        spell_id=sick.id,
        purpose="Vi vil gerne høre, hvordan det går, og tale om, hvordan du kan komme tilbage.",
    )


def test_an_invitation_is_stored_as_a_draft_with_its_details(company_store, invitation):
    started = company_store.conversations.start(invitation)
    assert started.status is ConversationStatus.DRAFT
    assert started.invitation == replace(
        invitation, meeting_time="10:00", participants=("Mette Holm, indehaver",)
    )
    assert company_store.conversations.for_employee(invitation.employee_id) == [started]


def test_a_second_draft_of_the_same_conversation_is_refused_and_not_stored(
    company_store, invitation
):
    company_store.conversations.start(invitation)
    with pytest.raises(ValidationError) as caught:
        company_store.conversations.start(replace(invitation, meeting_on=date(2026, 11, 27)))
    assert caught.value.message_for("kind") == (
        "Der er allerede en kladde til denne samtale (møde 26. november 2026). Åbn kladden og "
        "ret den i stedet for at begynde en ny."
    )
    assert len(company_store.conversations.all()) == 1


def test_the_database_itself_refuses_two_drafts(company_store, invitation):
    first = company_store.conversations.start(invitation)
    with pytest.raises(sqlite3.IntegrityError):
        with company_store.db.atomic():
            company_store.db.execute(
                "INSERT INTO conversations (employee_id, spell_id, kind, invited_on, meeting_on, "
                "meeting_time, form, changed_at) SELECT employee_id, spell_id, kind, invited_on, "
                "meeting_on, meeting_time, form, changed_at FROM conversations WHERE id = ?",
                (first.id,),
            )


def test_a_wrong_invitation_is_refused_at_the_field_and_nothing_is_stored(
    company_store, invitation
):
    with pytest.raises(ValidationError) as caught:
        company_store.conversations.start(replace(invitation, participants=()))
    assert caught.value.message_for("participants") == (
        "Skriv mindst én deltager ud over medarbejderen."
    )
    assert company_store.conversations.all() == []


def test_notes_are_saved_per_section_as_they_are_typed(company_store, invitation):
    conversation = company_store.conversations.start(invitation)
    company_store.conversations.save_note(conversation.id, "trivsel", "Sover bedre")
    company_store.conversations.save_note(conversation.id, "trivsel", "Sover bedre nu, glad")
    company_store.conversations.save_note(conversation.id, "funktioner", "Kan ikke løfte")
    company_store.conversations.save_note(conversation.id, "funktioner", "  ")
    stored = company_store.conversations.get(conversation.id)
    assert stored.notes == {"trivsel": "Sover bedre nu, glad"}


def test_holding_the_conversation_stores_the_record_and_the_steps(company_store, invitation):
    conversation = company_store.conversations.start(invitation)
    steps = (
        AgreedStep(NextStepKind.PARTIAL_RETURN, "4 timer om dagen", date(2026, 12, 7), "Anna"),
        AgreedStep(NextStepKind.OPPORTUNITY, "Mette bestiller tid", date(2026, 11, 30), "Mette"),
    )
    held = company_store.conversations.mark_held(
        replace(
            conversation,
            held_on=date(2026, 11, 23),
            over_8_weeks=Over8Weeks.NO,
            expected_return=date(2026, 12, 7),
            next_contact_on=date(2026, 12, 1),
            steps=steps,
            agreements="Vi ringer sammen tirsdag.",
        )  # fmt: skip
    )
    assert held.status is ConversationStatus.HELD
    assert (held.held_on, held.over_8_weeks, held.next_contact_on) == (
        date(2026, 11, 23), Over8Weeks.NO, date(2026, 12, 1),
    )  # fmt: skip
    assert held.steps == steps
    # Held, it is no longer a draft: a new conversation of the same kind may begin.
    assert (
        company_store.conversations.draft_of(
            invitation.employee_id, invitation.kind, invitation.spell_id
        )
        is None
    )


def test_the_7a_conversation_cannot_be_held_without_the_8_weeks_answer(company_store, invitation):
    conversation = company_store.conversations.start(invitation)
    with pytest.raises(ValidationError) as caught:
        company_store.conversations.mark_held(replace(conversation, held_on=date(2026, 11, 23)))
    assert "mere end 8 uger" in caught.value.message_for("over_8_weeks")
    assert company_store.conversations.get(conversation.id).status is ConversationStatus.DRAFT


def test_printed_minutes_are_kept_and_a_new_version_comes_only_after_a_change(
    company_store, invitation
):
    repo = company_store.conversations
    conversation = repo.start(invitation)
    assert repo.next_minutes_version(conversation.id) == 1
    repo.add_minutes(conversation.id, b"%PDF-1 first", date(2026, 11, 23))
    assert repo.next_minutes_version(conversation.id) == 1  # nothing changed since
    repo.save_note(conversation.id, "trivsel", "Tilføjet efter mødet")
    assert repo.next_minutes_version(conversation.id) == 2
    repo.add_minutes(conversation.id, b"%PDF-1 second", date(2026, 11, 24))
    versions = repo.minutes(conversation.id)
    assert [(v.version, v.printed_on, v.pdf) for v in versions] == [
        (1, date(2026, 11, 23), b"%PDF-1 first"),
        (2, date(2026, 11, 24), b"%PDF-1 second"),
    ]


def test_deleting_the_employee_deletes_the_conversations(company_store, invitation):
    conversation = company_store.conversations.start(invitation)
    company_store.conversations.save_note(conversation.id, "trivsel", "Ok")
    company_store.employees.delete(invitation.employee_id)
    assert company_store.conversations.all() == []
    assert company_store.db.rows("SELECT * FROM conversation_notes") == []


def test_a_document_request_is_stored_and_received(company_store, anna, sick, today):
    request = company_store.document_requests.save(
        DocumentRequest(anna.id, "friattest", today, date(2026, 11, 30), PaidBy.EMPLOYER, sick.id)
    )
    assert request.is_overdue(date(2026, 12, 1))
    received = company_store.document_requests.mark_received(request.id, today)
    assert received.received_on == today
    assert not received.is_overdue(date(2026, 12, 1))


def test_a_document_received_before_it_was_requested_is_refused(company_store, anna, sick, today):
    with pytest.raises(ValidationError) as caught:
        company_store.document_requests.save(
            DocumentRequest(
                anna.id,
                "friattest",
                date(2026, 11, 20),
                date(2026, 11, 27),
                spell_id=sick.id,
                received_on=date(2026, 11, 19),
            )  # fmt: skip
        )
    assert caught.value.message_for("received_on") == (
        "Dokumentationen kan ikke være modtaget, før du bad om den. Ret datoen for modtagelse."
    )
    assert company_store.document_requests.all() == []
