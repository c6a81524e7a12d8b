"""Retention plans: rows <-> the dataclasses of core.retention_plan.

A plan is stored when it is started and its newest version is a draft from then on: the editor
saves the content as it is typed (one short transaction each), so closing the window or a crash
loses nothing. A version's content is one JSON text; once both have agreed a version it is
fixed, and a revision is a new version. Putting the schedule into the absence register is one
transaction: the whole schedule or nothing.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from fravaer_desktop.core.absence import joined_absences
from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.core.retention_plan import (
    FollowUp,
    PlanContent,
    PlanGoal,
    PlanHolds,
    PlanRequester,
    PlanStatus,
    PlanVersion,
    RetentionPlan,
    SchedulePhase,
    check_content,
    check_contract_hours,
    check_follow_up,
    check_refusal,
    check_request,
    register_runs,
    run_text,
)
from fravaer_desktop.core.validation import FieldError, ValidationError, raise_if_any
from fravaer_desktop.storage.change_log import CHANGED, CREATED, DELETED, employee_of, log_change
from fravaer_desktop.storage.rows import from_iso, to_iso

if TYPE_CHECKING:
    from fravaer_desktop.storage.repositories import AbsenceRepository, EmployeeRepository

#: Longest text in one field of the plan (about ten pages).
MAX_TEXT_LENGTH = 20_000
ONE_DAY = timedelta(days=1)
#: The kinds of record in the change log (storage/change_log.py).
PLAN, FOLLOW_UP = "Fastholdelsesplan", "Opfølgning på fastholdelsesplan"
GONE = "Planen findes ikke længere. Den kan være slettet i et andet vindue."
AGREED = (
    "Denne version er aftalt og underskrevet og kan ikke rettes. Lav en ny version, hvis planen "
    "skal ændres."
)


class RetentionPlanRepository:
    """The company's retention plans with their versions and follow-up meetings."""

    def __init__(
        self,
        db: Any,
        employees: EmployeeRepository,
        absences: AbsenceRepository,
        today: Callable[[], date] = date.today,
    ):
        self._db = db
        self._employees = employees
        self._absences = absences
        self._today = today

    # --- Reading ---------------------------------------------------------------------------

    def get(self, plan_id: int) -> RetentionPlan:
        found = self._load("WHERE id = ?", (plan_id,))
        if not found:
            raise KeyError(GONE)
        return found[0]

    def all(self) -> list[RetentionPlan]:
        return self._load("", ())

    def for_employee(self, employee_id: int) -> list[RetentionPlan]:
        return self._load("WHERE employee_id = ?", (employee_id,))

    def open_for(self, spell_id: int) -> RetentionPlan | None:
        """The plan being made or in force for this absence, if there is one."""
        found = self._load("WHERE spell_id = ? AND status <> ?", (spell_id, PlanStatus.REFUSED))
        return found[0] if found else None

    def absence_of(self, plan: RetentionPlan) -> AbsenceSpell | None:
        """The whole absence the plan is about (all its parts joined), if it still exists."""
        return _whole(self._absences.for_employee(plan.employee_id), plan.spell_id)[0]

    # --- Writing ---------------------------------------------------------------------------

    def start(self, plan: RetentionPlan, as_of: date | None = None) -> RetentionPlan:
        """Store a new plan for an absence, with a first version filled from the employee's
        hours. Refused (Danish, per field) when the request is wrong or the absence already has
        an open plan. `as_of` is the day the checks are made on (the demo records older plans).
        """
        today = as_of or self._today()
        employee = self._employees.get(plan.employee_id)
        absence = self._absence(plan)
        raise_if_any(check_request(plan, absence, today))
        content = plan.versions[0].content if plan.versions else PlanContent()
        content = dataclasses.replace(
            content,
            contract_hours=employee.weekly_hours,
            working_days=employee.working_days_per_week,
        )
        _check_length(content.texts.values())
        with self._db.atomic():
            self._refuse_second_plan(plan.spell_id)
            plan_id = (
                self._db["retention_plans"]
                .insert(
                    {
                        "employee_id": plan.employee_id,
                        "spell_id": plan.spell_id,
                        "requested_by": plan.requested_by.value,
                        "requested_on": plan.requested_on.isoformat(),
                        "status": PlanStatus.DRAFT.value,
                        "changed_at": _now(),
                    }
                )
                .last_pk
            )
            self._insert_version(plan_id, PlanVersion(1, plan.requested_on, content))
            log_change(self._db, CREATED, "retention_plans", plan_id, plan.employee_id, PLAN)
        return self.get(plan_id)

    def save_content(self, plan_id: int, content: PlanContent) -> None:
        """Store the newest version's content as it is typed (checked only for length)."""
        _check_length(content.texts.values())
        with self._db.atomic():
            current = self.get(plan_id).current
            if current.is_agreed:
                raise ValidationError([FieldError("version", AGREED)])
            self._db.execute(
                "UPDATE retention_plan_versions SET content = ? WHERE plan_id = ? AND version = ?",
                (content_to_json(content), plan_id, current.version),
            )
            self._touch(plan_id)

    def agree(self, plan_id: int, agreed_on: date) -> RetentionPlan:
        """Both have agreed the newest version: it is fixed from now on."""
        plan = self.get(plan_id)
        current = plan.current
        if current.is_agreed:
            raise ValidationError([FieldError("version", AGREED)])
        absence = self.absence_of(plan)
        errors, _ = check_content(current.content, current.made_on, absence)
        if agreed_on > self._today():
            errors.append(FieldError("agreed_on", "Datoen for aftalen kan ikke ligge efter i dag."))
        elif agreed_on < current.made_on:
            errors.append(
                FieldError(
                    "agreed_on",
                    "Datoen for aftalen ligger før versionens dato "
                    f"({long_date(current.made_on)}).",
                )
            )
        raise_if_any(errors)
        with self._db.atomic():
            self._db.execute(
                "UPDATE retention_plan_versions SET agreed_on = ? "
                "WHERE plan_id = ? AND version = ?",
                (agreed_on.isoformat(), plan_id, current.version),
            )
            self._db.execute(
                "UPDATE retention_plans SET status = ? WHERE id = ?",
                (PlanStatus.AGREED.value, plan_id),
            )
            self._touch(plan_id)
        return self.get(plan_id)

    def revise(self, plan_id: int, reason: str, made_on: date) -> RetentionPlan:
        """A new version, a copy of the newest with the employee's hours of today, with what
        changed and why. Only an agreed version is revised; a draft is simply edited."""
        plan = self.get(plan_id)
        current = plan.current
        errors = []
        if not current.is_agreed:
            errors.append(
                FieldError(
                    "version",
                    "Den nyeste version er ikke aftalt endnu. Ret den i stedet for at lave en ny.",
                )
            )
        if not reason.strip():
            errors.append(
                FieldError(
                    "reason",
                    "Skriv kort, hvad der er ændret og hvorfor, fx 'Opstarten går "
                    "langsommere end ventet'.",
                )
            )
        if made_on < current.made_on or made_on > self._today():
            errors.append(
                FieldError(
                    "made_on",
                    f"Datoen skal ligge fra {long_date(current.made_on)} til i dag.",
                )
            )
        _check_length([reason])
        raise_if_any(errors)
        employee = self._employees.get(plan.employee_id)
        content = dataclasses.replace(
            current.content,
            contract_hours=employee.weekly_hours,
            working_days=employee.working_days_per_week,
        )
        with self._db.atomic():
            self._insert_version(
                plan_id, PlanVersion(current.version + 1, made_on, content, reason.strip())
            )
            self._touch(plan_id)
        return self.get(plan_id)

    def refuse(self, plan_id: int, reason: str, decided_on: date) -> RetentionPlan:
        """The employer says no to the request; recorded with the reason for the answer letter."""
        plan = self.get(plan_id)
        errors = check_refusal(reason, decided_on, plan, self._today())
        if plan.status is not PlanStatus.DRAFT:
            errors.append(
                FieldError("status", "Planen er allerede aftalt; en aftalt plan kan ikke afslås.")
            )
        _check_length([reason])
        raise_if_any(errors)
        with self._db.atomic():
            self._db.execute(
                "UPDATE retention_plans SET status = ?, decided_on = ?, refusal_reason = ? "
                "WHERE id = ?",
                (PlanStatus.REFUSED.value, decided_on.isoformat(), reason.strip(), plan_id),
            )
            self._touch(plan_id)
        return self.get(plan_id)

    def save_follow_up(self, plan_id: int, follow_up: FollowUp) -> FollowUp:
        """Add a planned follow-up meeting, or record how one went (by its id)."""
        plan = self.get(plan_id)
        raise_if_any(check_follow_up(follow_up, plan, self._today()))
        _check_length([follow_up.how_it_went])
        row = {
            "plan_id": plan_id,
            "due": follow_up.due.isoformat(),
            "held_on": to_iso(follow_up.held_on),
            "how_it_went": follow_up.how_it_went.strip(),
            "holds": follow_up.holds.value if follow_up.holds else None,
        }
        with self._db.atomic():
            if follow_up.id is None:
                new_id = self._db["retention_plan_follow_ups"].insert(row).last_pk
            else:
                self._db["retention_plan_follow_ups"].update(follow_up.id, row)
                new_id = follow_up.id
            self._touch(plan_id, log=False)
            action = CREATED if follow_up.id is None else CHANGED
            log_change(self._db, action, "retention_plan_follow_ups", new_id, plan.employee_id,
                       FOLLOW_UP)  # fmt: skip
        return dataclasses.replace(follow_up, id=new_id)

    def delete_follow_up(self, follow_up_id: int) -> None:
        with self._db.atomic():
            rows = self._db.rows(
                "SELECT p.employee_id FROM retention_plan_follow_ups f "
                "JOIN retention_plans p ON p.id = f.plan_id WHERE f.id = ?",
                (follow_up_id,),
            )
            self._db.execute("DELETE FROM retention_plan_follow_ups WHERE id = ?", (follow_up_id,))
            if rows:
                log_change(self._db, DELETED, "retention_plan_follow_ups", follow_up_id,
                           rows[0]["employee_id"], FOLLOW_UP)  # fmt: skip

    def delete(self, plan_id: int) -> None:
        """Delete the plan with every version and follow-up."""
        with self._db.atomic():
            employee_id = employee_of(self._db, "retention_plans", plan_id)
            self._db.execute("DELETE FROM retention_plans WHERE id = ?", (plan_id,))
            if employee_id is not None:
                log_change(self._db, DELETED, "retention_plans", plan_id, employee_id, PLAN)

    def apply_schedule(self, plan_id: int, version: int | None = None) -> list[str]:
        """Put the schedule of a version (the newest by default) into the absence register as
        partial absence, in one transaction, and return what changed (Danish lines).

        From the schedule's first Monday the absence is replaced by the schedule: the part
        running then ends the day before (or is reused when it starts that day), later parts
        are removed, and one spell is stored per run of weeks with the same absence. Weeks at
        full hours at the end are presence, so the absence ends the day before them.
        """
        plan = self.get(plan_id)
        chosen = plan.current if version is None else plan.versions[version - 1]
        content = chosen.content
        employee = self._employees.get(plan.employee_id)
        spells = self._absences.for_employee(plan.employee_id)
        whole, parts = _whole(spells, plan.spell_id)
        errors, _ = check_content(content, chosen.made_on, whole)
        if whole is None:
            errors.append(FieldError("spell_id", "Planens fravær findes ikke længere i registret."))
        if not content.phases or content.schedule_start is None:
            errors.append(FieldError("phases", "Planen har ingen trappe at føre ind endnu."))
        errors += check_contract_hours(content, employee.weekly_hours)
        if not errors and not register_runs(content):
            errors.append(
                FieldError(
                    "phases", "Trappen har ingen uger med fravær, så der er intet at føre ind."
                )
            )
        raise_if_any(errors)
        assert whole is not None and content.schedule_start is not None
        return self._replace_from(employee, whole, parts, content, chosen.version)

    # --- Inside ----------------------------------------------------------------------------

    def _replace_from(
        self,
        employee: Employee,
        whole: AbsenceSpell,
        parts: list[AbsenceSpell],
        content: PlanContent,
        version: int,
    ) -> list[str]:
        start = content.schedule_start
        assert start is not None
        runs = register_runs(content)
        note = f"Fastholdelsesplan, version {version}"
        changes: list[str] = []
        with self._db.atomic():
            reusable: AbsenceSpell | None = None
            kept_before: AbsenceSpell | None = None
            for part in sorted(parts, key=lambda p: p.first_day):
                if part.last_day is not None and part.last_day < start:
                    kept_before = part
                elif part.first_day < start:
                    # the schedule's own end is the expected return from now on
                    kept_before = dataclasses.replace(
                        part, last_day=start - ONE_DAY, expected_return=None
                    )
                elif part.id == whole.id:
                    reusable = part  # the absence's own first part: plans and talks point to it
                else:
                    self._absences.delete(part.id)
            # A first run with the extent of the part before it continues that part.
            if (
                kept_before is not None
                and runs
                and runs[0].partial_hours == (kept_before.partial_hours_per_week)
            ):
                kept_before = dataclasses.replace(kept_before, last_day=runs[0].last_day)
                runs = runs[1:]
            if kept_before is not None:
                original = next(p for p in parts if p.id == kept_before.id)
                if original.last_day != kept_before.last_day:
                    self._absences.update(kept_before)
                    changes.append(_ends_text(kept_before))
            for index, run in enumerate(runs):
                ends = run.last_day is not None and index == len(runs) - 1
                spell = AbsenceSpell(
                    employee_id=employee.id,
                    first_day=run.first_day,
                    kind=whole.kind,
                    last_day=run.last_day,
                    partial_hours_per_week=run.partial_hours,
                    # the first day at full hours is the expected return to work
                    expected_return=run.last_day + ONE_DAY if ends else None,
                    note=note,
                )
                if reusable is not None:
                    self._absences.update(dataclasses.replace(spell, id=reusable.id))
                    reusable = None
                else:
                    self._absences.add(spell)
                changes.append(run_text(run))
            if runs and runs[-1].last_day is not None:
                changes.append(
                    f"Fraværet slutter {long_date(runs[-1].last_day)}; derefter arbejder "
                    f"{employee.name} fulde timer."
                )
        return changes

    def _absence(self, plan: RetentionPlan) -> AbsenceSpell | None:
        if plan.spell_id is None:
            return None
        return _whole(self._absences.for_employee(plan.employee_id), plan.spell_id)[0]

    def _refuse_second_plan(self, spell_id: int | None) -> None:
        existing = self.open_for(spell_id) if spell_id is not None else None
        if existing is not None:
            raise_if_any(
                [
                    FieldError(
                        "spell_id",
                        "Fraværet har allerede en fastholdelsesplan (ønsket "
                        f"{long_date(existing.requested_on)}). Åbn den, og lav en ny version i "
                        "stedet for en ny plan.",
                    )
                ]
            )

    def _insert_version(self, plan_id: int, version: PlanVersion) -> None:
        self._db["retention_plan_versions"].insert(
            {
                "plan_id": plan_id,
                "version": version.version,
                "made_on": version.made_on.isoformat(),
                "reason": version.reason,
                "agreed_on": to_iso(version.agreed_on),
                "content": content_to_json(version.content),
            }
        )

    def _touch(self, plan_id: int, *, log: bool = True) -> None:
        """Mark the plan changed now (and, with `log`, in the change log: every change of the
        plan itself passes here)."""
        self._db.execute(
            "UPDATE retention_plans SET changed_at = ? WHERE id = ?", (_now(), plan_id)
        )
        if log:
            employee_id = employee_of(self._db, "retention_plans", plan_id)
            log_change(self._db, CHANGED, "retention_plans", plan_id, employee_id, PLAN)

    def _load(self, where: str, params: tuple) -> list[RetentionPlan]:
        rows = self._db.rows(
            f"SELECT * FROM retention_plans {where} ORDER BY requested_on, id", params
        )
        if not rows:
            return []
        ids = [r["id"] for r in rows]
        marks = ",".join("?" * len(ids))
        versions: dict[int, list[PlanVersion]] = {}
        for r in self._db.rows(
            f"SELECT * FROM retention_plan_versions WHERE plan_id IN ({marks}) ORDER BY version",
            tuple(ids),
        ):
            versions.setdefault(r["plan_id"], []).append(
                PlanVersion(
                    r["version"],
                    date.fromisoformat(r["made_on"]),
                    content_from_json(r["content"]),
                    r["reason"],
                    from_iso(r["agreed_on"]),
                )
            )
        follow_ups: dict[int, list[FollowUp]] = {}
        for r in self._db.rows(
            f"SELECT * FROM retention_plan_follow_ups WHERE plan_id IN ({marks}) ORDER BY due, id",
            tuple(ids),
        ):
            follow_ups.setdefault(r["plan_id"], []).append(
                FollowUp(
                    date.fromisoformat(r["due"]),
                    from_iso(r["held_on"]),
                    r["how_it_went"],
                    PlanHolds(r["holds"]) if r["holds"] else None,
                    r["id"],
                )
            )
        return [
            RetentionPlan(
                employee_id=r["employee_id"],
                spell_id=r["spell_id"],
                requested_by=PlanRequester(r["requested_by"]),
                requested_on=date.fromisoformat(r["requested_on"]),
                status=PlanStatus(r["status"]),
                decided_on=from_iso(r["decided_on"]),
                refusal_reason=r["refusal_reason"],
                versions=tuple(versions.get(r["id"], ())),
                follow_ups=tuple(follow_ups.get(r["id"], ())),
                id=r["id"],
            )
            for r in rows
        ]


