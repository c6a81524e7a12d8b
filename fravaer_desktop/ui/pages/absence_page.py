"""Fravær: who is away today, and every absence spell with search and period filter."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.absence import absent_on, within_employments
from fravaer_desktop.core.danish import long_date, weekday_date
from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.ui.actions import AppActions
from fravaer_desktop.ui.models.spell_table import SpellTableModel, extent_text
from fravaer_desktop.ui.widgets.heading import heading
from fravaer_desktop.ui.widgets.table_view import RowTableView

PERIODS = ("Seneste 12 måneder", "I år", "Sidste år", "Alle år")


def period_bounds(choice: str, today: date) -> tuple[date, date]:
    """First and last day of a period choice in the filter."""
    if choice == "I år":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if choice == "Sidste år":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    if choice == "Alle år":
        return date.min, date.max
    return today - timedelta(days=365), date.max


class AbsencePage(QWidget):
    def __init__(self, actions: AppActions, parent: QWidget | None = None):
        super().__init__(parent)
        self.actions = actions
        self.today_heading = heading("")
        self.today_list = QListWidget()
        self.today_list.setAccessibleName("Fraværende i dag")
        self.today_list.itemActivated.connect(self._today_item_activated)
        self.sick_button = QPushButton("Sygemeld…")
        self.return_button = QPushButton("Raskmeld…")
        self.sick_button.clicked.connect(lambda: actions.register_sickness())
        self.return_button.clicked.connect(self._return_selected)
        self.period = QComboBox()
        self.period.addItems(PERIODS)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Søg på navn, type …")
        self.search.setClearButtonEnabled(True)
        self.model = SpellTableModel(actions.employee_name, actions.today, self)
        self.table = RowTableView(self.model)
        self.table.setAccessibleName("Fraværsperioder")
        self.conversations_button = QPushButton("Sa&mtaler…")
        self.conversations_button.setToolTip("Samtaler og dokumentation for fraværet")
        self.plan_button = QPushButton("&Fastholdelsesplan…")
        self.plan_button.setToolTip("Fastholdelsesplan for fraværet (sygedagpengeloven § 7b)")
        self.edit_button = QPushButton("Rediger…")
        self.delete_button = QPushButton("Slet…")
        self._build_layout()
        self.period.currentTextChanged.connect(lambda _: self.reload_spells())
        self.search.textChanged.connect(self.table.set_filter_text)
        self.table.activated_row.connect(self._edit)
        self.edit_button.clicked.connect(lambda: self._edit(self.table.selected_row()))
        self.conversations_button.clicked.connect(self._open_conversations)
        self.plan_button.clicked.connect(self._open_plan)
        self.delete_button.clicked.connect(self._delete_selected)
        actions.spell_saved.connect(self._spell_saved)
        actions.spell_deleted.connect(self._spell_deleted)
        actions.employee_saved.connect(lambda _: self._employee_saved())
        actions.employee_deleted.connect(lambda _: self.reload())
        actions.new_day.connect(self.new_day)
        self.reload()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.sick_button)
        top.addWidget(self.return_button)
        top.addStretch(1)
        filters = QHBoxLayout()
        filters.addWidget(heading("Alle fraværsperioder"))
        filters.addStretch(1)
        filters.addWidget(QLabel("Periode:"))
        filters.addWidget(self.period)
        filters.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.conversations_button)
        bottom.addWidget(self.plan_button)
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.today_heading)
        layout.addLayout(top)
        self.today_list.setMaximumHeight(self.fontMetrics().height() * 9)
        layout.addWidget(self.today_list)
        layout.addSpacing(8)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def reload(self) -> None:
        self.reload_today()
        self.reload_spells()

    def reload_today(self) -> None:
        today = self.actions.today
        self.today_heading.setText(f"Fravær i dag, {weekday_date(today)}")
        self.today_list.clear()
        absent = self._absent_today(today)
        for spell, day_number in sorted(
            absent, key=lambda found: self.actions.employee_name(found[0].employee_id)
        ):
            item = QListWidgetItem(self._today_text(spell, day_number))
            item.setData(Qt.ItemDataRole.UserRole, spell)
            self.today_list.addItem(item)
        if not absent:
            empty = QListWidgetItem("Ingen er fraværende i dag.")
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.today_list.addItem(empty)
        self.return_button.setEnabled(bool(self.actions.store.absences.ongoing()))

    def reload_spells(self) -> None:
        first, last = period_bounds(self.period.currentText(), self.actions.today)
        self.model.set_rows(self._as_shown(self.actions.store.absences.between(first, last)))
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)

    def _absent_today(self, today: date) -> list[tuple[AbsenceSpell, int]]:
        """Today's part of each absence, with today's number in the whole unbroken absence (as
        on the Overblik); nobody whose employment has ended."""
        by_employee: dict[int, list[AbsenceSpell]] = {}
        for spell in self.actions.store.absences.on_day_with_preceding(today):
            by_employee.setdefault(spell.employee_id, []).append(spell)
        found = []
        for employee_id, spells in by_employee.items():
            employee = self.actions.employee(employee_id)
            current = absent_on(employee, spells, today) if employee is not None else None
            if current is not None:
                found.append(current)
        return found

    def _today_text(self, spell: AbsenceSpell, day_no: int) -> str:
        """Name, kind and today's extent, and since when the whole absence has lasted (a
        partial return counts from the first day of the full absence before it)."""
        name = self.actions.employee_name(spell.employee_id)
        until = f", til og med {long_date(spell.last_day)}" if spell.last_day else ""
        since = self.actions.today - timedelta(days=day_no - 1)
        extent = extent_text(spell).lower()
        if spell.first_day != since:
            extent += f" fra {long_date(spell.first_day)}"
        return (
            f"{name} – {spell.kind.title.lower()}, {extent} – "
            f"dag {day_no}, siden {long_date(since)}{until}"
        )

    def _employee_saved(self) -> None:
        """A name may have changed: the spells themselves did not, so they are not read again."""
        self.model.texts_changed()
        self.reload_today()

    def _as_shown(self, spells: list[AbsenceSpell]) -> list[AbsenceSpell]:
        """A spell left open when the employment ended is shown ending with it."""
        return within_employments(spells, self.actions.employee, self.actions.today)

    def new_day(self, today: date) -> None:
        """Left open overnight: today's list, the days so far and the period move on."""
        self.model.set_today(today)
        self.reload()

    def _spell_saved(self, spell: AbsenceSpell) -> None:
        first, last = period_bounds(self.period.currentText(), self.actions.today)
        if spell.first_day <= last and spell.end_or(date.max) >= first:
            self.model.replace_spell(self._as_shown([spell])[0])
        else:
            self.model.remove_spell(spell.id)
        self.reload_today()

    def _spell_deleted(self, spell_id: int) -> None:
        self.model.remove_spell(spell_id)
        self.reload_today()

    def _today_item_activated(self, item: QListWidgetItem) -> None:
        spell = item.data(Qt.ItemDataRole.UserRole)
        if spell is not None:
            self._edit(spell)

    def _return_selected(self) -> None:
        item = self.today_list.currentItem()
        spell = item.data(Qt.ItemDataRole.UserRole) if item else None
        self.actions.register_return(spell.id if spell and spell.is_ongoing else None)

    def _edit(self, spell: AbsenceSpell | None) -> None:
        if spell is not None:
            self.actions.edit_spell(spell)

    def _open_conversations(self) -> None:
        """The conversations and documentation of the selected absence."""
        spell = self.table.selected_row()
        if spell is not None:
            self.actions.open_conversations(spell.employee_id, spell)

    def _open_plan(self) -> None:
        """The retention plan of the selected absence (the open one, or a new one)."""
        spell = self.table.selected_row()
        if spell is not None:
            self.actions.open_retention_plan(spell.employee_id, spell.id)

    def _delete_selected(self) -> None:
        spell = self.table.selected_row()
        if spell is not None:
            self.actions.delete_spell(spell)
