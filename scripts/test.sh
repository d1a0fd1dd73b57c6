#!/usr/bin/env bash
# Run every test: bash scripts/test.sh
#   1. formatting and lints: cargo fmt --check, cargo clippy -D warnings (both crates)
#   2. native tests of plan-core (unit, property, fixtures; spreadsheets too, as the site reads
#      them) and the web crate's unit tests (the route table)
#   3. the release build into dist/, and a second one for a sub-path deployment into dist-sub/,
#      each with its main pages pre-rendered (scripts/prerender.mjs) and checked
#      (scripts/check_build.py: the codec boundary, first-load budgets)
#   4. browser end-to-end tests (tests/e2e/*.test.mjs) against both builds
# Stops at the first failing step and says which one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# CI=true: no colours, no progress animations.
if [[ "${CI:-}" == true ]]; then
  export NO_COLOR=true CARGO_TERM_COLOR=never NPM_CONFIG_PROGRESS=false
fi
# trunk 0.21 rejects NO_COLOR=1 ("possible values: true, false"; trunk-rs/trunk#1065): normalise it.
if [[ -n "${NO_COLOR:-}" ]]; then export NO_COLOR=true; else unset NO_COLOR; fi

fail() { echo "" >&2; echo "FAILED: $*" >&2; exit 1; }

env_line=$(bash scripts/setup.sh) || fail "setup (scripts/setup.sh)"
eval "$env_line"   # binaryen's wasm-opt first on PATH, for Trunk

step() {
  local name=$1 t0=$SECONDS; shift
  echo "==> $name: $*"
  "$@" || fail "$name (exit $?): $*"
  echo "==> ok: $name ($(( SECONDS - t0 )) s)"
}

step "format" cargo fmt --all --check
step "lints (core)" cargo clippy -p plan-core --locked --all-targets --all-features -- -D warnings
step "lints (web)" cargo clippy -p plan-web --locked --all-targets --target wasm32-unknown-unknown -- -D warnings
# Money's field is private to plan-core; these two are its only ways back to a bare Decimal.
step "no money arithmetic in web" bash -c '! grep -rnE "\.decimal\(\)|Money::new\(" web/src'
step "native tests" cargo test -p plan-core --locked --all-features
step "web unit tests" cargo test -p plan-web --locked
step "release build" trunk build --release --offline
step "pre-render" node scripts/prerender.mjs dist
step "build check" python3 scripts/check_build.py dist
step "sub-path build" trunk build --release --offline --public-url /sub/path/ --dist dist-sub
step "sub-path pre-render" node scripts/prerender.mjs dist-sub /sub/path/
# One test file at a time: two cores, and each test starts its own Chromium.
step "browser tests" node --test --test-concurrency=1 --test-reporter=spec tests/e2e/
echo "==> all tests passed"
