#!/usr/bin/env bash
# Sets up, builds and runs every test. tools/test.sh [extra cmake args…]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/setup.sh"
"$top/tools/build.sh" Debug "$top/build/debug" "$@"
ctest --test-dir "$top/build/debug" --output-on-failure -j "$(nproc)"
