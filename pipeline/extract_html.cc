// HTML: see extract.h for the contract.
//
// A saved web page is mostly not the document: banners, menus, search forms,
// breadcrumbs, cookie dialogs, related-links boxes and footers surround one
// block of content. The extractor
//   1. decodes the bytes to UTF-8 (byte order mark, <meta charset>, or UTF-8
//      with invalid sequences repaired) and parses them with libxml2's
//      forgiving HTML parser;
//   2. marks page furniture: script/style/nav/aside/form..., hidden elements,
//      and elements whose class or id names a kind of web boilerplate;
//   3. picks the content: the <article>, <main> or role=main holding the most
//      text, or else the block a readability-style scorer rates densest (text
//      length, commas, paragraphs, against the share of text inside links);
//   4. walks the content in order, turning headings, paragraphs, list items
//      (with their printed numbers) and table cells into passages.
// Every walk over the tree is iterative (parent/next pointers, no recursion),
// so a page nested 100,000 deep costs memory, never the stack. That is why the
// parser runs with XML_PARSE_HUGE: without it libxml2 stops at depth 256 and
// silently drops the rest of the page; its HTML parser and xmlFreeDoc are
// iterative themselves.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pipeline/extract.h"
#include "pipeline/roman.h"
#include "pipeline/xml_walk.h"
#include "pipeline/normalise.h"
#include "pipeline/heading_guess.h"
#include "pipeline/passage_builder.h"

namespace xref {
namespace {

// ---------------------------------------------------------------------------
// Small helpers

struct XmlDocDeleter {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsElement(const xmlNode* node) { return node != nullptr && node->type == XML_ELEMENT_NODE; }

// The element's name; the HTML parser gives names in lower case.
std::string_view NameOf(const xmlNode* node) {
  return node->name == nullptr ? std::string_view() : reinterpret_cast<const char*>(node->name);
}

bool NameIs(const xmlNode* node, std::string_view name) { return IsElement(node) && NameOf(node) == name; }

// The attribute's value, or "" when absent.
std::string Attr(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (value == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return out;
}

bool HasAttr(const xmlNode* node, const char* name) {
  return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

std::string_view TextOf(const xmlNode* node) {
  if ((node->type != XML_TEXT_NODE && node->type != XML_CDATA_SECTION_NODE) ||
      node->content == nullptr) {
    return {};
  }
  return reinterpret_cast<const char*>(node->content);
}


// The text below `root`, concatenated (for <title> and headings).
std::string InnerText(xmlNode* root) {
  std::string text;
  WalkXmlTree(
      root,
      [&](xmlNode* n) {
        text.append(TextOf(n));
        return n->type == XML_ELEMENT_NODE;
      },
      [](xmlNode*) {});
  return text;
}

// ---------------------------------------------------------------------------
// Decoding

// The charset a page declares in its first kilobytes (<meta charset>,
// http-equiv content, or an XML declaration), lower case, or "".
std::string DeclaredCharset(std::string_view bytes) {
  std::string head = Lower(bytes.substr(0, 8192));
  for (std::string_view key : {std::string_view("charset="), std::string_view("encoding=")}) {
    size_t at = head.find(key);
    if (at == std::string::npos) continue;
    size_t i = at + key.size();
    while (i < head.size() && (head[i] == '"' || head[i] == '\'' || head[i] == ' ')) ++i;
    size_t end = i;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) ||
                                 head[end] == '-' || head[end] == '_' || head[end] == '.' ||
                                 head[end] == ':')) {
      ++end;
    }
    if (end > i) return head.substr(i, end - i);
  }
  return "";
}

// Converts from a legacy charset with ICU; false when ICU does not know it.
bool ConvertToUtf8(std::string_view bytes, std::string charset, std::string* out) {
  // Browsers read Latin-1 and ASCII labels as Windows-1252 (the WHATWG
  // Encoding Standard); pages rely on it for curly quotes and the euro sign.
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "latin-1" ||
      charset == "us-ascii" || charset == "ascii" || charset == "iso8859-1") {
    charset = "windows-1252";
  }
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status) || converter == nullptr) return false;
  ucnv_close(converter);
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), charset.c_str());
  if (text.isBogus()) return false;
  out->clear();
  text.toUTF8String(*out);
  return true;
}

// The page as UTF-8.
std::string DecodeHtml(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return RepairUtf8(bytes.substr(3));
  std::string out;
  if (bytes.substr(0, 2) == "\xFF\xFE" && ConvertToUtf8(bytes.substr(2), "utf-16le", &out)) return out;
  if (bytes.substr(0, 2) == "\xFE\xFF" && ConvertToUtf8(bytes.substr(2), "utf-16be", &out)) return out;
  std::string charset = DeclaredCharset(bytes);
  if (!charset.empty() && charset != "utf-8" && charset != "utf8" &&
      ConvertToUtf8(bytes, charset, &out)) {
    return out;
  }
  // Declared UTF-8 is repaired as a browser repairs it; with nothing
  // declared, UTF-8, and Windows-1252 where it cannot be, as a browser in a
  // Western European locale reads such a page.
  if (charset == "utf-8" || charset == "utf8") return RepairUtf8(bytes);
  return Utf8OrWindows1252(bytes);
}

// ---------------------------------------------------------------------------
// Page furniture

bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never hold document text.
bool IsNeverContent(std::string_view name) {
  return IsOneOf(name, {"head", "script", "style", "noscript", "template", "nav", "aside", "form",
                        "iframe", "svg", "math", "button", "select", "input", "textarea", "dialog",
                        "object", "embed", "canvas", "map", "audio", "video", "menu", "link", "meta",
                        "title"});
}

bool IsNeverContentRole(std::string_view role) {
  return IsOneOf(role, {"navigation", "banner", "contentinfo", "search", "complementary", "dialog",
                        "alertdialog", "menu", "menubar", "toolbar", "tablist",
                        // the "↩" link from a footnote back to where it is referred to
                        "doc-backlink"});
}

// Words in class and id attributes that name web-page furniture in general.
// Strong ones mark furniture even next to a content word ("cookie-content").
bool IsStrongFurnitureWord(std::string_view w) {
  return IsOneOf(w, {"cookie", "cookies", "consent", "gdpr", "breadcrumb", "breadcrumbs", "share", "feedback",
                     "sharing", "sharethis", "social", "newsletter", "subscribe", "signup",
                     "skip", "skiplink", "advert", "advertisement", "ads", "adsense", "sponsored",
                     "sponsor", "disqus", "outbrain", "taboola"}) ||
         w.substr(0, 6) == "cookie" || w.substr(0, 10) == "breadcrumb" || w.substr(0, 7) == "consent" ||
         w.substr(0, 7) == "related" ||
         w.substr(0, 10) == "newsletter";
}

