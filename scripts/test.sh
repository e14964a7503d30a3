#!/usr/bin/env bash
# Runs every test and ends with one summary line, "N passed, M failed", over all the
# test binaries (cargo prints one result line per binary, the last one for doc-tests).
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo test --locked "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
awk '/^test result:/ { passed += $4; failed += $6 } END { printf "%d passed, %d failed\n", passed, failed }' "$log"
exit "$status"
