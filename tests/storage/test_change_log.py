"""The change log (issue 18, item 7): written by the repositories in the change's transaction,
who and when and what kind of record, never the record's text; about one employee at a time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from fravaer_desktop.core.conversation import ConversationKind, Invitation, MeetingForm
from fravaer_desktop.core.models import AbsenceSpell, Employee, TaskStatus
from fravaer_desktop.storage import change_log as change_log_module
from fravaer_desktop.storage.change_log import MERGE_WINDOW, UNKNOWN_USER, lines_for_employee
from fravaer_desktop.storage.repositories import Store

NOTE = "Ringer selv torsdag om ryggen"  # a note the log must never hold


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[datetime]:
    """The log's clock, set by the test: `clock[0]` is now."""
    now = [datetime(2026, 11, 23, 9, 15, 30)]
    monkeypatch.setattr(change_log_module, "_now", lambda: now[0])
    monkeypatch.setattr(change_log_module.getpass, "getuser", lambda: "mette")
    return now


def log_rows(store: Store) -> list[dict]:
    return store.db.rows("SELECT * FROM change_log ORDER BY id")


def test_creating_changing_and_deleting_a_spell_is_logged_with_who_and_when(
    company_store: Store, clock
) -> None:
    anna = company_store.employees.list_all()[0]
    spell = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 2), note=NOTE)
    )
    clock[0] += timedelta(hours=2)
    company_store.absences.register_return(spell.id, date(2026, 11, 6))
    clock[0] += timedelta(hours=1)
    company_store.absences.delete(spell.id)

    lines = lines_for_employee(company_store.db, anna.id)
    assert [
        (line.when, line.who, line.what) for line in lines if line.what.startswith("Fravær")
    ] == [  # fmt: skip
        (datetime(2026, 11, 23, 9, 15, 30), "mette", "Fraværsperiode oprettet"),
        (datetime(2026, 11, 23, 11, 15, 30), "mette", "Fraværsperiode ændret"),
        (datetime(2026, 11, 23, 12, 15, 30), "mette", "Fraværsperiode slettet"),
    ]
    rows = [r for r in log_rows(company_store) if r["table_name"] == "absence_spells"]
    assert {(r["record_id"], r["employee_id"]) for r in rows} == {(spell.id, anna.id)}
    assert [r["action"] for r in rows] == ["created", "changed", "deleted"]


def test_the_log_never_holds_the_records_text(company_store: Store, clock) -> None:
    anna = company_store.employees.list_all()[0]
    spell = company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 2), note=NOTE)
    )
    talk = company_store.conversations.start(
        Invitation(ConversationKind.ABSENCE, anna.id, date(2026, 11, 25), "10:00",
                   MeetingForm.IN_PERSON, "Kontoret", ("Indehaveren",),
                   invited_on=date(2026, 11, 20), spell_id=spell.id),
        as_of=date(2026, 11, 20),
    )  # fmt: skip
    company_store.conversations.save_note(talk.id, "status", NOTE)
    company_store.decisions.decide("samtale", anna.id, TaskStatus.NOT_RELEVANT, reason=NOTE)
    text = repr(log_rows(company_store))
    assert "torsdag" not in text and "ryggen" not in text and anna.name not in text


def test_notes_saved_as_they_are_typed_are_one_line(company_store: Store, clock) -> None:
    anna = company_store.employees.list_all()[0]
    talk = company_store.conversations.start(
        Invitation(ConversationKind.FREQUENT, anna.id, date(2026, 11, 25), "10:00",
                   MeetingForm.PHONE, "", ("Indehaveren",), invited_on=date(2026, 11, 20)),
        as_of=date(2026, 11, 20),
    )  # fmt: skip
    for text in ("R", "Ri", "Ringer"):
        clock[0] += timedelta(seconds=20)
        company_store.conversations.save_note(talk.id, "status", text)
    clock[0] += MERGE_WINDOW + timedelta(seconds=1)
    company_store.conversations.save_note(talk.id, "status", "Ringer igen")
    lines = [line.what for line in lines_for_employee(company_store.db, anna.id)]
    assert [line for line in lines if "amtale" in line] == [
        "Samtale oprettet", "Noter fra samtale ændret", "Noter fra samtale ændret"
    ]  # fmt: skip


def test_a_change_that_is_refused_leaves_no_line(company_store: Store, clock) -> None:
    anna = company_store.employees.list_all()[0]
    before = log_rows(company_store)
    with pytest.raises(Exception):  # noqa: B017, PT011 - the validation's own message
        company_store.absences.add(
            AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 2),
                         last_day=date(2026, 11, 1))
        )  # fmt: skip
    assert log_rows(company_store) == before


