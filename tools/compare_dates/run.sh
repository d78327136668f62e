#!/bin/sh
# Compares `eventgraph dates` with chrono-node on JSON Lines cases.
# usage: tools/compare_dates/run.sh EVENTGRAPH_BINARY [CASES.jsonl] [--verbose]
# Builds nothing: give it a built eventgraph (e.g. build/release/eventgraph).
# CASES defaults to the project's tests/data/dates/news-dates.jsonl.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ]; then
    echo "usage: $0 EVENTGRAPH_BINARY [CASES.jsonl] [--verbose]" >&2
    exit 2
fi
binary=$1
shift
if [ ! -x "$binary" ]; then
    echo "$0: $binary: not an executable" >&2
    exit 2
fi
cases="$here/../../tests/data/dates/news-dates.jsonl"
verbose=
for a in "$@"; do
    case $a in
        -v|--verbose) verbose=--verbose ;;
        *) cases=$a ;;
    esac
done
if [ ! -d "$here/node_modules/chrono-node" ]; then
    # The lock file pins the version; ci installs exactly that.
    (cd "$here" && npm ci --silent --no-audit --no-fund)
fi
exec node "$here/compare.mjs" --eventgraph "$binary" $verbose "$cases"
