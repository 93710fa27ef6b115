// Printers over the commitment register: the same rows (link_store.h's
// RegisterView) as a Markdown table for the terminal, CSV (RFC 4180), JSON
// Lines (cli.md shapes) or a self-contained HTML page.
//
//   xref::Result<xref::RegisterView> view = xref::ReadRegister(db);
//   xref::TableOptions opts;
//   opts.actor = "national";                 // or "local", or empty for both
//   opts.doc_glob = "*council*";             // columns to keep (fnmatch), empty = all
//   xref::RegisterView shown = xref::FilterView(*view, opts);
//   std::cout << xref::TableMarkdown(shown);
//
// A cell names the passages that discuss the commitment, as "p.2 ¶12" (page
// and printed paragraph number; "§n" for the n-th passage when the document
// prints no number), followed by the document's stance when it has one.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "index/link_store.h"

namespace xref {

struct TableOptions {
  std::string actor;      // "national", "local", or empty for every commitment
  std::string doc_glob;   // keep only documents whose path matches (fnmatch); empty = all
  bool gaps = false;      // only commitments no document but their source discusses
};

// The view restricted to the chosen commitments and documents. A document
// filter also drops a row's cells for other documents (not the row).
RegisterView FilterView(const RegisterView& view, const TableOptions& options);

// "p.2 ¶12", "¶12", "p.3", "§41": how a table cites one passage object
// ({"passage", "page", "label"}).
std::string PassageCitation(const nlohmann::json& passage);

// The register as a list for `xref commitments` (one line per commitment).
std::string CommitmentsText(const RegisterView& view);

// One commitment and its links (`xref show`), from ReadCommitment's object.
std::string CommitmentDetailText(const nlohmann::json& commitment);

// The conflicts for `xref conflicts`.
std::string ConflictsText(const RegisterView& view);

// The cross-reference table.
std::string TableMarkdown(const RegisterView& view);
std::string TableCsv(const RegisterView& view);
std::string TableJsonLines(const RegisterView& view);
std::string TableHtml(const RegisterView& view, const std::string& database);

// Quotes one CSV field as RFC 4180 requires (only when needed).
std::string CsvField(const std::string& field);

}  // namespace xref
