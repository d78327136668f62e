#!/usr/bin/env bash
# Time and peak memory of `eventgraph normalize` and `extract` on one article
# whose middle paragraph has no sentence punctuation (tools/bench/make_runon.py:
# an incident table's cells, a list of names, a transcript), at 77 KB, 154 KB,
# 1.5 MB and 16 MB (the limit of one JSON Lines record). Prints the figures;
# asserts nothing.
#
#   tools/bench/runon.sh                       builds Release (build/release), runs, deletes the inputs
#   RUNON_NO_BUILD=1 RUNON_SIZES="77000 1500000" RUNON_SHAPES=table tools/bench/runon.sh
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/build/release
bin=$build/eventgraph
dir=$top/build/bench/runon
sizes=${RUNON_SIZES:-77000 154000 1500000 16000000}
shapes=${RUNON_SHAPES:-table names transcript}
mkdir -p "$dir"

if [ "${RUNON_NO_BUILD:-0}" != 1 ]; then
    echo "== building Release (build/release)"
    "$top/tools/build.sh" Release "$build" -DEVENTGRAPH_BUILD_TESTS=OFF
fi
[ -x "$bin" ] || { echo "runon: $bin not built" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "runon: needs GNU time (/usr/bin/time; tools/setup.sh installs it)" >&2; exit 1; }
trap 'rm -f "$dir"/runon-* "$dir"/time.txt' EXIT

# run LABEL COMMAND…: one line of figures, standard output counted, not kept.
run() {
    local label=$1 out
    shift
    out=$(/usr/bin/time -f '%e %M' -o "$dir/time.txt" "$@" 2>/dev/null | wc -lc)
    read -r secs kb <"$dir/time.txt"
    read -r lines bytes <<<"$out"
    printf '%-11s %-9s %-17s %8s %10s %8s %12s\n' "$shape" "$size" "$label" "$secs" \
        "$(awk -v k="$kb" 'BEGIN { printf "%.1f", k / 1024 }')" "$lines" "$bytes"
}

printf '%-11s %-9s %-17s %8s %10s %8s %12s\n' shape bytes command wall_s peak_MB lines out_bytes
for shape in $shapes; do
    for size in $sizes; do
        base=$dir/runon-$shape-$size
        python3 "$top/tools/bench/make_runon.py" --bytes "$size" --shape "$shape" -o "$base.jsonl" --text "$base.txt"
        run "normalize .txt" "$bin" normalize "$base.txt"
        run "normalize .jsonl" "$bin" normalize "$base.jsonl"
        run "extract -j1" "$bin" extract --threads 1 "$base.jsonl"
        rm -f "$base.jsonl" "$base.txt"
    done
done
