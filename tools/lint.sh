#!/usr/bin/env bash
# The house's habits, checked (CI runs it after the tests):
# - every C++ file git tracks follows .clang-format (clang-format in check mode);
# - RapidJSON is used only where NOTES_FOR_DEVELOPERS.md says (io, which the
#   other modules read and write JSON through, lexicon's schema-checked
#   loader, and export's writers);
# - clang-tidy with the committed .clang-tidy finds nothing in src/ (it reads the
#   compile commands of a configured build: build/debug by default, or $1).
# Prints what is wrong and exits 1; silent and 0 when the tree is clean.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build/debug}
cd "$top"

mapfile -t sources < <(git ls-files '*.cpp' '*.hpp')
clang-format --dry-run -Werror "${sources[@]}"

if git grep -l -E 'rapidjson' -- 'src/*' ':!src/io/*' ':!src/lexicon/*' ':!src/export/*'; then
    echo "lint: RapidJSON used outside io, lexicon and export (above); read and write JSON through src/io/json.hpp" >&2
    exit 1
fi

if [ ! -f "$build/compile_commands.json" ]; then
    echo "lint: $build/compile_commands.json not found (configure a build first: tools/build.sh)" >&2
    exit 2
fi
git ls-files 'src/*.cpp' | xargs -P "$(nproc)" -n 4 clang-tidy -p "$build" --quiet 2>&1 |
    grep -v -E '^[0-9]+ warnings? (and [0-9]+ errors? )?generated|^Suppressed|^Use -header-filter|^$' |
    tee /tmp/eventgraph-lint.$$ || true
if [ -s /tmp/eventgraph-lint.$$ ]; then rm -f /tmp/eventgraph-lint.$$; exit 1; fi
rm -f /tmp/eventgraph-lint.$$
