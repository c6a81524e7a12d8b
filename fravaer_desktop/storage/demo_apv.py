"""The demo company's APV: the sickness part completed two months ago with the staff, an
action plan with one measure done, one under way and one to come (its deadline on the
Overblik).

No name of any employee appears in it: responsibilities are roles, notes are about conditions
(a test searches the stored rows for every employee's name).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from fravaer_desktop.core.apv import (
    ActionStatus,
    Answer,
    ApvAction,
    ChecklistAnswer,
    apv_figures,
    default_period,
)
from fravaer_desktop.storage.apv_repository import ApvRepository
from fravaer_desktop.storage.repositories import Store

TEXTS = {
    "kortlaegning": (
        "Rundgang i bageri, butik og café med en medarbejder fra hvert sted, og en snak på "
        "personalemødet. Vi så på løft, vagter, indeklima og travlhed."
    ),
    "sygefravaer": (
        "Fraværet er højest i januar og februar og i bageriet. Mange korte fravær begynder om "
        "mandagen efter weekendvagter. Medarbejderne peger på de tunge sække og travle lørdage."
    ),
    "aendringer": "Ny ovn i bageriet i foråret; caféen har fået længere åbningstid om lørdagen.",
    "retningslinjer": (
        "Produktionslederen og den daglige leder gennemgår handlingsplanen på personalemødet "
        "hver tredje måned. Vi ser på fraværstallene igen om et år."
    ),
}
ANSWERS = {
    "loeft": ChecklistAnswer(Answer.YES, Answer.YES, "Melsække på 25 kg fra en lav palle."),
    "arbejdsmaengde": ChecklistAnswer(
        Answer.YES, Answer.YES, "Travlt i caféen lørdag formiddag, især når en vagt mangler."
    ),
    "natarbejde": ChecklistAnswer(Answer.YES, Answer.UNKNOWN, "Bageriet begynder kl. 3."),
    "indeklima": ChecklistAnswer(Answer.YES, Answer.NO, "Træk ved bagdøren i butikken."),
    "stoette": ChecklistAnswer(Answer.YES, Answer.NO, "God hjælp fra kollegerne."),
    "vold": ChecklistAnswer(Answer.NO, Answer.NO, ""),
}


def add_demo_apv(store: Store, today: date) -> None:
    """Add the completed APV (inside the demo's transaction), judged on its own day."""
    done_on = today - timedelta(days=60)
    first, last = default_period(done_on)
    apvs = ApvRepository(store.db, lambda: done_on)
    draft = apvs.start(done_on, first, last)
    actions = (
        ApvAction(
            "Tunge løft af melsække i bageriet", "Sækkevogn og sække på 15 kg",
            cause="Sække på 25 kg fra en lav palle", responsible="Produktionslederen",
            deadline=done_on + timedelta(days=40), status=ActionStatus.DONE,
            follow_up="Spørg på personalemødet, om løftene er blevet lettere",
        ),
        ApvAction(
            "Travlt i caféen lørdag formiddag", "En ekstra vagt lørdag kl. 10–14",
            cause="To på vagt, når caféen er fuld", responsible="Den daglige leder",
            deadline=today + timedelta(days=25), status=ActionStatus.ACTIVE,
            follow_up="Se på fraværet om mandagen igen til sommer",
        ),
        ApvAction(
            "Træk ved bagdøren i butikken", "Luftgardin ved bagdøren",
            cause="Døren står åben ved varemodtagelse", responsible="Butikslederen",
            deadline=today + timedelta(days=75),
            follow_up="Spørg medarbejderne i butikken efter første vinter",
        ),
    )  # fmt: skip
    filled = replace(
        draft,
        participants="Indehaveren, produktionslederen, butikslederen og en medarbejder fra "
        "hvert sted",
        amo_took_part=True,
        texts=TEXTS,
        answers=ANSWERS,
        actions=actions,
    )
    figures = apv_figures(store.employees.list_all(), store.absences.all(), first, last, done_on)
    apvs.complete(apvs.save(filled), done_on, figures)
