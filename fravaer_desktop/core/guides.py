"""The Danish guide texts for the guided conversations, read and checked from TOML files.

The texts live in `resources/guides/` so that a domain expert can edit them without touching
code (see `resources/guides/LAES_MIG.txt`). This module turns them into frozen dataclasses and
refuses a file that is broken, with a message that names the file and the field, in Danish and
English. Long texts may be wrapped over several lines in the files: a single line break becomes
a space, an empty line starts a new paragraph ("\n\n" in the parsed text).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, NoReturn

CONVERSATION_KINDS = (
    "sygefravaerssamtale",
    "fravaerssamtale",
    "kontaktsamtale",
    "tilbage_til_arbejde",
    "mulighedserklaering",
)
DOCUMENTATION_KINDS = ("tro_og_love", "friattest", "mulighedserklaering", "varighedserklaering")

#: One file per conversation kind; each names its kind in the field `kind`.
CONVERSATION_FILES = "samtale_*.toml"
MAY_FILE = "maa_og_maa_ikke.toml"
DOCUMENTATION_FILE = "dokumentation.toml"
LEAFLET_FILE = "pjece_naar_du_er_syg.toml"
SHEET_FILE = "mulighedserklaering_forberedelse.toml"
PLAN_FILE = "fastholdelsesplan.toml"

#: Words that must never appear in a "Det må du spørge om" line (helbredsoplysningsloven § 2).
FORBIDDEN_IN_MAY_ASK = ("diagnose", "hvad fejler", "hvad du fejler")

_ID = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class GuideSection:
    """One part of a conversation, in the order it is held."""

    id: str
    title: str
    purpose: str
    phrasings: tuple[str, ...]
    may_ask: tuple[str, ...]
    may_not_ask: tuple[str, ...]
    note_hint: str
    optional: bool = False


@dataclass(frozen=True)
class ConversationGuide:
    """Everything the program shows and prints for one kind of conversation."""

    kind: str
    title: str
    short_title: str
    source: str
    when: str
    purpose: str
    invitation_text: str
    preparation: tuple[str, ...]
    sections: tuple[GuideSection, ...]
    legal_notes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DocumentationKind:
    """Documentation of an absence that the employer may ask for."""

    id: str
    title: str
    what_it_is: str
    when_to_use: str
    who_pays: str
    default_delivery_days: int | None
    request_text: str
    source: str


@dataclass(frozen=True)
class Leaflet:
    """The leaflet "Når du er syg" for the employee."""

    title: str
    intro: str
    sections: tuple[tuple[str, str], ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class OpportunitySheet:
    """The preparation sheet for part 1 of the mulighedserklæring (not the official form)."""

    title: str
    intro: str
    questions: tuple[tuple[str, str], ...]
    source: str


@dataclass(frozen=True)
class PlanSection:
    """One free-text section of the retention plan."""

    id: str
    title: str
    help: str
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class RetentionPlanGuide:
    """The texts of the retention plan: its sections, the adjustments, the rules, the refusal."""

    title: str
    intro: str
    jobcenter_note: str
    refusal_letter: str
    rules: tuple[tuple[str, str], ...]  # (claim, source)
    sections: tuple[PlanSection, ...]
    adjustments: tuple[tuple[str, str], ...]  # (id, title)

    def adjustment_title(self, adjustment_id: str) -> str:
        return dict(self.adjustments).get(adjustment_id, adjustment_id)


@dataclass(frozen=True)
class ChecklistItem:
    """One condition of the APV checklist."""

    id: str
    title: str
    help: str


@dataclass(frozen=True)
class ChecklistGroup:
    id: str
    title: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True)
class ApvChecklist:
    """The APV checklist of resources/apv/tjekliste.toml."""

    title: str
    intro: str
    source: str
    groups: tuple[ChecklistGroup, ...]

    @property
    def items(self) -> tuple[ChecklistItem, ...]:
        return tuple(item for group in self.groups for item in group.items)


@dataclass(frozen=True)
class Guides:
    """All guide texts."""

    conversations: Mapping[str, ConversationGuide]
    documentation: Mapping[str, DocumentationKind]
    leaflet: Leaflet
    opportunity_sheet: OpportunitySheet
    general_may_ask: tuple[str, ...]
    general_may_not_ask: tuple[str, ...]
    may_source: str
    retention_plan: RetentionPlanGuide


class GuideFileError(ValueError):
    """A guide file is missing or broken; the message names the file, in Danish and English."""

    def __init__(self, path: Path, message: str):
        self.path = Path(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")


def _say(danish: str, english: str) -> str:
    return f"{danish} / {english}"


def _paragraphs(text: str) -> str:
    """Lines joined with spaces; an empty line keeps a paragraph break."""
    blocks = re.split(r"\n[ \t]*\n", text.strip())
    return "\n\n".join(" ".join(block.split()) for block in blocks if block.strip())


class _Table:
    """One TOML table of a guide file, read with checks that explain themselves."""

    def __init__(self, path: Path, data: Any, allowed: set[str], where: tuple[str, str] = ("", "")):
        self.path = path
        self._where_da, self._where_en = where
        if not isinstance(data, dict):
            self.fail("skal være en tabel med felter", "must be a table of fields")
        self.data: dict[str, Any] = data
        unknown = sorted(set(data) - allowed)
        if unknown:
            names = ", ".join(f"»{name}«" for name in unknown)
            known = ", ".join(sorted(allowed))
            self.fail(
                f"har ukendte felter: {names} (stavefejl? tilladte felter: {known})",
                f"has unknown fields: {', '.join(unknown)} (allowed: {known})",
            )

    def fail(self, danish: str, english: str) -> NoReturn:
        where_da = f"{self._where_da}: " if self._where_da else ""
        where_en = f"{self._where_en}: " if self._where_en else ""
        raise GuideFileError(self.path, _say(f"{where_da}{danish}", f"{where_en}{english}"))

    def _value(self, key: str) -> Any:
        if key not in self.data:
            self.fail(f"feltet »{key}« mangler", f"the field '{key}' is missing")
        return self.data[key]

    def text(self, key: str) -> str:
        """A non-empty text; wrapped lines joined, paragraphs kept."""
        value = self._value(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(
                f"feltet »{key}« skal være en tekst i anførselstegn og må ikke være tom",
                f"the field '{key}' must be a non-empty string",
            )
        return _paragraphs(value)

    def line(self, key: str) -> str:
        """A non-empty text on one line (titles, ids)."""
        return " ".join(self.text(key).split())

    def ident(self, key: str) -> str:
        value = self.line(key)
        if not _ID.fullmatch(value):
            self.fail(
                f"feltet »{key}« skal være et id med små bogstaver a-z, tal og _ (ikke æøå): "
                f"»{value}«",
                f"the field '{key}' must be an id of a-z, digits and _: '{value}'",
            )
        return value

    def texts(self, key: str, *, required: bool = True) -> tuple[str, ...]:
        """A list of non-empty one-line texts; an optional list may be left out or empty."""
        if key not in self.data and not required:
            return ()
        value = self._value(key)
        if not isinstance(value, list) or not all(
            isinstance(item, str) and item.strip() for item in value
        ):
            self.fail(
                f'feltet »{key}« skal være en liste af tekster, fx ["...", "..."], '
                "uden tomme tekster",
                f"the field '{key}' must be a list of non-empty strings",
            )
        if required and not value:
            self.fail(f"listen »{key}« må ikke være tom", f"the list '{key}' must not be empty")
        return tuple(" ".join(item.split()) for item in value)

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.fail(
                f"feltet »{key}« skal være true eller false (uden anførselstegn)",
                f"the field '{key}' must be true or false",
            )
        return value

    def days(self, key: str) -> int | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.fail(
                f"feltet »{key}« skal være et helt antal dage (1 eller flere), uden anførselstegn",
                f"the field '{key}' must be a whole number of days (1 or more)",
            )
        return value

    def tables(self, key: str, allowed: set[str], *, required: bool = True) -> list[_Table]:
        """An array of tables ([[key]] in the file), each checked for its own fields."""
        if key not in self.data and not required:
            return []
        value = self._value(key)
        if not isinstance(value, list) or (required and not value):
            self.fail(
                f"der skal være mindst én [[{key}]]-blok",
                f"there must be at least one [[{key}]] block",
            )
        return [
            _Table(
                self.path,
                item,
                allowed,
                (f"[[{key}]] nr. {number}", f"[[{key}]] no. {number}"),
            )
            for number, item in enumerate(value, start=1)
        ]


def _read(path: Path, allowed: set[str]) -> _Table:
    if not path.is_file():
        raise GuideFileError(path, _say("filen mangler", "the file is missing"))
    try:
        # utf-8-sig: Notepad on Windows may save a byte-order mark in front.
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise GuideFileError(
            path,
            _say(
                "filen er ikke gemt som UTF-8; gem den igen med tegnsæt UTF-8",
                "the file is not saved as UTF-8",
            ),
        ) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        place = re.search(r"at line (\d+), column (\d+)", str(error))
        where = f" i linje {place[1]}, tegn {place[2]}" if place else ""
        raise GuideFileError(
            path,
            _say(
                f"filen kan ikke læses{where}; tjek anførselstegn, kommaer og kantede "
                "parenteser i eller lige før den linje",
                f"the file is not valid TOML ({error})",
            ),
        ) from None
    return _Table(path, data, allowed)


def _check_may_ask(table: _Table, lines: tuple[str, ...], key: str) -> None:
    for line in lines:
        if any(word in line.lower() for word in FORBIDDEN_IN_MAY_ASK):
            table.fail(
                f"»{key}« (det må du spørge om) må ikke nævne diagnosen eller »hvad fejler du«; "
                f"flyt linjen til »may_not_ask«: »{line}«",
                f"'{key}' must not mention the diagnosis: '{line}'",
            )


_SECTION_FIELDS = {
    "id", "title", "purpose", "phrasings", "may_ask", "may_not_ask", "note_hint", "optional",
}  # fmt: skip
_CONVERSATION_FIELDS = {
    "kind", "title", "short_title", "source", "when", "purpose", "invitation_text",
    "preparation", "sections", "legal_notes",
}  # fmt: skip


def _section(table: _Table) -> GuideSection:
    may_ask = table.texts("may_ask", required=False)
    _check_may_ask(table, may_ask, "may_ask")
    return GuideSection(
        id=table.ident("id"),
        title=table.line("title"),
        purpose=table.text("purpose"),
        phrasings=table.texts("phrasings"),
        may_ask=may_ask,
        may_not_ask=table.texts("may_not_ask", required=False),
        note_hint=table.text("note_hint"),
        optional=table.flag("optional"),
    )


def _conversation(path: Path) -> ConversationGuide:
    table = _read(path, _CONVERSATION_FIELDS)
    kind = table.line("kind")
    if kind not in CONVERSATION_KINDS:
        table.fail(
            f"»kind« er »{kind}«, men skal være en af: {', '.join(CONVERSATION_KINDS)}",
            f"'kind' is '{kind}', must be one of: {', '.join(CONVERSATION_KINDS)}",
        )
    sections = tuple(_section(t) for t in table.tables("sections", _SECTION_FIELDS))
    seen: set[str] = set()
    for section in sections:
        if section.id in seen:
            table.fail(
                f"to afsnit har samme id »{section.id}«; hvert afsnit skal have sit eget id",
                f"two sections have the same id '{section.id}'",
            )
        seen.add(section.id)
    notes = tuple(
        (note.text("claim"), note.line("source"))
        for note in table.tables("legal_notes", {"claim", "source"}, required=False)
    )
    return ConversationGuide(
        kind=kind,
        title=table.line("title"),
        short_title=table.line("short_title"),
        source=table.line("source"),
        when=table.text("when"),
        purpose=table.text("purpose"),
        invitation_text=table.text("invitation_text"),
        preparation=table.texts("preparation"),
        sections=sections,
        legal_notes=notes,
    )


def _conversations(folder: Path) -> dict[str, ConversationGuide]:
    found: dict[str, ConversationGuide] = {}
    files: dict[str, Path] = {}
    for path in sorted(folder.glob(CONVERSATION_FILES)):
        guide = _conversation(path)
        if guide.kind in found:
            raise GuideFileError(
                path,
                _say(
                    f"samtaletypen »{guide.kind}« findes også i {files[guide.kind].name}; "
                    "hver type må kun have én fil (er det en kopi?)",
                    f"the kind '{guide.kind}' is also in {files[guide.kind].name}",
                ),
            )
        found[guide.kind] = guide
        files[guide.kind] = path
    missing = [kind for kind in CONVERSATION_KINDS if kind not in found]
    if missing:
        raise GuideFileError(
            folder / CONVERSATION_FILES,
            _say(
                f"der mangler en samtalefil med kind = {', '.join(missing)}",
                f"no conversation file has kind = {', '.join(missing)}",
            ),
        )
    return {kind: found[kind] for kind in CONVERSATION_KINDS}


_DOCUMENTATION_FIELDS = {
    "id", "title", "what_it_is", "when_to_use", "who_pays", "default_delivery_days",
    "request_text", "source",
}  # fmt: skip


def _documentation(path: Path) -> dict[str, DocumentationKind]:
    table = _read(path, {"documentation"})
    found: dict[str, DocumentationKind] = {}
    for item in table.tables("documentation", _DOCUMENTATION_FIELDS):
        kind = DocumentationKind(
            id=item.ident("id"),
            title=item.line("title"),
            what_it_is=item.text("what_it_is"),
            when_to_use=item.text("when_to_use"),
            who_pays=item.text("who_pays"),
            default_delivery_days=item.days("default_delivery_days"),
            request_text=item.text("request_text"),
            source=item.text("source"),
        )
        if kind.id not in DOCUMENTATION_KINDS or kind.id in found:
            item.fail(
                f"id »{kind.id}« er ukendt eller står to gange; hver af disse skal stå én gang: "
                f"{', '.join(DOCUMENTATION_KINDS)}",
                f"id '{kind.id}' is unknown or repeated; expected each of "
                f"{', '.join(DOCUMENTATION_KINDS)} once",
            )
        found[kind.id] = kind
    missing = [kind for kind in DOCUMENTATION_KINDS if kind not in found]
    if missing:
        table.fail(
            f"der mangler en [[documentation]]-blok med id = {', '.join(missing)}",
            f"no [[documentation]] block has id = {', '.join(missing)}",
        )
    return {kind: found[kind] for kind in DOCUMENTATION_KINDS}


def _leaflet(path: Path) -> Leaflet:
    table = _read(path, {"title", "intro", "sections", "sources"})
    return Leaflet(
        title=table.line("title"),
        intro=table.text("intro"),
        sections=tuple(
            (section.line("heading"), section.text("body"))
            for section in table.tables("sections", {"heading", "body"})
        ),
        sources=table.texts("sources"),
    )


def _sheet(path: Path) -> OpportunitySheet:
    table = _read(path, {"title", "intro", "questions", "source"})
    return OpportunitySheet(
        title=table.line("title"),
        intro=table.text("intro"),
        questions=tuple(
            (question.line("heading"), question.text("help"))
            for question in table.tables("questions", {"heading", "help"})
        ),
        source=table.text("source"),
    )


def _retention_plan(path: Path) -> RetentionPlanGuide:
    fields = {"title", "intro", "jobcenter_note", "refusal_letter", "rules", "sections",
              "adjustments"}  # fmt: skip
    table = _read(path, fields)
    sections = tuple(
        PlanSection(
            id=section.ident("id"),
            title=section.line("title"),
            help=section.text("help"),
            examples=section.texts("examples", required=False),
        )
        for section in table.tables("sections", {"id", "title", "help", "examples"})
    )
    adjustments = tuple(
        (item.ident("id"), item.line("title"))
        for item in table.tables("adjustments", {"id", "title"})
    )
    for kind, ids in (
        ("afsnit", [s.id for s in sections]),
        ("tilpasninger", [a for a, _ in adjustments]),
    ):
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            table.fail(
                f"to {kind} har samme id »{repeated[0]}«; hvert skal have sit eget id",
                f"two {kind} have the same id '{repeated[0]}'",
            )
    return RetentionPlanGuide(
        title=table.line("title"),
        intro=table.text("intro"),
        jobcenter_note=table.text("jobcenter_note"),
        refusal_letter=table.text("refusal_letter"),
        rules=tuple(
            (rule.text("claim"), rule.line("source"))
            for rule in table.tables("rules", {"claim", "source"})
        ),
        sections=sections,
        adjustments=adjustments,
    )


def parse_guides(folder: Path) -> Guides:
    """Read and check every guide file in `folder`.

    Raises:
        GuideFileError: a file is missing or broken; the message names the file and the field.
    """
    folder = Path(folder)
    may = _read(folder / MAY_FILE, {"source", "may_ask", "may_not_ask"})
    general_may_ask = may.texts("may_ask")
    _check_may_ask(may, general_may_ask, "may_ask")
    return Guides(
        conversations=MappingProxyType(_conversations(folder)),
        documentation=MappingProxyType(_documentation(folder / DOCUMENTATION_FILE)),
        leaflet=_leaflet(folder / LEAFLET_FILE),
        opportunity_sheet=_sheet(folder / SHEET_FILE),
        general_may_ask=general_may_ask,
        general_may_not_ask=may.texts("may_not_ask"),
        may_source=may.line("source"),
        retention_plan=_retention_plan(folder / PLAN_FILE),
    )


def parse_apv_checklist(path: Path) -> ApvChecklist:
    """Read and check the APV checklist; GuideFileError names the file and the field."""
    table = _read(Path(path), {"title", "intro", "source", "groups"})
    groups = []
    seen: set[str] = set()
    for group in table.tables("groups", {"id", "title", "items"}):
        items = []
        for item in group.tables("items", {"id", "title", "help"}):
            checked = ChecklistItem(item.ident("id"), item.line("title"), item.text("help"))
            if checked.id in seen:
                item.fail(
                    f"to forhold har samme id »{checked.id}«; hvert skal have sit eget id",
                    f"two items have the same id '{checked.id}'",
                )
            seen.add(checked.id)
            items.append(checked)
        groups.append(ChecklistGroup(group.ident("id"), group.line("title"), tuple(items)))
    return ApvChecklist(
        table.line("title"), table.text("intro"), table.text("source"), tuple(groups)
    )


@lru_cache(maxsize=1)
def load_apv_checklist() -> ApvChecklist:
    """The APV checklist shipped in resources/apv, read once."""
    from fravaer_desktop.paths import resource

    return parse_apv_checklist(resource("apv") / "tjekliste.toml")


@lru_cache(maxsize=1)
def load_guides() -> Guides:
    """The guide texts shipped in resources/guides, read once."""
    from fravaer_desktop.paths import resource  # paths knows the bundle; core needs no more

    return parse_guides(resource("guides"))
