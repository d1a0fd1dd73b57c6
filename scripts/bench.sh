#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): bash scripts/bench.sh
#   native plan-core: parse throughput, roll-up of 1 M lines, treemap layout of 100,000 items;
#   the release build's size (raw and gzip, per file and in total);
#   ours vs a hand-rolled d3 treemap page, side by side: bytes, first chart, interactive,
#   memory (medians of 20 fresh loads in headless Chromium, the pages taking turns).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
env_line=$(bash scripts/setup.sh) && eval "$env_line"

echo "== plan-core (native, cargo bench)"
cargo bench -q -p plan-core --bench core 2>/dev/null | grep -v '^$'

echo "== release build size"
trunk build --release --offline >/dev/null 2>&1
node scripts/prerender.mjs dist >/dev/null
total_raw=0; total_gz=0
for f in dist/*.wasm dist/*.js dist/*.css dist/index.html dist/*.svg; do
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '  %-44s %9d B raw %9d B gzip\n' "$(basename "$f")" "$raw" "$gz"
done
printf '  %-44s %9d B raw %9d B gzip (goal: <= 256000)\n' "total first load" "$total_raw" "$total_gz"
echo "  (the bundled plan text and its companion file are compiled into the .wasm)"

set -a; source scripts/versions.env; set +a
echo "== the bundle's biggest contributors (twiggy $TWIGGY_VERSION)"
[[ "$(twiggy --version 2>/dev/null)" == *" $TWIGGY_VERSION" ]] || cargo install twiggy --version "$TWIGGY_VERSION" --locked
python3 bench/contributors.py target/wasm32-unknown-unknown/release/plan-web.wasm

echo "== ours vs the d3 reference page"
bash bench/build-reference.sh
node bench/compare.mjs "${BENCH_LOADS:-20}"

echo "== synthetic plans in the browser (render, drill-down, search keystroke)"
trunk build --release --offline --features synthetic --dist dist-bench >/dev/null 2>&1
node bench/synthetic.mjs
