"""The guided conversation, from invitation to signed minutes, as a five-step wizard.

The conversation is stored as a draft when the invitation is accepted (step 1); from then on
every note and agreement is written as it is typed, so closing the window or a crash loses
nothing. Closing at step 1 with an invitation filled in but not stored asks whether to keep it
as a draft. Opening the wizard again on a draft or a held conversation continues where it was.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from fravaer_desktop.core.conversation import Conversation, ConversationKind, Invitation
from fravaer_desktop.core.guides import Guides, load_guides
from fravaer_desktop.core.models import Employee
from fravaer_desktop.core.privacy import HealthTextCheck
from fravaer_desktop.services import conversations as documents
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.conversation.documents import preview_pdf, save_calendar_file
from fravaer_desktop.ui.conversation.hold_page import HoldPage
from fravaer_desktop.ui.conversation.invite_page import InvitePage
from fravaer_desktop.ui.conversation.notes_edit import NotesEdit
from fravaer_desktop.ui.conversation.prepare_page import PreparePage
from fravaer_desktop.ui.conversation.record_page import AGREEMENTS, FinishPage, RecordPage
from fravaer_desktop.ui.screen_fit import resize_within_screen

KEEP_DRAFT, DISCARD, STAY = "keep", "discard", "stay"
UNSAVED_INVITATION = (
    "Invitationen er ikke gemt endnu. Vil du gemme den som kladde, så du kan fortsætte senere?"
)


def ask_keep_invitation(parent: QWidget) -> str:
    """Keep the unsaved invitation as a draft (the default), close without it, or stay."""
    box = QMessageBox(QMessageBox.Icon.Question, "Luk samtalen", UNSAVED_INVITATION,
                      parent=parent)  # fmt: skip
    keep = box.addButton("Gem som kladde", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Luk uden at gemme", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Annuller", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.exec()
    return {keep: KEEP_DRAFT, discard: DISCARD}.get(box.clickedButton(), STAY)


class ConversationWizard(QWizard):
    """One conversation with one employee, perhaps about one absence."""

    conversation_saved = Signal(int)  # the employee's id, after each stored change

    def __init__(
        self,
        store: Store,
        health_check: HealthTextCheck,
        employee: Employee,
        kind: ConversationKind,
        spell_id: int | None = None,
        conversation: Conversation | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.health_check = health_check
        self.guides: Guides = load_guides()
        self.employee = employee
        self.kind = conversation.kind if conversation else kind
        self.spell_id = conversation.spell_id if conversation else spell_id
        self.conversation = conversation
        self.today = store.today()
        self.spells = store.absences.for_employee(employee.id)
        self.setWindowTitle(f"{self.guides.conversations[self.kind.value].title} – {employee.name}")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        for which, text in (
            (QWizard.WizardButton.NextButton, "&Næste >"),
            (QWizard.WizardButton.BackButton, "< &Tilbage"),
            (QWizard.WizardButton.FinishButton, "&Afslut og vis referat"),
            (QWizard.WizardButton.CancelButton, "&Luk"),
        ):
            self.setButtonText(which, text)
        self.invite_page = InvitePage(self)
        self.prepare_page = PreparePage(self)
        self.hold_page = HoldPage(self)
        self.record_page = RecordPage(self)
        self.finish_page = FinishPage(self)
        for page in (self.invite_page, self.prepare_page, self.hold_page, self.record_page,
                     self.finish_page):  # fmt: skip
            self.addPage(page)
        self.minutes_preview = None  # the preview shown after finishing (tests look at it)
        resize_within_screen(self, 1180, 780)

    @property
    def guide(self):
        return self.guides.conversations[self.kind.value]

    # --- storing, called by the pages ------------------------------------------------------

    def store_invitation(self, invitation: Invitation) -> None:
        """Start the draft, or correct the invitation of the stored conversation."""
        repository = self.store.conversations
        if self.conversation is None:
            self.conversation = repository.start(invitation)
        elif invitation != self.conversation.invitation:
            self.conversation = repository.change_invitation(self.conversation.id, invitation)
        self.kind = self.conversation.kind
        self.conversation_saved.emit(self.employee.id)

    def save_note(self, section: str, text: str) -> None:
        if self.conversation is None:
            return
        if section == AGREEMENTS:
            self.save_record(replace(self.conversation, agreements=text))
            return
        self.store.conversations.save_note(self.conversation.id, section, text)
        notes = {**self.conversation.notes, section: text}
        if not text.strip():
            notes.pop(section)
        self.conversation = replace(self.conversation, notes=notes)

    def save_record(self, conversation: Conversation) -> None:
        self.conversation = self.store.conversations.save_record(conversation)

    def flush(self) -> None:
        """Write what is still waiting for the typing pause (closing, finishing, a page change)."""
        for notes in self.findChildren(NotesEdit):
            notes.save_now()
        self.record_page.save_if_pending()

    def finish(self, held_on) -> None:
        """Mark the conversation held and show the minutes (a new version when changed)."""
        self.flush()
        conversation = self.record_page.record(self.conversation)
        self.conversation = self.store.conversations.mark_held(
            replace(conversation, held_on=held_on)
        )
        self.conversation_saved.emit(self.employee.id)
        version = documents.print_minutes(self.store, self.conversation.id)
        from fravaer_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog

        self.minutes_preview = PdfPreviewDialog(
            version.pdf, f"Referat – {self.employee.name}",
            f"Referat {self.guide.short_title} {self.employee.name} v{version.version}.pdf", self,
        )  # fmt: skip
        if not self.property("no_exec"):
            self.minutes_preview.exec()

    def earlier_conversations(self) -> list[Conversation]:
        own = self.store.conversations.for_employee(self.employee.id)
        return [c for c in own if self.conversation is None or c.id != self.conversation.id]

    # --- documents -------------------------------------------------------------------------

    def print_invitation(self) -> None:
        preview_pdf(
            self, lambda: documents.invitation_pdf(self.store, self.conversation),
            f"Indkaldelse – {self.employee.name}", f"Indkaldelse {self.employee.name}.pdf",
        )  # fmt: skip

    def save_meeting_in_calendar(self) -> None:
        save_calendar_file(
            self, lambda: documents.meeting_ics(self.store, self.conversation),
            f"Møde {self.employee.name}.ics",
        )  # fmt: skip

    def print_blank_guide(self) -> None:
        preview_pdf(
            self, lambda: documents.blank_guide_pdf(self.store, self.kind.value),
            f"Samtaleguide – {self.guide.title}", f"Samtaleguide {self.guide.short_title}.pdf",
        )  # fmt: skip

    def print_leaflet(self) -> None:
        preview_pdf(
            self, lambda: documents.leaflet_pdf(self.store), "Når du er syg",
            "Når du er syg.pdf",
        )  # fmt: skip

    def print_opportunity_sheet(self) -> None:
        self.flush()
        preview_pdf(
            self,
            lambda: documents.opportunity_sheet_pdf(self.store, self.employee, self.conversation),
            f"Forberedelse til mulighedserklæring – {self.employee.name}",
            f"Forberedelse mulighedserklæring {self.employee.name}.pdf",
        )

    # --- Qt --------------------------------------------------------------------------------

    def initializePage(self, page_id: int) -> None:  # noqa: N802 (Qt API)
        self.flush()
        super().initializePage(page_id)

    def reject(self) -> None:
        """Luk, Escape or the window's close box: an invitation typed but not yet stored is
        not thrown away without asking."""
        if self.currentPage() is self.invite_page and self.invite_page.has_unsaved_input():
            answer = ask_keep_invitation(self)
            if answer == STAY or (answer == KEEP_DRAFT and not self.invite_page.validatePage()):
                return  # still open; a refused invitation shows why beside its fields
        super().reject()

    def done(self, result: int) -> None:
        self.flush()
        if self.conversation is not None:
            self.conversation_saved.emit(self.employee.id)
        super().done(result)
