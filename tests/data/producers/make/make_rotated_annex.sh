#!/bin/sh
# Writes rotated-annex-report.pdf: a report whose two landscape annex pages
# are stored as printed reports store them, not as landscape page boxes.
#   page 1: portrait, as Chromium printed it;
#   page 2: a portrait page box with /Rotate 90 and its content turned a
#           quarter turn back, so that a viewer shows it upright (as LaTeX's
#           pdflscape and many print drivers write a landscape page);
#   page 3: the content turned on a portrait page with no /Rotate, its lines
#           running up the page (a landscape table printed sideways in a
#           bound report).
#   sh make_rotated_annex.sh rotated-annex-report.html OUT.pdf
set -e
tmp=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$tmp/printed.pdf" "file://$(realpath "$1")" 2>/dev/null
qpdf "$tmp/printed.pdf" --rotate=+270:2-3 "$tmp/turned.pdf"
qpdf --flatten-rotation "$tmp/turned.pdf" "$tmp/flat.pdf"
qpdf "$tmp/flat.pdf" --rotate=+90:2 "$2"
rm -r "$tmp"
