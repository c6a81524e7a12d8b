"""The APV on the large company: its figures (target ≤ 200 ms) and its document (≤ 300 ms).

In one process: generate (or take) the large company (500 employees, about 60,000 spells, ten
years, benchmarks/generate_large_company.py), read the rows once, then time, N times each:

    baseline: statistics          core.statistics.absence_statistics, the last 12 months
    apv_figures                   core.apv.apv_figures for the same period (the period before
                                  and every department too)
    apv_figures, two periods      the same given only the spells that touch the two periods
                                  (information: what filtering the spells first would gain)
    baseline: statistics report   the Fraværsstatistik of the same period rendered to PDF
    apv document                  reports.apv_documents.apv_pdf: a completed APV with answered
                                  checklist items and a five-line action plan
    blank checklist               reports.apv_documents.blank_checklist_pdf (information)

and print median, min and max in milliseconds, the ratio to the baseline, the page count, and
whether each meets its target.

Run: python benchmarks/apv_documents.py [--repeat 20] [--large FILE] [--json OUT]
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from _common import large_company_arguments, machine_summary, on_large_company, timed

from fravaer_desktop.core.apv import (
    ActionStatus,
    Answer,
    Apv,
    ApvAction,
    ApvStatus,
    ChecklistAnswer,
    apv_figures,
    default_period,
    previous_period,
)
from fravaer_desktop.core.guides import load_apv_checklist
from fravaer_desktop.core.statistics import absence_statistics
from fravaer_desktop.reports.apv_documents import apv_pdf, blank_checklist_pdf
from fravaer_desktop.reports.statistics_report import (
    build_statistics_report_data,
    render_statistics_report,
)
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store

FIGURES_TARGET_MS = 200.0
DOCUMENT_TARGET_MS = 300.0
ANSWERS = {
    "arbejdsmaengde": ChecklistAnswer(Answer.YES, Answer.YES, "Travlt i weekender og op til jul."),
    "stoette": ChecklistAnswer(Answer.YES, Answer.UNKNOWN, "Lederne har svært ved at nå rundt."),
    "konflikter": ChecklistAnswer(Answer.NO, Answer.NO),
    "loeft": ChecklistAnswer(Answer.YES, Answer.YES, "Tunge kasser på lageret løftes fra gulvet."),
    "ensidigt": ChecklistAnswer(Answer.YES, Answer.YES, "Pakning ved samlebåndet."),
    "stoej": ChecklistAnswer(Answer.YES, Answer.UNKNOWN, "Maskinerne larmer i produktionen."),
    "indeklima": ChecklistAnswer(Answer.YES, Answer.NO, "Træk ved portene om vinteren."),
    "ulykker": ChecklistAnswer(Answer.YES, Answer.YES, "To nærved-ulykker med truck i år."),
    "natarbejde": ChecklistAnswer(Answer.YES, Answer.UNKNOWN, "Nathold i produktionen."),
}


def realistic_apv(first: date, last: date, made_on: date) -> Apv:
    """A completed APV with answers, the phase texts and a five-line action plan."""
    actions = tuple(
        ApvAction(
            problem=f"Problem {n}: tunge løft på lageret",
            measure="Løftevogne og mindre kasser; instruktion af nye medarbejdere",
            cause="Kasserne står på gulvet, og der er ikke plads til vognene",
            responsible="Lagerchefen",
            deadline=date(made_on.year + 1, n, 1),
            status=ActionStatus.ACTIVE if n % 2 else ActionStatus.OPEN,
            follow_up="Spørg på personalemødet, og se fraværet på lageret om et år",
        )
        for n in range(1, 6)
    )
    return Apv(
        made_on=made_on,
        period_first=first,
        period_last=last,
        participants="Direktionen, arbejdsmiljøorganisationen og tillidsrepræsentanterne",
        amo_took_part=True,
        texts={
            "kortlaegning": "Spørgeskema til alle og rundgang i hver afdeling.",
            "sygefravaer": "Fraværet er højest på lageret og i produktionen, især de lange "
            "sygeperioder.",
            "aendringer": "Nyt lagersystem fra foråret.",
            "retningslinjer": "Arbejdsmiljøudvalget følger op på handlingsplanen hvert kvartal.",
        },
        answers=ANSWERS,
        actions=actions,
        status=ApvStatus.DONE,
        completed_on=made_on,
    )


def in_window(spells, first: date, last: date) -> list:
    """The spells with a day from `first` to `last`."""
    return [s for s in spells if s.first_day <= last and s.end_or(last) >= first]


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def measure(path: Path, today: date, repeat: int) -> dict:
    store = Store(open_database(path), today=lambda: today)
    company = store.company.get()
    employees, spells = store.employees.list_all(), store.absences.all()
    first, last = default_period(today)
    checklist = load_apv_checklist()
    figures = apv_figures(employees, spells, first, last, today)
    apv = realistic_apv(first, last, today)
    report = build_statistics_report_data(company, employees, spells, [], first, last, today)
    results: dict = {"today": today.isoformat(), "employees": len(employees),
                     "spells": len(spells), "groups": [g.name for g in figures.groups]}  # fmt: skip
    renders = {
        "baseline: statistics": lambda: absence_statistics(employees, spells, first, last, today),
        "apv_figures": lambda: apv_figures(employees, spells, first, last, today),
        "apv_figures, two periods": lambda: apv_figures(
            employees, in_window(spells, previous_period(first, last)[0], last), first, last, today
        ),
        "baseline: statistics report": lambda: render_statistics_report(report),
        "apv document": lambda: apv_pdf(company, apv, figures, checklist, today),
        "blank checklist": lambda: blank_checklist_pdf(company, checklist, today),
    }
    for name, function in renders.items():
        results[name] = timed(function, repeat)
        output = function()
        if isinstance(output, bytes):
            results[name]["pages"] = page_count(output)
    store.db.close()
    return results


def print_report(results: dict) -> None:
    print("The APV (issue 17) on the large company")
    for key, value in machine_summary().items():
        print(f"  {key}: {value}")
    print(f"  {results['employees']} employees, {results['spells']} spells, today "
          f"{results['today']}; groups: {', '.join(results['groups'])}")  # fmt: skip
    print(f"  {'measurement':<30} {'median':>8} {'min':>8} {'max':>8} {'x base':>7} {'pages':>6}")
    targets = {"apv_figures": ("baseline: statistics", FIGURES_TARGET_MS),
               "apv_figures, two periods": ("baseline: statistics", None),
               "apv document": ("baseline: statistics report", DOCUMENT_TARGET_MS),
               "blank checklist": ("baseline: statistics report", None)}  # fmt: skip
    for name in ("baseline: statistics", "apv_figures", "apv_figures, two periods",
                 "baseline: statistics report",
                 "apv document", "blank checklist"):  # fmt: skip
        value = results[name]
        base_name, target = targets.get(name, (name, None))
        ratio = value["median_ms"] / results[base_name]["median_ms"]
        verdict = "" if name.startswith("baseline") else "information"
        if target is not None:
            verdict = "meets" if value["median_ms"] <= target else "MISSES"
        pages = str(value.get("pages", ""))
        print(f"  {name:<30} {value['median_ms']:8.1f} {value['min_ms']:8.1f} "
              f"{value['max_ms']:8.1f} {ratio:7.1f} {pages:>6}  {verdict}")  # fmt: skip
    print(f"  (ms, {results['apv_figures']['n']} runs each; targets: figures "
          f"{FIGURES_TARGET_MS:.0f} ms, document {DOCUMENT_TARGET_MS:.0f} ms)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = large_company_arguments(__doc__, repeat=20)
    args = parser.parse_args(argv)
    results = on_large_company(
        "fravaer-bench-apv-", args, lambda path: measure(path, args.today, args.repeat)
    )
    print_report(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
