"""Start-up loads no more than it needs: heavy modules wait until they are used."""

from __future__ import annotations

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


def test_starting_on_the_demo_company_loads_no_heavy_library(tmp_path) -> None:
    """The window shows without reportlab, the PDF preview, icalendar or the holidays package:
    each costs tens of milliseconds of every start and is loaded when first used."""
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from fravaer_desktop.app import parse_args\n"
        "from fravaer_desktop.ui.launch import build_window, make_application\n"
        "app = make_application()\n"
        f"window = build_window(parse_args(['--db', {str(tmp_path / 'demo.sqlite')!r}, '--demo']))\n"
        "window.show()\n"
        "app.processEvents()\n"
        "heavy = ('reportlab', 'pypdfium2', 'icalendar', 'holidays', 'PySide6.QtPrintSupport')\n"
        "loaded = [m for m in heavy if m in sys.modules]\n"
        "assert not loaded, loaded\n"
        "window.close_store()\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
