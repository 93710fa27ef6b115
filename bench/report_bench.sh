#!/usr/bin/env bash
# bench/report_bench.sh [RUNS]: the HTML report at 500 commitments x 300
# documents (issue 9), in headless Chromium.
#
# Builds bench/report_page, writes the synthetic register with the real
# report code (seed 1: 500 x 300, about 3% of the cells discussed, 1-3
# quoted passages each, a few disagreements), then times loading it,
# filtering, sorting, expanding a cell and printing it to an A4 landscape
# PDF (bench/report_bench.mjs; median of RUNS, default 3). Prints the
# machine and its load average before and after.
#
# Needs: chromium, nodejs, poppler-utils (pdftotext) and the playwright-core
# of tests/browser (npm ci there). Environment:
#   XREF_BENCH_BUILD  build folder (default: build-bench beside the sources),
#                     configured Release if it does not exist yet
#   XREF_REPORT_COMMITMENTS, XREF_REPORT_DOCUMENTS  the grid (500, 300)
#   XREF_REPORT_FILTER  the word typed in the filter box (default kinship)
#   XREF_REPORT_PRINT_TIMEOUT  seconds after which printing is given up (600)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${XREF_BENCH_BUILD:-$ROOT/build-bench}
RUNS=${1:-3}
N=${XREF_REPORT_COMMITMENTS:-500}
M=${XREF_REPORT_DOCUMENTS:-300}

for tool in node pdftotext; do
  command -v "$tool" >/dev/null || { echo "report_bench.sh: $tool is missing" >&2; exit 2; }
done
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "report_bench.sh: chromium is missing" >&2; exit 2; }
if [ ! -d "$ROOT/tests/browser/node_modules/playwright-core" ]; then
  (cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund --silent)
fi
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$BUILD" --target report_page -j2 >/dev/null

page=$BUILD/bench/report-${N}x${M}.html
echo "Machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GiB RAM; $(/usr/bin/chromium --version 2>/dev/null | head -1)"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Page: $("$BUILD/bench/report_page" --seed 1 --commitments "$N" --documents "$M" "$page")"
node "$ROOT/bench/report_bench.mjs" "$page" "$RUNS" "${XREF_REPORT_FILTER:-kinship}"
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
