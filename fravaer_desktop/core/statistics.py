"""Absence statistics as Danmarks Statistik defines them, goals, and the published averages.

Pure functions over `Employee` and `AbsenceSpell` lists. Definitions and sources are in
docs/decisions/0004-statistics.md. In short: planned hours are weekly hours / 5 on every working
day (Monday to Friday, not a Danish public holiday) of the employment inside the period, up to
today; a spell counts the same hours as `core.absence.spell_figures`; fraværsprocent = sickness
hours ÷ planned hours × 100, where sickness is own sickness, pregnancy-related sickness and work
injury. Child's sick days have their own figure; "andet fravær" is not counted.

Speed: working days are counted with a cumulative table over the period (one subtraction per
range), and planned hours with whole-month arithmetic, so ten years of a 500-person company take
a single pass over the spells.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from fravaer_desktop.core.absence import WORKING_DAYS_PER_WEEK, wholes_of_joined_parts
from fravaer_desktop.core.calendar import is_working_day
from fravaer_desktop.core.danish import MONTHS, long_date, number
from fravaer_desktop.core.models import (
    SICKNESS_KINDS,
    AbsenceKind,
    AbsenceSpell,
    Employee,
    Goal,
    GoalMetric,
)

HOURS_PER_DAY = 7.4  # one "dagsværk" in Danmarks Statistik's absence statistics
SHORT_SPELL_MAX_DAYS = 14  # calendar days; longer spells are "lange"
COUNTED_KINDS = (*SICKNESS_KINDS, AbsenceKind.CHILD_SICK)
SMALL_GROUP = 3  # fewer employees than this: the figures point to individuals


# --- Scope and results ------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Whose absence is counted: the whole company, one department or one employee."""

    department: str | None = None
    employee_id: int | None = None

    @property
    def is_personal(self) -> bool:
        """True when the figures are about one person (personal data)."""
        return self.employee_id is not None

    def includes(self, employee: Employee) -> bool:
        if self.employee_id is not None:
            return employee.id == self.employee_id
        if self.department is not None:
            return employee.department == self.department
        return True


COMPANY = Scope()


@dataclass(frozen=True)
class KindFigures:
    """Absence of one kind inside the period."""

    kind: AbsenceKind
    hours: float
    working_days: int
    spells: int
    percent: float

    @property
    def title(self) -> str:
        return self.kind.title


@dataclass(frozen=True)
class MonthFigures:
    """Planned and absence hours of one calendar month (only the days inside the period)."""

    year: int
    month: int
    planned_hours: float
    sickness_hours: float
    child_sick_hours: float

    @property
    def percent(self) -> float:
        return percent_of(self.sickness_hours, self.planned_hours)


@dataclass(frozen=True)
class YearFigures:
    """Planned and sickness hours of one calendar year (only the days inside the period)."""

    year: int
    last_day: date  # the last counted day of the year in the period
    planned_hours: float
    sickness_hours: float

    @property
    def percent(self) -> float:
        return percent_of(self.sickness_hours, self.planned_hours)


@dataclass(frozen=True)
class AbsenceStatistics:
    """Everything the statistics page and report show for one scope and period."""

    first: date  # first counted day
    last: date  # last counted day (never after today)
    working_days: int  # working days in the counted period
    employees: int  # employees with planned hours in the period
    planned_hours: float
    sickness_hours: float
    spells: int  # sickness spells with a day in the period
    short_spells: int  # of those, at most 14 calendar days long (an ongoing spell: so far)
    long_spells: int
    per_kind: tuple[KindFigures, ...]  # own sickness, pregnancy-related, work injury
    child_sick: KindFigures
    months: tuple[MonthFigures, ...]
    years: tuple[YearFigures, ...]

    @property
    def percent(self) -> float:
        """Fraværsprocent: sickness hours ÷ (worked + sickness hours) × 100, within 0–100."""
        return percent_of(self.sickness_hours, self.planned_hours)

    @property
    def full_time_equivalents(self) -> float:
        """Planned hours ÷ the hours of one full-time employee (7.4 h on each working day)."""
        if self.working_days == 0:
            return 0.0
        return self.planned_hours / (HOURS_PER_DAY * self.working_days)

    @property
    def days_per_fte(self) -> float:
        """Absence days (sickness hours ÷ 7.4) per full-time employee in the period."""
        fte = self.full_time_equivalents
        return self.sickness_hours / HOURS_PER_DAY / fte if fte > 0 else 0.0

    @property
    def calendar_days(self) -> int:
        return max(0, (self.last - self.first).days + 1)

    @property
    def days_per_fte_per_year(self) -> float:
        """`days_per_fte` scaled to one year, to compare with yearly published figures."""
        days = self.calendar_days
        if days == 0 or 365 <= days <= 366:
            return self.days_per_fte
        return self.days_per_fte * 365.25 / days

    @property
    def has_absence(self) -> bool:
        return self.sickness_hours > 0 or self.child_sick.hours > 0

    def kind(self, kind: AbsenceKind) -> KindFigures:
        if kind is AbsenceKind.CHILD_SICK:
            return self.child_sick
        return next(k for k in self.per_kind if k.kind is kind)


