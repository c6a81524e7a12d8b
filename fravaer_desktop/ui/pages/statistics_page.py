"""Statistik: fraværsprocent, key figures, the monthly chart, national averages and goals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.charts import statistics_chart
from fravaer_desktop.core.models import AbsenceSpell, Employee, Goal, GoalMetric
from fravaer_desktop.core.statistics import (
    COMPANY,
    COVERAGE_NOTE,
    INDICATIVE_NOTE,
    PUBLISHED_AVERAGES,
    SMALL_GROUP,
    AbsenceStatistics,
    KeyFigure,
    Scope,
    absence_statistics,
    comparison_rows,
    goal_in_force,
    goal_status,
    goal_status_lines,
    goal_years,
    key_figures,
    percent_text,
    period_text,
    recorded_since,
    twelve_months_back,
    years_back,
)
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.ui.dialogs.goal_dialog import GoalDialog
from fravaer_desktop.ui.note_style import note_style
from fravaer_desktop.ui.widgets.bar_chart import BarChartWidget
from fravaer_desktop.ui.widgets.combo_width import keep_width_to_characters
from fravaer_desktop.ui.widgets.date_field import DateField
from fravaer_desktop.ui.widgets.heading import heading

PRESETS = ("Seneste 12 måneder", "I år", "Sidste år", "Seneste 3 år", "Alle år")
CUSTOM = "Vælg selv"
COMPANY_TITLE = "Hele virksomheden"
PERSONAL_STYLE = (
    "background: #fff4ce; color: #3b2f00; border: 1px solid #e0c060; border-radius: 4px; "
    "padding: 8px;"
)
CARD_STYLE = "#keyFigure { border: 1px solid palette(mid); border-radius: 6px; }"


def preset_period(choice: str, today: date) -> tuple[date, date]:
    """First and last day of a period preset ("Alle år" starts at date.min: the page begins
    it at the first registered absence)."""
    if choice == "I år":
        return date(today.year, 1, 1), today
    if choice == "Sidste år":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if choice == "Seneste 3 år":
        return years_back(today, 3), today
    if choice == "Alle år":
        return date.min, today
    return twelve_months_back(today), today


@dataclass(frozen=True)
class ScopeChoice:
    title: str
    scope: Scope


def scope_choices(employees: list[Employee]) -> list[ScopeChoice]:
    """The whole company, each department, then each employee (by name)."""
    departments = sorted({e.department for e in employees if e.department.strip()})
    choices = [ScopeChoice(COMPANY_TITLE, COMPANY)]
    choices += [ScopeChoice(f"Afdeling: {d}", Scope(department=d)) for d in departments]
    people = sorted(employees, key=lambda e: (e.name.casefold(), e.id or 0))
    choices += [ScopeChoice(f"Medarbejder: {e.name}", Scope(employee_id=e.id)) for e in people]
    return choices


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(note_style())
    return label


class KeyFigureCard(QFrame):
    """One labelled number with a short explanation under it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("keyFigure")
        self.setStyleSheet(CARD_STYLE)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.value = QLabel()
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.explanation = _note()
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.explanation)
        layout.addStretch(1)

    def set_figure(self, figure: KeyFigure) -> None:
        self.caption.setText(figure.label)
        self.value.setText(figure.value)
        self.value.setAccessibleName(figure.label)
        self.explanation.setText(figure.explanation)


