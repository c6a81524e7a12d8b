"""Open a company file: connection settings, schema checks, a safety copy, then migrations."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from fravaer_desktop.storage.backup import backup_database
from fravaer_desktop.storage.migrations import known_migration_names, migrations

SAFETY_COPY_FOLDER = "sikkerhedskopier"


class DatabaseOpenError(Exception):
    """The file cannot be used; `str(error)` is a Danish message for the user."""


class UpgradeError(DatabaseOpenError):
    """A migration failed; it was rolled back, so the file is as it was."""


class SchemaTooNewError(DatabaseOpenError):
    """The file was written by a newer version of Fravær."""


def schema_version(db: Database) -> int:
    """Number of schema migrations applied to the file (0 for a new file)."""
    return len(migrations.applied(db))


def open_database(path: str | Path, *, create: bool = True) -> Database:
    """Open (or create) a company file and bring its schema up to date.

    Takes a safety copy of an existing file before any pending migration runs, and refuses a
    file whose schema is newer than this program knows.
    """
    memory = str(path) == ":memory:"
    file_path = None if memory else Path(path)
    if file_path is not None:
        _check_path(file_path, create)
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(":memory:" if memory else str(file_path), timeout=10)
        # No sqlite-utils plugins: looking for them reads every installed distribution's entry
        # points (~25 ms of each start), and none may touch a file with health-related data.
        db = Database(conn, execute_plugins=False)
        # Check before _configure: switching a file to WAL rewrites its header, and a refused
        # file must stay exactly as it was.
        _refuse_newer_schema(db, file_path)
        _configure(conn, wal=not memory)
        _upgrade(db, file_path)
    except sqlite3.DatabaseError as error:
        _close_quietly(conn)
        raise DatabaseOpenError(
            f"Filen '{path}' kan ikke åbnes som en Fravær-fil. Den er måske beskadiget eller "
            f"ikke en database. Åbn en sikkerhedskopi i stedet. (Teknisk: {error})"
        ) from error
    except BaseException:
        # Release the file (and its -wal/-shm companions) when it is refused.
        _close_quietly(conn)
        raise
    return db


def _upgrade(db: Database, file_path: Path | None) -> None:
    """Apply pending migrations, after a safety copy of an existing file."""
    if not migrations.pending(db):
        return
    copy_note = ""
    if file_path is not None and schema_version(db) > 0:
        take_safety_copy(db, file_path, reason=f"foer-opgradering-v{schema_version(db)}")
        copy_note = f" En kopi fra før opgraderingen ligger i mappen '{SAFETY_COPY_FOLDER}'."
    try:
        migrations.apply(db)
    except Exception as error:
        raise UpgradeError(
            f"Filen '{file_path}' kunne ikke opgraderes til denne version af Fravær. "
            f"Filen er ikke ændret.{copy_note} (Teknisk: {error})"
        ) from error


def _close_quietly(conn: sqlite3.Connection | None) -> None:
    if conn is not None:
        try:
            conn.close()
        except sqlite3.Error:
            pass


def take_safety_copy(db: Database, file_path: Path, reason: str) -> Path:
    """Copy the open database into the safety-copy folder beside the file."""
    folder = file_path.parent / SAFETY_COPY_FOLDER
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{file_path.stem}-{reason}-{stamp}.sqlite"
    return backup_database(db, target)


def _check_path(file_path: Path, create: bool) -> None:
    if file_path.is_dir():
        raise DatabaseOpenError(f"'{file_path}' er en mappe, ikke en Fravær-fil. Vælg en fil.")
    if not file_path.exists():
        if not create:
            raise DatabaseOpenError(f"Filen '{file_path}' findes ikke. Tjek stien.")
        if not file_path.parent.exists():
            try:
                file_path.parent.mkdir(parents=True)
            except OSError as error:
                raise DatabaseOpenError(
                    f"Mappen '{file_path.parent}' kan ikke oprettes: {error.strerror}."
                ) from error


def _configure(conn: sqlite3.Connection, *, wal: bool) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed change survives a power cut, not only a killed process.
    conn.execute("PRAGMA synchronous = FULL")


def _refuse_newer_schema(db: Database, file_path: Path | None) -> None:
    known = set(known_migration_names())
    unknown = [m.name for m in migrations.applied(db) if m.name not in known]
    if unknown:
        raise SchemaTooNewError(
            f"Filen '{file_path}' er gemt af en nyere version af Fravær end den, du bruger. "
            "Installer den nyeste version af Fravær for at åbne den. Filen er ikke ændret."
        )
