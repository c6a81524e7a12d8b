"""Print the summary block of a run_all.sh run (reads the JSON files in its output folder).

Run: python benchmarks/summary.py OUT_FOLDER
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine_summary  # noqa: E402
from startup import INFORMATION_ONLY  # noqa: E402

START_RATIO = 2.0
REGISTER_MS = 50.0
MEMORY_MB = 250.0


def load(folder: Path, name: str) -> dict | None:
    path = folder / name
    return json.loads(path.read_text()) if path.exists() else None


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main(argv: list[str]) -> int:
    folder = Path(argv[1])
    machine = machine_summary()
    print(f"Fravær benchmarks, {date.today().isoformat()}")
    print("machine: " + "; ".join(f"{k} {v}" for k, v in machine.items()))
    start = load(folder, "startup.json")
    if start:
        s = start["summary"]
        bare = s["bare"]["spawn_to_shown_s"]["median"]
        runs = len(start["runs"]["bare"])
        print(f"\nCold start to window shown (spawn -> first paint, median of {runs}; offscreen)")
        columns = f"{'median s':>8} {'min s':>6} {'x bare':>7} {'peak RSS MB':>11}"
        print(f"  {'variant':16} {columns}  target")
        for name, row in s.items():
            shown = row["spawn_to_shown_s"]
            ratio = shown["median"] / bare
            target = "" if name == "bare" else f"≤ 2 x: {verdict(ratio <= START_RATIO)}"
            if name in INFORMATION_ONLY:
                target = INFORMATION_ONLY[name]
            print(
                f"  {name:16} {shown['median']:8.3f} {shown['min']:6.3f} {ratio:6.2f}x"
                f" {row['peak_rss_mb']['max']:11.0f}  {target}"
            )
    r = load(folder, "register.json")
    if r:
        count = r["register_absence_page"]["n"]
        print(f"\nRegister one absence + refresh, large company (ms, n={count})")
        for key, title in (
            ("register_overview_page", "Overblik page visible"),
            ("register_absence_page", "Fravær page visible"),
            ("register_employees_page", "Medarbejdere page, employee selected"),
        ):
            m = r[key]
            ok = verdict(m["median_ms"] <= REGISTER_MS)
            print(
                f"  {title:38} median {m['median_ms']:6.1f}  max {m['max_ms']:6.1f}"
                f"  {m['median_ms'] / REGISTER_MS:4.2f} x 50 ms  {ok}"
            )
        print(
            f"  info: between(12 months) {r['between_12_months']['median_ms']:.1f}, "
            f"on_day(today) {r['on_day_today']['median_ms']:.1f}, "
            f"reload_spells {r['reload_spells']['median_ms']:.1f}, "
            f"select employee {r['select_employee']['median_ms']:.1f}"
        )
    m = load(folder, "memory.json")
    if m:
        slow = max(m["steps"], key=lambda x: x["seconds"])
        print(
            f"\nPeak memory, large company, full walk-through: "
            f"{m['peak_rss_mb']:.0f} MB (≤ 250 MB: {verdict(m['peak_rss_mb'] <= MEMORY_MB)});"
            f" slowest step: {slow['step']} {slow['seconds']:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
