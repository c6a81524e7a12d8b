"""Calendar export (.ics) of the open deadlines, saying what to do and never why someone is away."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.overview import Horizon, OverviewItem

#: What the save dialog should suggest.
SUGGESTED_FILE_NAME = "Fravær-frister.ics"
#: Fixed right-hand side of every UID, so that importing a newer export updates the same events.
UID_DOMAIN = "fravaer.local"
PRODID = "-//Fravær//Frister//DA"
#: The reminder fires at 09:00 the day before: an all-day event starts at 00:00 on its day.
REMINDER_BEFORE = timedelta(hours=15)
MORE_IN_APP = "Åbn Fravær for at se detaljer og markere opgaven som klaret."


@dataclass(frozen=True)
class CalendarText:
    """How one rule reads in a calendar that others may see.

    `title` takes {name} and {date}. `why` is written for the calendar: it must hold true for
    every kind of absence the rule applies to, so it never tells why the person is away.
    `show_source` is False where the law itself would reveal the kind of absence.
    """

    title: str
    why: str
    show_source: bool = True


#: One neutral wording for every report to the authorities: the rules-table titles ("Anmeld
#: graviditetsrelateret fravær ...", "Anmeld arbejdsskaden i EASY") and sources name the kind.
_REPORT = CalendarText(
    title="Anmeld fravær for {name} – senest {date}",
    why=(
        "Fraværet skal anmeldes til det offentlige senest denne dag. Hvor det skal anmeldes, "
        "og hvilken regel fristen følger af, står i Fravær."
    ),
    show_source=False,
)

CALENDAR_TEXTS: dict[str, CalendarText] = {
    "samtale": CalendarText(
        title="Samtale med {name} om fraværet – senest {date}",
        why=(
            "Indkald {name} til en personlig samtale om, hvordan og hvornår vedkommende kan "
            "vende tilbage til arbejdet. Kan {name} ikke møde op, kan samtalen holdes over "
            "telefonen."
        ),
    ),
    "arbejdsgiverperiode": CalendarText(
        title="Til orientering: arbejdsgiverperioden for {name} slutter {date}",
        why=(
            "Til og med denne dag betaler I selv. Derefter kan I få refusion fra kommunen, "
            "hvis fraværet er anmeldt til tiden."
        ),
    ),
    "anmeldelse": _REPORT,
    "graviditet_anmeldelse": _REPORT,
    "arbejdsskade": _REPORT,
    "fast_track": CalendarText(
        title="Mulighed: bed kommunen om tidlig opfølgning for {name} – senest {date}",
        why=(
            "Forventer I et længere fravær, kan I bede kommunen om tidlig opfølgning (fast "
            "track) via NemRefusion. Det er en mulighed, ikke et krav."
        ),
    ),
    "fastholdelsesplan": CalendarText(
        title="Mulighed: fastholdelsesplan for {name} – senest {date}",
        why=(
            "Medarbejderen kan bede om en fastholdelsesplan, som I laver sammen. "
            "Det er en mulighed, ikke et krav."
        ),
    ),
    "jobcenter": CalendarText(
        title="Til orientering: jobcentrets første samtale med {name} – senest {date}",
        why=(
            "Jobcentret i kommunen holder sin første opfølgningssamtale med medarbejderen "
            "senest denne dag. "
            "Det er kommunens opgave; du skal blot vide, at den kommer."
        ),
    ),
    "revurdering": CalendarText(
        title="Revurdering af refusion for {name} – senest {date}",
        why=(
            "Efter langt fravær stopper refusionen, medmindre kommunen forlænger. "
            "Tal med kommunen om, hvad der skal ske."
        ),
    ),
    "kontakt": CalendarText(
        title="Kontakt {name} – hør, hvordan det går",
        why=(
            "Jeres kontaktrutine: hør, hvordan det går, og om der er noget, I kan gøre. "
            "Spørg aldrig, hvad medarbejderen fejler."
        ),
    ),
    "fravaerssamtale": CalendarText(
        title="Samtale om trivsel og fravær med {name} – senest {date}",
        why=(
            "En støttende samtale om trivsel og arbejde kan hjælpe. Den handler om, hvad I kan "
            "gøre sammen, ikke om hvad medarbejderen fejler."
        ),
    ),
    "naeste_kontakt": CalendarText(
        title="Aftalt kontakt med {name} – {date}",
        why="I aftalte at tale sammen igen denne dag. Hør, hvordan det går.",
        show_source=False,
    ),
    "aftalt_skridt": CalendarText(
        title="Aftale med {name} – senest {date}",
        why="Noget, I har aftalt, skal være gjort senest denne dag. Hvad, står i Fravær.",
        show_source=False,
    ),
    "dokumentation": CalendarText(
        title="Frist for dokumentation fra {name} – {date}",
        why="Fristen for den dokumentation, du har bedt om, er denne dag.",
        show_source=False,
    ),
    "apv_revision": CalendarText(
        title="APV: revidér arbejdspladsvurderingen – senest {date}",
        why="Virksomhedens APV skal revideres mindst hvert 3. år.",
    ),
    "apv_handling": CalendarText(
        title="APV: frist i handlingsplanen – {date}",
        why="En indsats i jeres APV-handlingsplan skal være gjort denne dag. Hvad, står i Fravær.",
        show_source=False,
    ),
    "plan_opfoelgning": CalendarText(
        title="Opfølgning med {name} – {date}",
        why="I aftalte at følge op på jeres plan denne dag. Hvad I aftalte, står i Fravær.",
        show_source=False,
    ),
}

#: For a rule this module does not know yet: says nothing but who and when.
FALLBACK_TEXT = CalendarText(
    title="Frist for {name} – senest {date}",
    why="Der er en frist i Fravær for denne medarbejder.",
    show_source=False,
)


#: Rules that never go into a calendar, which others may see: the 120-day window would announce
#: that a sick employee may be dismissed. The Overblik shows it; the calendar does not.
#: "delvis_fravaer" is a condition on the other rules (under 4 hours a week), and "indkaldelse"
#: the notice for inviting to a conversation: neither is ever a task of its own.
NOT_IN_CALENDAR = frozenset(
    {"regel_120", "regel_120_fridage", "regel_120_delvis", "regel_120_vindue", "delvis_fravaer",
     "indkaldelse"}
)  # fmt: skip


def calendar_items(items: Iterable[OverviewItem], today: date) -> list[OverviewItem]:
    """The items that become events: open, with a due date; earliest first."""
    skipped = (Horizon.DECIDED, Horizon.PASSED, Horizon.NO_DEADLINE)
    chosen = [
        i
        for i in items
        if i.due is not None and i.horizon(today) not in skipped and i.rule not in NOT_IN_CALENDAR
    ]
    return sorted(chosen, key=lambda i: (i.due, i.employee_name, i.rule))


def deadlines_calendar(
    items: Iterable[OverviewItem],
    *,
    company_name: str,
    today: date,
    stamp: datetime | None = None,
) -> bytes:
    """An iCalendar file (RFC 5545) with one all-day event per open item that has a due date.

    Items that are decided, options whose day has passed and items without a due date are left
    out. Only the employee's name, the due date and a neutral text per rule are written: never the
    kind of absence, a note or an item's detail. `stamp` is the DTSTAMP (now by default).
    """
    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    name = f"Fravær – frister for {company_name.strip()}"
    calendar.add("x-wr-calname", name)
    calendar.add("name", name)
    calendar.add(
        "x-wr-caldesc",
        f"Åbne frister fra Fravær pr. {long_date(today)}. Kalenderen siger, hvad der skal gøres, "
        "ikke hvorfor nogen er fraværende.",
    )
    seen: set[str] = set()
    for item in calendar_items(items, today):
        uid = event_uid(item, company_name)
        if uid not in seen:
            seen.add(uid)
            calendar.add_component(_event(item, uid, today, stamp))
    return calendar.to_ical()


def event_uid(item: OverviewItem, company_name: str) -> str:
    """Stable UID from the item's key and the company, so a new export updates the old events.

    Hashed, so the UID does not spell out the rule (which could reveal the kind of absence).
    """
    rule, employee_id, spell_id, due = item.key
    parts = (company_name.strip().casefold(), rule, employee_id, spell_id, due)
    text = "|".join("" if part is None else str(part) for part in parts)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def event_texts(item: OverviewItem, today: date) -> tuple[str, str]:
    """The event's summary and description (Danish); nothing about the kind of absence."""
    wording = CALENDAR_TEXTS.get(item.rule, FALLBACK_TEXT)
    name = item.employee_name.strip()
    summary = wording.title.format(name=name, date=long_date(item.due))
    lines = [wording.why.format(name=name)]
    if wording.show_source and item.source:
        lines.append(f"Kilde: {item.source}.")
    if item.due is not None and item.due < today:
        lines.append(f"Fristen var overskredet, da kalenderen blev lavet {long_date(today)}.")
    lines.append(MORE_IN_APP)
    return summary, "\n\n".join(lines)


