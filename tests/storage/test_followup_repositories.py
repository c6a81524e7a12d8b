"""Decisions on overview items, the company's absence policy and goals are stored safely."""

from __future__ import annotations

from datetime import date

import pytest

from fravaer_desktop.core.models import AbsencePolicy, AbsenceSpell, Goal, GoalMetric, TaskStatus
from fravaer_desktop.core.validation import ValidationError


@pytest.fixture
def spell(company_store):
    anna = company_store.employees.list_all()[0]
    return company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 2))
    )


def test_marking_an_item_done_is_stored_with_the_day_it_was_decided(company_store, spell, today):
    company_store.decisions.decide(
        "samtale", spell.employee_id, TaskStatus.DONE, spell_id=spell.id, due=date(2026, 11, 30)
    )
    [stored] = company_store.decisions.all()
    assert (stored.rule, stored.spell_id, stored.due, stored.status, stored.decided_on) == (
        "samtale", spell.id, date(2026, 11, 30), TaskStatus.DONE, today,
    )  # fmt: skip


def test_not_relevant_needs_a_reason_and_nothing_is_stored_without(company_store, spell):
    with pytest.raises(ValidationError) as caught:
        company_store.decisions.decide(
            "fast_track", spell.employee_id, TaskStatus.NOT_RELEVANT, spell_id=spell.id, reason=" "
        )
    assert caught.value.message_for("reason") == "Skriv kort, hvorfor punktet ikke er relevant."
    assert company_store.decisions.all() == []


def test_deciding_again_replaces_and_undo_reopens(company_store, spell):
    key_args = {"spell_id": spell.id, "due": date(2026, 12, 7)}
    company_store.decisions.decide("anmeldelse", spell.employee_id, TaskStatus.DONE, **key_args)
    decision = company_store.decisions.decide(
        "anmeldelse", spell.employee_id, TaskStatus.NOT_RELEVANT, reason="Raskmeldt dag 20",
        **key_args,
    )  # fmt: skip
    assert [d.status for d in company_store.decisions.all()] == [TaskStatus.NOT_RELEVANT]
    company_store.decisions.undo(decision.key)
    assert company_store.decisions.all() == []


def test_deleting_the_spell_deletes_its_decisions(company_store, spell):
    company_store.decisions.decide("samtale", spell.employee_id, TaskStatus.DONE, spell_id=spell.id)
    company_store.absences.delete(spell.id)
    assert company_store.decisions.all() == []


def test_policy_defaults_to_the_rules_table_and_can_be_changed(company_store):
    assert company_store.policy.get() == AbsencePolicy()
    company_store.policy.save(AbsencePolicy(contact_days=(14, 2, 6), bradford_enabled=True))
    assert company_store.policy.get() == AbsencePolicy(
        contact_days=(2, 6, 14), bradford_enabled=True
    )


def test_policy_with_impossible_numbers_is_refused(company_store):
    with pytest.raises(ValidationError) as caught:
        company_store.policy.save(AbsencePolicy(contact_days=(0, 5), frequent_spells=0))
    assert caught.value.message_for("contact_days").startswith("Kontaktdage skal være")
    assert caught.value.message_for("frequent_spells") == "Skriv et tal fra 1 til 365."
    assert company_store.policy.get() == AbsencePolicy()


def test_a_frequent_absence_window_longer_than_three_years_is_refused(company_store):
    with pytest.raises(ValidationError) as caught:
        company_store.policy.save(AbsencePolicy(frequent_day_months=48))
    assert caught.value.message_for("frequent_day_months") == "Skriv et tal fra 1 til 36."
    assert company_store.policy.get() == AbsencePolicy()


def test_the_goal_in_force_is_the_newest_started(company_store):
    goals = company_store.goals
    goals.save(Goal(GoalMetric.ABSENCE_PERCENT, 4.0, date(2025, 1, 1)))
    goals.save(Goal(GoalMetric.ABSENCE_PERCENT, 3.5, date(2026, 1, 1)))
    assert goals.current(GoalMetric.ABSENCE_PERCENT, date(2025, 12, 31)).target == 4.0
    assert goals.current(GoalMetric.ABSENCE_PERCENT, date(2026, 6, 1)).target == 3.5
    assert goals.current(GoalMetric.ABSENCE_PERCENT, date(2024, 6, 1)) is None


@pytest.mark.parametrize(
    ("goal", "message"),
    [
        pytest.param(Goal(GoalMetric.ABSENCE_PERCENT, 0, date(2026, 1, 1)), "mellem 0 og 100",
                     id="zero percent"),
        pytest.param(Goal(GoalMetric.ABSENCE_PERCENT, 120, date(2026, 1, 1)), "mellem 0 og 100",
                     id="over a hundred percent"),
        pytest.param(Goal(GoalMetric.SPECIAL_TERMS_STAFF, 1.5, date(2026, 1, 1)), "helt antal",
                     id="half a person"),
    ],
)  # fmt: skip
def test_impossible_goals_are_refused(company_store, goal, message):
    with pytest.raises(ValidationError) as caught:
        company_store.goals.save(goal)
    assert message in caught.value.message_for("target")
    assert company_store.goals.all() == []
