"""GUI test helpers: a main window over a real in-memory company file, and modal-dialog driving."""

from __future__ import annotations

import gc
from collections.abc import Callable

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from fravaer_desktop.core.privacy import HealthTextCheck
from fravaer_desktop.paths import load_health_terms
from fravaer_desktop.ui.main_window import MainWindow


@pytest.fixture
def health_check() -> HealthTextCheck:
    return HealthTextCheck(load_health_terms())


@pytest.fixture
def window(qtbot, company_store, health_check) -> MainWindow:
    win = MainWindow(company_store, health_check, None, is_demo=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def drive_modal(qtbot):
    """The `run_modal` helper below, bound to this test's qtbot."""
    return lambda open_dialog, interact: run_modal(qtbot, open_dialog, interact)


def run_modal(qtbot, open_dialog: Callable[[], object], interact: Callable[[QDialog], None]):
    """Call `open_dialog` (which runs a modal dialog) and let `interact` work the dialog.

    Returns what `open_dialog` returned. Fails if no modal dialog appeared.
    """
    seen: list[QWidget] = []
    failures: list[BaseException] = []

    def work() -> None:
        dialog = QApplication.activeModalWidget()
        focus = QApplication.focusWidget()
        if dialog is None or focus is None or not (focus is dialog or dialog.isAncestorOf(focus)):
            QTimer.singleShot(20, work)
            return
        seen.append(dialog)
        try:
            interact(dialog)
        except BaseException as error:  # close the dialog so the test fails instead of hanging
            failures.append(error)
            dialog.reject()

    QTimer.singleShot(0, work)
    result = open_dialog()
    if failures:
        raise failures[0]
    assert seen, "no dialog was shown"
    return result


@pytest.fixture(autouse=True)
def _collect_garbage_after_each_test():
    """Collect each test's cyclic garbage in its own teardown. Without it, the wrappers of
    widgets a test deleted were collected at a random later moment, and in the middle of
    another test's QDialog construction that crashed the interpreter (a segfault in
    SaveDialog.__init__ of tests/ui/test_long_names_in_forms.py, depending on how much garbage
    earlier tests left). To find: which wrapper it is; the app itself collects normally."""
    yield
    gc.collect()
