#!/usr/bin/env bash
# Profiles `eventgraph extract` with callgrind (repeatable, unlike timings on a
# busy machine) and prints the functions that cost the most instructions.
#
#   tools/bench/profile.sh            # 1000 articles (~17,000 sentences)
#   PROFILE_ARTICLES=3000 tools/bench/profile.sh
#   PROFILE_REUSE=1 PROFILE_TOP=40 tools/bench/profile.sh   # report again from the last profiles
#
# Builds Release with debug information into build/profile (same optimisation
# as the release build), profiles start-up alone (one tiny article) and a run
# over PROFILE_ARTICLES articles, and prints start-up's top functions and the
# corpus run's with start-up's costs subtracted, function by function, both
# inclusive (with callees) and self. Output files stay in build/bench/profile/
# for callgrind_annotate or kcachegrind.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
n=${PROFILE_ARTICLES:-1000}
build=$top/build/profile
out=$top/build/bench/profile
mkdir -p "$out"
command -v valgrind >/dev/null || { echo "profile: valgrind is missing (Debian package valgrind)" >&2; exit 1; }

"$top/tools/build.sh" Release "$build" -DEVENTGRAPH_BUILD_TESTS=OFF \
    -DCMAKE_CXX_FLAGS="-g -fno-omit-frame-pointer" >/dev/null
bin=$build/eventgraph

python3 "$top/tools/bench/make_corpus.py" --articles "$n" -o "$out/corpus-$n.jsonl"
printf '%s\n' '{"id":"tiny","title":"Startup","published":"2024-09-10","body":["Nothing happened."]}' >"$out/tiny.jsonl"

# All functions of a callgrind profile as "COST<TAB>FILE:FUNCTION": paths made
# relative, the duplicate entries (with and without the object file) merged.
costs() {  # OUT-FILE INCLUSIVE(yes|no)
    callgrind_annotate --auto=no --threshold=100 --inclusive="$2" "$1" 2>/dev/null |
        grep -E '^ *[0-9,]+ \( *[0-9.]+%\)  ' | grep -v 'PROGRAM TOTALS' |
        sed -E -e 's/^ *([0-9,]+) \( *[0-9.]+%\)  /\1\t/' -e 's/ \[[^]]*\]$//' -e "s#$top/##" \
            -e 's#/usr/include/c\+\+/[0-9]+/#c++/#' |
        awk -F'\t' '{gsub(",", "", $1); if (!seen[$2]++) print $1 "\t" $2}'
}

# Prints the top functions of A minus B (B may be /dev/null) with their share.
top_functions() {  # COSTS-A COSTS-B
    awk -F'\t' -v top="${PROFILE_TOP:-25}" -v width="${PROFILE_WIDTH:-180}" -v basefile="$2" '
        FILENAME == basefile { base[$2] = $1; next }
        { d = $1 - base[$2]; if (d > 0) { cost[$2] = d } }
        END {
            n = 0; for (f in cost) names[++n] = f
            for (i = 1; i <= top && i <= n; ++i) {
                best = i
                for (j = i + 1; j <= n; ++j) if (cost[names[j]] > cost[names[best]]) best = j
                t = names[i]; names[i] = names[best]; names[best] = t
                printf "%15.0f %6.2f%%  %s\n", cost[names[i]], 100 * cost[names[i]] / total, substr(names[i], 1, width)
            }
        }' total="$3" "$2" "$1"
}

profile() {  # NAME INPUT
    [ "${PROFILE_REUSE:-0}" = 1 ] && [ -s "$out/callgrind.$1.out" ] ||
    valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$1.out" \
        "$bin" extract --threads 1 "$2" >"$out/events.$1.jsonl" 2>"$out/valgrind.$1.log"
    costs "$out/callgrind.$1.out" yes >"$out/inclusive.$1.tsv"
    costs "$out/callgrind.$1.out" no >"$out/self.$1.tsv"
}
total_of() { callgrind_annotate --auto=no "$1" 2>/dev/null | awk '/PROGRAM TOTALS/ && !n++ {gsub(",", "", $1); print $1}'; }

# Start-up: loading the lexicons and triggers, one tiny article.
profile startup "$out/tiny.jsonl"
startup=$(total_of "$out/callgrind.startup.out")
echo
echo "== start-up: $startup instructions"
echo "-- self"
top_functions "$out/self.startup.tsv" /dev/null "$startup"

# The corpus: its profile minus start-up's, function by function.
profile corpus "$out/corpus-$n.jsonl"
all=$(total_of "$out/callgrind.corpus.out")
rest=$((all - startup))
echo
echo "== corpus of $n articles, $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["sentences"])' \
    "$out/corpus-$n.jsonl.stats.json") sentences, start-up subtracted: $rest instructions" \
     "($(wc -l <"$out/events.corpus.jsonl") events)"
echo "-- inclusive (with callees)"
top_functions "$out/inclusive.corpus.tsv" "$out/inclusive.startup.tsv" "$rest"
echo "-- self"
top_functions "$out/self.corpus.tsv" "$out/self.startup.tsv" "$rest"
