// libFuzzer target: arbitrary bytes through the tagger, with the document
// date, author and list flag taken from the first bytes. Checks the contract
// every caller relies on: spans are in bounds and hold exactly their text,
// tags come ordered by start, and every tag turns into JSON.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "pipeline/tag.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const xref::Tagger* tagger = new xref::Tagger();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  xref::TagOptions options;
  if (!bytes.empty()) {
    const uint8_t flags = data[0];
    bytes.remove_prefix(1);
    static const char* const kDates[] = {"", "2023-02-02", "2024-02-29", "1999-12-31"};
    options.document_date = kDates[flags & 3];
    options.in_commitment_list = (flags & 4) != 0;
    options.author = (flags & 8) ? "the Council" : "";
    options.find_commitments = (flags & 16) == 0;
  }
  std::vector<xref::Tag> tags = tagger->Find(bytes, options);
  size_t last_start = 0;
  for (const xref::Tag& t : tags) {
    if (t.start > t.end || t.end > bytes.size()) __builtin_trap();
    if (bytes.substr(t.start, t.end - t.start) != t.text) __builtin_trap();
    if (t.start < last_start) __builtin_trap();
    last_start = t.start;
    std::string json = xref::TagToJson(t).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (json.empty()) __builtin_trap();
  }
  (void)xref::ClassifyStance(bytes);
  return 0;
}
