// Reading the parts of an office document's zip (DOCX, ODT) safely: the zip
// is opened from memory with libzip, refusing entries that would unpack to
// more than kMaxZipEntryBytes or that compress suspiciously well (a zip
// bomb); each XML part is parsed with libxml2 with no network, no entity
// expansion and no DTD. Shared by the DOCX and ODT extractors; every message
// names the file and says which format it was read as ("corrupt ODT: ...").
#pragma once

#include <libxml/tree.h>
#include <zip.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace xref {

// No part of a real office document comes near this; a zip bomb does.
inline constexpr zip_uint64_t kMaxZipEntryBytes = zip_uint64_t{200} << 20;
// All parts read from one file together.
inline constexpr zip_uint64_t kMaxZipTotalBytes = zip_uint64_t{200} << 20;
// XML compresses 5-20 times; a part above this ratio (and above a megabyte)
// is a bomb, not a document.
inline constexpr zip_uint64_t kMaxZipCompressionRatio = 200;
inline constexpr zip_uint64_t kZipRatioCheckFloor = zip_uint64_t{1} << 20;

struct ZipDeleter {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

// A zip archive over bytes the caller keeps alive. `format` ("DOCX", "ODT")
// is the name messages use.
class ZipReader {
 public:
  static Result<ZipReader> Open(const std::string& path, std::string_view bytes, std::string format);

  bool Has(const char* name) const;

  // The entry's bytes. NotFound when absent; ResourceExhausted for a bomb;
  // Corrupt when the data is damaged.
  Result<std::string> Read(const char* name);

 private:
  ZipReader(std::string path, std::string format, std::unique_ptr<zip_t, ZipDeleter> archive)
      : path_(std::move(path)), format_(std::move(format)), archive_(std::move(archive)) {}

  std::string path_;
  std::string format_;
  std::unique_ptr<zip_t, ZipDeleter> archive_;
  zip_uint64_t used_ = 0;
};

struct XmlDocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

// Parses one part; a part that is not well-formed or declares a DTD (which
// can only define entities to expand, the "billion laughs") is Corrupt.
Result<XmlDocPtr> ParseXmlPart(const std::string& path, std::string_view format, const char* part,
                               const std::string& data);

// The element's name without its namespace prefix.
std::string_view LocalName(const xmlNode* node);

// The value of the attribute `name` in any namespace (w:val, text:style-name
// as "style-name"), or nullopt.
std::optional<std::string> AttrOf(const xmlNode* node, const char* name);

// The text directly inside an element (w:t, dc:title); entity references and
// nested elements are not followed.
std::string TextContent(const xmlNode* node);

// An attribute's whole number ("3", "-1"), or `fallback` when it is empty,
// not a number, or too large to count with.
int ToInt(const std::string& s, int fallback);

// "2023-03-07T10:00:00Z" -> "2023-03-07", or "".
std::string IsoDatePrefix(const std::string& value);

// The longest prefix of `s` of at most `max` bytes that ends on a character.
std::string Utf8Prefix(const std::string& s, size_t max);

}  // namespace xref
