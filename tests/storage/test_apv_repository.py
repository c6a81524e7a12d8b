"""APVs are stored as a draft while the staff meeting goes on, completed with the figures as
they were shown, and their action plan followed up afterwards. Nothing wrong is stored."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from fravaer_desktop.core.apv import (
    ActionStatus,
    Answer,
    ApvAction,
    ApvStatus,
    ChecklistAnswer,
    apv_figures,
)
from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.core.validation import ValidationError
from fravaer_desktop.storage.apv_repository import figures_from_json, figures_to_json

# conftest: today is Monday 23 November 2026.
FIRST, LAST = date(2025, 11, 24), date(2026, 11, 23)


@pytest.fixture
def apvs(company_store):
    return company_store.apvs


def test_a_draft_is_saved_whole_and_only_one_draft_at_a_time(apvs, today) -> None:
    draft = apvs.start(today, FIRST, LAST)
    assert draft.status is ApvStatus.DRAFT
    with pytest.raises(ValidationError, match="allerede en APV under arbejde"):
        apvs.start(today, FIRST, LAST)
    saved = apvs.save(
        replace(
            draft,
            participants="Mette (indehaver), to fra bageriet",
            texts={"sygefravaer": "Mest fravær i januar og februar."},
            answers={"loeft": ChecklistAnswer(Answer.YES, Answer.YES, "Melsække på 25 kg")},
            actions=(
                ApvAction("Tunge løft", "Sækkevogn", responsible="Lars", deadline=date(2027, 2, 1)),
            ),
        )  # fmt: skip
    )
    assert saved.answers["loeft"] == ChecklistAnswer(Answer.YES, Answer.YES, "Melsække på 25 kg")
    assert saved.actions[0].responsible == "Lars" and saved.actions[0].id is not None
    with pytest.raises(sqlite3.IntegrityError):  # and the file itself refuses a second draft
        apvs._db.execute(
            "INSERT INTO apv_assessments (made_on, period_first, period_last, changed_at) "
            "VALUES ('2026-11-23', '2025-11-24', '2026-11-23', 'x')"
        )


def test_completing_needs_responsibles_deadlines_and_a_follow_up_guideline(
    apvs, company_store, today
) -> None:
    draft = apvs.start(today, FIRST, LAST)
    draft = apvs.save(replace(draft, participants="Alle", actions=(ApvAction("Støj", "Måtter"),)))
    figures = apv_figures(company_store.employees.list_all(), [], FIRST, LAST, today)
    with pytest.raises(ValidationError) as refused:
        apvs.complete(draft, today, figures)
    text = str(refused.value)
    assert "ansvarlig" in text and "frist" in text and "retningslinjerne" in text
    assert apvs.get(draft.id).status is ApvStatus.DRAFT
    fixed = replace(
        draft,
        texts={"retningslinjer": "Vi følger op på personalemødet i marts."},
        actions=(replace(draft.actions[0], responsible="Mette", deadline=date(2027, 1, 15)),),
    )
    done = apvs.complete(fixed, today, figures)
    assert (done.status, done.completed_on) == (ApvStatus.DONE, today)
    assert figures_from_json(done.figures_json) == figures
    with pytest.raises(ValidationError, match="afsluttet"):
        apvs.save(done)
    apvs.update_action(replace(done.actions[0], status=ActionStatus.DONE, follow_up="Færre klager"))
    assert apvs.get(done.id).actions[0].status is ActionStatus.DONE


def test_the_stored_figures_read_back_as_they_were(company_store, today) -> None:
    anna = company_store.employees.list_all()[0]
    spells = [AbsenceSpell(anna.id, date(2026, 3, 2), last_day=date(2026, 3, 4))]
    figures = apv_figures(company_store.employees.list_all(), spells, FIRST, LAST, today)
    assert figures_from_json(figures_to_json(figures)) == figures


def test_a_period_that_ends_before_it_begins_is_refused(apvs, today) -> None:
    with pytest.raises(ValidationError, match="før dens begyndelse"):
        apvs.start(today, LAST, FIRST)
    assert apvs.all() == []
