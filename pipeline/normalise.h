// Text normalisation shared by every extractor (ICU).
//
//   std::string clean = xref::NormaliseText(raw);
//
// NormaliseText turns whatever a file held into the text xref stores:
//   - invalid UTF-8 is repaired (each bad sequence becomes U+FFFD), never passed on;
//   - Unicode NFC;
//   - no-break, narrow, figure, thin and other odd spaces, tabs and line breaks
//     become plain spaces, and runs of spaces collapse to one; ends are trimmed;
//   - soft hyphens (U+00AD) and zero-width characters are removed;
//   - Latin typographic ligatures (U+FB00..U+FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) are spelled out;
//   - curly quotes, dashes and every other character stay as written.
#pragma once

#include <string>
#include <string_view>

namespace xref {

// See the file comment. Thread-safe.
std::string NormaliseText(std::string_view utf8);

// True when `bytes` is well-formed UTF-8.
bool IsValidUtf8(std::string_view bytes);

// Repairs invalid UTF-8 (each bad sequence becomes U+FFFD) and nothing else.
std::string RepairUtf8(std::string_view bytes);

}  // namespace xref