def _event(item: OverviewItem, uid: str, today: date, stamp: datetime) -> Event:
    summary, description = event_texts(item, today)
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", item.due)
    event.add("dtend", item.due + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("class", "PRIVATE")
    event.add("transp", "TRANSPARENT")
    if item.due > today:
        # A reminder for a day already gone would pop up as "missed" on import.
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", -REMINDER_BEFORE)
        alarm.add("description", f"I morgen: {summary}")
        event.add_component(alarm)
    return event


#: How long a conversation is booked in the calendar (the guides plan 45–60 minutes).
MEETING_LENGTH = timedelta(hours=1)


def meeting_calendar(
    invitation, employee_name: str, company_name: str, stamp: datetime | None = None
) -> bytes:
    """The invited meeting as one calendar event, neutral like every calendar text here: who,
    when and where, never what kind of conversation it is or why the person is away.

    `invitation` is a core.conversation.Invitation (its time is "HH:MM", local time).
    """
    from fravaer_desktop.core.conversation import MeetingForm

    stamp = (stamp or datetime.now(UTC)).astimezone(UTC)
    hours, minutes = (int(part) for part in invitation.meeting_time.replace(".", ":").split(":"))
    start = datetime.combine(invitation.meeting_on, datetime.min.time()).replace(
        hour=hours, minute=minutes
    )
    where = {
        MeetingForm.IN_PERSON: invitation.place.strip(),
        MeetingForm.PHONE: "Telefon",
        MeetingForm.VIDEO: "Video",
    }[invitation.form]
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    event = Event()
    key = f"{company_name.strip().casefold()}|møde|{invitation.employee_id}|{start.isoformat()}"
    event.add("uid", hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + f"@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", start)  # floating local time: the meeting is at 10:00 wherever it is
    event.add("dtend", start + MEETING_LENGTH)
    event.add("summary", f"Møde med {employee_name.strip()}")
    if where:
        event.add("location", where)
    event.add("description", f"Møde med {employee_name.strip()}. {MORE_IN_APP}")
    event.add("class", "PRIVATE")
    calendar.add_component(event)
    return calendar.to_ical()
