#!/usr/bin/env bash
# Takes docs/viewer.png: the page for samples/, China's aid to Russia chosen.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$top/build/debug}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$build/eventgraph" run "$top/samples" -o "$out" 2>/dev/null
event=$(grep -oE '"id":"ev-[0-9a-f]*","date":{[^}]*},"place":(null|{[^}]*}),"headline":"China aids Russia"' "$out/timeline.json" | head -1 | cut -d'"' -f4)
NODE_PATH=$build/viewer/node_modules node "$top/tools/viewer/screenshot.cjs" "$out/index.html" "$top/docs/viewer.png" "#event=$event"
echo "wrote docs/viewer.png"
