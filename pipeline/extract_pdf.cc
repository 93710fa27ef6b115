// PDF through Poppler's C++ API: see extract.h for the contract.
//
// This file only talks to Poppler: it loads the document, reads the metadata
// and turns every page's text boxes (word, box, font, rotation) into
// pdf::PageWords. Everything about geometry - lines, columns, furniture,
// labels, headings, footnotes, hyphens - lives in pdf_layout.cc, which can be
// tested without a PDF.
//
// Poppler is not allowed to write to stderr (its complaints about damaged
// files would interleave with xref's output); its messages are dropped, and
// what matters is reported through the returned Status.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <unicode/ustring.h>

#include <cctype>
#include <climits>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "pipeline/extract.h"
#include "pipeline/normalise.h"
#include "pipeline/passage_builder.h"
#include "pipeline/pdf_layout.h"

namespace xref {
namespace {

void DropPopplerMessage(const std::string&, void*) {}

void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(DropPopplerMessage, nullptr); });
}

std::string ToUtf8(const poppler::ustring& s) {
  poppler::byte_array bytes = s.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

// The same as ToUtf8, for the words of a page: ustring::to_utf8 opens and
// closes an iconv converter on every call, which over a 10-page report cost
// more instructions than the whole layout pass (6 % of `xref extract`). ICU
// converts into `scratch` (kept from word to word, so that it is allocated
// once) and the word gets an exact copy.
// Poppler builds every word's ustring from UTF-8 itself, so it is well-formed
// UTF-16; should one ever not be, iconv's answer is kept.
std::string WordToUtf8(const poppler::ustring& s, std::string* scratch) {
  if (s.empty()) return std::string();
  static_assert(sizeof(poppler::ustring::value_type) == sizeof(UChar));
  const UChar* units = reinterpret_cast<const UChar*>(s.data());
  const int32_t length = static_cast<int32_t>(s.size());
  // At most 3 bytes of UTF-8 per UTF-16 unit (a pair of 2 units makes 4).
  if (scratch->size() < s.size() * 3) scratch->resize(s.size() * 3);
  int32_t written = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strToUTF8(scratch->data(), static_cast<int32_t>(scratch->size()), &written, units, length,
              &status);
  if (U_FAILURE(status)) return ToUtf8(s);
  return std::string(scratch->data(), static_cast<size_t>(written));
}

// Metadata strings without a UTF-16 byte order mark are in PDFDocEncoding,
// which Poppler's C++ API passes through as Latin-1: bytes 0x80..0x9F come
// out as C1 controls. They are typographic characters ("growth \x85 June" is
// "growth – June").
std::string MetadataToUtf8(poppler::ustring s) {
  static const char16_t kPdfDocEncoding80[32] = {
      0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044,
      0x2039, 0x203A, 0x2212, 0x2030, 0x201E, 0x201C, 0x201D, 0x2018,
      0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160,
      0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0xFFFD};
  for (auto& c : s) {
    if (c >= 0x80 && c <= 0x9F) c = static_cast<unsigned short>(kPdfDocEncoding80[c - 0x80]);
  }
  return ToUtf8(s);
}

// "D:20230307101500+00'00'" -> "2023-03-07"; empty when it is not a date.
std::string PdfDateToIso(const std::string& raw) {
  std::string s = raw;
  if (s.compare(0, 2, "D:") == 0) s.erase(0, 2);
  if (s.size() < 8) return "";
  for (int i = 0; i < 8; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return "";
  }
  int month = std::stoi(s.substr(4, 2));
  int day = std::stoi(s.substr(6, 2));
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  return s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2);
}

// A metadata title worth showing: not empty, not the producer's file name
// ("Microsoft Word - report.docx", "untitled").
bool IsUsefulTitle(const std::string& title) {
  if (title.empty()) return false;
  std::string lower;
  for (char c : title) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (lower.rfind("microsoft ", 0) == 0 || lower.rfind("untitled", 0) == 0) return false;
  for (const char* ext : {".doc", ".docx", ".pdf", ".indd", ".rtf", ".odt"}) {
    std::string e(ext);
    if (lower.size() >= e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0) {
      return false;
    }
  }
  return true;
}

