// PDF through Poppler: see extract.h for the contract.
//
// This file only talks to Poppler: it loads the document, reads the metadata
// and turns every page's words (text, box, font, rotation) into
// pdf::PageWords. Everything about geometry - lines, columns, furniture,
// labels, headings, footnotes, hyphens - lives in pdf_layout.cc, which can be
// tested without a PDF.
//
// It uses Poppler's own classes (PDFDoc, TextOutputDev; Debian's
// libpoppler-private-dev), not its C++ wrapper poppler-cpp. The words are the
// same - the wrapper's page::text_list runs the same TextOutputDev - but
// text_list also scans every page's fonts again (FontInfoScanner) and copies
// that list into every word, copies the document's cross-reference table for
// every page, keeps a box per glyph and converts every word UTF-8 -> UTF-16 ->
// UTF-8 through a fresh iconv converter. On the bench's reports that was a
// third of the instructions of `xref extract`, and on a 56-page InDesign
// report three quarters; read directly, the words cost what pdftotext pays.
// The price: Poppler's core API changes between releases, so this file
// follows the version Debian ships (22.12).
//
// Poppler is not allowed to write to stderr (its complaints about damaged
// files would interleave with xref's output); its messages are dropped, and
// what matters is reported through the returned Status.
#include <Error.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <PDFDoc.h>
#include <Stream.h>
#include <TextOutputDev.h>
#include <UTF.h>
#include <UnicodeMapFuncs.h>
#include <goo/gmem.h>
#include <goo/GooString.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/extract.h"
#include "pipeline/normalise.h"
#include "pipeline/passage_builder.h"
#include "pipeline/pdf_layout.h"

namespace xref {
namespace {

void DropPopplerMessage(ErrorCategory, Goffset, const char*) {}

// Poppler's process-wide settings (font and encoding tables), and its
// messages sent nowhere. Checked on every call, not once: in a process that
// also uses poppler-cpp (a test reading a PDF's text for reference), the last
// poppler::document to go deletes these settings and sets its own message
// handler.
void InitPoppler() {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  if (!globalParams) globalParams = std::make_unique<GlobalParams>();
  setErrorCallback(DropPopplerMessage);
}

// One entry of the document information dictionary ("Title") as UTF-8.
// Poppler decodes the PDF text string (UTF-16 after a byte order mark,
// otherwise PDFDocEncoding, whose 0x80..0x9F are typographic characters:
// "growth \x85 June" is "growth – June"); ICU writes the UTF-8.
std::string InfoEntry(PDFDoc* pdf, const char* key) {
  std::unique_ptr<GooString> value = pdf->getDocInfoStringEntry(key);
  if (!value) return std::string();
  Unicode* ucs4 = nullptr;
  const int length = TextStringToUCS4(value->toStr(), &ucs4);
  static_assert(sizeof(Unicode) == sizeof(UChar32));
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(ucs4), length);
  gfree(ucs4);
  std::string out;
  text.toUTF8String(out);
  return out;
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

// A word's text in UTF-8, up to a NUL or an unpaired surrogate (a broken
// ToUnicode map can produce either), where Poppler's C++ API cut it too.
// TextWord::getText would give the same bytes through the text encoding's
// UnicodeMap (UTF-8 unless a program changes it, and ours never does), but
// it looks that map up by name under a lock and fills a fresh GooString for
// every word: on the bench's reports a tenth of xref's own instructions.
// mapUTF8 is the function behind that map, so a code point past U+10FFFF
// still writes nothing.
std::string WordText(const TextWord& word) {
  const int length = word.getLength();
  std::string out;
  out.reserve(static_cast<size_t>(length));
  char buffer[8];
  for (int i = 0; i < length; ++i) {
    const Unicode u = *word.getChar(i);
    if (u == 0 || (u >= 0xD800 && u <= 0xDFFF)) break;
    if (u < 0x80) {
      out.push_back(static_cast<char>(u));  // what mapUTF8 writes for ASCII
      continue;
    }
    out.append(buffer, static_cast<size_t>(mapUTF8(u, buffer, sizeof buffer)));
  }
  return out;
}

// Poppler's text device, also keeping the page's small shapes (pdf::Mark):
// a browser's "Save as PDF" draws a list's bullets as filled paths, which
// the layout turns back into bullets. Poppler calls fill/eoFill/stroke for
// every path of the page whatever needNonText() says (that setting skips
// only images and pattern fills); the text device itself reads fills only
// when it writes HTML.
class MarkingTextOutputDev final : public TextOutputDev {
 public:
  MarkingTextOutputDev()
      : TextOutputDev(nullptr, /*physLayoutA=*/false, /*fixedPitchA=*/0, /*rawOrderA=*/false,
                      /*append=*/false) {}

