"""Repositories for follow-up: decisions on overview items, the absence policy, and goals."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from fravaer_desktop.core.models import AbsencePolicy, Goal, GoalMetric, TaskDecision, TaskStatus
from fravaer_desktop.core.validation import FieldError, raise_if_any
from fravaer_desktop.storage.change_log import CHANGED, CREATED, DELETED, log_change
from fravaer_desktop.storage.rows import from_iso, to_iso

if TYPE_CHECKING:
    from fravaer_desktop.storage.database import CompanyDatabase

MAX_REASON_LENGTH = 300
MAX_POLICY_COUNT = 365  # spells or days in the frequent-absence rule
MAX_POLICY_MONTHS = 36  # the longest window the frequent-absence rule may look back
#: The kinds of record in the change log (the policy and the goals are about no employee).
DECISION = "Beslutning om opgave"
POLICY = "Fraværspolitik"
GOAL = "Mål for sygefraværet"



def _decision_from_row(row: dict[str, Any]) -> TaskDecision:
    return TaskDecision(
        id=row["id"],
        rule=row["rule"],
        employee_id=row["employee_id"],
        spell_id=row["spell_id"],
        due=from_iso(row["due"]),
        status=TaskStatus(row["status"]),
        reason=row["reason"],
        decided_on=date.fromisoformat(row["decided_on"]),
    )


class DecisionRepository:
    """Items on the overview marked done or not relevant (with a reason)."""

    def __init__(self, db: CompanyDatabase, today: Callable[[], date] = date.today):
        self._db = db
        self._today = today

    def all(self) -> list[TaskDecision]:
        return [_decision_from_row(r) for r in self._db.rows("SELECT * FROM task_decisions")]

    def by_key(self) -> dict[tuple, TaskDecision]:
        return {d.key: d for d in self.all()}

    def decide(
        self,
        rule: str,
        employee_id: int,
        status: TaskStatus,
        *,
        spell_id: int | None = None,
        due: date | None = None,
        reason: str = "",
        decided_on: date | None = None,
    ) -> TaskDecision:
        """Store (or replace) the decision on one item, decided today unless `decided_on`."""
        reason = reason.strip()
        errors = []
        if status is TaskStatus.NOT_RELEVANT and not reason:
            errors.append(FieldError("reason", "Skriv kort, hvorfor punktet ikke er relevant."))
        if len(reason) > MAX_REASON_LENGTH:
            errors.append(
                FieldError("reason", f"Begrundelsen må højst være {MAX_REASON_LENGTH} tegn.")
            )
        raise_if_any(errors)
        decision = TaskDecision(
            rule=rule, employee_id=employee_id, spell_id=spell_id, due=due, status=status,
            reason=reason, decided_on=decided_on or self._today(),
        )  # fmt: skip
        with self._db.atomic():
            self._delete_key(decision.key)
            new_id = self._db["task_decisions"].insert(
                {
                    "rule": rule,
                    "employee_id": employee_id,
                    "spell_id": spell_id,
                    "due": to_iso(due),
                    "status": status.value,
                    "reason": reason,
                    "decided_on": decision.decided_on.isoformat(),
                }  # fmt: skip
            ).last_pk
            log_change(self._db, CREATED, "task_decisions", new_id, employee_id, DECISION)
        return decision

    def undo(self, key: tuple) -> None:
        """Forget the decision, so the item is open again."""
        with self._db.atomic():
            if self._delete_key(key):
                log_change(self._db, DELETED, "task_decisions", None, key[1], DECISION)

    def _delete_key(self, key: tuple) -> int:
        rule, employee_id, spell_id, due = key
        return self._db.execute(
            "DELETE FROM task_decisions WHERE rule = ? AND employee_id = ? "
            "AND IFNULL(spell_id, 0) = ? AND IFNULL(due, '') = ?",
            (rule, employee_id, spell_id or 0, to_iso(due) or ""),
        ).rowcount


class PolicyRepository:
    """The company's absence policy, stored on the company row."""

    def __init__(self, db: CompanyDatabase):
        self._db = db

    def get(self) -> AbsencePolicy:
        rows = self._db.rows("SELECT * FROM company WHERE id = 1")
        if not rows:
            return AbsencePolicy()
        row = rows[0]
        days = row["policy_contact_days"]
        return AbsencePolicy(
            contact_days=tuple(int(d) for d in days.split(",")) if days else None,
            frequent_spells=row["policy_frequent_spells"],
            frequent_spell_months=row["policy_frequent_spell_months"],
            frequent_days=row["policy_frequent_days"],
            frequent_day_months=row["policy_frequent_day_months"],
            bradford_enabled=bool(row["policy_bradford_enabled"]),
        )

    def save(self, policy: AbsencePolicy) -> AbsencePolicy:
        errors = []
        if policy.contact_days is not None and (
            not policy.contact_days or any(not 1 <= d <= 365 for d in policy.contact_days)
        ):
            errors.append(
                FieldError("contact_days", "Kontaktdage skal være fraværsdage fra 1 til 365.")
            )
        for name, most in (
            ("frequent_spells", MAX_POLICY_COUNT),
            ("frequent_spell_months", MAX_POLICY_MONTHS),
            ("frequent_days", MAX_POLICY_COUNT),
            ("frequent_day_months", MAX_POLICY_MONTHS),
        ):
            value = getattr(policy, name)
            if value is not None and not 1 <= value <= most:
                errors.append(FieldError(name, f"Skriv et tal fra 1 til {most}."))
        raise_if_any(errors)
        days = ",".join(str(d) for d in sorted(set(policy.contact_days or ()))) or None
        with self._db.atomic():
            self._db.execute(
                "UPDATE company SET policy_contact_days = ?, policy_frequent_spells = ?, "
                "policy_frequent_spell_months = ?, policy_frequent_days = ?, "
                "policy_frequent_day_months = ?, policy_bradford_enabled = ? WHERE id = 1",
                (
                    days, policy.frequent_spells, policy.frequent_spell_months,
                    policy.frequent_days, policy.frequent_day_months, int(policy.bradford_enabled),
                ),
            )  # fmt: skip
            log_change(self._db, CHANGED, "company", 1, None, POLICY)
        return policy


