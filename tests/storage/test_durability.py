"""A registered sick day survives the program being killed; a half-done change never appears."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import fravaer_desktop
from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store

REPO_ROOT = Path(fravaer_desktop.__file__).resolve().parent.parent

# Defines die(): ends the process at once, as a crash or the task manager would - no cleanup,
# no close(), no commit.
DIE = textwrap.dedent(
    """
    import os, signal, sys

    def die(marker):
        print(marker, flush=True)
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
        os._exit(9)
    """
)


def run_until_killed(code: str, marker: str) -> None:
    """Run `code` (which must call die(marker)) in a new Python process."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", DIE + textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0, "the process should have been killed"
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stdout.strip() == marker, "the process did not get as far as expected"


def save_anna_sick_and_get_killed(path: Path) -> None:
    """In a new process: create the company, Anna, and her ongoing sickness; then be killed."""
    run_until_killed(
        f"""
        from datetime import date
        from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
        from fravaer_desktop.storage.database import open_database
        from fravaer_desktop.storage.repositories import Store

        store = Store(open_database({str(path)!r}), today=lambda: date(2026, 11, 23))
        store.company.save(Company(name="Bageriet Solsikken ApS", cvr="10150817"))
        anna = store.employees.add(Employee(name="Anna Jensen", employed_from=date(2019, 3, 1)))
        store.absences.add(AbsenceSpell(employee_id=anna.id, first_day=date(2026, 11, 16)))
        die("gemt")
        """,
        marker="gemt",
    )


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def test_a_committed_spell_survives_a_killed_process(tmp_path: Path) -> None:
    path = tmp_path / "virksomhed.sqlite"
    save_anna_sick_and_get_killed(path)

    assert integrity(path) == "ok"
    db = open_database(path)
    store = Store(db, today=lambda: date(2026, 11, 23))
    company = store.company.get()
    assert company is not None and company.name == "Bageriet Solsikken ApS"
    (anna,) = store.employees.list_all()
    assert anna.name == "Anna Jensen"
    assert store.absences.ongoing() == [
        AbsenceSpell(id=1, employee_id=anna.id, first_day=date(2026, 11, 16))
    ]
    db.close()


def test_the_company_file_alone_holds_every_saved_action_after_a_kill(tmp_path: Path) -> None:
    """A sync folder or backup program that copies only 'virksomhed.sqlite' (not its -wal file)
    still gets everything saved, also when the program was killed and never closed the file."""
    path = tmp_path / "virksomhed.sqlite"
    save_anna_sick_and_get_killed(path)
    copy = tmp_path / "kopi" / "virksomhed.sqlite"
    copy.parent.mkdir()
    copy.write_bytes(path.read_bytes())  # the main file only

    store = Store(open_database(copy), today=lambda: date(2026, 11, 23))
    company = store.company.get()
    assert company is not None and company.name == "Bageriet Solsikken ApS"
    assert [e.name for e in store.employees.list_all()] == ["Anna Jensen"]
    assert len(store.absences.ongoing()) == 1
    store.db.close()


def test_a_backup_copied_over_the_file_after_a_kill_is_what_opens(tmp_path: Path) -> None:
    """Restoring by hand: a left-over -wal file of the killed program must not be replayed
    onto the restored copy (that undid the restore, or damaged the file)."""
    path = tmp_path / "virksomhed.sqlite"
    backup = tmp_path / "usb" / "kopi.sqlite"
    backup.parent.mkdir()
    run_until_killed(
        f"""
        from datetime import date
        from fravaer_desktop.core.models import Company, Employee
        from pathlib import Path
        from fravaer_desktop.storage.backup import backup_database
        from fravaer_desktop.storage.database import open_database
        from fravaer_desktop.storage.repositories import Store

        store = Store(open_database({str(path)!r}), today=lambda: date(2026, 11, 23))
        store.company.save(Company(name="Bageriet Solsikken ApS", cvr="10150817"))
        store.employees.add(Employee(name="Anna Jensen", employed_from=date(2019, 3, 1)))
        backup_database(store.db, Path({str(backup)!r}))
        for number in range(30):
            store.employees.add(Employee(name=f"Vikar {{number}}", employed_from=date(2026, 1, 1)))
        die("gemt")
        """,
        marker="gemt",
    )
    path.write_bytes(backup.read_bytes())  # the user copies the backup over the file

    assert integrity(path) == "ok"
    store = Store(open_database(path), today=lambda: date(2026, 11, 23))
    assert [e.name for e in store.employees.list_all()] == ["Anna Jensen"]
    store.db.close()


def test_a_process_killed_in_the_middle_of_a_change_leaves_no_half_row(tmp_path: Path) -> None:
    path = tmp_path / "virksomhed.sqlite"
    db = open_database(path)
    store = Store(db, today=lambda: date(2026, 11, 23))
    anna = store.employees.add(
        Employee(name="Anna Jensen", employed_from=date(2019, 3, 1), department="Butik")
    )
    march = store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 3, 2), last_day=date(2026, 3, 6))
    )
    db.close()

    run_until_killed(
        f"""
        from datetime import date
        from fravaer_desktop.core.models import AbsenceSpell
        from fravaer_desktop.storage.database import open_database
        from fravaer_desktop.storage.repositories import Store

        db = open_database({str(path)!r})
        store = Store(db, today=lambda: date(2026, 11, 23))
        with db.atomic():  # BEGIN ... (COMMIT never comes)
            store.absences.add(AbsenceSpell(employee_id={anna.id}, first_day=date(2026, 11, 16)))
            db.execute("UPDATE employees SET department = 'Halvt gemt'")
            # Enough rows that SQLite must spill uncommitted pages into the WAL file.
            db["absence_spells"].insert_all(
                {{"employee_id": {anna.id}, "kind": "andet", "first_day": "2030-01-01",
                  "note": "x" * 400}}
                for _ in range(10_000)
            )
            die("midt i ændringen")
        """,
        marker="midt i ændringen",
    )

    assert integrity(path) == "ok"
    db = open_database(path)
    store = Store(db, today=lambda: date(2026, 11, 23))
    assert store.absences.all() == [march]
    assert store.employees.get(anna.id).department == "Butik"
    db.close()


def test_a_write_sent_through_read_is_refused_and_nothing_is_stored(tmp_path) -> None:
    import sqlite3

    import pytest

    from fravaer_desktop.storage.database import open_database

    db = open_database(tmp_path / "virksomhed.sqlite")
    with pytest.raises(sqlite3.ProgrammingError, match="SELECT only"):
        db.read(
            "INSERT INTO goals (metric, target, valid_from) "
            "VALUES ('fravaersprocent', 3, '2026-01-01')"
        )
    assert not db.conn.in_transaction
    assert db.read("SELECT COUNT(*) FROM goals").fetchone()[0] == 0
    db.close()
