"""A program killed in the middle of writing the minutes loses nothing typed before the pause."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

from fravaer_desktop.core.conversation import ConversationKind, ConversationStatus
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store

TODAY = date(2026, 11, 23)

WRITE_MINUTES_THEN_DIE = textwrap.dedent(
    """
    import os, signal, sys
    from datetime import date
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from fravaer_desktop.core.conversation import ConversationKind
    from fravaer_desktop.core.privacy import HealthTextCheck
    from fravaer_desktop.paths import load_health_terms
    from fravaer_desktop.storage.database import open_database
    from fravaer_desktop.storage.repositories import Store
    from fravaer_desktop.ui.conversation.wizard import ConversationWizard

    app = QApplication([])
    store = Store(open_database(sys.argv[1]), today=lambda: date(2026, 11, 23))
    anna = store.employees.list_all()[0]
    spell = store.absences.for_employee(anna.id)[0]
    wizard = ConversationWizard(store, HealthTextCheck(load_health_terms()), anna,
                                ConversationKind.ABSENCE, spell.id)
    wizard.show()
    page = wizard.invite_page
    page.place.setText("Kontoret bag butikken")
    page.participants.setPlainText("Mette Holm, indehaver")
    wizard.next()
    wizard.next()
    notes = wizard.hold_page.notes.edit
    QTest.keyClicks(notes, "Kan passe kassen om formiddagen")
    QTest.qWait(800)  # the typing pause: the notes are written
    QTest.keyClicks(notes, " og")  # still typing when the power goes
    print("typed", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
    """
)


def test_killing_the_program_while_writing_minutes_keeps_the_draft(tmp_path: Path) -> None:
    path = tmp_path / "bageriet.sqlite"
    store = Store(open_database(path), today=lambda: TODAY)
    store.company.save(Company(name="Bageriet Solsikken ApS", cvr="10150817"))
    anna = store.employees.add(Employee(name="Anna Jensen", employed_from=date(2019, 3, 1)))
    store.absences.add(AbsenceSpell(anna.id, date(2026, 11, 9)))
    store.db.close()

    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-c", WRITE_MINUTES_THEN_DIE, str(path)],
        capture_output=True, text=True, env=environment, timeout=60,
    )  # fmt: skip
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert "typed" in run.stdout

    reopened = Store(open_database(path), today=lambda: TODAY)
    [draft] = reopened.conversations.for_employee(anna.id)
    assert draft.status is ConversationStatus.DRAFT
    assert draft.kind is ConversationKind.ABSENCE
    assert draft.notes == {"ramme": "Kan passe kassen om formiddagen"}
    assert draft.invitation.place == "Kontoret bag butikken"
    check = reopened.db.conn.execute("PRAGMA integrity_check").fetchone()[0]
    assert check == "ok"
