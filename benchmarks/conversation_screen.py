"""Opening the guided conversation on the large company (target ≤ 100 ms).

In one process: generate (or take) the large company (500 employees, about 60,000 spells,
benchmarks/generate_large_company.py), pick an employee who is sick today, then time, N times:

    baseline: sick note dialog   the Sygemelding dialog for the employee, built and shown
    conversation screen          the conversation wizard built and shown at step 1 (Indkald)
    to the conversation itself   the wizard opened on a stored draft and moved to step 3
                                 (Hold samtalen: sections, phrasings, may/may-not, notes)

and print median, min and max in milliseconds, the ratio to the baseline, and whether the
screen meets the target.

Run: python benchmarks/conversation_screen.py [--repeat 15] [--large FILE]
"""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import large_company_arguments, machine_summary, on_large_company, timed  # noqa: E402

from fravaer_desktop.storage.database import open_database  # noqa: E402
from fravaer_desktop.storage.repositories import Store  # noqa: E402

TARGET_MS = 100.0


def measure(path: Path, today: date, repeat: int) -> dict:
    from PySide6.QtWidgets import QApplication

    from fravaer_desktop.core.conversation import ConversationKind, Invitation, MeetingForm
    from fravaer_desktop.core.privacy import HealthTextCheck
    from fravaer_desktop.paths import load_health_terms
    from fravaer_desktop.ui.conversation.wizard import ConversationWizard
    from fravaer_desktop.ui.dialogs.spell_dialog import SpellDialog

    app = QApplication.instance() or QApplication([])
    store = Store(open_database(path), today=lambda: today)
    check = HealthTextCheck(load_health_terms())
    spell = next(s for s in store.absences.ongoing() if s.kind.value == "sygdom")
    employee = store.employees.get(spell.employee_id)
    employees = store.employees.list_all()

    def sick_note_dialog() -> None:
        dialog = SpellDialog(store.absences, employees, check, today, employee_id=employee.id)
        dialog.show()
        app.processEvents()
        dialog.close()
        dialog.deleteLater()

    def wizard(conversation=None, steps: int = 0) -> None:
        shown = ConversationWizard(
            store, check, employee, ConversationKind.ABSENCE, spell.id, conversation
        )
        shown.show()
        for _ in range(steps):
            shown.next()
        app.processEvents()
        shown.close()
        shown.deleteLater()

    draft = store.conversations.draft_of(employee.id, ConversationKind.ABSENCE, spell.id)
    if draft is None:
        draft = store.conversations.start(
            Invitation(ConversationKind.ABSENCE, employee.id, today + timedelta(days=3), "10:00",
                       MeetingForm.PHONE, "", ("Leder",), today, spell.id)  # fmt: skip
        )
    results = {
        "employees": len(employees),
        "baseline_sick_note": timed(sick_note_dialog, repeat),
        "conversation_screen": timed(wizard, repeat),
        "to_the_conversation": timed(lambda: wizard(draft, steps=2), repeat),
    }
    store.conversations.delete(draft.id)
    store.db.close()
    return results


def print_report(results: dict) -> None:
    print("Conversation screen, large company")
    for key, value in machine_summary().items():
        print(f"  {key}: {value}")
    print(f"  employees {results['employees']}")
    print(f"  {'measurement':<22} {'median':>9} {'min':>9} {'max':>9}  (ms)")
    for key, value in results.items():
        if isinstance(value, dict):
            print(
                f"  {key:<22} {value['median_ms']:9.1f} {value['min_ms']:9.1f} "
                f"{value['max_ms']:9.1f}"
            )
    base = results["baseline_sick_note"]["median_ms"]
    for key in ("conversation_screen", "to_the_conversation"):
        shown = results[key]["median_ms"]
        verdict = "meets" if shown <= TARGET_MS else "MISSES"
        print(f"  {key}: {shown:.1f} ms = {shown / base:.1f} x the sick note dialog, "
              f"{verdict} the {TARGET_MS:.0f} ms target")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = large_company_arguments(__doc__, repeat=15)
    args = parser.parse_args(argv)
    results = on_large_company(
        "fravaer-bench-conversation-", args, lambda path: measure(path, args.today, args.repeat)
    )
    print_report(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
