"""The demo company's retention plan: the long absence gets a graduated return, agreed, put into
the register, followed up after two weeks, revised (one step more), and a follow-up to come.

The texts are what a careful manager writes: functions, hours and tasks, never what anyone is
ill with (a test runs the privacy check over them).
"""

from __future__ import annotations

from datetime import date, timedelta

from fravaer_desktop.core.retention_plan import (
    FollowUp,
    PlanContent,
    PlanGoal,
    PlanHolds,
    PlanRequester,
    PlanVersion,
    RetentionPlan,
    SchedulePhase,
)
from fravaer_desktop.storage.repositories import Store
from fravaer_desktop.storage.retention_plan_repository import RetentionPlanRepository

TEXTS = {
    "baggrund": (
        "Rasmus kan arbejde siddende og stå op i korte perioder. Han kan ikke løfte over 10 kg "
        "endnu og kan ikke tage en hel vagt ved komfuret."
    ),
    "maal": "Tilbage på fuld tid som kok med de sædvanlige vagter.",
    "opgaver_behold": "Bestilling af varer, menuplan, forberedelse ved bordet.",
    "opgaver_tilpas": "Frokostvagt i køkkenet uden løft; en kollega tager gryder og kasser.",
    "opgaver_undgaa": "Varemodtagelse og aftenvagter, til vi ser på det ved opfølgningen.",
    "tilpasninger": "Skammel ved forberedelsesbordet. Pause på 10 minutter hver anden time.",
    "hjaelp_udefra": "Rasmus tager planen med til den første samtale i jobcentret.",
    "ansvar": "Anders laver vagtplanen efter trappen. Sara tager løft, når Rasmus er på vagt.",
    "kontakt": "Kort snak hver fredag. Opfølgningsmøde hver anden uge.",
    "kolleger": "Kollegerne får at vide, at Rasmus starter på nedsat tid med faste opgaver.",
    "hurtigere_langsommere": "Går det langsommere, bliver vi på samme trin en uge mere.",
}
FIRST_SCHEDULE = (
    SchedulePhase(2, 12, "Forberedelse og bestilling, siddende"),
    SchedulePhase(2, 20, "Forberedelse og frokostvagt uden løft"),
    SchedulePhase(2, 28, "Frokostvagter, lette løft"),
    SchedulePhase(1, 37, "Fulde vagter"),
)
REVISED_SCHEDULE = (
    SchedulePhase(2, 12, "Forberedelse og bestilling, siddende"),
    SchedulePhase(1, 16, "Forberedelse og to frokostvagter uden løft"),
    SchedulePhase(2, 20, "Forberedelse og frokostvagt uden løft"),
    SchedulePhase(2, 28, "Frokostvagter, lette løft"),
    SchedulePhase(1, 37, "Fulde vagter"),
)


def add_demo_plan(store: Store, today: date) -> None:
    """Add the plan of the long absence (inside the demo's transaction), judged on `today`."""
    staff = {e.name: e for e in store.employees.list_all()}
    rasmus = staff["Rasmus Schmidt"]
    spells = [s for s in store.absences.for_employee(rasmus.id) if s.covers(today)]
    if not spells:
        return
    absence = spells[-1]
    plans = RetentionPlanRepository(store.db, store.employees, store.absences, lambda: today)
    requested = max(absence.first_day + timedelta(days=14), today - timedelta(days=30))
    agreed = requested + timedelta(days=3)
    start = agreed + timedelta(days=7 - agreed.weekday())  # the Monday after
    plan = plans.start(
        RetentionPlan(
            rasmus.id,
            absence.id,
            PlanRequester.EMPLOYEE,
            requested,
            versions=(PlanVersion(1, requested, PlanContent(texts=TEXTS)),),
        ),  # fmt: skip
        requested,
    )
    first = PlanContent(
        texts=TEXTS,
        goal=PlanGoal.FULL,
        target_date=start + timedelta(weeks=7),
        adjustments=("timer", "opgaver", "pauser", "kollegahjaelp", "hjaelpemidler"),
        schedule_start=start,
        contract_hours=rasmus.weekly_hours,
        working_days=rasmus.working_days_per_week,
        phases=FIRST_SCHEDULE,
    )
    plans.save_content(plan.id, first)
    plans.agree(plan.id, agreed)
    plans.apply_schedule(plan.id)
    followed_up = start + timedelta(days=11)  # Friday of the second week
    held = plans.save_follow_up(plan.id, FollowUp(followed_up))
    plans.save_follow_up(
        plan.id,
        FollowUp(
            followed_up,
            followed_up,
            "Formiddagene går godt. 20 timer fra uge 3 er for hurtigt; vi tager et trin mere.",
            PlanHolds.PARTLY,
            held.id,
        ),  # fmt: skip
    )
    plans.revise(plan.id, "Et trin på 16 timer indsat efter opfølgningen i uge 2", followed_up)
    revised = plans.get(plan.id).current.content
    plans.save_content(
        plan.id,
        PlanContent(**{**revised.__dict__, "phases": REVISED_SCHEDULE,
                       "target_date": start + timedelta(weeks=8)}),
    )  # fmt: skip
    plans.agree(plan.id, followed_up)
    plans.apply_schedule(plan.id)
    next_friday = today + timedelta(days=(4 - today.weekday()) % 7 or 7)
    plans.save_follow_up(plan.id, FollowUp(next_friday))
