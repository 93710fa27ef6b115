// DOCX: see extract.h for the contract.
//
// A .docx is a zip of XML parts, read through zip_xml.h (libzip from memory,
// zip bombs refused; libxml2 with no network and no entity expansion):
//   - word/document.xml: paragraphs, runs, tables, tracked changes;
//   - word/styles.xml:   which paragraph styles are headings ("heading N",
//                        "Title", or an outline level) and which are bold;
//   - word/numbering.xml: the list definitions, so that an auto-numbered
//                        paragraph gets the number Word prints ("12", "(a)",
//                        "2.3") as its label and a bulleted one becomes a
//                        list item;
//   - docProps/core.xml: title and creation date.
// Documents typed without heading styles still get headings: whole-bold short
// paragraphs, and (when no style marks any heading) short title-like lines.
// The tree walk is iterative, so deep nesting cannot exhaust the stack.
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <climits>
#include <cstdlib>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "pipeline/extract.h"
#include "pipeline/roman.h"
#include "pipeline/xml_walk.h"
#include "pipeline/zip_xml.h"
#include "pipeline/heading_guess.h"
#include "pipeline/normalise.h"
#include "pipeline/office_blocks.h"
#include "pipeline/passage_builder.h"

namespace xref {
namespace {

constexpr std::string_view kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordStrictNs = "http://purl.oclc.org/ooxml/wordprocessingml/main";

bool IsWord(const xmlNode* node) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE || node->ns == nullptr || node->ns->href == nullptr) {
    return false;
  }
  std::string_view ns = reinterpret_cast<const char*>(node->ns->href);
  return ns == kWordNs || ns == kWordStrictNs;
}

// A w: element named `name`.
bool Is(const xmlNode* node, std::string_view name) { return IsWord(node) && LocalName(node) == name; }

std::string Val(const xmlNode* node) { return AttrOf(node, "val").value_or(""); }

// An on/off property (<w:b/>, <w:b w:val="0"/>).
bool OnOff(const xmlNode* node) {
  std::string v = Val(node);
  return !(v == "0" || v == "false" || v == "off" || v == "none");
}

const xmlNode* Child(const xmlNode* node, std::string_view name) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (Is(c, name)) return c;
  }
  return nullptr;
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// ---------------------------------------------------------------------------
// Styles

struct ParagraphStyle {
  std::string name;        // lower case, "heading 1"
  std::string based_on;
  std::optional<int> outline_level;  // 0-based, as w:outlineLvl
  std::optional<bool> bold;
  std::string num_id;      // numbering the style applies
  std::optional<int> num_level;
};

class StyleSheet {
 public:
  void Load(xmlDoc* doc) {
    xmlNode* root = xmlDocGetRootElement(doc);
    if (root == nullptr) return;
    for (xmlNode* s = root->children; s != nullptr; s = s->next) {
      if (!Is(s, "style")) continue;
      std::string type = AttrOf(s, "type").value_or("paragraph");
      std::string id = AttrOf(s, "styleId").value_or("");
      // Character styles matter for their bold: "Strong", LibreOffice's
      // "Strong Emphasis".
      if (type == "character") {
        CharacterStyle style;
        if (const xmlNode* b = Child(s, "basedOn")) style.based_on = Val(b);
        if (const xmlNode* rpr = Child(s, "rPr")) {
          if (const xmlNode* b = Child(rpr, "b")) style.bold = OnOff(b);
        }
        character_styles_[id] = std::move(style);
        continue;
      }
      if (type != "paragraph") continue;
      ParagraphStyle style;
      if (const xmlNode* n = Child(s, "name")) style.name = Lower(Val(n));
      if (const xmlNode* b = Child(s, "basedOn")) style.based_on = Val(b);
      if (const xmlNode* ppr = Child(s, "pPr")) {
        if (const xmlNode* o = Child(ppr, "outlineLvl")) style.outline_level = ToInt(Val(o), 9);
        if (const xmlNode* num = Child(ppr, "numPr")) {
          if (const xmlNode* id_node = Child(num, "numId")) style.num_id = Val(id_node);
          if (const xmlNode* lvl = Child(num, "ilvl")) style.num_level = ToInt(Val(lvl), 0);
        }
      }
      if (const xmlNode* rpr = Child(s, "rPr")) {
        if (const xmlNode* b = Child(rpr, "b")) style.bold = OnOff(b);
      }
      std::string is_default = AttrOf(s, "default").value_or("");
      if (is_default == "1" || is_default == "true" || is_default == "on") default_style_ = id;
      styles_[id] = std::move(style);
    }
  }

