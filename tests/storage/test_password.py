"""The optional password (decision 0022): a locked file and every copy the program writes of it
hold no employee name in plain bytes, and open with the right password only."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from fravaer_desktop.storage import cipher
from fravaer_desktop.storage.backup import backup_database
from fravaer_desktop.storage.backup_folder import (
    DAILY,
    LOCKED_COPY,
    LOCKED_COPY_NO_KEY,
    check_and_back_up,
    copies_in,
    default_backup_folder,
    preview,
    summarize,
)
from fravaer_desktop.storage.database import (
    PasswordNeededError,
    WrongPasswordError,
    open_database,
)
from fravaer_desktop.storage.password import (
    PasswordChangeError,
    change_password,
    delete_plain_copies,
    plain_copies,
)
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.storage.restore import restore_copy
from tests.storage.company_files import damage_header, demo_file

PASSWORD = "Kaffe og kage 42"
MORNING = datetime(2026, 11, 23, 8, 30)
ROOT = Path(__file__).resolve().parents[2]


def names_in(path: Path) -> list[str]:
    """The employees' names (full and first names) of a closed plain file."""
    db = open_database(path, create=False)
    try:
        names = [row["name"] for row in db.rows("SELECT name FROM employees")]
    finally:
        db.close()
    return names


def plain_bytes_hold(path: Path, names: list[str]) -> list[str]:
    """The names (and first names of 4 letters or more: two letters occur by chance in
    random bytes) found in the bytes of `path` and its companions."""
    data = b"".join(
        p.read_bytes() for p in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm")))
        if p.exists()
    )  # fmt: skip
    found = []
    for name in names:
        for part in {name, *(p for p in name.split()[:1] if len(p) >= 4)}:
            if part.encode() in data or part.encode("utf-16-le") in data:
                found.append(part)
    return found


@pytest.fixture
def locked(tmp_path: Path) -> tuple[Path, list[str]]:
    path = demo_file(tmp_path / "firma.sqlite")
    names = names_in(path)
    assert plain_bytes_hold(path, names)  # the test would see them
    change_password(path, None, PASSWORD)
    return path, names


def test_a_locked_file_holds_no_name_and_opens_with_the_password_only(locked):
    path, names = locked
    assert cipher.is_encrypted(path)
    assert not path.read_bytes().startswith(cipher.PLAIN_HEADER)
    assert plain_bytes_hold(path, names) == []
    with pytest.raises(
        PasswordNeededError, match="låst med en adgangskode, eller den er beskadiget"
    ):
        open_database(path, create=False)
    with pytest.raises(WrongPasswordError, match="Adgangskoden passer ikke"):
        open_database(path, create=False, key="kaffe og kage 42")
    before = path.read_bytes()
    db = open_database(path, create=False, key=PASSWORD)
    store = Store(db)
    assert sorted(e.name for e in store.employees.list_all()) == sorted(names)
    # Saving goes on in the locked file (and its -wal), still without names in plain bytes.
    employee = store.employees.list_all()[0]
    store.employees.update(employee.__class__(**{**employee.__dict__, "job_title": "Ny titel"}))
    assert plain_bytes_hold(path, names) == []
    db.close()
    assert path.read_bytes() != before
    assert plain_bytes_hold(path, names) == []


def test_every_copy_of_a_locked_file_is_locked_with_the_same_password(locked, tmp_path):
    path, names = locked
    folder = default_backup_folder(path)
    check = check_and_back_up(path, folder, MORNING, folder_is_chosen=False, key=PASSWORD)
    assert check.damage is None and check.copy is not None
    db = open_database(path, create=False, key=PASSWORD)
    try:
        manual = backup_database(db, tmp_path / "usb" / "kopi.sqlite")
    finally:
        db.close()
    for copy in (check.copy, manual):
        assert cipher.is_encrypted(copy)
        assert plain_bytes_hold(copy, names) == []
        assert summarize(copy).problem == LOCKED_COPY_NO_KEY
        assert summarize(copy, key="forkert").problem == LOCKED_COPY
        summary = summarize(copy, check=True, key=PASSWORD)
        assert summary.usable and summary.employees == len(names)
        assert sorted(preview(copy, key=PASSWORD).employee_names) == sorted(names)
        with pytest.raises(PasswordNeededError):
            open_database(copy, create=False)
        open_database(copy, create=False, key=PASSWORD).close()
    assert not list(folder.glob("*.delvis"))


