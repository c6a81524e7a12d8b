"""The garbage collector is paused while the window is built and back on once it is painted."""

from __future__ import annotations

import gc
import weakref

import pytest

from fravaer_desktop import start_up_gc
from fravaer_desktop.app import main
from fravaer_desktop.ui.launch import resume_gc_at_the_latest, show_window
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

    def fail(args, prefetch):
        assert not gc.isenabled()  # paused for the start
        raise DatabaseOpenError("Filen kunne ikke åbnes.")

    monkeypatch.setattr(launch, "run_gui", fail)
    assert main([]) != 0
    assert "Filen kunne ikke åbnes." in capsys.readouterr().err
    assert gc.isenabled()


def test_the_collector_resumes_at_the_latest_without_a_paint(
    qtbot, monkeypatch, collector_restored
):
    """A window started minimised is not painted; the collector still comes back."""
    monkeypatch.setattr(start_up_gc, "LATEST_RESUME_MS", 20)
    start_up_gc.pause()
    resume_gc_at_the_latest()
    assert not gc.isenabled()
    qtbot.waitUntil(gc.isenabled, timeout=2000)


def test_garbage_made_during_the_pause_is_collected_when_it_resumes(collector_restored) -> None:
    class Node:
        pass

    start_up_gc.pause()
    first, second = Node(), Node()
    first.other, second.other = second, first  # a cycle: reference counting cannot free it
    gone = weakref.ref(first)
    del first, second
    assert gone() is not None
    start_up_gc.resume()
    assert gone() is None  # collected, not frozen for the rest of the session
