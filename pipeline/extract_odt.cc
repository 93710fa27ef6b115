// ODT (OpenDocument text): see extract.h for the contract.
//
// An .odt is a zip of XML parts, read through zip_xml.h (libzip from memory,
// zip bombs refused; libxml2 with no network and no entity expansion). It is
// what LibreOffice writes by default and what UK public bodies publish beside
// PDF under the Government's open standards:
//   - content.xml: the body (office:text) with its paragraphs (text:p),
//     headings (text:h and their outline level), lists, tables, notes and
//     tracked changes, and the automatic styles the body uses;
//   - styles.xml:  the named paragraph styles (which are headings: an outline
//     level, or "Title"), which set bold, and the named list styles;
//   - meta.xml:    title and creation date.
// An ODT stores no list numbers: they are counted here as LibreOffice counts
// them (a list continues another when it says so, a level restarts under a
// new item of the level above, an item may set its own start value) and
// printed with the list style's format, prefix and suffix ("12", "(a)",
// "2.3"). Passages have no pages, as in a DOCX: the soft page breaks
// LibreOffice records are those of whatever layout it had done when it saved
// (a file converted without a window holds 4 breaks for 9 printed pages), so
// they would cite wrong pages. Tables, headings the author did not mark, and
// notes are handled as for DOCX (office_blocks.h). The tree walk is
// iterative, so deep nesting cannot exhaust the stack.
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline/extract.h"
#include "pipeline/normalise.h"
#include "pipeline/office_blocks.h"
#include "pipeline/roman.h"
#include "pipeline/xml_walk.h"
#include "pipeline/zip_xml.h"

namespace xref {
namespace {

constexpr std::string_view kTextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view kTableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr std::string_view kOfficeNs = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view kStyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr std::string_view kDrawNs = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";

std::string_view NamespaceOf(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->ns == nullptr || node->ns->href == nullptr) {
    return {};
  }
  return reinterpret_cast<const char*>(node->ns->href);
}

bool IsIn(const xmlNode* node, std::string_view ns, std::string_view name) {
  return NamespaceOf(node) == ns && LocalName(node) == name;
}

constexpr int kLevels = 10;  // ODF lists have levels 1..10

// ---------------------------------------------------------------------------
// Styles

struct ParagraphStyle {
  std::string parent;
  std::string display_name;           // "Title", "Heading 1"
  std::optional<int> outline_level;   // style:default-outline-level
  std::optional<bool> bold;           // fo:font-weight, where the style sets it
  bool hidden = false;                // text:display="none"
  std::string list_style;             // style:list-style-name
};

struct ListLevelStyle {
  bool bullet = false;
  std::string format;   // style:num-format: "1", "a", "A", "i", "I", or "" (no number)
  std::string prefix;   // style:num-prefix, "("
  std::string suffix;   // style:num-suffix, "." or ")"
  int display_levels = 1;
  int start = 1;
  bool letter_sync = false;  // style:num-letter-sync
};

using ListStyle = std::array<ListLevelStyle, kLevels>;

// Letters past z as ODF counts them by default (style:num-letter-sync
// false), as a spreadsheet names its columns: z, aa, ab, ..., az, ba.
std::string ColumnLetters(int n) {
  if (n <= 0) return std::to_string(n);
  std::string out;
  for (long v = n; v > 0; v = (v - 1) / 26) out.insert(out.begin(), static_cast<char>('a' + (v - 1) % 26));
  return out;
}

// `sync`: style:num-letter-sync, the letter repeated past z (aa, bb) as Word
// does.
std::string FormatNumber(int n, const std::string& format, bool sync) {
  if (format == "a") return sync ? LetterNumeral(n) : ColumnLetters(n);
  if (format == "A") {
    std::string s = sync ? LetterNumeral(n) : ColumnLetters(n);
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }
  if (format == "i") return RomanNumeral(n, false);
  if (format == "I") return RomanNumeral(n, true);
  if (format.empty()) return "";
  return std::to_string(n);
}

class StyleSheet {
 public:
  // The styles of one part: office:styles and office:automatic-styles
  // (styles.xml has both; content.xml has automatic styles).
  void Load(xmlDoc* doc) {
    xmlNode* root = xmlDocGetRootElement(doc);
    if (root == nullptr) return;
    for (xmlNode* group = root->children; group != nullptr; group = group->next) {
      if (NamespaceOf(group) != kOfficeNs) continue;
      const std::string_view name = LocalName(group);
      if (name != "styles" && name != "automatic-styles") continue;
      for (xmlNode* s = group->children; s != nullptr; s = s->next) {
        if (IsIn(s, kStyleNs, "style")) {
          LoadStyle(s);
        } else if (IsIn(s, kTextNs, "list-style")) {
          lists_[AttrOf(s, "name").value_or("")] = LoadListStyle(s);
        } else if (IsIn(s, kTextNs, "outline-style")) {
          outline_ = LoadListStyle(s);
        }
      }
    }
  }

