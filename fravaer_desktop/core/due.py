"""How a deadline reads in Danish, seen from today: 'i dag', 'om 5 dage', 'overskredet i går'."""

from __future__ import annotations

from datetime import date

from fravaer_desktop.core.calendar import danish_holidays
from fravaer_desktop.core.danish import WEEKDAYS, long_date


def relative_due(due: date, today: date) -> str:
    """The deadline relative to today: 'i dag', 'i morgen', 'om 7 dage', 'overskredet i går',
    'overskredet for 12 dage siden'."""
    days = (due - today).days
    if days == 0:
        return "i dag"
    if days == 1:
        return "i morgen"
    if days > 1:
        return f"om {days} dage"
    if days == -1:
        return "overskredet i går"
    return f"overskredet for {-days} dage siden"


def due_sentence(due: date, today: date, *, milestone: bool = False) -> str:
    """'Senest onsdag 2. december 2026 (om 7 dage).' for something to do; for a date that only
    comes (a milestone such as the end of the employer period): 'Dato: onsdag 2. december 2026
    (om 7 dage).' or '… (for 3 dage siden).'"""
    day = f"{WEEKDAYS[due.weekday()]} {long_date(due)}"
    if milestone:
        return f"Dato: {day} ({_relative_day(due, today)})."
    return f"Senest {day} ({relative_due(due, today)})."


def _relative_day(day: date, today: date) -> str:
    days = (day - today).days
    if days == -1:
        return "i går"
    if days < -1:
        return f"for {-days} dage siden"
    return relative_due(day, today)


def calendar_day_note(due: date) -> str:
    """A reminder when a deadline falls on a weekend or a public holiday; empty otherwise.

    The law counts calendar days, so such a deadline does not move to the next working day.
    """
    holiday = danish_holidays(due.year).get(due)
    if holiday:
        # Kristi himmelfartsdag keeps its capital: Kristi is a name.
        name = holiday if holiday.startswith("Kristi") else holiday.lower()
        where = f"en helligdag ({name})"
    elif due.weekday() >= 5:
        where = f"en {WEEKDAYS[due.weekday()]}"
    else:
        return ""
    return (
        f"Fristen falder på {where}. Loven tæller kalenderdage, så fristen flytter sig ikke: "
        "gør det hellere senest den sidste hverdag før."
    )
