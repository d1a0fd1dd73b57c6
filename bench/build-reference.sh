#!/usr/bin/env bash
# Builds the d3 reference page into bench/reference/dist (bundled locally with esbuild from
# npm; nothing is fetched at run time), with the plan JSON written by our own CLI.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
[[ -d node_modules/d3-hierarchy ]] || npm ci --no-audit --no-fund >&2
mkdir -p reference/dist
npx esbuild reference/main.js --bundle --minify --format=esm --target=es2022 --outfile=reference/dist/bundle.js --log-level=warning
cp reference/index.html reference/dist/
cargo run -q --release -p plan-core --bin plan -- parse ../assets/plans/taoyuan-labor-111-plan.txt > reference/dist/plan.json
