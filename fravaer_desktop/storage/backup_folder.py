"""The automatic backups of a company file: where they go, their names, the daily copy, rotation.

Every copy is named `<file>-<kind>-<YYYYmmdd-HHMMSS>.sqlite` after the company file it is a
copy of, so one folder (a USB stick) can hold the copies of several company files. Kinds: the
daily copy taken when Fravær opens, the copy taken before an upgrade, and the company file as
it was before a copy was restored over it. Decision 0017 explains the rotation.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from fravaer_desktop.storage.backup import (
    COMPANION_SUFFIXES,
    DEFAULT_FOLDER_NAME,
    UPGRADE,
    integrity_problem,
    write_copy,
)
from fravaer_desktop.storage.cipher import check_key, connect, is_encrypted
from fravaer_desktop.storage.schema import MIGRATION_NAMES, applied_migration_names

DAILY = "dagligt"
BEFORE_RESTORE = "foer-gendannelse"
OTHER_FILE = "anden-fil"  # a copy the user picked elsewhere (never in a name)
#: Rotation of the daily copies (decision 0017): the newest copy of each of the 7 newest days
#: with a copy, and the newest of each of the 4 newest ISO weeks with a copy.
KEEP_DAILY = 7
KEEP_WEEKLY = 4
_STAMP = "%Y%m%d-%H%M%S"
_STAMP_LENGTH = 15


@dataclass(frozen=True)
class BackupCopy:
    """One copy of a company file, as its name tells."""

    path: Path
    kind: str  # DAILY, BEFORE_RESTORE, or UPGRADE + version
    taken_at: datetime

    @property
    def kind_text(self) -> str:
        """What the copy is, in Danish."""
        if self.kind == DAILY:
            return "Automatisk kopi"
        if self.kind == BEFORE_RESTORE:
            return "Filen før en gendannelse"
        if self.kind == OTHER_FILE:
            return "Valgt fil"
        return "Før opgradering af programmet"


def default_backup_folder(company_file: Path) -> Path:
    return company_file.parent / DEFAULT_FOLDER_NAME


def copy_name(company_file: Path, kind: str, when: datetime) -> str:
    return f"{company_file.stem}-{kind}-{when.strftime(_STAMP)}.sqlite"


def parse_copy(company_file: Path, path: Path) -> BackupCopy | None:
    """The copy `path` is, if it is a copy of `company_file` (by its name); else None."""
    prefix = f"{company_file.stem}-"
    name = path.name
    if not name.startswith(prefix) or path.suffix != ".sqlite":
        return None
    middle = name[len(prefix) : -len(".sqlite")]
    kind, stamp = middle[: -_STAMP_LENGTH - 1], middle[-_STAMP_LENGTH:]
    if middle[-_STAMP_LENGTH - 1 : -_STAMP_LENGTH] != "-":
        return None
    if kind not in (DAILY, BEFORE_RESTORE) and not (
        kind.startswith(UPGRADE) and kind[len(UPGRADE) :].isdigit()
    ):
        return None
    try:
        taken_at = datetime.strptime(stamp, _STAMP)
    except ValueError:
        return None
    return BackupCopy(path, kind, taken_at)


def copies_in(company_file: Path, folder: Path, kind: str | None = None) -> list[BackupCopy]:
    """The copies of `company_file` in `folder` (of one `kind` if given), newest first."""
    try:
        paths = list(folder.iterdir()) if folder.is_dir() else []
    except OSError:  # a network folder that is gone, no rights
        return []
    copies = [c for c in (parse_copy(company_file, p) for p in paths) if c is not None]
    if kind is not None:
        copies = [c for c in copies if c.kind == kind]
    return sorted(copies, key=lambda c: (c.taken_at, c.path.name), reverse=True)


def all_copies(company_file: Path, folders: list[Path]) -> list[BackupCopy]:
    """The copies in every folder (the chosen one, the default one, the company's own folder
    where the file as it was before a restore is kept), newest first."""
    seen: set[Path] = set()
    found: list[BackupCopy] = []
    for folder in folders:
        for copy in copies_in(company_file, folder):
            if copy.path.resolve() not in seen:
                seen.add(copy.path.resolve())
                found.append(copy)
    return sorted(found, key=lambda c: (c.taken_at, c.path.name), reverse=True)


def folders_with_copies(company_file: Path, chosen: Path | None) -> list[Path]:
    """Where copies of the file can be: the chosen folder, the default one beside the file, and
    the file's own folder (the file as it was before a restore)."""
    folders = [default_backup_folder(company_file), company_file.parent]
    return [chosen, *folders] if chosen is not None else folders


