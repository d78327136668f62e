#!/usr/bin/env bash
# eventgraph beside NetworkX on the same generated events, in one run: the
# exports (dot, graphml, gexf, timeline), stats and path, each a command of
# its own timed by GNU time (wall and user CPU seconds, peak RSS), and the
# same work in Python (tools/bench/graph_networkx.py: json, the events folded
# into happenings and relations as eventgraph folds them, NetworkX's writers).
# Prints a table and a line of what each side wrote; asserts nothing.
#
#   tools/bench/graph.sh [N [SEED]]        N events (default 1,000,000), SEED (default 1)
#
# Environment: GRAPH_BENCH_N, GRAPH_BENCH_SEED (instead of the arguments),
# GRAPH_BENCH_RUNS (runs of each command, default 3: on a shared machine one
# run can be a third slower than the next, on either side; the least wall and
# user times of the runs are shown, 1 for a quick look), GRAPH_BENCH_FROM and
# GRAPH_BENCH_TO (the path's actors; default A003 and A150), BENCH_BUILD (a
# Release build directory; default build/release, configured and built if it
# has no eventgraph),
# GRAPH_BENCH_KEEP=1 keeps the events and outputs (build/bench/graph/).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
n=${1:-${GRAPH_BENCH_N:-1000000}}
seed=${2:-${GRAPH_BENCH_SEED:-1}}
runs=${GRAPH_BENCH_RUNS:-3}
from=${GRAPH_BENCH_FROM:-A003}
to=${GRAPH_BENCH_TO:-A150}
build=${BENCH_BUILD:-$top/build/release}
bin=$build/eventgraph
nx_python=/usr/bin/python3  # Debian's, with NetworkX 2.8.8
dir=$top/build/bench/graph
mkdir -p "$dir"

[ -x /usr/bin/time ] || { echo "graph.sh: needs GNU time (/usr/bin/time)" >&2; exit 1; }
"$nx_python" -c 'import networkx' 2>/dev/null ||
    { echo "graph.sh: $nx_python has no networkx (Debian: python3-networkx)" >&2; exit 1; }
if [ ! -x "$bin" ]; then
    echo "== building Release into $build"
    cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DEVENTGRAPH_BUILD_TESTS=OFF >/dev/null
    ninja -C "$build" -j2 >/dev/null
fi

events=$dir/events-$n-$seed.jsonl
if [ ! -s "$events" ]; then
    echo "== generating $n events (seed $seed) into $events"
    python3 "$top/tools/bench/paths_bench.py" generate "$events.part" "$n" "$seed"
    mv "$events.part" "$events"
    sync  # its writing out to disk not timed with the first command
fi
cleanup() {
    [ "${GRAPH_BENCH_KEEP:-0}" = 1 ] || rm -f "$events" "$dir"/out-* "$dir"/time-*
}
trap cleanup EXIT
mb=$(du -mL "$events" | cut -f1)
echo "== $n events, $mb MB; $runs run(s) of each command; eventgraph: $bin; NetworkX: $("$nx_python" -c 'import networkx; print(networkx.__version__)')"

# timed NAME COMMAND…: runs it $runs times; leaves "wall user peak_MB" in
# $dir/time-NAME: the least wall and the least user CPU of the runs (each
# the cost with the least of the machine's noise in it) and the highest peak;
# "- - -" if a run failed.
timed() {
    local name=$1 i
    shift
    : >"$dir/time-$name.runs"
    for ((i = 0; i < runs; ++i)); do
        if ! /usr/bin/time -f "%e %U %M" -o "$dir/time-$name.run" "$@" >/dev/null 2>"$dir/out-$name.err"; then
            echo "graph.sh: $name failed: $(tail -3 "$dir/out-$name.err")" >&2
            echo "- - -" >"$dir/time-$name.run"
        fi
        tail -1 "$dir/time-$name.run" >>"$dir/time-$name.runs"
    done
    awk '$1 == "-" { failed = 1 }
         NR == 1 || $1 < wall { wall = $1 }
         NR == 1 || $2 < user { user = $2 }
         $3 > peak { peak = $3 }
         END { if (failed) print "- - -"; else printf "%s %s %.0f\n", wall, user, peak / 1024 }' \
        "$dir/time-$name.runs" >"$dir/time-$name"
}