def test_deleting_the_employee_deletes_the_lines_about_them(company_store: Store, clock) -> None:
    anna, bo = company_store.employees.list_all()[:2]
    company_store.employees.update(replace(anna, department="Butik"))
    assert lines_for_employee(company_store.db, anna.id)
    company_store.employees.delete(anna.id)
    assert lines_for_employee(company_store.db, anna.id) == []
    assert lines_for_employee(company_store.db, bo.id)  # the others' lines stay
    deleted = log_rows(company_store)[-1]
    assert (deleted["action"], deleted["employee_id"], deleted["description"]) == (
        "deleted", None, "Medarbejder")  # fmt: skip


def test_apv_lines_name_no_employee(store: Store, clock) -> None:
    draft = store.apvs.start(date(2026, 11, 23), date(2025, 11, 1), date(2026, 10, 31))
    store.apvs.save(replace(draft, participants="Alle"))
    rows = [r for r in log_rows(store) if r["table_name"] == "apv_assessments"]
    assert [(r["action"], r["employee_id"]) for r in rows] == [("created", None),
                                                              ("changed", None)]  # fmt: skip


def test_a_batch_of_spells_gets_one_line_each(company_store: Store, clock) -> None:
    anna = company_store.employees.list_all()[0]
    company_store.absences.add_many(
        [AbsenceSpell(employee_id=anna.id, first_day=date(2026, 10, d), last_day=date(2026, 10, d))
         for d in (5, 12, 19)]
    )  # fmt: skip
    stored = {s.id for s in company_store.absences.for_employee(anna.id)}
    logged = {r["record_id"] for r in log_rows(company_store)
              if r["table_name"] == "absence_spells"}  # fmt: skip
    assert logged == stored and len(stored) == 3


def test_employees_imported_together_are_logged_each(store: Store, clock) -> None:
    added = store.employees.add_many(
        [Employee(name="Ib", employed_from=date(2020, 1, 1)),
         Employee(name="Jo", employed_from=date(2021, 1, 1))]
    )  # fmt: skip
    for employee in added:
        assert [line.what for line in lines_for_employee(store.db, employee.id)] == [
            "Medarbejder oprettet"
        ]


def test_an_unknown_user_is_logged_as_such(store: Store, monkeypatch) -> None:
    def no_user() -> str:
        raise OSError("no user name")

    monkeypatch.setattr(change_log_module.getpass, "getuser", no_user)
    employee = store.employees.add(Employee(name="Ib", employed_from=date(2020, 1, 1)))
    assert lines_for_employee(store.db, employee.id)[0].who == UNKNOWN_USER


def test_the_policy_and_the_goals_are_logged_as_the_companys(company_store: Store, clock) -> None:
    """The absence policy and the goals are about the company: their lines name no employee,
    and a refused goal leaves no line."""
    from fravaer_desktop.core.models import AbsencePolicy, Goal, GoalMetric
    from fravaer_desktop.core.validation import ValidationError

    before = len(log_rows(company_store))
    company_store.policy.save(AbsencePolicy(contact_days=(3, 10), frequent_spells=3))
    goal = company_store.goals.save(Goal(GoalMetric.ABSENCE_PERCENT, 4.0, date(2026, 1, 1)))
    clock[0] += timedelta(hours=1)
    company_store.goals.save(Goal(GoalMetric.ABSENCE_PERCENT, 3.5, date(2026, 1, 1)))
    with pytest.raises(ValidationError):
        company_store.goals.save(Goal(GoalMetric.ABSENCE_PERCENT, 120.0, date(2026, 6, 1)))
    replaced = company_store.goals.all()[0]
    company_store.goals.delete(replaced.id)
    company_store.goals.delete(replaced.id)  # already gone: nothing more to log

    rows = log_rows(company_store)[before:]
    assert [(r["table_name"], r["action"], r["description"]) for r in rows] == [
        ("company", "changed", "Fraværspolitik"),
        ("goals", "created", "Mål for sygefraværet"),
        ("goals", "changed", "Mål for sygefraværet"),
        ("goals", "deleted", "Mål for sygefraværet"),
    ]
    assert {r["employee_id"] for r in rows} == {None}
    assert {r["user_name"] for r in rows} == {"mette"}
    assert rows[1]["record_id"] == goal.id and rows[3]["record_id"] == replaced.id
