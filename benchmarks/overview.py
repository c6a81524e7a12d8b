"""The Overblik for the large company, computed and shown (target ≤ 100 ms).

In one process: generate (or take) the large company (500 employees, about 60,000 spells, ten
years, benchmarks/generate_large_company.py), then time, N times each:

    baseline: read rows       the rows the overview reads (employees, spells of the last
                              ~16 months, decisions, policy, company), without the rules
    compute                   fravaer_desktop.services.followup.current_overview (reads + rules)
    page reload               OverviewPage.reload(): compute, fill the task tree, the absent
                              list and the 120-day counters, and paint (processEvents)
    calendar export           the open deadlines as .ics bytes

and print median, min and max in milliseconds, the ratio of compute to the baseline, and
whether the page reload meets the target.

Run: python benchmarks/overview.py [--repeat 15] [--large FILE]
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import large_company_arguments, machine_summary, on_large_company, timed  # noqa: E402

from fravaer_desktop.services.followup import current_overview, overview_history_start  # noqa: E402
from fravaer_desktop.storage.database import open_database  # noqa: E402
from fravaer_desktop.storage.repositories import Store  # noqa: E402

TARGET_MS = 100.0


def read_rows(store: Store) -> None:
    today = store.today()
    store.company.get()
    store.employees.list_all()
    store.absences.between(overview_history_start(today), today)
    store.decisions.all()
    store.policy.get()


def measure(path: Path, today: date, repeat: int) -> dict:
    from PySide6.QtWidgets import QApplication, QWidget

    from fravaer_desktop.core.calendar_export import deadlines_calendar
    from fravaer_desktop.core.privacy import HealthTextCheck
    from fravaer_desktop.ui.actions import AppActions
    from fravaer_desktop.ui.pages.overview_page import OverviewPage

    store = Store(open_database(path), today=lambda: today)
    overview = current_overview(store)
    results: dict = {
        "items": len(overview.items),
        "open_items": len(overview.open_items()),
        "absent_now": len(overview.absent_now),
        "baseline_read_rows": timed(lambda: read_rows(store), repeat),
        "compute": timed(lambda: current_overview(store), repeat),
    }
    app = QApplication.instance() or QApplication([])
    host = QWidget()
    page = OverviewPage(AppActions(store, HealthTextCheck([]), host))
    page.resize(1100, 800)
    page.show()
    app.processEvents()
    results["page_reload"] = timed(lambda: (page.reload(), app.processEvents()), repeat)
    results["calendar_export"] = timed(
        lambda: deadlines_calendar(overview.items, company_name="Stor", today=today), repeat
    )
    page.close()
    store.db.close()
    return results


def print_report(results: dict) -> None:
    print("Overblik, large company")
    for key, value in machine_summary().items():
        print(f"  {key}: {value}")
    print(
        f"  items {results['items']} (open {results['open_items']}), "
        f"absent now {results['absent_now']}"
    )
    print(f"  {'measurement':<22} {'median':>9} {'min':>9} {'max':>9}  (ms)")
    for key, value in results.items():
        if isinstance(value, dict):
            print(
                f"  {key:<22} {value['median_ms']:9.1f} {value['min_ms']:9.1f} "
                f"{value['max_ms']:9.1f}"
            )
    base = results["baseline_read_rows"]["median_ms"]
    compute = results["compute"]["median_ms"]
    shown = results["page_reload"]["median_ms"]
    verdict = "meets" if shown <= TARGET_MS else "MISSES"
    print(f"  compute = {compute / base:.1f} x reading the rows alone")
    print(f"  computed and shown: {shown:.1f} ms median, {verdict} the {TARGET_MS:.0f} ms target")


def main(argv: list[str] | None = None) -> int:
    parser = large_company_arguments(__doc__, repeat=15)
    args = parser.parse_args(argv)
    results = on_large_company(
        "fravaer-bench-overview-", args, lambda path: measure(path, args.today, args.repeat)
    )
    print_report(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
