"""The APV's sickness part, phase by phase on tabs: the frame, the figures, the assessment, the
action plan, and the follow-up. A draft is saved as it is typed; a completed APV is shown as it
was (its stored figures), and only its action plan can still be followed up."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.apv import (
    Answer,
    Apv,
    ApvFigures,
    ChecklistAnswer,
    amo_required,
    apv_figures,
    mentioned_names,
    revision_due,
)
from fravaer_desktop.core.charts import statistics_chart
from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.guides import ApvChecklist
from fravaer_desktop.core.privacy import HealthTextCheck
from fravaer_desktop.core.validation import ValidationError
from fravaer_desktop.storage.apv_repository import figures_from_json
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.apv.action_table import ActionTable
from fravaer_desktop.ui.apv.figures_view import figures_html
from fravaer_desktop.ui.messages import show_information
from fravaer_desktop.ui.note_style import note_style
from fravaer_desktop.ui.widgets.bar_chart import BarChartWidget
from fravaer_desktop.ui.widgets.checked_text import CheckedText, scroll_area
from fravaer_desktop.ui.widgets.date_field import DateField
from fravaer_desktop.ui.widgets.form_errors import ERROR_STYLE

SAVE_DELAY_MS = 400
PHASE_TEXTS = {
    "kortlaegning": (
        "Kortlægning",
        "Hvad har I kortlagt af arbejdsmiljøet, og hvordan (rundgang, spørgeskema, "
        "personalemøde)? Skriv om forhold i arbejdet, ikke om personer.",
    ),
    "sygefravaer": (
        "Hvad siger fraværstallene?",
        "Ser I noget i tallene, der kan hænge sammen med arbejdsmiljøet – fx en travl periode, "
        "en afdeling, mandage? Det er arbejdsmiljøets betydning for fraværet, I vurderer.",
    ),
    "aendringer": (
        "Ændringer i arbejdet",
        "Nye maskiner, nye arbejdsgange, ombygning, flere eller færre ansatte: hvad er ændret "
        "siden sidst?",
    ),
    "retningslinjer": (
        "Retningslinjer for opfølgning",
        "Hvem følger op på handlingsplanen, hvornår og hvordan? Fx på personalemødet hver "
        "tredje måned.",
    ),
}
ANSWERS = (("–", None), *((a.title, a.value) for a in Answer))


class ApvEditor(QDialog):
    """Edits (or shows) the APV `apv_id`; `apv_saved` after every stored change."""

    apv_saved = Signal()

    def __init__(
        self, store: Store, health_check: HealthTextCheck, checklist: ApvChecklist, apv_id: int,
        print_apv, print_checklist, parent: QWidget | None = None,
    ):  # fmt: skip
        super().__init__(parent)
        self.store, self.checklist = store, checklist
        self._health_check = health_check
        self._print_apv, self._print_checklist = print_apv, print_checklist
        self.repository = store.apvs
        self.apv = self.repository.get(apv_id)
        self._employees = store.employees.list_all()
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._write)
        self.setWindowTitle("APV: sygefravær og arbejdsmiljø")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.save_problem = QLabel()
        self.save_problem.setStyleSheet(ERROR_STYLE)
        self.save_problem.setWordWrap(True)
        self.save_problem.hide()
        self.texts: dict[str, CheckedText] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(self._frame_tab(), "&1 Ramme")
        self.tabs.addTab(self._figures_tab(), "&2 Fraværstallene")
        self.tabs.addTab(self._checklist_tab(), "&3 Vurdering")
        self.tabs.addTab(self._actions_tab(), "&4 Handlingsplan")
        self.tabs.addTab(self._follow_up_tab(), "&5 Opfølgning og afslut")
        self.print_button = QPushButton("&Udskriv APV…")
        self.print_button.clicked.connect(self.print_apv)
        self.close_button = QPushButton("Luk")
        self.close_button.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.save_problem)
        layout.addLayout(bottom)
        self.resize(self.fontMetrics().averageCharWidth() * 130,
                    self.fontMetrics().lineSpacing() * 44)  # fmt: skip
        self._show()

    # --- Warnings ----------------------------------------------------------------------------

    def warning_for(self, text: str) -> str | None:
        """The health warning, or that the text names an employee."""
        names = mentioned_names(text, self._employees)
        if names:
            return (
                f"Teksten nævner {', '.join(names)}. APV'en er for hele personalet og handler "
                "om forhold i arbejdet, ikke om personer: skriv fx »i bageriet om morgenen«."
            )
        return self._health_check.warning_for(text)

    def _text(self, key: str, multi_line: bool = True, placeholder: str = "") -> CheckedText:
        text = CheckedText(self.warning_for, self._changed, multi_line, placeholder)
        self.texts[key] = text
        return text

    # --- Tabs --------------------------------------------------------------------------------

    def _phase(self, layout, key: str) -> None:
        title, help_text = PHASE_TEXTS[key]
        label = QLabel(f"<b>{title}</b>")
        hint = QLabel(help_text)
        hint.setWordWrap(True)
        hint.setStyleSheet(note_style())
        layout.addWidget(label)
        layout.addWidget(hint)
        layout.addWidget(self._text(key))

    def _frame_tab(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        intro = QLabel(
            "APV'en har fem faser: kortlægning, beskrivelse og vurdering, inddragelse af "
            "sygefraværet, en prioriteret handlingsplan og retningslinjer for opfølgning. Fravær "
            "tager sig af sygefraværsdelen og skriver det ned, I har brug for fra de andre faser. "
            "Gør det sammen med medarbejderne."
        )
        intro.setWordWrap(True)
        intro.setStyleSheet(note_style())
        layout.addWidget(intro)
        form = QFormLayout()
        self.made_on = DateField(self.apv.made_on)
        self.period_first = DateField(self.apv.period_first)
        self.period_last = DateField(self.apv.period_last)
        for field in (self.made_on, self.period_first, self.period_last):
            field.dateChanged.connect(self._period_changed)
        period = QHBoxLayout()
        period.addWidget(self.period_first)
        period.addWidget(QLabel("til"))
        period.addWidget(self.period_last)
        period.addStretch(1)
        self.period_error = QLabel()
        self.period_error.setStyleSheet(ERROR_STYLE)
        self.period_error.hide()
        participants = self._text(
            "participants", multi_line=False,
            placeholder="Fx indehaveren, to fra bageriet og en fra caféen (roller, ikke navne)",
        )  # fmt: skip
        self.amo = QCheckBox("Arbejdsmiljøorganisationen har deltaget")
        self.amo.toggled.connect(self._changed)
        self.amo_note = QLabel()
        self.amo_note.setWordWrap(True)
        self.amo_note.setStyleSheet(note_style())
        form.addRow("APV'ens &dato:", self.made_on)
        form.addRow("Perioden for tallene:", period)
        form.addRow("", self.period_error)
        form.addRow("&Deltagere:", participants)
        form.addRow("", self.amo)
        form.addRow("", self.amo_note)
        layout.addLayout(form)
        self._phase(layout, "kortlaegning")
        self._phase(layout, "aendringer")
        layout.addStretch(1)
        return scroll_area(widget)

    def _figures_tab(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        self.figures_label = QLabel()
        self.figures_label.setWordWrap(True)
        self.figures_label.setTextFormat(Qt.TextFormat.RichText)
        self.figures_label.setObjectName("apvFigures")
        self.chart = BarChartWidget()
        layout.addWidget(self.figures_label)
        layout.addWidget(self.chart)
        self._phase(layout, "sygefravaer")
        layout.addStretch(1)
        return scroll_area(widget)

    def _checklist_tab(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        intro = QLabel(self.checklist.intro)
        intro.setWordWrap(True)
        intro.setStyleSheet(note_style())
        layout.addWidget(intro)
        self.answers: dict[str, tuple[QComboBox, QComboBox, CheckedText]] = {}
        for group in self.checklist.groups:
            box = QGroupBox(group.title)
            grid = QGridLayout(box)
            grid.setColumnStretch(3, 1)
            for column, title in enumerate(("", "Relevant her?", "Kan påvirke fraværet?",
                                            "Hvad siger tallene og medarbejderne?")):  # fmt: skip
                grid.addWidget(QLabel(f"<i>{title}</i>"), 0, column)
            for row, item in enumerate(group.items, start=1):
                name = QLabel(f"<b>{escape(item.title)}</b>")
                name.setToolTip(item.help)
                relevant, affects = QComboBox(), QComboBox()
                for combo, what in ((relevant, "relevant"), (affects, "kan påvirke fraværet")):
                    for text, value in ANSWERS:
                        combo.addItem(text, value)
                    combo.setAccessibleName(f"{item.title}: {what}")
                    combo.currentIndexChanged.connect(self._changed)
                notes = CheckedText(self.warning_for, self._changed, False, item.help)
                notes.edit.setAccessibleName(f"{item.title}: noter")
                self.answers[item.id] = (relevant, affects, notes)
                grid.addWidget(name, row, 0)
                grid.addWidget(relevant, row, 1)
                grid.addWidget(affects, row, 2)
                grid.addWidget(notes, row, 3)
            layout.addWidget(box)
        layout.addStretch(1)
        return scroll_area(widget)

    def _actions_tab(self) -> QWidget:
        self.actions_table = ActionTable(self.warning_for)
        self.actions_table.changed.connect(self._actions_changed)
        return self.actions_table

    def _follow_up_tab(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        self._phase(layout, "retningslinjer")
        self.completion = QLabel()
        self.completion.setWordWrap(True)
        self.complete_errors = QLabel()
        self.complete_errors.setWordWrap(True)
        self.complete_errors.setStyleSheet(ERROR_STYLE)
        self.complete_errors.setObjectName("completeErrors")
        self.complete_errors.hide()
        self.complete_button = QPushButton("&Afslut APV'en")
        self.complete_button.clicked.connect(self.complete)
        self.blank_button = QPushButton("Udskriv &tom tjekliste til personalemødet…")
        self.blank_button.clicked.connect(lambda: self._print_checklist(self))
        buttons = QHBoxLayout()
        buttons.addWidget(self.complete_button)
        buttons.addWidget(self.blank_button)
        buttons.addStretch(1)
        layout.addWidget(self.completion)
        layout.addLayout(buttons)
        layout.addWidget(self.complete_errors)
        layout.addStretch(1)
        return widget

    # --- Showing -----------------------------------------------------------------------------

    def figures(self) -> ApvFigures:
        """The stored figures of a completed APV; the figures of today for a draft."""
        if self.apv.is_done and self.apv.figures_json:
            return figures_from_json(self.apv.figures_json)
        today = self.store.today()
        return apv_figures(
            self._employees, self.store.absences.all(), self.apv.period_first,
            self.apv.period_last, today,
        )  # fmt: skip

    def _show(self) -> None:
        apv = self.apv
        self._loading = True
        self.made_on.set_date(apv.made_on)
        self.period_first.set_date(apv.period_first)
        self.period_last.set_date(apv.period_last)
        self.texts["participants"].set_text(apv.participants)
        for key in PHASE_TEXTS:
            self.texts[key].set_text(apv.texts.get(key, ""))
        self.amo.setChecked(apv.amo_took_part)
        for item_id, (relevant, affects, notes) in self.answers.items():
            answer = apv.answers.get(item_id, ChecklistAnswer())
            relevant.setCurrentIndex(relevant.findData(answer.relevant.value if answer.relevant
                                                       else None))  # fmt: skip
            affects.setCurrentIndex(affects.findData(
                answer.affects_absence.value if answer.affects_absence else None))  # fmt: skip
            notes.set_text(answer.notes)
        self.actions_table.load(apv.actions, apv.made_on, follow_up_only=apv.is_done)
        self._loading = False
        done = apv.is_done
        for widget in (self.made_on, self.period_first, self.period_last, self.amo,
                       *(w for trio in self.answers.values() for w in trio[:2])):  # fmt: skip
            widget.setEnabled(not done)
        for text in [*self.texts.values(), *(trio[2] for trio in self.answers.values())]:
            text.set_read_only(done)
        self.complete_button.setEnabled(not done)
        self._show_figures()
        self._show_status()

    def _show_figures(self) -> None:
        figures = self.figures()
        self.figures_label.setText(figures_html(figures))
        months = figures.shows_months
        self.chart.set_chart(statistics_chart(figures.current) if months else None)
        self.chart.setVisible(months)
        count = figures.current.employees
        self.amo_note.setText(
            f"I har {count} ansatte i perioden: arbejdsmiljøorganisationen skal deltage i APV'en."
            if amo_required(count)
            else f"I har {count} ansatte i perioden: I samarbejder direkte med medarbejderne "
            "(en arbejdsmiljøorganisation er først et krav fra 10 ansatte)."
        )
        self.amo.setVisible(amo_required(count))

    def _show_status(self) -> None:
        apv = self.apv
        if apv.is_done:
            due = revision_due(apv.completed_on)
            text = (f"Afsluttet {long_date(apv.completed_on)}. Skal revideres senest "
                    f"{long_date(due)}, eller før, hvis arbejdet ændrer sig. Handlingsplanen "
                    "kan stadig følges op.")  # fmt: skip
        else:
            text = "APV'en er under arbejde. Alt gemmes, mens du skriver."
        self.status.setText(text)
        self.completion.setText(
            text
            if apv.is_done
            else "Når handlingsplanen og retningslinjerne er skrevet, "
            "afslutter du APV'en. Så gemmes tallene, som de er nu, og APV'en kan altid læses "
            "og udskrives, som den var."
        )

    # --- Saving ------------------------------------------------------------------------------

    def content(self) -> Apv:
        answers = {}
        for item_id, (relevant, affects, notes) in self.answers.items():
            r, a = relevant.currentData(), affects.currentData()
            answers[item_id] = ChecklistAnswer(
                Answer(r) if r else None, Answer(a) if a else None, notes.text()
            )
        return replace(
            self.apv,
            made_on=self.made_on.date_value(),
            period_first=self.period_first.date_value(),
            period_last=self.period_last.date_value(),
            participants=self.texts["participants"].text(),
            amo_took_part=self.amo.isChecked(),
            texts={key: self.texts[key].text() for key in PHASE_TEXTS},
            answers=answers,
            actions=self.actions_table.actions(),
        )

    def _changed(self, *_args) -> None:
        if not self._loading and not self.apv.is_done:
            self._timer.start()

    def _period_changed(self, *_args) -> None:
        self._changed()
        if not self._loading:
            self.save_now()
            self._show_figures()

    def _actions_changed(self) -> None:
        if self._loading:
            return
        if self.apv.is_done:  # following up a completed plan: line by line
            for action in self.actions_table.actions():
                if action.id is not None:
                    self.repository.update_action(action)
            self.apv = self.repository.get(self.apv.id)
            self.apv_saved.emit()
        else:
            self._changed()

    def save_now(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self._write()

    def _write(self) -> None:
        try:
            self.apv = self.repository.save(self.content())
        except (ValidationError, KeyError) as error:
            self.period_error.setText(str(error))
            self.period_error.show()
            self.save_problem.setText(f"Ikke gemt: {error}")
            self.save_problem.show()
            return
        self.period_error.hide()
        self.save_problem.hide()
        self.actions_table.adopt_ids(self.apv.actions)
        self.apv_saved.emit()

    def done(self, result: int) -> None:
        self.save_now()
        super().done(result)

    def complete(self) -> None:
        self.save_now()
        try:
            self.apv = self.repository.complete(self.content(), self.store.today(), self.figures())
        except ValidationError as error:
            self.complete_errors.setText(str(error))
            self.complete_errors.show()
            return
        self.complete_errors.hide()
        self._show()
        self.apv_saved.emit()
        show_information(
            self, "APV'en er afsluttet",
            "Tallene er gemt, som de var. Fristerne i handlingsplanen står nu på Overblikket. "
            "Udskriv APV'en, og hæng den op, hvor alle kan se den.",
        )  # fmt: skip

    def print_apv(self) -> None:
        self.save_now()
        self._print_apv(self.apv, self.figures(), self)
