"""The guided conversation: its kinds, the invitation, and the checks on an invitation.

Qt-free and database-free. The texts of each kind live in `resources/guides/` (`core.guides`);
the legal numbers (the § 7a deadline) and the company's good-practice notice in the rules table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
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
