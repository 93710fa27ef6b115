// Placeholder until the Docx extractor lands (issue 2).
#include "pipeline/extract.h"

namespace xref {

Result<Document> ExtractDocx(const std::string& path, std::string_view) {
  return Status::Unsupported(path, "Docx extraction is not yet implemented");
}

}  // namespace xref
