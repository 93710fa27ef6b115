#!/bin/sh
# The school food plan as LibreOffice writes an OpenDocument text file: pandoc
# writes Word from the Markdown, LibreOffice (headless) saves it as .odt.
#   sh make_school_food_plan.sh ../school-food
set -e
out=${1:-../school-food}
tmp=$(mktemp -d)
pandoc school-food-plan.md -o "$tmp/well-fed-ready-to-learn-school-food-plan.docx"
soffice --headless --convert-to odt --outdir "$tmp" "$tmp/well-fed-ready-to-learn-school-food-plan.docx" >/dev/null
cp "$tmp/well-fed-ready-to-learn-school-food-plan.odt" "$out/"
rm -rf "$tmp"
