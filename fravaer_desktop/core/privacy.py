"""Privacy guard: flags free text that looks like health details (diagnoses, symptoms...)."""

from __future__ import annotations

import re
from collections.abc import Iterable

HEALTH_NOTE_REMINDER = (
    "Skriv aldrig diagnose, symptomer eller behandling her. Noter kun praktiske aftaler, "
    "fx 'ringer mandag' eller 'arbejder hjemme om formiddagen'."
)


class HealthTextCheck:
    """Finds words from a list of health terms in a text (case-insensitive, word starts)."""

    def __init__(self, terms: Iterable[str]):
        cleaned = sorted({t.strip().lower() for t in terms if t.strip()}, key=len, reverse=True)
        self._pattern = (
            re.compile(r"\b(" + "|".join(re.escape(t) for t in cleaned) + r")\w*", re.IGNORECASE)
            if cleaned
            else None
        )

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
