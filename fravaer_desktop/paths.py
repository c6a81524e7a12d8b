"""Where resources and user data live, from source and from a frozen (PyInstaller) build."""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from platformdirs import user_data_path

from fravaer_desktop import APP_ID

DEFAULT_DATABASE_NAME = "virksomhed.sqlite"
#: Throw-away demo companies live in new folders with this prefix in the system's temp folder.
DEMO_FOLDER_PREFIX = "fravaer-demo-"
#: A demo folder untouched this long is left over from a Fravær that was killed or crashed.
STALE_DEMO_AGE_S = 2 * 24 * 3600


def resources_dir() -> Path:
    """The resource files (decision 0016): `resources/` inside the bundle when frozen, inside the
    package when installed from a wheel (`fravaer_desktop/resources`), else `resources/` beside
    the package (a source checkout or an editable install)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    package = Path(__file__).resolve().parent
    installed = package / "resources"
    if installed.is_dir():
        return installed
    return package.parent / "resources"


def resource(name: str) -> Path:
    return resources_dir() / name


def user_data_dir() -> Path:
    """The user's data folder for Fravær (e.g. ~/.local/share/fravaer_desktop on Linux)."""
    return user_data_path(APP_ID, appauthor=False, ensure_exists=False)


def default_database_path() -> Path:
    return user_data_dir() / DEFAULT_DATABASE_NAME


#: The privacy lint's word files in resources/privacy (format: resources/privacy/LAES_MIG.txt).
PRIVACY_WORD_FILES = ("helbredsord.txt", "kropsdele.txt", "endelser.txt", "tilladte_ord.txt")


def load_health_terms() -> list[str]:
    """The lines of the privacy lint's word files, without comments or blank lines.

    Each file starts with its `[section]` line, so the files can be read one after the other.
    """
    lines: list[str] = []
    for name in PRIVACY_WORD_FILES:
        text = resource(f"privacy/{name}").read_text(encoding="utf-8")
        lines += [line.strip() for line in text.splitlines()]
    return [line for line in lines if line and not line.startswith("#")]


def temporary_demo_path() -> Path:
    """A new throw-away file for the demo company, in a folder of its own."""
    return Path(tempfile.mkdtemp(prefix=DEMO_FOLDER_PREFIX)) / "demo.sqlite"


def remove_demo_folder(demo_path: Path) -> None:
    """Delete a throw-away demo file and its folder (the file must be closed)."""
    if demo_path.parent.name.startswith(DEMO_FOLDER_PREFIX):
        shutil.rmtree(demo_path.parent, ignore_errors=True)


def remove_stale_demo_folders(now: float | None = None) -> list[Path]:
    """Delete demo folders that a killed or crashed Fravær left behind, judged by the newest
    change to a file in them; returns those deleted. A demo still open in a running Fravær
    is changed whenever it is used, and on Windows its open file cannot be deleted anyway."""
    now = time.time() if now is None else now
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(f"{DEMO_FOLDER_PREFIX}*"):
        try:
            touched = max(
                [folder.stat().st_mtime] + [f.stat().st_mtime for f in folder.iterdir()]
            )
        except OSError:  # gone meanwhile, or not ours to look into
            continue
        if now - touched > STALE_DEMO_AGE_S:
            shutil.rmtree(folder, ignore_errors=True)
            if not folder.exists():
                removed.append(folder)
    return removed


MACHINE_SETTINGS_NAME = "indstillinger.json"
LOG_FILE_NAME = "fejllog.txt"


class MachineSettings:
    """Settings of this computer, not of the company: kept in a small JSON file in the user's
    data folder (a company file on a network drive is opened from several computers, and each
    has its own USB stick). `folder=None`: nothing is read or written (tests, the demo).

    Today it holds one thing: the folder each company file's automatic backups go to.
    """

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._backup_folders: dict[str, str] = {}
        if folder is not None:
            self._backup_folders = self._read().get("backup_folders", {})

    @classmethod
    def of_this_machine(cls) -> MachineSettings:
        return cls(user_data_dir())

    @property
    def log_file(self) -> Path | None:
        """Where unexpected errors are written in detail (None: only to the console)."""
        return None if self.folder is None else self.folder / LOG_FILE_NAME

    def backup_folder(self, company_file: Path) -> Path | None:
        """The folder chosen for this company file's backups (None: the default beside it)."""
        chosen = self._backup_folders.get(_key(company_file))
        return Path(chosen) if chosen else None

    def set_backup_folder(self, company_file: Path, folder: Path | None) -> None:
        """Remember `folder` for this company file (None: back to the default); raises OSError
        when the settings file cannot be written (nothing is changed then)."""
        folders = dict(self._backup_folders)
        if folder is None:
            folders.pop(_key(company_file), None)
        else:
            folders[_key(company_file)] = str(folder)
        if self.folder is not None:
            data = self._read()
            data["backup_folders"] = folders
            self._write(data)
        self._backup_folders = folders

    def _read(self) -> dict:
        import json

        try:
            data = json.loads((self.folder / MACHINE_SETTINGS_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):  # no file yet, or damaged: the defaults
            return {}
        if not isinstance(data, dict) or not isinstance(data.get("backup_folders", {}), dict):
            return {}
        return data

    def _write(self, data: dict) -> None:
        import json

        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / MACHINE_SETTINGS_NAME
        partial = target.with_name(target.name + ".delvis")
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        partial.replace(target)


def _key(company_file: Path) -> str:
    return str(Path(company_file).resolve())
