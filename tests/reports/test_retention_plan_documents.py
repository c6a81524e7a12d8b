"""Tests of the retention plan on paper: the builders and real PDFs read with pypdf."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from fravaer_desktop.core.charts import schedule_chart
from fravaer_desktop.core.guides import load_guides
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
from fravaer_desktop.core.retention_plan import (
    FollowUp,
    PlanContent,
    PlanGoal,
    PlanHolds,
    PlanRequester,
    PlanStatus,
    PlanVersion,
    RetentionPlan,
    SchedulePhase,
    WeekOutcome,
    schedule_weeks,
)
from fravaer_desktop.reports.conversation_letters import RECEIPT_HEADING
from fravaer_desktop.reports.retention_plan_documents import (
    DRAFT,
    NO_SCHEDULE,
    PLAN_FOOTER,
    REFUSAL_TITLE,
    follow_ups_of,
    older_version_notice,
    plan_facts,
    refusal_letter_pdf,
    retention_plan_pdf,
    schedule_rows,
    section_texts,
    short_day,
    signed_difference,
    task_spans,
)

GUIDE = load_guides().retention_plan
COMPANY = Company(name="Bageriet Solsikken ApS", cvr="10150817", address="Torvet 3\n4000 Roskilde")
ANNA = Employee(
    id=1, name="Anna Jensen", employed_from=date(2019, 3, 1), department="Butik",
    job_title="Ekspedient",
)  # fmt: skip
ABSENCE = AbsenceSpell(employee_id=1, first_day=date(2026, 11, 2), id=10)
PRINTED_ON = date(2027, 2, 1)
START = date(2026, 12, 21)  # a Monday: week 52 of 2026, then week 53, then week 1 of 2027

TEXTS = {
    "baggrund": (
        "Anna kan arbejde 3 timer ad gangen med en pause imellem. Hun kan betjene kunder og "
        "passe kassen, men ikke løfte kasser over 5 kg endnu."
    ),
    "maal": "Tilbage på fuld tid i butikken med de sædvanlige vagter inden påske.",
    "opgaver_behold": "Kassen, bestilling af varer, telefonen.",
    "opgaver_tilpas": "Opfyldning kun i den nederste hylde; en kollega tager de tunge kasser.",
    "opgaver_undgaa": "Ingen morgenvagter før kl. 8 de første fire uger. Ingen bagning.",
    "tilpasninger": "Pause på 15 minutter hver anden time. Høj stol ved kassen fra første dag.",
    "hjaelp_udefra": "Vi beder jobcentret om et rundbordsmøde, hvis trappen ikke holder.",
    "ansvar": (
        "Mette Hansen bestiller stolen senest 18. december.\n"
        "Anna siger til, hvis timerne bliver for mange."
    ),
    "kontakt": "Kort snak hver fredag; opfølgningsmøde hver tredje uge.",
    "kolleger": "Kollegerne får at vide, at Anna starter på nedsat tid og hvilke opgaver hun har.",
    "hurtigere_langsommere": (
        "Går det langsommere, bliver vi på samme trin en uge mere og laver en ny version."
    ),
}
PHASES_1 = (
    SchedulePhase(2, 12, "Kassen og telefonen, formiddag"),
    SchedulePhase(3, 20, "Kassen, bestilling af varer"),
    SchedulePhase(4, 30, "Butikken, ingen tunge løft"),
    SchedulePhase(3, 37, "Alle opgaver"),
)
PHASES_2 = (
    SchedulePhase(2, 12, "Kassen og telefonen, formiddag"),
    SchedulePhase(2, 15, "Kassen og telefonen, formiddag"),
    SchedulePhase(3, 20, "Kassen, bestilling af varer"),
    SchedulePhase(2, 25, "Butikken, ingen tunge løft"),
    SchedulePhase(1, 34, "Butikken og opfyldning"),
    SchedulePhase(2, 37, "Alle opgaver"),
)
CONTENT_1 = PlanContent(
    texts=TEXTS,
    goal=PlanGoal.FULL,
    target_date=date(2027, 3, 15),
    adjustments=("timer", "opgaver", "pauser", "hjaelpemidler", "kollegahjaelp"),
    schedule_start=START,
    phases=PHASES_1,
)
CONTENT_2 = replace(CONTENT_1, phases=PHASES_2)
REASON = (
    "15 timer om ugen var for meget i uge 1. Vi bliver på 15 timer en uge mere og tager et "
    "ekstra trin med 34 timer, før Anna er på fuld tid."
)
VERSION_1 = PlanVersion(1, date(2026, 12, 1), CONTENT_1, agreed_on=date(2026, 12, 4))
VERSION_2 = PlanVersion(2, date(2027, 1, 11), CONTENT_2, REASON, agreed_on=date(2027, 1, 12))
FOLLOW_UPS = (
    FollowUp(
        date(2027, 1, 8), date(2027, 1, 8),
        "Formiddagene går fint; de 15 timer i sidste uge var for mange.", PlanHolds.PARTLY, id=1,
    ),
    FollowUp(date(2027, 1, 29), date(2027, 1, 29), "Går efter planen.", PlanHolds.YES, id=2),
    FollowUp(date(2027, 2, 19), id=3),
)  # fmt: skip
PLAN = RetentionPlan(
    employee_id=1,
    spell_id=10,
    requested_by=PlanRequester.EMPLOYEE,
    requested_on=date(2026, 11, 23),
    status=PlanStatus.AGREED,
    versions=(VERSION_1, VERSION_2),
    follow_ups=FOLLOW_UPS,
    id=3,
)
REFUSED = RetentionPlan(
    employee_id=1,
    spell_id=10,
    requested_by=PlanRequester.EMPLOYEE,
    requested_on=date(2026, 11, 23),
    status=PlanStatus.REFUSED,
    decided_on=date(2026, 11, 27),
    refusal_reason=(
        "Du har fortalt, at du venter at være tilbage på fuld tid 14. december. Så giver en "
        "plan ikke mening nu. Vi taler sammen igen i næste uge."
    ),
    versions=(PlanVersion(1, date(2026, 11, 23), PlanContent()),),
    id=4,
)


def pdf_text(data: bytes) -> tuple[int, str]:
    """Page count and the text of all pages with runs of white space made single spaces."""
    pages = PdfReader(io.BytesIO(data)).pages
    text = " ".join(page.extract_text() for page in pages)
    return len(pages), " ".join(text.replace("\xa0", " ").split())


def words(text: str) -> str:
    return " ".join(text.split())


def outcomes(version: PlanVersion, worked: list[float]) -> list[WeekOutcome]:
    weeks = schedule_weeks(version.content)
    return [WeekOutcome(week, hours) for week, hours in zip(weeks, worked, strict=False)]


def plan_pdf(version: PlanVersion = VERSION_2, plan: RetentionPlan = PLAN, **changes) -> bytes:
    arguments = {"absence": ABSENCE, "outcomes": (), **changes}
    return retention_plan_pdf(
        COMPANY, ANNA, plan, version, arguments["absence"], GUIDE, PRINTED_ON,
        arguments["outcomes"],
    )  # fmt: skip


# --- Builders ---------------------------------------------------------------------------------


def test_the_facts_name_the_employee_the_absence_the_request_version_and_goal() -> None:
    left, right = plan_facts(ANNA, PLAN, VERSION_2, ABSENCE)

    assert left == [
        ("Medarbejder", "Anna Jensen"),
        ("Stilling", "Ekspedient"),
        ("Første fraværsdag", "2. november 2026"),
        ("Ønsket af", "Medarbejderen, 23. november 2026"),
    ]
    assert right == [
        ("Version", "2 af 11. januar 2027"),
        ("Status", "Aftalt 12. januar 2027"),
        ("Mål", "Fuld tilbagevenden"),
        ("Måldato", "15. marts 2027"),
    ]


def test_a_plan_the_employer_proposed_without_absence_or_target_says_so() -> None:
    plan = replace(PLAN, requested_by=PlanRequester.EMPLOYER)
    draft = replace(VERSION_1, agreed_on=None, content=replace(CONTENT_1, target_date=None))

    left, right = plan_facts(replace(ANNA, job_title=""), plan, draft, None)

    assert left == [
        ("Medarbejder", "Anna Jensen"),
        ("Foreslået af", "Arbejdsgiveren, 23. november 2026"),
    ]
    assert ("Status", DRAFT) in right and ("Måldato", "Ikke sat") in right


def test_week_rows_across_new_year_with_hours_per_day_percent_and_the_4_hour_mark() -> None:
    rows = schedule_rows(schedule_weeks(CONTENT_2), ABSENCE)

    assert [row[0] for row in rows[:4]] == ["Uge 52, 2026", "Uge 53, 2026", "Uge 1, 2027",
                                            "Uge 2, 2027"]  # fmt: skip
    assert rows[1][:6] == ["Uge 53, 2026", "28. dec.–3. jan.", "12", "2,4", "25", "67,6 %"]
    assert rows[2][:6] == ["Uge 1, 2027", "4. jan.–10. jan.", "15", "3", "22", "59,5 %"]
    assert rows[9][:6] == ["Uge 8, 2027", "22. feb.–28. feb.", "34", "6,8", "3 *", "8,1 %"]
    assert rows[11][2:6] == ["37", "7,4", "0", "0,0 %"]
    assert [row for row in rows if row[4].endswith("*")] == [rows[9]]


def test_without_the_absence_no_week_is_judged_against_the_minimum() -> None:
    rows = schedule_rows(schedule_weeks(CONTENT_2), None)

    assert not any(row[4].endswith("*") for row in rows)


def test_month_abbreviations_and_differences_read_as_danish() -> None:
    assert [short_day(date(2027, m, 3)) for m in (1, 5, 12)] == ["3. jan.", "3. maj", "3. dec."]
    assert [signed_difference(v) for v in (2, -3.5, 0)] == ["+2", "−3,5", "0"]


def test_a_phase_shares_one_tasks_cell_of_at_most_eight_weeks() -> None:
    weeks = schedule_weeks(replace(CONTENT_1, phases=(SchedulePhase(2, 10), SchedulePhase(10, 20))))

    assert task_spans(weeks, [2, 10]) == [range(0, 2), range(2, 10), range(10, 12)]


def test_the_chart_has_a_bar_per_week_the_year_at_new_year_and_the_contract_line() -> None:
    chart = schedule_chart(schedule_weeks(CONTENT_2))

    assert chart.values[:3] == (12, 12, 15) and len(chart.values) == 12
    assert chart.labels[:4] == ("52\n2026", "53", "1\n2027", "2")
    assert chart.target is not None and (chart.target.value, chart.target.label) == (
        37, "Normal tid: 37 t",
    )  # fmt: skip
    assert chart.format_value(12) == "12"


def test_sections_in_the_guides_order_and_texts_of_unknown_sections_kept() -> None:
    version = replace(
        VERSION_1, content=replace(CONTENT_1, texts={"kolleger": "Intet.", "gammel": "Noget."})
    )

    sections, other = section_texts(version, GUIDE)

    assert [s[0] for s in sections] == [s.id for s in GUIDE.sections]
    assert [s for s in sections if s[2]] == [("kolleger", "Hvad kollegerne får at vide", "Intet.")]
    assert other == "Noget."


def test_an_older_version_names_the_one_in_force_and_its_follow_ups_only() -> None:
    assert older_version_notice(PLAN, VERSION_2) == ""
    assert "afløst af version 2 af 11. januar 2027" in older_version_notice(PLAN, VERSION_1)
    assert [f.id for f in follow_ups_of(PLAN, VERSION_1)] == [1]
    assert [f.id for f in follow_ups_of(PLAN, VERSION_2)] == [1, 2, 3]


# --- The plan as a PDF ------------------------------------------------------------------------


def test_a_realistic_plan_is_two_or_three_pages_with_names_version_and_dates() -> None:
    pages, text = pdf_text(plan_pdf(outcomes=outcomes(VERSION_2, [12, 12, 13.5, 15, 20, 20])))

    assert 2 <= pages <= 3
    assert "Fastholdelsesplan" in text and "Bageriet Solsikken ApS" in text
    assert "Anna Jensen · Version 2 af 11. januar 2027 · aftalt 12. januar 2027" in text
    assert "Første fraværsdag 2. november 2026" in text
    assert "Ønsket af Medarbejderen, 23. november 2026" in text
    assert "Mål Fuld tilbagevenden" in text and "Måldato 15. marts 2027" in text
    assert f"Side {pages} af {pages}" in text
    assert "Fastholdelsesplan – Anna Jensen" in text
    assert PLAN_FOOTER in text


def test_the_reason_of_a_revision_is_printed_under_its_heading() -> None:
    _, text = pdf_text(plan_pdf())

    assert f"Hvad er ændret i version 2, og hvorfor {words(REASON)}" in text


def test_the_first_version_has_no_revision_and_says_it_was_replaced() -> None:
    _, text = pdf_text(plan_pdf(VERSION_1))

    assert "Version 1 af 1. december 2026 · aftalt 4. december 2026" in text
    assert "Hvad er ændret" not in text
    assert "Dette er version 1. Den er afløst af version 2 af 11. januar 2027" in text
    assert "Uge 53, 2026" in text
    assert "Går efter planen." not in text  # a follow-up held after version 2 was made


def test_a_draft_says_it_is_not_agreed_yet() -> None:
    draft = replace(VERSION_2, agreed_on=None)
    plan = replace(PLAN, versions=(VERSION_1, draft))

    _, text = pdf_text(plan_pdf(draft, plan))

    assert f"Anna Jensen · Version 2 af 11. januar 2027 · {DRAFT.lower()}" in text
    assert f"Status {DRAFT}" in text


def test_every_section_with_text_is_printed_with_its_title_and_empty_ones_are_left_out() -> None:
    texts = {**TEXTS, "kolleger": "  ", "hjaelp_udefra": ""}
    version = replace(VERSION_2, content=replace(CONTENT_2, texts=texts))

    _, text = pdf_text(plan_pdf(version, replace(PLAN, versions=(VERSION_1, version))))

    for section in GUIDE.sections:
        if section.id == "tilpasninger":  # the chosen adjustments come first, see below
            continue
        if texts[section.id].strip():
            assert f"{section.title} {words(texts[section.id])}" in text
        else:
            assert section.title not in text
    assert (
        "Tilpasninger Vi har aftalt færre timer, andre opgaver, flere pauser, hjælpemidler og "
        f"hjælp fra kolleger. {words(texts['tilpasninger'])}"
    ) in text
    assert "mentor" not in text.lower()


def test_the_schedule_shows_iso_weeks_across_new_year_hours_and_percent() -> None:
    _, text = pdf_text(plan_pdf())

    assert "Trappen begynder mandag 21. december 2026 og varer 12 uger" in text
    assert "37 timer om ugen på 5 dage" in text
    assert "Uge 52, 2026 21. dec.–27. dec. 12 2,4 25 67,6 %" in text
    assert "Uge 53, 2026 28. dec.–3. jan. 12 2,4 25 67,6 %" in text
    assert "Uge 1, 2027 4. jan.–10. jan. 15 3 22 59,5 %" in text
    assert "Uge 10, 2027 8. mar.–14. mar. 37 7,4 0 0,0 %" in text
    assert "Uge 11, 2027" not in text  # the twelfth week is week 10
    assert "Kassen og telefonen, formiddag" in text
    assert "Planlagte timer om ugen" in text and "Normal tid: 37 t" in text


def test_a_week_under_the_4_hour_minimum_is_marked_with_a_footnote() -> None:
    _, text = pdf_text(plan_pdf())

    assert "Uge 8, 2027 22. feb.–28. feb. 34 6,8 3 * 8,1 %" in text
    assert (
        "* Fraværet er under 4 timer om ugen. Så regnes medarbejderen som rask efter "
        "sygedagpengeloven, og der er hverken sygedagpenge eller refusion for den uge."
    ) in text
    _, first = pdf_text(plan_pdf(VERSION_1))
    assert "* Fraværet er under" not in first


def test_planned_versus_actual_is_printed_only_when_there_are_outcomes() -> None:
    _, with_outcomes = pdf_text(plan_pdf(outcomes=outcomes(VERSION_2, [12, 10.5, 15])))
    _, without = pdf_text(plan_pdf())

    assert "Planlagt og faktisk" in with_outcomes
    assert "Uge 52, 2026 12 12 0" in with_outcomes
    assert "Uge 53, 2026 12 10,5 −1,5" in with_outcomes
    assert "Planlagt og faktisk" not in without


def test_follow_ups_with_how_they_went_jobcenter_rules_and_both_signatures() -> None:
    _, text = pdf_text(plan_pdf())

    assert "Opfølgningsmøder" in text
    assert "8. januar 2027 8. januar 2027 Delvist Formiddagene går fint" in text
    assert "29. januar 2027 29. januar 2027 Ja, planen holder Går efter planen." in text
    assert "19. februar 2027 Ikke holdt endnu" in text
    assert f"Til jobcentret {words(GUIDE.jobcenter_note)}" in text
    for claim, source in GUIDE.rules:
        assert words(claim) in text and words(source) in text
    assert "Underskrifter Vi har lavet planen sammen og er enige om den." in text
    assert "Dato og underskrift, arbejdsgiver Bageriet Solsikken ApS" in text
    assert "Dato og underskrift, medarbejder Anna Jensen" in text


def test_a_plan_without_schedule_or_follow_ups_says_so() -> None:
    empty = PlanVersion(1, date(2026, 11, 30), PlanContent(texts={"baggrund": "Kan stå 2 timer."}))
    plan = replace(PLAN, versions=(empty,), follow_ups=())

    pages, text = pdf_text(plan_pdf(empty, plan, absence=None))

    assert pages <= 2
    assert NO_SCHEDULE in text and "Der er ikke sat datoer for opfølgningsmøder endnu." in text
    assert "Første fraværsdag" not in text and "Hvad er ændret" not in text


def test_a_year_long_schedule_still_renders_on_whole_pages() -> None:
    phases = tuple(SchedulePhase(13, hours, "Butikken") for hours in (10, 20, 30, 37))
    version = replace(VERSION_2, content=replace(CONTENT_2, phases=phases))

    pages, text = pdf_text(plan_pdf(version, replace(PLAN, versions=(VERSION_1, version))))

    assert pages <= 5
    assert "Uge 50, 2027 13. dec.–19. dec. 37" in text and "Uge 51, 2027" not in text


# --- The refusal letter -----------------------------------------------------------------------


def test_refusal_letter_has_the_text_reason_dates_rule_and_both_lines() -> None:
    pages, text = pdf_text(refusal_letter_pdf(COMPANY, ANNA, REFUSED, GUIDE, PRINTED_ON))

    assert pages == 1
    assert REFUSAL_TITLE in text and "Til Anna Jensen · 27. november 2026" in text
    assert "Kære Anna" in text
    first, *rest = GUIDE.refusal_letter.split("\n\n")
    assert f"{words(first)} Begrundelse {words(REFUSED.refusal_reason)}" in text
    for paragraph in rest:
        assert words(paragraph) in text
    assert "Dit ønske 23. november 2026" in text and "Vores svar 27. november 2026" in text
    assert "Grundlag: Sygedagpengeloven § 7b, stk. 2" in text
    assert "Venlig hilsen Bageriet Solsikken ApS" in text
    assert RECEIPT_HEADING in text and "Underskrift, medarbejder" in text


def test_only_a_refused_request_gets_a_refusal_letter() -> None:
    with pytest.raises(ValueError):
        refusal_letter_pdf(COMPANY, ANNA, PLAN, GUIDE, PRINTED_ON)
