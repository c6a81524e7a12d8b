"""Danish formatting and parsing of dates and numbers for everything a user reads."""

from __future__ import annotations

import calendar
import errno
import re
from datetime import date

MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
MONTHS_SHORT = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def long_date(day: date | None) -> str:
    """'2. marts 2026'; empty text for None."""
    if day is None:
        return ""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date | None) -> str:
    """'02-03-2026'; empty text for None."""
    if day is None:
        return ""
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def weekday_date(day: date) -> str:
    """'mandag 2. marts 2026'."""
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


#: The dates a date field accepts; every stored date lies between them.
MIN_YEAR, MAX_YEAR = 1950, 2100
DATE_EXAMPLE = "02-03-2026"
_SEPARATOR = r"[-./ ]"
_DMY = re.compile(rf"^(\d{{1,2}}){_SEPARATOR}(\d{{1,2}}){_SEPARATOR}(\d{{2}}|\d{{4}})$")
_DM = re.compile(rf"^(\d{{1,2}}){_SEPARATOR}(\d{{1,2}}){_SEPARATOR}?$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DIGITS = re.compile(r"^(\d{2})(\d{2})(\d{2}|\d{4})?$")


class DateTextError(ValueError):
    """Typed text that is not a date; the message says in Danish what is wrong and how to write
    the date."""


def read_date(text: str, near: date | None = None) -> date:
    """The date a Dane means by `text`, or DateTextError with the reason.

    Reads '2-3-2026', '02.03.26', '2/3/2026', '02032026', '020326' and '2026-03-02'. With `near`
    (the date the field showed), a day and month without a year ('2-3', '0203') mean the one
    nearest to it, so '30-12' typed on 2 January is the 30 December just gone. A two-digit year
    is 1950–2049.
    """
    typed = text.strip()
    if not typed:
        raise DateTextError(f"Skriv en dato, fx {DATE_EXAMPLE}.")
    parts = _date_parts(typed, near is not None)
    if parts is None:
        raise DateTextError(
            f"»{typed}« er ikke en dato. Skriv den som dag-måned-år, fx {DATE_EXAMPLE}."
        )
    day, month, year_digits = parts
    if year_digits is None:
        assert near is not None  # a year may be left out only when `near` is given
        year = _nearest_year(day, month, near)
    elif len(year_digits) == 2:
        year = int(year_digits) + (2000 if int(year_digits) < 50 else 1900)
    else:
        year = int(year_digits)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateTextError(f"Året skal ligge mellem {MIN_YEAR} og {MAX_YEAR}.")
    if not 1 <= month <= 12:
        raise DateTextError(f"Måned {month} findes ikke: måneden skal være 1–12.")
    days_in_month = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days_in_month:
        raise DateTextError(
            f"{day:02d}-{month:02d}-{year} findes ikke: {MONTHS[month - 1]} {year} har "
            f"{days_in_month} dage."
        )
    return date(year, month, day)


def _date_parts(typed: str, year_may_be_left_out: bool) -> tuple[int, int, str | None] | None:
    """(day, month, year) as typed, the year as its digits (None when left out)."""
    if match := _ISO.match(typed):
        year, month, day = match.groups()
        return int(day), int(month), year
    match = _DMY.match(typed) or _DIGITS.match(typed)
    if match is None and year_may_be_left_out:
        match = _DM.match(typed)
    if match is None:
        return None
    groups = match.groups()
    if groups[2:] == (None,) and not year_may_be_left_out:
        return None
    year = groups[2] if len(groups) > 2 else None
    return int(groups[0]), int(groups[1]), year


def _nearest_year(day: int, month: int, near: date) -> int:
    """The year that puts day-month nearest to `near` (its own year when none fits)."""
    candidates = []
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return near.year
    return min(candidates, key=lambda d: abs((d - near).days)).year


def parse_date(text: str) -> date | None:
    """Read '2-3-2026', '02.03.26' or '2026-03-02'; None when the text is not a date."""
    try:
        return read_date(text)
    except DateTextError:
        return None


_NUMBER = re.compile(r"^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$")
_POINT_NUMBER = re.compile(r"^([+-]?)(\d+)\.(\d+)$")


class NumberTextError(ValueError):
    """Text that is not a number; the message says in Danish how to write it."""


def read_number(text: str, example: str = "37,5") -> float:
    """The number a Dane means by `text`, or NumberTextError with the reason.

    Reads '37', '37,5', '-2,25' and '1.234,5' (a point between thousands), and '37.5' (a
    decimal point, as an English program writes it) when the point cannot be a thousands
    point. Units, letters and spaces inside the number are refused, so '37,5t' is not 37.5.
    """
    typed = text.strip()
    if not typed:
        raise NumberTextError(f"Skriv et tal, fx {example}.")
    if match := _NUMBER.match(typed):
        sign, whole, decimals = match.groups()
        value = float(f"{sign}{whole.replace('.', '')}.{decimals or '0'}")
    elif (match := _POINT_NUMBER.match(typed)) and len(match.group(3)) != 3:
        value = float(typed)
    else:
        raise NumberTextError(f"»{typed}« er ikke et tal. Skriv et tal, fx {example}.")
    return value


def number(value: float, decimals: int = 1) -> str:
    """Danish number: '37', '7,4', '1.234,5' (no trailing ',0')."""
    text = f"{value:,.{decimals}f}".replace(",", "§").replace(".", ",").replace("§", ".")
    if decimals and text.endswith("," + "0" * decimals):
        text = text[: -(decimals + 1)]
    return text


def days_text(count: int) -> str:
    """'1 dag' / '3 dage'."""
    return counted(count, "dag", "dage")


def counted(count: int, one: str, many: str) -> str:
    """'1 fraværsperiode' / '0 fraværsperioder' / '3 fraværsperioder': Danish uses the singular
    for exactly one."""
    return f"{count} {one if count == 1 else many}"


def day_numbers_text(days: tuple[int, ...]) -> str:
    """(1, 5, 14) -> 'dag 1, 5 og 14' (fraværsdage, as in a contact routine)."""
    numbers = [str(d) for d in days]
    joined = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " og " + numbers[-1]
    return f"dag {joined}"


#: Windows says "no access" also when the file is open in another program (a PDF viewer).
_NO_ACCESS = (
    "du har ikke lov til at skrive der, eller filen er åben i et andet program (luk den, og prøv "
    "igen)"
)
_FILE_PROBLEMS = {
    errno.EACCES: _NO_ACCESS,
    errno.EPERM: _NO_ACCESS,
    errno.EROFS: "drevet kan kun læses",
    errno.ENOSPC: "der er ikke mere plads på drevet",
    errno.EDQUOT: "der er ikke mere plads til dig på drevet",
    errno.ENOENT: "mappen findes ikke",
    errno.ENOTDIR: "en del af stien er ikke en mappe",
    errno.EISDIR: "der ligger en mappe med det navn",
    errno.EEXIST: "der ligger allerede en fil med det navn",
    errno.ENAMETOOLONG: "navnet er for langt",
}


def file_problem(error: OSError) -> str:
    """Why a file could not be written, in Danish ("der er ikke mere plads på drevet"); the
    system's own words (often English) only when the reason is not a common one."""
    known = _FILE_PROBLEMS.get(error.errno) if error.errno is not None else None
    return known or f"systemet svarede: {error.strerror or error}"
