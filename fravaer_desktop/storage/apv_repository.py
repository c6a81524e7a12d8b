"""The APV's sickness part: rows <-> the dataclasses of core.apv.

One assessment at a time is a draft, saved as it is typed. Completing it stores the figures as
they were shown (aggregates only: no employee, no individual row), so an earlier APV stays
readable as it was, whatever is registered later. The action plan's lines can still change
status after completion: following them up is the point.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from fravaer_desktop.core.apv import (
    ActionStatus,
    Answer,
    Apv,
    ApvAction,
    ApvFigures,
    ApvStatus,
    ChecklistAnswer,
    GroupFigures,
    check_completion,
    check_period,
)
from fravaer_desktop.core.models import AbsenceKind
from fravaer_desktop.core.validation import FieldError, ValidationError, raise_if_any
from fravaer_desktop.storage.change_log import CHANGED, CREATED, DELETED, log_change
from fravaer_desktop.storage.rows import from_iso, to_iso

if TYPE_CHECKING:
    from fravaer_desktop.core.statistics import KindFigures

MAX_TEXT_LENGTH = 20_000
#: The kinds of record in the change log (no employee: an APV is about the workplace).
APV, APV_ACTION = "APV", "Punkt i APV'ens handlingsplan"
GONE = "APV'en findes ikke længere. Den kan være slettet i et andet vindue."
DONE = "APV'en er afsluttet og kan ikke rettes. Begynd en ny APV, hvis den skal revideres."


class ApvRepository:
    """The company's APVs (the sickness part), newest first."""

    def __init__(self, db: Any, today=date.today):
        self._db = db
        self._today = today

    # --- Reading ---------------------------------------------------------------------------

    def all(self) -> list[Apv]:
        return self._load("", ())

    def get(self, apv_id: int) -> Apv:
        found = self._load("WHERE id = ?", (apv_id,))
        if not found:
            raise KeyError(GONE)
        return found[0]

    def draft(self) -> Apv | None:
        found = self._load("WHERE status = ?", (ApvStatus.DRAFT.value,))
        return found[0] if found else None

    def latest_done(self) -> Apv | None:
        return next((a for a in self.all() if a.is_done), None)

    # --- Writing ---------------------------------------------------------------------------

    def start(self, made_on: date, first: date, last: date) -> Apv:
        """A new draft for the period; refused while another APV is a draft."""
        raise_if_any(check_period(first, last, self._today()))
        with self._db.atomic():
            existing = self.draft()
            if existing is not None:
                raise ValidationError(
                    [
                        FieldError(
                            "status",
                            "Der er allerede en APV under arbejde (begyndt "
                            f"{existing.made_on.strftime('%d-%m-%Y')}). Åbn den i stedet.",
                        )
                    ]
                )
            new_id = (
                self._db["apv_assessments"]
                .insert(
                    {
                        "made_on": made_on.isoformat(),
                        "period_first": first.isoformat(),
                        "period_last": last.isoformat(),
                        "changed_at": _now(),
                    }
                )
                .last_pk
            )
            log_change(self._db, CREATED, "apv_assessments", new_id, None, APV)
        return self.get(new_id)

    def save(self, apv: Apv) -> Apv:
        """Store the draft as it stands (the period is checked; the rest when completing)."""
        assert apv.id is not None
        raise_if_any(check_period(apv.period_first, apv.period_last, self._today()))
        _check_length([*apv.texts.values(), apv.participants,
                       *(a.notes for a in apv.answers.values()),
                       *(t for a in apv.actions for t in _action_texts(a))])  # fmt: skip
        with self._db.atomic():
            if self.get(apv.id).is_done:
                raise ValidationError([FieldError("status", DONE)])
            self._db["apv_assessments"].update(apv.id, {**_row(apv), "changed_at": _now()})
            self._replace_actions(apv.id, apv.actions)
            log_change(self._db, CHANGED, "apv_assessments", apv.id, None, APV)
        return self.get(apv.id)

    def complete(self, apv: Apv, completed_on: date, figures: ApvFigures) -> Apv:
        """Mark the APV as done with the figures as shown; refused (Danish, per field) when an
        action has no responsible or deadline, or the follow-up guideline is missing."""
        errors = check_completion(apv, self._today())
        if completed_on > self._today():
            errors.append(FieldError("completed_on", "Datoen kan ikke ligge efter i dag."))
        raise_if_any(errors)
        with self._db.atomic():
            self.save(apv)
            self._db["apv_assessments"].update(
                apv.id,
                {
                    "status": ApvStatus.DONE.value,
                    "completed_on": completed_on.isoformat(),
                    "figures": figures_to_json(figures),
                    "changed_at": _now(),
                },
            )
            log_change(self._db, CHANGED, "apv_assessments", apv.id, None, APV)
        return self.get(apv.id)

    def update_action(self, action: ApvAction) -> None:
        """Follow up one line of the plan: its status and how its effect is followed (also
        after the APV is completed)."""
        assert action.id is not None
        _check_length([action.follow_up])
        with self._db.atomic():
            self._db["apv_actions"].update(
                action.id, {"status": action.status.value, "follow_up": action.follow_up.strip()}
            )
            log_change(self._db, CHANGED, "apv_actions", action.id, None, APV_ACTION)

    def delete(self, apv_id: int) -> None:
        with self._db.atomic():
            deleted = self._db.execute("DELETE FROM apv_assessments WHERE id = ?", (apv_id,))
            if deleted.rowcount:
                log_change(self._db, DELETED, "apv_assessments", apv_id, None, APV)

    # --- Inside ----------------------------------------------------------------------------

    def _replace_actions(self, apv_id: int, actions) -> None:
        self._db.execute("DELETE FROM apv_actions WHERE apv_id = ?", (apv_id,))
        rows = [
            {
                **({"id": a.id} if a.id is not None else {}),
                "apv_id": apv_id,
                "position": position,
                "problem": a.problem.strip(),
                "cause": a.cause.strip(),
                "measure": a.measure.strip(),
                "responsible": a.responsible.strip(),
                "deadline": to_iso(a.deadline),
                "status": a.status.value,
                "follow_up": a.follow_up.strip(),
            }
            for position, a in enumerate(actions)
        ]
        for row in rows:
            self._db["apv_actions"].insert(row)

    def _load(self, where: str, params: tuple) -> list[Apv]:
        rows = self._db.rows(
            f"SELECT * FROM apv_assessments {where} ORDER BY made_on DESC, id DESC", params
        )
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks = ",".join("?" * len(ids))
        actions: dict[int, list[ApvAction]] = {}
        for r in self._db.rows(
            f"SELECT * FROM apv_actions WHERE apv_id IN ({marks}) ORDER BY position", tuple(ids)
        ):
            actions.setdefault(r["apv_id"], []).append(
                ApvAction(
                    problem=r["problem"],
                    measure=r["measure"],
                    cause=r["cause"],
                    responsible=r["responsible"],
                    deadline=from_iso(r["deadline"]),
                    status=ActionStatus(r["status"]),
                    follow_up=r["follow_up"],
                    id=r["id"],
                )  # fmt: skip
            )
        return [
            Apv(
                made_on=date.fromisoformat(r["made_on"]),
                period_first=date.fromisoformat(r["period_first"]),
                period_last=date.fromisoformat(r["period_last"]),
                participants=r["participants"],
                amo_took_part=bool(r["amo_took_part"]),
                texts=json.loads(r["texts"]),
                answers={k: _answer(v) for k, v in json.loads(r["answers"]).items()},
                actions=tuple(actions.get(r["id"], ())),
                status=ApvStatus(r["status"]),
                completed_on=from_iso(r["completed_on"]),
                figures_json=r["figures"],
                id=r["id"],
            )
            for r in rows
        ]


