// Names of the enums in document.h, as the command-line contract spells them.
#include "pipeline/document.h"

namespace xref {

std::string_view PassageKindName(PassageKind kind) {
  switch (kind) {
    case PassageKind::kHeading: return "heading";
    case PassageKind::kParagraph: return "paragraph";
    case PassageKind::kListItem: return "list_item";
    case PassageKind::kTableCell: return "table_cell";
  }
  return "paragraph";
}

std::optional<PassageKind> ParsePassageKind(std::string_view name) {
  for (PassageKind k : {PassageKind::kHeading, PassageKind::kParagraph,
                        PassageKind::kListItem, PassageKind::kTableCell}) {
    if (PassageKindName(k) == name) return k;
  }
  return std::nullopt;
}

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kPdf: return "pdf";
    case Format::kHtml: return "html";
    case Format::kDocx: return "docx";
    case Format::kText: return "text";
    case Format::kMarkdown: return "markdown";
    case Format::kOdt: return "odt";
  }
  return "text";
}

}  // namespace xref