  // The heading level (1 = top) a paragraph style gives, or 0.
  int HeadingLevel(const std::string& name) const {
    // LibreOffice's built-in Title style, used by writers that do not define
    // it (pandoc), is a heading as the defined one is.
    if (name == "Title" && Find(name) == nullptr) return 1;
    int hops = 0;
    for (const ParagraphStyle* s = Find(name); s != nullptr && hops < 16; s = Find(s->parent), ++hops) {
      if (s->outline_level) return *s->outline_level >= 1 && *s->outline_level <= kLevels ? *s->outline_level : 0;
      if (s->display_name == "Title") return 1;
    }
    return 0;
  }

  // Whether text in the style (paragraph or text family) is set in bold.
  bool Bold(const std::string& name, bool inherited) const {
    int hops = 0;
    for (const ParagraphStyle* s = Find(name); s != nullptr && hops < 16; s = Find(s->parent), ++hops) {
      if (s->bold) return *s->bold;
    }
    return inherited;
  }

  bool Hidden(const std::string& name) const {
    int hops = 0;
    for (const ParagraphStyle* s = Find(name); s != nullptr && hops < 16; s = Find(s->parent), ++hops) {
      if (s->hidden) return true;
    }
    return false;
  }

  // The list style a paragraph style gives a list that names none.
  std::string ListStyleOf(const std::string& name) const {
    int hops = 0;
    for (const ParagraphStyle* s = Find(name); s != nullptr && hops < 16; s = Find(s->parent), ++hops) {
      if (!s->list_style.empty()) return s->list_style;
    }
    return "";
  }

  const ListStyle* List(const std::string& name) const {
    auto it = lists_.find(name);
    return it == lists_.end() ? nullptr : &it->second;
  }

  // How headings outside lists are numbered (text:outline-style), if at all.
  const ListStyle* Outline() const { return outline_ ? &*outline_ : nullptr; }

 private:
  const ParagraphStyle* Find(const std::string& name) const {
    if (name.empty()) return nullptr;
    auto it = styles_.find(name);
    return it == styles_.end() ? nullptr : &it->second;
  }

  void LoadStyle(const xmlNode* n) {
    std::optional<std::string> name = AttrOf(n, "name");
    if (!name) return;
    ParagraphStyle style;
    style.parent = AttrOf(n, "parent-style-name").value_or("");
    style.display_name = AttrOf(n, "display-name").value_or(*name);
    style.list_style = AttrOf(n, "list-style-name").value_or("");
    if (std::optional<std::string> level = AttrOf(n, "default-outline-level")) {
      style.outline_level = ToInt(*level, 0);
    }
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (!IsIn(c, kStyleNs, "text-properties")) continue;
      if (std::optional<std::string> weight = AttrOf(c, "font-weight")) {
        style.bold = *weight == "bold" || (std::isdigit(static_cast<unsigned char>((*weight)[0])) &&
                                           ToInt(*weight, 400) >= 600);
      }
      style.hidden = AttrOf(c, "display").value_or("") == "none";
    }
    styles_[*name] = std::move(style);
  }

