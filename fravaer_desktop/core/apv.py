"""The sickness-absence part of the workplace assessment (APV): the figures, the assessment, the
action plan and the revision.

Qt-free and database-free. The figures are the Statistik figures (`core.statistics`) for the
same period and groups – one code path – with small groups protected: no group of fewer than
`MIN_GROUP_SIZE` employees is shown on its own, and nothing from which one person's absence can
be read (no names, no individual rows) is computed here at all. The checklist texts live in
`resources/apv/`; the legal numbers (revision every 3 years, an arbejdsmiljøorganisation from 10
employees) in the rules table.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from fravaer_desktop.core.absence import wholes_of_joined_parts, within_employment
from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.core.rules import latest
from fravaer_desktop.core.validation import FieldError

if TYPE_CHECKING:
    # Imported where the figures are worked out: the Overblik needs this module at start-up
    # (the revision date), the statistics only when an APV is opened.
    from fravaer_desktop.core.statistics import AbsenceStatistics

#: A group with fewer employees than this is never shown on its own: in a small company a
#: department of three is three people whose absence the staff could read off (privacy, not
#: law; Arbejdstilsynet asks about the work environment's effect, not about persons).
MIN_GROUP_SIZE = 5
OTHERS = "Øvrige"
NO_DEPARTMENT = "Uden afdeling"
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


# --- The figures -------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupFigures:
    """The Statistik figures of one group: a department, or "Øvrige" (small ones together)."""

    name: str
    departments: tuple[str, ...]
    statistics: AbsenceStatistics

    @property
    def employees(self) -> int:
        return self.statistics.employees


@dataclass(frozen=True)
class ApvFigures:
    """Everything the APV shows about absence, for a period against the period before."""

    first: date
    last: date
    current: AbsenceStatistics
    previous: AbsenceStatistics
    employees_with_absence: int  # with at least one sickness spell in the period
    previous_employees_with_absence: int
    groups: tuple[GroupFigures, ...]  # empty: too few employees to show departments
    merged_departments: tuple[str, ...]  # departments shown only inside "Øvrige"
    weekday_starts: tuple[int, ...]  # sickness spells begun in the period, Monday first
    recorded_since: date | None  # the first absence in the file

    @property
    def company_only(self) -> bool:
        """Fewer than MIN_GROUP_SIZE employees: only the company's own totals are shown."""
        return self.current.employees < MIN_GROUP_SIZE

    @property
    def shows_months(self) -> bool:
        """Month by month only with enough people: in a company of four, one month's figure
        can be one person's absence."""
        return not self.company_only and bool(self.current.months)

    @property
    def share_with_absence(self) -> float:
        return _share(self.employees_with_absence, self.current.employees)

    @property
    def previous_share_with_absence(self) -> float:
        return _share(self.previous_employees_with_absence, self.previous.employees)

    @property
    def spells_per_employee(self) -> float:
        return _ratio(self.current.spells, self.current.employees)

    @property
    def previous_spells_per_employee(self) -> float:
        return _ratio(self.previous.spells, self.previous.employees)

    @property
    def before_first_data(self) -> bool:
        """The whole period lies before anything was registered in the file."""
        return self.recorded_since is None or self.last < self.recorded_since


def _share(part: int, whole: int) -> float:
    return 100.0 * part / whole if whole else 0.0


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def default_period(today: date) -> tuple[date, date]:
    """The last 12 months up to today, as the Statistik page counts them."""
    from fravaer_desktop.core.statistics import twelve_months_back

    return twelve_months_back(today), today


def previous_period(first: date, last: date) -> tuple[date, date]:
    """The period of the same length just before."""
    length = last - first
    end = first - timedelta(days=1)
    return end - length, end


