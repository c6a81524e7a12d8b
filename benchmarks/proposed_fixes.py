"""Prototypes of the app changes proposed in docs/performance.md, applied at run time.

Benchmarks only: nothing here changes a file of the app. `apply()` patches the running process so
the benchmark scripts can measure what each proposed change would gain before anyone edits the
app (`--proposed-fixes` on start_app.py, startup.py and register_absence.py). Each patch mirrors a
change described in docs/performance.md; the real change belongs in the file named in its
docstring. Choose a subset with FRAVAER_BENCH_FIXES=name,name (default: all).

Call apply() before the app's modules are imported: two of the patches replace imports.
"""

from __future__ import annotations

import bisect
import os
import sys
import types
from datetime import date, timedelta

FIXES = (
    "source_sort",  # ui/models/table_base.py + ui/widgets/table_view.py
    "header_precision",  # ui/widgets/table_view.py
    "between_query",  # storage/repositories.py
    "local_holidays",  # core/calendar.py
    "lazy_pdf_preview",  # ui/printing.py
    "year_strip_metrics",  # ui/widgets/year_strip.py
    "no_sqlite_plugins",  # storage/database.py
    "lazy_employees_page",  # ui/main_window.py
)


def selected() -> tuple[str, ...]:
    names = os.environ.get("FRAVAER_BENCH_FIXES")
    if not names:
        return FIXES
    chosen = tuple(n.strip() for n in names.split(",") if n.strip())
    unknown = set(chosen) - set(FIXES)
    if unknown:
        raise SystemExit(f"unknown fix(es) {sorted(unknown)}; known: {', '.join(FIXES)}")
    return chosen


def apply(names: tuple[str, ...] | None = None) -> tuple[str, ...]:
    names = selected() if names is None else names
    # Import-time patches first, before the app's modules are loaded.
    if "local_holidays" in names:
        _stub_holidays_import()
    if "lazy_pdf_preview" in names:
        _lazy_pdf_preview()
    if "no_sqlite_plugins" in names:
        _patch_no_sqlite_plugins()
    # Then load the app's Qt-free modules as `python -m fravaer_desktop` does (fravaer_desktop.app
    # imports storage, sqlite-utils and core before anything imports PySide6). The order matters:
    # PySide6 hooks every later import (shibokensupport feature check reads each module's source).
    import fravaer_desktop.app  # noqa: F401

    for name in names:
        if name not in ("local_holidays", "lazy_pdf_preview", "no_sqlite_plugins"):
            globals()[f"_patch_{name}"]()
    if "local_holidays" in names:
        _patch_local_holidays()
    return names


