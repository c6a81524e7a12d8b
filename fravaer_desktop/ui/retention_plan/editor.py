"""The retention plan of one absence: the sections, the graduated return, the follow-ups and the
versions, on tabs. The newest version is saved as it is typed; an agreed or earlier version is
shown read-only and can be printed as it was."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.danish import long_date, number
from fravaer_desktop.core.guides import PlanSection, RetentionPlanGuide
from fravaer_desktop.core.models import Employee
from fravaer_desktop.core.privacy import HealthTextCheck
from fravaer_desktop.core.retention_plan import (
    PlanContent,
    PlanGoal,
    PlanStatus,
    RetentionPlan,
    check_content,
    planned_versus_actual,
)
from fravaer_desktop.core.validation import ValidationError
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.dialogs.base import ask_yes_no
from fravaer_desktop.ui.messages import show_information, show_warning
from fravaer_desktop.ui.note_style import note_style
from fravaer_desktop.ui.retention_plan.dialogs import (
    AgreeDialog,
    FollowUpDialog,
    RefusalDialog,
    ReviseDialog,
)
from fravaer_desktop.ui.retention_plan.schedule_editor import ScheduleEditor
from fravaer_desktop.ui.widgets.checked_text import CheckedText, scroll_area
from fravaer_desktop.ui.widgets.date_field import OptionalDateField
from fravaer_desktop.ui.widgets.form_errors import ERROR_STYLE

#: The content is written this long after the last change (and at once on closing).
SAVE_DELAY_MS = 400
#: The guide's sections on each tab (the rest of a tab is built in code).
TAB_SECTIONS = {
    "goal": ("baggrund", "maal"),
    "tasks": (
        "opgaver_behold",
        "opgaver_tilpas",
        "opgaver_undgaa",
        "tilpasninger",
        "hjaelp_udefra",
    ),
    "contact": ("ansvar", "kontakt", "kolleger", "hurtigere_langsommere"),
}


class SectionEdit(QWidget):
    """One section of the plan: title, help, the text, and the calm health warning."""

    def __init__(self, section: PlanSection, health_check: HealthTextCheck, changed) -> None:
        super().__init__()
        self.section = section
        title = QLabel(f"<b>{section.title}</b>")
        help_text = QLabel(section.help)
        help_text.setWordWrap(True)
        help_text.setStyleSheet(note_style())
        examples = "Fx: " + " ".join(section.examples) if section.examples else ""
        self.text = CheckedText(health_check.warning_for, changed, placeholder=examples)
        self.edit, self.warning = self.text.edit, self.text.warning
        self.edit.setAccessibleName(section.title)
        self.edit.setMinimumHeight(self.fontMetrics().lineSpacing() * 4)
        title.setBuddy(self.edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(title)
        layout.addWidget(help_text)
        layout.addWidget(self.text)


class RetentionPlanEditor(QDialog):
    """Edits the plan `plan_id`; `plan_saved` (the employee id) after every stored change."""

    plan_saved = Signal(int)
    register_changed = Signal(int)  # the schedule went into the register: the employee id

    def __init__(
        self,
        store: Store,
        health_check: HealthTextCheck,
        guide: RetentionPlanGuide,
        plan_id: int,
        print_plan,
        print_refusal,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store, self.guide, self._health_check = store, guide, health_check
        self._print_plan, self._print_refusal = print_plan, print_refusal
        self.repository = store.retention_plans
        self.plan = self.repository.get(plan_id)
        self.employee: Employee = store.employees.get(self.plan.employee_id)
        self.absence = self.repository.absence_of(self.plan)
        self.shown_version = self.plan.current.version
        self._loading = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self._write)
        self.setWindowTitle(f"Fastholdelsesplan – {self.employee.name}")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.version_choice = QComboBox()
        self.version_choice.setAccessibleName("Vis version")
        self.version_choice.currentIndexChanged.connect(self._version_chosen)
        self.save_problem = QLabel()
        self.save_problem.setStyleSheet(ERROR_STYLE)
        self.save_problem.setWordWrap(True)
        self.save_problem.hide()
        self.sections: dict[str, SectionEdit] = {}
        self.tabs = QTabWidget()
        self.tabs.addTab(self._goal_tab(), "&1 Mål og baggrund")
        self.tabs.addTab(scroll_area(self._sections_widget(TAB_SECTIONS["tasks"], True)),
                         "&2 Opgaver og tilpasninger")  # fmt: skip
        self.schedule = ScheduleEditor(health_check)
        self.schedule.changed.connect(self._changed)
        self.schedule.apply_requested.connect(self.apply_schedule)
        self.tabs.addTab(self.schedule, "&3 Trappen")
        self.tabs.addTab(self._contact_tab(), "&4 Ansvar og opfølgning")
        self.tabs.addTab(self._agreement_tab(), "&5 Aftale og versioner")

        self.print_button = QPushButton("&Udskriv planen…")
        self.print_button.clicked.connect(self.print_plan)
        self.close_button = QPushButton("Luk")
        self.close_button.clicked.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel("Version:"))
        top.addWidget(self.version_choice)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.save_problem)
        layout.addLayout(bottom)
        self.resize(self.fontMetrics().averageCharWidth() * 130,
                    self.fontMetrics().lineSpacing() * 44)  # fmt: skip
        self._reload()

    # --- Building the tabs -----------------------------------------------------------------

    def _sections_widget(self, ids, with_adjustments: bool = False) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        by_id = {s.id: s for s in self.guide.sections}
        for section_id in ids:
            if section_id == "tilpasninger" and with_adjustments:
                layout.addWidget(self._adjustments_box())
            edit = SectionEdit(by_id[section_id], self._health_check, self._changed)
            self.sections[section_id] = edit
            layout.addWidget(edit)
        layout.addStretch(1)
        return widget

    def _adjustments_box(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(QLabel("<b>Tilpasninger, I aftaler</b>"), 0, 0, 1, 3)
        self.adjustments: dict[str, QCheckBox] = {}
        for index, (adjustment_id, title) in enumerate(self.guide.adjustments):
            check = QCheckBox(title)
            check.toggled.connect(self._changed)
            self.adjustments[adjustment_id] = check
            grid.addWidget(check, 1 + index // 3, index % 3)
        return box

    def _goal_tab(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        intro = QLabel(self.guide.intro)
        intro.setWordWrap(True)
        intro.setStyleSheet(note_style())
        layout.addWidget(intro)
        form = QFormLayout()
        self.goal = QComboBox()
        for goal in PlanGoal:
            self.goal.addItem(goal.title, goal.value)
        self.goal.currentIndexChanged.connect(self._changed)
        self.target_date = OptionalDateField("Måldato", None, self.store.today())
        self.target_date.changed.connect(self._changed)
        self.goal_errors = QLabel()
        self.goal_errors.setStyleSheet(ERROR_STYLE)
        self.goal_errors.setWordWrap(True)
        self.goal_errors.setObjectName("goalErrors")
        form.addRow("&Målet:", self.goal)
        form.addRow("", self.target_date)
        form.addRow("", self.goal_errors)
        layout.addLayout(form)
        layout.addWidget(self._sections_widget(TAB_SECTIONS["goal"]), 1)
        return scroll_area(widget)

    def _contact_tab(self) -> QWidget:
        widget = self._sections_widget(TAB_SECTIONS["contact"])
        layout = widget.layout()
        layout.takeAt(layout.count() - 1)  # the stretch: the follow-ups come first
        layout.addWidget(QLabel("<b>Opfølgningsmøder</b> (kommer på Overblikket)"))
        self.follow_ups = QListWidget()
        self.follow_ups.setAccessibleName("Opfølgningsmøder")
        self.follow_ups.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.follow_ups.itemActivated.connect(lambda _item: self.record_follow_up())
        self.add_follow_up_button = QPushButton("&Planlæg opfølgning…")
        self.add_follow_up_button.clicked.connect(self.add_follow_up)
        self.record_follow_up_button = QPushButton("&Skriv, hvordan det gik…")
        self.record_follow_up_button.clicked.connect(self.record_follow_up)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_follow_up_button)
        buttons.addWidget(self.record_follow_up_button)
        buttons.addStretch(1)
        layout.addWidget(self.follow_ups)
        layout.addLayout(buttons)
        layout.addStretch(1)
        return scroll_area(widget)

    def _agreement_tab(self) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        self.request_text = QLabel()
        self.request_text.setWordWrap(True)
        rules = QLabel("\n\n".join(f"• {claim} ({source})" for claim, source in self.guide.rules))
        rules.setWordWrap(True)
        rules.setStyleSheet(note_style())
        self.agree_button = QPushButton("&Marker som aftalt…")
        self.agree_button.clicked.connect(self.agree)
        self.revise_button = QPushButton("&Ny version…")
        self.revise_button.clicked.connect(self.revise)
        self.refuse_button = QPushButton("&Afslå ønsket…")
        self.refuse_button.clicked.connect(self.refuse)
        self.letter_button = QPushButton("Udskriv &svaret…")
        self.letter_button.clicked.connect(lambda: self._print_refusal(self.plan, self))
        buttons = QHBoxLayout()
        for button in (self.agree_button, self.revise_button, self.refuse_button,
                       self.letter_button):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.versions_text = QLabel()
        self.versions_text.setWordWrap(True)
        self.outcome_text = QLabel()
        self.outcome_text.setWordWrap(True)
        self.outcome_text.setObjectName("plannedVersusActual")
        layout.addWidget(self.request_text)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("<b>Versioner</b>"))
        layout.addWidget(self.versions_text)
        layout.addWidget(QLabel("<b>Planlagt og faktisk</b>"))
        layout.addWidget(self.outcome_text)
        layout.addWidget(QLabel("<b>Reglerne</b>"))
        layout.addWidget(rules)
        layout.addStretch(1)
        return scroll_area(widget)

    # --- Showing the plan ------------------------------------------------------------------

    @property
    def version(self):
        return self.plan.versions[self.shown_version - 1]

    @property
    def is_editable(self) -> bool:
        version = self.version
        return (
            self.plan.status is not PlanStatus.REFUSED
            and version.version == self.plan.current.version
            and not version.is_agreed
        )

    def _reload(self, plan: RetentionPlan | None = None) -> None:
        self.plan = plan or self.repository.get(self.plan.id)
        self.absence = self.repository.absence_of(self.plan)
        self._loading = True
        self.version_choice.clear()
        for version in reversed(self.plan.versions):
            newest = " (nyeste)" if version.version == self.plan.current.version else ""
            self.version_choice.addItem(f"Version {version.version}{newest}", version.version)
        self.version_choice.setCurrentIndex(
            self.version_choice.findData(min(self.shown_version, self.plan.current.version))
        )
        self._loading = False
        self._show_version()

    def _version_chosen(self) -> None:
        if self._loading or self.version_choice.currentData() is None:
            return
        self.save_now()
        self.shown_version = self.version_choice.currentData()
        self._show_version()

    def _show_version(self) -> None:
        version = self.version
        content = version.content
        self._loading = True
        for section_id, edit in self.sections.items():
            edit.edit.setPlainText(content.texts.get(section_id, ""))
        self.goal.setCurrentIndex(self.goal.findData(content.goal.value))
        self.target_date.set_value(content.target_date)
        for adjustment_id, check in self.adjustments.items():
            check.setChecked(adjustment_id in content.adjustments)
        self.schedule.load(content, self.absence, version.made_on)
        self._loading = False
        editable = self.is_editable
        for edit in self.sections.values():
            edit.edit.setReadOnly(not editable)
        for widget in (self.goal, self.target_date, *self.adjustments.values()):
            widget.setEnabled(editable)
        self.schedule.set_read_only(
            not editable,
            can_apply=version.version == self.plan.current.version
            and self.plan.status is not PlanStatus.REFUSED,
        )
        self._show_texts()

    def _show_texts(self) -> None:
        plan, version = self.plan, self.version
        since = f" – fravær fra {long_date(self.absence.first_day)}" if self.absence else ""
        self.heading.setText(f"<b>Fastholdelsesplan for {self.employee.name}</b>{since}")
        if plan.status is PlanStatus.REFUSED:
            state = f"Ønsket blev afslået {long_date(plan.decided_on)}. Planen kan kun læses."
        elif version.is_agreed:
            state = (
                f"Version {version.version} blev aftalt {long_date(version.agreed_on)} og kan "
                "ikke rettes. Lav en ny version for at ændre planen."
            )
        elif self.is_editable:
            state = f"Version {version.version} er under udarbejdelse. Alt gemmes, mens du skriver."
        else:
            state = f"Version {version.version} – en ældre version, kun til at læse og udskrive."
        self.status.setText(state)
        self.request_text.setText(
            f"{plan.requested_by.title} bad om planen {long_date(plan.requested_on)}. "
            + (f"Afslået {long_date(plan.decided_on)}: {plan.refusal_reason}"
               if plan.status is PlanStatus.REFUSED else f"Status: {plan.status.title}.")
        )  # fmt: skip
        current = plan.current
        self.agree_button.setEnabled(
            plan.status is not PlanStatus.REFUSED and not current.is_agreed
        )
        self.revise_button.setEnabled(plan.status is PlanStatus.AGREED and current.is_agreed)
        self.refuse_button.setEnabled(plan.status is PlanStatus.DRAFT)
        self.letter_button.setVisible(plan.status is PlanStatus.REFUSED)
        self.versions_text.setText("<br>".join(_version_line(v) for v in reversed(plan.versions)))
        self._show_follow_ups()
        self._show_outcomes()
        self._show_goal_errors()

    def _show_goal_errors(self) -> None:
        errors, _ = check_content(self.version.content, self.version.made_on, self.absence)
        messages = [e.message for e in errors if e.field == "target_date"]
        self.goal_errors.setText("\n".join(messages))
        self.goal_errors.setVisible(bool(messages))

    def _show_follow_ups(self) -> None:
        self.follow_ups.clear()
        for follow_up in self.plan.follow_ups:
            if follow_up.held_on is None:
                text = f"{long_date(follow_up.due)} – planlagt"
            else:
                holds = follow_up.holds.title if follow_up.holds else ""
                text = f"{long_date(follow_up.due)} – holdt {long_date(follow_up.held_on)}: {holds}"
                if follow_up.how_it_went:
                    text += f". {follow_up.how_it_went}"
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, follow_up.id)
            self.follow_ups.addItem(row)
        refused = self.plan.status is PlanStatus.REFUSED
        self.add_follow_up_button.setEnabled(not refused)
        self.record_follow_up_button.setEnabled(not refused and bool(self.plan.follow_ups))

    def _show_outcomes(self) -> None:
        spells = self.store.absences.for_employee(self.plan.employee_id)
        outcomes = planned_versus_actual(self.version.content, spells, self.store.today())
        if not outcomes:
            self.outcome_text.setText("Når trappen er begyndt, ses her de planlagte og de "
                                      "registrerede timer uge for uge.")  # fmt: skip
            return
        lines = [
            f"{o.week.label}: planlagt {number(o.week.planned_hours)} t, arbejdet "
            f"{number(o.worked_hours)} t" + (f" ({number(o.difference)} t)" if o.difference else "")
            for o in outcomes
        ]
        self.outcome_text.setText("\n".join(lines))

    # --- Saving the draft ------------------------------------------------------------------

    def content(self) -> PlanContent:
        base = self.schedule.content()
        return replace(
            base,
            texts={sid: e.edit.toPlainText() for sid, e in self.sections.items()},
            goal=PlanGoal(self.goal.currentData()),
            target_date=self.target_date.value(),
            adjustments=tuple(a for a, check in self.adjustments.items() if check.isChecked()),
        )

    def _changed(self, *_args) -> None:
        if self._loading or not self.is_editable:
            return
        self._timer.start()

    def save_now(self) -> None:
        """Write the draft now if a change is waiting for the typing pause."""
        if self._timer.isActive():
            self._timer.stop()
            self._write()

    def _write(self) -> None:
        try:
            self.repository.save_content(self.plan.id, self.content())
        except (ValidationError, KeyError) as error:
            self.save_problem.setText(f"Ikke gemt: {error}")
            self.save_problem.show()
            return
        self.save_problem.hide()
        self.plan = self.repository.get(self.plan.id)
        self._show_goal_errors()
        self.plan_saved.emit(self.plan.employee_id)

    def done(self, result: int) -> None:
        self.save_now()
        super().done(result)

    # --- Actions ---------------------------------------------------------------------------

    def _after(self, dialog) -> bool:
        if not dialog.exec():
            return False
        self._reload()
        self.plan_saved.emit(self.plan.employee_id)
        return True

    def agree(self) -> None:
        self.save_now()
        self._after(AgreeDialog(self.repository, self.plan, self.store.today(), self))

    def revise(self) -> None:
        self.save_now()
        dialog = ReviseDialog(
            self.repository, self.plan, self._health_check, self.store.today(), self
        )
        if self._after(dialog):
            self.shown_version = self.plan.current.version
            self._reload()

    def refuse(self) -> None:
        self.save_now()
        dialog = RefusalDialog(self.repository, self.plan, self._health_check, self.store.today(),
                               self)  # fmt: skip
        if self._after(dialog):
            self._print_refusal(self.plan, self)

    def add_follow_up(self) -> None:
        self._after(FollowUpDialog(self.repository, self.plan, self._health_check,
                                   self.store.today(), parent=self))  # fmt: skip

    def record_follow_up(self) -> None:
        row = self.follow_ups.currentItem() or self.follow_ups.item(0)
        if row is None:
            return
        follow_up_id = row.data(Qt.ItemDataRole.UserRole)
        follow_up = next(f for f in self.plan.follow_ups if f.id == follow_up_id)
        self._after(FollowUpDialog(self.repository, self.plan, self._health_check,
                                   self.store.today(), follow_up, self))  # fmt: skip

    def apply_schedule(self) -> None:
        """Put the shown version's schedule into the register, after a yes, and say what changed."""
        self.save_now()
        version = self.version
        start = version.content.schedule_start
        if start is None:
            return
        question = (
            f"Fra {long_date(start)} erstattes {self.employee.name}s fravær af trappen i "
            f"version {version.version}: delvist fravær uge for uge, som tabellen viser. "
            "Det, der er registreret fra den dag, bliver erstattet. Vil du fortsætte?"
        )
        if not ask_yes_no(self, "Før trappen ind i fraværet", question, "Før ind", "Annuller"):
            return
        try:
            changes = self.repository.apply_schedule(self.plan.id, version.version)
        except ValidationError as error:
            show_warning(self, "Trappen blev ikke ført ind", f"{error}\n\nIntet er ændret.")
            return
        self.register_changed.emit(self.plan.employee_id)
        self._reload()
        show_information(
            self, "Trappen er ført ind i fraværet", "Det er ændret:\n\n• " + "\n• ".join(changes)
        )

    def print_plan(self) -> None:
        self.save_now()
        self._print_plan(self.plan, self.shown_version, self)


def _version_line(version) -> str:
    agreed = f"aftalt {long_date(version.agreed_on)}" if version.agreed_on else "ikke aftalt endnu"
    reason = f" – {version.reason}" if version.reason else ""
    return f"Version {version.version}, {long_date(version.made_on)}, {agreed}{reason}"
