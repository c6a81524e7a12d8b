"""Tests of the APV's printed documents: the figures as printed are the Statistik figures, small
groups are protected, no employee name appears, and the blank checklist has every item."""

from __future__ import annotations

import io
import random
from dataclasses import replace
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from fravaer_desktop.core.apv import (
    OTHERS,
    WEEKDAYS,
    ActionStatus,
    Answer,
    Apv,
    ApvAction,
    ApvStatus,
    ChecklistAnswer,
    apv_figures,
    figure_rows,
    protection_note,
    revision_due,
)
from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.guides import load_apv_checklist
from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, Company, Employee
from fravaer_desktop.core.rules import latest
from fravaer_desktop.core.statistics import (
    PUBLISHED_AVERAGES,
    days_number_text,
    fixed_number,
    percent_text,
)
from fravaer_desktop.reports.apv_documents import (
    BEFORE_DATA_TEXT,
    NO_DEADLINE,
    NO_RESPONSIBLE,
    TITLE,
    apv_pdf,
    blank_checklist_pdf,
)
from fravaer_desktop.reports.statistics_report import NO_ABSENCE_TEXT
from fravaer_desktop.storage.apv_repository import figures_from_json, figures_to_json

COMPANY = Company(name="Bageriet Solsikken ApS", cvr="10150817", address="Torvet 3\n4000 Roskilde")
TODAY = date(2026, 12, 7)
FIRST, LAST = date(2025, 12, 1), date(2026, 11, 30)
CHECKLIST = load_apv_checklist()
FIRST_NAMES = ("Anna", "Mette", "Kim", "Lis", "Bo", "Søren", "Fatima", "Jonas", "Katarzyna",
               "Mehmet", "Ida", "Rasmus", "Oksana", "Peter", "Sofie", "Ahmad", "Line")  # fmt: skip
LAST_NAMES = ("Jensen", "Hansen", "Nielsen", "Kowalska", "Yılmaz", "Petersen", "Larsen",
              "Andersen", "Koval", "Christensen", "Rasmussen", "Sørensen", "Madsen", "Olsen",
              "Thomsen", "Poulsen", "Kristensen")  # fmt: skip


def realistic_staff() -> list[Employee]:
    """A bakery of 17: 8 in the bakery, 6 in the shop and 3 in the office (too few to show)."""
    departments = ["Bageri"] * 8 + ["Butik"] * 6 + ["Kontor"] * 3
    return [
        Employee(id=n + 1, name=f"{FIRST_NAMES[n]} {LAST_NAMES[n]}",
                 employed_from=date(2018 + n % 5, 1 + n % 12, 1), department=department,
                 weekly_hours=37 if n % 3 else 30)
        for n, department in enumerate(departments)
    ]  # fmt: skip


def realistic_spells(staff: list[Employee]) -> list[AbsenceSpell]:
    """Two years of short and long sickness, a work injury and children's sick days."""
    rng = random.Random(7)
    spells = []
    for employee in staff:
        day = date(2024, 12, 2) + timedelta(days=rng.randrange(40))
        while day < TODAY - timedelta(days=30):
            length = rng.choice((1, 1, 2, 3, 3, 5, 10, 21))
            kind = rng.choice([AbsenceKind.OWN_SICKNESS] * 8 + [AbsenceKind.CHILD_SICK])
            spells.append(AbsenceSpell(employee.id, day, kind, day + timedelta(days=length - 1)))
            day += timedelta(days=length + rng.randrange(40, 160))
    spells.append(AbsenceSpell(3, date(2026, 5, 4), AbsenceKind.WORK_INJURY, date(2026, 5, 15)))
    return spells


