// libFuzzer target: arbitrary bytes through format detection and the
// plain-text/Markdown extractor (the path every unknown file takes).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/extract.h"
#include "pipeline/normalise.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)xref::DetectFormat("fuzz.md", bytes);
  xref::Result<xref::Document> doc = xref::ExtractPlainText("fuzz.md", bytes, xref::Format::kMarkdown);
  if (doc.ok()) {
    for (const xref::Passage& p : doc->passages) {
      if (!xref::IsValidUtf8(p.text)) __builtin_trap();  // invalid UTF-8 is never passed on
    }
  }
  return 0;
}
