// libFuzzer target: arbitrary bytes into the ODT extractor must never crash,
// hang or leak; they give passages or a Status.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "pipeline/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  xref::Result<xref::Document> doc = xref::ExtractOdt("fuzz.odt", bytes);
  if (doc.ok()) {
    for (const xref::Passage& p : doc->passages) {
      if (p.text.empty()) __builtin_trap();  // the builder never keeps empty passages
    }
  }
  return 0;
}
