#!/bin/sh
# The think tank's briefing as its website serves it: pandoc writes a standalone
# HTML page from the Markdown, with the site's cookie banner, header, menus and
# breadcrumbs before the article and share links, related briefings, a sign-up
# form and the footer after it.
#   sh make_ladder_briefing.sh ../school-food
set -e
out=${1:-../school-food}
pandoc -s --section-divs -B ladder-briefing-before.html -A ladder-briefing-after.html ladder-briefing.md \
  -o "$out/ladder-institute-briefing-school-food-plan.html"
