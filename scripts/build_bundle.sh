#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle (dist/fravaer/) from build.spec and check that it works:
#   - `fravaer --self-test` exits 0 (temporary database created and migrated, demo company, PDFs),
#   - `fravaer --db DIR/demo.sqlite --demo --export DIR/pdf` writes PDF files,
#   - `fravaer --overview-worker FILE DAY` (the second process of a window start) answers,
#   - `fravaer --demo` and then `fravaer --db` on that file (the window, offscreen) start and
#     keep running for a few seconds,
#   - the files the app loads at run time are in the bundle, no unused Qt library is, and no bundled
#     library or Qt plugin needs a Qt library that was left out.
# Usage: scripts/build_bundle.sh
#   PYTHON=/path/to/python   build with another interpreter (default .venv/bin/python)
#   CHECK_ONLY=1             skip the build and check the existing dist/fravaer
# See docs/decisions/0003-packaging.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-.venv/bin/python}"
BUNDLE="dist/fravaer"
APP="$BUNDLE/fravaer"
[[ -f "$APP.exe" ]] && APP="$APP.exe"
INTERNAL="$BUNDLE/_internal"
RUN_LIMIT=180 # seconds; a frozen app that hangs must fail the check, not block it
# Qt libraries the app must not pull in (it uses QtCore, QtGui, QtWidgets, QtPrintSupport only).
UNWANTED_QT='Qt6(Network|Qml|Quick|Pdf|WebEngine|Multimedia|3D|Designer|Sql|Test|Concurrent)'

fail() {
    echo "build_bundle.sh: error: $*" >&2
    exit 1
}

run_frozen() {
    if command -v timeout >/dev/null; then
        QT_QPA_PLATFORM=offscreen timeout "$RUN_LIMIT" "$APP" "$@"
    else
        QT_QPA_PLATFORM=offscreen "$APP" "$@"
    fi
}

build_time="not built (CHECK_ONLY)"
if [[ -z "${CHECK_ONLY:-}" ]]; then
    echo "== Building with PyInstaller $("$PYTHON" -m PyInstaller --version) ($PYTHON)"
    started=$SECONDS
    "$PYTHON" -m PyInstaller --noconfirm --clean build.spec
    build_time="$((SECONDS - started)) s"
fi
[[ -x "$APP" ]] || fail "$APP was not built"

echo "== Files the app needs at run time"
while IFS= read -r resource; do
    [[ -f "$INTERNAL/$resource" ]] || fail "missing in the bundle: $INTERNAL/$resource"
done < <(find resources -type f | sort)
for needed in \
    "$INTERNAL/holidays/locale/da/LC_MESSAGES/DK.mo" \
    "$INTERNAL/pypdfium2/version.json" \
    "$INTERNAL/pypdfium2_raw/version.json"; do
    [[ -f "$needed" ]] || fail "missing in the bundle: $needed"
done
compgen -G "$INTERNAL/pypdfium2_raw/*pdfium*" >/dev/null ||
    fail "the native pdfium library (pypdfium2_raw) is missing: the PDF preview would fail"

echo "== Qt libraries in the bundle"
qt_libraries=$(find "$INTERNAL" \( -name 'libQt6*' -o -name 'Qt6*.dll' -o -name 'Qt*.framework' \) \
    -not -type l | sed "s|.*/||" | sort -u)
echo "$qt_libraries" | sed 's/^/  /'
if echo "$qt_libraries" | grep -Eq "$UNWANTED_QT"; then
    fail "unused Qt libraries were bundled: $(echo "$qt_libraries" | grep -E "$UNWANTED_QT" | tr '\n' ' ')"
fi
if command -v readelf >/dev/null && [[ "$(uname -s)" == Linux ]]; then
    missing=""
    while IFS= read -r -d '' elf; do
        for library in $(readelf -d "$elf" 2>/dev/null | sed -n 's/.*NEEDED.*\[\(libQt6[^]]*\)\].*/\1/p'); do
            [[ -e "$INTERNAL/$library" || -e "$INTERNAL/PySide6/Qt/lib/$library" ]] ||
                missing+=" ${elf#"$INTERNAL"/} needs $library;"
        done
    done < <(find "$INTERNAL/PySide6" -name '*.so*' -type f -print0)
    [[ -z "$missing" ]] || fail "Qt libraries left out that bundled files need:$missing"
fi

echo "== $APP --self-test"
output=$(run_frozen --self-test) || fail "--self-test exited with status $?"
echo "$output"
grep -q "Selvtest gennemført" <<<"$output" || fail "--self-test did not report success"

echo "== $APP --demo --export"
work=$(mktemp -d "${TMPDIR:-/tmp}/fravaer-bundle-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
run_frozen --db "$work/demo.sqlite" --demo --export "$work/pdf" || fail "--export exited with status $?"
pdf_count=0
for pdf in "$work"/pdf/*.pdf; do
    [[ -f "$pdf" ]] || continue
    [[ "$(head -c 4 "$pdf")" == "%PDF" ]] || fail "not a PDF: $pdf"
    pdf_count=$((pdf_count + 1))
done
((pdf_count > 0)) || fail "--export wrote no PDF files"
echo "$pdf_count PDF files written"

echo "== $APP --overview-worker (the second process of a window start, decision 0012)"
run_frozen --overview-worker "$work/demo.sqlite" "$(date +%F)" >"$work/overview.pickle" ||
    fail "the overview worker exited with status $?"
"$PYTHON" -c "import pickle, sys; overview, _ = pickle.load(open(sys.argv[1], 'rb')); \
print(f'overview of {overview.today}: {len(overview.items)} items')" "$work/overview.pickle" ||
    fail "the overview worker's answer could not be read"

if command -v timeout >/dev/null; then
    # The window cannot be driven from here; it must at least start (Qt plugins, widgets) and still
    # be running after a few seconds. timeout's status 124 means it was still running.
    echo "== $APP --demo (window, offscreen, stopped after ${GUI_SECONDS:=8} s)"
    status=0
    QT_QPA_PLATFORM=offscreen timeout "$GUI_SECONDS" "$APP" --db "$work/window.sqlite" --demo ||
        status=$?
    ((status == 124)) || fail "the window did not keep running (exit status $status)"
    echo "window started"
    echo "== $APP --db (the company file saved above: opening an existing file)"
    status=0
    QT_QPA_PLATFORM=offscreen timeout "$GUI_SECONDS" "$APP" --db "$work/window.sqlite" ||
        status=$?
    ((status == 124)) || fail "the window did not keep running (exit status $status)"
    echo "window started"
fi

echo "== Bundle OK"
echo "Build time: $build_time"
echo "Bundle size: $(du -sh "$BUNDLE" | cut -f1) ($BUNDLE, $(find "$BUNDLE" -type f | wc -l | tr -d ' ') files)"
