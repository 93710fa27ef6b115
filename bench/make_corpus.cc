// make_corpus: writes a scale corpus for the benchmark (bench/run.sh).
//
//   make_corpus [--seed S] [--start K] [--data DIR] N OUTDIR
//
// writes, for each variant i in [K, K+N):
//   OUTDIR/pdf/report-NNNNN.pdf     the council report, typeset for real with
//                                   pango/cairo: A4, running header, page
//                                   numbers, numbered paragraphs whose numbers
//                                   sit in their own column, bold headings,
//                                   paragraphs that run across pages;
//   OUTDIR/html/briefing-NNNNN.html the LGA briefing as a saved web page, with
//                                   banner, menus, search form, breadcrumb,
//                                   cookie banner, scripts and footer around
//                                   one <article>;
//   OUTDIR/text/notes-NNNNN.md      (even i) the council report as Markdown, or
//   OUTDIR/text/notes-NNNNN.txt     (odd i) the briefing as plain text.
//
// Each variant draws, from a generator seeded with (S, i) alone, a council
// name, a meeting date, a year shift, new sums and dates, shuffled paragraphs
// and dropped or repeated sections, so that no two files are alike and the
// same (S, i) always gives the same bytes. --start lets the benchmark make
// "one more paper" (--start N 1) or "a changed paper" (another --seed) with
// the names the corpus already uses.
//
// The texts come from bench/data/ (a light markup: "# " title line, "## " and
// "### " headings, "N. " numbered paragraph, "- " bullet, else a paragraph;
// blocks separated by blank lines).
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <re2/re2.h>

#include <cerrno>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#ifndef XREF_BENCH_DATA_DIR
#define XREF_BENCH_DATA_DIR "bench/data"
#endif

namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------
// The source texts as blocks and sections.

enum class BlockKind { kTitle, kHeading2, kHeading3, kNumbered, kParagraph, kBullet };

struct Block {
  BlockKind kind;
  std::string text;  // without its markup or its paragraph number
};

// A heading and everything up to the next heading of the same or a higher
// level; the unit that variants shuffle, drop and repeat.
struct Section {
  std::vector<Block> blocks;  // blocks[0] is the heading, if any
};

struct SourceText {
  std::vector<Block> title;        // the title lines before the first heading
  std::vector<Section> sections;
};

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool ReadFile(const fs::path& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Lines that are not comments and not empty.
std::vector<std::string> DataLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    lines.push_back(line);
  }
  return lines;
}

Block ParseBlock(const std::string& raw) {
  static const RE2 kNumbered(R"(^(\d+)\.\s+(.*)$)");
  std::string rest;
  if (StartsWith(raw, "### ")) return {BlockKind::kHeading3, raw.substr(4)};
  if (StartsWith(raw, "## ")) return {BlockKind::kHeading2, raw.substr(3)};
  if (StartsWith(raw, "# ")) return {BlockKind::kTitle, raw.substr(2)};
  if (StartsWith(raw, "- ")) return {BlockKind::kBullet, raw.substr(2)};
  if (RE2::FullMatch(raw, kNumbered, nullptr, &rest)) return {BlockKind::kNumbered, rest};
  return {BlockKind::kParagraph, raw};
}

SourceText ParseSource(const std::string& text) {
  SourceText source;
  std::istringstream in(text);
  std::string line, block;
  std::vector<std::string> raw_blocks;
  while (std::getline(in, line)) {
    if (line.empty()) {
      if (!block.empty()) raw_blocks.push_back(block);
      block.clear();
    } else {
      block += block.empty() ? line : " " + line;
    }
  }
  if (!block.empty()) raw_blocks.push_back(block);

  for (const std::string& raw : raw_blocks) {
    Block b = ParseBlock(raw);
    if (b.kind == BlockKind::kTitle) {
      source.title.push_back(b);
    } else if (b.kind == BlockKind::kHeading2 || source.sections.empty()) {
      source.sections.push_back({{b}});
    } else {
      // Level-3 headings ("LGA view") stay inside their level-2 section, so
      // that shuffling keeps a view beside the pillar it is about.
      source.sections.back().blocks.push_back(b);
    }
  }
  return source;
}

