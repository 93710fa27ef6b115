#!/bin/sh
# The road maintenance sample's scrutiny report: HTML printed by Debian's
# wkhtmltopdf 0.12.6 (unpatched Qt, so no --header-*/--footer-*), then a
# running head and "Page N of M" stamped on every page by Ghostscript, as a
# council's document system adds them after printing.
# Run from tests/data/fourth-corpus.
set -e
wkhtmltopdf -q -s A4 -T 22mm -B 20mm -L 20mm -R 20mm \
  make/marchford-scrutiny-report.html /tmp/marchford-raw.pdf
n=$(pdfinfo /tmp/marchford-raw.pdf | awk '/^Pages/{print $2}')
gs -q -o road-maintenance/marchford-scrutiny-lrmp-2026-01-20.pdf -sDEVICE=pdfwrite -dS9total="$n" \
  make/marchford-stamp.ps /tmp/marchford-raw.pdf \
  -c "[ /Title (Highways and Transport Overview and Scrutiny Committee, 20 January 2026 - Item 6) /Creator (wkhtmltopdf 0.12.6) /DOCINFO pdfmark"
