// Placeholder until the Pdf extractor lands (issue 2).
#include "pipeline/extract.h"

namespace xref {

Result<Document> ExtractPdf(const std::string& path, std::string_view) {
  return Status::Unsupported(path, "Pdf extraction is not yet implemented");
}

}  // namespace xref
