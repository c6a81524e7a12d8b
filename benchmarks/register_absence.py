"""Register one absence and refresh the visible page, on the large company (target ≤ 50 ms).

In one process: generate (or take) the large company, build the main window exactly as run_gui
does (build_window), show it offscreen, then time, N times with a different employee each time,
what saving a sick call in the Sygemelding dialog does after the user presses Gem:

    store.absences.add(spell)            validation + insert, one transaction (as SpellDialog)
    actions.spell_saved.emit(spell)      every page refreshes (AppActions._finish_spell)
    actions.status_message.emit(...)     status bar text (also _finish_spell)
    QApplication.processEvents()         layout and repaint of the visible page

The spell is a sick call from today (ongoing), for an employee employed today with no ongoing
spell and no spell reaching today. Measured with the Overblik page visible (the start page),
the Fravær page visible, and the Medarbejdere page visible with that employee selected.
The dialog itself is not timed.

For information it also times store.absences.between() for the last 12 months, the Fravær
page's reload_spells() (what changing the period filter or saving an employee triggers) and
selecting an employee on the Medarbejdere page.

Run: python benchmarks/register_absence.py [--repeat 30] [--large FILE] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    bench_folder,
    guard_singleton_refcounts,
    large_company_in,
    median,
)
from PySide6.QtWidgets import QApplication  # noqa: E402

from fravaer_desktop.app import parse_args  # noqa: E402
from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell  # noqa: E402
from fravaer_desktop.ui.launch import build_window, make_application  # noqa: E402

TARGET_MS = 50.0


def free_employees(store, today: date) -> list:
    """Employees employed today with no ongoing spell and no spell that reaches today."""
    busy = {s.employee_id for s in store.absences.between(today, date.max)}
    return [e for e in store.employees.list_all() if e.is_employed_on(today) and e.id not in busy]


def settle(app: QApplication, rounds: int = 3) -> None:
    for _ in range(rounds):
        app.processEvents()


def register_once(app, window, employee, today: date) -> float:
    """Seconds for add + spell_saved + status_message + processEvents (one sick call)."""
    actions = window.actions
    spell = AbsenceSpell(employee.id, today, kind=AbsenceKind.OWN_SICKNESS)
    started = time.perf_counter()
    saved = window.store.absences.add(spell)
    actions.spell_saved.emit(saved)
    actions.status_message.emit(f"Sygemelding gemt: {actions.employee_name(saved.employee_id)}")
    app.processEvents()
    return time.perf_counter() - started


def time_calls(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return times


def stats_ms(times: list[float]) -> dict[str, float]:
    return {
        "median_ms": median(times) * 1000,
        "max_ms": max(times) * 1000,
        "min_ms": min(times) * 1000,
        "n": len(times),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--info-repeat", type=int, default=5, help="runs of the slow info timings")
    parser.add_argument("--large", type=Path, help="copy of this large company file is used")
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--profile", type=int, metavar="N", default=0,
        help="also profile the register step with cProfile and print the top N functions",
    )  # fmt: skip
    args = parser.parse_args(argv)
    guard_singleton_refcounts()  # PySide6 6.12.0 + Python 3.11 would abort mid-run otherwise

    folder = bench_folder("fravaer-bench-register-")
    try:
        path = large_company_in(folder, args.large)
        results = measure(path, args)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


def measure(path: Path, args) -> dict:
    app = make_application()
    started = time.perf_counter()
    window = build_window(parse_args(["--db", str(path)]))
    window.show()
    settle(app)
    results: dict = {"window_ready_s": time.perf_counter() - started}
    store = window.store
    today = store.today()
    candidates = free_employees(store, today)
    needed = 3 * args.repeat
    if len(candidates) < needed:
        raise SystemExit(f"only {len(candidates)} free employees, need {needed}; lower --repeat")
    n = args.repeat
    on_overview, on_absence, on_employees = (
        candidates[:n], candidates[n : 2 * n], candidates[2 * n : needed]
    )
    results["spells_in_file"] = store.absences.count()

    # 0. Overblik visible (the start page).
    window.show_page("Overblik")
    settle(app)
    times = [register_once(app, window, employee, today) for employee in on_overview]
    results["register_overview_page"] = stats_ms(times)

    # 1. Fravær page visible.
    window.show_page("Fravær")
    settle(app)
    results["rows_on_absence_page"] = window.absence_page.model.rowCount()
    times = [register_once(app, window, employee, today) for employee in on_absence]
    results["register_absence_page"] = stats_ms(times)

    # 2. Medarbejdere page visible, the employee selected.
    window.show_page("Medarbejdere")
    settle(app)
    times = []
    for employee in on_employees:
        window.employees_page.select_employee(employee.id)
        settle(app)
        assert window.employees_page.detail.employee().id == employee.id
        times.append(register_once(app, window, employee, today))
    results["register_employees_page"] = stats_ms(times)
    if args.profile:
        profile_register(app, window, candidates[needed : needed + 10], today, args.profile)
        candidates = candidates[:needed] + candidates[needed + 10 :]

    # 3. For information.
    first = today - timedelta(days=365)
    results["between_12_months"] = stats_ms(
        time_calls(lambda: store.absences.between(first, date.max), args.repeat)
    )
    results["on_day_today"] = stats_ms(
        time_calls(lambda: store.absences.on_day(today), args.repeat)
    )
    results["for_employee"] = stats_ms(
        time_calls(lambda: store.absences.for_employee(on_absence[0].id), args.repeat)
    )
    results["absences_add_only"] = stats_ms(
        add_only(store, candidates[needed:], today, args.repeat)
    )
    window.show_page("Fravær")
    settle(app)
    page = window.absence_page
    results["reload_spells"] = stats_ms(
        time_calls(lambda: (page.reload_spells(), app.processEvents()), args.info_repeat)
    )
    results["reload_today"] = stats_ms(time_calls(page.reload_today, args.repeat))
    window.show_page("Medarbejdere")
    settle(app)
    staff = candidates[: args.repeat]

    iterator = iter(staff * 2)

    def select_next():
        window.employees_page.select_employee(next(iterator).id)
        app.processEvents()

    results["select_employee"] = stats_ms(time_calls(select_next, args.repeat))
    results["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    window.close_store()
    return results


def profile_register(app, window, employees, today: date, top: int) -> None:
    """cProfile of the register step: 5 with the Fravær page, 5 with Medarbejdere visible."""
    import cProfile
    import io
    import pstats

    for page, group in (("Fravær", employees[:5]), ("Medarbejdere", employees[5:10])):
        window.show_page(page)
        settle(app)
        profiler = cProfile.Profile()
        for employee in group:
            if page == "Medarbejdere":
                window.employees_page.select_employee(employee.id)
                settle(app)
            profiler.enable()
            register_once(app, window, employee, today)
            profiler.disable()
        stream = io.StringIO()
        stats = pstats.Stats(profiler, stream=stream).strip_dirs()
        stats.sort_stats("cumulative").print_stats(top)
        print(f"\n=== cProfile: register x{len(group)} with the {page} page visible ===")
        print(stream.getvalue().split("\n", 6)[-1])


def add_only(store, employees, today: date, repeat: int) -> list[float]:
    """store.absences.add alone (validation + one committed insert), for the breakdown."""
    times = []
    for employee in employees[:repeat]:
        spell = AbsenceSpell(employee.id, today, kind=AbsenceKind.OWN_SICKNESS)
        started = time.perf_counter()
        store.absences.add(spell)
        times.append(time.perf_counter() - started)
    return times


def print_report(results: dict) -> None:
    print("\nRegister one absence on the large company")
    print(
        f"  {results['spells_in_file']} spells in the file, "
        f"{results['rows_on_absence_page']} rows on the Fravær page (last 12 months); "
        f"window built and shown in {results['window_ready_s']:.2f} s"
    )
    print(f"  {'what':48} {'median ms':>9} {'max ms':>8} {'ratio':>6}")
    for key, title in (
        ("register_overview_page", "add + refresh, Overblik page visible"),
        ("register_absence_page", "add + refresh, Fravær page visible"),
        ("register_employees_page", "add + refresh, Medarbejdere page (employee sel.)"),
    ):
        s = results[key]
        ratio = s["median_ms"] / TARGET_MS
        print(f"  {title:48} {s['median_ms']:9.1f} {s['max_ms']:8.1f} {ratio:5.2f}x")
    print("  for information:")
    for key, title in (
        ("absences_add_only", "store.absences.add alone"),
        ("between_12_months", "store.absences.between(last 12 months)"),
        ("on_day_today", "store.absences.on_day(today)"),
        ("for_employee", "store.absences.for_employee(one)"),
        ("reload_today", "AbsencePage.reload_today()"),
        ("reload_spells", "AbsencePage.reload_spells() + processEvents"),
        ("select_employee", "select an employee on Medarbejdere"),
    ):
        s = results[key]
        print(f"  {title:48} {s['median_ms']:9.1f} {s['max_ms']:8.1f}")
    print(f"  peak RSS of this process: {results['peak_rss_mb']:.0f} MB")
    print("Targets (ratio = median / 50 ms):")
    for key, title in (
        ("register_overview_page", "Overblik page"),
        ("register_absence_page", "Fravær page"),
        ("register_employees_page", "Medarbejdere page"),
    ):
        median = results[key]["median_ms"]
        verdict = "met" if median <= TARGET_MS else "NOT met"
        print(f"  register + refresh, {title:17}: {median:7.1f} ms (target ≤ 50 ms) {verdict}")


if __name__ == "__main__":
    sys.exit(main())
