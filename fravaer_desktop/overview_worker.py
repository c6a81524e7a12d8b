"""The overview worker: the second process that works out today's overview while the window's
process loads PySide6 (see overview_prefetch, decision 0012).

Started as `python -m fravaer_desktop --overview-worker FILE DAY` (the bundle: `fravaer
--overview-worker FILE DAY`). It opens FILE read-only, and only when its schema is exactly this
program's, works out what the Overblik shows on DAY and writes it to stdout as a pickle. It
never writes to the file, and it writes nothing else anywhere.

Kept apart from overview_prefetch so that the worker does not load what only the window needs
(subprocess).
"""

from __future__ import annotations

import pickle
import sqlite3
import sys
from datetime import date
from pathlib import Path

#: The hidden first argument that makes `python -m fravaer_desktop` (or the bundle's
#: executable) the worker instead of the app.
WORKER_FLAG = "--overview-worker"
#: How long the worker's read waits for a file another program holds locked.
WORKER_BUSY_TIMEOUT_S = 0.5
WORKER_EXIT_OK = 0
WORKER_EXIT_NOT_USABLE = 3  # not this program's schema, or not readable: the window decides


def read_only_connection(path: Path, timeout: float) -> sqlite3.Connection:
    """A connection that can never write to the company file."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)


def run_worker(argv: list[str]) -> int:
    """The worker: write today's overview of the file `argv[0]` for the day `argv[1]` (ISO) to
    stdout as a pickle. It only reads, and only a file with exactly this program's schema."""
    import gc

    gc.disable()  # a short-lived process; the collector would only scan what it keeps
    from fravaer_desktop.services.followup import todays_follow_up
    from fravaer_desktop.storage.database import CompanyDatabase, known_migration_names
    from fravaer_desktop.storage.repositories import Store
    from fravaer_desktop.storage.schema import applied_migration_names

    try:
        path, today = Path(argv[0]), date.fromisoformat(argv[1])
        conn = read_only_connection(path, WORKER_BUSY_TIMEOUT_S)
        try:
            if applied_migration_names(conn) != known_migration_names():
                return WORKER_EXIT_NOT_USABLE
            follow_up = todays_follow_up(Store(CompanyDatabase(conn), today=lambda: today))
        finally:
            conn.close()
    except (IndexError, ValueError, OSError, sqlite3.Error):
        return WORKER_EXIT_NOT_USABLE
    sys.stdout.buffer.write(pickle.dumps(follow_up, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()
    return WORKER_EXIT_OK