# work: label, eventgraph's command, NetworkX's work
works=(
    "export dot|export -q --format dot -o $dir/out-eg.dot|dot"
    "export graphml|export -q --format graphml -o $dir/out-eg.graphml|graphml"
    "export gexf|export -q --format gexf -o $dir/out-eg.gexf|gexf"
    "export timeline|export -q --format timeline -o $dir/out-eg.timeline|timeline"
    "stats|stats -q -o $dir/out-eg.stats|stats"
    "path (shortest)|path -q -o $dir/out-eg.path $from $to|path"
    "path --max-hops 2|path -q --max-hops 2 -o $dir/out-eg.paths2 $from $to|paths2"
)
for w in "${works[@]}"; do
    IFS='|' read -r label args nx_work <<<"$w"
    echo "   $label"
    read -ra argv <<<"$args"
    # eventgraph path takes FROM TO before the events; the others just the events.
    timed "eg-$nx_work" "$bin" "${argv[@]}" "$events"
    nx_args=("$nx_work" "$events" "$dir/out-nx.$nx_work")
    case $nx_work in path | paths2) nx_args+=("$from" "$to") ;; esac
    timed "nx-$nx_work" "$nx_python" "$top/tools/bench/graph_networkx.py" "${nx_args[@]}"
done

echo
printf '%-18s %8s %8s %8s   %8s %8s %8s   %7s %7s %7s\n' work eg_wall eg_user eg_MB nx_wall nx_user nx_MB \
    "wall×" "user×" "MB×"
for w in "${works[@]}"; do
    IFS='|' read -r label _ nx_work <<<"$w"
    read -r ew eu em <"$dir/time-eg-$nx_work"
    read -r xw xu xm <"$dir/time-nx-$nx_work"
    awk -v l="$label" -v ew="$ew" -v eu="$eu" -v em="$em" -v xw="$xw" -v xu="$xu" -v xm="$xm" 'BEGIN {
        r = (ew > 0) ? sprintf("%.1f", xw / ew) : "-"; u = (eu > 0) ? sprintf("%.1f", xu / eu) : "-"
        m = (em > 0) ? sprintf("%.2f", xm / em) : "-"
        printf "%-18s %8s %8s %8s   %8s %8s %8s   %7s %7s %7s\n", l, ew, eu, em, xw, xu, xm, r, u, m }'
done
echo "(seconds and peak RSS in MB; wall×, user× and MB×: NetworkX's over eventgraph's, above 1 when eventgraph is ahead)"

# What each side wrote, to see it is the same work.
count() { [ -f "$2" ] && grep -c -- "$1" "$2" || echo -; }
echo
echo "written: edges eventgraph/NetworkX: graphml $(count '<edge ' "$dir/out-eg.graphml")/$(count '<edge ' "$dir/out-nx.graphml")," \
    "gexf $(count '<edge ' "$dir/out-eg.gexf")/$(count '<edge ' "$dir/out-nx.gexf")," \
    "dot $(count '^	[^ ]* -> ' "$dir/out-eg.dot")/$(count ' -> ' "$dir/out-nx.dot");" \
    "timeline happenings $(count '^{"id"' "$dir/out-eg.timeline")/$(count '^{"id"' "$dir/out-nx.timeline");" \
    "paths $(count '^path ' "$dir/out-eg.path")+$(count '^path ' "$dir/out-eg.paths2")/$(count '^path ' "$dir/out-nx.path")+$(count '^path ' "$dir/out-nx.paths2")"
echo "stats: eventgraph: $(head -1 "$dir/out-eg.stats" 2>/dev/null); NetworkX: $(head -1 "$dir/out-nx.stats" 2>/dev/null)"
echo "shortest path: eventgraph: $(head -1 "$dir/out-eg.path" 2>/dev/null); NetworkX: $(head -1 "$dir/out-nx.path" 2>/dev/null)"