def _row(apv: Apv) -> dict[str, Any]:
    return {
        "made_on": apv.made_on.isoformat(),
        "period_first": apv.period_first.isoformat(),
        "period_last": apv.period_last.isoformat(),
        "participants": apv.participants.strip(),
        "amo_took_part": int(apv.amo_took_part),
        "texts": json.dumps({k: v for k, v in apv.texts.items() if v.strip()}, ensure_ascii=False),
        "answers": json.dumps(
            {k: _answer_row(a) for k, a in apv.answers.items() if not a.is_empty},
            ensure_ascii=False,
        ),
    }


def _answer_row(answer: ChecklistAnswer) -> dict[str, Any]:
    return {
        "relevant": answer.relevant.value if answer.relevant else None,
        "affects_absence": answer.affects_absence.value if answer.affects_absence else None,
        "notes": answer.notes.strip(),
    }


def _answer(data: dict[str, Any]) -> ChecklistAnswer:
    return ChecklistAnswer(
        Answer(data["relevant"]) if data.get("relevant") else None,
        Answer(data["affects_absence"]) if data.get("affects_absence") else None,
        data.get("notes", ""),
    )


def _action_texts(action: ApvAction) -> tuple[str, ...]:
    return (action.problem, action.cause, action.measure, action.responsible, action.follow_up)