  // A text:list-style or the text:outline-style: its levels' numbering.
  static ListStyle LoadListStyle(const xmlNode* n) {
    ListStyle list;
    for (const xmlNode* l = n->children; l != nullptr; l = l->next) {
      if (NamespaceOf(l) != kTextNs) continue;
      const std::string_view kind = LocalName(l);
      const int level = ToInt(AttrOf(l, "level").value_or("1"), 1);
      if (level < 1 || level > kLevels) continue;
      ListLevelStyle& def = list[static_cast<size_t>(level - 1)];
      if (kind == "list-level-style-bullet" || kind == "list-level-style-image") {
        def.bullet = true;
      } else if (kind == "list-level-style-number" || kind == "outline-level-style") {
        def.format = AttrOf(l, "num-format").value_or("");
        def.prefix = AttrOf(l, "num-prefix").value_or("");
        def.suffix = AttrOf(l, "num-suffix").value_or("");
        def.display_levels = std::max(1, ToInt(AttrOf(l, "display-levels").value_or("1"), 1));
        def.start = ToInt(AttrOf(l, "start-value").value_or("1"), 1);
        def.letter_sync = AttrOf(l, "num-letter-sync").value_or("") == "true";
      }
    }
    return list;
  }

  std::unordered_map<std::string, ParagraphStyle> styles_;
  std::unordered_map<std::string, ListStyle> lists_;
  std::optional<ListStyle> outline_;
};

// ---------------------------------------------------------------------------
// Lists

// The counters of one list and of the lists that continue it.
struct ListCounters {
  std::array<int, kLevels> value{};
  std::array<bool, kLevels> started{};
};

// What a list gives its item's first paragraph.
struct ListMark {
  bool bullet = false;
  std::string label;  // the printed number without a final full stop
};

// One open text:list.
struct OpenList {
  size_t counters = 0;  // index into the reader's counters
  int level = 1;        // 1 for a list at the top
  std::string style;    // the list style that applies
};

// One open text:list-item.
struct OpenItem {
  std::optional<int> start;  // text:start-value
  bool numbered = false;     // its first paragraph has taken the number
  bool header = false;       // a text:list-header: no number
};

// ---------------------------------------------------------------------------
// Body

struct OpenParagraph {
  std::string text;
  std::string style;
  int heading = 0;         // outline level of a text:h, or 0
  std::string label;       // a heading's own stored number (text:number)
  std::optional<ListMark> mark;
  int list_level = 0;
  size_t visible = 0;
  size_t bold = 0;
  size_t cell_depth = 0;   // open table cells when the paragraph began
  std::vector<std::string> notes;
  bool hidden_before = false;  // whether text was hidden where the paragraph began
};

class BodyReader {
 public:
  BodyReader(const StyleSheet* styles, std::map<std::string, std::string>* note_texts)
      : styles_(styles), note_texts_(note_texts) {}

  void Read(xmlNode* body) {
    WalkXmlTree(
        body, [&](xmlNode* n) { return Enter(n); }, [&](xmlNode* n) { Leave(n); });
  }

  std::vector<Block>& blocks() { return blocks_; }
  bool has_styled_headings() const { return has_styled_headings_; }

