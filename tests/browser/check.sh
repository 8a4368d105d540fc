#!/usr/bin/env bash
# Browser check for examples/highlight.rs.
#
#   bash tests/browser/check.sh
#
# When Debian's chromium is installed (/usr/bin/chromium, or $CHROMIUM), this
# renders the highlight page for the bundled sample article and for the
# example's hand-made `--demo` attributions in headless chromium, and checks
#   - each screenshot is a non-blank PNG;
#   - the dumped DOM is <html lang="ar" dir="rtl"> and holds exactly one
#     `isnad-quote` element per attribution: for the sample, as many as
#     `cargo run --release --example extract` prints; for the demo, as many
#     as the page's <body data-attributions> says.
# Without chromium it prints a skip message and exits 0. It exits non-zero
# only when the build fails, chromium cannot render the page, or a check
# fails.
#
# Arabic is shaped with whatever Arabic font fontconfig finds; the page asks
# for "Noto Naskh Arabic" (Debian package fonts-noto-core) or "Amiri"
# (fonts-hosny-amiri). Without them the glyphs may be boxes in the
# screenshot, but the checks still pass.
#
# Set ISNAD_BROWSER_OUT=DIR to keep the pages, screenshots and DOM dumps.
set -euo pipefail

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x "$CHROMIUM" ]]; then
    echo "browser check: skipped ($CHROMIUM not found; apt-get install chromium to run it)"
    exit 0
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/tests/browser"
cd "$ROOT"

SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
OUT=${ISNAD_BROWSER_OUT:-$SCRATCH/out}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

if ! fc-list :lang=ar family 2>/dev/null | grep -q .; then
    echo "browser check: note: no Arabic font installed (apt-get install fonts-noto-core); the screenshot may show boxes"
fi

echo "browser check: building the examples"
cargo build --release --quiet --example highlight --example extract

cargo run --release --quiet --example extract >"$OUT/sample.json"
cargo run --release --quiet --example highlight -- -o "$OUT/sample.html"
cargo run --release --quiet --example highlight -- --demo -o "$OUT/demo.html"

# chromium [ARGS...]: headless, isolated, no network chatter; logs to a file.
run_chromium() {
    local profile
    profile=$(mktemp -d "$SCRATCH/profile.XXXXXX")
    timeout 180 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --disable-dev-shm-usage --hide-scrollbars \
        --user-data-dir="$profile" --window-size=1200,2000 "$@" 2>>"$SCRATCH/chromium.log"
}

# twice WHAT COMMAND...: runs COMMAND, once more if it fails; if it fails
# again, says chromium WHAT, shows chromium's log and stops.
twice() {
    local what=$1
    shift
    "$@" || "$@" && return 0
    echo "browser check: FAIL: chromium $what; its log:" >&2
    tail -n 30 "$SCRATCH/chromium.log" >&2
    exit 1
}

# screenshot NAME: a non-empty PNG of $OUT/NAME.html.
screenshot() {
    rm -f "$OUT/$1.png"
    run_chromium --screenshot="$OUT/$1.png" "file://$OUT/$1.html" >/dev/null && [[ -s "$OUT/$1.png" ]]
}

# dump_dom NAME: the rendered DOM of $OUT/NAME.html, whole.
dump_dom() {
    run_chromium --dump-dom "file://$OUT/$1.html" >"$OUT/$1.dom.html" && grep -q '</html>' "$OUT/$1.dom.html"
}

# render NAME: screenshot and DOM dump of $OUT/NAME.html, one retry each.
render() {
    twice "wrote no screenshot of $1.html" screenshot "$1"
    twice "dumped no DOM of $1.html" dump_dom "$1"
}

render sample
render demo

expected=$(python3 "$HERE/inspect.py" count-json "$OUT/sample.json")
python3 "$HERE/inspect.py" png "$OUT/sample.png"
python3 "$HERE/inspect.py" dom "$OUT/sample.dom.html" "$expected"

demo_expected=$(sed -n 's/.*<body data-attributions="\([0-9]*\)".*/\1/p' "$OUT/demo.html")
if [[ -z "$demo_expected" || "$demo_expected" == 0 ]]; then
    echo "browser check: FAIL: the demo page has no data-attributions count" >&2
    exit 1
fi
python3 "$HERE/inspect.py" png "$OUT/demo.png"
python3 "$HERE/inspect.py" dom "$OUT/demo.dom.html" "$demo_expected"

if [[ -n "${ISNAD_BROWSER_OUT:-}" ]]; then
    echo "browser check: pages, screenshots and DOM dumps kept in $OUT"
fi
echo "browser check: ok ($expected attributions in the sample, $demo_expected in the demo)"
