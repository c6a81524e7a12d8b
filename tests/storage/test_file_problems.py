"""Files that cannot be used as they are: each gets a Danish message that says what to do, and
the file is left as it was. A healthy file in use or not writable is never called damaged."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database

from fravaer_desktop.app import main, open_store
from fravaer_desktop.core.models import Employee
from fravaer_desktop.storage.database import (
    SAFETY_COPY_FOLDER,
    DatabaseOpenError,
    UpgradeError,
    _open_error_message,
    open_database,
    write_problem_message,
)
from fravaer_desktop.storage.migrations import migrations
from fravaer_desktop.storage.repositories import Store

DATA = Path(__file__).parent / "data"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_file_whose_creation_was_interrupted_opens_as_a_new_file(tmp_path: Path) -> None:
    """sqlite-utils commits its empty record table before the first migration; a start killed
    right then must not leave a file that is refused as 'another program's database' forever."""
    path = tmp_path / "firma.sqlite"
    utils = Database(path)
    migrations.ensure_migrations_table(utils)
    utils.close()

    store = Store(open_database(path))

    assert store.employees.list_all() == []
    store.employees.add(Employee(name="Anna Jensen", employed_from=date(2020, 1, 1)))


def test_a_file_in_use_by_another_program_is_not_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "firma.sqlite"
    open_database(path).close()
    holder = sqlite3.connect(path)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(sqlite3.OperationalError) as busy:
            sqlite3.connect(path, timeout=0).execute("SELECT * FROM employees").fetchall()
    finally:
        holder.rollback()
        holder.close()

    message = _open_error_message(path, busy.value)

    assert "bruges lige nu af et andet program" in message and "Filen er ikke ændret" in message
    assert "beskadiget" not in message and "sikkerhedskopi" not in message


def test_a_file_that_cannot_be_written_is_not_called_damaged(tmp_path: Path) -> None:
    path = tmp_path / "mangler" / "firma.sqlite"
    with pytest.raises(sqlite3.OperationalError) as cannot_open:
        sqlite3.connect(f"file:{path}?mode=rw", uri=True)

    message = _open_error_message(path, cannot_open.value)

    assert "kan ikke skrive i filen" in message and "Kopier filen" in message
    assert "beskadiget" not in message


def test_a_folder_the_user_may_not_look_into_gets_a_danish_message(
    tmp_path: Path, capsys, monkeypatch
) -> None:
    """As root (the test machine) every folder can be read, so the refusal an ordinary user
    gets from the system for /root/firma.sqlite is played by Path.is_dir."""
    target = tmp_path / "lukket" / "firma.sqlite"
    real_is_dir = Path.is_dir

    def is_dir(path: Path) -> bool:
        if path == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_is_dir(path)

    monkeypatch.setattr(Path, "is_dir", is_dir)

    code = main(["--db", str(target), "--export", str(tmp_path / "ud")])

    err = capsys.readouterr().err
    assert code == 2
    assert f"Fravær kan ikke komme til '{target}'" in err and "du har ikke adgang til mappen" in err
    assert "Traceback" not in err and not (tmp_path / "ud").exists()