class GoalRepository:
    """Goals for the absence percentage and for staff employed on special terms."""

    def __init__(self, db: CompanyDatabase):
        self._db = db

    def all(self) -> list[Goal]:
        rows = self._db.rows("SELECT * FROM goals ORDER BY metric, valid_from")
        return [
            Goal(
                id=r["id"],
                metric=GoalMetric(r["metric"]),
                target=r["target"],
                valid_from=date.fromisoformat(r["valid_from"]),
            )  # fmt: skip
            for r in rows
        ]

    def current(self, metric: GoalMetric, on_day: date) -> Goal | None:
        """The goal of `metric` in force on `on_day` (the newest that started by then)."""
        goals = [g for g in self.all() if g.metric == metric and g.valid_from <= on_day]
        return goals[-1] if goals else None

    def save(self, goal: Goal) -> Goal:
        if goal.metric is GoalMetric.ABSENCE_PERCENT and not 0 < goal.target < 100:
            raise_if_any(
                [FieldError("target", "Målet for fraværsprocenten skal være mellem 0 og 100.")]
            )
        if goal.metric is GoalMetric.SPECIAL_TERMS_STAFF and (
            goal.target < 0 or goal.target != int(goal.target)
        ):
            raise_if_any(
                [FieldError("target", "Skriv et helt antal medarbejdere (0 eller flere).")]
            )
        row = {
            "metric": goal.metric.value,
            "target": goal.target,
            "valid_from": goal.valid_from.isoformat(),
        }
        with self._db.atomic():
            replaced = self._db.execute(
                "DELETE FROM goals WHERE metric = ? AND valid_from = ?",
                (row["metric"], row["valid_from"]),
            ).rowcount
            new_id = self._db["goals"].insert(row).last_pk
            log_change(self._db, CHANGED if replaced else CREATED, "goals", new_id, None, GOAL)
        return Goal(goal.metric, goal.target, goal.valid_from, id=new_id)

    def delete(self, goal_id: int) -> None:
        with self._db.atomic():
            if self._db.execute("DELETE FROM goals WHERE id = ?", (goal_id,)).rowcount:
                log_change(self._db, DELETED, "goals", goal_id, None, GOAL)
