"""What each proposed change gains: start-up and register times with all fixes but one.

For "none", "all" and "all but X" (each X in proposed_fixes.FIXES) this runs start_app.py on the
demo and large companies (median in-process time to first paint over --runs fresh processes) and
register_absence.py (median add + refresh, both pages). The gain of X is its "all but X" figure
minus the "all" figure. The app's files are never changed (see proposed_fixes.py).

Run: python benchmarks/fix_attribution.py [--runs 7] [--repeat 20]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    BENCH_DIR,
    bench_folder,
    make_demo_company,
    make_large_company,
    median,
)
from proposed_fixes import FIXES  # noqa: E402


def first_paint(db: Path, fixes: str | None, runs: int, env: dict) -> float:
    times = []
    for _ in range(runs):
        argv = [sys.executable, str(BENCH_DIR / "start_app.py"), "--db", str(db)]
        run_env = dict(env)
        if fixes is not None:
            argv.append("--proposed-fixes")
            run_env["FRAVAER_BENCH_FIXES"] = fixes
        out = subprocess.run(argv, capture_output=True, text=True, env=run_env, check=True)
        times.append(json.loads(out.stdout.strip().splitlines()[-1])["first_paint_s"])
    return median(times)


def register(large: Path, fixes: str | None, repeat: int, env: dict) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as folder:
        out_json = Path(folder) / "r.json"
        argv = [
            sys.executable,
            str(BENCH_DIR / "register_absence.py"),
            "--large",
            str(large),
            "--repeat",
            str(repeat),
            "--info-repeat",
            "1",
            "--json",
            str(out_json),
        ]
        run_env = dict(env)
        if fixes is not None:
            argv.append("--proposed-fixes")
            run_env["FRAVAER_BENCH_FIXES"] = fixes
        subprocess.run(argv, capture_output=True, text=True, env=run_env, check=True)
        data = json.loads(out_json.read_text())
    return (
        data["register_absence_page"]["median_ms"],
        data["register_employees_page"]["median_ms"],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--large", type=Path)
    args = parser.parse_args(argv)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    folder = bench_folder("fravaer-bench-attr-")
    try:
        large = args.large or make_large_company(folder)
        demo = make_demo_company(folder)
        configs: list[tuple[str, str | None]] = [("none", None), ("all", ",".join(FIXES))]
        configs += [(f"all but {x}", ",".join(f for f in FIXES if f != x)) for x in FIXES]
        first_paint(demo, None, 1, env)  # warm-up
        first_paint(demo, ",".join(FIXES), 1, env)
        starts: dict[str, dict[str, list[float]]] = {
            n: {"demo": [], "large": []} for n, _ in configs
        }
        for _ in range(args.runs):  # interleaved, so that noise hits every configuration alike
            for name, fixes in configs:
                starts[name]["demo"].append(first_paint(demo, fixes, 1, env))
                starts[name]["large"].append(first_paint(large, fixes, 1, env))
        print(
            f"{'configuration':32} {'demo start s':>12} {'large start s':>13}"
            f" {'reg. Fravær ms':>14} {'reg. Medarb. ms':>15}"
        )
        for name, fixes in configs:
            demo_s = median(starts[name]["demo"])
            large_s = median(starts[name]["large"])
            absence_ms, employees_ms = register(large, fixes, args.repeat, env)
            print(
                f"{name:32} {demo_s:12.3f} {large_s:13.3f} {absence_ms:14.1f} {employees_ms:15.1f}",
                flush=True,
            )
        print(
            "start = in-process seconds from the driver's first line to the first paint "
            "(median); reg. = median ms of add + refresh on the large company."
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
