#!/bin/sh
# Writes scanned-page-report.pdf: a three-page report whose second page is a
# picture of itself without a text layer, as when a letter received on paper
# is scanned into a committee report (Ghostscript's pdfimage8 device renders
# the page to a grey image at 50 dpi; qpdf puts it in place of the page).
#   sh make_scanned_page.sh scanned-page-report.html OUT.pdf
set -e
tmp=$(mktemp -d)
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --print-to-pdf="$tmp/printed.pdf" "file://$(realpath "$1")" 2>/dev/null
gs -q -sDEVICE=pdfimage8 -r50 -dFirstPage=2 -dLastPage=2 -o "$tmp/scan.pdf" "$tmp/printed.pdf"
qpdf --empty --pages "$tmp/printed.pdf" 1 "$tmp/scan.pdf" 1 "$tmp/printed.pdf" 3 -- "$2"
rm -r "$tmp"
