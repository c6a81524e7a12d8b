"""Where resources and user data live, from source and from a frozen (PyInstaller) build."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_path

from fravaer_desktop import APP_ID

DEFAULT_DATABASE_NAME = "virksomhed.sqlite"


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, inside the bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(name: str) -> Path:
    return resources_dir() / name


def user_data_dir() -> Path:
    """The user's data folder for Fravær (e.g. ~/.local/share/fravaer_desktop on Linux)."""
    return user_data_path(APP_ID, appauthor=False, ensure_exists=False)


def default_database_path() -> Path:
    return user_data_dir() / DEFAULT_DATABASE_NAME


def load_health_terms() -> list[str]:
    """Words that suggest health details in a note (one per line, '#' starts a comment)."""
    text = resource("health_terms.txt").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
