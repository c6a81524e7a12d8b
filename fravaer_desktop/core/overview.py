"""The "what to do now" overview: every open item from the law and the company's policy.

Pure function over plain data: employees, spells, stored decisions, policy and today.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import Enum

from fravaer_desktop.core.absence import joined_absences, within_employment
from fravaer_desktop.core.apv import ActionStatus, Apv, revision_due
from fravaer_desktop.core.conversation import (
    DOCUMENT_TITLES,
    Conversation,
    ConversationKind,
    DocumentRequest,
)
from fravaer_desktop.core.counters import (
    FrequentAbsence,
    SickWeeks,
    frequent_absence,
    months_before,
    paid_sick_weeks,
)
from fravaer_desktop.core.danish import counted, long_date
from fravaer_desktop.core.deadlines import deadlines_for
from fravaer_desktop.core.models import (
    AbsencePolicy,
    AbsenceSpell,
    Company,
    Employee,
    TaskDecision,
    TaskStatus,
)
from fravaer_desktop.core.retention_plan import PlanStatus, RetentionPlan
from fravaer_desktop.core.rule_120 import (
    Rule120Status,
    count_text,
    rule_120_status,
    source_text,
    window_text,
)
from fravaer_desktop.core.rules import default_contact_days, latest, rule_for

#: Spells are followed up while ongoing and for this many months after their first day
#: (the § 59 limit after which a late report can no longer be excused).
FOLLOW_UP_MONTHS = latest("anmeldelse").numbers["dispensation_limit_months"]
#: Items about the company as a whole (the APV) stand under this id and name, not a person's.
COMPANY_ID = 0
COMPANY_NAME = "Hele virksomheden"


class Horizon(Enum):
    """When an item is due, seen from today."""

    OVERDUE = "Overskredet"
    TODAY = "I dag"
    THIS_WEEK = "Denne uge"
    LATER = "Senere"
    NO_DEADLINE = "Uden frist"
    DECIDED = "Afklaret"  # done ("Klaret …") or decided not relevant
    PASSED = "Passeret"  # an option or a milestone whose day is gone: nothing left to do


@dataclass(frozen=True)
class OverviewItem:
    """One thing to do (or consider) about one employee, perhaps about one spell."""

    rule: str
    employee_id: int
    employee_name: str
    title: str
    explanation: str
    source: str
    due: date | None
    spell_id: int | None = None
    is_option: bool = False
    detail: str = ""
    decision: TaskDecision | None = None
    is_milestone: bool = False

    @property
    def is_task(self) -> bool:
        """Something the manager must do (not an option to consider or a date to know)."""
        return not (self.is_option or self.is_milestone)

    @property
    def key(self) -> tuple[str, int, int | None, date | None]:
        return (self.rule, self.employee_id, self.spell_id, self.due)

    def horizon(self, today: date) -> Horizon:
        if self.decision is not None:
            return Horizon.DECIDED
        if self.due is None:
            return Horizon.NO_DEADLINE
        if self.due < today:
            return Horizon.OVERDUE if self.is_task else Horizon.PASSED
        if self.due == today:
            return Horizon.TODAY
        if self.due <= today + timedelta(days=6 - today.weekday()):
            return Horizon.THIS_WEEK
        return Horizon.LATER


@dataclass(frozen=True)
class AbsentNow:
    employee_id: int
    employee_name: str
    spell: AbsenceSpell
    day_number: int


@dataclass(frozen=True)
class Overview:
    today: date
    items: list[OverviewItem] = field(default_factory=list)
    absent_now: list[AbsentNow] = field(default_factory=list)
    rule_120: dict[int, Rule120Status] = field(default_factory=dict)
    sick_weeks: dict[int, SickWeeks] = field(default_factory=dict)
    frequent: dict[int, FrequentAbsence] = field(default_factory=dict)
    names: dict[int, str] = field(default_factory=dict)  # employee id -> name

    def replacing_employee(self, employee_id: int, fresh: Overview) -> Overview:
        """This overview with one employee's part replaced by `fresh`, an overview of that
        employee alone (empty when the employee was deleted)."""

        def others(values: dict) -> dict:
            return {k: v for k, v in values.items() if k != employee_id}

        absent = [a for a in self.absent_now if a.employee_id != employee_id] + fresh.absent_now
        return Overview(
            self.today,
            [i for i in self.items if i.employee_id != employee_id] + fresh.items,
            sorted(absent, key=lambda a: a.spell.first_day),
            {**others(self.rule_120), **fresh.rule_120},
            {**others(self.sick_weeks), **fresh.sick_weeks},
            {**others(self.frequent), **fresh.frequent},
            {**others(self.names), **fresh.names},
        )

    def grouped(self) -> dict[Horizon, list[OverviewItem]]:
        groups: dict[Horizon, list[OverviewItem]] = {h: [] for h in Horizon}
        for item in self.items:
            groups[item.horizon(self.today)].append(item)
        for items in groups.values():
            items.sort(key=lambda i: (i.due or date.max, i.employee_name, i.title))
        return groups

    def open_items(self) -> list[OverviewItem]:
        """Items still to do or to know about: not decided and not passed."""
        closed = (Horizon.DECIDED, Horizon.PASSED)
        return [i for i in self.items if i.horizon(self.today) not in closed]


def build_overview(
    company: Company | None,
    employees: Iterable[Employee],
    spells: Iterable[AbsenceSpell],
    decisions: Iterable[TaskDecision],
    policy: AbsencePolicy,
    today: date,
    conversations: Iterable[Conversation] = (),
    document_requests: Iterable[DocumentRequest] = (),
    plans: Iterable[RetentionPlan] = (),
    apvs: Iterable[Apv] | None = None,
) -> Overview:
    """Everything the manager should do or know today, with stored decisions applied.

    Held conversations close what they were held for (the § 7a conversation of the absence, the
    talk about frequent absence, an earlier agreed contact, the contact routine's days near
    them); their next contact and agreed steps,
    and the documentation asked for, become items of their own. A retention plan agreed or
    refused closes the absence's "Mulighed: fastholdelsesplan"; its follow-ups are items. The
    APV's revision and its action plan's deadlines are items of the whole company (`apvs`
    None: the caller reads no APVs, and the overview says nothing about them).
    """
    salary_paid = company.pays_salary_during_sickness if company else True
    by_key = {d.key: d for d in decisions}
    by_employee: dict[int, list[AbsenceSpell]] = {}
    for spell in spells:
        by_employee.setdefault(spell.employee_id, []).append(spell)
    talks: dict[int, list[Conversation]] = {}
    for conversation in conversations:
        talks.setdefault(conversation.employee_id, []).append(conversation)
    requests: dict[int, list[DocumentRequest]] = {}
    for request in document_requests:
        requests.setdefault(request.employee_id, []).append(request)
    plans_of: dict[int, list[RetentionPlan]] = {}
    for plan in plans:
        plans_of.setdefault(plan.employee_id, []).append(plan)
    held_for: dict[tuple, TaskDecision] = {}  # item key -> "done by holding the conversation"
    overview = Overview(today)
    follow_from = months_before(today, FOLLOW_UP_MONTHS)
    for employee in employees:
        overview.names[employee.id] = employee.name
        own = within_employment(employee, by_employee.get(employee.id, []), today)
        own_talks = talks.get(employee.id, [])
        for whole, parts in joined_absences(own):
            if whole.first_day > today or (whole.last_day and whole.first_day < follow_from):
                continue
            spell_items = _spell_items(employee, whole, salary_paid, policy, today)
            overview.items.extend(spell_items)
            held_for.update(_closed_by_conversations(spell_items, parts, own_talks))
            held_for.update(_contacts_made_in_conversations(spell_items, parts, own_talks))
            held_for.update(_closed_by_plans(spell_items, parts, plans_of.get(employee.id, [])))
            current = next((part for part in parts if part.covers(today)), None)
            if current is not None:  # today's extent; the day number counts the whole absence
                day_number = (today - whole.first_day).days + 1
                overview.absent_now.append(
                    AbsentNow(employee.id, employee.name, current, day_number)
                )
        employee_items = _employee_items(overview, employee, own, policy, today)
        overview.items.extend(employee_items)
        held_for.update(_closed_by_conversations(employee_items, [], own_talks))
        agreed = (
            _agreed_items(employee, own_talks)
            + _document_items(employee, requests.get(employee.id, []))
            + _follow_up_items(employee, plans_of.get(employee.id, []))
        )
        held_for.update({i.key: i.decision for i in agreed if i.decision is not None})
        overview.items.extend(agreed)
    if apvs is not None:
        overview.items.extend(_apv_items(list(apvs), overview))
    applied = [
        _with_decision(
            item,
            _decision_in_force(
                item, by_key.get(item.key) or held_for.get(item.key), by_employee, today
            ),
        )
        for item in overview.items
    ]
    overview.items[:] = applied
    overview.absent_now.sort(key=lambda a: a.spell.first_day)
    return overview


def _decision_in_force(
    item: OverviewItem,
    decision: TaskDecision | None,
    by_employee: dict[int, list[AbsenceSpell]],
    today: date,
) -> TaskDecision | None:
    """The stored decision, unless it is about the employee as a whole (no spell, no date:
    frequent absence, 22 weeks, 120 days) and an absence of a kind that rule counts has begun
    since it was made (a child's sick day does not reopen a talk about frequent absence)."""
    if decision is None or item.spell_id is not None or item.due is not None:
        return decision
    kinds = latest(item.rule).kinds
    counted = [
        s.first_day
        for s in by_employee.get(item.employee_id, [])
        if s.first_day <= today and (not kinds or s.kind in kinds)
    ]
    return None if counted and max(counted) > decision.decided_on else decision


def _with_decision(item: OverviewItem, decision: TaskDecision | None) -> OverviewItem:
    if decision is None:
        return item
    return OverviewItem(**{**item.__dict__, "decision": decision})


def _spell_items(
    employee: Employee, spell: AbsenceSpell, salary_paid: bool, policy: AbsencePolicy, today: date
) -> list[OverviewItem]:
    section_56 = _under_section_56(employee, spell)
    expected_return = spell.expected_return
    if spell.last_day is None and expected_return is not None and expected_return <= today:
        expected_return = None  # the day came and the employee is still away: return unknown
    deadlines = deadlines_for(
        spell.first_day, kind=spell.kind, last_day=spell.last_day,
        expected_return=expected_return, salary_paid=salary_paid,
        fleksjob=employee.fleksjob, section_56=section_56, employed_since=employee.employed_from,
        leaves_on=employee.employed_to, partial_hours_per_week=spell.partial_hours_per_week,
        weekly_hours=employee.weekly_hours,
    )  # fmt: skip
    items = []
    back = spell.last_day is not None and spell.last_day < today
    for deadline in deadlines:
        if deadline.rule == "arbejdsgiverperiode" and not _runs_beyond(spell, deadline.due):
            continue
        if back and deadline.is_option and deadline.due is None:
            continue  # e.g. a retention plan: moot once the employee is back
        after_return = deadline.due is not None and not _runs_beyond(spell, deadline.due)
        if back and deadline.is_milestone and after_return:
            continue  # e.g. the jobcenter's first talk: it does not happen after the return
        items.append(
            OverviewItem(
                deadline.rule,
                employee.id,
                employee.name,
                deadline.title,
                deadline.explanation,
                deadline.source,
                deadline.due,
                spell.id,
                deadline.is_option,
                is_milestone=deadline.is_milestone,
            )  # fmt: skip
        )
    items.extend(_contact_items(employee, spell, policy, today))
    return items


def _under_section_56(employee: Employee, spell: AbsenceSpell) -> bool:
    """True when the spell's first day lies inside the employee's approved § 56-aftale.

    The agreement removes the employer period of that spell only; the report to the kommune,
    the conversation and the jobcenter follow-up still apply.
    """
    start, end = employee.section_56_from, employee.section_56_to
    if start is None or spell.first_day < start:
        return False
    return end is None or spell.first_day <= end


def _runs_beyond(spell: AbsenceSpell, day: date | None) -> bool:
    return day is not None and (spell.last_day is None or spell.last_day >= day)


def _contact_items(
    employee: Employee, spell: AbsenceSpell, policy: AbsencePolicy, today: date
) -> list[OverviewItem]:
    """The company's contact routine, while the employee is still away."""
    if not spell.covers(today):
        return []
    version = rule_for("kontakt", spell.first_day, spell.kind)
    if version is None:
        return []
    days = sorted(set(policy.contact_days or default_contact_days()))
    items = []
    for day_number in days:
        due = spell.first_day + timedelta(days=day_number - 1)
        if spell.last_day is not None and due > spell.last_day:
            break  # the employee is known to be back by then
        items.append(
            OverviewItem(
                "kontakt",
                employee.id,
                employee.name,
                f"{version.title} (dag {day_number})",
                version.explanation,
                version.source,
                due,
                spell.id,
                is_option=False,
            )  # fmt: skip
        )
    return items


def _employee_items(
    overview: Overview, employee: Employee, spells: list[AbsenceSpell], policy, today: date
) -> list[OverviewItem]:
    """Items about the employee as a whole: 120 days, 22 weeks, frequent short absence."""
    items = []
    status = rule_120_status(employee, spells, today)
    if status is not None:
        overview.rule_120[employee.id] = status
        if status.warning or status.has_window:
            items.append(_rule_120_item(employee, status))
    weeks = paid_sick_weeks(employee, spells, today)
    if weeks.weeks > 0:
        overview.sick_weeks[employee.id] = weeks
    if weeks.warning:
        version = latest("revurdering")
        detail = f"{weeks.weeks:.1f}".replace(".", ",") + f" af {weeks.limit} uger"
        items.append(
            OverviewItem(
                "revurdering",
                employee.id,
                employee.name,
                version.title,
                version.explanation,
                version.source,
                None,
                detail=detail,
            )  # fmt: skip
        )
    frequent = frequent_absence(spells, today, policy)
    if frequent.suggested:
        overview.frequent[employee.id] = frequent
        version = latest("fravaerssamtale")
        items.append(
            OverviewItem(
                "fravaerssamtale",
                employee.id,
                employee.name,
                version.title,
                version.explanation,
                version.source,
                None,
                detail=frequent_text(frequent),
            )  # fmt: skip
        )
    return items


def _rule_120_item(employee: Employee, status: Rule120Status) -> OverviewItem:
    """The count with its arithmetic, the window for notice (or why there is none) and what
    the count assumes; due on the last day notice can be given while the window is open."""
    version = latest("regel_120")
    sentences = [f"{part}." for part in (count_text(status), window_text(status)) if part]
    detail = " ".join([*sentences, *status.assumptions])
    due = status.last_notice_day if status.has_window else None
    return OverviewItem(
        "regel_120", employee.id, employee.name, version.title, version.explanation,
        source_text(), due, detail=detail, is_option=True,
    )  # fmt: skip


def frequent_text(frequent: FrequentAbsence) -> str:
    """The arithmetic in words: '4 korte sygeperioder på 6 måneder (grænse 3); 10 sygedage i
    korte perioder på 12 måneder (grænse 15)'. Only short own-sickness spells count, so a long
    illness running now is not in these figures, and the text says so."""
    text = (
        f"{counted(frequent.spells, 'kort sygeperiode', 'korte sygeperioder')} på "
        f"{counted(frequent.spell_months, 'måned', 'måneder')} (grænse {frequent.spell_limit}); "
        f"{counted(frequent.days, 'sygedag', 'sygedage')} i korte perioder på "
        f"{counted(frequent.day_months, 'måned', 'måneder')} (grænse {frequent.day_limit})"
    )
    if frequent.bradford is not None:
        text += (
            f"; Bradford-faktor {frequent.bradford} (sygeperioder² × sygedage, begge inden for de "
            "seneste 52 uger; et groft mål, der ikke siger noget om årsagen)"
        )
    return text


# --- Conversations and documentation ----------------------------------------------------------

#: The item a held conversation of each kind closes: the § 7a conversation of its absence and
#: the talk about frequent absence.
CLOSED_BY_KIND = {
    ConversationKind.ABSENCE: "samtale",
    ConversationKind.FREQUENT: "fravaerssamtale",
}


def _closed_by_conversations(
    items: list[OverviewItem], parts: list[AbsenceSpell], talks: list[Conversation]
) -> dict[tuple, TaskDecision]:
    """'Done on the day it was held' for the items that held conversations were held for.

    A § 7a conversation closes the `samtale` item of the absence it was held about (any part of
    it); a talk about frequent absence closes the employee's `fravaerssamtale` item.
    """
    part_ids = {p.id for p in parts}
    closed = {}
    for item in items:
        for talk in talks:
            rule = CLOSED_BY_KIND.get(talk.kind)
            if not talk.is_held or rule != item.rule:
                continue
            if item.spell_id is not None and talk.spell_id not in part_ids:
                continue
            held = TaskDecision(
                item.rule, item.employee_id, TaskStatus.DONE, talk.held_on, item.spell_id,
                item.due, reason=f"{talk.kind.title} holdt {long_date(talk.held_on)}",
            )  # fmt: skip
            closed[item.key] = held
    return closed


def _contacts_made_in_conversations(
    items: list[OverviewItem], parts: list[AbsenceSpell], talks: list[Conversation]
) -> dict[tuple, TaskDecision]:
    """'Done' for the contact routine's days on which a conversation about the absence counts
    as the contact: one held from 7 days before the day (rules table) until the next contact
    day. A conversation on day 8 is the contact of day 5 (made late) and of day 14 (early)."""
    contacts = sorted((i for i in items if i.rule == "kontakt"), key=lambda i: i.due)
    part_ids = {p.id for p in parts}
    held = sorted((t for t in talks if t.is_held and t.spell_id in part_ids),
                  key=lambda t: (t.held_on, t.id or 0))  # fmt: skip
    if not contacts or not held:
        return {}
    early = latest("kontakt").days("counts_from_days_before")
    closed = {}
    for index, contact in enumerate(contacts):
        until = contacts[index + 1].due if index + 1 < len(contacts) else None
        talk = next((t for t in held if contact.due - early <= t.held_on
                     and (until is None or t.held_on < until)), None)  # fmt: skip
        if talk is not None:
            closed[contact.key] = TaskDecision(
                contact.rule, contact.employee_id, TaskStatus.DONE, talk.held_on,
                contact.spell_id, contact.due,
                reason=f"{talk.kind.title} holdt {long_date(talk.held_on)}",
            )  # fmt: skip
    return closed


def _agreed_items(employee: Employee, talks: list[Conversation]) -> list[OverviewItem]:
    """The next contact and the agreed steps of held conversations. A next contact is done when
    a later conversation is held close to the day (from 7 days before, rules table); steps due
    on the same day are one item."""
    held = sorted((t for t in talks if t.is_held), key=lambda t: (t.held_on, t.id or 0))
    items: dict[tuple, OverviewItem] = {}
    contact = latest("naeste_kontakt")
    for index, talk in enumerate(held):
        when = f"{talk.kind.title} holdt {long_date(talk.held_on)}"
        if talk.next_contact_on is not None:
            early = contact.days("counts_from_days_before")
            later = [t for t in held[index + 1 :] if t.held_on >= talk.next_contact_on - early]
            decision = None
            if later:
                decision = TaskDecision(
                    "naeste_kontakt", employee.id, TaskStatus.DONE, later[0].held_on,
                    talk.spell_id, talk.next_contact_on,
                    reason=f"{later[0].kind.title} holdt {long_date(later[0].held_on)}",
                )  # fmt: skip
            item = OverviewItem(
                "naeste_kontakt", employee.id, employee.name, contact.title,
                contact.explanation, contact.source, talk.next_contact_on, talk.spell_id,
                detail=f"Aftalt i {when[0].lower()}{when[1:]}", decision=decision,
            )  # fmt: skip
            items[item.key] = item
        for due in dict.fromkeys(step.due for step in talk.steps):
            steps = [s for s in talk.steps if s.due == due]
            key = ("aftalt_skridt", employee.id, talk.spell_id, due)
            earlier = items.get(key)
            titles = [s.title for s in steps]
            if earlier is not None:
                titles = [earlier.title.removeprefix("Aftalt: ")] + titles
            items[key] = _step_item(employee, talk, due, titles, when)
    return list(items.values())


def _step_item(
    employee: Employee, talk: Conversation, due: date | None, titles: list[str], when: str
) -> OverviewItem:
    version = latest("aftalt_skridt")
    steps = [s for s in talk.steps if s.due == due]
    who = sorted({s.responsible.strip() for s in steps if s.responsible.strip()})
    detail = f"Aftalt i {when[0].lower()}{when[1:]}" + (
        f"; ansvarlig: {', '.join(who)}" if who else ""
    )
    return OverviewItem(
        "aftalt_skridt", employee.id, employee.name, "Aftalt: " + "; ".join(titles),
        version.explanation, version.source, due, talk.spell_id, detail=detail,
    )  # fmt: skip


def _document_items(employee: Employee, requests: list[DocumentRequest]) -> list[OverviewItem]:
    """One item per absence and deadline for the documentation asked for; done once all of it
    has been received (on the day the last part came)."""
    version = latest("dokumentation")
    grouped: dict[tuple, list[DocumentRequest]] = {}
    for request in requests:
        grouped.setdefault((request.spell_id, request.deliver_by), []).append(request)
    items = []
    for (spell_id, deliver_by), group in grouped.items():
        names = [DOCUMENT_TITLES.get(r.kind, r.kind) for r in group]
        received = [r.received_on for r in group]
        decision = None
        if all(day is not None for day in received):
            decision = TaskDecision(
                "dokumentation", employee.id, TaskStatus.DONE, max(received), spell_id,
                deliver_by, reason="Modtaget",
            )  # fmt: skip
        asked = ", ".join(sorted({long_date(r.requested_on) for r in group}))
        items.append(
            OverviewItem(
                "dokumentation",
                employee.id,
                employee.name,
                f"{version.title}: {', '.join(names)}",
                version.explanation,
                version.source,
                deliver_by,
                spell_id,
                detail=f"Bedt om {asked}",
                decision=decision,
            )  # fmt: skip
        )
    return items


def _closed_by_plans(
    items: list[OverviewItem], parts: list[AbsenceSpell], plans: list[RetentionPlan]
) -> dict[tuple, TaskDecision]:
    """The option of a retention plan is settled once a plan for the absence is agreed or the
    request refused (a plan being worked out leaves it open)."""
    part_ids = {p.id for p in parts}
    closed = {}
    for item in items:
        if item.rule != "fastholdelsesplan":
            continue
        for plan in plans:
            if plan.spell_id not in part_ids or plan.status is PlanStatus.DRAFT:
                continue
            if plan.status is PlanStatus.AGREED:
                day, reason = (
                    plan.agreed_on,
                    f"Fastholdelsesplan aftalt {long_date(plan.agreed_on)}",
                )
            else:
                day, reason = plan.decided_on, f"Ønsket afslået {long_date(plan.decided_on)}"
            closed[item.key] = TaskDecision(
                item.rule, item.employee_id, TaskStatus.DONE, day, item.spell_id, item.due,
                reason=reason,
            )  # fmt: skip
    return closed


def _follow_up_items(employee: Employee, plans: list[RetentionPlan]) -> list[OverviewItem]:
    """One item per follow-up meeting of a plan that is not refused; done once recorded."""
    version = latest("plan_opfoelgning")
    items = []
    for plan in plans:
        if plan.status is PlanStatus.REFUSED:
            continue
        for follow_up in plan.follow_ups:
            decision = None
            if follow_up.held_on is not None:
                holds = f": {follow_up.holds.title.lower()}" if follow_up.holds else ""
                decision = TaskDecision(
                    version.rule, employee.id, TaskStatus.DONE, follow_up.held_on, plan.spell_id,
                    follow_up.due, reason=f"Holdt {long_date(follow_up.held_on)}{holds}",
                )  # fmt: skip
            items.append(
                OverviewItem(
                    version.rule,
                    employee.id,
                    employee.name,
                    version.title,
                    version.explanation,
                    version.source,
                    follow_up.due,
                    plan.spell_id,
                    detail=f"Fastholdelsesplan, version {plan.current.version}",
                    decision=decision,
                )  # fmt: skip
            )
    return items


def _apv_items(apvs: list[Apv], overview: Overview) -> list[OverviewItem]:
    """The APV's revision (due 3 years after the newest completed one, shown from 90 days
    before; without one, an item without a deadline: every employer must have a written APV),
    and the action plan's
    deadlines of every APV, grouped per day, done when every line of the day is done."""
    revision = latest("apv_revision")
    done = sorted((a for a in apvs if a.is_done), key=lambda a: a.completed_on, reverse=True)
    items = []
    if done:
        newest = done[0]
        due = revision_due(newest.completed_on)
        remind_from = due - revision.days("remind_days_before")
        item = None if overview.today < remind_from else OverviewItem(
            revision.rule, COMPANY_ID, COMPANY_NAME, revision.title, revision.explanation,
            revision.source, due,
            detail=f"Seneste APV afsluttet {long_date(newest.completed_on)}",
        )  # fmt: skip
    else:
        item = OverviewItem(
            revision.rule, COMPANY_ID, COMPANY_NAME, "APV: tag stilling til sygefraværet",
            "Alle virksomheder med ansatte skal have en skriftlig APV, og den skal tage stilling "
            "til, om noget i arbejdsmiljøet har betydning for sygefraværet. Fravær forbereder "
            "tallene uden at udstille nogen og tager jer igennem vurderingen.",
            revision.source, None,
        )  # fmt: skip
    if item is not None:
        items.append(item)
    version = latest("apv_handling")
    by_day: dict[date, list] = {}
    for apv in done:
        for action in apv.actions:
            if action.deadline is not None:
                by_day.setdefault(action.deadline, []).append(action)
    for day, actions in sorted(by_day.items()):
        decision = None
        if all(a.status is ActionStatus.DONE for a in actions):
            decision = TaskDecision(
                version.rule, COMPANY_ID, TaskStatus.DONE, day, None, day, reason="Færdig"
            )
        who = sorted({a.responsible.strip() for a in actions if a.responsible.strip()})
        items.append(
            OverviewItem(
                version.rule,
                COMPANY_ID,
                COMPANY_NAME,
                "APV: " + "; ".join(a.measure.strip() or a.problem.strip() for a in actions),
                version.explanation,
                version.source,
                day,
                detail=f"Ansvarlig: {', '.join(who)}" if who else "",
                decision=decision,
            )  # fmt: skip
        )
    if items:
        overview.names[COMPANY_ID] = COMPANY_NAME
    return items
