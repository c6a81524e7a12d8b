"""Start Fravær as `python -m fravaer_desktop [ARGS]` does, but exit once the window is shown.

Takes the app's own command line (`--db FILE`, `--demo`), then does what fravaer_desktop.app.main
and ui.launch.run_gui do: prepare_window_start(args) (pause the garbage collector; for a new file,
import the migrations before PySide6), make_application(), install_error_hook(),
build_window(args), show_window(window), app.exec(). It quits on the first event-loop turn after
the main window's first paint, and prints one JSON line of milestones (seconds since this script
began).

Run: QT_QPA_PLATFORM=offscreen python benchmarks/start_app.py --db FILE
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))

# isort: off
# The same order as the app: fravaer_desktop.app (sqlite-utils, core) before anything imports
# PySide6, whose import hook makes every later import slower. _shown imports PySide6.
from fravaer_desktop.app import parse_args, prepare_window_start  # noqa: E402

# As app.main does before it imports the window (may start the overview worker, decision 0012).
PREFETCH = prepare_window_start(parse_args(sys.argv[1:]))
from fravaer_desktop.paths import user_data_dir  # noqa: E402
from fravaer_desktop.ui.error_hook import install_error_hook  # noqa: E402
from fravaer_desktop.storage.cipher import is_encrypted  # noqa: E402
from fravaer_desktop.ui.launch import build_window, make_application, show_window  # noqa: E402
from _shown import run_until_shown  # noqa: E402
# isort: on


def main(argv: list[str] | None = None) -> None:
    milestones = {"imports_s": time.perf_counter() - STARTED}
    args = parse_args(argv)
    app = make_application()
    install_error_hook(user_data_dir() / "fejllog.txt")
    milestones["application_s"] = time.perf_counter() - STARTED
    if args.db is not None and is_encrypted(args.db):
        window = open_through_password_dialog(args, milestones)
    else:
        window = build_window(args, PREFETCH)
    if PREFETCH is not None:
        milestones["overview_from_worker"] = PREFETCH.used
        PREFETCH.discard()
    if window is None:
        raise SystemExit("build_window returned None (no company in the file?)")
    milestones["window_built_s"] = time.perf_counter() - STARTED
    show_window(window)  # as run_gui does: the collector resumes after the first paint
    run_until_shown(app, window, milestones, STARTED)


def open_through_password_dialog(args, milestones: dict[str, float]):
    """A locked file (decision 0024): the real password dialog, as run_gui shows it. When the
    dialog is first painted its time is recorded (the program's first window), the password
    (FRAVAER_BENCH_PASSWORD) is put in and Åbn clicked on the next event-loop turn, and the
    click's time is recorded; the main window's first paint follows as for any start."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QDialogButtonBox

    from fravaer_desktop.paths import MachineSettings
    from fravaer_desktop.ui.dialogs.password_dialog import PasswordDialog
    from fravaer_desktop.ui.launch import ask_password

    password = os.environ["FRAVAER_BENCH_PASSWORD"]

    class TypeAtOnce(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt override
            if isinstance(watched, PasswordDialog) and event.type() == QEvent.Type.Paint:
                if "dialog_paint_wall" not in milestones:
                    milestones["dialog_paint_wall"] = time.time()
                    milestones["dialog_paint_s"] = time.perf_counter() - STARTED
                    QTimer.singleShot(0, lambda: click_open(watched))
            return False

    def click_open(dialog):
        dialog.password.setText(password)
        milestones["open_clicked_s"] = time.perf_counter() - STARTED
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    typing = TypeAtOnce()
    QApplication.instance().installEventFilter(typing)
    machine = MachineSettings(None)
    window = ask_password(args.db, machine, lambda key: build_window(args, None, machine, key=key))
    QApplication.instance().removeEventFilter(typing)
    return window


if __name__ == "__main__":
    main()