def percent_of(part: float, whole: float) -> float:
    """part ÷ whole × 100, 0 when whole is 0, always within 0–100."""
    if whole <= 0:
        return 0.0
    return min(100.0, max(0.0, part / whole * 100.0))


# --- Calendar of the period -------------------------------------------------------------------


class _PeriodCalendar:
    """Working-day counts for any range in [first, last] in O(1), and the months of the period."""

    def __init__(self, first: date, last: date):
        self.origin = first.toordinal()
        count = last.toordinal() - self.origin + 1
        cumulative = [0] * (count + 1)
        month_of = [0] * count
        self.month_keys: list[tuple[int, int]] = []
        self.month_first: list[int] = []  # ordinal of the first day of each month in the period
        self.month_last: list[int] = []
        running = 0
        day = first
        one = timedelta(days=1)
        for offset in range(count):
            if offset == 0 or day.day == 1:
                self.month_keys.append((day.year, day.month))
                self.month_first.append(self.origin + offset)
                if offset:
                    self.month_last.append(self.origin + offset - 1)
            month_of[offset] = len(self.month_keys) - 1
            if is_working_day(day):
                running += 1
            cumulative[offset + 1] = running
            day += one
        self.month_last.append(self.origin + count - 1)
        self.cumulative = cumulative
        self.month_of = month_of
        self.month_working_days = [
            self.count(a, b) for a, b in zip(self.month_first, self.month_last, strict=True)
        ]

    def count(self, first: int, last: int) -> int:
        """Working days from ordinal `first` to `last`, both included (inside the period)."""
        return self.cumulative[last - self.origin + 1] - self.cumulative[first - self.origin]

    def month(self, ordinal: int) -> int:
        return self.month_of[ordinal - self.origin]


# --- The statistics ---------------------------------------------------------------------------


def absence_statistics(
    employees: Iterable[Employee],
    spells: Iterable[AbsenceSpell],
    first: date,
    last: date,
    today: date,
    scope: Scope = COMPANY,
) -> AbsenceStatistics:
    """Statistics of the employees in `scope` from `first` to `last` (counted up to `today`).

    Only days inside an employee's employment count. An ongoing spell counts up to today. An
    employee with 0 weekly hours contributes nothing. `first` may be `date.min`: counting then
    starts at the earliest employment in the scope.
    """
    staff = [e for e in employees if scope.includes(e) and e.weekly_hours > 0]
    last = min(last, today)
    if staff:
        first = max(first, min(e.employed_from for e in staff))
    if not staff or last < first:
        return _empty(first, last)
    cal = _PeriodCalendar(first, last)
    windows = _employment_windows(staff, first, last)
    planned = _planned_per_month(windows.values(), cal)
    hours, days, counts, short, long_ = _absence_per_month(spells, windows, cal, today)
    return _collect(first, last, cal, len(windows), planned, hours, days, counts, short, long_)


def _empty(first: date, last: date) -> AbsenceStatistics:
    kinds = tuple(KindFigures(k, 0.0, 0, 0, 0.0) for k in SICKNESS_KINDS)
    child = KindFigures(AbsenceKind.CHILD_SICK, 0.0, 0, 0, 0.0)
    return AbsenceStatistics(first, last, 0, 0, 0.0, 0.0, 0, 0, 0, kinds, child, (), ())


