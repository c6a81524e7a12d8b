"""The "what to do now" overview: the law's and the company's items for each employee, with
their dates, how close they are, and the manager's stored decisions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from fravaer_desktop.core.models import (
    AbsenceKind,
    AbsencePolicy,
    AbsenceSpell,
    Company,
    Employee,
    TaskDecision,
    TaskStatus,
)
from fravaer_desktop.core.overview import (
    FOLLOW_UP_MONTHS,
    Horizon,
    Overview,
    OverviewItem,
    build_overview,
)

TODAY = date(2026, 11, 23)  # a Monday, the same fixed 'today' as tests/conftest.py
COMPANY = Company(name="Bageriet Solsikken ApS")
ANNA = Employee(id=1, name="Anna Jensen", employed_from=date(2019, 3, 1))
BO = Employee(id=2, name="Bo Nielsen", employed_from=date(2021, 8, 15), weekly_hours=30)
# Anna has been sick since Tuesday 27 October 2026 and still is on Monday 23 November.
SICK_SINCE_27_OCT = AbsenceSpell(1, date(2026, 10, 27), id=11)


def overview(
    spells: list[AbsenceSpell],
    employees: tuple[Employee, ...] = (ANNA,),
    decisions: tuple[TaskDecision, ...] = (),
    policy: AbsencePolicy = AbsencePolicy(),  # noqa: B008 - frozen dataclass
    company: Company | None = COMPANY,
    today: date = TODAY,
) -> Overview:
    return build_overview(company, list(employees), spells, list(decisions), policy, today)


def items_by_title(result: Overview) -> dict[str, OverviewItem]:
    found = {item.title: item for item in result.items}
    assert len(found) == len(result.items), "one item per title"
    return found


def dues_by_rule(result: Overview) -> dict[str, date | None]:
    return {item.rule: item.due for item in result.items if item.rule != "kontakt"}


@pytest.mark.parametrize(
    ("title", "due", "horizon"),
    [
        pytest.param(
            "Kontakt medarbejderen (dag 1)", date(2026, 10, 27), Horizon.OVERDUE, id="contact day 1"
        ),
        pytest.param(
            "Kontakt medarbejderen (dag 5)", date(2026, 10, 31), Horizon.OVERDUE, id="contact day 5"
        ),
        pytest.param(
            "Kontakt medarbejderen (dag 14)", date(2026, 11, 9), Horizon.OVERDUE, id="day 14"
        ),
        pytest.param(
            "Sygefraværssamtale", date(2026, 11, 24), Horizon.THIS_WEEK, id="conversation Tuesday"
        ),
        pytest.param(
            "Arbejdsgiverperioden slutter",
            date(2026, 11, 25),
            Horizon.THIS_WEEK,
            id="employer period ends Wednesday 25 November",
        ),
        pytest.param(
            "Anmeld fraværet i NemRefusion", date(2026, 12, 1), Horizon.LATER, id="report 1 Dec"
        ),
        pytest.param(
            "Mulighed: bed kommunen om tidlig opfølgning (fast track)",
            date(2026, 12, 1),
            Horizon.LATER,
            id="fast track until 1 December",
        ),
        pytest.param(
            "Jobcentrets første opfølgningssamtale",
            date(2026, 12, 21),
            Horizon.LATER,
            id="jobcenter by 21 December",
        ),
        pytest.param(
            "Mulighed: fastholdelsesplan", None, Horizon.NO_DEADLINE, id="retention plan: no date"
        ),
    ],
)
def test_an_ongoing_spell_puts_each_item_under_its_horizon(title, due, horizon) -> None:
    result = overview([SICK_SINCE_27_OCT])
    item = items_by_title(result)[title]

    assert item.due == due
    assert item.horizon(TODAY) is horizon
    assert (item.employee_id, item.employee_name, item.spell_id) == (1, "Anna Jensen", 11)
    assert item in result.grouped()[horizon]


def test_an_ongoing_spell_makes_the_employee_absent_now_with_the_day_number() -> None:
    result = overview([SICK_SINCE_27_OCT])

    assert [(a.employee_name, a.day_number) for a in result.absent_now] == [("Anna Jensen", 28)]
    assert len(result.items) == 9


def test_a_stored_decision_moves_the_item_to_klaret() -> None:
    done = TaskDecision(
        "samtale", 1, TaskStatus.DONE, date(2026, 11, 20), spell_id=11, due=date(2026, 11, 24)
    )

    result = overview([SICK_SINCE_27_OCT], decisions=(done,))
    item = items_by_title(result)["Sygefraværssamtale"]

    assert item.decision == done
    assert item.horizon(TODAY) is Horizon.DECIDED
    assert item not in result.open_items()
    assert len(result.open_items()) == len(result.items) - 1


def test_a_decision_for_another_due_day_does_not_apply() -> None:
    stale = TaskDecision(
        "samtale", 1, TaskStatus.DONE, date(2026, 11, 20), spell_id=11, due=date(2026, 11, 23)
    )

    result = overview([SICK_SINCE_27_OCT], decisions=(stale,))

    assert items_by_title(result)["Sygefraværssamtale"].decision is None


# --- The contact routine --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        pytest.param(
            AbsencePolicy(),
            {1: date(2026, 10, 27), 5: date(2026, 10, 31), 14: date(2026, 11, 9)},
            id="default 1-5-14",
        ),
        pytest.param(
            AbsencePolicy(contact_days=(2, 6, 14)),
            {2: date(2026, 10, 28), 6: date(2026, 11, 1), 14: date(2026, 11, 9)},
            id="preset 2-6-14",
        ),
        pytest.param(
            AbsencePolicy(contact_days=(30, 3, 3)),
            {3: date(2026, 10, 29), 30: date(2026, 11, 25)},
            id="own days, repeated and unsorted",
        ),
    ],
)
def test_the_contact_routine(policy, expected) -> None:
    result = overview([SICK_SINCE_27_OCT], policy=policy)
    contact = [i for i in result.items if i.rule == "kontakt"]

    assert {int(i.title.split("dag ")[1].rstrip(")")): i.due for i in contact} == expected
    assert all(i.source == "Virksomhedens politik" for i in contact)


def test_the_contact_routine_stops_when_the_employee_is_back() -> None:
    back = replace(SICK_SINCE_27_OCT, last_day=date(2026, 11, 20))

    result = overview([back])

    assert not [i for i in result.items if i.rule == "kontakt"]
    assert result.absent_now == []


# --- Kinds, agreements and employment ----------------------------------------------------------


def test_a_childs_sick_day_gives_no_items_but_shows_as_absent() -> None:
    result = overview([AbsenceSpell(1, TODAY, AbsenceKind.CHILD_SICK, id=12)])

    assert result.items == []
    assert [a.day_number for a in result.absent_now] == [1]


def test_pregnancy_related_sickness_has_its_own_report_and_no_employer_period() -> None:
    result = overview([AbsenceSpell(1, date(2026, 11, 2), AbsenceKind.PREGNANCY, id=13)])

    assert dues_by_rule(result) == {
        "samtale": date(2026, 11, 30),
        "graviditet_anmeldelse": date(2026, 12, 7),
        "fastholdelsesplan": None,
    }


@pytest.mark.parametrize(
    ("agreement", "has_employer_period"),
    [
        pytest.param((date(2026, 1, 1), date(2027, 12, 31)), False, id="inside the § 56-aftale"),
        pytest.param((date(2026, 10, 27), date(2026, 10, 27)), False, id="agreement's last day"),
        pytest.param((date(2024, 1, 1), date(2025, 12, 31)), True, id="agreement has expired"),
        pytest.param((date(2026, 10, 28), date(2028, 10, 27)), True, id="agreement starts later"),
        pytest.param((None, None), True, id="no agreement"),
    ],
)
def test_a_section_56_agreement_removes_only_the_employer_period(
    agreement, has_employer_period
) -> None:
    employee = replace(ANNA, section_56_from=agreement[0], section_56_to=agreement[1])

    found = dues_by_rule(overview([SICK_SINCE_27_OCT], employees=(employee,)))

    assert ("arbejdsgiverperiode" in found) is has_employer_period
    assert found["anmeldelse"] == date(2026, 12, 1)
    assert found["jobcenter"] == date(2026, 12, 21)
    assert found["samtale"] == date(2026, 11, 24)


def test_fleksjob_has_no_employer_period_but_is_still_reported() -> None:
    found = dues_by_rule(overview([SICK_SINCE_27_OCT], employees=(replace(ANNA, fleksjob=True),)))

    assert "arbejdsgiverperiode" not in found
    assert found["anmeldelse"] == date(2026, 12, 1)


def test_a_short_spell_shows_no_employer_period_and_no_conversation() -> None:
    short = AbsenceSpell(1, date(2026, 11, 16), last_day=date(2026, 11, 18), id=14)

    assert dues_by_rule(overview([short])) == {}


def test_an_employee_under_notice_leaving_within_8_weeks_needs_no_conversation() -> None:
    leaving = replace(ANNA, employed_to=date(2026, 12, 15))

    found = dues_by_rule(overview([SICK_SINCE_27_OCT], employees=(leaving,)))

    assert "samtale" not in found
    assert found["arbejdsgiverperiode"] == date(2026, 11, 25)


def test_a_company_paying_sygedagpenge_reports_a_week_after_the_employer_period() -> None:
    company = replace(COMPANY, pays_salary_during_sickness=False)

    found = dues_by_rule(overview([SICK_SINCE_27_OCT], company=company))

    assert found["anmeldelse"] == date(2026, 12, 2)


def test_no_company_yet_means_salary_is_paid() -> None:
    assert dues_by_rule(overview([SICK_SINCE_27_OCT], company=None))["anmeldelse"] == date(
        2026, 12, 1
    )


def test_a_spell_before_the_start_date_and_0_contract_hours_in_older_data() -> None:
    newcomer = Employee(id=3, name="Cecilie Holm", employed_from=date(2026, 11, 1), weekly_hours=0)
    early = AbsenceSpell(3, date(2026, 10, 20), id=15, partial_hours_per_week=10)

    found = dues_by_rule(overview([early], employees=(newcomer,)))

    assert "arbejdsgiverperiode" not in found
    assert found["samtale"] == date(2026, 11, 17)
    assert found["anmeldelse"] == date(2026, 11, 24)


# --- Which spells are followed ------------------------------------------------------------


@pytest.mark.parametrize(
    ("spell", "followed"),
    [
        pytest.param(
            AbsenceSpell(1, date(2026, 4, 30), last_day=date(2026, 6, 30), id=16),
            False,
            id="ended, first day 30 April: more than 6 months ago",
        ),
        pytest.param(
            AbsenceSpell(1, date(2026, 5, 1), last_day=date(2026, 6, 30), id=17),
            True,
            id="ended, first day 1 May: inside the follow-up months",
        ),
        pytest.param(
            AbsenceSpell(1, TODAY - timedelta(days=400), id=18),
            True,
            id="ongoing since 400 days ago: still followed",
        ),
        pytest.param(
            AbsenceSpell(1, TODAY + timedelta(days=1), id=19),
            False,
            id="registered ahead for tomorrow: not yet",
        ),
    ],
)
def test_which_spells_are_followed(spell, followed) -> None:
    result = overview([spell])

    assert FOLLOW_UP_MONTHS == 6
    assert any(i.spell_id == spell.id for i in result.items) is followed


def test_an_ongoing_spell_from_400_days_ago_is_on_day_401_with_its_deadlines_overdue() -> None:
    result = overview([AbsenceSpell(1, TODAY - timedelta(days=400), id=18)])
    items = items_by_title(result)

    assert [a.day_number for a in result.absent_now] == [401]
    assert items["Sygefraværssamtale"].due == date(2025, 11, 16)
    assert items["Sygefraværssamtale"].horizon(TODAY) is Horizon.OVERDUE
    assert items["Anmeld fraværet i NemRefusion"].due == date(2025, 11, 23)


# --- Items about the employee as a whole -----------------------------------------------------


def test_the_120_day_item_shows_the_count_and_the_window_while_still_sick() -> None:
    anna = replace(ANNA, clause_120_days=True)

    result = overview([AbsenceSpell(1, date(2026, 8, 1), id=20)], employees=(anna,))
    item = next(i for i in result.items if i.rule == "regel_120")

    assert item.detail == (
        "113 af 120 dage: 81 hele sygedage + 32 fridage imellem. 120. sygedag forventes "
        "30. november 2026, hvis fraværet fortsætter: opsigelse tidligst den dag efter "
        "arbejdstid, senest 9. december 2026. Arbejdsdage: 5 dage om ugen, regnet på "
        "hverdage; weekend og helligdage er fridage. Andre faste fridage kender programmet ikke."
    )
    assert item.due == date(2026, 12, 9) and item.is_option
    assert item.source.startswith("Funktionærloven § 5, stk. 2; Højesteret 16. marts 2022")
    assert result.rule_120[1].days == 113


def test_no_120_day_item_without_a_written_clause() -> None:
    result = overview([AbsenceSpell(1, date(2026, 8, 1), id=20)])

    assert not [i for i in result.items if i.rule == "regel_120"]
    assert result.rule_120 == {}


def test_the_120_day_warning_from_day_100_after_the_employee_is_back() -> None:
    anna = replace(ANNA, clause_120_days=True)
    spells = [AbsenceSpell(1, date(2026, 6, 1), last_day=date(2026, 9, 18), id=21)]

    item = next(i for i in overview(spells, employees=(anna,)).items if i.rule == "regel_120")

    assert item.detail.startswith("110 af 120 dage: 80 hele sygedage + 30 fridage imellem. ")
    assert item.due is None


def test_the_22_week_warning_counts_an_old_ended_spell() -> None:
    spells = [AbsenceSpell(1, date(2026, 2, 1), last_day=date(2026, 8, 4), id=22)]

    result = overview(spells)
    item = next(i for i in result.items if i.rule == "revurdering")

    assert item.detail == "22,1 af 22 uger"
    assert item.horizon(TODAY) is Horizon.NO_DEADLINE
    assert result.sick_weeks[1].weeks == 22.1


THREE_SHORT = [
    AbsenceSpell(2, date(2026, 6, 1), last_day=date(2026, 6, 1), id=31),
    AbsenceSpell(2, date(2026, 8, 10), last_day=date(2026, 8, 11), id=32),
    AbsenceSpell(2, date(2026, 11, 2), last_day=date(2026, 11, 4), id=33),
]


@pytest.mark.parametrize(
    ("policy", "detail"),
    [
        pytest.param(
            AbsencePolicy(),
            "3 korte sygeperioder på 6 måneder (grænse 3); 6 sygedage i korte perioder på 12 "
            "måneder (grænse 15)",
            id="without the Bradford factor",
        ),
        pytest.param(
            AbsencePolicy(bradford_enabled=True),
            "3 korte sygeperioder på 6 måneder (grænse 3); 6 sygedage i korte perioder på 12 "
            "måneder (grænse 15); Bradford-faktor 54 (sygeperioder² × sygedage, begge inden for "
            "de seneste 52 uger; et groft mål, der ikke siger noget om årsagen)",
            id="with the Bradford factor and its limits",
        ),
    ],
)
def test_frequent_absence_suggests_a_supportive_conversation(policy, detail) -> None:
    result = overview(THREE_SHORT, employees=(ANNA, BO), policy=policy)
    item = next(i for i in result.items if i.rule == "fravaerssamtale")

    assert (item.employee_name, item.detail, item.due) == ("Bo Nielsen", detail, None)
    assert item.title == "Samtale om hyppigt fravær"
    assert list(result.frequent) == [2]


# --- Horizons ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("due", "is_option", "horizon"),
    [
        pytest.param(date(2026, 11, 22), False, Horizon.OVERDUE, id="yesterday: overdue"),
        pytest.param(date(2026, 11, 22), True, Horizon.PASSED, id="an option that has passed"),
        pytest.param(date(2026, 11, 23), False, Horizon.TODAY, id="today"),
        pytest.param(date(2026, 11, 29), False, Horizon.THIS_WEEK, id="Sunday: this week"),
        pytest.param(date(2026, 11, 30), False, Horizon.LATER, id="next Monday: later"),
        pytest.param(None, True, Horizon.NO_DEADLINE, id="no deadline"),
    ],
)
def test_horizon_seen_from_monday_23_november(due, is_option, horizon) -> None:
    item = OverviewItem("x", 1, "Anna Jensen", "Titel", "", "", due, is_option=is_option)

    assert item.horizon(TODAY) is horizon


@pytest.mark.parametrize(
    ("due", "horizon"),
    [
        pytest.param(date(2026, 11, 22), Horizon.PASSED, id="employer period passed"),
        pytest.param(date(2026, 11, 30), Horizon.LATER, id="employer period ahead"),
    ],
)
def test_a_milestone_is_never_overdue(due, horizon) -> None:
    item = OverviewItem(
        "arbejdsgiverperiode", 1, "Anna Jensen", "Arbejdsgiverperioden slutter", "", "", due,
        is_milestone=True,
    )  # fmt: skip

    assert item.horizon(TODAY) is horizon
    assert not item.is_task


def test_the_employer_period_and_the_jobcenter_are_dates_to_know_not_tasks() -> None:
    items = overview([SICK_SINCE_27_OCT]).items
    kinds = {i.rule: (i.is_task, i.is_milestone) for i in items}

    assert kinds["arbejdsgiverperiode"] == (False, True)
    assert kinds["jobcenter"] == (False, True)
    assert kinds["samtale"] == (True, False)
    assert kinds["anmeldelse"] == (True, False)


def test_grouped_sorts_each_horizon_by_date() -> None:
    groups = overview([SICK_SINCE_27_OCT]).grouped()

    assert [i.due for i in groups[Horizon.OVERDUE]] == [
        date(2026, 10, 27),
        date(2026, 10, 31),
        date(2026, 11, 9),
    ]
    assert [i.rule for i in groups[Horizon.LATER]] == ["anmeldelse", "fast_track", "jobcenter"]
    assert set(groups) == set(Horizon)


# --- Decisions about the employee as a whole --------------------------------------------------


def test_a_held_frequent_absence_conversation_stays_done_until_a_new_absence_begins() -> None:
    held = TaskDecision(
        "fravaerssamtale", 2, TaskStatus.DONE, decided_on=date(2026, 11, 20)
    )  # fmt: skip
    before = overview(THREE_SHORT, employees=(ANNA, BO), decisions=(held,))
    item = next(i for i in before.items if i.rule == "fravaerssamtale")
    assert item.decision == held

    new_spell = AbsenceSpell(2, date(2026, 11, 23), last_day=date(2026, 11, 23), id=99)
    after = overview([*THREE_SHORT, new_spell], employees=(ANNA, BO), decisions=(held,))
    item = next(i for i in after.items if i.rule == "fravaerssamtale")
    assert item.decision is None
    assert item.horizon(TODAY) is Horizon.NO_DEADLINE


def test_a_childs_sick_day_does_not_reopen_a_held_frequent_absence_conversation() -> None:
    held = TaskDecision("fravaerssamtale", 2, TaskStatus.DONE, decided_on=date(2026, 11, 20))
    child = AbsenceSpell(
        2, date(2026, 11, 23), kind=AbsenceKind.CHILD_SICK, last_day=date(2026, 11, 23), id=98
    )
    result = overview([*THREE_SHORT, child], employees=(ANNA, BO), decisions=(held,))
    item = next(i for i in result.items if i.rule == "fravaerssamtale")
    assert item.decision == held


def test_no_contact_is_planned_after_a_known_last_day() -> None:
    # Sick Monday and Tuesday 23-24 November, back on Wednesday: only the day 1 contact.
    short = AbsenceSpell(1, date(2026, 11, 23), last_day=date(2026, 11, 24), id=12)
    contacts = [i.due for i in overview([short]).items if i.rule == "kontakt"]
    assert contacts == [date(2026, 11, 23)]


def test_the_retention_plan_option_leaves_when_the_employee_is_back() -> None:
    long_ongoing = AbsenceSpell(1, date(2026, 8, 3), id=21)
    assert "fastholdelsesplan" in {i.rule for i in overview([long_ongoing]).items}
    back = replace(long_ongoing, last_day=date(2026, 11, 20))
    assert "fastholdelsesplan" not in {i.rule for i in overview([back]).items}


# --- A partial return that continues full absence ----------------------------------------------

FULL = AbsenceSpell(1, date(2026, 9, 7), last_day=date(2026, 10, 25), id=40)  # 7 weeks away
PARTIAL = AbsenceSpell(1, date(2026, 10, 26), partial_hours_per_week=18.5, id=41)  # half days


def test_a_partial_return_is_the_same_absence_for_the_deadlines() -> None:
    """The law's deadlines run from the first day of the whole absence; a partial return the
    day after full absence must not start a second conversation or a second report."""
    result = overview([PARTIAL, FULL])

    conversations = [i for i in result.items if i.rule == "samtale"]
    assert [(i.due, i.spell_id) for i in conversations] == [(date(2026, 10, 5), 40)]
    reports = [i for i in result.items if i.rule == "anmeldelse"]
    assert [(i.due, i.spell_id) for i in reports] == [(date(2026, 10, 12), 40)]
    assert {i.spell_id for i in result.items if i.spell_id is not None} == {40}


def test_absent_today_shows_todays_extent_and_counts_days_from_the_first_day() -> None:
    (absent,) = overview([PARTIAL, FULL]).absent_now

    assert absent.spell == PARTIAL and absent.spell.is_partial
    assert absent.day_number == (TODAY - FULL.first_day).days + 1 == 78


def test_a_return_with_under_4_hours_away_a_week_ends_the_absence_for_the_law() -> None:
    """Back with 3 of 37 hours away a week: fit under the law from that day. The full absence
    keeps its own deadlines; the small partial part starts none and is not joined to it."""
    small = replace(PARTIAL, partial_hours_per_week=3.0)

    result = overview([small, FULL])

    law = [i for i in result.items if i.rule in ("samtale", "anmeldelse", "arbejdsgiverperiode")]
    assert {(i.rule, i.spell_id) for i in law} == {
        ("samtale", 40), ("arbejdsgiverperiode", 40), ("anmeldelse", 40),
    }  # fmt: skip
    assert not any(i.spell_id == 41 and i.rule != "kontakt" for i in result.items)
    (absent,) = result.absent_now
    assert absent.spell == small and absent.day_number == (TODAY - small.first_day).days + 1


def test_a_lone_partial_absence_under_4_hours_a_week_has_no_legal_deadline() -> None:
    small = AbsenceSpell(1, date(2026, 10, 5), partial_hours_per_week=2.0, id=70)
    four = replace(small, partial_hours_per_week=4.0)

    assert {i.rule for i in overview([small]).items} <= {"kontakt"}
    assert {"samtale", "anmeldelse", "jobcenter"} <= {i.rule for i in overview([four]).items}


def test_an_employee_who_left_while_registered_sick_is_no_longer_followed_as_absent() -> None:
    """Sick since 2 November, left on 13 November, no return registered: the absence ends with
    the employment. Not absent today, no more contact calls; the conversation (due 30
    November) is moot because the employee left within 8 weeks."""
    left = replace(ANNA, employed_to=date(2026, 11, 13))
    sick = AbsenceSpell(1, date(2026, 11, 2), id=80)

    result = overview([sick], employees=[left])

    assert result.absent_now == []
    assert [i for i in result.items if i.rule in ("kontakt", "samtale")] == []


def test_a_student_helper_on_8_hours_a_week_has_no_employer_period() -> None:
    """8 contract hours a week is 64 hours in 8 weeks, under § 30's 74: no employer period, so
    no "Arbejdsgiverperioden slutter"; the report to the kommune still comes."""
    helper = replace(ANNA, weekly_hours=8)

    rules = {i.rule for i in overview([SICK_SINCE_27_OCT], employees=[helper]).items}
    full_time = {i.rule for i in overview([SICK_SINCE_27_OCT]).items}

    assert "arbejdsgiverperiode" in full_time and "arbejdsgiverperiode" not in rules
    assert "anmeldelse" in rules


def test_another_kind_the_day_after_is_an_absence_of_its_own() -> None:
    child = AbsenceSpell(1, date(2026, 10, 26), AbsenceKind.CHILD_SICK, date(2026, 10, 26), id=42)

    result = overview([child, FULL])

    assert [i.due for i in result.items if i.rule == "samtale"] == [date(2026, 10, 5)]
    assert not result.absent_now


def test_an_expected_return_that_has_passed_no_longer_hides_the_retention_plan() -> None:
    """Expected back on 25 January, still away on 10 March (day 65): the 8-week options apply."""
    spell = AbsenceSpell(1, date(2026, 1, 5), expected_return=date(2026, 1, 25), id=50)

    early = overview([spell], today=date(2026, 1, 20))
    late = overview([spell], today=date(2026, 3, 10))

    assert "fastholdelsesplan" not in {i.rule for i in early.items}
    assert {"fastholdelsesplan", "fast_track"} <= {i.rule for i in late.items}


def test_the_jobcenters_first_talk_is_not_shown_once_the_employee_is_back_before_it() -> None:
    """31 days away, back on 5 February: the kommune's follow-up by week 8 will not happen."""
    spell = AbsenceSpell(1, date(2026, 1, 5), last_day=date(2026, 2, 4), id=60)

    while_away = overview([replace(spell, last_day=None)], today=date(2026, 2, 4))
    back = overview([spell], today=date(2026, 2, 8))

    assert "jobcenter" in {i.rule for i in while_away.items}
    assert "jobcenter" not in {i.rule for i in back.items}
    assert "anmeldelse" in {i.rule for i in back.items}  # the report is still due
