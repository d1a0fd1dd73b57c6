#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): bash scripts/bench.sh
#   native plan-core: parse throughput, roll-up of 1 M lines, treemap layout of 100,000 items;
#   each page's first load (gzip) from the split release build, and all of its files;
#   one table (bench/perf.mjs): ours vs a hand-rolled d3 treemap page (bytes before
#   interactive, first chart, interactive), and INP of four interactions at 15 / 1,000 /
#   10,000 programmes, unthrottled and with the CPU slowed 4×;
#   a plan's PDF read natively and in the browser: time, longest task, memory.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
env_line=$(bash scripts/setup.sh) && eval "$env_line"

echo "== plan-core (native, cargo bench)"
big=$(mktemp -d)
# BENCH_BOOK_OUT keeps the generated 400-page budget book for the browser's turn below.
BENCH_BOOK_OUT="$big/book-400-pages.pdf" cargo bench -q -p plan-core --bench core 2>/dev/null | grep -v '^$'

echo "== release build: what each page's first load costs"
trunk build --release --offline >/dev/null 2>&1
node scripts/prerender.mjs dist >/dev/null
python3 bench/first_load.py dist
all_raw=0; all_gz=0; files=0
while IFS= read -r -d '' f; do
  all_raw=$((all_raw + $(stat -c %s "$f"))); all_gz=$((all_gz + $(gzip -9 -c "$f" | wc -c))); files=$((files + 1))
done < <(find dist -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) -print0)
printf '  every page visited (all %d wasm/js/css files): %d B raw, %d B gzip\n' "$files" "$all_raw" "$all_gz"
echo "  (the bundled plan text and its companion file are compiled into the main wasm)"

echo "== a plan's PDF read natively (plan summary) and in the browser (drop on /import)"
PDFS=(${BENCH_PDFS:-core/tests/fixtures/pdf/hsinchu-city-industry-113.pdf core/tests/fixtures/pdf/taoyuan-labor-111.pdf})
cargo build -q --release -p plan-core --features pdf,spreadsheet --bin plan
for f in "${PDFS[@]}"; do
  /usr/bin/time -f "  native  $(basename "$f"): %e s, peak %M KB" target/release/plan summary "$f" >/dev/null
done
node bench/pdf.mjs "${PDFS[@]}"

echo "== big budget books in the browser: the central agency table's .xlsx (25,000 rows × 258"
echo "   columns) and a 400-page unit budget book PDF, dropped on /import"
python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install -q --break-system-packages openpyxl
python3 bench/central_sheet.py "$big/central-agency-table.xlsx" >/dev/null
node bench/pdf.mjs "$big/central-agency-table.xlsx" "$big/book-400-pages.pdf"

echo "== a council's stack: 100 budget books in the browser's database (bench/library.mjs)"
node bench/library.mjs 100

echo "== years in series: 18 years of a central-size book, one line's series (bench/years.mjs)"
node bench/years.mjs 10

set -a; source scripts/versions.env; set +a
echo "== the bundle's biggest contributors (twiggy $TWIGGY_VERSION)"
[[ "$(twiggy --version 2>/dev/null)" == *" $TWIGGY_VERSION" ]] || cargo install twiggy --version "$TWIGGY_VERSION" --locked
python3 bench/contributors.py target/wasm32-unknown-unknown/release/plan-web.wasm

echo "== speed: first load against the d3 reference page, and interactions (bench/perf.mjs)"
bash bench/build-reference.sh
trunk build --release --offline --features synthetic --dist dist-bench >/dev/null 2>&1
node bench/perf.mjs "${BENCH_LOADS:-10}" "${BENCH_REPS:-20}"