def _employment_windows(
    staff: Sequence[Employee], first: date, last: date
) -> dict[int | None, tuple[int, int, float]]:
    """Per employee id: first and last counted day (ordinals) and planned hours per working day."""
    windows = {}
    for e in staff:
        lo = max(first, e.employed_from)
        hi = min(last, e.employed_to) if e.employed_to is not None else last
        if lo <= hi:
            windows[e.id] = (lo.toordinal(), hi.toordinal(), e.weekly_hours / WORKING_DAYS_PER_WEEK)
    return windows


def _planned_per_month(
    windows: Iterable[tuple[int, int, float]], cal: _PeriodCalendar
) -> list[float]:
    """Planned hours per month: whole months by a running sum of daily hours, edges by count."""
    months = len(cal.month_keys)
    planned = [0.0] * months
    rate_change = [0.0] * (months + 1)
    for lo, hi, rate in windows:
        m_lo, m_hi = cal.month(lo), cal.month(hi)
        if m_lo == m_hi:
            planned[m_lo] += rate * cal.count(lo, hi)
            continue
        planned[m_lo] += rate * cal.count(lo, cal.month_last[m_lo])
        planned[m_hi] += rate * cal.count(cal.month_first[m_hi], hi)
        rate_change[m_lo + 1] += rate
        rate_change[m_hi] -= rate
    rate = 0.0
    for m in range(months):
        rate += rate_change[m]
        planned[m] += rate * cal.month_working_days[m]
    return planned


def _absence_per_month(
    spells: Iterable[AbsenceSpell],
    windows: dict[int | None, tuple[int, int, float]],
    cal: _PeriodCalendar,
    today: date,
) -> tuple[dict, dict, dict, int, int]:
    """Hours per kind and month, working days and spells per kind, short and long sick spells.

    Spells are counted as unbroken absences (`wholes_of_joined_parts`). The loop runs once
    per spell of the file, so the calendar lookups are inlined.
    """
    months = len(cal.month_keys)
    hours = {kind: [0.0] * months for kind in COUNTED_KINDS}
    days = dict.fromkeys(COUNTED_KINDS, 0)
    counts = dict.fromkeys(COUNTED_KINDS, 0)
    short = long_ = 0
    today_ordinal = today.toordinal()
    origin, cumulative, month_of = cal.origin, cal.cumulative, cal.month_of
    child = AbsenceKind.CHILD_SICK
    spells = [s for s in spells if s.employee_id in windows]
    wholes = wholes_of_joined_parts(spells)
    counted_wholes: set[int] = set()
    for spell in spells:
        window = windows.get(spell.employee_id)
        if window is None:
            continue
        kind = spell.kind
        of_kind = hours.get(kind)
        if of_kind is None:
            continue
        lo, hi, rate = window
        start = spell.first_day.toordinal()
        last_day = spell.last_day
        end = today_ordinal if last_day is None else last_day.toordinal()
        a = start - origin if start > lo else lo - origin  # offsets into the period
        b = end - origin if end < hi else hi - origin
        if b < a:
            continue
        partial = spell.partial_hours_per_week
        if partial is not None and partial / WORKING_DAYS_PER_WEEK < rate:
            rate = partial / WORKING_DAYS_PER_WEEK
        m_a, m_b = month_of[a], month_of[b]
        working = cumulative[b + 1] - cumulative[a]
        if m_a == m_b:
            of_kind[m_a] += rate * working
        else:
            _spread_over_months(of_kind, cal, a + origin, b + origin, rate)
        days[kind] += working
        if wholes and (whole := wholes.get(id(spell))) is not None:
            # A part of one unbroken absence (a partial return between full absence): the
            # absence counts once, short or long by its whole length.
            if id(whole) in counted_wholes:
                continue
            counted_wholes.add(id(whole))
            start = whole.first_day.toordinal()
            end = today_ordinal if whole.last_day is None else whole.last_day.toordinal()
        counts[kind] += 1
        if kind is not child:
            if (end if end < today_ordinal else today_ordinal) - start < SHORT_SPELL_MAX_DAYS:
                short += 1
            else:
                long_ += 1
    return hours, days, counts, short, long_


def _spread_over_months(
    of_kind: list[float], cal: _PeriodCalendar, first: int, last: int, rate: float
) -> None:
    """Add the hours of the ordinals first..last to each month they touch."""
    for m in range(cal.month(first), cal.month(last) + 1):
        lo = first if first > cal.month_first[m] else cal.month_first[m]
        hi = last if last < cal.month_last[m] else cal.month_last[m]
        of_kind[m] += rate * cal.count(lo, hi)


