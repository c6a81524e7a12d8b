"""The privacy lint: rates on labelled Danish sentences, and the contract of find_health_details."""

from __future__ import annotations

from pathlib import Path

import pytest

from fravaer_desktop.core.privacy import (
    HealthFinding,
    HealthLint,
    HealthTextCheck,
    find_health_details,
    trie_pattern,
)

DATA = Path(__file__).parent / "data"
#: Written before the word lists; the lists were built from it.
TUNING_SET = DATA / "privacy_sentences.tsv"
#: Written after the word lists. The first caught 72.5 % before the lists were extended on it;
#: the second caught 85.7 % (0 % false alarms) before a few rules were added (decision 0013).
#: The third, written by someone who had not seen the lists, caught 93.3 % (0 % false alarms),
#: measured before any tuning on it; its four misses (alcohol and hash, a kikkertundersøgelse, a
#: stent) led to whole categories being added, not to those sentences' words alone.
#: The fourth, by the same writer, caught 90.0 % (2.2 % false alarms) before that work; it was
#: not opened during it and was measured once afterwards: 95.0 % caught, 2.2 % flagged. Nothing
#: was tuned on it; from here on it is a regression test like the others.
HELD_OUT_SETS = (
    DATA / "privacy_sentences_heldout.tsv",
    DATA / "privacy_sentences_heldout2.tsv",
    DATA / "privacy_sentences_heldout3.tsv",
    DATA / "privacy_sentences_heldout4.tsv",
)
MIN_CAUGHT, MAX_FLAGGED = 0.95, 0.05


def labelled(path: Path) -> list[tuple[str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, sentence = line.split("\t")
            assert label in ("helbred", "praktisk"), line
            rows.append((label, sentence))
    return rows


def rates(path: Path) -> tuple[float, float, list[str], list[str]]:
    """Share of health sentences caught, share of practical sentences flagged, and the misses."""
    rows = labelled(path)
    missed = [s for label, s in rows if label == "helbred" and not find_health_details(s)]
    flagged = [s for label, s in rows if label == "praktisk" and find_health_details(s)]
    health = sum(1 for label, _ in rows if label == "helbred")
    practical = len(rows) - health
    return 1 - len(missed) / health, len(flagged) / practical, missed, flagged


def test_the_tuning_set_is_large_and_balanced() -> None:
    rows = labelled(TUNING_SET)
    assert len(rows) >= 200
    assert sum(1 for label, _ in rows if label == "helbred") >= 100
    assert sum(1 for label, _ in rows if label == "praktisk") >= 100


@pytest.mark.parametrize("path", [TUNING_SET, *HELD_OUT_SETS], ids=lambda p: p.stem)
def test_health_details_are_caught_and_practical_notes_pass(path: Path) -> None:
    caught, flagged, missed, false_alarms = rates(path)
    assert caught >= MIN_CAUGHT, f"caught {caught:.1%}, missed: {missed}"
    assert flagged <= MAX_FLAGGED, f"flagged {flagged:.1%}: {false_alarms}"


def test_a_finding_has_the_words_their_offsets_and_danish_advice() -> None:
    text = "Ringer mandag. Hun har fået konstateret brystkræft."
    findings = find_health_details(text)
    assert findings
    for finding in findings:
        assert isinstance(finding, HealthFinding)
        assert text[finding.start : finding.end] == finding.words
        assert finding.advice.startswith("Skriv ")
        assert "ikke" in finding.advice
    assert [f.words for f in findings][-1] == "brystkræft"
    with pytest.raises(AttributeError):
        findings[0].words = "x"  # type: ignore[misc]  # frozen


def test_the_advice_says_how_to_write_it_as_a_function() -> None:
    (finding,) = find_health_details("Han har diabetes.")
    assert "kan ikke løfte over 10 kg" in finding.advice
    (medicine,) = find_health_details("Tager panodil.")
    assert "ikke hvilken medicin" in medicine.advice


@pytest.mark.parametrize("text", ["", "   ", "Ringer mandag kl. 10."])
def test_a_text_without_health_details_gives_an_empty_list(text: str) -> None:
    assert find_health_details(text) == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("brystkræft", ["brystkræft"]),
        ("Rygsmerterne tager til", ["Rygsmerterne"]),
        ("knæskade", ["knæskade"]),
        ("lårbensbrud", ["lårbensbrud"]),
        ("hjernerystelse", ["hjernerystelse"]),
        ("PTSD-diagnosen", ["PTSD-diagnosen"]),
    ],
)
def test_compounds_are_caught_as_whole_words(text: str, words: list[str]) -> None:
    assert [f.words for f in find_health_details(text)] == words


