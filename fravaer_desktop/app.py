"""Composition root: command line, opening the company file, and starting the window."""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from fravaer_desktop import APP_NAME, __version__, start_up_gc
from fravaer_desktop.danish_argparse import DanishArgumentParser
from fravaer_desktop.paths import (
    MachineSettings,
    default_database_path,
    remove_demo_folder,
    temporary_demo_path,
)

# The company file's modules are imported once the command line is read: a window start first
# launches the overview worker (decision 0012), which then loads them in parallel.
if TYPE_CHECKING:
    from fravaer_desktop.overview_prefetch import OverviewPrefetch
    from fravaer_desktop.storage.file_lock import FileLock
    from fravaer_desktop.storage.repositories import Store

EXIT_OK = 0
EXIT_FILE_ERROR = 2


EXPORT_NEEDS_FOLDER = "skal have en mappe at gemme dokumenterne i, fx --export Papirarkiv"
SELF_TEST_ALONE = (
    "--self-test bruger sin egen midlertidige fil og kan ikke bruges sammen med --db, --demo "
    "eller --export"
)


def _folder(text: str) -> Path:
    """--export's folder. An empty value is refused: Path("") would quietly mean the folder
    the program was started in."""
    if not text.strip():
        raise argparse.ArgumentTypeError(EXPORT_NEEDS_FOLDER)
    return Path(text)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = DanishArgumentParser(
        prog="fravaer", description=f"{APP_NAME}: opfølgning på sygefravær for små virksomheder."
    )
    options = parser.options
    options.add_argument(
        "--db", type=Path, metavar="FIL", help="åbn denne virksomhedsfil i stedet for standardfilen"
    )
    options.add_argument(
        "--demo", action="store_true",
        help="fyld en ny fil med en demovirksomhed (--db-filen, ellers en midlertidig fil)",
    )  # fmt: skip
    options.add_argument(
        "--export", type=_folder, metavar="MAPPE",
        help="gem alle virksomhedens dokumenter som PDF i MAPPE uden at åbne et vindue",
    )  # fmt: skip
    options.add_argument(
        "--self-test", action="store_true", help="kontroller installationen og afslut"
    )
    options.add_argument(
        "--version", action="version", version=f"{APP_NAME} {__version__}",
        help="vis programmets version og afslut",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.self_test and (args.db or args.demo or args.export):
        parser.error(SELF_TEST_ALONE)
    return args


def open_store(
    path: Path,
    *,
    demo: bool,
    create: bool,
    today: date,
    backup_folder: Path | None = None,
    key: str | None = None,
) -> Store:
    """Open a company file; with `demo`, fill the (new, empty) file with the demo company.

    `backup_folder`: the folder chosen on this computer for the file's backups (the copy before
    an upgrade goes there when it is there). `key`: the password of a locked file."""
    from fravaer_desktop.storage.database import DatabaseOpenError, open_database
    from fravaer_desktop.storage.repositories import Store

    store = Store(
        open_database(
            path, create=create or demo, empty_only=demo, backup_folder=backup_folder, key=key
        )
    )
    if demo:
        from fravaer_desktop.storage.demo import populate_demo_company

        try:
            populate_demo_company(store, today)
        except ValueError as error:
            raise DatabaseOpenError(str(error)) from error
    return store


#: --demo into a file another Fravær has open (the demo needs an empty file to write in).
DEMO_IN_OPEN_FILE = (
    "Filen '{file}' er åben i et andet Fravær, så demovirksomheden kan ikke lægges i den. "
    "Filen er ikke ændret."
)


def open_company_file(
    path: Path,
    *,
    create: bool,
    today: date,
    backup_folder: Path | None = None,
    demo: bool = False,
    file_lock: FileLock | None = None,
    key: str | None = None,
) -> Store:
    """Open a company file as this program may use it (decision 0020): for writing when it
    holds the file's lock, else read-only, because another Fravær has the file open.

    Takes the lock unless `file_lock` (already held, e.g. across a restore) is given; the
    lock is kept on `store.db.file_lock` and released by whoever closes the file for good.
    `key`: the password of a locked file (decision 0022).
    """
    from fravaer_desktop.storage.database import DatabaseOpenError, open_database
    from fravaer_desktop.storage.file_lock import take_file_lock
    from fravaer_desktop.storage.repositories import Store

    lock = file_lock if file_lock is not None else take_file_lock(path)
    try:
        if lock.owned:
            store = open_store(path, demo=demo, create=create, today=today,
                               backup_folder=backup_folder, key=key)  # fmt: skip
        elif demo:
            raise DatabaseOpenError(DEMO_IN_OPEN_FILE.format(file=path))
        else:
            store = Store(open_database(path, read_only=True, key=key))
    except BaseException:
        if file_lock is None:
            lock.release()
        raise
    store.db.file_lock = lock
    return store


def run_self_test() -> int:
    """Open and migrate a temporary database, render one PDF, and report."""
    from fravaer_desktop.services.archive import export_archive

    with tempfile.TemporaryDirectory(prefix="fravaer-selvtest-") as folder:
        store = open_store(
            Path(folder) / "selvtest.sqlite", demo=True, create=True, today=date.today()
        )
        files = export_archive(store, Path(folder) / "pdf", date.today())
        if not files or not files[0].read_bytes().startswith(b"%PDF"):
            print("Selvtest fejlede: der blev ikke lavet en PDF.", file=sys.stderr)
            return 1
        store.db.close()
        _self_test_password(Path(folder) / "selvtest.sqlite")
    print(
        f"Selvtest gennemført: database oprettet og opgraderet, {len(files)} PDF'er lavet, "
        "låst med adgangskode og åbnet igen."
    )
    return EXIT_OK


def _self_test_password(path: Path) -> None:
    """The bundle holds SQLCipher: lock the self-test's file, and open it with the password
    only (decision 0022)."""
    from fravaer_desktop.storage.database import WrongPasswordError, open_database
    from fravaer_desktop.storage.password import change_password

    change_password(path, None, "selvtest")
    try:
        open_database(path, create=False, key="forkert").close()
    except WrongPasswordError:
        pass
    else:
        raise RuntimeError("Selvtest fejlede: den låste fil åbnede med en forkert adgangskode.")
    db = open_database(path, create=False, key="selvtest")
    db.rows("SELECT * FROM employees")
    db.close()


#: --export of a locked file: how many passwords are asked for before it gives up.
PASSWORD_TRIES = 3


def read_password(path: Path) -> str:
    """The password of the locked file `path`, typed in the terminal (not shown), or the first
    line of the standard input when it is not a terminal (a script: `echo ... | fravaer`)."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"Adgangskode til '{path}': ")
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def open_for_export(args: argparse.Namespace, path: Path, chosen: Path | None) -> Store:
    """The file for --export; a locked one with the password from the terminal (three tries)."""
    from fravaer_desktop.storage.cipher import is_encrypted
    from fravaer_desktop.storage.database import WrongPasswordError

    key = None if args.demo or not is_encrypted(path) else read_password(path)
    for attempt in range(1, PASSWORD_TRIES + 1):
        try:
            # Read-only when another Fravær has the file open: the export only reads.
            return open_company_file(path, demo=args.demo, create=False, today=date.today(),
                                     backup_folder=chosen, key=key)  # fmt: skip
        except WrongPasswordError as error:
            if attempt == PASSWORD_TRIES or not key:
                raise
            print(str(error), file=sys.stderr)
            key = read_password(path)
    raise AssertionError("unreachable")


def run_export(args: argparse.Namespace) -> int:
    throw_away = args.db is None and args.demo  # the demo company exists only for this export
    path = args.db or (temporary_demo_path() if args.demo else default_database_path())
    try:
        chosen = MachineSettings.of_this_machine().backup_folder(path)
        store = open_for_export(args, path, chosen)
        try:
            return _export_store(args, path, store)
        finally:
            store.db.close()
            store.db.file_lock.release()
    finally:
        if throw_away:
            remove_demo_folder(path)


def _export_store(args: argparse.Namespace, path: Path, store: Store) -> int:
    from fravaer_desktop.core.danish import counted, file_problem
    from fravaer_desktop.services.archive import export_archive
    from fravaer_desktop.storage.database import upgrade_notice

    notice = upgrade_notice(store.db)
    if notice is not None:
        print(notice)
    try:
        files = export_archive(store, args.export, date.today())
    except ValueError as error:
        print(f"Eksporten mislykkedes: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        where = f" ('{error.filename}')" if error.filename else ""
        print(f"Eksporten mislykkedes{where}: {file_problem(error)}.", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as error:  # damage found while reading, past the first page
        print(
            f"Eksporten mislykkedes: filen '{path}' er beskadiget og kan ikke læses helt. Åbn "
            f"en sikkerhedskopi i stedet. (Teknisk: {error})",
            file=sys.stderr,
        )
        return EXIT_FILE_ERROR
    print(f"{counted(len(files), 'dokument', 'dokumenter')} gemt i {args.export}")
    return EXIT_OK


def prepare_window_start(args: argparse.Namespace) -> OverviewPrefetch | None:
    """What the window start does before it imports PySide6; returns the worker working out
    today's overview of the file to open, if one was started (decision 0012).

    The garbage collector is paused until the window is painted (decision 0008). When a new
    company file will be written first (the demo, or a --db file that does not exist yet), the
    migrations and sqlite-utils are imported now: after PySide6, whose import hook looks at
    every later import, the same import takes ~8 ms longer. When an existing file will be
    opened, a second process works out its overview while this one loads PySide6.
    """
    start_up_gc.pause()
    target = args.db or default_database_path()
    if args.demo or not os.path.exists(target):  # never raises; opening the file says why
        import fravaer_desktop.storage.migrations  # noqa: F401

        return None
    from fravaer_desktop.storage.cipher import is_encrypted

    if is_encrypted(target):  # the password is asked first; no worker (decision 0022)
        return None
    from fravaer_desktop.overview_prefetch import OverviewPrefetch

    prefetch = OverviewPrefetch.start(Path(target), date.today())
    import fravaer_desktop.storage.repositories  # noqa: F401  (while the worker starts)

    return prefetch


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    window_start = not args.self_test and args.export is None
    prefetch = prepare_window_start(args) if window_start else None
    from fravaer_desktop.storage.database import DatabaseOpenError

    try:
        if args.self_test:
            return run_self_test()
        if args.export is not None:
            return run_export(args)
        from fravaer_desktop.ui.launch import run_gui

        return run_gui(args, prefetch)
    except DatabaseOpenError as error:
        print(str(error), file=sys.stderr)
        return EXIT_FILE_ERROR
    finally:
        if prefetch is not None:  # normally done by now; not when the start failed early
            prefetch.discard()
        start_up_gc.resume()
