// typeset_strategy: typesets strategy.txt as the government paper of the
// fourth held-out corpus, the way such papers are published: A4, a title
// page, a contents page with dotted leaders, a running head and a page
// number on every later page, numbered paragraphs whose numbers sit in their
// own column, paragraphs that run across pages, a bulleted list, a table,
// footnotes at the foot of the page and a reference list.
//
//   g++ -std=c++17 -O1 typeset_strategy.cc $(pkg-config --cflags --libs pangocairo) -o typeset_strategy
//   ./typeset_strategy strategy.txt ../living-with-water-flood-strategy.pdf
//
// Not part of the build: the PDF it wrote is kept in the repository, so the
// test reads the same bytes on every machine (fonts differ between them).
//
// Markup of strategy.txt, one block per line group:
//   @head TEXT, @meta-title TEXT, @meta-author TEXT, @meta-date ISO
//                          the running head and the PDF's metadata
//   @titlepage + lines     the title page (first line large)
//   @page                  a new page
//   @toc TEXT|PAGE         a contents line
//   ## TEXT                a heading
//   N.N TEXT               a numbered paragraph
//   - TEXT                 a bullet
//   !TEXT                  a bold caption
//   |a|b|c                 a table row (the first row of a table is bold)
//   ^N TEXT                a footnote, set at the foot of the current page
//   TEXT^N                 a footnote mark (set as a superscript)
//   anything else          a paragraph
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

constexpr double kWidth = 595, kHeight = 842;
constexpr double kLeft = 72, kRight = 523, kTop = 80, kBodyBottom = 720;
constexpr double kNumberColumn = 40;  // numbered paragraphs' text starts here past kLeft
// Set by "@head", "@meta-title", "@meta-author" and "@meta-date" lines before
// the title page; the defaults are the flood strategy's.
std::string running_head = "Living with Water: The National Flood and Coastal Resilience Strategy";
std::string meta_title = "Living with Water: The National Flood and Coastal Resilience Strategy for England";
std::string meta_author = "Department for Environment, Food and Rural Affairs";
std::string meta_date = "2026-03-10T09:30:00Z";

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&') out += "&amp;";
    else if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else out += c;
  }
  return out;
}

// "text^2 more" -> markup with the mark as a superscript.
std::string WithMarks(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '^' && i + 1 < s.size() && isdigit(static_cast<unsigned char>(s[i + 1]))) {
      out += "<sup>";
      while (i + 1 < s.size() && isdigit(static_cast<unsigned char>(s[i + 1]))) out += s[++i];
      out += "</sup>";
    } else {
      out += Escape(std::string(1, s[i]));
    }
  }
  return out;
}

