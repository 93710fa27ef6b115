// Placeholder until the text extractor lands (issue 2).
#include "pipeline/extract.h"

namespace xref {

Result<Document> ExtractPlainText(const std::string& path, std::string_view, Format) {
  return Status::Unsupported(path, "text extraction is not yet implemented");
}

}  // namespace xref