  void fill(GfxState* state) override {
    TextOutputDev::fill(state);
    Record(state);
  }
  void eoFill(GfxState* state) override {
    TextOutputDev::eoFill(state);
    Record(state);
  }
  void stroke(GfxState* state) override {
    TextOutputDev::stroke(state);
    Record(state);
  }

  // The marks drawn since the last call.
  std::vector<pdf::Mark> TakeMarks() { return std::exchange(marks_, {}); }

 private:
  // A page drawing its text as outlines has a shape per glyph; past this
  // many the page's marks are not worth keeping (and no words sit beside them).
  static constexpr size_t kMaxMarks = 4096;

  void Record(GfxState* state) {
    if (marks_.size() >= kMaxMarks) return;
    const GfxPath* path = state->getPath();
    if (path == nullptr || path->getNumSubpaths() == 0) return;
    pdf::Mark m{1e300, 1e300, -1e300, -1e300};
    for (int i = 0; i < path->getNumSubpaths(); ++i) {
      const GfxSubpath* sub = path->getSubpath(i);
      for (int j = 0; j < sub->getNumPoints(); ++j) {
        double x = 0, y = 0;
        state->transform(sub->getX(j), sub->getY(j), &x, &y);
        m.x0 = std::min(m.x0, x);
        m.y0 = std::min(m.y0, y);
        m.x1 = std::max(m.x1, x);
        m.y1 = std::max(m.y1, y);
      }
      if (m.x1 - m.x0 > pdf::kMaxMarkSize || m.y1 - m.y0 > pdf::kMaxMarkSize) return;
    }
    if (m.x1 > m.x0 && m.y1 > m.y0) marks_.push_back(m);
  }

