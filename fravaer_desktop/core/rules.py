"""The rules table: every legal number the program uses, with its source and period of validity.

A rule version applies to an absence spell whose first absence day ("dag 1") falls between
`valid_from` and `valid_to` (both included), as Danish transition rules are written. Periods
are calendar days counted from day 1: "day 1 + 28" means the 29th calendar day of the absence.

Where the research behind this table could not confirm when a rule started, `valid_from` is a
day on which the rule is known to be in force (at the latest the date of the law text that was
read, LBK nr. 994 af 22. august 2024 for sygedagpengeloven), and the note says so: the program
computes no deadline for older spells rather than guess. The reasoning behind each start date is
in docs/decisions/0005-rule-start-dates.md; the terms are in docs/glossary.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cached_property, lru_cache
from types import MappingProxyType

OWN = "sygdom"
CHILD = "barn_syg"
PREGNANCY = "graviditet"
INJURY = "arbejdsskade"
OTHER = "andet"

#: First absence day from which the sygedagpengelov text that was read (LBK 994/2024) is used
#: for rules whose exact start date is not confirmed.
LAW_TEXT_READ = date(2024, 8, 22)

#: The sick spells ("sygdomstilfælde") the sygedagpengelov is about: own sickness and work injury.
#: Pregnancy-related sickness is paid under barselsloven; a child's sick day is no one's sickness.
SICKNESS = frozenset({OWN, INJURY})


@dataclass(frozen=True)
class RuleVersion:
    """One version of one rule.

    `numbers` holds its legal numbers: calendar days, unless the key names weeks or months.
    """

    rule: str
    title: str
    explanation: str
    source: str
    valid_from: date
    valid_to: date | None = None
    kinds: frozenset[str] = frozenset()
    numbers: Mapping[str, int] = field(default_factory=dict)
    is_option: bool = False
    is_milestone: bool = False  # something to know (a date that comes), not something to do
    note: str = ""

    def days(self, name: str) -> timedelta:
        """The number `name` (a count of calendar days) as a span of that many days."""
        return self._day_spans[name]

    @cached_property
    def _day_spans(self) -> dict[str, timedelta]:
        # Computed once per version: the overview asks for thousands of deadlines per start.
        return {name: timedelta(days=value) for name, value in self.numbers.items()}

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
        kinds=SICKNESS,
        numbers={"length_days": 21, "minimum_employment_days": 56},
        is_milestone=True,
        note=(
            "21 kalenderdage for fravær med første fraværsdag fra 2. juni 2008 til 1. januar 2012 "
            "(retsinformation.dk id=117279 og id=135235)."
        ),
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
        kinds=SICKNESS,
        numbers={"length_days": 30, "minimum_employment_days": 56, "minimum_hours": 74},
        is_milestone=True,
        note=(
            "Ingen arbejdsgiverperiode ved fleksjob, fravær omfattet af en § 56-aftale, "
            "graviditetsrelateret sygdom, eller når medarbejderen ikke har været ansat de "
            "seneste 8 uger og arbejdet mindst 74 timer i dem (§ 30, stk. 1). Timerne skønnes "
            "ud fra den aftalte ugentlige arbejdstid: under 74 timer på 8 uger (under 9,25 timer "
            "om ugen) giver ingen arbejdsgiverperiode; 0 timer (ingen fast arbejdstid) betyder "
            "ukendt, og perioden vises."
        ),
    ),
    RuleVersion(
        rule="anmeldelse",
        title="Anmeld fraværet i NemRefusion",
        explanation=(
            "Når I betaler løn under sygdom, og fraværet varer ud over arbejdsgiverperioden, skal "
            "det anmeldes til kommunen senest 4 uger efter første fraværsdag. Anmelder I for sent, "
            "får I kun refusion fra den dag, I anmelder."
        ),
        source="Sygedagpengeloven § 40",
        valid_from=date(2008, 6, 2),
        valid_to=date(2012, 4, 1),
        kinds=SICKNESS,
        numbers={"due_days": 28},
        note=(
            "4 uger, da arbejdsgiverperioden var 21 dage (ændringsloven 2010, retsinformation.dk "
            "id=135235), og uændret ved overgangen til 30 dage 2. januar 2012 (payday.dk). 5 uger "
            "med virkning fra 2. april 2012 (L 85, grakom.dk). Før 2. april 2012 bruges den "
            "tidligere og dermed sikre frist på 4 uger. Kun fristen for arbejdsgivere, der "
            "betaler løn, er bekræftet for denne periode."
        ),
    ),
    RuleVersion(
        rule="anmeldelse",
        title="Anmeld fraværet i NemRefusion",
        explanation=(
            "Varer fraværet ud over arbejdsgiverperioden (30 kalenderdage), skal det anmeldes til "
            "kommunen i NemRefusion: senest 5 uger efter første fraværsdag, når I betaler løn "
            "under sygdom; senest 1 uge efter, at jeres udbetaling af sygedagpenge er stoppet, "
            "når I betaler sygedagpenge. Betaler I hverken løn eller sygedagpenge, skal fraværet "
            "anmeldes senest 14 dage efter første fraværsdag. Anmelder I for sent, får I kun "
            "refusion fra den dag, I anmelder (§ 59), og efter 6 måneder fra første fraværsdag "
            "kan kommunen ikke dispensere."
        ),
        source="Sygedagpengeloven §§ 40 og 59",
        valid_from=date(2012, 4, 2),
        kinds=SICKNESS,
        numbers={
            "due_days": 35,
            "after_sygedagpenge_days": 7,
            "no_pay_due_days": 14,
            "dispensation_limit_months": 6,
        },  # fmt: skip
        note=(
            "§ 40, stk. 1-3 i LBK 994/2024 (elov.dk); fristerne gælder med virkning fra 2. april "
            "2012 (L 85, grakom.dk). Ved fleksjob, § 56-aftale og nyansatte er der ingen "
            "arbejdsgiverperiode; fristen på 5 uger gælder så for fravær ud over 30 kalenderdage "
            "(statens-adm.dk, albertslund.dk)."
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
        source=(
            "Arbejdsskadesikringsloven; bekendtgørelse nr. 941 af 21. juni 2022 om anmeldelse "
            "af ulykker"
        ),
        valid_from=date(2022, 7, 1),
        kinds=frozenset({INJURY}),
        numbers={"due_days": 14},
        note=(
            "14 dage fra 1. juli 2022 (aes.dk; hr.odder.dk: »ændres fra 9 til 14 dage«). Fristen "
            "var tidligere 9 dage, men hvornår den regel begyndte, er ikke bekræftet, så der "
            "beregnes ingen EASY-frist for fravær med første fraværsdag før 1. juli 2022."
        ),
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
        valid_from=date(2015, 1, 1),
        kinds=SICKNESS,
        numbers={"due_days": 35, "expected_absence_days": 56},
        is_option=True,
        note=(
            "Indført med sygedagpengereformen (lov nr. 720 af 25. juni 2014); reformens "
            "opfølgningsdel trådte i kraft 1. januar 2015 (pav.medst.dk: »fra 2015«; "
            "denoffentlige.dk)."
        ),
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
        valid_from=date(2015, 1, 1),
        kinds=SICKNESS,
        numbers={"due_days": 55},
        is_milestone=True,
        note=(
            "Opfølgningsmodellen fra sygedagpengereformen, i kraft 1. januar 2015; forenklet "
            "1. januar 2025, men den første samtale inden udgangen af 8. uge består."
        ),
    ),
    RuleVersion(
        rule="revurdering",
        title="Revurdering: 22 uger inden for 9 måneder",
        explanation=(
            "Sygedagpenge og refusion stopper efter udgangen af den måned, hvor medarbejderen "
            "har fået løn eller sygedagpenge under sygdom i mere end 22 uger inden for de "
            "seneste 9 kalendermåneder, medmindre kommunen forlænger. De første 30 dage af "
            "sammenhængende fravær (arbejdsgiverperioden) tæller ikke med."
        ),
        source="Sygedagpengeloven § 24",
        valid_from=date(2014, 7, 1),
        kinds=SICKNESS,
        numbers={
            "limit_weeks": 22,
            "window_months": 9,
            "warn_weeks": 18,
            "first_days_not_counted": 30,
        },  # fmt: skip
        note=(
            "Lov nr. 720 af 25. juni 2014, i kraft 1. juli 2014 (denoffentlige.dk). Tælles på "
            "dagen: alle sygeforløb med løn eller sygedagpenge i vinduet tæller, også delvist "
            "fravær, der tælles som hele dage, men ikke de første 30 dage af hvert forløb "
            "(cabiweb.dk, \"Sygedagpenge efter 22 uger\"; Beskæftigelsesministeriets svar på "
            "L 135, spm. 4, 2020). Forløb, der følger direkte efter hinanden, er ét forløb."
        ),
    ),
    RuleVersion(
        rule="delvis_fravaer",
        title="Delvist fravær under 4 timer om ugen",
        explanation=(
            "Er medarbejderen væk mindre end 4 timer om ugen (transport og ventetid ved "
            "behandling medregnet), regnes vedkommende som rask efter sygedagpengeloven: der er "
            "ingen refusion eller sygedagpenge, og lovens frister (samtale, anmeldelse, "
            "kommunens opfølgning) gælder ikke. Fraværet tæller stadig med i jeres egne "
            "fraværstal og i 120-dagesreglen."
        ),
        source=(
            "Sygedagpengeloven § 7 og § 53 (delvis uarbejdsdygtighed); barselsloven for "
            "graviditetsrelateret fravær"
        ),
        valid_from=LAW_TEXT_READ,
        kinds=frozenset({OWN, PREGNANCY, INJURY}),
        numbers={"minimum_hours_per_week": 4},
        note=(
            "Mindst 4 timer om ugen (cabiweb.dk, \"Delvis uarbejdsdygtighed\"; odense.dk; "
            "virk.dk for graviditet). Hvornår grænsen blev indført, er ikke bekræftet, så den "
            "bruges for fravær fra datoen for den lovtekst, der er læst (LBK 994/2024); ældre "
            "delvist fravær følges som sygdom. Anmeldelse af en arbejdsskade i EASY gælder stadig."
        ),
    ),
    RuleVersion(
        rule="regel_120",
        title="120-dagesreglen",
        explanation=(
            "Med en skriftlig aftale kan en funktionær opsiges med 1 måneds varsel til udgangen "
            "af en måned, når vedkommende har haft 120 sygedage med løn inden for 12 måneder. "
            "Opsigelsen skal gives i umiddelbar forlængelse af 120. sygedag, mens medarbejderen "
            "stadig er syg. Graviditetsrelateret fravær tælles ikke med. Fravær på grund af et "
            "handicap må heller ikke tælles med, men det kan programmet ikke skelne. Søg råd, "
            "før du opsiger."
        ),
        source="Funktionærloven § 5, stk. 2",
        valid_from=date(2008, 1, 1),
        kinds=frozenset({OWN}),
        numbers={
            "limit_days": 120,
            "warn_from_day": 100,
            "window_months": 12,
            "notice_months": 1,
        },  # fmt: skip
        note="Om fravær på grund af arbejdsskade tæller med, er ikke bekræftet; det tælles ikke.",
    ),
    RuleVersion(
        rule="regel_120_fridage",
        title="120-dagesreglen: fridage mellem sygedage",
        explanation=(
            "Weekender, helligdage og andre fridage tæller som sygedage, når medarbejderen var "
            "fuldt syg både arbejdsdagen før og arbejdsdagen efter, også når de to sider er "
            "registreret som to fravær. En fridag i starten eller slutningen af et fravær tæller "
            "ikke."
        ),
        source="Højesteret 16. marts 2022",
        valid_from=date(2022, 3, 16),
        kinds=frozenset({OWN}),
        note=(
            "danskindustri.dk og skaureipurth.com 17.03.2022; mklaw.dk »Kunsten at tælle til "
            "120«. Programmet kender kun weekend og helligdage som fridage."
        ),
    ),
    RuleVersion(
        rule="regel_120_delvis",
        title="120-dagesreglen: delvist sygefravær",
        explanation=(
            "Ved delvist sygefravær tæller kun de timer, medarbejderen faktisk er væk, omregnet "
            "til dage på arbejdsdagene: timer væk ÷ (ugentlig arbejdstid ÷ arbejdsdage om ugen). "
            "Der lægges intet til for weekender og fridage."
        ),
        source="U2018.815 H",
        valid_from=date(2018, 1, 1),
        kinds=frozenset({OWN}),
        numbers={"default_working_days_per_week": 5},
        note=(
            "danskhr.dk »Ny praksis for tælling af 120-dages reglen«; mklaw.dk: 16 timer på en "
            "uge med 32 timer på 5 dage = 2,5 dage. Dommen er trykt i Ugeskrift for Retsvæsen "
            "2018; domsdatoen er ikke læst, så reglen bruges fra 1. januar 2018."
        ),
    ),
    RuleVersion(
        rule="regel_120_vindue",
        title="120-dagesreglen: hvornår opsigelsen skal gives",
        explanation=(
            "Opsigelsen kan gives fra arbejdstidens slutning på 120. sygedag og skal som "
            "udgangspunkt gives tidligere end 10 kalenderdage efter 120. sygedag, mens "
            "medarbejderen stadig er syg. Kommer medarbejderen tilbage og bliver syg igen, efter "
            "at vinduet er lukket, kan der ikke opsiges efter reglen på det grundlag."
        ),
        source="Højesteret 19. december 2023 (BS-18339/2023-HJR)",
        valid_from=date(2023, 12, 19),
        kinds=frozenset({OWN}),
        numbers={"days": 10},
        note=(
            "domstol.dk; opsigelse sendt efter arbejdstid på 120. sygedag blev godkendt "
            "(jura360.dk). Den gamle tommelfingerregel »mellem 121. og 129. sygedag« er forkert, "
            "når medarbejderen vender tilbage imens."
        ),
    ),
)

#: The "kind" of the rules about the company as a whole: no absence is of it, so they never
#: apply to a spell (`latest()` reads them).
COMPANY = "virksomhed"

#: Rules about the company as a whole, judged on a day (not on an absence): the APV.
COMPANY_RULES: tuple[RuleVersion, ...] = (
    RuleVersion(
        rule="apv_revision",
        kinds=frozenset({COMPANY}),
        title="APV: revidér sygefraværsdelen",
        explanation=(
            "APV'en skal revideres mindst hvert 3. år, og når der sker ændringer i arbejdet, "
            "arbejdsmetoderne eller arbejdsprocesserne, der har betydning for arbejdsmiljøet. "
            "Tag sygefraværet med igen: har arbejdsmiljøet betydning for fraværet?"
        ),
        source="Arbejdstilsynet, AT-vejledning 1.3.1 (systematisk arbejdsmiljøarbejde, APV)",
        valid_from=date(2024, 2, 1),
        numbers={"revise_years": 3, "remind_days_before": 90},
        note=(
            "at.dk; vejledningen er fra 1. februar 2024. Kravet om revision mindst hvert 3. år er "
            "ældre, men datoen er ikke læst, så reglen står fra vejledningens dato. Overblikket "
            "minder om revisionen fra 90 dage før (virksomhedens egen påmindelse, ikke lov)."
        ),
    ),
    RuleVersion(
        rule="apv_amo",
        kinds=frozenset({COMPANY}),
        title="APV: arbejdsmiljøorganisationen deltager",
        explanation=(
            "Har virksomheden 10 eller flere ansatte, skal den have en arbejdsmiljøorganisation, "
            "og den skal være med i APV-arbejdet. Med færre ansatte samarbejder I direkte med "
            "medarbejderne."
        ),
        source="Arbejdsmiljøloven; Arbejdstilsynet (d-s.dk, gls-a.dk)",
        valid_from=date(2024, 2, 1),
        numbers={"min_employees": 10},
        note="Grænsen på 10 ansatte for en arbejdsmiljøorganisation (gls-a.dk).",
    ),
    RuleVersion(
        rule="apv_handling",
        kinds=frozenset({COMPANY}),
        title="APV: frist i handlingsplanen",
        explanation=(
            "En indsats i APV'ens handlingsplan skal være gjort senest denne dag. Markér den "
            "som færdig i APV'en, når den er sket, og skriv, hvordan I følger virkningen."
        ),
        source="Jeres APV-handlingsplan (AT-vejledning 1.3.1)",
        valid_from=date(2024, 2, 1),
        note="Fristen er den, I selv satte i handlingsplanen.",
    ),
)

#: Company policy defaults (not law), shown in the same overview and changeable in settings.
POLICIES: tuple[RuleVersion, ...] = (
    RuleVersion(
        rule="kontakt",
        title="Kontakt medarbejderen",
        explanation=(
            "Virksomhedens kontaktrutine: hør, hvordan det går, og om der er noget, I kan gøre. "
            "Spørg aldrig, hvad medarbejderen fejler. Punktet klares af sig selv, når du holder "
            "en samtale om fraværet tæt på dagen."
        ),
        source="Virksomhedens politik",
        valid_from=date(2000, 1, 1),
        kinds=frozenset({OWN, PREGNANCY, INJURY, OTHER}),
        numbers={"day_a": 1, "day_b": 5, "day_c": 14, "counts_from_days_before": 7},
        note=(
            "Standard: kontakt på fraværsdag 1, 5 og 14; kan ændres under Virksomhed → "
            "Fraværspolitik. En samtale om fraværet, holdt fra 7 dage før en kontaktdag og "
            "til den næste, tæller som kontakten den dag."
        ),
    ),
    RuleVersion(
        rule="fravaerssamtale",
        title="Samtale om hyppigt fravær",
        explanation=(
            "Mange korte sygeperioder kan være et tegn på, at noget på arbejdet eller i livet er "
            "svært. En støttende samtale kan hjælpe; den handler om trivsel og arbejde, ikke om "
            "sygdom."
        ),
        source="Virksomhedens politik",
        valid_from=date(2000, 1, 1),
        kinds=frozenset({OWN}),
        numbers={
            "spells": 3,
            "spell_months": 6,
            "days": 15,
            "day_months": 12,
            "short_spell_max_days": 14,
        },  # fmt: skip
        note=(
            "Tæller kun korte fravær (højst 14 kalenderdage, som i statistikken): et langt "
            "sygeforløb er ikke hyppigt fravær. Graviditetsrelateret fravær tæller aldrig."
        ),
    ),
    RuleVersion(
        rule="indkaldelse",
        title="Varsel ved indkaldelse til samtale",
        explanation=(
            "Giv medarbejderen mindst 2 arbejdsdages varsel til en samtale, så der er tid til at "
            "forberede sig og tage en bisidder med. Loven kræver ikke et bestemt varsel."
        ),
        source="Virksomhedens politik",
        valid_from=date(2000, 1, 1),
        kinds=frozenset({OWN, PREGNANCY, INJURY, OTHER}),
        numbers={"min_notice_working_days": 2},
        note="God praksis, ikke lov; kan ændres her.",
    ),
    RuleVersion(
        rule="naeste_kontakt",
        title="Aftalt kontakt",
        explanation=(
            "I aftalte i samtalen at tale sammen igen denne dag. Hør, hvordan det går, og følg "
            "op på det, I aftalte. Punktet klares af sig selv, når du holder den næste samtale "
            "tæt på dagen."
        ),
        source="Aftalt i samtalen",
        valid_from=date(2000, 1, 1),
        kinds=frozenset({OWN, PREGNANCY, INJURY, OTHER}),
        numbers={"counts_from_days_before": 7},
        note=(
            "En aftale mellem jer, ikke en frist i loven. En samtale holdt højst 7 dage før den "
            "aftalte dag (eller senere) tæller som kontakten."
        ),
    ),
    RuleVersion(
        rule="aftalt_skridt",
        title="Aftalt i samtalen",
        explanation=(
            "Det, I aftalte i samtalen, skal være gjort senest denne dag. Markér punktet som "
            "klaret, når det er sket."
        ),
        source="Aftalt i samtalen",
        valid_from=date(2000, 1, 1),
        kinds=frozenset({OWN, PREGNANCY, INJURY, OTHER}),
        note="En aftale mellem jer, ikke en frist i loven.",
    ),
    RuleVersion(
        rule="dokumentation",
        title="Dokumentation for fraværet",
        explanation=(
            "Du har bedt medarbejderen om dokumentation for fraværet med en frist. Når den er "
            "kommet, så markér den som modtaget under fraværet. Kommer den ikke, så tal med "
            "medarbejderen, før du gør mere."
        ),
        source="Sygedagpengeloven § 36 og § 36a; funktionærloven § 5, stk. 4",
        valid_from=date(2000, 1, 1),
        kinds=frozenset({OWN, PREGNANCY, INJURY, OTHER}),
        note="Fristen er den, du selv satte i brevet; loven kræver en rimelig frist.",
    ),
    RuleVersion(
        rule="plan_opfoelgning",
        title="Opfølgning på fastholdelsesplanen",
        explanation=(
            "I aftalte i fastholdelsesplanen at følge op denne dag. Tal om, hvordan trappen går, "
            "og om planen holder, og skriv det under planen. Skal planen ændres, så lav en ny "
            "version."
        ),
        source="Aftalt i fastholdelsesplanen",
        valid_from=date(2000, 1, 1),
        kinds=frozenset({OWN, PREGNANCY, INJURY, OTHER}),
        note="En aftale mellem jer, ikke en frist i loven (sygedagpengeloven § 7b sætter ingen).",
    ),
)

#: Ready-made contact routines offered in the settings (fraværsdage, day 1 = første fraværsdag).
CONTACT_PRESETS: dict[str, tuple[int, ...]] = {"1-5-14": (1, 5, 14), "2-6-14": (2, 6, 14)}


def _versions_by_rule() -> dict[str, tuple[RuleVersion, ...]]:
    found: dict[str, list[RuleVersion]] = {}
    for version in (*RULES, *POLICIES, *COMPANY_RULES):
        found.setdefault(version.rule, []).append(version)
    return {rule: tuple(versions) for rule, versions in found.items()}


#: Every version of each rule, in table order (the overview asks thousands of times per start).
_VERSIONS = _versions_by_rule()


def rule_for(rule: str, first_day: date, kind: str = OWN) -> RuleVersion | None:
    """The version of `rule` that applies to a spell with this first day and kind, if any."""
    return rules_in_force(first_day, str(kind)).get(rule)


@lru_cache(maxsize=4096)  # the table is fixed; a start-up asks for ~2,000 spells, ~400 keys
def rules_in_force(first_day: date, kind: str) -> Mapping[str, RuleVersion]:
    """Every rule that applies to a spell with this first day and kind, by name, with the
    version in force (the first in table order that applies). Read-only."""
    found = {}
    for rule, versions in _VERSIONS.items():
        for version in versions:
            if version.applies_to(first_day, kind):
                found[rule] = version
                break
    return MappingProxyType(found)


def is_fit_by_law(first_day: date, kind: str, partial_hours_per_week: float | None) -> bool:
    """True for a partial absence too small to be sickness under the law (under 4 hours a
    week, "delvis_fravaer"): the employee counts as fit, so no refusion and no deadlines."""
    if partial_hours_per_week is None:
        return False
    version = rules_in_force(first_day, str(kind)).get("delvis_fravaer")
    if version is None:
        return False
    return partial_hours_per_week < version.numbers["minimum_hours_per_week"]


def default_contact_days() -> tuple[int, ...]:
    """The contact routine's default days (1, 5 and 14) from the policy table."""
    numbers = latest("kontakt").numbers
    return tuple(sorted(value for key, value in numbers.items() if key.startswith("day_")))


def latest(rule: str) -> RuleVersion:
    """The newest version of a rule (for texts and for rules judged on a day, not a spell)."""
    try:
        return _LATEST[rule]
    except KeyError:
        raise ValueError(f"no rule called {rule!r} in the rules table") from None


_LATEST = {rule: max(versions, key=lambda v: v.valid_from) for rule, versions in _VERSIONS.items()}
