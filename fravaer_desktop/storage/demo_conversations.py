"""The demo company's conversations and documentation: a held § 7a conversation for the long
absence, a talk about frequent absence, a draft invitation and a friattest asked for.

The notes are what a careful manager writes: functions, arrangements and agreements, never
what anyone is ill with (a test runs the privacy check over them).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import NamedTuple

from fravaer_desktop.core.calendar import is_working_day
from fravaer_desktop.core.conversation import (
    AgreedStep,
    ConversationKind,
    DocumentRequest,
    Invitation,
    MeetingForm,
    NextStepKind,
    Over8Weeks,
    PaidBy,
)
from fravaer_desktop.storage.conversation_repository import (
    ConversationRepository,
    DocumentRequestRepository,
)
from fravaer_desktop.storage.repositories import Store


class _AsOf(NamedTuple):
    """The parts of a Store the demo's conversations use, judged on the demo's day."""

    employees: object
    absences: object
    conversations: ConversationRepository
    document_requests: DocumentRequestRepository


MANAGER = "Anders Pedersen, daglig leder"

ABSENCE_NOTES = {
    "ramme": "Mødtes på kontoret. Rasmus ville gerne tale om, hvordan han kommer tilbage.",
    "trivsel": "Savner kollegerne og rutinen. Sover bedre end for to uger siden.",
    "funktion": (
        "Kan ikke stå ved komfuret en hel vagt endnu og kan ikke løfte de store gryder. "
        "Kan klare forberedelse siddende og bestilling af varer."
    ),
    "tilbagevenden": "Regner med at kunne begynde på nedsat tid om et par uger.",
    "hjaelp": (
        "Kortere vagter på 4 timer, kun formiddag. Kolleger tager løft af gryder og kasser. "
        "Pause hver anden time."
    ),
    "kontakt": "Vi ringer sammen hver fredag. Kollegerne får at vide, at han er sygemeldt og "
    "ventes tilbage på nedsat tid; ikke mere.",
    "naeste_skridt": "Vi laver en plan for delvis tilbagevenden på næste møde.",
}

OPPORTUNITY_NOTES = {
    "ramme": "Møde om del 1 af mulighedserklæringen. Rasmus tager blanketten med bagefter.",
    "funktion": (
        "Kan ikke stå op mere end en time ad gangen og kan ikke løfte over 10 kg. Kan arbejde "
        "siddende og gå korte ture."
    ),
    "opgaver": (
        "Svært nu: vagter ved komfuret, løft af gryder og varemodtagelse. Muligt: forberedelse "
        "ved bordet, bestilling af varer, menuplan."
    ),
    "hjaelp": "4 timer om formiddagen, skammel ved bordet, kolleger tager alle løft.",
    "varighed": "Vi foreslår ordningen i 4 uger og ser så på den igen.",
    "naeste_skridt": "Rasmus afleverer den udfyldte erklæring inden for 14 dage.",
}

FREQUENT_NOTES = {
    "ramme": "Støttende samtale, ikke en advarsel. Maria havde selv bedt om at tale om vagterne.",
    "trivsel": "Glad for arbejdet, men trætte mandage efter weekendvagter.",
    "fravaeret": "Fire korte fravær det seneste halve år, de fleste om mandagen.",
    "arbejdsmiljoe": "Travlt i weekenden, når caféen er fuld, og to kolleger har været væk.",
    "hjaelp": "Færre lukkevagter lørdag; fast fridag mandag i en prøveperiode.",
    "naeste_skridt": "Vagtplanen ændres fra næste måned. Vi følger op om seks uger.",
}


def add_demo_conversations(store: Store, today: date) -> None:
    """Add the demo's conversations and documentation (inside the demo's transaction).

    The demo's `today` may differ from the store's: the repositories here check against it."""
    spells_of = store.absences.for_employee
    store = _AsOf(
        store.employees, store.absences,
        ConversationRepository(store.db, spells_of, lambda: today),
        DocumentRequestRepository(store.db, spells_of, lambda: today),
    )  # fmt: skip
    staff = {e.name: e for e in store.employees.list_all()}
    spells = store.absences.all()

    def ongoing_spell(name: str):
        own = [s for s in spells if s.employee_id == staff[name].id and s.covers(today)]
        return own[-1] if own else None

    rasmus, rasmus_spell = staff["Rasmus Schmidt"], ongoing_spell("Rasmus Schmidt")
    if rasmus_spell is not None:
        _held_absence_conversation(store, today, rasmus.id, rasmus_spell)
    maria = staff["Maria Christensen"]
    _held_frequent_talk(store, today, maria.id)
    henrik_spell = ongoing_spell("Henrik Mortensen")
    if henrik_spell is not None:
        store.conversations.start(
            Invitation(
                ConversationKind.ABSENCE,
                staff["Henrik Mortensen"].id,
                _working_day_after(today, 3),
                "13:00",
                MeetingForm.PHONE,
                "",
                (MANAGER,),
                today,
                henrik_spell.id,
                purpose="Vi vil gerne høre, hvordan det går, og tale om, hvordan du kan komme "
                "tilbage.",
            )  # fmt: skip
        )
    julie_spell = ongoing_spell("Julie Larsen")
    if julie_spell is not None:
        store.document_requests.save(
            DocumentRequest(
                staff["Julie Larsen"].id,
                "friattest",
                today,
                today + timedelta(days=7),
                PaidBy.EMPLOYER,
                julie_spell.id,
            )  # fmt: skip
        )


def _held_absence_conversation(store: Store, today: date, employee_id: int, spell) -> None:
    """The § 7a conversation of the long absence, held in its third week, with a friattest
    asked for early on and received."""
    met = _working_day_after(spell.first_day, 13)
    invited = _working_day_before(met, 3)
    repository = store.conversations
    saved = repository.start(
        Invitation(
            ConversationKind.ABSENCE,
            employee_id,
            met,
            "10:00",
            MeetingForm.IN_PERSON,
            "Kontoret bag caféen",
            (MANAGER,),
            invited,
            spell.id,
            purpose="Vi vil gerne høre, hvordan det går, og tale om, hvordan og hvornår du kan "
            "komme tilbage.",
        ),  # fmt: skip
        invited,
    )
    for section, text in ABSENCE_NOTES.items():
        repository.save_note(saved.id, section, text)
    held = repository.get(saved.id)
    repository.mark_held(
        replace(
            held,
            agreements="Rasmus afleverer mulighedserklæringen, når den er udfyldt. Vi taler om "
            "en plan for delvis tilbagevenden på næste møde.",
            expected_return=spell.expected_return,
            over_8_weeks=Over8Weeks.UNKNOWN,
            next_contact_on=_working_day_after(today, 3),
            steps=(
                AgreedStep(
                    NextStepKind.OPPORTUNITY,
                    "Anders sender blanketten",
                    _working_day_after(met, 2),
                    "Anders",
                ),
                AgreedStep(
                    NextStepKind.PARTIAL_RETURN,
                    "4 timer om formiddagen",
                    _working_day_after(today, 10),
                    "Rasmus og Anders",
                ),
            ),
            held_on=met,
        ),  # fmt: skip
        met,
    )
    _held_opportunity_meeting(store, employee_id, spell, _working_day_after(met, 2))
    asked = _working_day_after(spell.first_day, 3)
    store.document_requests.save(
        DocumentRequest(
            employee_id,
            "friattest",
            asked,
            asked + timedelta(days=7),
            PaidBy.EMPLOYER,
            spell.id,
            received_on=asked + timedelta(days=4),
        )  # fmt: skip
    )


def _held_opportunity_meeting(store: Store, employee_id: int, spell, met: date) -> None:
    """Part 1 of the mulighedserklæring, filled in together two days after the 7a talk."""
    repository = store.conversations
    invited = _working_day_before(met, 1)
    saved = repository.start(
        Invitation(
            ConversationKind.OPPORTUNITY,
            employee_id,
            met,
            "09:30",
            MeetingForm.IN_PERSON,
            "Kontoret bag caféen",
            (MANAGER,),
            invited,
            spell.id,
        ),  # fmt: skip
        invited,
    )
    for section, text in OPPORTUNITY_NOTES.items():
        repository.save_note(saved.id, section, text)
    held = repository.get(saved.id)
    repository.mark_held(
        replace(held, agreements="Blanketten afleveres inden for 14 dage.", held_on=met), met
    )


def _held_frequent_talk(store: Store, today: date, employee_id: int) -> None:
    met = _working_day_before(today, 2)
    repository = store.conversations
    saved = repository.start(
        Invitation(
            ConversationKind.FREQUENT,
            employee_id,
            met,
            "14:30",
            MeetingForm.IN_PERSON,
            "Kontoret bag caféen",
            (MANAGER,),
            _working_day_before(met, 3),
        ),  # fmt: skip
        _working_day_before(met, 3),
    )
    for section, text in FREQUENT_NOTES.items():
        repository.save_note(saved.id, section, text)
    held = repository.get(saved.id)
    repository.mark_held(
        replace(
            held,
            agreements="Ny vagtplan fra næste måned.",
            next_contact_on=today + timedelta(days=40),
            held_on=met,
        ),  # fmt: skip
        met,
    )


def _working_day_after(day: date, working_days: int) -> date:
    while working_days > 0:
        day += timedelta(days=1)
        working_days -= is_working_day(day)
    return day


def _working_day_before(day: date, working_days: int) -> date:
    while working_days > 0:
        day -= timedelta(days=1)
        working_days -= is_working_day(day)
    return day
