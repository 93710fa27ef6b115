#!/bin/sh
# Sets a council report page by page with pango-view (Pango markup, one
# page per call, the report's pages split at lines holding only "\f"), each
# with the council's running head and "Page N of M", and joins the pages
# with pdfunite, as a council's document system assembles a report from
# pages rendered one at a time. See ../README.md.
#   sh make_report_pango.sh ravensmoor-cabinet-report.txt OUT.pdf
set -e
src=$1 out=$2
tmp=$(mktemp -d)
awk -v dir="$tmp" 'BEGIN { n = 1; f = dir "/page1.txt" }
  $0 == "\\f" { close(f); n++; f = dir "/page" n ".txt"; next }
  { print > f }' "$src"
pages=$(ls "$tmp"/page*.txt | wc -l)
i=1
while [ "$i" -le "$pages" ]; do
  {
    printf '<span size="small">Ravensmoor County Council                                                              Cabinet, 9 March 2027</span>\n\n'
    cat "$tmp/page$i.txt"
    printf '\n\n<span size="small">                                                                          Page %d of %d</span>\n' "$i" "$pages"
  } > "$tmp/markup$i.txt"
  pango-view -q --markup --font="DejaVu Sans 10" --width=483 --margin=56 --wrap=word \
    -o "$tmp/page$i.pdf" "$tmp/markup$i.txt"
  i=$((i + 1))
done
files=""
i=1
while [ "$i" -le "$pages" ]; do files="$files $tmp/page$i.pdf"; i=$((i + 1)); done
pdfunite $files "$out"
rm -r "$tmp"
