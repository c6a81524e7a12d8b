"""Property tests of the import from payroll: random bytes, strings, dates and numbers in any
cell give a Danish reason or clean employees, never an exception; and a clean set is stored
whole (EmployeeRepository.add_many), a refused one not at all."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fravaer_desktop.core.danish import number, short_date
from fravaer_desktop.core.models import Employee
from fravaer_desktop.core.payroll_file import (
    PayrollFileError,
    SheetRows,
    read_csv_bytes,
    read_payroll_file,
)
from fravaer_desktop.core.payroll_import import (
    HEADER_NAMES,
    Field,
    ImportCheck,
    RowStatus,
    check_import,
    guess_mapping,
    staff_table,
)
from fravaer_desktop.core.validation import ValidationError, validate_employee
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store

TODAY = date(2026, 11, 23)
HEADERS = [names[0] for names in HEADER_NAMES.values()] + ["CPR-nr.", "Medarbejdernr", ""]

danish_dates = st.dates(min_value=date(1940, 1, 1), max_value=date(2110, 12, 31)).map(short_date)
danish_numbers = st.floats(min_value=-100, max_value=200).map(lambda v: number(v, 2))
texts = st.text(max_size=25)
#: What a cell of a workbook or CSV file can hold: anything, and often something plausible.
cells = st.one_of(
    texts, danish_dates, danish_numbers, st.sampled_from(["ja", "Nej", "Månedsløn", "timeløn"]),
    st.dates(), st.datetimes(), st.floats(), st.integers(-10**12, 10**12), st.booleans(),
    st.none(), st.times(), st.timedeltas(max_value=timedelta(days=10**5)),
    st.sampled_from(["010203-1234", "0102031234", "37,5t", "31-02-2020", ""]),
)  # fmt: skip
mappings_of = lambda width: st.lists(  # noqa: E731
    # a field, or its value as plain text (as a combo box gives it back)
    st.none() | st.sampled_from(list(Field)) | st.sampled_from([f.value for f in Field]),
    min_size=width,
    max_size=width,
).map(tuple)


#: Half the time a staff list of the usual shape, whose cells are often right, so that many
#: rows are clean records and the duplicate checks have work to do.
USUAL_HEADER = ("Navn", "Ansat fra", "Timer pr. uge", "Funktionær", "Fratrådt")
names = st.sampled_from(["Anna Jensen", "Bo Nielsen", "Søren Ærø", " anna  jensen "])
good_dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))
good_hours = st.floats(min_value=0, max_value=80)


def mostly(good, bad):
    """`good` three times in four."""
    return st.one_of(good, good, good, bad)


usual_cells = (
    mostly(names, texts), mostly(good_dates.map(short_date) | good_dates, st.dates() | texts),
    mostly(good_hours.map(lambda v: number(v, 2)) | good_hours, st.floats() | texts),
    mostly(st.sampled_from(["ja", "Nej", "Månedsløn", "timeløn", True]), texts),
    mostly(st.just(""), danish_dates | texts),
)  # fmt: skip
usual_rows = st.tuples(*usual_cells).map(list)


@st.composite
def sheets(draw) -> SheetRows:
    if draw(st.booleans()):
        header = list(USUAL_HEADER)
        body = draw(st.lists(usual_rows, max_size=8))
    else:
        width = draw(st.integers(1, 9))
        header = draw(st.lists(st.sampled_from(HEADERS) | texts, min_size=width, max_size=width))
        body = draw(st.lists(st.lists(cells, min_size=0, max_size=width + 1), max_size=8))
    rows = [(1, tuple(header))] + [(n, tuple(r)) for n, r in enumerate(body, start=2)]
    return SheetRows(tuple(rows), "prøve")


existing_staff = st.lists(
    st.builds(Employee, name=st.sampled_from(["Anna", "Bo", "anna "]),
              employed_from=st.dates(date(2019, 1, 1), date(2019, 1, 3))),
    max_size=3,
)  # fmt: skip


def assert_clean(check: ImportCheck) -> None:
    """Each row is a clean record, safely skipped, or refused with Danish reasons."""
    for row in check.rows:
        if row.status is RowStatus.READY:
            assert row.employee is not None and validate_employee(row.employee) == []
            assert not row.messages
        elif not check.problems:
            assert row.messages
            assert all(m.startswith(f"Række {row.number}") for m in row.messages)
    assert check.is_clean == (
        not check.problems and bool(check.ready) and check.count(RowStatus.ERROR) == 0
    )


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(sheets(), st.data(), existing_staff)
def test_any_table_gives_clean_records_or_danish_reasons(sheet, data, existing) -> None:
    try:
        table = staff_table(sheet)
    except PayrollFileError:
        return
    assert_clean(check_import(table, guess_mapping(table.headers), existing))
    mapping = data.draw(mappings_of(len(table.headers)))
    assert_clean(check_import(table, mapping, existing))


@settings(max_examples=300)
@given(st.binary(max_size=400))
def test_any_bytes_as_a_csv_file_give_rows_or_a_danish_reason(data: bytes) -> None:
    try:
        sheet = read_csv_bytes(data)
    except PayrollFileError as error:
        assert str(error).endswith(".")
        return
    table = staff_table(sheet)
    assert_clean(check_import(table, guess_mapping(table.headers), []))


@st.composite
def csv_texts(draw) -> str:
    separator = draw(st.sampled_from([";", ",", "\t"]))

    def plain(cell) -> str:
        text = "" if cell is None else str(cell)
        return "".join(" " if c in f'{separator}"\r\n' else c for c in text)

    if draw(st.booleans()):
        header = list(USUAL_HEADER)
        drawn = draw(st.lists(usual_rows, max_size=6))
        body = [[short_date(c) if isinstance(c, date) else c for c in row] for row in drawn]
    else:
        header = draw(st.permutations(HEADERS))[: draw(st.integers(1, 9))]
        body = draw(st.lists(st.lists(texts | danish_dates | danish_numbers, max_size=9),
                             max_size=6))  # fmt: skip
    lines = [separator.join(plain(c) for c in row) for row in [header, *body]]
    return "\n".join(lines) + "\n"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_texts(), st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]), existing_staff)
def test_any_csv_file_is_imported_whole_or_not_at_all(text: str, encoding: str, existing) -> None:
    """The whole way: bytes -> rows -> check -> add_many. A clean set is stored exactly;
    add_many never refuses what the check found clean."""
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    try:
        sheet = read_csv_bytes(data)
    except PayrollFileError:
        return
    table = staff_table(sheet)
    check = check_import(table, guess_mapping(table.headers), existing)
    assert_clean(check)
    store = Store(open_database(":memory:"), today=lambda: TODAY)
    if check.is_clean:
        added = store.employees.add_many(check.ready)
        assert len(store.employees.list_all()) == len(check.ready) == len(added)
    else:
        refused = [r for r in check.rows if r.status is RowStatus.ERROR]
        assert refused or check.problems or not check.ready
        if refused and check.ready:  # a set that holds a refused row is not half stored
            try:
                store.employees.add_many(check.ready + [Employee("", date(2020, 1, 1))])
            except ValidationError:
                pass
            assert store.employees.list_all() == []


workbook_cells = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=32, exclude_categories=["Cs"]), max_size=20),
    danish_dates, danish_numbers,
    st.dates(min_value=date(1900, 3, 1)), st.floats(allow_nan=False, allow_infinity=False),
    st.integers(-10**9, 10**9), st.booleans(), st.none(),
)  # fmt: skip


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(workbook_cells, max_size=8), max_size=6), st.permutations(HEADERS))
def test_any_workbook_gives_clean_records_or_danish_reasons(rows, headers) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(headers[:8])
    for row in rows:
        sheet.append(row)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "liste.xlsx"
        book.save(path)
        try:
            table = staff_table(read_payroll_file(path))
        except PayrollFileError:
            return
    assert_clean(check_import(table, guess_mapping(table.headers), []))


def test_the_strategies_reach_clean_rows() -> None:
    """Not only refusals: the cells above make ready employees too (checked once, fixed)."""
    sheet = SheetRows(((1, ("Navn", "Ansat fra")), (2, ("Anna", "01-03-2019"))), "prøve")
    table = staff_table(sheet)
    assert check_import(table, guess_mapping(table.headers), []).is_clean
