#!/usr/bin/env bash
# Extraction benchmark: prints figures, asserts nothing.
#
#   tools/bench.sh                 ~50 MB corpus, 1 and 2 threads, 1 run each
#   BENCH_MB=10 BENCH_RUNS=3 tools/bench.sh
#
# Builds Release into build/release, generates a deterministic corpus once into
# build/bench/ (tools/bench/make_corpus.py; regenerated when the generator or
# the lexicon changes), then runs `eventgraph extract --threads 1` and
# `--threads 2` over it and prints, per run: wall seconds, CPU seconds,
# articles/s, sentences/s, MB/s (10^6 bytes of input), events written and peak
# RSS; then whether the outputs of 1 and 2 threads are byte-identical, and the
# start-up time (lexicon and triggers loaded, one tiny article extracted), on
# one core too, and what each default dictionary alone adds to it.
#
# Environment: BENCH_MB (corpus size, default 50), BENCH_SEED (default
# 20240910), BENCH_RUNS (runs per thread count, default 1; the best is
# summarised), BENCH_THREADS (default "1 2"), BENCH_NO_BUILD=1 (use the
# existing build/release/eventgraph as it is), BENCH_PROC_RSS=1 (read peak RSS
# from /proc even where GNU time is installed).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
mb=${BENCH_MB:-50}
seed=${BENCH_SEED:-20240910}
runs=${BENCH_RUNS:-1}
threads_list=${BENCH_THREADS:-"1 2"}
build=$top/build/release
out=$top/build/bench
bin=$build/eventgraph
mkdir -p "$out"

if [ "${BENCH_NO_BUILD:-0}" != 1 ]; then
    echo "== building Release (build/release)"
    "$top/tools/build.sh" Release "$build" -DEVENTGRAPH_BUILD_TESTS=OFF
fi
[ -x "$bin" ] || { echo "bench: $bin not built" >&2; exit 1; }

