// Document and Passage: what extraction produces and every later stage reads.
//
// A Document is one file as xref understands it: its format, title, stated
// date and the passages of its text in reading order. A Passage is the unit
// that is tagged, indexed, linked and cited: a heading, paragraph, list item
// or table cell, with the page it starts on, the paragraph or list number the
// document prints for it (its label), and the nearest heading above it.
//
// These are plain data: stages take them and return new data; nothing here
// touches files or SQLite.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace xref {

enum class PassageKind { kHeading, kParagraph, kListItem, kTableCell };

// "heading", "paragraph", "list_item", "table_cell" (the cli.md spelling).
std::string_view PassageKindName(PassageKind kind);
// The inverse of PassageKindName; nullopt for an unknown name.
std::optional<PassageKind> ParsePassageKind(std::string_view name);

struct Passage {
  int n = 0;                   // 1-based position in reading order
  std::optional<int> page;     // page the passage starts on; nullopt without pages
  std::string label;           // printed paragraph/list number ("12", "1.1", "(a)"), or empty
  std::string section;         // nearest heading above, or empty
  PassageKind kind = PassageKind::kParagraph;
  int level = 0;               // heading level (1 = top) for headings; list depth for list items
  std::string text;            // NFC UTF-8, without the label
};

enum class Format { kPdf, kHtml, kDocx, kText, kMarkdown, kOdt };

// "pdf", "html", "docx", "text", "markdown", "odt".
std::string_view FormatName(Format format);

struct Document {
  std::string path;            // as given by the caller
  Format format = Format::kText;
  std::string title;           // from metadata or the first heading; may be empty
  std::string date;            // ISO date the document states for itself, or empty
  std::optional<int> pages;    // page count for paged formats
  std::vector<Passage> passages;
  // What a reader should know about text that could not be read (a PDF's
  // pages that are images without a text layer), one sentence each, without
  // the file's name; the rest of the document is read.
  std::vector<std::string> warnings;
};

}  // namespace xref
