"""Fraværspolitik: the company's own routine for keeping contact and for frequent short absence."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from fravaer_desktop.core.danish import day_numbers_text
from fravaer_desktop.core.models import AbsencePolicy
from fravaer_desktop.core.rules import CONTACT_PRESETS, default_contact_days, latest
from fravaer_desktop.core.validation import FieldError, ValidationError
from fravaer_desktop.storage.followup_repositories import (
    MAX_POLICY_COUNT,
    MAX_POLICY_MONTHS,
    PolicyRepository,
)
from fravaer_desktop.ui.dialogs.base import SaveDialog
from fravaer_desktop.ui.note_style import note_style

OWN_DAYS = "Egne dage"
OWN_DAYS_MESSAGE = "Skriv fraværsdagene som tal adskilt af komma, fx 1, 4, 10."
BRADFORD_NOTE = (
    "Bradford-faktoren (antal sygeperioder² × antal sygedage, begge inden for de seneste 52 "
    "uger) vægter mange korte sygeperioder tungt. Den er et groft mål: den siger intet om "
    "årsagen og må aldrig stå alene."
)


def parse_days(text: str) -> tuple[int, ...] | None:
    """'1, 5 og 14' -> (1, 5, 14); None when the text holds anything but day numbers."""
    parts = [p for p in re.split(r"[,\s]+|\bog\b", text.strip()) if p]
    if not parts or not all(p.isdigit() for p in parts):
        return None
    return tuple(sorted({int(p) for p in parts}))


class PolicyDialog(SaveDialog):
    """Stores the policy with PolicyRepository.save; result_object is the saved AbsencePolicy."""

    def __init__(self, repository: PolicyRepository, parent: QWidget | None = None):
        super().__init__("Fraværspolitik", save_text="Gem politik", parent=parent)
        self._repository = repository
        policy = repository.get()
        numbers = latest("fravaerssamtale").numbers
        intro = QLabel(
            "Jeres egne rutiner (ikke lovkrav). Overblikket minder dig om at kontakte en syg "
            "medarbejder på de valgte fraværsdage og foreslår en støttende samtale ved hyppigt "
            "fravær."
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.contact_choice = QComboBox()
        self.contact_choice.setAccessibleName("Kontaktrutine")
        default = default_contact_days()
        self.presets = list(dict.fromkeys((default, *CONTACT_PRESETS.values())))
        for days in self.presets:
            label = day_numbers_text(days).capitalize() + (" (standard)" if days == default else "")
            self.contact_choice.addItem(label)
        self.contact_choice.addItem(OWN_DAYS)
        current = policy.contact_days or default
        self.own_days = QLineEdit(", ".join(str(d) for d in current))
        self.own_days.setPlaceholderText("fx 1, 4, 10")
        self.own_days.setAccessibleName("Egne kontaktdage")
        self.contact_choice.currentIndexChanged.connect(
            lambda _: self.own_days.setEnabled(self.chosen_preset() is None)
        )
        self.choose_preset(current)
        self.form.addRow("&Kontakt på:", self.contact_choice)
        self.errors.add_row(self.form, "&Egne dage:", self.own_days, "contact_days")
        self.spells = self._spin(policy.frequent_spells or numbers["spells"], "Antal perioder")
        self.spell_months = self._spin(
            policy.frequent_spell_months or numbers["spell_months"], "Måneder for perioder",
            MAX_POLICY_MONTHS,
        )  # fmt: skip
        self.days = self._spin(policy.frequent_days or numbers["days"], "Antal dage")
        self.day_months = self._spin(
            policy.frequent_day_months or numbers["day_months"], "Måneder for dage",
            MAX_POLICY_MONTHS,
        )  # fmt: skip
        spells_row = _row(self.spells, "korte sygeperioder på", self.spell_months, "måneder")
        self.form.addRow("Hyppigt fravær:", spells_row)
        days_row = _row(self.days, "sygedage i korte perioder på", self.day_months, "måneder")
        self.form.addRow("eller:", days_row)
        self.bradford = QCheckBox("Vis Bradford-faktoren")
        self.bradford.setChecked(policy.bradford_enabled)
        self.form.addRow("", self.bradford)
        note = QLabel(BRADFORD_NOTE)
        note.setWordWrap(True)
        note.setStyleSheet(note_style())
        self.form.addRow("", note)
        self.set_minimum_width_in_characters(75)

    @staticmethod
    def _spin(value: int, name: str, most: int = MAX_POLICY_COUNT) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(1, most)
        spin.setValue(value)
        spin.setAccessibleName(name)
        return spin

    def chosen_preset(self) -> tuple[int, ...] | None:
        """The preset routine chosen, or None for the company's own days."""
        index = self.contact_choice.currentIndex()
        return self.presets[index] if 0 <= index < len(self.presets) else None

    def choose_preset(self, days: tuple[int, ...]) -> None:
        """Select the preset with these days, or "Egne dage" when there is none."""
        index = self.presets.index(days) if days in self.presets else len(self.presets)
        self.contact_choice.setCurrentIndex(index)
        self.own_days.setEnabled(self.chosen_preset() is None)

    def contact_days(self) -> tuple[int, ...]:
        chosen = self.chosen_preset()
        if chosen is not None:
            return chosen
        days = parse_days(self.own_days.text())
        if days is None:
            raise ValidationError([FieldError("contact_days", OWN_DAYS_MESSAGE)])
        return days

    def save(self) -> AbsencePolicy:
        policy = AbsencePolicy(
            contact_days=self.contact_days(),
            frequent_spells=self.spells.value(),
            frequent_spell_months=self.spell_months.value(),
            frequent_days=self.days.value(),
            frequent_day_months=self.day_months.value(),
            bradford_enabled=self.bradford.isChecked(),
        )
        return self._repository.save(policy)


def _row(first: QSpinBox, middle: str, second: QSpinBox, last: str) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(first)
    layout.addWidget(QLabel(middle))
    layout.addWidget(second)
    layout.addWidget(QLabel(last))
    layout.addStretch(1)
    return box