def apv_figures(
    employees: Sequence[Employee], spells: Sequence[AbsenceSpell], first: date, last: date,
    today: date,
) -> ApvFigures:  # fmt: skip
    """The APV figures for `first`–`last` (counted up to `today`) and the period before."""
    from fravaer_desktop.core.statistics import COMPANY, absence_statistics, recorded_since

    before_first, before_last = previous_period(first, last)
    recorded = recorded_since(spells)
    spells = _reaching(spells, before_first, last)
    current = absence_statistics(employees, spells, first, last, today, COMPANY)
    previous = absence_statistics(employees, spells, before_first, before_last, today, COMPANY)
    groups, merged = _groups(employees, spells, first, last, today, current.employees)
    return ApvFigures(
        first=first,
        last=min(last, today),
        current=current,
        previous=previous,
        employees_with_absence=_with_absence(employees, spells, first, min(last, today)),
        previous_employees_with_absence=_with_absence(
            employees, spells, before_first, min(before_last, today)
        ),
        groups=groups,
        merged_departments=merged,
        weekday_starts=_weekday_starts(employees, spells, first, min(last, today))
        if current.employees >= MIN_GROUP_SIZE
        else (),
        recorded_since=recorded,
    )


def _reaching(spells: Sequence[AbsenceSpell], first: date, last: date) -> list[AbsenceSpell]:
    """The spells whose unbroken absence has a day from `first` to `last`: everything the
    figures of the two periods read (with the earlier parts of an absence that runs into them,
    so short and long are judged on the whole), and far fewer than ten years of spells."""
    wholes = wholes_of_joined_parts(spells)
    found = []
    for spell in spells:
        whole = wholes.get(id(spell), spell)
        if whole.first_day <= last and (whole.last_day is None or whole.last_day >= first):
            found.append(spell)
    return found


def _department(employee: Employee) -> str:
    return employee.department.strip() or NO_DEPARTMENT


def _groups(
    employees: Sequence[Employee], spells: Sequence[AbsenceSpell], first: date, last: date,
    today: date, company_size: int,
) -> tuple[tuple[GroupFigures, ...], tuple[str, ...]]:  # fmt: skip
    """Departments of at least MIN_GROUP_SIZE employees, and the small ones together as
    "Øvrige". When "Øvrige" would still be under MIN_GROUP_SIZE, the smallest department that
    could be shown joins it: otherwise the company's total less the shown departments would give
    the small group's figures away. With one group left, no breakdown is shown at all."""
    from fravaer_desktop.core.statistics import COMPANY, absence_statistics

    if company_size < MIN_GROUP_SIZE:
        return (), ()
    by_department: dict[str, list[Employee]] = {}
    for employee in employees:
        by_department.setdefault(_department(employee), []).append(employee)
    figures = {
        name: absence_statistics(staff, spells, first, last, today, COMPANY)
        for name, staff in by_department.items()
    }
    counted = {name: f for name, f in figures.items() if f.employees > 0}
    big = sorted((n for n, f in counted.items() if f.employees >= MIN_GROUP_SIZE),
                 key=lambda n: (counted[n].employees, n))  # fmt: skip
    small = sorted(n for n in counted if n not in big)
    while small and sum(counted[n].employees for n in small) < MIN_GROUP_SIZE and big:
        small.append(big.pop(0))  # the smallest shown department joins "Øvrige"
    shown = [GroupFigures(n, (n,), counted[n]) for n in sorted(big)]
    if small:
        staff = [e for n in small for e in by_department[n]]
        others = absence_statistics(staff, spells, first, last, today, COMPANY)
        shown.append(GroupFigures(OTHERS, tuple(sorted(small)), others))
    if len(shown) < 2:
        return (), tuple(sorted(counted))
    return tuple(shown), tuple(sorted(small))


def _sickness_in_period(
    employees: Sequence[Employee], spells: Sequence[AbsenceSpell], first: date, last: date
) -> Iterable[AbsenceSpell]:
    by_employee: dict[int, list[AbsenceSpell]] = {}
    for spell in spells:
        if spell.kind.is_sickness:
            by_employee.setdefault(spell.employee_id, []).append(spell)
    for employee in employees:
        for spell in within_employment(employee, by_employee.get(employee.id, []), last):
            if spell.first_day <= last and spell.end_or(last) >= first:
                yield spell


def _with_absence(
    employees: Sequence[Employee], spells: Sequence[AbsenceSpell], first: date, last: date
) -> int:
    return len({s.employee_id for s in _sickness_in_period(employees, spells, first, last)})


