"""Messages to the user: shown in a message box when something cannot be done (QMessageBox is
loaded on first use, see ui/messages.py)."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """(kind, title, text) of every message box the test opens, instead of showing it."""
    boxes: list[tuple[str, str, str]] = []
    for kind in ("warning", "information", "critical", "about"):
        monkeypatch.setattr(
            QMessageBox, kind,
            staticmethod(lambda parent, title, text, *rest, k=kind: boxes.append((k, title, text))),
        )  # fmt: skip
    return boxes


def test_a_backup_onto_a_folder_is_refused_with_a_danish_warning(window, shown, tmp_path) -> None:
    window.backup_to(tmp_path)

    assert [(k, t) for k, t, _ in shown] == [("warning", "Sikkerhedskopi")]
    assert "er en mappe. Skriv et filnavn" in shown[0][2]


def test_a_full_drive_is_told_in_danish_when_a_backup_fails(
    window, shown, tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(self: Path, other: Path) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Path, "replace", disk_full)
    window.backup_to(tmp_path / "kopi.sqlite")

    assert [(k, t) for k, t, _ in shown] == [("warning", "Sikkerhedskopi")]
    assert "der er ikke mere plads på drevet" in shown[0][2]
    assert "No space" not in shown[0][2]
    assert list(tmp_path.iterdir()) == []


def test_a_calendar_file_that_cannot_be_written_gives_a_warning(window, shown, tmp_path) -> None:
    assert window.overview_page.export_calendar_to(tmp_path / "mangler" / "frister.ics") == 0

    assert [(k, t) for k, t, _ in shown] == [("warning", "Kalender")]
    assert "kunne ikke gemmes" in shown[0][2] and "mappen findes ikke" in shown[0][2]


def test_the_about_box_says_no_diagnoses_are_kept(window, shown) -> None:
    window._about()

    assert [(k, t) for k, t, _ in shown] == [("about", "Om Fravær")]
    assert "aldrig diagnoser eller CPR-numre" in shown[0][2]