bool IsWeakFurnitureWord(std::string_view w) {
  return IsOneOf(w, {"nav", "navbar", "navigation", "menu", "menubar", "megamenu", "sidebar",
                     "banner", "masthead", "related", "promo", "promotion", "pagination", "pager",
                     "toolbar", "popup", "modal", "overlay", "comments", "comment", "widget",
                     "footer", "header", "topbar", "utility", "links", "quicklinks"}) ||
         w.substr(0, 7) == "sidebar";
}

bool IsContentWord(std::string_view w) {
  return IsOneOf(w, {"content", "article", "main", "body", "post", "entry", "story", "text", "prose",
                     "column", "page", "wrapper", "container", "layout", "document"});
}

// The words of class and id, split at anything not a letter or digit, with
// camelCase split too ("cookieBanner" -> "cookie", "banner").
std::vector<std::string> ClassAndIdWords(const xmlNode* node) {
  std::vector<std::string> words;
  for (const char* attr : {"class", "id"}) {
    std::string value = Attr(node, attr);
    std::string word;
    char previous = 0;
    for (char c : value) {
      bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
      bool camel = std::isupper(static_cast<unsigned char>(c)) &&
                   std::islower(static_cast<unsigned char>(previous));
      if (!alnum || camel) {
        if (!word.empty()) words.push_back(Lower(word));
        word.clear();
      }
      if (alnum) word += c;
      previous = c;
    }
    if (!word.empty()) words.push_back(Lower(word));
  }
  return words;
}

// An item of a page's list of footnotes or endnotes, as Markdown renderers
// and GOV.UK's govspeak write them: <li id="fn:2" role="doc-endnote"> (or
// id "fn2", "fn-2") in an <ol> inside <div class="footnotes"> or
// role="doc-endnotes". A note is a paragraph labelled with its number, as
// the DOCX reader gives a footnote, not an item of whatever list of
// undertakings the last heading happens to head.
bool IsNoteItem(const xmlNode* li) {
  const std::string role = Lower(Attr(li, "role"));
  if (role == "doc-endnote" || role == "doc-footnote") return true;
  const std::string id = Lower(Attr(li, "id"));
  if (id.size() > 2 && id.compare(0, 2, "fn") == 0) {
    size_t i = 2;
    if (id[i] == ':' || id[i] == '-' || id[i] == '_') ++i;
    if (i < id.size() && std::all_of(id.begin() + static_cast<long>(i), id.end(),
                                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
      return true;
    }
  }
  const xmlNode* list = li->parent;
  if (list == nullptr || list->parent == nullptr || list->parent->type != XML_ELEMENT_NODE) return false;
  const xmlNode* block = list->parent;
  const std::string block_role = Lower(Attr(block, "role"));
  if (block_role == "doc-endnotes" || block_role == "doc-footnotes") return true;
  for (const std::string& w : ClassAndIdWords(block)) {
    if (w == "footnotes" || w == "endnotes") return true;
  }
  return false;
}

// Splits a class or id value into lower-case words at anything not a letter
// or digit and at camelCase humps; `tokens` gets one list per token.
std::vector<std::vector<std::string>> ClassTokens(const std::string& value) {
  std::vector<std::vector<std::string>> tokens;
  std::string word;
  char previous = ' ';
  for (char c : value + " ") {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    const bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
    const bool camel = std::isupper(static_cast<unsigned char>(c)) && std::islower(static_cast<unsigned char>(previous));
    if (std::isspace(static_cast<unsigned char>(previous)) && !space) tokens.emplace_back();
    if ((!alnum || camel) && !word.empty()) {
      tokens.back().push_back(Lower(word));
      word.clear();
    }
    if (alnum) word += c;
    previous = c;
  }
  return tokens;
}

// Hidden by a class that names its effect: text for screen readers only
// ("sr-only", "visually-hidden", "screen-reader-text"), hidden ("mgHide",
// "js-hidden", "invisible"), or printed only ("print-only"). Not a class
// that hides at one screen size ("hidden-xs", "hidden md:block"), in print
// ("hidden-print", "display-none-print"), or the overflow ("overflow-hidden").
bool IsHiddenByClass(const xmlNode* node) {
  const std::string value = Attr(node, "class");
  if (value.find(':') != std::string::npos) return false;  // responsive variants shown elsewhere
  for (const std::vector<std::string>& words : ClassTokens(value)) {
    auto has = [&](std::string_view w) { return std::find(words.begin(), words.end(), w) != words.end(); };
    if (has("print")) {
      if (has("only")) return true;
      continue;
    }
    if (has("overflow") || has("xs") || has("sm") || has("md") || has("lg") || has("xl") || has("mobile") ||
        has("desktop") || has("tablet") || has("small") || has("large")) {
      continue;
    }
    if ((has("sr") && has("only")) || (has("screen") && has("reader")) || has("hidden") || has("hide") ||
        has("invisible") || has("visuallyhidden") || has("offscreen")) {
      return true;
    }
  }
  return false;
}

bool IsHidden(const xmlNode* node) {
  if (HasAttr(node, "hidden")) return true;
  if (IsHiddenByClass(node)) return true;
  if (Lower(Attr(node, "aria-hidden")) == "true") return true;
  std::string style = Lower(Attr(node, "style"));
  style.erase(std::remove_if(style.begin(), style.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); }),
              style.end());
  if (style.find("display:none") != std::string::npos ||
      style.find("visibility:hidden") != std::string::npos) {
    return true;
  }
  std::string type = Lower(Attr(node, "type"));
  return type == "hidden";
}

// Whether an element holds the main content by its own declaration.
bool IsDeclaredContent(const xmlNode* node) {
  if (!IsElement(node)) return false;
  std::string_view name = NameOf(node);
  return name == "article" || name == "main" || Lower(Attr(node, "role")) == "main";
}

