#!/usr/bin/env bash
# Run every benchmark once and print a summary block to paste into docs/performance.md.
#
#   bash benchmarks/run_all.sh [--quick]
#
# --quick: 3 start-up runs and 10 registrations instead of 7 and 30 (for a smoke run).
# Uses .venv/bin/python when it exists, else python3. Writes JSON results to $OUT (default: a
# new temporary folder) and one large company file shared by all scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$([ -x .venv/bin/python ] && echo .venv/bin/python || echo python3)}
RUNS=7 REPEAT=30
for arg in "$@"; do
  case "$arg" in
    --quick) RUNS=3 REPEAT=10 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done
OUT=${OUT:-$(mktemp -d -t fravaer-bench-XXXXXX)}
export QT_QPA_PLATFORM=offscreen
unset PYTHONDONTWRITEBYTECODE  # let .pyc files be written, as in an installed app
LARGE="$OUT/large.sqlite"
echo "== generating the large company into $LARGE"
"$PY" benchmarks/generate_large_company.py "$LARGE"

echo; echo "== load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo; echo "== cold start ($RUNS runs each)"
"$PY" benchmarks/startup.py --runs "$RUNS" --large "$LARGE" --json "$OUT/startup.json" \
  | tee "$OUT/startup.txt"

echo; echo "== register one absence"
"$PY" benchmarks/register_absence.py --large "$LARGE" --repeat "$REPEAT" --json "$OUT/register.json" \
  2> >(grep -v 'propagateSizeHints' >&2) | tee "$OUT/register.txt"

echo; echo "== peak memory"
"$PY" benchmarks/memory_peak.py --large "$LARGE" --json "$OUT/memory.json" \
  2> >(grep -v 'propagateSizeHints' >&2) | tee "$OUT/memory.txt"

echo; echo "== Overblik (target ≤ 100 ms)"
"$PY" benchmarks/overview.py --large "$LARGE" --repeat 9 \
  2> >(grep -v 'propagateSizeHints' >&2) | tee "$OUT/overview.txt"

echo; echo "== statistics (target ≤ 200 ms)"
"$PY" benchmarks/statistics.py --large "$LARGE" --repeat 9 \
  2> >(grep -v 'propagateSizeHints' >&2) | tee "$OUT/statistics.txt"

echo; echo "== summary"
"$PY" benchmarks/summary.py "$OUT"
