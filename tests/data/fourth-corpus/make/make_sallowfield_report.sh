#!/bin/sh
# The Sallowfield Cabinet report set by groff's mm macros (numbered headings,
# a running head and page footer, an alphabetic list, boxed tables by tbl),
# written as PDF by gropdf:
#   sh make_sallowfield_report.sh ../youth-services
set -e
out=${1:-../youth-services}
groff -t -mm -Tpdf sallowfield-cabinet-report.mm > "$out/sallowfield-cabinet-youth-strategy-2027-04-20.pdf"
