"""Two Fravær windows on the same company file (opened twice by mistake, or a manager and the
owner on one PC): saves wait for each other, each checks what the other has saved, and an edit
of something the other window deleted is refused in Danish instead of crashing or writing
over someone else's row."""

from __future__ import annotations

import dataclasses
import threading
import time
from datetime import date

import pytest

from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
from fravaer_desktop.core.validation import ValidationError
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import (
    EMPLOYEE_CHANGED_MESSAGE,
    EMPLOYEE_GONE_MESSAGE,
    NOT_DELETED_CHANGED_MESSAGE,
    SPELL_CHANGED_MESSAGE,
    SPELL_GONE_MESSAGE,
    Store,
)

TODAY = date(2026, 11, 23)


@pytest.fixture
def two_windows(tmp_path):
    path = tmp_path / "virksomhed.sqlite"
    first = Store(open_database(path, create=True), today=lambda: TODAY)
    first.company.save(Company(name="Bageriet Solsikken ApS", cvr="10150817"))
    first.employees.add(Employee(name="Anna Jensen", employed_from=date(2019, 3, 1)))
    second = Store(open_database(path), today=lambda: TODAY)
    yield first, second
    first.db.close()
    second.db.close()


def test_the_same_sick_call_from_two_windows_is_stored_once(two_windows, tmp_path) -> None:
    first, second = two_windows
    path = tmp_path / "virksomhed.sqlite"
    anna = first.employees.list_all()[0]
    sick_call = AbsenceSpell(anna.id, date(2026, 11, 20))
    saving = threading.Event()

    def first_window_saves_slowly() -> None:
        window = Store(open_database(path), today=lambda: TODAY)  # its own thread, own line
        with window.db.atomic():
            window.db["absence_spells"].insert(
                {"employee_id": anna.id, "kind": "sygdom", "first_day": "2026-11-20"}
            )
            saving.set()
            time.sleep(0.3)  # still writing when the second window saves
        window.db.close()

    worker = threading.Thread(target=first_window_saves_slowly)
    worker.start()
    saving.wait(5)
    with pytest.raises(ValidationError) as refused:
        second.absences.add(sick_call)  # waits for the first save, then sees it
    worker.join()
    assert "overlapper" in str(refused.value)
    assert second.absences.count() == 1


def test_a_return_registered_on_a_spell_deleted_in_another_window_is_refused(
    two_windows,
) -> None:
    first, second = two_windows
    anna = first.employees.list_all()[0]
    spell = first.absences.add(AbsenceSpell(anna.id, date(2026, 11, 2)))
    seen_in_second = second.absences.get(spell.id)
    first.absences.delete(spell.id)
    with pytest.raises(ValidationError) as refused:
        second.absences.update(dataclasses.replace(seen_in_second, last_day=date(2026, 11, 6)))
    assert str(refused.value) == SPELL_GONE_MESSAGE
    assert first.absences.count() == 0  # nothing brought back half-way


def test_an_employee_edited_after_another_window_deleted_them_is_refused(two_windows) -> None:
    first, second = two_windows
    anna = second.employees.list_all()[0]
    first.employees.delete(anna.id)
    with pytest.raises(ValidationError) as refused:
        second.employees.update(dataclasses.replace(anna, department="Butik"))
    assert str(refused.value) == EMPLOYEE_GONE_MESSAGE
    assert first.employees.list_all() == []


def test_a_return_for_a_spell_the_other_window_deleted_gets_a_danish_message(
    two_windows,
) -> None:
    first, second = two_windows
    anna = first.employees.list_all()[0]
    spell = first.absences.add(AbsenceSpell(anna.id, date(2026, 11, 2)))
    first.absences.delete(spell.id)
    with pytest.raises(ValidationError) as refused:
        second.absences.register_return(spell.id, date(2026, 11, 6))
    assert str(refused.value) == SPELL_GONE_MESSAGE


def test_an_edit_of_a_reused_number_does_not_overwrite_the_new_absence(two_windows) -> None:
    """SQLite gives a new row the number of the newest deleted one. The second window's old
    copy of the deleted spell must not be written over the new spell that now has its number."""
    first, second = two_windows
    anna = first.employees.list_all()[0]
    bo = first.employees.add(Employee(name="Bo Hansen", employed_from=date(2020, 1, 1)))
    annas = first.absences.add(AbsenceSpell(anna.id, date(2026, 11, 2)))
    seen_in_second = second.absences.get(annas.id)
    first.absences.delete(annas.id)
    bos = first.absences.add(AbsenceSpell(bo.id, date(2026, 11, 16)))
    assert bos.id == annas.id  # the number is reused: the reason for the check
    with pytest.raises(ValidationError) as refused:
        second.absences.update(
            dataclasses.replace(seen_in_second, last_day=date(2026, 11, 6)),
            expected=seen_in_second,
        )
    assert str(refused.value) == SPELL_CHANGED_MESSAGE
    with pytest.raises(ValidationError):
        second.absences.register_return(annas.id, date(2026, 11, 6), expected=seen_in_second)
    assert first.absences.get(bos.id) == bos  # Bo's absence is as he reported it


