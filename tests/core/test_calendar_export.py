"""Calendar export of the open deadlines: a valid .ics file that never says why someone is away."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from fravaer_desktop.core.calendar_export import (
    CALENDAR_TEXTS,
    NOT_IN_CALENDAR,
    SUGGESTED_FILE_NAME,
    calendar_items,
    deadlines_calendar,
    event_texts,
    event_uid,
)
from fravaer_desktop.core.models import (
    ABSENCE_KIND_TITLES,
    AbsenceKind,
    AbsencePolicy,
    AbsenceSpell,
    Company,
    Employee,
    TaskDecision,
    TaskStatus,
)
from fravaer_desktop.core.overview import OverviewItem, build_overview
from fravaer_desktop.core.privacy import HealthTextCheck
from fravaer_desktop.core.rules import POLICIES, RULES, latest
from fravaer_desktop.paths import load_health_terms

TODAY = date(2026, 11, 23)
STAMP = datetime(2026, 11, 23, 8, 30, tzinfo=UTC)
COMPANY = "Bageriet Solsikken ApS"
NOTE = "Brækket arm efter fald på lageret, opereret på Skejby"
DETAIL = "Graviditetsgener og migræne ifølge lægen"


def item(rule: str, due: date | None, **changes) -> OverviewItem:
    """An overview item as the engine makes it, with the rules table's own texts."""
    version = latest(rule)
    fields = dict(
        rule=rule, employee_id=1, employee_name="Anna Jensen", title=version.title,
        explanation=version.explanation, source=version.source, due=due, spell_id=7,
        is_option=version.is_option,
    )  # fmt: skip
    fields.update(changes)
    return OverviewItem(**fields)


def export(items, today: date = TODAY, company: str = COMPANY, stamp=STAMP) -> bytes:
    return deadlines_calendar(items, company_name=company, today=today, stamp=stamp)


def events(data: bytes) -> list:
    return list(Calendar.from_ical(data).walk("VEVENT"))


# --- An independent reading of RFC 5545, line by line, without the icalendar package ----------


def content_lines(data: bytes) -> list[tuple[str, dict[str, str], str]]:
    """Check the physical lines (CRLF, at most 75 octets, UTF-8) and return the unfolded ones."""
    assert data.endswith(b"\r\n"), "the file must end with CRLF"
    physical = data[:-2].split(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b""), "every line must end with CRLF"
    logical: list[bytes] = []
    for line in physical:
        assert len(line) <= 75, f"line longer than 75 octets: {line!r}"
        line.decode("utf-8")  # folding must never split a multi-byte character
        if line[:1] in (b" ", b"\t"):
            assert logical, "a file cannot start with a continuation line"
            logical[-1] += line[1:]
        else:
            logical.append(line)
    parsed = []
    for raw in logical:
        text = raw.decode("utf-8")
        match = re.fullmatch(r"([A-Za-z0-9-]+)((?:;[^:;]+=[^:;]*)*):(.*)", text)
        assert match, f"not a content line: {text!r}"
        params = dict(p.split("=", 1) for p in match.group(2).split(";")[1:])
        parsed.append((match.group(1).upper(), params, match.group(3)))
    return parsed


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def components(data: bytes) -> list[dict]:
    """Every component as {'name', 'props': {NAME: [(params, value)]}, 'parent'}; checks nesting."""
    stack: list[dict] = []
    found: list[dict] = []
    for name, params, value in content_lines(data):
        if name == "BEGIN":
            component = {"name": value, "props": {}, "parent": stack[-1]["name"] if stack else None}
            stack.append(component)
            found.append(component)
        elif name == "END":
            assert stack and stack[-1]["name"] == value, f"END:{value} does not close a BEGIN"
            stack.pop()
        else:
            assert stack, f"{name} outside any component"
            stack[-1]["props"].setdefault(name, []).append((params, unescape(value)))
    assert not stack, "unclosed component"
    assert found and found[0]["name"] == "VCALENDAR" and found[0]["parent"] is None
    return found


def one(component: dict, name: str) -> tuple[dict[str, str], str]:
    values = component["props"].get(name, [])
    assert len(values) == 1, f"{component['name']} must have exactly one {name}"
    return values[0]


def all_text(data: bytes) -> str:
    """Every value a person could read in the file, unfolded and unescaped."""
    return "\n".join(unescape(value) for _, _, value in content_lines(data))


