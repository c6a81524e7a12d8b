"""The legal timeline of one absence spell: which rules apply, and the last allowed day of each.

`deadlines_for` is a public contract: other parts of the program and outside checks call it.
All numbers come from the rules table in `core.rules`; a spell is judged by the rule versions
in force on its first absence day. Deadlines are calendar days and are shown as they fall, also
on a weekend or a public holiday.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from fravaer_desktop.core.frozen import build_frozen
from fravaer_desktop.core.rules import RuleVersion, is_fit_by_law, rule_for, rules_in_force

ONE_DAY = timedelta(days=1)
DAYS_PER_WEEK = timedelta(weeks=1).days

#: The rules that follow from being sick under the sygedagpengelov (or barselsloven): none of
#: them applies while a partial absence is too small to count ("delvis_fravaer"). Reporting a
#: work accident in EASY does not depend on it.
NEEDS_SICKNESS_BY_LAW = frozenset(
    {
        "samtale",
        "arbejdsgiverperiode",
        "anmeldelse",
        "graviditet_anmeldelse",
        "fast_track",
        "fastholdelsesplan",
        "jobcenter",
    }
)


@dataclass(frozen=True)
class Deadline:
    """One thing the law asks for (or allows) in an absence spell.

    `due` is the last allowed day, or None for an option without a deadline.
    """

    rule: str
    due: date | None
    title: str
    source: str
    explanation: str = ""
    is_option: bool = False
    is_milestone: bool = False


def _deadline(version: RuleVersion, due: date | None) -> Deadline:
    return build_frozen(
        Deadline,
        rule=version.rule,
        due=due,
        title=version.title,
        source=version.source,
        explanation=version.explanation,
        is_option=version.is_option,
        is_milestone=version.is_milestone,
    )


def employer_period_end(
    first_day: date,
    kind: str = "sygdom",
    *,
    fleksjob: bool = False,
    section_56: bool = False,
    employed_since: date | None = None,
    weekly_hours: float | None = None,
) -> date | None:
    """Last day of the employer period (arbejdsgiverperiode), or None when there is none.

    There is none for pregnancy-related sickness, a child's sick day and other absence (the rule
    does not apply to those kinds), for fleksjob, for absence under a § 56-aftale, and for an
    employee who on day 1 has not been employed for the last 8 weeks (also when the spell, in
    older data, began before the employment did) or whose contract hours over those 8 weeks
    come to less than 74 hours (`weekly_hours` 0 or None: not known, the period applies).
    """
    version = rule_for("arbejdsgiverperiode", first_day, str(kind))
    return _employer_period_end(
        version, first_day, fleksjob, section_56, employed_since, weekly_hours
    )


def _employer_period_end(
    version: RuleVersion | None,
    first_day: date,
    fleksjob: bool,
    section_56: bool,
    employed_since: date | None,
    weekly_hours: float | None,
) -> date | None:
    if version is None or fleksjob or section_56:
        return None
    minimum = version.days("minimum_employment_days")
    if employed_since is not None and first_day - employed_since < minimum:
        return None
    if _too_few_hours(version, weekly_hours):
        return None
    return _statutory_period_end(version, first_day)


def _too_few_hours(version: RuleVersion, weekly_hours: float | None) -> bool:
    """True when the contract hours over the qualifying weeks fall short of § 30's minimum."""
    if not weekly_hours:
        return False
    numbers = version.numbers
    minimum_hours = numbers.get("minimum_hours")
    # hours a week × weeks < minimum, in whole days to spare a division per spell
    return minimum_hours is not None and (
        weekly_hours * numbers["minimum_employment_days"] < minimum_hours * DAYS_PER_WEEK
    )


def _statutory_period_end(version: RuleVersion, first_day: date) -> date:
    return first_day + version.days("length_days") - ONE_DAY


