"""Tests of the archive export: one readable Fraværsoversigt PDF per employee."""

from __future__ import annotations

import dataclasses
import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from fravaer_desktop.core.models import AbsenceSpell, Employee, Goal, GoalMetric
from fravaer_desktop.core.statistics import absence_statistics, goal_years, percent_text
from fravaer_desktop.services.archive import (
    export_archive,
    file_names,
    overview_period,
    safe_file_part,
    write_whole,
)
from fravaer_desktop.storage.repositories import Store

#: Written for the staff whatever the company holds: the leaflet, the blank guide of each kind
#: and the blank APV checklist.
STAFF_DOCUMENTS = (
    "Når du er syg.pdf",
    "Samtaleguide - Sygefraværssamtale.pdf",
    "Samtaleguide - Samtale om hyppigt fravær.pdf",
    "Samtaleguide - Kontaktsamtale.pdf",
    "Samtaleguide - Tilbage-til-arbejde-samtale.pdf",
    "Samtaleguide - Møde om mulighedserklæring.pdf",
    "APV tjekliste til personalemødet.pdf",
)


def pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


def employee_id(store: Store, name: str) -> int:
    found = next(e.id for e in store.employees.list_all() if e.name == name)
    assert found is not None
    return found


def test_archive_has_one_readable_overview_per_employee(
    company_store: Store, tmp_path: Path, today: date
) -> None:
    anna = employee_id(company_store, "Anna Jensen")
    company_store.absences.add(
        AbsenceSpell(employee_id=anna, first_day=date(2026, 3, 2), last_day=date(2026, 3, 6))
    )
    target = tmp_path / "arkiv" / "2026"

    paths = export_archive(company_store, target, today)

    assert [p.name for p in paths] == [
        "Fraværsoversigt - Anna Jensen.pdf",
        "Fraværsoversigt - Bo Nielsen.pdf",
        *STAFF_DOCUMENTS,
        "Fraværsstatistik - Hele virksomheden - seneste 12 måneder.pdf",
    ]
    assert sorted(target.iterdir()) == sorted(paths)
    anna_text, bo_text = pdf_text(paths[0]), pdf_text(paths[1])
    assert "Bageriet Solsikken ApS" in anna_text and "CVR-nr. 10150817" in anna_text
    assert "1. marts 2019 – 23. november 2026" in anna_text
    assert "2. marts 2026" in anna_text and "I alt (1 fraværsperiode)" in anna_text
    assert "Bo Nielsen" in bo_text and "15. august 2021 – 23. november 2026" in bo_text
    assert "Der er ikke registreret noget fravær for Bo Nielsen" in bo_text


def test_archive_overwrites_files_from_an_earlier_export(
    company_store: Store, tmp_path: Path, today: date
) -> None:
    export_archive(company_store, tmp_path, today)
    anna = employee_id(company_store, "Anna Jensen")
    company_store.absences.add(AbsenceSpell(employee_id=anna, first_day=date(2026, 11, 16)))

    paths = export_archive(company_store, tmp_path, today)

    # 2 overviews, Anna's new status, the statistics and the papers for conversations
    assert len(list(tmp_path.iterdir())) == 4 + len(STAFF_DOCUMENTS)
    assert "16. november 2026" in pdf_text(paths[0]) and "I gang" in pdf_text(paths[0])


def test_archive_has_a_status_for_each_absence_still_followed_up(
    company_store: Store, tmp_path: Path, today: date
) -> None:
    anna = employee_id(company_store, "Anna Jensen")
    company_store.absences.add(
        AbsenceSpell(employee_id=anna, first_day=date(2026, 11, 2), note="Ringer mandag")
    )

    paths = export_archive(company_store, tmp_path, today)

    status = tmp_path / "Status på sygefravær - Anna Jensen - 2026-11-02.pdf"
    assert status in paths
    text = pdf_text(status)
    assert "Status på sygefravær" in text and "Anna Jensen" in text
    assert "Sygefraværssamtale" in text and "30. november 2026" in text  # day 1 + 28
    assert "Ringer mandag" not in text
    statistics = pdf_text(paths[-1])
    assert "Fraværsstatistik" in statistics and "Bageriet Solsikken ApS" in statistics


def test_every_archived_document_embeds_every_font_it_uses(
    company_store: Store, tmp_path: Path, today: date
) -> None:
    """Embedded fonts print the same on every PC and carry names such as "Łukasz"."""
    anna = employee_id(company_store, "Anna Jensen")
    company_store.absences.add(AbsenceSpell(employee_id=anna, first_day=date(2026, 11, 2)))

    paths = export_archive(company_store, tmp_path, today)

    assert len(paths) == 4 + len(STAFF_DOCUMENTS)  # two overviews, one status, the statistics
    not_embedded = {
        (path.name, str(font.get_object()["/BaseFont"]))
        for path in paths
        for page in PdfReader(path).pages
        for font in page["/Resources"]["/Font"].values()
        if "/FontFile2" not in font.get_object().get("/FontDescriptor", {})
    }
    assert not_embedded == set()


