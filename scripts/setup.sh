#!/usr/bin/env bash
# Install (or confirm) every tool the build and the tests need, at the pinned versions.
# Idempotent and fast when everything is already there: each step checks first.
#
# Progress goes to stderr; stdout carries only one `export PATH=...` line, so callers do
#   env_line=$(bash scripts/setup.sh) && eval "$env_line"
# (that puts tests/e2e/node_modules/.bin first, where binaryen's wasm-opt lives, because
# Debian's wasm-opt 108 produces wasm that breaks in the browser).
# Downloads come only from the registries: crates.io, npm, Debian apt.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
set -a; source scripts/versions.env; set +a
if [[ "${CI:-}" == true ]]; then export CARGO_TERM_COLOR=never; fi
# trunk 0.21 rejects NO_COLOR=1 ("possible values: true, false"; trunk-rs/trunk#1065): normalise it.
if [[ -n "${NO_COLOR:-}" ]]; then export NO_COLOR=true; else unset NO_COLOR; fi

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
E2E="$ROOT/tests/e2e"
export PATH="$E2E/node_modules/.bin:$CARGO_BIN:$PATH"

log() { echo "[setup] $*" >&2; }
now_ms() { date +%s%3N; }
# step NAME CHECK_CMD INSTALL_CMD: runs INSTALL_CMD only when CHECK_CMD fails; reports the time.
step() {
  local name=$1 check=$2 install=$3 t0
  t0=$(now_ms)
  if eval "$check" >/dev/null 2>&1; then
    log "ok        $name ($(( $(now_ms) - t0 )) ms)"
  else
    log "install   $name ..."
    eval "$install" >&2 || { log "FAILED to install $name"; exit 1; }
    eval "$check" >/dev/null 2>&1 || { log "FAILED: $name still not right after install"; exit 1; }
    log "installed $name ($(( ($(now_ms) - t0) / 1000 )) s)"
  fi
}

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[[ -n "$WASM_BINDGEN_VERSION" ]] || { log "no wasm-bindgen package in Cargo.lock"; exit 1; }

# tests/e2e/package.json is what npm installs; refuse to drift from versions.env.
node -e '
  const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).devDependencies;
  const want = { "playwright-core": process.env.PLAYWRIGHT_CORE_VERSION,
                 "axe-core": process.env.AXE_CORE_VERSION, binaryen: process.env.BINARYEN_VERSION,
                 esbuild: process.env.ESBUILD_VERSION };
  for (const [k, v] of Object.entries(want)) if (d[k] !== v) {
    console.error(`[setup] tests/e2e/package.json pins ${k}@${d[k]}, scripts/versions.env says ${v}`);
    process.exit(1);
  }' "$E2E/package.json"

SUDO=; [[ $EUID -ne 0 ]] && SUDO=sudo

step "rust target wasm32-unknown-unknown" \
  'rustup target list --installed | grep -qx wasm32-unknown-unknown' \
  'rustup target add wasm32-unknown-unknown'

# trunk 0.22 needs a newer rustc than the machine's, hence the pin and --locked.
step "trunk $TRUNK_VERSION" \
  '[[ "$(trunk --version)" == "trunk $TRUNK_VERSION" ]]' \
  'cargo install trunk --version "$TRUNK_VERSION" --locked'

# No --locked: one of wasm-bindgen-cli's locked dependency versions is missing from the registry mirror.
step "wasm-bindgen-cli $WASM_BINDGEN_VERSION (from Cargo.lock)" \
  '[[ "$(wasm-bindgen --version)" == "wasm-bindgen $WASM_BINDGEN_VERSION" ]]' \
  'cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force'

# The splitter has no --version: ask cargo which version it installed.
step "wasm-split-cli $WASM_SPLIT_VERSION (wasm_split_cli_support)" \
  'cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:" && command -v wasm-split-cli' \
  'cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked'

# Reinstall node_modules when it is missing or package.json / package-lock.json changed.
npm_stamp() { cat "$E2E/package.json" "$E2E/package-lock.json" 2>/dev/null | sha256sum | cut -d' ' -f1; }
npm_install() {
  if [[ -f "$E2E/package-lock.json" ]]; then (cd "$E2E" && npm ci --no-audit --no-fund)
  else (cd "$E2E" && npm install --no-audit --no-fund); fi
  npm_stamp > "$E2E/node_modules/.setup-stamp"
}
step "npm packages in tests/e2e (binaryen $BINARYEN_VERSION, esbuild $ESBUILD_VERSION, playwright-core, axe-core)" \
  '[[ "$(cat "$E2E/node_modules/.setup-stamp")" == "$(npm_stamp)" ]]' \
  'npm_install'

# Debian's chromium: test tools must never download their own browser. A CJK font, so that
# screenshots show Chinese instead of empty boxes (a reader's own machine has one).
step "chromium + chromedriver + CJK font (Debian)" \
  '[[ -x /usr/bin/chromium && -x /usr/bin/chromedriver && -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]]' \
  '$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver fonts-wqy-zenhei'

# scripts/split.py runs the wasm-opt first on PATH; check it is binaryen's from npm.
[[ "$(wasm-opt --version)" == *"($WASM_OPT_VERSION)"* ]] \
  || { log "wasm-opt on PATH is $(command -v wasm-opt): $(wasm-opt --version), want $WASM_OPT_VERSION"; exit 1; }

printf 'export PATH=%q:%q:"$PATH"\n' "$E2E/node_modules/.bin" "$CARGO_BIN"
