"""A normal install works, not only `pip install -e .` (decision 0016): the wheel carries every file
of resources/ as `fravaer_desktop/resources/`, and Fravær installed from it runs `--self-test` and
`--export` far from the checkout.

The wheel is built offline with the setuptools of this venv (the `test` extra brings it) from a
copy of the sources, so the checkout gets no build/ folder. The fresh venv has no pip and no
dependencies of its own: a .pth file lends it this venv's site-packages, and this venv's pip
installs the wheel into it with --no-deps.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
import venv
import zipfile
from pathlib import Path

import fravaer_desktop

REPO_ROOT = Path(fravaer_desktop.__file__).resolve().parent.parent
PACKAGE = REPO_ROOT / "fravaer_desktop"
SOURCES = ["pyproject.toml", "README.md", "fravaer_desktop", "resources"]

#: Run by the installed interpreter: refuses to go on unless Fravær comes from the fresh venv.
RUN_INSTALLED = """
import sys
from pathlib import Path
import fravaer_desktop
from fravaer_desktop.paths import resources_dir
prefix = Path(sys.prefix).resolve()
for path in (Path(fravaer_desktop.__file__), resources_dir()):
    assert prefix in path.resolve().parents, f"{path} is not inside {prefix}"
from fravaer_desktop.app import main
sys.exit(main(sys.argv[1:]))
"""


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, encoding="utf-8", timeout=180
    )
    shown = [arg for arg in args if "\n" not in arg]  # not the script of RUN_INSTALLED
    assert result.returncode == 0, f"{shown}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def packages_on_disk() -> list[str]:
    folders = {p.parent for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts}
    return sorted(".".join(f.relative_to(REPO_ROOT).parts) for f in folders)


def test_pyproject_lists_every_package() -> None:
    """A package missing from pyproject.toml's list would be missing from the wheel."""
    with (REPO_ROOT / "pyproject.toml").open("rb") as file:
        listed = tomllib.load(file)["tool"]["setuptools"]["packages"]
    assert [name for name in packages_on_disk() if name not in listed] == []


def build_wheel(tmp_path: Path) -> Path:
    source = tmp_path / "source"
    source.mkdir()
    for name in SOURCES:
        if (REPO_ROOT / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(REPO_ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy2(REPO_ROOT / name, source / name)
    wheels = tmp_path / "wheels"
    pip_wheel = ["-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index"]
    run([sys.executable, *pip_wheel, "-w", str(wheels), str(source)], cwd=tmp_path)
    (wheel,) = wheels.glob("fravaer_desktop-*.whl")
    return wheel


def fresh_venv(tmp_path: Path, wheel: Path) -> Path:
    """A venv outside the checkout with Fravær installed from `wheel`; returns its python."""
    target = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(target)
    python = target / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    target_site = run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                      cwd=tmp_path).strip()  # fmt: skip
    # Lends PySide6, reportlab, ... from this venv; a plain path line runs none of its .pth files,
    # so the editable install of the checkout stays out.
    (Path(target_site) / "lend_test_dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8"
    )
    pip_install = ["-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index"]
    run([sys.executable, *pip_install, str(wheel)], cwd=tmp_path)
    return python


def test_wheel_installed_outside_the_checkout_runs_self_test_and_export(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path)
    with zipfile.ZipFile(wheel) as archive:
        in_wheel = {name for name in archive.namelist() if name.startswith("fravaer_desktop/")}
    resources = [
        "fravaer_desktop/" + p.relative_to(REPO_ROOT).as_posix()
        for p in (REPO_ROOT / "resources").rglob("*")
        if p.is_file()
    ]
    assert resources and [name for name in resources if name not in in_wheel] == []

    python = fresh_venv(tmp_path, wheel)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env.update(QT_QPA_PLATFORM="offscreen", TMPDIR=str(outside))
    installed = [str(python), "-c", RUN_INSTALLED]

    assert "Selvtest gennemført" in run([*installed, "--self-test"], cwd=outside, env=env)
    export = ["--db", str(outside / "demo.sqlite"), "--demo", "--export", str(outside / "pdf")]
    stdout = run([*installed, *export], cwd=outside, env=env)
    pdfs = list((outside / "pdf").glob("*.pdf"))
    assert pdfs and f"{len(pdfs)} dokumenter gemt" in stdout
