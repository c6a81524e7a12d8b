"""The change log's lines as shown to a user: when, who (the local user name) and what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fravaer_desktop.core.danish import long_date

CREATED, CHANGED, DELETED = "created", "changed", "deleted"
#: The action as the user reads it after the kind of record ("Fraværsperiode ændret").
ACTION_TEXT = {CREATED: "oprettet", CHANGED: "ændret", DELETED: "slettet"}


@dataclass(frozen=True)
class ChangeLogLine:
    """One entry of the change log (issue 18, item 7): when, who (the local user) and what."""

    when: datetime
    who: str
    what: str

    def when_text(self) -> str:
        """'7. december 2026 kl. 14.05'."""
        return f"{long_date(self.when.date())} kl. {self.when:%H.%M}"


def change_text(description: str, action: str) -> str:
    """'Fraværsperiode' + 'changed' -> 'Fraværsperiode ændret'."""
    return f"{description} {ACTION_TEXT[action]}"