def copies_to_keep(
    stamps: list[datetime], daily: int = KEEP_DAILY, weekly: int = KEEP_WEEKLY
) -> set[datetime]:
    """Which of the daily copies' times the rotation keeps: the newest of each of the `daily`
    newest days that have a copy, and the newest of each of the `weekly` newest ISO weeks that
    have one. Days without a copy (Fravær was not opened) use up nothing, so a break of a month
    never deletes the copies from before it."""
    keep: set[datetime] = set()
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    for stamp in sorted(stamps, reverse=True):
        day, week = stamp.date(), stamp.isocalendar()[:2]
        if day not in days and len(days) < daily:
            days.add(day)
            keep.add(stamp)
        if week not in weeks and len(weeks) < weekly:
            weeks.add(week)
            keep.add(stamp)
    return keep


def delete_copy(path: Path) -> bool:
    """Delete a copy (and anything SQLite left beside it); False when it cannot be deleted now
    (in use, no rights): it is tried again at the next rotation."""
    try:
        for part in (path, *(Path(f"{path}{suffix}") for suffix in COMPANION_SUFFIXES)):
            part.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def rotate_daily_copies(company_file: Path, folder: Path) -> list[Path]:
    """Delete the daily copies the rotation does not keep, and half-written copies left by a
    program that was stopped; returns the deleted ones."""
    daily = copies_in(company_file, folder, DAILY)
    keep = copies_to_keep([c.taken_at for c in daily])
    doomed = [c.path for c in daily if c.taken_at not in keep]
    doomed += list(folder.glob(f"{company_file.stem}-{DAILY}-*.sqlite.delvis"))
    return [path for path in doomed if delete_copy(path)]


def take_copy(source: sqlite3.Connection, company_file: Path, folder: Path, kind: str,
              now: datetime, key: str | None = None) -> Path:  # fmt: skip
    """Write a copy of the database open on `source` into `folder` (locked with `key`, the
    password of a locked file, decision 0022)."""
    return write_copy(source, folder / copy_name(company_file, kind, now), key=key)


@dataclass(frozen=True)
class OpeningCheck:
    """What the check at opening found: a damaged file (`damage`: SQLite's words, for the log),
    else the daily copy it took (`copy`), or why it took none (`copy_problem`, Danish)."""

    damage: str | None = None
    copy: Path | None = None
    copy_problem: str | None = None


def check_and_back_up(company_file: Path, folder: Path, now: datetime, *,
                      folder_is_chosen: bool, key: str | None = None) -> OpeningCheck:  # fmt: skip
    """The check at opening, on a connection of its own (it runs off the window's thread):
    SQLite's quick integrity check, then, if the file is sound and there is no daily copy from
    today yet, a copy into `folder` and the rotation. A damaged file is never copied: its copy
    would push a good one out of the rotation.

    A chosen folder that is not there (the USB stick is not in) is not created: the copy is
    taken at the next opening instead. `key`: the password of a locked file; the copy is
    locked with it.
    """
    locked = is_encrypted(company_file)
    if locked and key is None:
        return OpeningCheck(copy_problem="filen er låst med en adgangskode")
    key = key if locked else None
    source = connect(f"file:{company_file}?mode=ro", key, uri=True, timeout=10)
    try:
        damage = integrity_problem(source)
        if damage is not None:
            return OpeningCheck(damage=damage)
        newest = copies_in(company_file, folder, DAILY)
        if newest and newest[0].taken_at.date() == now.date():
            return OpeningCheck()
        if folder_is_chosen and not folder.is_dir():
            return OpeningCheck(copy_problem=missing_folder_text(folder))
        try:
            copy = take_copy(source, company_file, folder, DAILY, now, key)
        except (OSError, sqlite3.Error) as error:
            from fravaer_desktop.storage.backup import copy_problem

            return OpeningCheck(copy_problem=copy_problem(error))
        rotate_daily_copies(company_file, folder)
        return OpeningCheck(copy=copy)
    finally:
        source.close()


def missing_folder_text(folder: Path) -> str:
    return f"mappen '{folder}' findes ikke lige nu (er USB-stikket eller netværksdrevet sat til?)"


@dataclass(frozen=True)
class CopySummary:
    """What a copy holds, for the list of copies and the preview. `problem` (Danish) when it
    cannot be used."""

    path: Path
    company_name: str = ""
    employees: int = 0
    absences: int = 0
    newest_absence: date | None = None
    problem: str | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None


