// Plain text and Markdown: see extract.h for the contract.
//
// The reader works in two steps. First it cuts the lines into blocks (a
// paragraph, a heading, a list item, a table cell) by blank lines and by what
// each line starts with; then it decides which single-line paragraphs are
// headings and hands every block to the PassageBuilder. Everything is linear
// in the input: only the first few bytes of a line are inspected for markers,
// and the inline Markdown pass scans each byte a bounded number of times, so a
// 50 MB file on one line costs what reading it costs.
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cctype>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/extract.h"
#include "pipeline/heading_guess.h"
#include "pipeline/line_join.h"
#include "pipeline/normalise.h"
#include "pipeline/passage_builder.h"

namespace xref {
namespace {

constexpr size_t kMaxTitleBytes = 300;
// How far the URL of a Markdown link may run before the link is not one.
constexpr size_t kMaxLinkTargetBytes = 2048;

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (IsBlank(s.front()) || s.front() == '\f' || s.front() == '\v')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (IsBlank(s.back()) || s.back() == '\f' || s.back() == '\v')) {
    s.remove_suffix(1);
  }
  return s;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Columns of leading white space (a tab counts four).
int IndentOf(std::string_view line) {
  int indent = 0;
  for (char c : line) {
    if (c == ' ') {
      ++indent;
    } else if (c == '\t') {
      indent += 4;
    } else {
      break;
    }
  }
  return indent;
}

// Splits on "\n", "\r\n" and a lone "\r".
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || text[i] == '\r') {
      lines.push_back(text.substr(start, i - start));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

// The bytes as UTF-8: a UTF-8 byte order mark dropped, UTF-16 with a byte
// order mark decoded, bytes of no UTF-8 sequence read as Windows-1252.
std::string DecodeText(std::string_view bytes) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  bool utf16le = StartsWith(bytes, "\xFF\xFE");
  bool utf16be = StartsWith(bytes, "\xFE\xFF");
  if (utf16le || utf16be) {
    std::u16string units;
    units.reserve(bytes.size() / 2);
    for (size_t i = 2; i + 1 < bytes.size(); i += 2) {
      auto lo = static_cast<unsigned char>(bytes[utf16le ? i : i + 1]);
      auto hi = static_cast<unsigned char>(bytes[utf16le ? i + 1 : i]);
      units.push_back(static_cast<char16_t>(lo | (hi << 8)));
    }
    std::string out;
    icu::UnicodeString(units.data(), static_cast<int32_t>(units.size())).toUTF8String(out);
    return out;
  }
  return Utf8OrWindows1252(bytes);
}

// ---------------------------------------------------------------------------
// Line markers

// A line of three or more '-', '*' or '_' (spaces allowed) and nothing else.
bool IsThematicBreak(std::string_view t) {
  if (t.empty()) return false;
  char mark = t.front();
  if (mark != '-' && mark != '*' && mark != '_') return false;
  int count = 0;
  for (char c : t) {
    if (c == mark) {
      ++count;
    } else if (!IsBlank(c)) {
      return false;
    }
  }
  return count >= 3;
}

// "===" or "---" under a paragraph: the level of the heading it makes, or 0.
int SetextLevel(std::string_view t) {
  if (t.size() < 2) return 0;
  char mark = t.front();
  if (mark != '=' && mark != '-') return 0;
  for (char c : t) {
    if (c != mark) return 0;
  }
  return mark == '=' ? 1 : 2;
}

// "## Text ##" -> level 2 and "Text"; 0 when the line is no ATX heading.
int AtxHeading(std::string_view t, std::string_view* text) {
  int level = 0;
  while (level < static_cast<int>(t.size()) && t[level] == '#') ++level;
  if (level == 0 || level > 6) return 0;
  if (level < static_cast<int>(t.size()) && !IsBlank(t[level])) return 0;
  std::string_view rest = Trim(t.substr(level));
  // A closing run of '#' preceded by a space is decoration.
  size_t end = rest.size();
  while (end > 0 && rest[end - 1] == '#') --end;
  if (end < rest.size() && (end == 0 || IsBlank(rest[end - 1]))) rest = Trim(rest.substr(0, end));
  *text = rest;
  return level;
}

