"""Danish dates and numbers as the user reads and types them."""

from __future__ import annotations

import errno
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fravaer_desktop.core.danish import (
    MAX_YEAR,
    MIN_YEAR,
    DateTextError,
    NumberTextError,
    counted,
    days_text,
    file_problem,
    long_date,
    number,
    parse_date,
    read_date,
    read_number,
    short_date,
    weekday_date,
)


def test_long_date_writes_the_month_in_danish() -> None:
    assert long_date(date(2026, 3, 2)) == "2. marts 2026"
    assert long_date(date(2026, 12, 24)) == "24. december 2026"


def test_short_date_is_day_month_year_with_leading_zeros() -> None:
    assert short_date(date(2026, 3, 2)) == "02-03-2026"


def test_weekday_date_names_the_danish_weekday() -> None:
    assert weekday_date(date(2026, 3, 2)) == "mandag 2. marts 2026"
    assert weekday_date(date(2026, 3, 8)) == "søndag 8. marts 2026"


def test_no_date_is_shown_as_empty_text() -> None:
    assert long_date(None) == ""
    assert short_date(None) == ""


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param("2-3-2026", id="day-month-year without leading zeros"),
        pytest.param("02-03-2026", id="as the program writes it"),
        pytest.param("02.03.26", id="dots and a two-digit year"),
        pytest.param("2/3/2026", id="slashes"),
        pytest.param("2026-03-02", id="ISO year-month-day"),
        pytest.param(" 2-3-2026 ", id="surrounding spaces"),
    ],
)
def test_parse_date_reads_the_ways_danes_write_2_march_2026(typed: str) -> None:
    assert parse_date(typed) == date(2026, 3, 2)


@pytest.mark.parametrize(
    "typed",
    [
        pytest.param("31-02-2026", id="31 February does not exist"),
        pytest.param("29-02-2026", id="29 February in a non-leap year"),
        pytest.param("2-13-2026", id="month 13"),
        pytest.param("abc", id="letters"),
        pytest.param("", id="empty"),
        pytest.param("2-3", id="no year"),
    ],
)
def test_parse_date_refuses_text_that_is_not_a_date(typed: str) -> None:
    assert parse_date(typed) is None


def test_parse_date_accepts_the_leap_day_of_a_leap_year() -> None:
    assert parse_date("29-02-2028") == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("typed", "near", "meant"),
    [
        pytest.param("30-12-2026", date(2027, 1, 2), date(2026, 12, 30), id="as shown"),
        pytest.param("30122026", date(2027, 1, 2), date(2026, 12, 30), id="digits only"),
        pytest.param("301226", date(2027, 1, 2), date(2026, 12, 30), id="six digits"),
        pytest.param("30-12", date(2027, 1, 2), date(2026, 12, 30), id="no year in January"),
        pytest.param("3012", date(2027, 1, 2), date(2026, 12, 30), id="ddmm in January"),
        pytest.param("2-1", date(2026, 12, 30), date(2027, 1, 2), id="no year in December"),
        pytest.param("1-8", date(2019, 3, 1), date(2019, 8, 1), id="no year, an old date shown"),
        pytest.param("29-2", date(2028, 3, 1), date(2028, 2, 29), id="leap day without year"),
        pytest.param("1-8-99", date(2026, 1, 1), date(1999, 8, 1), id="two-digit year 99"),
        pytest.param("1-8-49", date(2026, 1, 1), date(2049, 8, 1), id="two-digit year 49"),
    ],
)
def test_read_date_reads_what_a_dane_types(typed: str, near: date, meant: date) -> None:
    assert read_date(typed, near) == meant


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        pytest.param("31-02-2026", "31-02-2026 findes ikke: februar 2026 har 28 dage.", id="31-2"),
        pytest.param("29-02-2027", "29-02-2027 findes ikke: februar 2027 har 28 dage.", id="29-2"),
        pytest.param("31112026", "31-11-2026 findes ikke: november 2026 har 30 dage.", id="31 Nov"),
        pytest.param("15-13-2026", "Måned 13 findes ikke: måneden skal være 1–12.", id="month 13"),
        pytest.param("01-01-1900", "Året skal ligge mellem 1950 og 2100.", id="year 1900"),
        pytest.param("0000-01-01", "Året skal ligge mellem 1950 og 2100.", id="year 0"),
        pytest.param("", "Skriv en dato, fx 02-03-2026.", id="empty"),
        pytest.param(
            "30-12-00001-2027",
            "»30-12-00001-2027« er ikke en dato. Skriv den som dag-måned-år, fx 02-03-2026.",
            id="garbage",
        ),
    ],
)
def test_read_date_says_in_danish_why_text_is_not_a_date(typed: str, message: str) -> None:
    with pytest.raises(DateTextError) as refused:
        read_date(typed, date(2026, 11, 26))
    assert str(refused.value) == message


