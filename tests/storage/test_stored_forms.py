"""What is stored is clean: CVR without spaces, absence inside the employment, no future days."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from fravaer_desktop.core.absence import spell_figures
from fravaer_desktop.core.models import AbsenceSpell, Company
from fravaer_desktop.core.validation import ValidationError


def test_cvr_typed_with_dk_and_spaces_is_stored_as_eight_digits(store):
    store.company.save(Company(name="Bageriet", cvr="DK 1015 0817"))
    assert store.company.get().cvr == "10150817"


def test_leaving_date_before_the_end_of_a_registered_absence_is_refused(company_store):
    anna = company_store.employees.list_all()[0]
    company_store.absences.add(
        AbsenceSpell(employee_id=anna.id, first_day=date(2026, 5, 4), last_day=date(2026, 5, 20))
    )
    with pytest.raises(ValidationError) as caught:
        company_store.employees.update(dataclasses.replace(anna, employed_to=date(2026, 5, 10)))
    assert "fravær efter denne fratrædelsesdato" in caught.value.message_for("employed_to")
    assert company_store.employees.get(anna.id).employed_to is None


def test_an_absence_registered_ahead_of_time_has_no_days_yet(company_store, today):
    anna = company_store.employees.list_all()[0]
    spell = AbsenceSpell(employee_id=anna.id, first_day=date(2026, 12, 1))
    figures = spell_figures(spell, anna, date(2026, 1, 1), date(2026, 12, 31), today)
    assert (figures.calendar_days, figures.working_days, figures.hours) == (0, 0, 0.0)
