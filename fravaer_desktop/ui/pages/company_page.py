"""Virksomhed: the company's details and settings, and where its file is kept."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fravaer_desktop.core.danish import counted, day_numbers_text, number
from fravaer_desktop.core.models import AbsencePolicy, Company
from fravaer_desktop.core.rules import default_contact_days, latest
from fravaer_desktop.ui.widgets.heading import heading


def policy_summary(policy: AbsencePolicy) -> tuple[str, str]:
    """Two Danish lines for the Virksomhed page: the contact routine and frequent absence."""
    numbers = latest("fravaerssamtale").numbers
    contact = f"Kontakt på {day_numbers_text(policy.contact_days or default_contact_days())}"
    spells = policy.frequent_spells or numbers["spells"]
    spell_months = policy.frequent_spell_months or numbers["spell_months"]
    days = policy.frequent_days or numbers["days"]
    day_months = policy.frequent_day_months or numbers["day_months"]
    frequent = (
        f"Samtale ved {counted(spells, 'kort sygeperiode', 'korte sygeperioder')} på "
        f"{counted(spell_months, 'måned', 'måneder')} eller "
        f"{counted(days, 'sygedag', 'sygedage')} i korte perioder på "
        f"{counted(day_months, 'måned', 'måneder')}"
    )
    if policy.bradford_enabled:
        frequent += "; Bradford-faktor vises"
    return contact, frequent


class CompanyPage(QWidget):
    edit_requested = Signal()
    backup_requested = Signal()
    policy_requested = Signal()
    backup_folder_requested = Signal()
    restore_requested = Signal()
    lock_requested = Signal()
    password_change_requested = Signal()
    retention_requested = Signal()

    def __init__(self, file_label: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = heading("Virksomhed")
        self.name = QLabel()
        self.cvr = QLabel()
        self.address = QLabel()
        self.salary = QLabel()
        self.hours = QLabel()
        self.contact = QLabel()
        self.frequent = QLabel()
        self.frequent.setWordWrap(True)
        self.file = QLabel(file_label)
        self.file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Navn:", self.name)
        form.addRow("CVR-nummer:", self.cvr)
        form.addRow("Adresse:", self.address)
        form.addRow("Løn under sygdom:", self.salary)
        form.addRow("Normal arbejdstid:", self.hours)
        form.addRow("Kontaktrutine:", self.contact)
        form.addRow("Hyppigt fravær:", self.frequent)
        form.addRow("Data gemmes i:", self.file)
        self.backups = QLabel()
        self.backups.setWordWrap(True)
        self.backups.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("Sikkerhedskopier:", self.backups)
        self.password = QLabel()
        self.password.setWordWrap(True)
        form.addRow("Adgangskode:", self.password)
        edit = QPushButton("Rediger virksomhed…")
        policy = QPushButton("Fraværspolitik…")
        backup = QPushButton("Tag sikkerhedskopi…")
        self.folder_button = QPushButton("Skift mappe til kopier…")
        self.restore_button = QPushButton("Gendan fra sikkerhedskopi…")
        edit.clicked.connect(self.edit_requested)
        policy.clicked.connect(self.policy_requested)
        backup.clicked.connect(self.backup_requested)
        self.folder_button.clicked.connect(self.backup_folder_requested)
        self.restore_button.clicked.connect(self.restore_requested)
        self.lock_button = QPushButton("Lås filen med adgangskode…")
        self.change_password_button = QPushButton("Skift/fjern adgangskode…")
        self.lock_button.clicked.connect(self.lock_requested)
        self.change_password_button.clicked.connect(self.password_change_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(edit)
        buttons.addWidget(policy)
        retention = QPushButton("Sletning af gamle oplysninger…")
        retention.clicked.connect(self.retention_requested)
        buttons.addWidget(retention)
        buttons.addStretch(1)
        backup_buttons = QHBoxLayout()
        backup_buttons.addWidget(backup)
        backup_buttons.addWidget(self.folder_button)
        backup_buttons.addWidget(self.restore_button)
        backup_buttons.addStretch(1)
        password_buttons = QHBoxLayout()
        password_buttons.addWidget(self.lock_button)
        password_buttons.addWidget(self.change_password_button)
        password_buttons.addStretch(1)
        note = QLabel(
            "Alt gemmes på denne computer, hver gang du trykker Gem. Fravær tager selv en "
            "sikkerhedskopi, første gang programmet åbnes hver dag, og gemmer kopierne fra de "
            "seneste 7 dage og 4 uger. Læg kopierne på et USB-stik eller et netværksdrev, så "
            "de også er der, hvis computeren går i stykker."
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(note)
        layout.addLayout(backup_buttons)
        layout.addLayout(password_buttons)
        layout.addStretch(1)

    def show_backups(self, text: str, *, enabled: bool) -> None:
        """Where the automatic backups go and the newest one; `enabled`: a real company file
        (the demo has no backups)."""
        self.backups.setText(text)
        self.folder_button.setEnabled(enabled)
        self.restore_button.setEnabled(enabled)

    def show_password(self, locked: bool, *, enabled: bool) -> None:
        """Whether the file is locked with a password (decision 0022); `enabled`: a real
        company file (the demo stays unlocked)."""
        if not enabled:
            text = "Ingen: demovirksomheden kan ikke låses."
        elif locked:
            text = "Filen og Fraværs sikkerhedskopier af den er krypteret med en adgangskode."
        else:
            text = "Ingen. Filen kan læses af alle, der kan komme til den."
        self.password.setText(text)
        self.lock_button.setVisible(not locked)
        self.change_password_button.setVisible(locked)
        self.lock_button.setEnabled(enabled)
        self.change_password_button.setEnabled(enabled)

    def show_policy(self, policy: AbsencePolicy) -> None:
        contact, frequent = policy_summary(policy)
        self.contact.setText(contact)
        self.frequent.setText(frequent)

    def show_company(self, company: Company | None) -> None:
        if company is None:
            self.name.setText("(ikke oprettet)")
            return
        self.name.setText(company.name)
        self.cvr.setText(company.cvr)
        self.address.setText(company.address.replace("\n", ", "))
        self.salary.setText(
            "Ja, virksomheden betaler løn" if company.pays_salary_during_sickness else "Nej"
        )
        self.hours.setText(f"{number(company.standard_weekly_hours)} timer pr. uge")