// The bytes of a bullet marker at the start of `t` followed by a space, or 0.
size_t BulletMarker(std::string_view t, Format format) {
  static constexpr std::string_view kBullets[] = {
      "\xE2\x80\xA2",  // • bullet
      "\xE2\x97\xA6",  // ◦ white bullet
      "\xE2\x96\xAA",  // ▪ small black square
      "\xE2\x80\xA3",  // ‣ triangular bullet
      "\xE2\x97\x8F",  // ● black circle
      "\xE2\x97\x8B",  // ○ white circle
      "\xE2\x96\xA0",  // ■ black square
      "\xE2\x80\x93",  // – en dash used as a bullet
      "\xC2\xB7",      // · middle dot
  };
  size_t n = 0;
  if (!t.empty() && (t[0] == '-' || t[0] == '*' || (t[0] == '+' && format == Format::kMarkdown))) {
    n = 1;
  } else {
    for (std::string_view b : kBullets) {
      if (StartsWith(t, b)) {
        n = b.size();
        break;
      }
    }
  }
  if (n == 0 || n >= t.size() || !IsBlank(t[n])) return 0;
  return n;
}

// A Markdown link reference definition: "[label]: destination".
bool IsLinkDefinition(std::string_view t) {
  if (t.size() < 4 || t.front() != '[' || t[1] == '^') return false;
  size_t close = t.find("]:");
  if (close == std::string_view::npos || close < 2) return false;
  if (t.substr(1, close - 1).find_first_of("[]") != std::string_view::npos) return false;
  std::string_view destination = Trim(t.substr(close + 2));
  return !destination.empty() && destination.find(' ') == std::string_view::npos;
}

bool IsTableSeparator(std::string_view t) {
  if (t.find('-') == std::string_view::npos || t.find('|') == std::string_view::npos) return false;
  return std::all_of(t.begin(), t.end(),
                     [](char c) { return c == '|' || c == '-' || c == ':' || IsBlank(c); });
}

// The cells of "| a | b |" or "a | b"; "\|" escapes a pipe in Markdown.
std::vector<std::string> TableCells(std::string_view t) {
  std::vector<std::string> cells;
  std::string cell;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '\\' && i + 1 < t.size() && t[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (t[i] == '|') {
      cells.push_back(std::move(cell));
      cell.clear();
    } else {
      cell += t[i];
    }
  }
  cells.push_back(std::move(cell));
  if (!t.empty() && t.front() == '|' && !cells.empty()) cells.erase(cells.begin());
  if (!t.empty() && t.back() == '|' && !cells.empty()) cells.pop_back();
  return cells;
}

// ---------------------------------------------------------------------------
// Inline Markdown

// "[text](url)" and "![alt](src)" become their text; "<https://...>" its URL.
std::string ReplaceLinks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size()) {  // kept for the emphasis pass
      out.append(s.substr(i, 2));
      i += 2;
      continue;
    }
    bool image = c == '!' && i + 1 < s.size() && s[i + 1] == '[';
    if (c == '[' || image) {
      size_t open = image ? i + 1 : i;
      // The closing bracket, stopping at another '[' so that each byte is
      // looked at from one opening bracket only.
      size_t j = open + 1;
      while (j < s.size() && s[j] != ']' && s[j] != '[') ++j;
      if (j < s.size() && s[j] == ']' && j + 1 < s.size() && (s[j + 1] == '(' || s[j + 1] == '[')) {
        char close = s[j + 1] == '(' ? ')' : ']';
        size_t k = j + 2;
        size_t limit = std::min(s.size(), k + kMaxLinkTargetBytes);
        // Stopping at the next '[' keeps pathological input linear; balanced
        // parentheses may appear inside a URL.
        int depth = 0;
        while (k < limit && s[k] != '[' && (s[k] != close || depth > 0)) {
          if (close == ')' && s[k] == '(') ++depth;
          if (close == ')' && s[k] == ')') --depth;
          ++k;
        }
        if (k < limit && s[k] == close) {
          out.append(s.substr(open + 1, j - open - 1));
          i = k + 1;
          continue;
        }
      }
      out += c;
      ++i;
      continue;
    }
    if (c == '<' && (StartsWith(s.substr(i + 1), "http://") || StartsWith(s.substr(i + 1), "https://") ||
                     StartsWith(s.substr(i + 1), "mailto:"))) {
      size_t k = i + 1;
      size_t limit = std::min(s.size(), k + kMaxLinkTargetBytes);
      while (k < limit && s[k] != '>' && s[k] != '<' && !IsBlank(s[k])) ++k;
      if (k < limit && s[k] == '>') {
        out.append(s.substr(i + 1, k - i - 1));
        i = k + 1;
        continue;
      }
    }
    out += c;
    ++i;
  }
  return out;
}

bool IsAsciiPunct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }
bool IsWordByte(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80);
}