 private:
  bool Enter(xmlNode* n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr && !hidden_) Append(reinterpret_cast<const char*>(n->content), true);
      return false;
    }
    if (n->type != XML_ELEMENT_NODE) return false;
    const std::string_view ns = NamespaceOf(n);
    const std::string_view name = LocalName(n);
    if (ns == kTextNs) return EnterText(n, name);
    if (ns == kTableNs) return EnterTable(n, name);
    // Frames, text boxes and shapes hold paragraphs; an embedded object or a
    // picture holds none (its title and description are svg:, not read).
    if (ns == kDrawNs) return name != "object" && name != "object-ole" && name != "image";
    if (ns == kOfficeNs) return name == "text";  // the body itself
    // office:annotation (comments), office:forms, svg:title and svg:desc of
    // pictures, and everything else not the document's text.
    return false;
  }

  bool EnterText(xmlNode* n, std::string_view name) {
    if (name == "p" || name == "h") {
      OpenParagraph p;
      p.style = AttrOf(n, "style-name").value_or("");
      p.hidden_before = hidden_;
      hidden_ = hidden_ || styles_->Hidden(p.style);
      p.cell_depth = tables_.open_cells();
      if (name == "h") p.heading = std::max(1, std::min(kLevels, ToInt(AttrOf(n, "outline-level").value_or("1"), 1)));
      if (!lists_.empty() && !items_.empty()) {
        OpenItem& item = items_.back();
        p.list_level = lists_.back().level;
        if (!item.numbered && !item.header && AttrOf(n, "is-list-header").value_or("") != "true") {
          const OpenList& list = lists_.back();
          const ListStyle* style = styles_->List(list.style);
          if (style == nullptr) style = styles_->List(styles_->ListStyleOf(p.style));
          p.mark = NextMark(style, &counters_[list.counters], list.level, item.start);
        }
        item.numbered = true;
      } else if (p.heading > 0 && AttrOf(n, "is-list-header").value_or("") != "true") {
        // A heading outside any list takes the outline numbering, if the
        // document has one that prints numbers ("2", "2.1").
        std::optional<int> start;
        if (AttrOf(n, "restart-numbering").value_or("") == "true") {
          start = ToInt(AttrOf(n, "start-value").value_or("1"), 1);
        }
        if (const ListStyle* outline = styles_->Outline()) {
          std::optional<ListMark> mark = NextMark(outline, &outline_counters_, p.heading, start);
          if (mark && !mark->bullet) p.label = mark->label;
        }
      }
      paragraphs_.push_back(std::move(p));
      return true;
    }
    if (name == "number") {
      // A heading's number as LibreOffice printed it ("2.1"): its label.
      if (!paragraphs_.empty()) {
        std::string label = NormaliseText(TextContent(n));
        if (!label.empty() && label.back() == '.') label.pop_back();
        paragraphs_.back().label = label;
      }
      return false;
    }
    if (name == "span") {
      bold_.push_back(styles_->Bold(AttrOf(n, "style-name").value_or(""), CurrentBold()));
      hidden_stack_.push_back(hidden_);
      hidden_ = hidden_ || styles_->Hidden(AttrOf(n, "style-name").value_or(""));
      return true;
    }
    if (name == "s") {
      Append(" ", false);
      return false;
    }
    if (name == "tab" || name == "line-break") {
      Append(" ", false);
      return false;
    }
    if (name == "list") {
      OpenList list;
      list.level = lists_.empty() ? 1 : std::min(kLevels, lists_.back().level + 1);
      std::string style = AttrOf(n, "style-name").value_or("");
      list.style = !style.empty() || lists_.empty() ? style : lists_.back().style;
      if (lists_.empty()) {
        list.counters = TopListCounters(n, list.style);
      } else {
        list.counters = lists_.back().counters;
      }
      lists_.push_back(list);
      return true;
    }
    if (name == "list-item" || name == "list-header") {
      OpenItem item;
      item.header = name == "list-header";
      if (std::optional<std::string> start = AttrOf(n, "start-value")) item.start = ToInt(*start, 1);
      items_.push_back(item);
      return true;
    }
    if (name == "note") {
      if (!hidden_) ReadNote(n);
      return false;
    }
    // Not the document's text: tracked changes (deleted text is kept there),
    // the indexes LibreOffice generates from the headings (a table of
    // contents repeats them), declarations, hidden fields, ruby annotations.
    // Everything else holds text as it is printed: links, sections, fields
    // (a reference's "Table 1", a variable's value, the author's name),
    // bookmarks and marks.
    static constexpr std::string_view kNotText[] = {
        "alphabetical-index", "bibliography", "dde-connection-decls", "hidden-paragraph", "hidden-text",
        "illustration-index", "index-title", "object-index", "ruby-text", "sequence-decls", "table-index",
        "table-of-content", "tracked-changes", "user-field-decls", "user-index", "variable-decls"};
    for (std::string_view skip : kNotText) {
      if (name == skip) return false;
    }
    return true;
  }

  bool EnterTable(xmlNode* n, std::string_view name) {
    if (name == "table") {
      if (!tables_.in_data_table() && IsDataTable(n)) tables_.EnterDataTable(n);
      return true;
    }
    if (name == "table-header-rows" || name == "table-rows" || name == "table-row-group") return true;
    if (name == "table-row") {
      tables_.EnterRow(n);
      return true;
    }
    if (name == "table-cell") {
      tables_.EnterCell(IsLayoutCell(n));
      return true;
    }
    // table:covered-table-cell (the rest of a merged cell), columns, shapes.
    return false;
  }

  void Leave(xmlNode* n) {
    const std::string_view ns = NamespaceOf(n);
    const std::string_view name = LocalName(n);
    if (ns == kTextNs) {
      if ((name == "p" || name == "h") && !paragraphs_.empty()) {
        OpenParagraph p = std::move(paragraphs_.back());
        paragraphs_.pop_back();
        hidden_ = p.hidden_before;
        FinishParagraph(std::move(p));
      } else if (name == "span") {
        if (!bold_.empty()) bold_.pop_back();
        if (!hidden_stack_.empty()) {
          hidden_ = hidden_stack_.back();
          hidden_stack_.pop_back();
        }
      } else if (name == "list") {
        if (!lists_.empty()) lists_.pop_back();
      } else if (name == "list-item" || name == "list-header") {
        if (!items_.empty()) items_.pop_back();
      }
      return;
    }
    if (ns != kTableNs) return;
    if (name == "table-cell") {
      tables_.LeaveCell(&blocks_);
    } else {
      tables_.Leave(n, &blocks_);
    }
  }

  bool CurrentBold() const {
    if (!bold_.empty()) return bold_.back();
    return !paragraphs_.empty() && styles_->Bold(paragraphs_.back().style, false);
  }

  void Append(std::string_view text, bool counts) {
    if (paragraphs_.empty()) return;
    OpenParagraph& p = paragraphs_.back();
    // Line ends inside the XML are spaces in ODF, as runs of spaces are one.
    for (char c : text) p.text += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
    if (!counts) return;
    const bool bold = CurrentBold();
    for (char c : text) {
      if (std::isspace(static_cast<unsigned char>(c))) continue;
      ++p.visible;
      if (bold) ++p.bold;
    }
  }

  // The counters a list at the top uses: a list of its own, or those of the
  // list it continues (text:continue-list names it; text:continue-numbering
  // continues the list before it if that has the same style).
  size_t TopListCounters(const xmlNode* n, const std::string& style) {
    size_t index = counters_.size();
    if (std::optional<std::string> id = AttrOf(n, "continue-list")) {
      auto it = list_ids_.find(*id);
      if (it != list_ids_.end()) index = it->second;
    } else if (AttrOf(n, "continue-numbering").value_or("") == "true" && last_top_list_ &&
               last_top_list_->first == style) {
      // LibreOffice continues the last list read, and only when it has the
      // same style (another list between them restarts the count).
      index = last_top_list_->second;
    }
    if (index == counters_.size()) {
      counters_.emplace_back();
    }
    if (std::optional<std::string> id = AttrOf(n, "id")) list_ids_[*id] = index;
    last_top_list_ = std::make_pair(style, index);
    return index;
  }

  // Advances `counters` at `level` (1 = top) of a list in `style` and
  // returns the paragraph's mark; an item without a known style is a bullet.
  static std::optional<ListMark> NextMark(const ListStyle* style, ListCounters* counters_of, int level_of,
                                          std::optional<int> start) {
    ListCounters& counters = *counters_of;
    const size_t level = static_cast<size_t>(std::max(1, std::min(kLevels, level_of)) - 1);
    const ListLevelStyle fallback;
    const ListLevelStyle& def = style != nullptr ? (*style)[level] : fallback;
    if (start) {
      counters.value[level] = *start;
    } else if (counters.started[level]) {
      ++counters.value[level];
    } else {
      counters.value[level] = def.start;
    }
    counters.started[level] = true;
    for (size_t deeper = level + 1; deeper < kLevels; ++deeper) counters.started[deeper] = false;

    ListMark mark;
    if (style == nullptr || def.bullet) {
      mark.bullet = true;
      return mark;
    }
    if (def.format.empty()) return mark;  // a numbered style that prints no number
    std::string number;
    const size_t shown = std::min(level + 1, static_cast<size_t>(def.display_levels));
    for (size_t i = level + 1 - shown; i <= level; ++i) {
      const ListLevelStyle& other = (*style)[i];
      const int value = counters.started[i] ? counters.value[i] : other.start;
      if (!number.empty()) number += '.';
      number += FormatNumber(value, other.format.empty() ? "1" : other.format, other.letter_sync);
    }
    std::string label = NormaliseText(def.prefix + number + def.suffix);
    if (!label.empty() && label.back() == '.') label.pop_back();
    mark.label = label;
    return mark;
  }

  // A footnote's or endnote's body, read as text of its own and kept by key;
  // the paragraph that cites it records the key.
  void ReadNote(xmlNode* n) {
    const std::string prefix = AttrOf(n, "note-class").value_or("footnote") == "endnote" ? "e" : "f";
    const std::string key = prefix + AttrOf(n, "id").value_or(std::to_string(note_texts_->size()));
    for (xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (!IsIn(c, kTextNs, "note-body")) continue;
      std::map<std::string, std::string> nested;  // a note inside a note is dropped
      BodyReader reader(styles_, &nested);
      reader.Read(c);
      std::string text;
      for (const Block& b : reader.blocks()) {
        if (!text.empty()) text += ' ';
        text += b.text;
      }
      (*note_texts_)[key] = std::move(text);
    }
    if (!paragraphs_.empty()) paragraphs_.back().notes.push_back(key);
  }

  // A table cell used for layout rather than data, by the DOCX extractor's
  // rule: it holds a nested table, a heading, or text
  // TableReader::LayoutCellText says is more than a data cell's.

  bool IsLayoutCell(const xmlNode* cell) const {
    size_t text = 0;
    int paragraphs = 0;
    bool layout = false;
    WalkXmlTree(
        const_cast<xmlNode*>(cell),
        [&](xmlNode* n) {
          if (layout || n->type != XML_ELEMENT_NODE) return false;
          if (n == cell) return true;
          if (IsIn(n, kTableNs, "table") || IsIn(n, kTextNs, "h")) {
            layout = true;
            return false;
          }
          if (IsIn(n, kTextNs, "p")) {
            const size_t before = text;
            WalkXmlTree(
                n,
                [&](xmlNode* m) {
                  if (m->type == XML_TEXT_NODE && m->content != nullptr) {
                    for (const xmlChar* c = m->content; *c != 0; ++c) text += std::isspace(*c) ? 0 : 1;
                    return false;
                  }
                  if (IsIn(m, kTableNs, "table")) layout = true;  // in a text box
                  return m->type == XML_ELEMENT_NODE && !IsIn(m, kTextNs, "note") &&
                         !IsIn(m, kTextNs, "tracked-changes") && NamespaceOf(m) != kOfficeNs;
                },
                [](xmlNode*) {});
            if (text > before) ++paragraphs;
            if (TableReader::LayoutCellText(text, paragraphs)) layout = true;
            return false;
          }
          return NamespaceOf(n) == kTextNs;  // lists and sections inside the cell
        },
        [](xmlNode*) {});
    return layout;
  }

  // A data table: none of its cells is a layout cell. Each row becomes one
  // passage, so that a figure is read with its row's label.
  bool IsDataTable(const xmlNode* table) const {
    bool data = true;
    WalkXmlTree(
        const_cast<xmlNode*>(table),
        [&](xmlNode* n) {
          if (!data || n->type != XML_ELEMENT_NODE) return false;
          if (n == table) return true;
          if (IsIn(n, kTableNs, "table-cell")) {
            if (IsLayoutCell(n)) data = false;
            return false;
          }
          if (IsIn(n, kTableNs, "table")) return false;
          return NamespaceOf(n) == kTableNs;
        },
        [](xmlNode*) {});
    return data;
  }

  void FinishParagraph(OpenParagraph p) {
    if (tables_.AddParagraph(p.cell_depth, p.mark ? p.mark->label : "", p.text, p.notes)) return;
    Block b;
    b.text = std::move(p.text);
    b.notes = std::move(p.notes);
    b.all_bold = p.visible > 0 && p.bold == p.visible;
    const int heading = p.heading > 0 ? p.heading : styles_->HeadingLevel(p.style);
    if (heading > 0) {
      b.type = BlockType::kStyledHeading;
      b.level = heading;
      b.label = !p.label.empty() ? p.label : (p.mark && !p.mark->bullet ? p.mark->label : "");
      has_styled_headings_ = has_styled_headings_ || !NormaliseText(b.text).empty();
    } else if (p.mark && p.mark->bullet) {
      b.type = BlockType::kListItem;
      b.level = p.list_level;
    } else if (p.mark) {
      b.label = p.mark->label;
    }
    blocks_.push_back(std::move(b));
  }

  const StyleSheet* styles_;
  std::map<std::string, std::string>* note_texts_;
  std::vector<OpenParagraph> paragraphs_;
  std::vector<bool> bold_;           // per open span: its text is bold
  std::vector<bool> hidden_stack_;
  bool hidden_ = false;
  std::vector<OpenList> lists_;
  std::vector<OpenItem> items_;
  std::vector<ListCounters> counters_;
  ListCounters outline_counters_;  // the headings' outline numbering
  std::unordered_map<std::string, size_t> list_ids_;            // xml:id -> counters
  std::optional<std::pair<std::string, size_t>> last_top_list_;  // the last list at the top: style, counters
  TableReader tables_;
  std::vector<Block> blocks_;
  bool has_styled_headings_ = false;
};

