"""Consistent copies of an open company file through SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fravaer_desktop.storage.database import CompanyDatabase



def backup_database(db: CompanyDatabase, target: Path) -> Path:
    """Write a complete, consistent copy of `db` to `target` (replacing it) and return the path.

    The copy is written to a temporary name first and then renamed, so a half-written copy
    never stands under the final name.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".delvis")
    partial.unlink(missing_ok=True)
    destination = sqlite3.connect(str(partial))
    try:
        db.conn.backup(destination)
    finally:
        destination.close()
    partial.replace(target)
    return target
