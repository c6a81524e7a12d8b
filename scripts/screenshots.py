"""Regenerate docs/screenshots/ from the demo company: every screen and dialog, and the PDF pages.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--scale 2]

The pictures are taken on a screen of a real size: 1920 × 1080 at 100 %, and 2560 × 1440 at
200 % (1280 × 720 in the program's own units, a common laptop), not on the offscreen platform's
default 800 × 800, where a window or dialog is made smaller to fit.
"""

from __future__ import annotations

import argparse
import json  # noqa: E402
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

#: Physical screen size for each scale factor.
SCREENS = {"1": (1920, 1080), "2": (2560, 1440)}


def use_real_screen_size(scale: str, folder: Path) -> None:
    """Give the offscreen platform a screen of a real laptop's size."""
    if os.environ["QT_QPA_PLATFORM"] != "offscreen":
        return
    width, height = SCREENS.get(scale, SCREENS["1"])
    config = folder / "screen.json"
    screen = {"name": "skærm", "x": 0, "y": 0, "width": width, "height": height,
              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR, e.g. 2 for 200 %%")
    parser.add_argument("--only", choices=["gendan", "import"], help="take only these pictures")
    args = parser.parse_args()
    if args.scale != "1":
        os.environ["QT_SCALE_FACTOR"] = args.scale
    suffix = "" if args.scale == "1" else f"-{int(float(args.scale) * 100)}pct"
    folder = Path(tempfile.mkdtemp(prefix="fravaer-shots-"))
    use_real_screen_size(args.scale, folder)

    from PySide6.QtCore import QTimer

    from fravaer_desktop.app import open_store
    from fravaer_desktop.core.privacy import HealthTextCheck
    from fravaer_desktop.paths import load_health_terms
    from fravaer_desktop.ui.launch import make_application
    from fravaer_desktop.ui.main_window import MainWindow
    from fravaer_desktop.ui.screen_fit import resize_within_screen

    app = make_application()
    if args.only == "gendan":
        OUT.mkdir(parents=True, exist_ok=True)
        restore_shot(app, folder, suffix)
        return 0
    if args.only == "import":
        OUT.mkdir(parents=True, exist_ok=True)
        import_shots(app, folder, suffix)
        return 0
    store = open_store(folder / "demo.sqlite", demo=True, create=True, today=date.today())
    window = MainWindow(store, HealthTextCheck(load_health_terms()), None, is_demo=True)
    resize_within_screen(window, 1280, 820)
    window.show()
    OUT.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def save(widget, name: str) -> None:
        settle()
        widget.grab().save(str(OUT / f"{name}{suffix}.png"))
        print("saved", name + suffix)

    save(window, "00-overblik")
    window.show_page("Fravær")
    save(window, "01-fravaer")
    window.show_page("Medarbejdere")
    page = window.employees_page
    page.table.select_where(lambda e: e.clause_120_days)
    save(window, "02-medarbejdere")
    window.show_page("Statistik")
    save(window, "13-statistik")
    window.show_page("Virksomhed")
    save(window, "03-virksomhed")
    window.show_page("Fravær")
    shots = dialog_shots(window, store, save)
    for name, open_dialog, prepare in shots:
        grab_dialog(app, open_dialog, prepare, lambda d, n=name: n and save(d, n))
    if not suffix:  # the PDF pages do not depend on the screen's scale
        export_pdf_pages(store)
    restore_shot(app, folder, suffix)
    import_shots(app, folder, suffix)
    QTimer.singleShot(0, app.quit)
    return 0


def restore_shot(app, folder: Path, suffix: str) -> None:
    """Gendan fra sikkerhedskopi… on a company file of its own with ten days of automatic
    copies (the rotation has kept eight of them)."""
    from datetime import datetime, timedelta

    from fravaer_desktop.app import open_store
    from fravaer_desktop.core.privacy import HealthTextCheck
    from fravaer_desktop.paths import load_health_terms
    from fravaer_desktop.storage.backup_folder import check_and_back_up, default_backup_folder
    from fravaer_desktop.ui.main_window import MainWindow

    path = folder / "kopier" / "virksomhed.sqlite"
    open_store(path, demo=True, create=True, today=date.today()).db.close()
    morning = datetime.now().replace(hour=8, minute=12, second=0, microsecond=0)
    for days_ago in range(9, -1, -1):
        check_and_back_up(path, default_backup_folder(path), morning - timedelta(days=days_ago),
                          folder_is_chosen=False)  # fmt: skip
    store = open_store(path, demo=False, create=False, today=date.today())
    window = MainWindow(store, HealthTextCheck(load_health_terms()), path, is_demo=False)
    dialog = window.restore_dialog()
    dialog.show()
    for _ in range(5):
        app.processEvents()
    dialog.grab().save(str(OUT / f"23-gendan{suffix}.png"))
    print("saved", "23-gendan" + suffix)
    dialog.close()
    window.close_store()


#: The realistic payroll exports with mistakes (tests/data/payroll) and their pictures.
IMPORT_FILES = (
    ("27-import-csv-utf8", "danloen_utf8.csv"),
    ("28-import-csv-windows1252", "excel_windows1252.csv"),
    ("29-import-excel", "medarbejdere.xlsx"),
)


def import_shots(app, folder: Path, suffix: str) -> None:
    """Importér fra lønsystem… with each of the three exports loaded, in the demo company to
    which one person of the files has already been added by hand (she is skipped)."""
    from fravaer_desktop.app import open_store
    from fravaer_desktop.core.models import Employee
    from fravaer_desktop.ui.dialogs.import_dialog import ImportDialog

    store = open_store(folder / "import.sqlite", demo=True, create=True, today=date.today())
    store.employees.add(
        Employee("Anne Larsen", date(2022, 11, 1), department="Butik", job_title="Ekspedient",
                 weekly_hours=25)
    )  # fmt: skip
    for name, file_name in IMPORT_FILES:
        dialog = ImportDialog(store)
        dialog.show()
        dialog.load(ROOT / "tests" / "data" / "payroll" / file_name)
        for _ in range(5):
            app.processEvents()
        dialog.grab().save(str(OUT / f"{name}{suffix}.png"))
        print("saved", name + suffix)
        dialog.close()
    store.db.close()


def dialog_shots(window, store, save):
    """(file name, function that runs the modal dialog, preparation of the dialog)."""

    from fravaer_desktop.ui.dialogs.company_dialog import CompanyDialog
    from fravaer_desktop.ui.dialogs.employee_dialog import EmployeeDialog
    from fravaer_desktop.ui.printing import print_absence_overview

    employees = store.employees.list_all()
    first = employees[0]

    def type_in_sick_call(dialog):
        dialog.employee_picker.setCurrentText(first.name)

    def health_note(dialog):
        dialog.employee_picker.setCurrentText(first.name)
        dialog.note.setText("Har influenza, ringer mandag")

    def overlap_error(dialog):
        ongoing = store.absences.ongoing()[0]
        dialog.employee_picker.select(ongoing.employee_id)
        dialog.save_button.click()

    def date_error(dialog):
        dialog.employee_picker.setCurrentText(first.name)
        dialog.first_day.edit.setText("31-02-2026")
        dialog.save_button.click()

    def calendar(dialog):
        dialog.employee_picker.setCurrentText(first.name)
        dialog.first_day.open_calendar()
        save(dialog.first_day.calendar_popup, "06c-kalender")
        dialog.first_day.calendar_popup.close()

    def nothing(dialog):
        pass

    def bad_employee(dialog):
        dialog.save_button.click()

    return [
        ("04-sygemelding", window.actions.register_sickness, type_in_sick_call),
        ("05-sygemelding-helbredsnote", window.actions.register_sickness, health_note),
        ("06-sygemelding-fejl", window.actions.register_sickness, overlap_error),
        ("06b-sygemelding-datofejl", window.actions.register_sickness, date_error),
        (None, window.actions.register_sickness, calendar),  # saves only the calendar
        ("07-raskmelding", window.actions.register_return, nothing),
        (
            "08-medarbejder",
            lambda: EmployeeDialog(store.employees, store.today(), first).exec(),
            nothing,
        ),
        (
            "09-medarbejder-fejl",
            lambda: EmployeeDialog(store.employees, store.today()).exec(),
            bad_employee,
        ),
        ("10-virksomhed-rediger", lambda: CompanyDialog(store.company).exec(), nothing),
        ("11-periode", lambda: print_absence_overview(window, store, first), nothing),
        ("12-udskrift", lambda: print_absence_overview(window, store, first), "accept"),
        ("14-fravaerspolitik", window.edit_policy, nothing),
        ("15-ikke-relevant", window.overview_page.mark_not_relevant, nothing),
        *conversation_shots(window, store),
        *plan_shots(window, store),
        *apv_shots(window, store),
        ("33-aendringslog", lambda: window.show_change_log(store, first), nothing),
        ("34-sletning-af-gamle-oplysninger", window.open_retention, nothing),
    ]


def conversation_shots(window, store):
    """The guided conversation: the employee's list, every step, and a documentation request."""
    from fravaer_desktop.core.conversation import ConversationKind

    talks = store.conversations.all()
    held = next(c for c in talks if c.is_held and c.kind is ConversationKind.ABSENCE)
    draft = next(c for c in talks if not c.is_held)
    actions = window.actions

    def open_talk(talk):
        return lambda: actions.open_conversation(
            talk.employee_id, talk.kind, talk.spell_id, talk.id
        )

    def steps(count: int):
        def forward(wizard):
            for _ in range(count):
                wizard.next()
            if count == 2:  # the conversation itself: the section about what one can do
                wizard.hold_page.sections.setCurrentRow(2)

        return forward

    request = next(r for r in store.document_requests.all() if r.received_on is None)
    spell = store.absences.get(request.spell_id)
    return [
        ("16-samtaler", lambda: actions.open_conversations(held.employee_id), lambda d: None),
        ("17-samtale-1-indkald", open_talk(draft), steps(0)),
        ("18-samtale-2-forbered", open_talk(draft), steps(1)),
        ("19-samtale-3-hold", open_talk(held), steps(2)),
        ("20-samtale-4-aftaler", open_talk(held), steps(3)),
        ("21-samtale-5-afslut", open_talk(held), steps(4)),
        (
            "22-dokumentation",
            lambda: actions.request_documentation(request.employee_id, spell),
            lambda d: None,
        ),
    ]


def plan_shots(window, store):
    """The retention plan: the graduated return (steps, weeks, chart) and the sections."""
    [plan] = store.retention_plans.all()

    def open_plan():
        window.actions.open_retention_plan(plan.employee_id, plan.spell_id)

    def tab(index: int):
        def show(editor):
            editor.tabs.setCurrentIndex(index)

        return show

    return [
        ("24-fastholdelsesplan-trappen", open_plan, tab(2)),
        ("25-fastholdelsesplan-opgaver", open_plan, tab(1)),
        ("26-fastholdelsesplan-aftale", open_plan, tab(4)),
    ]


def apv_shots(window, store):
    """The demo's completed APV: the figures (small groups protected), the assessment, the
    action plan."""
    [apv] = store.apvs.all()

    def open_apv():
        window.actions._edit_apv(apv.id, window)

    def tab(index: int):
        def show(editor):
            editor.tabs.setCurrentIndex(index)

        return show

    return [
        ("30-apv-tal", open_apv, tab(1)),
        ("31-apv-vurdering", open_apv, tab(2)),
        ("32-apv-handlingsplan", open_apv, tab(3)),
    ]


def grab_dialog(app, open_dialog, prepare, save) -> None:
    """Run a modal dialog, prepare it, take its picture and close it (and any dialog it opens)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    state = {"accepted_once": False}

    def work() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(30, work)
            return
        if prepare == "accept" and not state["accepted_once"]:
            state["accepted_once"] = True
            dialog.save_button.click()
            QTimer.singleShot(200, work)
            return
        if callable(prepare):
            prepare(dialog)
        save(dialog)
        dialog.reject()

    QTimer.singleShot(0, work)
    open_dialog()


def export_pdf_pages(store) -> None:
    """Write pages of demo documents as PNG (needs pdftoppm from poppler-utils): the first of a
    Fraværsoversigt, of the status of the longest running absence and of the statistics, and
    the first two of the retention plan's newest version and of the APV."""
    from fravaer_desktop.services.archive import export_archive
    from fravaer_desktop.ui.printing import absence_overview_pdf

    employee = next(e for e in store.employees.list_all() if e.clause_120_days)
    today = store.today()
    with tempfile.TemporaryDirectory() as folder:
        overview = Path(folder) / "fravaersoversigt.pdf"
        first = date(today.year - 1, 1, 1)
        overview.write_bytes(absence_overview_pdf(store, employee, first, today))
        archive = export_archive(store, Path(folder) / "arkiv", today)
        statuses = sorted(p for p in archive if p.name.startswith("Status på sygefravær"))
        # The earliest first absence day in the file name: the longest running absence.
        status = min(statuses, key=lambda p: p.stem.rsplit(" - ", 1)[-1])
        statistics = next(p for p in archive if p.name.startswith("Fraværsstatistik"))
        plans = sorted(p for p in archive if p.name.startswith("Fastholdelsesplan"))
        apvs = sorted(p for p in archive if p.name.startswith("APV sygefravær"))
        pages = [(overview, "fravaersoversigt", 1), (status, "status", 1),
                 (statistics, "statistik", 1), (plans[-1], "fastholdelsesplan", 1),
                 (plans[-1], "fastholdelsesplan", 2), (apvs[-1], "apv", 1),
                 (apvs[-1], "apv", 2)]  # fmt: skip
        for pdf, name, page in pages:
            try:
                subprocess.run(
                    ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page),
                     str(pdf), str(OUT / f"pdf-{name}")],
                    check=True,
                )  # fmt: skip
            except FileNotFoundError:
                print("pdftoppm is missing (apt-get install poppler-utils): PDFs not rendered")
                return


if __name__ == "__main__":
    sys.exit(main())
