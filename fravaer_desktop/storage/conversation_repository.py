"""Conversations and documentation requests: rows <-> the dataclasses of core.conversation.

A conversation is stored when the invitation is accepted and is a draft from then on: every
note, agreement and date is written as it is typed (each save one short transaction), so closing
the window or a crash loses nothing. Printed minutes are kept as the PDF that was printed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from fravaer_desktop.core.conversation import (
    AgreedStep,
    Conversation,
    ConversationKind,
    ConversationStatus,
    DocumentRequest,
    Invitation,
    MeetingForm,
    MinutesVersion,
    NextStepKind,
    Over8Weeks,
    PaidBy,
    check_document_request,
    check_held,
    check_invitation,
)
from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.core.validation import FieldError, raise_if_any
from fravaer_desktop.storage.change_log import CHANGED, CREATED, DELETED, employee_of, log_change
from fravaer_desktop.storage.rows import from_iso, to_iso

if TYPE_CHECKING:
    from fravaer_desktop.storage.database import CompanyDatabase

#: Longest text in one note field (about ten pages); a longer one is refused at the field.
MAX_NOTE_LENGTH = 20_000
#: The kinds of record in the change log (storage/change_log.py).
CONVERSATION, DOCUMENT_REQUEST = "Samtale", "Anmodning om dokumentation"
GONE = "Samtalen findes ikke længere. Den kan være slettet i et andet vindue."


class ConversationRepository:
    """The guided conversations of the company, with their notes, steps and printed minutes."""

    def __init__(
        self,
        db: CompanyDatabase,
        spells_of: Callable[[int], list[AbsenceSpell]],
        today: Callable[[], date] = date.today,
    ):
        self._db = db
        self._spells_of = spells_of
        self._today = today

    # --- Reading ---------------------------------------------------------------------------

    def get(self, conversation_id: int) -> Conversation:
        found = self._load("WHERE id = ?", (conversation_id,))
        if not found:
            raise KeyError(GONE)
        return found[0]

    def all(self) -> list[Conversation]:
        return self._load("", ())

    def for_employee(self, employee_id: int) -> list[Conversation]:
        return self._load("WHERE employee_id = ?", (employee_id,))

    def draft_of(
        self, employee_id: int, kind: ConversationKind, spell_id: int | None
    ) -> Conversation | None:
        """The open draft of this conversation, if one was begun."""
        found = self._load(
            "WHERE employee_id = ? AND kind = ? AND IFNULL(spell_id, 0) = ? AND status = ?",
            (employee_id, kind.value, spell_id or 0, ConversationStatus.DRAFT.value),
        )
        return found[0] if found else None

    def minutes(self, conversation_id: int) -> list[MinutesVersion]:
        """Every printed version of the minutes, oldest first."""
        rows = self._db.rows(
            "SELECT * FROM conversation_minutes WHERE conversation_id = ? ORDER BY version",
            (conversation_id,),
        )
        return [
            MinutesVersion(
                r["conversation_id"],
                r["version"],
                date.fromisoformat(r["printed_on"]),
                r["pdf"],
                r["id"],
            )  # fmt: skip
            for r in rows
        ]

    def minutes_are_current(self, conversation_id: int) -> bool:
        """True when the newest printed minutes show the conversation as it is stored now."""
        rows = self._db.rows(
            "SELECT c.changed_at, MAX(m.printed_at) AS printed_at FROM conversations c "
            "LEFT JOIN conversation_minutes m ON m.conversation_id = c.id WHERE c.id = ?",
            (conversation_id,),
        )
        return bool(
            rows and rows[0]["printed_at"] and rows[0]["printed_at"] >= rows[0]["changed_at"]
        )

    # --- Writing ---------------------------------------------------------------------------

    def start(self, invitation: Invitation, as_of: date | None = None) -> Conversation:
        """Store a new conversation from its invitation, as a draft. Refused (FieldError, in
        Danish) when the invitation is wrong or a draft of the same conversation exists.

        `as_of` is the day the checks are made on (today; the demo records earlier talks)."""
        self._check_invitation(invitation, as_of)
        with self._db.atomic():  # the check and the insert see the file as one
            existing = self.draft_of(invitation.employee_id, invitation.kind, invitation.spell_id)
            if existing is not None:
                raise_if_any([_draft_exists(existing)])
            new_id = (
                self._db["conversations"]
                .insert(
                    {
                        **_invitation_row(invitation),
                        "status": ConversationStatus.DRAFT.value,
                        "changed_at": _now(),
                    }  # fmt: skip
                )
                .last_pk
            )
            log_change(self._db, CREATED, "conversations", new_id, invitation.employee_id,
                       CONVERSATION)  # fmt: skip
        return self.get(new_id)

    def change_invitation(self, conversation_id: int, invitation: Invitation) -> Conversation:
        """Correct the invitation of a stored conversation (date, place, participants...)."""
        current = self.get(conversation_id)
        self._check_invitation(invitation)
        other = self.draft_of(invitation.employee_id, invitation.kind, invitation.spell_id)
        if not current.is_held and other is not None and other.id != conversation_id:
            raise_if_any([_draft_exists(other)])
        with self._db.atomic():
            self._update(conversation_id, _invitation_row(invitation))
            self._log(conversation_id, "Indkaldelse til samtale")
        return self.get(conversation_id)

    def save_note(self, conversation_id: int, section: str, text: str) -> None:
        """Store the notes of one section as they are typed (an empty text removes them)."""
        _check_length([("notes", text)])
        with self._db.atomic():
            self._touch(conversation_id)
            self._log(conversation_id, "Noter fra samtale")
            if text.strip():
                self._db.execute(
                    "INSERT INTO conversation_notes (conversation_id, section, text) "
                    "VALUES (?, ?, ?) ON CONFLICT (conversation_id, section) "
                    "DO UPDATE SET text = excluded.text",
                    (conversation_id, section, text),
                )
            else:
                self._db.execute(
                    "DELETE FROM conversation_notes WHERE conversation_id = ? AND section = ?",
                    (conversation_id, section),
                )

    def save_record(self, conversation: Conversation) -> Conversation:
        """Store what was agreed (agreements, dates, steps) as it is typed; no checks beyond
        the length, so a half-filled form is kept as it is. The checks come at `mark_held`."""
        assert conversation.id is not None
        _check_length([("agreements", conversation.agreements)] + [
            ("steps", step.text) for step in conversation.steps
        ])  # fmt: skip
        with self._db.atomic():
            self._update(conversation.id, _record_row(conversation))
            self._replace_steps(conversation.id, conversation.steps)
            self._log(conversation.id, "Aftaler fra samtale")
        return self.get(conversation.id)

    def mark_held(self, conversation: Conversation, as_of: date | None = None) -> Conversation:
        """Store the record and mark the conversation held on `held_on`, in one transaction."""
        assert conversation.id is not None
        self.get(conversation.id)
        spells = self._spells_of(conversation.employee_id)
        raise_if_any(check_held(conversation, spells, as_of or self._today()))
        with self._db.atomic():
            self._update(
                conversation.id,
                {
                    **_record_row(conversation),
                    "status": ConversationStatus.HELD.value,
                    "held_on": to_iso(conversation.held_on),
                },  # fmt: skip
            )
            self._replace_steps(conversation.id, conversation.steps)
            self._log(conversation.id, CONVERSATION)
        return self.get(conversation.id)

    def add_minutes(self, conversation_id: int, pdf: bytes, printed_on: date) -> MinutesVersion:
        """Keep printed minutes as the next version."""
        with self._db.atomic():
            rows = self._db.rows(
                "SELECT IFNULL(MAX(version), 0) AS newest FROM conversation_minutes "
                "WHERE conversation_id = ?",
                (conversation_id,),
            )
            version = rows[0]["newest"] + 1
            new_id = self._db["conversation_minutes"].insert(
                {"conversation_id": conversation_id, "version": version,
                 "printed_on": printed_on.isoformat(), "printed_at": _now(), "pdf": pdf}
            ).last_pk  # fmt: skip
            log_change(self._db, CREATED, "conversation_minutes", new_id,
                       employee_of(self._db, "conversations", conversation_id),
                       "Udskrevet referat af samtale")  # fmt: skip
        return MinutesVersion(conversation_id, version, printed_on, pdf, new_id)

    def next_minutes_version(self, conversation_id: int) -> int:
        """The version number the minutes get when they are printed now."""
        versions = self.minutes(conversation_id)
        if versions and self.minutes_are_current(conversation_id):
            return versions[-1].version
        return len(versions) + 1

    def delete(self, conversation_id: int) -> None:
        """Delete a conversation with its notes, steps and printed minutes."""
        with self._db.atomic():
            employee_id = employee_of(self._db, "conversations", conversation_id)
            self._db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))
            if employee_id is not None:
                log_change(self._db, DELETED, "conversations", conversation_id, employee_id,
                           CONVERSATION)  # fmt: skip

    # --- Helpers ---------------------------------------------------------------------------

    def _check_invitation(self, invitation: Invitation, as_of: date | None = None) -> None:
        spells = self._spells_of(invitation.employee_id)
        errors, _warnings = check_invitation(invitation, spells, as_of or self._today())
        raise_if_any(errors)

    def _log(self, conversation_id: int, description: str) -> None:
        employee_id = employee_of(self._db, "conversations", conversation_id)
        log_change(self._db, CHANGED, "conversations", conversation_id, employee_id, description)

    def _update(self, conversation_id: int, values: dict[str, Any]) -> None:
        columns = "".join(f"{name} = ?, " for name in values)
        with self._db.atomic():
            cursor = self._db.execute(
                f"UPDATE conversations SET {columns}changed_at = ? WHERE id = ?",
                (*values.values(), _now(), conversation_id),
            )
            if cursor.rowcount == 0:
                raise KeyError(GONE)

    def _touch(self, conversation_id: int) -> None:
        cursor = self._db.execute(
            "UPDATE conversations SET changed_at = ? WHERE id = ?", (_now(), conversation_id)
        )
        if cursor.rowcount == 0:
            raise KeyError(GONE)

    def _replace_steps(self, conversation_id: int, steps: Iterable[AgreedStep]) -> None:
        self._db.execute(
            "DELETE FROM conversation_steps WHERE conversation_id = ?", (conversation_id,)
        )
        for position, step in enumerate(steps):
            self._db["conversation_steps"].insert(
                {
                    "conversation_id": conversation_id,
                    "position": position,
                    "kind": step.kind.value,
                    "text": step.text.strip(),
                    "due": to_iso(step.due),
                    "responsible": step.responsible.strip(),
                }  # fmt: skip
            )

    def _load(self, where: str, params: tuple) -> list[Conversation]:
        rows = self._db.rows(f"SELECT * FROM conversations {where} ORDER BY meeting_on, id", params)
        if not rows:
            return []
        ids = tuple(r["id"] for r in rows)
        marks = ",".join("?" * len(ids))
        notes: dict[int, dict[str, str]] = {i: {} for i in ids}
        for n in self._db.rows(
            f"SELECT * FROM conversation_notes WHERE conversation_id IN ({marks})", ids
        ):
            notes[n["conversation_id"]][n["section"]] = n["text"]
        steps: dict[int, list[AgreedStep]] = {i: [] for i in ids}
        for s in self._db.rows(
            f"SELECT * FROM conversation_steps WHERE conversation_id IN ({marks}) "
            "ORDER BY position",
            ids,
        ):
            steps[s["conversation_id"]].append(
                AgreedStep(NextStepKind(s["kind"]), s["text"], from_iso(s["due"]), s["responsible"])
            )
        return [_conversation_from_row(r, notes[r["id"]], tuple(steps[r["id"]])) for r in rows]


class DocumentRequestRepository:
    """Documentation of absences the company has asked for, and when it came."""

    def __init__(
        self,
        db: CompanyDatabase,
        spells_of: Callable[[int], list[AbsenceSpell]],
        today: Callable[[], date] = date.today,
    ):
        self._db = db
        self._spells_of = spells_of
        self._today = today

    def all(self) -> list[DocumentRequest]:
        return self._load("", ())

    def for_employee(self, employee_id: int) -> list[DocumentRequest]:
        return self._load("WHERE employee_id = ?", (employee_id,))

    def get(self, request_id: int) -> DocumentRequest:
        found = self._load("WHERE id = ?", (request_id,))
        if not found:
            raise KeyError(
                "Anmodningen findes ikke længere. Den kan være slettet i et andet vindue."
            )
        return found[0]

    def save(self, request: DocumentRequest) -> DocumentRequest:
        """Add a request (no id) or change one; refused with Danish messages at the field."""
        spells = self._spells_of(request.employee_id)
        raise_if_any(check_document_request(request, spells, self._today()))
        row = {
            "employee_id": request.employee_id,
            "spell_id": request.spell_id,
            "kind": request.kind,
            "requested_on": request.requested_on.isoformat(),
            "deliver_by": request.deliver_by.isoformat(),
            "paid_by": request.paid_by.value,
            "received_on": to_iso(request.received_on),
        }
        with self._db.atomic():
            if request.id is None:
                new_id = self._db["document_requests"].insert(row).last_pk
            else:
                self.get(request.id)
                self._db["document_requests"].update(request.id, row)
                new_id = request.id
            action = CREATED if request.id is None else CHANGED
            log_change(self._db, action, "document_requests", new_id, request.employee_id,
                       DOCUMENT_REQUEST)  # fmt: skip
        return self.get(new_id)

    def mark_received(self, request_id: int, received_on: date) -> DocumentRequest:
        request = self.get(request_id)
        return self.save(DocumentRequest(**{**request.__dict__, "received_on": received_on}))

    def delete(self, request_id: int) -> None:
        with self._db.atomic():
            employee_id = employee_of(self._db, "document_requests", request_id)
            self._db.execute("DELETE FROM document_requests WHERE id = ?", (request_id,))
            if employee_id is not None:
                log_change(self._db, DELETED, "document_requests", request_id, employee_id,
                           DOCUMENT_REQUEST)  # fmt: skip

    def _load(self, where: str, params: tuple) -> list[DocumentRequest]:
        rows = self._db.rows(
            f"SELECT * FROM document_requests {where} ORDER BY requested_on, id", params
        )
        return [
            DocumentRequest(
                employee_id=r["employee_id"],
                kind=r["kind"],
                requested_on=date.fromisoformat(r["requested_on"]),
                deliver_by=date.fromisoformat(r["deliver_by"]),
                paid_by=PaidBy(r["paid_by"]),
                spell_id=r["spell_id"],
                received_on=from_iso(r["received_on"]),
                id=r["id"],
            )  # fmt: skip
            for r in rows
        ]


def _now() -> str:
    return datetime.now().isoformat(timespec="microseconds")


def _draft_exists(existing: Conversation) -> FieldError:
    return FieldError(
        "kind",
        "Der er allerede en kladde til denne samtale (møde "
        f"{long_date(existing.invitation.meeting_on)}). Åbn kladden og ret den i stedet for at "
        "begynde en ny.",
    )


def _check_length(texts: Iterable[tuple[str, str]]) -> None:
    raise_if_any([
        FieldError(name, f"Teksten er for lang (højst {MAX_NOTE_LENGTH:,} tegn). Skriv kortere."
                   .replace(",", "."))
        for name, text in texts if len(text) > MAX_NOTE_LENGTH
    ])  # fmt: skip


def _invitation_row(invitation: Invitation) -> dict[str, Any]:
    return {
        "employee_id": invitation.employee_id,
        "spell_id": invitation.spell_id,
        "kind": invitation.kind.value,
        "invited_on": invitation.invited_on.isoformat(),
        "meeting_on": invitation.meeting_on.isoformat(),
        "meeting_time": invitation.meeting_time.strip().replace(".", ":"),
        "form": invitation.form.value,
        "place": invitation.place.strip(),
        "participants": "\n".join(p.strip() for p in invitation.participants if p.strip()),
        "companion_offered": int(invitation.companion_offered),
        "purpose": invitation.purpose.strip(),
    }


def _record_row(conversation: Conversation) -> dict[str, Any]:
    return {
        "agreements": conversation.agreements,
        "expected_return": to_iso(conversation.expected_return),
        "over_8_weeks": conversation.over_8_weeks.value if conversation.over_8_weeks else None,
        "next_contact_on": to_iso(conversation.next_contact_on),
    }


def _conversation_from_row(
    row: dict[str, Any], notes: dict[str, str], steps: tuple[AgreedStep, ...]
) -> Conversation:
    invitation = Invitation(
        kind=ConversationKind(row["kind"]),
        employee_id=row["employee_id"],
        meeting_on=date.fromisoformat(row["meeting_on"]),
        meeting_time=row["meeting_time"],
        form=MeetingForm(row["form"]),
        place=row["place"],
        participants=tuple(p for p in row["participants"].split("\n") if p),
        invited_on=date.fromisoformat(row["invited_on"]),
        spell_id=row["spell_id"],
        companion_offered=bool(row["companion_offered"]),
        purpose=row["purpose"],
    )
    return Conversation(
        invitation=invitation,
        status=ConversationStatus(row["status"]),
        notes=notes,
        agreements=row["agreements"],
        expected_return=from_iso(row["expected_return"]),
        over_8_weeks=Over8Weeks(row["over_8_weeks"]) if row["over_8_weeks"] else None,
        next_contact_on=from_iso(row["next_contact_on"]),
        steps=steps,
        held_on=from_iso(row["held_on"]),
        id=row["id"],
    )
