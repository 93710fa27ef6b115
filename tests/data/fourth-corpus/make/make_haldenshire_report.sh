#!/bin/sh
# The Haldenshire Cabinet report as LibreOffice Writer saves a Word file from
# an HTML page (opened with the HTML (StarWriter) filter, as an officer who
# drafted in the council's web editor would):
#   sh make_haldenshire_report.sh ../active-travel
set -e
out=${1:-../active-travel}
tmp=$(mktemp -d)
cp haldenshire-cabinet-report.html "$tmp/haldenshire-cabinet-active-travel-2027-03-16.html"
soffice --headless --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' --outdir "$tmp" \
  "$tmp/haldenshire-cabinet-active-travel-2027-03-16.html" >/dev/null
cp "$tmp/haldenshire-cabinet-active-travel-2027-03-16.docx" "$out/"
rm -rf "$tmp"
