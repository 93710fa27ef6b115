#!/bin/sh
# The town council's minutes as a plain typed PDF: groff -ms in Courier, written as PDF by gropdf.
#   sh make_wickerby_minutes.sh ../school-food
set -e
out=${1:-../school-food}
groff -ms -Tpdf wickerby-town-council-minutes.ms > "$out/wickerby-town-council-community-committee-minutes-2026-12-08.pdf"
