"""The reference for start-up time: a bare PySide6 QMainWindow with a label, started like the app.

Imports QtWidgets, makes a QApplication, shows a 1200x780 QMainWindow with one QLabel and exits on
the first event-loop turn after the window's first paint. Prints one JSON line of milestones
(seconds since this script began; `first_paint_wall` is time.time() at the first paint).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bare_window.py
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shown import run_until_shown  # noqa: E402


def main() -> None:
    milestones = {"imports_s": time.perf_counter() - STARTED}
    app = QApplication(["bare"])
    window = QMainWindow()
    window.setWindowTitle("Bare window")
    window.setCentralWidget(QLabel("Hej"))
    window.resize(1200, 780)
    milestones["window_built_s"] = time.perf_counter() - STARTED
    run_until_shown(app, window, milestones, STARTED)


if __name__ == "__main__":
    main()