  // The heading level (1 = top) a paragraph style gives, or 0.
  int HeadingLevel(const std::string& style_id) const {
    int hops = 0;
    for (const ParagraphStyle* s = Find(style_id); s != nullptr && hops < 16;
         s = Find(s->based_on), ++hops) {
      if (s->name == "title") return 1;
      if (s->name.rfind("heading ", 0) == 0) {
        int level = ToInt(s->name.substr(8), 0);
        if (level >= 1 && level <= 9) return level;
      }
      if (s->outline_level) return *s->outline_level >= 0 && *s->outline_level < 9 ? *s->outline_level + 1 : 0;
    }
    return 0;
  }

  bool Bold(const std::string& style_id) const {
    int hops = 0;
    for (const ParagraphStyle* s = Find(style_id); s != nullptr && hops < 16;
         s = Find(s->based_on), ++hops) {
      if (s->bold) return *s->bold;
    }
    return false;
  }

  // The numbering a style applies (numId, level), if any.
  std::optional<std::pair<std::string, int>> Numbering(const std::string& style_id) const {
    int hops = 0;
    for (const ParagraphStyle* s = Find(style_id); s != nullptr && hops < 16;
         s = Find(s->based_on), ++hops) {
      if (!s->num_id.empty()) return std::make_pair(s->num_id, s->num_level.value_or(0));
    }
    return std::nullopt;
  }

  const std::string& default_style() const { return default_style_; }

  // Whether a character style (w:rStyle) sets its text bold or not, if it says.
  std::optional<bool> CharacterBold(const std::string& style_id) const {
    std::string id = style_id;
    for (int hops = 0; hops < 16 && !id.empty(); ++hops) {
      auto it = character_styles_.find(id);
      if (it == character_styles_.end()) return std::nullopt;
      if (it->second.bold) return it->second.bold;
      id = it->second.based_on;
    }
    return std::nullopt;
  }

 private:
  const ParagraphStyle* Find(const std::string& id) const {
    if (id.empty()) return nullptr;
    auto it = styles_.find(id);
    return it == styles_.end() ? nullptr : &it->second;
  }

  struct CharacterStyle {
    std::string based_on;
    std::optional<bool> bold;
  };
  std::unordered_map<std::string, ParagraphStyle> styles_;
  std::unordered_map<std::string, CharacterStyle> character_styles_;
  std::string default_style_;
};

// ---------------------------------------------------------------------------
// Numbering

constexpr int kLevels = 9;

struct ListLevel {
  std::string format = "decimal";  // w:numFmt
  std::string text;                // w:lvlText, "%1." or "(%2)"
  int start = 1;
  bool legal = false;              // w:isLgl: every number in decimal
};

struct AbstractList {
  std::array<ListLevel, kLevels> levels;
};

