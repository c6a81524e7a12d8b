"""User actions shared by every page: they open the dialogs and announce what changed.

Each dialog's module is imported when the dialog is first opened, not at start-up.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from fravaer_desktop.core.danish import counted, long_date
from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.core.names import distinct_names
from fravaer_desktop.core.privacy import HealthTextCheck
from fravaer_desktop.core.validation import ValidationError
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.messages import show_warning

#: How often the program looks whether the date has changed (left open overnight).
NEW_DAY_CHECK_MS = 5 * 60 * 1000


class AppActions(QObject):
    """Opens the dialogs for one open company file; pages listen to the signals to refresh."""

    spell_saved = Signal(object)
    spell_deleted = Signal(int)
    employee_saved = Signal(object)
    employee_deleted = Signal(int)
    status_message = Signal(str)
    new_day = Signal(object)  # the program was left open past midnight: the new `date`
    conversation_saved = Signal(int)  # a conversation or documentation request: the employee id
    plan_saved = Signal(int)  # a retention plan: the employee id
    apv_saved = Signal()  # the APV (the whole company's)

    def __init__(self, store: Store, health_check: HealthTextCheck, parent_window: QWidget):
        super().__init__(parent_window)
        self.store = store
        self.health_check = health_check
        self._window = parent_window
        self._employees: dict[int, Employee] | None = None  # read again after a change
        self._names: dict[int, str] | None = None
        self._day = store.today()
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(NEW_DAY_CHECK_MS)
        self._day_timer.timeout.connect(self.check_for_new_day)
        self._day_timer.start()

    @property
    def today(self) -> date:
        return self.store.today()

    def check_for_new_day(self) -> None:
        """Tell the pages when the date has changed since they last looked (every few minutes)."""
        today = self.today
        if today != self._day:
            self._day = today
            self.new_day.emit(today)

    def employee(self, employee_id: int) -> Employee | None:
        if self._employees is None:
            self._employees = {e.id: e for e in self.store.employees.list_all()}
        return self._employees.get(employee_id)

    def employee_name(self, employee_id: int) -> str:
        """The name as shown in lists: namesakes get their department and start date."""
        if self._names is None:
            self.employee(employee_id)  # reads the employees when needed
            self._names = distinct_names(self._employees.values())
        return self._names.get(employee_id, "(ukendt)")

    def _employed_to(self, employee_id: int) -> date | None:
        employee = self.employee(employee_id)
        return employee.employed_to if employee is not None else None

    def register_sickness(self, employee_id: int | None = None) -> AbsenceSpell | None:
        from fravaer_desktop.ui.dialogs.spell_dialog import SpellDialog

        dialog = SpellDialog(
            self.store.absences, self.store.employees.list_all(), self.health_check, self.today,
            employee_id=employee_id, parent=self._window,
        )  # fmt: skip
        return self._finish_spell(dialog, "Sygemelding gemt")

    def edit_spell(self, spell: AbsenceSpell) -> AbsenceSpell | None:
        """Edit the spell as it is stored now (a list may show an older copy of it)."""
        from fravaer_desktop.ui.dialogs.spell_dialog import SpellDialog

        try:
            spell = self.store.absences.get(spell.id)
        except KeyError:
            self.status_message.emit("Fraværet er slettet i mellemtiden")
            return None
        dialog = SpellDialog(
            self.store.absences, self.store.employees.list_all(), self.health_check, self.today,
            spell=spell, parent=self._window,
        )  # fmt: skip
        return self._finish_spell(dialog, "Fravær gemt")

    def register_return(
        self, spell_id: int | None = None, employee_id: int | None = None
    ) -> AbsenceSpell | None:
        ongoing = self.store.absences.ongoing()
        if employee_id is not None:
            ongoing = [s for s in ongoing if s.employee_id == employee_id] or ongoing
        if not ongoing:
            self.status_message.emit("Ingen er fraværende lige nu.")
            return None
        from fravaer_desktop.ui.dialogs.return_dialog import ReturnDialog

        dialog = ReturnDialog(
            self.store.absences, ongoing, self.employee_name, self.today, spell_id, self._window,
            employed_to=self._employed_to,
        )  # fmt: skip
        return self._finish_spell(dialog, "Raskmelding gemt")

    def delete_spell(self, spell: AbsenceSpell) -> bool:
        name = self.employee_name(spell.employee_id)
        text = (
            f"Slet fraværet for {name}, der begyndte {long_date(spell.first_day)}?\n"
            "Det kan ikke fortrydes."
        )
        from fravaer_desktop.ui.dialogs.base import ask_yes_no

        if not ask_yes_no(self._window, "Slet fravær", text, "Slet"):
            return False
        try:
            self.store.absences.delete(spell.id, expected=spell)
        except ValidationError as error:
            show_warning(self._window, "Slet fravær", error.errors[0].message)
            return False
        self.spell_deleted.emit(spell.id)
        self.status_message.emit("Fraværet er slettet")
        return True

    def add_employee(self) -> Employee | None:
        return self._edit_employee(None)

    def edit_employee(self, employee: Employee) -> Employee | None:
        return self._edit_employee(employee)

    def delete_employee(self, employee: Employee) -> bool:
        count = len(self.store.absences.for_employee(employee.id))
        text = (
            f"Slet {employee.name} og alt registreret fravær "
            f"({counted(count, 'fraværsperiode', 'fraværsperioder')})?\n"
            "Det kan ikke fortrydes. Er medarbejderen stoppet, så angiv hellere en "
            "fratrædelsesdato.\n\nSikkerhedskopier, du har taget, indeholder stadig "
            "oplysningerne. Skal de helt væk, så slet også de kopier."
        )
        from fravaer_desktop.ui.dialogs.base import ask_yes_no

        if not ask_yes_no(self._window, "Slet medarbejder", text, "Slet"):
            return False
        try:
            self.store.employees.delete(employee.id, expected=employee)
        except ValidationError as error:
            show_warning(self._window, "Slet medarbejder", error.errors[0].message)
            return False
        self._employees = self._names = None
        self.employee_deleted.emit(employee.id)
        self.status_message.emit(f"{employee.name} er slettet")
        return True

    def employees_removed(self, employee_ids: list[int]) -> None:
        """Employees deleted elsewhere (Sletning af gamle oplysninger…): tell the pages."""
        self._employees = self._names = None
        for employee_id in employee_ids:
            self.employee_deleted.emit(employee_id)

    def import_employees(self) -> list[Employee]:
        """Importér fra lønsystem…: the staff from the payroll system's file, all or none."""
        from fravaer_desktop.ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.store, self._window)
        if not dialog.exec() or not dialog.result_object:
            return []
        added = dialog.result_object
        self._employees = self._names = None
        for employee in added:
            self.employee_saved.emit(employee)
        self.status_message.emit(
            f"{counted(len(added), 'medarbejder', 'medarbejdere')} er importeret fra lønsystemet"
        )
        return added

    def _edit_employee(self, employee: Employee | None) -> Employee | None:
        from fravaer_desktop.ui.dialogs.employee_dialog import EmployeeDialog

        company = self.store.company.get()
        dialog = EmployeeDialog(
            self.store.employees, self.today, employee,
            company.standard_weekly_hours if company else 37.0, self._window,
        )  # fmt: skip
        if not dialog.exec():
            return None
        saved = dialog.result_object
        self._employees = self._names = None
        self.employee_saved.emit(saved)
        self.status_message.emit(f"{saved.name} er gemt")
        return saved

    # --- conversations and documentation (the screens are in ui/conversation) ---------------

    def open_conversations(self, employee_id: int, spell: AbsenceSpell | None = None) -> None:
        """The employee's conversations and documentation requests."""
        from fravaer_desktop.ui.conversation.conversations_dialog import ConversationsDialog

        employee = self.store.employees.get(employee_id)
        ConversationsDialog(self, employee, spell, self._window).exec()

    def open_conversation(
        self,
        employee_id: int,
        kind,
        spell_id: int | None = None,
        conversation_id: int | None = None,
        parent: QWidget | None = None,
    ):
        """The guided conversation: a stored one, the open draft of this one, or a new one."""
        from fravaer_desktop.ui.conversation.wizard import ConversationWizard

        repository = self.store.conversations
        if conversation_id is not None:
            conversation = repository.get(conversation_id)
        else:
            conversation = repository.draft_of(employee_id, kind, spell_id)
        wizard = ConversationWizard(
            self.store, self.health_check, self.store.employees.get(employee_id), kind, spell_id,
            conversation, parent or self._window,
        )  # fmt: skip
        wizard.conversation_saved.connect(self.conversation_saved)
        wizard.exec()
        if wizard.conversation is not None:
            held = "holdt" if wizard.conversation.is_held else "gemt som kladde"
            self.status_message.emit(f"{wizard.conversation.kind.title} {held}")
        return wizard.conversation

    def show_minutes(self, conversation, parent: QWidget | None = None) -> None:
        """The minutes as last printed, or a new version when the conversation has changed."""
        from fravaer_desktop.ui.conversation.documents import preview_pdf

        name = self.employee_name(conversation.employee_id)
        version = self._chosen_minutes(conversation, parent)
        if version is None:
            return
        preview_pdf(
            parent or self._window, lambda: version.pdf, f"Referat – {name}",
            f"Referat {conversation.kind.title} {name} v{version.version}.pdf",
        )  # fmt: skip

    def _chosen_minutes(self, conversation, parent):
        """The minutes to show: with one printed version and no change since, that one; else
        the user picks a printed version or the minutes as they are now (a new version)."""
        from PySide6.QtWidgets import QInputDialog

        from fravaer_desktop.services.conversations import print_minutes

        repository = self.store.conversations
        versions = repository.minutes(conversation.id)
        current = repository.minutes_are_current(conversation.id)
        if not versions or (len(versions) == 1 and current):
            return print_minutes(self.store, conversation.id)
        choices = {
            f"Version {v.version}, udskrevet {long_date(v.printed_on)}": v
            for v in reversed(versions)
        }
        new_text = f"Ny version {len(versions) + 1} med ændringerne siden sidst"
        items = ([] if current else [new_text]) + list(choices)
        picked, ok = QInputDialog.getItem(
            parent or self._window, "Vis referat", "Hvilket referat vil du se?", items, 0, False
        )
        if not ok:
            return None
        return choices.get(picked) or print_minutes(self.store, conversation.id)

    def request_documentation(
        self, employee_id: int, spell: AbsenceSpell | None = None, request=None,
        parent: QWidget | None = None,
    ):  # fmt: skip
        """Ask for documentation of an absence, or record that it came."""
        from fravaer_desktop.core.guides import load_guides
        from fravaer_desktop.ui.conversation.request_dialog import DocumentRequestDialog

        dialog = DocumentRequestDialog(
            self.store.document_requests, load_guides(), employee_id, self.today, spell, request,
            parent or self._window,
        )  # fmt: skip
        if not dialog.exec():
            return None
        self.conversation_saved.emit(employee_id)
        self.status_message.emit("Dokumentation gemt")
        return dialog.result_object

    def print_request_letter(self, request, parent: QWidget | None = None) -> None:
        from fravaer_desktop.services.conversations import document_request_pdf
        from fravaer_desktop.ui.conversation.documents import preview_pdf

        name = self.employee_name(request.employee_id)
        preview_pdf(
            parent or self._window, lambda: document_request_pdf(self.store, request),
            f"Anmodning om dokumentation – {name}", f"Anmodning om dokumentation {name}.pdf",
        )  # fmt: skip

    def print_leaflet(self, parent: QWidget | None = None) -> None:
        from fravaer_desktop.services.conversations import leaflet_pdf
        from fravaer_desktop.ui.conversation.documents import preview_pdf

        preview_pdf(
            parent or self._window, lambda: leaflet_pdf(self.store), "Når du er syg",
            "Når du er syg.pdf",
        )  # fmt: skip

    # --- retention plans (the screens are in ui/retention_plan) --------------------------

    def open_retention_plan(
        self, employee_id: int, spell_id: int | None = None, conversation=None,
        parent: QWidget | None = None,
    ):  # fmt: skip
        """The retention plan of an absence: the open one, or a new one started here (from a
        held conversation: with what it agreed filled in). Without an absence the user picks
        one of the employee's plans or absences. Returns the plan shown, or None."""
        from fravaer_desktop.ui.retention_plan.opening import choose_plan_or_absence

        parent = parent or self._window
        employee = self.store.employees.get(employee_id)
        plan, absence = choose_plan_or_absence(self.store, employee, spell_id, self.today, parent)
        if plan is None and absence is None:
            return None
        if plan is None:
            plan = self._start_plan(employee, absence, conversation, parent)
            if plan is None:
                return None
        return self._edit_plan(plan.id, parent)

    def _start_plan(self, employee: Employee, absence: AbsenceSpell, conversation, parent):
        from fravaer_desktop.core.guides import load_guides
        from fravaer_desktop.services.retention_plans import content_from_conversation
        from fravaer_desktop.ui.retention_plan.dialogs import StartPlanDialog

        prefill = content_from_conversation(conversation) if conversation is not None else None
        requested_on = conversation.held_on if conversation is not None else None
        dialog = StartPlanDialog(
            self.store.retention_plans, load_guides().retention_plan, employee, absence,
            self.today, prefill, requested_on, parent,
        )  # fmt: skip
        if not dialog.exec():
            return None
        self.plan_saved.emit(employee.id)
        return dialog.result_object

    def _edit_plan(self, plan_id: int, parent: QWidget):
        from fravaer_desktop.core.guides import load_guides
        from fravaer_desktop.ui.retention_plan.editor import RetentionPlanEditor

        editor = RetentionPlanEditor(
            self.store, self.health_check, load_guides().retention_plan, plan_id,
            self.print_retention_plan, self.print_refusal, parent,
        )  # fmt: skip
        editor.plan_saved.connect(self.plan_saved)
        editor.register_changed.connect(self._register_changed_by_plan)
        if not parent.property("no_exec"):
            editor.exec()
            self.status_message.emit(f"Fastholdelsesplan gemt: {editor.employee.name}")
        return editor

    def _register_changed_by_plan(self, employee_id: int) -> None:
        for spell in self.store.absences.for_employee(employee_id):
            self.spell_saved.emit(spell)
            break

    def print_retention_plan(self, plan, version: int | None = None, parent=None) -> None:
        from fravaer_desktop.services.retention_plans import plan_pdf
        from fravaer_desktop.ui.conversation.documents import preview_pdf

        name = self.employee_name(plan.employee_id)
        number = version or plan.current.version
        preview_pdf(
            parent or self._window, lambda: plan_pdf(self.store, plan, number),
            f"Fastholdelsesplan – {name}", f"Fastholdelsesplan {name} version {number}.pdf",
        )  # fmt: skip

    def print_refusal(self, plan, parent=None) -> None:
        from fravaer_desktop.services.retention_plans import refusal_pdf
        from fravaer_desktop.ui.conversation.documents import preview_pdf

        name = self.employee_name(plan.employee_id)
        preview_pdf(
            parent or self._window,
            lambda: refusal_pdf(self.store, self.store.retention_plans.get(plan.id)),
            f"Svar på ønske om fastholdelsesplan – {name}",
            f"Svar på ønske om fastholdelsesplan {name}.pdf",
        )  # fmt: skip

    # --- the APV (the screens are in ui/apv) ----------------------------------------------

    def open_apv(self, parent: QWidget | None = None):
        """The APV under work, or (after a choice when there are completed ones) an earlier
        one to read or a new one. Returns the editor shown, or None."""
        from PySide6.QtWidgets import QInputDialog

        from fravaer_desktop.services.apv import start_apv

        parent = parent or self._window
        repository = self.store.apvs
        draft = repository.draft()
        done = [a for a in repository.all() if a.is_done]
        if draft is not None:
            chosen = draft
        elif not done:
            chosen = start_apv(self.store)
            self.apv_saved.emit()
        else:
            new_text = "Begynd en ny APV (revision)"
            titles = {f"APV afsluttet {long_date(a.completed_on)}": a for a in done}
            picked, ok = QInputDialog.getItem(
                parent, "APV", "Hvilken APV?", [new_text, *titles], 0, False
            )
            if not ok:
                return None
            chosen = titles.get(picked)
            if chosen is None:
                chosen = start_apv(self.store)
                self.apv_saved.emit()
        return self._edit_apv(chosen.id, parent)

    def _edit_apv(self, apv_id: int, parent: QWidget):
        from fravaer_desktop.core.guides import load_apv_checklist
        from fravaer_desktop.ui.apv.editor import ApvEditor

        editor = ApvEditor(
            self.store, self.health_check, load_apv_checklist(), apv_id, self.print_apv,
            self.print_apv_checklist, parent,
        )  # fmt: skip
        editor.apv_saved.connect(self.apv_saved)
        if not parent.property("no_exec"):
            editor.exec()
            self.status_message.emit("APV gemt")
        return editor

    def print_apv(self, apv, figures=None, parent=None) -> None:
        from fravaer_desktop.services.apv import apv_pdf
        from fravaer_desktop.ui.conversation.documents import preview_pdf

        preview_pdf(
            parent or self._window, lambda: apv_pdf(self.store, apv, figures),
            "APV: sygefravær og arbejdsmiljø", f"APV sygefravær {apv.made_on}.pdf",
        )  # fmt: skip

    def print_apv_checklist(self, parent=None) -> None:
        from fravaer_desktop.services.apv import blank_checklist_pdf
        from fravaer_desktop.ui.conversation.documents import preview_pdf

        preview_pdf(
            parent or self._window, lambda: blank_checklist_pdf(self.store),
            "APV-tjekliste til personalemødet", "APV tjekliste.pdf",
        )  # fmt: skip

    def _finish_spell(self, dialog: QWidget, message: str) -> AbsenceSpell | None:
        if not dialog.exec():
            return None
        spell = dialog.result_object
        self.spell_saved.emit(spell)
        self.status_message.emit(f"{message}: {self.employee_name(spell.employee_id)}")
        return spell