def _weekday_starts(
    employees: Sequence[Employee], spells: Sequence[AbsenceSpell], first: date, last: date
) -> tuple[int, ...]:
    counts = [0] * 7
    for spell in _sickness_in_period(employees, spells, first, last):
        if spell.first_day >= first:
            counts[spell.first_day.weekday()] += 1
    return tuple(counts)


# --- The assessment ----------------------------------------------------------------------------


class Answer(StrEnum):
    YES = "ja"
    NO = "nej"
    UNKNOWN = "ved_ikke"

    @property
    def title(self) -> str:
        return {"ja": "Ja", "nej": "Nej", "ved_ikke": "Ved ikke"}[self]


@dataclass(frozen=True)
class ChecklistAnswer:
    """What the staff meeting said about one condition of the checklist."""

    relevant: Answer | None = None  # is it relevant here?
    affects_absence: Answer | None = None  # could it affect absence?
    notes: str = ""  # what the figures and the staff say: about conditions, never persons

    @property
    def is_empty(self) -> bool:
        return self.relevant is None and self.affects_absence is None and not self.notes.strip()


class ActionStatus(StrEnum):
    OPEN = "aaben"
    ACTIVE = "i_gang"
    DONE = "faerdig"

    @property
    def title(self) -> str:
        return {"aaben": "Ikke begyndt", "i_gang": "I gang", "faerdig": "Færdig"}[self]


@dataclass(frozen=True)
class ApvAction:
    """One line of the action plan."""

    problem: str
    measure: str
    cause: str = ""
    responsible: str = ""
    deadline: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    follow_up: str = ""  # how the effect is followed
    id: int | None = None


class ApvStatus(StrEnum):
    DRAFT = "kladde"
    DONE = "faerdig"


#: The free texts of an APV by phase (Arbejdstilsynet's five phases; 2 is the checklist).
TEXT_FIELDS = ("kortlaegning", "sygefravaer", "retningslinjer", "aendringer")


@dataclass(frozen=True)
class Apv:
    """One APV's sickness part: its frame, the assessment, the action plan, the follow-up."""

    made_on: date
    period_first: date
    period_last: date
    participants: str = ""
    amo_took_part: bool = False
    texts: Mapping[str, str] = field(default_factory=dict)
    answers: Mapping[str, ChecklistAnswer] = field(default_factory=dict)
    actions: tuple[ApvAction, ...] = ()
    status: ApvStatus = ApvStatus.DRAFT
    completed_on: date | None = None
    figures_json: str = ""  # the figures as shown when completed (aggregates only)
    id: int | None = None

    @property
    def is_done(self) -> bool:
        return self.status is ApvStatus.DONE


def amo_required(employee_count: int) -> bool:
    """10 or more employees: an arbejdsmiljøorganisation must take part (rules table)."""
    return employee_count >= latest("apv_amo").numbers["min_employees"]


def revision_due(completed_on: date) -> date:
    """The day an APV completed on `completed_on` must be revised at the latest (3 years)."""
    years = latest("apv_revision").numbers["revise_years"]
    try:
        return completed_on.replace(year=completed_on.year + years)
    except ValueError:  # 29 February
        return completed_on.replace(year=completed_on.year + years, day=28)


def check_period(first: date, last: date, today: date) -> list[FieldError]:
    errors = []
    if last < first:
        errors.append(FieldError("period_last", "Periodens slutning ligger før dens begyndelse."))
    if first > today:
        errors.append(FieldError("period_first", "Perioden begynder efter i dag."))
    return errors


def check_action(action: ApvAction, made_on: date) -> list[FieldError]:
    """An action must say what the problem is, what is done, who does it and by when."""
    errors = []
    if not action.problem.strip():
        errors.append(FieldError("problem", "Skriv, hvilket problem indsatsen handler om."))
    if not action.measure.strip():
        errors.append(FieldError("measure", "Skriv, hvad I vil gøre (indsatsen)."))
    if not action.responsible.strip():
        errors.append(
            FieldError("responsible", "Skriv, hvem der er ansvarlig, fx 'Anders (daglig leder)'.")
        )
    if action.deadline is None:
        errors.append(FieldError("deadline", "Vælg en frist for indsatsen."))
    elif action.deadline < made_on:
        errors.append(
            FieldError("deadline", f"Fristen ligger før APV'ens dato ({long_date(made_on)}).")
        )
    return errors


