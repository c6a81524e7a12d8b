"""The command line: the paper archive without a window, and clear Danish errors for bad files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from fravaer_desktop.app import main


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "fravaer_desktop", *args],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


def test_demo_export_writes_one_readable_pdf_per_employee(tmp_path):
    result = run_cli(
        "--db", str(tmp_path / "demo.sqlite"), "--demo", "--export", str(tmp_path / "pdf")
    )

    assert result.returncode == 0, result.stderr
    pdfs = sorted((tmp_path / "pdf").glob("*.pdf"))
    assert 35 <= len(pdfs) <= 55  # overviews, statuses, conversation papers, statistics
    assert f"{len(pdfs)} dokumenter gemt" in result.stdout
    overview = next(p for p in pdfs if p.name.startswith("Fraværsoversigt"))
    text = PdfReader(overview).pages[0].extract_text()
    assert "Fraværsoversigt" in text and "Solsikken" in text


def test_export_of_a_missing_file_says_so_in_danish(tmp_path, capsys):
    code = main(["--db", str(tmp_path / "findes-ikke.sqlite"), "--export", str(tmp_path / "out")])

    assert code == 2
    assert "findes ikke" in capsys.readouterr().err
    assert not (tmp_path / "findes-ikke.sqlite").exists()


def test_a_file_that_is_not_a_company_file_is_refused(tmp_path, capsys):
    broken = tmp_path / "ødelagt.sqlite"
    broken.write_bytes(b"dette er ikke en database" * 100)

    code = main(["--db", str(broken), "--export", str(tmp_path / "out")])

    assert code == 2
    assert "kan ikke åbnes som en Fravær-fil" in capsys.readouterr().err
    assert broken.read_bytes() == b"dette er ikke en database" * 100


def test_demo_into_a_file_that_already_has_a_company_is_refused(tmp_path, capsys):
    path = tmp_path / "firma.sqlite"
    assert main(["--db", str(path), "--demo", "--export", str(tmp_path / "a")]) == 0
    capsys.readouterr()

    code = main(["--db", str(path), "--demo", "--export", str(tmp_path / "b")])

    assert code == 2
    assert "allerede" in capsys.readouterr().err


def test_demo_into_an_older_company_file_is_refused_before_it_is_upgraded(tmp_path, capsys):
    """`--db old.sqlite --demo` must not upgrade (or copy) a file it then refuses to fill."""
    path = tmp_path / "gammel.sqlite"
    shutil.copyfile(Path(__file__).parent / "storage" / "data" / "schema_v1.sqlite", path)
    before = path.read_bytes()

    code = main(["--db", str(path), "--demo", "--export", str(tmp_path / "pdf")])

    assert code == 2
    assert "indeholder allerede en virksomhed" in capsys.readouterr().err
    assert path.read_bytes() == before
    assert not (tmp_path / "sikkerhedskopier").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gammel.sqlite"]


def test_export_into_a_file_instead_of_a_folder_says_so_in_danish(tmp_path, capsys):
    not_a_folder = tmp_path / "arkiv.pdf"
    not_a_folder.write_bytes(b"")

    code = main(["--db", str(tmp_path / "d.sqlite"), "--demo", "--export", str(not_a_folder)])

    assert code == 1
    error = capsys.readouterr().err
    assert "Eksporten mislykkedes" in error and "der ligger allerede en fil med det navn" in error


def test_self_test_exits_zero(tmp_path):
    result = run_cli("--self-test")
    assert result.returncode == 0, result.stderr
    assert "Selvtest gennemført" in result.stdout


def test_help_is_danish():
    result = run_cli("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("Brug: fravaer [-h] [--db FIL]")
    assert "gem alle virksomhedens dokumenter som PDF" in result.stdout
    assert "vis denne hjælp og afslut" in result.stdout
    for english in ("usage", "options:", "show this help", "version number"):
        assert english not in result.stdout


@pytest.mark.parametrize(
    ("args", "danish"),
    [
        (["--bogus"], "fravaer: ukendt valg: --bogus"),
        (["--db"], "fravaer: --db skal efterfølges af en værdi"),
        (["--demo=ja"], "fravaer: --demo tager ingen værdi (fik 'ja')"),
        (["--de"], "fravaer: ukendt valg: --de"),  # never taken to mean --demo
        (
            ["--export", ""],
            "fravaer: --export: skal have en mappe at gemme dokumenterne i, fx --export Papirarkiv",
        ),  # not the current folder, unasked
        (
            ["--self-test", "--db", "virksomhed.sqlite"],
            "fravaer: --self-test bruger sin egen "
            "midlertidige fil og kan ikke bruges sammen med --db, --demo eller --export",
        ),
    ],
)
def test_a_mistyped_command_line_is_explained_in_danish_and_nothing_starts(args, danish):
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("Brug: fravaer")
    assert result.stderr.rstrip().endswith(danish)
    assert "error" not in result.stderr


def test_export_paths_are_real_files(tmp_path):
    assert (
        main(["--db", str(tmp_path / "d.sqlite"), "--demo", "--export", str(tmp_path / "pdf")]) == 0
    )
    assert all(Path(p).stat().st_size > 1000 for p in (tmp_path / "pdf").iterdir())


def test_an_export_that_upgrades_the_file_says_where_the_copy_from_before_is(
    tmp_path, capsys, request
):
    path = tmp_path / "virksomhed.sqlite"
    assert main(["--db", str(path), "--demo", "--export", str(tmp_path / "a")]) == 0
    capsys.readouterr()
    request.getfixturevalue("newer_program")  # a new version of Fravær is installed

    assert main(["--db", str(path), "--export", str(tmp_path / "b")]) == 0
    out = capsys.readouterr().out
    copy = next((tmp_path / "sikkerhedskopier").iterdir())
    assert (
        "Filen er opgraderet til denne version af Fravær. Kopien fra før ligger i mappen "
        f"'{copy.parent}'." in out
    )


def test_a_demo_export_without_a_file_leaves_no_demo_behind(tmp_path, monkeypatch, capsys):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    assert main(["--demo", "--export", str(tmp_path / "pdf")]) == 0
    assert "gemt i" in capsys.readouterr().out
    assert list((tmp_path / "temp").iterdir()) == []  # the throw-away demo is gone
    assert len(list((tmp_path / "pdf").glob("*.pdf"))) > 20


def test_demo_folders_left_by_a_killed_fravaer_are_removed_and_a_fresh_one_is_kept(
    tmp_path, monkeypatch
):
    import tempfile
    import time

    from fravaer_desktop.paths import remove_stale_demo_folders, temporary_demo_path

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    left_over, in_use = temporary_demo_path(), temporary_demo_path()
    for demo in (left_over, in_use):
        demo.write_bytes(b"SQLite format 3\0")
    three_days_ago = time.time() - 3 * 24 * 3600
    for path in (left_over, left_over.parent):
        os.utime(path, (three_days_ago, three_days_ago))
    other = tmp_path / "not-fravaer"
    other.mkdir()
    os.utime(other, (three_days_ago, three_days_ago))

    assert remove_stale_demo_folders() == [left_over.parent]
    assert not left_over.parent.exists()
    assert in_use.exists() and other.exists()
