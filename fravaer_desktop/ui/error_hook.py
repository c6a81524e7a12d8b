"""Unexpected errors: write the details to a log file and tell the user calmly, in Danish."""

from __future__ import annotations

import sys
import traceback
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from fravaer_desktop import APP_NAME
from fravaer_desktop.storage.database import write_problem_message
from fravaer_desktop.ui.messages import show_error


def install_error_hook(log_file: Path) -> None:
    """Replace sys.excepthook so an error in a slot never passes silently."""

    def hook(kind, value, tb) -> None:
        details = "".join(traceback.format_exception(kind, value, tb))
        write_to_log(log_file, details)
        if QApplication.instance() is None:
            return
        file_problem = write_problem_message(value)
        if file_problem is not None:
            show_error(QApplication.activeWindow(), APP_NAME, file_problem)
        else:
            show_error(
                QApplication.activeWindow(),
                APP_NAME,
                "Der opstod en uventet fejl, og den sidste handling blev ikke gennemført.\n"
                "Alt, hvad der allerede var gemt, er bevaret.\n\n"
                f"Detaljer er skrevet i {log_file}. Send gerne filen til den, der hjælper "
                "jer med programmet.",
            )

    sys.excepthook = hook


def write_to_log(log_file: Path | None, details: str) -> None:
    """Append `details` (a traceback, what SQLite said) to the log file, with the time, and
    write them to the console; the user is told in Danish elsewhere."""
    if log_file is not None:
        try:
            log_file.parent.mkdir(parents=True, exist_ok=True)
            with log_file.open("a", encoding="utf-8") as log:
                log.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{details}\n")
        except OSError:
            pass
    if sys.__stderr__ is not None:
        sys.__stderr__.write(details if details.endswith("\n") else details + "\n")


def error_details(error: BaseException) -> str:
    """The traceback of `error`, for the log file."""
    return "".join(traceback.format_exception(type(error), error, error.__traceback__))