#: A copy locked with a password (decision 0022) that the open file's password does not open.
LOCKED_COPY = "Kopien er låst med en adgangskode, som ikke er den, filen har nu."
LOCKED_COPY_NO_KEY = "Kopien er låst med en adgangskode. Åbn den låste fil for at gendanne den."


def open_copy(path: Path, key: str | None) -> sqlite3.Connection | str:
    """A read-only connection to a copy (locked ones with `key`), or why there is none
    (Danish)."""
    locked = is_encrypted(path)
    if locked and key is None:
        return LOCKED_COPY_NO_KEY
    try:
        conn = connect(f"file:{path}?mode=ro", key if locked else None, uri=True)
    except sqlite3.Error:
        return "Filen kan ikke åbnes."
    try:
        if locked and not check_key(conn):
            conn.close()
            return LOCKED_COPY
    except sqlite3.DatabaseError:
        conn.close()
        return DAMAGED_COPY
    return conn


def summarize(path: Path, *, check: bool = False, key: str | None = None) -> CopySummary:
    """Open a copy read-only and count what it holds; with `check`, SQLite's quick integrity
    check first. `key`: the open file's password, for copies locked with it. Never raises for
    a bad copy: `problem` says what is wrong."""
    conn = open_copy(path, key)
    if isinstance(conn, str):
        return CopySummary(path, problem=conn)
    try:
        return _summarize(conn, path, check)
    except sqlite3.DatabaseError:
        return CopySummary(path, problem=DAMAGED_COPY)
    finally:
        conn.close()


DAMAGED_COPY = "Kopien er beskadiget og kan ikke bruges."


def _summarize(conn: sqlite3.Connection, path: Path, check: bool) -> CopySummary:
    if check and integrity_problem(conn) is not None:
        return CopySummary(path, problem=DAMAGED_COPY)
    applied = applied_migration_names(conn)
    if not applied:
        return CopySummary(path, problem="Filen er ikke en Fravær-fil.")
    if any(name not in MIGRATION_NAMES for name in applied):
        return CopySummary(path, problem="Kopien er gemt af en nyere version af Fravær.")
    company = conn.execute("SELECT name FROM company").fetchone()
    employees = conn.execute("SELECT COUNT(*) FROM employees").fetchone()[0]
    absences, newest = conn.execute(
        "SELECT COUNT(*), MAX(first_day) FROM absence_spells"
    ).fetchone()
    return CopySummary(
        path,
        company_name=company[0] if company else "",
        employees=employees,
        absences=absences,
        newest_absence=date.fromisoformat(newest) if newest else None,
    )


@dataclass(frozen=True)
class CopyPreview:
    """A closer look at one copy before it is restored: its people and its newest absence."""

    summary: CopySummary
    employee_names: list[str]
    newest_absences: list[tuple[str, date, date | None]]  # name, first day, last day


def preview(path: Path, newest: int = 5, key: str | None = None) -> CopyPreview:
    """The copy's summary (integrity checked), the names of its employees (current first) and
    its `newest` absences. A copy that cannot be used has no names and no absences."""
    summary = summarize(path, check=True, key=key)
    if not summary.usable:
        return CopyPreview(summary, [], [])
    conn = open_copy(path, key)
    if isinstance(conn, str):
        return CopyPreview(CopySummary(path, problem=conn), [], [])
    try:
        names = [
            name for (name,) in conn.execute(
                "SELECT name FROM employees ORDER BY employed_to IS NOT NULL, name"
            )
        ]  # fmt: skip
        rows = conn.execute(
            "SELECT e.name, s.first_day, s.last_day FROM absence_spells s "
            "JOIN employees e ON e.id = s.employee_id ORDER BY s.first_day DESC, s.id DESC "
            "LIMIT ?",
            (newest,),
        ).fetchall()
    except sqlite3.DatabaseError:
        return CopyPreview(CopySummary(path, problem=DAMAGED_COPY), [], [])
    finally:
        conn.close()
    absences = [
        (name, date.fromisoformat(first), date.fromisoformat(last) if last else None)
        for name, first, last in rows
    ]
    return CopyPreview(summary, names, absences)


def newest_good_copy(
    copies: list[BackupCopy], key: str | None = None
) -> tuple[BackupCopy, CopySummary] | None:
    """The newest copy that passes the integrity check and opens as a Fravær file (locked
    copies with `key`)."""
    for copy in copies:
        summary = summarize(copy.path, check=True, key=key)
        if summary.usable:
            return copy, summary
    return None
