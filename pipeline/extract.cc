// File reading and format recognition; dispatches to the per-format
// extractors (extract_pdf.cc, extract_html.cc, extract_docx.cc,
// extract_odt.cc, extract_text.cc). See extract.h for the contract.
#include "pipeline/extract.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "pipeline/normalise.h"

namespace xref {
namespace {

std::string LowerExtension(const std::string& path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// True when the first kilobytes look like HTML markup.
bool LooksLikeHtml(std::string_view head) {
  std::string lower = LowerAscii(head.substr(0, 4096));
  size_t i = 0;
  if (StartsWith(lower, "\xef\xbb\xbf")) i = 3;
  while (i < lower.size() && std::isspace(static_cast<unsigned char>(lower[i]))) ++i;
  std::string_view rest(lower.data() + i, lower.size() - i);
  if (StartsWith(rest, "<!doctype html") || StartsWith(rest, "<html") ||
      StartsWith(rest, "<head") || StartsWith(rest, "<body")) {
    return true;
  }
  if (StartsWith(rest, "<?xml") || StartsWith(rest, "<!--")) {
    return lower.find("<html") != std::string::npos;
  }
  return false;
}

bool HasNulByte(std::string_view head) {
  return head.substr(0, 8192).find('\0') != std::string_view::npos;
}

// What the content looks like, for messages about mismatched names.
std::string DescribeContent(std::string_view bytes) {
  if (StartsWith(bytes, "%PDF-")) return "a PDF";
  if (StartsWith(bytes, "PK\x03\x04")) return "a zip archive";
  if (LooksLikeHtml(bytes)) return "HTML";
  if (HasNulByte(bytes)) return "binary data";
  return "text";
}

}  // namespace

Result<Format> DetectFormat(const std::string& path, std::string_view bytes) {
  if (bytes.empty()) return Status::Corrupt(path, "empty file");
  const std::string ext = LowerExtension(path);
  // Content first: the signatures of the formats xref reads.
  if (StartsWith(bytes, "%PDF-") || (bytes.size() > 1024 ? bytes.substr(0, 1024) : bytes)
                                            .find("%PDF-") != std::string_view::npos) {
    return Format::kPdf;
  }
  if (StartsWith(bytes, "PK\x03\x04")) {
    // An OpenDocument file stores its type first, uncompressed: the entry
    // "mimetype" holding "application/vnd.oasis.opendocument.text" (or
    // -spreadsheet, -presentation). Some writers put it elsewhere; then a
    // .odt name and a content.xml inside are enough for the extractor to try.
    const std::string_view head = bytes.substr(0, 256);
    constexpr std::string_view kOdfType = "application/vnd.oasis.opendocument.";
    if (const size_t at = head.find(kOdfType); at != std::string_view::npos) {
      if (head.substr(at + kOdfType.size(), 4) == "text") return Format::kOdt;
      return Status::Unsupported(path, "an OpenDocument file that is not a text document (ODT)");
    }
    if (bytes.find("word/document.xml") != std::string_view::npos) return Format::kDocx;
    if (ext == "odt" && bytes.find("content.xml") != std::string_view::npos) return Format::kOdt;
    return Status::Unsupported(path, "a zip archive that is neither a Word (DOCX) nor an OpenDocument (ODT) document");
  }
  // A name that promises a binary format the content does not have.
  if (ext == "pdf" || ext == "docx" || ext == "odt") {
    std::string upper = ext == "pdf" ? "PDF" : ext == "docx" ? "DOCX" : "ODT";
    return Status::Corrupt(path, "named ." + ext + " but the content is " +
                                     DescribeContent(bytes) + (ext == "odt" ? ", not an " : ", not a ") + upper);
  }
  if (ext == "doc" || ext == "xls" || ext == "xlsx" || ext == "ppt" || ext == "pptx" ||
      ext == "ods" || ext == "odp" || ext == "rtf") {
    return Status::Unsupported(path, "." + ext + " files are not supported (PDF, HTML, DOCX, ODT, text)");
  }
  if (LooksLikeHtml(bytes) || ext == "html" || ext == "htm" || ext == "xhtml") {
    if (HasNulByte(bytes)) return Status::Corrupt(path, "named ." + ext + " but holds binary data");
    return Format::kHtml;
  }
  if (HasNulByte(bytes)) return Status::Unsupported(path, "binary data, not a document xref reads");
  if (ext == "md" || ext == "markdown") return Format::kMarkdown;
  return Format::kText;
}

Result<Document> ExtractBytes(const std::string& path, std::string_view bytes,
                              const ExtractOptions& options) {
  if (bytes.size() > options.max_file_bytes) {
    return Status::ResourceExhausted(
        path, "file is " + std::to_string(bytes.size() >> 20) + " MiB, over the limit of " +
                  std::to_string(options.max_file_bytes >> 20) + " MiB");
  }
  Result<Format> format = DetectFormat(path, bytes);
  if (!format.ok()) return format.status();
  switch (*format) {
    case Format::kPdf: return ExtractPdf(path, bytes);
    case Format::kHtml: return ExtractHtml(path, bytes);
    case Format::kDocx: return ExtractDocx(path, bytes);
    case Format::kOdt: return ExtractOdt(path, bytes);
    case Format::kText:
    case Format::kMarkdown: return ExtractPlainText(path, bytes, *format);
  }
  return Status::Internal(path, "unknown format");
}

Result<Document> ExtractFile(const std::string& path, const ExtractOptions& options) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    return errno == ENOENT ? Status::NotFound(path, "no such file")
                           : Status::IoError(path, std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::InvalidArgument(path, "is a directory, not a file");
  if (!S_ISREG(st.st_mode)) return Status::Unsupported(path, "not a regular file");
  if (static_cast<size_t>(st.st_size) > options.max_file_bytes) {
    return Status::ResourceExhausted(
        path, "file is " + std::to_string(st.st_size >> 20) + " MiB, over the limit of " +
                  std::to_string(options.max_file_bytes >> 20) + " MiB");
  }
  // Read into a buffer sized by stat: a stream's buffer grows by doubling and
  // its str() is a second copy, both held while the file is extracted. The
  // file may change meanwhile: what is there when it is read is what counts.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(path, std::string("cannot open: ") + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  // One byte more than stat's size: a file that has not grown meets its end
  // (read returns 0) with room to spare, instead of the buffer growing by
  // 64 KiB, zeroed and copied, only to learn that (35 page faults of a
  // 10-page PDF's extraction).
  std::string bytes(static_cast<size_t>(st.st_size) + 1, '\0');
  size_t got = 0;
  for (;;) {
    if (got == bytes.size()) {
      if (bytes.size() > options.max_file_bytes) break;
      bytes.resize(bytes.size() + (size_t{1} << 16));  // it grew since stat
    }
    const ssize_t n = ::read(fd, &bytes[got], bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::IoError(path, std::string("read error: ") + std::strerror(errno));
    if (n == 0) break;
    got += static_cast<size_t>(n);
  }
  bytes.resize(got);
  if (bytes.size() > options.max_file_bytes) {
    return Status::ResourceExhausted(path, "file grew over the limit of " +
                                               std::to_string(options.max_file_bytes >> 20) + " MiB while read");
  }
  return ExtractBytes(path, bytes, options);
}

}  // namespace xref
