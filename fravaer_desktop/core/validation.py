"""Checks of user input before anything is stored; Danish messages that say how to fix it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from fravaer_desktop.core.absence import spells_overlap
from fravaer_desktop.core.cvr import is_valid_cvr
from fravaer_desktop.core.danish import MAX_YEAR, MIN_YEAR, long_date, number
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee

ONE_DAY = timedelta(days=1)

#: Input limits of the program (policy, not law): how far ahead a sick day may be registered,
#: and the longest note and the most weekly hours accepted.
MAX_DAYS_AHEAD = 365
MAX_NOTE_LENGTH = 500
#: Names, departments and job titles: room for any real one, and they still fit on paper.
MAX_NAME_LENGTH = 100
MAX_WEEKLY_HOURS = 80.0


@dataclass(frozen=True)
class FieldError:
    """A problem with one input field: `field` is the dataclass attribute it concerns."""

    field: str
    message: str


class ValidationError(ValueError):
    """Raised by a repository when input is refused; nothing has been stored."""

    def __init__(self, errors: list[FieldError]):
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors

    def message_for(self, field: str) -> str | None:
        return next((e.message for e in self.errors if e.field == field), None)


def raise_if_any(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def _too_long(**texts: str) -> list[FieldError]:
    return [
        FieldError(
            field,
            f"Teksten er {len(text.strip())} tegn lang; der er plads til højst {MAX_NAME_LENGTH}. "
            "Forkort den.",
        )
        for field, text in texts.items()
        if len(text.strip()) > MAX_NAME_LENGTH
    ]


def validate_company(company: Company) -> list[FieldError]:
    errors = []
    if not company.name.strip():
        errors.append(FieldError("name", "Skriv virksomhedens navn."))
    errors += _too_long(name=company.name)
    if not is_valid_cvr(company.cvr):
        errors.append(
            FieldError(
                "cvr",
                "CVR-nummeret er ikke gyldigt. Det skal være 8 cifre, som det står på "
                "virk.dk eller på jeres fakturaer.",
            )
        )
    if not 0 < company.standard_weekly_hours <= MAX_WEEKLY_HOURS:
        errors.append(
            FieldError(
                "standard_weekly_hours",
                "Normal ugentlig arbejdstid skal være mere end 0 og højst "
                f"{number(MAX_WEEKLY_HOURS)} timer.",
            )
        )
    return errors


def validate_employee(employee: Employee) -> list[FieldError]:
    errors = []
    if not employee.name.strip():
        errors.append(FieldError("name", "Skriv medarbejderens navn."))
    errors += _too_long(
        name=employee.name, department=employee.department, job_title=employee.job_title
    )
    if not 0 <= employee.weekly_hours <= MAX_WEEKLY_HOURS:
        errors.append(
            FieldError(
                "weekly_hours",
                f"Ugentlig arbejdstid skal være mellem 0 og {number(MAX_WEEKLY_HOURS)} timer.",
            )
        )
    if not 1 <= employee.working_days_per_week <= 7:
        errors.append(
            FieldError(
                "working_days_per_week",
                "Arbejdsdage om ugen skal være et helt tal mellem 1 og 7, fx 5.",
            )
        )
    errors += _dates_out_of_range(
        employed_from=employee.employed_from,
        employed_to=employee.employed_to,
        section_56_from=employee.section_56_from,
        section_56_to=employee.section_56_to,
    )
    if employee.employed_to is not None and employee.employed_to < employee.employed_from:
        errors.append(
            FieldError(
                "employed_to",
                "Fratrædelsesdatoen ligger før ansættelsesdatoen. Ret en af de to datoer.",
            )
        )
    s56_from, s56_to = employee.section_56_from, employee.section_56_to
    if (s56_from is None) != (s56_to is None):
        errors.append(
            FieldError("section_56_to", "En § 56-aftale skal have både en start- og en slutdato.")
        )
    elif s56_from is not None and s56_to is not None and s56_to < s56_from:
        errors.append(
            FieldError("section_56_to", "§ 56-aftalens slutdato ligger før startdatoen.")
        )
    return errors


def _dates_out_of_range(**days: date | None) -> list[FieldError]:
    """Every stored date lies in the years a date field accepts (a file read from a payroll
    system can hold any date; the deadlines cannot count from year 1 or to year 9999)."""
    return [
        FieldError(field, f"Året skal ligge mellem {MIN_YEAR} og {MAX_YEAR}. Tjek årstallet.")
        for field, day in days.items()
        if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR
    ]


def validate_spell(
    spell: AbsenceSpell,
    employee: Employee,
    other_spells: Iterable[AbsenceSpell],
    today: date,
) -> list[FieldError]:
    """Check one spell against the employee and the employee's other spells."""
    errors = []
    if spell.last_day is not None and spell.last_day < spell.first_day:
        errors.append(
            FieldError(
                "last_day",
                f"Sidste fraværsdag ligger før første fraværsdag ({long_date(spell.first_day)}). "
                "Ret datoen.",
            )
        )
    if spell.first_day > today + timedelta(days=MAX_DAYS_AHEAD):
        errors.append(
            FieldError(
                "first_day",
                "Første fraværsdag ligger mere end et år ude i fremtiden. Tjek årstallet.",
            )
        )
    if spell.last_day is not None and spell.last_day > today + timedelta(days=MAX_DAYS_AHEAD):
        errors.append(
            FieldError(
                "last_day",
                "Sidste fraværsdag ligger mere end et år ude i fremtiden. Tjek årstallet.",
            )
        )
    if spell.first_day < employee.employed_from:
        errors.append(
            FieldError(
                "first_day",
                f"{employee.name} er først ansat fra {long_date(employee.employed_from)}. "
                "Første fraværsdag skal ligge i ansættelsen.",
            )
        )
    elif employee.employed_to is not None and spell.first_day > employee.employed_to:
        errors.append(
            FieldError(
                "first_day",
                f"{employee.name} er kun ansat til og med {long_date(employee.employed_to)}. "
                "Første fraværsdag skal ligge i ansættelsen.",
            )
        )
    if (
        employee.employed_to is not None
        and spell.last_day is not None
        and spell.first_day <= employee.employed_to < spell.last_day
    ):
        errors.append(
            FieldError(
                "last_day",
                f"{employee.name} er kun ansat til og med {long_date(employee.employed_to)}. "
                "Sidste fraværsdag kan ikke ligge efter fratrædelsen.",
            )
        )
    if spell.partial_hours_per_week is not None:
        hours = spell.partial_hours_per_week
        if not 0 < hours < employee.weekly_hours:  # also refuses a number that is not one
            errors.append(
                FieldError(
                    "partial_hours_per_week",
                    "Ved delvist fravær skal timer fravær pr. uge være mere end 0 og mindre end "
                    f"den aftalte arbejdstid ({number(employee.weekly_hours)} timer). "
                    "Er medarbejderen helt væk, så vælg fuldt fravær.",
                )
            )
    if spell.expected_return is not None and spell.expected_return <= spell.first_day:
        errors.append(
            FieldError(
                "expected_return",
                "Forventet første arbejdsdag skal ligge efter første fraværsdag.",
            )
        )
    if len(spell.note) > MAX_NOTE_LENGTH:
        errors.append(
            FieldError("note", f"Noten må højst være {MAX_NOTE_LENGTH} tegn. Forkort den.")
        )
    others = [o for o in other_spells if spell.id is None or o.id != spell.id]
    clash = next((o for o in others if spells_overlap(spell, o)), None)
    if clash is not None:
        errors.append(
            FieldError(
                "first_day",
                f"{employee.name} har allerede en fraværsperiode, der overlapper: "
                f"{_period(clash)}. Ret datoerne, eller ret den eksisterende fraværsperiode i "
                "stedet.",
            )
        )
    else:
        errors += _continuation_errors(spell, others)
    return errors


