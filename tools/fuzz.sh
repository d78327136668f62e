#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang and runs each for a while:
#   tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET…]      (default: 60 s, every target)
# Each target starts from the committed seeds (fuzz/corpus/<target>/) and the
# regressions, and grows its own corpus in build/fuzz/corpus/<target>/ (kept
# between runs, never committed). Findings are written to
# build/fuzz/findings/<target>/ (crash-*, timeout-*, leak-*, oom-*).
# Prints per target: executions, exec/s, corpus size, and whether anything was found.
# Needs clang-14 and libclang-rt-14-dev (Debian), which CI does not.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift $(( $# < 1 ? $# : 1 ))
all=(fuzz_article_json fuzz_text_page fuzz_html_page fuzz_time_expressions
     fuzz_lexicon_json fuzz_lexicon_tabari fuzz_event_json fuzz_verb_dictionary)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

for t in "${targets[@]}"; do
  [ -f "$top/fuzz/$t.cpp" ] || { echo "fuzz.sh: no target $t (targets: ${all[*]})" >&2; exit 2; }
done
if ! command -v clang++-14 >/dev/null || ! dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "ok installed"; then
  echo "fuzz.sh: needs clang-14 and libclang-rt-14-dev: apt-get install clang-14 libclang-rt-14-dev" >&2
  exit 2
fi

dir=$top/build/fuzz
CC=clang-14 CXX=clang++-14 cmake -S "$top" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DEVENTGRAPH_FUZZ=ON -DEVENTGRAPH_BUILD_TESTS=OFF >/dev/null
nice cmake --build "$dir" -j "$(nproc)" --target "${targets[@]}"

status=0
printf '%-24s %12s %9s %14s  %s\n' target executions exec/s corpus found
for t in "${targets[@]}"; do
  corpus=$dir/corpus/$t
  findings=$dir/findings/$t
  mkdir -p "$corpus" "$findings"
  seeds=("$top/fuzz/corpus/$t")
  [ -d "$top/fuzz/regressions/$t" ] && seeds+=("$top/fuzz/regressions/$t")
  dict=()
  [ -f "$top/fuzz/dict/$t.dict" ] && dict=(-dict="$top/fuzz/dict/$t.dict")
  log=$dir/$t.log
  # One process (the machine is shared); 64 KB inputs are plenty for every
  # reader and keep each run fast; 10 s for one input is a hang.
  nice "$dir/fuzz/$t" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$findings/" "${dict[@]}" "$corpus" "${seeds[@]}" \
    >"$log" 2>&1 || true
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  size=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 | sed 's/corp: //' || true)
  artifacts=$(grep -oE 'Test unit written to [^ ]+' "$log" | sed 's/Test unit written to //' || true)
  if [ -n "$artifacts" ]; then
    found="yes: $(echo "$artifacts" | tr '\n' ' ')(log: $log)"
    status=1
  else
    found=no
  fi
  printf '%-24s %12s %9s %14s  %s\n' "$t" "${runs:-?}" "${rate:-?}" "${size:-?}" "$found"
done
exit $status