// ---------------------------------------------------------------------------
// Deterministic randomness. std::shuffle and the std distributions are not
// specified bit for bit, so the corpus would differ between standard
// libraries; mt19937_64's sequence is.

class Random {
 public:
  Random(uint64_t seed, uint64_t variant) {
    std::seed_seq seq{static_cast<uint32_t>(seed), static_cast<uint32_t>(seed >> 32),
                      static_cast<uint32_t>(variant), static_cast<uint32_t>(variant >> 32)};
    engine_.seed(seq);
  }
  // Uniform in [0, n).
  uint64_t Below(uint64_t n) { return n == 0 ? 0 : engine_() % n; }
  bool Chance(double p) { return static_cast<double>(engine_() >> 11) * 0x1.0p-53 < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Below(v.size())]; }
  template <typename T>
  void Shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[Below(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

// ---------------------------------------------------------------------------
// Text variation: sums, dates, seasons, years and places.

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
const char* const kSeasons[] = {"Spring", "Summer", "Autumn", "Winter"};

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool IsAllUpper(std::string_view s) {
  for (char c : s) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string WithThousands(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Replaces every match of `re` in `text` by what `rewrite` returns for the
// match's groups (group 0 is the whole match).
template <typename Fn>
std::string ReplaceEach(const std::string& text, const RE2& re, Fn rewrite) {
  const int groups = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> match(static_cast<size_t>(groups));
  std::string out;
  size_t pos = 0;
  while (pos <= text.size() &&
         re.Match(text, pos, text.size(), RE2::UNANCHORED, match.data(), groups)) {
    size_t start = static_cast<size_t>(match[0].data() - text.data());
    size_t end = start + match[0].size();
    out.append(text, pos, start - pos);
    out += rewrite(match);
    if (end == start) {  // never loop on an empty match
      if (end < text.size()) out += text[end];
      ++end;
    }
    pos = end;
  }
  if (pos < text.size()) out.append(text, pos, std::string::npos);
  return out;
}

struct Council {
  std::string name;
  std::string domain;  // the stem of its e-mail addresses
};

// What one variant changes in every text it writes.
class Variation {
 public:
  Variation(Random* random, const std::vector<Council>& councils,
            const std::vector<std::string>& regions)
      : random_(random), regions_(regions) {
    council_ = random->Pick(councils);
    year_shift_ = static_cast<int>(random->Below(5)) - 2;  // -2..+2
    meeting_day_ = 1 + static_cast<int>(random->Below(28));
    meeting_month_ = static_cast<int>(random->Below(12));
  }

  const Council& council() const { return council_; }
  std::string MeetingDate() const {
    return std::to_string(meeting_day_) + " " + kMonths[meeting_month_] + " " +
           std::to_string(2023 + year_shift_);
  }

  std::string Apply(const std::string& text) {
    static const RE2 kYear(R"(\b(20[0-4]\d)\b)");
    static const RE2 kDayMonth(
        R"((?i)\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December)\b)");
    static const RE2 kSeason(R"(\b(Spring|Summer|Autumn|Winter)\b)");
    static const RE2 kMoney(R"(£(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)( ?(?:million|billion|bn|m)\b)?)");
    static const RE2 kCouncilName("Leicestershire");
    static const RE2 kCouncilDomain("leics");

    std::string s = ReplaceEach(text, kYear, [&](const std::vector<re2::StringPiece>& m) {
      return std::to_string(std::atoi(std::string(m[1]).c_str()) + year_shift_);
    });
    s = ReplaceEach(s, kDayMonth, [&](const std::vector<re2::StringPiece>& m) {
      std::string month = kMonths[random_->Below(12)];
      if (IsAllUpper(std::string(m[2]))) month = Upper(month);
      return std::to_string(1 + random_->Below(28)) + " " + month;
    });
    s = ReplaceEach(s, kSeason, [&](const std::vector<re2::StringPiece>&) {
      return std::string(kSeasons[random_->Below(4)]);
    });
    s = ReplaceEach(s, kMoney, [&](const std::vector<re2::StringPiece>& m) {
      return "£" + VarySum(std::string(m[1])) + std::string(m[2]);
    });
    s = ReplaceEach(s, kCouncilName, [&](const std::vector<re2::StringPiece>&) { return council_.name; });
    s = ReplaceEach(s, kCouncilDomain, [&](const std::vector<re2::StringPiece>&) { return council_.domain; });
    for (const std::string& region : regions_) {
      if (s.find(region) == std::string::npos) continue;
      RE2 re(RE2::QuoteMeta(region));
      s = ReplaceEach(s, re, [&](const std::vector<re2::StringPiece>&) { return random_->Pick(regions_); });
    }
    return s;
  }

 private:
  // Scales a sum by a factor drawn per sum, keeping its written form:
  // "3,500" stays grouped, "1.5" keeps a decimal, "45" stays whole.
  std::string VarySum(const std::string& digits) {
    static const double kFactors[] = {0.5, 0.75, 0.8, 1.0, 1.2, 1.25, 1.5, 2.0, 2.5, 3.0};
    double factor = kFactors[random_->Below(std::size(kFactors))];
    std::string plain;
    for (char c : digits) {
      if (c != ',') plain += c;
    }
    double value = std::atof(plain.c_str()) * factor;
    if (digits.find('.') != std::string::npos) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.1f", value);
      return buf;
    }
    uint64_t whole = static_cast<uint64_t>(value + 0.5);
    if (whole == 0) whole = 1;
    return digits.find(',') != std::string::npos ? WithThousands(whole) : std::to_string(whole);
  }

  Random* random_;
  const std::vector<std::string>& regions_;
  Council council_;
  int year_shift_ = 0;
  int meeting_day_ = 1;
  int meeting_month_ = 0;
};

// A variant's blocks: sections dropped (8%), repeated (5%), their bodies
// shuffled (40%), every text varied. Numbered paragraphs are renumbered in
// the order they now come, as a re-typeset report would be.
struct VariantText {
  std::vector<Block> title;
  std::vector<Block> blocks;
};

VariantText MakeVariant(const SourceText& source, Random* random, Variation* variation) {
  VariantText out;
  static const RE2 kDateLine(R"(\d{1,2} [A-Za-z]+ \d{4})");
  for (const Block& b : source.title) {
    // The meeting date on the cover is the one the running header carries.
    if (RE2::FullMatch(b.text, kDateLine)) {
      std::string date = variation->MeetingDate();
      out.title.push_back({b.kind, IsAllUpper(b.text) ? Upper(date) : date});
    } else {
      out.title.push_back({b.kind, variation->Apply(b.text)});
    }
  }

  std::vector<Section> sections;
  for (const Section& section : source.sections) {
    if (random->Chance(0.08)) continue;
    Section copy = section;
    if (copy.blocks.size() > 2 && random->Chance(0.4)) {
      // Keep the heading first; shuffle what follows it.
      std::vector<Block> body(copy.blocks.begin() + 1, copy.blocks.end());
      random->Shuffle(body);
      std::copy(body.begin(), body.end(), copy.blocks.begin() + 1);
    }
    sections.push_back(copy);
    if (random->Chance(0.05)) sections.push_back(copy);
  }
  if (sections.empty()) sections.push_back(source.sections.front());

  for (const Section& section : sections) {
    for (const Block& b : section.blocks) out.blocks.push_back({b.kind, variation->Apply(b.text)});
  }
  return out;
}

// ---------------------------------------------------------------------------
// The PDF: a council report typeset with pango/cairo.

// pango's cairo layouts assume 96 dpi by default; a PDF's user unit is the
// point, so 72 makes "10.5" mean 10.5 pt on paper.
PangoLayout* NewLayout(cairo_t* cr) {
  PangoLayout* layout = pango_cairo_create_layout(cr);
  pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72);
  pango_layout_context_changed(layout);
  return layout;
}

class ReportTypesetter {
 public:
  static constexpr double kPageWidth = 595.276;   // A4 in points
  static constexpr double kPageHeight = 841.89;
  static constexpr double kMarginLeft = 72;
  static constexpr double kMarginRight = 72;
  static constexpr double kTop = 80;              // below the running header
  static constexpr double kBottom = kPageHeight - 72;
  static constexpr double kNumberColumn = 34;     // paragraph numbers sit here

  ReportTypesetter(const std::string& path, std::string running_header, std::string agenda_item,
                   const std::string& title)
      : running_header_(std::move(running_header)), agenda_item_(std::move(agenda_item)) {
    surface_ = cairo_pdf_surface_create(path.c_str(), kPageWidth, kPageHeight);
    // Fixed dates: the same variant must give the same bytes on every run.
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATOR, "xref bench/make_corpus");
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, "2023-03-01T09:00:00Z");
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, "2023-03-01T09:00:00Z");
    cr_ = cairo_create(surface_);
    layout_ = NewLayout(cr_);
    body_font_ = pango_font_description_from_string("DejaVu Sans 10.5");
    bold_font_ = pango_font_description_from_string("DejaVu Sans Bold 11");
    small_font_ = pango_font_description_from_string("DejaVu Sans 7.5");
    StartPage();
  }

  ~ReportTypesetter() {
    pango_font_description_free(body_font_);
    pango_font_description_free(bold_font_);
    pango_font_description_free(small_font_);
    g_object_unref(layout_);
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  ReportTypesetter(const ReportTypesetter&) = delete;
  ReportTypesetter& operator=(const ReportTypesetter&) = delete;

  // Ends the last page and writes the file; returns false with a message
  // when cairo failed.
  bool Finish(std::string* error) {
    EndPage();
    cairo_surface_finish(surface_);
    cairo_status_t status = cairo_surface_status(surface_);
    if (status != CAIRO_STATUS_SUCCESS) {
      *error = cairo_status_to_string(status);
      return false;
    }
    return true;
  }

  void Title(const std::string& text) {
    Set(bold_font_, PANGO_ALIGN_CENTER, false);
    Flow(text, kMarginLeft, TextWidth(), "");
    y_ += 10;
  }

  void Heading(const std::string& text) {
    if (kBottom - y_ < 60) NewPage();  // keep a heading with its first lines
    y_ += 6;
    Set(bold_font_, PANGO_ALIGN_LEFT, false);
    Flow(text, kMarginLeft, TextWidth(), "");
    y_ += 6;
  }

  // A paragraph; with a number, the number sits in its own column and the
  // text is indented, as Word's numbered lists are typeset.
  void Paragraph(const std::string& number, const std::string& text, bool bullet = false) {
    Set(body_font_, PANGO_ALIGN_LEFT, true);
    std::string marker = bullet ? "•" : number.empty() ? "" : number + ".";
    double x = marker.empty() ? kMarginLeft : kMarginLeft + kNumberColumn;
    Flow(text, x, TextWidth() - (x - kMarginLeft), marker);
    y_ += 8;
  }

 private:
  double TextWidth() const { return kPageWidth - kMarginLeft - kMarginRight; }

  void Set(const PangoFontDescription* font, PangoAlignment align, bool justify) {
    pango_layout_set_font_description(layout_, font);
    pango_layout_set_alignment(layout_, align);
    pango_layout_set_justify(layout_, justify);
  }

  // Lays `text` out `width` wide and draws it line by line from y_, starting
  // a new page whenever the next line does not fit: paragraphs run across
  // page breaks. `marker` is drawn left of the first line, on its baseline.
  void Flow(const std::string& text, double x, double width, const std::string& marker) {
    pango_layout_set_width(layout_, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD);
    pango_layout_set_text(layout_, text.c_str(), -1);
    const int lines = pango_layout_get_line_count(layout_);
    for (int i = 0; i < lines; ++i) {
      PangoLayoutLine* line = pango_layout_get_line_readonly(layout_, i);
      PangoRectangle logical;
      pango_layout_line_get_pixel_extents(line, nullptr, &logical);
      const double line_height = logical.height * 1.15;
      if (y_ + line_height > kBottom) NewPage();
      const double baseline = y_ - logical.y;
      double line_x = x;
      if (pango_layout_get_alignment(layout_) == PANGO_ALIGN_CENTER) {
        line_x = x + (width - logical.width) / 2;
      }
      cairo_move_to(cr_, line_x, baseline);
      pango_cairo_show_layout_line(cr_, line);
      if (i == 0 && !marker.empty()) DrawMarker(marker, baseline);
      y_ += line_height;
    }
  }

  void DrawMarker(const std::string& marker, double baseline) {
    PangoLayout* number = NewLayout(cr_);
    pango_layout_set_font_description(number, body_font_);
    pango_layout_set_text(number, marker.c_str(), -1);
    cairo_move_to(cr_, kMarginLeft, baseline);
    pango_cairo_show_layout_line(cr_, pango_layout_get_line_readonly(number, 0));
    g_object_unref(number);
  }

  // The running header and the page number are drawn when a page starts.
  void StartPage() {
    ++page_;
    y_ = kTop;
    PangoLayout* furniture = NewLayout(cr_);
    pango_layout_set_font_description(furniture, small_font_);
    cairo_set_source_rgb(cr_, 0.35, 0.35, 0.35);
    pango_layout_set_text(furniture, running_header_.c_str(), -1);
    cairo_move_to(cr_, kMarginLeft, 36);
    pango_cairo_show_layout(cr_, furniture);
    int w = 0, h = 0;
    pango_layout_set_text(furniture, agenda_item_.c_str(), -1);
    pango_layout_get_pixel_size(furniture, &w, &h);
    cairo_move_to(cr_, kPageWidth - kMarginRight - w, 36);
    pango_cairo_show_layout(cr_, furniture);
    std::string number = std::to_string(page_);
    pango_layout_set_text(furniture, number.c_str(), -1);
    pango_layout_get_pixel_size(furniture, &w, &h);
    cairo_move_to(cr_, (kPageWidth - w) / 2, kPageHeight - 44);
    pango_cairo_show_layout(cr_, furniture);
    cairo_set_source_rgb(cr_, 0, 0, 0);
    g_object_unref(furniture);
  }
  void EndPage() { cairo_show_page(cr_); }
  void NewPage() {
    EndPage();
    StartPage();
  }

  std::string running_header_;
  std::string agenda_item_;
  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  PangoLayout* layout_ = nullptr;
  PangoFontDescription* body_font_ = nullptr;
  PangoFontDescription* bold_font_ = nullptr;
  PangoFontDescription* small_font_ = nullptr;
  int page_ = 0;
  double y_ = kTop;
};

