"""Import from payroll: the three realistic exports in tests/data/payroll (50 employees each,
with the mistakes real exports have) read as the user would expect, and CPR numbers never read.
"""

from __future__ import annotations

import csv
import re
from datetime import date, datetime
from pathlib import Path

import pytest

from fravaer_desktop.core.models import Employee
from fravaer_desktop.core.payroll_file import (
    PayrollFileError,
    SheetRows,
    read_csv_bytes,
    read_payroll_file,
    sniff_separator,
)
from fravaer_desktop.core.payroll_import import (
    CPR_NOTICE,
    Field,
    ImportCheck,
    RowStatus,
    check_import,
    guess_mapping,
    looks_like_cpr,
    staff_table,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "payroll"
FILES = ("danloen_utf8.csv", "excel_windows1252.csv", "medarbejdere.xlsx")


def check_file(name: str, existing: list[Employee] | None = None) -> ImportCheck:
    table = staff_table(read_payroll_file(DATA / name))
    return check_import(table, guess_mapping(table.headers), existing or [])


def errors(check: ImportCheck) -> list[str]:
    return [m for r in check.rows if r.status is RowStatus.ERROR for m in r.messages]


def cpr_numbers_in(name: str) -> list[str]:
    """Every CPR number written in the file (10 digits, with or without the dash)."""
    data = (DATA / name).read_bytes()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        sheet = load_workbook(DATA / name).active
        text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row)
    else:
        text = data.decode("utf-8-sig") if "utf8" in name else data.decode("cp1252")
    return re.findall(r"\b\d{6}-?\d{4}\b", text)


def test_the_danloen_export_utf8_semicolons_one_name_column() -> None:
    check = check_file("danloen_utf8.csv")
    assert check.summary() == "46 medarbejdere klar, 3 rækker med fejl, 1 række springes over"
    assert errors(check) == [
        "Række 9, »Timer pr. uge«: »37,5t« er ikke et tal. Skriv et tal, fx 37,5.",
        "Række 16, »Ansættelsesdato«: 31-02-2019 findes ikke: februar 2019 har 28 dage.",
        "Række 24, »Navn«: Skriv medarbejderens navn.",
    ]
    skipped = [r for r in check.rows if r.status is RowStatus.SKIPPED]
    assert [r.messages for r in skipped] == [
        ("Række 41 er den samme som række 40 og importeres kun én gang.",)
    ]
    first = check.ready[0]
    assert first == Employee(
        name="Anne Larsen", employed_from=date(2022, 11, 1), department="Butik",
        job_title="Ekspedient", weekly_hours=25.0, salaried=True,
    )  # fmt: skip
    assert any(e.weekly_hours == 37.5 for e in check.ready)  # decimal comma
    assert any(not e.salaried for e in check.ready)  # Timeløn
    assert any(e.employed_to is not None for e in check.ready)  # Fratrådt
    assert not check.is_clean


def test_the_excel_csv_windows_1252_first_and_last_name_and_dotted_dates() -> None:
    table = staff_table(read_payroll_file(DATA / "excel_windows1252.csv"))
    assert table.description == "CSV-fil, semikolon, Windows-1252"
    assert table.headers[:2] == ("Fornavn", "Efternavn")
    check = check_import(table, guess_mapping(table.headers), [])
    assert check.summary() == "45 medarbejdere klar, 5 rækker med fejl"
    assert errors(check) == [
        "Række 6, »Funktionær«: »Måske« siger ikke, om medarbejderen er funktionær. Skriv »ja« "
        "eller »nej«, eller »månedsløn« eller »timeløn«.",
        "Række 13, »Ugentlig arbejdstid«: »ca. 30« er ikke et tal. Skriv et tal, fx 37,5.",
        "Række 28, »Slutdato«: Fratrædelsesdatoen ligger før ansættelsesdatoen. Ret en af de to "
        "datoer.",
        "Række 31: Bodil Søndergaard, ansat fra 20-04-2017, står også i række 34 med andre "
        "oplysninger. Ret eller slet den forkerte række i filen.",
        "Række 34: Bodil Søndergaard, ansat fra 20-04-2017, står også i række 31 med andre "
        "oplysninger. Ret eller slet den forkerte række i filen.",
    ]
    assert "Søren Hørlyck" in {e.name for e in check.ready}  # æ, ø and å read right


