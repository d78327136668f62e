#!/usr/bin/env bash
# The web page with many events: prints its size and load time, asserts nothing.
#
#   tools/bench/viewer.sh            5,000 events
#   BENCH_EVENTS=20000 tools/bench/viewer.sh
#
# Generates articles (tools/bench/make_corpus.py), extracts their events, keeps
# the first BENCH_EVENTS, writes the page with `eventgraph export --format
# html` and opens it in Debian's Chromium (tools/bench/viewer_load.cjs): load
# time (to the page drawn) and time to filter it to the busiest actor, median
# of BENCH_RUNS (default 3). Uses BENCH_BUILD (a build directory), else
# build/release if built, else build/debug.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
events=${BENCH_EVENTS:-5000}
runs=${BENCH_RUNS:-3}
build=${BENCH_BUILD:-$top/build/release}
[ -x "$build/eventgraph" ] || build=$top/build/debug
[ -x "$build/eventgraph" ] || { echo "bench: build eventgraph first (tools/build.sh)" >&2; exit 1; }
out=$top/build/bench/viewer
mkdir -p "$out"

articles=$(( events / 3 + 100 ))
/usr/bin/python3 "$top/tools/bench/make_corpus.py" --articles "$articles" --seed 7 -o "$out/corpus.jsonl" >/dev/null
"$build/eventgraph" extract "$out/corpus.jsonl" -o "$out/all.events.jsonl"
have=$(wc -l < "$out/all.events.jsonl")
[ "$have" -ge "$events" ] || echo "bench: only $have events from $articles articles" >&2
head -n "$events" "$out/all.events.jsonl" > "$out/events.jsonl"

start=$(date +%s.%N)
"$build/eventgraph" export --format html --title "$events events" "$out/events.jsonl" -o "$out/page.html"
end=$(date +%s.%N)
printf 'page: %s events, %s bytes (%.1f MB), written in %.2f s\n' \
  "$(wc -l < "$out/events.jsonl")" "$(stat -c %s "$out/page.html")" \
  "$(echo "$(stat -c %s "$out/page.html") / 1000000" | bc -l)" "$(echo "$end - $start" | bc -l)"
NODE_PATH=$build/viewer/node_modules node "$top/tools/bench/viewer_load.cjs" "$out/page.html" "$runs"
