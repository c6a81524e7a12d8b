"""How long data about former employees is kept, and who is due for deletion (Qt-free).

The law sets no number of years: data may be kept only as long as there is a purpose
(GDPR art. 5(1)(e)). The company decides; the program proposes a default and says why
(decision 0023).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fravaer_desktop.core.models import Employee

#: The proposed period, in whole years after the last day of employment.
DEFAULT_YEARS = 5
MIN_YEARS, MAX_YEARS = 1, 30
DEFAULT_REASON = (
    "Forslaget er 5 år efter fratrædelsen: en medarbejder kan som udgangspunkt rejse krav om "
    "fx løn under sygdom eller en usaglig afskedigelse i 3 år (forældelsesloven § 3), og de "
    "2 år ekstra dækker, at fristen kan begynde senere, eller at en sag trækker ud. Loven "
    "fastsætter ikke et bestemt antal år: oplysningerne må kun gemmes, så længe der er et "
    "formål (databeskyttelsesforordningen art. 5, stk. 1, litra e). Det er virksomhedens egen "
    "beslutning; Datatilsynet har ikke fastsat en frist."
)
SOURCE = "Forældelsesloven § 3; databeskyttelsesforordningen art. 5, stk. 1, litra e"


@dataclass(frozen=True)
class RetentionSetting:
    """The company's period in years; `decided_on` None: the default, not decided yet."""

    years: int = DEFAULT_YEARS
    decided_on: date | None = None

    @property
    def is_default(self) -> bool:
        return self.decided_on is None


def years_after(day: date, years: int) -> date:
    """The same day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def delete_from(employee: Employee, years: int) -> date | None:
    """The first day the employee's data is due for deletion (None: still employed)."""
    if employee.employed_to is None:
        return None
    return years_after(employee.employed_to, years)


def is_due(employee: Employee, today: date, years: int) -> bool:
    """Did the employment end more than `years` ago?"""
    first = delete_from(employee, years)
    return first is not None and first <= today


def check_years(years: int) -> str | None:
    """A Danish message when the period cannot be used, else None."""
    if not MIN_YEARS <= years <= MAX_YEARS:
        return f"Vælg mellem {MIN_YEARS} og {MAX_YEARS} år."
    return None