def check_completion(apv: Apv, today: date) -> list[FieldError]:
    """What refuses marking the APV as done: no participants, a wrong period, or an action
    without a problem, a measure, a responsible or a deadline."""
    errors = check_period(apv.period_first, apv.period_last, today)
    if not apv.participants.strip():
        errors.append(
            FieldError("participants", "Skriv, hvem der har været med (ledelse og medarbejdere).")
        )
    for number, action in enumerate(apv.actions, start=1):
        errors += [
            replace(error, message=f"Indsats {number}: {error.message}")
            for error in check_action(action, apv.made_on)
        ]
    if not apv.texts.get("retningslinjer", "").strip():
        errors.append(
            FieldError(
                "retningslinjer",
                "Skriv retningslinjerne for opfølgning: hvem følger op på handlingsplanen, og "
                "hvornår.",
            )
        )
    return errors


def mentioned_names(text: str, employees: Iterable[Employee]) -> list[str]:
    """The employees named in `text` (full name, or first name as a capitalised word): notes
    in the APV are about conditions, never about persons."""
    found = []
    for employee in employees:
        name = employee.name.strip()
        if not name:
            continue
        first = name.split()[0]
        if re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE) or (
            len(first) > 2 and re.search(rf"\b{re.escape(first)}\b", text)
        ):
            found.append(name)
    return found


# --- The figures in words (screen and paper) --------------------------------------------------


def figure_rows(figures: ApvFigures) -> list[tuple[str, str, str]]:
    """(what, this period, the period before) for the key figures, as Danish texts."""
    from fravaer_desktop.core.models import AbsenceKind
    from fravaer_desktop.core.statistics import days_number_text, fixed_number, percent_text

    now, before = figures.current, figures.previous
    injury_now = now.kind(AbsenceKind.WORK_INJURY)
    injury_before = before.kind(AbsenceKind.WORK_INJURY)
    return [
        ("Fraværsprocent (sygefravær)", percent_text(now.percent), percent_text(before.percent)),
        ("Sygefraværsdage pr. fuldtidsansat", days_number_text(now.days_per_fte),
         days_number_text(before.days_per_fte)),
        ("Sygeperioder i alt", str(now.spells), str(before.spells)),
        ("– korte (højst 14 dage)", str(now.short_spells), str(before.short_spells)),
        ("– lange (mere end 14 dage)", str(now.long_spells), str(before.long_spells)),
        ("Sygeperioder pr. medarbejder", fixed_number(figures.spells_per_employee),
         fixed_number(figures.previous_spells_per_employee)),
        ("Andel af medarbejderne med sygefravær", percent_text(figures.share_with_absence),
         percent_text(figures.previous_share_with_absence)),
        ("Fravær efter arbejdsskade (sygeperioder)", str(injury_now.spells),
         str(injury_before.spells)),
        ("Barns sygedage (ikke sygefravær; sygeperioder)", str(now.child_sick.spells),
         str(before.child_sick.spells)),
        ("Medarbejdere i perioden", str(now.employees), str(before.employees)),
    ]  # fmt: skip


def protection_note(figures: ApvFigures) -> str:
    """Why some groups are not shown on their own (empty when nothing is held back)."""
    if figures.company_only:
        return (
            f"Virksomheden har under {MIN_GROUP_SIZE} medarbejdere i perioden. For at ingen "
            "enkeltpersons fravær kan læses ud af tallene, vises kun tal for hele virksomheden "
            "og hele perioden (ikke afdelinger, måneder eller ugedage)."
        )
    if not figures.groups and len(figures.merged_departments) < 2:
        return ""  # one department: nothing to split, nothing held back
    if not figures.groups:
        return (
            f"Afdelingerne vises ikke hver for sig: mindst én har under {MIN_GROUP_SIZE} "
            "medarbejdere, og den ville kunne regnes ud af de andre."
        )
    if figures.merged_departments:
        names = ", ".join(figures.merged_departments)
        return (
            f"{names} er talt med under »{OTHERS}«, så ingen gruppe har under "
            f"{MIN_GROUP_SIZE} medarbejdere, og ingens fravær kan læses ud af tallene."
        )
    return ""
