"""Start-up loads no more than it needs: heavy modules wait until they are used."""

from __future__ import annotations

import sqlite3
import subprocess
import sys


def test_printing_does_not_load_the_pdf_preview_until_used() -> None:
    """pypdfium2 and QtPrintSupport are loaded when a preview is opened, not at start."""
    code = (
        "import sys\n"
        "import fravaer_desktop.ui.printing\n"
        "assert 'fravaer_desktop.ui.dialogs.pdf_preview' not in sys.modules\n"
        "assert 'pypdfium2' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _start_window(arguments: list[str]) -> str:
    """Python code that shows the main window as `python -m fravaer_desktop ARGS` does."""
    return (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from fravaer_desktop.app import parse_args\n"
        "from fravaer_desktop.ui.launch import build_window, make_application\n"
        "app = make_application()\n"
        f"window = build_window(parse_args({arguments!r}))\n"
        "window.show()\n"
        "app.processEvents()\n"
    )


HEAVY = ("reportlab", "pypdfium2", "icalendar", "holidays", "PySide6.QtPrintSupport")


def test_starting_on_the_demo_company_loads_no_heavy_library(tmp_path) -> None:
    """The window shows without reportlab, the PDF preview, icalendar or the holidays package:
    each costs tens of milliseconds of every start and is loaded when first used."""
    code = _start_window(["--db", str(tmp_path / "demo.sqlite"), "--demo"]) + (
        f"loaded = [m for m in {HEAVY!r} if m in sys.modules]\n"
        "assert not loaded, loaded\n"
        "window.close_store()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_opening_an_up_to_date_company_file_does_not_load_sqlite_utils(tmp_path) -> None:
    """sqlite-utils (about 45 ms) is loaded for migrations and the first write, not to show."""
    path = str(tmp_path / "virksomhed.sqlite")
    make = _start_window(["--db", path, "--demo"]) + "window.close_store()\n"
    subprocess.run([sys.executable, "-c", make], check=True)
    show = _start_window(["--db", path]) + (
        "assert 'sqlite_utils' not in sys.modules, 'loaded before the first write'\n"
        "from fravaer_desktop.core.models import TaskStatus\n"
        "window.actions.store.decisions.decide('samtale', 1, TaskStatus.DONE)\n"
        "assert 'sqlite_utils' in sys.modules\n"
        "window.close_store()\n"
    )
    subprocess.run([sys.executable, "-c", show], check=True)


NOT_AT_START = (
    "fravaer_desktop.ui.pages.absence_page",
    "fravaer_desktop.ui.pages.employees_page",
    "fravaer_desktop.ui.pages.statistics_page",
    "fravaer_desktop.ui.pages.company_page",
    "fravaer_desktop.ui.dialogs.spell_dialog",
    "fravaer_desktop.ui.dialogs.employee_dialog",
    "fravaer_desktop.ui.dialogs.company_dialog",
    "fravaer_desktop.ui.dialogs.policy_dialog",
    "fravaer_desktop.ui.dialogs.decision_dialog",
)


def test_pages_and_dialogs_load_when_first_opened(tmp_path) -> None:
    """The start shows Overblik; the other pages and the dialogs load their modules (and Qt
    classes) the first time the user opens them, and then work."""
    code = _start_window(["--db", str(tmp_path / "demo.sqlite"), "--demo"]) + (
        f"loaded = [m for m in {NOT_AT_START!r} if m in sys.modules]\n"
        "assert not loaded, loaded\n"
        "for title in ('Fravær', 'Medarbejdere', 'Statistik', 'Virksomhed'):\n"
        "    window.show_page(title)\n"
        "    app.processEvents()\n"
        "assert window.absence_page.isVisible() is False\n"
        "assert window.company_page.isVisible()\n"
        "assert window.company_page.name.text() == window.store.company.get().name\n"
        "for name in ('absence_page', 'employees_page', 'statistics_page', 'company_page'):\n"
        "    assert f'fravaer_desktop.ui.pages.{name}' in sys.modules\n"
        "window.close_store()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_sqlite_utils_is_imported_before_pyside6_only_when_a_new_file_is_written(tmp_path):
    """A start that writes a new file (the demo, a new --db file) imports the migrations before
    PySide6; opening an existing file does not import them at all."""
    existing = tmp_path / "virksomhed.sqlite"
    make = _start_window(["--db", str(existing), "--demo"]) + "window.close_store()\n"
    subprocess.run([sys.executable, "-c", make], check=True)
    check = (
        "import sys\n"
        "from fravaer_desktop.app import parse_args, prepare_window_start\n"
        "prefetch = prepare_window_start(parse_args(sys.argv[1:]))\n"
        "assert 'PySide6' not in sys.modules\n"
        "if prefetch is not None:\n"
        "    prefetch.discard()  # the overview worker of an existing file (decision 0012)\n"
        "print('sqlite_utils' in sys.modules)\n"
    )
    runs = {
        "existing": ["--db", str(existing)],
        "new": ["--db", str(tmp_path / "ny.sqlite")],
        "demo": ["--demo"],
    }
    loaded = {
        name: subprocess.run(
            [sys.executable, "-c", check, *arguments], check=True, capture_output=True, text=True
        ).stdout.strip()
        for name, arguments in runs.items()
    }
    assert loaded == {"existing": "False", "new": "True", "demo": "True"}


def test_the_statistics_load_when_first_needed_not_for_the_overblik(tmp_path) -> None:
    """Without goals the Overblik needs no statistics: the APV's revision date is on it, but its
    figures (the Statistik figures) are worked out or read when an APV is shown."""
    path = tmp_path / "virksomhed.sqlite"
    make = _start_window(["--db", str(path), "--demo"]) + "window.close_store()\n"
    subprocess.run([sys.executable, "-c", make], check=True)
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM goals")
    connection.close()
    show = _start_window(["--db", str(path)]) + (
        "assert 'fravaer_desktop.core.statistics' not in sys.modules\n"
        "from fravaer_desktop.services.apv import figures_of\n"
        "apv = window.store.apvs.latest_done()\n"
        "assert figures_of(window.store, apv).current.employees > 0\n"
        "assert 'fravaer_desktop.core.statistics' in sys.modules\n"
        "window.close_store()\n"
    )
    subprocess.run([sys.executable, "-c", show], check=True)