def test_the_copy_before_an_upgrade_of_a_locked_file_is_locked(tmp_path):
    old = ROOT / "tests" / "storage" / "data" / "schema_v1.sqlite"
    path = tmp_path / "gammel.sqlite"
    path.write_bytes(old.read_bytes())
    names = names_in_raw(path)
    change_password(path, None, PASSWORD)
    db = open_database(path, create=False, key=PASSWORD)
    db.close()
    assert db.upgrade_copy is not None and cipher.is_encrypted(db.upgrade_copy)
    assert plain_bytes_hold(db.upgrade_copy, names) == []
    assert plain_bytes_hold(path, names) == []


def names_in_raw(path: Path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return [name for (name,) in conn.execute("SELECT name FROM employees")]
    finally:
        conn.close()


def test_restoring_a_locked_copy_keeps_the_file_locked(locked):
    path, names = locked
    folder = default_backup_folder(path)
    copy = check_and_back_up(path, folder, MORNING, folder_is_chosen=False, key=PASSWORD).copy
    kept = restore_copy(copy, path, MORNING + timedelta(hours=1), key=PASSWORD)
    for written in (path, kept):
        assert cipher.is_encrypted(written)
        assert plain_bytes_hold(written, names) == []
    assert not list(path.parent.glob("*.gendannes*"))
    db = open_database(path, create=False, key=PASSWORD)
    assert sorted(e.name for e in Store(db).employees.list_all()) == sorted(names)
    db.close()


def test_change_and_remove_the_password(locked):
    path, names = locked
    with pytest.raises(PasswordChangeError, match="nuværende adgangskode passer ikke"):
        change_password(path, "forkert", "ny kode 1234")
    open_database(path, create=False, key=PASSWORD).close()  # as it was
    change_password(path, PASSWORD, "ny kode 1234")
    with pytest.raises(WrongPasswordError):
        open_database(path, create=False, key=PASSWORD)
    open_database(path, create=False, key="ny kode 1234").close()
    change_password(path, "ny kode 1234", None)
    assert path.read_bytes().startswith(cipher.PLAIN_HEADER)
    assert sorted(names_in(path)) == sorted(names)
    assert not list(path.parent.glob("*.adgangskode*"))


def test_the_copies_from_before_the_lock_are_found_and_deleted(tmp_path):
    path = demo_file(tmp_path / "firma.sqlite")
    folder = default_backup_folder(path)
    before = check_and_back_up(path, folder, MORNING, folder_is_chosen=False).copy
    assert not cipher.is_encrypted(before)
    change_password(path, None, PASSWORD)
    after = check_and_back_up(path, folder, MORNING + timedelta(days=1), folder_is_chosen=False,
                              key=PASSWORD).copy  # fmt: skip
    assert [c.path for c in plain_copies(path, None)] == [before]
    assert delete_plain_copies(path, None) == [before]
    assert not before.exists() and after.exists()
    assert [c.path for c in copies_in(path, folder, DAILY)] == [after]


def test_a_file_without_a_password_opens_without_the_cipher_module(tmp_path):
    path = demo_file(tmp_path / "firma.sqlite")
    code = (
        "import sys; from pathlib import Path\n"
        "from fravaer_desktop.storage.database import open_database\n"
        f"db = open_database(Path({str(path)!r}), create=False)\n"
        "db.rows('SELECT * FROM employees'); db.close()\n"
        "assert 'sqlcipher3' not in sys.modules, 'sqlcipher3 loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_a_damaged_header_is_not_taken_for_a_password(tmp_path):
    path = demo_file(tmp_path / "firma.sqlite")
    damage_header(path)
    assert not cipher.is_encrypted(path)
    assert not cipher.is_encrypted(tmp_path / "findes-ikke.sqlite")


def test_retention_cleans_the_locked_copies_instead_of_deleting_them(locked):
    """A former employee deleted by retention leaves the locked copies, still locked and still
    usable, without them."""
    from fravaer_desktop.storage.backup_cleaning import clean_backups

    path, names = locked
    folder = default_backup_folder(path)
    check = check_and_back_up(path, folder, MORNING, folder_is_chosen=False, key=PASSWORD)
    db = open_database(path, create=False, key=PASSWORD)
    store = Store(db)
    gone = store.employees.list_all()[0]
    store.employees.delete(gone.id)
    db.close()

    result = clean_backups(path, None, [gone], key=PASSWORD)

    assert result.cleaned == (check.copy,) and result.deleted == ()
    assert cipher.is_encrypted(check.copy)
    copy = Store(open_database(check.copy, create=False, key=PASSWORD))
    left = [e.name for e in copy.employees.list_all()]
    copy.db.close()
    assert gone.name not in left and len(left) == len(names) - 1
