// Placeholder until the Html extractor lands (issue 2).
#include "pipeline/extract.h"

namespace xref {

Result<Document> ExtractHtml(const std::string& path, std::string_view) {
  return Status::Unsupported(path, "Html extraction is not yet implemented");
}

}  // namespace xref
