"""Packaging checks that need no build: build.spec names every resource and keeps tkinter out, and
the self-test the frozen app is checked with passes from source.

Building the bundle takes minutes, so it is not part of the test run; scripts/build_bundle.sh builds
it and runs the same self-test in the frozen app (docs/decisions/0003-packaging.md).
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import fravaer_desktop

REPO_ROOT = Path(fravaer_desktop.__file__).resolve().parent.parent
SPEC = REPO_ROOT / "build.spec"


def spec_tree() -> ast.Module:
    return ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))


def string_constants(node: ast.AST) -> set[str]:
    return {
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def test_spec_lists_every_resource_file() -> None:
    """A resource file missing from build.spec would be missing from the bundle (paths.resource)."""
    listed = string_constants(spec_tree())
    resources = sorted(
        path.relative_to(REPO_ROOT).as_posix()
        for path in (REPO_ROOT / "resources").rglob("*")
        if path.is_file()
    )
    assert resources, "resources/ is empty"
    assert [name for name in resources if name not in listed] == []


def test_spec_excludes_tkinter() -> None:
    analysis_calls = [
        node
        for node in ast.walk(spec_tree())
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Analysis"
    ]
    assert len(analysis_calls) == 1
    excludes = [kw.value for kw in analysis_calls[0].keywords if kw.arg == "excludes"]
    assert excludes and "tkinter" in string_constants(excludes[0])


def test_self_test_passes_from_source(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-W", "error", "-m", "fravaer_desktop", "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Selvtest gennemført" in result.stdout
    assert list(tmp_path.iterdir()) == [], "the self-test left files behind"