def test_archived_statistics_show_earlier_goal_years_as_the_statistik_page_does(
    company_store: Store, tmp_path: Path, today: date
) -> None:
    anna = employee_id(company_store, "Anna Jensen")
    company_store.goals.save(Goal(GoalMetric.ABSENCE_PERCENT, 3.0, date(2024, 1, 1)))
    spells = [(date(2024, 3, 4), date(2024, 3, 22)), (date(2025, 5, 5), date(2025, 5, 16))]
    for first, last in spells:
        company_store.absences.add(AbsenceSpell(employee_id=anna, first_day=first, last_day=last))
    page_years = goal_years(
        absence_statistics(
            company_store.employees.list_all(), company_store.absences.all(),
            date(2024, 1, 1), today, today,
        ),
        company_store.goals.all(),
    )  # fmt: skip

    statistics = " ".join(pdf_text(export_archive(company_store, tmp_path, today)[-1]).split())

    expected = {y.year: percent_text(y.percent) for y in page_years}
    assert expected[2024] != "0,0 %" and expected[2025] != "0,0 %"
    for year in (2024, 2025):
        assert f"{year} {expected[year]} 3,0 %" in statistics


def test_archive_without_company_is_refused_in_danish(
    store: Store, tmp_path: Path, today: date
) -> None:
    with pytest.raises(ValueError, match="Virksomhedens oplysninger"):
        export_archive(store, tmp_path / "arkiv", today)
    assert not (tmp_path / "arkiv").exists()


def test_employees_sharing_a_name_get_their_id_in_the_file_name(
    company_store: Store, tmp_path: Path, today: date
) -> None:
    second = company_store.employees.add(
        Employee(name="anna jensen", employed_from=date(2024, 1, 1))
    )

    paths = export_archive(company_store, tmp_path, today)

    first_id = employee_id(company_store, "Anna Jensen")
    assert sorted(p.name for p in paths) == sorted(
        [
            f"Fraværsoversigt - Anna Jensen ({first_id}).pdf",
            f"Fraværsoversigt - anna jensen ({second.id}).pdf",
            "Fraværsoversigt - Bo Nielsen.pdf",
            "Fraværsstatistik - Hele virksomheden - seneste 12 måneder.pdf",
            *STAFF_DOCUMENTS,
        ]
    )
    assert all(p.is_file() for p in paths)


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("Søren Ærø Åberg", "Søren Ærø Åberg"),
        ('Ole/Hansen: "Bager"', "Ole_Hansen_ _Bager_"),
        ("  Mette   Holm. ", "Mette Holm"),
        ("..", ""),
    ],
)
def test_safe_file_part_keeps_danish_letters_and_drops_unsafe_characters(
    name: str, safe: str
) -> None:
    assert safe_file_part(name) == safe


def test_file_name_falls_back_to_the_employee_id_when_nothing_is_left() -> None:
    employee = Employee(id=7, name="??", employed_from=date(2024, 1, 1))

    assert file_names([employee]) == {7: "Fraværsoversigt - _.pdf"}
    assert file_names([Employee(id=8, name="..", employed_from=date(2024, 1, 1))]) == {
        8: "Fraværsoversigt - Medarbejder 8.pdf"
    }


def test_period_starts_at_an_earlier_first_spell_and_covers_a_future_spell(today: date) -> None:
    employee = Employee(
        id=1, name="Bo", employed_from=date(2021, 8, 15), employed_to=date(2026, 6, 30)
    )
    spells = [
        AbsenceSpell(employee_id=1, first_day=date(2021, 8, 1), last_day=date(2021, 8, 2)),
        AbsenceSpell(employee_id=1, first_day=date(2026, 6, 29), last_day=date(2026, 7, 10)),
    ]

    assert overview_period(employee, spells, today) == (date(2021, 8, 1), date(2026, 7, 10))
    assert overview_period(employee, [], today) == (date(2021, 8, 15), date(2026, 6, 30))


def test_period_of_a_current_employee_ends_today(today: date) -> None:
    employee = Employee(id=1, name="Anna", employed_from=date(2019, 3, 1))

    assert overview_period(employee, [], today) == (date(2019, 3, 1), today)


