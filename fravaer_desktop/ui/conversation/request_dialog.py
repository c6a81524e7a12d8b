"""Asking for documentation of an absence (tro og love, friattest, mulighedserklæring,
varighedserklæring): what, when, by when and who pays; later, when it came."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from fravaer_desktop.core.conversation import DocumentRequest, PaidBy
from fravaer_desktop.core.guides import Guides
from fravaer_desktop.core.models import AbsenceSpell
from fravaer_desktop.storage.conversation_repository import DocumentRequestRepository
from fravaer_desktop.ui.dialogs.base import SaveDialog
from fravaer_desktop.ui.note_style import note_style
from fravaer_desktop.ui.widgets.date_field import DateField, OptionalDateField


class DocumentRequestDialog(SaveDialog):
    """A new request (about `spell`, when given) or a stored one to change."""

    def __init__(
        self,
        repository: DocumentRequestRepository,
        guides: Guides,
        employee_id: int,
        today,
        spell: AbsenceSpell | None = None,
        request: DocumentRequest | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__("Bed om dokumentation" if request is None else "Dokumentation", "Gem",
                         parent)  # fmt: skip
        self._repository = repository
        self._guides = guides
        self._employee_id = employee_id
        self._spell_id = request.spell_id if request else (spell.id if spell else None)
        self._request = request
        self.kind = QComboBox()
        for kind in guides.documentation.values():
            self.kind.addItem(kind.title, kind.id)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setStyleSheet(note_style())
        self.requested_on = DateField(request.requested_on if request else today)
        self.deliver_by = DateField(request.deliver_by if request else today + timedelta(days=7))
        self.paid_by = QComboBox()
        for payer in PaidBy:
            self.paid_by.addItem(payer.title, payer.value)
        self.received_on = OptionalDateField(
            "Modtaget", request.received_on if request else None, today
        )
        self.errors.add_row(self.form, "&Hvad:", self.kind, "kind")
        self.form.addRow("", self.explanation)
        self.errors.add_row(self.form, "&Bedt om den:", self.requested_on, "requested_on")
        self.errors.add_row(self.form, "&Frist:", self.deliver_by, "deliver_by")
        self.errors.add_row(self.form, "Betales &af:", self.paid_by, "paid_by")
        self.errors.add_row(self.form, "", self.received_on, "received_on")
        self.set_minimum_width_in_characters(70)
        if request is not None:
            self.kind.setCurrentIndex(self.kind.findData(request.kind))
            self.paid_by.setCurrentIndex(self.paid_by.findData(request.paid_by.value))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed(keep_deadline=request is not None)

    def _kind_changed(self, *_args, keep_deadline: bool = False) -> None:
        kind = self._guides.documentation[self.kind.currentData()]
        self.explanation.setText(f"{kind.what_it_is}\n\nBetaling: {kind.who_pays}")
        if not keep_deadline and kind.default_delivery_days is not None:
            self.deliver_by.set_date(
                self.requested_on.date_value() + timedelta(days=kind.default_delivery_days)
            )

    def save(self) -> DocumentRequest:
        return self._repository.save(
            DocumentRequest(
                employee_id=self._employee_id,
                kind=self.kind.currentData(),
                requested_on=self.requested_on.date_value(),
                deliver_by=self.deliver_by.date_value(),
                paid_by=PaidBy(self.paid_by.currentData()),
                spell_id=self._spell_id,
                received_on=self.received_on.value(),
                id=self._request.id if self._request else None,
            )
        )
