#!/bin/sh
# The youth strategy as pandoc writes an OpenDocument text file from Markdown,
# exported to PDF by LibreOffice Writer (writer_pdf_Export), as a department
# whose drafts live in Markdown publishes the PDF:
#   sh make_youth_strategy.sh ../youth-services
set -e
out=${1:-../youth-services}
tmp=$(mktemp -d)
pandoc youth-strategy.md -o "$tmp/somewhere-to-go-national-youth-strategy.odt"
soffice --headless --convert-to 'pdf:writer_pdf_Export' --outdir "$tmp" \
  "$tmp/somewhere-to-go-national-youth-strategy.odt" >/dev/null
cp "$tmp/somewhere-to-go-national-youth-strategy.pdf" "$out/"
rm -rf "$tmp"
