"""The optional password: SQLCipher connections to a locked company file (decision 0022).

A file without a password is opened with the standard library's sqlite3, exactly as before;
`sqlcipher3` is imported only when a file is locked. Connections to a locked file raise the
standard library's exception classes (sqlite3.DatabaseError, ...), so the code above them,
sqlite-utils included, catches the same errors for both kinds of file.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

#: The first 16 bytes of every plain SQLite database. A SQLCipher file starts with its random
#: salt instead: nothing in it is readable, not even that it is a database.
PLAIN_HEADER = b"SQLite format 3\x00"
#: SQLCipher pages are whole multiples of this (its smallest page size); a text file, a
#: document or a half-written file that merely is not a database rarely is.
_PAGE_MULTIPLE = 512
#: Distinct byte values in the first 1,024 bytes: ~251 for encrypted (random-looking) bytes,
#: far fewer for a plain database page (zeros and text) whose header was damaged.
_RANDOM_LOOKING = 200


def is_encrypted(path: str | Path) -> bool:
    """The file looks like a password-locked company file: not a plain SQLite file, made of
    whole pages, and its first bytes look random (a plain file whose header a failing disk
    overwrote is a damaged file, not a locked one). Reads 1 KB; False for a missing, empty or
    unreadable file (opening it then says what is wrong)."""
    try:
        size = os.path.getsize(path)
        if size < _PAGE_MULTIPLE or size % _PAGE_MULTIPLE:
            return False
        with open(path, "rb") as file:
            start = file.read(1024)
    except OSError:
        return False
    return not start.startswith(PLAIN_HEADER) and len(set(start)) >= _RANDOM_LOOKING


def connect(database: str, key: str | None, **kwargs: Any) -> sqlite3.Connection:
    """A connection to `database` (a path, or a URI with uri=True): the standard library's
    when `key` is None, else a SQLCipher connection keyed with it. A wrong key is found at the
    first read (sqlite3.DatabaseError, SQLITE_NOTADB), see `check_key`."""
    if key is None:
        return sqlite3.connect(database, **kwargs)
    conn = sqlite3_cipher_connect(database, **kwargs)
    conn.execute(f"PRAGMA key = {quote(key)}")
    return conn


def check_key(conn: sqlite3.Connection) -> bool:
    """The key given to `conn` opens the file (False: a wrong password). SQLCipher derives
    the key from the password here (PBKDF2-HMAC-SHA512, 256,000 rounds: ~0.2 s)."""
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as error:
        if getattr(error, "sqlite_errorname", "") == "SQLITE_NOTADB":
            return False
        raise
    return True


def key_opens(path: Path, key: str) -> bool:
    """The password `key` opens the locked file `path` (read-only, nothing is changed)."""
    conn = connect(f"{path.resolve().as_uri()}?mode=ro", key, uri=True)
    try:
        return check_key(conn)
    finally:
        conn.close()


def quote(text: str) -> str:
    """A SQL string literal (PRAGMA key takes no parameters)."""
    return "'" + text.replace("'", "''") + "'"


def export_copy(source: sqlite3.Connection, target: Path, key: str | None) -> None:
    """Write everything in the database open on `source` (a SQLCipher connection) into the new
    file `target`, encrypted with `key` (None or "": a plain file), with SQLCipher's
    sqlcipher_export. Used to lock, change and remove the password."""
    source.execute(f"ATTACH DATABASE {quote(str(target))} AS locked KEY {quote(key or '')}")
    try:
        source.execute("SELECT sqlcipher_export('locked')").fetchall()
    finally:
        source.execute("DETACH DATABASE locked")


def sqlite3_cipher_connect(database: str, **kwargs: Any) -> sqlite3.Connection:
    """A SQLCipher connection whose errors are the standard library's."""
    import sqlcipher3

    return sqlcipher3.connect(database, factory=_connection_class(), **kwargs)


_CLASSES: dict[str, type] = {}


def _connection_class() -> type:
    """sqlcipher3's Connection and Cursor, with every error turned into the standard library's
    exception of the same name (made once, when the first locked file is opened)."""
    if "connection" in _CLASSES:
        return _CLASSES["connection"]
    import sqlcipher3

    def translated(method):
        def call(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except sqlcipher3.Error as error:
                raise _standard_error(error) from error

        call.__name__ = method.__name__
        return call

    cursor_methods = ("execute", "executemany", "executescript", "fetchone", "fetchmany",
                      "fetchall", "__next__")  # fmt: skip
    cursor_class = type(
        "CipherCursor",
        (sqlcipher3.Cursor,),
        {name: translated(getattr(sqlcipher3.Cursor, name)) for name in cursor_methods},
    )

    def cursor(self, factory=cursor_class):
        return sqlcipher3.Connection.cursor(self, factory)

    connection_methods = ("execute", "executemany", "executescript", "commit", "rollback",
                          "backup", "close")  # fmt: skip
    attributes = {
        name: translated(getattr(sqlcipher3.Connection, name)) for name in connection_methods
    }
    attributes["cursor"] = translated(cursor)
    _CLASSES["connection"] = type("CipherConnection", (sqlcipher3.Connection,), attributes)
    return _CLASSES["connection"]


def _standard_error(error: Exception) -> sqlite3.Error:
    kind = getattr(sqlite3, type(error).__name__, sqlite3.DatabaseError)
    if not (isinstance(kind, type) and issubclass(kind, sqlite3.Error)):
        kind = sqlite3.DatabaseError
    standard = kind(*error.args)
    for name in ("sqlite_errorcode", "sqlite_errorname"):
        if hasattr(error, name):
            setattr(standard, name, getattr(error, name))
    return standard
