"""Plain domain dataclasses: company, employee and absence spell."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class AbsenceKind(StrEnum):
    """Kind of absence; the values are the ids used by the rules engine."""

    OWN_SICKNESS = "sygdom"
    CHILD_SICK = "barn_syg"
    PREGNANCY = "graviditet"
    WORK_INJURY = "arbejdsskade"
    OTHER = "andet"

    @property
    def title(self) -> str:
        """Danish name shown to the user."""
        return ABSENCE_KIND_TITLES[self]

    @property
    def is_sickness(self) -> bool:
        """Own sickness, pregnancy-related sickness or a work injury: what the statistics call
        sygefravær. A child's sick day and other absence are not the employee's sickness."""
        return self in SICKNESS_KINDS

    @property
    def status_title(self) -> str:
        """Title of the printed status of one absence of this kind."""
        return "Status på sygefravær" if self.is_sickness else "Status på fravær"


#: In the order the statistics show them.
SICKNESS_KINDS = (AbsenceKind.OWN_SICKNESS, AbsenceKind.PREGNANCY, AbsenceKind.WORK_INJURY)

ABSENCE_KIND_TITLES: dict[AbsenceKind, str] = {
    AbsenceKind.OWN_SICKNESS: "Egen sygdom",
    AbsenceKind.CHILD_SICK: "Barns sygedag",
    AbsenceKind.PREGNANCY: "Graviditetsrelateret sygdom",
    AbsenceKind.WORK_INJURY: "Arbejdsskade",
    AbsenceKind.OTHER: "Andet fravær",
}


@dataclass(frozen=True)
class Company:
    """The company whose staff the file holds (one company per database file)."""

    name: str
    cvr: str = ""
    address: str = ""
    logo: bytes | None = None
    pays_salary_during_sickness: bool = True
    standard_weekly_hours: float = 37.0


@dataclass(frozen=True)
class Employee:
    """One member of staff. Deliberately has no CPR number and no health fields."""

    name: str
    employed_from: date
    department: str = ""
    job_title: str = ""
    weekly_hours: float = 37.0
    employed_to: date | None = None
    salaried: bool = True
    clause_120_days: bool = False
    fleksjob: bool = False
    section_56_from: date | None = None
    section_56_to: date | None = None
    working_days_per_week: int = 5
    id: int | None = None

    def is_employed_on(self, day: date) -> bool:
        """True when `day` falls inside the employment period."""
        return self.employed_from <= day and (self.employed_to is None or day <= self.employed_to)


@dataclass(frozen=True)
class AbsenceSpell:
    """One continuous absence ("sygeperiode") of one employee.

    `partial_hours_per_week` is None for full absence; otherwise the number of
    hours per week the employee is away while working the rest.
    """

    employee_id: int
    first_day: date
    kind: AbsenceKind = AbsenceKind.OWN_SICKNESS
    last_day: date | None = None
    partial_hours_per_week: float | None = None
    expected_return: date | None = None
    note: str = ""
    id: int | None = None

    @property
    def is_partial(self) -> bool:
        return self.partial_hours_per_week is not None

    @property
    def is_ongoing(self) -> bool:
        return self.last_day is None

    def end_or(self, today: date) -> date:
        """Last day of the spell, or `today` while it is still ongoing."""
        return self.last_day if self.last_day is not None else today

    def covers(self, day: date) -> bool:
        """True when the employee is absent on `day` by this spell (ongoing = open-ended)."""
        return self.first_day <= day and (self.last_day is None or day <= self.last_day)


@dataclass(frozen=True)
class AbsencePolicy:
    """The company's own routines (not law). None means: use the default in the rules table."""

    contact_days: tuple[int, ...] | None = None
    frequent_spells: int | None = None
    frequent_spell_months: int | None = None
    frequent_days: int | None = None
    frequent_day_months: int | None = None
    bradford_enabled: bool = False


class TaskStatus(StrEnum):
    """What the manager decided about one item on the overview."""

    DONE = "done"
    NOT_RELEVANT = "not_relevant"


@dataclass(frozen=True)
class TaskDecision:
    """A stored decision about one overview item, keyed by rule, employee, spell and due day."""

    rule: str
    employee_id: int
    status: TaskStatus
    decided_on: date
    spell_id: int | None = None
    due: date | None = None
    reason: str = ""
    id: int | None = None

    @property
    def key(self) -> tuple[str, int, int | None, date | None]:
        return (self.rule, self.employee_id, self.spell_id, self.due)


class GoalMetric(StrEnum):
    """What a goal ("mål") is about."""

    ABSENCE_PERCENT = "fravaersprocent"
    SPECIAL_TERMS_STAFF = "saerlige_vilkaar"


@dataclass(frozen=True)
class Goal:
    """A target the company has set, in force from `valid_from` until a newer goal of its metric."""

    metric: GoalMetric
    target: float
    valid_from: date
    id: int | None = None
