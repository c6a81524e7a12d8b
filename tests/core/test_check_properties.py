"""Every check a user's input goes through, fed random text, dates and numbers (hypothesis):
a list of Danish messages or none, never an exception; and a repository given the same stores
the record whole or refuses it with nothing stored."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fravaer_desktop.core.apv import Apv, ApvAction, check_completion
from fravaer_desktop.core.conversation import (
    ConversationKind,
    DocumentRequest,
    Invitation,
    MeetingForm,
    PaidBy,
    check_document_request,
    check_invitation,
)
from fravaer_desktop.core.danish import parse_date
from fravaer_desktop.core.models import AbsenceKind, AbsenceSpell, Company, Employee
from fravaer_desktop.core.retention_plan import (
    FollowUp,
    PlanContent,
    PlanGoal,
    PlanRequester,
    RetentionPlan,
    SchedulePhase,
    check_content,
    check_follow_up,
    check_refusal,
    check_request,
)
from fravaer_desktop.core.validation import ValidationError, validate_company, validate_spell
from fravaer_desktop.storage.database import open_database
from fravaer_desktop.storage.repositories import Store

TODAY = date(2026, 12, 7)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))
texts = st.text(max_size=60)
hours = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-100, 200))
ANNA = Employee(name="Anna Jensen", employed_from=date(2019, 3, 1), id=1)


def messages_only(errors) -> None:
    assert isinstance(errors, list)
    assert all(e.message.strip() and e.field for e in errors)


@given(days, st.one_of(st.none(), days), st.one_of(st.none(), hours), st.sampled_from(AbsenceKind),
       texts)  # fmt: skip
def test_any_absence_gets_danish_messages_or_none(first, last, partial, kind, note) -> None:
    spell = AbsenceSpell(1, first, kind, last, partial, note=note)
    messages_only(validate_spell(spell, ANNA, [AbsenceSpell(1, date(2026, 1, 5))], TODAY))


@given(texts, texts, texts, st.booleans(), hours)
def test_any_company_gets_danish_messages_or_none(name, cvr, address, pays, weekly) -> None:
    messages_only(validate_company(Company(name, cvr, address, None, pays, weekly)))


@given(st.sampled_from(ConversationKind), days, texts, st.sampled_from(MeetingForm), texts,
       st.lists(texts, max_size=3), days)  # fmt: skip
def test_any_invitation_gets_danish_messages_or_none(kind, meeting, time, form, place, people,
                                                     invited) -> None:  # fmt: skip
    invitation = Invitation(kind, 1, meeting, time, form, place, tuple(people), invited, 7)
    errors, warnings = check_invitation(invitation, [AbsenceSpell(1, date(2026, 11, 2), id=7)],
                                        TODAY)  # fmt: skip
    messages_only(errors)
    assert all(isinstance(w, str) and w for w in warnings)


@given(texts, days, days, st.one_of(st.none(), days))
def test_any_documentation_request_gets_danish_messages_or_none(kind, asked, by, came) -> None:
    request = DocumentRequest(1, kind, asked, by, PaidBy.EMPLOYER, 7, came)
    messages_only(check_document_request(request, [AbsenceSpell(1, date(2026, 11, 2), id=7)],
                                         TODAY))  # fmt: skip


phases = st.lists(st.tuples(st.integers(-5, 80), hours, texts), max_size=6)


@given(phases, st.one_of(st.none(), days), st.one_of(st.none(), days), hours,
       st.sampled_from(PlanGoal))  # fmt: skip
def test_any_plan_schedule_gets_danish_messages_or_none(steps, start, target, contract,
                                                        goal) -> None:  # fmt: skip
    content = PlanContent(
        goal=goal, target_date=target, schedule_start=start,
        contract_hours=contract if isinstance(contract, int) else 37.0,
        phases=tuple(SchedulePhase(w, h if h == h else 0.0, t) for w, h, t in steps),
    )  # fmt: skip
    errors, warnings = check_content(content, TODAY, AbsenceSpell(1, date(2026, 9, 14), id=7))
    messages_only(errors)
    assert all(isinstance(w, str) for w in warnings)


@given(days, texts, days, st.one_of(st.none(), days), st.one_of(st.none(), texts))
def test_any_request_refusal_or_follow_up_gets_messages_or_none(asked, reason, decided, held,
                                                                how) -> None:  # fmt: skip
    plan = RetentionPlan(1, 7, PlanRequester.EMPLOYEE, asked)
    messages_only(check_request(plan, AbsenceSpell(1, date(2026, 9, 14), id=7), TODAY))
    messages_only(check_request(plan, None, TODAY))
    messages_only(check_refusal(reason, decided, plan, TODAY))
    messages_only(check_follow_up(FollowUp(decided, held, how or ""), plan, TODAY))


actions = st.lists(st.builds(ApvAction, texts, texts, texts, texts, st.one_of(st.none(), days)),
                   max_size=4)  # fmt: skip


@given(days, days, days, texts, actions, texts)
def test_any_apv_gets_danish_messages_or_none(made, first, last, people, plan, guide) -> None:
    apv = Apv(made, first, last, participants=people, actions=tuple(plan),
              texts={"retningslinjer": guide})  # fmt: skip
    messages_only(check_completion(apv, TODAY))


@given(texts)
def test_any_typed_date_is_a_date_or_none(text) -> None:
    assert parse_date(text) is None or isinstance(parse_date(text), date)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(days, st.one_of(st.none(), days), st.one_of(st.none(), hours))
def test_any_absence_is_stored_whole_or_refused_with_nothing_stored(first, last, partial) -> None:
    store = Store(open_database(":memory:"), today=lambda: TODAY)
    anna = store.employees.add(Employee(name="Anna Jensen", employed_from=date(2019, 3, 1)))
    store.absences.add(AbsenceSpell(anna.id, date(2026, 1, 5), last_day=date(2026, 1, 9)))
    spell = AbsenceSpell(anna.id, first, last_day=last, partial_hours_per_week=partial)
    try:
        stored = store.absences.add(spell)
    except ValidationError as refused:
        assert str(refused)
        assert store.absences.count() == 1
    else:
        assert store.absences.get(stored.id) == stored
        assert store.absences.count() == 2