bool IsHeadingName(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

// Decides, element by element, what is page furniture.
class FurnitureFilter {
 public:
  // Protects every ancestor of a declared content element from the class
  // hints, so that <div class="layout with-sidebar"> around the article stays.
  explicit FurnitureFilter(xmlNode* root) {
    WalkXmlTree(
        root,
        [&](xmlNode* n) {
          if (!IsElement(n)) return false;
          if ((NameIs(n, "ul") || NameIs(n, "ol")) && (IsContentsList(n) || IsShareList(n))) MarkContentsList(n);
          if (IsDeclaredContent(n)) {
            for (xmlNode* a = n->parent; a != nullptr && IsElement(a); a = a->parent) {
              if (!protected_.insert(a).second) break;
            }
          }
          return true;
        },
        [](xmlNode*) {});
  }

  // `in_article` is true below an <article> or <main>, where <header> and
  // <footer> belong to the document rather than to the site.
  bool IsFurniture(const xmlNode* node, bool in_article) const {
    std::string_view name = NameOf(node);
    if (IsNeverContent(name)) return true;
    if (IsHidden(node)) return true;
    if (contents_.count(node) != 0) return true;
    if ((name == "header" || name == "footer") && !in_article) return true;
    if (name == "html" || name == "body" || IsDeclaredContent(node)) return false;
    std::string role = Lower(Attr(node, "role"));
    if (IsNeverContentRole(role)) return true;
    if (Lower(Attr(node, "aria-modal")) == "true") return true;
    if (protected_.count(node) != 0) return false;
    bool strong = false, weak = false, content = false;
    bool header_or_footer_only = true;
    for (const std::string& w : ClassAndIdWords(node)) {
      strong = strong || IsStrongFurnitureWord(w);
      weak = weak || IsWeakFurnitureWord(w);
      if (IsWeakFurnitureWord(w) && w != "header" && w != "footer") header_or_footer_only = false;
      content = content || IsContentWord(w);
    }
    if (strong) return true;
    // A "header" block holding only headings and no link
    // ("mgHeader", "MeetingHeader" around the page's <h1>) heads the
    // content; a site's header holds its logo's link and menus.
    if (weak && !content && header_or_footer_only && OnlyHeadingsNoLinks(node)) return false;
    if (weak && !content) return !in_article || !IsOneOf(name, {"header", "footer"});
    return false;
  }

 private:
  // Whether all the text below `node` is in headings and none in links.
  static bool OnlyHeadingsNoLinks(const xmlNode* node) {
    constexpr int kMaxNodesLooked = 200;
    int looked = 0;
    bool headings = false, other = false;
    WalkXmlTree(
        const_cast<xmlNode*>(node),
        [&](xmlNode* n) {
          if (other || ++looked > kMaxNodesLooked) {
            other = true;
            return false;
          }
          if (n->type == XML_TEXT_NODE && !NormaliseText(std::string(TextOf(n))).empty()) {
            bool heading = false;
            for (xmlNode* a = n->parent; a != nullptr && a != node->parent; a = a->parent) {
              if (NameIs(a, "a")) other = true;
              heading = heading || IsHeadingName(NameOf(a));
            }
            (heading ? headings : other) = true;
          }
          return IsElement(n) && !IsOneOf(NameOf(n), {"script", "style"});
        },
        [](xmlNode*) {});
    return headings && !other;
  }

  // A page's own table of contents ("On this page"): a list of two or more
  // items, each only a link to a place on the same page (href="#..."). It
  // repeats the headings below it.
  static bool IsContentsList(xmlNode* list) {
    return LinksOnlyList(list, [](const std::string& href) { return href.size() > 1 && href[0] == '#'; });
  }

  // "Share this page": a list of two or more items, each only a link that
  // shares the page on a social network or by e-mail.
  static bool IsShareList(xmlNode* list) {
    return LinksOnlyList(list, [](const std::string& href) {
      const std::string lower = Lower(href);
      if (lower.rfind("mailto:", 0) == 0) return lower.find("subject=") != std::string::npos;
      for (std::string_view host : {"facebook.com/shar", "twitter.com/intent", "twitter.com/share", "x.com/intent",
                                    "x.com/share", "linkedin.com/shar", "wa.me/", "whatsapp.com/send",
                                    "reddit.com/submit", "pinterest.com/pin/create", "bsky.app/intent"}) {
        // The host itself or a subdomain of it ("www."), not "box.com".
        for (size_t at = lower.find(host); at != std::string::npos; at = lower.find(host, at + 1)) {
          if (at > 0 && (lower[at - 1] == '/' || lower[at - 1] == '.')) return true;
        }
      }
      return false;
    });
  }

  // A list of two or more items, each only a link whose href `wanted` accepts.
  template <typename Wanted>
  static bool LinksOnlyList(xmlNode* list, Wanted wanted) {
    int items = 0;
    for (xmlNode* li = list->children; li != nullptr; li = li->next) {
      if (!IsElement(li)) {
        if (!NormaliseText(std::string(TextOf(li))).empty()) return false;
        continue;
      }
      if (!NameIs(li, "li")) return false;
      bool linked_text = false, other_text = false;
      WalkXmlTree(
          li,
          [&](xmlNode* n) {
            if (n->type == XML_TEXT_NODE && !NormaliseText(std::string(TextOf(n))).empty()) {
              bool in_page_link = false;
              for (xmlNode* a = n->parent; a != nullptr && a != li->parent; a = a->parent) {
                if (NameIs(a, "a")) {
                  in_page_link = wanted(Attr(a, "href"));
                  break;
                }
              }
              (in_page_link ? linked_text : other_text) = true;
            }
            return IsElement(n);
          },
          [](xmlNode*) {});
      if (other_text || !linked_text) return false;
      ++items;
    }
    return items >= 2;
  }

  // The list, or the block holding only it and its headings ("On this page").
  void MarkContentsList(xmlNode* list) {
    xmlNode* parent = list->parent;
    bool alone = IsElement(parent) && !NameIs(parent, "body") && !IsDeclaredContent(parent) &&
                 !NameIs(parent, "li") && !NameIs(parent, "td");
    for (xmlNode* c = alone ? parent->children : nullptr; c != nullptr && alone; c = c->next) {
      if (c == list) continue;
      if (IsElement(c)) {
        alone = IsHeadingName(NameOf(c));
      } else if (c->type == XML_TEXT_NODE) {
        alone = NormaliseText(std::string(TextOf(c))).empty();
      }
    }
    contents_.insert(alone ? parent : list);
  }

  std::unordered_set<const xmlNode*> protected_;
  std::unordered_set<const xmlNode*> contents_;
};

// ---------------------------------------------------------------------------
// Choosing the content


// Elements that end the text before them and start a passage of their own.
bool IsBlockName(std::string_view name) {
  return IsHeadingName(name) ||
         IsOneOf(name, {"p", "div", "section", "article", "main", "header", "footer", "blockquote",
                        "dd", "dt", "dl", "li", "ul", "ol", "table", "tr", "td", "th", "thead",
                        "tbody", "tfoot", "caption", "figure", "figcaption", "pre", "address", "hr",
                        "details", "summary", "center", "fieldset", "legend", "hgroup", "body",
                        "html", "noframes", "frameset"});
}

struct TextStats {
  size_t text = 0;    // non-space bytes of content text below the element
  size_t links = 0;   // of which inside <a>
  size_t commas = 0;
  int paragraphs = 0; // <p> elements below
  bool has_block_child = false;
};

// Statistics for every non-furniture element, and the furniture set itself.
struct PageStats {
  std::unordered_map<const xmlNode*, TextStats> stats;
  std::unordered_set<const xmlNode*> furniture;

  const TextStats& Of(const xmlNode* node) const {
    static const TextStats kEmpty;
    auto it = stats.find(node);
    return it == stats.end() ? kEmpty : it->second;
  }
};

PageStats MeasurePage(xmlNode* root, const FurnitureFilter& filter) {
  PageStats page;
  int article_depth = 0;
  int link_depth = 0;
  WalkXmlTree(
      root,
      [&](xmlNode* n) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
          std::string_view t = TextOf(n);
          size_t visible = 0, commas = 0;
          for (char c : t) {
            if (!std::isspace(static_cast<unsigned char>(c))) ++visible;
            if (c == ',') ++commas;
          }
          if (n->parent != nullptr) {
            TextStats& s = page.stats[n->parent];
            s.text += visible;
            s.commas += commas;
            if (link_depth > 0) s.links += visible;
          }
          return false;
        }
        if (!IsElement(n)) return false;
        if (filter.IsFurniture(n, article_depth > 0)) {
          page.furniture.insert(n);
          return false;
        }
        if (NameIs(n, "article") || NameIs(n, "main")) ++article_depth;
        if (NameIs(n, "a")) ++link_depth;
        page.stats[n];
        return true;
      },
      [&](xmlNode* n) {
        if (!IsElement(n)) return;
        if (NameIs(n, "article") || NameIs(n, "main")) --article_depth;
        if (NameIs(n, "a")) --link_depth;
        TextStats s = page.stats[n];
        if (NameIs(n, "p")) ++s.paragraphs;
        page.stats[n].paragraphs = s.paragraphs;
        if (IsElement(n->parent)) {
          TextStats& up = page.stats[n->parent];
          up.text += s.text;
          up.links += s.links;
          up.commas += s.commas;
          up.paragraphs += s.paragraphs;
          if (IsBlockName(NameOf(n))) up.has_block_child = true;
        }
      });
  return page;
}

