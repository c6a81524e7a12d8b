"""Privacy lint: finds health details (diagnoses, symptoms, treatment, medicine) in free text.

The words live in `resources/privacy/` (see `LAES_MIG.txt` there) so that a domain expert can
edit them. This module turns their lines into a few compiled regular expressions and reports
each health detail it finds with its offsets and a Danish piece of advice: how to write the
same thing as a function ("kan ikke løfte over 10 kg") or an arrangement instead. It warns; it
never blocks saving. Decision 0013 explains the choices.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

HEALTH_NOTE_REMINDER = (
    "Skriv aldrig diagnose, symptomer eller behandling her. Noter kun praktiske aftaler, "
    "fx 'ringer mandag' eller 'arbejder hjemme om formiddagen'."
)

#: The advice of words that come without a group (an old-style list of word starts).
DEFAULT_ADVICE = (
    "Skriv hvad medarbejderen kan og ikke kan, fx 'kan ikke løfte over 10 kg', "
    "ikke hvad der fejler."
)

BODY_PART = "<kropsdel>"
BODY_SECTION, ENDINGS_SECTION, ALLOWED_SECTION = "kropsdele", "endelser", "tilladt"
DEFAULT_GROUP = "helbred"
#: Words that may stand between a preposition and a body part, at most two of them: "ondt i
#: venstre knæ", "en knude i det ene bryst", "revet et ledbånd", "fjernet hele galdeblæren".
BODY_PART_DETERMINERS = (
    "venstre", "højre", "begge", "sin", "sit", "sine", "hans", "hendes", "en", "et", "den", "det",
    "de", "ene", "anden", "andet", "hele", "nederste", "øverste",
)  # fmt: skip
#: Letters that join a body part to the rest of a compound: "lårben-s-brud", "nakke-skade".
LINKING_LETTERS = ("s", "e")

_NEVER = "(?!)"
_INLINE_COMMENT = re.compile(r"\s+#.*$")


@dataclass(frozen=True)
class HealthFinding:
    """One health detail in a text: the words found, their offsets and what to write instead."""

    words: str
    start: int
    end: int
    advice: str


@dataclass
class WordGroup:
    """The words of one group in helbredsord.txt (diagnoser, medicin, ...) and its advice."""

    name: str
    advice: str = DEFAULT_ADVICE
    starts: set[str] = field(default_factory=set)  # kemo*: a word that begins so
    ends: set[str] = field(default_factory=set)  # *gigt: a word that ends so (+ an ending)
    exact: set[str] = field(default_factory=set)  # =ondt
    capitals: set[str] = field(default_factory=set)  # KOL: the whole word in capitals
    body_endings: set[str] = field(default_factory=set)  # <kropsdel>skade
    phrases: list[str] = field(default_factory=list)  # ondt i <kropsdel>


@dataclass
class WordData:
    """Everything read from the lines of the word files, before it is compiled."""

    groups: list[WordGroup] = field(default_factory=list)
    body_parts: set[str] = field(default_factory=set)
    endings: set[str] = field(default_factory=set)
    allowed_exact: set[str] = field(default_factory=set)
    allowed_starts: set[str] = field(default_factory=set)
    allowed_ends: set[str] = field(default_factory=set)
    allowed_phrases: list[str] = field(default_factory=list)


def parse_word_lines(lines: Iterable[str]) -> WordData:
    """Read the lines of the word files (see resources/privacy/LAES_MIG.txt for the format).

    Lines before any `[section]` belong to a default group, so an old-style list of word
    starts ("influenza", "brud på") still works.
    """
    data = WordData()
    section, group = DEFAULT_GROUP, None
    for raw in lines:
        line = _INLINE_COMMENT.sub("", raw).strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section, group = line[1:-1].strip().lower(), None
        elif section == BODY_SECTION:
            data.body_parts.update(_forms(line))
        elif section == ENDINGS_SECTION:
            data.endings.update(_forms(line))
        elif section == ALLOWED_SECTION:
            _add_allowed(data, line.lower())
        else:
            if group is None:
                group = WordGroup(section)
                data.groups.append(group)
            _add_health_entry(group, line)
    return data


def _forms(line: str) -> list[str]:
    return [form.strip().lower() for form in line.split(",") if form.strip()]


def _add_allowed(data: WordData, line: str) -> None:
    if " " in line:
        data.allowed_phrases.append(line)
    elif line.startswith("*"):  # *kræfter: hjælpekræfter, arbejdskræfterne
        data.allowed_ends.add(line.lstrip("*"))
    elif line.endswith("*"):
        data.allowed_starts.add(line.rstrip("*"))
    else:
        data.allowed_exact.add(line.lstrip("="))


def _add_health_entry(group: WordGroup, line: str) -> None:
    if line.lower().startswith("råd:"):
        group.advice = line[4:].strip()
    elif " " in line:
        group.phrases.append(line.lower())
    elif line.lower().startswith(BODY_PART):
        group.body_endings.add(line[len(BODY_PART) :].lower())
    elif line.startswith("="):
        group.exact.add(line[1:].lower())
    elif line.isupper() and line.isalpha() and len(line) > 1:
        group.capitals.add(line)
    else:
        word = line.lower()
        stem = word.strip("*")
        if not word.startswith("*"):
            group.starts.add(stem)
        if not word.endswith("*") or word.startswith("*"):
            group.ends.add(stem)


def trie_pattern(words: Iterable[str]) -> str:
    """One regular expression that matches any of `words`, as a trie (fast to try).

    The longest word wins where one word begins another ("smerte", "smertestillende").
    """
    trie: dict = {}
    for word in words:
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(trie) or _NEVER


def _trie_node(node: dict) -> str:
    branches = [re.escape(char) + _trie_node(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body


class HealthLint:
    """The compiled word data: `find(text)` returns the health details in a text."""

    def __init__(self, data: WordData):
        self._data = data
        self._owner: dict[tuple[str, str], WordGroup] = {}
        for group in data.groups:  # a later group wins where two list the same word
            for kind, words in (("s", group.starts), ("e", group.ends), ("x", group.exact),
                                ("b", group.body_endings), ("c", group.capitals)):  # fmt: skip
                for word in words:
                    self._owner[kind, word] = group
        self._words = self._word_pattern()
        self._phrases = self._phrase_pattern([g.phrases for g in data.groups])
        capitals = trie_pattern({w for g in data.groups for w in g.capitals})
        self._capitals = re.compile(r"(?<!\w)(" + capitals + r")(?!\w)")
        allowed_phrases = "|".join(self._phrase_regex(p) for p in data.allowed_phrases)
        self._allowed_phrases = re.compile(
            rf"\b(?:{allowed_phrases})" if allowed_phrases else _NEVER
        )
        self._allowed_starts = re.compile(trie_pattern(data.allowed_starts))
        self._allowed_ends = re.compile("(?:" + trie_pattern(data.allowed_ends) + r")\Z")

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> HealthLint:
        return cls(parse_word_lines(lines))

    def _word_pattern(self) -> re.Pattern[str]:
        groups = self._data.groups
        endings = "(?:" + trie_pattern(self._data.endings) + ")?"
        body = trie_pattern(self._data.body_parts)
        linking = "(?:" + "|".join(LINKING_LETTERS) + ")?"
        starts = trie_pattern({w for g in groups for w in g.starts})
        ends = trie_pattern({w for g in groups for w in g.ends})
        exact = trie_pattern({w for g in groups for w in g.exact})
        injuries = trie_pattern({w for g in groups for w in g.body_endings})
        return re.compile(
            rf"\b(?P<s>{starts})"
            rf"|(?P<e>{ends}){endings}\b"
            rf"|\b(?P<x>{exact})\b"
            rf"|\b{body}{linking}(?P<b>{injuries}){endings}\b"
        )

    def _phrase_regex(self, phrase: str) -> str:
        parts = []
        for word in phrase.split():
            if word == BODY_PART:
                determiner = "(?:(?:" + "|".join(BODY_PART_DETERMINERS) + r")\s+){0,2}"
                parts.append(determiner + "(?:" + trie_pattern(self._data.body_parts) + ")")
            else:
                any_start = r"\w*" if word.startswith("*") else ""
                any_end = r"\w*" if word.endswith("*") else ""
                parts.append(any_start + re.escape(word.strip("*")) + any_end)
        return r"\s+".join(parts) + r"\b"

    def _phrase_pattern(self, phrases_by_group: list[list[str]]) -> re.Pattern[str]:
        alternatives = [
            f"(?P<g{index}>" + "|".join(self._phrase_regex(p) for p in phrases) + ")"
            for index, phrases in enumerate(phrases_by_group)
            if phrases
        ]
        if not alternatives:
            return re.compile(_NEVER)
        # A word boundary and a look at the first word in front of all of them: at most places
        # the search fails at once instead of trying every phrase.
        return re.compile(rf"\b{self._first_words([p for ps in phrases_by_group for p in ps])}"
                          "(?:" + "|".join(alternatives) + ")")  # fmt: skip

    def _first_words(self, phrases: list[str]) -> str:
        literal = {p.split()[0] for p in phrases if not re.search(r"[*<]", p.split()[0])}
        others = {self._phrase_regex(p.split()[0]) for p in phrases} - {
            self._phrase_regex(w) for w in literal
        }
        return "(?=" + "|".join([trie_pattern(literal) + r"\b", *sorted(others)]) + ")"

    def find(self, text: str) -> list[HealthFinding]:
        """The health details in `text`, in order; an empty list when the text looks fine."""
        if not text:
            return []
        low = _lower_same_length(text)
        spans: list[tuple[int, int, str]] = []
        for match in self._phrases.finditer(low):
            group = self._data.groups[int(match.lastgroup[1:])]  # type: ignore[index]
            spans.append((match.start(), match.end(), group.advice))
        for match in self._words.finditer(low):
            kind = match.lastgroup or ""
            start, end = _whole_word(low, match.start(), match.end())
            if self._is_allowed(low[start:end]):
                continue
            spans.append((start, end, self._owner[kind, match.group(kind)].advice))
        for match in self._capitals.finditer(text):
            spans.append((match.start(), match.end(), self._owner["c", match.group(1)].advice))
        if not spans:
            return []
        return self._merged(text, low, spans)

    def _is_allowed(self, word: str) -> bool:
        if word in self._data.allowed_exact:
            return True
        allowed = self._allowed_starts.match(word)
        if allowed is not None and allowed.end() > 0:
            return True
        return bool(self._data.allowed_ends) and self._allowed_ends.search(word) is not None

    def _merged(
        self, text: str, low: str, spans: list[tuple[int, int, str]]
    ) -> list[HealthFinding]:
        allowed = [m.span() for m in self._allowed_phrases.finditer(low)]
        findings: list[HealthFinding] = []
        for start, end, advice in sorted(spans, key=lambda s: (s[0], -s[1])):
            if any(a <= start and end <= b for a, b in allowed):
                continue
            # Overlapping, or one compound written with a hyphen ("PTSD-diagnosen"): one finding.
            if findings and (start < findings[-1].end or text[findings[-1].end : start] == "-"):
                last = findings[-1]
                if end > last.end:
                    findings[-1] = HealthFinding(
                        text[last.start : end], last.start, end, last.advice
                    )
                continue
            findings.append(HealthFinding(text[start:end], start, end, advice))
        return findings


def _lower_same_length(text: str) -> str:
    """`text` in lower case with every offset kept ('İ'.lower() has two characters)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _whole_word(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to the whole word it lies in (letters and digits)."""
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


@lru_cache(maxsize=1)
def default_lint() -> HealthLint:
    """The lint built from the word files in resources/privacy, read once."""
    from fravaer_desktop.paths import load_health_terms  # paths knows the bundle

    return HealthLint.from_lines(load_health_terms())


def find_health_details(text: str) -> list[HealthFinding]:
    """The health details in `text` (words from resources/privacy); [] when it looks fine."""
    return default_lint().find(text)


class HealthTextCheck:
    """The check the screens use beside a free-text field: the words found and a warning.

    Built from the lines of the word files (`paths.load_health_terms()`) or from a plain list
    of word starts; the lint is compiled on the first check, not at start-up.
    """

    def __init__(self, terms: Iterable[str]):
        self._lines = [t for t in (str(t).strip() for t in terms) if t]

    @cached_property
    def _lint(self) -> HealthLint:
        return HealthLint.from_lines(self._lines)

    def findings(self, text: str) -> list[HealthFinding]:
        """The health details in `text`, with offsets and advice."""
        if not self._lines:
            return []
        return self._lint.find(text)

    def flagged_words(self, text: str) -> list[str]:
        """The words in `text` that look like health details, in order of appearance."""
        return [finding.words for finding in self.findings(text)]

    def warning_for(self, text: str) -> str | None:
        """A Danish warning naming the flagged words and what to write instead, or None."""
        findings = self.findings(text)
        if not findings:
            return None
        shown = ", ".join(f"'{w}'" for w in dict.fromkeys(f.words for f in findings))
        advice = " ".join(dict.fromkeys(f.advice for f in findings))
        return (
            f"Noten ser ud til at indeholde helbredsoplysninger ({shown}). "
            f"Fjern dem: skriv kun praktiske aftaler, ikke hvad medarbejderen fejler. {advice}"
        )
