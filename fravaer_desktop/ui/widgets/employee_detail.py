"""One employee at a glance: facts, a year calendar of absence, the spells and what to do."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.absence import day_statuses, total_figures, within_employment
from fravaer_desktop.core.danish import counted, number, short_date
from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.core.rule_120 import count_text, rule_120_status, source_text, window_text
from fravaer_desktop.ui.models.spell_table import SpellTableModel
from fravaer_desktop.ui.widgets.flow_layout import flow_of
from fravaer_desktop.ui.widgets.table_view import RowTableView
from fravaer_desktop.ui.widgets.year_strip import (
    FULL_COLOUR,
    GRID_COLOUR,
    OFF_DAY_COLOUR,
    PARTIAL_COLOUR,
    YearStrip,
)


def employee_facts(employee: Employee) -> str:
    parts = [p for p in (employee.department, employee.job_title) if p]
    hours = f"{number(employee.weekly_hours)} timer/uge"
    if employee.working_days_per_week != 5:  # the usual week is not worth a word
        hours += f" på {counted(employee.working_days_per_week, 'dag', 'dage')}"
    parts.append(hours)
    employed = f"ansat fra {short_date(employee.employed_from)}"
    if employee.employed_to:  # past or coming (under notice): the same words fit both
        employed += f" til og med {short_date(employee.employed_to)}"
    parts.append(employed)
    parts.append("funktionær" if employee.salaried else "ikke funktionær")
    if employee.clause_120_days:
        parts.append("120-dagesaftale")
    if employee.fleksjob:
        parts.append("fleksjob")
    if employee.section_56_from and employee.section_56_to:
        start, end = short_date(employee.section_56_from), short_date(employee.section_56_to)
        parts.append(f"§ 56-aftale {start} til {end}")
    return " · ".join(parts)


def rule_120_text(employee: Employee, spells: list[AbsenceSpell], today: date) -> str:
    """The 120-day count with its arithmetic, the window for notice and the assumptions, or ''
    for an employee the rule cannot apply to (no written clause, or not a funktionær)."""
    status = rule_120_status(employee, spells, today)
    if status is None:
        return ""
    sentences = [f"{part}." for part in (count_text(status), window_text(status)) if part]
    return " ".join(
        ["120-dagesreglen:", *sentences, *status.assumptions, f"Kilde: {source_text()}."]
    )


def legend_chip(colour: QColor, text: str) -> QWidget:
    """A square in the year calendar's colour, with the calendar's grid line round it (so the
    light grey of weekends and holidays shows too), and its meaning."""
    text_label = QLabel(text)
    side = text_label.fontMetrics().ascent()
    ratio = text_label.devicePixelRatioF()
    swatch = QPixmap(round(side * ratio), round(side * ratio))
    swatch.setDevicePixelRatio(ratio)
    swatch.fill(colour)
    painter = QPainter(swatch)
    painter.setPen(QPen(GRID_COLOUR, 0))
    painter.drawRect(0, 0, side - 1, side - 1)
    painter.end()
    swatch_label = QLabel()
    swatch_label.setPixmap(swatch)
    chip = QWidget()
    row = QHBoxLayout(chip)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(max(4, side // 3))
    row.addWidget(swatch_label)
    row.addWidget(text_label)
    chip.setAccessibleName(text)
    return chip


class EmployeeDetail(QWidget):
    """Shows the selected employee; the buttons ask the page to act."""

    sick_requested = Signal(object)
    return_requested = Signal(object)
    print_requested = Signal(object)
    edit_spell_requested = Signal(object)
    conversations_requested = Signal(object)  # the employee
    plan_requested = Signal(object)  # the employee: their retention plans
    access_requested = Signal(object)  # the employee: everything stored about them (indsigt)
    change_log_requested = Signal(object)  # the employee: who changed what about them, when

    def __init__(self, employee_name, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self._today = today
        self._employee: Employee | None = None
        self._spells: list[AbsenceSpell] = []
        self.name_label = QLabel()
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setWordWrap(True)  # a long name must not widen the page
        self.facts_label = QLabel()
        self.facts_label.setWordWrap(True)
        self.rule_120_label = QLabel()
        self.rule_120_label.setWordWrap(True)
        self.rule_120_label.setAccessibleName("120-dagesreglen")
        for label in (self.name_label, self.facts_label):  # names, departments: never markup
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(today.year)
        self.year.setPrefix("År ")
        self.year_strip = YearStrip()
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.model = SpellTableModel(employee_name, today, self)
        self.spell_table = RowTableView(self.model, stretch_column=1)
        self.spell_table.setColumnHidden(0, True)
        self.spell_table.setAccessibleName("Medarbejderens fraværsperioder")
        self.sick_button = QPushButton("Sygemeld…")
        self.return_button = QPushButton("Raskmeld…")
        self.print_button = QPushButton("Udskriv fraværsoversigt…")
        self.access_button = QPushButton("Udskriv alt om medarbejderen…")
        self.access_button.setToolTip(
            "Alt, hvad der er gemt om medarbejderen, som PDF eller JSON (når medarbejderen beder "
            "om indsigt)"
        )
        self.change_log_button = QPushButton("Ændringslog…")
        self.change_log_button.setToolTip(
            "Hvem der har oprettet, ændret eller slettet oplysninger om medarbejderen, og hvornår"
        )
        self.conversations_button = QPushButton("Sa&mtaler…")
        self.conversations_button.setToolTip("Samtaler og dokumentation for fraværet")
        self.plan_button = QPushButton("&Fastholdelsesplan…")
        self.plan_button.setToolTip("Fastholdelsesplan for et sygefravær (sygedagpengeloven § 7b)")
        self._build_layout()
        self.year.valueChanged.connect(lambda _: self._show_year())
        self.sick_button.clicked.connect(lambda: self.sick_requested.emit(self._employee))
        self.return_button.clicked.connect(lambda: self.return_requested.emit(self._employee))
        self.print_button.clicked.connect(lambda: self.print_requested.emit(self._employee))
        self.conversations_button.clicked.connect(
            lambda: self.conversations_requested.emit(self._employee)
        )
        self.plan_button.clicked.connect(lambda: self.plan_requested.emit(self._employee))
        self.access_button.clicked.connect(lambda: self.access_requested.emit(self._employee))
        self.change_log_button.clicked.connect(
            lambda: self.change_log_requested.emit(self._employee)
        )
        self.spell_table.activated_row.connect(self.edit_spell_requested)
        self.show_employee(None, [])

    def _build_layout(self) -> None:
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel("Fravær i:"))
        year_row.addWidget(self.year)
        year_row.addSpacing(12)
        # The legend wraps under the year in a narrow window (200 % on a small screen).
        legend = flow_of(
            legend_chip(FULL_COLOUR, "fuldt fravær"),
            legend_chip(PARTIAL_COLOUR, "delvist fravær"),
            legend_chip(OFF_DAY_COLOUR, "weekend/helligdag"),
        )
        year_row.addWidget(legend, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sick_button)
        buttons.addWidget(self.return_button)
        buttons.addStretch(1)
        buttons.addWidget(self.plan_button)
        # A second row: one row of four buttons does not fit a small screen at 200 %.
        more_buttons = QHBoxLayout()
        more_buttons.addWidget(self.conversations_button)
        more_buttons.addStretch(1)
        more_buttons.addWidget(self.print_button)
        # A row of its own: beside the others it would not fit a small screen at 200 %.
        access_row = QHBoxLayout()
        access_row.addWidget(self.change_log_button)
        access_row.addStretch(1)
        access_row.addWidget(self.access_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.facts_label)
        layout.addWidget(self.rule_120_label)
        layout.addLayout(buttons)
        layout.addLayout(more_buttons)
        layout.addLayout(access_row)
        layout.addLayout(year_row)
        layout.addWidget(self.year_strip)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.spell_table, 1)

    def employee(self) -> Employee | None:
        return self._employee

    def set_today(self, today: date) -> None:
        """A new day (the program was left open overnight); show the employee again."""
        self._today = today
        self.model.set_today(today)

    def show_employee(self, employee: Employee | None, spells: list[AbsenceSpell]) -> None:
        """Show `employee` with `spells`; a spell left open when the employment ended is shown
        ending with it, as everywhere else."""
        if employee is not None:
            spells = within_employment(employee, spells, self._today)
        self._employee, self._spells = employee, spells
        for widget in (self.sick_button, self.print_button, self.conversations_button,
                       self.plan_button, self.access_button, self.change_log_button, self.year,
                       self.spell_table):  # fmt: skip
            widget.setEnabled(employee is not None)
        self.return_button.setEnabled(any(s.is_ongoing for s in spells))
        if employee is None:
            self.name_label.setText("Vælg en medarbejder")
            self.facts_label.setText("Vælg en medarbejder i listen for at se fraværet.")
        else:
            self.name_label.setText(employee.name)
            self.facts_label.setText(employee_facts(employee))
        rule_120 = rule_120_text(employee, spells, self._today) if employee else ""
        self.rule_120_label.setText(rule_120)
        self.rule_120_label.setVisible(bool(rule_120))
        self.model.set_rows(spells)
        self.spell_table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self._show_year()

    def _show_year(self) -> None:
        year = self.year.value()
        first, last = date(year, 1, 1), date(year, 12, 31)
        self.year_strip.set_year(
            year, day_statuses(self._spells, first, last, self._today), self._today
        )
        if self._employee is None:
            self.summary_label.clear()
            return
        in_year = [
            s for s in self._spells if s.first_day <= last and s.end_or(self._today) >= first
        ]
        figures = total_figures(in_year, self._employee, first, last, self._today)
        self.summary_label.setText(
            f"I {year}: {counted(len(in_year), 'fraværsperiode', 'fraværsperioder')}, "
            f"{counted(figures.calendar_days, 'kalenderdag', 'kalenderdage')}, "
            f"{counted(figures.working_days, 'arbejdsdag', 'arbejdsdage')}, "
            f"{number(figures.hours)} timer."
        )
