"""CVR numbers: eight digits whose weighted sum (2,7,6,5,4,3,2,1) is divisible by 11."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fravaer_desktop.core.cvr import is_valid_cvr, normalise_cvr

WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def weighted_sum(digits: str) -> int:
    return sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True))


@pytest.mark.parametrize(
    "cvr",
    [
        # 1*2 + 0*7 + 1*6 + 5*5 + 0*4 + 8*3 + 1*2 + 7*1 = 66 = 6 * 11
        pytest.param("10150817", id="the test company's CVR"),
        # 2*2 + 4*7 + 2*6 + 5*5 + 6*4 + 7*3 + 9*2 + 0*1 = 132 = 12 * 11
        pytest.param("24256790", id="a second valid number, sum 132"),
        # 6*2 + 1*7 + 0*6 + 5*5 + 6*4 + 4*3 + 1*2 + 6*1 = 88 = 8 * 11
        pytest.param("61056416", id="a third valid number, sum 88"),
    ],
)
def test_valid_cvr_numbers_are_accepted(cvr: str) -> None:
    assert weighted_sum(cvr) % 11 == 0  # the worked sum in the comment is right
    assert is_valid_cvr(cvr)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("10150818", id="last digit changed so the check fails"),
        pytest.param("10150871", id="two digits swapped"),
        pytest.param("1015081", id="seven digits"),
        pytest.param("101508170", id="nine digits"),
        pytest.param("1015O817", id="letter O instead of zero"),
        pytest.param("ABCDEFGH", id="only letters"),
        pytest.param("", id="empty"),
        pytest.param("   ", id="only spaces"),
        pytest.param("00000000", id="all zeros (sum 0, but CVR numbers never start with 0)"),
        pytest.param("1015081²", id="superscript digit"),
        pytest.param("١٠١٥٠٨١٧", id="arabic-indic digits of a valid number"),
    ],
)
def test_invalid_cvr_numbers_are_refused(text: str) -> None:
    assert not is_valid_cvr(text)


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        pytest.param("DK 1015 0817", "10150817", id="DK prefix and spaces as on an invoice"),
        pytest.param("dk10150817", "10150817", id="lower-case dk prefix"),
        pytest.param("  10 15 08 17  ", "10150817", id="pairs of digits with spaces"),
        pytest.param("1015-0817", "10150817", id="hyphen"),
    ],
)
def test_cvr_as_typed_is_normalised_and_accepted(typed: str, normalised: str) -> None:
    assert normalise_cvr(typed) == normalised
    assert is_valid_cvr(typed)


@given(st.text(max_size=12))
def test_cvr_check_never_raises_and_accepts_only_eight_ascii_digits(text: str) -> None:
    if is_valid_cvr(text):
        digits = normalise_cvr(text)
        assert len(digits) == 8 and digits.isascii() and digits.isdigit()


@given(st.integers(min_value=10_000_000, max_value=99_999_999))
def test_every_eight_digit_number_is_valid_exactly_when_the_weighted_sum_divides_by_11(
    value: int,
) -> None:
    assert is_valid_cvr(str(value)) == (weighted_sum(str(value)) % 11 == 0)
