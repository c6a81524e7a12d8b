"""The garbage collector is paused while the window is built and back on once it is painted."""

from __future__ import annotations

import gc

import pytest

from fravaer_desktop import start_up_gc
from fravaer_desktop.app import main
from fravaer_desktop.ui.launch import show_window
from fravaer_desktop.ui.main_window import MainWindow


@pytest.fixture
def collector_restored():
    yield
    gc.enable()  # whatever a failing test left behind


def test_the_collector_runs_again_once_the_window_is_painted(
    qtbot, company_store, health_check, collector_restored
) -> None:
    start_up_gc.pause()
    assert not gc.isenabled()
    window = MainWindow(company_store, health_check, None, is_demo=False)
    qtbot.addWidget(window)
    assert not gc.isenabled()  # building the window does not resume it
    show_window(window)
    qtbot.waitUntil(gc.isenabled, timeout=5000)
    assert window.overview_page.isVisible()


def test_resuming_twice_is_harmless(collector_restored) -> None:
    start_up_gc.pause()
    start_up_gc.resume()
    start_up_gc.resume()
    assert gc.isenabled()


def test_a_start_that_fails_leaves_the_collector_on(monkeypatch, capsys, collector_restored):
    """When the window cannot be started, main() gives the Danish message and the collector,
    paused for the start, is on again."""
    from fravaer_desktop.storage.database import DatabaseOpenError
    from fravaer_desktop.ui import launch

    def fail(args):
        assert not gc.isenabled()  # paused for the start
        raise DatabaseOpenError("Filen kunne ikke åbnes.")

    monkeypatch.setattr(launch, "run_gui", fail)
    assert main([]) != 0
    assert "Filen kunne ikke åbnes." in capsys.readouterr().err
    assert gc.isenabled()
