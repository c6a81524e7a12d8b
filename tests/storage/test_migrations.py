"""Opening a company file: new files, old files, newer files, broken files and failed upgrades."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
from fravaer_desktop.storage import database as database_module
from fravaer_desktop.storage.database import (
    SAFETY_COPIES_KEPT,
    SAFETY_COPY_FOLDER,
    DatabaseOpenError,
    SchemaTooNewError,
    open_database,
    safety_copies,
    schema_version,
    take_safety_copy,
    upgrade_notice,
)
from fravaer_desktop.storage.migrations import (
    MIGRATION_SET,
    known_migration_names,
    migrations,
)
from fravaer_desktop.storage.repositories import Store

DATA = Path(__file__).parent / "data"
TODAY = date(2026, 11, 23)
APP_TABLES = {"company", "employees", "absence_spells"}


def tables(db: Database) -> set[str]:
    return set(db.table_names())


def contents(db: Database) -> dict[str, list[tuple]]:
    return {
        table: db.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
        for table in sorted(APP_TABLES)
    }


def migration_rows(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT migration_set, name FROM _sqlite_migrations ORDER BY id"
        ).fetchall()
    conn.close()
    return rows


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill(db: Database) -> Store:
    """A company, one employee and one spell, stored through the repositories."""
    store = Store(db, today=lambda: TODAY)
    store.company.save(Company(name="Bageriet Solsikken ApS", cvr="10150817"))
    anna = store.employees.add(Employee(name="Anna Jensen", employed_from=date(2019, 3, 1)))
    store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 3, 2), last_day=date(2026, 3, 6))
    )
    return store


@pytest.fixture
def saved_file(tmp_path: Path) -> Path:
    """A closed company file at the current schema, holding a company, an employee and a spell."""
    path = tmp_path / "virksomhed.sqlite"
    db = open_database(path)
    fill(db)
    db.close()
    return path


def with_test_migration(name: str, extra: Callable[[Database], None]) -> Migrations:
    """The real migrations plus `extra` as the next one, in a separate Migrations object."""
    test_migrations = Migrations(MIGRATION_SET)
    for real in migrations._migrations:
        test_migrations(name=real.name)(real.fn)
    test_migrations(name=name)(extra)
    return test_migrations


def use_migrations(monkeypatch: pytest.MonkeyPatch, replacement: Migrations) -> None:
    """Make open_database use `replacement` as the migrations the program knows."""
    monkeypatch.setattr(database_module, "schema_migrations", lambda: replacement)
    monkeypatch.setattr(
        database_module, "known_migration_names", lambda: [m.name for m in replacement._migrations]
    )


# --- New and existing files --------------------------------------------------------------------


def test_a_new_file_gets_every_table_and_the_latest_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "ny" / "virksomhed.sqlite"  # the folder does not exist yet either
    db = open_database(path)
    assert path.is_file()
    assert APP_TABLES <= tables(db)
    assert known_migration_names()[0] == "m001_initial"
    assert schema_version(db) == len(known_migration_names())
    db.close()
    # A brand-new file has nothing worth a safety copy.
    assert not (path.parent / SAFETY_COPY_FOLDER).exists()


def test_opening_a_file_twice_applies_nothing_twice_and_keeps_the_data(saved_file: Path) -> None:
    first = open_database(saved_file)
    kept = contents(first)
    first.close()

    second = open_database(saved_file)
    assert contents(second) == kept
    assert len(kept["absence_spells"]) == 1
    second.close()

    assert migration_rows(saved_file) == [(MIGRATION_SET, n) for n in known_migration_names()]
    # Nothing was pending, so no safety copy was needed.
    assert not (saved_file.parent / SAFETY_COPY_FOLDER).exists()


def test_a_file_that_was_never_migrated_is_brought_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "tom.sqlite"
    sqlite3.connect(path).close()  # an empty SQLite file
    db = open_database(path)
    assert APP_TABLES <= tables(db)
    assert schema_version(db) == len(known_migration_names())
    db.close()


def test_open_database_does_not_create_a_file_when_told_not_to(tmp_path: Path) -> None:
    path = tmp_path / "findes-ikke.sqlite"
    with pytest.raises(DatabaseOpenError, match="findes ikke. Tjek stien."):
        open_database(path, create=False)
    assert not path.exists()


def test_a_folder_is_not_opened_as_a_company_file(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="er en mappe, ikke en Fravær-fil"):
        open_database(tmp_path)


# --- Connection settings -----------------------------------------------------------------------


def test_a_file_database_has_foreign_keys_on_wal_journal_and_full_sync(saved_file: Path) -> None:
    db = open_database(saved_file)
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    db.close()


def test_the_in_memory_database_of_the_tests_enforces_foreign_keys_too(store: Store) -> None:
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


# --- A file from a newer version ---------------------------------------------------------------


@pytest.mark.parametrize(
    "journal_mode",
    [
        pytest.param("wal", id="file in WAL mode, as this version writes it"),
        pytest.param("delete", id="file in rollback-journal mode"),
    ],
)
def test_a_file_from_a_newer_version_is_refused_and_left_untouched(
    saved_file: Path, journal_mode: str
) -> None:
    conn = sqlite3.connect(saved_file)
    conn.execute(f"PRAGMA journal_mode = {journal_mode}")
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('fravaer', 'm002_fra_fremtiden', '2027-06-01 12:00:00+00:00')"
        )
    conn.close()
    before = fingerprint(saved_file)
    files_before = sorted(os.listdir(saved_file.parent))

    with pytest.raises(SchemaTooNewError) as caught:
        open_database(saved_file)

    message = str(caught.value)
    assert "er gemt af en nyere version af Fravær" in message
    assert "Installer den nyeste version af Fravær for at åbne den." in message
    assert "Filen er ikke ændret." in message
    assert isinstance(caught.value, DatabaseOpenError)  # the app can catch both the same way
    assert fingerprint(saved_file) == before
    # No safety copy and no -wal/-shm files left behind: the file is released again.
    assert sorted(os.listdir(saved_file.parent)) == files_before


def test_another_programs_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    other = tmp_path / "regnskab.sqlite"
    conn = sqlite3.connect(other)
    with conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes (text) VALUES ('Moms betales 1. december')")
    conn.close()
    before = fingerprint(other)
    files_before = sorted(os.listdir(tmp_path))

    with pytest.raises(DatabaseOpenError) as caught:
        open_database(other)

    assert "er en database fra et andet program, ikke en Fravær-fil" in str(caught.value)
    assert "Filen er ikke ændret." in str(caught.value)
    assert fingerprint(other) == before
    assert sorted(os.listdir(tmp_path)) == files_before


def test_a_newer_migration_of_another_set_is_not_mistaken_for_ours(saved_file: Path) -> None:
    conn = sqlite3.connect(saved_file)
    with conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('et_plugin', 'm001_plugin', '2027-06-01 12:00:00+00:00')"
        )
    conn.close()
    db = open_database(saved_file)
    assert schema_version(db) == len(known_migration_names())
    db.close()


# --- A file that is not a company file ---------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(os.urandom(4096), id="random bytes"),
        pytest.param(b"Kaffe, te og rugbr\xc3\xb8d\n" * 200, id="a text file"),
        pytest.param(b"SQLite format 3\x00" + b"\xff" * 4000, id="a damaged database header"),
    ],
)
def test_a_file_that_is_not_a_database_is_refused_with_a_danish_message(
    tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "ikke-en-database.sqlite"
    path.write_bytes(content)

    with pytest.raises(DatabaseOpenError) as caught:
        open_database(path)

    assert "kan ikke åbnes som en Fravær-fil" in str(caught.value)
    assert "Åbn en sikkerhedskopi i stedet." in str(caught.value)
    assert path.read_bytes() == content
    assert sorted(os.listdir(tmp_path)) == [path.name]


# --- Safety copies and upgrades ----------------------------------------------------------------


def test_a_safety_copy_opens_and_holds_the_same_rows(saved_file: Path) -> None:
    db = open_database(saved_file)
    copy = take_safety_copy(db, saved_file, reason="test")
    original = contents(db)
    db.close()

    assert copy.parent == saved_file.parent / SAFETY_COPY_FOLDER
    assert copy.name.startswith("virksomhed-test-") and copy.suffix == ".sqlite"
    assert not copy.with_name(copy.name + ".delvis").exists()
    copy_db = open_database(copy)
    assert contents(copy_db) == original
    assert schema_version(copy_db) == len(known_migration_names())
    copy_db.close()


def add_notes_table(db: Database) -> None:
    """A stand-in for a future migration m002."""
    db.execute("CREATE TABLE test_notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")


def test_a_safety_copy_is_taken_before_pending_migrations_run(
    saved_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_migrations(monkeypatch, with_test_migration("m999_test_notes", add_notes_table))

    db = open_database(saved_file)
    assert "test_notes" in tables(db)
    assert schema_version(db) == len(known_migration_names()) + 1
    upgraded = contents(db)
    db.close()

    copies = list((saved_file.parent / SAFETY_COPY_FOLDER).iterdir())
    assert len(copies) == 1
    current = len(known_migration_names())
    assert f"foer-opgradering-v{current}" in copies[0].name
    # The copy is the file as it was before the upgrade: the current schema, same rows.
    copy = Database(sqlite3.connect(copies[0]))
    assert "test_notes" not in tables(copy)
    assert [name for _, name in migration_rows(copies[0])] == known_migration_names()
    assert contents(copy) == upgraded
    copy.close()


def test_only_the_newest_safety_copies_are_kept_after_an_upgrade(
    saved_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Old safety copies hold the staff's absence as it was, also of people deleted since."""
    folder = saved_file.parent / SAFETY_COPY_FOLDER
    folder.mkdir()
    stem = saved_file.stem
    old = [folder / f"{stem}-foer-opgradering-v1-2025010{day}-120000.sqlite" for day in range(1, 5)]
    for path in old:
        shutil.copyfile(saved_file, path)
    (folder / (old[0].name + "-wal")).write_bytes(b"")
    other_company = folder / "andet-firma-foer-opgradering-v1-20250101-120000.sqlite"
    own_backup = folder / f"{stem} sikkerhedskopi 2025-01-01.sqlite"
    for path in (other_company, own_backup):
        shutil.copyfile(saved_file, path)
    use_migrations(monkeypatch, with_test_migration("m999_test_notes", add_notes_table))

    open_database(saved_file).close()

    kept = sorted(p.name for p in safety_copies(saved_file))
    assert len(kept) == SAFETY_COPIES_KEPT
    assert [p.name for p in old[2:]] == kept[:2]  # the two newest old ones, then the new one
    assert any(name.startswith(f"{stem}-foer-opgradering-v{len(known_migration_names())}-")
               for name in kept)  # fmt: skip
    assert not (folder / (old[0].name + "-wal")).exists()
    # Another company's copies and the user's own backups are never touched.
    assert other_company.exists() and own_backup.exists()


