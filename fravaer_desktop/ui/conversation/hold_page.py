"""Step 3, Hold samtalen: the sections in order, suggested phrasings, what you may and may not
ask, and notes typed as you go. Ctrl+PgDown / Ctrl+PgUp move between the sections."""

from __future__ import annotations

from xml.sax.saxutils import escape

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from fravaer_desktop.core.guides import GuideSection
from fravaer_desktop.ui.conversation.notes_edit import NotesEdit
from fravaer_desktop.ui.note_style import note_style


def bullet_html(lines: tuple[str, ...]) -> str:
    return "".join(f"<p style='margin: 0 0 6px 0'>• {escape(line)}</p>" for line in lines)


def wrapping_label(object_name: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    label.setObjectName(object_name)
    return label


class HoldPage(QWizardPage):
    """One section at a time; the list on the left shows where you are and which have notes."""

    def __init__(self, wizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("3. Hold samtalen")
        self.setSubTitle(
            "Tag punkterne i rækkefølge, og skriv kort undervejs: hvad medarbejderen kan, og "
            "hvad I aftaler. Ctrl+PgDown går til næste punkt."
        )
        self.sections = QListWidget()
        self.sections.setAccessibleName("Samtalens punkter")
        self.sections.setWordWrap(True)
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setSpacing(2)
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.purpose = wrapping_label("sectionPurpose")
        self.phrasings = wrapping_label("phrasings")
        self.may_ask = wrapping_label("mayAsk")
        self.may_not_ask = wrapping_label("mayNotAsk")
        self.notes = NotesEdit(wizard, "", "&Noter til dette punkt")
        self._build_layout()
        self.sections.currentRowChanged.connect(self._show_section)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.move(step))
        # The notes field would take Ctrl+PgDown as "page down" before the shortcut sees it.
        self.notes.edit.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt API)
        if watched is self.notes.edit and event.type() == QEvent.Type.KeyPress:
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                step = {Qt.Key.Key_PageDown: 1, Qt.Key.Key_PageUp: -1}.get(event.key())
                if step is not None:
                    self.move(step)
                    return True
        return super().eventFilter(watched, event)

    def _build_layout(self) -> None:
        talk = QWidget()
        talk_layout = QVBoxLayout(talk)
        talk_layout.addWidget(self.heading)
        talk_layout.addWidget(self.purpose)
        phrasings_box = QGroupBox("Sådan kan du sige det")
        QVBoxLayout(phrasings_box).addWidget(self.phrasings)
        talk_layout.addWidget(phrasings_box)
        talk_layout.addWidget(self.notes, 1)
        may = QWidget()
        may_layout = QVBoxLayout(may)
        may_box = QGroupBox("Det må du spørge om")
        QVBoxLayout(may_box).addWidget(self.may_ask)
        may_not_box = QGroupBox("Det må du ikke spørge om")
        may_not_box.setStyleSheet("QGroupBox { color: #8a1c1c; font-weight: 600; }")
        QVBoxLayout(may_not_box).addWidget(self.may_not_ask)
        source = QLabel(escape(self._wizard.guides.may_source))
        source.setWordWrap(True)
        source.setStyleSheet(note_style())
        may_layout.addWidget(may_box)
        may_layout.addWidget(may_not_box)
        may_layout.addWidget(source)
        may_layout.addStretch(1)
        may_scroll = QScrollArea()
        may_scroll.setWidget(may)
        may_scroll.setWidgetResizable(True)
        may_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        may_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter()
        splitter.addWidget(self.sections)
        splitter.addWidget(talk)
        splitter.addWidget(may_scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 3)
        splitter.setChildrenCollapsible(False)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    def initializePage(self) -> None:  # noqa: N802 (Qt API)
        self.sections.blockSignals(True)
        self.sections.clear()
        for number, section in enumerate(self._wizard.guide.sections, start=1):
            self.sections.addItem(f"{number}. {section.title}")
        self.sections.blockSignals(False)
        self.sections.setCurrentRow(0)
        self._show_section(0)
        self.notes.edit.setFocus()

    def section(self) -> GuideSection:
        return self._wizard.guide.sections[max(0, self.sections.currentRow())]

    def move(self, step: int) -> None:
        row = self.sections.currentRow() + step
        if 0 <= row < self.sections.count():
            self.sections.setCurrentRow(row)
            self.notes.edit.setFocus()

    def _show_section(self, row: int) -> None:
        if row < 0:
            return
        self._mark_sections_with_notes()
        section = self._wizard.guide.sections[row]
        optional = " (valgfrit)" if section.optional and "valgfrit" not in section.title else ""
        self.heading.setText(f"{row + 1}. {section.title}{optional}")
        self.purpose.setText(escape(section.purpose).replace("\n\n", "<br><br>"))
        self.phrasings.setText(bullet_html(section.phrasings))
        may_ask = section.may_ask or self._wizard.guides.general_may_ask
        may_not = section.may_not_ask or self._wizard.guides.general_may_not_ask
        self.may_ask.setText(bullet_html(may_ask))
        self.may_not_ask.setText(bullet_html(may_not))
        self.notes.set_section(section.id, section.note_hint)

    def _mark_sections_with_notes(self) -> None:
        """A tick in the list for every section that has notes, so nothing is forgotten."""
        self.notes.save_now()
        notes = self._wizard.conversation.notes if self._wizard.conversation else {}
        for number, section in enumerate(self._wizard.guide.sections):
            tick = "  ✓" if notes.get(section.id, "").strip() else ""
            self.sections.item(number).setText(f"{number + 1}. {section.title}{tick}")
