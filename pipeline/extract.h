// Extraction: a file in, a Document of citable passages out.
//
//   xref::Result<xref::Document> doc = xref::ExtractFile("corpus/report.pdf");
//   if (!doc.ok()) { report doc.status().ToString(); }
//   for (const xref::Passage& p : doc->passages) { ... p.page, p.label, p.text ... }
//
// The format is recognised from the content first (%PDF, a zip holding
// word/document.xml or an OpenDocument text, HTML markup) and from the file name's extension second,
// so a PDF saved as ".html" is still read as a PDF. Each format has its own
// extractor below, taking the file's bytes already in memory (which is what
// the fuzz targets and the index's worker pool call):
//   - PDF through Poppler's C++ API from positioned text boxes: lines and
//     paragraphs rebuilt from geometry, columns read in order, running heads,
//     footers and page numbers dropped, paragraph numbers kept as labels,
//     line-end hyphenation mended, paragraphs split by page breaks joined;
//   - HTML through libxml2's HTML parser, main content only;
//   - DOCX from word/document.xml (libzip + libxml2), styles and numbering;
//   - ODT (OpenDocument text, as LibreOffice and GOV.UK publish it) from
//     content.xml, its styles and list numbering;
//   - plain text and Markdown: blank-line paragraphs, headings, numbers.
// All text goes through NormaliseText (normalise.h).
//
// Errors: a one-line Status naming the file and the reason ("empty file",
// "truncated or corrupt PDF", "encrypted PDF", "not a DOCX: ...").
#pragma once

#include <string>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace xref {

struct ExtractOptions {
  // Files larger than this are refused with kResourceExhausted (bytes).
  size_t max_file_bytes = size_t{512} << 20;
};

// Reads `path`, recognises its format and extracts it.
Result<Document> ExtractFile(const std::string& path, const ExtractOptions& options = {});

// Extracts a file already read into memory. `path` names it in messages and
// in Document::path; `bytes` is its whole content.
Result<Document> ExtractBytes(const std::string& path, std::string_view bytes,
                              const ExtractOptions& options = {});

// The format of a file from its first bytes and its name. Fails with kCorrupt
// or kUnsupported when it is none xref reads (an empty file, a binary blob,
// a zip that is neither a DOCX nor an ODT).
Result<Format> DetectFormat(const std::string& path, std::string_view bytes);

// One extractor per format. Each fills Document::passages in reading order
// with n counted from 1, and sets title, date and pages where it can.
Result<Document> ExtractPdf(const std::string& path, std::string_view bytes);
Result<Document> ExtractHtml(const std::string& path, std::string_view bytes);
Result<Document> ExtractDocx(const std::string& path, std::string_view bytes);
Result<Document> ExtractOdt(const std::string& path, std::string_view bytes);
Result<Document> ExtractPlainText(const std::string& path, std::string_view bytes,
                                  Format format /* kText or kMarkdown */);

}  // namespace xref
