#!/usr/bin/env bash
# Whole-process speed of `extract --jsonl` against the Aho-Corasick baseline
# (examples/ac_baseline.rs: same JSON parsing, one lexicon pass), pinned to one
# core, then the linearity check (examples/scaling.rs).
#
#   bash benches/speed.sh [CORPUS.jsonl]     # default ../shared/corpus/news.jsonl
#   RUNS=5 bash benches/speed.sh             # best of 5 runs (default 3)
#   CORE=1 bash benches/speed.sh             # pin to another core (default 0)
#
# Prints, for each program, the best wall time, MB/s (corpus bytes / wall time)
# and peak RSS, then extract's slowdown against the baseline. When the corpus
# is absent (it is research data that is never shipped) the process comparison
# is skipped with a message and only the linearity check runs.
#
# Needs GNU time at /usr/bin/time (Debian package `time`: `apt-get install -y
# time`) for peak RSS, and `taskset` (util-linux) for pinning; without taskset
# the runs are unpinned. Run from anywhere; paths are relative to the crate.
set -euo pipefail

if ((BASH_VERSINFO[0] < 5)); then
    echo "speed.sh: needs bash 5 (EPOCHREALTIME)" >&2
    exit 2
fi

cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus/news.jsonl}"
runs="${RUNS:-3}"
core="${CORE:-0}"

if [[ ! -x /usr/bin/time ]]; then
    echo "speed.sh: /usr/bin/time is missing; install it with: apt-get install -y time" >&2
    exit 2
fi
pin=()
if command -v taskset >/dev/null 2>&1; then
    pin=(taskset -c "$core")
else
    echo "speed.sh: taskset not found; runs are not pinned to one core" >&2
fi

cargo build --release --quiet --example extract --example ac_baseline --example scaling
bin=target/release/examples

# best_of NAME CMD... : runs CMD $runs times (stdout to /dev/null), prints
# "best_wall_seconds max_rss_kb" of the fastest run.
best_of() {
    local name=$1
    shift
    local best="" best_rss="" tmp wall rss
    tmp=$(mktemp)
    for ((i = 1; i <= runs; i++)); do
        local t0=$EPOCHREALTIME
        if ! /usr/bin/time -f '%M' -o "$tmp" "${pin[@]}" "$@" >/dev/null 2>"$tmp.err"; then
            echo "speed.sh: $name failed:" >&2
            cat "$tmp.err" >&2
            rm -f "$tmp" "$tmp.err"
            return 1
        fi
        local t1=$EPOCHREALTIME
        # Wall time from bash's microsecond clock (GNU time's %e has 10 ms steps).
        wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')
        read -r rss <"$tmp"
        if [[ -z "$best" ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
            best=$wall
            best_rss=$rss
        fi
    done
    # Keep the program's own last stderr line (counts) for the report.
    tail -n 1 "$tmp.err" | sed "s/^/  [$name] /" >&2
    rm -f "$tmp" "$tmp.err"
    echo "$best $best_rss"
}

if [[ -f "$corpus" ]]; then
    bytes=$(stat -c %s "$corpus")
    echo "corpus: $corpus ($bytes bytes), best of $runs, ${pin[*]:-unpinned}"
    read -r ex_wall ex_rss < <(best_of extract "$bin/extract" --jsonl "$corpus")
    read -r ac_wall ac_rss < <(best_of ac_baseline "$bin/ac_baseline" "$corpus")
    awk -v b="$bytes" -v ew="$ex_wall" -v er="$ex_rss" -v aw="$ac_wall" -v ar="$ac_rss" 'BEGIN {
        if (ew < 1e-6) ew = 1e-6
        if (aw < 1e-6) aw = 1e-6
        printf "extract --jsonl : %8.3f s  %8.1f MB/s  peak RSS %7.1f MB\n", ew, b / 1e6 / ew, er / 1024
        printf "ac_baseline     : %8.3f s  %8.1f MB/s  peak RSS %7.1f MB\n", aw, b / 1e6 / aw, ar / 1024
        printf "extract / baseline time ratio: %.2fx (extract runs at %.1f%% of baseline speed)\n", ew / aw, 100 * aw / ew
    }'
else
    echo "speed.sh: corpus $corpus not found; skipping the process comparison" >&2
fi

echo "linearity:"
"${pin[@]}" "$bin/scaling"