def test_the_excel_workbook_title_line_date_cells_and_a_cpr_column() -> None:
    table = staff_table(read_payroll_file(DATA / "medarbejdere.xlsx"))
    assert table.header_row == 3  # under the title line and an empty row
    assert table.description == "Excel-fil, arket »Medarbejdere«"
    check = check_import(table, guess_mapping(table.headers), [])
    assert check.summary() == "45 medarbejdere klar, 4 rækker med fejl, 1 række springes over"
    assert errors(check) == [
        "Række 10, »Timer/uge«: »37,5t« er ikke et tal. Skriv et tal, fx 37,5.",
        "Række 17, »Ansat fra«: »1-13-2020« – Måned 13 findes ikke: måneden skal være 1–12.",
        "Række 25, »Medarbejdernavn«: Skriv medarbejderens navn.",
        "Række 31, »Timer/uge«: Ugentlig arbejdstid skal være mellem 0 og 80 timer.",
    ]
    assert check.rows[0].texts[4] == "01-11-2022"  # a date cell shown the Danish way


@pytest.mark.parametrize("name", FILES)
def test_cpr_numbers_are_never_read_shown_or_named(name: str) -> None:
    numbers = cpr_numbers_in(name)
    assert len(numbers) >= 49
    table = staff_table(read_payroll_file(DATA / name))
    check = check_import(table, guess_mapping(table.headers), [])
    assert table.cpr_columns_ignored == 1
    assert not any("cpr" in h.casefold() or "personnummer" in h.casefold() for h in table.headers)
    assert check.notices == (CPR_NOTICE,)
    shown = repr((table.headers, [(r.texts, r.messages, r.notes) for r in check.rows]))
    digits_only = re.sub(r"\D", "", shown)
    for cpr in numbers:
        assert cpr not in shown and cpr.replace("-", "") not in digits_only


@pytest.mark.parametrize("name", FILES)
def test_every_employee_of_every_file_is_someone_of_the_same_fifty(name: str) -> None:
    check = check_file(name)
    assert len(check.rows) == 50
    assert all(r.number > 1 for r in check.rows)
    assert all(e.name and 1 <= len(e.name.split()) for e in check.ready)


def test_employees_already_in_the_company_are_skipped_and_a_namesake_is_noted() -> None:
    anne = Employee(name="anne  larsen", employed_from=date(2022, 11, 1))  # case and spaces
    namesake = Employee(name="Mette Rasmussen", employed_from=date(2001, 1, 1))
    check = check_file("danloen_utf8.csv", [anne, namesake])
    assert check.rows[0].status is RowStatus.SKIPPED
    assert check.rows[0].messages == (
        "Række 2: Anne Larsen, ansat fra 01-11-2022, findes allerede i Fravær og importeres "
        "ikke igen.",
    )
    assert check.rows[1].status is RowStatus.READY
    assert check.rows[1].notes == (
        "Række 3: Der er allerede en Mette Rasmussen i Fravær med en anden ansættelsesdato. "
        "Importeres som en ny medarbejder.",
    )
    assert check.summary() == "45 medarbejdere klar, 3 rækker med fejl, 2 rækker springes over"


def clean_sheet(text: str) -> SheetRows:
    return read_csv_bytes(text.encode("utf-8"))


def test_a_clean_file_is_clean_and_gives_every_employee() -> None:
    table = staff_table(clean_sheet(
        "Navn;Ansat fra;Timer pr. uge\nAnna Jensen;01-03-2019;37\nBo Nielsen;15-08-2021;30,5\n"
    ))  # fmt: skip
    check = check_import(table, guess_mapping(table.headers), [], default_weekly_hours=37)
    assert check.is_clean
    assert check.summary() == "2 medarbejdere klar"
    assert [(e.name, e.weekly_hours) for e in check.ready] == [
        ("Anna Jensen", 37.0), ("Bo Nielsen", 30.5),
    ]  # fmt: skip


def test_a_column_the_user_maps_anew_is_read_anew() -> None:
    table = staff_table(clean_sheet("Person;Dato\nAnna Jensen;01-03-2019\n"))
    assert guess_mapping(table.headers) == (None, None)
    unmapped = check_import(table, (None, None), [])
    assert unmapped.problems == (
        "Vælg den kolonne, der har medarbejdernes navn.",
        "Vælg den kolonne, der har ansættelsesdatoen (»Ansat fra«).",
    )
    assert not unmapped.is_clean and unmapped.ready == []
    mapped = check_import(table, (Field.NAME, Field.EMPLOYED_FROM), [], default_weekly_hours=30)
    assert mapped.is_clean
    assert mapped.ready == [Employee("Anna Jensen", date(2019, 3, 1), weekly_hours=30)]


def test_a_field_chosen_for_two_columns_is_a_problem() -> None:
    table = staff_table(clean_sheet("Navn;Start;Slut\nAnna;01-03-2019;01-04-2019\n"))
    check = check_import(table, (Field.NAME, Field.EMPLOYED_FROM, Field.EMPLOYED_FROM), [])
    assert "»Ansat fra« er valgt for 2 kolonner. Vælg den for én kolonne." in check.problems