  std::vector<pdf::Mark> marks_;
};

// The words of page `number` (1-based) in Poppler's reading order, with the
// settings of poppler-cpp's page::text_list: 72 dpi, crop box, turned as the
// page's /Rotate says and then by `rotate` degrees more. The words' boxes are
// in the turned page's space, so the page's width and height are swapped
// when it stands on its side: a landscape page kept as a portrait box with
// /Rotate 90 is 842 points wide, and its words past 595 are on the page.
// `text` is the same for every page of a document, as in pdftotext: it keeps
// the colour transforms of the ICC profiles it met (lcms builds one in about
// a million instructions, and a Word export sets its profile a few times per
// page), and starts every page's words afresh.
pdf::PageWords ReadPageTurned(PDFDoc* pdf, MarkingTextOutputDev* text, Page* page, int number,
                              int rotate) {
  pdf::PageWords out;
  out.number = number;
  const PDFRectangle* box = page->getCropBox();
  out.width = box->x2 - box->x1;
  out.height = box->y2 - box->y1;
  if ((page->getRotate() + rotate) % 180 != 0) std::swap(out.width, out.height);
  pdf->displayPageSlice(text, number, 72, 72, rotate, /*useMediaBox=*/false,
                        /*crop=*/false, /*printing=*/false, -1, -1, -1, -1);
  std::unique_ptr<TextWordList> words = text->makeWordList();
  const int count = words ? words->getLength() : 0;
  out.words.reserve(static_cast<size_t>(count));
  // Font names repeat; remember which are bold.
  const GooString* last_font = nullptr;
  bool last_bold = false;
  for (int i = 0; i < count; ++i) {
    const TextWord* word = words->get(i);
    pdf::Word w;
    w.text = WordText(*word);
    word->getBBox(&w.x0, &w.y0, &w.x1, &w.y1);
    w.rotation = word->getRotation();
    w.space_after = word->hasSpaceAfter();
    w.font_size = word->getFontSize();
    const GooString* font = word->getFontName(0);
    if (font != last_font) {
      last_bold = font != nullptr && pdf::IsBoldFontName(font->toStr());
      last_font = font;
    }
    w.bold = last_bold;
    if (w.font_size <= 0) w.font_size = w.y1 - w.y0;
    out.words.push_back(std::move(w));
  }
  out.marks = text->TakeMarks();
  return out;
}

// The page's words as it reads. A page whose text nearly all runs one way
// sideways (a landscape table set on a portrait page, or a page whose
// /Rotate turns its text on its side) is read again turned so that its text
// runs left to right: the layout reads upright words only, and would drop
// the whole page. A few sideways words (a margin stamp, a chart's axis
// label) leave the page as it is.
pdf::PageWords ReadPage(PDFDoc* pdf, MarkingTextOutputDev* text, Page* page, int number) {
  pdf::PageWords out = ReadPageTurned(pdf, text, page, number, 0);
  size_t letters[4] = {0, 0, 0, 0};
  for (const pdf::Word& w : out.words) {
    if (w.rotation >= 0 && w.rotation < 4) letters[w.rotation] += w.text.size();
  }
  const size_t all = letters[0] + letters[1] + letters[2] + letters[3];
  const int way = static_cast<int>(std::max_element(letters + 1, letters + 4) - letters);
  if (all == 0 || letters[way] < 0.8 * static_cast<double>(all)) return out;
  // A word of rotation r runs r quarter turns clockwise from upright; the
  // page turned back by as much reads it upright.
  return ReadPageTurned(pdf, text, page, number, 90 * (4 - way));
}

// Whether a page draws images over at least half of its area: what a page
// without a text layer (a scan, a photographed letter) shows instead of
// text. Run only for pages without a word, as a device of its own that
// skips the images' data (OutputDev's drawing functions read past an inline
// image and nothing else).
class ImageArea final : public OutputDev {
 public:
  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  bool interpretType3Chars() override { return false; }
  bool needNonText() override { return true; }

  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width, int height, bool invert,
                     bool interpolate, bool inline_image) override {
    Record(state);
    OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inline_image);
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                 GfxImageColorMap* color_map, bool interpolate, const int* mask_colors,
                 bool inline_image) override {
    Record(state);
    OutputDev::drawImage(state, ref, str, width, height, color_map, interpolate, mask_colors,
                         inline_image);
  }
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                       GfxImageColorMap* color_map, bool interpolate, Stream* mask, int mask_width,
                       int mask_height, bool mask_invert, bool mask_interpolate) override {
    Record(state);
    OutputDev::drawMaskedImage(state, ref, str, width, height, color_map, interpolate, mask,
                               mask_width, mask_height, mask_invert, mask_interpolate);
  }
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width, int height,
                           GfxImageColorMap* color_map, bool interpolate, Stream* mask,
                           int mask_width, int mask_height, GfxImageColorMap* mask_color_map,
                           bool mask_interpolate) override {
    Record(state);
    OutputDev::drawSoftMaskedImage(state, ref, str, width, height, color_map, interpolate, mask,
                                   mask_width, mask_height, mask_color_map, mask_interpolate);
  }

  // The largest image's share of the page.
  double largest = 0;

 private:
  // An image fills the unit square of its transformation; its box on the
  // page, as a share of the page's area.
  void Record(GfxState* state) {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const auto& [ux, uy] : {std::pair{0.0, 0.0}, {1.0, 0.0}, {0.0, 1.0}, {1.0, 1.0}}) {
      double x = 0, y = 0;
      state->transform(ux, uy, &x, &y);
      x0 = std::min(x0, x);
      y0 = std::min(y0, y);
      x1 = std::max(x1, x);
      y1 = std::max(y1, y);
    }
    const double page = state->getPageWidth() * state->getPageHeight();
    if (page <= 0) return;
    x0 = std::max(x0, 0.0);
    y0 = std::max(y0, 0.0);
    x1 = std::min(x1, state->getPageWidth());
    y1 = std::min(y1, state->getPageHeight());
    if (x1 > x0 && y1 > y0) largest = std::max(largest, (x1 - x0) * (y1 - y0) / page);
  }
};

