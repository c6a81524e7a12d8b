"""Shared by the start-up drivers: quit on the first event-loop turn after the window is painted.

Not a benchmark itself. Each driver records `time.time()` (wall clock, comparable with the parent
process that spawned it) when the top-level window receives its first paint event, quits on the
next event-loop turn and prints one JSON line with its milestones on stdout.
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer


class FirstPaint(QObject):
    """Event filter: remembers when `window` is first painted and then quits the application."""

    def __init__(self, app, window):
        super().__init__()
        self.app = app
        self.window = window
        self.painted_wall: float | None = None
        self.painted_perf: float | None = None
        window.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802 - Qt override
        if (
            watched is self.window
            and event.type() == QEvent.Type.Paint
            and self.painted_wall is None
        ):
            self.painted_wall = time.time()
            self.painted_perf = time.perf_counter()
            QTimer.singleShot(0, self.app.quit)
        return False


def run_until_shown(app, window, milestones: dict[str, float], started_perf: float) -> None:
    """Show `window`, run the event loop until it has been painted, print milestones and exit.

    The process ends with os._exit so that interpreter teardown (garbage collecting Qt objects and
    tens of thousands of rows) is not counted as start-up time; both drivers end the same way.
    """
    watcher = FirstPaint(app, window)
    QTimer.singleShot(20_000, app.quit)  # safety net: never hang a benchmark run
    window.show()
    milestones["shown_call_s"] = time.perf_counter() - started_perf
    app.exec()
    if watcher.painted_wall is None:
        print(json.dumps({"error": "window was never painted"}), flush=True)
        os._exit(3)
    milestones["first_paint_s"] = watcher.painted_perf - started_perf
    milestones["first_paint_wall"] = watcher.painted_wall
    print(json.dumps(milestones), flush=True)
    sys.stdout.flush()
    os._exit(0)
