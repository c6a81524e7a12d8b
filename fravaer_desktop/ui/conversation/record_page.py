"""Step 4, Aftaler: what was agreed, the expected return, more than 8 weeks, the next contact and
the next steps; saved as a draft as it is typed. Step 5, Afslut: the day held, then the minutes."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from fravaer_desktop.core.conversation import (
    AgreedStep,
    Conversation,
    ConversationKind,
    NextStepKind,
    Over8Weeks,
)
from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.validation import ValidationError
from fravaer_desktop.ui.conversation.notes_edit import SAVE_DELAY_MS, NotesEdit
from fravaer_desktop.ui.widgets.date_field import DateField, OptionalDateField
from fravaer_desktop.ui.widgets.form_errors import ERROR_STYLE, FieldErrors

AGREEMENTS = "aftaler"  # the notes 'section' that holds the agreements (stored on the row)


class StepRow:
    """One possible next step: ticked or not, what exactly, who, and by when."""

    def __init__(self, kind: NextStepKind, today) -> None:
        self.kind = kind
        self.check = QCheckBox(kind.title)
        self.text = QLineEdit()
        self.text.setPlaceholderText("Hvad, konkret")
        self.responsible = QLineEdit()
        self.responsible.setPlaceholderText("Hvem")
        self.due = OptionalDateField("Senest", None, today + timedelta(days=7))

    def widgets(self) -> list[QWidget]:
        return [self.check, self.text, self.responsible, self.due]

    def set_step(self, step: AgreedStep | None) -> None:
        self.check.setChecked(step is not None)
        self.text.setText(step.text if step else "")
        self.responsible.setText(step.responsible if step else "")
        self.due.set_value(step.due if step else None)

    def step(self) -> AgreedStep | None:
        if not self.check.isChecked():
            return None
        return AgreedStep(self.kind, self.text.text(), self.due.value(), self.responsible.text())


class RecordPage(QWizardPage):
    def __init__(self, wizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("4. Aftaler")
        self.setSubTitle("Skriv det, I aftalte, så begge kan genkende det i referatet.")
        self.errors = FieldErrors()
        self.agreements = NotesEdit(wizard, AGREEMENTS)
        self.expected_return = OptionalDateField("Ventet tilbage", None, wizard.today)
        self.over_8_weeks = QButtonGroup(self)
        self.over_8_weeks_row = QWidget()
        row = QHBoxLayout(self.over_8_weeks_row)
        row.setContentsMargins(0, 0, 0, 0)
        for answer in Over8Weeks:
            button = QRadioButton(answer.title)
            button.setProperty("answer", answer.value)
            self.over_8_weeks.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.next_contact = OptionalDateField("Aftalt", None, wizard.today + timedelta(days=7))
        self.steps = [StepRow(kind, wizard.today) for kind in NextStepKind]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._loading = False
        self._build_layout()
        self.expected_return.changed.connect(self._changed)
        self.next_contact.changed.connect(self._changed)
        self.over_8_weeks.buttonToggled.connect(lambda *_: self._changed())
        for step in self.steps:
            step.check.toggled.connect(self._changed)
            step.text.textChanged.connect(self._changed)
            step.responsible.textChanged.connect(self._changed)
            step.due.changed.connect(self._changed)

    def _build_layout(self) -> None:
        form = QFormLayout()
        self.errors.add_row(form, "&Aftaler:", self.agreements, "agreements")
        self.errors.add_row(form, "&Tilbage:", self.expected_return, "expected_return")
        self.over_8_label = self.errors.add_row(
            form, "Mere end &8 uger?", self.over_8_weeks_row, "over_8_weeks"
        )
        self.errors.add_row(form, "&Næste kontakt:", self.next_contact, "next_contact_on")
        steps_box = QGroupBox("Næste skridt")
        grid = QGridLayout(steps_box)
        for row, step in enumerate(self.steps):
            for column, widget in enumerate(step.widgets()):
                grid.addWidget(widget, row, column)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 1)
        self.steps_health = QLabel()
        self.steps_health.setWordWrap(True)
        self.steps_health.setStyleSheet(ERROR_STYLE)
        self.steps_health.setObjectName("healthWarning")
        self.steps_health.hide()
        self.steps_error = QLabel()
        self.steps_error.setWordWrap(True)
        self.steps_error.setStyleSheet(ERROR_STYLE)
        self.steps_error.hide()
        self.errors.attach("steps", self.steps_error)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(steps_box)
        layout.addWidget(self.steps_health)
        layout.addWidget(self.steps_error)
        layout.addWidget(self.errors.general)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        conversation = self._wizard.conversation
        self._loading = True
        self.agreements.edit.setPlainText(conversation.agreements)
        self.agreements._check(conversation.agreements)  # noqa: SLF001
        self.expected_return.set_value(conversation.expected_return)
        self.next_contact.set_value(conversation.next_contact_on)
        is_7a = conversation.kind is ConversationKind.ABSENCE
        self.over_8_weeks_row.setVisible(is_7a)
        form = self.over_8_weeks_row.parentWidget().layout()
        if isinstance(form, QFormLayout):
            form.setRowVisible(self.over_8_weeks_row, is_7a)
        for button in self.over_8_weeks.buttons():
            answer = conversation.over_8_weeks
            button.setChecked(answer is not None and button.property("answer") == answer.value)
        by_kind = {step.kind: step for step in conversation.steps}
        for row in self.steps:
            row.set_step(by_kind.get(row.kind))
        self._loading = False

    def record(self, conversation: Conversation) -> Conversation:
        checked = self.over_8_weeks.checkedButton()
        return replace(
            conversation,
            agreements=self.agreements.text(),
            expected_return=self.expected_return.value(),
            over_8_weeks=Over8Weeks(checked.property("answer")) if checked else None,
            next_contact_on=self.next_contact.value(),
            steps=tuple(s for s in (row.step() for row in self.steps) if s is not None),
        )

    def save_now(self) -> None:
        self._timer.stop()
        if self._wizard.conversation is not None:
            self._wizard.save_record(self.record(self._wizard.conversation))

    def save_if_pending(self) -> None:
        """Write a change still waiting for the typing pause (the form was filled from the
        stored conversation, so an untouched form has nothing to write)."""
        if self._timer.isActive():
            self.save_now()

    def _changed(self, *_args) -> None:
        texts = " ".join(f"{r.text.text()} {r.responsible.text()}" for r in self.steps)
        warning = self._wizard.health_check.warning_for(texts)
        self.steps_health.setText(warning or "")
        self.steps_health.setVisible(bool(warning))
        if not self._loading:
            self._timer.start()

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        self.errors.clear()
        typed_wrong = self.errors.input_errors()
        if typed_wrong:
            self.errors.show(ValidationError(typed_wrong))
            return False
        self.save_now()
        return True


class FinishPage(QWizardPage):
    """The day it was held; finishing marks it held and prints the minutes."""

    def __init__(self, wizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("5. Afslut og udskriv referatet")
        self.setSubTitle(
            "Når du trykker »Afslut«, bliver samtalen markeret som holdt, og referatet vises, så "
            "I kan udskrive det og skrive under begge to."
        )
        self.errors = FieldErrors()
        self.held_on = DateField(wizard.today)
        self.held_on.setMaximumWidth(self.held_on.sizeHint().width() * 2)
        self.what_happens = QLabel()
        self.what_happens.setWordWrap(True)
        self.what_happens.setObjectName("whatHappens")
        self.versions = QLabel()
        self.versions.setWordWrap(True)
        self.versions.setObjectName("minutesVersions")
        self.sheet_button = QPushButton("Udskriv forberedelsesark til lægen…")
        self.sheet_button.clicked.connect(wizard.print_opportunity_sheet)
        form = QFormLayout()
        self.errors.add_row(form, "Samtalen blev &holdt:", self.held_on, "held_on")
        for field in ("over_8_weeks", "next_contact_on", "steps"):
            label = QLabel()
            label.setWordWrap(True)
            label.setStyleSheet(ERROR_STYLE)
            label.hide()
            form.addRow("", label)
            self.errors.attach(field, label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors.general)
        layout.addWidget(self.what_happens)
        layout.addWidget(self.versions)
        layout.addWidget(self.sheet_button)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        conversation = self._wizard.conversation
        meeting = conversation.invitation.meeting_on
        self.held_on.set_date(conversation.held_on or min(meeting, self._wizard.today))
        versions = self._wizard.store.conversations.minutes(conversation.id)
        lines = [f"Version {v.version}, udskrevet {long_date(v.printed_on)}" for v in versions]
        self.versions.setText(
            "Udskrevne referater: " + "; ".join(lines) + ". En ændring giver en ny version; de "
            "tidligere kan stadig åbnes."
            if lines
            else ""
        )
        self.versions.setVisible(bool(lines))
        self.sheet_button.setVisible(conversation.kind is ConversationKind.OPPORTUNITY)
        self.what_happens.setText(what_happens_text(conversation))

    def validatePage(self) -> bool:  # noqa: N802 (Qt API)
        self.errors.clear()
        typed_wrong = self.errors.input_errors()
        if typed_wrong:
            self.errors.show(ValidationError(typed_wrong))
            return False
        try:
            self._wizard.finish(self.held_on.date_value())
        except ValidationError as error:
            self.errors.show(error)
            return False
        return True


def what_happens_text(conversation: Conversation) -> str:
    """What finishing does to the Overblik, in words, so nothing comes as a surprise."""
    lines = ["Når du afslutter:"]
    if conversation.kind is ConversationKind.ABSENCE:
        lines.append("• Sygefraværssamtalen på Overblikket bliver markeret som klaret den dag, den "
                     "blev holdt.")  # fmt: skip
    if conversation.kind is ConversationKind.FREQUENT:
        lines.append("• Samtalen om hyppigt fravær på Overblikket bliver markeret som klaret.")
    if conversation.next_contact_on is not None:
        lines.append(
            f"• Næste kontakt {long_date(conversation.next_contact_on)} kommer på Overblikket."
        )
    for step in conversation.steps:
        when = f" senest {long_date(step.due)}" if step.due else ""
        lines.append(f"• »{step.title}«{when} kommer på Overblikket.")
    lines.append("• Referatet vises, så I kan udskrive det og skrive under.")
    return "\n".join(lines)