// dc:title and meta:creation-date from meta.xml.
void ReadMeta(xmlDoc* meta, std::string* title, std::string* date) {
  xmlNode* root = xmlDocGetRootElement(meta);
  if (root == nullptr) return;
  WalkXmlTree(
      root,
      [&](xmlNode* n) {
        if (n->type != XML_ELEMENT_NODE) return false;
        const std::string_view name = LocalName(n);
        if (name == "title" && title->empty()) *title = NormaliseText(TextContent(n));
        if (name == "creation-date" && date->empty()) *date = IsoDatePrefix(TextContent(n));
        return name == "document-meta" || name == "meta";
      },
      [](xmlNode*) {});
}

}  // namespace

Result<Document> ExtractOdt(const std::string& path, std::string_view bytes) {
  Result<ZipReader> zip = ZipReader::Open(path, bytes, "ODT");
  if (!zip.ok()) return zip.status();
  if (!zip->Has("content.xml")) return Status::Corrupt(path, "not an ODT: the zip holds no content.xml");
  Result<std::string> content_xml = zip->Read("content.xml");
  if (!content_xml.ok()) return content_xml.status();
  Result<XmlDocPtr> content = ParseXmlPart(path, "ODT", "content.xml", *content_xml);
  if (!content.ok()) return content.status();

  Document doc;
  doc.path = path;
  doc.format = Format::kOdt;
  // Named styles and the file's properties are optional parts: a file without
  // them is read without headings by style or a title.
  StyleSheet styles;
  for (const char* part : {"styles.xml", "meta.xml"}) {
    if (!zip->Has(part)) continue;
    Result<std::string> data = zip->Read(part);
    if (!data.ok()) return data.status();
    Result<XmlDocPtr> tree = ParseXmlPart(path, "ODT", part, *data);
    if (!tree.ok()) return tree.status();
    if (std::string_view(part) == "styles.xml") {
      styles.Load(tree->get());
    } else {
      ReadMeta(tree->get(), &doc.title, &doc.date);
    }
  }
  styles.Load(content->get());  // the body's automatic styles

  xmlNode* root = xmlDocGetRootElement(content->get());
  xmlNode* text = nullptr;
  for (xmlNode* c = root == nullptr ? nullptr : root->children; c != nullptr && text == nullptr; c = c->next) {
    if (!IsIn(c, kOfficeNs, "body")) continue;
    for (xmlNode* d = c->children; d != nullptr; d = d->next) {
      if (IsIn(d, kOfficeNs, "text")) text = d;
    }
  }
  if (text == nullptr) return Status::Corrupt(path, "not an ODT: content.xml has no office:text body");

  std::map<std::string, std::string> note_texts;
  BodyReader reader(&styles, &note_texts);
  reader.Read(text);
  AddBlocks(std::move(reader.blocks()), !reader.has_styled_headings(), note_texts, &doc);
  return doc;
}

}  // namespace xref