double LinkDensity(const TextStats& s) {
  return s.text == 0 ? 1.0 : static_cast<double>(s.links) / static_cast<double>(s.text);
}

// Readability's starting score for an element by what it usually holds.
double TagWeight(std::string_view name) {
  if (name == "div" || name == "article" || name == "main" || name == "section") return 5;
  if (name == "pre" || name == "td" || name == "blockquote") return 3;
  if (IsOneOf(name, {"address", "ol", "ul", "dl", "dd", "dt", "li", "form"})) return -3;
  if (IsHeadingName(name) || name == "th") return -5;
  return 0;
}

// A table cell holding only a paragraph number ("41.", "5", "(a)", "2.3"),
// with a cell after it in its row: minutes set as "number | item".
bool IsNumberCell(xmlNode* cell, const PageStats& page) {
  bool next_cell = false;
  for (xmlNode* c = cell->next; c != nullptr && !next_cell; c = c->next) {
    next_cell = NameIs(c, "td") || NameIs(c, "th");
  }
  if (!next_cell || page.Of(cell).text == 0 || page.Of(cell).text > 8) return false;
  const std::string text = NormaliseText(InnerText(cell));
  if (!text.empty() && text.size() <= 3 &&
      std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    return true;
  }
  std::string label;
  const std::string probe = text + " x";
  const size_t n = ParagraphNumber(probe, &label);
  return n == text.size() + 1 || n == text.size();
}

// Rows of `table` itself (not of tables inside it) that start with a number cell.
int NumberedRows(xmlNode* table, const PageStats& page) {
  int rows = 0;
  WalkXmlTree(
      table,
      [&](xmlNode* n) {
        if (!IsElement(n)) return false;
        if (n == table) return true;
        if (NameIs(n, "tr")) {
          for (xmlNode* c = n->children; c != nullptr; c = c->next) {
            if (NameIs(c, "td") || NameIs(c, "th")) {
              rows += IsNumberCell(c, page) ? 1 : 0;
              break;
            }
          }
          return false;
        }
        return IsOneOf(NameOf(n), {"thead", "tbody", "tfoot"});
      },
      [](xmlNode*) {});
  return rows;
}

