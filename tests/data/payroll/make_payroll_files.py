"""Writes the three payroll exports the import tests and screenshots read (run once; the files
are committed): 50 employees of a bakery with a shop and a café, each file with the mistakes
real exports have.

Run: .venv/bin/python tests/data/payroll/make_payroll_files.py (needs openpyxl, a test
dependency; the program itself reads workbooks with python-calamine).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent

FIRST = (
    "Anne", "Mette", "Lars", "Søren", "Jens", "Kirsten", "Hanne", "Peter", "Niels", "Susanne",
    "Mads", "Frederik", "Ida", "Emma", "Freja", "Oliver", "Noah", "Clara", "Asger", "Sofie",
    "Mikkel", "Line", "Rasmus", "Signe", "Thomas", "Birgitte", "Ahmad", "Fatima", "Jørgen",
    "Bodil", "Kasper", "Nanna", "Ulla", "Henrik", "Maja", "Villads", "Astrid", "Malthe",
    "Lærke", "Tobias", "Karen", "Ole", "Pernille", "Anders", "Sara", "Camilla", "Ebbe",
    "Gitte", "Zeynep", "Bjørn",
)  # fmt: skip
LAST = (
    "Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
    "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen",
    "Poulsen", "Johansen", "Møller", "Mortensen", "Søndergaard", "Kjær", "Lund", "Østergaard",
    "Bæk", "Hørlyck", "Yilmaz", "Ali", "Frandsen", "Dalsgaard", "Nørgaard",
)  # fmt: skip
JOBS = {
    "Bageri": ("Bager", "Bagermedhjælper", "Konditor", "Bagerlærling", "Produktionsleder"),
    "Butik": ("Ekspedient", "Ekspedient", "Butiksleder", "Ekspedient (studerende)"),
    "Café": ("Barista", "Kok", "Tjener", "Souschef", "Opvasker"),
    "Kontor": ("Bogholder", "Kontorassistent", "Daglig leder"),
    "Udbringning": ("Chauffør", "Lagermedarbejder"),
}
HOURS = (37, 37, 37, 37, 32, 30, 30, 25, 20, 15, 12, 37.5, 28.5)


def staff() -> list[dict]:
    rng = random.Random(18)
    people = []
    for i in range(50):
        department = rng.choice(list(JOBS))
        job = rng.choice(JOBS[department])
        start = date(2008, 1, 1) + timedelta(days=rng.randrange(0, 6500))
        left = start + timedelta(days=rng.randrange(200, 1500)) if rng.random() < 0.1 else None
        birth = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 15000))
        people.append({
            "first": FIRST[i], "last": rng.choice(LAST), "department": department, "job": job,
            "hours": rng.choice(HOURS), "start": start, "left": left,
            "salaried": "lærling" not in job and "studerende" not in job and rng.random() < 0.8,
            "cpr": f"{birth:%d%m%y}-{rng.randrange(1000, 9999)}", "number": 1001 + i,
        })  # fmt: skip
    return people


def danish_date(day: date | None) -> str:
    return f"{day:%d-%m-%Y}" if day else ""


def danish_number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def csv_danloen(people: list[dict]) -> str:
    """A Danløn-like export: one name column, CPR, Lønform, written as UTF-8 with BOM."""
    lines = ["Medarbejdernr;Navn;CPR-nr.;Afdeling;Stilling;Timer pr. uge;Ansættelsesdato;"
             "Fratrådt;Lønform"]  # fmt: skip
    for p in people:
        lines.append(";".join([
            str(p["number"]), f"{p['first']} {p['last']}", p["cpr"], p["department"], p["job"],
            danish_number(p["hours"]), danish_date(p["start"]), danish_date(p["left"]),
            "Månedsløn" if p["salaried"] else "Timeløn",
        ]))  # fmt: skip
    cells = lines[8].split(";")
    cells[5] = "37,5t"  # a unit after the number
    lines[8] = ";".join(cells)
    cells = lines[15].split(";")
    cells[6] = "31-02-2019"  # row 15: a day that does not exist
    lines[15] = ";".join(cells)
    cells = lines[23].split(";")
    cells[1] = ""  # row 23: no name
    lines[23] = ";".join(cells)
    lines.insert(40, lines[39])  # rows 39 and 40: the same person twice
    return "\r\n".join(lines[:51]) + "\r\n"


def csv_excel(people: list[dict]) -> str:
    """What Excel on a Danish Windows saves as CSV: Windows-1252, first and last name apart."""
    lines = ["Fornavn;Efternavn;Personnummer;Afdeling;Stillingsbetegnelse;Ugentlig arbejdstid;"
             "Startdato;Slutdato;Funktionær"]  # fmt: skip
    for p in people:
        lines.append(";".join([
            p["first"], p["last"], p["cpr"].replace("-", ""), p["department"], p["job"],
            danish_number(p["hours"]), f"{p['start']:%d.%m.%Y}",
            f"{p['left']:%d.%m.%Y}" if p["left"] else "", "Ja" if p["salaried"] else "Nej",
        ]))  # fmt: skip
    cells = lines[5].split(";")
    cells[8] = "Måske"  # row 5: neither yes nor no
    lines[5] = ";".join(cells)
    cells = lines[12].split(";")
    cells[5] = "ca. 30"  # row 12
    lines[12] = ";".join(cells)
    cells = lines[27].split(";")
    cells[7] = "01.01.2005"  # row 27: left before starting
    lines[27] = ";".join(cells)
    cells = lines[44].split(";")
    cells[5] = "37,0"
    lines[44] = ";".join(cells)
    # Row 33: the person in row 30 again, with other hours (which row is right?)
    again = lines[30].split(";")
    again[5] = "20"
    lines[33] = ";".join(again)
    return "\r\n".join(lines) + "\r\n"


def workbook(people: list[dict], path: Path) -> None:
    """An Excel export with a title line, real date and number cells and a CPR column."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Medarbejdere"
    sheet.append(["Medarbejderliste – Solsikken Bageri & Café ApS – udskrevet 01-11-2026"])
    sheet.append([])
    sheet.append(["Medarbejdernavn", "CPR", "Afd.", "Stilling", "Timer/uge", "Ansat fra",
                  "Ansat til", "Funktionær"])  # fmt: skip
    for p in people:
        sheet.append([
            f"{p['first']} {p['last']}", p["cpr"], p["department"], p["job"], p["hours"],
            p["start"], p["left"], "Ja" if p["salaried"] else "Nej",
        ])  # fmt: skip
    for row in sheet.iter_rows(min_row=4, min_col=6, max_col=7):
        for cell in row:
            cell.number_format = "DD-MM-YYYY"
    sheet["E10"] = "37,5t"  # row 10: a unit after the number
    sheet["F17"] = "1-13-2020"  # row 17: month 13 (an American date)
    sheet["A25"] = None  # row 25: no name
    sheet["E31"] = 90  # row 31: more hours than a week has room for
    for column, cell in zip("ABCDEFGH", sheet[20], strict=True):  # row 46 = row 20 again
        sheet[f"{column}46"] = cell.value
    sheet["F46"].number_format = "DD-MM-YYYY"
    book.save(path)


def main() -> None:
    people = staff()
    (HERE / "danloen_utf8.csv").write_bytes(csv_danloen(people).encode("utf-8-sig"))
    (HERE / "excel_windows1252.csv").write_bytes(csv_excel(people).encode("cp1252"))
    workbook(people, HERE / "medarbejdere.xlsx")


if __name__ == "__main__":
    main()
