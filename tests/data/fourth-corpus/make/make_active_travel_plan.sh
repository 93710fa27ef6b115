#!/bin/sh
# The active travel plan as pandoc writes a Word file from Markdown (pandoc's
# own docx writer: its title block, Heading styles, a table and a real
# footnote; no word processor touches it):
#   sh make_active_travel_plan.sh ../active-travel
set -e
out=${1:-../active-travel}
pandoc active-travel-plan.md -o "$out/walk-wheel-ride-active-travel-plan.docx"