def _collect(
    first: date,
    last: date,
    cal: _PeriodCalendar,
    employees: int,
    planned: list[float],
    hours: dict,
    days: dict,
    counts: dict,
    short: int,
    long_: int,
) -> AbsenceStatistics:
    total_planned = sum(planned)
    sickness_per_month = [sum(hours[k][m] for k in SICKNESS_KINDS) for m in range(len(planned))]
    months = tuple(
        MonthFigures(
            year, month, planned[m], sickness_per_month[m], hours[AbsenceKind.CHILD_SICK][m]
        )
        for m, (year, month) in enumerate(cal.month_keys)
    )

    def kind_figures(kind: AbsenceKind) -> KindFigures:
        kind_hours = sum(hours[kind])
        return KindFigures(
            kind, kind_hours, days[kind], counts[kind], percent_of(kind_hours, total_planned)
        )

    return AbsenceStatistics(
        first=first,
        last=last,
        working_days=cal.count(first.toordinal(), last.toordinal()),
        employees=employees,
        planned_hours=total_planned,
        sickness_hours=sum(sickness_per_month),
        spells=short + long_,
        short_spells=short,
        long_spells=long_,
        per_kind=tuple(kind_figures(k) for k in SICKNESS_KINDS),
        child_sick=kind_figures(AbsenceKind.CHILD_SICK),
        months=months,
        years=_years(months, last),
    )


def _years(months: Sequence[MonthFigures], last: date) -> tuple[YearFigures, ...]:
    years: dict[int, list[float]] = {}
    for m in months:
        sums = years.setdefault(m.year, [0.0, 0.0])
        sums[0] += m.planned_hours
        sums[1] += m.sickness_hours
    return tuple(
        YearFigures(year, min(date(year, 12, 31), last), planned, sick)
        for year, (planned, sick) in years.items()
    )


def recorded_since(spells: Iterable[AbsenceSpell]) -> date | None:
    """The first day of the month of the first registered absence; None when there is none.

    "All years" start here: before it the program holds no absence (the company began using
    it then), so counting the years before would show a false 0 %.
    """
    first = min((s.first_day for s in spells), default=None)
    return first.replace(day=1) if first is not None else None


# --- Goals ------------------------------------------------------------------------------------


def goal_in_force(goals: Iterable[Goal], metric: GoalMetric, day: date) -> Goal | None:
    """The goal of `metric` in force on `day`: the newest one that started by then."""
    started = [g for g in goals if g.metric == metric and g.valid_from <= day]
    return max(started, key=lambda g: g.valid_from) if started else None


def special_terms_count(employees: Iterable[Employee], day: date) -> int:
    """Employees on special terms (fleksjob) employed on `day`."""
    return sum(1 for e in employees if e.fleksjob and e.is_employed_on(day))


def years_back(today: date, years: int) -> date:
    """First day of the `years` whole years ending with `today` (24 Nov 2023 for 3 years back
    from 23 Nov 2026; 29 February counts from 1 March)."""
    day = min(today.day, 28) if today.month == 2 else today.day
    return date(today.year - years, today.month, day) + timedelta(days=1)


def twelve_months_back(today: date) -> date:
    """First day of the 12 months ending with `today` (24 Nov 2025 for 23 Nov 2026)."""
    return years_back(today, 1)


@dataclass(frozen=True)
class GoalStatus:
    """How the company is doing against the goals in force today (company-wide figures)."""

    first: date
    last: date
    absence_percent: float  # the last 12 months
    absence_goal: Goal | None
    special_terms_count: int  # employed on `last`
    special_terms_goal: Goal | None

    @property
    def absence_met(self) -> bool | None:
        """True when the absence percentage (to one decimal) is at or under the target."""
        if self.absence_goal is None:
            return None
        return round(self.absence_percent, 1) <= self.absence_goal.target

    @property
    def special_terms_met(self) -> bool | None:
        """True when at least the target number of staff are employed on special terms."""
        if self.special_terms_goal is None:
            return None
        return self.special_terms_count >= self.special_terms_goal.target


