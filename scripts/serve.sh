#!/usr/bin/env bash
# Serve the site with live rebuilds: bash scripts/serve.sh   (PORT=8080 by default)
# --offline: otherwise Trunk tries to download tools from the internet and fails slowly.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# trunk 0.21 rejects NO_COLOR=1 ("possible values: true, false"; trunk-rs/trunk#1065): normalise it.
if [[ -n "${NO_COLOR:-}" ]]; then export NO_COLOR=true; else unset NO_COLOR; fi
env_line=$(bash scripts/setup.sh) || { echo "serve: setup failed" >&2; exit 1; }
eval "$env_line"   # binaryen's wasm-opt first on PATH
exec trunk serve --offline --release --address 127.0.0.1 --port "${PORT:-8080}" "$@"
