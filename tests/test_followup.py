"""The overview reads as much history as its counters need, also with the company's own windows."""

from __future__ import annotations

from datetime import date, timedelta

from fravaer_desktop.core.models import AbsencePolicy, AbsenceSpell, Employee, Goal, GoalMetric
from fravaer_desktop.core.overview import Overview, build_overview
from fravaer_desktop.services.followup import (
    absence_status_pdf,
    current_goal_status,
    current_overview,
    employee_overview,
    overview_history_start,
    todays_follow_up,
)
from fravaer_desktop.storage.demo import populate_demo_company
from fravaer_desktop.storage.repositories import Store


def test_history_covers_a_year_by_default(today: date) -> None:
    assert overview_history_start(today) == date(2025, 11, 23)


def test_a_longer_frequent_absence_window_reads_further_back(today: date) -> None:
    policy = AbsencePolicy(frequent_day_months=24)
    assert overview_history_start(today, policy) == date(2024, 11, 1)


def test_days_two_years_back_count_when_the_company_looks_back_two_years(
    company_store: Store, today: date
) -> None:
    anna = next(e for e in company_store.employees.list_all() if e.name == "Anna Jensen")
    # Eight short spells of two days, 20 to 13 months ago: 16 days, none in the last 12 months.
    for months_ago in range(13, 21):
        first = today - timedelta(days=30 * months_ago)
        company_store.absences.add(
            AbsenceSpell(employee_id=anna.id, first_day=first, last_day=first + timedelta(days=1))
        )
    assert anna.id not in current_overview(company_store).frequent

    company_store.policy.save(AbsencePolicy(frequent_day_months=24))
    frequent = current_overview(company_store).frequent[anna.id]
    assert frequent.days == 16 and frequent.day_months == 24
    assert employee_overview(company_store, anna.id).frequent[anna.id] == frequent


def _overview_from_every_spell(store: Store) -> Overview:
    """What the overview is when nothing is left unread: the reference for the narrow reads."""
    return build_overview(
        store.company.get(), store.employees.list_all(), store.absences.all(),
        store.decisions.all(), store.policy.get(), store.today(), store.conversations.all(),
        store.document_requests.all(), store.retention_plans.all(), store.apvs.all(),
    )  # fmt: skip


def _same_overview(narrow: Overview, full: Overview) -> None:
    assert sorted(narrow.items, key=repr) == sorted(full.items, key=repr)
    assert narrow.rule_120 == full.rule_120
    assert narrow.sick_weeks == full.sick_weeks
    assert narrow.frequent == full.frequent
    assert narrow.absent_now == full.absent_now


def test_the_demo_company_overview_is_the_same_as_from_every_spell(store: Store) -> None:
    populate_demo_company(store, store.today())
    _same_overview(current_overview(store), _overview_from_every_spell(store))
    for employee in store.employees.list_all():
        alone = employee_overview(store, employee.id)
        full = _overview_from_every_spell(store)
        assert sorted(alone.items, key=repr) == sorted(
            (i for i in full.items if i.employee_id == employee.id), key=repr
        )
        assert alone.rule_120.get(employee.id) == full.rule_120.get(employee.id)


def test_the_120th_day_of_a_long_absence_counts_days_from_more_than_a_year_back(
    store: Store, today: date
) -> None:
    """Sick for 300 days now, and 55 days that ended 366 days ago: the count on the current
    absence's earlier days reaches back past the year the overview reads for everyone else,
    so the 120th sick day fell about 65 days into this absence, not 120 days in."""
    carl = store.employees.add(
        Employee(
            name="Carl Holm", employed_from=date(2015, 1, 1), salaried=True,
            clause_120_days=True,
        )
    )  # fmt: skip
    current_first = today - timedelta(days=300)
    older_last = today - timedelta(days=366)
    store.absences.add(
        AbsenceSpell(
            employee_id=carl.id, first_day=older_last - timedelta(days=54), last_day=older_last
        )
    )
    store.absences.add(AbsenceSpell(employee_id=carl.id, first_day=current_first))
    assert older_last < overview_history_start(today)
    narrow, full = current_overview(store), _overview_from_every_spell(store)
    _same_overview(narrow, full)
    status = narrow.rule_120[carl.id]
    assert status.still_sick and status.day_120 == full.rule_120[carl.id].day_120
    assert status.day_120 is not None and status.day_120 < current_first + timedelta(days=70)
    assert employee_overview(store, carl.id).rule_120[carl.id] == status