def goal_status(
    employees: Sequence[Employee],
    spells: Iterable[AbsenceSpell],
    goals: Iterable[Goal],
    today: date,
) -> GoalStatus | None:
    """The goals in force today, the last 12 months' sickness percentage and today's fleksjob
    count (whole company); None when the company has set no goal in force today.

    For speed, `spells` may be just those touching the last 12 months (store.absences.between).
    """
    goals = list(goals)
    absence_goal = goal_in_force(goals, GoalMetric.ABSENCE_PERCENT, today)
    staff_goal = goal_in_force(goals, GoalMetric.SPECIAL_TERMS_STAFF, today)
    if absence_goal is None and staff_goal is None:
        return None
    first = twelve_months_back(today)
    stats = absence_statistics(employees, spells, first, today, today)
    return GoalStatus(
        first, today, stats.percent, absence_goal, special_terms_count(employees, today), staff_goal
    )


def goal_comparison_text(percent: float, target: float) -> str:
    """'under målet', 'på målet' or 'over målet' (the percentage compared to one decimal)."""
    shown = round(percent, 1)
    if shown < target:
        return "under målet"
    return "på målet" if shown == target else "over målet"


def goal_status_text(status: GoalStatus) -> str:
    """One or two Danish sentences for the overview, e.g. 'Sygefraværet de seneste 12 måneder er
    4,1 % – målet er 3,5 % (over målet).'"""
    return " ".join(goal_status_lines(status))


def goal_status_lines(status: GoalStatus) -> list[str]:
    """The sentences of `goal_status_text`, one per goal."""
    lines = []
    if status.absence_goal is not None:
        lines.append(
            f"Sygefraværet de seneste 12 måneder er {percent_text(status.absence_percent)} – "
            f"målet er {percent_text(status.absence_goal.target)} "
            f"({goal_comparison_text(status.absence_percent, status.absence_goal.target)})."
        )
    if status.special_terms_goal is not None:
        target = int(status.special_terms_goal.target)
        verdict = "målet er nået" if status.special_terms_met else "målet er ikke nået"
        lines.append(
            f"{status.special_terms_count} ansat{'te' if status.special_terms_count != 1 else ''}"
            f" på særlige vilkår (fleksjob) – målet er mindst {target} ({verdict})."
        )
    return lines


@dataclass(frozen=True)
class GoalYear:
    """One line of the yearly goal table."""

    year: int
    percent: float
    target: float | None  # the goal in force on the year's last counted day
    last_day: date  # the year's last counted day (today in the current year)

    @property
    def label(self) -> str:
        """'2025' for a whole year, '2026 (til 25. november)' for one not over yet."""
        if (self.last_day.month, self.last_day.day) == (12, 31):
            return str(self.year)
        return f"{self.year} (til {long_date(self.last_day).removesuffix(f' {self.year}')})"

    @property
    def verdict(self) -> str:
        return "" if self.target is None else goal_comparison_text(self.percent, self.target)


def goal_years(statistics: AbsenceStatistics, goals: Iterable[Goal]) -> tuple[GoalYear, ...]:
    """Actual sickness percentage per year next to the absence goal in force at the year's end."""
    goals = list(goals)
    rows = []
    for y in statistics.years:
        goal = goal_in_force(goals, GoalMetric.ABSENCE_PERCENT, y.last_day)
        rows.append(GoalYear(y.year, y.percent, goal.target if goal else None, y.last_day))
    return tuple(rows)


# --- Published averages -----------------------------------------------------------------------


@dataclass(frozen=True)
class PublishedAverage:
    """A published national figure to hold the company's own figure against."""

    label: str
    year: int
    value: float
    is_percent: bool  # True: fraværsprocent; False: absence days per full-time employee
    source: str


