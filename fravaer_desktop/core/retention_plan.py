"""The retention plan (fastholdelsesplan, sygedagpengeloven § 7b) and its graduated return.

Qt-free and database-free. A plan belongs to one absence. Its content is kept in versions: the
newest is edited until both have agreed it; a revision is a new version with what changed and
why, and every earlier version stays readable and printable. The graduated schedule is a list
of phases (some weeks at the same hours); `schedule_weeks` turns it into ISO weeks with the
partial absence the kommune's registration needs, and `register_runs` into the absence spells
that record it. The section texts live in `resources/guides/fastholdelsesplan.toml`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from fravaer_desktop.core.danish import long_date, number
from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.core.rules import rules_in_force
from fravaer_desktop.core.validation import FieldError

ONE_DAY = timedelta(days=1)
ONE_WEEK = timedelta(days=7)
#: The longest schedule the editor accepts (a year); a longer return is revised as it goes.
MAX_SCHEDULE_WEEKS = 52


class PlanRequester(StrEnum):
    """Who asked for the plan: the employee has the right to ask, the employer may propose."""

    EMPLOYEE = "medarbejder"
    EMPLOYER = "arbejdsgiver"

    @property
    def title(self) -> str:
        return {"medarbejder": "Medarbejderen", "arbejdsgiver": "Arbejdsgiveren"}[self]


class PlanStatus(StrEnum):
    """A plan is worked out (kladde), agreed by both (aftalt), or the request was refused."""

    DRAFT = "kladde"
    AGREED = "aftalt"
    REFUSED = "afslaaet"

    @property
    def title(self) -> str:
        return {"kladde": "Under udarbejdelse", "aftalt": "Aftalt", "afslaaet": "Afslået"}[self]


class PlanGoal(StrEnum):
    """What the plan aims at."""

    FULL = "fuld"
    PARTIAL = "delvis"

    @property
    def title(self) -> str:
        return {"fuld": "Fuld tilbagevenden", "delvis": "Delvis tilbagevenden"}[self]


class PlanHolds(StrEnum):
    """At a follow-up: does the plan hold?"""

    YES = "ja"
    PARTLY = "delvist"
    NO = "nej"

    @property
    def title(self) -> str:
        return {"ja": "Ja, planen holder", "delvist": "Delvist", "nej": "Nej, den skal ændres"}[
            self
        ]


@dataclass(frozen=True)
class SchedulePhase:
    """Some weeks of the graduated return at the same planned hours, with the main tasks."""

    weeks: int
    hours_per_week: float
    tasks: str = ""


@dataclass(frozen=True)
class PlanContent:
    """What one version of the plan says. `texts` holds the free text of each section of the
    guide file (background, tasks to keep, ...) by section id."""

    texts: Mapping[str, str] = field(default_factory=dict)
    goal: PlanGoal = PlanGoal.FULL
    target_date: date | None = None
    adjustments: tuple[str, ...] = ()  # adjustment ids of the guide file
    schedule_start: date | None = None  # a Monday: the schedule follows ISO weeks
    contract_hours: float = 37.0  # the employee's weekly hours when the version was made
    working_days: int = 5
    phases: tuple[SchedulePhase, ...] = ()


@dataclass(frozen=True)
class PlanVersion:
    """One version of a plan; `agreed_on` is set when both have agreed it (then it is fixed)."""

    version: int
    made_on: date
    content: PlanContent
    reason: str = ""  # what changed and why (from version 2)
    agreed_on: date | None = None

    @property
    def is_agreed(self) -> bool:
        return self.agreed_on is not None


@dataclass(frozen=True)
class FollowUp:
    """A follow-up meeting of the plan: planned for `due`, recorded when held."""

    due: date
    held_on: date | None = None
    how_it_went: str = ""
    holds: PlanHolds | None = None
    id: int | None = None

    @property
    def is_held(self) -> bool:
        return self.held_on is not None


@dataclass(frozen=True)
class RetentionPlan:
    """The plan of one absence, from the request to its newest version."""

    employee_id: int
    spell_id: int | None
    requested_by: PlanRequester
    requested_on: date
    status: PlanStatus = PlanStatus.DRAFT
    decided_on: date | None = None  # the day a request was refused
    refusal_reason: str = ""
    versions: tuple[PlanVersion, ...] = ()
    follow_ups: tuple[FollowUp, ...] = ()
    id: int | None = None

    @property
    def current(self) -> PlanVersion:
        """The newest version (a stored plan always has one)."""
        return self.versions[-1]

    @property
    def is_open(self) -> bool:
        """Being worked out or in force: a second plan for the absence is not allowed."""
        return self.status is not PlanStatus.REFUSED

    @property
    def agreed_on(self) -> date | None:
        """The day the first version was agreed."""
        return next((v.agreed_on for v in self.versions if v.agreed_on), None)


# --- The graduated schedule --------------------------------------------------------------------


def round_half_up(value: float, decimals: int = 1) -> float:
    """39.25 -> 39.3 as on paper (Python's round() gives 39.2 for the float 39.25)."""
    if not math.isfinite(value) or abs(value) >= 1e12:  # no schedule has such hours
        return value
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(str(value)).quantize(step, rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class ScheduleWeek:
    """One week of the graduated return: the planned hours and the partial absence."""

    number: int  # 1 for the first week of the schedule
    monday: date
    planned_hours: float
    contract_hours: float
    working_days: int
    tasks: str

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def iso_week(self) -> tuple[int, int]:
        """(ISO year, ISO week number): 28 December 2026 is week 53 of 2026."""
        year, week, _ = self.monday.isocalendar()
        return year, week

    @property
    def label(self) -> str:
        """'Uge 53, 2026' (the Danish week number and its year)."""
        year, week = self.iso_week
        return f"Uge {week}, {year}"

    @property
    def absent_hours(self) -> float:
        """Hours away from work this week (never below 0)."""
        return max(round_half_up(self.contract_hours - self.planned_hours, 2), 0.0)

    @property
    def absent_percent(self) -> float:
        """The partial absence as a share of the contract hours, to one decimal."""
        if self.contract_hours <= 0:
            return 0.0
        return round_half_up(100 * self.absent_hours / self.contract_hours, 1)

    @property
    def hours_per_day(self) -> float:
        """The planned hours spread over the employee's working days, to one decimal."""
        return round_half_up(self.planned_hours / max(self.working_days, 1), 1)

    @property
    def is_full_hours(self) -> bool:
        return self.absent_hours == 0

    @property
    def is_full_absence(self) -> bool:
        return self.planned_hours == 0


def schedule_weeks(content: PlanContent) -> list[ScheduleWeek]:
    """The schedule's phases as consecutive weeks from `schedule_start` (empty without one)."""
    if content.schedule_start is None:
        return []
    weeks = []
    monday = content.schedule_start
    for phase in content.phases:
        for _ in range(max(phase.weeks, 0)):
            weeks.append(
                ScheduleWeek(
                    len(weeks) + 1,
                    monday,
                    phase.hours_per_week,
                    content.contract_hours,
                    content.working_days,
                    phase.tasks,
                )  # fmt: skip
            )
            monday += ONE_WEEK
    return weeks


def under_sickness_minimum(week: ScheduleWeek, absence: AbsenceSpell) -> bool:
    """True when the week's absence is above 0 but under the 4 hours a week that count as
    sickness under the law (rules table "delvis_fravaer"): no sygedagpenge, no refusion."""
    version = rules_in_force(absence.first_day, str(absence.kind)).get("delvis_fravaer")
    if version is None or week.is_full_hours:
        return False
    return week.absent_hours < version.numbers["minimum_hours_per_week"]


def minimum_hours_text(absence: AbsenceSpell) -> str | None:
    version = rules_in_force(absence.first_day, str(absence.kind)).get("delvis_fravaer")
    return number(version.numbers["minimum_hours_per_week"]) if version else None


def check_content(
    content: PlanContent, made_on: date, absence: AbsenceSpell | None
) -> tuple[list[FieldError], list[str]]:
    """The problems that refuse agreeing or applying a version (Danish, per field) and the
    warnings that do not. A draft is stored as typed whatever this says."""
    errors: list[FieldError] = []
    warnings: list[str] = []
    absence = _as_judged(absence, content)
    if content.target_date is not None:
        if content.target_date < made_on:
            errors.append(
                FieldError(
                    "target_date",
                    f"Måldatoen ligger før planens dato ({long_date(made_on)}). Vælg en senere "
                    "dag.",
                )
            )
        elif absence is not None and absence.last_day and content.target_date > absence.last_day:
            errors.append(
                FieldError(
                    "target_date",
                    f"Fraværet sluttede {long_date(absence.last_day)}, før måldatoen. Ret "
                    "måldatoen, eller ret fraværets sidste dag.",
                )
            )
    errors += _schedule_errors(content, absence)
    weeks = schedule_weeks(content)
    if weeks and absence is not None:
        small = [w for w in weeks if under_sickness_minimum(w, absence)]
        if small:
            names = ", ".join(w.label.lower() for w in small)
            warnings.append(
                f"I {names} er fraværet under {minimum_hours_text(absence)} timer om ugen. Så "
                "regnes medarbejderen som rask efter sygedagpengeloven: der er ingen "
                "sygedagpenge og ingen refusion for de uger."
            )
    if weeks and content.target_date and weeks[-1].sunday > content.target_date:
        warnings.append(
            f"Trappen slutter {long_date(weeks[-1].sunday)}, efter måldatoen "
            f"({long_date(content.target_date)})."
        )
    return errors, warnings


def _as_judged(absence: AbsenceSpell | None, content: PlanContent) -> AbsenceSpell | None:
    """The absence as the checks see it: an end from the day before the schedule's first
    Monday on was made by putting the schedule into the register, so it is not an end before
    the plan's target date or its schedule."""
    start = content.schedule_start
    if absence is None or absence.last_day is None or start is None:
        return absence
    if absence.last_day >= start - ONE_DAY:
        return replace(absence, last_day=None)
    return absence


def _schedule_errors(content: PlanContent, absence: AbsenceSpell | None) -> list[FieldError]:
    errors: list[FieldError] = []
    start = content.schedule_start
    if not content.phases:
        return errors
    if start is None:
        return [FieldError("schedule_start", "Vælg den mandag, trappen begynder.")]
    if start.weekday() != 0:
        monday = start - timedelta(days=start.weekday())
        errors.append(
            FieldError(
                "schedule_start",
                "Trappen følger ugerne og skal begynde en mandag. Uge "
                f"{start.isocalendar()[1]} begynder {long_date(monday)}.",
            )
        )
    if absence is not None and start < absence.first_day:
        errors.append(
            FieldError(
                "schedule_start",
                f"Trappen begynder før fraværet ({long_date(absence.first_day)}).",
            )
        )
    if absence is not None and absence.last_day is not None and start > absence.last_day:
        errors.append(
            FieldError(
                "schedule_start",
                f"Fraværet sluttede {long_date(absence.last_day)}, før trappen begynder.",
            )
        )
    total = 0
    for index, phase in enumerate(content.phases, start=1):
        total += phase.weeks
        if phase.weeks < 1:
            errors.append(FieldError("phases", f"Trin {index}: skriv mindst 1 uge."))
        if not 0 <= phase.hours_per_week:
            errors.append(FieldError("phases", f"Trin {index}: timerne kan ikke være negative."))
        elif phase.hours_per_week > content.contract_hours:
            errors.append(
                FieldError(
                    "phases",
                    f"Trin {index}: {number(phase.hours_per_week)} timer er mere end "
                    f"medarbejderens {number(content.contract_hours)} timer om ugen. Sæt timerne "
                    "ned, eller ret medarbejderens timetal først.",
                )
            )
    if total > MAX_SCHEDULE_WEEKS:
        errors.append(
            FieldError(
                "phases",
                f"Trappen er {total} uger; den må højst være {MAX_SCHEDULE_WEEKS}. Lav en kortere "
                "trappe, og revidér planen undervejs.",
            )
        )
    if errors:
        return errors
    weeks = schedule_weeks(content)
    full = [w.is_full_hours for w in weeks]
    if True in full and not all(full[full.index(True) :]):
        first = weeks[full.index(True)]
        errors.append(
            FieldError(
                "phases",
                f"I {first.label.lower()} er medarbejderen på fulde timer, men senere uger er "
                "ikke. En uge uden fravær afslutter sygeforløbet; lad trappen slutte med de "
                "fulde timer.",
            )
        )
    if content.goal is PlanGoal.FULL and weeks and not weeks[-1].is_full_hours:
        errors.append(
            FieldError(
                "phases",
                f"Målet er fuld tilbagevenden, men trappen slutter på "
                f"{number(weeks[-1].planned_hours)} timer, ikke medarbejderens "
                f"{number(content.contract_hours)}. Tilføj et sidste trin med fulde timer, eller "
                "vælg delvis tilbagevenden som mål.",
            )
        )
    return errors


# --- The schedule in the absence register ------------------------------------------------------


@dataclass(frozen=True)
class RegisterRun:
    """Consecutive schedule weeks with the same absence: one spell of the register.
    `partial_hours` None = full absence; `last_day` None = goes on after the schedule."""

    first_day: date
    last_day: date | None
    partial_hours: float | None


def register_runs(content: PlanContent) -> list[RegisterRun]:
    """The absence the schedule means, as runs of equal absence; weeks at full hours at the end
    are presence, so the absence ends the day before the first of them. With a partial goal the
    last run goes on after the schedule, until the register is changed."""
    runs: list[RegisterRun] = []
    weeks = schedule_weeks(content)
    for week in weeks:
        if week.is_full_hours:
            break
        partial = None if week.is_full_absence else week.absent_hours
        if runs and runs[-1].partial_hours == partial:
            runs[-1] = RegisterRun(runs[-1].first_day, week.sunday, partial)
        else:
            runs.append(RegisterRun(week.monday, week.sunday, partial))
    if runs and weeks and not weeks[-1].is_full_hours:
        runs[-1] = RegisterRun(runs[-1].first_day, None, runs[-1].partial_hours)
    return runs


def run_text(run: RegisterRun) -> str:
    """'Delvist fravær, 22 timer om ugen, fra 11. januar 2027 til og med 24. januar 2027'."""
    what = "Fuldt fravær" if run.partial_hours is None else (
        f"Delvist fravær, {number(run.partial_hours, 2)} timer om ugen"
    )  # fmt: skip
    until = "og fremover" if run.last_day is None else f"til og med {long_date(run.last_day)}"
    return f"{what}, fra {long_date(run.first_day)} {until}"


# --- Planned versus actual ---------------------------------------------------------------------


@dataclass(frozen=True)
class WeekOutcome:
    """One started week: the hours planned and the hours worked by the register."""

    week: ScheduleWeek
    worked_hours: float

    @property
    def difference(self) -> float:
        return round_half_up(self.worked_hours - self.week.planned_hours, 1)


def planned_versus_actual(
    content: PlanContent, spells: Iterable[AbsenceSpell], today: date
) -> list[WeekOutcome]:
    """For each schedule week that has begun by `today`: the hours worked by the register (the
    contract hours less the registered absence, each day a seventh of the week)."""
    spells = list(spells)
    outcomes = []
    for week in schedule_weeks(content):
        if week.monday > today:
            break
        absent = 0.0
        for offset in range(7):
            day = week.monday + timedelta(days=offset)
            spell = next((s for s in spells if s.covers(day)), None)
            if spell is not None:
                hours = spell.partial_hours_per_week
                absent += (week.contract_hours if hours is None else hours) / 7
        worked = max(week.contract_hours - absent, 0.0)
        outcomes.append(WeekOutcome(week, round_half_up(worked, 1)))
    return outcomes


# --- Checks on the plan itself -----------------------------------------------------------------


def check_request(
    plan: RetentionPlan, absence: AbsenceSpell | None, today: date
) -> list[FieldError]:
    """The problems that refuse starting a plan."""
    errors: list[FieldError] = []
    if absence is None:
        errors.append(
            FieldError(
                "spell_id", "Vælg det fravær, planen handler om. En plan hører til et fravær."
            )
        )
    if plan.requested_on > today:
        errors.append(FieldError("requested_on", "Datoen for ønsket kan ikke ligge efter i dag."))
    elif absence is not None and plan.requested_on < absence.first_day:
        errors.append(
            FieldError(
                "requested_on",
                f"Ønsket ligger før fraværet begyndte ({long_date(absence.first_day)}).",
            )
        )
    return errors


def check_refusal(
    reason: str, decided_on: date, plan: RetentionPlan, today: date
) -> list[FieldError]:
    """A refusal needs a reason and a date from the request to today."""
    errors = []
    if not reason.strip():
        errors.append(
            FieldError(
                "refusal_reason",
                "Skriv kort, hvorfor I ikke laver en plan. Begrundelsen står i svaret til "
                "medarbejderen.",
            )
        )
    if decided_on > today:
        errors.append(FieldError("decided_on", "Afgørelsen kan ikke ligge efter i dag."))
    elif decided_on < plan.requested_on:
        errors.append(
            FieldError(
                "decided_on",
                f"Afgørelsen ligger før ønsket ({long_date(plan.requested_on)}).",
            )
        )
    return errors


def check_follow_up(follow_up: FollowUp, plan: RetentionPlan, today: date) -> list[FieldError]:
    errors = []
    if follow_up.due < plan.requested_on:
        errors.append(
            FieldError("due", f"Opfølgningen ligger før planen ({long_date(plan.requested_on)}).")
        )
    if follow_up.held_on is not None:
        if follow_up.held_on > today:
            errors.append(
                FieldError(
                    "held_on", "Opfølgningen kan ikke være holdt en dag, der ikke er kommet."
                )
            )
        if follow_up.holds is None:
            errors.append(FieldError("holds", "Svar på, om planen holder."))
    return errors


def check_contract_hours(content: PlanContent, weekly_hours: float) -> list[FieldError]:
    """A version made for other contract hours than the employee has now must be revised before
    it goes into the register: the partial absence would be wrong."""
    if abs(content.contract_hours - weekly_hours) < 0.005:
        return []
    return [
        FieldError(
            "contract_hours",
            f"Planen er lavet til {number(content.contract_hours, 2)} timer om ugen, men "
            f"medarbejderen har nu {number(weekly_hours, 2)}. Lav en ny version af planen (den "
            "får de nye timer), før du fører den ind i fraværet.",
        )
    ]