STAFF = realistic_staff()
SPELLS = realistic_spells(STAFF)
ANSWERS = {
    "arbejdsmaengde": ChecklistAnswer(
        Answer.YES,
        Answer.YES,
        "Travlt i weekender og op til jul; korte sygeperioder samler sig om mandagen.",
    ),  # fmt: skip
    "loeft": ChecklistAnswer(Answer.YES, Answer.YES, "Melsække på 25 kg løftes fra gulvet."),
    "stoej": ChecklistAnswer(Answer.YES, Answer.UNKNOWN, "Dejblanderen larmer om morgenen."),
    "natarbejde": ChecklistAnswer(Answer.YES, Answer.NO, "Bageriet starter kl. 3."),
    "vold": ChecklistAnswer(Answer.NO, Answer.NO),
}
ACTIONS = (
    ApvAction(
        "Tunge løft af melsække",
        "Løftevogn og sække på 15 kg",
        cause="Sækkene står på gulvet",
        responsible="Indehaveren",
        deadline=date(2027, 2, 1),
        status=ActionStatus.ACTIVE,
        follow_up="Spørg på personalemødet i marts; se sygefraværet i bageriet",
    ),
    ApvAction(
        "Travlhed i weekenden",
        "En ekstra medarbejder på lørdage",
        cause="For få på vagt",
        responsible="Butikschefen",
        deadline=date(2027, 1, 15),
        follow_up="Fraværet pr. ugedag næste år",
    ),
    ApvAction("Larm fra dejblanderen", "Høreværn ved blanderen"),
)
APV = Apv(
    made_on=date(2026, 12, 3),
    period_first=FIRST,
    period_last=LAST,
    participants="Indehaveren, to bagere, to fra butikken og kontoret",
    texts={
        "kortlaegning": "Gennemgang af tjeklisten på personalemødet 1. december og en runde i "
        "bageriet og butikken.",
        "sygefravaer": "Fraværet er lidt lavere end året før. Mange korte sygeperioder begynder "
        "om mandagen, efter travle weekender.",
        "aendringer": "Ny ovn i bageriet fra marts 2026.",
        "retningslinjer": "Indehaveren ser på handlingsplanen hver måned. På personalemødet i "
        "juni følger vi op på alle indsatser.",
    },
    answers=ANSWERS,
    actions=ACTIONS,
    status=ApvStatus.DONE,
    completed_on=date(2026, 12, 5),
)


def figures(staff=STAFF, spells=SPELLS, first=FIRST, last=LAST):
    return apv_figures(staff, spells, first, last, TODAY)