// The blocks a readability-style scorer rates as the page's content, in
// document order: the best container and its siblings that score nearly as
// well. Empty when the page has no paragraph-like text at all.
std::vector<xmlNode*> ScoreContent(xmlNode* body, const PageStats& page) {
  std::unordered_map<xmlNode*, double> score;
  std::vector<xmlNode*> order;
  auto add = [&](xmlNode* node, double points) {
    if (!IsElement(node)) return;
    auto [it, inserted] = score.emplace(node, TagWeight(NameOf(node)));
    if (inserted) order.push_back(node);
    it->second += points;
  };
  WalkXmlTree(
      body,
      [&](xmlNode* n) {
        if (!IsElement(n) || page.furniture.count(n) != 0) return false;
        std::string_view name = NameOf(n);
        const TextStats& s = page.Of(n);
        // Containers of other blocks are scored through their children.
        bool paragraph_like = name == "p" || name == "pre" ||
                              (IsOneOf(name, {"td", "blockquote", "div", "section", "li"}) && !s.has_block_child);
        if (paragraph_like && s.text >= 25) {
          double points = 1.0 + static_cast<double>(s.commas) +
                          std::min(3.0, static_cast<double>(s.text) / 100.0);
          add(n->parent, points);
          if (n->parent != nullptr) add(n->parent->parent, points / 2);
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  xmlNode* best = nullptr;
  double best_score = 0;
  for (xmlNode* node : order) {
    double final_score = score[node] * (1.0 - LinkDensity(page.Of(node)));
    score[node] = final_score;
    if (final_score > best_score) {
      best_score = final_score;
      best = node;
    }
  }
  if (best == nullptr) return {};

  // Content split into several sections scores in each of them: when three
  // of the close runners-up sit under one ancestor of the best block, that
  // ancestor is the content (Readability's rule).
  std::vector<xmlNode*> runners_up;
  for (xmlNode* node : order) {
    if (node != best && score[node] >= 0.75 * best_score) runners_up.push_back(node);
  }
  std::sort(runners_up.begin(), runners_up.end(), [&](xmlNode* a, xmlNode* b) { return score[a] > score[b]; });
  if (runners_up.size() > 4) runners_up.resize(4);
  if (runners_up.size() >= 2) {
    for (xmlNode* ancestor = best->parent; IsElement(ancestor) && ancestor != body; ancestor = ancestor->parent) {
      int below = 0;
      for (xmlNode* r : runners_up) {
        for (xmlNode* a = r->parent; IsElement(a); a = a->parent) {
          if (a == ancestor) {
            ++below;
            break;
          }
        }
      }
      if (below + 1 >= 3) {  // the runners-up and the best block itself
        best = ancestor;
        best_score = std::max(best_score, score.count(ancestor) ? score[ancestor] : 0.0);
        break;
      }
    }
  }

  // Minutes set as a table of numbered items ("41. | title, minutes"):
  // the best block is one item's cell, and the table of them all is the
  // content, however little the other items hold.
  for (xmlNode* a = best->parent; IsElement(a) && a != body; a = a->parent) {
    if (!NameIs(a, "table")) continue;
    if (NumberedRows(a, page) >= 2) best = a;
    break;
  }

  std::vector<xmlNode*> blocks;
  if (best->parent == nullptr || !IsElement(best->parent)) return {best};
  double threshold = std::max(10.0, best_score * 0.2);
  // A heading between two chosen blocks heads the second one (the section
  // headings of content set in several blocks side by side).
  std::vector<xmlNode*> headings;
  for (xmlNode* sibling = best->parent->children; sibling != nullptr; sibling = sibling->next) {
    if (!IsElement(sibling) || page.furniture.count(sibling) != 0) continue;
    auto it = score.find(sibling);
    const TextStats& s = page.Of(sibling);
    bool good_paragraph = NameIs(sibling, "p") && s.text > 80 && LinkDensity(s) < 0.25;
    if (sibling == best || (it != score.end() && it->second >= threshold) || good_paragraph) {
      if (!blocks.empty()) blocks.insert(blocks.end(), headings.begin(), headings.end());
      headings.clear();
      blocks.push_back(sibling);
    } else if (IsHeadingName(NameOf(sibling))) {
      headings.push_back(sibling);
    } else if (s.text > 0) {
      headings.clear();
    }
  }
  return blocks;
}

// The elements holding the page's content, in document order.
std::vector<xmlNode*> ChooseContent(xmlNode* html, const PageStats& page) {
  xmlNode* body = nullptr;
  for (xmlNode* c = html->children; c != nullptr; c = c->next) {
    if (NameIs(c, "body")) body = c;
  }
  if (body == nullptr) body = html;

  xmlNode* declared = nullptr;
  WalkXmlTree(
      body,
      [&](xmlNode* n) {
        if (!IsElement(n) || page.furniture.count(n) != 0) return false;
        if (IsDeclaredContent(n) && (declared == nullptr || page.Of(n).text > page.Of(declared).text)) {
          declared = n;
        }
        return true;
      },
      [](xmlNode*) {});
  std::vector<xmlNode*> scored = ScoreContent(body, page);
  size_t scored_text = 0;
  for (xmlNode* n : scored) scored_text += page.Of(n).text;
  // A declared <article> that is a small part of the page's prose (a teaser
  // or a comment) is not the content.
  if (declared != nullptr && page.Of(declared).text * 10 >= scored_text * 3) return {declared};
  if (!scored.empty()) {
    // The scorer rates prose, so the page's title and subtitle set just
    // above the content block ("<div class=header><h1>...</h1></div><h2>...")
    // score nothing, nor do the short lines under them ("Date: 10 March
    // 2026", "Venue: ...", "Present: ..."): headings, or blocks holding only headings, right
    // before the first block belong to the content, with the short blocks
    // lines, no list or table) between them and it.
    constexpr size_t kMaxLineText = 400;
    constexpr int kMaxLinesAbove = 8;
    std::vector<xmlNode*> above;
    std::vector<xmlNode*> lines;  // short blocks not yet under a heading
    // Blocks before the first one, then before its parent, up to the body.
    auto previous = [&](xmlNode* n) -> xmlNode* {
      while (n->prev == nullptr) {
        n = n->parent;
        if (!IsElement(n) || n == body) return nullptr;
      }
      return n->prev;
    };
    for (xmlNode* sibling = previous(scored.front()); sibling != nullptr; sibling = previous(sibling)) {
      if (!IsElement(sibling) || page.furniture.count(sibling) != 0 || page.Of(sibling).text == 0) continue;
      size_t heading_text = 0;
      WalkXmlTree(
          sibling,
          [&](xmlNode* n) {
            if (!IsElement(n) || page.furniture.count(n) != 0) return false;
            if (IsHeadingName(NameOf(n))) {
              heading_text += page.Of(n).text;
              return false;
            }
            return true;
          },
          [](xmlNode*) {});
      if (heading_text == 0 || heading_text != page.Of(sibling).text) {
        bool line = page.Of(sibling).text <= kMaxLineText && page.Of(sibling).paragraphs <= 1;
        WalkXmlTree(
            sibling,
            [&](xmlNode* n) {
              if (!line || !IsElement(n)) return false;
              if (IsOneOf(NameOf(n), {"ul", "ol", "table"})) line = false;
              return page.furniture.count(n) == 0;
            },
            [](xmlNode*) {});
        if (!line || static_cast<int>(lines.size()) >= kMaxLinesAbove) break;
        lines.push_back(sibling);
        continue;
      }
      above.insert(above.end(), lines.begin(), lines.end());
      lines.clear();
      above.push_back(sibling);
    }
    scored.insert(scored.begin(), above.rbegin(), above.rend());
    return scored;
  }
  return {body};
}

// A table cell used for page layout (older sites put the whole page in a
// table; minutes set "item | discussion" in two columns) rather than for
// data. The rule: a cell is layout when it holds block structure -- a
// heading, a list, a nested table, a quotation or section -- or several
// paragraphs (<p>/<div> holding no further <p>/<div>): three or more, or two
// holding prose rather than a label wrapped by hand (over kMinProseText
// non-space bytes together), or long prose (over kMaxDataCellText non-space
// bytes, some sixty words). Its content keeps its own kinds instead of
// becoming one cell.
constexpr size_t kMaxDataCellText = 300;
constexpr size_t kMinProseText = 100;

bool IsLayoutCell(xmlNode* cell, const PageStats& page) {
  if (page.Of(cell).text > kMaxDataCellText) return true;
  constexpr int kMaxNodesLooked = 2000;  // bounds the cost for nested tables
  int looked = 0;
  int paragraphs = 0;
  bool layout = false;
  WalkXmlTree(
      cell,
      [&](xmlNode* n) {
        if (layout || ++looked > kMaxNodesLooked || !IsElement(n)) return false;
        if (n == cell) return true;
        std::string_view name = NameOf(n);
        if (IsHeadingName(name) || name == "ul" || name == "ol" || name == "table" || name == "dl" ||
            name == "blockquote" || name == "article" || name == "section") {
          layout = true;
          return false;
        }
        if (name == "p" || name == "div") {
          bool leaf = true;
          for (xmlNode* c = n->children; c != nullptr && leaf; c = c->next) {
            if (NameIs(c, "p") || NameIs(c, "div")) leaf = false;
          }
          if (leaf && page.Of(n).text > 0) ++paragraphs;
          if (paragraphs >= 3 || (paragraphs == 2 && page.Of(cell).text > kMinProseText)) layout = true;
        }
        return true;
      },
      [](xmlNode*) {});
  return layout || looked > kMaxNodesLooked;
}

// A data table: none of the cells of its own rows is a layout cell. Its rows
// become one passage each, the cells' text joined with " | " as the PDF
// extractor joins a row, so that a figure is read with its row's label
// ("Housing First | £1.2m"). A table with any layout cell keeps a passage
// per cell, and the layout cells' paragraphs, lists and headings their own.
bool IsDataTable(xmlNode* table, const PageStats& page) {
  bool data = true;
  WalkXmlTree(
      table,
      [&](xmlNode* n) {
        if (!data || !IsElement(n)) return false;
        if (n == table) return true;
        if (page.furniture.count(n) != 0) return false;
        std::string_view name = NameOf(n);
        if (name == "td" || name == "th") {
          if (IsLayoutCell(n, page)) data = false;
          return false;
        }
        return name != "table";  // a nested table outside a cell: not a row of this one
      },
      [](xmlNode*) {});
  return data;
}

// ---------------------------------------------------------------------------
// Metadata

// "2023-02-02T09:00:00Z" -> "2023-02-02"; "" when it does not start with a date.
std::string IsoDate(std::string_view value) {
  size_t i = 0;
  while (i < value.size() && std::isspace(static_cast<unsigned char>(value[i]))) ++i;
  value.remove_prefix(i);
  if (value.size() < 10) return "";
  for (size_t k : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (!std::isdigit(static_cast<unsigned char>(value[k]))) return "";
  }
  char sep = value[4];
  if ((sep != '-' && sep != '/') || value[7] != sep) return "";
  if (value.size() > 10 && std::isdigit(static_cast<unsigned char>(value[10]))) return "";
  int month = (value[5] - '0') * 10 + (value[6] - '0');
  int day = (value[8] - '0') * 10 + (value[9] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  std::string out(value.substr(0, 10));
  out[4] = out[7] = '-';
  return out;
}

struct PageMetadata {
  std::string title;       // <title>
  std::string og_title;    // <meta property="og:title">
  std::string first_h1;
  std::string meta_date;   // the best dated <meta>, ISO
  int meta_date_rank = INT_MAX;
};

// How much a <meta> names the publication date: lower is better, -1 if not.
int DateMetaRank(const std::string& key) {
  static const char* const kKeys[] = {
      "article:published_time", "datepublished", "citation_publication_date", "dcterms.issued",
      "dc.date.issued", "dcterms.created", "dc.date.created", "dcterms.date", "dc.date", "date",
      "publication_date", "pubdate", "og:published_time", "article:modified_time"};
  for (size_t i = 0; i < sizeof(kKeys) / sizeof(kKeys[0]); ++i) {
    if (key == kKeys[i]) return static_cast<int>(i);
  }
  return -1;
}

PageMetadata ReadMetadata(xmlNode* html) {
  PageMetadata meta;
  WalkXmlTree(
      html,
      [&](xmlNode* n) {
        if (!IsElement(n)) return false;
        std::string_view name = NameOf(n);
        if (name == "title" && meta.title.empty()) {
          meta.title = NormaliseText(InnerText(n));
          return false;
        }
        if (name == "h1" && meta.first_h1.empty()) {
          meta.first_h1 = NormaliseText(InnerText(n));
          return false;
        }
        if (name == "meta") {
          std::string key = Lower(Attr(n, "property"));
          if (key.empty()) key = Lower(Attr(n, "name"));
          if (key.empty()) key = Lower(Attr(n, "itemprop"));
          std::string content = Attr(n, "content");
          if (key == "og:title" && meta.og_title.empty()) meta.og_title = NormaliseText(content);
          int rank = DateMetaRank(key);
          std::string date = rank >= 0 ? IsoDate(content) : "";
          if (!date.empty() && rank < meta.meta_date_rank) {
            meta.meta_date = date;
            meta.meta_date_rank = rank;
          }
          return false;
        }
        return true;
      },
      [](xmlNode*) {});
  return meta;
}

// ---------------------------------------------------------------------------
// Passages

// A list's numbering: <ol start reversed type>, <li value>.
struct ListState {
  const xmlNode* list = nullptr;
  bool ordered = false;
  long next = 1;
  int step = 1;
  char type = '1';  // 1, a, A, i, I
};

std::string Alphabetic(long n, bool upper) {
  if (n <= 0) return std::to_string(n);
  std::string out;
  while (n > 0) {
    --n;
    out.insert(out.begin(), static_cast<char>((upper ? 'A' : 'a') + n % 26));
    n /= 26;
  }
  return out;
}

std::string ListLabel(long n, char type) {
  switch (type) {
    case 'a': return Alphabetic(n, false);
    case 'A': return Alphabetic(n, true);
    case 'i': return RomanNumeral(n, false);
    case 'I': return RomanNumeral(n, true);
    default: return std::to_string(n);
  }
}

bool ParseLong(const std::string& s, long* out) {
  if (s.empty()) return false;
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(s.c_str(), &end, 10);
  if (errno != 0 || end == s.c_str()) return false;
  *out = v;
  return true;
}

// Turns the content elements into passages, in order.
class PassageWriter {
 public:
  // `page` knows which elements are furniture (MeasurePage decided, with the
  // same view of enclosing articles as this writer has).
  PassageWriter(Document* doc, const PageStats* page) : doc_(doc), out_(doc), page_(page) {}

  void Write(xmlNode* root) {
    WalkXmlTree(
        root, [&](xmlNode* n) { return Enter(n); }, [&](xmlNode* n) { Leave(n); });
    Flush();
    // A line in bold heads what follows it; at the end it heads nothing.
    if (bold_heading_ != 0 && bold_heading_ == doc_->passages.size()) {
      Passage& last = doc_->passages.back();
      last.kind = PassageKind::kParagraph;
      last.level = 0;
    }
  }

  // The first <time datetime> inside the content, ISO, or "".
  const std::string& time_date() const { return time_date_; }

 private:
  // Where text between block boundaries goes.
  struct Context {
    const xmlNode* element;
    PassageKind kind;
    int level;
    std::string label;  // consumed by the first passage written in the context
  };

  bool Enter(xmlNode* n) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      const std::string_view text = TextOf(n);
      text_.append(text);
      const size_t visible = Visible(text);
      visible_ += visible;
      line_visible_ += visible;
      if (bold_depth_ > 0) {
        bold_visible_ += visible;
        line_bold_ += visible;
      }
      return false;
    }
    if (!IsElement(n)) return false;
    if (page_->furniture.count(n) != 0) return false;
    std::string_view name = NameOf(n);
    if (name == "br") {
      // A blank line (two breaks) ends a paragraph of text typed with
      // breaks; a line in bold before a break is a heading of its own
      // ("<strong>What happens next</strong><br>").
      const bool blank = line_start_ != std::string::npos && line_visible_ == 0;
      const size_t line_from = line_start_ == std::string::npos ? 0 : line_start_;
      const bool bold_line = line_visible_ > 0 && line_bold_ == line_visible_ &&
                             heading_guess::LooksLikeBoldHeading(NormaliseText(text_.substr(line_from)));
      if (bold_line && visible_ > line_visible_) {
        // Text before the bold line is a paragraph of its own, the line a
        // heading over what follows.
        std::string line = text_.substr(line_from);
        const size_t line_visible = line_visible_, line_bold = line_bold_;
        text_.resize(line_from);
        visible_ -= line_visible;
        bold_visible_ -= line_bold;
        Flush();
        text_ = std::move(line);
        visible_ = line_visible;
        bold_visible_ = line_bold;
        Flush();
      } else if (blank || (visible_ > 0 && bold_visible_ == visible_)) {
        Flush();
      } else {
        text_ += ' ';
      }
      line_start_ = text_.size();
      line_visible_ = line_bold_ = 0;
      return false;
    }
    if (name == "strong" || name == "b") ++bold_depth_;
    if (name == "img" || name == "wbr") return false;
    if (name == "time" && time_date_.empty()) time_date_ = IsoDate(Attr(n, "datetime"));
    if (!IsBlockName(name)) {
      return true;
    }
    if (name == "dd" && joining_term_) {
      joining_term_ = false;
      return true;
    }
    Flush();
    if (name == "table" && data_table_ == nullptr && IsDataTable(n, *page_)) {
      data_table_ = n;
    } else if (name == "tr" && data_table_ != nullptr) {
      row_ = n;
      cells_.clear();
    } else if ((name == "td" || name == "th") && row_ != nullptr) {
      cells_.emplace_back();
    } else if (IsHeadingName(name)) {
      contexts_.push_back({n, PassageKind::kHeading, name[1] - '0', ""});
    } else if (name == "li") {
      EnterListItem(n);
    } else if ((name == "td" || name == "th") && IsNumberCell(n, *page_)) {
      // Minutes set as "number | item" in a layout table: the cell's
      // number labels the item, as a number typed before a paragraph does.
      cell_label_ = NormaliseText(InnerText(n));
      if (!cell_label_.empty() && cell_label_.back() == '.') cell_label_.pop_back();
      cell_label_row_ = n->parent;
      return false;
    } else if ((name == "td" || name == "th") && !IsLayoutCell(n, *page_)) {
      contexts_.push_back({n, PassageKind::kTableCell, 0, ""});
    } else if (name == "ul" || name == "ol") {
      EnterList(n, name == "ol");
    }
    return true;
  }

  void Leave(xmlNode* n) {
    if (!IsElement(n)) return;
    std::string_view name = NameOf(n);
    if ((name == "strong" || name == "b") && bold_depth_ > 0 && page_->furniture.count(n) == 0) --bold_depth_;
    if (!IsBlockName(name)) return;
    // A definition list's short term is read with its description, as a
    // table row's label is ("Present: Councillors ...", "Date of decision:
    // 17/03/2026").
    if (name == "dt" && visible_ > 0 && visible_ <= kMaxTermText) {
      xmlNode* next = n->next;
      while (next != nullptr && !IsElement(next)) next = next->next;
      if (NameIs(next, "dd") && page_->furniture.count(next) == 0) {
        text_ += ' ';
        joining_term_ = true;
        return;
      }
    }
    Flush();
    if (n == row_) {
      std::string row;
      for (const std::string& cell : cells_) {
        std::string text = NormaliseText(cell);
        if (text.empty()) continue;
        if (!row.empty()) row += " | ";
        row += text;
      }
      out_.Add(PassageKind::kTableCell, row, std::nullopt);
      row_ = nullptr;
      cells_.clear();
    }
    if (n == data_table_) data_table_ = nullptr;
    if (n == cell_label_row_) {
      cell_label_.clear();
      cell_label_row_ = nullptr;
    }
    if (!contexts_.empty() && contexts_.back().element == n) contexts_.pop_back();
    if (!lists_.empty() && lists_.back().list == n) lists_.pop_back();
  }

  void EnterList(const xmlNode* n, bool ordered) {
    ListState list;
    list.list = n;
    list.ordered = ordered;
    if (ordered) {
      std::string type = Attr(n, "type");
      if (type.size() == 1 && std::strchr("1aAiI", type[0]) != nullptr) list.type = type[0];
      if (HasAttr(n, "reversed")) {
        list.step = -1;
        long items = 0;
        for (xmlNode* c = n->children; c != nullptr; c = c->next) items += NameIs(c, "li") ? 1 : 0;
        list.next = items;
      }
      long start;
      if (ParseLong(Attr(n, "start"), &start)) list.next = start;
    }
    lists_.push_back(list);
  }

  void EnterListItem(const xmlNode* n) {
    std::string label;
    if (!lists_.empty() && lists_.back().ordered) {
      ListState& list = lists_.back();
      long value;
      if (ParseLong(Attr(n, "value"), &value)) list.next = value;
      label = ListLabel(list.next, list.type);
      list.next += list.step;
    }
    if (IsNoteItem(n)) {
      if (label.empty()) {
        label = Attr(n, "id");
        label.erase(0, label.find_first_of("0123456789") == std::string::npos ? label.size()
                                                                             : label.find_first_of("0123456789"));
      }
      contexts_.push_back({n, PassageKind::kParagraph, 0, std::move(label)});
      return;
    }
    int level = std::max(1, static_cast<int>(lists_.size()));
    contexts_.push_back({n, PassageKind::kListItem, level, std::move(label)});
  }

  void Flush() {
    const size_t before_flush = doc_->passages.size();
    FlushText();
    if (!cell_label_.empty() && doc_->passages.size() > before_flush) {
      Passage& first = doc_->passages[before_flush];
      if (first.label.empty()) first.label = cell_label_;
      cell_label_.clear();
    }
  }

  void FlushText() {
    // Wholly in bold: a heading typed in an editor's bold, when it reads as one.
    const bool all_bold = visible_ > 0 && bold_visible_ == visible_;
    visible_ = bold_visible_ = line_visible_ = line_bold_ = 0;
    line_start_ = std::string::npos;
    if (text_.empty()) return;
    std::string text = std::move(text_);
    text_.clear();
    if (row_ != nullptr) {
      // Inside a data table's row: the text belongs to the open cell (text
      // between cells, if any, to a cell of its own).
      if (cells_.empty()) cells_.emplace_back();
      cells_.back() += ' ';
      cells_.back() += text;
      return;
    }
    // A paragraph whose number is typed in its text ("(1) The Committee
    // received...", "12. The strategy..."), as minutes and reports written
    // for the web are: the number is its label, for citing.
    auto take_number = [&]() {
      std::string label;
      size_t lead = text.find_first_not_of(" \t\r\n");
      if (lead == std::string::npos) return label;
      if (size_t n = ParagraphNumber(std::string_view(text).substr(lead), &label); n > 0) text.erase(0, lead + n);
      return label;
    };
    const bool in_paragraph = contexts_.empty() || (contexts_.back().kind == PassageKind::kParagraph &&
                                                     contexts_.back().label.empty());
    if (all_bold && in_paragraph && heading_guess::LooksLikeBoldHeading(NormaliseText(text))) {
      out_.Heading(text, std::min(heading_level_ + 1, 6), std::nullopt);
      bold_heading_ = doc_->passages.size();
      return;
    }
    if (contexts_.empty()) {
      const std::string label = take_number();
      out_.Add(PassageKind::kParagraph, text, std::nullopt, label);
      return;
    }
    Context& c = contexts_.back();
    size_t before = doc_->passages.size();
    if (c.kind == PassageKind::kHeading) {
      out_.Heading(text, c.level, std::nullopt);
      heading_level_ = c.level;
    } else if (c.kind == PassageKind::kParagraph && c.label.empty()) {
      const std::string label = take_number();
      out_.Add(c.kind, text, std::nullopt, label);
    } else {
      out_.Add(c.kind, text, std::nullopt, c.label, c.kind == PassageKind::kListItem ? c.level : 0);
    }
    if (doc_->passages.size() > before) c.label.clear();
  }

  Document* doc_;
  PassageBuilder out_;
  const PageStats* page_;
  // Characters other than white space: how many text_ holds, and how many
  // of them are inside <strong> or <b>.
  static size_t Visible(std::string_view text) {
    size_t n = 0;
    for (char c : text) n += (c == ' ' || c == '\n' || c == '\t' || c == '\r') ? 0 : 1;
    // A no-break space (U+00A0, C2 A0) is white space too.
    for (size_t i = text.find("\xC2\xA0"); i != std::string_view::npos; i = text.find("\xC2\xA0", i + 2)) n -= 2;
    return n;
  }

  std::string text_;
  size_t visible_ = 0;
  size_t bold_visible_ = 0;
  int bold_depth_ = 0;
  size_t line_start_ = std::string::npos;  // where text_'s line after a <br> starts
  size_t line_visible_ = 0;                // visible and bold characters of that line
  size_t line_bold_ = 0;
  int heading_level_ = 1;                  // the level of the last marked heading
  size_t bold_heading_ = 0;                // the last heading found by its bold (passage n)
  std::vector<Context> contexts_;
  std::vector<ListState> lists_;
  std::string time_date_;
  const xmlNode* data_table_ = nullptr;  // the data table being written, if any
  static constexpr size_t kMaxTermText = 80;
  bool joining_term_ = false;            // a <dt>'s text waits for its <dd>
  std::string cell_label_;               // a number cell's number, for the row's next passage
  const xmlNode* cell_label_row_ = nullptr;
  const xmlNode* row_ = nullptr;         // its open row
  std::vector<std::string> cells_;       // the open row's cells' text
};

}  // namespace

Result<Document> ExtractHtml(const std::string& path, std::string_view bytes) {
  Document doc;
  doc.path = path;
  doc.format = Format::kHtml;
  std::string utf8 = DecodeHtml(bytes);
  // libxml2 stops at a NUL byte; browsers skip them too.
  utf8.erase(std::remove(utf8.begin(), utf8.end(), '\0'), utf8.end());
  if (utf8.size() > static_cast<size_t>(INT_MAX)) {
    return Status::ResourceExhausted(path, "HTML page too large to parse");
  }
  if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) {
    return doc;  // nothing to parse, nothing to say
  }
  static std::once_flag init_once;
  std::call_once(init_once, [] { xmlInitParser(); });
  XmlDocPtr tree(htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8",
                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                    HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE));
  if (tree == nullptr) return Status::Corrupt(path, "unreadable HTML");
  xmlNode* html = xmlDocGetRootElement(tree.get());
  if (html == nullptr) return doc;  // a page with no elements has no passages

  FurnitureFilter filter(html);
  PageStats page = MeasurePage(html, filter);
  std::vector<xmlNode*> content = ChooseContent(html, page);
  PageMetadata meta = ReadMetadata(html);

  PassageWriter writer(&doc, &page);
  for (xmlNode* root : content) writer.Write(root);

  if (!meta.og_title.empty()) {
    doc.title = meta.og_title;
  } else if (!meta.first_h1.empty() && (meta.title.empty() || meta.title.find(meta.first_h1) != std::string::npos)) {
    doc.title = meta.first_h1;
  } else {
    doc.title = meta.title;
  }
  doc.date = !meta.meta_date.empty() ? meta.meta_date : writer.time_date();
  return doc;
}

}  // namespace xref
