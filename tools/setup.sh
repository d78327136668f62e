#!/usr/bin/env bash
# Installs what eventgraph needs to build, test and run, from Debian's packages.
# Idempotent and quiet when everything is there already.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  libboost-graph-dev libhowardhinnant-date-dev rapidjson-dev
  libgraphviz-dev graphviz libgumbo-dev catch2 iso-codes wamerican
  python3 python3-networkx fonts-dejavu-core time
  python3-dask python3-distributed
  clang-format clang-tidy
  chromium
)
# Node.js and npm fetch the web page's libraries at build time (npm ci) and
# drive the browser tests (playwright-core wants Node.js 20 or later, which
# these machines have; where there is none, Debian's is the fallback).
if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
  packages+=(nodejs npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
