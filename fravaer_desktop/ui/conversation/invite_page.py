"""Step 1, Indkald: when, how, where and who; the purpose in plain words; warnings as you type."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWizardPage,
)

from fravaer_desktop.core.calendar import is_working_day
from fravaer_desktop.core.conversation import (
    ConversationKind,
    Invitation,
    MeetingForm,
    check_invitation,
)
from fravaer_desktop.core.validation import ValidationError
from fravaer_desktop.ui.note_style import note_style
from fravaer_desktop.ui.widgets.date_field import DateField
from fravaer_desktop.ui.widgets.form_errors import ERROR_STYLE, FieldErrors

WARNING_STYLE = "color: #8a5a00; font-weight: 600;"


def suggested_meeting_day(today: date) -> date:
    """Three working days ahead: two whole working days of notice between."""
    day, found = today, 0
    while found < 3:
        day += timedelta(days=1)
        found += is_working_day(day)
    return day


class InvitePage(QWizardPage):
    """The invitation; stored as the conversation's draft when the user goes on."""

    def __init__(self, wizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("1. Indkald")
        self.setSubTitle(
            "Vælg tid og sted, og skriv formålet med almindelige ord. Medarbejderen får et brev. "
            "Alt, du skriver i samtalen, gemmes som kladde, mens du skriver."
        )
        self.errors = FieldErrors()
        #: A new invitation as first shown (with the date as typed), to tell whether it changed.
        self._as_opened: tuple[Invitation, str] | None = None
        self.kind = QComboBox()
        for kind in ConversationKind:
            self.kind.addItem(wizard.guides.conversations[kind.value].title, kind.value)
        self.meeting_on = DateField(suggested_meeting_day(wizard.today))
        self.meeting_time = QLineEdit("10:00")
        self.meeting_time.setMaxLength(5)
        self.form = QComboBox()
        for form in MeetingForm:
            self.form.addItem(form.title, form.value)
        self.place = QLineEdit()
        self.place.setPlaceholderText("fx kontoret bag butikken")
        self.participants = QPlainTextEdit()
        self.participants.setPlaceholderText("Én pr. linje, fx 'Mette Holm, indehaver'")
        self.participants.setTabChangesFocus(True)
        self.participants.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.companion = QCheckBox("Tilbyd medarbejderen at tage en bisidder med")
        self.companion.setChecked(True)
        self.purpose = QPlainTextEdit()
        self.purpose.setTabChangesFocus(True)
        self.purpose.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.purpose_hint = QLabel()
        self.purpose_hint.setWordWrap(True)
        self.purpose_hint.setStyleSheet(note_style())
        self.purpose_health = QLabel()
        self.purpose_health.setWordWrap(True)
        self.purpose_health.setStyleSheet(ERROR_STYLE)
        self.purpose_health.setObjectName("healthWarning")
        self.purpose_health.hide()
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        self.warnings.setObjectName("invitationWarnings")
        self._build_layout()
        for signal in (self.kind.currentIndexChanged, self.form.currentIndexChanged):
            signal.connect(self._show_warnings)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.meeting_on.dateChanged.connect(lambda _: self._show_warnings())
        self.meeting_time.textChanged.connect(self._show_warnings)
        self.purpose.textChanged.connect(self._check_purpose)

    def _build_layout(self) -> None:
        form = QFormLayout()
        self.errors.add_row(form, "&Samtale:", self.kind, "kind")
        self.errors.add_row(form, "&Dato:", self.meeting_on, "meeting_on")
        self.errors.add_row(form, "&Klokken:", self.meeting_time, "meeting_time")
        self.errors.add_row(form, "&Form:", self.form, "form")
        self.errors.add_row(form, "S&ted:", self.place, "place")
        self.errors.add_row(form, "&Deltagere:", self.participants, "participants")
        form.addRow("", self.companion)
        self.errors.add_row(form, "&Formål:", self.purpose, "purpose")
        form.addRow("", self.purpose_health)
        form.addRow("", self.purpose_hint)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.warnings)
        layout.addWidget(self.errors.general)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        conversation = self._wizard.conversation
        kind = conversation.kind if conversation else self._wizard.kind
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        if conversation is not None:
            self.set_invitation(conversation.invitation)
        self.kind.setEnabled(conversation is None)
        if conversation is None and not self.purpose.toPlainText().strip():
            self.purpose.setPlainText(self._suggested_purpose())
        self._show_purpose_hint()
        self._show_warnings()
        if conversation is None and self._as_opened is None:
            self._as_opened = (self.invitation(), self.meeting_on.text())

    def has_unsaved_input(self) -> bool:
        """True when a new invitation has been filled in or changed but not yet stored."""
        if self._wizard.conversation is not None or self._as_opened is None:
            return False
        return (self.invitation(), self.meeting_on.text()) != self._as_opened

    def set_invitation(self, invitation: Invitation) -> None:
        self.meeting_on.set_date(invitation.meeting_on)
        self.meeting_time.setText(invitation.meeting_time)
        self.form.setCurrentIndex(self.form.findData(invitation.form.value))
        self.place.setText(invitation.place)
        self.participants.setPlainText("\n".join(invitation.participants))
        self.companion.setChecked(invitation.companion_offered)
        self.purpose.setPlainText(invitation.purpose)

    def _kind_changed(self) -> None:
        """A purpose still as suggested follows the kind; one the user wrote is kept."""
        suggestions = {
            guide.invitation_text.split("\n\n")[0]
            for guide in self._wizard.guides.conversations.values()
        }
        if self.purpose.toPlainText().strip() in suggestions | {""}:
            self.purpose.setPlainText(self._suggested_purpose())

    def invitation(self) -> Invitation:
        wizard = self._wizard
        existing = wizard.conversation
        return Invitation(
            kind=ConversationKind(self.kind.currentData()),
            employee_id=wizard.employee.id,
            meeting_on=self.meeting_on.date_value(),
            meeting_time=self.meeting_time.text().strip(),
            form=MeetingForm(self.form.currentData()),
            place=self.place.text(),
            participants=tuple(self.participants.toPlainText().splitlines()),
            invited_on=existing.invitation.invited_on if existing else wizard.today,
            spell_id=wizard.spell_id,
            companion_offered=self.companion.isChecked(),
            purpose=self.purpose.toPlainText(),
        )

    def _check_purpose(self) -> None:
        warning = self._wizard.health_check.warning_for(self.purpose.toPlainText())
        self.purpose_health.setText(warning or "")
        self.purpose_health.setVisible(bool(warning))

    def _suggested_purpose(self) -> str:
        guide = self._wizard.guides.conversations[self.kind.currentData()]
        return guide.invitation_text.split("\n\n")[0]

    def _show_purpose_hint(self) -> None:
        self.purpose_hint.setText(
            "Ret gerne forslaget til dine egne ord. Brevet fortæller også, at medarbejderen kan "
            "tage en bisidder med, at samtalen kan holdes over telefonen, og at I ikke skal tale "
            "om diagnosen."
        )

    def _show_warnings(self) -> None:
        invitation = self.invitation()
        if self._wizard.conversation is not None:
            # A stored invitation is not 'short notice' again because it is opened later.
            invitation = replace(
                invitation, invited_on=self._wizard.conversation.invitation.invited_on
            )
        errors, warnings = check_invitation(invitation, self._wizard.spells, self._wizard.today)
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        self.errors.clear()
        typed_wrong = self.errors.input_errors()
        if typed_wrong:
            self.errors.show(ValidationError(typed_wrong))
            return False
        invitation = self.invitation()
        if not invitation.purpose.strip():
            guide = self._wizard.guides.conversations[invitation.kind.value]
            invitation = replace(invitation, purpose=guide.invitation_text)
            self.purpose.setPlainText(guide.invitation_text)
        try:
            self._wizard.store_invitation(invitation)
        except ValidationError as error:
            self.errors.show(error)
            return False
        return True
