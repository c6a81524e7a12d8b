"""Open a company file: connection settings, schema checks, a safety copy, then migrations."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fravaer_desktop.core.danish import file_problem
from fravaer_desktop.storage.backup import DEFAULT_FOLDER_NAME, UPGRADE, copy_problem
from fravaer_desktop.storage.schema import (
    MIGRATION_NAMES,
    MIGRATIONS_TABLE,
    applied_migration_names,
)

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

SAFETY_COPY_FOLDER = DEFAULT_FOLDER_NAME  # the automatic backups' default folder
#: Safety copies kept per company file. Older ones are deleted after a successful upgrade: they
#: hold the staff's absence as it was, also of people deleted from the file since.
SAFETY_COPIES_KEPT = 3
UPGRADE_COPY_REASON = UPGRADE  # + the schema version the copy has
#: How long a save waits for another program (or Fravær window) that holds the file.
BUSY_TIMEOUT_S = 10
#: How long the checkpoint after a save waits for readers before leaving the rest for later.
CHECKPOINT_WAIT_MS = 200
COMPANION_FILES = ("-wal", "-shm", "-journal")


class DatabaseOpenError(Exception):
    """The file cannot be used; `str(error)` is a Danish message for the user."""


class DamagedFileError(DatabaseOpenError):
    """SQLite found the file damaged (or not a database at all); the window offers the newest
    good backup instead."""


class UpgradeError(DatabaseOpenError):
    """A migration failed; it was rolled back, so the file is as it was."""


class SchemaTooNewError(DatabaseOpenError):
    """The file was written by a newer version of Fravær."""


#: Said when something tries to save in a file opened read-only (decision 0020).
READ_ONLY_MESSAGE = (
    "Filen er åbnet skrivebeskyttet, fordi den allerede er åben i et andet Fravær. Intet er "
    "gemt. Luk det andet Fravær, og åbn filen igen for at rette i den."
)


class PasswordNeededError(DatabaseOpenError):
    """The file is locked with a password (decision 0022) and none was given."""


class WrongPasswordError(DatabaseOpenError):
    """The password given does not open the locked file; it is untouched."""


#: An encrypted file and random bytes look the same (that is the point of the encryption).
PASSWORD_NEEDED_MESSAGE = (
    "Filen '{file}' kan ikke åbnes som en Fravær-fil uden adgangskode: den er låst med en "
    "adgangskode, eller den er beskadiget. Er den låst, så skriv adgangskoden. Ellers: Åbn en "
    "sikkerhedskopi i stedet. Filen er ikke ændret."
)
WRONG_PASSWORD_MESSAGE = (
    "Adgangskoden passer ikke til filen '{file}'. Prøv igen – store og små bogstaver tæller. "
    "Filen er ikke ændret."
)


class ReadOnlyFileError(sqlite3.OperationalError):
    """A save was tried in a file this program opened read-only; nothing was written."""

    def __init__(self, message: str = READ_ONLY_MESSAGE):
        super().__init__(message)


class CompanyDatabase:
    """One open company file: its sqlite3 connection, and sqlite-utils' Database made on first use.

    Reads go straight to `conn`. Everything else (`execute`, `atomic()`, `db["table"]`, ...)
    is sqlite-utils' Database, created the first time it is needed, so that opening and showing
    a file that is up to date does not pay for importing sqlite-utils (about 45 ms).
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._utils: Database | None = None
        self.wal_mode = False  # set when the file is configured
        #: The safety copy taken when this opening upgraded the file (None: no upgrade).
        self.upgrade_copy: Path | None = None
        #: Opened read-only: another Fravær has the file (decision 0020); nothing is written.
        self.read_only = False
        #: The lock on the file (storage.file_lock.FileLock) when the app took one.
        self.file_lock: Any = None
        #: The file's password (decision 0022); None: the file is not locked. Every copy the
        #: program writes of a locked file is locked with it.
        self.key: str | None = None

    @property
    def utils(self) -> Database:
        if self._utils is None:
            from sqlite_utils import Database

            # No sqlite-utils plugins: looking for them reads every installed distribution's
            # entry points, and none may touch a file with health-related data.
            self._utils = Database(self.conn, execute_plugins=False)
        return self._utils

    def read(self, sql: str, params: tuple = ()) -> sqlite3.Cursor:
        """Run a SELECT on the connection (no sqlite-utils needed).

        A write sent here by mistake would open a transaction nobody commits, and every later
        write would be lost at close; it is rolled back and refused instead.
        """
        was_in_transaction = self.conn.in_transaction
        cursor = self.conn.execute(sql, params)
        if self.conn.in_transaction and not was_in_transaction:
            self.conn.rollback()
            raise sqlite3.ProgrammingError(f"read() is for SELECT only: {sql[:60]}")
        return cursor

    def rows(self, sql: str, params: tuple = ()) -> list[dict[str, Any]]:
        """The rows of a SELECT as dictionaries keyed by column name."""
        cursor = self.read(sql, params)
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One user action as one transaction (sqlite-utils' atomic()).

        After the outermost one commits, the change is moved from the -wal file into the
        company file itself, and the -wal file is emptied. So a user who copies only
        'virksomhed.sqlite' (a sync folder, a backup program, a move to a new PC after a
        crash) gets everything saved so far, and a backup copied over the file after a crash
        is not overwritten by a left-over -wal file.
        """
        if self.read_only:
            raise ReadOnlyFileError()
        if self.conn.in_transaction:  # inside another action: a savepoint
            with self.utils.atomic():
                yield
            return
        # IMMEDIATE takes the write lock at once, so the checks a save makes (overlap, the
        # employment's dates) read the file as it will be written. A second Fravær window
        # saving at the same moment waits for it (up to BUSY_TIMEOUT_S) instead of failing.
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.rollback()
            raise
        if self.wal_mode:
            self._checkpoint()

    def _checkpoint(self) -> None:
        # TRUNCATE waits for readers (another Fravær window) through the busy handler: wait
        # briefly, not the connection's 10 seconds; what is left is moved at a later save.
        self.conn.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
        try:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.OperationalError:
            pass  # the action is committed (in the -wal file); the next save moves it
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.utils, name)

    def __getitem__(self, table: str) -> Any:
        return self.utils[table]

    def close(self) -> None:
        self.conn.close()


def known_migration_names() -> list[str]:
    """Names of every migration this version of the program knows, oldest first."""
    return list(MIGRATION_NAMES)


def schema_migrations() -> Migrations:
    """The migrations themselves (loads sqlite-utils)."""
    from fravaer_desktop.storage.migrations import migrations

    return migrations


def schema_version(db: CompanyDatabase) -> int:
    """Number of schema migrations applied to the file (0 for a new file)."""
    return len(applied_migration_names(db.conn))


def open_database(
    path: str | Path,
    *,
    create: bool = True,
    empty_only: bool = False,
    backup_folder: Path | None = None,
    read_only: bool = False,
    key: str | None = None,
) -> CompanyDatabase:
    """Open (or create) a company file and bring its schema up to date.

    Takes a safety copy of an existing file before any pending migration runs (into
    `backup_folder`, the folder chosen for the file's automatic backups, when it is there; else
    into 'sikkerhedskopier' beside the file), and refuses a file whose schema is newer than
    this program knows. With `empty_only` (a file to fill with the demo company), a file that
    already holds a company or staff is refused before anything happens to it.

    With `read_only` (another Fravær has the file, decision 0020) the file is opened so that
    SQLite itself refuses every write, and nothing is configured or upgraded.

    `key`: the password of a locked file (decision 0022); ignored for a file that is not
    locked. A locked file without it raises PasswordNeededError, a wrong one
    WrongPasswordError; the file is untouched either way.
    """
    if read_only:
        return _open_read_only(Path(path), key)
    memory = str(path) == ":memory:"
    file_path = None if memory else Path(path)
    if file_path is not None:
        _check_path(file_path, create)
    key = None if file_path is None else _key_for(file_path, key)
    conn: sqlite3.Connection | None = None
    try:
        conn = _connect(":memory:" if memory else str(file_path), key, file_path,
                        timeout=BUSY_TIMEOUT_S)  # fmt: skip
        db = CompanyDatabase(conn)
        db.key = key
        # Check before _configure: switching a file to WAL rewrites its header, and a refused
        # file must stay exactly as it was.
        _refuse_newer_schema(db, file_path)
        _refuse_foreign_file(db, file_path)
        if empty_only:
            _refuse_company_file(db, file_path)
        _configure(db, wal=not memory)
        db.upgrade_copy = _upgrade(db, file_path, backup_folder)
    except sqlite3.DatabaseError as error:
        _close_quietly(conn)
        message = _open_error_message(file_path, error)
        if message == damaged_file_message(file_path, error):
            raise DamagedFileError(message) from error
        raise DatabaseOpenError(message) from error
    except BaseException:
        # Release the file (and its -wal/-shm companions) when it is refused.
        _close_quietly(conn)
        raise
    return db


#: A read-only opening of a file that needs an upgrade first (the other Fravær is older).
READ_ONLY_UPGRADE_MESSAGE = (
    "Filen '{file}' er åben i et andet Fravær, som er en ældre version end dette. Filen skal "
    "opgraderes, før denne version kan vise den, og det kan kun ske, når det andet Fravær er "
    "lukket. Luk det, og prøv igen. Filen er ikke ændret."
)


def _key_for(file_path: Path, key: str | None) -> str | None:
    """The key to open `file_path` with: None for a file that is not locked (also when a key
    was given: a copy from before the lock restored over the file); refused when it is locked
    and no key was given."""
    from fravaer_desktop.storage.cipher import is_encrypted

    if not is_encrypted(file_path):
        return None
    if key is None:
        raise PasswordNeededError(PASSWORD_NEEDED_MESSAGE.format(file=file_path))
    return key


def _connect(database: str, key: str | None, file_path: Path | None, **kwargs: Any):
    """A connection; for a locked file, SQLCipher's, with the key checked."""
    if key is None:
        return sqlite3.connect(database, **kwargs)
    from fravaer_desktop.storage import cipher

    conn = cipher.connect(database, key, **kwargs)
    try:
        if not cipher.check_key(conn):
            raise WrongPasswordError(WRONG_PASSWORD_MESSAGE.format(file=file_path))
    except BaseException:
        conn.close()
        raise
    return conn


def _open_read_only(file_path: Path, key: str | None = None) -> CompanyDatabase:
    """Open for reading only: SQLite opens the file read-only and refuses writes
    (`query_only`); `atomic()` refuses before it begins."""
    if not file_path.is_file():
        raise DatabaseOpenError(
            f"Filen '{file_path}' er ved at blive oprettet i et andet Fravær. Vent, til det er "
            "gjort, og åbn den så igen."
        )
    key = _key_for(file_path, key)
    conn: sqlite3.Connection | None = None
    try:
        uri = f"{file_path.resolve().as_uri()}?mode=ro"
        conn = _connect(uri, key, file_path, uri=True, timeout=BUSY_TIMEOUT_S)
        conn.execute("PRAGMA query_only = ON")
        db = CompanyDatabase(conn)
        db.read_only = True
        db.key = key
        _refuse_newer_schema(db, file_path)
        _refuse_foreign_file(db, file_path)
        applied = set(applied_migration_names(conn))
        if not all(name in applied for name in known_migration_names()):
            raise DatabaseOpenError(READ_ONLY_UPGRADE_MESSAGE.format(file=file_path))
        conn.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as error:
        _close_quietly(conn)
        message = _open_error_message(file_path, error)
        if message == damaged_file_message(file_path, error):
            raise DamagedFileError(message) from error
        raise DatabaseOpenError(message) from error
    except BaseException:
        _close_quietly(conn)
        raise
    return db


def _open_error_message(file_path: Path | None, error: sqlite3.DatabaseError) -> str:
    """What went wrong, in Danish: a file in use or not writable is not a damaged file, and
    the user must not be sent to an older copy for it."""
    name = getattr(error, "sqlite_errorname", "")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return (
            f"Filen '{file_path}' bruges lige nu af et andet program (måske Fravær på en anden "
            "pc eller et backupprogram). Luk det, og prøv igen. Filen er ikke ændret."
        )
    if name.startswith("SQLITE_CANTOPEN") and file_path is not None and _unreadable(file_path):
        return (
            f"Fravær har ikke lov til at læse filen '{file_path}'. Kopier den til en mappe, "
            "du har adgang til (fx Dokumenter), og åbn kopien. Filen er ikke ændret."
        )
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")):
        return (
            f"Fravær kan ikke skrive i filen '{file_path}' eller i mappen, den ligger i. "
            "Måske er den skrivebeskyttet eller ligger på et drev, du kun kan læse. Kopier "
            "filen til en mappe, du kan skrive i (fx Dokumenter), og åbn kopien. "
            f"Filen er ikke ændret. (Teknisk: {error})"
        )
    return damaged_file_message(file_path, error)


def damaged_file_message(file_path: Path | None, error: sqlite3.DatabaseError) -> str:
    return (
        f"Filen '{file_path}' kan ikke åbnes som en Fravær-fil. Den er måske beskadiget eller "
        f"ikke en database. Åbn en sikkerhedskopi i stedet. (Teknisk: {error})"
    )


def _unreadable(file_path: Path) -> bool:
    return os.path.exists(file_path) and not os.access(file_path, os.R_OK)


def write_problem_message(error: BaseException) -> str | None:
    """What stopped a save, in Danish, when it is the file and not the program: in use by
    another program, no longer writable, or the drive full. None for anything else."""
    if not isinstance(error, sqlite3.OperationalError):
        return None
    if isinstance(error, ReadOnlyFileError):
        return str(error)
    name = getattr(error, "sqlite_errorname", "")
    kept = "Det, du lige gjorde, er ikke gemt; alt, hvad der allerede var gemt, er bevaret."
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return (
            "Virksomhedsfilen bruges lige nu af et andet program (måske Fravær på en anden pc "
            f"eller et backupprogram). {kept} Luk det andet program, og prøv igen."
        )
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN")):
        return (
            "Fravær kan ikke længere skrive i virksomhedsfilen (måske er drevet koblet fra eller "
            f"blevet skrivebeskyttet). {kept} Luk programmet, og åbn filen igen."
        )
    if name.startswith("SQLITE_FULL"):
        return (
            f"Der er ikke mere plads på drevet med virksomhedsfilen. {kept} Gør plads, og prøv "
            "igen."
        )
    return None


def upgrade_notice(db: CompanyDatabase) -> str | None:
    """What to tell the user after opening a file that was upgraded (None: it was not)."""
    if db.upgrade_copy is None:
        return None
    return (
        "Filen er opgraderet til denne version af Fravær. Kopien fra før ligger i mappen "
        f"'{db.upgrade_copy.parent}'."
    )


def _upgrade(
    db: CompanyDatabase, file_path: Path | None, backup_folder: Path | None
) -> Path | None:
    """Apply pending migrations, after a safety copy of an existing file; returns the copy
    (None when nothing was pending, or for a new file, which needs no copy)."""
    applied = set(applied_migration_names(db.conn))
    if all(name in applied for name in known_migration_names()):
        return None
    migrations = schema_migrations()
    copy, copy_note = None, ""
    if file_path is not None and schema_version(db) > 0:
        # The chosen folder of the backups when it is there (the USB stick may be out: the
        # copy must be taken all the same, so then beside the file).
        folder = backup_folder if backup_folder is not None and backup_folder.is_dir() else None
        where = f"'{folder}'" if folder else f"'{SAFETY_COPY_FOLDER}' ved siden af den"
        try:
            copy = take_safety_copy(
                db, file_path, reason=f"{UPGRADE_COPY_REASON}{schema_version(db)}", folder=folder
            )
        except (OSError, sqlite3.OperationalError) as error:  # e.g. the drive is full
            raise UpgradeError(
                f"Filen '{file_path}' skal opgraderes til denne version af Fravær, men først "
                f"skal der tages en kopi i mappen {where}, og det kunne ikke lade sig gøre "
                f"({copy_problem(error)}). Sørg for, at du kan skrive i mappen, og at der er "
                "plads på drevet, og prøv igen. Filen er ikke ændret."
            ) from error
        copy_note = f" En kopi fra før opgraderingen ligger i mappen {where}."
    try:
        migrations.apply(db.utils)
    except Exception as error:
        raise UpgradeError(
            f"Filen '{file_path}' kunne ikke opgraderes til denne version af Fravær. "
            f"Filen er ikke ændret.{copy_note} (Teknisk: {error})"
        ) from error
    if copy is not None:
        prune_safety_copies(file_path, keeping=copy, folder=copy.parent)
    return copy


def _close_quietly(conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        try:
            conn.close()
        except sqlite3.Error:
            pass


def take_safety_copy(
    db: CompanyDatabase, file_path: Path, reason: str, folder: Path | None = None
) -> Path:
    """Copy the open database into `folder` (default: the backup folder beside the file)."""
    # Imported here: setting up its dataclasses costs ~3 ms of every start.
    from fravaer_desktop.storage.backup_folder import take_copy

    folder = folder or file_path.parent / SAFETY_COPY_FOLDER
    return take_copy(db.conn, file_path, folder, reason, datetime.now(), key=db.key)


def safety_copies(file_path: Path, folder: Path | None = None) -> list[Path]:
    """The copies of this company file taken before an upgrade, oldest first (by the time in
    their names), in `folder` (default: the backup folder beside the file)."""
    folder = folder or file_path.parent / SAFETY_COPY_FOLDER
    if not folder.is_dir():
        return []
    prefix = f"{file_path.stem}-{UPGRADE_COPY_REASON}"
    copies = [
        path for path in folder.iterdir()
        if path.name.startswith(prefix) and path.suffix == ".sqlite"
    ]  # fmt: skip
    return sorted(copies, key=lambda copy: (copy.stem[-15:], copy.name))  # ...-YYYYmmdd-HHMMSS


def prune_safety_copies(
    file_path: Path,
    keep: int = SAFETY_COPIES_KEPT,
    keeping: Path | None = None,
    folder: Path | None = None,
) -> list[Path]:
    """Delete all but the newest `keep` safety copies of the file; returns the deleted ones.

    `keeping` (the copy just taken) is never deleted, also when older copies carry later times
    in their names (a clock that was ahead). Half-written copies left by a killed program
    (".delvis") are deleted too: they hold staff data. A copy that cannot be deleted (in use,
    no rights) is left for the next upgrade.
    """
    folder = folder or file_path.parent / SAFETY_COPY_FOLDER
    copies = [copy for copy in safety_copies(file_path, folder) if copy != keeping]
    kept_besides = 1 if keeping is not None else 0
    doomed = copies[: max(0, len(copies) - (keep - kept_besides))]
    prefix = f"{file_path.stem}-{UPGRADE_COPY_REASON}"
    partial = [p for p in folder.glob(f"{prefix}*.sqlite.delvis")] if folder.is_dir() else []
    deleted = []
    for copy in doomed + partial:
        try:
            for part in (copy, *(copy.with_name(copy.name + s) for s in COMPANION_FILES)):
                part.unlink(missing_ok=True)
        except OSError:
            continue
        deleted.append(copy)
    return deleted


def _check_path(file_path: Path, create: bool) -> None:
    try:
        _check_path_exists(file_path, create)
    except OSError as error:  # e.g. a folder the user may not look into
        no_access = error.errno in (errno.EACCES, errno.EPERM)
        reason = "du har ikke adgang til mappen, den ligger i" if no_access else file_problem(error)
        raise DatabaseOpenError(
            f"Fravær kan ikke komme til '{file_path}': {reason}. Vælg en fil i en mappe, du har "
            "adgang til (fx Dokumenter)."
        ) from error


def _check_path_exists(file_path: Path, create: bool) -> None:
    if file_path.is_dir():
        raise DatabaseOpenError(f"'{file_path}' er en mappe, ikke en Fravær-fil. Vælg en fil.")
    if file_path.is_file() and not os.access(file_path, os.W_OK):
        raise DatabaseOpenError(
            f"Filen '{file_path}' er skrivebeskyttet, så Fravær kan ikke gemme noget i den. "
            "Kopier filen til en mappe, du kan skrive i (fx Dokumenter), og åbn kopien. "
            "Filen er ikke ændret."
        )
    if not create and file_path.is_file() and file_path.stat().st_size == 0:
        raise DatabaseOpenError(
            f"Filen '{file_path}' er tom: der er ingen virksomhed i den. Vælg en anden fil."
        )
    if not file_path.exists():
        if not create:
            raise DatabaseOpenError(f"Filen '{file_path}' findes ikke. Tjek stien.")
        if not file_path.parent.exists():
            try:
                file_path.parent.mkdir(parents=True)
            except OSError as error:
                raise DatabaseOpenError(
                    f"Mappen '{file_path.parent}' kan ikke oprettes: {file_problem(error)}."
                ) from error


def _configure(db: CompanyDatabase, *, wal: bool) -> None:
    conn = db.conn
    db.wal_mode = wal
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA recursive_triggers = ON")  # as sqlite-utils' Database sets it
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed change survives a power cut, not only a killed process.
    conn.execute("PRAGMA synchronous = FULL")
    # Deleted rows (a person's absence) are overwritten, not left readable in free pages.
    conn.execute("PRAGMA secure_delete = ON")


def _refuse_foreign_file(db: CompanyDatabase, file_path: Path | None) -> None:
    """Refuse a database made by another program: Fravær would add its tables to it.

    A file holding nothing but sqlite-utils' empty record of migrations is new: its creation
    stopped (a killed start) after that table was committed and before the first migration.
    """
    if applied_migration_names(db.conn):
        return
    others = db.read(
        "SELECT COUNT(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> ?",
        (MIGRATIONS_TABLE,),
    ).fetchone()[0]
    if others == 0 and not _has_migration_records(db):
        return
    raise DatabaseOpenError(
        f"Filen '{file_path}' er en database fra et andet program, ikke en Fravær-fil. "
        "Vælg en Fravær-fil, eller skriv et nyt filnavn for at oprette en. "
        "Filen er ikke ændret."
    )


def _refuse_company_file(db: CompanyDatabase, file_path: Path | None) -> None:
    """Refuse a file that already holds a company or employees (every schema has both tables)."""
    tables = {row[0] for row in db.read("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in ("company", "employees"):
        if table in tables and db.read(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            raise DatabaseOpenError(NOT_EMPTY_FOR_DEMO.format(file=file_path))


#: Said when the demo company is asked for in a file that already holds a company.
NOT_EMPTY_FOR_DEMO = (
    "Filen '{file}' indeholder allerede en virksomhed. Demovirksomheden kan kun lægges i en ny "
    "eller tom fil: skriv et nyt filnavn, og prøv igen. Filen er ikke ændret."
)


def _has_migration_records(db: CompanyDatabase) -> bool:
    exists = db.read(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone()
    return bool(exists and db.read(f"SELECT 1 FROM {MIGRATIONS_TABLE} LIMIT 1").fetchone())


def _refuse_newer_schema(db: CompanyDatabase, file_path: Path | None) -> None:
    known = set(known_migration_names())
    unknown = [name for name in applied_migration_names(db.conn) if name not in known]
    if unknown:
        raise SchemaTooNewError(
            f"Filen '{file_path}' er gemt af en nyere version af Fravær end den, du bruger. "
            "Installer den nyeste version af Fravær for at åbne den. Filen er ikke ændret."
        )