struct ListInstance {
  std::string abstract_id;
  std::map<int, int> start_override;
};

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string FormatNumber(int n, const std::string& format) {
  if (format == "lowerLetter") return LetterNumeral(n);
  if (format == "upperLetter") return Upper(LetterNumeral(n));
  if (format == "lowerRoman") return RomanNumeral(n, false);
  if (format == "upperRoman") return RomanNumeral(n, true);
  if (format == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
  if (format == "none") return "";
  return std::to_string(n);
}

// What numbering gives one paragraph.
struct ListMark {
  bool bullet = false;
  std::string label;  // the printed number without a final full stop
};

// Counts list items the way Word does: counters per abstract list and level;
// a deeper level restarts when a shallower one advances; a list instance with
// a start override restarts the count the first time it is used.
class Numbering {
 public:
  void Load(xmlDoc* doc) {
    xmlNode* root = xmlDocGetRootElement(doc);
    if (root == nullptr) return;
    for (xmlNode* n = root->children; n != nullptr; n = n->next) {
      if (Is(n, "abstractNum")) {
        AbstractList list;
        for (xmlNode* l = n->children; l != nullptr; l = l->next) {
          if (!Is(l, "lvl")) continue;
          int ilvl = ToInt(AttrOf(l, "ilvl").value_or("0"), 0);
          if (ilvl < 0 || ilvl >= kLevels) continue;
          ListLevel& level = list.levels[static_cast<size_t>(ilvl)];
          if (const xmlNode* f = Child(l, "numFmt")) level.format = Val(f);
          if (const xmlNode* t = Child(l, "lvlText")) level.text = Val(t);
          if (const xmlNode* s = Child(l, "start")) level.start = ToInt(Val(s), 1);
          if (const xmlNode* g = Child(l, "isLgl")) level.legal = OnOff(g);
        }
        abstracts_[AttrOf(n, "abstractNumId").value_or("")] = list;
      } else if (Is(n, "num")) {
        ListInstance instance;
        if (const xmlNode* a = Child(n, "abstractNumId")) instance.abstract_id = Val(a);
        for (xmlNode* o = n->children; o != nullptr; o = o->next) {
          if (!Is(o, "lvlOverride")) continue;
          int ilvl = ToInt(AttrOf(o, "ilvl").value_or("0"), 0);
          if (const xmlNode* s = Child(o, "startOverride")) instance.start_override[ilvl] = ToInt(Val(s), 1);
        }
        instances_[AttrOf(n, "numId").value_or("")] = instance;
      }
    }
  }

  // Advances the list and returns the paragraph's mark; nullopt when the
  // numId is unknown or 0 (numbering removed).
  std::optional<ListMark> Next(const std::string& num_id, int ilvl) {
    if (num_id.empty() || num_id == "0" || ilvl < 0 || ilvl >= kLevels) return std::nullopt;
    auto inst = instances_.find(num_id);
    if (inst == instances_.end()) return std::nullopt;
    auto abs = abstracts_.find(inst->second.abstract_id);
    if (abs == abstracts_.end()) return std::nullopt;
    const AbstractList& list = abs->second;
    Counters& counters = counters_[inst->second.abstract_id];
    const size_t level = static_cast<size_t>(ilvl);

    if (used_.insert({num_id, ilvl}).second) {
      auto o = inst->second.start_override.find(ilvl);
      if (o != inst->second.start_override.end()) {
        counters.value[level] = o->second - 1;
        counters.started[level] = true;
      }
    }
    if (counters.started[level]) {
      ++counters.value[level];
    } else {
      counters.value[level] = list.levels[level].start;
      counters.started[level] = true;
    }
    for (size_t deeper = level + 1; deeper < kLevels; ++deeper) counters.started[deeper] = false;

    ListMark mark;
    const ListLevel& def = list.levels[level];
    if (def.format == "bullet") {
      mark.bullet = true;
      return mark;
    }
    std::string text;
    for (size_t i = 0; i < def.text.size(); ++i) {
      char c = def.text[i];
      if (c == '%' && i + 1 < def.text.size() && def.text[i + 1] >= '1' && def.text[i + 1] <= '9') {
        size_t which = static_cast<size_t>(def.text[i + 1] - '1');
        const ListLevel& other = list.levels[which];
        int value = counters.started[which] ? counters.value[which] : other.start;
        text += FormatNumber(value, def.legal && which < level ? "decimal" : other.format);
        ++i;
      } else {
        text += c;
      }
    }
    std::string label = NormaliseText(text);
    if (!label.empty() && label.back() == '.') label.pop_back();
    mark.label = label;
    return mark;
  }

 private:
  struct Counters {
    std::array<int, kLevels> value{};
    std::array<bool, kLevels> started{};
  };
  std::unordered_map<std::string, AbstractList> abstracts_;
  std::unordered_map<std::string, ListInstance> instances_;
  std::unordered_map<std::string, Counters> counters_;
  std::set<std::pair<std::string, int>> used_;
};

// ---------------------------------------------------------------------------
// Document body

// One paragraph while its runs are read.
struct OpenParagraph {
  std::string text;
  std::string style;
  std::string num_id;
  std::optional<int> num_level;
  std::optional<int> outline_level;
  size_t visible = 0;
  size_t bold = 0;
  size_t cell_depth = 0;  // open table cells when the paragraph began
  size_t line_start = std::string::npos;  // where the line after a manual break begins
  size_t line_visible = 0;  // visible and bold characters of that line (of all, before a break)
  size_t line_bold = 0;
  bool continued = false;  // the rest of a paragraph split at a manual break
  std::vector<std::string> notes;  // footnotes ("f" and the note's id) and endnotes ("e") it refers to
};

class BodyReader {
 public:
  BodyReader(const StyleSheet* styles, Numbering* numbering) : styles_(styles), numbering_(numbering) {}

  void Read(xmlNode* body) {
    WalkXmlTree(
        body, [&](xmlNode* n) { return Enter(n); }, [&](xmlNode* n) { Leave(n); });
  }

  std::vector<Block>& blocks() { return blocks_; }
  bool has_styled_headings() const { return has_styled_headings_; }

 private:
  bool Enter(xmlNode* n) {
    if (n->type != XML_ELEMENT_NODE) return false;
    if (!IsWord(n)) {
      // Alternate content is given twice (a rich choice and a fallback).
      return LocalName(n) != "Fallback";
    }
    std::string_view name = LocalName(n);
    if (name == "p") {
      OpenParagraph p;
      p.style = styles_->default_style();
      p.cell_depth = tables_.open_cells();
      paragraphs_.push_back(std::move(p));
      return true;
    }
    if (name == "pPr") {
      if (!paragraphs_.empty()) ReadParagraphProperties(n, &paragraphs_.back());
      return false;
    }
    // A note's mark: the note is read after the paragraph that refers to it,
    // as a printed page sets it below.
    if ((name == "footnoteReference" || name == "endnoteReference") && !paragraphs_.empty()) {
      if (std::optional<std::string> id = AttrOf(n, "id")) {
        paragraphs_.back().notes.push_back((name == "footnoteReference" ? "f" : "e") + *id);
      }
      return false;
    }
    if (name == "r") {
      run_bold_ = !paragraphs_.empty() && styles_->Bold(paragraphs_.back().style);
      run_hidden_ = false;
      return true;
    }
    if (name == "rPr") {
      if (const xmlNode* r = Child(n, "rStyle")) {
        if (std::optional<bool> bold = styles_->CharacterBold(Val(r))) run_bold_ = *bold;
      }
      if (const xmlNode* b = Child(n, "b")) run_bold_ = OnOff(b);
      if (const xmlNode* v = Child(n, "vanish")) run_hidden_ = OnOff(v);
      return false;
    }
    if (name == "t") {
      if (!run_hidden_) Append(TextContent(n), true);
      return false;
    }
    // Lines broken by hand (Shift+Enter, or a web page pasted in): a blank
    // line ends a paragraph, and so does a line in bold that reads as a
    // title ("What happens next" over its text). Not inside a table cell,
    // whose lines are the cell's, nor in a heading.
    if ((name == "br" || name == "cr") && !paragraphs_.empty() && tables_.open_cells() == 0 &&
        AttrOf(n, "type").value_or("textWrapping") == "textWrapping") {
      OpenParagraph& p = paragraphs_.back();
      const size_t line_from = p.line_start == std::string::npos ? 0 : p.line_start;
      const bool blank_line = p.line_start != std::string::npos && p.line_visible == 0;
      const bool bold_line = p.line_visible > 0 && p.line_bold == p.line_visible &&
                             heading_guess::LooksLikeBoldHeading(NormaliseText(p.text.substr(line_from)));
      if ((blank_line || bold_line) && styles_->HeadingLevel(p.style) == 0 && p.visible > 0) {
        OpenParagraph done = std::move(p);
        // The parts keep the paragraph's style and level; the rest of a
        // numbered paragraph takes no number (numId 0: none).
        auto part = [&done](std::string text, size_t visible, size_t bold, bool first) {
          OpenParagraph q;
          q.style = done.style;
          q.num_id = first ? done.num_id : "0";
          q.num_level = done.num_level;
          q.outline_level = done.outline_level;
          q.cell_depth = done.cell_depth;
          q.text = std::move(text);
          q.visible = visible;
          q.bold = bold;
          return q;
        };
        const bool first = done.line_start == std::string::npos || !done.continued;
        paragraphs_.back() = part("", 0, 0, false);
        paragraphs_.back().continued = true;
        if (bold_line && done.line_start != std::string::npos && done.visible > done.line_visible) {
          // Text before the bold line is a paragraph of its own.
          OpenParagraph before = part(done.text.substr(0, done.line_start), done.visible - done.line_visible,
                                      done.bold - done.line_bold, !done.continued);
          before.notes = std::move(done.notes);
          FinishParagraph(std::move(before));
          FinishParagraph(part(done.text.substr(done.line_start), done.line_visible, done.line_bold, false));
        } else {
          done.num_id = first ? done.num_id : "0";
          FinishParagraph(std::move(done));
        }
        return false;
      }
      Append(" ", false);
      p.line_start = p.text.size();
      p.line_visible = p.line_bold = 0;
      return false;
    }
    if (name == "tab" || name == "ptab" || name == "br" || name == "cr") {
      Append(" ", false);
      return false;
    }
    if (name == "noBreakHyphen") {
      Append("-", true);
      return false;
    }
    if (name == "tbl" && !tables_.in_data_table() && IsDataTable(n)) {
      tables_.EnterDataTable(n);
      return true;
    }
    if (name == "tr") {
      tables_.EnterRow(n);
      return true;
    }
    if (name == "tc") {
      tables_.EnterCell(IsLayoutCell(n));
      return true;
    }
    // A content control still showing its prompt ("Click or tap here to
    // enter text") holds no text of the author's; nor does a table of
    // contents Word generated from the headings (its lines, "Background 1",
    // repeat them with page numbers).
    if (name == "sdt") {
      const xmlNode* properties = Child(n, "sdtPr");
      if (properties == nullptr) return true;
      if (const xmlNode* part = Child(properties, "docPartObj")) {
        const xmlNode* gallery = Child(part, "docPartGallery");
        if (gallery != nullptr && Val(gallery) == "Table of Contents") return false;
      }
      return Child(properties, "showingPlcHdr") == nullptr;
    }
    if (name == "sdtPr") return false;
    // Deleted and moved-away text, field instructions, references to notes
    // and comments, and section settings are not the document's text.
    if (name == "del" || name == "moveFrom" || name == "delText" || name == "instrText" ||
        name == "softHyphen" || name == "footnoteReference" || name == "endnoteReference" ||
        name == "commentReference" || name == "sectPr" || name == "tblPr" || name == "trPr" ||
        name == "tcPr" || name == "tblGrid") {
      return false;
    }
    return true;
  }

  void Leave(xmlNode* n) {
    if (!IsWord(n)) return;
    std::string_view name = LocalName(n);
    if (name == "p" && !paragraphs_.empty()) {
      OpenParagraph p = std::move(paragraphs_.back());
      paragraphs_.pop_back();
      FinishParagraph(std::move(p));
    } else if (name == "tc") {
      tables_.LeaveCell(&blocks_);
    } else {
      tables_.Leave(n, &blocks_);
    }
  }

  // A table cell used for layout rather than data: it holds a nested table,
  // a heading, or text TableReader::LayoutCellText says is more than a data
  // cell's.
  bool IsLayoutCell(const xmlNode* tc) const {
    size_t text = 0;
    int paragraphs = 0;
    bool layout = false;
    WalkXmlTree(
        const_cast<xmlNode*>(tc),
        [&](xmlNode* n) {
          if (layout || n->type != XML_ELEMENT_NODE) return false;
          if (n == tc || !IsWord(n)) return true;
          std::string_view name = LocalName(n);
          if (name == "tbl") {
            layout = true;
            return false;
          }
          if (name == "p") {
            size_t before = text;
            WalkXmlTree(
                n,
                [&](xmlNode* m) {
                  if (m->type != XML_ELEMENT_NODE) return false;
                  if (IsWord(m) && LocalName(m) == "t") {
                    for (char c : TextContent(m)) text += std::isspace(static_cast<unsigned char>(c)) ? 0 : 1;
                    return false;
                  }
                  return !IsWord(m) || (LocalName(m) != "del" && LocalName(m) != "delText");
                },
                [](xmlNode*) {});
            if (text > before) ++paragraphs;
            if (const xmlNode* ppr = Child(n, "pPr")) {
              const xmlNode* style = Child(ppr, "pStyle");
              if ((style != nullptr && styles_->HeadingLevel(Val(style)) > 0) || Child(ppr, "outlineLvl") != nullptr) {
                layout = true;
              }
            }
            if (TableReader::LayoutCellText(text, paragraphs)) layout = true;
            return false;
          }
          return true;
        },
        [](xmlNode*) {});
    return layout;
  }

  // A data table: none of the cells of its rows is a layout cell. Each row
  // becomes one passage, so that a figure is read with its row's label
  // ("Housing First | £1.2m"); a table with any layout cell keeps a passage
  // per data cell and the layout cells' paragraphs.
  bool IsDataTable(const xmlNode* tbl) const {
    bool data = true;
    WalkXmlTree(
        const_cast<xmlNode*>(tbl),
        [&](xmlNode* n) {
          if (!data || n->type != XML_ELEMENT_NODE) return false;
          if (n == tbl || !IsWord(n)) return true;
          std::string_view name = LocalName(n);
          if (name == "tc") {
            if (IsLayoutCell(n)) data = false;
            return false;
          }
          return name != "tbl" && name != "tblPr" && name != "tblGrid";
        },
        [](xmlNode*) {});
    return data;
  }

  void ReadParagraphProperties(const xmlNode* ppr, OpenParagraph* p) {
    if (const xmlNode* s = Child(ppr, "pStyle")) p->style = Val(s);
    if (const xmlNode* num = Child(ppr, "numPr")) {
      if (const xmlNode* id = Child(num, "numId")) p->num_id = Val(id);
      if (const xmlNode* lvl = Child(num, "ilvl")) p->num_level = ToInt(Val(lvl), 0);
      if (p->num_id.empty()) p->num_id = "-";  // a level without an id: the style's list
    }
    if (const xmlNode* o = Child(ppr, "outlineLvl")) p->outline_level = ToInt(Val(o), 9);
  }

  void Append(const std::string& text, bool counts) {
    if (paragraphs_.empty()) return;
    OpenParagraph& p = paragraphs_.back();
    p.text += text;
    if (!counts) return;
    for (char c : text) {
      if (std::isspace(static_cast<unsigned char>(c))) continue;
      ++p.visible;
      ++p.line_visible;
      if (run_bold_) {
        ++p.bold;
        ++p.line_bold;
      }
    }
  }

  void FinishParagraph(OpenParagraph p) {
    // Numbering: the paragraph's own, else its style's.
    std::string num_id = p.num_id;
    int num_level = p.num_level.value_or(0);
    if (num_id.empty() || num_id == "-") {
      if (auto from_style = styles_->Numbering(p.style)) {
        num_id = from_style->first;
        if (!p.num_level) num_level = from_style->second;
      }
    }
    // Word prints a number even on an empty numbered paragraph, so it counts.
    std::optional<ListMark> mark = numbering_->Next(num_id, num_level);

    if (tables_.AddParagraph(p.cell_depth, mark ? mark->label : "", p.text, p.notes)) return;
    Block b;
    b.text = std::move(p.text);
    b.notes = std::move(p.notes);
    b.all_bold = p.visible > 0 && p.bold == p.visible;
    int heading = 0;
    if (p.outline_level) {
      heading = *p.outline_level >= 0 && *p.outline_level < 9 ? *p.outline_level + 1 : 0;
    } else {
      heading = styles_->HeadingLevel(p.style);
    }
    if (heading > 0) {
      b.type = BlockType::kStyledHeading;
      b.level = heading;
      if (mark && !mark->bullet) b.label = mark->label;
      has_styled_headings_ = has_styled_headings_ || !NormaliseText(b.text).empty();
    } else if (mark && mark->bullet) {
      b.type = BlockType::kListItem;
      b.level = num_level + 1;
    } else if (mark) {
      b.label = mark->label;
    }
    blocks_.push_back(std::move(b));
  }

  const StyleSheet* styles_;
  Numbering* numbering_;
  std::vector<OpenParagraph> paragraphs_;
  TableReader tables_;
  std::vector<Block> blocks_;
  bool run_bold_ = false;
  bool run_hidden_ = false;
  bool has_styled_headings_ = false;
};

// dc:title and dcterms:created from docProps/core.xml.
void ReadCoreProperties(xmlDoc* core, std::string* title, std::string* date) {
  xmlNode* root = xmlDocGetRootElement(core);
  if (root == nullptr) return;
  for (xmlNode* n = root->children; n != nullptr; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    std::string_view name = LocalName(n);
    if (name == "title") *title = NormaliseText(TextContent(n));
    if (name == "created") *date = IsoDatePrefix(TextContent(n));
  }
}

}  // namespace

