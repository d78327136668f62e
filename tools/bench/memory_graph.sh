#!/usr/bin/env bash
# Peak memory and CPU of the graph-side commands over generated events
# (tools/bench/paths_bench.py's generator): `export --format graphml`, `stats`
# and `path A000 A010`, beside NetworkX doing the same work (graph.sh's
# tools/bench/graph_networkx.py: the events folded into happenings and
# relations as they are read). Prints figures, asserts nothing.
#
#   tools/bench/memory_graph.sh [SIZES…]     default: 100000 1000000 (add 3000000 for 3M)
#   BENCH_BUILD=DIR  the build whose eventgraph runs (default build/release)
#   BENCH_NETWORKX=0 leave NetworkX out
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${BENCH_BUILD:-$top/build/release}/eventgraph
dir=$top/build/bench
mkdir -p "$dir"
[ -x "$bin" ] || { echo "memory_graph: $bin not built" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "memory_graph: needs GNU time (/usr/bin/time)" >&2; exit 1; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100000 1000000)

trap 'rm -f "$dir/time.txt" "$dir/networkx.out"' EXIT

# "WALL_S USER_S PEAK_MB" of a command, its output thrown away.
measure() {
    /usr/bin/time -f "%e %U %M" -o "$dir/time.txt" "$@" >/dev/null 2>&1 || true
    awk '{ printf "%8.2f %8.2f %9.0f", $1, $2, $3 / 1024 }' "$dir/time.txt"
}

printf '%-9s %-8s %-10s %8s %8s %9s\n' events program work wall_s user_s peak_MB
for n in "${sizes[@]}"; do
    events=$dir/events-$n.jsonl
    [ -s "$events" ] || python3 "$top/tools/bench/paths_bench.py" generate "$events" "$n" >/dev/null
    printf '%-9s %-8s %-10s %s\n' "$n" eventgraph graphml "$(measure "$bin" export -q --format graphml "$events")"
    printf '%-9s %-8s %-10s %s\n' "$n" eventgraph stats "$(measure "$bin" stats -q "$events")"
    printf '%-9s %-8s %-10s %s\n' "$n" eventgraph path "$(measure "$bin" path -q A000 A010 "$events")"
    if [ "${BENCH_NETWORKX:-1}" != 0 ]; then
        for work in graphml stats path; do
            printf '%-9s %-8s %-10s %s\n' "$n" networkx "$work" \
                "$(measure /usr/bin/python3 "$top/tools/bench/graph_networkx.py" "$work" "$events" \
                    "$dir/networkx.out" A000 A010)"
        done
    fi
done
