"""The privacy guard on notes: health details are flagged, practical arrangements are not."""

from __future__ import annotations

import pytest

from fravaer_desktop.core.privacy import HealthTextCheck
from fravaer_desktop.paths import load_health_terms


@pytest.fixture(scope="module")
def check() -> HealthTextCheck:
    """The check as the program builds it, from the word files in resources/privacy."""
    return HealthTextCheck(load_health_terms())


@pytest.mark.parametrize(
    ("note", "flagged"),
    [
        pytest.param("Har influenza", ["influenza"], id="a diagnosis"),
        pytest.param("brækket arm", ["brækket"], id="an injury"),
        pytest.param("stress", ["stress"], id="stress"),
        pytest.param("Sygemeldt med STRESS", ["STRESS"], id="upper case"),
        pytest.param(
            "Stressramt efter omlægning", ["Stressramt"], id="a word that starts with a term"
        ),
        pytest.param("Har været hos psykolog", ["psykolog"], id="a visit to a psychologist"),
        pytest.param("Feber og hoste", ["Feber", "hoste"], id="two symptoms in order"),
        # One finding for the phrase: a body part alone ('ryggen') is no longer flagged.
        pytest.param("Ondt i ryggen efter fald", ["Ondt i ryggen"], id="pain and body part"),
    ],
)
def test_notes_with_health_details_are_flagged(
    check: HealthTextCheck, note: str, flagged: list[str]
) -> None:
    assert check.flagged_words(note) == flagged


@pytest.mark.parametrize(
    "note",
    [
        pytest.param("Ringer mandag kl. 10", id="agreed call"),
        pytest.param("Arbejder hjemme om formiddagen", id="working from home in the mornings"),
        pytest.param("Lægeerklæring bestilt", id="doctor's certificate requested"),
        pytest.param("Friattest modtaget", id="fit note received"),
        pytest.param("Funktionsattest aftalt til næste uge", id="capacity statement agreed"),
        pytest.param("Sygedagpenge anmeldt til kommunen", id="sickness benefit reported"),
        pytest.param("Delvis raskmeldt fra mandag, 4 timer om dagen", id="partial return"),
        pytest.param("Fastholdelsesplan aftalt", id="retention plan agreed"),
        pytest.param("Mødes med kommunens sagsbehandler", id="meeting with the caseworker"),
        # The own doctor fills in the program's documents; a visit says nothing of what is wrong.
        pytest.param("Har været hos lægen", id="a visit to the own doctor"),
        pytest.param("", id="empty note"),
    ],
)
def test_practical_notes_are_not_flagged(check: HealthTextCheck, note: str) -> None:
    assert check.flagged_words(note) == []
    assert check.warning_for(note) is None


def test_a_term_must_start_a_word() -> None:
    # 'ryg' is a term, but 'Bryggeriet' only contains it in the middle of a word.
    check = HealthTextCheck(["ryg"])
    assert check.flagged_words("Bryggeriet ringer") == []
    assert check.flagged_words("Ryggen") == ["Ryggen"]


def test_the_warning_names_each_flagged_word_once_in_danish(check: HealthTextCheck) -> None:
    warning = check.warning_for("Har influenza, influenza igen og feber")
    assert warning is not None
    assert warning.count("'influenza'") == 1
    assert "'feber'" in warning
    assert warning.startswith("Noten ser ud til at indeholde helbredsoplysninger")
    assert "skriv kun praktiske aftaler" in warning


def test_an_empty_term_list_flags_nothing() -> None:
    check = HealthTextCheck(["", "   "])
    assert check.flagged_words("Har influenza") == []
    assert check.warning_for("Har influenza") is None


def test_the_word_files_are_read_without_comments_or_blank_lines() -> None:
    terms = load_health_terms()
    assert "influenza" in terms
    assert {"[diagnoser]", "[kropsdele]", "[endelser]", "[tilladt]"} <= set(terms)
    assert not any(t.startswith("#") or not t.strip() for t in terms)
