"""Absence statistics for the whole large company over ten years (target ≤ 200 ms).

In one process: generate (or take) the large company (500 employees, about 60,000 spells, ten
years, benchmarks/generate_large_company.py), read the rows once, then time, N times each:

    baseline: load rows      store.employees.list_all() + store.absences.all()
    baseline: touch rows     one Python pass over the spells that reads two attributes
    statistics 10 years      core.statistics.absence_statistics for the whole company
    statistics all years     the same from the first hire (about 20 years for this file)
    department / employee    the same for one department and one employee, 10 years
    goal_status              the last 12 months against a goal (the Overview's figure)
    page reload              the Statistik page reads the rows again and shows "Alle år"
    page refresh             the page after choosing another period or scope ("Alle år";
                             "Seneste 12 måneder"): statistics, goals, labels and chart

and print median, min and max in milliseconds, with the machine it ran on.

Run: python benchmarks/statistics.py [--repeat 15] [--large FILE] [--json OUT] [--no-page]
"""

from __future__ import annotations

import sys
from pathlib import Path

# This file has the name of the standard library's `statistics`; when run as a script its folder
# comes first on sys.path and would hide the real module from everything imported below.
BENCH_DIR = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH_DIR]
sys.path.append(str(BENCH_DIR))

import os  # noqa: E402
from collections.abc import Callable  # noqa: E402
from datetime import date  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import (  # noqa: E402
    guard_singleton_refcounts,
    large_company_arguments,
    machine_summary,
    on_large_company,
    timed,
)

from fravaer_desktop.core.models import Goal, GoalMetric  # noqa: E402
from fravaer_desktop.core.statistics import (  # noqa: E402
    Scope,
    absence_statistics,
    goal_status,
    twelve_months_back,
    years_back,
)
from fravaer_desktop.storage.database import open_database  # noqa: E402
from fravaer_desktop.storage.repositories import Store  # noqa: E402

TARGET_MS = 200.0


def measure(path: Path, today: date, repeat: int, page: bool) -> dict:
    store = Store(open_database(path), today=lambda: today)
    results: dict = {"today": today.isoformat()}
    results["baseline_load_rows"] = timed(
        lambda: (store.employees.list_all(), store.absences.all()), repeat
    )
    employees, spells = store.employees.list_all(), store.absences.all()
    results["employees"], results["spells"] = len(employees), len(spells)
    results["baseline_touch_rows"] = timed(
        lambda: sum(1 for s in spells if s.employee_id and s.first_day), repeat
    )
    ten_years = years_back(today, 10)
    result = absence_statistics(employees, spells, ten_years, today, today)
    results["figures_10_years"] = {
        "percent": round(result.percent, 2),
        "days_per_fte": round(result.days_per_fte, 1),
        "spells": result.spells,
        "months": len(result.months),
    }
    results["statistics_10_years"] = timed(
        lambda: absence_statistics(employees, spells, ten_years, today, today), repeat
    )
    results["statistics_all_years"] = timed(
        lambda: absence_statistics(employees, spells, date.min, today, today), repeat
    )
    department = Scope(department=employees[0].department)
    results["statistics_department_10_years"] = timed(
        lambda: absence_statistics(employees, spells, ten_years, today, today, department), repeat
    )
    person = Scope(employee_id=employees[0].id)
    results["statistics_employee_10_years"] = timed(
        lambda: absence_statistics(employees, spells, ten_years, today, today, person), repeat
    )
    goals = [Goal(GoalMetric.ABSENCE_PERCENT, 3.5, date(today.year, 1, 1))]
    recent = store.absences.between(twelve_months_back(today), today)
    results["goal_status_recent_spells"] = timed(
        lambda: goal_status(employees, recent, goals, today), repeat
    )
    results["goal_status_all_spells"] = timed(
        lambda: goal_status(employees, spells, goals, today), repeat
    )
    if page:
        results.update(measure_page(store, max(3, repeat // 3)))
    store.db.close()
    return results


def measure_page(store: Store, repeat: int) -> dict[str, dict[str, float]]:
    """The Statistik page: reload (database reads and all) and refresh (recompute and show)."""
    from PySide6.QtWidgets import QApplication

    from fravaer_desktop.ui.pages.statistics_page import StatisticsPage

    app = QApplication.instance() or QApplication([])
    page = StatisticsPage(store)
    page.resize(1100, 900)
    page.show()
    page.period.setCurrentText("Alle år")
    app.processEvents()

    def run(step: Callable[[], None]) -> Callable[[], None]:
        return lambda: (step(), app.processEvents())

    results = {
        "page_reload_all_years": timed(run(page.reload), repeat),
        "page_refresh_all_years": timed(run(page.refresh), repeat),
    }
    page.period.setCurrentText("Seneste 12 måneder")
    results["page_refresh_12_months"] = timed(run(page.refresh), repeat)
    page.close()
    return results


def print_report(results: dict) -> None:
    print("Absence statistics, large company")
    for key, value in machine_summary().items():
        print(f"  {key}: {value}")
    print(f"  file: {results['employees']} employees, {results['spells']} spells")
    print(f"  figures, 10 years: {results['figures_10_years']}")
    print(f"  {'measurement':<34} {'median':>9} {'min':>9} {'max':>9}  (ms)")
    for key, value in results.items():
        if isinstance(value, dict) and "median_ms" in value:
            print(
                f"  {key:<34} {value['median_ms']:9.1f} {value['min_ms']:9.1f} "
                f"{value['max_ms']:9.1f}"
            )
    median = results["statistics_10_years"]["median_ms"]
    verdict = "meets" if median <= TARGET_MS else "MISSES"
    print(
        f"  statistics for 10 years: {median:.1f} ms median, {verdict} the "
        f"{TARGET_MS:.0f} ms target"
    )


def main(argv: list[str] | None = None) -> int:
    parser = large_company_arguments(__doc__, repeat=15)
    parser.add_argument("--no-page", action="store_true", help="skip the page measurement")
    args = parser.parse_args(argv)
    guard_singleton_refcounts()  # PySide6 6.12.0 + Python 3.11 would abort mid-run otherwise
    results = on_large_company(
        "fravaer-bench-statistics-", args,
        lambda path: measure(path, args.today, args.repeat, not args.no_page),
    )  # fmt: skip
    print_report(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
