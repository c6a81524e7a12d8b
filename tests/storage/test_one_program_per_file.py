"""One program per company file (decision 0020): the first Fravær holds the file's lock, a
second one opens it read-only and never writes, and a killed program's lock never blocks the
next start. The two-process tests run real Python processes, as two Fravær would."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from fravaer_desktop.app import open_company_file
from fravaer_desktop.core.models import Employee
from fravaer_desktop.storage.database import (
    READ_ONLY_MESSAGE,
    ReadOnlyFileError,
    open_database,
    write_problem_message,
)
from fravaer_desktop.storage.file_lock import lock_path, take_file_lock
from tests.storage.company_files import TODAY, demo_file

REPO = Path(__file__).resolve().parents[2]

#: The first Fravær: opens the file as the window does, holds it, says so, and waits.
FIRST = """
import sys, time
from datetime import date
from pathlib import Path
from fravaer_desktop.app import open_company_file
store = open_company_file(Path(sys.argv[1]), create=False, today=date(2026, 11, 23))
assert not store.db.read_only
print("open", flush=True)
time.sleep(120)
"""

#: The second Fravær: the real window start (offscreen) on the same file; it tries every way
#: to write it can reach and reports what it saw as one JSON line.
SECOND = """
import json, sys
from argparse import Namespace
from pathlib import Path
from PySide6.QtWidgets import QLabel, QPushButton
from fravaer_desktop.paths import MachineSettings
from fravaer_desktop.ui import launch, messages
from fravaer_desktop.ui.main_window import PAGE_TITLES
told = []
messages.show_information = lambda parent, title, text: told.append(text)
import fravaer_desktop.ui.read_only as read_only
read_only.show_information = messages.show_information
app = launch.make_application()
path = Path(sys.argv[1])
window = launch._build_or_recover(Namespace(db=path, demo=False), None, MachineSettings(None))
launch.show_window(window)
for title in PAGE_TITLES:
    window.show_page(title)
    app.processEvents()
window.employees_page.table.select_first()
app.processEvents()
enabled = sorted({b.text() for b in window.findChildren(QPushButton) if b.isEnabled()})
refused = []
store = window.store
from fravaer_desktop.core.models import Employee
from datetime import date
for attempt in (
    lambda: store.employees.add(Employee(name="Ny Person", employed_from=date(2026, 1, 5))),
    lambda: store.company.save(store.company.get()),
    lambda: store.db.execute("DELETE FROM employees"),
    lambda: store.db.conn.execute("DELETE FROM employees"),
):
    try:
        attempt()
    except Exception as error:
        refused.append(type(error).__name__)
window.actions.register_sickness()
window.actions.add_employee()
window.start_opening_check()  # the daily backup: not in a read-only window
for action in window.menuBar().actions()[0].menu().actions():
    if action.isEnabled() and "Afslut" not in action.text() and "kopi" not in action.text():
        action.trigger()
app.processEvents()
print(json.dumps({
    "read_only": window.read_only,
    "banner": window.read_only_banner.findChild(QLabel, "readOnlyBannerText").text(),
    "enabled_buttons": enabled,
    "refused": refused,
    "told": len(told),
    "writing_menu_enabled": [a.isEnabled() for a in window._writing_actions],
}))
window.close_store()
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def start_first(path: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", FIRST, str(path)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout.readline().strip() == "open"
    return process


def stop(process: subprocess.Popen) -> None:
    """Kill the first program as a crash would (the OS drops its lock)."""
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()


def run_second(path: Path, tmp_path: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path),
               XDG_DATA_HOME=str(tmp_path / "data"))  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(SECOND), str(path)],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def company_file(tmp_path: Path) -> Path:
    return demo_file(tmp_path / "virksomhed.sqlite")


def test_two_processes_on_one_file_the_second_never_writes(company_file, tmp_path) -> None:
    first = start_first(company_file)
    try:
        before = {p.name: sha256(p) for p in company_file.parent.glob("virksomhed.sqlite*")
                  if not p.name.endswith(".lock")}  # fmt: skip
        seen = run_second(company_file, tmp_path)
        after = {p.name: sha256(p) for p in company_file.parent.glob("virksomhed.sqlite*")
                 if not p.name.endswith(".lock")}  # fmt: skip
    finally:
        stop(first)
    assert seen["read_only"]
    assert "Filen er åbnet skrivebeskyttet" in seen["banner"]
    assert "på denne computer" in seen["banner"]
    assert seen["refused"] == ["ReadOnlyFileError"] * 2 + ["OperationalError"] * 2  # SQLite says no
    assert seen["told"] == 2  # the two actions said why, calmly
    assert seen["writing_menu_enabled"] == [False] * 4
    assert "Ny medarbejder…" not in seen["enabled_buttons"]
    assert "Sygemeld…" not in seen["enabled_buttons"]
    assert "Udskriv fraværsoversigt…" in seen["enabled_buttons"]
    assert after == before  # not one byte of the file, its -wal or -shm changed
    assert not (company_file.parent / "sikkerhedskopier").exists()  # no daily backup


def test_a_killed_first_program_does_not_block_the_next_start(company_file, tmp_path) -> None:
    first = start_first(company_file)
    assert not take_file_lock(company_file).owned
    stop(first)
    assert lock_path(company_file).exists()  # left behind by the crash, and no hindrance
    store = open_company_file(company_file, create=False, today=TODAY)
    assert not store.db.read_only
    store.employees.add(Employee(name="Efter nedbruddet", employed_from=date(2026, 1, 5)))
    store.db.close()
    store.db.file_lock.release()


def test_the_second_opening_in_one_program_is_read_only_and_says_who(company_file) -> None:
    first = open_company_file(company_file, create=False, today=TODAY)
    second = open_company_file(company_file, create=False, today=TODAY)
    try:
        assert not first.db.read_only and second.db.read_only
        holder = second.db.file_lock.holder
        assert holder is not None and holder.pid == os.getpid() and holder.on_this_computer()
        with pytest.raises(ReadOnlyFileError) as refused:
            second.employees.add(Employee(name="Ny Person", employed_from=date(2026, 1, 5)))
        assert write_problem_message(refused.value) == READ_ONLY_MESSAGE
        first.employees.add(Employee(name="Fra den første", employed_from=date(2026, 1, 5)))
        assert "Fra den første" in [e.name for e in second.employees.list_all()]  # sees it
    finally:
        for store in (second, first):
            store.db.close()
            store.db.file_lock.release()
    third = open_company_file(company_file, create=False, today=TODAY)  # released: writes
    assert not third.db.read_only
    third.db.close()
    third.db.file_lock.release()
    assert not lock_path(company_file).exists()  # a normal close leaves nothing beside it


def test_a_read_only_opening_never_upgrades_or_creates(tmp_path, company_file) -> None:
    with pytest.raises(Exception, match="ved at blive oprettet"):
        open_database(tmp_path / "ny.sqlite", read_only=True)
    assert not (tmp_path / "ny.sqlite").exists()


def test_a_read_only_opening_of_a_file_needing_an_upgrade_is_refused(
    company_file, newer_program
) -> None:
    with pytest.raises(Exception, match="ældre version"):
        open_database(company_file, read_only=True)


def test_the_export_reads_a_file_another_fravaer_has_open(company_file, tmp_path) -> None:
    first = start_first(company_file)
    try:
        before = sha256(company_file)
        done = subprocess.run(
            [sys.executable, "-m", "fravaer_desktop", "--db", str(company_file),
             "--export", str(tmp_path / "pdf")],
            cwd=REPO, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert sha256(company_file) == before
    finally:
        stop(first)