bool IsImageOnly(PDFDoc* pdf, int number) {
  ImageArea images;
  pdf->displayPageSlice(&images, number, 72, 72, /*rotate=*/0, /*useMediaBox=*/false,
                        /*crop=*/false, /*printing=*/false, -1, -1, -1, -1);
  return images.largest >= 0.5;
}

// Whether a page's words read as garbage: the glyph numbers of a font that
// carries no Unicode map (no /ToUnicode, an Identity-H encoding), which
// Poppler can only pass on as they are ("3HWLWLRQ DERXW OLEUDU\\" for
// "Petition about library"). Written words in a cased script are mostly in
// small letters or capitalised ("the", "Council"); such glyph numbers land
// on capitals, digits and signs mixed within a word, or in the private use
// area (and a page's words may not even be split: the space glyph has no
// number either). Judged by letters, on pages with enough of them that a
// heading in capitals is no matter; scripts without case say nothing.
bool ReadsAsGarbage(const pdf::PageWords& page) {
  size_t all = 0, written = 0;  // cased letters, and those in written words
  for (const pdf::Word& w : page.words) {
    size_t letters = 0, small = 0, digits = 0, private_use = 0;
    bool small_after_first = true;
    const std::string& t = w.text;
    for (int32_t i = 0; i < static_cast<int32_t>(t.size());) {
      UChar32 c;
      U8_NEXT(reinterpret_cast<const uint8_t*>(t.data()), i, static_cast<int32_t>(t.size()), c);
      if (c < 0) continue;
      if (c < 0x80) {  // ASCII without ICU: most words of most pages
        if (c >= '0' && c <= '9') ++digits;
        if (c >= 'a' && c <= 'z') {
          ++letters;
          ++small;
        } else if (c >= 'A' && c <= 'Z') {
          ++letters;
          if (letters > 1) small_after_first = false;
        }
        continue;
      }
      if (u_charType(c) == U_PRIVATE_USE_CHAR) ++private_use;
      if (u_isdigit(c)) ++digits;
      if (u_islower(c)) {
        ++letters;
        ++small;
      } else if (u_isupper(c) || u_istitle(c)) {
        ++letters;
        if (letters > 1) small_after_first = false;
      }
    }
    if (private_use > 0) {
      all += private_use + letters;
      continue;
    }
    all += letters;  // none: figures, signs, or a script without case
    if (digits == 0 && small_after_first && small > 0) written += letters;
  }
  return all >= 200 && written * 10 < all * 3;
}

// "page 2", "pages 2 and 5", "pages 1 to 3, 7 and 9".
std::string PageList(const std::vector<int>& pages) {
  std::vector<std::string> runs;
  for (size_t i = 0; i < pages.size();) {
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    runs.push_back(j >= i + 2 ? std::to_string(pages[i]) + " to " + std::to_string(pages[j])
                              : std::to_string(pages[i]));
    if (j == i + 1) runs.push_back(std::to_string(pages[j]));
    i = j + 1;
  }
  std::string out = pages.size() == 1 ? "page " : "pages ";
  for (size_t i = 0; i < runs.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == runs.size() ? " and " : ", ") + runs[i];
  }
  return out;
}

// What the layout needs from Poppler: the metadata and every readable page's
// words.
struct PdfContent {
  int page_count = 0;
  std::string date;   // ISO, or empty
  std::string title;  // normalised, maybe not useful
  std::vector<pdf::PageWords> pages;
  std::vector<int> scanned;  // pages without a word that show an image instead
};

