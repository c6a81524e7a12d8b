"""Today's overview worked out in a second process while the window's process loads PySide6.

Opening the window spends ~70 ms importing PySide6 before it can use the company file, and on a
large company the Overblik then needs ~40 ms to work out today's overview. On a machine with
more than one core the two can overlap: before PySide6 is imported, `OverviewPrefetch.start`
launches this program once more in a hidden worker mode (`WORKER_FLAG`), which opens the company
file read-only, works out what the Overblik shows (`followup.todays_follow_up`) and hands it back
through a pipe. The window takes it with `take()` when it builds the Overblik (decision 0012).

The worker's answer is used only when it still describes the file the window opened, on the
same day:
- before launching the worker, a read-only "probe" connection notes SQLite's `data_version`;
  when the window takes the answer, the probe asks again. Any change committed to the file in
  between, by another Fravær window, by this window opening (an upgrade) or by anything else,
  changes it, and the answer is thrown away;
- the worker only reads a file whose schema is exactly this program's; a file that needs an
  upgrade (or is damaged, newer, or not a company file) makes it stop, and the window opens the
  file as usual and says why.

Whenever anything is wrong (one core, the worker failed, was slow, answered for another day or
file, or the file changed), `take()` returns None and the window works the overview out itself,
exactly as it would without a worker. Nothing is written anywhere: the answer lives in the
pipe and in memory only.

Qt-free; imported by `app` before PySide6. The worker itself is `overview_worker`.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from fravaer_desktop.overview_worker import (
    WORKER_BUSY_TIMEOUT_S,
    WORKER_EXIT_OK,
    WORKER_FLAG,
    read_only_connection,
)

if TYPE_CHECKING:
    from fravaer_desktop.core.overview import Overview
    from fravaer_desktop.core.statistics import GoalStatus
    from fravaer_desktop.storage.repositories import Store

    FollowUp = tuple[Overview, GoalStatus | None]

#: Files smaller than this get no worker: their overview takes the window only a few
#: milliseconds (the demo company's ~4 ms), less than launching the worker costs it (~5 ms).
#: The large test company (500 employees, 60,000 spells) is 6.6 MB.
WORKER_MIN_FILE_BYTES = 1_000_000
#: How long the window waits for a worker that has not answered yet before it works the
#: overview out itself (the worker normally answers before it is asked).
WAIT_FOR_WORKER_S = 0.5


def data_version(conn: sqlite3.Connection) -> int:
    """SQLite's counter of changes committed to the file by other connections."""
    return conn.execute("PRAGMA data_version").fetchone()[0]


def worker_command(path: Path, today: date) -> list[str]:
    """The command line that starts the worker for `path` and `today`."""
    program = [sys.executable] if getattr(sys, "frozen", False) else [
        sys.executable, "-m", "fravaer_desktop",
    ]  # fmt: skip
    return [*program, WORKER_FLAG, str(path), today.isoformat()]


def cores_available() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class OverviewPrefetch:
    """A worker working out today's overview of one company file, and how to check its answer."""

    def __init__(
        self,
        path: Path,
        today: date,
        probe: sqlite3.Connection,
        version_before: int,
        process: subprocess.Popen,
    ):
        self.path = path
        self.today = today
        self._probe: sqlite3.Connection | None = probe
        self._version_before = version_before  # read before the worker was launched
        self._process: subprocess.Popen | None = process
        #: Whether `take()` returned the worker's overview (for the start-up benchmark).
        self.used = False

    @classmethod
    def start(
        cls, path: Path, today: date, min_file_bytes: int = WORKER_MIN_FILE_BYTES
    ) -> OverviewPrefetch | None:
        """Launch the worker for an existing company file; None when it would not help (one
        core, a small file) or cannot start (the window then does everything itself)."""
        if cores_available() < 2:
            return None
        try:
            if os.path.getsize(path) < min_file_bytes:
                return None
        except OSError:
            return None
        probe = None
        try:
            probe = read_only_connection(path, WORKER_BUSY_TIMEOUT_S)
            version_before = data_version(probe)  # before the worker can read anything
            process = subprocess.Popen(
                worker_command(path, today),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except (OSError, sqlite3.Error, ValueError):
            if probe is not None:
                probe.close()
            return None
        return cls(path, today, probe, version_before, process)

    def take(self, store: Store) -> FollowUp | None:
        """The worker's overview when it describes `store`'s file as it is now, today; else
        None. Only the first call can return it; the worker is finished either way."""
        if self._process is None or self._probe is None:
            return None
        try:
            if store.today() != self.today or not _same_file(store, self.path):
                return None
            output, _ = self._process.communicate(timeout=WAIT_FOR_WORKER_S)
            if self._process.returncode != WORKER_EXIT_OK:
                return None
            if data_version(self._probe) != self._version_before:
                return None  # the file changed after the worker was launched
            follow_up = pickle.loads(output)
        except (subprocess.TimeoutExpired, OSError, sqlite3.Error, pickle.UnpicklingError,
                EOFError, AttributeError, ImportError, TypeError, ValueError):  # fmt: skip
            return None
        finally:
            self.discard()
        if follow_up[0].today != self.today:
            return None
        self.used = True
        return follow_up

    def discard(self) -> None:
        """Stop the worker if it still runs and let go of the file (safe to call again)."""
        process, self._process = self._process, None
        if process is not None:
            if process.poll() is None:
                process.kill()
            process.communicate()
        probe, self._probe = self._probe, None
        if probe is not None:
            probe.close()


def _same_file(store: Store, path: Path) -> bool:
    rows = store.db.conn.execute("PRAGMA database_list").fetchall()
    opened = next((file for _, name, file in rows if name == "main"), "")
    return bool(opened) and os.path.samefile(opened, path)