@pytest.mark.parametrize(
    "text", ["depressionen", "migrænen", "opereret", "piller", "pillerne", "svimmelhed", "angsten"]
)
def test_inflected_forms_are_caught(text: str) -> None:
    assert [f.words for f in find_health_details(text)] == [text]


@pytest.mark.parametrize("text", ["PTSD", "ADHD", "KOL", "OCD", "MS", "adhd"])
def test_abbreviations_are_caught(text: str) -> None:
    assert [f.words for f in find_health_details(f"Hun har {text}.")] == [text]


@pytest.mark.parametrize("text", ["Vi har ikke kol", "Skriv i MS Word", "ms"])
def test_abbreviations_in_capitals_only_count_in_capitals(text: str) -> None:
    assert find_health_details(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "sygemeldt", "raskmeldt", "delvis sygemeldt", "arbejdsskade", "arbejdsskaden",
        "mulighedserklæring", "lægeerklæring", "friattest", "sygefraværssamtale",
        "fastholdelsesplan", "sygedagpenge", "tro og love-erklæring", "varighedserklæring",
        "funktionsattest", "egen sygdom", "graviditetsrelateret fravær", "risiko for stress",
        "en stresset periode", "det psykiske arbejdsmiljø", "Barnet er sygt",
    ],
)  # fmt: skip
def test_the_programs_own_words_are_allowed(text: str) -> None:
    assert find_health_details(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Bryggeriet ringer", "Rygsækken står i bilen", "for eksempel", "Sagen er i behandling",
        "Samarbejdsproblemer i afdelingen", "Kontraktbrud", "Tåler ikke kemikalier",
        "Kan ikke løfte armene over hovedet", "Problemer med lederen", "Ring til tandlægen",
    ],
)  # fmt: skip
def test_words_that_only_look_like_health_words_pass(text: str) -> None:
    assert find_health_details(text) == []


def test_a_phrase_and_its_words_are_one_finding() -> None:
    text = "Har ondt i ryggen og ondt i venstre knæ"
    assert [(f.words, f.start, f.end) for f in find_health_details(text)] == [
        ("ondt i ryggen", 4, 17), ("ondt i venstre knæ", 21, 39)
    ]  # fmt: skip


def test_offsets_survive_a_letter_that_grows_in_lower_case() -> None:
    text = "İİ har migræne"
    (finding,) = find_health_details(text)
    assert text[finding.start : finding.end] == "migræne"


def test_a_body_part_compound_needs_a_body_part_in_front() -> None:
    lint = HealthLint.from_lines(
        ["[skader]", "<kropsdel>skade", "[kropsdele]", "knæ", "[endelser]", "n"]
    )
    assert [f.words for f in lint.find("knæskaden")] == ["knæskaden"]
    assert lint.find("vandskaden") == [] and lint.find("skaden") == []


def test_the_check_for_the_screens_wraps_the_lint() -> None:
    from fravaer_desktop.paths import load_health_terms

    check = HealthTextCheck(load_health_terms())
    warning = check.warning_for("Hun har migræne")
    assert warning is not None and "'migræne'" in warning
    assert "ikke hvad der fejler" in warning
    assert [f.words for f in check.findings("Hun har migræne")] == ["migræne"]
    assert HealthTextCheck([]).warning_for("Hun har migræne") is None


