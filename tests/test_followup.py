"""The overview reads as much history as its counters need, also with the company's own windows."""

from __future__ import annotations

from datetime import date, timedelta

from fravaer_desktop.core.models import AbsencePolicy, AbsenceSpell
from fravaer_desktop.followup import current_overview, employee_overview, overview_history_start
from fravaer_desktop.storage.repositories import Store


def test_history_covers_the_120_day_window_and_a_year_by_default(today: date) -> None:
    assert overview_history_start(today) == date(2025, 11, 23) - timedelta(days=129)


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
