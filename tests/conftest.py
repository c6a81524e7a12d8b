"""Shared test setup: offscreen Qt, a fixed 'today', and fresh migrated databases."""

from __future__ import annotations

import os
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fravaer_desktop.core.models import Company, Employee  # noqa: E402
from fravaer_desktop.storage.database import open_database  # noqa: E402
from fravaer_desktop.storage.repositories import Store  # noqa: E402

TODAY = date(2026, 11, 23)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def store() -> Store:
    """A fresh, migrated in-memory company file with a fixed 'today'."""
    return Store(open_database(":memory:"), today=lambda: TODAY)


@pytest.fixture
def company_store(store: Store) -> Store:
    """A store with a company and two employees."""
    store.company.save(Company(name="Bageriet Solsikken ApS", cvr="10150817", address="Torvet 3"))
    store.employees.add(
        Employee(name="Anna Jensen", employed_from=date(2019, 3, 1), department="Butik")
    )
    store.employees.add(
        Employee(
            name="Bo Nielsen", employed_from=date(2021, 8, 15), department="Bageri",
            weekly_hours=30,
        )
    )
    return store


@pytest.fixture
def newer_program(monkeypatch: pytest.MonkeyPatch) -> None:
    """This program knows one migration more (m999) than the files written before the fixture
    ran: opening such a file upgrades it, as after installing a new version of Fravær."""
    from sqlite_utils.migrations import Migrations

    from fravaer_desktop.storage import database as database_module
    from fravaer_desktop.storage.migrations import MIGRATION_SET, migrations

    newer = Migrations(MIGRATION_SET)
    for real in migrations._migrations:
        newer(name=real.name)(real.fn)
    newer(name="m999_test_notes")(
        lambda db: db.execute("CREATE TABLE test_notes (id INTEGER PRIMARY KEY, text TEXT)")
    )
    monkeypatch.setattr(database_module, "schema_migrations", lambda: newer)
    monkeypatch.setattr(
        database_module, "known_migration_names", lambda: [m.name for m in newer._migrations]
    )
