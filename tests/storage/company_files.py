"""Test helpers: real company files on disk, damaged as a failing disk would, read by table."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from fravaer_desktop.app import open_store

TODAY = date(2026, 11, 23)


def demo_file(path: Path) -> Path:
    """A closed company file at `path` holding the demo company."""
    open_store(path, demo=True, create=True, today=TODAY).db.close()
    return path


def damage(path: Path) -> None:
    """Overwrite the middle of the absence table's first page of a closed file, as a failing
    disk would: the file still opens, SQLite's integrity check finds the damage."""
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'absence_spells'"
    ).fetchone()[0]
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    with open(path, "r+b") as file:
        file.seek((root - 1) * page_size + 8)
        file.write(b"\xff\x13" * 200)


def damage_header(path: Path) -> None:
    """Overwrite the file's first bytes: SQLite no longer sees a database in it."""
    with open(path, "r+b") as file:
        file.write(b"ikke en database" * 8)


def every_table(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the file, read with plain SQLite."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]  # fmt: skip
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        conn.close()
