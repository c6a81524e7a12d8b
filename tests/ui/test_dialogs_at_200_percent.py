"""Dialogs at 200 % on a small screen: every wrapped message is shown in full.

Qt's scale factor is fixed when the application starts, so the check runs in a new Python
process with QT_SCALE_FACTOR=2. The offscreen screen is then 400 × 400 logical pixels, smaller
than any real one: adjustSize() alone would stop at two thirds of it and cut the messages off.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

CHECK = r"""
import json, sys
from datetime import date
from pathlib import Path
from PySide6.QtWidgets import QLabel
from fravaer_desktop.app import open_store
from fravaer_desktop.core.privacy import HealthTextCheck
from fravaer_desktop.paths import load_health_terms
from fravaer_desktop.ui.dialogs.employee_dialog import EmployeeDialog
from fravaer_desktop.ui.dialogs.spell_dialog import SpellDialog
from fravaer_desktop.ui.launch import make_application

app = make_application()
today = date(2026, 11, 23)
store = open_store(Path(sys.argv[1]), demo=True, create=True, today=today)

def settle():
    for _ in range(5):
        app.processEvents()

def cut_labels(dialog):
    return [
        label.text()[:50]
        for label in dialog.findChildren(QLabel)
        if label.isVisible() and label.wordWrap() and label.text()
        and label.height() < label.heightForWidth(label.width())
    ]

results = {}
spell = SpellDialog(store.absences, store.employees.list_all(),
                    HealthTextCheck(load_health_terms()), today)
spell.show(); settle()
results["spell, opened"] = cut_labels(spell)
ongoing = store.absences.ongoing()[0]
spell.employee_picker.select(ongoing.employee_id)
spell.save_button.click(); settle()  # overlaps the ongoing spell
spell.note.setText("Har influenza, ringer mandag"); settle()
results["spell, overlap and health warning"] = cut_labels(spell)
results["spell, messages shown"] = bool(spell.errors.message("first_day")) and \
    spell.health_warning.isVisible()

employee = EmployeeDialog(store.employees, today)
employee.show(); settle()
employee.save_button.click(); settle()  # no name
results["employee, no name"] = cut_labels(employee)
results["employee, message shown"] = bool(employee.errors.message("name"))
print(json.dumps(results))
"""


def test_messages_in_dialogs_are_not_cut_off_at_200_percent(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": "2"}
    done = subprocess.run(
        [sys.executable, "-c", CHECK, str(tmp_path / "demo.sqlite")],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout.strip().splitlines()[-1])

    assert results.pop("spell, messages shown") is True
    assert results.pop("employee, message shown") is True
    assert results == {
        "spell, opened": [],
        "spell, overlap and health warning": [],
        "employee, no name": [],
    }