// Drops emphasis markers (*, **, _, __, ~~) and code backticks; "\*" is a
// literal star. A '_' inside a word (snake_case) and a '*' with spaces on
// both sides ("2 * 3") are text, not emphasis.
std::string StripEmphasis(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '\\' && i + 1 < s.size() && IsAsciiPunct(s[i + 1])) {
      out += s[i + 1];
      i += 2;
      continue;
    }
    if (c == '`') {
      ++i;
      continue;
    }
    if (c == '*' || c == '_' || c == '~') {
      size_t run = i;
      while (run < s.size() && s[run] == c) ++run;
      char before = i > 0 ? s[i - 1] : ' ';
      char after = run < s.size() ? s[run] : ' ';
      bool space_before = IsBlank(before);
      bool space_after = IsBlank(after);
      bool literal = (space_before && space_after) ||
                     (c == '_' && IsWordByte(before) && IsWordByte(after)) ||
                     (c == '~' && run - i < 2);
      if (literal) out.append(s.substr(i, run - i));
      i = run;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

std::string MarkdownInline(std::string_view s) { return StripEmphasis(ReplaceLinks(s)); }

// ---------------------------------------------------------------------------
// Blocks

enum class BlockType { kParagraph, kHeading, kListItem, kTableCell };

struct Block {
  BlockType type = BlockType::kParagraph;
  std::string label;
  int level = 0;
  std::string text;
  int lines = 0;
  bool verbatim = false;  // fenced code: no inline Markdown
  std::optional<int> page;  // where the text breaks its pages with form feeds
};

class BlockReader {
 public:
  // `line_per_paragraph`: the text is not wrapped (LinesAreParagraphs), so
  // every line break ends a paragraph.
  BlockReader(Format format, bool line_per_paragraph) : format_(format), line_per_paragraph_(line_per_paragraph) {}

  void Read(const std::vector<std::string_view>& lines);

  std::vector<Block>& blocks() { return blocks_; }
  // True when the text marks its headings (ATX "#" or setext underlines).
  bool has_marked_headings() const { return has_marked_headings_; }

 private:
  bool markdown() const { return format_ == Format::kMarkdown; }
  Block* open() { return open_ ? &blocks_.back() : nullptr; }
  void Close() { open_ = false; }
  Block& Start(BlockType type, std::string_view text, std::string label = {}, int level = 0) {
    blocks_.push_back(Block{type, std::move(label), level, std::string(text), 1, false, page_});
    open_ = true;
    return blocks_.back();
  }
  int ListLevel(int indent);

  Format format_;
  bool line_per_paragraph_ = false;
  std::vector<Block> blocks_;
  bool open_ = false;  // blocks_.back() still takes continuation lines
  bool has_marked_headings_ = false;
  std::vector<int> list_indents_;  // indents of the enclosing bullets
  std::optional<int> page_;        // the page of the line being read, when the text has pages
  WordEvidence evidence_;          // the document's words, for line-end hyphens
  bool keep_hyphens_ = true;       // its habit where they say nothing
};

int BlockReader::ListLevel(int indent) {
  while (!list_indents_.empty() && list_indents_.back() > indent) list_indents_.pop_back();
  if (list_indents_.empty() || list_indents_.back() < indent) list_indents_.push_back(indent);
  return static_cast<int>(list_indents_.size());
}

void BlockReader::Read(const std::vector<std::string_view>& lines) {
  // A word broken at a line end ("ev\u2010" + "ery", as nroff and fmt-like
  // tools write) is mended as the PDF layout mends it: by the document's own
  // words, else by its habit (line_join.h).
  for (std::string_view line : lines) {
    const std::string_view t = Trim(line);
    if (!t.empty()) evidence_.Add(t);
  }
  {
    LineEndHyphens habit;
    std::string_view previous;
    for (std::string_view line : lines) {
      const std::string_view t = Trim(line);
      if (t.empty()) {
        previous = {};
        continue;
      }
      habit.CountLine();
      if (!previous.empty()) habit.CountJoin(previous, t, evidence_);
      previous = t;
    }
    keep_hyphens_ = habit.KeepByDefault();
  }
  bool previous_blank = true;
  bool in_table = false;
  std::string_view fence;  // the opening "```" or "~~~" while inside a code block
  // A form feed starts a page, as pdftotext, groff and line printers write
  // them: the text's pages are counted from 1 where it has any.
  for (std::string_view line : lines) {
    if (line.find('\f') != std::string_view::npos) {
      page_ = 1;
      break;
    }
  }
  for (size_t li = 0; li < lines.size(); ++li) {
    std::string_view raw = lines[li];
    if (page_) *page_ += static_cast<int>(std::count(raw.begin(), raw.end(), '\f'));
    std::string_view t = Trim(raw);
    int indent = IndentOf(raw);

    if (markdown() && !fence.empty()) {
      if (StartsWith(t, fence)) {
        fence = {};
        Close();
        continue;
      }
      if (open() && open()->verbatim) {
        open()->text += ' ';
        open()->text.append(t);
      } else if (!t.empty()) {
        Start(BlockType::kParagraph, t).verbatim = true;
      }
      continue;
    }
    if (t.empty()) {
      Close();
      previous_blank = true;
      in_table = false;
      continue;
    }
    if (markdown() && (StartsWith(t, "```") || StartsWith(t, "~~~"))) {
      fence = t.substr(0, 3);
      Close();
      previous_blank = true;
      continue;
    }
    if (markdown() && (IsLinkDefinition(t) || (StartsWith(t, "<!--") && EndsWith(t, "-->")))) {
      Close();  // "[1]: https://..." and one-line comments print nothing
      previous_blank = true;
      continue;
    }
    if (markdown()) {
      // A block quote is read as the text it quotes.
      while (!t.empty() && t.front() == '>') t = Trim(t.substr(1));
      if (t.empty()) {
        Close();
        previous_blank = true;
        continue;
      }
    }

    // Setext underline of the paragraph just read.
    if (int level = SetextLevel(t);
        level > 0 && !previous_blank && open() && open()->type == BlockType::kParagraph &&
        open()->label.empty() && !open()->verbatim) {
      open()->type = BlockType::kHeading;
      open()->level = level;
      has_marked_headings_ = true;
      Close();
      previous_blank = false;
      continue;
    }
    if (IsThematicBreak(t)) {
      Close();
      previous_blank = true;
      continue;
    }
    std::string_view heading_text;
    if (int level = AtxHeading(t, &heading_text); level > 0) {
      Close();
      Start(BlockType::kHeading, heading_text, {}, level);
      has_marked_headings_ = true;
      Close();
      list_indents_.clear();
      previous_blank = false;
      continue;
    }

    // Tables: a row of pipes, or any line with a pipe above a separator row.
    bool next_is_separator = li + 1 < lines.size() && IsTableSeparator(Trim(lines[li + 1]));
    bool pipe_row = t.size() >= 3 && t.front() == '|' && t.back() == '|';
    if (t.find('|') != std::string_view::npos && (in_table || pipe_row || next_is_separator)) {
      Close();
      in_table = true;
      previous_blank = false;
      if (IsTableSeparator(t)) continue;
      // One passage per row, its non-empty cells joined with " | " as the
      // PDF extractor joins a table row: a cell alone ("2023", "£3.4m")
      // cannot be read or cited without the row's label.
      std::string row;
      for (const std::string& cell : TableCells(t)) {
        std::string_view c = Trim(cell);
        if (c.empty()) continue;
        if (!row.empty()) row += " | ";
        row += c;
      }
      if (!row.empty()) Start(BlockType::kTableCell, row);
      Close();
      continue;
    }
    in_table = false;

    if (size_t n = BulletMarker(t, format_); n > 0) {
      Close();
      Start(BlockType::kListItem, Trim(t.substr(n)), {}, ListLevel(indent));
      previous_blank = false;
      continue;
    }
    std::string label;
    if (size_t n = ParagraphNumber(t, &label); n > 0) {
      // A wrapped line can start with "2022." or "(b)"; a number starts a
      // new passage only after a blank line or another numbered item.
      Block* b = open();
      if (previous_blank || line_per_paragraph_ || b == nullptr || b->type == BlockType::kListItem ||
          !b->label.empty()) {
        Close();
        Start(BlockType::kParagraph, Trim(t.substr(n)), std::move(label));
        previous_blank = false;
        continue;
      }
    }

    Block* b = open();
    // A line at the bullet's own indent after an item's finished sentence
    // starts a paragraph of its own ("• Reduce delays by March 2028." then
    // "Action 4: Extend the virtual ward ..."): a wrapped item's next line
    // is indented under its text, or carries on a sentence.
    if (b != nullptr && !previous_blank && !line_per_paragraph_ && b->type == BlockType::kListItem &&
        !list_indents_.empty() && indent <= list_indents_.back() && !b->text.empty() &&
        (b->text.back() == '.' || b->text.back() == '!' || b->text.back() == '?') && !markdown() &&
        t.front() >= 'A' && t.front() <= 'Z') {
      Close();
      b = nullptr;
    }
    if (b != nullptr && !previous_blank && !line_per_paragraph_ &&
        (b->type == BlockType::kParagraph || b->type == BlockType::kListItem)) {
      AppendLine(&b->text, t, evidence_, keep_hyphens_);
      ++b->lines;
    } else {
      if (indent == 0) list_indents_.clear();
      Start(BlockType::kParagraph, t);
    }
    previous_blank = false;
  }
}

// A page number standing alone: "12", "- 12 -", "\u2212 12 \u2212", "Page 12",
// "Page 12 of 40", "12 | Page". Parsed by hand: the text reader is in every
// xref process, which loads neither RE2 nor ICU's regular expressions
// (libicui18n) until a tagger or an office format needs them
// (tests/extract_module_test.cc).
bool IsPageNumberLine(std::string_view t) {
  std::string s;
  for (char c : t) s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Dashes and bars around the number, ASCII and Unicode (\u2010-\u2015, \u2212).
  for (std::string_view dash : {"\u2212", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "-", "|"}) {
    for (size_t at = s.find(dash); at != std::string::npos; at = s.find(dash)) s.replace(at, dash.size(), " ");
  }
  std::string_view v = s;
  auto skip_spaces = [&] {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  };
  auto word = [&](std::string_view w) {
    skip_spaces();
    if (v.substr(0, w.size()) != w) return false;
    v.remove_prefix(w.size());
    return true;
  };
  auto number = [&] {
    skip_spaces();
    size_t n = 0;
    while (n < v.size() && n < 5 && std::isdigit(static_cast<unsigned char>(v[n]))) ++n;
    if (n == 0 || n >= 5) return false;
    v.remove_prefix(n);
    return true;
  };
  word("page");
  if (!number()) return false;
  if (word("of") && !number()) return false;
  word("page");
  skip_spaces();
  return v.empty();
}

// Page furniture in a text whose pages form feeds break (pdftotext's, a
// printer's): a page number alone among a page's first or last two lines,
// a line with letters that opens or closes three pages or more, the
// same but for its numbers ("Maximising women's contribution to future
// economic growth", "Federal Register / Vol. 85, No. 152 / 47699"), are
// not passages, as the PDF layout drops them. A dropped line keeps its form
// feeds, so that pages are still counted.
void DropPageFurniture(std::vector<std::string_view>* lines) {
  static constexpr std::string_view kFormFeeds = "\f\f\f\f\f\f\f\f\f\f\f\f\f\f\f\f";
  auto feeds_in = [](std::string_view raw) { return static_cast<size_t>(std::count(raw.begin(), raw.end(), '\f')); };
  std::vector<std::vector<size_t>> pages(1);  // the non-blank lines of each page
  std::vector<std::string> keys(lines->size());  // each line lower-cased, its digits '#'
  for (size_t i = 0; i < lines->size(); ++i) {
    const std::string_view raw = (*lines)[i];
    for (size_t f = feeds_in(raw); f > 0; --f) pages.emplace_back();
    const std::string_view t = Trim(raw);
    if (t.empty()) continue;
    pages.back().push_back(i);
    for (char c : t) {
      keys[i] += std::isdigit(static_cast<unsigned char>(c)) ? '#' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  if (pages.size() < 2) return;
  // Each page's first and last two lines; its first and last alone when it
  // has few, whose second lines are its body.
  std::vector<std::vector<size_t>> margins(pages.size());
  for (size_t n = 0; n < pages.size(); ++n) {
    const std::vector<size_t>& page = pages[n];
    const size_t depth = page.size() >= 6 ? 2 : 1;
    for (size_t k = 0; k < page.size(); ++k) {
      if (k < depth || k + depth >= page.size()) margins[n].push_back(page[k]);
    }
  }
  std::map<std::string, size_t> pages_with;      // key -> pages whose margins hold it
  std::map<std::string, size_t> pages_anywhere;  // key -> pages that hold it anywhere
  for (size_t n = 0; n < pages.size(); ++n) {
    std::set<std::string> here;
    for (size_t i : margins[n]) here.insert(keys[i]);
    for (const std::string& k : here) ++pages_with[k];
    here.clear();
    for (size_t i : pages[n]) here.insert(keys[i]);
    for (const std::string& k : here) ++pages_anywhere[k];
  }
  auto letters = [](const std::string& k) {
    return static_cast<size_t>(std::count_if(k.begin(), k.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
  };
  // A dropped line keeps its form feeds.
  auto drop = [&](size_t i) {
    (*lines)[i] = kFormFeeds.substr(0, std::min(kFormFeeds.size(), feeds_in((*lines)[i])));
  };
  // A longer line with a number in it that is no sentence, on a third of
  // the pages or more wherever the text puts it, is furniture too: a margin
  // note printed down the side of each page ("jbell on DSKJLSW7X2PROD with
  // PROPOSALS") or a printer's slug lands mid-page in reading order. A
  // sentence ("RESOLVED that the report be noted.") or a lead-in ("What
  // business should do:") repeated through minutes or a report is their
  // text, and so is a heading each item repeats ("Financial Implications").
  const size_t third = (pages.size() + 2) / 3;
  for (const std::vector<size_t>& page : pages) {
    for (size_t i : page) {
      const std::string& k = keys[i];
      if (k.size() < 10 || letters(k) < 3 || k.find('#') == std::string::npos || pages_anywhere[k] < 3 ||
          pages_anywhere[k] < third) {
        continue;
      }
      const char end = k.back();
      if (end == '.' || end == ':' || end == '?' || end == '!' || end == ';' || end == ',') continue;
      drop(i);
    }
  }
  for (const std::vector<size_t>& margin : margins) {
    for (size_t i : margin) {
      const std::string_view t = Trim((*lines)[i]);
      if (t.empty()) continue;  // dropped above
      if (IsPageNumberLine(t) || (letters(keys[i]) >= 3 && pages_with[keys[i]] >= 3)) drop(i);
    }
  }
}

// Whether plain text was written without wrapping, a paragraph to a line, as
// Word's "Plain Text" and most editors save it: then a line break ends a
// paragraph, where in text wrapped at a width (e-mail at 72 columns) it is
// only the end of a line. Wrapped text has no lines much longer than its
// width (at most 100 characters in practice); a paragraph to a line gives
// many. A long link or table line in a wrapped message is a few lines.
bool LinesAreParagraphs(const std::vector<std::string_view>& lines) {
  constexpr size_t kLongLine = 100;
  size_t lines_with_text = 0, long_lines = 0;
  for (std::string_view line : lines) {
    std::string_view t = Trim(line);
    if (t.empty()) continue;
    ++lines_with_text;
    size_t characters = 0;  // UTF-8 lead bytes
    for (char c : t) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    long_lines += characters > kLongLine ? 1 : 0;
  }
  return long_lines >= 2 && long_lines * 5 >= lines_with_text;
}

// "**Text**" or "__Text__" and nothing else.
bool IsBoldOnly(std::string_view t) {
  for (std::string_view mark : {std::string_view("**"), std::string_view("__")}) {
    if (t.size() > 4 && StartsWith(t, mark) && EndsWith(t, mark) &&
        t.substr(2, t.size() - 4).find(mark) == std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// A paragraph of one line that reads like a title (heading_guess.h).
// A field of a form or a message's head: one word, a colon and its value
// ("Present: Cllr A Smith", "Subject: Notes of the board"). "Appendix A:
// Costs" and "Pillar 1: Family Help" are titles.
bool IsFieldLine(std::string_view t) {
  const size_t colon = t.find(": ");
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    const char c = t[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-')) return false;
  }
  return true;
}

// A mail header's date as ISO ("Wed, 3 Mar 2027 16:42:10 +0000", "Wednesday,
// 3 March 2027 16:42"), or "".
std::string MailDate(std::string_view value) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  int day = 0, month = 0, year = 0;
  size_t i = 0;
  auto skip = [&] {
    while (i < value.size() && !std::isalnum(static_cast<unsigned char>(value[i]))) ++i;
  };
  auto word = [&] {
    size_t start = i;
    while (i < value.size() && std::isalnum(static_cast<unsigned char>(value[i]))) ++i;
    return value.substr(start, i - start);
  };
  for (int k = 0; k < 5 && i < value.size() && !(day && month && year); ++k) {
    skip();
    const std::string_view w = word();
    if (w.empty()) break;
    if (std::isdigit(static_cast<unsigned char>(w[0]))) {
      const int number = std::atoi(std::string(w).c_str());
      if (!day && w.size() <= 2) day = number;
      else if (!year && w.size() == 4) year = number;
    } else if (w.size() >= 3) {
      std::string lower(w.substr(0, 3));
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (int m = 0; m < 12; ++m) {
        if (lower == kMonths[m]) month = m + 1;
      }
    }
  }
  if (day < 1 || day > 31 || month == 0 || year < 1900) return "";
  char out[40];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
  return out;
}

bool LooksLikeHeading(const Block& b) {
  return b.type == BlockType::kParagraph && b.label.empty() && b.lines == 1 && !b.verbatim &&
         heading_guess::LooksLikeUnmarkedHeading(b.text) && !IsFieldLine(b.text);
}

// A numbered line in capitals, as minutes and e-mailed notes write their
// items' titles: "1. NOTES OF THE LAST MEETING".
bool IsNumberedCapitalsTitle(const Block& b) {
  if (b.type != BlockType::kParagraph || b.label.empty() || b.lines != 1 || b.verbatim) return false;
  if (!heading_guess::LooksLikeUnmarkedHeading(b.text)) return false;
  size_t letters = 0;
  for (char c : b.text) {
    if (c >= 'a' && c <= 'z') return false;
    letters += c >= 'A' && c <= 'Z';
  }
  return letters >= 3;
}

// "46. Better Care Fund Plan 2025-27" over unnumbered text: the numbered
// title of a minute or a report's section, where a numbered paragraph
// would be followed by the next number.
// So is "2. Gigabit for every community" over "2.1 The programme will
// ...": a paragraph numbered under it makes it its section's title.
bool IsNumberedTitleOverText(const Block& b, const Block& next) {
  if (b.type != BlockType::kParagraph || b.label.empty() || b.lines != 1 || b.verbatim) return false;
  if (!heading_guess::LooksLikeUnmarkedHeading(b.text)) return false;
  if (next.type != BlockType::kParagraph || next.verbatim || IsBoldOnly(next.text)) return false;
  if (!next.label.empty()) {
    return next.label.size() > b.label.size() + 1 &&
           next.label.compare(0, b.label.size(), b.label) == 0 &&
           next.label[b.label.size()] == '.' && !heading_guess::LooksLikeUnmarkedHeading(next.text);
  }
  return !heading_guess::LooksLikeUnmarkedHeading(next.text);
}

// The first `max` bytes of `s`, not cutting a UTF-8 sequence.
std::string_view Utf8Prefix(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// A Markdown file's front matter, as static site generators and note
// tools write it: YAML between "---" lines (closed by "---" or "..."), or
// TOML between "+++" lines, opening the file. Its title and date are the
// paper's, as a PDF's metadata gives them; the block itself is no passage.
// Returns the number of lines it takes (0 when there is none).
size_t FrontMatter(const std::vector<std::string_view>& lines, std::string* title, std::string* date) {
  constexpr size_t kMaxLines = 200;
  if (lines.empty()) return 0;
  const std::string_view open = Trim(lines[0]);
  if (open != "---" && open != "+++") return 0;
  const bool toml = open == "+++";
  std::string found_title, found_date;
  size_t fields = 0;
  for (size_t i = 1; i < lines.size() && i < kMaxLines; ++i) {
    const std::string_view line = lines[i];
    const std::string_view t = Trim(line);
    if (t == open || (!toml && t == "...")) {
      if (fields == 0) return 0;
      *title = found_title;
      *date = found_date;
      return i + 1;
    }
    if (t.empty() || t[0] == '#') continue;
    if (line[0] == ' ' || line[0] == '\t' || t[0] == '-' || t[0] == '[' || t[0] == ']' || t[0] == '}') continue;
    // key: value (YAML) or key = value (TOML)
    size_t k = 0;
    while (k < t.size() && (std::isalnum(static_cast<unsigned char>(t[k])) || t[k] == '_' || t[k] == '-')) ++k;
    if (k == 0) return 0;
    std::string_view rest = Trim(t.substr(k));
    if (!rest.empty() && rest[0] == (toml ? '=' : ':')) {
      rest = Trim(rest.substr(1));
    } else {
      return 0;  // not front matter: a thematic break and text
    }
    ++fields;
    if (rest.size() >= 2 && (rest.front() == '"' || rest.front() == '\'') && rest.back() == rest.front()) {
      rest = rest.substr(1, rest.size() - 2);
    }
    std::string key(t.substr(0, k));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (key == "title" && found_title.empty()) found_title = std::string(rest);
    if ((key == "date" || key == "published" || key == "pubdate") && found_date.empty() && rest.size() >= 10) {
      const std::string_view day = rest.substr(0, 10);
      bool iso = true;
      for (size_t c = 0; c < 10; ++c) {
        const bool digit = std::isdigit(static_cast<unsigned char>(day[c])) != 0;
        iso = iso && ((c == 4 || c == 7) ? day[c] == '-' : digit);
      }
      if (iso && (rest.size() == 10 || rest[10] == 'T' || rest[10] == ' ')) found_date = std::string(day);
    }
  }
  return 0;
}

}  // namespace

Result<Document> ExtractPlainText(const std::string& path, std::string_view bytes, Format format) {
  if (format != Format::kText && format != Format::kMarkdown) {
    return Status::InvalidArgument(path, "the text extractor reads only plain text and Markdown");
  }
  Document doc;
  doc.path = path;
  doc.format = format;

  const std::string text = DecodeText(bytes);
  std::vector<std::string_view> lines = SplitLines(text);
  // A message saved as text opens with its header ("From: ...", "Date: ...",
  // "Subject: ..."): its subject is the paper's title, its date the paper's
  // (as a PDF's metadata gives it), and the header itself, the addresses and
  // the content type, no passage.
  std::string subject;
  {
    size_t n = 0;
    bool from = false;
    std::string date;
    for (std::string_view line : lines) {
      const std::string_view t = Trim(line);
      if (t.empty()) break;
      if (!IsFieldLine(t) && !(n > 0 && (line[0] == ' ' || line[0] == '\t'))) {
        n = 0;
        break;
      }
      if (t.substr(0, 9) == "Subject: ") subject = std::string(Trim(t.substr(9)));
      if (t.substr(0, 6) == "From: " && (t.find('@') != std::string_view::npos)) from = true;
      if (t.substr(0, 6) == "Date: " || t.substr(0, 6) == "Sent: ") date = MailDate(t.substr(6));
      ++n;
    }
    if (n < 2) subject.clear();
    if (n >= 2 && from && !subject.empty()) {
      lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(n));
      if (!date.empty()) doc.date = date;
    }
  }
  if (format == Format::kMarkdown) {
    std::string title, date;
    if (const size_t n = FrontMatter(lines, &title, &date); n > 0) {
      lines.erase(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(n));
      if (!title.empty()) subject = NormaliseText(title);
      if (!date.empty()) doc.date = date;
    }
  }
  if (format == Format::kText) DropPageFurniture(&lines);
  BlockReader reader(format, format == Format::kText && LinesAreParagraphs(lines));
  reader.Read(lines);
  std::vector<Block>& blocks = reader.blocks();

  const bool markdown = format == Format::kMarkdown;
  // Unmarked headings are guessed only where the author marked none.
  // Of a run of heading-like lines (a name, a role, a phone number) only the
  // first is taken: headings are followed by body text.
  const bool guess_headings = !markdown || !reader.has_marked_headings();
  bool previous_looked_like_heading = false;
  std::vector<bool> guessed(blocks.size(), false);
  for (size_t i = 0; i < blocks.size(); ++i) {
    Block& b = blocks[i];
    if (guess_headings && (IsNumberedCapitalsTitle(b) || (i + 1 < blocks.size() && IsNumberedTitleOverText(b, blocks[i + 1])))) {
      b.type = BlockType::kHeading;
      b.level = 2;
      previous_looked_like_heading = false;
      continue;
    }
    if (markdown && b.type == BlockType::kParagraph && b.label.empty() && !b.verbatim &&
        IsBoldOnly(b.text)) {
      b.type = BlockType::kHeading;
      b.level = 2;
      previous_looked_like_heading = false;
      continue;
    }
    bool looks = guess_headings && LooksLikeHeading(b);
    if (looks && !previous_looked_like_heading && i + 1 < blocks.size()) {
      b.type = BlockType::kHeading;
      b.level = 2;
      guessed[i] = true;
    }
    previous_looked_like_heading = looks;
  }
  // A guessed heading is followed by text, not by another heading:
  // "Apologies: Cllr Ian Pryce" before "1. NOTES OF THE LAST MEETING" is a
  // line of the notes.
  for (size_t i = 0; i + 1 < blocks.size(); ++i) {
    if (guessed[i] && blocks[i + 1].type == BlockType::kHeading) blocks[i].type = BlockType::kParagraph;
  }


  PassageBuilder out(&doc);
  for (const Block& b : blocks) {
    std::string text = markdown && !b.verbatim ? MarkdownInline(b.text) : b.text;
    switch (b.type) {
      case BlockType::kHeading:
        out.Heading(text, b.level, b.page, b.label);
        if (doc.title.empty() && subject.empty() && !doc.passages.empty()) doc.title = doc.passages.back().text;
        break;
      case BlockType::kParagraph:
        out.Add(PassageKind::kParagraph, text, b.page, b.label);
        break;
      case BlockType::kListItem:
        out.Add(PassageKind::kListItem, text, b.page, b.label, b.level);
        break;
      case BlockType::kTableCell:
        out.Add(PassageKind::kTableCell, text, b.page);
        break;
    }
  }

  if (doc.title.empty() && !subject.empty()) doc.title = NormaliseText(subject);
  if (doc.title.empty()) {
    for (std::string_view line : lines) {
      std::string_view t = Utf8Prefix(Trim(line), kMaxTitleBytes);
      if (t.empty()) continue;
      std::string candidate = NormaliseText(markdown ? MarkdownInline(t) : std::string(t));
      if (!candidate.empty()) {
        doc.title = std::move(candidate);
        break;
      }
    }
  }
  doc.title = std::string(Utf8Prefix(doc.title, kMaxTitleBytes));
  return doc;
}

}  // namespace xref
