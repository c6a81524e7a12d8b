"""The guided conversation through the real screens: invite, prepare, hold, record, finish; the
rows stored, the Overblik items it opens and closes, and the text of the minutes."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from fravaer_desktop.core.conversation import (
    ConversationKind,
    ConversationStatus,
    Invitation,
    MeetingForm,
    Over8Weeks,
)
from fravaer_desktop.core.guides import load_guides
from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.services.followup import current_overview
from fravaer_desktop.ui.conversation.wizard import ConversationWizard

# conftest: today is Monday 23 November 2026; Anna Jensen and Bo Nielsen work in the bakery.
NOTES = {
    "ramme": "Mødtes i kontoret. Anna ville gerne tale om at komme tilbage.",
    "trivsel": "Glad for at blive ringet op. Savner kollegerne.",
    "funktion": "Kan ikke løfte over 10 kg og kan ikke stå en hel vagt endnu.",
    "fravaeret": "Fire korte fravær siden sommer, mest om mandagen.",
    "opgaver": "Kan passe kassen og bestille varer; ikke bage de store hold.",
    "velkommen": "Godt at se Anna igen efter tre uger.",
}


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def anna(company_store):
    return company_store.employees.list_all()[0]


@pytest.fixture
def sick(company_store, anna):
    """Sick since Monday 9 November 2026: the § 7a conversation is due 7 December."""
    return company_store.absences.add(AbsenceSpell(anna.id, date(2026, 11, 9)))


def open_wizard(qtbot, store, health_check, employee, kind, spell_id=None, conversation=None):
    wizard = ConversationWizard(store, health_check, employee, kind, spell_id, conversation)
    wizard.setProperty("no_exec", True)  # previews are built, not shown modally
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def invite(qtbot, wizard, meeting_day: str = "26-11-2026") -> None:
    page = wizard.invite_page
    page.meeting_on.edit.selectAll()
    qtbot.keyClicks(page.meeting_on.edit, meeting_day)
    page.meeting_on.edit.editingFinished.emit()
    page.meeting_time.setText("10:00")
    page.place.setText("Kontoret bag butikken")
    page.participants.setPlainText("Mette Holm, indehaver")
    wizard.next()


def hold_with_notes(qtbot, wizard) -> None:
    """Go through every section, typing notes in those the test has text for."""
    wizard.next()  # from Forbered to Hold
    hold = wizard.hold_page
    for row, section in enumerate(wizard.guide.sections):
        assert hold.sections.currentRow() == row
        if section.id in NOTES:
            qtbot.keyClicks(hold.notes.edit, NOTES[section.id])
        qtbot.keyClick(hold.notes.edit, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    wizard.next()


@pytest.mark.parametrize("kind", list(ConversationKind), ids=[k.value for k in ConversationKind])
def test_every_kind_of_conversation_runs_from_invitation_to_minutes(
    qtbot, company_store, health_check, anna, sick, kind
) -> None:
    back = kind is ConversationKind.RETURN or kind is ConversationKind.FREQUENT
    if back:  # these are held after the absence: Anna is back since Friday
        company_store.absences.register_return(sick.id, date(2026, 11, 20))
    wizard = open_wizard(qtbot, company_store, health_check, anna, kind, sick.id)
    invite(qtbot, wizard)
    assert wizard.currentPage() is wizard.prepare_page, wizard.invite_page.errors.general.text()
    stored = company_store.conversations.for_employee(anna.id)
    assert [(c.kind, c.status) for c in stored] == [(kind, ConversationStatus.DRAFT)]
    hold_with_notes(qtbot, wizard)
    record = wizard.record_page
    qtbot.keyClicks(record.agreements.edit, "Vi ringer sammen fredag kl. 10.")
    if kind is ConversationKind.ABSENCE:
        next(b for b in record.over_8_weeks.buttons() if b.text() == "Nej").click()
    record.next_contact.set_value(date(2026, 11, 27))
    wizard.next()
    wizard.finish_page.held_on.set_date(date(2026, 11, 23))
    wizard.button(wizard.WizardButton.FinishButton).click()

    [held] = company_store.conversations.for_employee(anna.id)
    assert held.status is ConversationStatus.HELD and held.held_on == date(2026, 11, 23)
    expected_notes = {s.id: NOTES[s.id] for s in wizard.guide.sections if s.id in NOTES}
    assert held.notes == expected_notes and expected_notes
    assert held.agreements == "Vi ringer sammen fredag kl. 10."
    [version] = company_store.conversations.minutes(held.id)
    text = pdf_text(version.pdf)
    assert "Vi ringer sammen fredag kl. 10." in text
    for note in expected_notes.values():
        assert note.split()[0] in text
    assert wizard.minutes_preview is not None
    items = {i.rule: i for i in current_overview(company_store).items if i.employee_id == anna.id}
    assert items["naeste_kontakt"].due == date(2026, 11, 27)


def test_the_7a_conversation_held_closes_the_overblik_item_with_the_day_held(
    qtbot, company_store, health_check, anna, sick
) -> None:
    before = {i.rule: i for i in current_overview(company_store).items}
    assert before["samtale"].decision is None and before["samtale"].due == date(2026, 12, 7)
    wizard = open_wizard(qtbot, company_store, health_check, anna, ConversationKind.ABSENCE,
                         sick.id)  # fmt: skip
    invite(qtbot, wizard)
    hold_with_notes(qtbot, wizard)
    next(
        b for b in wizard.record_page.over_8_weeks.buttons() if b.text() == "Ved ikke endnu"
    ).click()
    step = wizard.record_page.steps[1]  # mulighedserklæring
    step.check.setChecked(True)
    step.text.setText("Mette sender blanketten")
    step.responsible.setText("Mette")
    step.due.set_value(date(2026, 11, 30))
    wizard.next()
    wizard.finish_page.held_on.set_date(date(2026, 11, 23))
    wizard.button(wizard.WizardButton.FinishButton).click()

    after = {i.rule: i for i in current_overview(company_store).items}
    assert after["samtale"].decision.decided_on == date(2026, 11, 23)
    assert after["samtale"].decision.reason == "Sygefraværssamtale holdt 23. november 2026"
    assert after["aftalt_skridt"].title == "Aftalt: Mulighedserklæring: Mette sender blanketten"
    assert after["aftalt_skridt"].due == date(2026, 11, 30)
    [held] = company_store.conversations.for_employee(anna.id)
    assert held.over_8_weeks is Over8Weeks.UNKNOWN


def test_a_7a_conversation_without_an_ongoing_absence_is_refused_at_the_field(
    qtbot, company_store, health_check, anna, monkeypatch
) -> None:
    from fravaer_desktop.ui.conversation import wizard as wizard_module

    # The refused invitation is still unsaved when the test closes the window.
    monkeypatch.setattr(wizard_module, "ask_keep_invitation", lambda parent: "discard")
    wizard = open_wizard(qtbot, company_store, health_check, anna, ConversationKind.ABSENCE)
    invite(qtbot, wizard)
    assert wizard.currentPage() is wizard.invite_page
    assert wizard.invite_page.errors.message("kind").startswith(
        "Medarbejderen har intet igangværende fravær."
    )
    assert company_store.conversations.all() == []


def test_short_notice_and_a_meeting_after_the_7a_deadline_are_warned_not_refused(
    qtbot, company_store, health_check, anna, sick
) -> None:
    wizard = open_wizard(qtbot, company_store, health_check, anna, ConversationKind.ABSENCE,
                         sick.id)  # fmt: skip
    page = wizard.invite_page
    page.place.setText("Kontoret")
    page.participants.setPlainText("Mette Holm")
    page.meeting_on.set_date(date(2026, 11, 24))
    assert "Kort varsel" in page.warnings.text()
    page.meeting_on.set_date(date(2026, 12, 9))
    assert "efter fristen for sygefraværssamtalen (7. december 2026" in page.warnings.text()
    invite(qtbot, wizard, "09-12-2026")
    assert wizard.currentPage() is wizard.prepare_page


def test_notes_are_saved_as_you_type_and_the_draft_continues_when_opened_again(
    qtbot, company_store, health_check, anna, sick
) -> None:
    wizard = open_wizard(qtbot, company_store, health_check, anna, ConversationKind.ABSENCE,
                         sick.id)  # fmt: skip
    invite(qtbot, wizard)
    wizard.next()
    qtbot.keyClicks(wizard.hold_page.notes.edit, "Kan passe kassen om formiddagen")
    conversation_id = wizard.conversation.id
    qtbot.waitUntil(
        lambda: (
            company_store.conversations.get(conversation_id).notes.get("ramme")
            == "Kan passe kassen om formiddagen"
        ),
        timeout=2000,
    )
    wizard.reject()  # closing the window keeps the draft
    draft = company_store.conversations.draft_of(anna.id, ConversationKind.ABSENCE, sick.id)
    again = open_wizard(qtbot, company_store, health_check, anna, ConversationKind.ABSENCE,
                        sick.id, draft)  # fmt: skip
    again.next()
    again.next()
    assert again.hold_page.notes.text() == "Kan passe kassen om formiddagen"
    assert "✓" in again.hold_page.sections.item(0).text()


def test_a_note_with_health_details_is_flagged_beside_the_field_and_still_saved(
    qtbot, company_store, health_check, anna, sick
) -> None:
    wizard = open_wizard(qtbot, company_store, health_check, anna, ConversationKind.ABSENCE,
                         sick.id)  # fmt: skip
    invite(qtbot, wizard)
    wizard.next()
    qtbot.keyClicks(wizard.hold_page.notes.edit, "Har influenza")
    warning = wizard.hold_page.notes.health_warning
    assert warning.isVisibleTo(wizard) and "influenza" in warning.text()
    wizard.flush()
    assert company_store.conversations.get(wizard.conversation.id).notes == {
        "ramme": "Har influenza"
    }


def test_the_hold_page_shows_phrasings_and_what_you_may_and_may_not_ask(
    qtbot, company_store, health_check, anna, sick
) -> None:
    wizard = open_wizard(qtbot, company_store, health_check, anna, ConversationKind.ABSENCE,
                         sick.id)  # fmt: skip
    invite(qtbot, wizard)
    wizard.next()
    guide = load_guides().conversations["sygefravaerssamtale"]
    hold = wizard.hold_page
    for row, section in enumerate(guide.sections):
        hold.sections.setCurrentRow(row)
        assert hold.heading.text().startswith(f"{row + 1}. {section.title}")
        assert section.phrasings[0][:30] in hold.phrasings.text().replace("&#x27;", "'")
    assert "diagnose" in hold.may_not_ask.text().lower() or hold.may_not_ask.text()


def test_health_details_in_the_purpose_or_a_step_are_flagged_too(
    qtbot, company_store, health_check, anna, sick
) -> None:
    wizard = open_wizard(qtbot, company_store, health_check, anna, ConversationKind.ABSENCE,
                         sick.id)  # fmt: skip
    page = wizard.invite_page
    page.purpose.setPlainText("Vi skal tale om din depression")
    assert page.purpose_health.isVisibleTo(wizard)
    invite(qtbot, wizard)
    wizard.next()
    wizard.next()
    step = wizard.record_page.steps[4]  # Andet
    step.check.setChecked(True)
    step.text.setText("Anna tager til fysioterapi for ryggen")
    assert wizard.record_page.steps_health.isVisibleTo(wizard)
    step.text.setText("Anna ringer til jobcentret")
    assert not wizard.record_page.steps_health.isVisibleTo(wizard)


def test_minutes_changed_after_printing_keep_the_printed_version_to_open(
    qtbot, company_store, health_check, anna, sick, drive_modal, monkeypatch
) -> None:
    from dataclasses import replace

    from PySide6.QtWidgets import QInputDialog, QWidget

    from fravaer_desktop.services.conversations import print_minutes
    from fravaer_desktop.ui.actions import AppActions

    talk = company_store.conversations.start(
        Invitation(ConversationKind.ABSENCE, anna.id, date(2026, 11, 23), "10:00",
                   MeetingForm.PHONE, "", ("Mette Holm",), date(2026, 11, 18), sick.id),
        as_of=date(2026, 11, 18),
    )  # fmt: skip
    held = company_store.conversations.mark_held(
        replace(talk, held_on=date(2026, 11, 23), over_8_weeks=Over8Weeks.NO)
    )
    print_minutes(company_store, held.id)
    company_store.conversations.save_note(held.id, "trivsel", "Rettet efter mødet")
    host = QWidget()
    host.setProperty("no_exec", True)
    qtbot.addWidget(host)
    actions = AppActions(company_store, health_check, host)
    offered = []

    def pick(parent, title, label, items, current, editable):
        offered.extend(items)
        return items[-1], True  # the oldest: version 1 as printed

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    actions.show_minutes(held, parent=host)
    assert offered == ["Ny version 2 med ændringerne siden sidst",
                       "Version 1, udskrevet 23. november 2026"]  # fmt: skip
    assert [v.version for v in company_store.conversations.minutes(held.id)] == [1]


def test_the_preparation_shows_the_absence_and_earlier_conversations_beside_the_checklist(
    qtbot, company_store, health_check, anna, sick
) -> None:
    company_store.absences.add(AbsenceSpell(anna.id, date(2026, 9, 7), last_day=date(2026, 9, 7)))
    wizard = open_wizard(qtbot, company_store, health_check, anna, ConversationKind.ABSENCE,
                         sick.id)  # fmt: skip
    invite(qtbot, wizard)
    facts = wizard.prepare_page.facts.text()
    assert "Fraværende nu: siden 9. november 2026 (dag 15), egen sygdom." in facts
    assert "7. september 2026: 1 kalenderdag, egen sygdom." in facts
    assert wizard.prepare_page.checklist_texts() == list(wizard.guide.preparation)


def press_close(wizard) -> None:
    from PySide6.QtWidgets import QWizard

    wizard.button(QWizard.WizardButton.CancelButton).click()


def test_closing_an_untouched_invitation_asks_nothing_and_stores_nothing(
    qtbot, company_store, health_check, anna, sick, monkeypatch
) -> None:
    from fravaer_desktop.ui.conversation import wizard as wizard_module

    monkeypatch.setattr(wizard_module, "ask_keep_invitation", lambda parent: pytest.fail("asked"))
    wizard = open_wizard(qtbot, company_store, health_check, anna, ConversationKind.ABSENCE,
                         sick.id)  # fmt: skip
    press_close(wizard)
    assert not wizard.isVisible()
    assert company_store.conversations.for_employee(anna.id) == []


@pytest.mark.parametrize("answer", ["keep", "discard", "stay"])
def test_closing_a_filled_in_invitation_asks_whether_to_keep_it_as_a_draft(
    qtbot, company_store, health_check, anna, sick, monkeypatch, answer
) -> None:
    """Typed at step 1 but not yet 'Næste': Luk asks. Gem som kladde stores the draft as typed,
    Luk uden at gemme stores nothing, Annuller keeps the window open with the text in it."""
    from fravaer_desktop.ui.conversation import wizard as wizard_module

    asked = []
    monkeypatch.setattr(wizard_module, "ask_keep_invitation",
                        lambda parent: asked.append(parent) or answer)  # fmt: skip
    wizard = open_wizard(qtbot, company_store, health_check, anna, ConversationKind.ABSENCE,
                         sick.id)  # fmt: skip
    wizard.invite_page.place.setText("Kontoret bag butikken")
    wizard.invite_page.participants.setPlainText("Mette Holm, indehaver")
    press_close(wizard)

    assert asked == [wizard]
    stored = company_store.conversations.for_employee(anna.id)
    if answer == "keep":
        assert not wizard.isVisible()
        [draft] = stored
        assert draft.status is ConversationStatus.DRAFT and draft.spell_id == sick.id
        assert draft.invitation.place == "Kontoret bag butikken"
        assert draft.invitation.participants == ("Mette Holm, indehaver",)
    elif answer == "discard":
        assert not wizard.isVisible() and stored == []
    else:
        assert wizard.isVisible() and stored == []
        assert wizard.invite_page.place.text() == "Kontoret bag butikken"


def test_keeping_an_invitation_that_is_not_valid_keeps_the_window_open_with_the_reason(
    qtbot, company_store, health_check, anna, sick, monkeypatch
) -> None:
    from fravaer_desktop.ui.conversation import wizard as wizard_module

    monkeypatch.setattr(wizard_module, "ask_keep_invitation", lambda parent: "keep")
    wizard = open_wizard(qtbot, company_store, health_check, anna, ConversationKind.ABSENCE,
                         sick.id)  # fmt: skip
    wizard.invite_page.meeting_time.setText("25.99")
    press_close(wizard)

    assert wizard.isVisible()
    assert company_store.conversations.for_employee(anna.id) == []
    assert wizard.invite_page.errors.message("meeting_time") == "Skriv klokkeslættet som fx 10:00."


def test_the_question_on_closing_is_a_real_danish_message_box(
    qtbot, company_store, health_check, anna, sick, drive_modal, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from fravaer_desktop.ui.conversation import wizard as wizard_module
    from fravaer_desktop.ui.conversation.wizard import UNSAVED_INVITATION

    wizard = open_wizard(qtbot, company_store, health_check, anna, ConversationKind.ABSENCE,
                         sick.id)  # fmt: skip
    wizard.invite_page.place.setText("Kontoret bag butikken")
    wizard.invite_page.participants.setPlainText("Mette Holm, indehaver")
    seen = {}

    def keep(box: QMessageBox) -> None:
        seen["text"] = box.text()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        seen["default"] = box.defaultButton().text()
        next(b for b in box.buttons() if b.text() == "Gem som kladde").click()

    try:
        drive_modal(lambda: press_close(wizard), keep)
    finally:  # a failed test must not leave a real question for the teardown's close
        monkeypatch.setattr(wizard_module, "ask_keep_invitation", lambda parent: "discard")
    assert seen == {
        "text": UNSAVED_INVITATION,
        "buttons": ["Annuller", "Gem som kladde", "Luk uden at gemme"],
        "default": "Gem som kladde",
    }
    assert not wizard.isVisible()
    [draft] = company_store.conversations.for_employee(anna.id)
    assert draft.invitation.place == "Kontoret bag butikken"
