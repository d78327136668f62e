#!/usr/bin/env bash
# Sets up, builds (Release) and runs the main job on the bundled samples into out/.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/setup.sh"
"$top/tools/build.sh" Release "$top/build/release" -DEVENTGRAPH_BUILD_TESTS=OFF
"$top/build/release/eventgraph" run "$top/samples" -o "$top/out"
echo "demo: results are in $top/out/"
ls -l "$top/out"