# --- source_sort -------------------------------------------------------------------------------
def _patch_source_sort() -> None:
    """Sort the rows in Python with one key per row; the proxy only filters.

    Change: in ui/models/table_base.py give RowTableModel a `sort(column, order)` override that
    remembers (column, order), computes the column's sort key once per row, sorts `self._rows`
    (list.sort, stable, reverse for descending) between layoutAboutToBeChanged / layoutChanged and
    moves the persistent indexes; `set_rows` sorts the new list before endResetModel;
    `insert_row` inserts at the sorted position (binary search on the key); `replace_where`
    re-sorts when the replaced row's key changed. In ui/widgets/table_view.py use a
    QSortFilterProxyModel subclass whose `sort()` calls `self.sourceModel().sort(column, order)`
    and never the base class, so the proxy keeps the source order and only filters.
    Why: QSortFilterProxyModel sorts by calling lessThan -> data(SORT_ROLE) in Python twice per
    comparison (plus rowCount/columnCount for each index); 5,000 rows cost about 120,000 Python
    calls per sort, and every set_rows sorted twice (proxy re-sort on reset + sortByColumn).
    """
    from PySide6.QtCore import QSortFilterProxyModel, Qt

    from fravaer_desktop.ui.models import table_base
    from fravaer_desktop.ui.widgets import table_view

    model_class = table_base.RowTableModel
    original_init = model_class.__init__
    original_replace_where = model_class.replace_where

    def __init__(self, columns, parent=None):  # noqa: N807
        original_init(self, columns, parent)
        self._sort_column, self._sort_order = -1, Qt.SortOrder.AscendingOrder

    def _key(self, column: int):
        spec = self._columns[column]
        if spec.sort_key is not None:
            return spec.sort_key
        return lambda row: spec.text(row).lower()

    def _sort_list(self, rows: list) -> None:
        if self._sort_column >= 0:
            descending = self._sort_order == Qt.SortOrder.DescendingOrder
            rows.sort(key=_key(self, self._sort_column), reverse=descending)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        if column < 0 or len(self._rows) < 2:
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [(self._rows[i.row()], i.column()) for i in persistent]
        _sort_list(self, self._rows)
        if persistent:
            where = {id(row): number for number, row in enumerate(self._rows)}
            after = [self.index(where[id(row)], column_) for row, column_ in before]
            self.changePersistentIndexList(persistent, after)
        self.layoutChanged.emit()

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        _sort_list(self, self._rows)
        self.endResetModel()

    def _sorted_position(self, row) -> int:
        key = _key(self, self._sort_column)
        value = key(row)
        if self._sort_order == Qt.SortOrder.DescendingOrder:
            low, high = 0, len(self._rows)
            while low < high:  # first position whose key is smaller (stable like list.sort)
                middle = (low + high) // 2
                if key(self._rows[middle]) < value:
                    high = middle
                else:
                    low = middle + 1
            return low
        return bisect.bisect_right(self._rows, value, key=key)

    def insert_row(self, row, position: int = 0) -> None:
        if self._sort_column >= 0:
            position = _sorted_position(self, row)
        self.beginInsertRows(table_base.QModelIndex(), position, position)
        self._rows.insert(position, row)
        self.endInsertRows()

    def replace_where(self, predicate, row) -> bool:
        replaced = original_replace_where(self, predicate, row)
        if replaced and self._sort_column >= 0:
            self.sort(self._sort_column, self._sort_order)  # n key calls; ~3 ms for 5,000 rows
        return replaced

    model_class.__init__ = __init__
    model_class.sort = sort
    model_class.set_rows = set_rows
    model_class.insert_row = insert_row
    model_class.replace_where = replace_where

    class SourceSortingProxy(QSortFilterProxyModel):
        """Filters only; sorting is the source model's (never calls the base class's sort)."""

        def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
            self.sourceModel().sort(column, order)

    table_view.QSortFilterProxyModel = SourceSortingProxy


# --- header_precision --------------------------------------------------------------------------
HEADER_PRECISION = int(os.environ.get("FRAVAER_BENCH_HEADER_PRECISION", "50"))


def _patch_header_precision() -> None:
    """Size the ResizeToContents columns from the visible rows only.

    Change: in ui/widgets/table_view.py, RowTableView.__init__, after the setSectionResizeMode
    calls, add `header.setResizeContentsPrecision(50)`: size each ResizeToContents column from at
    most 50 rows. Qt's default, 1000, reads 1,000 rows x every column x 8 roles through Python on
    each relayout: 40,000 calls, ~0.25 s, at start, at every set_rows and after every inserted
    row. Not 0: 0 means "the rows in view", but for a view not yet shown Qt then reads every row.
    """
    from fravaer_desktop.ui.widgets import table_view

    view_class = table_view.RowTableView
    original_init = view_class.__init__

    def __init__(self, model, parent=None, stretch_column: int = 0):  # noqa: N807
        original_init(self, model, parent, stretch_column)
        self.horizontalHeader().setResizeContentsPrecision(HEADER_PRECISION)

    view_class.__init__ = __init__


# --- between_query ------------------------------------------------------------------------------
BETWEEN_SQL = (
    "SELECT {columns} FROM absence_spells WHERE +first_day <= ? "
    "AND (last_day IS NULL OR last_day >= ?) ORDER BY +first_day DESC, id DESC"
)