KIND_WORDS = sorted({*(k.value for k in AbsenceKind), *ABSENCE_KIND_TITLES.values()}, key=len)


def kind_words_in(text: str) -> list[str]:
    """Kind ids and Danish kind names at the start of a word ('graviditet' finds 'Graviditets-')."""
    return [w for w in KIND_WORDS if re.search(r"\b" + re.escape(w), text, re.IGNORECASE)]


@pytest.fixture(scope="module")
def health() -> HealthTextCheck:
    return HealthTextCheck(load_health_terms())


# --- The file ----------------------------------------------------------------------------------


def test_the_file_is_a_valid_calendar_in_both_readings() -> None:
    items = [item("samtale", date(2026, 12, 21)), item("arbejdsskade", date(2026, 11, 30))]
    data = export(items)

    found = components(data)
    calendar = found[0]
    assert one(calendar, "VERSION")[1] == "2.0"
    assert one(calendar, "PRODID")[1]
    assert one(calendar, "X-WR-CALNAME")[1] == "Fravær – frister for Bageriet Solsikken ApS"
    vevents = [c for c in found if c["name"] == "VEVENT"]
    assert len(vevents) == 2
    for event in vevents:
        assert event["parent"] == "VCALENDAR"
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            one(event, required)
        assert one(event, "DTSTART")[0] == {"VALUE": "DATE"}
        assert re.fullmatch(r"\d{8}T\d{6}Z", one(event, "DTSTAMP")[1])
    for alarm in (c for c in found if c["name"] == "VALARM"):
        assert alarm["parent"] == "VEVENT"
        assert one(alarm, "ACTION")[1] == "DISPLAY"
        one(alarm, "TRIGGER")
        one(alarm, "DESCRIPTION")

    parsed = Calendar.from_ical(data)
    assert str(parsed["VERSION"]) == "2.0"
    assert len(events(data)) == 2


def test_long_danish_lines_are_folded_within_75_octets_without_breaking_letters() -> None:
    name = "Søren Ærøskøbing-Åbjørnsdóttir Østergård Ææææææææææææææ"
    data = export([item("samtale", date(2026, 12, 21), employee_name=name)], company="Ø" * 80)
    content_lines(data)  # asserts the octet limit and whole characters per line
    assert len(data.splitlines()) > len(components(data)) * 2
    (event,) = events(data)
    assert str(event["SUMMARY"]) == f"Samtale med {name} om fraværet – senest 21. december 2026"


def test_danish_letters_and_special_characters_survive_the_round_trip() -> None:
    company = "Hansen & Søn, VVS; Århus"
    data = export([item("samtale", date(2026, 12, 21), employee_name="Åse Ærø")], company=company)
    calendar = Calendar.from_ical(data)
    assert str(calendar["X-WR-CALNAME"]) == f"Fravær – frister for {company}"
    (event,) = events(data)
    assert str(event["SUMMARY"]) == "Samtale med Åse Ærø om fraværet – senest 21. december 2026"
    assert "Åbn Fravær" in str(event["DESCRIPTION"])
    assert "Åse Ærø".encode() in data.replace(b"\r\n ", b"")


# --- The events ----------------------------------------------------------------------------------


def test_each_open_item_with_a_due_date_is_an_all_day_event_on_that_day() -> None:
    due = date(2026, 12, 21)
    (event,) = events(export([item("samtale", due)]))
    assert event.decoded("DTSTART") == due
    assert event.decoded("DTEND") == due + timedelta(days=1)
    assert not isinstance(event.decoded("DTSTART"), datetime)
    assert event.decoded("DTSTAMP") == STAMP


def test_the_absence_conversation_reads_what_to_do_with_whom_and_by_when() -> None:
    (event,) = events(export([item("samtale", date(2026, 12, 21))]))
    assert str(event["SUMMARY"]) == "Samtale med Anna Jensen om fraværet – senest 21. december 2026"
    description = str(event["DESCRIPTION"])
    assert description.startswith("Indkald Anna Jensen til en personlig samtale")
    assert "Kilde: Sygedagpengeloven § 7a." in description
    assert description.endswith("Åbn Fravær for at se detaljer og markere opgaven som klaret.")