def _report_due(
    version: RuleVersion | None,
    first_day: date,
    salary_paid: bool,
    employer_end: date | None,
    beyond: bool,
) -> tuple[RuleVersion, date] | None:
    """The § 40 report to the kommune: which version applies and its last day, if any.

    `beyond` is True when the absence lasts beyond the statutory employer period (day 1 + 29
    today), also for an employee without an employer period (fleksjob, § 56, newly hired):
    their refusion runs from day 1, and the 5-week limit applies to absence beyond 30 days.
    """
    if version is None:
        return None
    numbers = version.numbers
    if salary_paid:  # § 40, stk. 1
        return (version, first_day + version.days("due_days")) if beyond else None
    if employer_end is not None:  # § 40, stk. 2: sygedagpenge paid in the employer period
        if not (beyond and numbers.get("after_sygedagpenge_days")):
            return None
        return version, employer_end + version.days("after_sygedagpenge_days")
    no_pay = numbers.get("no_pay_due_days")  # § 40, stk. 3: neither salary nor sygedagpenge
    return (version, first_day + version.days("no_pay_due_days")) if no_pay else None


def _not_back_within(
    version: RuleVersion, first_day: date, last_day: date | None, expected_return: date | None
) -> bool:
    """True when the employee is not (known to be) back within the rule's expected absence.

    Back on the day after `last_day`, or on `expected_return`; "within 8 weeks" means back
    no later than day 1 + 56. Nothing known counts as not back.
    """
    limit = first_day + version.days("expected_absence_days")
    if last_day is not None:
        return last_day >= limit
    return expected_return is None or expected_return > limit


def deadlines_for(
    first_day: date,
    *,
    kind: str = "sygdom",
    last_day: date | None = None,
    expected_return: date | None = None,
    salary_paid: bool = True,
    fleksjob: bool = False,
    section_56: bool = False,
    employed_since: date | None = None,
    leaves_on: date | None = None,
    partial_hours_per_week: float | None = None,
    weekly_hours: float | None = None,
) -> list[Deadline]:
    """The rules that apply to one spell, with their deadlines, earliest first.

    `kind` is one of "sygdom", "barn_syg", "graviditet", "arbejdsskade", "andet".
    `salary_paid` False means the employer pays sygedagpenge, not salary, during sickness.
    `leaves_on` is the last day of employment of an employee under notice.
    `partial_hours_per_week` is None for full absence; under 4 hours a week the employee
    counts as fit under the law, and only rules outside the sygedagpengelov remain.
    `weekly_hours` are the contract hours (None or 0: not known), for § 30's 74 hours.
    """
    rules = rules_in_force(first_day, str(kind))  # one lookup for the spell's whole rule set
    if partial_hours_per_week is not None and is_fit_by_law(
        first_day, kind, partial_hours_per_week
    ):
        rules = {name: v for name, v in rules.items() if name not in NEEDS_SICKNESS_BY_LAW}
    found: list[Deadline] = []
    if (version := rules.get("samtale")) is not None:
        due = first_day + version.days("due_days")
        notice = first_day + version.days("notice_exception_days")
        leaves_soon = leaves_on is not None and leaves_on <= notice
        back_before = last_day is not None and last_day < due
        if not leaves_soon and not back_before:
            found.append(_deadline(version, due))
    period = rules.get("arbejdsgiverperiode")
    employer_end = _employer_period_end(
        period, first_day, fleksjob, section_56, employed_since, weekly_hours
    )
    beyond = period is not None and (
        last_day is None or last_day > _statutory_period_end(period, first_day)
    )
    if period is not None and employer_end is not None:
        found.append(_deadline(period, employer_end))
    report = _report_due(rules.get("anmeldelse"), first_day, salary_paid, employer_end, beyond)
    if report is not None:
        found.append(_deadline(*report))
    if salary_paid and (version := rules.get("graviditet_anmeldelse")):
        found.append(_deadline(version, first_day + version.days("due_days")))
    if (version := rules.get("arbejdsskade")) is not None:
        found.append(_deadline(version, first_day + version.days("due_days")))
    for rule in ("fast_track", "fastholdelsesplan"):
        version = rules.get(rule)
        if version is not None and _not_back_within(version, first_day, last_day, expected_return):
            due = first_day + version.days("due_days") if version.numbers.get("due_days") else None
            found.append(_deadline(version, due))
    if beyond and (version := rules.get("jobcenter")):
        found.append(_deadline(version, first_day + version.days("due_days")))
    if len(found) > 1:  # most spells have one deadline or none
        found.sort(key=_earliest_first)
    return found


def _earliest_first(deadline: Deadline) -> tuple[bool, date]:
    return deadline.due is None, deadline.due or date.max
