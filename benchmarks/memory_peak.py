"""Peak memory on the large company while a user goes through the program (target ≤ 250 MB).

In one process: open the large company as run_gui does (offscreen), show the window, then do what
uses the most memory: choose "Alle år" on the Fravær page (all ~60,000 spells in the table),
search in it, open Medarbejdere and select 20 employees, open Virksomhed, and go back to
"Seneste 12 måneder". Prints the resident memory after each step (VmRSS) and the process's
peak (VmHWM / ru_maxrss), and the time each step took.

Run: python benchmarks/memory_peak.py [--large FILE] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import bench_folder, guard_singleton_refcounts, make_large_company  # noqa: E402

TARGET_MB = 250.0


def rss_mb() -> tuple[float, float]:
    """(current VmRSS, peak VmHWM) of this process in MB."""
    values = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            key, amount = line.split(":", 1)
            values[key] = int(amount.split()[0]) / 1024
    return values["VmRSS"], values["VmHWM"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", type=Path, help="a copy of this large company file is used")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    guard_singleton_refcounts()  # PySide6 6.12.0 + Python 3.11 would abort mid-run otherwise
    from fravaer_desktop.app import parse_args
    from fravaer_desktop.ui.launch import build_window, make_application

    folder = bench_folder("fravaer-bench-memory-")
    steps: list[dict] = []
    try:
        path = folder / "large.sqlite"
        if args.large:
            shutil.copyfile(args.large, path)
        else:
            make_large_company(folder)
        app = make_application()

        def step(title: str, action) -> None:
            started = time.perf_counter()
            action()
            for _ in range(3):
                app.processEvents()
            seconds = time.perf_counter() - started
            current, peak = rss_mb()
            steps.append({"step": title, "seconds": seconds, "rss_mb": current, "peak_mb": peak})
            print(
                f"  {title:48} {seconds:7.2f} s  RSS {current:6.1f} MB  peak {peak:6.1f} MB",
                flush=True,
            )

        print("Memory on the large company")
        step("imports + QApplication", lambda: None)
        holder = {}

        def open_window():
            holder["window"] = build_window(parse_args(["--db", str(path)]))
            holder["window"].show()

        step("open the large company, window shown", open_window)
        window = holder["window"]
        page = window.absence_page
        step('Fravær: period "Alle år" (all spells)', lambda: page.period.setCurrentText("Alle år"))
        step('Fravær: search "jensen"', lambda: page.search.setText("jensen"))
        step("Fravær: clear the search", lambda: page.search.setText(""))
        step("Medarbejdere page", lambda: window.show_page("Medarbejdere"))
        employees = window.store.employees.list_all()

        def select_twenty():
            for employee in employees[:: max(1, len(employees) // 20)][:20]:
                window.employees_page.select_employee(employee.id)
                app.processEvents()

        step("Medarbejdere: select 20 employees in turn", select_twenty)
        step("Virksomhed page", lambda: window.show_page("Virksomhed"))
        step(
            "Fravær: back to the last 12 months",
            lambda: (window.show_page("Fravær"), page.period.setCurrentText("Seneste 12 måneder")),
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        verdict = "met" if peak <= TARGET_MB else "NOT met"
        print(f"Peak RSS (ru_maxrss): {peak:.0f} MB (target ≤ {TARGET_MB:.0f} MB) {verdict}")
        window.close_store()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps({"steps": steps, "peak_rss_mb": peak}, indent=2))
    sys.stdout.flush()
    os._exit(0)  # skip tearing down 60,000 rows of Qt/Python objects


if __name__ == "__main__":
    sys.exit(main())
