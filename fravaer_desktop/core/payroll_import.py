"""Import of employees from a payroll export: which column is what, each row read the Danish way
and checked like a typed employee, duplicates found, and CPR numbers never read.

The rows come from core/payroll_file.py; the checked employees are stored all at once with
EmployeeRepository.add_many. Nothing here touches the file or the database.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from fravaer_desktop.core.danish import (
    DateTextError,
    NumberTextError,
    counted,
    number,
    read_date,
    read_number,
    short_date,
)
from fravaer_desktop.core.models import Employee
from fravaer_desktop.core.payroll_file import Cell, SheetRows
from fravaer_desktop.core.validation import validate_employee


class Field(StrEnum):
    """What a column of the file holds; the values are Employee's attributes where one fits."""

    NAME = "name"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    DEPARTMENT = "department"
    JOB_TITLE = "job_title"
    WEEKLY_HOURS = "weekly_hours"
    EMPLOYED_FROM = "employed_from"
    EMPLOYED_TO = "employed_to"
    SALARIED = "salaried"

    @property
    def title(self) -> str:
        return FIELD_TITLES[self]


FIELD_TITLES = {
    Field.NAME: "Navn",
    Field.FIRST_NAME: "Fornavn",
    Field.LAST_NAME: "Efternavn",
    Field.DEPARTMENT: "Afdeling",
    Field.JOB_TITLE: "Stilling",
    Field.WEEKLY_HOURS: "Timer pr. uge",
    Field.EMPLOYED_FROM: "Ansat fra",
    Field.EMPLOYED_TO: "Fratrådt",
    Field.SALARIED: "Funktionær",
}
NOT_IMPORTED_TITLE = "(læses ikke)"

#: Header names in Danish and English payroll exports, written as `header_key` makes them.
HEADER_NAMES: dict[Field, tuple[str, ...]] = {
    Field.NAME: ("navn", "medarbejdernavn", "medarbejder", "fuldtnavn", "fuldenavn",
                 "medarbejdersnavn", "lønmodtager", "lønmodtagernavn", "name", "employee",
                 "employeename", "fullname"),
    Field.FIRST_NAME: ("fornavn", "fornavne", "firstname", "givenname"),
    Field.LAST_NAME: ("efternavn", "lastname", "surname", "familyname"),
    Field.DEPARTMENT: ("afdeling", "afd", "afdelingsnavn", "department", "dept", "team"),
    Field.JOB_TITLE: ("stilling", "stillingsbetegnelse", "jobtitel", "titel", "job",
                      "jobtitle", "title", "position"),
    Field.WEEKLY_HOURS: ("timer", "timerpruge", "timerperuge", "timerugen", "timeruge",
                         "ugentligarbejdstid", "ugentligetimer", "ugentligtimetal",
                         "arbejdstid", "arbejdstidpruge", "normtid", "ugentlignormtid",
                         "timetal", "weeklyhours", "hoursperweek", "hours"),
    Field.EMPLOYED_FROM: ("ansatfra", "ansættelsesdato", "ansættelsesstart", "startdato",
                          "ansat", "tiltrædelsesdato", "tiltrådt", "tiltrædelse", "start",
                          "startdate", "hiredate", "employedfrom"),
    Field.EMPLOYED_TO: ("fratrådt", "fratrædelsesdato", "fratrædelse", "fratræden",
                        "slutdato", "ansattil", "ophørsdato", "ophør", "enddate",
                        "leavingdate", "employedto"),
    Field.SALARIED: ("funktionær", "funktionærstatus", "lønform", "løntype", "aflønning",
                     "aflønningsform", "lønart", "salaried", "paytype"),
}  # fmt: skip
CPR_HEADER_NAMES = ("cpr", "cprnr", "cprnummer", "personnummer", "personnr", "cprno")

_NOT_LETTERS = re.compile(r"[^0-9a-zæøåäöü]")
_CPR = re.compile(r"^(\d{2})(\d{2})(\d{2})[- ]?\d{4}$")

