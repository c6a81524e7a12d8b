"""The APV's absence figures: the Statistik figures for the same period, with small groups
protected so that no one's absence can be read off, and the checks of the action plan."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from fravaer_desktop.core.apv import (
    MIN_GROUP_SIZE,
    OTHERS,
    Apv,
    ApvAction,
    amo_required,
    apv_figures,
    check_completion,
    default_period,
    mentioned_names,
    previous_period,
    revision_due,
)
from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, Employee
from fravaer_desktop.core.statistics import Scope, absence_statistics

TODAY = date(2026, 12, 7)
FIRST, LAST = default_period(TODAY)


def staff(department: str, count: int, start_id: int) -> list[Employee]:
    return [
        Employee(name=f"{department} {n}", employed_from=date(2020, 1, 1),
                 department=department, id=start_id + n)
        for n in range(count)
    ]  # fmt: skip


def sick(employee: Employee, first: date, days: int, kind=AbsenceKind.OWN_SICKNESS):
    return AbsenceSpell(
        employee.id, first, kind, last_day=date.fromordinal(first.toordinal() + days - 1)
    )


BAKERY = staff("Bageri", 8, 100)
SHOP = staff("Butik", 6, 200)
OFFICE = staff("Kontor", 3, 300)
EMPLOYEES = BAKERY + SHOP + OFFICE
SPELLS = [
    sick(BAKERY[0], date(2026, 3, 2), 3),
    sick(BAKERY[1], date(2026, 9, 7), 20),
    sick(SHOP[0], date(2026, 2, 9), 2),
    sick(OFFICE[0], date(2026, 5, 4), 10),
    sick(OFFICE[1], date(2026, 6, 1), 1, AbsenceKind.WORK_INJURY),
    sick(SHOP[1], date(2025, 3, 3), 5),  # the period before
    sick(SHOP[2], date(2026, 4, 6), 1, AbsenceKind.CHILD_SICK),
]


def test_the_period_is_the_last_12_months_and_the_one_before_has_the_same_length() -> None:
    assert (FIRST, LAST) == (date(2025, 12, 8), date(2026, 12, 7))
    before = previous_period(FIRST, LAST)
    assert before == (date(2024, 12, 8), date(2025, 12, 7))


def test_the_figures_are_the_statistik_figures_for_the_same_period() -> None:
    figures = apv_figures(EMPLOYEES, SPELLS, FIRST, LAST, TODAY)
    assert figures.current == absence_statistics(EMPLOYEES, SPELLS, FIRST, LAST, TODAY)
    shown = {group.name: group.statistics for group in figures.groups}
    assert shown["Bageri"] == absence_statistics(
        EMPLOYEES, SPELLS, FIRST, LAST, TODAY, Scope(department="Bageri")
    )
    assert figures.previous.spells == 1


def test_a_department_of_three_is_never_shown_on_its_own() -> None:
    figures = apv_figures(EMPLOYEES, SPELLS, FIRST, LAST, TODAY)
    names = [group.name for group in figures.groups]
    assert "Kontor" not in names
    assert all(group.employees >= MIN_GROUP_SIZE for group in figures.groups)
    # the three in the office join the smallest department that could be shown: the company's
    # total less the shown groups gives nothing away
    others = next(g for g in figures.groups if g.name == OTHERS)
    assert others.departments == ("Butik", "Kontor") and others.employees == 9
    assert names == ["Bageri", OTHERS]


def test_two_small_departments_that_together_make_five_are_shown_as_others() -> None:
    extra = staff("Lager", 2, 400)
    figures = apv_figures(EMPLOYEES + extra, SPELLS, FIRST, LAST, TODAY)
    others = next(g for g in figures.groups if g.name == OTHERS)
    assert others.departments == ("Kontor", "Lager") and others.employees == 5
    assert [g.name for g in figures.groups] == ["Bageri", "Butik", OTHERS]


def test_a_company_under_five_shows_company_figures_only() -> None:
    tiny = BAKERY[:4]
    figures = apv_figures(tiny, SPELLS, FIRST, LAST, TODAY)
    assert figures.company_only and figures.groups == () and figures.weekday_starts == ()
    assert figures.current.employees == 4


def test_one_big_department_and_a_small_rest_shows_no_breakdown() -> None:
    figures = apv_figures(BAKERY + OFFICE, SPELLS, FIRST, LAST, TODAY)
    assert figures.groups == ()


def test_a_period_with_no_absence_has_zero_figures_and_no_division_by_zero() -> None:
    figures = apv_figures(EMPLOYEES, [], FIRST, LAST, TODAY)
    assert (figures.current.percent, figures.share_with_absence, figures.spells_per_employee) == (
        0.0, 0.0, 0.0
    )  # fmt: skip
    assert figures.before_first_data


def test_a_period_before_the_first_data_is_recognised() -> None:
    figures = apv_figures(EMPLOYEES, SPELLS, date(2020, 1, 1), date(2020, 12, 31), TODAY)
    assert figures.before_first_data and figures.current.sickness_hours == 0


def test_share_with_absence_counts_people_with_a_sickness_spell_not_childrens_days() -> None:
    figures = apv_figures(EMPLOYEES, SPELLS, FIRST, LAST, TODAY)
    assert figures.employees_with_absence == 5  # SHOP[2] only had a child's sick day
    assert round(figures.share_with_absence, 1) == round(100 * 5 / 17, 1)
    assert figures.current.kind(AbsenceKind.WORK_INJURY).spells == 1
    assert figures.current.child_sick.spells == 1


def test_weekday_counts_the_spells_begun_on_each_day() -> None:
    figures = apv_figures(EMPLOYEES, SPELLS, FIRST, LAST, TODAY)
    assert figures.weekday_starts[0] == 5 and sum(figures.weekday_starts) == 5


def test_a_renamed_department_is_counted_under_its_new_name() -> None:
    renamed = [replace(e, department="Bageriet") if e.department == "Bageri" else e
               for e in EMPLOYEES]  # fmt: skip
    figures = apv_figures(renamed, SPELLS, FIRST, LAST, TODAY)
    assert "Bageriet" in [g.name for g in figures.groups]
    assert "Bageri" not in [g.name for g in figures.groups]


def test_an_action_needs_a_responsible_and_a_deadline() -> None:
    apv = Apv(TODAY, FIRST, LAST, participants="Ledelse og to medarbejdere",
              texts={"retningslinjer": "Vi følger op på personalemødet i marts."},
              actions=(ApvAction("Tunge løft af melsække", "Sækkevogn"),))  # fmt: skip
    messages = [e.message for e in check_completion(apv, TODAY)]
    assert any("Indsats 1: Skriv, hvem der er ansvarlig" in m for m in messages)
    assert any("Indsats 1: Vælg en frist" in m for m in messages)
    fixed = replace(apv, actions=(replace(apv.actions[0], responsible="Lars",
                                          deadline=date(2027, 2, 1)),))  # fmt: skip
    assert check_completion(fixed, TODAY) == []


def test_revision_is_due_three_years_after_and_amo_from_ten_employees() -> None:
    assert revision_due(date(2026, 12, 7)) == date(2029, 12, 7)
    assert (amo_required(9), amo_required(10)) == (False, True)


def test_names_of_employees_in_a_note_are_found() -> None:
    people = [Employee(name="Maria Christensen", employed_from=date(2020, 1, 1)),
              Employee(name="Bo Nielsen", employed_from=date(2020, 1, 1))]  # fmt: skip
    assert mentioned_names("Maria løfter for meget ved ovnen", people) == ["Maria Christensen"]
    assert mentioned_names("Vi bor tæt på bageriet, og der er meget at bo med", people) == []
    assert mentioned_names("Travlt i weekenden ved kassen", people) == []
