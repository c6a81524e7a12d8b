"""The guided conversation: its kinds, the invitation, and the checks on an invitation.

Qt-free and database-free. The texts of each kind live in `resources/guides/` (`core.guides`);
the legal numbers (the § 7a deadline) and the company's good-practice notice in the rules table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from fravaer_desktop.core.calendar import count_working_days
from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell
from fravaer_desktop.core.rules import latest, rule_for
from fravaer_desktop.core.validation import FieldError

TIME_OF_DAY = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


class ConversationKind(StrEnum):
    """The kinds of conversation; the values are the kinds of `core.guides`."""

    ABSENCE = "sygefravaerssamtale"  # § 7a
    FREQUENT = "fravaerssamtale"  # the company's policy on frequent short absence
    CONTACT = "kontaktsamtale"  # during a long absence
    RETURN = "tilbage_til_arbejde"
    OPPORTUNITY = "mulighedserklaering"  # meeting on mulighedserklæring part 1

    @property
    def title(self) -> str:
        """The short name the Overblik uses (the guides hold the long texts)."""
        return {
            "sygefravaerssamtale": "Sygefraværssamtale",
            "fravaerssamtale": "Fraværssamtale",
            "kontaktsamtale": "Kontaktsamtale",
            "tilbage_til_arbejde": "Tilbage-til-arbejde-samtale",
            "mulighedserklaering": "Møde om mulighedserklæring",
        }[self]

    @property
    def needs_ongoing_absence(self) -> bool:
        """A § 7a conversation, a contact talk and the mulighedserklæring meeting are about an
        absence running now; a frequent-absence talk and a return talk are not."""
        return self in (ConversationKind.ABSENCE, ConversationKind.CONTACT,
                        ConversationKind.OPPORTUNITY)  # fmt: skip


class MeetingForm(StrEnum):
    """How the conversation is held."""

    IN_PERSON = "fremmoede"
    PHONE = "telefon"
    VIDEO = "video"

    @property
    def title(self) -> str:
        return {"fremmoede": "Personligt møde", "telefon": "Telefon", "video": "Video"}[self]


@dataclass(frozen=True)
class Invitation:
    """What the manager decides when inviting: when, how, where and who."""

    kind: ConversationKind
    employee_id: int
    meeting_on: date
    meeting_time: str
    form: MeetingForm
    place: str
    participants: tuple[str, ...]
    invited_on: date
    spell_id: int | None = None
    companion_offered: bool = True
    purpose: str = ""  # the purpose in plain words, printed in the letter


def check_invitation(
    invitation: Invitation, spells: Iterable[AbsenceSpell], today: date
) -> tuple[list[FieldError], list[str]]:
    """The problems that refuse an invitation (Danish, per field) and the warnings that do not.

    `spells` are the employee's absence spells. The invitation's absence is `spell_id`, or the
    absence running on the day of invitation.
    """
    spells = list(spells)
    errors: list[FieldError] = []
    warnings: list[str] = []
    absence = _absence_of(invitation, spells)
    if invitation.meeting_on < today:
        errors.append(FieldError("meeting_on", "Mødedatoen er passeret. Vælg en dag fra i dag."))
    if absence is not None and invitation.meeting_on < absence.first_day:
        errors.append(
            FieldError(
                "meeting_on",
                f"Mødet ligger før fraværet begyndte ({long_date(absence.first_day)}). "
                "Vælg en senere dag.",
            )
        )
    if invitation.kind.needs_ongoing_absence and (absence is None or not absence.is_ongoing):
        errors.append(
            FieldError(
                "kind",
                "Medarbejderen har intet igangværende fravær. Vælg en samtale om hyppigt fravær "
                "eller en tilbage-til-arbejde-samtale i stedet.",
            )
        )
    if not TIME_OF_DAY.match(invitation.meeting_time.strip()):
        errors.append(FieldError("meeting_time", "Skriv klokkeslættet som fx 10:00."))
    if not [p for p in invitation.participants if p.strip()]:
        errors.append(FieldError("participants", "Skriv mindst én deltager ud over medarbejderen."))
    if invitation.form is MeetingForm.IN_PERSON and not invitation.place.strip():
        errors.append(FieldError("place", "Skriv, hvor I mødes, fx 'kontoret bag butikken'."))
    if errors:
        return errors, warnings
    notice = latest("indkaldelse").numbers["min_notice_working_days"]
    if _working_days_notice(invitation) < notice:
        warnings.append(
            f"Kort varsel: der er under {notice} arbejdsdage til mødet. Giv gerne medarbejderen "
            "tid til at forberede sig og finde en bisidder."
        )
    if invitation.kind is ConversationKind.ABSENCE and absence is not None:
        due = absence_conversation_due(absence)
        if due is not None and invitation.meeting_on > due:
            weeks = latest("samtale").numbers["due_days"] // 7
            warnings.append(
                f"Mødet ligger efter fristen for sygefraværssamtalen ({long_date(due)}, {weeks} "
                "uger efter første fraværsdag). Hold den hellere før – eventuelt over telefonen, "
                "hvis medarbejderen ikke kan møde op."
            )
    return errors, warnings


def absence_conversation_due(absence: AbsenceSpell) -> date | None:
    """The § 7a deadline of an absence (day 1 + 28), or None when the rule does not apply."""
    version = rule_for("samtale", absence.first_day, absence.kind)
    return absence.first_day + version.days("due_days") if version is not None else None


def _absence_of(invitation: Invitation, spells: list[AbsenceSpell]) -> AbsenceSpell | None:
    if invitation.spell_id is not None:
        return next((s for s in spells if s.id == invitation.spell_id), None)
    return next(
        (s for s in spells if s.covers(invitation.invited_on) and s.kind != AbsenceKind.CHILD_SICK),
        None,
    )


def _working_days_notice(invitation: Invitation) -> int:
    """Whole working days between the day of invitation and the meeting (neither counted)."""
    return count_working_days(invitation.invited_on, invitation.meeting_on) - (
        count_working_days(invitation.invited_on, invitation.invited_on)
        + count_working_days(invitation.meeting_on, invitation.meeting_on)
    )


class ConversationStatus(StrEnum):
    """A conversation is a draft until the manager marks it held."""

    DRAFT = "kladde"
    HELD = "holdt"


class Over8Weeks(StrEnum):
    """The § 7a question: is the absence expected to last more than 8 weeks?"""

    YES = "ja"
    NO = "nej"
    UNKNOWN = "ved_ikke"

    @property
    def title(self) -> str:
        return {"ja": "Ja", "nej": "Nej", "ved_ikke": "Ved ikke endnu"}[self]


class NextStepKind(StrEnum):
    """The next steps a conversation can agree on."""

    PARTIAL_RETURN = "delvis_tilbagevenden"
    OPPORTUNITY = "mulighedserklaering"
    RETENTION_PLAN = "fastholdelsesplan"
    FAST_TRACK = "fast_track"
    OTHER = "andet"

    @property
    def title(self) -> str:
        return {
            "delvis_tilbagevenden": "Delvis tilbagevenden",
            "mulighedserklaering": "Mulighedserklæring",
            "fastholdelsesplan": "Fastholdelsesplan",
            "fast_track": "Fast track hos kommunen",
            "andet": "Andet",
        }[self]


@dataclass(frozen=True)
class AgreedStep:
    """One thing agreed in the conversation: what, by when and who does it."""

    kind: NextStepKind
    text: str = ""
    due: date | None = None
    responsible: str = ""

    @property
    def title(self) -> str:
        """'Mulighedserklæring: Mette bestiller tid' or the kind alone."""
        text = self.text.strip()
        if self.kind is NextStepKind.OTHER:
            return text or self.kind.title
        return f"{self.kind.title}: {text}" if text else self.kind.title


@dataclass(frozen=True)
class Conversation:
    """One conversation from invitation to minutes; stored as a draft while it is written."""

    invitation: Invitation
    status: ConversationStatus = ConversationStatus.DRAFT
    notes: dict[str, str] = field(default_factory=dict)  # guide section id -> notes
    agreements: str = ""
    expected_return: date | None = None
    over_8_weeks: Over8Weeks | None = None
    next_contact_on: date | None = None
    steps: tuple[AgreedStep, ...] = ()
    held_on: date | None = None
    id: int | None = None

    @property
    def kind(self) -> ConversationKind:
        return self.invitation.kind

    @property
    def employee_id(self) -> int:
        return self.invitation.employee_id

    @property
    def spell_id(self) -> int | None:
        return self.invitation.spell_id

    @property
    def is_held(self) -> bool:
        return self.status is ConversationStatus.HELD


@dataclass(frozen=True)
class MinutesVersion:
    """Minutes as they were printed: the PDF itself, so a later edit never changes it."""

    conversation_id: int
    version: int
    printed_on: date
    pdf: bytes
    id: int | None = None


def check_held(
    conversation: Conversation, spells: Iterable[AbsenceSpell], today: date
) -> list[FieldError]:
    """The problems that refuse marking a conversation held (Danish, per field)."""
    errors: list[FieldError] = []
    held_on = conversation.held_on
    absence = next((s for s in spells if s.id == conversation.spell_id), None)
    if held_on is None:
        errors.append(FieldError("held_on", "Skriv den dag, samtalen blev holdt."))
    elif held_on > today:
        errors.append(
            FieldError("held_on", "Samtalen kan ikke være holdt en dag, der ikke er kommet endnu.")
        )
    elif absence is not None and held_on < absence.first_day:
        errors.append(
            FieldError(
                "held_on",
                f"Samtalen ligger før fraværet begyndte ({long_date(absence.first_day)}).",
            )
        )
    if conversation.kind is ConversationKind.ABSENCE and conversation.over_8_weeks is None:
        errors.append(
            FieldError(
                "over_8_weeks",
                "Svar på, om fraværet ventes at vare mere end 8 uger "
                "(ja, nej eller ved ikke endnu).",
            )
        )
    if (
        held_on is not None
        and conversation.next_contact_on is not None
        and conversation.next_contact_on < held_on
    ):
        errors.append(FieldError("next_contact_on", "Næste kontakt skal ligge efter samtalen."))
    for step in conversation.steps:
        if step.kind is NextStepKind.OTHER and not step.text.strip():
            errors.append(FieldError("steps", "Skriv, hvad I har aftalt under 'Andet'."))
        if held_on is not None and step.due is not None and step.due < held_on:
            errors.append(FieldError("steps", f"Fristen for '{step.title}' ligger før samtalen."))
    return errors


#: The documentation kinds by their id in core.guides, with the short name the Overblik uses.
DOCUMENT_TITLES = {
    "tro_og_love": "Tro og love-erklæring",
    "friattest": "Friattest",
    "mulighedserklaering": "Mulighedserklæring",
    "varighedserklaering": "Varighedserklæring",
}


class PaidBy(StrEnum):
    """Who pays for a medical certificate."""

    EMPLOYER = "arbejdsgiver"
    EMPLOYEE = "medarbejder"

    @property
    def title(self) -> str:
        return {"arbejdsgiver": "Arbejdsgiveren", "medarbejder": "Medarbejderen"}[self]


@dataclass(frozen=True)
class DocumentRequest:
    """Documentation of an absence the employer has asked for: when, by when, who pays."""

    employee_id: int
    kind: str  # a documentation kind of core.guides: tro_og_love, friattest, ...
    requested_on: date
    deliver_by: date
    paid_by: PaidBy = PaidBy.EMPLOYER
    spell_id: int | None = None
    received_on: date | None = None
    id: int | None = None

    def is_overdue(self, today: date) -> bool:
        return self.received_on is None and self.deliver_by < today


def check_document_request(
    request: DocumentRequest, spells: Iterable[AbsenceSpell], today: date
) -> list[FieldError]:
    """The problems that refuse a documentation request (Danish, per field)."""
    from fravaer_desktop.core.guides import DOCUMENTATION_KINDS

    errors: list[FieldError] = []
    absence = next((s for s in spells if s.id == request.spell_id), None)
    if request.kind not in DOCUMENTATION_KINDS:
        errors.append(FieldError("kind", "Vælg, hvilken dokumentation du beder om."))
    if request.requested_on > today:
        errors.append(
            FieldError("requested_on", "Datoen for anmodningen kan ikke ligge efter i dag.")
        )
    if absence is not None and request.requested_on < absence.first_day:
        errors.append(
            FieldError(
                "requested_on",
                f"Anmodningen ligger før fraværet begyndte ({long_date(absence.first_day)}).",
            )
        )
    if request.deliver_by < request.requested_on:
        errors.append(
            FieldError(
                "deliver_by",
                "Fristen for aflevering skal ligge på eller efter den dag, "
                "du beder om dokumentationen.",
            )
        )
    if request.received_on is not None:
        if request.received_on < request.requested_on:
            errors.append(
                FieldError(
                    "received_on",
                    "Dokumentationen kan ikke være modtaget, før du bad om den. "
                    "Ret datoen for modtagelse.",
                )
            )
        elif request.received_on > today:
            errors.append(FieldError("received_on", "Modtaget-datoen kan ikke ligge efter i dag."))
    return errors