def test_the_copy_of_this_upgrade_is_kept_when_a_clock_ahead_stamped_older_ones_later(
    saved_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = saved_file.parent / SAFETY_COPY_FOLDER
    folder.mkdir()
    stem = saved_file.stem
    ahead = [folder / f"{stem}-foer-opgradering-v1-2099010{day}-120000.sqlite" for day in (1, 2, 3)]
    for path in ahead:
        shutil.copyfile(saved_file, path)
    killed = folder / f"{stem}-foer-opgradering-v1-20250101-120000.sqlite.delvis"
    killed.write_bytes(b"half a copy with staff names")
    use_migrations(monkeypatch, with_test_migration("m999_test_notes", add_notes_table))

    open_database(saved_file).close()

    kept = [p.name for p in safety_copies(saved_file)]
    this_upgrade = f"{stem}-foer-opgradering-v{len(known_migration_names())}-"
    assert len(kept) == SAFETY_COPIES_KEPT
    assert any(name.startswith(this_upgrade) for name in kept)
    assert not killed.exists()  # a killed copy's half file is cleaned away


def test_no_safety_copy_is_deleted_when_the_upgrade_fails(
    saved_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = saved_file.parent / SAFETY_COPY_FOLDER
    folder.mkdir()
    for day in range(1, 6):
        shutil.copyfile(
            saved_file, folder / f"{saved_file.stem}-foer-opgradering-v1-2025010{day}-120000.sqlite"
        )
    use_migrations(monkeypatch, with_test_migration("m999_fails", fail_half_way))

    with pytest.raises(DatabaseOpenError):
        open_database(saved_file)

    assert len(safety_copies(saved_file)) == 6  # five old ones and the one just taken


def fail_half_way(db: Database) -> None:
    """A migration that changes schema and rows, then hits an error (here: invalid SQL)."""
    db.execute("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
    db.execute("UPDATE employees SET name = 'Ændret af en fejlet opgradering'")
    db.execute("ALTER TABLE employees ADD COLUMN must_have TEXT NOT NULL")  # not allowed


def test_a_migration_that_fails_leaves_the_file_as_it_was(
    saved_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = open_database(saved_file)
    schema_before = db.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    rows_before = contents(db)
    db.close()
    use_migrations(monkeypatch, with_test_migration("m999_fails", fail_half_way))

    with pytest.raises(DatabaseOpenError, match="kunne ikke opgraderes .* Filen er ikke ændret"):
        open_database(saved_file)

    monkeypatch.undo()
    db = open_database(saved_file)
    assert db.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall() == (
        schema_before
    )
    assert contents(db) == rows_before
    db.close()
    assert migration_rows(saved_file) == [(MIGRATION_SET, n) for n in known_migration_names()]
    # The safety copy from before the attempt is there for the user.
    assert len(list((saved_file.parent / SAFETY_COPY_FOLDER).iterdir())) == 1


# --- Saved files of released schemas -----------------------------------------------------------


def test_a_saved_schema_v1_file_opens_with_this_version_and_keeps_its_data(
    tmp_path: Path,
) -> None:
    path = tmp_path / "schema_v1.sqlite"
    shutil.copyfile(DATA / "schema_v1.sqlite", path)
    assert [name for _, name in migration_rows(path)] == ["m001_initial"]

    db = open_database(path)
    store = Store(db, today=lambda: TODAY)

    assert schema_version(db) == len(known_migration_names())
    copies = list((tmp_path / SAFETY_COPY_FOLDER).iterdir())
    assert len(copies) == 1 and "foer-opgradering-v1" in copies[0].name
    assert [name for _, name in migration_rows(copies[0])] == ["m001_initial"]
    assert store.decisions.all() == [] and store.goals.all() == []
    company = store.company.get()
    assert company is not None
    assert (company.name, company.cvr) == ("Bageriet Solsikken ApS", "10150817")
    assert company.logo == b"\x89PNG\r\n\x1a\n\x00logo"
    anna, bo = store.employees.list_all()
    assert (anna.name, anna.employed_from, anna.department) == (
        "Anna Jensen",
        date(2019, 3, 1),
        "Butik",
    )
    assert (bo.name, bo.weekly_hours, bo.clause_120_days) == ("Bo Nielsen", 30.0, True)
    assert (bo.section_56_from, bo.section_56_to) == (date(2025, 1, 1), date(2026, 12, 31))
    spells = store.absences.all()
    assert [(s.employee_id, s.first_day, s.last_day) for s in spells] == [
        (anna.id, date(2026, 11, 16), None),
        (bo.id, date(2026, 4, 7), date(2026, 4, 17)),
        (anna.id, date(2026, 3, 2), date(2026, 3, 6)),
    ]
    assert spells[0].note == "Ringer mandag kl. 10"
    assert spells[1].partial_hours_per_week == 10.0
    # The upgraded file still accepts new absence.
    store.absences.register_return(spells[0].id, date(2026, 11, 20))
    assert store.absences.ongoing() == []
    db.close()


def test_the_program_knows_its_migrations_in_order_under_one_set() -> None:
    names = known_migration_names()
    assert names == sorted(names)
    assert all(name[0] == "m" and name[1:4].isdigit() for name in names)
    assert migrations.name == MIGRATION_SET == "fravaer"


# --- Reading the schema version without sqlite-utils -----------------------------------------


def test_the_schema_names_read_without_sqlite_utils_match_the_migrations() -> None:
    from fravaer_desktop.storage.schema import MIGRATION_NAMES

    assert list(MIGRATION_NAMES) == [m.name for m in migrations._migrations]


def test_applied_migrations_read_with_plain_sql_match_sqlite_utils(saved_file: Path) -> None:
    import sqlite3

    from fravaer_desktop.storage.schema import applied_migration_names

    conn = sqlite3.connect(saved_file)
    try:
        by_sqlite_utils = [m.name for m in migrations.applied(Database(conn))]
        assert applied_migration_names(conn) == by_sqlite_utils
        assert by_sqlite_utils  # the saved file has applied migrations
    finally:
        conn.close()


def test_the_user_is_told_where_the_copy_from_before_an_upgrade_is(
    saved_file: Path, request: pytest.FixtureRequest
) -> None:
    db = open_database(saved_file)
    assert db.upgrade_copy is None and upgrade_notice(db) is None  # nothing to upgrade
    db.close()

    request.getfixturevalue("newer_program")  # a new version of Fravær is installed
    db = open_database(saved_file)
    [copy] = safety_copies(saved_file)
    assert db.upgrade_copy == copy
    assert upgrade_notice(db) == (
        "Filen er opgraderet til denne version af Fravær. Kopien fra før ligger i mappen "
        f"'{copy.parent}'."
    )
    db.close()
    db = open_database(saved_file)  # the next start has nothing to upgrade, nothing to say
    assert upgrade_notice(db) is None
    db.close()


def test_a_new_file_is_not_reported_as_upgraded(tmp_path: Path, newer_program) -> None:
    db = open_database(tmp_path / "ny.sqlite")
    assert upgrade_notice(db) is None
    db.close()


def test_a_saved_schema_v2_file_opens_with_this_version_and_keeps_its_data(
    tmp_path: Path,
) -> None:
    path = tmp_path / "schema_v2.sqlite"
    shutil.copyfile(DATA / "schema_v2.sqlite", path)
    assert [name for _, name in migration_rows(path)] == [
        "m001_initial",
        "m002_overview_policy_goals",
    ]

    db = open_database(path)
    store = Store(db, today=lambda: date(2026, 12, 7))

    assert schema_version(db) == len(known_migration_names())
    lone, kim = sorted(store.employees.list_all(), key=lambda e: e.name, reverse=True)
    assert (lone.name, lone.clause_120_days, kim.weekly_hours) == ("Lone Ærø", True, 32.0)
    assert (lone.working_days_per_week, kim.working_days_per_week) == (5, 5)  # v3: the default
    [decision] = store.decisions.all()
    assert (decision.rule, decision.employee_id, decision.due) == (
        "samtale",
        lone.id,
        date(2026, 11, 2),
    )
    policy = store.policy.get()
    assert (policy.contact_days, policy.frequent_spells) == ((2, 6, 14), 4)
    [goal] = store.goals.all()
    assert goal.target == 3.5
    partial = next(s for s in store.absences.all() if s.employee_id == kim.id)
    assert partial.partial_hours_per_week == 16.0
    db.close()


def test_a_saved_schema_v3_file_opens_with_this_version_and_keeps_its_data(
    tmp_path: Path,
) -> None:
    path = tmp_path / "schema_v3.sqlite"
    shutil.copyfile(DATA / "schema_v3.sqlite", path)
    assert [name for _, name in migration_rows(path)][-1] == "m003_employee_working_days"

    db = open_database(path)
    store = Store(db, today=lambda: date(2026, 12, 7))

    assert schema_version(db) == len(known_migration_names())
    lone, kim = sorted(store.employees.list_all(), key=lambda e: e.name, reverse=True)
    assert (lone.name, kim.working_days_per_week) == ("Lone Ærø", 4)
    assert [d.rule for d in store.decisions.all()] == ["samtale"]
    assert len(store.absences.all()) == 2
    # v4: no conversations or documentation requests yet, and both can be stored.
    assert store.conversations.for_employee(lone.id) == []
    assert store.document_requests.all() == []
    db.close()


def test_a_saved_schema_v4_file_opens_with_this_version_and_keeps_its_data(
    tmp_path: Path,
) -> None:
    path = tmp_path / "schema_v4.sqlite"
    shutil.copyfile(DATA / "schema_v4.sqlite", path)
    assert [name for _, name in migration_rows(path)][-1] == "m004_conversations"

    db = open_database(path)
    store = Store(db, today=lambda: date(2026, 12, 7))

    assert schema_version(db) == len(known_migration_names())
    lone, kim = sorted(store.employees.list_all(), key=lambda e: e.name, reverse=True)
    assert (lone.name, kim.working_days_per_week) == ("Lone Ærø", 4)
    assert len(store.absences.all()) == 2
    [talk] = store.conversations.for_employee(lone.id)
    assert (talk.is_held, talk.held_on) == (True, date(2026, 10, 28))
    assert talk.notes == {
        "status": "Lone har det lidt bedre og går ture.",
        "arbejdet": "Kan tage telefonen et par timer.",
    }
    assert [(s.kind.value, s.due) for s in talk.steps] == [
        ("fastholdelsesplan", date(2026, 11, 20))
    ]
    [minutes] = store.conversations.minutes(talk.id)
    assert (minutes.version, minutes.pdf) == (1, b"%PDF-1.4 referat version 1")
    [request] = store.document_requests.all()
    assert (request.kind, request.deliver_by, request.received_on) == (
        "friattest",
        date(2026, 11, 11),
        date(2026, 11, 9),
    )
    assert store.retention_plans.all() == []  # m005: the plans' tables, empty
    db.close()


def test_a_saved_schema_v6_file_opens_with_this_version_and_keeps_its_data(
    tmp_path: Path,
) -> None:
    path = tmp_path / "schema_v6.sqlite"
    shutil.copyfile(DATA / "schema_v6.sqlite", path)
    assert [name for _, name in migration_rows(path)][-1] == "m006_apv"

    db = open_database(path)
    store = Store(db, today=lambda: date(2026, 12, 14))

    assert schema_version(db) == len(known_migration_names())
    anne, ole = store.employees.list_all()
    assert (anne.name, ole.name, ole.employed_to) == ("Anne Bech", "Ole Tidligere",
                                                     date(2019, 6, 30))  # fmt: skip
    assert [s.note for s in store.absences.for_employee(ole.id)] == ["Ringede selv ind"]
    [talk] = store.conversations.for_employee(anne.id)
    assert talk.notes == {"status": "Anne kan tage korte vagter."}
    [plan] = store.retention_plans.for_employee(anne.id)
    assert plan.current.content.texts == {"maal": "Fuld tid i januar"}
    assert [f.due for f in plan.follow_ups] == [date(2026, 12, 1)]
    draft = store.apvs.draft()
    assert draft is not None and draft.participants == "Indehaveren og to medarbejdere"
    assert [a.measure for a in draft.actions] == ["Varmeblæser ved kassen"]
    # m007: the change log begins empty; what was stored before has no lines
    assert db.rows("SELECT * FROM change_log") == []
    db.close()
