#!/usr/bin/env bash
# Peak memory of `eventgraph extract` against the size of the corpus: prints
# peak RSS (GNU time) for about 10 MB, 100 MB and 1 GB of JSON Lines. Asserts nothing.
#
#   tools/bench/memory.sh             builds Release (build/release), runs, deletes the corpora
#   MEMORY_NO_BUILD=1 MEMORY_KEEP=1 tools/bench/memory.sh
#
# The 100 MB corpus comes from tools/bench/make_corpus.py; the 1 GB one is it
# ten times over (extract is a function of each article, so an article seen
# again costs what a new one costs), the 10 MB one its first tenth.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$top/build/release
bin=$build/eventgraph
dir=$top/build/bench/memory
mkdir -p "$dir"

if [ "${MEMORY_NO_BUILD:-0}" != 1 ]; then
    echo "== building Release (build/release)"
    "$top/tools/build.sh" Release "$build" -DEVENTGRAPH_BUILD_TESTS=OFF
fi
[ -x "$bin" ] || { echo "memory: $bin not built" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "memory: needs GNU time (/usr/bin/time; tools/setup.sh installs it)" >&2; exit 1; }
cleanup() { [ "${MEMORY_KEEP:-0}" = 1 ] || rm -f "$dir"/corpus-*.jsonl "$dir"/corpus-*.stats.json "$dir"/time-*.txt; }
trap cleanup EXIT

echo "== generating the corpora in $dir"
[ -s "$dir/corpus-100mb.jsonl" ] || python3 "$top/tools/bench/make_corpus.py" --mb 100 -o "$dir/corpus-100mb.jsonl" >/dev/null
lines=$(wc -l <"$dir/corpus-100mb.jsonl")
head -n $((lines / 10)) "$dir/corpus-100mb.jsonl" >"$dir/corpus-10mb.jsonl"
if [ ! -s "$dir/corpus-1gb.jsonl" ]; then
    for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$dir/corpus-100mb.jsonl"; done >"$dir/corpus-1gb.jsonl"
fi

echo "== eventgraph extract (all cores), events to /dev/null"
printf '%-8s %14s %10s %12s %9s %14s\n' corpus bytes articles events wall_s peak_RSS_MB
for name in 10mb 100mb 1gb; do
    corpus=$dir/corpus-$name.jsonl
    /usr/bin/time -v -o "$dir/time-$name.txt" "$bin" extract --verbose "$corpus" 2>"$dir/err-$name.txt" >/dev/null
    counts=$(grep -o '[0-9]* articles, [0-9]* events' "$dir/err-$name.txt" | tail -1)
    rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time-$name.txt")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$dir/time-$name.txt")
    secs=$(echo "$wall" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }')
    printf '%-8s %14s %10s %12s %9s %14s\n' "$name" "$(stat -c %s "$corpus")" "${counts%% articles*}" \
        "$(echo "$counts" | sed 's/.*, \([0-9]*\) events/\1/')" "$secs" "$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f", k / 1024 }')"
    rm -f "$dir/err-$name.txt"
done
