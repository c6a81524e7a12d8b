"""Rendering the guided conversation's printed documents (target ≤ 150 ms each).

In one process, with realistic data and the shipped guide texts (resources/guides), time N
renders of each document to PDF bytes:

    baseline: absence status     the 'Status på sygefravær' of one spell (reports/absence_status)
    invitation                   the letter inviting to the § 7a conversation, with receipt
    guide <kind>                 the manager's blank guide of each of the five kinds
    minutes                      the minutes of a held § 7a conversation, version 2
    opportunity sheet            the mulighedserklæring preparation sheet with the notes
    document request             the letter asking for a friattest
    leaflet                      'Når du er syg'

and print median, min and max in milliseconds, the ratio to the baseline, the page count, and
whether each document meets the target.

Run: python benchmarks/conversation_documents.py [--repeat 20] [--json OUT]
"""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from _common import machine_summary, timed

from fravaer_desktop.core.conversation import (
    AgreedStep,
    Conversation,
    ConversationKind,
    ConversationStatus,
    DocumentRequest,
    Invitation,
    MeetingForm,
    NextStepKind,
    Over8Weeks,
)
from fravaer_desktop.core.guides import CONVERSATION_KINDS, load_guides
from fravaer_desktop.core.models import AbsencePolicy, AbsenceSpell, Company, Employee
from fravaer_desktop.core.overview import build_overview
from fravaer_desktop.reports import conversation_documents as docs
from fravaer_desktop.reports.absence_status import (
    build_absence_status_data,
    render_absence_status,
)

TARGET_MS = 150.0
TODAY = date(2026, 12, 7)
COMPANY = Company(name="Bageriet Solsikken ApS", cvr="10150817", address="Torvet 3\n4000 Roskilde")
ANNA = Employee(
    id=1, name="Anna Jensen", employed_from=date(2019, 3, 1), department="Butik",
    job_title="Ekspedient",
)  # fmt: skip
SPELL = AbsenceSpell(employee_id=1, first_day=date(2026, 11, 2), id=10)
INVITATION = Invitation(
    ConversationKind.ABSENCE, 1, date(2026, 11, 26), "10:00", MeetingForm.IN_PERSON,
    "Kontoret bag butikken", ("Mette Hansen", "Kim Larsen"), date(2026, 11, 19), spell_id=10,
)  # fmt: skip
CONVERSATION = Conversation(
    invitation=INVITATION,
    status=ConversationStatus.HELD,
    notes={
        "ramme": "Anna og Mette. Kim var med som bisidder.",
        "funktion": "Kan stå ved disken højst 2 timer ad gangen.\nKan ikke løfte dejbaljer.",
        "tilbagevenden": "Regner med at starte på nedsat tid om ca. 2 uger.",
        "hjaelp": "Høj stol ved kassen. Kolleger tager de tunge løft.",
        "kontakt": "Mette ringer hver fredag formiddag. Kollegerne får at vide, at Anna er syg.",
    },
    agreements="Anna starter på 20 timer om ugen fra 14. december, kun i butikken.",
    expected_return=date(2026, 12, 14),
    over_8_weeks=Over8Weeks.NO,
    next_contact_on=date(2026, 12, 11),
    steps=(
        AgreedStep(NextStepKind.PARTIAL_RETURN, "20 timer om ugen", date(2026, 12, 14), "Mette"),
        AgreedStep(NextStepKind.OPPORTUNITY, "Anna bestiller tid hos lægen", None, "Anna"),
    ),
    held_on=date(2026, 11, 26),
    id=5,
)
REQUEST = DocumentRequest(1, "friattest", date(2026, 11, 23), date(2026, 11, 30), spell_id=10)


def documents() -> dict[str, Callable[[], bytes]]:
    """Each document's render, by name; the baseline first."""
    guides = load_guides()
    overview = build_overview(COMPANY, [ANNA], [SPELL], [], AbsencePolicy(), TODAY)
    status = build_absence_status_data(COMPANY, ANNA, SPELL, overview.items, TODAY)
    absence_guide = guides.conversations[ConversationKind.ABSENCE.value]
    renders: dict[str, Callable[[], bytes]] = {
        "baseline: absence status": lambda: render_absence_status(status),
        "invitation": lambda: docs.invitation_pdf(COMPANY, ANNA, INVITATION, absence_guide, TODAY),
    }
    for kind in CONVERSATION_KINDS:
        renders[f"guide {kind}"] = lambda kind=kind: docs.conversation_guide_pdf(
            COMPANY, guides.conversations[kind], guides.general_may_ask,
            guides.general_may_not_ask, guides.may_source, TODAY,
        )  # fmt: skip
    renders["minutes"] = lambda: docs.minutes_pdf(
        COMPANY, ANNA, CONVERSATION, absence_guide, SPELL, 2, TODAY
    )
    renders["opportunity sheet"] = lambda: docs.opportunity_sheet_pdf(
        COMPANY, ANNA, guides.opportunity_sheet, CONVERSATION, TODAY
    )
    renders["document request"] = lambda: docs.document_request_pdf(
        COMPANY, ANNA, REQUEST, guides.documentation["friattest"], TODAY
    )
    renders["leaflet"] = lambda: docs.leaflet_pdf(COMPANY, guides.leaflet, TODAY)
    return renders


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def measure(repeat: int) -> dict[str, dict[str, float]]:
    results = {}
    for name, render in documents().items():
        results[name] = {**timed(render, repeat), "pages": page_count(render())}
    return results


def print_report(results: dict[str, dict[str, float]]) -> None:
    print("Conversation documents, PDF rendering")
    for key, value in machine_summary().items():
        print(f"  {key}: {value}")
    base = results["baseline: absence status"]["median_ms"]
    print(f"  {'document':<34} {'median':>8} {'min':>8} {'max':>8} {'x base':>7} {'pages':>6}")
    for name, value in results.items():
        verdict = "" if name.startswith("baseline") else (
            "meets" if value["median_ms"] <= TARGET_MS else "MISSES"
        )  # fmt: skip
        print(
            f"  {name:<34} {value['median_ms']:8.1f} {value['min_ms']:8.1f} "
            f"{value['max_ms']:8.1f} {value['median_ms'] / base:7.1f} {value['pages']:6d}  "
            f"{verdict}"
        )
    print(f"  (ms, {next(iter(results.values()))['n']} renders each; target {TARGET_MS:.0f} ms)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    results = measure(args.repeat)
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
