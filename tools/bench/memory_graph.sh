#!/usr/bin/env bash
# Peak memory and CPU of the graph-side commands over generated events
# (tools/bench/paths_bench.py's generator): `export --format graphml`, `stats`
# and `path A000 A010`, beside NetworkX doing the same work (events read with
# Python's json and held, aggregated into a graph, written as GraphML; counted
# by type; a shortest path). Prints figures, asserts nothing.
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

networkx=$(mktemp)
trap 'rm -f "$networkx" "$dir/time.txt"' EXIT
cat >"$networkx" <<'PY'
import collections, json, sys
import networkx as nx
work, events_file = sys.argv[1], sys.argv[2]
with open(events_file, encoding="utf-8") as f:
    events = [json.loads(line) for line in f if line.strip()]
if work == "stats":
    by_type = collections.Counter(e["type"] for e in events)
    print(len(events), "events", len(by_type), "types")
    sys.exit()
g = nx.MultiDiGraph()
for e in events:
    s, t = (e["source"] or {}).get("code", "?"), (e["target"] or {}).get("code", "?")
    if g.has_edge(s, t, key=e["type"]):
        g[s][t][e["type"]]["count"] += 1
    else:
        g.add_edge(s, t, key=e["type"], type=e["type"], count=1)
if work == "graphml":
    nx.write_graphml(g, "/dev/null")
else:
    print(nx.shortest_path(nx.Graph(g), "A000", "A010"))
PY

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
            printf '%-9s %-8s %-10s %s\n' "$n" networkx "$work" "$(measure /usr/bin/python3 "$networkx" "$work" "$events")"
        done
    fi
done