def test_two_windows_editing_the_same_absence_do_not_lose_the_first_save(two_windows) -> None:
    first, second = two_windows
    anna = first.employees.list_all()[0]
    spell = first.absences.add(AbsenceSpell(anna.id, date(2026, 11, 2)))
    opened_in_first = first.absences.get(spell.id)
    opened_in_second = second.absences.get(spell.id)
    back = dataclasses.replace(opened_in_first, last_day=date(2026, 11, 6))
    first.absences.update(back, expected=opened_in_first)
    with pytest.raises(ValidationError) as refused:
        second.absences.update(
            dataclasses.replace(opened_in_second, note="Ringede om morgenen"),
            expected=opened_in_second,
        )
    assert str(refused.value) == SPELL_CHANGED_MESSAGE
    assert first.absences.get(spell.id) == back  # the return is still there


def test_an_unchanged_absence_is_saved_and_a_return_registered(two_windows) -> None:
    first, second = two_windows
    anna = first.employees.list_all()[0]
    spell = first.absences.add(AbsenceSpell(anna.id, date(2026, 11, 2)))
    seen = second.absences.get(spell.id)
    second.absences.register_return(spell.id, date(2026, 11, 4), expected=seen)
    assert first.absences.get(spell.id).last_day == date(2026, 11, 4)


def test_an_employee_changed_in_another_window_is_not_overwritten(two_windows) -> None:
    first, second = two_windows
    anna = first.employees.list_all()[0]
    opened_in_second = second.employees.get(anna.id)
    first.employees.update(dataclasses.replace(anna, job_title="Bager"), expected=anna)
    with pytest.raises(ValidationError) as refused:
        second.employees.update(
            dataclasses.replace(opened_in_second, department="Butik"), expected=opened_in_second
        )
    assert str(refused.value) == EMPLOYEE_CHANGED_MESSAGE
    stored = first.employees.get(anna.id)
    assert (stored.job_title, stored.department) == ("Bager", "")


def test_deleting_a_reused_number_deletes_nothing(two_windows) -> None:
    first, second = two_windows
    anna = first.employees.list_all()[0]
    bo = first.employees.add(Employee(name="Bo Hansen", employed_from=date(2020, 1, 1)))
    annas = first.absences.add(AbsenceSpell(anna.id, date(2026, 11, 2)))
    listed_in_second = second.absences.get(annas.id)
    first.absences.delete(annas.id)
    bos = first.absences.add(AbsenceSpell(bo.id, date(2026, 11, 16)))
    with pytest.raises(ValidationError) as refused:
        second.absences.delete(annas.id, expected=listed_in_second)
    assert str(refused.value) == NOT_DELETED_CHANGED_MESSAGE
    assert first.absences.get(bos.id) == bos


def test_deleting_what_is_already_deleted_is_quietly_done(two_windows) -> None:
    first, second = two_windows
    anna = first.employees.list_all()[0]
    spell = first.absences.add(AbsenceSpell(anna.id, date(2026, 11, 2)))
    listed_in_second = second.absences.get(spell.id)
    first.absences.delete(spell.id)
    second.absences.delete(spell.id, expected=listed_in_second)
    second.employees.delete(anna.id, expected=anna)
    second.employees.delete(anna.id, expected=anna)  # twice: no error
    assert first.employees.list_all() == []


def test_an_employee_listed_before_a_new_job_title_is_still_deleted(two_windows) -> None:
    """A list may show an older copy (here: before a new job title); that is the same person."""
    first, second = two_windows
    anna = first.employees.list_all()[0]
    first.employees.update(dataclasses.replace(anna, job_title="Bager"), expected=anna)
    second.employees.delete(anna.id, expected=anna)
    assert first.employees.list_all() == []


def test_deleting_an_employee_whose_number_went_to_someone_else_deletes_nothing(
    two_windows,
) -> None:
    first, second = two_windows
    anna = first.employees.list_all()[0]
    first.employees.delete(anna.id)
    bo = first.employees.add(Employee(name="Bo Hansen", employed_from=date(2020, 1, 1)))
    assert bo.id == anna.id
    with pytest.raises(ValidationError) as refused:
        second.employees.delete(anna.id, expected=anna)
    assert str(refused.value) == NOT_DELETED_CHANGED_MESSAGE
    assert first.employees.list_all() == [bo]
