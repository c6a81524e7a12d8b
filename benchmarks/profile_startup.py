"""Profile the app's start-up (import excluded) with cProfile and print the top functions.

Opens FILE the way run_gui does (make_application, build_window, show) and processes events
until the window has been painted, all under cProfile. Prints the functions with the largest
cumulative and own times; `--out FILE.prof` also saves the raw statistics (for snakeviz etc.).

Run: python benchmarks/profile_startup.py --db FILE [--top 30]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402

from fravaer_desktop.app import parse_args  # noqa: E402
from fravaer_desktop.ui.launch import build_window, make_application  # noqa: E402


def start_and_show(app_argv: list[str]):
    args = parse_args(app_argv)
    app = make_application()
    window = build_window(args)
    window.show()
    loop = QEventLoop()
    QTimer.singleShot(0, loop.quit)
    loop.exec()
    return app, window


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--out", help="also save the raw profile here")
    ours, app_argv = parser.parse_known_args()
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    app, window = start_and_show(app_argv)
    profiler.disable()
    print(
        f"start-up under cProfile: {time.perf_counter() - started:.2f} s (profiling adds overhead)"
    )
    if ours.out:
        profiler.dump_stats(ours.out)
    for sort in ("cumulative", "tottime"):
        stream = io.StringIO()
        pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats(sort).print_stats(ours.top)
        print(f"\n=== by {sort} ===")
        print(stream.getvalue().split("\n", 6)[-1])  # drop the header lines
    window.close_store()
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
