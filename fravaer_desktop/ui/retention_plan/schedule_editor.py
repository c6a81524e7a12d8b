"""The graduated return: steps of some weeks at the same hours, shown week by week with the
partial absence in hours and percent, a chart against the contract hours, and the checks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.charts import schedule_chart
from fravaer_desktop.core.danish import number, short_date
from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.core.retention_plan import (
    MAX_SCHEDULE_WEEKS,
    PlanContent,
    SchedulePhase,
    check_content,
    minimum_hours_text,
    schedule_weeks,
    under_sickness_minimum,
)
from fravaer_desktop.ui.note_style import note_style
from fravaer_desktop.ui.widgets.bar_chart import BarChartWidget
from fravaer_desktop.ui.widgets.date_field import DateField
from fravaer_desktop.ui.widgets.form_errors import ERROR_STYLE

WEEK_COLUMNS = ("Uge", "Periode", "Timer", "Pr. dag", "Fravær", "Fravær %", "Hovedopgaver")
#: A week whose absence is under the law's 4 hours is marked like this in the table.
UNDER_MINIMUM_MARK = " *"
UNDER_MINIMUM_COLOUR = QColor("#fff4d6")
DANISH = QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)


class ScheduleEditor(QWidget):
    """Edits the phases and the first Monday of a plan version; `changed` after every edit."""

    changed = Signal()
    apply_requested = Signal()

    def __init__(self, health_check=None, parent: QWidget | None = None):
        super().__init__(parent)
        self._health_check = health_check  # the tasks are free text too
        self._content = PlanContent()
        self._absence: AbsenceSpell | None = None
        self._made_on = date.today()
        self._loading = False
        self._can_apply = True
        self.start = DateField(date.today())
        self.start.setAccessibleName("Trappen begynder mandag")
        self.start.dateChanged.connect(self._edited)
        self.contract = QLabel()
        self.contract.setStyleSheet(note_style())
        self.phases = QTableWidget(0, 3)
        self.phases.setHorizontalHeaderLabels(("Uger", "Timer om ugen", "Hovedopgaver i trinnet"))
        self.phases.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.phases.verticalHeader().setVisible(False)
        self.phases.setAccessibleName("Trin i trappen")
        self.phases.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.phases.setTabKeyNavigation(False)
        self.add_button = QPushButton("&Tilføj trin")
        self.add_button.clicked.connect(self.add_phase)
        self.remove_button = QPushButton("&Fjern trin")
        self.remove_button.clicked.connect(self.remove_phase)
        self.apply_button = QPushButton("Før trappen &ind i fraværet…")
        self.apply_button.setToolTip(
            "Registrér ugerne som delvist fravær i fraværsregistret (alt på én gang)"
        )
        self.apply_button.clicked.connect(self.apply_requested)
        self.errors = QLabel()
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.setObjectName("scheduleErrors")
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setObjectName("scheduleWarnings")
        self.health_warning = QLabel()
        self.health_warning.setWordWrap(True)
        self.health_warning.setStyleSheet(ERROR_STYLE)
        self.health_warning.setObjectName("healthWarning")
        self.health_warning.hide()
        self.weeks = QTableWidget(0, len(WEEK_COLUMNS))
        self.weeks.setHorizontalHeaderLabels(WEEK_COLUMNS)
        self.weeks.horizontalHeader().setSectionResizeMode(
            len(WEEK_COLUMNS) - 1, QHeaderView.ResizeMode.Stretch
        )
        self.weeks.verticalHeader().setVisible(False)
        self.weeks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.weeks.setAccessibleName("Trappen uge for uge")
        self.chart = BarChartWidget()
        self.footnote = QLabel()
        self.footnote.setWordWrap(True)
        self.footnote.setStyleSheet(note_style())

        top = QHBoxLayout()
        start_label = QLabel("Trappen begynder &mandag:")
        start_label.setBuddy(self.start)
        top.addWidget(start_label)
        top.addWidget(self.start)
        top.addWidget(self.contract, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.phases)
        layout.addLayout(buttons)
        layout.addWidget(self.health_warning)
        layout.addWidget(self.errors)
        layout.addWidget(self.warnings)
        # The weeks and the chart side by side: a 12-week schedule fits a laptop screen.
        below = QHBoxLayout()
        weeks_column = QVBoxLayout()
        weeks_column.addWidget(self.weeks, 1)
        weeks_column.addWidget(self.footnote)
        below.addLayout(weeks_column, 3)
        below.addWidget(self.chart, 2, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(below, 1)

    # --- Reading and writing the content ---------------------------------------------------

    def load(self, content: PlanContent, absence: AbsenceSpell | None, made_on: date) -> None:
        self._loading = True
        self._content, self._absence, self._made_on = content, absence, made_on
        self.start.set_date(content.schedule_start or _next_monday(made_on))
        self.phases.setRowCount(0)
        for phase in content.phases:
            self._add_row(phase)
        self.contract.setText(
            f"Aftalt arbejdstid: {number(content.contract_hours, 2)} timer om ugen på "
            f"{content.working_days} dage"
        )
        self._loading = False
        self.refresh()

    def content(self) -> PlanContent:
        """The content as edited here (the rest of it as loaded)."""
        phases = tuple(
            SchedulePhase(
                self.phases.cellWidget(row, 0).value(),
                round(self.phases.cellWidget(row, 1).value(), 2),
                self.phases.cellWidget(row, 2).text().strip(),
            )
            for row in range(self.phases.rowCount())
        )
        start = self.start.date_value() if phases else self._content.schedule_start
        return replace(self._content, phases=phases, schedule_start=start)

    def set_read_only(self, read_only: bool, can_apply: bool = True) -> None:
        """An agreed version can still go into the register; an older one cannot."""
        for widget in (self.start, self.phases, self.add_button, self.remove_button):
            widget.setEnabled(not read_only)
        self._can_apply = can_apply
        self.refresh()

    # --- Editing ---------------------------------------------------------------------------

    def add_phase(self) -> None:
        rows = self.phases.rowCount()
        last = self.content().phases[-1] if rows else None
        hours = self._content.contract_hours
        suggested = min(hours, round((last.hours_per_week if last else hours / 3) + hours / 4))
        self._add_row(SchedulePhase(2 if not last else last.weeks, float(suggested)))
        self.phases.setCurrentCell(rows, 0)
        self.phases.cellWidget(rows, 1).setFocus()
        self._edited()

    def remove_phase(self) -> None:
        row = self.phases.currentRow()
        if row < 0:
            row = self.phases.rowCount() - 1
        if row >= 0:
            self.phases.removeRow(row)
            self._edited()

    def _add_row(self, phase: SchedulePhase) -> None:
        row = self.phases.rowCount()
        self.phases.insertRow(row)
        weeks = QSpinBox()
        weeks.setRange(1, MAX_SCHEDULE_WEEKS)
        weeks.setValue(max(phase.weeks, 1))
        weeks.setAccessibleName(f"Trin {row + 1}: antal uger")
        hours = QDoubleSpinBox()
        hours.setLocale(DANISH)  # 12,5 with a decimal comma
        hours.setDecimals(1)
        hours.setRange(0, 80)
        hours.setSingleStep(0.5)
        hours.setValue(phase.hours_per_week)
        hours.setAccessibleName(f"Trin {row + 1}: timer om ugen")
        tasks = QLineEdit(phase.tasks)
        tasks.setPlaceholderText("Fx kasse og opfyldning, ingen tunge løft")
        tasks.setAccessibleName(f"Trin {row + 1}: hovedopgaver")
        weeks.valueChanged.connect(self._edited)
        hours.valueChanged.connect(self._edited)
        tasks.textChanged.connect(self._edited)
        self.phases.setCellWidget(row, 0, weeks)
        self.phases.setCellWidget(row, 1, hours)
        self.phases.setCellWidget(row, 2, tasks)

    def _fit_phases(self) -> None:
        """As tall as its steps (up to eight), so the weeks below get the room."""
        rows = min(max(self.phases.rowCount(), 2), 8)
        height = self.phases.horizontalHeader().height() + 2 * self.phases.frameWidth()
        height += sum(self.phases.rowHeight(r) for r in range(min(rows, self.phases.rowCount())))
        height += (
            max(rows - self.phases.rowCount(), 0)
            * self.phases.verticalHeader().defaultSectionSize()
        )
        self.phases.setFixedHeight(height)

    def _edited(self, *_args) -> None:
        if self._loading:
            return
        self._content = self.content()
        self.refresh()
        self.changed.emit()

    # --- What the schedule means ------------------------------------------------------------

    def refresh(self) -> None:
        self._fit_phases()
        content = self.content()
        weeks = schedule_weeks(content)
        errors, warnings = check_content(content, self._made_on, self._absence)
        schedule_errors = [e.message for e in errors if e.field in ("schedule_start", "phases")]
        if self.start.input_error():
            schedule_errors.insert(0, self.start.input_error())
        self.errors.setText("\n".join(schedule_errors))
        self.errors.setVisible(bool(schedule_errors))
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        health = self._health_check.warning_for(
            "\n".join(p.tasks for p in content.phases)
        ) if self._health_check else None  # fmt: skip
        self.health_warning.setText(health or "")
        self.health_warning.setVisible(bool(health))
        self.apply_button.setEnabled(bool(weeks) and not schedule_errors and self._can_apply)
        self.weeks.setRowCount(len(weeks))
        marked = False
        for row, week in enumerate(weeks):
            small = self._absence is not None and under_sickness_minimum(week, self._absence)
            marked |= small
            cells = (
                week.label,
                f"{short_date(week.monday)} – {short_date(week.sunday)}",
                f"{number(week.planned_hours)} t",
                f"{number(week.hours_per_day)} t",
                f"{number(week.absent_hours, 2)} t" + (UNDER_MINIMUM_MARK if small else ""),
                f"{number(week.absent_percent)} %",
                week.tasks,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if 2 <= column <= 5:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if small:
                    item.setBackground(UNDER_MINIMUM_COLOUR)
                self.weeks.setItem(row, column, item)
        self.weeks.resizeColumnsToContents()
        self.footnote.setText(
            f"* Under {minimum_hours_text(self._absence)} timers fravær om ugen: medarbejderen "
            "regnes som rask efter sygedagpengeloven (ingen sygedagpenge, ingen refusion)."
            if marked
            else "Fravær = aftalt arbejdstid minus planlagte timer, som kommunen skal have det "
            "ved delvis raskmelding."
        )
        self.chart.set_chart(schedule_chart(weeks) if weeks else None)
        self.chart.setVisible(bool(weeks))


def _next_monday(day: date) -> date:
    return day + timedelta(days=(7 - day.weekday()) % 7)
