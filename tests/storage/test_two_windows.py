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
    EMPLOYEE_GONE_MESSAGE,
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
