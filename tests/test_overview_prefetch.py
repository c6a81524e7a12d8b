"""The overview worker (decision 0012): a second process works out today's overview while the
window loads PySide6. The window uses its answer only when it is exactly what it would have
worked out itself; otherwise it works it out itself. The worker never changes the file."""

from __future__ import annotations

import hashlib
import pickle
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from fravaer_desktop import overview_prefetch
from fravaer_desktop.app import open_store
from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.overview_prefetch import OverviewPrefetch, worker_command
from fravaer_desktop.overview_worker import WORKER_EXIT_NOT_USABLE, WORKER_EXIT_OK
from fravaer_desktop.services.followup import todays_follow_up
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store
from tests.conftest import TODAY

SCHEMA_V1 = Path(__file__).parent / "storage" / "data" / "schema_v1.sqlite"


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    """The demo company saved in a file, closed, as a user's file is before a start."""
    path = tmp_path / "virksomhed.sqlite"
    open_store(path, demo=True, create=True, today=TODAY).db.close()
    return path


def _start(path: Path, day: date) -> OverviewPrefetch | None:
    """The worker for `path`, also for a file as small as the demo company's."""
    return OverviewPrefetch.start(path, day, min_file_bytes=0)


def _open(path: Path, today: date = TODAY) -> Store:
    return Store(open_database(path, create=False), today=lambda: today)


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run_worker(path: Path, day: date) -> subprocess.CompletedProcess:
    return subprocess.run(worker_command(path, day), capture_output=True, timeout=60)


def test_the_window_gets_the_overview_it_would_have_worked_out_itself(demo_file):
    prefetch = _start(demo_file, TODAY)
    assert prefetch is not None, "this machine has more than one core"
    store = _open(demo_file)

    prefetched = prefetch.take(store)

    assert prefetch.used
    overview, goal = prefetched
    own_overview, own_goal = todays_follow_up(store)
    assert overview.today == TODAY
    assert overview.items, "the demo company has follow-up to do"
    assert overview == own_overview
    assert goal == own_goal
    assert prefetch.take(store) is None, "the answer is handed over once"
    store.db.close()


def test_a_sick_call_saved_while_the_window_starts_is_not_hidden(demo_file):
    """Another Fravær window saves a sick call after the worker was started: the worker's
    answer may not contain it, so the window works the overview out itself and shows it."""
    prefetch = _start(demo_file, TODAY)
    window_store = _open(demo_file)
    other_window = _open(demo_file)
    healthy = next(
        e for e in other_window.employees.list_all()
        if not any(s.covers(TODAY) for s in other_window.absences.for_employee(e.id))
    )  # fmt: skip
    other_window.absences.add(AbsenceSpell(employee_id=healthy.id, first_day=TODAY))
    other_window.db.close()

    assert prefetch.take(window_store) is None
    assert not prefetch.used
    overview, _ = todays_follow_up(window_store)
    assert healthy.id in {a.employee_id for a in overview.absent_now}
    window_store.db.close()


def test_an_answer_for_another_day_or_another_file_is_not_used(demo_file, tmp_path):
    for_yesterday = _start(demo_file, TODAY - timedelta(days=1))
    store = _open(demo_file)
    assert for_yesterday.take(store) is None
    store.db.close()

    copy = tmp_path / "kopi.sqlite"
    shutil.copyfile(demo_file, copy)
    for_the_copy = _start(copy, TODAY)
    store = _open(demo_file)
    assert for_the_copy.take(store) is None
    store.db.close()


def test_a_file_that_the_window_upgrades_is_worked_out_after_the_upgrade(demo_file, newer_program):
    """A new version of Fravær opens an older file: the window upgrades it (a change to the
    file), so the worker's answer, read before the upgrade, is not used."""
    prefetch = _start(demo_file, TODAY)
    store = _open(demo_file)
    assert store.db.upgrade_copy is not None  # the window did upgrade the file
    assert prefetch.take(store) is None
    store.db.close()


def test_the_worker_leaves_a_file_of_another_schema_to_the_window(tmp_path):
    """The worker reads only a file of exactly this program's schema; an older one (that the
    window will upgrade) it neither reads nor changes."""
    old = tmp_path / "gammel.sqlite"
    shutil.copyfile(SCHEMA_V1, old)
    before = _fingerprint(old)

    result = _run_worker(old, TODAY)

    assert result.returncode == WORKER_EXIT_NOT_USABLE
    assert result.stdout == b""
    assert _fingerprint(old) == before


@pytest.mark.parametrize("content", [b"", b"Dette er et brev, ikke en virksomhedsfil." * 200])
def test_the_worker_gives_up_on_a_file_that_is_not_a_company_file(tmp_path, content):
    path = tmp_path / "brev.sqlite"
    path.write_bytes(content)

    result = _run_worker(path, TODAY)

    assert result.stdout == b""
    assert path.read_bytes() == content


def test_the_worker_only_reads_the_file_and_never_loads_qt(demo_file):
    before = _fingerprint(demo_file)
    code = (
        "import sys\n"
        "from datetime import date\n"
        "from fravaer_desktop.overview_worker import run_worker\n"
        f"code = run_worker([{str(demo_file)!r}, {TODAY.isoformat()!r}])\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert 'fravaer_desktop.ui' not in sys.modules\n"
        "sys.exit(code)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)

    assert result.returncode == WORKER_EXIT_OK, result.stderr.decode()
    overview, _ = pickle.loads(result.stdout)
    assert overview.today == TODAY
    assert _fingerprint(demo_file) == before
    wal = demo_file.with_name("virksomhed.sqlite-wal")
    assert not wal.exists() or wal.stat().st_size == 0, "nothing waits to be written"
    # SQLite's index beside the file stays until the window, which opens the file next,
    # closes it: then only the company file is left, as after any start.
    _open(demo_file).db.close()
    assert sorted(p.name for p in demo_file.parent.iterdir()) == ["virksomhed.sqlite"]


def test_one_core_gets_no_worker(demo_file, monkeypatch):
    """With one core the worker would only slow the window's own start down."""
    monkeypatch.setattr(overview_prefetch, "cores_available", lambda: 1)
    assert _start(demo_file, TODAY) is None


def test_a_small_company_file_gets_no_worker(demo_file):
    """The demo company's overview takes the window a few milliseconds, less than launching
    the worker; a file of the large company's size gets one."""
    assert demo_file.stat().st_size < 300_000  # ~65 KB of it the change log and its indexes
    assert OverviewPrefetch.start(demo_file, TODAY) is None
    with demo_file.open("r+b") as file:  # grown to the size where the worker pays
        file.truncate(overview_prefetch.WORKER_MIN_FILE_BYTES)
    prefetch = OverviewPrefetch.start(demo_file, TODAY)
    assert prefetch is not None
    prefetch.discard()


def test_a_worker_that_is_not_needed_is_stopped(demo_file):
    prefetch = _start(demo_file, TODAY)
    process = prefetch._process

    prefetch.discard()
    prefetch.discard()  # harmless twice

    assert process.returncode is not None
    store = _open(demo_file)
    assert prefetch.take(store) is None
    store.db.close()