def pdf_text(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return " ".join(text.split()), len(reader.pages)


def render(apv=APV, apv_figures_=None) -> tuple[str, int]:
    return pdf_text(apv_pdf(COMPANY, apv, apv_figures_ or figures(), CHECKLIST, TODAY))


def test_the_printed_figures_are_the_statistik_figures() -> None:
    shown = figures()
    text, pages = render()
    assert TITLE in text and COMPANY.name in text
    now, before = shown.current, shown.previous
    rows = {row[0]: row[1:] for row in figure_rows(shown)}  # the screen's rows, on paper too
    assert rows["Fraværsprocent (sygefravær)"] == (
        percent_text(now.percent),
        percent_text(before.percent),
    )
    assert rows["Sygefraværsdage pr. fuldtidsansat"][0] == days_number_text(now.days_per_fte)
    assert rows["– korte (højst 14 dage)"][0] == str(now.short_spells)
    assert rows["– lange (mere end 14 dage)"][0] == str(now.long_spells)
    assert rows["Sygeperioder pr. medarbejder"][0] == fixed_number(shown.spells_per_employee)
    assert rows["Andel af medarbejderne med sygefravær"][0] == percent_text(
        shown.share_with_absence
    )
    injury = now.kind(AbsenceKind.WORK_INJURY).spells
    assert injury > 0 and rows["Fravær efter arbejdsskade (sygeperioder)"][0] == str(injury)
    child = rows["Barns sygedage (ikke sygefravær; sygeperioder)"]
    assert child == (str(now.child_sick.spells), str(before.child_sick.spells))
    for label, values in rows.items():
        assert f"{label} {values[0]} {values[1]}" in text
    for average in PUBLISHED_AVERAGES:
        assert f"{average.label} ({average.year})" in text
    assert 2 <= pages <= 4


def test_small_departments_are_counted_under_others_and_named() -> None:
    shown = figures()
    assert [g.name for g in shown.groups][-1] == OTHERS and "Kontor" in shown.merged_departments
    text, _ = render()
    assert "Fordelt på afdelinger" in text
    others = shown.groups[-1].statistics
    assert f"{OTHERS} {shown.groups[-1].employees} {percent_text(others.percent)}" in text
    assert " ".join(protection_note(shown).split()) in text
    for name in shown.merged_departments:
        assert name in text


def test_the_weekday_counts_are_printed() -> None:
    shown = figures()
    text, _ = render()
    header = " ".join(day.capitalize() for day in WEEKDAYS)
    assert f"{header} {' '.join(str(c) for c in shown.weekday_starts)}" in text


def test_a_company_of_four_shows_only_company_totals_and_says_why() -> None:
    four = STAFF[:4]
    shown = figures(four, [s for s in SPELLS if s.employee_id <= 4])
    assert shown.company_only
    text, pages = render(replace(APV, actions=()), shown)
    assert "under 5 medarbejdere" in protection_note(shown)
    assert " ".join(protection_note(shown).split()) in text
    assert "Fordelt på afdelinger" not in text and "Fordelt på ugedage" not in text
    assert percent_text(shown.current.percent) in text
    assert "Arbejdsmiljøorganisation" not in text  # fewer than 10: not required
    assert pages <= 3


def test_a_period_without_absence_says_so() -> None:
    quiet = figures(STAFF, [s for s in SPELLS if s.first_day < date(2025, 11, 1)])
    assert not quiet.current.has_absence
    text, _ = render(apv_figures_=quiet)
    assert NO_ABSENCE_TEXT in text
    assert f"Fraværsprocent (sygefravær) {percent_text(0)}" in text
    assert "måned for måned" not in text


def test_a_period_before_the_first_data_says_so() -> None:
    early = figures(first=date(2022, 1, 1), last=date(2022, 12, 31))
    assert early.before_first_data
    text, _ = render(replace(APV, period_first=date(2022, 1, 1), period_last=date(2022, 12, 31)),
                     early)  # fmt: skip
    assert BEFORE_DATA_TEXT.split("(")[0].strip() in text
    assert "Fraværsprocent (sygefravær)" not in text


def test_the_assessment_the_action_plan_and_the_revision_are_printed() -> None:
    text, _ = render()
    assert "Løft og tunge byrder Ja Ja Melsække på 25 kg løftes fra gulvet." in text
    assert "Støj Ja Ved ikke" in text
    assert "Ikke vurderet:" in text and "Mobning og krænkelser" in text
    assert "Ny ovn i bageriet fra marts 2026." in text
    assert "Tunge løft af melsække Sækkene står på gulvet Løftevogn og sække på 15 kg" in text
    assert "Indehaveren 1. februar 2027 I gang" in text
    assert f"Larm fra dejblanderen – Høreværn ved blanderen {NO_RESPONSIBLE} {NO_DEADLINE}" in text
    assert "følger vi op på alle indsatser" in text
    assert f"Næste revision: senest {long_date(revision_due(APV.completed_on))}." in text
    assert long_date(date(2029, 12, 5)) in text
    assert "Afsluttet 5. december 2026" in text
    assert " ".join(CHECKLIST.source.split()) in text
    assert latest("apv_revision").source in text


def test_a_draft_says_so_and_has_no_revision_date() -> None:
    text, _ = render(replace(APV, status=ApvStatus.DRAFT, completed_on=None))
    assert "Udkast – ikke afsluttet" in text
    assert "Næste revision" not in text


def test_ten_employees_print_whether_the_amo_took_part() -> None:
    text, _ = render(replace(APV, amo_took_part=True))
    assert "Arbejdsmiljøorganisationen var med." in " ".join(text.replace("\xad", "").split())


def test_the_stored_figures_print_the_same() -> None:
    shown = figures()
    assert render(apv_figures_=figures_from_json(figures_to_json(shown))) == render()


@pytest.mark.parametrize("part", ["full", "first"])
def test_no_employee_name_is_printed(part: str) -> None:
    text, _ = render()
    for employee in STAFF:
        word = employee.name if part == "full" else employee.name.split()[0]
        assert word not in text, f"{word} is printed"


def test_the_blank_checklist_has_every_item_with_boxes_and_an_empty_action_plan() -> None:
    text, pages = pdf_text(blank_checklist_pdf(COMPANY, CHECKLIST, TODAY))
    assert CHECKLIST.title in text and "Tjekliste til personalemødet" in text
    for item in CHECKLIST.items:
        assert item.title in text
        assert " ".join(item.help.split())[:40] in text
    assert text.count("Relevant her?") == len(CHECKLIST.items)
    assert text.count("Kan påvirke fraværet? Ja Nej Ved ikke") == len(CHECKLIST.items)
    assert "Handlingsplan Problem Årsag Indsats Ansvarlig Frist Status" in text
    assert 3 <= pages <= 6