def _check_length(texts) -> None:
    if any(len(text) > MAX_TEXT_LENGTH for text in texts):
        raise_if_any(
            [FieldError("texts", "Teksten er for lang (højst 20.000 tegn). Skriv kortere.")]
        )


def _now() -> str:
    return datetime.now().isoformat(timespec="microseconds")


# --- The figures as completed ------------------------------------------------------------------


def figures_to_json(figures: ApvFigures) -> str:
    """The aggregated figures as JSON (dates ISO, kinds by their value)."""

    def plain(value):
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, AbsenceKind):
            return value.value
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    return json.dumps(plain(dataclasses.asdict(figures)), ensure_ascii=False)


def figures_from_json(text: str) -> ApvFigures:
    # Imported here: an APV's figures are read when it is shown, the module at start-up.
    from fravaer_desktop.core.statistics import AbsenceStatistics, MonthFigures, YearFigures

    data = json.loads(text)

    def statistics(d: dict) -> AbsenceStatistics:
        return AbsenceStatistics(
            first=date.fromisoformat(d["first"]),
            last=date.fromisoformat(d["last"]),
            working_days=d["working_days"],
            employees=d["employees"],
            planned_hours=d["planned_hours"],
            sickness_hours=d["sickness_hours"],
            spells=d["spells"],
            short_spells=d["short_spells"],
            long_spells=d["long_spells"],
            per_kind=tuple(_kind(k) for k in d["per_kind"]),
            child_sick=_kind(d["child_sick"]),
            months=tuple(MonthFigures(**m) for m in d["months"]),
            years=tuple(
                YearFigures(**{**y, "last_day": date.fromisoformat(y["last_day"])})
                for y in d["years"]
            ),
        )

    return ApvFigures(
        first=date.fromisoformat(data["first"]),
        last=date.fromisoformat(data["last"]),
        current=statistics(data["current"]),
        previous=statistics(data["previous"]),
        employees_with_absence=data["employees_with_absence"],
        previous_employees_with_absence=data["previous_employees_with_absence"],
        groups=tuple(
            GroupFigures(g["name"], tuple(g["departments"]), statistics(g["statistics"]))
            for g in data["groups"]
        ),
        merged_departments=tuple(data["merged_departments"]),
        weekday_starts=tuple(data["weekday_starts"]),
        recorded_since=from_iso(data["recorded_since"]),
    )


def _kind(d: dict) -> KindFigures:
    from fravaer_desktop.core.statistics import KindFigures

    return KindFigures(AbsenceKind(d["kind"]), d["hours"], d["working_days"], d["spells"],
                       d["percent"])  # fmt: skip
