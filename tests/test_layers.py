"""The layer rule and the privacy rule, checked on the code and on the schema itself.

core, storage and reports must work without Qt (so the legal rules can be tested and reused
without a screen), and the database must have no place for a CPR number or a diagnosis.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import fravaer_desktop
from fravaer_desktop.storage.repositories import Store

REPO_ROOT = Path(fravaer_desktop.__file__).resolve().parent.parent
QT_FREE_PACKAGES = ("fravaer_desktop.core", "fravaer_desktop.storage", "fravaer_desktop.reports")

IMPORT_ALL = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys

    imported = []
    for package_name in sys.argv[1:]:
        package = importlib.import_module(package_name)
        imported.append(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            importlib.import_module(info.name)
            imported.append(info.name)
    print(json.dumps({"imported": imported, "loaded": sorted(sys.modules)}))
    """
)


def test_core_storage_and_reports_load_without_qt() -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL, *QT_FREE_PACKAGES],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)

    # The walk really imported the modules (so an empty result cannot pass by accident).
    for module in (
        "fravaer_desktop.core.absence",
        "fravaer_desktop.core.validation",
        "fravaer_desktop.storage.database",
        "fravaer_desktop.storage.repositories",
        "fravaer_desktop.reports",
    ):
        assert module in report["imported"]
    qt = [name for name in report["loaded"] if name.startswith(("PySide6", "shiboken6"))]
    assert qt == [], f"Qt was loaded by a Qt-free layer: {qt[:5]}"
    ui = [name for name in report["loaded"] if name.startswith("fravaer_desktop.ui")]
    assert ui == [], f"a Qt-free layer imports the user interface: {ui}"


FORBIDDEN_IN_COLUMN_NAMES = ("cpr", "diagnos", "personnummer")


def all_columns(store: Store) -> list[tuple[str, str]]:
    tables = [
        row[0]
        for row in store.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return [
        (table, column[1])
        for table in tables
        for column in store.db.execute(f"PRAGMA table_info('{table}')")
    ]


def test_the_schema_has_columns_to_check(store: Store) -> None:
    columns = all_columns(store)
    assert ("employees", "name") in columns
    assert ("absence_spells", "first_day") in columns


@pytest.mark.parametrize("forbidden", FORBIDDEN_IN_COLUMN_NAMES)
def test_no_table_has_a_column_for_cpr_numbers_or_diagnoses(store: Store, forbidden: str) -> None:
    offending = [(t, c) for t, c in all_columns(store) if forbidden in c.lower()]
    assert offending == [], "Health data: store dates and extent, never CPR numbers or diagnoses"
