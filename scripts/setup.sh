#!/usr/bin/env bash
# Installs what anquan's build and tests need on Debian, idempotently: a second run
# only checks. Today that is the Rust toolchain alone (checked, not installed).
set -euo pipefail

if ! command -v cargo >/dev/null 2>&1; then
  echo "error: cargo not found: install Rust first (https://rustup.rs), then rerun" >&2
  exit 1
fi
