"""--export of a locked file (decision 0022): the password from the terminal or standard input,
three tries, a calm Danish message; the start of a window on a locked file starts no worker."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from fravaer_desktop.app import parse_args, prepare_window_start
from fravaer_desktop.storage.password import change_password
from tests.storage.company_files import demo_file

PASSWORD = "Kaffe og kage 42"


def export(path: Path, folder: Path, typed: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "fravaer_desktop", "--db", str(path), "--export", str(folder)],
        input=typed, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def test_export_of_a_locked_file_with_the_password(tmp_path):
    path = demo_file(tmp_path / "firma.sqlite")
    change_password(path, None, PASSWORD)
    result = export(path, tmp_path / "pdf", PASSWORD + "\n")
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "pdf").rglob("*.pdf"))


def test_export_of_a_locked_file_with_wrong_passwords_is_refused_calmly(tmp_path):
    path = demo_file(tmp_path / "firma.sqlite")
    change_password(path, None, PASSWORD)
    before = path.read_bytes()
    result = export(path, tmp_path / "pdf", "forkert\nogså forkert\nstadig forkert\n")
    assert result.returncode == 2
    assert result.stderr.count("Adgangskoden passer ikke") == 3
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before and not (tmp_path / "pdf").exists()


def test_a_window_start_on_a_locked_file_starts_no_overview_worker(tmp_path, monkeypatch):
    started: list[Path] = []
    monkeypatch.setattr("fravaer_desktop.overview_prefetch.OverviewPrefetch.start",
                        lambda path, today: started.append(path) or "worker")  # fmt: skip
    path = demo_file(tmp_path / "firma.sqlite")
    try:
        # The same file without a password gets a worker (when large enough).
        assert prepare_window_start(parse_args(["--db", str(path)])) == "worker"
        change_password(path, None, PASSWORD)
        assert prepare_window_start(parse_args(["--db", str(path)])) is None
        assert started == [path]
    finally:
        from fravaer_desktop import start_up_gc

        start_up_gc.resume()