class StatisticsPage(QWidget):
    """The page hosted by the main window as "Statistik"; `reload()` after data changed.

    `goals_changed` tells the rest of the window that the company's goals were saved.
    """

    goals_changed = Signal()
    apv_requested = Signal()  # the APV's sickness part (AppActions.open_apv)

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.statistics: AbsenceStatistics | None = None
        self._employees: list[Employee] = []
        self._choices: list[ScopeChoice] = []
        self._goals: list[Goal] = []
        self._spells: list[AbsenceSpell] = []
        self._build_controls()
        self._build_sections()
        self._build_layout()
        self.period.currentTextChanged.connect(self._period_chosen)
        self.first.dateChanged.connect(lambda _: self._custom_changed())
        self.last.dateChanged.connect(lambda _: self._custom_changed())
        self.scope.currentIndexChanged.connect(lambda _: self.refresh())
        self.goal_button.clicked.connect(self.set_goal)
        self.print_button.clicked.connect(self.print_statistics)
        self.reload()

    # --- Building ------------------------------------------------------------------------------

    def _build_controls(self) -> None:
        today = self.store.today()
        self.period = QComboBox()
        self.period.addItems([*PRESETS, CUSTOM])
        self.period.setAccessibleName("Periode")
        self.first = DateField(twelve_months_back(today))
        self.last = DateField(today)
        self.first.setAccessibleName("Fra")
        self.last.setAccessibleName("Til")
        self.scope = QComboBox()
        self.scope.setAccessibleName("Vis for")
        keep_width_to_characters(self.scope, 24)
        self.goal_button = QPushButton("Sæt mål…")
        self.print_button = QPushButton("Udskriv statistik…")
        self.apv_button = QPushButton("&APV: sygefravær…")
        self.apv_button.setToolTip(
            "Arbejdspladsvurderingens sygefraværsdel: tallene uden at udstille nogen, "
            "vurderingen og handlingsplanen"
        )
        self.apv_button.clicked.connect(self.apv_requested)

    def _build_sections(self) -> None:
        self.period_label = QLabel()
        self.period_label.setWordWrap(True)
        self.personal_banner = QLabel()
        self.personal_banner.setWordWrap(True)
        self.personal_banner.setStyleSheet(PERSONAL_STYLE)
        self.small_group_note = _note()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setMinimumHeight(self.fontMetrics().height() * 8)
        self.cards = [KeyFigureCard() for _ in range(5)]
        self.figure_values: dict[str, QLabel] = {}
        self.kinds_label = _note()
        self.chart = BarChartWidget()
        self.comparison_grid = QGridLayout()
        self.comparison_note = _note(f"{COVERAGE_NOTE} {INDICATIVE_NOTE}")
        self.goal_text = QLabel()
        self.goal_text.setWordWrap(True)
        self.goal_grid = QGridLayout()

    def _build_layout(self) -> None:
        controls = QHBoxLayout()
        for text, widget in (("&Periode:", self.period), ("&Fra:", self.first),
                             ("&Til:", self.last), ("&Vis for:", self.scope)):  # fmt: skip
            label = QLabel(text)
            label.setBuddy(widget)
            controls.addWidget(label)
            controls.addWidget(widget)
        controls.addStretch(1)
        title_row = QHBoxLayout()
        title_row.addWidget(heading("Statistik"))
        title_row.addStretch(1)
        title_row.addWidget(self.apv_button)
        title_row.addWidget(self.goal_button)
        title_row.addWidget(self.print_button)
        cards = QGridLayout()
        for column, card in enumerate(self.cards):
            cards.addWidget(card, 0, column)
            cards.setColumnStretch(column, 1)
        self.figures_box = QWidget()
        figures = QVBoxLayout(self.figures_box)
        figures.setContentsMargins(0, 0, 0, 0)
        figures.addLayout(cards)
        figures.addWidget(self.kinds_label)
        figures.addSpacing(8)
        figures.addWidget(self.chart)
        self.comparison_box = QWidget()
        comparison = QVBoxLayout(self.comparison_box)
        comparison.setContentsMargins(0, 0, 0, 0)
        comparison.addWidget(heading("Sammenlignet med landstal"))
        comparison.addLayout(self.comparison_grid)
        comparison.addWidget(self.comparison_note)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(title_row)
        layout.addLayout(controls)
        layout.addWidget(self.period_label)
        layout.addWidget(self.personal_banner)
        layout.addWidget(self.small_group_note)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.figures_box)
        layout.addWidget(self.comparison_box)
        layout.addSpacing(8)
        layout.addWidget(heading("Mål for hele virksomheden"))
        layout.addWidget(self.goal_text)
        layout.addLayout(self.goal_grid)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # A narrow window (a small screen at 200 %) scrolls sideways instead of cutting off the
        # print button and the last key figure.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    # --- Data ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read employees, absence and goals again (after a change) and recompute.

        Changing the period or the scope only recomputes (`refresh`): the rows are read here.
        """
        self._employees = self.store.employees.list_all()
        self._spells = self.store.absences.all()
        self._goals = self.store.goals.all()
        chosen = self.scope_choice().scope if self._choices else COMPANY
        self._choices = scope_choices(self._employees)
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItems([c.title for c in self._choices])
        index = next((i for i, c in enumerate(self._choices) if c.scope == chosen), 0)
        self.scope.setCurrentIndex(index)
        self.scope.blockSignals(False)
        if self.period.currentText() != CUSTOM:
            self._show_preset_dates()
        self.refresh()

    def scope_choice(self) -> ScopeChoice:
        return self._choices[max(0, self.scope.currentIndex())]

    def period_bounds(self) -> tuple[date, date]:
        if self.period.currentText() == CUSTOM:
            return self.first.date_value(), self.last.date_value()
        first, last = preset_period(self.period.currentText(), self.store.today())
        if first == date.min:
            hires = [e.employed_from for e in self._employees]
            first = max(recorded_since(self._spells) or last, min(hires, default=last))
        return first, last

    def refresh(self) -> None:
        """Recompute the statistics for the chosen period and scope and show them."""
        today = self.store.today()
        first, last = self.period_bounds()
        if last < first:
            first, last = last, first
        choice = self.scope_choice()
        self.statistics = absence_statistics(
            self._employees, self._spells, first, last, today, choice.scope
        )
        self._show_header(choice)
        self._show_figures(choice)
        self._show_goals()

    def _show_header(self, choice: ScopeChoice) -> None:
        s = self.statistics
        assert s is not None
        people = f"{s.employees} medarbejder" + ("e" if s.employees != 1 else "")
        scope_title = choice.title.removeprefix("Medarbejder: ")
        since = ""
        if self.period.currentText() == "Alle år":
            since = " (fra måneden med det første registrerede fravær)"
        self.period_label.setText(
            f"<b>{escape(scope_title)}</b> · {period_text(s)}{since} · {people} med planlagte timer"
        )
        personal = choice.scope.is_personal
        self.personal_banner.setVisible(personal)
        if personal:
            self.personal_banner.setText(
                "<b>Personoplysninger.</b> Du ser fraværsstatistik for én medarbejder, "
                f"{escape(scope_title)}. Brug tallene i dialogen med medarbejderen, og del dem "
                "ikke med andre, der ikke har brug for dem."
            )
        small = choice.scope.department is not None and 0 < s.employees < SMALL_GROUP
        self.small_group_note.setVisible(small)
        if small:
            self.small_group_note.setText(
                f"Afdelingen har kun {people} i perioden, så tallene kan føres tilbage til "
                "enkeltpersoner. Behandl dem som personoplysninger."
            )

    def _show_figures(self, choice: ScopeChoice) -> None:
        s = self.statistics
        assert s is not None
        empty = not s.has_absence
        self.empty_label.setVisible(empty)
        self.figures_box.setVisible(not empty)
        self.comparison_box.setVisible(not empty and not choice.scope.is_personal)
        self.print_button.setEnabled(s.employees > 0)
        if empty:
            self.empty_label.setText(self._empty_text(choice))
            self.chart.set_chart(None)
            return
        for card, figure in zip(self.cards, key_figures(s), strict=True):
            card.set_figure(figure)
            self.figure_values[figure.label] = card.value
        parts = " · ".join(f"{k.title.lower()} {percent_text(k.percent)}" for k in s.per_kind)
        self.kinds_label.setText(
            f"Heraf {parts}. Barns sygedage svarer til {percent_text(s.child_sick.percent)} af "
            "de planlagte timer og tæller ikke med i fraværsprocenten."
        )
        self.chart.set_chart(statistics_chart(s, self._target(choice.scope)))
        if not choice.scope.is_personal:
            rows = [[r.label, r.own, r.published, r.source] for r in comparison_rows(s)]
            _fill_grid(self.comparison_grid, ("", "Jeres tal", "Landstal", "Kilde"), rows)

    def _empty_text(self, choice: ScopeChoice) -> str:
        if not self._employees:
            return (
                "Der er endnu ingen medarbejdere. Opret medarbejderne under Medarbejdere, så "
                "vises statistikken her."
            )
        s = self.statistics
        assert s is not None
        if s.employees == 0:
            return (
                "Der er ingen planlagte arbejdstimer i perioden (ingen ansat, eller 0 timer om "
                "ugen). Vælg en anden periode."
            )
        who = "virksomheden" if choice.scope == COMPANY else choice.title.split(": ", 1)[-1]
        return (
            f"Der er ikke registreret sygefravær eller barns sygedage for {who} i perioden.\n"
            "Når der registreres fravær, ser du her fraværsprocenten måned for måned og "
            "landstal at sammenligne med."
        )

    def _target(self, scope: Scope) -> float | None:
        """The company's absence goal in force at the end of the period (not for one person)."""
        if scope.is_personal or self.statistics is None:
            return None
        goal = goal_in_force(self._goals, GoalMetric.ABSENCE_PERCENT, self.statistics.last)
        return goal.target if goal else None

    def _show_goals(self) -> None:
        today = self.store.today()
        goals: list[Goal] = self._goals
        if not goals:
            da = PUBLISHED_AVERAGES[0]
            self.goal_text.setText(
                "I har ikke sat et mål endnu. Offentlige arbejdsgivere sætter ofte mål for deres "
                "sygefravær, og I kan sætte jeres eget, fx 3,5 %. Til sammenligning: "
                f"{percent_text(da.value)} i DA's medlemsvirksomheder i {da.year}. "
                "Tryk »Sæt mål…«."
            )
            _fill_grid(self.goal_grid, (), [])
            return
        start = date(min(g.valid_from for g in goals).year, 1, 1)
        spells = self._spells
        status = goal_status(self._employees, spells, goals, today)
        self.goal_text.setText(
            "\n".join(goal_status_lines(status))
            if status
            else "Målet gælder først fra en senere dato."
        )
        company = absence_statistics(self._employees, spells, start, today, today)
        rows = [
            [y.label, percent_text(y.percent),
             percent_text(y.target) if y.target is not None else "Intet mål",
             y.verdict.capitalize() or "–"]
            for y in goal_years(company, goals)
        ]  # fmt: skip
        _fill_grid(self.goal_grid, ("År", "Fraværsprocent", "Mål", "Status"), rows)

    # --- Actions -------------------------------------------------------------------------------

    def _period_chosen(self, text: str) -> None:
        custom = text == CUSTOM
        self.first.setEnabled(custom)
        self.last.setEnabled(custom)
        if not custom:
            self._show_preset_dates()
        self.refresh()

    def _show_preset_dates(self) -> None:
        first, last = self.period_bounds()
        for field, value in ((self.first, first), (self.last, last)):
            field.blockSignals(True)
            field.set_date(value)
            field.blockSignals(False)
        self.first.setEnabled(False)
        self.last.setEnabled(False)

    def _custom_changed(self) -> None:
        if self.period.currentText() == CUSTOM:
            self.refresh()

    def set_goal(self) -> None:
        dialog = GoalDialog(self.store, self)
        if dialog.exec():
            self._goals = self.store.goals.all()
            self.refresh()
            self.goals_changed.emit()

    def report_data(self):
        """The Fraværsstatistik of what the page shows (reportlab is loaded on first use)."""
        from fravaer_desktop.reports.statistics_report import build_statistics_report_data

        first, last = sorted(self.period_bounds())
        choice = self.scope_choice()
        return build_statistics_report_data(
            self.store.company.get(), self._employees, self._spells, self._goals,
            first, last, self.store.today(), choice.scope, choice.title,
        )  # fmt: skip

    def statistics_pdf(self) -> bytes:
        from fravaer_desktop.reports.statistics_report import render_statistics_report

        return render_statistics_report(self.report_data())

    def print_statistics(self) -> None:
        from fravaer_desktop.ui.dialogs.pdf_preview import PdfPreviewDialog

        title = self.scope_choice().title.split(": ", 1)[-1]
        preview = PdfPreviewDialog(
            self.statistics_pdf(), f"Fraværsstatistik – {title}", f"Fraværsstatistik {title}.pdf",
            self,
        )  # fmt: skip
        preview.exec()


def _fill_grid(grid: QGridLayout, header: tuple[str, ...], rows: list[list[str]]) -> None:
    """Replace the labels of a small read-only table."""
    while grid.count():
        item = grid.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()  # deleteLater waits for the event loop; it must not linger
            item.widget().deleteLater()
    for column, text in enumerate(header):
        label = QLabel(f"<b>{text}</b>")
        grid.addWidget(label, 0, column)
    for row_no, row in enumerate(rows, start=1):
        for column, text in enumerate(row):
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(column == len(row) - 1)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, row_no, column)
    grid.setHorizontalSpacing(24)
    if header:
        grid.setColumnStretch(len(header) - 1, 1)
