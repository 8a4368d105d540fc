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

# render NAME: screenshot and DOM dump of $OUT/NAME.html, one retry each.
render() {
    local name=$1 url="file://$OUT/$1.html" try
    for try in 1 2; do
        rm -f "$OUT/$name.png"
        if run_chromium --screenshot="$OUT/$name.png" "$url" >/dev/null && [[ -s "$OUT/$name.png" ]]; then
            break
        fi
        if [[ $try == 2 ]]; then
            echo "browser check: FAIL: chromium wrote no screenshot of $name.html; its log:" >&2
            tail -n 30 "$SCRATCH/chromium.log" >&2
            exit 1
        fi
    done
    for try in 1 2; do
        if run_chromium --dump-dom "$url" >"$OUT/$name.dom.html" && grep -q '</html>' "$OUT/$name.dom.html"; then
            break
        fi
        if [[ $try == 2 ]]; then
            echo "browser check: FAIL: chromium dumped no DOM of $name.html; its log:" >&2
            tail -n 30 "$SCRATCH/chromium.log" >&2
            exit 1
        fi
    done
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
