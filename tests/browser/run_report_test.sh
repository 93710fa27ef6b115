#!/usr/bin/env bash
# End-to-end test of the HTML report: index the bundled corpus with the real
# xref binary, write `xref table --format html`, open it in headless Chromium
# (report_test.mjs) and check what a reader sees. The screenshot is kept as a
# test artefact in OUTDIR.
#   run_report_test.sh XREF_BINARY SOURCE_DIR OUTDIR
set -euo pipefail
xref="$1"; src="$2"; out="$3"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/corpus" "$work/corpus"
db="$work/xref.db"
"$xref" --db "$db" index "$work/corpus" > "$out/index.log" 2>&1
"$xref" --db "$db" table --format html --output "$out/report.html"
"$xref" --db "$db" table --format json > "$out/table.jsonl"
rows=$(wc -l < "$out/table.jsonl")
docs=$(sqlite3 "$db" "SELECT count(*) FROM documents WHERE status = 'ok'")
printf '{"rows": %d, "columns": %d, "filter": "kinship", "table": "%s"}\n' \
  "$rows" "$docs" "$out/table.jsonl" > "$out/expected.json"
cd "$src/tests/browser"
if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund --silent
fi
node report_test.mjs "$out/report.html" "$out/report.png" "$out/expected.json" "$out/report.pdf"