def test_a_file_that_cannot_be_read_is_not_called_unwritable(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "firma.sqlite"
    path.write_bytes(b"")
    monkeypatch.setattr("os.access", lambda p, mode: mode != os.R_OK)  # as for chmod 000
    error = sqlite3.OperationalError("unable to open database file")
    error.sqlite_errorname = "SQLITE_CANTOPEN"

    message = _open_error_message(path, error)

    assert "har ikke lov til at læse filen" in message and "Kopier den" in message
    assert "skrive" not in message and "beskadiget" not in message


def test_a_write_protected_file_is_refused_at_open_not_at_the_first_save(tmp_path: Path) -> None:
    """Also for root: an immutable file (chattr +i) cannot be written by anyone."""
    path = tmp_path / "firma.sqlite"
    Store(open_database(path)).db.close()
    before = sha256(path)
    if shutil.which("chattr") is None or os.system(f"chattr +i '{path}' 2>/dev/null") != 0:
        pytest.skip("this file system cannot make a file immutable")
    try:
        with pytest.raises(DatabaseOpenError, match="er skrivebeskyttet, så Fravær kan ikke gemme"):
            open_database(path)
    finally:
        os.system(f"chattr -i '{path}'")
    assert sha256(path) == before


def test_an_empty_file_is_refused_for_export_and_stays_empty(tmp_path: Path, capsys) -> None:
    path = tmp_path / "tom.sqlite"
    path.touch()

    assert main(["--db", str(path), "--export", str(tmp_path / "pdf")]) == 2

    assert "er tom" in capsys.readouterr().err
    assert path.stat().st_size == 0


def test_damage_found_while_exporting_gives_a_danish_message(tmp_path: Path, capsys) -> None:
    path = tmp_path / "demo.sqlite"
    open_store(path, demo=True, create=True, today=date(2026, 11, 23)).db.close()
    page_size = 4096
    data = bytearray(path.read_bytes())
    assert len(data) > 20 * page_size
    for page in range(8, 20):  # scribble over the middle of the file: the spells' pages
        data[page * page_size + 100 : page * page_size + 700] = b"\xff" * 600
    path.write_bytes(bytes(data))

    code = main(["--db", str(path), "--export", str(tmp_path / "pdf")])

    err = capsys.readouterr().err
    assert code == 2
    assert "beskadiget" in err and "Traceback" not in err


def test_no_safety_copy_means_no_upgrade_and_a_danish_message(tmp_path: Path) -> None:
    path = tmp_path / "schema_v1.sqlite"
    shutil.copyfile(DATA / "schema_v1.sqlite", path)
    (tmp_path / SAFETY_COPY_FOLDER).write_text("en fil, hvor mappen skulle ligge")
    before = sha256(path)

    with pytest.raises(UpgradeError, match="kopi i mappen 'sikkerhedskopier'"):
        open_database(path)

    assert sha256(path) == before


def test_a_deleted_employee_is_not_left_readable_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "firma.sqlite"
    store = Store(open_database(path))
    assert store.db.read("PRAGMA secure_delete").fetchone() == (1,)
    gitte = store.employees.add(Employee(name="Gitte Slettetsen", employed_from=date(2020, 1, 1)))
    store.employees.add(Employee(name="Anna Jensen", employed_from=date(2020, 1, 1)))
    store.employees.delete(gitte.id)
    store.db.close()

    assert b"Gitte Slettetsen" not in path.read_bytes()
    assert b"Anna Jensen" in path.read_bytes()


def test_a_refused_file_keeps_its_bytes(tmp_path: Path) -> None:
    path = tmp_path / "tom.sqlite"
    path.touch()
    with pytest.raises(DatabaseOpenError):
        open_database(path, create=False)
    assert path.read_bytes() == b""


def test_every_connection_overwrites_deleted_content_whatever_sqlite_was_built_with() -> None:
    from fravaer_desktop.storage.database import CompanyDatabase, _configure

    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA secure_delete = OFF")  # the default of a standard SQLite build
    _configure(CompanyDatabase(conn), wal=False)
    assert conn.execute("PRAGMA secure_delete").fetchone() == (1,)


def test_a_save_while_another_program_holds_the_file_says_so_and_stores_nothing(
    tmp_path: Path,
) -> None:
    """Another program (a second Fravær on a shared drive, a backup tool) writes to the file
    while the manager saves: the save is refused with a Danish message, not "uventet fejl"."""
    path = tmp_path / "firma.sqlite"
    store = Store(open_database(path))
    store.db.conn.execute("PRAGMA busy_timeout = 100")  # the program waits 10 s; a test need not
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")

    with pytest.raises(sqlite3.OperationalError) as refused:
        store.employees.add(Employee(name="Anna Jensen", employed_from=date(2020, 1, 1)))
    other.rollback()
    other.close()

    message = write_problem_message(refused.value)
    assert message is not None
    assert message.startswith("Virksomhedsfilen bruges lige nu af et andet program")
    assert "alt, hvad der allerede var gemt, er bevaret" in message
    assert store.employees.list_all() == []
    assert write_problem_message(ValueError("noget andet")) is None
