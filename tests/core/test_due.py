"""Deadlines in words: relative to today, and a warning when one falls on a weekend or holiday."""

from __future__ import annotations

from datetime import date

import pytest

from fravaer_desktop.core.due import calendar_day_note, due_sentence, relative_due

TODAY = date(2026, 11, 25)  # a Wednesday


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        pytest.param(date(2026, 11, 25), "i dag", id="due today"),
        pytest.param(date(2026, 11, 26), "i morgen", id="due tomorrow"),
        pytest.param(date(2026, 12, 2), "om 7 dage", id="due in a week"),
        pytest.param(date(2026, 11, 24), "overskredet i går", id="passed yesterday"),
        pytest.param(date(2026, 11, 13), "overskredet for 12 dage siden", id="passed 12 days ago"),
    ],
)
def test_relative_due(due, expected):
    assert relative_due(due, TODAY) == expected


def test_due_sentence_names_the_weekday_and_the_danish_date():
    expected = "Senest fredag 11. december 2026 (om 16 dage)."
    assert due_sentence(date(2026, 12, 11), TODAY) == expected


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        pytest.param(date(2026, 11, 28), "Fristen falder på en lørdag.", id="saturday"),
        pytest.param(date(2026, 11, 29), "Fristen falder på en søndag.", id="sunday"),
        pytest.param(date(2026, 12, 25), "Fristen falder på en helligdag (juledag).", id="xmas"),
        pytest.param(
            date(2027, 3, 26), "Fristen falder på en helligdag (langfredag).", id="good friday"
        ),
    ],
)
def test_a_deadline_on_a_day_off_is_shown_as_it_is_with_a_warning(due, expected):
    note = calendar_day_note(due)
    assert note.startswith(expected)
    assert "kalenderdage" in note and "flytter sig ikke" in note


def test_a_deadline_on_a_working_day_needs_no_warning():
    assert calendar_day_note(date(2026, 11, 25)) == ""


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        pytest.param(
            date(2026, 12, 23), "Dato: onsdag 23. december 2026 (om 28 dage).", id="later"
        ),
        pytest.param(
            date(2026, 11, 22), "Dato: søndag 22. november 2026 (for 3 dage siden).", id="passed"
        ),
        pytest.param(
            date(2026, 11, 24), "Dato: tirsdag 24. november 2026 (i går).", id="yesterday"
        ),
    ],
)
def test_a_date_to_know_is_not_worded_as_a_deadline(due, expected):
    """The end of the employer period is a date that comes, not a last day to act by."""
    assert due_sentence(due, TODAY, milestone=True) == expected


def test_a_deadline_on_a_holiday_advises_the_last_working_day_before_and_keeps_names_capital():
    note = calendar_day_note(date(2026, 5, 14))
    assert note.startswith("Fristen falder på en helligdag (Kristi himmelfartsdag).")
    assert note.endswith("gør det hellere senest den sidste hverdag før.")