def test_a_document_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    earlier = tmp_path / "Fraværsoversigt - Anna Jensen.pdf"
    earlier.write_bytes(b"%PDF the earlier export")
    (tmp_path / (earlier.name + ".delvis")).mkdir()  # the temporary name cannot be written

    with pytest.raises(OSError):
        write_whole(earlier, b"%PDF new")

    assert earlier.read_bytes() == b"%PDF the earlier export"
    write_whole(tmp_path / "ny.pdf", b"%PDF new")
    assert (tmp_path / "ny.pdf").read_bytes() == b"%PDF new"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == [earlier.name, "ny.pdf"]


def test_archive_holds_the_conversation_papers_and_the_minutes_as_printed(
    company_store: Store, tmp_path: Path, today: date
) -> None:
    from fravaer_desktop.core.conversation import (
        ConversationKind,
        DocumentRequest,
        Invitation,
        MeetingForm,
        Over8Weeks,
    )
    from fravaer_desktop.services.conversations import print_minutes

    anna = employee_id(company_store, "Anna Jensen")
    spell = company_store.absences.add(AbsenceSpell(employee_id=anna, first_day=date(2026, 11, 9)))
    talk = company_store.conversations.start(
        Invitation(ConversationKind.ABSENCE, anna, date(2026, 11, 23), "10:00",
                   MeetingForm.PHONE, "", ("Mette Holm",), date(2026, 11, 18), spell.id),
        as_of=date(2026, 11, 18),
    )  # fmt: skip
    company_store.conversations.save_note(talk.id, "funktion", "Kan passe kassen siddende")
    held = company_store.conversations.mark_held(
        dataclasses.replace(talk, held_on=today, over_8_weeks=Over8Weeks.NO)
    )
    print_minutes(company_store, held.id)
    company_store.conversations.save_note(held.id, "funktion", "Kan passe kassen siddende, 4 t")
    company_store.document_requests.save(
        DocumentRequest(anna, "friattest", today, date(2026, 11, 30), spell_id=spell.id)
    )

    names = {p.name for p in export_archive(company_store, tmp_path, today)}

    about = "Anna Jensen - Sygefraværssamtale - 2026-11-23"
    assert {f"Indkaldelse - {about}.pdf", f"Referat - {about} - version 1.pdf",
            f"Referat - {about} - version 2.pdf",
            "Anmodning om friattest - Anna Jensen - 2026-11-23.pdf"} <= names  # fmt: skip
    first = pdf_text(tmp_path / f"Referat - {about} - version 1.pdf")
    second = pdf_text(tmp_path / f"Referat - {about} - version 2.pdf")
    assert "Kan passe kassen siddende" in first and "4 t" not in first
    assert "Kan passe kassen siddende, 4 t" in second and "Version 2" in second
    # The export prints; it does not store a new version.
    assert [v.version for v in company_store.conversations.minutes(held.id)] == [1]


def test_archive_holds_every_version_of_a_plan_and_the_answer_to_a_refused_request(
    company_store: Store, tmp_path: Path, today: date
) -> None:
    from fravaer_desktop.core.retention_plan import (
        PlanContent,
        PlanRequester,
        RetentionPlan,
        SchedulePhase,
    )

    plans = company_store.retention_plans
    anna = employee_id(company_store, "Anna Jensen")
    bo = employee_id(company_store, "Bo Nielsen")
    sick = company_store.absences.add(AbsenceSpell(employee_id=anna, first_day=date(2026, 9, 14)))
    other = company_store.absences.add(AbsenceSpell(employee_id=bo, first_day=date(2026, 9, 21)))
    plan = plans.start(RetentionPlan(anna, sick.id, PlanRequester.EMPLOYEE, date(2026, 11, 20)))
    plans.save_content(
        plan.id,
        PlanContent(schedule_start=date(2026, 11, 30),
                    phases=(SchedulePhase(2, 15), SchedulePhase(1, 37))),
    )  # fmt: skip
    plans.agree(plan.id, today)
    plans.revise(plan.id, "Et trin mere på 25 timer", today)
    refused = plans.start(RetentionPlan(bo, other.id, PlanRequester.EMPLOYEE, date(2026, 11, 19)))
    plans.refuse(refused.id, "Ingen deltidsopgaver i december", today)

    names = {p.name for p in export_archive(company_store, tmp_path, today)}

    about = "Anna Jensen - 2026-11-20"
    refusal = "Svar på ønske om fastholdelsesplan - Bo Nielsen - 2026-11-19.pdf"
    assert {f"Fastholdelsesplan - {about} - version 1.pdf",
            f"Fastholdelsesplan - {about} - version 2.pdf", refusal} <= names  # fmt: skip
    assert "Et trin mere på 25 timer" in pdf_text(
        tmp_path / f"Fastholdelsesplan - {about} - version 2.pdf"
    )
