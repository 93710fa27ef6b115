// The cross-reference table as one self-contained HTML page (issue 9).
//
//   std::string page = xref::RenderHtmlReport(documents, rows, conflicts, {"xref.db", "2026-11-25"});
//
// `rows` are the objects `xref table --format json` prints, one per
// commitment (cli.md): {"commitment": {id, text, actor, modality, source,
// money, dates, ...}, "documents": [{doc, passages: [{passage, page, label,
// section, text}], stance, money, dates}]}. `conflicts` are the objects
// `xref conflicts --json` prints. `documents` lists every document that is a
// column, in order (a document that discusses nothing is still a column).
//
// The page needs nothing from outside (no scripts, fonts or styles to fetch)
// and works offline in any browser:
//   - rows are commitments, columns documents; the header row and the
//     commitment column stay in view while scrolling;
//   - each cell says whether and how the document discusses the commitment:
//     stance by colour and by word, passage references ("p.2 ¶12"), and a
//     <details> element that expands to the quoted passages;
//   - disagreements are marked in the cell and listed under the table;
//   - a search box filters rows, column headers sort;
//   - printing gives A4 landscape with every row the filter shows (all of
//     them when it is empty), each followed by the documents that discuss
//     it and their quoted passages: a grid of 300 columns cannot be printed.
//
// The page stays fast at 500 commitments x 300 documents (bench/report_bench.sh):
// the register travels as compact JSON in <script type="application/json">
// (the first rows right after the table, so that they are drawn while the
// browser parses the rest) and the page's script draws only the rows in
// view (a window over the rows, measured as drawn), a cell's passages only
// when it is opened, and the print version only when printing. Filtering and sorting work on the data,
// not on the page's elements. Without JavaScript a <noscript> version lists
// every commitment with the documents that discuss it (stance and
// references, without the quotations).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace xref {

struct HtmlReportInfo {
  std::string title = "Commitments and the documents that discuss them";
  std::string database;      // shown in the footer
  std::string generated_on;  // ISO date, shown in the footer
};

struct ReportDocument {
  std::string path;   // documents.path, as in the rows' "doc"
  std::string title;  // may be empty
};

std::string RenderHtmlReport(const std::vector<ReportDocument>& documents,
                             const std::vector<nlohmann::json>& rows,
                             const std::vector<nlohmann::json>& conflicts,
                             const HtmlReportInfo& info);

}  // namespace xref