def test_the_overblik_reads_once_and_gets_the_same_goal_status_as_a_read_of_its_own(
    store: Store, today: date
) -> None:
    """The goal figure reuses the overview's spells, which also hold absence from before the
    goal's 12 months (a 120-day employee sick today); that older absence must not count."""
    populate_demo_company(store, today)
    carl = store.employees.add(
        Employee(
            name="Carl Holm", employed_from=date(2015, 1, 1), salaried=True,
            clause_120_days=True,
        )
    )  # fmt: skip
    older_last = today - timedelta(days=380)  # read for the 120 days, not for the goal
    store.absences.add(
        AbsenceSpell(
            employee_id=carl.id, first_day=older_last - timedelta(days=54), last_day=older_last
        )
    )
    store.absences.add(AbsenceSpell(employee_id=carl.id, first_day=today - timedelta(days=30)))
    assert older_last < overview_history_start(today)

    overview, goal = todays_follow_up(store)

    separate = current_goal_status(store)
    assert separate is not None and goal == separate
    assert 0 < goal.absence_percent < 100
    _same_overview(overview, current_overview(store))


def test_without_goals_the_overblik_has_no_goal_status(company_store: Store) -> None:
    assert company_store.goals.all() == []
    overview, goal = todays_follow_up(company_store)
    assert goal is None and current_goal_status(company_store) is None
    _same_overview(overview, current_overview(company_store))


def test_a_goal_set_today_is_in_the_overblik_status(company_store: Store, today: date) -> None:
    company_store.goals.save(Goal(GoalMetric.ABSENCE_PERCENT, 3.5, today))
    _, goal = todays_follow_up(company_store)
    assert goal is not None and goal.absence_goal.target == 3.5


def test_the_status_of_a_partial_return_is_printed_for_the_whole_absence(
    company_store: Store,
) -> None:
    """Printed from the partial spell, the paper still starts at the first day of the absence
    and lists the deadlines counted from it."""
    import io

    from pypdf import PdfReader

    anna = company_store.employees.list_all()[0]
    company_store.absences.add(AbsenceSpell(anna.id, date(2026, 9, 7), last_day=date(2026, 10, 25)))
    partial = company_store.absences.add(
        AbsenceSpell(anna.id, date(2026, 10, 26), partial_hours_per_week=18.5)
    )

    pdf = absence_status_pdf(company_store, partial.id)

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "7. september 2026" in text and "Dag 78" in text
    assert "5. oktober 2026" in text  # the conversation, 4 weeks from 7 September


def test_the_status_of_an_absence_left_open_when_the_employment_ended_ends_with_it(
    company_store: Store,
) -> None:
    """Sick since 2 November, left on 13 November, no return registered: the paper gives 13
    November as the last day, not "I gang"."""
    import io
    from dataclasses import replace

    from pypdf import PdfReader

    anna = company_store.employees.list_all()[0]
    sick = company_store.absences.add(AbsenceSpell(anna.id, date(2026, 11, 2)))
    company_store.employees.update(replace(anna, employed_to=date(2026, 11, 13)))

    pdf = absence_status_pdf(company_store, sick.id)

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Sidste fraværsdag\n13. november 2026" in text
    assert "I gang" not in text


def test_the_status_printout_shows_the_120_day_count_its_arithmetic_and_window(
    company_store: Store, today: date
) -> None:
    """Sick from Monday 3 August 2026 and still sick on 23 November: 113 days (81 sick working
    days and the 32 weekend days between them); day 120 is expected on 30 November."""
    import io

    from pypdf import PdfReader

    carl = company_store.employees.add(
        Employee(name="Carl Holm", employed_from=date(2015, 1, 1), clause_120_days=True)
    )
    spell = company_store.absences.add(
        AbsenceSpell(employee_id=carl.id, first_day=date(2026, 8, 3))
    )

    pdf = absence_status_pdf(company_store, spell.id)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())

    assert today == date(2026, 11, 23)
    assert "113 af 120 dage: 81 hele sygedage + 32 fridage imellem." in text
    assert "120. sygedag forventes 30. november 2026" in text
    assert "senest 9. december 2026" in text
    assert "Højesteret 16. marts 2022" in text
