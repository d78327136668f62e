#!/usr/bin/env bash
# The event reader's speed: MB/s over generated events (300,000 by default,
# tools/bench/paths_bench.py's generator), best of three, one thread.
#
#   tools/bench/read_events.sh [N]     after a Release build in build/release
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${BENCH_BUILD:-$top/build/release}
n=${1:-300000}
events=$top/build/bench/events-$n.jsonl
mkdir -p "$top/build/bench"
[ -s "$events" ] || python3 "$top/tools/bench/paths_bench.py" generate "$events" "$n" >/dev/null
g++ -O2 -std=c++20 -I"$top/include" -I"$build/generated" "$top/tools/bench/read_events.cpp" \
    "$build/libeventgraph.a" -o "$build/read_events"
"$build/read_events" "$events"
