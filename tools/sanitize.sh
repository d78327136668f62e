#!/usr/bin/env bash
# Sets up, builds build/sanitize (Debug, AddressSanitizer + UndefinedBehaviorSanitizer)
# and runs every test in it. Any sanitizer report is fatal: it ends the process
# that made it (the test runner or an eventgraph the tests started) and fails
# the test. tools/sanitize.sh [extra cmake args…]
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
"$top/tools/setup.sh"
"$top/tools/build.sh" Debug "$top/build/sanitize" -DEVENTGRAPH_SANITIZE=ON "$@"
# Inherited by the eventgraph processes the tests start. tests/support also
# fails a test whose eventgraph printed a sanitizer report, whatever its exit code.
export ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:detect_leaks=1:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1:print_stacktrace=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$top/tools/lsan.supp:print_suppressions=0
ctest --test-dir "$top/build/sanitize" --output-on-failure -j "$(nproc)"
