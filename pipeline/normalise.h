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

// Text whose encoding nothing declares, as UTF-8: the bytes as they are where
// they are well-formed UTF-8, and each byte that begins no well-formed
// sequence read as Windows-1252, which legacy Windows text (Notepad's "ANSI",
// old council exports) and undeclared Latin web pages (the WHATWG Encoding
// Standard's default) use: "Budget \xA3" "45m" is "Budget £45m", not a U+FFFD.
std::string Utf8OrWindows1252(std::string_view bytes);

}  // namespace xref