# Peak memory: GNU time's %M if it is there, else VmHWM polled from /proc.
if [ "${BENCH_PROC_RSS:-0}" != 1 ] && [ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1; then
    have_time=1
else
    have_time=0
    echo "note: GNU time (/usr/bin/time, Debian package 'time') missing or not used: peak RSS is read from /proc/PID/status" \
         "(VmHWM, polled, may miss a short final peak); apt-get install time for the exact figure"
fi

corpus=$out/corpus-${mb}mb-seed${seed}.jsonl
gen=$top/tools/bench/make_corpus.py
stale=0
[ -s "$corpus" ] && [ -s "$corpus.stats.json" ] || stale=1
if [ $stale = 0 ]; then
    for dep in "$gen" "$top"/data/triggers.json "$top"/data/lexicon/*.json; do
        [ "$dep" -nt "$corpus" ] && stale=1
    done
fi
if [ $stale = 1 ]; then
    echo "== generating corpus: $mb MB, seed $seed"
    python3 "$gen" --mb "$mb" --seed "$seed" -o "$corpus" >/dev/null
fi
read -r articles sentences bytes < <(python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
print(s["articles"], s["sentences"], s["bytes"])' "$corpus.stats.json")

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine slows wall times)"
echo "== corpus: $corpus"
printf '   %d articles, %d sentences, %.1f MB\n' "$articles" "$sentences" "$(awk -v b="$bytes" 'BEGIN{print b/1e6}')"

now_ns() { date +%s%N; }

# run_measured OUTFILE CMD…: runs CMD with stdout to OUTFILE; sets wall, cpu, rss_kb.
run_measured() {
    local outfile=$1; shift
    local tfile=$out/.time.$$ t0 t1 pid hwm
    t0=$(now_ns)
    if [ $have_time = 1 ]; then
        /usr/bin/time -o "$tfile" -f '%U %S %M' "$@" >"$outfile"
        t1=$(now_ns)
        read -r u s rss_kb <"$tfile"
        cpu=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')
        rm -f "$tfile"
    else
        "$@" >"$outfile" &
        pid=$!
        rss_kb=0
        while kill -0 "$pid" 2>/dev/null; do
            hwm=$(awk '/^VmHWM:/{print $2}' "/proc/$pid/status" 2>/dev/null || true)
            [ -n "$hwm" ] && [ "$hwm" -gt "$rss_kb" ] && rss_kb=$hwm
            sleep 0.05
        done
        wait "$pid"
        t1=$(now_ns)
        cpu="?"
    fi
    wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", (b-a)/1e9}')
}

echo
echo "== start-up (lexicon and triggers loaded, one tiny article extracted)"
tiny=$out/tiny.jsonl
printf '%s\n' '{"id":"tiny","title":"Startup","published":"2024-09-10","body":["Nothing happened."]}' >"$tiny"
best_start=
for i in 1 2 3; do
    run_measured "$out/tiny-events.jsonl" "$bin" extract --threads 1 "$tiny"
    printf '   run %d: %.3f s wall, peak RSS %.1f MB\n' "$i" "$wall" "$(awk -v k="$rss_kb" 'BEGIN{print k/1024}')"
    best_start=$(awk -v a="${best_start:-1e9}" -v b="$wall" 'BEGIN{print (b<a)?b:a}')
done
start_rss=$rss_kb
best_of_3() {
    local best=
    for i in 1 2 3; do
        run_measured /dev/null "$@" 2>/dev/null
        best=$(awk -v a="${best:-1e9}" -v b="$wall" 'BEGIN{print (b<a)?b:a}')
    done
    echo "$best"
}
# One core (taskset): what start-up costs without the second loading thread.
if command -v taskset >/dev/null 2>&1; then
    printf '   on one core: %.3f s wall (best of 3)\n' \
        "$(best_of_3 taskset -c 0 "$bin" extract --threads 1 "$tiny")"
fi
# Each default dictionary alone (read, and compiled into the matcher or the
# triggers), best of 3, less the same run without any.
data=${EVENTGRAPH_DATA:-$top/data}
none=$(best_of_3 "$bin" extract --threads 1 --no-default-dictionaries "$tiny")
printf '   per dictionary (s, over %.3f s with none):\n' "$none"
lexicon_args=()
for f in "$data"/lexicon/*.json; do lexicon_args+=(--lexicon "$f"); done
t=$(best_of_3 "$bin" extract --threads 1 --no-default-dictionaries "${lexicon_args[@]}" "$tiny")
printf '     %-40s %.3f\n' "lexicon/*.json" "$(awk -v a="$t" -v b="$none" 'BEGIN{print a-b}')"
for f in "$data"/phoenix/*.txt; do
    t=$(best_of_3 "$bin" extract --threads 1 --no-default-dictionaries --lexicon "$f" "$tiny")
    printf '     %-40s %.3f\n' "phoenix/$(basename "$f")" "$(awk -v a="$t" -v b="$none" 'BEGIN{print a-b}')"
done
t=$(best_of_3 "$bin" extract --threads 1 --no-default-dictionaries --triggers "$data/triggers.json" "$tiny")
printf '     %-40s %.3f\n' "triggers.json" "$(awk -v a="$t" -v b="$none" 'BEGIN{print a-b}')"
t=$(best_of_3 "$bin" extract --threads 1 --no-default-dictionaries --verbs "$data/petrarch/CAMEO.2.0.txt" "$tiny")
printf '     %-40s %.3f\n' "petrarch/CAMEO.2.0.txt" "$(awk -v a="$t" -v b="$none" 'BEGIN{print a-b}')"

echo
echo "== extract"
printf '   %-7s %-4s %8s %8s %10s %12s %8s %9s %10s\n' threads run "wall s" "cpu s" articles/s sentences/s MB/s events "peak RSS"
summary=()
for t in $threads_list; do
    best=
    for r in $(seq 1 "$runs"); do
        run_measured "$out/events-t$t.jsonl" "$bin" extract --threads "$t" "$corpus"
        events=$(wc -l <"$out/events-t$t.jsonl")
        line=$(awk -v w="$wall" -v a="$articles" -v s="$sentences" -v b="$bytes" -v k="$rss_kb" \
               'BEGIN{printf "%10.0f %12.0f %8.2f", a/w, s/w, b/1e6/w}')
        printf '   %-7s %-4s %8.2f %8s %s %9d %7.1f MB\n' "$t" "$r" "$wall" "$cpu" "$line" "$events" \
               "$(awk -v k="$rss_kb" 'BEGIN{print k/1024}')"
        if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN{exit !(a<b)}'; then
            best=$wall; best_cpu=$cpu; best_rss=$rss_kb; best_events=$events
        fi
    done
    summary+=("$t $best $best_cpu $best_rss $best_events")
done

echo
echo "== summary (best of $runs run(s) per thread count)"
printf '   | threads | wall s | sentences/s | MB/s | articles/s | sentences/CPU-s | events | peak RSS |\n'
printf '   |--------:|-------:|------------:|-----:|-----------:|----------------:|-------:|---------:|\n'
for row in "${summary[@]}"; do
    read -r t w c k e <<<"$row"
    awk -v t="$t" -v w="$w" -v c="$c" -v k="$k" -v e="$e" -v a="$articles" -v s="$sentences" -v b="$bytes" 'BEGIN{
        cps = (c == "?" || c == 0) ? "?" : sprintf("%.0f", s/c)
        printf "   | %7s | %6.2f | %11.0f | %4.2f | %10.0f | %15s | %6d | %5.0f MB |\n", t, w, s/w, b/1e6/w, a/w, cps, e, k/1024 }'
done
printf '   start-up: %.3f s (best of 3), %.0f MB RSS\n' "$best_start" "$(awk -v k="$start_rss" 'BEGIN{print k/1024}')"

set -- $threads_list
if [ $# -ge 2 ]; then
    first=$1
    shift
    for t in "$@"; do
        if cmp -s "$out/events-t$first.jsonl" "$out/events-t$t.jsonl"; then same=yes; else same=no; fi
        echo "identical output for $first and $t threads: $same"
    done
fi
