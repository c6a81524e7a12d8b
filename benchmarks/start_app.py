"""Start Fravær as `python -m fravaer_desktop [ARGS]` does, but exit once the window is shown.

Takes the app's own command line (`--db FILE`, `--demo`), then does what
fravaer_desktop.ui.launch.run_gui does: make_application(), build_window(args), window.show(),
app.exec(). It quits on the first event-loop turn after the main window's first paint, and prints
one JSON line of milestones (seconds since this script began).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/start_app.py --db FILE
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

# isort: off
# The same order as the app: fravaer_desktop.app (sqlite-utils, core) before anything imports
# PySide6, whose import hook makes every later import slower. _shown imports PySide6.
from fravaer_desktop.app import parse_args  # noqa: E402
from fravaer_desktop.ui.launch import build_window, make_application  # noqa: E402
from _shown import run_until_shown  # noqa: E402
# isort: on


def main(argv: list[str] | None = None) -> None:
    milestones = {"imports_s": time.perf_counter() - STARTED}
    args = parse_args(argv)
    app = make_application()
    milestones["application_s"] = time.perf_counter() - STARTED
    window = build_window(args)
    if window is None:
        raise SystemExit("build_window returned None (no company in the file?)")
    milestones["window_built_s"] = time.perf_counter() - STARTED
    run_until_shown(app, window, milestones, STARTED)


if __name__ == "__main__":
    main()
