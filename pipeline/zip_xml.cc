// Safe reading of an office document's zip parts: see zip_xml.h.
#include "pipeline/zip_xml.h"

#include <libxml/parser.h>

#include <cctype>
#include <climits>
#include <cstdlib>

#include "pipeline/normalise.h"

namespace xref {

namespace {

struct ZipFileDeleter {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

// "not a DOCX", "not an ODT".
std::string NotA(const std::string& format) { return (format == "ODT" ? "not an " : "not a ") + format; }

struct XmlParserCtxtDeleter {
  void operator()(xmlParserCtxt* ctxt) const { xmlFreeParserCtxt(ctxt); }
};

}  // namespace

Result<ZipReader> ZipReader::Open(const std::string& path, std::string_view bytes, std::string format) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::Internal(path, "cannot read the zip from memory: " + why);
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::Corrupt(path, NotA(format) + ": not a readable zip archive (" + why + ")");
  }
  zip_error_fini(&error);
  return ZipReader(path, std::move(format), std::unique_ptr<zip_t, ZipDeleter>(archive));
}

bool ZipReader::Has(const char* name) const { return zip_name_locate(archive_.get(), name, 0) >= 0; }

Result<std::string> ZipReader::Read(const char* name) {
  zip_int64_t index = zip_name_locate(archive_.get(), name, 0);
  if (index < 0) return Status::NotFound(path_, NotA(format_) + ": no " + name + " inside");
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(archive_.get(), static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
    return Status::Corrupt(path_, "corrupt " + format_ + ": cannot read the entry " + name);
  }
  zip_uint64_t size = (stat.valid & ZIP_STAT_SIZE) ? stat.size : 0;
  zip_uint64_t packed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
  std::string bomb = std::string("refusing a possible zip bomb: ") + name;
  if (size > kMaxZipEntryBytes || size > kMaxZipTotalBytes - used_) {
    return Status::ResourceExhausted(path_, bomb + " would unpack to " + std::to_string(size >> 20) +
                                                " MiB (limit " + std::to_string(kMaxZipEntryBytes >> 20) +
                                                " MiB)");
  }
  if (size > kZipRatioCheckFloor && packed > 0 && size / packed > kMaxZipCompressionRatio) {
    return Status::ResourceExhausted(path_, bomb + " is compressed " + std::to_string(size / packed) + " to 1");
  }
  std::unique_ptr<zip_file_t, ZipFileDeleter> file(zip_fopen_index(archive_.get(), static_cast<zip_uint64_t>(index), 0));
  if (file == nullptr) {
    return Status::Corrupt(path_, "corrupt " + format_ + ": cannot open " + name + " (" +
                                      zip_strerror(archive_.get()) + ")");
  }
  std::string data;
  data.reserve(static_cast<size_t>(size));
  char buffer[1 << 16];
  while (true) {
    zip_int64_t n = zip_fread(file.get(), buffer, sizeof(buffer));
    if (n < 0) {
      return Status::Corrupt(path_, "corrupt " + format_ + ": " + name + " is damaged (" +
                                        zip_file_strerror(file.get()) + ")");
    }
    if (n == 0) break;
    data.append(buffer, static_cast<size_t>(n));
    // The directory may lie about the size: never unpack past the limits.
    if (data.size() > size || data.size() > kMaxZipEntryBytes) {
      return Status::ResourceExhausted(path_, bomb + " unpacks to more than it declares");
    }
  }
  used_ += data.size();
  return data;
}

Result<XmlDocPtr> ParseXmlPart(const std::string& path, std::string_view format, const char* part,
                               const std::string& data) {
  if (data.size() > static_cast<size_t>(INT_MAX)) {
    return Status::ResourceExhausted(path, std::string(part) + " is too large");
  }
  std::unique_ptr<xmlParserCtxt, XmlParserCtxtDeleter> ctxt(xmlNewParserCtxt());
  if (ctxt == nullptr) return Status::Internal(path, "out of memory for the XML parser");
  // No XML_PARSE_NOENT (entities stay unexpanded), no DTD loading, no network.
  XmlDocPtr doc(xmlCtxtReadMemory(ctxt.get(), data.data(), static_cast<int>(data.size()), part, nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  const std::string corrupt = "corrupt " + std::string(format) + ": " + part;
  if (doc == nullptr || !ctxt->wellFormed) {
    std::string why = "not well-formed XML";
    const xmlError& error = ctxt->lastError;
    if (error.message != nullptr) {
      std::string message = error.message;
      while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
      why += " (line " + std::to_string(error.line) + ": " + message + ")";
    }
    return Status::Corrupt(path, corrupt + " is " + why);
  }
  // Office programs never write a DTD; one here can only define entities to
  // expand (the "billion laughs"), so it is refused rather than read.
  if (doc->intSubset != nullptr || doc->extSubset != nullptr) {
    return Status::Corrupt(path, corrupt + " declares a DTD");
  }
  return doc;
}

std::string_view LocalName(const xmlNode* node) {
  return node->name == nullptr ? std::string_view() : reinterpret_cast<const char*>(node->name);
}

std::optional<std::string> AttrOf(const xmlNode* node, const char* name) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (a->name != nullptr && std::string_view(reinterpret_cast<const char*>(a->name)) == name) {
      xmlChar* value = xmlNodeListGetString(node->doc, a->children, 1);
      std::string out = value == nullptr ? "" : reinterpret_cast<const char*>(value);
      xmlFree(value);
      return out;
    }
  }
  return std::nullopt;
}

std::string TextContent(const xmlNode* node) {
  std::string out;
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != nullptr) {
      out += reinterpret_cast<const char*>(c->content);
    }
  }
  return out;
}

int ToInt(const std::string& s, int fallback) {
  if (s.empty()) return fallback;
  char* end = nullptr;
  long v = std::strtol(s.c_str(), &end, 10);
  if (end == s.c_str() || v < INT_MIN / 2 || v > INT_MAX / 2) return fallback;
  return static_cast<int>(v);
}

std::string IsoDatePrefix(const std::string& value) {
  std::string v = NormaliseText(value);
  if (v.size() < 10) return "";
  for (size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return "";
  }
  if (v[4] != '-' || v[7] != '-') return "";
  int month = std::atoi(v.substr(5, 2).c_str());
  int day = std::atoi(v.substr(8, 2).c_str());
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  return v.substr(0, 10);
}

std::string Utf8Prefix(const std::string& s, size_t max) {
  if (s.size() <= max) return s;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace xref
