"""Medarbejdere: the staff list with search and sorting, and the selected employee's absence."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.ui.actions import AppActions
from fravaer_desktop.ui.models.employee_table import EmployeeTableModel
from fravaer_desktop.ui.widgets.employee_detail import EmployeeDetail
from fravaer_desktop.ui.widgets.table_view import RowTableView

#: Columns of the employee list shown in full when the page opens: name, department, job title.
LIST_COLUMNS_SHOWN = 3
#: Long names and departments do not widen the list beyond this many characters a column at
#: first; the rest is a scroll, or a drag of the divider, away.
LIST_COLUMN_MOST_CHARACTERS = 30


class _ListPanel(QWidget):
    """The search field, the employee list and its buttons. It asks to be wide enough for the
    list's first columns; the other columns are a scroll away."""

    def __init__(self, table: RowTableView):
        super().__init__()
        self._table = table

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        hint = super().sizeHint()
        table = self._table
        widest = table.fontMetrics().averageCharWidth() * LIST_COLUMN_MOST_CHARACTERS
        wanted = sum(min(table.columnWidth(column), widest) for column in range(LIST_COLUMNS_SHOWN))
        wanted += table.verticalScrollBar().sizeHint().width() + 2 * table.frameWidth()
        return QSize(max(hint.width(), wanted), hint.height())


class EmployeesPage(QWidget):
    def __init__(self, actions: AppActions, print_overview, parent: QWidget | None = None):
        super().__init__(parent)
        self.actions = actions
        self.search = QLineEdit()
        self.search.setPlaceholderText("Søg på navn, afdeling, stilling …")
        self.search.setClearButtonEnabled(True)
        self.model = EmployeeTableModel(actions.today, self)
        self.table = RowTableView(self.model, stretch_column=5)
        self.table.setAccessibleName("Medarbejdere")
        self.add_button = QPushButton("Ny medarbejder…")
        self.import_button = QPushButton("Importér fra lønsystem…")
        self.import_button.setToolTip(
            "Hent medarbejderne fra en CSV- eller Excel-fil fra lønsystemet"
        )
        self.edit_button = QPushButton("Rediger…")
        self.delete_button = QPushButton("Slet…")
        self.detail = EmployeeDetail(actions.employee_name, actions.today)
        self._build_layout()
        self.search.textChanged.connect(self.table.set_filter_text)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        self.table.activated_row.connect(self._edit)
        self.add_button.clicked.connect(self._add)
        self.import_button.clicked.connect(actions.import_employees)
        self.edit_button.clicked.connect(lambda: self._edit(self.table.selected_row()))
        self.delete_button.clicked.connect(self._delete)
        self.detail.sick_requested.connect(lambda e: actions.register_sickness(e.id))
        self.detail.return_requested.connect(lambda e: actions.register_return(employee_id=e.id))
        self.detail.print_requested.connect(print_overview)
        self.detail.edit_spell_requested.connect(actions.edit_spell)
        self.detail.conversations_requested.connect(lambda e: actions.open_conversations(e.id))
        self.detail.plan_requested.connect(lambda e: actions.open_retention_plan(e.id))
        actions.spell_saved.connect(self._spell_changed)
        actions.spell_deleted.connect(lambda _: self._show_selected())
        actions.employee_saved.connect(self._employee_saved)
        actions.employee_deleted.connect(self._employee_deleted)
        actions.new_day.connect(self.new_day)
        self.reload()

    def new_day(self, today: date) -> None:
        """Left open overnight: who has left or started, and the days so far, move on."""
        self.model.set_today(today)
        self.detail.set_today(today)
        self._show_selected()

    def _build_layout(self) -> None:
        left = _ListPanel(self.table)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        left_layout.addLayout(buttons)
        # On a line of its own, so the list is no wider on a small screen.
        import_row = QHBoxLayout()
        import_row.addWidget(self.import_button)
        import_row.addStretch(1)
        left_layout.addLayout(import_row)
        # In a low window (200 % on a small screen) the employee's side scrolls instead of
        # drawing the year over the lines below it.
        detail_scroll = QScrollArea()
        detail_scroll.setWidget(self.detail)
        detail_scroll.setWidgetResizable(True)
        detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        detail_scroll.setMinimumWidth(
            self.detail.minimumSizeHint().width()
            + detail_scroll.verticalScrollBar().sizeHint().width()
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(detail_scroll)
        self.splitter.setChildrenCollapsible(False)
        # The list opens at its size hint (name, department, job title in full); the employee
        # gets the rest of the width, and all of it when the window grows.
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def reload(self) -> None:
        self.model.set_rows(self.actions.store.employees.list_all())
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.select_first()
        self._show_selected()

    def select_employee(self, employee_id: int) -> None:
        """Show this employee; a search that hides them is cleared first."""
        if not self.table.select_where(lambda e: e.id == employee_id) and self.search.text():
            self.search.clear()
            self.table.select_where(lambda e: e.id == employee_id)

    def _show_selected(self) -> None:
        employee = self.table.selected_row()
        self.edit_button.setEnabled(employee is not None)
        self.delete_button.setEnabled(employee is not None)
        spells = self.actions.store.absences.for_employee(employee.id) if employee else []
        self.detail.show_employee(employee, spells)

    def _spell_changed(self, spell: AbsenceSpell) -> None:
        """Show the change when it concerns the employee shown: a spell of theirs, or one that
        was theirs until it was moved to someone else."""
        current = self.detail.employee()
        if current is None:
            return
        shown = any(s.id == spell.id for s in self.detail.model.rows())
        if current.id == spell.employee_id or shown:
            self._show_selected()

    def _employee_saved(self, employee: Employee) -> None:
        self.model.replace_employee(employee)
        self.select_employee(employee.id)
        self._show_selected()

    def _employee_deleted(self, employee_id: int) -> None:
        self.model.remove_employee(employee_id)
        self._show_selected()

    def _add(self) -> None:
        self.actions.add_employee()

    def _edit(self, employee: Employee | None) -> None:
        if employee is not None:
            self.actions.edit_employee(employee)

    def _delete(self) -> None:
        employee = self.table.selected_row()
        if employee is not None:
            self.actions.delete_employee(employee)
