"""The demo company and the large benchmark company: realistic, valid and deterministic data."""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from collections import defaultdict
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from types import ModuleType

import pytest

from fravaer_desktop.core.absence import joined_absences, spells_overlap, total_figures
from fravaer_desktop.core.calendar import is_working_day
from fravaer_desktop.core.cvr import is_valid_cvr
from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell
from fravaer_desktop.core.privacy import HealthTextCheck
from fravaer_desktop.paths import load_health_terms
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.demo import populate_demo_company
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.storage.rows import employee_from_row, spell_from_row

BENCHMARK_SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "generate_large_company.py"


@pytest.fixture
def demo(store: Store, today: date) -> Store:
    populate_demo_company(store, today)
    return store


def _by_employee(spells: list[AbsenceSpell]) -> dict[int, list[AbsenceSpell]]:
    grouped: dict[int, list[AbsenceSpell]] = defaultdict(list)
    for spell in spells:
        grouped[spell.employee_id].append(spell)
    return grouped


def _overlapping_pairs(spells: list[AbsenceSpell]) -> list[tuple[AbsenceSpell, AbsenceSpell]]:
    pairs = []
    for own in _by_employee(spells).values():
        ordered = sorted(own, key=lambda s: s.first_day)
        pairs += [(a, b) for a, b in pairwise(ordered) if spells_overlap(a, b)]
    return pairs


def test_demo_has_20_to_30_employees_in_four_departments_one_of_three_people(
    demo: Store,
) -> None:
    employees = demo.employees.list_all()
    assert 20 <= len(employees) <= 30
    assert len(demo.employees.departments()) == 4
    assert sum(1 for e in employees if e.department == "Kontor") == 3  # the APV protects them


def test_demo_company_has_a_valid_cvr(demo: Store) -> None:
    company = demo.company.get()
    assert company is not None
    assert company.name
    assert is_valid_cvr(company.cvr)


def test_demo_spells_span_about_three_years_up_to_today(demo: Store, today: date) -> None:
    spells = demo.absences.all()
    three_years_ago = today.replace(year=today.year - 3)
    earliest = min(s.first_day for s in spells)
    assert three_years_ago <= earliest <= three_years_ago + timedelta(days=60)
    # only the weeks of the long absence's graduated return (its retention plan) lie ahead
    ahead = [s for s in spells if s.first_day > today]
    assert all(s.note.startswith("Fastholdelsesplan") for s in ahead), ahead
    ahead_ends = [s for s in spells if s.note.startswith("Fastholdelsesplan")]
    assert all(s.last_day is None or s.last_day <= today for s in spells if s not in ahead_ends)


def test_demo_has_spells_of_every_kind(demo: Store) -> None:
    assert {s.kind for s in demo.absences.all()} == set(AbsenceKind)


def test_demo_has_a_partial_return_right_after_a_full_spell(demo: Store) -> None:
    spells = demo.absences.all()
    full_ends = {(s.employee_id, s.last_day) for s in spells if not s.is_partial and s.last_day}
    day_before = timedelta(days=1)
    partial_after_full = [
        s for s in spells if s.is_partial and (s.employee_id, s.first_day - day_before) in full_ends
    ]
    assert partial_after_full


def test_demo_has_ongoing_spells_one_long_on_a_graduated_return(demo: Store, today: date) -> None:
    ongoing = demo.absences.ongoing()
    assert any(s.first_day == today - timedelta(days=2) for s in ongoing)
    now = [
        whole
        for employee in demo.employees.list_all()
        for whole, _ in joined_absences(demo.absences.for_employee(employee.id))
        if whole.covers(today)
    ]
    long = [w for w in now if (today - w.first_day).days >= 28]
    assert long and long[0].expected_return is not None
    assert any(s.is_partial and s.covers(today) for s in demo.absences.all())


def test_demo_spells_never_overlap_and_lie_inside_employment(demo: Store, today: date) -> None:
    spells = demo.absences.all()
    assert _overlapping_pairs(spells) == []
    for employee in demo.employees.list_all():
        for spell in demo.absences.for_employee(employee.id or 0):
            assert employee.is_employed_on(spell.first_day)
            assert employee.is_employed_on(spell.end_or(today))


def test_everyday_sick_calls_in_the_demo_begin_on_a_working_day(demo: Store) -> None:
    """A one-day spell on Christmas Day would print as 0 working days and 0 hours."""
    short = [s for s in demo.absences.all() if s.last_day and (s.last_day - s.first_day).days < 5]
    assert len(short) > 100
    assert all(is_working_day(s.first_day) for s in short)


def test_demo_has_an_employee_with_120_day_clause_near_the_limit(demo: Store, today: date) -> None:
    """The 120-day rule counts sick days in the last 12 months; the demo warns at about 100."""
    year_start = today - timedelta(days=364)
    counts = []
    for employee in demo.employees.list_all():
        own = [
            s
            for s in demo.absences.for_employee(employee.id or 0)
            if s.kind is AbsenceKind.OWN_SICKNESS
        ]
        days = total_figures(own, employee, year_start, today, today).calendar_days
        counts.append((employee.clause_120_days, days))
    assert any(clause and 90 <= days < 120 for clause, days in counts)
    assert all(days < 90 for clause, days in counts if not clause)