pdf::PageWords ReadPage(const poppler::page& page, int number) {
  pdf::PageWords out;
  out.number = number;
  const poppler::rectf box = page.page_rect();
  out.width = box.width();
  out.height = box.height();
  std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
  out.words.reserve(boxes.size());
  std::string utf8_scratch;
  // Font names repeat; remember which are bold.
  std::string last_font;
  bool last_bold = false;
  for (const poppler::text_box& b : boxes) {
    pdf::Word w;
    w.text = WordToUtf8(b.text(), &utf8_scratch);
    const poppler::rectf r = b.bbox();
    w.x0 = r.left();
    w.y0 = r.top();
    w.x1 = r.right();
    w.y1 = r.bottom();
    w.rotation = b.rotation();
    w.space_after = b.has_space_after();
    if (b.has_font_info()) {
      w.font_size = b.get_font_size();
      std::string font = b.get_font_name();
      if (font != last_font) {
        last_bold = pdf::IsBoldFontName(font);
        last_font = std::move(font);
      }
      w.bold = last_bold;
    }
    if (w.font_size <= 0) w.font_size = w.y1 - w.y0;
    out.words.push_back(std::move(w));
  }
  return out;
}

Result<Document> ExtractPdfUnguarded(const std::string& path, std::string_view bytes) {
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return Status::ResourceExhausted(path, "PDF too large for Poppler");
  }
  // Poppler rebuilds a cut-off file from what is left and reads the pages it
  // finds; a file without its end-of-file marker is reported instead of
  // being half read. (Some writers pad after the marker, hence the margin.)
  const std::string_view tail = bytes.substr(bytes.size() > 16384 ? bytes.size() - 16384 : 0);
  if (tail.find("%%EOF") == std::string_view::npos) {
    return Status::Corrupt(path, "truncated or corrupt PDF (no end-of-file marker)");
  }
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) return Status::Corrupt(path, "truncated or corrupt PDF");
  if (pdf->is_locked()) return Status::Unsupported(path, "encrypted PDF (a password is needed)");
  if (pdf->pages() <= 0) return Status::Corrupt(path, "truncated or corrupt PDF (no pages)");

  Document doc;
  doc.path = path;
  doc.format = Format::kPdf;
  const int page_count = pdf->pages();
  doc.pages = page_count;
  doc.date = PdfDateToIso(ToUtf8(pdf->info_key("CreationDate")));
  std::string title = NormaliseText(MetadataToUtf8(pdf->info_key("Title")));

  std::vector<pdf::PageWords> pages;
  pages.reserve(static_cast<size_t>(page_count));
  for (int i = 0; i < page_count; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) continue;  // a page Poppler cannot parse: skip it, keep the rest
    pages.push_back(ReadPage(*page, i + 1));
  }
  if (pages.empty()) return Status::Corrupt(path, "truncated or corrupt PDF (no readable pages)");

  PassageBuilder builder(&doc);
  for (const pdf::LaidOutPassage& p : pdf::LayOutDocument(pages)) {
    if (p.kind == PassageKind::kHeading) {
      builder.Heading(p.text, p.level, p.page, p.label);
    } else {
      builder.Add(p.kind, p.text, p.page, p.label, p.level);
    }
  }
  if (IsUsefulTitle(title)) {
    doc.title = std::move(title);
  } else {
    for (const Passage& p : doc.passages) {
      if (p.kind == PassageKind::kHeading) {
        doc.title = p.text;
        break;
      }
    }
  }
  return doc;
}

}  // namespace

Result<Document> ExtractPdf(const std::string& path, std::string_view bytes) {
  SilencePoppler();
  try {
    return ExtractPdfUnguarded(path, bytes);
  } catch (const std::bad_alloc&) {
    return Status::ResourceExhausted(path, "out of memory reading the PDF");
  } catch (const std::exception& e) {
    return Status::Corrupt(path, std::string("truncated or corrupt PDF (") + e.what() + ")");
  } catch (...) {
    return Status::Corrupt(path, "truncated or corrupt PDF");
  }
}

}  // namespace xref
