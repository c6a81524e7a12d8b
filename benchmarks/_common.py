"""Helpers shared by the benchmark scripts: test files, medians and the environment.

Not a benchmark itself.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))


def make_large_company(folder: Path, today: date | None = None) -> Path:
    """Write the 500-employee, ten-year company with benchmarks/generate_large_company.py."""
    sys.path.insert(0, str(BENCH_DIR))
    from generate_large_company import generate_large_company

    path = Path(folder) / "large.sqlite"
    generate_large_company(path, today or date.today())
    return path


def large_company_in(folder: Path, copy_of: Path | None, today: date | None = None) -> Path:
    """A large company file in `folder`: a copy of `copy_of` when given, else a new one."""
    if copy_of is None:
        return make_large_company(folder, today)
    path = Path(folder) / "large.sqlite"
    shutil.copyfile(copy_of, path)
    return path


def large_company_arguments(doc: str, repeat: int) -> argparse.ArgumentParser:
    """The options of a benchmark on the large company: --repeat, --large, --today, --json."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=repeat)
    parser.add_argument("--large", type=Path, help="use a copy of this large company file")
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    return parser


def on_large_company(prefix: str, args: argparse.Namespace, measure: Callable[[Path], dict]):
    """`measure(path)` on the large company (a copy of --large, or a new one) in a temporary
    folder that is removed afterwards; its figures are also written to --json when given."""
    folder = bench_folder(prefix)
    try:
        results = measure(large_company_in(folder, args.large, args.today))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return results


def make_demo_company(folder: Path, today: date | None = None) -> Path:
    """Write the demo company to a file, the way `fravaer --db FILE --demo` does."""
    from fravaer_desktop.app import open_store

    path = Path(folder) / "demo.sqlite"
    store = open_store(path, demo=True, create=True, today=today or date.today())
    store.db.close()
    return path


def bench_folder(prefix: str) -> Path:
    """A new temporary folder on the normal disk (not tmpfs), so fsync costs what it costs."""
    return Path(tempfile.mkdtemp(prefix=prefix))


def median(values) -> float:
    """The median, like statistics.median.

    The benchmark scripts do not import `statistics`: benchmarks/statistics.py (the statistics
    benchmark) has that name and, since a script's own folder comes first on sys.path, would be
    imported instead of the standard library's module.
    """
    ordered = sorted(values)
    if not ordered:
        raise ValueError("median of no values")
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def machine_summary() -> dict[str, str]:
    """nproc, CPU model, RAM, OS, Python, PySide6 and SQLite versions."""
    import sqlite3

    import PySide6

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    os_name = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                os_name = f"{line.split('=', 1)[1].strip(chr(34))} ({platform.release()})"
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "ram": ram,
        "os": os_name,
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "sqlite": sqlite3.sqlite_version,
        "load average": load,
    }


def guard_singleton_refcounts() -> bool:
    """Work around PySide6 6.12.0 on CPython 3.11 dropping references to None.

    With PySide6-Essentials 6.12.0 on Python 3.11, every call of a Qt method that returns void
    (QPainter.fillRect, QWidget.update, QLabel.setText ...) takes one reference from None that it
    never gives back. The year calendar on the
    Medarbejdere page makes about 1,100 such calls per repaint, so the process aborts with
    "Fatal Python error: none_dealloc" after about 15 repaints (see docs/performance.md).
    None, True and False are immortal from Python 3.12, where the bug does no harm, and
    PySide6 6.11.3 on 3.11 does not have it.

    So that a benchmark that repaints many times can finish, this adds 10**12 references to the
    counts of None (and, to be safe, True and False); CPython 3.11 only, no effect on timings.
    """
    import ctypes

    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += 10**12
    return True


def timed(function, repeat: int) -> dict[str, float]:
    """Median, min and max of `repeat` calls of `function`, in milliseconds (after a warm-up)."""
    function()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return {"median_ms": median(times), "min_ms": min(times), "max_ms": max(times), "n": repeat}
