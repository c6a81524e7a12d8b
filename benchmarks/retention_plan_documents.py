"""Rendering the retention plan's printed documents (target ≤ 150 ms for a 3-page plan).

In one process, with realistic data and the shipped guide text
(resources/guides/fastholdelsesplan.toml), time N renders of each document to PDF bytes:

    baseline: absence status     the 'Status på sygefravær' of one spell (reports/absence_status)
    plan, version 2              a 12-week plan across New Year, revised once, with two held
                                 follow-ups and six weeks of planned versus actual (3 pages)
    plan, version 1              the same plan's first version printed again
    plan, 52 weeks               a year-long schedule (information: the longest the editor takes)
    refusal letter               the answer to a refused request

and print median, min and max in milliseconds, the ratio to the baseline, the page count, and
whether each document meets the target.

Run: python benchmarks/retention_plan_documents.py [--repeat 20] [--json OUT]
"""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from _common import machine_summary, timed

from fravaer_desktop.core.guides import load_guides
from fravaer_desktop.core.models import AbsencePolicy, AbsenceSpell, Company, Employee
from fravaer_desktop.core.overview import build_overview
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
from fravaer_desktop.reports.absence_status import (
    build_absence_status_data,
    render_absence_status,
)
from fravaer_desktop.reports.retention_plan_documents import (
    refusal_letter_pdf,
    retention_plan_pdf,
)

TARGET_MS = 150.0
TODAY = date(2027, 2, 1)
COMPANY = Company(name="Bageriet Solsikken ApS", cvr="10150817", address="Torvet 3\n4000 Roskilde")
ANNA = Employee(
    id=1, name="Anna Jensen", employed_from=date(2019, 3, 1), department="Butik",
    job_title="Ekspedient",
)  # fmt: skip
SPELL = AbsenceSpell(employee_id=1, first_day=date(2026, 11, 2), id=10)
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
CONTENT_1 = PlanContent(
    texts=TEXTS,
    goal=PlanGoal.FULL,
    target_date=date(2027, 3, 15),
    adjustments=("timer", "opgaver", "pauser", "hjaelpemidler", "kollegahjaelp"),
    schedule_start=date(2026, 12, 21),
    phases=(
        SchedulePhase(2, 12, "Kassen og telefonen, formiddag"),
        SchedulePhase(3, 20, "Kassen, bestilling af varer"),
        SchedulePhase(4, 30, "Butikken, ingen tunge løft"),
        SchedulePhase(3, 37, "Alle opgaver"),
    ),
)
CONTENT_2 = replace(
    CONTENT_1,
    phases=(
        SchedulePhase(2, 12, "Kassen og telefonen, formiddag"),
        SchedulePhase(2, 15, "Kassen og telefonen, formiddag"),
        SchedulePhase(3, 20, "Kassen, bestilling af varer"),
        SchedulePhase(2, 25, "Butikken, ingen tunge løft"),
        SchedulePhase(1, 34, "Butikken og opfyldning"),
        SchedulePhase(2, 37, "Alle opgaver"),
    ),
)
VERSION_1 = PlanVersion(1, date(2026, 12, 1), CONTENT_1, agreed_on=date(2026, 12, 4))
VERSION_2 = PlanVersion(
    2, date(2027, 1, 11), CONTENT_2,
    "15 timer om ugen var for meget i uge 1. Vi bliver på 15 timer en uge mere og tager et "
    "ekstra trin med 34 timer, før Anna er på fuld tid.",
    agreed_on=date(2027, 1, 12),
)  # fmt: skip
PLAN = RetentionPlan(
    employee_id=1,
    spell_id=10,
    requested_by=PlanRequester.EMPLOYEE,
    requested_on=date(2026, 11, 23),
    status=PlanStatus.AGREED,
    versions=(VERSION_1, VERSION_2),
    follow_ups=(
        FollowUp(
            date(2027, 1, 8),
            date(2027, 1, 8),
            "Formiddagene går fint; de 15 timer i sidste uge var for mange.",
            PlanHolds.PARTLY,
            id=1,
        ),
        FollowUp(date(2027, 1, 29), date(2027, 1, 29), "Går efter planen.", PlanHolds.YES, id=2),
        FollowUp(date(2027, 2, 19), id=3),
    ),  # fmt: skip
    id=3,
)
REFUSED = replace(
    PLAN,
    status=PlanStatus.REFUSED,
    decided_on=date(2026, 11, 27),
    refusal_reason=(
        "Du har fortalt, at du venter at være tilbage på fuld tid 14. december. Så giver en "
        "plan ikke mening nu. Vi taler sammen igen i næste uge."
    ),
    versions=(PlanVersion(1, date(2026, 11, 23), PlanContent()),),
    follow_ups=(),
)


def documents() -> dict[str, Callable[[], bytes]]:
    """Each document's render, by name; the baseline first."""
    guide = load_guides().retention_plan
    overview = build_overview(COMPANY, [ANNA], [SPELL], [], AbsencePolicy(), TODAY)
    status = build_absence_status_data(COMPANY, ANNA, SPELL, overview.items, TODAY)
    worked = (12, 10.5, 15, 15, 20, 20)
    outcomes = [WeekOutcome(w, h) for w, h in zip(schedule_weeks(CONTENT_2), worked, strict=False)]
    year = replace(VERSION_2, content=replace(CONTENT_2, phases=tuple(
        SchedulePhase(13, hours, "Butikken") for hours in (10, 20, 30, 37)
    )))  # fmt: skip
    year_plan = replace(PLAN, versions=(VERSION_1, year))
    return {
        "baseline: absence status": lambda: render_absence_status(status),
        "plan, version 2": lambda: retention_plan_pdf(
            COMPANY, ANNA, PLAN, VERSION_2, SPELL, guide, TODAY, outcomes
        ),
        "plan, version 1": lambda: retention_plan_pdf(
            COMPANY, ANNA, PLAN, VERSION_1, SPELL, guide, TODAY
        ),
        "plan, 52 weeks": lambda: retention_plan_pdf(
            COMPANY, ANNA, year_plan, year, SPELL, guide, TODAY
        ),
        "refusal letter": lambda: refusal_letter_pdf(COMPANY, ANNA, REFUSED, guide, TODAY),
    }


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def measure(repeat: int) -> dict[str, dict[str, float]]:
    results = {}
    for name, render in documents().items():
        results[name] = {**timed(render, repeat), "pages": page_count(render())}
    return results


def print_report(results: dict[str, dict[str, float]]) -> None:
    print("Retention plan documents, PDF rendering")
    for key, value in machine_summary().items():
        print(f"  {key}: {value}")
    base = results["baseline: absence status"]["median_ms"]
    print(f"  {'document':<26} {'median':>8} {'min':>8} {'max':>8} {'x base':>7} {'pages':>6}")
    for name, value in results.items():
        verdict = "" if name.startswith("baseline") else (
            "information" if "52" in name
            else "meets" if value["median_ms"] <= TARGET_MS else "MISSES"
        )  # fmt: skip
        print(
            f"  {name:<26} {value['median_ms']:8.1f} {value['min_ms']:8.1f} "
            f"{value['max_ms']:8.1f} {value['median_ms'] / base:7.1f} {value['pages']:6d}  "
            f"{verdict}"
        )
    print(f"  (ms, {next(iter(results.values()))['n']} renders each; target {TARGET_MS:.0f} ms)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    results = measure(args.repeat)
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