@pytest.mark.parametrize(
    ("text", "separator"),
    [("a;b;c\n1;2;3\n", ";"), ("a,b,c\n1,2,3\n", ","), ("a\tb\tc\n1\t2\t3\n", "\t"),
     ("Navn;Timer\nAnna;37,5\nBo;30,5\n", ";"), ("Navn\nAnna\n", ";")],
)  # fmt: skip
def test_the_separator_is_found_by_looking(text: str, separator: str) -> None:
    assert sniff_separator(text) == separator


def test_windows_1252_and_utf8_give_the_same_rows() -> None:
    text = "Navn;Afdeling\nSøren Ærø;Café\n"
    assert read_csv_bytes(text.encode("cp1252")).rows == read_csv_bytes(text.encode()).rows
    assert read_csv_bytes(text.encode("utf-8-sig")).rows == read_csv_bytes(text.encode()).rows
    assert read_csv_bytes(text.encode("utf-16")).rows == read_csv_bytes(text.encode()).rows


def test_excel_cells_dates_numbers_and_truth_values_are_read() -> None:
    sheet = SheetRows(
        ((1, ("Navn", "Ansat fra", "Fratrådt", "Timer", "Funktionær")),
         (2, ("Anna", datetime(2019, 3, 1, 0, 0), 43831.0, 37, True)),
         (3, ("Bo", date(2020, 1, 2), None, 30.0, False))),
        "Excel-fil",
    )  # fmt: skip
    table = staff_table(sheet)
    check = check_import(table, guess_mapping(table.headers), [])
    assert check.ready == [
        Employee("Anna", date(2019, 3, 1), weekly_hours=37, employed_to=date(2020, 1, 1)),
        Employee("Bo", date(2020, 1, 2), weekly_hours=30, salaried=False),
    ]


def test_a_cpr_number_typed_into_another_column_is_hidden_and_refused() -> None:
    rows = "Navn;Ansat fra\n010203-1234;01-03-2019\nBo;01-03-2019\nIb;01-03-2019\n"
    table = staff_table(clean_sheet(rows))
    check = check_import(table, guess_mapping(table.headers), [])
    assert check.rows[0].texts == ("(CPR-nummer, vises ikke)", "01-03-2019")
    assert check.rows[0].messages == (
        "Række 2, »Navn«: ligner et CPR-nummer. Det læses ikke; ret cellen i filen.",
    )
    assert "010203" not in repr(check)


@pytest.mark.parametrize(
    ("cell", "is_cpr"),
    [("010203-1234", True), ("0102031234", True), (102031234.0, True), ("310299-1234", False),
     ("1234", False), (37.5, False), (True, False), ("Anna", False), ("320101-1234", False)],
)  # fmt: skip
def test_what_looks_like_a_cpr_number(cell, is_cpr: bool) -> None:
    assert looks_like_cpr(cell) is is_cpr


@pytest.mark.parametrize(
    ("content", "suffix", "message"),
    [
        pytest.param(b"", ".csv", "Filen er tom: der er ingen rækker med tekst.", id="empty"),
        pytest.param(b"\n;;\n", ".csv", "Filen er tom: der er ingen rækker med tekst.", id="blank"),
        pytest.param(b"x", ".pdf", "Filer af typen ».pdf« kan ikke læses.", id="pdf"),
        pytest.param(b"PK\x03\x04garbage", ".xlsx", "Filen kan ikke læses som en Excel-fil",
                     id="damaged workbook"),
        pytest.param(b"a\x00b\x00", ".csv", "Filen er ikke en tekstfil (CSV).", id="binary"),
        pytest.param(b"\xef\xbb\xbf\xff\xfe", ".csv", "Filens tegn kan ikke læses som UTF-8.",
                     id="bad UTF-8 after a BOM"),
    ],
)  # fmt: skip
def test_a_file_that_is_not_a_staff_list_gets_a_danish_reason(
    tmp_path: Path, content: bytes, suffix: str, message: str
) -> None:
    path = tmp_path / f"liste{suffix}"
    path.write_bytes(content)
    with pytest.raises(PayrollFileError) as refused:
        read_payroll_file(path)
    assert message in str(refused.value)


def test_a_file_that_is_gone_gets_a_danish_reason(tmp_path: Path) -> None:
    with pytest.raises(PayrollFileError, match="Filen kunne ikke åbnes: mappen findes ikke."):
        read_payroll_file(tmp_path / "væk.csv")


def test_the_csv_module_limits_are_a_danish_reason() -> None:
    huge = 'Navn\n"' + "x" * (csv.field_size_limit() + 10) + '"\n'
    with pytest.raises(PayrollFileError, match="Filen kunne ikke læses som CSV"):
        read_csv_bytes(huge.encode())
