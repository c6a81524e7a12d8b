"""Cold start: time from spawning a fresh process until its main window is shown, and peak RSS.

Runs each variant N times (default 7) as a new `python` subprocess with QT_QPA_PLATFORM=offscreen,
interleaving the variants so that machine noise hits all of them alike:

  bare        benchmarks/bare_window.py: QMainWindow + QLabel (the reference)
  demo-file   benchmarks/start_app.py --db demo.sqlite   (demo company written beforehand)
  demo-new    benchmarks/start_app.py --demo             (writes a throw-away demo, as first run)
  large       benchmarks/start_app.py --db large.sqlite  (500 employees, ~60,000 spells)
  demo-locked / large-locked   the same files locked with a password (decisions 0022, 0024):
              the real password dialog; the driver puts the password in and clicks Åbn as
              soon as the dialog is painted (FRAVAER_BENCH_PASSWORD). Judged on spawn until
              the password dialog is painted (the program's first window); Åbn until the
              main window is painted is printed beside the key derivation measured alone

Each child quits on the first event-loop turn after its window's first paint (see _shown.py).
Reported per variant: spawn-to-shown (parent's time.time() before spawning until the child's
time.time() at the first paint), spawn-to-exit (wall time until the child has exited), the peak
resident memory of the child (os.wait4 rusage ru_maxrss), median and min, and the ratio of each
median to the bare window's. Targets: app ≤ 2 × bare on the demo company's file and on the large
company, large peak RSS ≤ 250 MB. demo-new (a start that first writes a new demo company) is
printed as information (docs/decisions/0009-start-up-target-scope.md).

Run: python benchmarks/startup.py [--runs 7] [--large FILE] [--json OUT.json] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    BENCH_DIR,
    bench_folder,
    make_demo_company,
    make_large_company,
    median,
)

START_TARGET_RATIO = 2.0
#: Variants measured and printed, but not judged against the target (with the reason).
INFORMATION_ONLY = {"demo-new": "information: writes a new demo company first; decision 0009"}
MEMORY_TARGET_MB = 250.0


def run_child(argv: list[str], env: dict[str, str]) -> dict[str, float]:
    """Spawn one child, wait for it, and return its milestones plus wall times and peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        spawned = time.time()
        spawned_perf = time.perf_counter()
        process = subprocess.Popen(argv, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        exited_perf = time.perf_counter()
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if process.returncode != 0:
        raise RuntimeError(f"{argv} exited {process.returncode}:\n{stdout}\n{stderr}")
    milestones = json.loads(stdout.strip().splitlines()[-1])
    return {
        "spawn_to_shown_s": milestones["first_paint_wall"] - spawned,
        "spawn_to_exit_s": exited_perf - spawned_perf,
        "in_process_shown_s": milestones["first_paint_s"],
        "imports_s": milestones["imports_s"],
        "window_built_s": milestones["window_built_s"],
        "peak_rss_mb": usage.ru_maxrss / 1024,  # Linux: KiB
        # 1 when the window used the overview worked out by the second process (decision 0012)
        "overview_from_worker": float(milestones.get("overview_from_worker", False)),
        # a locked file: spawn until the password dialog is painted, Åbn until the main window
        "spawn_to_dialog_s": milestones.get("dialog_paint_wall", float("nan")) - spawned,
        "open_to_shown_s": milestones["first_paint_s"]
        - milestones.get("open_clicked_s", float("nan")),
    }


def summarise(runs: list[dict[str, float]]) -> dict[str, dict[str, float]]:
    keys = runs[0].keys()
    return {
        key: {
            "median": median(r[key] for r in runs),
            "min": min(r[key] for r in runs),
            "max": max(r[key] for r in runs),
        }
        for key in keys
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary company files")
    parser.add_argument("--large", type=Path, help="use this large company file (else generate)")
    parser.add_argument(
        "--variants", default="bare,demo-file,demo-new,large",
        help="comma-separated subset of: bare, demo-file, demo-new, large, demo-locked, "
        "large-locked (default: the first four)",
    )  # fmt: skip
    args = parser.parse_args(argv)

    folder = bench_folder("fravaer-bench-start-")
    try:
        print(f"Company files in {folder}; load average {os.getloadavg()[0]:.2f}", flush=True)
        large = args.large or make_large_company(folder)
        demo = make_demo_company(folder)
        python = sys.executable
        start_app = str(BENCH_DIR / "start_app.py")
        all_variants = {
            "bare": [python, str(BENCH_DIR / "bare_window.py")],
            "demo-file": [python, start_app, "--db", str(demo)],
            "demo-new": [python, start_app, "--demo"],
            "large": [python, start_app, "--db", str(large)],
        }
        chosen = [v.strip() for v in args.variants.split(",") if v.strip()]
        for name, plain in (("demo-locked", demo), ("large-locked", large)):
            if name in chosen:
                all_variants[name] = [python, start_app, "--db", str(locked_copy(plain))]
        variants = {name: all_variants[name] for name in chosen}
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRAVAER_BENCH_PASSWORD=PASSWORD)
        # Any value of PYTHONDONTWRITEBYTECODE (even "0") stops .pyc files being written; an
        # installed app has its bytecode compiled, so let the warm-up run write them.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        # Warm-up: one untimed run of each fills the page cache and writes .pyc files, so every
        # timed run is a "warm cold start" (new process, OS caches warm), like a second launch.
        for argv_ in variants.values():
            run_child(argv_, env)
        results: dict[str, list[dict[str, float]]] = {name: [] for name in variants}
        for index in range(args.runs):
            for name, argv_ in variants.items():
                results[name].append(run_child(argv_, env))
            print(f"  run {index + 1}/{args.runs} done", flush=True)
        summary = {name: summarise(runs) for name, runs in results.items()}
        print_table(summary, args.runs)
        print_locked(summary, variants, args.runs)
        print_worker_use(results)
        if args.json:
            args.json.write_text(json.dumps({"runs": results, "summary": summary}, indent=2))
        return 0
    finally:
        if args.keep:
            print(f"Kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


PASSWORD = "benchmark-adgangskode"
LOCKED = ("demo-locked", "large-locked")


def key_derivation_s(locked: Path, runs: int) -> float:
    """Median seconds for SQLCipher to check PASSWORD on `locked` (its key derivation, alone)."""
    from fravaer_desktop.storage.cipher import key_opens

    times = []
    for _ in range(runs):
        started = time.perf_counter()
        if not key_opens(locked, PASSWORD):
            raise RuntimeError(f"{locked} does not open with the benchmark password")
        times.append(time.perf_counter() - started)
    return median(times)


def print_locked(summary, variants: dict[str, list[str]], runs: int) -> None:
    """A locked file's start in its two parts (decision 0024), with the key derivation alone."""
    locked = [name for name in LOCKED if name in summary]
    if not locked:
        return
    print("\nLocked file (decision 0024), medians in seconds:")
    for name in locked:
        s = summary[name]
        derivation = key_derivation_s(Path(variants[name][-1]), runs)
        print(
            f"  {name:13}: spawn → password dialog {s['spawn_to_dialog_s']['median']:.3f}"
            f"  |  Åbn → main window {s['open_to_shown_s']['median']:.3f}"
            f" (of which the key derivation alone ≈ {derivation:.3f})"
        )


def locked_copy(plain: Path) -> Path:
    """A copy of the company file `plain`, locked with PASSWORD."""
    from fravaer_desktop.storage.password import change_password

    locked = plain.with_name(f"{plain.stem}-laast.sqlite")
    shutil.copyfile(plain, locked)
    change_password(locked, None, PASSWORD)
    return locked


def print_worker_use(results: dict[str, list[dict[str, float]]]) -> None:
    """How many starts showed the overview worked out by the second process (decision 0012)."""
    print("\nOverview from the worker process (decision 0012):")
    for name, runs in results.items():
        used = sum(1 for r in runs if r["overview_from_worker"])
        print(f"  {name:15}: {used} of {len(runs)} starts")


def print_table(summary: dict[str, dict[str, dict[str, float]]], runs: int) -> None:
    bare = summary.get("bare")
    print(f"\nCold start, {runs} runs each (seconds; ratio = median / bare median)")
    header = (
        f"{'variant':15} {'shown med':>9} {'min':>6} {'ratio':>6}  {'exit med':>8} {'min':>6}"
        f" {'ratio':>6}  {'imports':>7} {'built':>6}  {'peak RSS MB':>11}"
    )
    print(header)
    print("-" * len(header))
    for name, s in summary.items():
        shown, exited = s["spawn_to_shown_s"], s["spawn_to_exit_s"]
        r_shown = shown["median"] / bare["spawn_to_shown_s"]["median"] if bare else float("nan")
        r_exit = exited["median"] / bare["spawn_to_exit_s"]["median"] if bare else float("nan")
        print(
            f"{name:15} {shown['median']:9.3f} {shown['min']:6.3f} {r_shown:5.1f}x"
            f"  {exited['median']:8.3f} {exited['min']:6.3f} {r_exit:5.1f}x"
            f"  {s['imports_s']['median']:7.3f} {s['window_built_s']['median']:6.3f}"
            f"  {s['peak_rss_mb']['median']:11.1f}"
        )
    print(
        "shown = spawn until first paint of the window; exit = spawn until the process has ended;"
        "\nimports/built = seconds after the script's first line (interpreter start-up excluded)."
    )
    if bare:
        print("\nTargets:")
        for name in ("demo-file", "large", "demo-new", "demo-locked", "large-locked"):
            if name in summary:
                # a locked file's start ends at its first window, the password dialog (0024)
                measure = "spawn_to_dialog_s" if name in LOCKED else "spawn_to_shown_s"
                ratio = summary[name][measure]["median"] / bare["spawn_to_shown_s"]["median"]
                if name in INFORMATION_ONLY:
                    print(f"  start {name:15}: {ratio:4.2f} x bare ({INFORMATION_ONLY[name]})")
                    continue
                verdict = "met" if ratio <= START_TARGET_RATIO else "NOT met"
                target = f"(target ≤ {START_TARGET_RATIO:.0f} x)"
                print(f"  start {name:15}: {ratio:4.2f} x bare {target} {verdict}")
    for name in ("large",):
        if name in summary:
            rss = summary[name]["peak_rss_mb"]["max"]
            verdict = "met" if rss <= MEMORY_TARGET_MB else "NOT met"
            target = f"(target ≤ {MEMORY_TARGET_MB:.0f} MB)"
            print(f"  peak RSS at start, {name}: {rss:.0f} MB {target} {verdict}")


if __name__ == "__main__":
    sys.exit(main())
