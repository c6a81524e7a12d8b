"""The small dialogs of the retention plan: start it, refuse the request, agree a version,
revise it, and plan or record a follow-up meeting. Each stores through the repository, which
refuses wrong input with Danish messages shown at the fields (SaveDialog)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.guides import RetentionPlanGuide
from fravaer_desktop.core.models import AbsenceSpell, Employee
from fravaer_desktop.core.privacy import HealthTextCheck
from fravaer_desktop.core.retention_plan import (
    FollowUp,
    PlanContent,
    PlanHolds,
    PlanRequester,
    PlanVersion,
    RetentionPlan,
)
from fravaer_desktop.storage.retention_plan_repository import RetentionPlanRepository
from fravaer_desktop.ui.dialogs.base import SaveDialog
from fravaer_desktop.ui.note_style import note_style
from fravaer_desktop.ui.widgets.checked_text import CheckedText
from fravaer_desktop.ui.widgets.date_field import DateField, OptionalDateField


def _note(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(note_style())
    return label


def _checked_text(health_check: HealthTextCheck, text: str = "", placeholder: str = ""):
    field = CheckedText(health_check.warning_for, placeholder=placeholder, text=text)
    field.edit.setFixedHeight(field.fontMetrics().lineSpacing() * 5)
    return field


class StartPlanDialog(SaveDialog):
    """Who asked for the plan and when; the rules of § 7b beside it."""

    def __init__(
        self,
        repository: RetentionPlanRepository,
        guide: RetentionPlanGuide,
        employee: Employee,
        absence: AbsenceSpell,
        today: date,
        prefill: PlanContent | None = None,
        requested_on: date | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(f"Ny fastholdelsesplan – {employee.name}", "Begynd planen", parent)
        self._repository, self._employee, self._absence = repository, employee, absence
        self._prefill = prefill
        self.requested_by = QComboBox()
        for who in PlanRequester:
            self.requested_by.addItem(f"{who.title} har bedt om den", who.value)
        self.requested_on = DateField(requested_on or today)
        self.form.addRow(_note(f"Fraværet begyndte {long_date(absence.first_day)}."))
        self.errors.add_row(self.form, "&Hvem bad om planen:", self.requested_by, "requested_by")
        self.errors.add_row(self.form, "&Hvornår:", self.requested_on, "requested_on")
        rules = "\n\n".join(f"{claim} ({source})" for claim, source in guide.rules[:5])
        self.form.addRow(_note(rules))
        self.errors.attach("spell_id", self.errors.general)
        self.set_minimum_width_in_characters(80)

    def save(self) -> RetentionPlan:
        versions = (PlanVersion(1, self.requested_on.date_value(), self._prefill),) if (
            self._prefill
        ) else ()  # fmt: skip
        return self._repository.start(
            RetentionPlan(
                self._employee.id,
                self._absence.id,
                PlanRequester(self.requested_by.currentData()),
                self.requested_on.date_value(),
                versions=versions,
            )
        )


class RefusalDialog(SaveDialog):
    """The employer says no to the request: the day and the reason for the answer letter."""

    def __init__(self, repository, plan: RetentionPlan, health_check, today: date, parent=None):
        super().__init__("Afslå ønsket om en fastholdelsesplan", "Afslå", parent)
        self._repository, self._plan = repository, plan
        self.decided_on = DateField(today)
        self.reason = _checked_text(
            health_check, placeholder="Fx: Vi kan ikke tilbyde nedsat tid i højsæsonen lige nu."
        )
        self.form.addRow(
            _note(
                "I må gerne sige nej til en fastholdelsesplan (sygedagpengeloven § 7b, stk. 2). "
                "Skriv kort hvorfor; begrundelsen står i svaret til medarbejderen. Skriv om "
                "arbejdet, ikke om helbredet."
            )
        )
        self.errors.add_row(self.form, "&Besluttet:", self.decided_on, "decided_on")
        self.errors.add_row(self.form, "&Begrundelse:", self.reason, "refusal_reason")
        self.form.addRow("", self.reason.warning)
        self.errors.attach("status", self.errors.general)
        self.set_minimum_width_in_characters(70)

    def save(self) -> RetentionPlan:
        return self._repository.refuse(
            self._plan.id, self.reason.text(), self.decided_on.date_value()
        )


class AgreeDialog(SaveDialog):
    """Both have agreed the version (and signed the printout): it is fixed from then on."""

    def __init__(self, repository, plan: RetentionPlan, today: date, parent=None):
        super().__init__(f"Aftal version {plan.current.version}", "Marker som aftalt", parent)
        self._repository, self._plan = repository, plan
        self.agreed_on = DateField(today)
        self.form.addRow(
            _note(
                "Når I begge har sagt ja til planen (og gerne skrevet under på udskriften), "
                "markerer du den som aftalt. Derefter kan versionen ikke rettes; ændringer bliver "
                "en ny version, så den aftalte altid kan læses, som den var."
            )
        )
        self.errors.add_row(self.form, "&Aftalt den:", self.agreed_on, "agreed_on")
        for field in ("version", "phases", "schedule_start", "target_date"):
            self.errors.attach(field, self.errors.general)
        self.set_minimum_width_in_characters(70)

    def save(self) -> RetentionPlan:
        return self._repository.agree(self._plan.id, self.agreed_on.date_value())


class ReviseDialog(SaveDialog):
    """A new version of an agreed plan: what changed and why."""

    def __init__(self, repository, plan: RetentionPlan, health_check, today: date, parent=None):
        super().__init__(f"Ny version {plan.current.version + 1}", "Lav ny version", parent)
        self._repository, self._plan = repository, plan
        self.made_on = DateField(today)
        self.reason = _checked_text(
            health_check, placeholder="Fx: Trappen går langsommere end ventet; uge 3 gentages."
        )
        self.form.addRow(
            _note(
                f"Version {plan.current.version} bliver stående, som den blev aftalt. Den nye "
                "version begynder som en kopi med medarbejderens timetal i dag, og du retter i "
                "den."
            )
        )
        self.errors.add_row(self.form, "&Dato:", self.made_on, "made_on")
        self.errors.add_row(self.form, "&Hvad ændres, og hvorfor:", self.reason, "reason")
        self.form.addRow("", self.reason.warning)
        self.errors.attach("version", self.errors.general)
        self.set_minimum_width_in_characters(70)

    def save(self) -> RetentionPlan:
        return self._repository.revise(self._plan.id, self.reason.text(), self.made_on.date_value())


class FollowUpDialog(SaveDialog):
    """Plan a follow-up meeting, or record how one went."""

    def __init__(
        self, repository, plan: RetentionPlan, health_check, today: date,
        follow_up: FollowUp | None = None, parent=None,
    ):  # fmt: skip
        super().__init__("Opfølgning på planen", "Gem", parent)
        self._repository, self._plan, self._follow_up = repository, plan, follow_up
        self.due = DateField(follow_up.due if follow_up else today + timedelta(days=14))
        self.held_on = OptionalDateField("Holdt", follow_up.held_on if follow_up else None, today)
        self.holds = QComboBox()
        self.holds.addItem("Vælg …", None)
        for answer in PlanHolds:
            self.holds.addItem(answer.title, answer.value)
        if follow_up and follow_up.holds:
            self.holds.setCurrentIndex(self.holds.findData(follow_up.holds.value))
        self.how = _checked_text(
            health_check,
            follow_up.how_it_went if follow_up else "",
            "Fx: Timerne passer; kasse går fint, opfyldning venter en uge mere.",
        )
        self.errors.add_row(self.form, "&Planlagt til:", self.due, "due")
        self.errors.add_row(self.form, "", self.held_on, "held_on")
        self.errors.add_row(self.form, "Holder &planen:", self.holds, "holds")
        self.errors.add_row(self.form, "Hvordan &går det:", self.how, "texts")
        self.form.addRow("", self.how.warning)
        self.set_minimum_width_in_characters(70)

    def save(self) -> FollowUp:
        holds = self.holds.currentData()
        return self._repository.save_follow_up(
            self._plan.id,
            FollowUp(
                self.due.date_value(),
                self.held_on.value(),
                self.how.text(),
                PlanHolds(holds) if holds else None,
                self._follow_up.id if self._follow_up else None,
            ),
        )