def _period(spell: AbsenceSpell) -> str:
    start = f"fra {long_date(spell.first_day)}"
    if spell.last_day is None:
        return f"{start} (stadig i gang)"
    return f"{start} til og med {long_date(spell.last_day)}"


def _continuation_errors(spell: AbsenceSpell, others: list[AbsenceSpell]) -> list[FieldError]:
    """An absence of the same kind and extent that goes on the day after another is the same
    absence: its deadlines run from its real first day, so it must not be registered as a new
    one. A change of extent (a partial return after full absence) is a spell of its own."""
    errors = []
    for other in others:
        if other.kind != spell.kind or other.partial_hours_per_week != spell.partial_hours_per_week:
            continue
        if other.last_day is not None and other.last_day + ONE_DAY == spell.first_day:
            errors.append(
                FieldError(
                    "first_day",
                    f"Fraværet fortsætter direkte efter fraværsperioden {_period(other)}. Det er "
                    "ét sammenhængende fravær, og fristerne regnes fra dets første dag: ret i "
                    "stedet den tidligere fraværsperiode, så den slutter senere eller er i "
                    "gang. (Er medarbejderen delvist raskmeldt, så vælg delvist fravær.)",
                )
            )
        elif spell.last_day is not None and spell.last_day + ONE_DAY == other.first_day:
            errors.append(
                FieldError(
                    "last_day",
                    f"Fraværet slutter dagen før fraværsperioden {_period(other)}. Det er ét "
                    "sammenhængende fravær: ret i stedet den senere fraværsperiode, så den "
                    "begynder tidligere.",
                )
            )
    return errors