class Typesetter {
 public:
  explicit Typesetter(const std::string& path) {
    surface_ = cairo_pdf_surface_create(path.c_str(), kWidth, kHeight);
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_TITLE, meta_title.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_AUTHOR, meta_author.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_CREATE_DATE, meta_date.c_str());
    cairo_pdf_surface_set_metadata(surface_, CAIRO_PDF_METADATA_MOD_DATE, meta_date.c_str());
    cr_ = cairo_create(surface_);
  }
  ~Typesetter() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }

  void TitlePage(const std::vector<std::string>& lines) {
    double y = 200;
    for (size_t i = 0; i < lines.size(); ++i) {
      const char* font = i == 0 ? "DejaVu Sans Bold 30" : i == 1 ? "DejaVu Sans 16" : "DejaVu Sans 10";
      if (i == 2) y += 60;
      y = Block(lines[i], font, kLeft, kRight - kLeft, y, /*paginate=*/false) + (i < 2 ? 16 : 10);
    }
    title_page_ = true;
  }

  void NewPage() {
    FinishPage();
    cairo_show_page(cr_);
    ++page_;
    y_ = kTop;
    title_page_ = false;
  }

  void Toc(const std::string& text, const std::string& page) {
    PangoLayout* l = Layout("DejaVu Sans 11", Escape(text), -1);
    cairo_move_to(cr_, kLeft, y_);
    pango_cairo_show_layout(cr_, l);
    int w = 0, h = 0;
    pango_layout_get_size(l, &w, &h);
    double text_end = kLeft + w / double(PANGO_SCALE) + 6;
    g_object_unref(l);
    PangoLayout* n = Layout("DejaVu Sans 11", page, -1);
    int nw = 0, nh = 0;
    pango_layout_get_size(n, &nw, &nh);
    double number_x = kRight - nw / double(PANGO_SCALE);
    cairo_move_to(cr_, number_x, y_);
    pango_cairo_show_layout(cr_, n);
    g_object_unref(n);
    PangoLayout* d = Layout("DejaVu Sans 11", ". ", -1);
    int dw = 0, dh = 0;
    pango_layout_get_size(d, &dw, &dh);
    g_object_unref(d);
    std::string dots;
    int count = static_cast<int>((number_x - 8 - text_end) / (dw / double(PANGO_SCALE)));
    for (int i = 0; i < count; ++i) dots += ". ";
    PangoLayout* ld = Layout("DejaVu Sans 11", dots, -1);
    cairo_move_to(cr_, text_end, y_);
    pango_cairo_show_layout(cr_, ld);
    g_object_unref(ld);
    y_ += 20;
  }

  void Heading(const std::string& text) {
    if (y_ > kBodyBottom - 60) NewPage();
    y_ += 8;
    y_ = Block(Escape(text), "DejaVu Sans Bold 14", kLeft, kRight - kLeft, y_, true) + 10;
  }

  void Numbered(const std::string& number, const std::string& text) {
    if (y_ > kBodyBottom - 28) NewPage();
    PangoLayout* l = Layout("DejaVu Serif 10.5", number, -1);
    cairo_move_to(cr_, kLeft, y_);
    pango_cairo_show_layout(cr_, l);
    g_object_unref(l);
    y_ = Block(WithMarks(text), "DejaVu Serif 10.5", kLeft + kNumberColumn, kRight - kLeft - kNumberColumn, y_,
               true) + 9;
  }

  void Bullet(const std::string& text) {
    if (y_ > kBodyBottom - 28) NewPage();
    PangoLayout* l = Layout("DejaVu Serif 10.5", "\xE2\x80\xA2", -1);
    cairo_move_to(cr_, kLeft + 10, y_);
    pango_cairo_show_layout(cr_, l);
    g_object_unref(l);
    y_ = Block(WithMarks(text), "DejaVu Serif 10.5", kLeft + 26, kRight - kLeft - 26, y_, true) + 6;
  }

  void Paragraph(const std::string& text, bool bold = false) {
    y_ = Block(WithMarks(text), bold ? "DejaVu Sans Bold 9.5" : "DejaVu Serif 10.5", kLeft, kRight - kLeft, y_,
               true) + 9;
  }

  void Table(const std::vector<std::vector<std::string>>& rows) {
    const double first = 170, other = (kRight - kLeft - first) / 4;
    for (size_t r = 0; r < rows.size(); ++r) {
      if (y_ > kBodyBottom - 16) NewPage();
      double x = kLeft;
      for (size_t c = 0; c < rows[r].size(); ++c) {
        double w = c == 0 ? first : other;
        PangoLayout* l = Layout(r == 0 ? "DejaVu Sans Bold 9" : "DejaVu Sans 9", Escape(rows[r][c]),
                                static_cast<int>((w - 8) * PANGO_SCALE));
        if (c > 0) pango_layout_set_alignment(l, PANGO_ALIGN_RIGHT);
        cairo_move_to(cr_, x, y_);
        pango_cairo_show_layout(cr_, l);
        g_object_unref(l);
        x += w;
      }
      cairo_set_line_width(cr_, 0.4);
      cairo_move_to(cr_, kLeft, y_ + 14);
      cairo_line_to(cr_, kRight, y_ + 14);
      cairo_stroke(cr_);
      y_ += 18;
    }
    y_ += 8;
  }

  void Footnote(const std::string& number, const std::string& text) { footnotes_.push_back({number, text}); }

  void Finish() {
    FinishPage();
    cairo_show_page(cr_);
    cairo_surface_finish(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
      std::cerr << "cairo: " << cairo_status_to_string(cairo_surface_status(surface_)) << "\n";
    }
  }

 private:
  PangoLayout* Layout(const char* font, const std::string& markup, int width) {
    PangoLayout* l = pango_cairo_create_layout(cr_);
    pango_cairo_context_set_resolution(pango_layout_get_context(l), 72);
    pango_layout_context_changed(l);
    PangoFontDescription* f = pango_font_description_from_string(font);
    pango_layout_set_font_description(l, f);
    pango_font_description_free(f);
    if (width > 0) pango_layout_set_width(l, width);
    pango_layout_set_wrap(l, PANGO_WRAP_WORD);
    pango_layout_set_markup(l, markup.c_str(), -1);
    return l;
  }

  // Sets `markup` line by line from y, breaking to a new page where a line
  // would pass the foot of the body; returns the y below the last line.
  double Block(const std::string& markup, const char* font, double x, double width, double y, bool paginate) {
    PangoLayout* l = Layout(font, markup, static_cast<int>(width * PANGO_SCALE));
    PangoLayoutIter* it = pango_layout_get_iter(l);
    double top_of_layout = y;
    double shift = 0;
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      double line_top = top_of_layout + logical.y / double(PANGO_SCALE) + shift;
      double line_height = logical.height / double(PANGO_SCALE);
      if (paginate && line_top + line_height > kBodyBottom) {
        NewPage();
        shift += y_ - line_top;
        line_top = y_;
      }
      int baseline = pango_layout_iter_get_baseline(it);
      cairo_move_to(cr_, x, top_of_layout + baseline / double(PANGO_SCALE) + shift);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
      y = line_top + line_height;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    g_object_unref(l);
    return y;
  }

  void FinishPage() {
    if (title_page_) return;
    // Running head and rule.
    PangoLayout* h = Layout("DejaVu Sans Oblique 8", Escape(running_head), static_cast<int>((kRight - kLeft) * PANGO_SCALE));
    pango_layout_set_alignment(h, page_ % 2 == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
    cairo_move_to(cr_, kLeft, 40);
    pango_cairo_show_layout(cr_, h);
    g_object_unref(h);
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, kLeft, 54);
    cairo_line_to(cr_, kRight, 54);
    cairo_stroke(cr_);
    // Footnotes, above the page number.
    if (!footnotes_.empty()) {
      double y = 738;
      cairo_move_to(cr_, kLeft, y - 4);
      cairo_line_to(cr_, kLeft + 120, y - 4);
      cairo_stroke(cr_);
      for (const auto& f : footnotes_) {
        PangoLayout* n = Layout("DejaVu Serif 7.5", "<sup>" + f.first + "</sup>", -1);
        cairo_move_to(cr_, kLeft, y);
        pango_cairo_show_layout(cr_, n);
        g_object_unref(n);
        y = Block(Escape(f.second), "DejaVu Serif 7.5", kLeft + 8, kRight - kLeft - 8, y, false) + 3;
      }
      footnotes_.clear();
    }
    PangoLayout* p = Layout("DejaVu Sans 9", std::to_string(page_), static_cast<int>((kRight - kLeft) * PANGO_SCALE));
    pango_layout_set_alignment(p, PANGO_ALIGN_CENTER);
    cairo_move_to(cr_, kLeft, 800);
    pango_cairo_show_layout(cr_, p);
    g_object_unref(p);
  }

  cairo_surface_t* surface_ = nullptr;
  cairo_t* cr_ = nullptr;
  int page_ = 1;
  double y_ = kTop;
  bool title_page_ = false;
  std::vector<std::pair<std::string, std::string>> footnotes_;
};

