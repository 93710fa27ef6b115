// See typeset_pdf.h.
#include "tests/testing/typeset_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace xref::testing {
namespace {

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

void TypesetPdf::Text(int page, double x, double y, std::string_view text, std::string_view font,
                      double degrees) {
  items_.push_back({page, x, y, std::string(text), std::string(font), degrees});
}

void TypesetPdf::Dot(int page, double x, double y, double diameter) {
  dots_.push_back({page, x, y, diameter});
}

double TypesetPdf::Lines(int page, double x, double y, const std::vector<std::string>& lines,
                         std::string_view font, double leading) {
  for (const std::string& line : lines) {
    Text(page, x, y, line, font);
    y += leading;
  }
  return y;
}

std::string TypesetPdf::Render() const {
  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendToString, &out, width_, height_);
  if (!title_.empty()) {
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title_.c_str());
  }
  cairo_t* cr = cairo_create(surface);
  int pages = 1;
  for (const Item& item : items_) pages = std::max(pages, item.page + 1);
  for (const Shape& dot : dots_) pages = std::max(pages, dot.page + 1);
  for (int page = 0; page < pages; ++page) {
    for (const Shape& dot : dots_) {
      if (dot.page != page) continue;
      cairo_new_path(cr);
      cairo_arc(cr, dot.x, dot.y, dot.diameter / 2, 0, 2 * M_PI);
      cairo_fill(cr);
    }
    for (const Item& item : items_) {
      if (item.page != page) continue;
      PangoLayout* layout = pango_cairo_create_layout(cr);
      // Font sizes in points, as the page is (Pango assumes 96 dpi).
      pango_cairo_context_set_resolution(pango_layout_get_context(layout), 72);
      pango_layout_context_changed(layout);
      PangoFontDescription* desc = pango_font_description_from_string(item.font.c_str());
      pango_layout_set_font_description(layout, desc);
      pango_font_description_free(desc);
      pango_layout_set_text(layout, item.text.data(), static_cast<int>(item.text.size()));
      cairo_save(cr);
      cairo_move_to(cr, item.x, item.y);
      if (item.degrees != 0) cairo_rotate(cr, item.degrees * M_PI / 180);
      pango_cairo_show_layout(cr, layout);
      cairo_restore(cr);
      g_object_unref(layout);
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

}  // namespace xref::testing