bool WriteReportPdf(const fs::path& path, const VariantText& text, const Variation& variation,
                    int agenda_item, std::string* error) {
  std::string header = variation.council().name + " County Council · Children and Family Services" +
                       " Scrutiny Committee · " + variation.MeetingDate();
  std::string title = text.title.size() > 2 ? text.title[2].text : "Report";
  ReportTypesetter pdf(path.string(), header, "Agenda Item " + std::to_string(agenda_item), title);
  for (const Block& b : text.title) pdf.Title(b.text);
  int number = 0;
  for (const Block& b : text.blocks) {
    switch (b.kind) {
      case BlockKind::kTitle:
      case BlockKind::kHeading2:
      case BlockKind::kHeading3:
        pdf.Heading(b.text);
        break;
      case BlockKind::kNumbered:
        pdf.Paragraph(std::to_string(++number), b.text);
        break;
      case BlockKind::kBullet:
        pdf.Paragraph("", b.text, /*bullet=*/true);
        break;
      case BlockKind::kParagraph:
        pdf.Paragraph("", b.text);
        break;
    }
  }
  return pdf.Finish(error);
}

// ---------------------------------------------------------------------------
// The web page and the text files.

std::string EscapeHtml(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

const std::vector<std::string> kMenu = {
    "About", "Our work", "Publications", "Events", "News and comment", "Parliament",
    "Topics", "Improvement support", "Children and young people", "Housing", "Health",
    "Workforce", "Finance", "Culture, tourism and sport", "Devolution", "Member support"};
const std::vector<std::string> kRelated = {
    "Budget survey 2023: children's services", "Social worker agency rules: our response",
    "Kinship care: what councils need", "Family hubs: a guide for members",
    "Care leavers' covenant: one year on", "Fostering: recruitment and retention",
    "Children's homes: sufficiency and cost", "SEND and alternative provision plan",
    "Youth justice: the role of councils", "Safeguarding partnerships: reform update",
    "Home to school transport costs", "Early help: evidence review"};

std::string BriefingHtml(const VariantText& text, Random* random, int variant) {
  std::string title = text.title.empty() ? "Briefing" : text.title[0].text;
  std::ostringstream html;
  html << "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n"
       << "<title>" << EscapeHtml(title) << " | Local Government Association</title>\n"
       << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1.0\">\n"
       << "<link rel=\"stylesheet\" href=\"/themes/custom/lga/css/style.css?v=" << variant << "\">\n"
       << "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}"
       << "gtag('js',new Date());gtag('config','UA-" << 100000 + random->Below(900000) << "');</script>\n"
       << "</head>\n<body class=\"path-node page-node-type-briefing\">\n"
       << "<a href=\"#main-content\" class=\"skip-link\">Skip to main content</a>\n"
       << "<div class=\"banner\"><p>Resetting the relationship between local and national government. "
       << "<a href=\"/white-paper\">Read our Local Government White Paper</a></p></div>\n"
       << "<header class=\"site-header\"><a href=\"/\" class=\"logo\">Local Government Association</a>\n"
       << "<form class=\"search\" action=\"/search\"><label for=\"q\">Search</label>"
       << "<input id=\"q\" name=\"q\" type=\"search\"><button>Search</button></form>\n"
       << "<nav class=\"main-menu\"><ul>\n";
  std::vector<std::string> menu = kMenu;
  random->Shuffle(menu);
  const size_t menu_items = 8 + random->Below(menu.size() - 8);
  for (size_t i = 0; i < menu_items; ++i) {
    html << "<li><a href=\"/topics/" << i << "\">" << EscapeHtml(menu[i]) << "</a></li>\n";
  }
  html << "</ul></nav></header>\n"
       << "<nav class=\"breadcrumb\" aria-label=\"Breadcrumb\"><ol><li><a href=\"/\">Home</a></li>"
       << "<li><a href=\"/parliament\">Parliament</a></li><li><a href=\"/briefings\">Briefings and "
       << "responses</a></li></ol></nav>\n"
       << "<main id=\"main-content\">\n<article class=\"briefing\">\n<h1>" << EscapeHtml(title) << "</h1>\n";
  for (size_t i = 1; i < text.title.size(); ++i) html << "<p class=\"standfirst\">" << EscapeHtml(text.title[i].text) << "</p>\n";

  bool in_list = false;
  for (const Block& b : text.blocks) {
    if (in_list && b.kind != BlockKind::kBullet) {
      html << "</ul>\n";
      in_list = false;
    }
    // The saved page carries non-breaking spaces at some paragraph ends.
    const char* tail = random->Chance(0.3) ? "&nbsp;" : "";
    switch (b.kind) {
      case BlockKind::kTitle:
      case BlockKind::kHeading2: html << "<h2>" << EscapeHtml(b.text) << "</h2>\n"; break;
      case BlockKind::kHeading3: html << "<h3>" << EscapeHtml(b.text) << "</h3>\n"; break;
      case BlockKind::kBullet:
        if (!in_list) html << "<ul>\n";
        in_list = true;
        html << "<li>" << EscapeHtml(b.text) << tail << "</li>\n";
        break;
      case BlockKind::kNumbered:
      case BlockKind::kParagraph: html << "<p>" << EscapeHtml(b.text) << tail << "</p>\n"; break;
    }
  }
  if (in_list) html << "</ul>\n";
  html << "</article>\n<aside class=\"related\"><h2>Related articles</h2><ul>\n";
  std::vector<std::string> related = kRelated;
  random->Shuffle(related);
  for (size_t i = 0; i < 4; ++i) {
    html << "<li><a href=\"/related/" << random->Below(10000) << "\">" << EscapeHtml(related[i]) << "</a></li>\n";
  }
  html << "</ul></aside>\n</main>\n"
       << "<footer class=\"site-footer\"><p>Local Government Association, 18 Smith Square, London SW1P 3HZ</p>\n"
       << "<p>Telephone 020 7664 3000 · <a href=\"/contact\">Contact us</a> · <a href=\"/privacy\">Privacy</a> · "
       << "<a href=\"/accessibility\">Accessibility</a></p><p>© Local Government Association "
       << 2020 + random->Below(6) << "</p></footer>\n"
       << "<div id=\"cookie-banner\" role=\"dialog\"><p>We use cookies to make our site work and to improve it."
       << "</p><button>Accept all</button><button>Reject optional</button></div>\n"
       << "<script src=\"/core/misc/drupal.js?v=" << random->Below(100000) << "\"></script>\n"
       << "</body>\n</html>\n";
  return html.str();
}

std::string ReportMarkdown(const VariantText& text, const Variation& variation) {
  std::ostringstream md;
  for (const Block& b : text.title) md << "**" << b.text << "**\n\n";
  md << "_" << variation.council().name << " County Council, " << variation.MeetingDate() << "_\n\n";
  int number = 0;
  for (const Block& b : text.blocks) {
    switch (b.kind) {
      case BlockKind::kTitle:
      case BlockKind::kHeading2: md << "## " << b.text << "\n\n"; break;
      case BlockKind::kHeading3: md << "### " << b.text << "\n\n"; break;
      case BlockKind::kNumbered: md << ++number << ". " << b.text << "\n\n"; break;
      case BlockKind::kBullet: md << "- " << b.text << "\n\n"; break;
      case BlockKind::kParagraph: md << b.text << "\n\n"; break;
    }
  }
  return md.str();
}

std::string BriefingPlainText(const VariantText& text) {
  std::ostringstream txt;
  for (const Block& b : text.title) txt << b.text << "\n\n";
  for (const Block& b : text.blocks) {
    switch (b.kind) {
      case BlockKind::kBullet: txt << "  \u2022 " << b.text << "\n"; break;
      default: txt << b.text << "\n\n"; break;
    }
  }
  return txt.str();
}

bool WriteText(const fs::path& path, const std::string& contents, std::string* error) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << contents;
  out.close();
  if (!out) {
    *error = "cannot write";
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------

struct Options {
  uint64_t seed = 1;
  uint64_t start = 0;
  uint64_t count = 0;
  fs::path data_dir = XREF_BENCH_DATA_DIR;
  fs::path out_dir;
};

int Usage() {
  std::cerr << "usage: make_corpus [--seed S] [--start K] [--data DIR] N OUTDIR\n"
               "writes variants K..K+N-1: OUTDIR/pdf/report-*.pdf, OUTDIR/html/briefing-*.html,\n"
               "OUTDIR/text/notes-*.md|txt (3 files per variant)\n";
  return 2;
}

bool ParseNumber(const char* s, uint64_t* out) {
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(s, &end, 10);
  if (errno != 0 || end == s || *end != '\0') return false;
  *out = v;
  return true;
}

std::string FileNumber(uint64_t i) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%05" PRIu64, i);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  std::vector<const char*> positional;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--seed" && has_value) {
      if (!ParseNumber(argv[++i], &options.seed)) return Usage();
    } else if (arg == "--start" && has_value) {
      if (!ParseNumber(argv[++i], &options.start)) return Usage();
    } else if (arg == "--data" && has_value) {
      options.data_dir = argv[++i];
    } else if (arg == "-h" || arg == "--help") {
      Usage();
      return 0;
    } else if (StartsWith(arg, "--")) {
      return Usage();
    } else {
      positional.push_back(argv[i]);
    }
  }
  if (positional.size() != 2 || !ParseNumber(positional[0], &options.count)) return Usage();
  options.out_dir = positional[1];

  std::string report_source, briefing_source, councils_source, regions_source;
  for (auto [name, out] : {std::pair{"council-report.txt", &report_source},
                           std::pair{"lga-briefing.txt", &briefing_source},
                           std::pair{"councils.txt", &councils_source},
                           std::pair{"regions.txt", &regions_source}}) {
    if (!ReadFile(options.data_dir / name, out)) {
      std::cerr << "make_corpus: " << (options.data_dir / name).string() << ": cannot read\n";
      return 2;
    }
  }
  const SourceText report = ParseSource(report_source);
  const SourceText briefing = ParseSource(briefing_source);
  std::vector<Council> councils;
  for (const std::string& line : DataLines(councils_source)) {
    size_t bar = line.find('|');
    councils.push_back({line.substr(0, bar), bar == std::string::npos ? "council" : line.substr(bar + 1)});
  }
  const std::vector<std::string> regions = DataLines(regions_source);
  if (councils.empty() || report.sections.empty() || briefing.sections.empty()) {
    std::cerr << "make_corpus: " << options.data_dir.string() << ": the data files are empty\n";
    return 2;
  }

  std::error_code ec;
  for (const char* sub : {"pdf", "html", "text"}) {
    fs::create_directories(options.out_dir / sub, ec);
    if (ec) {
      std::cerr << "make_corpus: " << (options.out_dir / sub).string() << ": " << ec.message() << "\n";
      return 2;
    }
  }

  for (uint64_t i = options.start; i < options.start + options.count; ++i) {
    Random random(options.seed, i);
    std::string error;
    const std::string number = FileNumber(i);

    Variation report_variation(&random, councils, regions);
    VariantText report_text = MakeVariant(report, &random, &report_variation);
    fs::path pdf_path = options.out_dir / "pdf" / ("report-" + number + ".pdf");
    if (!WriteReportPdf(pdf_path, report_text, report_variation, 3 + static_cast<int>(random.Below(12)),
                        &error)) {
      std::cerr << "make_corpus: " << pdf_path.string() << ": " << error << "\n";
      return 2;
    }

    Variation briefing_variation(&random, councils, regions);
    VariantText briefing_text = MakeVariant(briefing, &random, &briefing_variation);
    fs::path html_path = options.out_dir / "html" / ("briefing-" + number + ".html");
    if (!WriteText(html_path, BriefingHtml(briefing_text, &random, static_cast<int>(i)), &error)) {
      std::cerr << "make_corpus: " << html_path.string() << ": " << error << "\n";
      return 2;
    }

    // The third file: the report as Markdown for even variants, the briefing
    // as plain text for odd ones, each drawn afresh.
    fs::path text_path;
    std::string contents;
    Variation text_variation(&random, councils, regions);
    if (i % 2 == 0) {
      text_path = options.out_dir / "text" / ("notes-" + number + ".md");
      contents = ReportMarkdown(MakeVariant(report, &random, &text_variation), text_variation);
    } else {
      text_path = options.out_dir / "text" / ("notes-" + number + ".txt");
      contents = BriefingPlainText(MakeVariant(briefing, &random, &text_variation));
    }
    if (!WriteText(text_path, contents, &error)) {
      std::cerr << "make_corpus: " << text_path.string() << ": " << error << "\n";
      return 2;
    }
  }
  return 0;
}
