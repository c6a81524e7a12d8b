"""Step 2, Forbered: the checklist and own notes, beside the facts of the employee's absence."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from fravaer_desktop.core.absence import joined_absences
from fravaer_desktop.core.conversation import Conversation
from fravaer_desktop.core.counters import months_before
from fravaer_desktop.core.danish import counted, long_date
from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.ui.conversation.notes_edit import NotesEdit

PREPARATION_NOTES = "forberedelse"  # the section id of the manager's own preparation notes


def absence_facts(
    spells: list[AbsenceSpell], conversations: list[Conversation], today: date
) -> list[str]:
    """What the program knows that the manager should have read before the meeting."""
    lines = []
    since = months_before(today, 12)
    recent = [
        (whole, parts) for whole, parts in joined_absences(spells) if whole.end_or(today) >= since
    ]
    for whole, _parts in sorted(recent, key=lambda wp: wp[0].first_day, reverse=True):
        days = (whole.end_or(today) - whole.first_day).days + 1
        if whole.covers(today):
            lines.append(
                f"Fraværende nu: siden {long_date(whole.first_day)} (dag {days}), "
                f"{whole.kind.title.lower()}."
            )
        else:
            period = long_date(whole.first_day)
            if whole.last_day != whole.first_day:
                period += f" – {long_date(whole.last_day)}"
            lines.append(
                f"{period}: {counted(days, 'kalenderdag', 'kalenderdage')}, "
                f"{whole.kind.title.lower()}."
            )
    if not recent:
        lines.append("Intet fravær registreret de seneste 12 måneder.")
    held = [c for c in conversations if c.is_held]
    for talk in sorted(held, key=lambda c: c.held_on, reverse=True):
        lines.append(f"Tidligere samtale: {talk.kind.title}, holdt {long_date(talk.held_on)}.")
    return lines


class PreparePage(QWizardPage):
    """The checklist from the guide; the letter, the calendar file and the paper guide."""

    def __init__(self, wizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("2. Forbered dig")
        self.setSubTitle(
            "Giv medarbejderen indkaldelsen, og brug et kvarter på at forberede dig. Sæt tid af "
            "før og efter mødet."
        )
        self.checklist = QVBoxLayout()
        self.notes = NotesEdit(wizard, PREPARATION_NOTES, "Egne noter til forberedelsen")
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.facts.setObjectName("absenceFacts")
        self.letter_button = QPushButton("Udskriv &indkaldelse…")
        self.calendar_button = QPushButton("Gem mødet i &kalenderen…")
        self.guide_button = QPushButton("Udskriv samtale&guiden (tom)…")
        self.leaflet_button = QPushButton("Udskriv &pjecen »Når du er syg«…")
        self.letter_button.clicked.connect(wizard.print_invitation)
        self.calendar_button.clicked.connect(wizard.save_meeting_in_calendar)
        self.guide_button.clicked.connect(wizard.print_blank_guide)
        self.leaflet_button.clicked.connect(wizard.print_leaflet)
        self._build_layout()

    def _build_layout(self) -> None:
        tick_box = QGroupBox("Tjekliste")
        tick_box.setLayout(self.checklist)
        left = QVBoxLayout()
        left.addWidget(tick_box)
        left.addWidget(self.notes, 1)
        facts_box = QGroupBox("Fraværet, som programmet kender det")
        facts_layout = QVBoxLayout(facts_box)
        facts_layout.addWidget(self.facts)
        facts_layout.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(facts_box, 1)
        for button in (self.letter_button, self.calendar_button, self.guide_button,
                       self.leaflet_button):  # fmt: skip
            right.addWidget(button)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        wizard = self._wizard
        while self.checklist.count():
            self.checklist.takeAt(0).widget().deleteLater()
        for line in wizard.guide.preparation:
            self.checklist.addWidget(TickLine(line))
        self.notes.load()
        facts = absence_facts(wizard.spells, wizard.earlier_conversations(), wizard.today)
        self.facts.setText("\n\n".join(facts))

    def checklist_texts(self) -> list[str]:
        return [self.checklist.itemAt(i).widget().text() for i in range(self.checklist.count())]


class TickLine(QWidget):
    """A check box with a text that wraps (QCheckBox's own text never does)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.box = QCheckBox()
        self.box.setAccessibleName(text)
        self.label = QLabel(text)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setBuddy(self.box)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)

    def text(self) -> str:
        return self.label.text()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.box.toggle()  # a click on the text ticks the box too
        super().mousePressEvent(event)