#: What a payroll system writes for a salaried (funktionær) and an hourly paid employee.
SALARIED_WORDS = (
    "ja",
    "j",
    "x",
    "1",
    "sand",
    "true",
    "yes",
    "funktionær",
    "funktionærer",
    "månedsløn",
    "månedslønnet",
    "måned",
    "md",
    "gage",
    "fastløn",
    "monthly",
)
NOT_SALARIED_WORDS = ("nej", "n", "0", "falsk", "false", "no", "timeløn", "timelønnet", "time",
                      "timer", "14dagesløn", "14dage", "ugeløn", "ikkefunktionær", "hourly",
                      "hourlypaid")  # fmt: skip

CPR_NOTICE = (
    "Kolonner med CPR-numre læses ikke. Fravær gemmer aldrig CPR-numre, og de vises ikke her."
)


def header_key(text: str) -> str:
    """'Timer pr. uge' -> 'timerpruge': lower case, letters and digits only."""
    return _NOT_LETTERS.sub("", text.casefold())


def looks_like_cpr(cell: Cell) -> bool:
    """A CPR number: ddmmyy-xxxx, ddmmyyxxxx, or as a number that lost its leading zero."""
    if isinstance(cell, bool):
        return False
    if isinstance(cell, int | float):
        if not (isinstance(cell, int) or cell.is_integer()) or not 1e8 <= abs(cell) < 1e10:
            return False
        text = f"{int(abs(cell)):010d}"
    elif isinstance(cell, str):
        text = cell.strip()
    else:
        return False
    match = _CPR.match(text)
    if match is None:
        return False
    day, month, year = (int(g) for g in match.groups())
    try:
        date(2000 + year, month, day)  # a leap year's century: 29-02 may be any year's
    except ValueError:
        return False
    return True


def cell_text(cell: Cell) -> str:
    """The cell as the user sees it in the preview; whitespace runs become one space."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "ja" if cell else "nej"
    if isinstance(cell, datetime):
        return short_date(cell.date())
    if isinstance(cell, date):
        return short_date(cell)
    if isinstance(cell, float):
        if cell != cell or cell in (float("inf"), float("-inf")):
            return str(cell)
        if abs(cell) >= 1e15:
            return str(cell)
        text = number(cell, 6)  # '37,500000' -> '37,5'
        return text.rstrip("0").rstrip(",") if "," in text else text
    return " ".join(str(cell).split())


@dataclass(frozen=True)
class PayrollTable:
    """The file's staff table: the header row, the rows under it, and the columns that are
    shown (a CPR column is left out at once and never shown)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[int, tuple[Cell, ...]], ...]  # (row number in the file, shown cells)
    header_row: int
    cpr_columns_ignored: int
    description: str = ""

    def cell_texts(self, cells: tuple[Cell, ...]) -> tuple[str, ...]:
        """The row as shown; a cell that looks like a CPR number is never shown."""
        return tuple("(CPR-nummer, vises ikke)" if looks_like_cpr(c) else cell_text(c)
                     for c in cells)  # fmt: skip


def staff_table(sheet: SheetRows) -> PayrollTable:
    """Find the header row (the first of the first ten rows that names a known column, else the
    first row) and leave out every column that holds CPR numbers."""
    rows = sheet.rows
    width = max(len(cells) for _, cells in rows)
    padded = [(n, tuple(cells) + ("",) * (width - len(cells))) for n, cells in rows]
    known = {name for names in HEADER_NAMES.values() for name in names}
    header_at = next(
        (i for i, (_, cells) in enumerate(padded[:10])
         if any(header_key(cell_text(c)) in known for c in cells)),
        0,
    )  # fmt: skip
    header_number, header_cells = padded[header_at]
    body = padded[header_at + 1 :]
    cpr = {
        column
        for column in range(width)
        if header_key(cell_text(header_cells[column])) in CPR_HEADER_NAMES
        or looks_like_cpr(header_cells[column])
        or _mostly_cpr([cells[column] for _, cells in body])
    }
    keep = [c for c in range(width) if c not in cpr]
    headers = tuple(cell_text(header_cells[c]) or f"Kolonne {c + 1}" for c in keep)
    shown_rows = tuple((n, tuple(cells[c] for c in keep)) for n, cells in body)
    return PayrollTable(headers, shown_rows, header_number, len(cpr), sheet.description)


