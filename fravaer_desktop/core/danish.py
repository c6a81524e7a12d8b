"""Danish formatting and parsing of dates and numbers for everything a user reads."""

from __future__ import annotations

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


_DMY = re.compile(r"^\s*(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{2}|\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(text: str) -> date | None:
    """Read '2-3-2026', '02.03.26' or '2026-03-02'; None when the text is not a date."""
    if match := _ISO.match(text):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DMY.match(text):
        day, month, year = (int(g) for g in match.groups())
        if year < 100:
            year += 2000
    else:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


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
