#!/usr/bin/env bash
# Extraction against normalization on the same corpus: prints the user CPU
# seconds of `eventgraph normalize` and of `eventgraph extract --threads 1`
# (every default dictionary loaded) and their ratio, which issue 11 keeps
# within 20. Asserts nothing.
#
#   tools/bench/ratio.sh                       # generated news, ~50,000 sentences
#   RATIO_CORPUS=FILE.jsonl RATIO_REPEAT=300 tools/bench/ratio.sh
#
# The default corpus is tools/bench/make_corpus.py's (the project's lexicon and
# triggers, works on a fresh clone); RATIO_CORPUS takes any articles in JSON
# Lines instead, repeated RATIO_REPEAT times (default 1) with the ids suffixed
# "-N", as a set of short coded sentences becomes a corpus. RATIO_RUNS (default
# 3): runs of each, the fastest counts. RATIO_BIN: the program (default
# build/release/eventgraph, built if missing).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${RATIO_BIN:-$top/build/release/eventgraph}
runs=${RATIO_RUNS:-3}
out=$top/build/bench
mkdir -p "$out"
[ -x "$bin" ] || "$top/tools/build.sh" Release "$top/build/release" -DEVENTGRAPH_BUILD_TESTS=OFF >/dev/null

if [ -n "${RATIO_CORPUS:-}" ]; then
    repeat=${RATIO_REPEAT:-1}
    corpus=$out/ratio-$(basename "$RATIO_CORPUS" .jsonl)-x$repeat.jsonl
    python3 - "$RATIO_CORPUS" "$repeat" "$corpus" <<'PY'
import json, sys
src, repeat, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
articles = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
with open(dst, "w", encoding="utf-8") as f:
    for r in range(repeat):
        for a in articles:
            f.write(json.dumps(dict(a, id="%s-%d" % (a["id"], r)), ensure_ascii=False) + "\n")
PY
else
    corpus=$out/ratio-generated-3000.jsonl
    [ -s "$corpus" ] || python3 "$top/tools/bench/make_corpus.py" --articles 3000 -o "$corpus" >/dev/null
fi

# The fastest user CPU seconds of RUNS runs of the command.
best_user() {
    local best="" t
    for _ in $(seq "$runs"); do
        /usr/bin/time -o "$out/.ratio-time" -f %U "$@" >/dev/null 2>&1
        t=$(tail -1 "$out/.ratio-time")
        if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a < b)}'; then best=$t; fi
    done
    echo "$best"
}

command -v /usr/bin/time >/dev/null || { echo "ratio: GNU time (/usr/bin/time) is missing" >&2; exit 1; }
echo "== corpus: $corpus ($(wc -l <"$corpus") articles, $(du -h "$corpus" | cut -f1)); load average $(cut -d' ' -f1-3 /proc/loadavg)"
normalize=$(best_user "$bin" normalize "$corpus")
extract=$(best_user "$bin" extract --threads 1 "$corpus")
awk -v n="$normalize" -v e="$extract" 'BEGIN {
    printf "normalize        %6.2f s user\n", n
    printf "extract (1 thread) %4.2f s user\n", e
    printf "ratio            %6.1f (issue 11: at most 20)\n", (n > 0 ? e / n : 0) }'