def test_demo_notes_hold_no_health_details(demo: Store) -> None:
    check = HealthTextCheck(load_health_terms())
    notes = [s.note for s in demo.absences.all() if s.note]
    assert len(notes) >= 3
    assert {note: check.flagged_words(note) for note in notes if check.flagged_words(note)} == {}


def test_demo_holds_a_held_7a_conversation_a_frequent_absence_talk_and_a_friattest(
    demo: Store,
) -> None:
    talks = {(c.kind.value, c.status.value) for c in demo.conversations.all()}
    assert {("sygefravaerssamtale", "holdt"), ("fravaerssamtale", "holdt"),
            ("sygefravaerssamtale", "kladde")} <= talks  # fmt: skip
    held_7a = next(c for c in demo.conversations.all() if c.is_held and c.kind.value ==
                   "sygefravaerssamtale")  # fmt: skip
    assert len(held_7a.notes) >= 5 and held_7a.steps and held_7a.next_contact_on
    open_requests = [r for r in demo.document_requests.all() if r.received_on is None]
    assert [r.kind for r in open_requests] == ["friattest"]


def test_demo_conversation_notes_hold_no_health_details(demo: Store) -> None:
    check = HealthTextCheck(load_health_terms())
    texts = [text for c in demo.conversations.all() for text in (*c.notes.values(), c.agreements)]
    texts += [step.text for c in demo.conversations.all() for step in c.steps]
    assert len(texts) >= 15
    assert {text: check.flagged_words(text) for text in texts if check.flagged_words(text)} == {}


def test_demo_holds_a_plan_with_a_graduated_return_a_revision_and_a_follow_up(
    demo: Store, today: date
) -> None:
    [plan] = demo.retention_plans.all()
    first, second = plan.versions
    assert first.agreed_on and second.agreed_on and second.reason
    assert len(second.content.phases) > len(first.content.phases)
    held, coming = plan.follow_ups
    assert held.held_on is not None and coming.held_on is None and coming.due > today
    steps = [s for s in demo.absences.for_employee(plan.employee_id) if s.note.startswith(
        "Fastholdelsesplan, version 2")]  # fmt: skip
    assert len(steps) >= 3 and all(s.is_partial for s in steps)


def test_demo_plan_texts_hold_no_health_details(demo: Store) -> None:
    check = HealthTextCheck(load_health_terms())
    [plan] = demo.retention_plans.all()
    texts = [t for v in plan.versions for t in (*v.content.texts.values(), v.reason)]
    texts += [p.tasks for v in plan.versions for p in v.content.phases]
    texts += [f.how_it_went for f in plan.follow_ups]
    assert len(texts) >= 20
    assert {text: check.flagged_words(text) for text in texts if check.flagged_words(text)} == {}


def test_demo_refuses_a_file_that_already_has_a_company(demo: Store, today: date) -> None:
    spells_before = demo.absences.count()
    with pytest.raises(ValueError, match="allerede en virksomhed"):
        populate_demo_company(demo, today)
    assert demo.absences.count() == spells_before


def test_demo_is_deterministic(today: date) -> None:
    first, second = (Store(open_database(":memory:"), today=lambda: today) for _ in range(2))
    populate_demo_company(first, today)
    populate_demo_company(second, today)
    assert first.employees.list_all() == second.employees.list_all()
    assert first.absences.all() == second.absences.all()


def _load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate_large_company", BENCHMARK_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_large_company_counts_match_the_file_and_spells_never_overlap(
    tmp_path: Path, today: date
) -> None:
    path = tmp_path / "large.sqlite"
    counts = _load_benchmark().generate_large_company(path, today, employees=20, years=2)
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        staff = {
            r["id"]: employee_from_row(dict(r)) for r in conn.execute("SELECT * FROM employees")
        }
        spells = [spell_from_row(dict(r)) for r in conn.execute("SELECT * FROM absence_spells")]
    finally:
        conn.close()
    assert counts["employees"] == len(staff) == 20
    assert counts["spells"] == len(spells) > 0
    assert counts["ongoing_spells"] == sum(1 for s in spells if s.is_ongoing)
    assert _overlapping_pairs(spells) == []
    assert all(s.first_day <= today for s in spells)
    for spell in spells:
        employee = staff[spell.employee_id]
        assert employee.is_employed_on(spell.first_day)
        assert employee.is_employed_on(spell.end_or(today))


def test_demo_holds_a_completed_apv_whose_rows_name_no_employee(demo: Store) -> None:
    [apv] = demo.apvs.all()
    assert apv.is_done and len(apv.actions) == 3 and apv.figures_json
    rows = [str(r) for table in ("apv_assessments", "apv_actions")
            for r in demo.db.rows(f"SELECT * FROM {table}")]  # fmt: skip
    stored = "\n".join(rows)
    names = [e.name for e in demo.employees.list_all()]
    assert [n for n in names if n in stored or n.split()[0] in stored] == []
    check = HealthTextCheck(load_health_terms())
    texts = [*apv.texts.values(), *(a.notes for a in apv.answers.values())]
    assert {t: check.flagged_words(t) for t in texts if check.flagged_words(t)} == {}