def test_a_reminder_pops_up_at_nine_the_day_before_in_danish() -> None:
    (event,) = events(export([item("samtale", date(2026, 12, 21))]))
    (alarm,) = event.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    # All-day events start at 00:00, so 15 hours before is 09:00 the day before.
    assert alarm.decoded("TRIGGER") == timedelta(hours=-15)
    assert str(alarm["DESCRIPTION"]) == (
        "I morgen: Samtale med Anna Jensen om fraværet – senest 21. december 2026"
    )


def test_an_overdue_item_stays_on_its_day_says_so_and_has_no_reminder() -> None:
    (event,) = events(export([item("samtale", date(2026, 11, 20))]))
    assert event.decoded("DTSTART") == date(2026, 11, 20)
    assert "Fristen var overskredet, da kalenderen blev lavet 23. november 2026." in str(
        event["DESCRIPTION"]
    )
    assert event.walk("VALARM") == []


def test_an_item_due_today_has_no_reminder_for_yesterday() -> None:
    (event,) = events(export([item("samtale", TODAY)]))
    assert event.walk("VALARM") == []
    assert "overskredet" not in str(event["DESCRIPTION"])


def test_decided_items_options_without_a_date_and_lapsed_options_are_left_out() -> None:
    due = date(2026, 12, 21)
    decision = TaskDecision("samtale", 1, TaskStatus.DONE, TODAY, spell_id=7, due=due)
    kept = item("kontakt", date(2026, 11, 29))
    items = [
        item("samtale", due, decision=decision),
        item("fastholdelsesplan", None),
        item("revurdering", None, spell_id=None),
        item("fast_track", date(2026, 11, 20)),  # an option whose last day has passed
        kept,
    ]
    assert calendar_items(items, TODAY) == [kept]
    (event,) = events(export(items))
    assert event.decoded("DTSTART") == date(2026, 11, 29)


def test_options_with_a_future_date_are_events_marked_as_options() -> None:
    (event,) = events(export([item("fast_track", date(2026, 12, 21))]))
    assert str(event["SUMMARY"]).startswith("Mulighed: ")


def test_events_come_earliest_first() -> None:
    items = [item("samtale", date(2026, 12, 21)), item("kontakt", date(2026, 11, 29))]
    starts = [e.decoded("DTSTART") for e in events(export(items))]
    assert starts == sorted(starts)


def test_no_open_items_give_an_empty_but_valid_calendar() -> None:
    data = export([])
    assert [c["name"] for c in components(data)] == ["VCALENDAR"]
    assert events(data) == []


# --- UIDs --------------------------------------------------------------------------------------


def test_uids_are_stable_across_exports_so_a_new_import_updates_the_events() -> None:
    items = [
        item("samtale", date(2026, 12, 21)),
        item("kontakt", date(2026, 11, 29)),
        item("kontakt", date(2026, 12, 2)),
        item("samtale", date(2027, 1, 8), spell_id=11),
    ]
    first = [str(e["UID"]) for e in events(export(items))]
    later_stamp = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
    second = [
        str(e["UID"])
        for e in events(export(reversed(items), today=date(2026, 11, 24), stamp=later_stamp))
    ]
    assert sorted(first) == sorted(second)
    assert len(set(first)) == len(items)
    assert all(uid.endswith("@fravaer.local") for uid in first)


def test_a_uid_does_not_spell_out_the_rule_and_differs_between_companies() -> None:
    injury = item("arbejdsskade", date(2026, 11, 30))
    uid = event_uid(injury, COMPANY)
    assert "arbejdsskade" not in uid and not kind_words_in(uid)
    assert event_uid(injury, f"  {COMPANY.upper()} ") == uid
    assert event_uid(injury, "Tømrer Hansen ApS") != uid


def test_the_same_item_twice_gives_one_event() -> None:
    twice = [item("samtale", date(2026, 12, 21))] * 2
    assert len(events(export(twice))) == 1


# --- Privacy -----------------------------------------------------------------------------------


def test_a_report_to_the_authorities_reads_the_same_whatever_the_kind_of_absence() -> None:
    due = date(2026, 12, 21)
    texts = {event_texts(item(rule, due), TODAY) for rule in
             ("anmeldelse", "graviditet_anmeldelse", "arbejdsskade")}  # fmt: skip
    assert len(texts) == 1
    ((summary, description),) = texts
    assert summary == "Anmeld fravær for Anna Jensen – senest 21. december 2026"
    for revealing in ("EASY", "arbejdsulykke", "Barselsloven", "Arbejdsskadesikringsloven"):
        assert revealing.lower() not in (summary + description).lower()