PUBLISHED_AVERAGES: tuple[PublishedAverage, ...] = (
    PublishedAverage(
        "Sygefravær i DA's medlemsvirksomheder", 2024, 3.8, True,
        "DA FraværsStatistik 2024, endelige tal (da.dk/statistik/FravaersStatistik)",
    ),
    PublishedAverage(
        "Sygefravær i DA's medlemsvirksomheder", 2023, 3.9, True,
        "DA FraværsStatistik 2023, endelige tal (da.dk/statistik/FravaersStatistik)",
    ),
    PublishedAverage(
        "Sygefraværsdage pr. fuldtidsansat, privat sektor", 2023, 8.2, False,
        "Dansk Erhvervs analyse af tal fra Danmarks Statistik",
    ),
    PublishedAverage(
        "Sygefraværsdage pr. fuldtidsansat, alle sektorer", 2022, 11.0, False,
        "Danmarks Statistik, Nyt: Højt sygefravær i 2022",
    ),
)  # fmt: skip
COVERAGE_NOTE = (
    "Danmarks Statistiks tal for den private sektor dækker kun virksomheder med 10 eller flere "
    "ansatte. DA's tal dækker kun DA's medlemsvirksomheder."
)
INDICATIVE_NOTE = (
    "Sammenligningen er kun vejledende: i en lille virksomhed kan en enkelt lang sygeperiode "
    "flytte procenten meget, og ferie er ikke trukket fra de planlagte timer."
)


@dataclass(frozen=True)
class ComparisonRow:
    """The company's figure next to one published average, as texts."""

    label: str
    own: str
    published: str
    source: str


def comparison_rows(statistics: AbsenceStatistics) -> tuple[ComparisonRow, ...]:
    """One row per published average; days are compared per year."""
    rows = []
    for avg in PUBLISHED_AVERAGES:
        if avg.is_percent:
            own, published = percent_text(statistics.percent), percent_text(avg.value)
        else:
            own = days_number_text(statistics.days_per_fte_per_year)
            published = days_number_text(avg.value)
        rows.append(ComparisonRow(f"{avg.label} ({avg.year})", own, published, avg.source))
    return tuple(rows)


# --- Texts shared by the page and the report --------------------------------------------------


def fixed_number(value: float, decimals: int = 1) -> str:
    """Danish number with a fixed number of decimals: '4,0', '1.234,5'."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "§").replace(".", ",").replace("§", ".")


def percent_text(value: float) -> str:
    """'3,8 %', '4,0 %' (always one decimal)."""
    return f"{fixed_number(value)} %"


def days_number_text(value: float) -> str:
    """'8,2 dage', '1,0 dag'."""
    text = fixed_number(value)
    return f"{text} dag" if text == "1,0" else f"{text} dage"


def month_title(year: int, month: int) -> str:
    """'marts 2026'."""
    return f"{MONTHS[month - 1]} {year}"


def period_text(statistics: AbsenceStatistics) -> str:
    """'24. november 2025 – 23. november 2026'."""
    return f"{long_date(statistics.first)} – {long_date(statistics.last)}"


@dataclass(frozen=True)
class KeyFigure:
    """One labelled number: the label, the value as text and a short explanation."""

    label: str
    value: str
    explanation: str


def key_figures(statistics: AbsenceStatistics) -> tuple[KeyFigure, ...]:
    """The key figures, in the order they are shown on screen and on paper."""
    s = statistics
    child = s.child_sick
    return (
        KeyFigure(
            "Fraværsprocent", percent_text(s.percent),
            "Sygefraværstimer i procent af de planlagte arbejdstimer (Danmarks Statistiks "
            "definition).",
        ),
        KeyFigure(
            "Sygefraværsdage pr. fuldtidsansat", fixed_number(s.days_per_fte),
            f"Sygefravær omregnet til dage à {number(HOURS_PER_DAY)} timer, delt med "
            f"{fixed_number(s.full_time_equivalents)} fuldtidsansatte.",
        ),
        KeyFigure(
            "Antal sygeperioder", str(s.spells),
            "Sygeperioder med mindst én dag i den valgte periode.",
        ),
        KeyFigure(
            f"Korte (≤ {SHORT_SPELL_MAX_DAYS} dage) / lange", f"{s.short_spells} / {s.long_spells}",
            "Længden regnes over hele sygeperioden, også dage uden for den valgte periode; en "
            "sygeperiode, der er i gang, tæller til og med i dag.",
        ),
        KeyFigure(
            "Barns sygedage", str(child.working_days),
            "Arbejdsdage med barns sygedag. De tæller ikke med i fraværsprocenten.",
        ),
    )  # fmt: skip


def kind_rows(statistics: AbsenceStatistics) -> list[list[str]]:
    """Per kind: title, spells, working days, hours, percent (child's sick days last)."""
    return [
        [
            k.title,
            str(k.spells),
            str(k.working_days),
            fixed_number(k.hours),
            percent_text(k.percent),
        ]
        for k in (*statistics.per_kind, statistics.child_sick)
    ]