Result<Document> ExtractDocx(const std::string& path, std::string_view bytes) {
  Result<ZipReader> zip = ZipReader::Open(path, bytes, "DOCX");
  if (!zip.ok()) return zip.status();
  if (!zip->Has("word/document.xml")) {
    return Status::Corrupt(path, "not a DOCX: the zip holds no word/document.xml");
  }
  Result<std::string> document_xml = zip->Read("word/document.xml");
  if (!document_xml.ok()) return document_xml.status();
  Result<XmlDocPtr> document_tree = ParseXmlPart(path, "DOCX", "word/document.xml", *document_xml);
  if (!document_tree.ok()) return document_tree.status();

  // Styles, numbering and properties are optional parts: a file without them
  // is read without headings by style, numbers or a title.
  StyleSheet styles;
  Numbering numbering;
  Document doc;
  doc.path = path;
  doc.format = Format::kDocx;
  struct OptionalPart {
    const char* name;
    std::function<void(xmlDoc*)> load;
  };
  const OptionalPart parts[] = {
      {"word/styles.xml", [&](xmlDoc* d) { styles.Load(d); }},
      {"word/numbering.xml", [&](xmlDoc* d) { numbering.Load(d); }},
      {"docProps/core.xml", [&](xmlDoc* d) { ReadCoreProperties(d, &doc.title, &doc.date); }},
  };
  for (const OptionalPart& part : parts) {
    if (!zip->Has(part.name)) continue;
    Result<std::string> data = zip->Read(part.name);
    if (!data.ok()) return data.status();
    Result<XmlDocPtr> tree = ParseXmlPart(path, "DOCX", part.name, *data);
    if (!tree.ok()) return tree.status();
    part.load(tree->get());
  }

  // Footnotes and endnotes (word/footnotes.xml, word/endnotes.xml): each
  // note's text by "f" or "e" and its id; the separators Word keeps there
  // (w:type="separator", "continuationSeparator") are no notes.
  std::map<std::string, std::string> note_texts;
  for (const auto& [part, prefix, element] : {std::tuple<const char*, const char*, const char*>{
                                                  "word/footnotes.xml", "f", "footnote"},
                                              {"word/endnotes.xml", "e", "endnote"}}) {
    if (!zip->Has(part)) continue;
    Result<std::string> data = zip->Read(part);
    if (!data.ok()) return data.status();
    Result<XmlDocPtr> tree = ParseXmlPart(path, "DOCX", part, *data);
    if (!tree.ok()) return tree.status();
    xmlNode* notes_root = xmlDocGetRootElement(tree->get());
    if (notes_root == nullptr) continue;
    for (xmlNode* note = notes_root->children; note != nullptr; note = note->next) {
      if (!Is(note, element) || AttrOf(note, "type").has_value()) continue;
      std::optional<std::string> id = AttrOf(note, "id");
      if (!id) continue;
      Numbering own_numbering = numbering;  // a note's lists do not move the body's counters
      BodyReader note_reader(&styles, &own_numbering);
      note_reader.Read(note);
      std::string text;
      for (const Block& b : note_reader.blocks()) {
        if (!text.empty()) text += ' ';
        text += b.text;
      }
      note_texts[prefix + *id] = std::move(text);
    }
  }

  xmlNode* root = xmlDocGetRootElement(document_tree->get());
  xmlNode* body = root == nullptr ? nullptr : const_cast<xmlNode*>(Child(root, "body"));
  if (body == nullptr) return Status::Corrupt(path, "corrupt DOCX: word/document.xml has no w:body");

  BodyReader reader(&styles, &numbering);
  reader.Read(body);

  AddBlocks(std::move(reader.blocks()), !reader.has_styled_headings(), note_texts, &doc);
  return doc;
}

}  // namespace xref