def test_the_trie_prefers_the_longest_word() -> None:
    import re

    pattern = re.compile(trie_pattern(["smerte", "smertestill", "ab"]))
    assert pattern.match("smertestillende").group() == "smertestill"
    assert pattern.match("smerter").group() == "smerte"
    assert re.compile(trie_pattern([])).match("x") is None


@pytest.mark.parametrize(
    "text",
    [
        # addiction and substances
        "Han har et drikkeproblem.", "Hun er afhængig af hash.", "Han er ludoman.",
        "Han får Antabus.", "Hun er i misbrugsbehandling.",
        # examinations and tests
        "Hun skal til gastroskopi.", "Han venter på en CT-scanning.", "Hun skal have taget EKG.",
        "Han skal have en hjertescanning.", "Prøvesvaret kommer fredag.",
        # implants, devices and surgery
        "Han har fået en stent.", "Hun har fået en ny hofte.", "Han er knæopereret.",
        "Hun har fået en hysterektomi.", "Han har fået en bypass.",
        # medicine by brand and by generic name
        "Han tager Zoloft.", "Hun får Eliquis.", "Han tager atorvastatin.", "Hun tager 50 mg.",
        "Han er på Elvanse.", "Hun tager blodfortyndende.",
        # diseases by organ system, mental health, pregnancy, symptoms, injuries
        "Han har hjertesvigt.", "Hun har hepatitis.", "Han har skizofreni.", "Hun er manisk.",
        "Hun har præeklampsi.", "Han har trykken for brystet.", "Hun har revet et ledbånd.",
        "Han har en knude i det ene bryst.", "Hun har brændt hånden.",
    ],
)  # fmt: skip
def test_each_category_is_caught(text: str) -> None:
    assert find_health_details(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Behandling af sagen tager to uger.", "Der er skade på bilen.",
        "Han er træt af vagtplanen.", "Hun har fået en tablet.",
        "Det ligger ham på hjerte, at kunderne får deres brød.", "Tryk på knappen.",
        "Operationen af den nye kasse kræver et kursus.", "Mødet er bekræftet.",
        "Hun har ikke kræfter til fuld tid endnu.", "Vi får ekstra hjælpekræfter i julen.",
        "Det er afhængigt af vejret.", "Han er afhængig af at kunne køre med en kollega.",
        "Det spiller ingen rolle.", "Han spiller fodbold om tirsdagen.",
        "Håndhævelsen af reglerne.", "Lageret er iskoldt om morgenen.",
        "Fangsten kommer ind i morges.", "Vi sludrede om ferien.", "Regnskabsåret slutter i juni.",
        "Sikkerhedsbrist i kassesystemet.", "Vi tager en sikkerhedskopi.",
        "Kontorassistenten tager telefonen.", "Vagtplanen skal være konsistent.",
        "Præmien fra julelotteriet.", "Treogtyve kunder i dag.", "Desinfektion af bordene.",
        "Alkoholpolitikken er udleveret.", "Kemiske stoffer i APV'en.",
        "Trivselsundersøgelsen er sendt ud.", "Fakturaerne skal scannes ind.",
        "Han slog sig ned i Odense.", "Samarbejdet skar sig.", "Han var vred om morgenen.",
        "De sene vagter er svære at dække.", "Han er på dårlig fod med chefen.",
        "Hovedproblemet er vagtplanen.", "En intensiv periode.", "Fuld puls i butikken.",
        "Vi bager diabetikerbrød om fredagen.", "Han skal pille rejer.",
        "Der er en flimrende skærm i kassen.", "Han skal koordinere vagterne.",
    ],
)  # fmt: skip
def test_false_friends_of_the_new_words_pass(text: str) -> None:
    assert find_health_details(text) == [], [f.words for f in find_health_details(text)]


def test_the_allow_list_can_name_word_endings() -> None:
    lint = HealthLint.from_lines(["[h]", "kræft", "[tilladt]", "*kræfter"])
    assert [f.words for f in lint.find("brystkræft")] == ["brystkræft"]
    assert lint.find("hjælpekræfter") == [] and lint.find("kræfter") == []