bool IsNumbered(const std::string& line, std::string* number, std::string* rest) {
  size_t i = 0;
  while (i < line.size() && (isdigit(static_cast<unsigned char>(line[i])) || line[i] == '.')) ++i;
  if (i == 0 || i >= line.size() || line[i] != ' ' || line.find('.') > i) return false;
  *number = line.substr(0, i);
  *rest = line.substr(i + 1);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: typeset_strategy SOURCE.txt OUT.pdf\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    auto directive = [&](const char* name, std::string* value) {
      if (line.rfind(name, 0) != 0) return false;
      *value = line.substr(std::string(name).size());
      return true;
    };
    if (directive("@head ", &running_head) || directive("@meta-title ", &meta_title) ||
        directive("@meta-author ", &meta_author) || directive("@meta-date ", &meta_date)) {
      continue;
    }
    lines.push_back(line);
  }
  Typesetter t(argv[2]);
  std::vector<std::vector<std::string>> table;
  auto flush_table = [&] {
    if (!table.empty()) t.Table(table);
    table.clear();
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty() || line[0] != '|') flush_table();
    std::string number, rest;
    if (line.empty()) continue;
    if (line == "@titlepage") {
      std::vector<std::string> title;
      while (i + 1 < lines.size() && !lines[i + 1].empty()) title.push_back(lines[++i]);
      t.TitlePage(title);
    } else if (line == "@page") {
      t.NewPage();
    } else if (line.rfind("@toc ", 0) == 0) {
      size_t bar = line.find('|');
      t.Toc(line.substr(5, bar - 5), line.substr(bar + 1));
    } else if (line.rfind("## ", 0) == 0) {
      t.Heading(line.substr(3));
    } else if (line.rfind("- ", 0) == 0) {
      t.Bullet(line.substr(2));
    } else if (line[0] == '!') {
      t.Paragraph(line.substr(1), /*bold=*/true);
    } else if (line[0] == '|') {
      std::vector<std::string> cells;
      std::stringstream ss(line.substr(1));
      for (std::string cell; std::getline(ss, cell, '|');) cells.push_back(cell);
      table.push_back(cells);
    } else if (line[0] == '^') {
      size_t space = line.find(' ');
      t.Footnote(line.substr(1, space - 1), line.substr(space + 1));
    } else if (IsNumbered(line, &number, &rest)) {
      t.Numbered(number, rest);
    } else {
      t.Paragraph(line);
    }
  }
  flush_table();
  t.Finish();
  return 0;
}
