"""Privacy guard: flags free text that looks like health details (diagnoses, symptoms...)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property

HEALTH_NOTE_REMINDER = (
    "Skriv aldrig diagnose, symptomer eller behandling her. Noter kun praktiske aftaler, "
    "fx 'ringer mandag' eller 'arbejder hjemme om formiddagen'."
)


class HealthTextCheck:
    """Finds words from a list of health terms in a text (case-insensitive, word starts)."""

    def __init__(self, terms: Iterable[str]):
        self._terms = sorted({t.strip().lower() for t in terms if t.strip()}, key=len, reverse=True)

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        """Compiled on the first check, not at start-up (a few hundred terms)."""
        if not self._terms:
            return None
        words = "|".join(re.escape(t) for t in self._terms)
        return re.compile(r"\b(" + words + r")\w*", re.IGNORECASE)

    def flagged_words(self, text: str) -> list[str]:
        """The words in `text` that look like health details, in order of appearance."""
        if self._pattern is None:
            return []
        return [m.group(0) for m in self._pattern.finditer(text)]

    def warning_for(self, text: str) -> str | None:
        """A Danish warning naming the flagged words, or None when the text looks fine."""
        words = self.flagged_words(text)
        if not words:
            return None
        shown = ", ".join(f"'{w}'" for w in dict.fromkeys(words))
        return (
            f"Noten ser ud til at indeholde helbredsoplysninger ({shown}). "
            "Fjern dem: skriv kun praktiske aftaler, ikke hvad medarbejderen fejler."
        )
