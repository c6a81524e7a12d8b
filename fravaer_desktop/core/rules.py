"""The rules table: every legal number the program uses, with its source and period of validity.

A rule version applies to an absence spell whose first absence day ("dag 1") falls between
`valid_from` and `valid_to` (both included), as Danish transition rules are written. Periods
are calendar days counted from day 1: "day 1 + 28" means the 29th calendar day of the absence.

Where the research behind this table could not confirm when a rule started, `valid_from` is the
date of the law text that was read (LBK nr. 994 af 22. august 2024 for sygedagpengeloven), and
the note says so: the program computes no deadline for older spells rather than guess.
See ../shared/domain/rules-research.md and docs/glossary.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

OWN = "sygdom"
CHILD = "barn_syg"
PREGNANCY = "graviditet"
INJURY = "arbejdsskade"
OTHER = "andet"

#: First absence day from which the sygedagpengelov text that was read (LBK 994/2024) is used
#: for rules whose exact start date is not confirmed.
LAW_TEXT_READ = date(2024, 8, 22)


@dataclass(frozen=True)
class RuleVersion:
    """One version of one rule. `numbers` holds its legal numbers, in calendar days."""

    rule: str
    title: str
    explanation: str
    source: str
    valid_from: date
    valid_to: date | None = None
    kinds: frozenset[str] = frozenset()
    numbers: Mapping[str, int] = field(default_factory=dict)
    is_option: bool = False
    note: str = ""

    def applies_to(self, first_day: date, kind: str) -> bool:
        in_time = self.valid_from <= first_day and (
            self.valid_to is None or first_day <= self.valid_to
        )
        return in_time and (not self.kinds or kind in self.kinds)


RULES: tuple[RuleVersion, ...] = (
    RuleVersion(
        rule="samtale",
        title="Sygefraværssamtale",
        explanation=(
            "Du skal indkalde medarbejderen til en personlig samtale om, hvordan og hvornår "
            "vedkommende kan vende tilbage. Samtalen skal holdes senest 4 uger efter første "
            "fraværsdag; kan medarbejderen ikke møde op, kan den holdes over telefonen."
        ),
        source="Sygedagpengeloven § 7a",
        valid_from=date(2010, 1, 4),
        kinds=frozenset({OWN, PREGNANCY, INJURY}),
        numbers={"due_days": 28, "notice_exception_days": 56},
        note="Gælder ikke, hvis medarbejderen er opsagt og fratræder inden 8 uger efter dag 1.",
    ),
    RuleVersion(
        rule="arbejdsgiverperiode",
        title="Arbejdsgiverperioden slutter",
        explanation=(
            "I arbejdsgiverperioden betaler virksomheden selv. Derefter kan I få refusion fra "
            "kommunen, hvis fraværet er anmeldt til tiden."
        ),
        source="Sygedagpengeloven § 30",
        valid_from=date(2008, 6, 2),
        valid_to=date(2012, 1, 1),
        kinds=frozenset({OWN, INJURY}),
        numbers={"length_days": 21, "minimum_employment_days": 56},
        note="21 kalenderdage for fravær med første fraværsdag fra 2. juni 2008 til 1. januar 2012.",
    ),
    RuleVersion(
        rule="arbejdsgiverperiode",
        title="Arbejdsgiverperioden slutter",
        explanation=(
            "I arbejdsgiverperioden (30 kalenderdage fra første fraværsdag) betaler virksomheden "
            "selv. Fra dag 31 kan I få refusion fra kommunen, hvis fraværet er anmeldt til tiden."
        ),
        source="Sygedagpengeloven § 30",
        valid_from=date(2012, 1, 2),
        kinds=frozenset({OWN, INJURY}),
        numbers={"length_days": 30, "minimum_employment_days": 56},
        note=(
            "Ingen arbejdsgiverperiode ved fleksjob, fravær omfattet af en § 56-aftale, "
            "graviditetsrelateret sygdom, eller når medarbejderen ikke har været ansat de "
            "seneste 8 uger."
        ),
    ),
    RuleVersion(
        rule="anmeldelse",
        title="Anmeld fraværet i NemRefusion",
        explanation=(
            "Når I betaler løn under sygdom, og fraværet varer ud over arbejdsgiverperioden, skal "
            "det anmeldes til kommunen senest 5 uger efter første fraværsdag. Anmelder I for sent, "
            "får I kun refusion fra den dag, I anmelder (§ 59), og efter 6 måneder kan kommunen "
            "ikke dispensere."
        ),
        source="Sygedagpengeloven §§ 40 og 59",
        valid_from=LAW_TEXT_READ,
        kinds=frozenset({OWN, INJURY}),
        numbers={"due_days": 35, "dispensation_limit_months": 6},
        note=(
            "Fristen var tidligere 4 uger; hvornår den blev 5 uger, er ikke bekræftet, så der "
            "beregnes ingen frist for ældre fravær."
        ),
    ),
    RuleVersion(
        rule="graviditet_anmeldelse",
        title="Anmeld graviditetsrelateret fravær i NemRefusion",
        explanation=(
            "Ved graviditetsrelateret sygdom får I refusion fra Udbetaling Danmark fra første "
            "fraværsdag, uanset anciennitet. Anmeld senest 5 uger efter første fraværsdag; "
            "ellers er der først refusion fra den dag, I anmelder."
        ),
        source="Barselsloven § 6, stk. 2; bekendtgørelse om ret til barselsdagpenge § 15",
        valid_from=date(2017, 1, 1),
        kinds=frozenset({PREGNANCY}),
        numbers={"due_days": 35},
    ),
    RuleVersion(
        rule="arbejdsskade",
        title="Anmeld arbejdsskaden i EASY",
        explanation=(
            "En arbejdsulykke, der giver fravær ud over skadesdagen, skal anmeldes i EASY senest "
            "14 dage efter første fraværsdag."
        ),
        source="Arbejdsskadesikringsloven; vejledning på virk.dk",
        valid_from=LAW_TEXT_READ,
        kinds=frozenset({INJURY}),
        numbers={"due_days": 14},
        note="Fristen var tidligere 9 dage; datoen for ændringen er ikke bekræftet.",
    ),
    RuleVersion(
        rule="fast_track",
        title="Mulighed: bed kommunen om tidlig opfølgning (fast track)",
        explanation=(
            "Forventer I ikke, at medarbejderen er tilbage inden 8 uger, kan I i de første 5 uger "
            "bede kommunen om tidlig opfølgning via NemRefusion. Kommunen holder så den første "
            "samtale inden 2 uger."
        ),
        source="Sygedagpengeloven § 7c og § 13b, stk. 2",
        valid_from=LAW_TEXT_READ,
        kinds=frozenset({OWN, INJURY}),
        numbers={"due_days": 35, "expected_absence_days": 56},
        is_option=True,
    ),
    RuleVersion(
        rule="fastholdelsesplan",
        title="Mulighed: fastholdelsesplan",
        explanation=(
            "Forventes medarbejderen ikke tilbage inden 8 uger, kan medarbejderen bede om en "
            "fastholdelsesplan, som I laver sammen. I kan sige nej. Der er ingen lovbestemt frist."
        ),
        source="Sygedagpengeloven § 7b",
        valid_from=date(2010, 1, 4),
        kinds=frozenset({OWN, PREGNANCY, INJURY}),
        numbers={"expected_absence_days": 56},
        is_option=True,
    ),
    RuleVersion(
        rule="jobcenter",
        title="Jobcentrets første opfølgningssamtale",
        explanation=(
            "Varer fraværet ud over arbejdsgiverperioden, holder kommunen sin første samtale med "
            "medarbejderen senest ved udgangen af 8. uge. Det er kommunens opgave; du skal blot "
            "vide, at den kommer."
        ),
        source="Sygedagpengeloven § 13b",
        valid_from=LAW_TEXT_READ,
        kinds=frozenset({OWN, INJURY}),
        numbers={"due_days": 55},
        is_option=True,
    ),
    RuleVersion(
        rule="revurdering",
        title="Revurdering: 22 uger inden for 9 måneder",
        explanation=(
            "Sygedagpenge og refusion stopper efter udgangen af den måned, hvor medarbejderen "
            "har fået løn eller sygedagpenge under sygdom i mere end 22 uger inden for de "
            "seneste 9 kalendermåneder, medmindre kommunen forlænger."
        ),
        source="Sygedagpengeloven § 24",
        valid_from=LAW_TEXT_READ,
        kinds=frozenset({OWN, INJURY}),
        numbers={"limit_weeks": 22, "window_months": 9, "warn_weeks": 18},
    ),
    RuleVersion(
        rule="regel_120",
        title="120-dagesreglen",
        explanation=(
            "Med en skriftlig aftale kan en funktionær opsiges med 1 måneds varsel til udgangen "
            "af en måned, når vedkommende har haft 120 sygedage med løn inden for 12 måneder. "
            "Opsigelsen skal gives i umiddelbar forlængelse af 120. sygedag, mens medarbejderen "
            "stadig er syg. Graviditets- og handicaprelateret fravær må ikke tælles med. "
            "Søg råd, før du opsiger."
        ),
        source="Funktionærloven § 5, stk. 2",
        valid_from=date(2008, 1, 1),
        kinds=frozenset({OWN}),
        numbers={
            "limit_days": 120,
            "warn_from_day": 100,
            "window_first_day": 121,
            "window_last_day": 129,
            "window_months": 12,
            "notice_months": 1,
        },  # fmt: skip
        note="Om fravær på grund af arbejdsskade tæller med, er ikke bekræftet; det tælles ikke.",
    ),
)

#: Company policy defaults (not law), shown in the same overview and changeable in settings.
POLICIES: tuple[RuleVersion, ...] = (
    RuleVersion(
        rule="kontakt",
        title="Kontakt medarbejderen",
        explanation=(
            "Virksomhedens kontaktrutine: hør, hvordan det går, og om der er noget, I kan gøre. "
            "Spørg aldrig, hvad medarbejderen fejler."
        ),
        source="Virksomhedens politik",
        valid_from=date(2000, 1, 1),
        kinds=frozenset({OWN, PREGNANCY, INJURY, OTHER}),
        numbers={"day_a": 1, "day_b": 5, "day_c": 14},
    ),
    RuleVersion(
        rule="fravaerssamtale",
        title="Samtale om hyppigt fravær",
        explanation=(
            "Mange korte fravær kan være et tegn på, at noget på arbejdet eller i livet er svært. "
            "En støttende samtale kan hjælpe; den handler om trivsel og arbejde, ikke om sygdom."
        ),
        source="Virksomhedens politik",
        valid_from=date(2000, 1, 1),
        kinds=frozenset({OWN}),
        numbers={"spells": 3, "spell_months": 6, "days": 15, "day_months": 12},
    ),
)


def rule_for(rule: str, first_day: date, kind: str = OWN) -> RuleVersion | None:
    """The version of `rule` that applies to a spell with this first day and kind, if any."""
    for version in (*RULES, *POLICIES):
        if version.rule == rule and version.applies_to(first_day, kind):
            return version
    return None


def latest(rule: str) -> RuleVersion:
    """The newest version of a rule (for texts and for rules judged on a day, not a spell)."""
    versions = [v for v in (*RULES, *POLICIES) if v.rule == rule]
    return max(versions, key=lambda v: v.valid_from)