IN_CALENDAR = [v for v in (*RULES, *POLICIES) if v.rule not in NOT_IN_CALENDAR]


@pytest.mark.parametrize("version", IN_CALENDAR, ids=lambda v: f"{v.rule}-{v.valid_from}")
def test_no_rule_reveals_the_kind_of_absence_a_note_or_a_detail(version, health) -> None:
    unsafe = item(
        version.rule, date(2026, 12, 21), title=version.title, explanation=version.explanation,
        source=version.source, is_option=False, detail=DETAIL,
    )  # fmt: skip
    text = all_text(export([unsafe]))
    assert "Anna Jensen" in text
    assert kind_words_in(text) == []
    assert health.flagged_words(text) == []
    assert DETAIL not in text


def test_every_rule_in_the_table_has_its_own_calendar_wording() -> None:
    # Without one, the neutral fallback is used; this test asks for a conscious choice instead.
    assert {v.rule for v in IN_CALENDAR} <= set(CALENDAR_TEXTS)


def test_an_unknown_rule_gets_a_neutral_text_without_its_title_or_source() -> None:
    unknown = OverviewItem(
        "ny_regel", 1, "Anna Jensen", "Anmeld graviditet", "Ved graviditet ...", "Barselsloven",
        date(2026, 12, 21), 7,
    )  # fmt: skip
    summary, description = event_texts(unknown, TODAY)
    assert summary == "Frist for Anna Jensen – senest 21. december 2026"
    assert "graviditet" not in description.lower() and "Barselsloven" not in description


def test_a_real_overview_exports_every_open_dated_item_and_nothing_about_health(health) -> None:
    employees = [
        Employee("Anna Jensen", date(2019, 3, 1), id=1),
        Employee("Bo Nielsen", date(2021, 8, 15), id=2),
        Employee("Søren Ærø", date(2015, 1, 5), id=3),
    ]
    spells = [
        AbsenceSpell(1, date(2026, 11, 16), AbsenceKind.WORK_INJURY, note=NOTE, id=11),
        AbsenceSpell(2, date(2026, 11, 2), AbsenceKind.PREGNANCY, note="Gravid, kvalme", id=12),
        AbsenceSpell(3, date(2026, 11, 9), AbsenceKind.OWN_SICKNESS, note="Stress", id=13),
    ]
    decisions = [
        TaskDecision("kontakt", 1, TaskStatus.DONE, date(2026, 11, 16), 11, date(2026, 11, 16))
    ]
    overview = build_overview(
        Company(COMPANY), employees, spells, decisions, AbsencePolicy(), TODAY
    )
    expected = calendar_items(overview.open_items(), TODAY)
    assert expected, "the scenario should give open deadlines"

    data = export(overview.open_items())
    components(data)
    found = events(data)
    assert len(found) == len(expected)
    assert [e.decoded("DTSTART") for e in found] == [i.due for i in expected]
    assert {str(e["UID"]) for e in found} == {event_uid(i, COMPANY) for i in expected}

    text = all_text(data)
    assert kind_words_in(text) == []
    assert health.flagged_words(text) == []
    for spell in spells:
        assert spell.note not in text
    for word in ("Brækket", "lageret", "Skejby", "kvalme", "Stress"):
        assert word.lower() not in text.lower(), word
    for overview_item in overview.items:
        if overview_item.detail:
            assert overview_item.detail not in text


def test_the_suggested_file_name_is_danish_and_ends_in_ics() -> None:
    assert SUGGESTED_FILE_NAME == "Fravær-frister.ics"


def test_no_event_title_says_the_employee_is_sick() -> None:
    """Colleagues may see a calendar's titles: they name the task, never sickness."""
    for rule, text in CALENDAR_TEXTS.items():
        assert "syg" not in text.title.lower(), rule


def test_the_120_day_window_never_goes_into_a_calendar() -> None:
    """A shared calendar must not announce that a sick employee may be dismissed."""
    items = [
        item("samtale", date(2026, 12, 21)),
        item("regel_120", date(2027, 1, 8), spell_id=None, is_option=True),
    ]
    exported = export(items)
    assert [str(e["SUMMARY"]).split(" ")[0] for e in events(exported)] == ["Samtale"]
    assert "120" not in exported.decode("utf-8")