// Reads the document with Poppler. Poppler's objects (the document and its
// caches, the text device holding the last page's characters) are freed when
// this returns, so the layout reuses their memory instead of touching fresh
// pages: for the 15-page Federal Register PDF that was a few hundred page
// faults.
Result<PdfContent> ReadPdf(const std::string& path, std::string_view bytes) {
  // Empty passwords open a file encrypted for permissions only; a file that
  // needs a password fails with errEncrypted.
  PDFDoc pdf(new MemStream(bytes.data(), 0, static_cast<Goffset>(bytes.size()), Object(objNull)),
             GooString(""), GooString(""));
  if (!pdf.isOk()) {
    if (pdf.getErrorCode() == errEncrypted) {
      return Status::Unsupported(path, "encrypted PDF (a password is needed)");
    }
    return Status::Corrupt(path, "truncated or corrupt PDF");
  }
  PdfContent content;
  content.page_count = pdf.getNumPages();
  if (content.page_count <= 0) return Status::Corrupt(path, "truncated or corrupt PDF (no pages)");
  content.date = PdfDateToIso(InfoEntry(&pdf, "CreationDate"));
  content.title = NormaliseText(InfoEntry(&pdf, "Title"));

  content.pages.reserve(static_cast<size_t>(content.page_count));
  MarkingTextOutputDev text;
  for (int number = 1; number <= content.page_count; ++number) {
    Page* page = pdf.getPage(number);  // owned by the document
    if (!page) continue;  // a page Poppler cannot parse: skip it, keep the rest
    content.pages.push_back(ReadPage(&pdf, &text, page, number));
    if (content.pages.back().words.empty() && IsImageOnly(&pdf, number)) {
      content.scanned.push_back(number);
    }
  }
  if (content.pages.empty()) {
    return Status::Corrupt(path, "truncated or corrupt PDF (no readable pages)");
  }
  return content;
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
  Result<PdfContent> content = ReadPdf(path, bytes);
  if (!content.ok()) return content.status();
  // A scan without a text layer has pages and not one word: an empty
  // document that no search would ever find is worse than saying so.
  if (std::all_of(content->pages.begin(), content->pages.end(),
                  [](const pdf::PageWords& page) { return page.words.empty(); })) {
    const int n = content->page_count;
    return Status::Unsupported(
        path, "no text on " + (n == 1 ? std::string("its one page") : "any of its " + std::to_string(n) + " pages") +
                  " (scanned images without a text layer?); run it through OCR, for example ocrmypdf, and index "
                  "the result");
  }

  Document doc;
  doc.path = path;
  doc.format = Format::kPdf;
  // Some pages scanned among pages of text: the rest is read, and the
  // reader is told which pages are not.
  if (!content->scanned.empty()) {
    const bool one = content->scanned.size() == 1;
    doc.warnings.push_back(PageList(content->scanned) + (one ? " is an image" : " are images") +
                           " without a text layer (scanned?), so " + (one ? "its" : "their") +
                           " text is missing; run the file through OCR, for example ocrmypdf, to read it");
  }
  // Pages whose text is a font's glyph numbers are still read (a search for
  // a figure may find them), and the reader is told not to trust their words.
  std::vector<int> garbled;
  for (const pdf::PageWords& page : content->pages) {
    if (ReadsAsGarbage(page)) garbled.push_back(page.number);
  }
  if (!garbled.empty()) {
    doc.warnings.push_back("the text of " + PageList(garbled) +
                           " does not read as words (a font without a Unicode map?), so searches will "
                           "not find it; run the file through OCR, for example ocrmypdf --force-ocr, to "
                           "read it");
  }
  doc.pages = content->page_count;
  doc.date = std::move(content->date);
  PassageBuilder builder(&doc);
  for (const pdf::LaidOutPassage& p : pdf::LayOutDocument(std::move(content->pages))) {
    if (p.kind == PassageKind::kHeading) {
      builder.Heading(p.text, p.level, p.page, p.label);
    } else {
      builder.Add(p.kind, p.text, p.page, p.label, p.level);
    }
  }
  if (IsUsefulTitle(content->title)) {
    doc.title = std::move(content->title);
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
  InitPoppler();
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