def _mostly_cpr(cells: list[Cell]) -> bool:
    """Half or more of the filled cells are CPR numbers: a CPR column whatever its header says.
    (One CPR number typed into another column is hidden in its cell and refused there.)"""
    filled = [c for c in cells if cell_text(c)]
    return bool(filled) and 2 * sum(looks_like_cpr(c) for c in filled) >= len(filled)


Mapping = tuple[Field | None, ...]  # per shown column: what it holds, or None (not read)


def guess_mapping(headers: Sequence[str]) -> Mapping:
    """What each column holds, from its header; each field at most once (the first column)."""
    guessed: list[Field | None] = []
    for header in headers:
        key = header_key(header)
        found = next((f for f, names in HEADER_NAMES.items() if key in names), None)
        guessed.append(found if found not in guessed else None)
    return tuple(guessed)


def mapping_problems(mapping: Mapping) -> list[str]:
    """What is wrong with the choice of columns, in Danish; empty when it can be read."""
    chosen = [f for f in mapping if f is not None]
    problems = [
        f"»{f.title}« er valgt for {chosen.count(f)} kolonner. Vælg den for én kolonne."
        for f in Field
        if chosen.count(f) > 1
    ]
    names = {Field.NAME, Field.FIRST_NAME, Field.LAST_NAME} & set(chosen)
    if not names:
        problems.append("Vælg den kolonne, der har medarbejdernes navn.")
    elif Field.NAME in names and len(names) > 1:
        problems.append("Vælg enten »Navn« eller »Fornavn« og »Efternavn«, ikke begge dele.")
    if Field.EMPLOYED_FROM not in chosen:
        problems.append("Vælg den kolonne, der har ansættelsesdatoen (»Ansat fra«).")
    return problems


class RowStatus(StrEnum):
    READY = "klar"
    SKIPPED = "springes over"
    ERROR = "fejl"


@dataclass(frozen=True)
class ImportRow:
    """One row of the file after the check: the employee it gives, or why not."""

    number: int
    texts: tuple[str, ...]
    status: RowStatus
    employee: Employee | None = None
    messages: tuple[str, ...] = ()
    problem_columns: frozenset[int] = frozenset()
    notes: tuple[str, ...] = ()  # worth knowing, not in the way (a namesake)


@dataclass(frozen=True)
class ImportCheck:
    rows: tuple[ImportRow, ...]
    problems: tuple[str, ...] = ()  # with the choice of columns
    notices: tuple[str, ...] = field(default=())  # calm information (CPR columns left out)

    @property
    def ready(self) -> list[Employee]:
        return [r.employee for r in self.rows if r.status is RowStatus.READY and r.employee]

    def count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def is_clean(self) -> bool:
        """Every row is ready or safely skipped, and there is someone to import."""
        return not self.problems and not self.count(RowStatus.ERROR) and bool(self.ready)

    def summary(self) -> str:
        """'48 medarbejdere klar, 2 rækker med fejl, 1 række springes over'."""
        if self.problems:
            return "Vælg kolonnerne, før rækkerne kan kontrolleres."
        parts = [counted(len(self.ready), "medarbejder", "medarbejdere") + " klar"]
        if errors := self.count(RowStatus.ERROR):
            parts.append(counted(errors, "række", "rækker") + " med fejl")
        if skipped := self.count(RowStatus.SKIPPED):
            parts.append(counted(skipped, "række", "rækker") + " springes over")
        return ", ".join(parts)


def check_import(
    table: PayrollTable,
    mapping: Mapping,
    existing: Iterable[Employee],
    default_weekly_hours: float = 37.0,
) -> ImportCheck:
    """Read and check every row with the chosen columns; nothing is stored."""
    notices = (CPR_NOTICE,) if table.cpr_columns_ignored else ()
    mapping = tuple(Field(f) if f is not None else None for f in mapping)  # also from plain text
    problems = mapping_problems(mapping)
    if problems:
        rows = tuple(
            ImportRow(n, table.cell_texts(cells), RowStatus.ERROR) for n, cells in table.rows
        )
        return ImportCheck(rows, tuple(problems), notices)
    read = [_read_row(table, mapping, n, cells, default_weekly_hours) for n, cells in table.rows]
    return ImportCheck(tuple(mark_duplicates(read, list(existing))), (), notices)


