"""One employee's conversations and documentation requests: start, continue, print, record."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.conversation import (
    DOCUMENT_TITLES,
    Conversation,
    ConversationKind,
    DocumentRequest,
    NextStepKind,
)
from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.ui.dialogs.base import ask_yes_no
from fravaer_desktop.ui.screen_fit import resize_within_screen


def conversation_line(conversation: Conversation) -> str:
    """'Sygefraværssamtale – holdt 19. november 2026' or '… – kladde, møde 26. november 2026'."""
    if conversation.is_held:
        return f"{conversation.kind.title} – holdt {long_date(conversation.held_on)}"
    return (
        f"{conversation.kind.title} – kladde, møde {long_date(conversation.invitation.meeting_on)}"
    )


def request_line(request: DocumentRequest, today) -> str:
    title = DOCUMENT_TITLES.get(request.kind, request.kind)
    if request.received_on is not None:
        return f"{title} – modtaget {long_date(request.received_on)}"
    late = " (overskredet)" if request.is_overdue(today) else ""
    asked, due = long_date(request.requested_on), long_date(request.deliver_by)
    return f"{title} – bedt om {asked}, frist {due}{late}"


class ConversationsDialog(QDialog):
    """Lists what exists; the buttons open the wizard, the request dialog and the documents."""

    def __init__(self, actions, employee: Employee, spell: AbsenceSpell | None = None,
                 parent: QWidget | None = None):  # fmt: skip
        super().__init__(parent)
        self.actions = actions
        self.store = actions.store
        self.employee = employee
        self.spell = spell
        self.setWindowTitle(f"Samtaler og dokumentation – {employee.name}")
        self.kind = QComboBox()
        for kind in ConversationKind:
            self.kind.addItem(kind.title, kind.value)
        self.kind.setAccessibleName("Ny samtale om")
        self.conversations = QListWidget()
        self.conversations.setAccessibleName("Samtaler")
        self.requests = QListWidget()
        self.requests.setAccessibleName("Dokumentation")
        self.new_button = QPushButton("&Ny samtale…")
        self.open_button = QPushButton("&Åbn…")
        self.minutes_button = QPushButton("Vis &referat…")
        self.delete_button = QPushButton("&Slet kladde…")
        self.plan_button = QPushButton("&Fastholdelsesplan…")
        self.plan_button.setToolTip(
            "Åbn fraværets fastholdelsesplan; en ny begynder med det, I aftalte i samtalen"
        )
        self.request_button = QPushButton("&Bed om dokumentation…")
        self.edit_request_button = QPushButton("&Modtaget / ret…")
        self.letter_button = QPushButton("Udskriv &brev…")
        self.leaflet_button = QPushButton("Udskriv &pjecen »Når du er syg«…")
        close = QPushButton("&Luk")
        close.clicked.connect(self.accept)
        self.new_button.clicked.connect(self.new_conversation)
        self.open_button.clicked.connect(self.open_selected)
        self.conversations.itemActivated.connect(lambda _: self.open_selected())
        self.minutes_button.clicked.connect(self.show_minutes)
        self.delete_button.clicked.connect(self.delete_selected)
        self.plan_button.clicked.connect(self.open_plan)
        self.request_button.clicked.connect(self.new_request)
        self.edit_request_button.clicked.connect(self.edit_selected_request)
        self.requests.itemActivated.connect(lambda _: self.edit_selected_request())
        self.letter_button.clicked.connect(self.print_request_letter)
        self.leaflet_button.clicked.connect(lambda: actions.print_leaflet(self))
        self.conversations.currentRowChanged.connect(lambda _: self._enable())
        self.requests.currentRowChanged.connect(lambda _: self._enable())
        self._build_layout(close)
        self.reload()
        resize_within_screen(self, 760, 560)

    def _build_layout(self, close: QPushButton) -> None:
        about = QLabel(
            f"Fraværet fra {long_date(self.spell.first_day)}" if self.spell else
            "Alle samtaler med medarbejderen"
        )  # fmt: skip
        about.setTextFormat(Qt.TextFormat.PlainText)
        talks = QGroupBox("Samtaler")
        talks_layout = QVBoxLayout(talks)
        new_row = QHBoxLayout()
        new_row.addWidget(self.kind, 1)
        new_row.addWidget(self.new_button)
        talks_layout.addLayout(new_row)
        talks_layout.addWidget(self.conversations, 1)
        talk_buttons = QHBoxLayout()
        for button in (self.open_button, self.minutes_button, self.delete_button, self.plan_button):
            talk_buttons.addWidget(button)
        talk_buttons.addStretch(1)
        talks_layout.addLayout(talk_buttons)
        docs = QGroupBox("Dokumentation for fraværet")
        docs_layout = QVBoxLayout(docs)
        docs_layout.addWidget(self.requests, 1)
        doc_buttons = QHBoxLayout()
        for button in (self.request_button, self.edit_request_button, self.letter_button):
            doc_buttons.addWidget(button)
        doc_buttons.addStretch(1)
        docs_layout.addLayout(doc_buttons)
        bottom = QHBoxLayout()
        bottom.addWidget(self.leaflet_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(talks, 3)
        layout.addWidget(docs, 2)
        layout.addLayout(bottom)

    def reload(self) -> None:
        today = self.store.today()
        own = self.store.conversations.for_employee(self.employee.id)
        self._talks = sorted(own, key=lambda c: c.invitation.meeting_on, reverse=True)
        self.conversations.clear()
        for talk in self._talks:
            QListWidgetItem(conversation_line(talk), self.conversations)
        self._requests = self.store.document_requests.for_employee(self.employee.id)
        self.requests.clear()
        for request in self._requests:
            QListWidgetItem(request_line(request, today), self.requests)
        self._enable()

    def _enable(self) -> None:
        talk = self.selected_conversation()
        self.open_button.setEnabled(talk is not None)
        self.minutes_button.setEnabled(talk is not None and talk.is_held)
        self.delete_button.setEnabled(talk is not None and not talk.is_held)
        self.plan_button.setEnabled(
            talk is not None and talk.is_held and talk.spell_id is not None
            and any(step.kind is NextStepKind.RETENTION_PLAN for step in talk.steps)
        )  # fmt: skip
        has_request = self.selected_request() is not None
        self.edit_request_button.setEnabled(has_request)
        self.letter_button.setEnabled(has_request)

    def selected_conversation(self) -> Conversation | None:
        row = self.conversations.currentRow()
        return self._talks[row] if 0 <= row < len(self._talks) else None

    def selected_request(self) -> DocumentRequest | None:
        row = self.requests.currentRow()
        return self._requests[row] if 0 <= row < len(self._requests) else None

    def new_conversation(self) -> None:
        kind = ConversationKind(self.kind.currentData())
        spell_id = self.spell.id if self.spell and kind.needs_ongoing_absence else None
        if spell_id is None and kind.needs_ongoing_absence:
            ongoing = [
                s for s in self.store.absences.for_employee(self.employee.id) if s.is_ongoing
            ]
            spell_id = ongoing[-1].id if ongoing else None
        self.actions.open_conversation(self.employee.id, kind, spell_id, parent=self)
        self.reload()

    def open_selected(self) -> None:
        talk = self.selected_conversation()
        if talk is not None:
            self.actions.open_conversation(
                self.employee.id, talk.kind, talk.spell_id, talk.id, parent=self
            )
            self.reload()

    def open_plan(self) -> None:
        """The absence's retention plan; a new one is filled in from the selected conversation."""
        talk = self.selected_conversation()
        if talk is not None:
            self.actions.open_retention_plan(
                self.employee.id, talk.spell_id, conversation=talk, parent=self
            )

    def show_minutes(self) -> None:
        talk = self.selected_conversation()
        if talk is not None:
            self.actions.show_minutes(talk, parent=self)
            self.reload()

    def delete_selected(self) -> None:
        talk = self.selected_conversation()
        if talk is None or talk.is_held:
            return
        if ask_yes_no(self, "Slet kladde", f"Slet kladden til {talk.kind.title.lower()}? Noterne "
                      "slettes også, og det kan ikke fortrydes.", "Slet"):  # fmt: skip
            self.store.conversations.delete(talk.id)
            self.actions.conversation_saved.emit(self.employee.id)
            self.reload()

    def new_request(self) -> None:
        self.actions.request_documentation(self.employee.id, self.spell, parent=self)
        self.reload()

    def edit_selected_request(self) -> None:
        request = self.selected_request()
        if request is not None:
            self.actions.request_documentation(self.employee.id, None, request, parent=self)
            self.reload()

    def print_request_letter(self) -> None:
        request = self.selected_request()
        if request is not None:
            self.actions.print_request_letter(request, parent=self)
