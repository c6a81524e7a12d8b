"""The access request (indsigt) for one employee of the demo company: the PDF and the JSON
hold every stored record about them, and nothing about anyone else."""

from __future__ import annotations

import base64
import io
import json
import re

import pytest
from pypdf import PdfReader

from fravaer_desktop.core.danish import long_date
from fravaer_desktop.reports.retention_plan_documents import section_texts
from fravaer_desktop.services.access_request import (
    access_report_data,
    access_report_pdf,
    access_request_json,
    file_name,
)
from fravaer_desktop.storage.employee_records import foreign_keys
from tests.storage.company_files import TODAY, demo_file

NAME = "Rasmus Schmidt"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from fravaer_desktop.app import open_store

    path = demo_file(tmp_path_factory.mktemp("indsigt") / "demo.sqlite")
    store = open_store(path, demo=False, create=False, today=TODAY)
    yield store
    store.db.close()


@pytest.fixture(scope="module")
def rasmus(demo):
    return next(e for e in demo.employees.list_all() if e.name == NAME)


@pytest.fixture(scope="module")
def pdf_text(demo, rasmus) -> str:
    reader = PdfReader(io.BytesIO(access_report_pdf(demo, rasmus.id, TODAY)))
    return flat(" ".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def exported(demo, rasmus) -> dict:
    return json.loads(access_request_json(demo, rasmus.id, TODAY).decode("utf-8"))


def flat(text: str) -> str:
    """Whitespace (line breaks of a paragraph or a table cell) as single spaces."""
    return re.sub(r"\s+", " ", text).strip()


def table_rows(store, table: str, where: str, params: tuple) -> list[dict]:
    return store.db.rows(f"SELECT * FROM {table} WHERE {where} ORDER BY rowid", params)


def test_the_demo_employee_has_something_of_every_kind(demo, rasmus) -> None:
    data = access_report_data(demo, rasmus.id, TODAY)
    assert data.absences and data.conversations and data.document_requests and data.decisions
    plan = data.retention_plans[0]
    assert len(plan.versions) >= 2 and plan.follow_ups
    assert data.change_log  # the demo was stored through the repositories: logged


def test_the_json_holds_every_stored_row_and_field_about_the_employee(
    demo, rasmus, exported
) -> None:
    tables = exported["tables"]
    assert tables["employees"] == [demo.db.rows("SELECT * FROM employees WHERE id = ?",
                                                (rasmus.id,))[0]]  # fmt: skip
    # Checked table by table against the file with SQL of its own.
    direct = ["absence_spells", "task_decisions", "conversations", "document_requests",
              "retention_plans"]  # fmt: skip
    for table in direct:
        assert tables[table] == table_rows(demo, table, "employee_id = ?", (rasmus.id,)), table
    conversations = tuple(row["id"] for row in tables["conversations"])
    plans = tuple(row["id"] for row in tables["retention_plans"])
    marks = lambda ids: ",".join("?" * len(ids))  # noqa: E731
    for table, column, ids in [
        ("conversation_notes", "conversation_id", conversations),
        ("conversation_steps", "conversation_id", conversations),
        ("retention_plan_follow_ups", "plan_id", plans),
    ]:
        assert tables[table] == table_rows(demo, table, f"{column} IN ({marks(ids)})", ids)
    versions = table_rows(demo, "retention_plan_versions", f"plan_id IN ({marks(plans)})", plans)
    assert [{**v, "content": json.loads(v["content"])} for v in versions] == tables[
        "retention_plan_versions"
    ]
    assert exported["printed_on"] == "2026-11-23"
    assert exported["company"]["name"] == demo.company.get().name


def test_every_table_that_names_an_employee_is_in_the_search(demo) -> None:
    """A table added later with an employee column (the change log) is found by the schema."""
    keys = foreign_keys(demo.db)
    about_employees = {t for t, fks in keys.items() if any(p == "employees" for _, p, _ in fks)}
    assert {"absence_spells", "conversations", "retention_plans", "task_decisions",
            "document_requests"} <= about_employees  # fmt: skip


def test_printed_minutes_are_in_the_json_as_base64(demo, rasmus) -> None:
    conversation = demo.conversations.for_employee(rasmus.id)[0]
    from fravaer_desktop.services.conversations import print_minutes

    printed = print_minutes(demo, conversation.id)
    try:
        tables = json.loads(access_request_json(demo, rasmus.id, TODAY))["tables"]
        (minutes,) = tables["conversation_minutes"]
        assert base64.b64decode(minutes["pdf"]["base64"]) == printed.pdf
        assert minutes["version"] == 1
    finally:
        with demo.db.atomic():
            demo.db.execute("DELETE FROM conversation_minutes WHERE id = ?", (printed.id,))


def test_nothing_about_another_employee_is_in_the_pdf_or_the_json(
    demo, rasmus, pdf_text, exported
) -> None:
    """A colleague is named only where Rasmus's own records name them as typed (the manager
    who took part in his conversation); no row of anyone else is read."""
    own_texts = json.dumps(
        {t: rows for t, rows in exported["tables"].items() if t != "employees"},
        ensure_ascii=False,
    )
    others = [e for e in demo.employees.list_all() if e.id != rasmus.id]
    named_in_his_records = {e.name for e in others if e.name in own_texts}
    assert named_in_his_records == {"Anders Pedersen"}  # "Anders Pedersen, daglig leder"
    assert len(others) > 5
    for other in others:
        if other.name not in named_in_his_records:
            assert other.name not in pdf_text, other.name
            assert other.name not in json.dumps(exported, ensure_ascii=False), other.name
    ids = {r["employee_id"] for rows in exported["tables"].values() for r in rows
           if "employee_id" in r}  # fmt: skip
    assert ids == {rasmus.id}


def test_the_pdf_holds_every_record_of_the_employee(demo, rasmus, pdf_text) -> None:
    data = access_report_data(demo, rasmus.id, TODAY)
    assert f"{NAME}" in pdf_text and "Alt om medarbejderen" in pdf_text
    for spell in data.absences:
        assert long_date(spell.first_day) in pdf_text
        assert flat(spell.note) in pdf_text
    for conversation in data.conversations:
        assert long_date(conversation.invitation.meeting_on) in pdf_text
        for note in conversation.notes.values():
            assert flat(note) in pdf_text, note
        assert flat(conversation.agreements) in pdf_text
        for step in conversation.steps:
            assert flat(step.text) in pdf_text
    for request in data.document_requests:
        assert long_date(request.requested_on) in pdf_text
        assert long_date(request.received_on) in pdf_text
    plan = data.retention_plans[0]
    for version in plan.versions:
        assert f"Version {version.version} af {long_date(version.made_on)}" in pdf_text
        assert flat(version.reason) in pdf_text
        for _id, _title, section in section_texts(version, data.guides.retention_plan)[0]:
            assert flat(section) in pdf_text
    for follow_up in plan.follow_ups:
        assert long_date(follow_up.due) in pdf_text
        assert flat(follow_up.how_it_went) in pdf_text
    for decision in data.decisions:
        assert long_date(decision.decided_on) in pdf_text
    assert "Ændringslog" in pdf_text
    for line in data.change_log:
        assert line.who in pdf_text and flat(line.what) in pdf_text


def test_the_file_names_say_whom_and_when() -> None:
    assert file_name("Rasmus Schmidt", TODAY, ".pdf") == "Alt om Rasmus Schmidt 2026-11-23.pdf"
    assert file_name('A/B: "C"', TODAY, ".json") == "Alt om AB C 2026-11-23.json"
