"""Repositories: validated reads and writes of company, employees and absence spells.

Every write is one transaction and is validated first; on a ValidationError nothing is stored.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING

from fravaer_desktop.core.danish import number
from fravaer_desktop.core.models import AbsenceSpell, Company, Employee
from fravaer_desktop.core.validation import (
    FieldError,
    ValidationError,
    raise_if_any,
    validate_company,
    validate_employee,
    validate_spell,
)
from fravaer_desktop.storage.apv_repository import ApvRepository
from fravaer_desktop.storage.change_log import (
    CHANGED,
    CREATED,
    DELETED,
    log_change,
    log_created_since,
    max_id,
)
from fravaer_desktop.storage.conversation_repository import (
    ConversationRepository,
    DocumentRequestRepository,
)
from fravaer_desktop.storage.followup_repositories import (
    DecisionRepository,
    GoalRepository,
    PolicyRepository,
)
from fravaer_desktop.storage.retention_plan_repository import RetentionPlanRepository
from fravaer_desktop.storage.rows import (
    EMPLOYEE_COLUMNS,
    SPELL_COLUMNS,
    company_from_row,
    company_to_row,
    employee_from_row,
    employee_to_row,
    spell_from_row,
    spell_from_tuple,
    spell_to_row,
)

if TYPE_CHECKING:
    from fravaer_desktop.storage.database import CompanyDatabase


ONE_DAY = timedelta(days=1)

NO_EMPLOYEE_MESSAGE = "Vælg den medarbejder, fraværet gælder."
SPELL_GONE_MESSAGE = (
    "Fraværsperioden findes ikke længere. Den er slettet i et andet Fravær-vindue, efter du "
    "åbnede den. Luk dialogen, og registrér fraværet igen, hvis det stadig gælder."
)
EMPLOYEE_GONE_MESSAGE = (
    "Medarbejderen findes ikke længere. Vedkommende er slettet i et andet Fravær-vindue, "
    "efter du åbnede oplysningerne. Luk dialogen, og opret medarbejderen igen, hvis det "
    "stadig gælder."
)
SPELL_CHANGED_MESSAGE = (
    "Fraværsperioden er ændret eller slettet i et andet Fravær-vindue, efter du åbnede den. "
    "Luk dialogen, og åbn perioden igen, så du arbejder videre på den gemte udgave."
)
EMPLOYEE_CHANGED_MESSAGE = (
    "Medarbejderens oplysninger er ændret eller slettet i et andet Fravær-vindue, efter du "
    "åbnede dem. Luk dialogen, og åbn medarbejderen igen, så du arbejder videre på den gemte "
    "udgave."
)

#: The kinds of record in the change log (storage/change_log.py).
COMPANY, EMPLOYEE, SPELL = "Virksomhedens oplysninger", "Medarbejder", "Fraværsperiode"

NOT_DELETED_CHANGED_MESSAGE = (
    "Intet er slettet. Oplysningerne er ændret i et andet Fravær-vindue, efter listen her blev "
    "vist. Luk Fravær, og åbn filen igen for at se den gemte udgave, før du sletter."
)


def _stored_as_expected(get, row_id: int, expected, gone_message: str, changed_message: str):
    """The stored row (through `get`, which raises KeyError when there is none); a Danish
    ValidationError when it is gone, or differs from `expected` (the row as the user saw it)."""
    try:
        stored = get(row_id)
    except KeyError:
        raise ValidationError([FieldError("id", gone_message)]) from None
    if expected is not None and stored != expected:
        raise ValidationError([FieldError("id", changed_message)])
    return stored


class CompanyRepository:
    def __init__(self, db: CompanyDatabase):
        self._db = db

    def get(self) -> Company | None:
        rows = self._db.rows("SELECT * FROM company WHERE id = 1")
        return company_from_row(rows[0]) if rows else None

    def save(self, company: Company) -> Company:
        raise_if_any(validate_company(company))
        with self._db.atomic():
            existed = self.get() is not None
            self._db["company"].upsert(company_to_row(company), pk="id")
            log_change(self._db, CHANGED if existed else CREATED, "company", 1, None, COMPANY)
        return company


class EmployeeRepository:
    def __init__(self, db: CompanyDatabase):
        self._db = db

    def list_all(self) -> list[Employee]:
        sql = f"SELECT {EMPLOYEE_COLUMNS} FROM employees ORDER BY name COLLATE NOCASE, id"
        return [employee_from_row(r) for r in self._db.rows(sql)]

    def get(self, employee_id: int) -> Employee:
        rows = self._db.rows(
            f"SELECT {EMPLOYEE_COLUMNS} FROM employees WHERE id = ?", (employee_id,)
        )
        if not rows:
            raise KeyError(employee_id)
        return employee_from_row(rows[0])

    def departments(self) -> list[str]:
        sql = "SELECT DISTINCT department FROM employees WHERE department <> '' ORDER BY 1"
        return [r["department"] for r in self._db.rows(sql)]

    def add(self, employee: Employee) -> Employee:
        raise_if_any(validate_employee(employee))
        with self._db.atomic():
            new_id = self._db["employees"].insert(employee_to_row(employee)).last_pk
            log_change(self._db, CREATED, "employees", new_id, new_id, EMPLOYEE)
        return dataclasses.replace(employee, id=new_id)

    def add_many(self, employees: Iterable[Employee]) -> list[Employee]:
        """Add every employee in one transaction (an import from the payroll system), each
        checked like `add`. When one is refused, none is stored: the ValidationError names
        each refused one by its place in the list and its name."""
        employees = list(employees)
        errors = [
            FieldError(error.field, f"Medarbejder {place} ({e.name.strip()}): {error.message}")
            for place, e in enumerate(employees, start=1)
            for error in validate_employee(e)
        ]
        raise_if_any(errors)
        table = self._db["employees"]
        with self._db.atomic():
            new_ids = [table.insert(employee_to_row(e)).last_pk for e in employees]
            for new_id in new_ids:
                log_change(self._db, CREATED, "employees", new_id, new_id, EMPLOYEE)
        return [dataclasses.replace(e, id=i) for e, i in zip(employees, new_ids, strict=True)]

    def update(self, employee: Employee, *, expected: Employee | None = None) -> Employee:
        """Store the changed employee. With `expected` (the employee as the dialog read it), the
        stored row must still be exactly that, or nothing is stored (another window changed or
        deleted it, or a new employee has since been given the deleted one's number)."""
        assert employee.id is not None, "update needs a stored employee"
        with self._db.atomic():  # checked and written under one lock (a second window)
            self._check_unchanged(employee.id, expected)
            errors = validate_employee(employee)
            errors += self._spells_outside_employment(employee)
            errors += self._open_partial_spells_beyond(employee)
            raise_if_any(errors)
            self._db["employees"].update(employee.id, employee_to_row(employee))
            log_change(self._db, CHANGED, "employees", employee.id, employee.id, EMPLOYEE)
        return employee

    def delete(self, employee_id: int, *, expected: Employee | None = None) -> None:
        """Delete the employee and, through the foreign key, all of the employee's absence.

        With `expected` (the employee the user confirmed, named by name and start date),
        nothing is deleted when the stored row is gone or is another person."""
        with self._db.atomic():
            if expected is not None:
                try:
                    stored = self.get(employee_id)
                except KeyError:
                    return  # deleted in another window already: as the user asked
                if (stored.name, stored.employed_from) != (expected.name, expected.employed_from):
                    raise ValidationError([FieldError("id", NOT_DELETED_CHANGED_MESSAGE)])
            deleted = self._db.execute("DELETE FROM employees WHERE id = ?", (employee_id,))
            if deleted.rowcount:  # the lines about them went with them; this one names no one
                log_change(self._db, DELETED, "employees", employee_id, None, EMPLOYEE)

    def _check_unchanged(self, employee_id: int, expected: Employee | None) -> Employee:
        return _stored_as_expected(
            self.get, employee_id, expected, EMPLOYEE_GONE_MESSAGE, EMPLOYEE_CHANGED_MESSAGE
        )

    def _spells_outside_employment(self, employee: Employee) -> list[FieldError]:
        row = self._db.rows(
            "SELECT MIN(first_day) AS first, MAX(COALESCE(last_day, first_day)) AS last "
            "FROM absence_spells "
            "WHERE employee_id = ?",
            (employee.id,),
        )[0]
        errors = []
        if row["first"] and row["first"] < employee.employed_from.isoformat():
            errors.append(
                FieldError(
                    "employed_from",
                    "Der er registreret fravær før denne ansættelsesdato. Ret datoen eller "
                    "fraværet først.",
                )
            )
        if employee.employed_to and row["last"] and row["last"] > employee.employed_to.isoformat():
            errors.append(
                FieldError(
                    "employed_to",
                    "Der er registreret fravær efter denne fratrædelsesdato. Ret datoen eller "
                    "fraværet først.",
                )
            )
        return errors

    def _open_partial_spells_beyond(self, employee: Employee) -> list[FieldError]:
        """Fewer weekly hours than an open partial absence has hours away is impossible."""
        row = self._db.rows(
            "SELECT MAX(partial_hours_per_week) AS hours FROM absence_spells "
            "WHERE employee_id = ? AND last_day IS NULL AND partial_hours_per_week IS NOT NULL",
            (employee.id,),
        )[0]
        if row["hours"] is None or row["hours"] < employee.weekly_hours:
            return []
        return [
            FieldError(
                "weekly_hours",
                f"{employee.name} er delvist fraværende med {number(row['hours'])} timer om ugen "
                "i en fraværsperiode, der stadig er i gang. Arbejdstiden skal være højere end det; "
                "ret først fraværsperioden (fx til fuldt fravær), og gem så den nye arbejdstid.",
            )
        ]


class AbsenceRepository:
    def __init__(self, db: CompanyDatabase, today: Callable[[], date] = date.today):
        self._db = db
        self._today = today

    def get(self, spell_id: int) -> AbsenceSpell:
        rows = self._db.rows(
            f"SELECT {SPELL_COLUMNS} FROM absence_spells WHERE id = ?", (spell_id,)
        )
        if not rows:
            raise KeyError(spell_id)
        return spell_from_row(rows[0])

    def for_employee(self, employee_id: int) -> list[AbsenceSpell]:
        sql = (
            f"SELECT {SPELL_COLUMNS} FROM absence_spells WHERE employee_id = ? "
            "ORDER BY first_day DESC"
        )
        return [spell_from_tuple(r) for r in self._db.read(sql, (employee_id,)).fetchall()]

    def between(self, first: date, last: date) -> list[AbsenceSpell]:
        """Spells that touch the period from `first` to `last` (ongoing ones included)."""
        # The unary plus keeps SQLite off idx_spells_first_day, which would walk every spell
        # that began before `last` (all of them for today); through idx_spells_last_day it reads
        # only the ongoing spells and those ending on or after `first`, then sorts those few.
        sql = (
            f"SELECT {SPELL_COLUMNS} FROM absence_spells WHERE +first_day <= ? "
            "AND (last_day IS NULL OR last_day >= ?) ORDER BY +first_day DESC, id DESC"
        )
        cursor = self._db.read(sql, (last.isoformat(), first.isoformat()))
        return [spell_from_tuple(r) for r in cursor.fetchall()]

    def all(self) -> list[AbsenceSpell]:
        sql = f"SELECT {SPELL_COLUMNS} FROM absence_spells ORDER BY first_day DESC, id DESC"
        return [spell_from_tuple(r) for r in self._db.read(sql).fetchall()]

    def ongoing(self) -> list[AbsenceSpell]:
        """Spells without a last day (the employee has not been registered fit yet)."""
        sql = (
            f"SELECT {SPELL_COLUMNS} FROM absence_spells WHERE last_day IS NULL "
            "ORDER BY first_day DESC, id DESC"
        )
        return [spell_from_tuple(r) for r in self._db.read(sql).fetchall()]

    def on_day(self, day: date) -> list[AbsenceSpell]:
        return self.between(day, day)

    def on_day_with_preceding(self, day: date) -> list[AbsenceSpell]:
        """The spells covering `day`, and every spell of the same employee that they continue
        directly (ends the day before one of them begins, and so on back): enough to find where
        each of today's absences began, without reading anyone's whole history."""
        found = self.on_day(day)
        seen = {s.id for s in found}
        frontier = found
        while frontier:
            wanted = {(s.employee_id, s.first_day - ONE_DAY) for s in frontier}
            days = sorted({last.isoformat() for _, last in wanted})
            sql = (
                f"SELECT {SPELL_COLUMNS} FROM absence_spells "
                f"WHERE last_day IN ({', '.join('?' * len(days))})"
            )
            candidates = [spell_from_tuple(r) for r in self._db.read(sql, days).fetchall()]
            frontier = [
                s for s in candidates
                if (s.employee_id, s.last_day) in wanted and s.id not in seen
            ]  # fmt: skip
            seen.update(s.id for s in frontier)
            found += frontier
        return found

    def count(self) -> int:
        return self._db.read("SELECT COUNT(*) FROM absence_spells").fetchone()[0]

    def add(self, spell: AbsenceSpell) -> AbsenceSpell:
        with self._db.atomic():  # checked and written under one lock (a second window)
            self._validate(spell)
            new_id = self._db["absence_spells"].insert(spell_to_row(spell)).last_pk
            log_change(self._db, CREATED, "absence_spells", new_id, spell.employee_id, SPELL)
        return dataclasses.replace(spell, id=new_id)

    def add_many(self, spells: Iterable[AbsenceSpell]) -> int:
        """Store several new spells in one transaction (the demo company); returns how many.

        Each is checked as `add` checks it, against the file and the spells before it in the
        batch; on the first bad one a ValidationError is raised and nothing is stored.
        """
        with self._db.atomic():
            employees = {e.id: e for e in EmployeeRepository(self._db).list_all()}
            known: dict[int, list[AbsenceSpell]] = {}
            today = self._today()
            rows = []
            for spell in spells:
                employee = employees.get(spell.employee_id)
                if employee is None:
                    raise ValidationError([FieldError("employee_id", NO_EMPLOYEE_MESSAGE)])
                if spell.employee_id not in known:
                    known[spell.employee_id] = self.for_employee(spell.employee_id)
                others = known[spell.employee_id]
                raise_if_any(validate_spell(spell, employee, others, today))
                others.append(spell)
                rows.append(spell_to_row(spell))
            before = max_id(self._db, "absence_spells")
            self._db["absence_spells"].insert_all(rows)
            log_created_since(self._db, "absence_spells", before, SPELL)
        return len(rows)

    def update(self, spell: AbsenceSpell, *, expected: AbsenceSpell | None = None) -> AbsenceSpell:
        """Store the changed spell. With `expected` (the spell as the dialog read it), the stored
        row must still be exactly that, or nothing is stored (another window changed or deleted
        it, or a new spell has since been given the deleted one's number)."""
        assert spell.id is not None, "update needs a stored spell"
        with self._db.atomic():  # checked and written under one lock (a second window)
            self._check_unchanged(spell.id, expected)
            self._validate(spell)
            self._db["absence_spells"].update(spell.id, spell_to_row(spell))
            log_change(self._db, CHANGED, "absence_spells", spell.id, spell.employee_id, SPELL)
            # Decisions about the spell follow it when it was registered on the wrong person.
            self._db.execute(
                "UPDATE task_decisions SET employee_id = ? WHERE spell_id = ?",
                (spell.employee_id, spell.id),
            )
        return spell

    def register_return(
        self, spell_id: int, last_day: date, *, expected: AbsenceSpell | None = None
    ) -> AbsenceSpell:
        """Raskmelding: set the last absence day of a spell (as `update` checks `expected`)."""
        with self._db.atomic():
            stored = self._check_unchanged(spell_id, expected)
            return self.update(dataclasses.replace(stored, last_day=last_day))

    def delete(self, spell_id: int, *, expected: AbsenceSpell | None = None) -> None:
        """Delete the spell. With `expected` (the spell the user confirmed, named by its
        employee and first day), nothing is deleted when the stored row is gone or is another
        absence; a changed last day or note (a list can show an older copy) does not matter."""
        with self._db.atomic():
            if expected is not None:
                try:
                    stored = self.get(spell_id)
                except KeyError:
                    return  # deleted in another window already: as the user asked
                if (stored.employee_id, stored.first_day) != (
                    expected.employee_id, expected.first_day
                ):  # fmt: skip
                    raise ValidationError([FieldError("id", NOT_DELETED_CHANGED_MESSAGE)])
            rows = self._db.rows("SELECT employee_id FROM absence_spells WHERE id = ?", (spell_id,))
            self._db.execute("DELETE FROM absence_spells WHERE id = ?", (spell_id,))
            if rows:
                log_change(self._db, DELETED, "absence_spells", spell_id, rows[0]["employee_id"],
                           SPELL)  # fmt: skip

    def _check_unchanged(self, spell_id: int, expected: AbsenceSpell | None) -> AbsenceSpell:
        return _stored_as_expected(
            self.get, spell_id, expected, SPELL_GONE_MESSAGE, SPELL_CHANGED_MESSAGE
        )

    def _validate(self, spell: AbsenceSpell) -> None:
        try:
            employee = EmployeeRepository(self._db).get(spell.employee_id)
        except KeyError:
            raise ValidationError([FieldError("employee_id", NO_EMPLOYEE_MESSAGE)]) from None
        others = self.for_employee(spell.employee_id)
        raise_if_any(validate_spell(spell, employee, others, self._today()))


class Store:
    """The repositories of one open company file, handed to the user interface."""

    def __init__(self, db: CompanyDatabase, today: Callable[[], date] = date.today):
        self.db = db
        self.today = today
        self.company = CompanyRepository(db)
        self.employees = EmployeeRepository(db)
        self.absences = AbsenceRepository(db, today)
        self.decisions = DecisionRepository(db, today)
        self.policy = PolicyRepository(db)
        self.goals = GoalRepository(db)
        self.conversations = ConversationRepository(db, self.absences.for_employee, today)
        self.document_requests = DocumentRequestRepository(db, self.absences.for_employee, today)
        self.retention_plans = RetentionPlanRepository(db, self.employees, self.absences, today)
        self.apvs = ApvRepository(db, today)