def _whole(
    spells: list[AbsenceSpell], spell_id: int | None
) -> tuple[AbsenceSpell | None, list[AbsenceSpell]]:
    """The unbroken absence that contains the spell `spell_id`, and its parts."""
    for whole, parts in joined_absences(spells):
        if any(part.id == spell_id for part in parts):
            return whole, parts
    return None, []


def _ends_text(spell: AbsenceSpell) -> str:
    extent = "Fuldt fravær" if spell.partial_hours_per_week is None else "Delvist fravær"
    return f"{extent} fra {long_date(spell.first_day)} slutter nu {long_date(spell.last_day)}"


def content_to_json(content: PlanContent) -> str:
    return json.dumps(
        {
            "texts": {k: v for k, v in content.texts.items() if v.strip()},
            "goal": content.goal.value,
            "target_date": to_iso(content.target_date),
            "adjustments": list(content.adjustments),
            "schedule_start": to_iso(content.schedule_start),
            "contract_hours": content.contract_hours,
            "working_days": content.working_days,
            "phases": [
                {"weeks": p.weeks, "hours_per_week": p.hours_per_week, "tasks": p.tasks}
                for p in content.phases
            ],
        },
        ensure_ascii=False,
    )


def content_from_json(text: str) -> PlanContent:
    data = json.loads(text)
    return PlanContent(
        texts=dict(data.get("texts", {})),
        goal=PlanGoal(data.get("goal", PlanGoal.FULL.value)),
        target_date=from_iso(data.get("target_date")),
        adjustments=tuple(data.get("adjustments", ())),
        schedule_start=from_iso(data.get("schedule_start")),
        contract_hours=float(data.get("contract_hours", 37.0)),
        working_days=int(data.get("working_days", 5)),
        phases=tuple(
            SchedulePhase(int(p["weeks"]), float(p["hours_per_week"]), p.get("tasks", ""))
            for p in data.get("phases", ())
        ),
    )


def _now() -> str:
    return datetime.now().isoformat(timespec="microseconds")


def _check_length(texts) -> None:
    if any(len(text) > MAX_TEXT_LENGTH for text in texts):
        raise_if_any(
            [FieldError("texts", "Teksten er for lang (højst 20.000 tegn). Skriv kortere.")]
        )