def _patch_between_query() -> None:
    """Let SQLite find the spells of a period through the last_day index.

    Change: in storage/repositories.py, AbsenceRepository.between, write `+first_day` (unary
    plus) in both the WHERE and the ORDER BY clause. Without it SQLite walks idx_spells_first_day
    over every spell that began before the period's end -- all 60,000 for `on_day(today)`, which
    every refresh of "Fravær i dag" runs (~25 ms). With it SQLite uses idx_spells_last_day
    (MULTI-INDEX OR on `last_day IS NULL` / `last_day >= ?`): 0.05 ms for one day, 15 ms instead
    of 37 ms for the last 12 months (SQL only). "Alle år" gets ~15% slower (170 vs 150 ms).
    """
    from fravaer_desktop.storage import repositories
    from fravaer_desktop.storage.rows import SPELL_COLUMNS, spell_from_row

    sql = BETWEEN_SQL.format(columns=SPELL_COLUMNS)

    def between(self, first: date, last: date):
        rows = repositories._rows(self._db, sql, (last.isoformat(), first.isoformat()))
        return [spell_from_row(r) for r in rows]

    repositories.AbsenceRepository.between = between


# --- no_sqlite_plugins -------------------------------------------------------------------------
def _patch_no_sqlite_plugins() -> None:
    """Open the company file without looking for sqlite-utils plugins.

    Change: in storage/database.py, open_database, write `Database(conn, execute_plugins=False)`
    instead of `Database(conn)`. The first Database() otherwise imports importlib.metadata and
    reads the entry points of every installed distribution to find sqlite-utils plugins (~25-40 ms
    here, more with a bigger site-packages), and would let any installed plugin hook into the
    connection that holds the company's health-related data.
    """
    import functools

    from fravaer_desktop.storage import database

    database.Database = functools.partial(database.Database, execute_plugins=False)


# --- lazy_employees_page -----------------------------------------------------------------------
def _patch_lazy_employees_page() -> None:
    """Build the Medarbejdere page the first time it is shown, not at start-up.

    Change: in ui/main_window.py, MainWindow.set_store, add a placeholder QWidget to the stack
    instead of constructing EmployeesPage, and construct the real page (into the placeholder's
    layout) on the placeholder's first showEvent or when `employees_page` is first used -- e.g.
    a small `LazyPage(factory)` widget in ui/widgets/. Start-up then skips loading and sorting the
    500 employees, the first employee's spells, working days and the year calendar.
    """
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from fravaer_desktop.ui import main_window

    real_class = main_window.EmployeesPage

    class LazyEmployeesPage(QWidget):
        def __init__(self, *args, **kwargs):
            super().__init__()
            self._args, self._kwargs, self._page = args, kwargs, None
            layout = QVBoxLayout(self)
            layout.setContentsMargins(0, 0, 0, 0)

        def _real(self):
            if self._page is None:
                self._page = real_class(*self._args, **self._kwargs)
                self.layout().addWidget(self._page)
            return self._page

        def showEvent(self, event):  # noqa: N802
            self._real()
            super().showEvent(event)

        def __getattr__(self, name):
            if name.startswith("_"):
                raise AttributeError(name)
            return getattr(self._real(), name)

    main_window.EmployeesPage = LazyEmployeesPage


# --- local_holidays -----------------------------------------------------------------------------
def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def danish_holidays_local(year: int) -> dict[date, str]:
    """Danish public holidays, as holidays.Denmark(language="da") gives them."""
    easter = easter_sunday(year)
    days = {
        date(year, 1, 1): "Nytårsdag",
        easter - timedelta(days=3): "Skærtorsdag",
        easter - timedelta(days=2): "Langfredag",
        easter: "Påskedag",
        easter + timedelta(days=1): "Anden påskedag",
        easter + timedelta(days=39): "Kristi himmelfartsdag",
        easter + timedelta(days=49): "Pinsedag",
        easter + timedelta(days=50): "Anden pinsedag",
        date(year, 12, 25): "Juledag",
        date(year, 12, 26): "Anden juledag",
    }
    if year <= 2023:  # Store bededag was abolished as a public holiday from 2024
        days[easter + timedelta(days=26)] = "Store bededag"
    return dict(sorted(days.items()))


def _stub_holidays_import() -> None:
    """Keep `import holidays` from loading the package (it is loaded if anything uses it)."""
    if "holidays" in sys.modules:
        return

    class LazyHolidays(types.ModuleType):
        def __getattr__(self, name):
            if name.startswith("__"):  # inspect / import machinery probing: not a real use
                raise AttributeError(name)
            del sys.modules["holidays"]
            import holidays as real

            return getattr(real, name)

    sys.modules["holidays"] = LazyHolidays("holidays")


