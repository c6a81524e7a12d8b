"""Slow work off the window's thread: one small runner with a success and a failure callback."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Relay(QObject):
    """Carries the result back: a signal emitted on the worker thread is delivered on the
    thread of the receiving QObject (the window's), queued by Qt."""

    done = Signal(object)
    failed = Signal(object)


def run_in_background(
    owner: QObject,
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[BaseException], None],
) -> threading.Thread:
    """Run `work()` on a thread of its own; then `on_done(result)` or `on_failed(error)` on
    the window's thread. `work` must make its own sqlite3 connections (a connection belongs
    to the thread that made it). Nothing is delivered once `owner` is gone (window closed)."""
    relay = _Relay(owner)
    relay.done.connect(on_done)
    relay.failed.connect(on_failed)
    relay.done.connect(relay.deleteLater)
    relay.failed.connect(relay.deleteLater)

    def run() -> None:
        try:
            result = work()
        except Exception as error:  # delivered to on_failed, which logs it
            _emit(relay, "failed", error)
        else:
            _emit(relay, "done", result)

    thread = threading.Thread(target=run, name="fravaer-baggrund", daemon=True)
    thread.start()
    return thread


def _emit(relay: _Relay, name: str, value: object) -> None:
    try:
        getattr(relay, name).emit(value)
    except RuntimeError:  # the owner (and so the relay) was deleted meanwhile
        pass
