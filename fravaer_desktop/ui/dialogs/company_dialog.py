"""Create or edit the company: name, CVR, address, logo and sickness-pay settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from fravaer_desktop.core.cvr import normalise_cvr
from fravaer_desktop.core.models import Company
from fravaer_desktop.core.validation import MAX_NAME_LENGTH
from fravaer_desktop.storage.repositories import CompanyRepository
from fravaer_desktop.ui.dialogs.base import SaveDialog
from fravaer_desktop.ui.file_dialogs import choose_file

MAX_LOGO_BYTES = 2_000_000
LOGO_PROBLEM = (
    "Billedet kan ikke bruges som logo. Vælg et PNG- eller JPEG-billede på højst 2 MB."
)


class CompanyDialog(SaveDialog):
    def __init__(self, repository: CompanyRepository, parent: QWidget | None = None):
        existing = repository.get()
        super().__init__("Virksomhed" if existing else "Opret virksomhed", parent=parent)
        self._repository = repository
        company = existing or Company(name="")
        self._logo = company.logo
        self.name_edit = QLineEdit(company.name)
        self.name_edit.setMaxLength(max(MAX_NAME_LENGTH, len(company.name)))
        self.name_edit.setPlaceholderText("fx Bageriet Solsikken ApS")
        self.cvr_edit = QLineEdit(company.cvr)
        self.cvr_edit.setPlaceholderText("8 cifre")
        self.cvr_edit.setMaxLength(14)
        self.address_edit = QPlainTextEdit(company.address)
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(self.fontMetrics().height() * 4)
        self.pays_salary = QCheckBox("Virksomheden betaler løn under sygdom")
        self.pays_salary.setChecked(company.pays_salary_during_sickness)
        self.weekly_hours = QDoubleSpinBox()
        self.weekly_hours.setRange(0, 80)
        self.weekly_hours.setDecimals(1)
        self.weekly_hours.setSuffix(" timer")
        self.weekly_hours.setValue(company.standard_weekly_hours)
        self.errors.add_row(self.form, "&Navn:", self.name_edit, "name")
        self.errors.add_row(self.form, "&CVR-nummer:", self.cvr_edit, "cvr")
        self.errors.add_row(self.form, "&Adresse:", self.address_edit, "address")
        self.errors.add_row(self.form, "&Logo:", self._logo_row(), "logo")
        self.form.addRow("", self.pays_salary)
        self.errors.add_row(
            self.form, "Normal &arbejdstid pr. uge:", self.weekly_hours, "standard_weekly_hours"
        )
        self.set_minimum_width_in_characters(70)

    def company(self) -> Company:
        return Company(
            name=self.name_edit.text().strip(),
            cvr=normalise_cvr(self.cvr_edit.text()),
            address=self.address_edit.toPlainText().strip(),
            logo=self._logo,
            pays_salary_during_sickness=self.pays_salary.isChecked(),
            standard_weekly_hours=self.weekly_hours.value(),
        )

    def save(self) -> Company:
        return self._repository.save(self.company())

    def set_logo_file(self, path: Path) -> bool:
        data = path.read_bytes()
        pixmap = QPixmap()
        if len(data) > MAX_LOGO_BYTES or not pixmap.loadFromData(data):
            self.errors.set_message("logo", LOGO_PROBLEM)
            return False
        self.errors.set_message("logo", "")
        self._logo = data
        self._show_logo()
        return True

    def _logo_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.logo_preview = QLabel()
        self.logo_preview.setMinimumHeight(48)
        choose = QPushButton("Vælg billede…")
        remove = QPushButton("Fjern")
        choose.clicked.connect(self._choose_logo)
        remove.clicked.connect(self._remove_logo)
        layout.addWidget(self.logo_preview, 1)
        layout.addWidget(choose)
        layout.addWidget(remove)
        self._show_logo()
        return row

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self._logo and pixmap.loadFromData(self._logo):
            self.logo_preview.setPixmap(
                pixmap.scaledToHeight(48, Qt.TransformationMode.SmoothTransformation)
            )
        else:
            self.logo_preview.setText("Intet logo (valgfrit)")

    def _choose_logo(self) -> None:
        chosen = choose_file(self, "Vælg logo", "", "Billeder (*.png *.jpg *.jpeg)", save=False)
        if chosen is not None:
            self.set_logo_file(chosen)

    def _remove_logo(self) -> None:
        self.errors.set_message("logo", "")
        self._logo = None
        self.logo_preview.clear()
        self._show_logo()
