#!/bin/sh
# Writes no-unicode-map-report.pdf: the petition report as Chromium prints it,
# with its fonts' /ToUnicode maps taken out, as some PDF writers leave them
# out: the fonts are Identity-H TrueType subsets, so the text a reader gets is
# the glyph numbers ("3HWLWLRQ" for "Petition"), while the page looks right.
#   sh make_no_unicode_map.sh scanned-page-report.html OUT.pdf
set -e
tmp=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$tmp/printed.pdf" "file://$(realpath "$1")" 2>/dev/null
qpdf --qdf --object-streams=disable "$tmp/printed.pdf" "$tmp/open.pdf"
sed -E 's#/ToUnicode [0-9]+ 0 R##' "$tmp/open.pdf" > "$tmp/cut.pdf"
fix-qdf "$tmp/cut.pdf" > "$tmp/fixed.pdf"
qpdf --compress-streams=y --object-streams=generate "$tmp/fixed.pdf" "$2"
rm -r "$tmp"