@given(st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31)))
def test_every_date_reads_back_as_written_and_as_digits(day: date) -> None:
    assert read_date(short_date(day)) == day
    assert read_date(short_date(day).replace("-", "")) == day
    assert read_date(short_date(day)[:5], day) == day  # without the year, near itself


@pytest.mark.parametrize(
    ("value", "text"),
    [
        pytest.param(7.4, "7,4", id="decimal comma"),
        pytest.param(37.0, "37", id="no trailing ,0"),
        pytest.param(1234.5, "1.234,5", id="dot between thousands"),
        pytest.param(0.0, "0", id="zero"),
    ],
)
def test_number_is_written_the_danish_way(value: float, text: str) -> None:
    assert number(value) == text


def test_number_with_two_decimals() -> None:
    assert number(44.4, decimals=2) == "44,40"
    assert number(20.0, decimals=2) == "20"


def test_days_text_uses_singular_for_one_day() -> None:
    assert days_text(1) == "1 dag"
    assert days_text(3) == "3 dage"
    assert days_text(0) == "0 dage"


@pytest.mark.parametrize(
    ("error", "text"),
    [
        pytest.param(
            PermissionError(errno.EACCES, "Permission denied"),
            "du har ikke lov til at skrive der, eller filen er åben i et andet program (luk den, "
            "og prøv igen)",
            id="no access, or open elsewhere (Windows)",
        ),
        (OSError(errno.ENOSPC, "No space left on device"), "der er ikke mere plads på drevet"),
        (OSError(errno.EROFS, "Read-only file system"), "drevet kan kun læses"),
        (FileNotFoundError(errno.ENOENT, "No such file"), "mappen findes ikke"),
    ],
)
def test_common_file_problems_are_told_in_danish(error: OSError, text: str) -> None:
    assert file_problem(error) == text


def test_an_unusual_file_problem_gives_the_systems_own_words() -> None:
    assert file_problem(OSError(errno.EIO, "Input/output error")) == (
        "systemet svarede: Input/output error"
    )


@pytest.mark.parametrize(
    ("count", "text"), [(0, "0 frister"), (1, "1 frist"), (2, "2 frister"), (21, "21 frister")]
)
def test_exactly_one_takes_the_singular(count: int, text: str) -> None:
    assert counted(count, "frist", "frister") == text


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        pytest.param("37", 37.0, id="whole"),
        pytest.param("37,5", 37.5, id="decimal comma"),
        pytest.param(" 7,40 ", 7.4, id="spaces around"),
        pytest.param("1.234,5", 1234.5, id="thousands point"),
        pytest.param("37.5", 37.5, id="decimal point from an English program"),
        pytest.param("1.234", 1234.0, id="a point before three digits is a thousands point"),
        pytest.param("-2,25", -2.25, id="minus"),
    ],
)
def test_read_number_reads_danish_numbers(typed: str, value: float) -> None:
    assert read_number(typed) == value


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        pytest.param("37,5t", "»37,5t« er ikke et tal. Skriv et tal, fx 37,5.", id="unit"),
        pytest.param("", "Skriv et tal, fx 37,5.", id="empty"),
        pytest.param("1.2.3", "»1.2.3« er ikke et tal. Skriv et tal, fx 37,5.", id="points"),
        pytest.param("nan", "»nan« er ikke et tal. Skriv et tal, fx 37,5.", id="nan"),
        pytest.param("1e3", "»1e3« er ikke et tal. Skriv et tal, fx 37,5.", id="exponent"),
    ],
)
def test_read_number_says_in_danish_why_text_is_not_a_number(typed: str, message: str) -> None:
    with pytest.raises(NumberTextError) as refused:
        read_number(typed)
    assert str(refused.value) == message


@given(st.text(max_size=30))
def test_read_number_gives_a_number_or_a_danish_reason_for_any_text(text: str) -> None:
    try:
        value = read_number(text)
    except NumberTextError as error:
        assert str(error).endswith("fx 37,5.")
    else:
        assert isinstance(value, float)


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_every_number_written_the_danish_way_reads_back(value: float) -> None:
    assert read_number(number(value, 2)) == pytest.approx(round(value, 2), abs=0.006)
