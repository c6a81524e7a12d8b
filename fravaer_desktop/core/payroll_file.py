"""Reading an export from a payroll system: a CSV file (any separator, UTF-8 or Windows-1252) or
an Excel workbook, as rows of cells. What the cells mean is core/payroll_import.py's business.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from fravaer_desktop.core.danish import file_problem

#: A cell as read: text from a CSV file; from a workbook also numbers, truth values and dates.
Cell = str | float | int | bool | date | datetime | time | timedelta | None

#: A small business's staff list is far below these; a bigger file is not a staff list.
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ROWS = 2000
MAX_COLUMNS = 100

CSV_SUFFIXES = (".csv", ".txt")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
#: The separators a spreadsheet program writes; on a tie, the Danish one (semicolon) wins.
SEPARATORS = (";", ",", "\t")
SEPARATOR_NAMES = {";": "semikolon", ",": "komma", "\t": "tabulator"}
#: The first bytes of a zip file (an .xlsx) and of an old binary .xls.
_ZIP_START = b"PK\x03\x04"
_XLS_START = b"\xd0\xcf\x11\xe0"

WHAT_WE_READ = (
    "Fravær kan læse CSV-filer (.csv) og Excel-filer (.xlsx). Gem listen fra lønsystemet i en "
    "af dem."
)


class PayrollFileError(Exception):
    """The file cannot be read as a staff list; the message says why in Danish."""


@dataclass(frozen=True)
class SheetRows:
    """The rows of the file: (row number as a spreadsheet program shows it, cells)."""

    rows: tuple[tuple[int, tuple[Cell, ...]], ...]
    description: str  # what was read, for the user: "CSV-fil, semikolon, UTF-8"


def read_payroll_file(path: Path) -> SheetRows:
    """The rows of a CSV file or the first sheet with data in a workbook."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise PayrollFileError(
                f"Filen fylder {size // (1024 * 1024)} MB og er for stor til at være en "
                "medarbejderliste. Vælg den fil, lønsystemet har gemt med medarbejderne."
            )
        with path.open("rb") as file:
            start = file.read(8)
    except OSError as error:
        raise PayrollFileError(f"Filen kunne ikke åbnes: {file_problem(error)}.") from None
    suffix = path.suffix.lower()
    if suffix in WORKBOOK_SUFFIXES or start.startswith((_ZIP_START, _XLS_START)):
        return read_workbook(path)
    if suffix in CSV_SUFFIXES or not suffix:
        try:
            return read_csv_bytes(path.read_bytes())
        except OSError as error:
            raise PayrollFileError(f"Filen kunne ikke læses: {file_problem(error)}.") from None
    raise PayrollFileError(f"Filer af typen »{path.suffix}« kan ikke læses. {WHAT_WE_READ}")


def decode(data: bytes) -> tuple[str, str]:
    """(text, the encoding's name): UTF-8 (with or without BOM), UTF-16 with BOM (Excel's
    "Unicode-tekst"), else Windows-1252 (Excel's CSV on a Danish Windows)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decoded(data[3:], "utf-8", "UTF-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decoded(data, "utf-16", "UTF-16")
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return _decoded(data, "cp1252", "Windows-1252")


def _decoded(data: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        return data.decode(codec), name
    except UnicodeDecodeError:
        raise PayrollFileError(
            f"Filens tegn kan ikke læses som {name}. Gem listen fra lønsystemet igen som "
            "CSV (UTF-8) eller som Excel-fil (.xlsx)."
        ) from None


def read_csv_bytes(data: bytes) -> SheetRows:
    """The rows of a CSV file's bytes: encoding and separator are found by looking."""
    if data.startswith((_ZIP_START, _XLS_START)):
        raise PayrollFileError(
            "Filen er en Excel-fil med et forkert navn. Giv den endelsen .xlsx, og vælg den igen."
        )
    text, encoding = decode(data)
    if "\x00" in text:
        raise PayrollFileError(f"Filen er ikke en tekstfil (CSV). {WHAT_WE_READ}")
    separator = sniff_separator(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error:
        raise PayrollFileError(
            "Filen kunne ikke læses som CSV: et felt er for langt, eller anførselstegnene passer "
            "ikke sammen. Gem listen fra lønsystemet igen."
        ) from None
    rows = tuple((number, tuple(record)) for number, record in enumerate(records, start=1))
    return _checked(rows, f"CSV-fil, {SEPARATOR_NAMES[separator]}, {encoding}")


def sniff_separator(text: str) -> str:
    """The separator that splits the first lines into the same number of columns (more than
    one) most often; semicolon when nothing tells."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = SEPARATORS[0], 0
    for separator in SEPARATORS:
        try:
            counts = [len(r) for r in csv.reader(lines, delimiter=separator)]
        except csv.Error:
            continue
        common = Counter(c for c in counts if c > 1).most_common(1)
        score = common[0][1] if common else 0
        if score > best_score:
            best, best_score = separator, score
    return best


def read_workbook(path: Path) -> SheetRows:
    """The first visible sheet with data, cells as the workbook holds them (dates as dates)."""
    import python_calamine  # imported when a workbook is read, not at start

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        try:
            for sheet_info in workbook.sheets_metadata:
                if sheet_info.visible != python_calamine.SheetVisibleEnum.Visible:
                    continue
                sheet = workbook.get_sheet_by_name(sheet_info.name)
                if sheet.height > MAX_ROWS + 100 or sheet.width > MAX_COLUMNS:
                    raise PayrollFileError(_too_big(sheet.height, sheet.width))
                cells = sheet.to_python(skip_empty_area=False)
                if any(any(_filled(c) for c in row) for row in cells):
                    rows = tuple((number, tuple(row)) for number, row in enumerate(cells, start=1))
                    return _checked(rows, f"Excel-fil, arket »{sheet_info.name}«")
        finally:
            workbook.close()
    except PayrollFileError:
        raise
    except python_calamine.PasswordError:
        raise PayrollFileError(
            "Excel-filen er låst med en adgangskode. Gem den uden adgangskode, og vælg den igen."
        ) from None
    except OSError as error:
        raise PayrollFileError(f"Filen kunne ikke læses: {file_problem(error)}.") from None
    except Exception:  # noqa: BLE001 - a damaged workbook can fail in the reader in many ways
        raise PayrollFileError(
            "Filen kan ikke læses som en Excel-fil: den er beskadiget eller af en anden type. "
            "Åbn den i Excel, og gem den igen som .xlsx, eller gem listen som CSV."
        ) from None
    raise PayrollFileError("Excel-filen har ingen udfyldte celler.")


def _filled(cell: Cell) -> bool:
    return cell is not None and not (isinstance(cell, str) and not cell.strip())


def _too_big(height: int, width: int) -> str:
    return (
        f"Arket har {height} rækker og {width} kolonner; en medarbejderliste kan have højst "
        f"{MAX_ROWS} rækker og {MAX_COLUMNS} kolonner. Vælg den fil, der kun har medarbejderne."
    )


def _checked(rows: Sequence[tuple[int, tuple[Cell, ...]]], description: str) -> SheetRows:
    filled = tuple((n, cells) for n, cells in rows if any(_filled(c) for c in cells))
    if not filled:
        raise PayrollFileError("Filen er tom: der er ingen rækker med tekst.")
    width = max(len(cells) for _, cells in filled)
    if len(filled) > MAX_ROWS + 1 or width > MAX_COLUMNS:
        raise PayrollFileError(_too_big(len(filled), width))
    return SheetRows(filled, description)