def _read_row(
    table: PayrollTable, mapping: Mapping, row_number: int, cells: tuple[Cell, ...],
    default_weekly_hours: float,
) -> ImportRow:  # fmt: skip
    texts = table.cell_texts(cells)
    values: dict[Field, object] = {}
    messages: list[str] = []
    bad: set[int] = set()
    columns = {f: i for i, f in enumerate(mapping) if f is not None}
    for fld, column in columns.items():
        cell = cells[column] if column < len(cells) else ""
        prefix = f"Række {row_number}, »{table.headers[column]}«: "
        if looks_like_cpr(cell):
            messages.append(prefix + "ligner et CPR-nummer. Det læses ikke; ret cellen i filen.")
            bad.add(column)
            continue
        try:
            values[fld] = read_cell(fld, cell)
        except ValueError as error:
            reason, shown = str(error), cell_text(cell)
            if shown and shown not in reason:  # say what the cell holds: "»1-13-2020« – ..."
                reason = f"»{shown}« – {reason}"
            messages.append(prefix + reason)
            bad.add(column)
    if messages:
        return ImportRow(row_number, texts, RowStatus.ERROR, None, tuple(messages),
                         frozenset(bad))  # fmt: skip
    employee = _employee(values, default_weekly_hours)
    for error in validate_employee(employee):
        column = _column_of(error.field, columns)
        header = f"»{table.headers[column]}«" if column is not None else error.field
        messages.append(f"Række {row_number}, {header}: {error.message}")
        if column is not None:
            bad.add(column)
    if messages:
        return ImportRow(row_number, texts, RowStatus.ERROR, None, tuple(messages),
                         frozenset(bad))  # fmt: skip
    return ImportRow(row_number, texts, RowStatus.READY, employee)


def _column_of(attribute: str, columns: dict[Field, int]) -> int | None:
    if attribute == "name":
        for fld in (Field.NAME, Field.FIRST_NAME, Field.LAST_NAME):
            if fld in columns:
                return columns[fld]
    return next((c for f, c in columns.items() if f.value == attribute), None)


def _employee(values: dict[Field, object], default_weekly_hours: float) -> Employee:
    name = values.get(Field.NAME)
    if name is None:
        parts = (values.get(Field.FIRST_NAME, ""), values.get(Field.LAST_NAME, ""))
        name = " ".join(p for p in parts if p)
    hours = values.get(Field.WEEKLY_HOURS)
    salaried = values.get(Field.SALARIED)
    return Employee(
        name=str(name),
        employed_from=values[Field.EMPLOYED_FROM],  # type: ignore[arg-type]
        department=str(values.get(Field.DEPARTMENT, "")),
        job_title=str(values.get(Field.JOB_TITLE, "")),
        weekly_hours=float(hours) if hours is not None else default_weekly_hours,  # type: ignore[arg-type]
        employed_to=values.get(Field.EMPLOYED_TO),  # type: ignore[arg-type]
        salaried=bool(salaried) if salaried is not None else True,
    )


def read_cell(fld: Field, cell: Cell) -> object:
    """The value of one cell for its field; ValueError with the Danish reason."""
    if fld in (Field.EMPLOYED_FROM, Field.EMPLOYED_TO):
        return read_date_cell(cell, required=fld is Field.EMPLOYED_FROM)
    if fld is Field.WEEKLY_HOURS:
        return read_hours_cell(cell)
    if fld is Field.SALARIED:
        return read_salaried_cell(cell)
    return cell_text(cell)


#: Excel counts days from 30 December 1899; a date cell without a date format is that number.
_EXCEL_EPOCH = date(1899, 12, 30)


