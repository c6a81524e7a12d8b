"""Ikke relevant: the manager says why an item on the overview does not apply, and it is stored."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from fravaer_desktop.core.danish import long_date
from fravaer_desktop.core.models import TaskDecision, TaskStatus
from fravaer_desktop.core.overview import OverviewItem
from fravaer_desktop.core.privacy import HealthTextCheck
from fravaer_desktop.storage.followup_repositories import MAX_REASON_LENGTH, DecisionRepository
from fravaer_desktop.ui.dialogs.base import SaveDialog, ask_yes_no

REASON_HINT = "fx »Medarbejderen er raskmeldt« eller »Aftalt med kommunen«"


class NotRelevantDialog(SaveDialog):
    """Stores a NOT_RELEVANT decision with a reason; result_object is the TaskDecision."""

    def __init__(
        self,
        decisions: DecisionRepository,
        item: OverviewItem,
        health_check: HealthTextCheck,
        parent: QWidget | None = None,
    ):
        super().__init__("Ikke relevant", save_text="Gem", parent=parent)
        self._decisions = decisions
        self._item = item
        self._health_check = health_check
        due = f", frist {long_date(item.due)}" if item.due else ""
        intro = QLabel(
            f"<b>{escape(item.title)}</b> for {escape(item.employee_name)}{due}.<br>"
            "Skriv kort, hvorfor punktet ikke er relevant. Begrundelsen gemmes, så du senere kan "
            "se, hvad der blev besluttet. Skriv ikke noget om medarbejderens helbred."
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.reason = QLineEdit()
        self.reason.setMaxLength(MAX_REASON_LENGTH + 1)
        self.reason.setPlaceholderText(REASON_HINT)
        self.reason.setAccessibleName("Begrundelse")
        self.errors.add_row(self.form, "&Begrundelse:", self.reason, "reason")
        self.set_minimum_width_in_characters(70)

    def confirm_before_save(self) -> bool:
        warning = self._health_check.warning_for(self.reason.text())
        if warning is None:
            return True
        text = warning.replace("Noten", "Begrundelsen") + "\n\nGem alligevel?"
        return ask_yes_no(
            self, "Helbredsoplysninger i begrundelsen?", text, "Gem alligevel", "Ret begrundelsen"
        )

    def save(self) -> TaskDecision:
        item = self._item
        return self._decisions.decide(
            item.rule, item.employee_id, TaskStatus.NOT_RELEVANT,
            spell_id=item.spell_id, due=item.due, reason=self.reason.text(),
        )  # fmt: skip
