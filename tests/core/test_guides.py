"""The guide texts in resources/guides: the real files have the shape the program relies on, and a
broken file is refused with a message that names it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from fravaer_desktop.core.guides import (
    CONVERSATION_KINDS,
    DOCUMENTATION_KINDS,
    ConversationGuide,
    GuideFileError,
    Guides,
    load_guides,
    parse_guides,
)
from fravaer_desktop.paths import resource

GUIDES = resource("guides")


@pytest.fixture(scope="module")
def guides() -> Guides:
    return parse_guides(GUIDES)


def all_text(guide: ConversationGuide) -> str:
    parts = [guide.title, guide.source, guide.when, guide.purpose, guide.invitation_text]
    parts += guide.preparation
    parts += [f"{claim} {source}" for claim, source in guide.legal_notes]
    for section in guide.sections:
        parts += [section.title, section.purpose, section.note_hint, *section.phrasings]
        parts += [*section.may_ask, *section.may_not_ask]
    return "\n".join(parts)


def test_all_five_conversation_kinds_are_there_in_order(guides: Guides) -> None:
    assert tuple(guides.conversations) == CONVERSATION_KINDS
    assert all(guides.conversations[kind].kind == kind for kind in CONVERSATION_KINDS)


@pytest.mark.parametrize("kind", CONVERSATION_KINDS)
def test_each_guide_has_four_or_more_sections_with_ids_titles_and_phrasings(
    guides: Guides, kind: str
) -> None:
    guide = guides.conversations[kind]
    ids = [section.id for section in guide.sections]
    assert len(ids) >= 4
    assert len(set(ids)) == len(ids)
    for section in guide.sections:
        assert section.title and section.purpose and section.note_hint
        assert 2 <= len(section.phrasings) <= 5, section.id
    assert guide.title and guide.short_title and guide.source and guide.when
    assert guide.preparation


@pytest.mark.parametrize("kind", CONVERSATION_KINDS)
def test_every_invitation_offers_a_bisidder_and_a_phone_or_video_talk(
    guides: Guides, kind: str
) -> None:
    text = guides.conversations[kind].invitation_text
    assert "bisidder" in text
    assert "telefon" in text
    assert " du " in f" {text} "


def test_the_sygefravaerssamtale_names_4_weeks_8_weeks_and_section_7a(guides: Guides) -> None:
    guide = guides.conversations["sygefravaerssamtale"]
    text = all_text(guide)
    assert "4 uger" in text and "8 uger" in text
    assert "§ 7a" in guide.source
    assert [s.id for s in guide.sections] == [
        "ramme", "trivsel", "funktion", "tilbagevenden", "hjaelp", "arbejdsmiljoe", "kontakt",
        "naeste_skridt",
    ]  # fmt: skip


def test_only_the_expectations_part_of_the_fravaerssamtale_is_optional(guides: Guides) -> None:
    optional = [
        (kind, section.id)
        for kind, guide in guides.conversations.items()
        for section in guide.sections
        if section.optional
    ]
    assert optional == [("fravaerssamtale", "forventninger")]


def test_the_mulighedserklaering_says_the_doctor_fills_in_the_official_form(
    guides: Guides,
) -> None:
    guide = guides.conversations["mulighedserklaering"]
    assert "lægen udfylder anden del" in all_text(guide)
    intro = guides.opportunity_sheet.intro
    assert "ikke mulighedserklæringen" in intro
    assert "lægen udfylder anden del" in intro
    assert guides.opportunity_sheet.questions


def test_may_not_lists_name_the_diagnosis(guides: Guides) -> None:
    assert any("Diagnosen" in line for line in guides.general_may_not_ask)
    for guide in guides.conversations.values():
        may_not = " ".join(line for s in guide.sections for line in s.may_not_ask)
        assert "diagnose" in may_not.lower() or "fejler" in may_not, guide.kind
    assert "Helbredsoplysningsloven § 2" in guides.may_source


def test_no_may_ask_line_asks_for_the_diagnosis(guides: Guides) -> None:
    lines = list(guides.general_may_ask)
    lines += [line for g in guides.conversations.values() for s in g.sections for line in s.may_ask]
    assert lines
    assert [line for line in lines if "diagnose" in line.lower() or "fejler" in line] == []


def test_every_legal_note_has_a_source(guides: Guides) -> None:
    for guide in guides.conversations.values():
        assert guide.legal_notes, guide.kind
        assert all(claim and source for claim, source in guide.legal_notes)


def test_every_documentation_kind_has_a_request_letter_and_a_source(guides: Guides) -> None:
    assert tuple(guides.documentation) == DOCUMENTATION_KINDS
    for kind in guides.documentation.values():
        assert kind.title and kind.what_it_is and kind.when_to_use and kind.who_pays
        assert kind.request_text and kind.source
        assert kind.default_delivery_days is None or kind.default_delivery_days >= 1
    assert "arbejdsgiver" in guides.documentation["friattest"].who_pays
    assert "arbejdsgiver" in guides.documentation["mulighedserklaering"].who_pays


def test_the_leaflet_covers_the_companion_the_plan_and_the_questions(guides: Guides) -> None:
    leaflet = guides.leaflet
    assert leaflet.title == "Når du er syg"
    text = " ".join(f"{heading} {body}" for heading, body in leaflet.sections)
    for words in ("bisidder", "fastholdelsesplan", "diagnose", "mulighedserklæring", "jobcentret"):
        assert words in text
    assert leaflet.sources


def test_wrapped_lines_become_one_paragraph_and_empty_lines_start_a_new_one(
    guides: Guides,
) -> None:
    paragraphs = guides.conversations["sygefravaerssamtale"].invitation_text.split("\n\n")
    assert len(paragraphs) == 4
    assert all("\n" not in paragraph for paragraph in paragraphs)


def test_load_guides_reads_the_shipped_files_once() -> None:
    assert load_guides() is load_guides()
    assert tuple(load_guides().conversations) == CONVERSATION_KINDS


# --- Broken files ---------------------------------------------------------------------------


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    copy = tmp_path / "guides"
    shutil.copytree(GUIDES, copy)
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_copied_folder_parses_like_the_real_one(folder: Path, guides: Guides) -> None:
    assert parse_guides(folder) == guides


def test_malformed_toml_is_refused_naming_the_file(folder: Path) -> None:
    edit(folder / "samtale_kontakt.toml", 'title = "Kontaktsamtale"', 'title = "Kontaktsamtale')
    with pytest.raises(GuideFileError, match="samtale_kontakt.toml") as error:
        parse_guides(folder)
    assert re.search(r"i linje \d+, tegn \d+", error.value.message)


def test_a_missing_field_in_a_section_is_refused_naming_file_section_and_field(
    folder: Path,
) -> None:
    edit(folder / "samtale_tilbage.toml", 'title = "Kollegerne"\n', "")
    with pytest.raises(GuideFileError) as error:
        parse_guides(folder)
    assert error.value.path.name == "samtale_tilbage.toml"
    assert "[[sections]] nr. 6" in error.value.message
    assert "»title« mangler" in error.value.message


def test_a_misspelt_field_is_refused(folder: Path) -> None:
    edit(folder / "samtale_sygefravaer.toml", "phrasings = [", "phrasing = [")
    with pytest.raises(GuideFileError, match="ukendte felter: »phrasing«"):
        parse_guides(folder)


def test_two_sections_with_the_same_id_are_refused(folder: Path) -> None:
    edit(folder / "samtale_kontakt.toml", 'id = "trivsel"', 'id = "ramme"')
    with pytest.raises(GuideFileError, match="samme id »ramme«"):
        parse_guides(folder)


def test_a_may_ask_line_about_the_diagnosis_is_refused(folder: Path) -> None:
    edit(
        folder / "maa_og_maa_ikke.toml",
        "may_ask = [\n",
        'may_ask = [\n    "Hvilken diagnose medarbejderen har",\n',
    )
    with pytest.raises(GuideFileError, match="maa_og_maa_ikke.toml.*diagnosen"):
        parse_guides(folder)


def test_a_missing_conversation_file_is_refused(folder: Path) -> None:
    (folder / "samtale_mulighedserklaering.toml").unlink()
    with pytest.raises(GuideFileError, match="kind = mulighedserklaering"):
        parse_guides(folder)


def test_a_copy_of_a_conversation_file_is_refused(folder: Path) -> None:
    shutil.copy(folder / "samtale_kontakt.toml", folder / "samtale_kontakt_kopi.toml")
    with pytest.raises(GuideFileError, match="samtale_kontakt_kopi.toml.*kopi"):
        parse_guides(folder)


def test_a_missing_shared_file_is_refused_naming_it(folder: Path) -> None:
    (folder / "dokumentation.toml").unlink()
    with pytest.raises(GuideFileError, match="dokumentation.toml: filen mangler"):
        parse_guides(folder)


def test_a_documentation_kind_left_out_is_refused(folder: Path) -> None:
    path = folder / "dokumentation.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.split('[[documentation]]\nid = "varighedserklaering"')[0], "utf-8")
    with pytest.raises(GuideFileError, match="id = varighedserklaering"):
        parse_guides(folder)


def test_a_file_saved_by_notepad_with_a_byte_order_mark_is_read(folder: Path) -> None:
    path = folder / "pjece_naar_du_er_syg.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert parse_guides(folder).leaflet.title == "Når du er syg"


def test_a_file_not_saved_as_utf8_is_refused(folder: Path) -> None:
    path = folder / "pjece_naar_du_er_syg.toml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    with pytest.raises(GuideFileError, match="UTF-8"):
        parse_guides(folder)


def test_the_retention_plan_guide_has_every_section_the_plan_prints(guides: Guides) -> None:
    plan = guides.retention_plan
    ids = [section.id for section in plan.sections]
    assert ids[:2] == ["baggrund", "maal"] and "kolleger" in ids and "hurtigere_langsommere" in ids
    assert all(section.title and section.help for section in plan.sections)
    assert {"timer", "hjaelpemidler", "hjemmearbejde", "pauser", "mentor"} <= dict(
        plan.adjustments
    ).keys()


def test_the_retention_plan_rules_cite_section_7b_and_name_refusal_and_jobcenter(
    guides: Guides,
) -> None:
    rules = dict(guides.retention_plan.rules)
    assert all(source.strip() for source in rules.values())
    claims = " ".join(rules)
    assert "8 uger" in claims and "sige nej" in claims and "jobcentret" in claims
    assert "ingen frist" in claims.lower() and "afskediget" in claims
    assert any("§ 7b, stk. 2" in source for source in rules.values())


def test_two_plan_adjustments_with_the_same_id_are_refused(folder: Path) -> None:
    path = folder / "fastholdelsesplan.toml"
    path.write_text(
        path.read_text(encoding="utf-8") + '\n[[adjustments]]\nid = "mentor"\ntitle = "Igen"\n',
        encoding="utf-8",
    )
    with pytest.raises(GuideFileError, match="fastholdelsesplan.toml.*samme id »mentor«"):
        parse_guides(folder)
