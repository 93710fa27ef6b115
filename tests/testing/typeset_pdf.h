// TypesetPdf: tests make their own PDFs with cairo and pango.
//
//   xref::testing::TypesetPdf pdf;                  // A4 pages, points
//   pdf.Text(0, 72, 40, "Council report, 7 March", "DejaVu Serif 8");   // page 1
//   pdf.Text(1, 72, 90, "continues here", "DejaVu Serif 11");            // page 2
//   pdf.Text(0, 20, 700, "STAMP", "DejaVu Sans 5", /*degrees=*/-90);
//   std::string bytes = pdf.Render();               // the whole PDF file
//
// Every call draws one line exactly where it is told (top left corner of the
// line's box), so a test decides line breaks, columns and page breaks itself
// and knows what the extractor should rebuild. Lines() draws several lines
// with a fixed leading. Pages are created up to the highest page used.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace xref::testing {

class TypesetPdf {
 public:
  explicit TypesetPdf(double page_width = 595, double page_height = 842)
      : width_(page_width), height_(page_height) {}

  // One line of text; `font` is a Pango font description ("DejaVu Sans Bold 14").
  void Text(int page, double x, double y, std::string_view text,
            std::string_view font = "DejaVu Serif 11", double degrees = 0);

  // Lines one under the other, `leading` points apart; returns the y below
  // the last line.
  double Lines(int page, double x, double y, const std::vector<std::string>& lines,
               std::string_view font = "DejaVu Serif 11", double leading = 14);

  // A filled circle `diameter` points across, centred at (x, y): a list's
  // bullet as a browser draws it (a path, not a glyph).
  void Dot(int page, double x, double y, double diameter);

  // The document's Title metadata.
  void SetTitle(std::string_view title) { title_ = title; }

  // The PDF file's bytes.
  std::string Render() const;

 private:
  struct Item {
    int page;
    double x, y;
    std::string text, font;
    double degrees;
  };
  struct Shape {
    int page;
    double x, y, diameter;
  };
  double width_, height_;
  std::string title_;
  std::vector<Item> items_;
  std::vector<Shape> dots_;
};

}  // namespace xref::testing
