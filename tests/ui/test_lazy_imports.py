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