def read_date_cell(cell: Cell, required: bool) -> date | None:
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if cell == cell and 18264 <= cell <= 73415 and float(cell).is_integer():  # 1950–2100
            return _EXCEL_EPOCH + timedelta(days=int(cell))
        raise DateTextError(f"»{cell_text(cell)}« er ikke en dato. Skriv den som dag-måned-år, "
                            "fx 02-03-2026.")  # fmt: skip
    if isinstance(cell, time | timedelta):
        raise DateTextError("Cellen har et klokkeslæt, ikke en dato. Skriv datoen, fx 02-03-2026.")
    text = cell_text(cell)
    if not text:
        if required:
            raise DateTextError("Ansættelsesdatoen mangler. Skriv den, fx 02-03-2026.")
        return None
    return read_date(text)


def read_hours_cell(cell: Cell) -> float:
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        return float(cell)
    text = cell_text(cell)
    if not text:
        raise NumberTextError("Timer pr. uge mangler. Skriv et tal, fx 37 eller 37,5.")
    if isinstance(cell, str):
        return read_number(text)
    raise NumberTextError(f"»{text}« er ikke et tal. Skriv et tal, fx 37,5.")


def read_salaried_cell(cell: Cell) -> bool:
    if isinstance(cell, bool):
        return cell
    key = header_key(cell_text(cell))
    if key in SALARIED_WORDS:
        return True
    if key in NOT_SALARIED_WORDS:
        return False
    shown = cell_text(cell)
    start = f"»{shown}« siger ikke, om medarbejderen er funktionær." if shown else "Tom celle."
    raise ValueError(f"{start} Skriv »ja« eller »nej«, eller »månedsløn« eller »timeløn«.")


def name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def mark_duplicates(rows: list[ImportRow], existing: list[Employee]) -> list[ImportRow]:
    """Rows already in the company and rows twice in the file are skipped (the same person
    with the same details) or refused (the same person, named twice with other details)."""
    stored = {(name_key(e.name), e.employed_from) for e in existing}
    stored_names = {name_key(e.name) for e in existing}
    first_at: dict[tuple[str, date], ImportRow] = {}
    conflicts: dict[int, list[int]] = {}
    result: list[ImportRow] = []
    for row in rows:
        e = row.employee
        if row.status is not RowStatus.READY or e is None:
            result.append(row)
            continue
        key = (name_key(e.name), e.employed_from)
        person = f"{e.name.strip()}, ansat fra {short_date(e.employed_from)},"
        earlier = first_at.get(key)
        if key in stored:
            message = f"{person} findes allerede i Fravær og importeres ikke igen."
            result.append(_skipped(row, f"Række {row.number}: {message}"))
        elif earlier is None:
            first_at[key] = row
            if key[0] in stored_names:
                note = (
                    f"Række {row.number}: Der er allerede en {e.name.strip()} i Fravær med en "
                    "anden ansættelsesdato. Importeres som en ny medarbejder."
                )
                row = dataclasses.replace(row, notes=(note,))
            result.append(row)
        elif earlier.employee == e:
            message = f"er den samme som række {earlier.number} og importeres kun én gang."
            result.append(_skipped(row, f"Række {row.number} {message}"))
        else:
            conflicts.setdefault(earlier.number, []).append(row.number)
            result.append(_refused(row, _conflict_message(row, [earlier.number])))
    return [
        _refused(r, _conflict_message(r, conflicts[r.number])) if r.number in conflicts else r
        for r in result
    ]


def _conflict_message(row: ImportRow, others: list[int]) -> str:
    e = row.employee
    assert e is not None
    numbers = ", ".join(str(n) for n in others)
    return (
        f"Række {row.number}: {e.name.strip()}, ansat fra {short_date(e.employed_from)}, står "
        f"også i række {numbers} med andre oplysninger. Ret eller slet den forkerte række i "
        "filen."
    )


def _skipped(row: ImportRow, message: str) -> ImportRow:
    return dataclasses.replace(row, status=RowStatus.SKIPPED, messages=(message,))


def _refused(row: ImportRow, message: str) -> ImportRow:
    return dataclasses.replace(row, status=RowStatus.ERROR, employee=None, messages=(message,))