def _patch_local_holidays() -> None:
    """Compute the Danish holidays locally instead of with the `holidays` package.

    Change: in core/calendar.py replace `import holidays` and the body of danish_holidays with a
    local computation (Easter by the Gregorian computus + fixed offsets, Store bededag up to and
    including 2023), as danish_holidays_local above; keep the `holidays` package as a test-only
    oracle (assert both agree for 1950-2100). Why: `import holidays` costs ~45 ms and the first
    holidays.Denmark() another ~75 ms (its registry imports every country module), and the
    Medarbejdere page computes working days for the first employee during start-up.
    """
    from functools import lru_cache

    from fravaer_desktop.core import calendar
    from fravaer_desktop.ui.widgets import year_strip

    cached = lru_cache(maxsize=64)(danish_holidays_local)
    calendar.danish_holidays = cached
    year_strip.danish_holidays = cached
    calendar._working_days_in_month_upto.cache_clear()


# --- lazy_pdf_preview ---------------------------------------------------------------------------
def _lazy_pdf_preview() -> None:
    """Import the PDF preview (pypdfium2, QtPrintSupport) only when a preview is opened.

    Change: in ui/printing.py move `from fravaer_desktop.ui.dialogs.pdf_preview import
    PdfPreviewDialog` from the top of the module into print_absence_overview (as is already done
    for reportlab in absence_overview_pdf). Saves ~30 ms of every start.
    """
    name = "fravaer_desktop.ui.dialogs.pdf_preview"
    if name in sys.modules:
        return

    class LazyPreview(types.ModuleType):
        def PdfPreviewDialog(self, *args, **kwargs):  # noqa: N802 - stands in for the class
            del sys.modules[name]
            import importlib

            real = importlib.import_module(name)
            return real.PdfPreviewDialog(*args, **kwargs)

    stub = LazyPreview(name)
    stub.PdfPreviewDialog = stub.PdfPreviewDialog  # a plain attribute for `from ... import`
    sys.modules[name] = stub


# --- year_strip_metrics -------------------------------------------------------------------------
def _patch_year_strip_metrics() -> None:
    """Work out the year calendar's cell size once per paint, not four times per day.

    Change: in ui/widgets/year_strip.py, YearStrip.paintEvent, compute cell, label width and
    cell width once at the top and pass them to _cell_rect (and _paint_day_numbers); today
    _cell_rect calls _cell_width -> _label_width -> fontMetrics().horizontalAdvance("sep") and
    _cell -> fontMetrics().height() for each of the 365 days (~3,800 font-metric calls a paint).
    """
    from PySide6.QtCore import QRect, Qt

    from fravaer_desktop.core.danish import MONTHS_SHORT
    from fravaer_desktop.ui.widgets import year_strip

    strip = year_strip.YearStrip

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = year_strip.QPainter(self)
        painter.setRenderHint(year_strip.QPainter.RenderHint.Antialiasing, False)
        cell = self._cell()
        label_width = self._label_width()
        width = max(cell, (self.width() - label_width - 2) // 31)
        holidays = year_strip.danish_holidays(self._year)
        text_colour = self.palette().windowText().color()
        align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for month in range(1, 13):
            y = (month - 1) * cell
            painter.setPen(text_colour)
            painter.drawText(QRect(0, y, label_width - 4, cell), align, MONTHS_SHORT[month - 1])
            for day_no in range(1, 32):
                try:
                    day = date(self._year, month, day_no)
                except ValueError:
                    break
                rect = QRect(label_width + (day_no - 1) * width, y, width, cell)
                self._paint_day(painter, rect, day, holidays)
        self._paint_day_numbers(painter, cell)

    strip.paintEvent = paintEvent


def check_holidays(first_year: int = 1950, last_year: int = 2100) -> int:
    """Compare danish_holidays_local with the holidays package year by year; prints mismatches."""
    import holidays

    bad = 0
    for year in range(first_year, last_year + 1):
        expected = dict(sorted(holidays.Denmark(years=year, language="da").items()))
        if danish_holidays_local(year) != expected:
            bad += 1
            print(year, danish_holidays_local(year), expected)
    print(
        f"local holidays agree with holidays.Denmark for {last_year - first_year + 1 - bad} "
        f"of {last_year - first_year + 1} years ({first_year}-{last_year})"
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(check_holidays())
