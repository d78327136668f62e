#!/usr/bin/env bash
# Configures and builds eventgraph: tools/build.sh [BUILD_TYPE] [BUILD_DIR] [extra cmake args…]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
type=${1:-Release}
dir=${2:-$top/build/$(echo "$type" | tr '[:upper:]' '[:lower:]')}
shift $(( $# < 2 ? $# : 2 ))
cmake -S "$top" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
cmake --build "$dir" -j "$(nproc)"
