"""The privacy lint on a long note (target ≤ 1 ms per 1,000 characters).

In one process: build a realistic long text (about 20,000 characters: the minutes of sickness
conversations, a retention plan and APV notes, mostly practical with a health detail here and
there, from tests/core/data/privacy_sentences.tsv), then time, N times each:

    baseline: lower + words    text.lower() and re.findall(r"\\w+") over the text
    lint                       core.privacy.find_health_details(text), compiled beforehand
    compile                    HealthLint built from the word files (once per program run)

and print median, min and max in milliseconds, the lint per 1,000 characters, the ratio to the
baseline and whether the lint meets the target.

Run: python benchmarks/privacy_lint.py [--repeat 50] [--chars 20000]
"""

from __future__ import annotations

import argparse
import re

from _common import ROOT, machine_summary, timed

from fravaer_desktop.core.privacy import HealthLint, find_health_details
from fravaer_desktop.paths import load_health_terms

TARGET_MS_PER_1000 = 1.0
SENTENCES = ROOT / "tests" / "core" / "data" / "privacy_sentences.tsv"


def long_text(chars: int) -> str:
    """Practical sentences with one health sentence in five, as paragraphs, to `chars` length."""
    rows = [line.rstrip("\n").split("\t") for line in SENTENCES.read_text(encoding="utf-8")
            .splitlines() if line and not line.startswith("#")]  # fmt: skip
    practical = [s for label, s in rows if label == "praktisk"]
    health = [s for label, s in rows if label == "helbred"]
    parts: list[str] = []
    size = i = 0
    while size < chars:
        sentence = health[i // 5 % len(health)] if i % 5 == 4 else practical[i % len(practical)]
        parts.append(sentence + ("\n\n" if i % 6 == 5 else " "))
        size += len(parts[-1])
        i += 1
    return "".join(parts)[:chars]


def measure(repeat: int, chars: int) -> dict:
    text = long_text(chars)
    find_health_details(text)  # compile outside the timing
    words = re.compile(r"\w+")
    return {
        "chars": len(text),
        "findings": len(find_health_details(text)),
        "baseline": timed(lambda: words.findall(text.lower()), repeat),
        "lint": timed(lambda: find_health_details(text), repeat),
        "compile": timed(lambda: HealthLint.from_lines(load_health_terms()), max(3, repeat // 10)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--chars", type=int, default=20_000)
    args = parser.parse_args()
    results = measure(args.repeat, args.chars)
    machine = machine_summary()
    print("machine: " + "; ".join(f"{k} {v}" for k, v in machine.items()))
    print(f"text: {results['chars']:,} characters, {results['findings']} findings")
    per_1000 = 1000 / results["chars"]
    for name in ("baseline", "lint", "compile"):
        r = results[name]
        print(f"  {name:<10} median {r['median_ms']:7.2f} ms  min {r['min_ms']:7.2f}  "
              f"max {r['max_ms']:7.2f}  (n={r['n']})")  # fmt: skip
    lint = results["lint"]["median_ms"] * per_1000
    base = results["baseline"]["median_ms"] * per_1000
    verdict = "met" if lint <= TARGET_MS_PER_1000 else "NOT met"
    print(
        f"per 1,000 characters: lint {lint:.3f} ms, baseline {base:.3f} ms "
        f"({lint / base:.1f} x baseline); target ≤ {TARGET_MS_PER_1000} ms: {verdict}"
    )


if __name__ == "__main__":
    main()
