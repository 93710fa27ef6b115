// HTML extraction: main content only, structure as passages, encodings,
// metadata, and pages built to break it.
#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

#include "pipeline/extract.h"
#include "pipeline/tag.h"
#include "tests/testing/word_similarity.h"

namespace xref {
namespace {

Document Extract(std::string_view html) {
  Result<Document> doc = ExtractHtml("page.html", html);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(doc).value() : Document{};
}

// "kind|label|level|text" per passage.
std::vector<std::string> Shape(const Document& doc) {
  std::vector<std::string> out;
  for (const Passage& p : doc.passages) {
    out.push_back(std::string(PassageKindName(p.kind)) + "|" + p.label + "|" +
                  std::to_string(p.level) + "|" + p.text);
  }
  return out;
}

std::string AllText(const Document& doc) {
  std::string all;
  for (const Passage& p : doc.passages) all += p.text + "\n";
  return all;
}

bool Holds(const Document& doc, std::string_view needle) {
  for (const Passage& p : doc.passages) {
    if (p.text.find(needle) != std::string::npos) return true;
  }
  return false;
}

using Lines = std::vector<std::string>;

const char* const kLgaPage = XREF_SOURCE_DIR "/corpus/lga-briefing-childrens-social-care-reform-2023.html";

TEST(ExtractHtmlTest, LgaBriefingMatchesReferenceText) {
  std::string html = testing::ReadFileOrFail(kLgaPage);
  std::string reference = testing::ReadFileOrFail(
      XREF_SHARED_DIR "/corpus/reference/lga-briefing-childrens-social-care-reform-2023.txt");
  Result<Document> doc = ExtractFile(kLgaPage);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->format, Format::kHtml);
  double similarity = testing::WordSequenceSimilarity(AllText(*doc), reference);
  RecordProperty("similarity", std::to_string(similarity));
  EXPECT_GE(similarity, 0.99);
  EXPECT_EQ(doc->title, "Children\xE2\x80\x99s social care reform: implementation strategy and consultation");
}

// Every piece of text the page shows outside <main> (menus, search, banner,
// footer) and the breadcrumb inside it: none of it may reach a passage.
TEST(ExtractHtmlTest, LgaBriefingHasNoPageFurniture) {
  std::string html = testing::ReadFileOrFail(kLgaPage);
  size_t main_open = html.find("<main");
  size_t main_close = html.find("</main>");
  ASSERT_NE(main_open, std::string::npos);
  ASSERT_NE(main_close, std::string::npos);
  std::string outside = html.substr(0, main_open) + html.substr(main_close);
  size_t crumb = html.find("<nav class=\"breadcrumb\"");
  ASSERT_NE(crumb, std::string::npos);
  outside += html.substr(crumb, html.find("</nav>", crumb) - crumb);
  // Drop script and style bodies and the <head>, then take the text between tags.
  outside = std::regex_replace(outside, std::regex("<(script|style|head)[^>]*>[\\s\\S]*?</\\1>"), " ");
  std::vector<std::string> fragments;
  std::regex text_between_tags(">([^<>]+)<");
  for (auto it = std::sregex_iterator(outside.begin(), outside.end(), text_between_tags);
       it != std::sregex_iterator(); ++it) {
    std::string t = std::regex_replace((*it)[1].str(), std::regex("^\\s+|\\s+$"), "");
    if (t.size() >= 5) fragments.push_back(t);
  }
  ASSERT_GE(fragments.size(), 10u);  // the page really has furniture to leave out

  Result<Document> doc = ExtractFile(kLgaPage);
  ASSERT_TRUE(doc.ok());
  // Short fragments ("Parliament") may be words of the briefing too: they
  // must not be a passage of their own; longer ones must appear nowhere.
  for (const std::string& f : fragments) {
    for (const Passage& p : doc->passages) {
      EXPECT_NE(p.text, f) << "furniture as a passage";
      if (f.size() >= 20) {
        EXPECT_EQ(p.text.find(f), std::string::npos) << "furniture in a passage: " << f;
      }
    }
  }
  for (const Passage& p : doc->passages) {
    EXPECT_NE(p.text, "Topics");
    EXPECT_NE(p.text, "Cookies");
    EXPECT_NE(p.text, "Search");
  }
}

TEST(ExtractHtmlTest, LgaBriefingStructure) {
  Result<Document> doc = ExtractFile(kLgaPage);
  ASSERT_TRUE(doc.ok());
  int financial_items = 0, headings = 0, numbered = 0;
  for (const Passage& p : doc->passages) {
    if (p.section == "Financial commitments" && p.kind == PassageKind::kListItem) ++financial_items;
    if (p.section == "Financial commitments" && p.kind != PassageKind::kHeading) {
      EXPECT_EQ(p.kind, PassageKind::kListItem) << p.text;
    }
    if (p.kind == PassageKind::kHeading) ++headings;
    if (p.kind == PassageKind::kListItem && !p.label.empty()) ++numbered;
    EXPECT_EQ(p.page, std::nullopt);
  }
  EXPECT_EQ(financial_items, 10);
  EXPECT_GE(headings, 20);
  EXPECT_GE(numbered, 3);  // the page's one <ol>
  ASSERT_FALSE(doc->passages.empty());
  EXPECT_EQ(doc->passages[0].kind, PassageKind::kHeading);
  EXPECT_EQ(doc->passages[0].level, 1);
}

// Another site's shape: no <article>, no <main>; a menu, a sidebar of links,
// a content div and a footer.
TEST(ExtractHtmlTest, ContentWithoutArticleIsFoundByDensity) {
  const char* page = R"(<!DOCTYPE html><html><head><title>Air quality plan | Anytown Council</title></head>
<body>
<div id="top"><ul class="links"><li><a href="/">Home</a></li><li><a href="/bins">Bins and recycling</a></li>
<li><a href="/parking">Parking permits</a></li><li><a href="/tax">Council tax</a></li></ul></div>
<div id="left-col">
  <h3>In this section</h3>
  <ul><li><a href="/a">Clean air zone charges</a></li><li><a href="/b">Pollution monitoring sites</a></li>
  <li><a href="/c">Report a smoky chimney</a></li><li><a href="/d">Anti-idling enforcement</a></li></ul>
</div>
<div id="col-2">
  <h1>Air quality action plan 2024 to 2029</h1>
  <p>The council will reduce nitrogen dioxide levels on the ring road, working with bus operators, schools and residents.</p>
  <p>We will install 40 new monitoring stations by March 2025, and publish the readings every month, so that residents can see progress.</p>
  <p>A school streets scheme, funded with &pound;2.5 million, will close roads outside twelve primary schools at drop-off times.</p>
</div>
<div class="bottom"><p>Copyright Anytown Borough Council, Town Hall, Anytown AN1 1AA. All rights reserved.</p>
<p><a href="/privacy">Privacy notice</a> | <a href="/access">Accessibility statement</a></p></div>
</body></html>)";
  Document doc = Extract(page);
  EXPECT_TRUE(Holds(doc, "nitrogen dioxide"));
  EXPECT_TRUE(Holds(doc, "40 new monitoring stations"));
  EXPECT_TRUE(Holds(doc, "\xC2\xA3" "2.5 million"));
  for (const char* furniture : {"Bins and recycling", "Council tax", "In this section",
                                "Clean air zone charges", "Copyright Anytown", "Privacy notice"}) {
    EXPECT_FALSE(Holds(doc, furniture)) << furniture;
  }
  ASSERT_FALSE(doc.passages.empty());
  EXPECT_EQ(doc.passages[0].kind, PassageKind::kHeading);
  EXPECT_EQ(doc.passages[0].text, "Air quality action plan 2024 to 2029");
  EXPECT_EQ(doc.title, "Air quality plan | Anytown Council");
}

// Minutes and reports written for the web type their paragraph numbers:
// the number is the passage's label, for citing, and not part of its text.
TEST(ExtractHtmlTest, TypedParagraphNumbersAreLabels) {
  Document doc = Extract(R"(<html><body><article><h1>Minutes of the Scrutiny Committee</h1>
<p>(1) The Committee received the annual update on the Council's flood plan and noted the funding.</p>
<p>
  12. Members asked when the new pumping station at the harbour would be finished.</p>
<p>2024 was the wettest year on record across the whole of the county and its coast.</p>
</article></body></html>)");
  std::vector<const Passage*> paragraphs;
  for (const Passage& p : doc.passages) {
    if (p.kind == PassageKind::kParagraph) paragraphs.push_back(&p);
  }
  ASSERT_EQ(paragraphs.size(), 3u);
  EXPECT_EQ(paragraphs[0]->label, "(1)");
  EXPECT_EQ(paragraphs[0]->text.rfind("The Committee received", 0), 0u) << paragraphs[0]->text;
  EXPECT_EQ(paragraphs[1]->label, "12");
  EXPECT_EQ(paragraphs[1]->text.rfind("Members asked", 0), 0u) << paragraphs[1]->text;
  EXPECT_EQ(paragraphs[2]->label, "");  // a year is no paragraph number
  EXPECT_EQ(paragraphs[2]->text.rfind("2024 was", 0), 0u);
}

TEST(ExtractHtmlTest, CookieDialogsBannersAndHiddenTextAreLeftOut) {
  const char* page = R"(<html><body>
<div id="cookieBanner" class="cc-window"><p>We use cookies to make this site work. Accept all cookies?</p>
<button>Accept</button></div>
<div class="consent-overlay__content"><p>Manage your consent preferences here.</p></div>
<div role="dialog" aria-modal="true"><p>Sign up to our email alerts today.</p></div>
<main>
<p>School transport will be free for pupils living more than two miles from school.</p>
<p hidden>Hidden by attribute.</p>
<p aria-hidden="true">Hidden from assistive technology.</p>
<div style="display: none"><p>Hidden by style.</p></div>
<div class="share-buttons"><a href="#">Share on Facebook</a></div>
<section class="related-links"><h2>Related pages</h2><p>Home to school transport appeals.</p></section>
<div class="gem-c-feedback"><h2>Is this page useful?</h2><button>Yes</button>
<a href="/contact">Report a problem with this page</a></div>
<p>Applications open on 1 June 2024.</p>
<script>var tracking = "should never appear";</script>
<style>p { color: red }</style>
<noscript>Please enable JavaScript.</noscript>
<template><p>Template text.</p></template>
</main>
</body></html>)";
  Document doc = Extract(page);
  EXPECT_EQ(Shape(doc),
            (Lines{"paragraph||0|School transport will be free for pupils living more than two miles from school.",
                   "paragraph||0|Applications open on 1 June 2024."}));
}

TEST(ExtractHtmlTest, HeaderAndFooterInsideTheArticleStay) {
  Document doc = Extract(
      "<body><header><p>Site name</p></header><article><header><h1>Report title</h1></header>"
      "<p>Body text of the report.</p><footer><p>Published by the council.</p></footer></article>"
      "<footer><p>Site footer.</p></footer></body>");
  EXPECT_EQ(Shape(doc), (Lines{"heading||1|Report title", "paragraph||0|Body text of the report.",
                                "paragraph||0|Published by the council."}));
}

TEST(ExtractHtmlTest, TheArticleWithMostTextWins) {
  Document doc = Extract(
      "<body><article><p>Short teaser.</p></article>"
      "<article><h2>The real story</h2><p>A long paragraph, with commas, and much more text than the teaser "
      "has, so that it is the content.</p></article></body>");
  EXPECT_EQ(Shape(doc), (Lines{"heading||2|The real story",
                                "paragraph||0|A long paragraph, with commas, and much more text than the "
                                "teaser has, so that it is the content."}));
}

TEST(ExtractHtmlTest, OrderedListsNumberTheirItems) {
  Document doc = Extract(
      "<main><ol start=\"5\"><li>fifth</li><li>sixth</li><li value=\"10\">tenth</li><li>eleventh</li></ol>"
      "<ol type=\"a\"><li>first letter</li><li>second letter</li></ol>"
      "<ol type=\"i\" start=\"3\"><li>third roman</li></ol>"
      "<ol reversed><li>three</li><li>two</li><li>one</li></ol>"
      "<ul><li>bullet</li></ul></main>");
  EXPECT_EQ(Shape(doc),
            (Lines{"list_item|5|1|fifth", "list_item|6|1|sixth", "list_item|10|1|tenth",
                   "list_item|11|1|eleventh", "list_item|a|1|first letter", "list_item|b|1|second letter",
                   "list_item|iii|1|third roman", "list_item|3|1|three", "list_item|2|1|two",
                   "list_item|1|1|one", "list_item||1|bullet"}));
}

TEST(ExtractHtmlTest, NestedLists) {
  Document doc = Extract(
      "<main><ul><li>Top one<ul><li>Inner one<ol><li>Deepest</li></ol></li><li>Inner two</li></ul></li>"
      "<li>Top <b>two</b></li></ul></main>");
  EXPECT_EQ(Shape(doc), (Lines{"list_item||1|Top one", "list_item||2|Inner one", "list_item|1|3|Deepest",
                                "list_item||2|Inner two", "list_item||1|Top two"}));
}

// A data table reads as the PDF extractor reads one: a passage per row (the
// header row too), its non-empty cells joined with " | ", so that a figure
// keeps its row's label. Two short paragraphs in a cell are a wrapped label.
TEST(ExtractHtmlTest, Tables) {
  Document doc = Extract(
      "<main><h2>Funding</h2><table><caption>Allocations</caption>"
      "<thead><tr><th>Programme</th><th>Amount</th><th></th></tr></thead>"
      "<tbody><tr><td>Family help</td><td>&pound;45m</td><td></td></tr>"
      "<tr><td><p>Kinship</p><p>care</p></td><td>&pound;9m</td><td>new</td></tr></tbody></table></main>");
  EXPECT_EQ(Shape(doc), (Lines{"heading||2|Funding", "paragraph||0|Allocations",
                                "table_cell||0|Programme | Amount", "table_cell||0|Family help | \xC2\xA3" "45m",
                                "table_cell||0|Kinship care | \xC2\xA3" "9m | new"}));
  EXPECT_EQ(doc.passages[2].section, "Funding");
}

// Minutes set as an "item | discussion" table: a cell of several paragraphs
// is layout, so the table is not collapsed into rows and the paragraphs stay
// passages of their own; the item's number, alone in its cell, labels the
// item's first passage.
TEST(ExtractHtmlTest, MinutesTableWithParagraphsInCells) {
  Document doc = Extract(
      "<main><h2>Minutes</h2><table><tr><td>5</td><td><p>The Committee considered the report of the Head of "
      "Housing on temporary accommodation.</p><p>Members asked about the cost of nightly paid rooms.</p>"
      "<p>RESOLVED that the report be noted.</p></td></tr>"
      "<tr><td>6</td><td><p>Apologies were received.</p></td></tr></table></main>");
  EXPECT_EQ(Shape(doc),
            (Lines{"heading||2|Minutes",
                   "paragraph|5|0|The Committee considered the report of the Head of Housing on temporary "
                   "accommodation.",
                   "paragraph||0|Members asked about the cost of nightly paid rooms.",
                   "paragraph||0|RESOLVED that the report be noted.",
                   "table_cell|6|0|Apologies were received."}));
}

// The real strategy's funding table: each sum is in a passage with its
// programme's name, and the tagger finds the sum there.
TEST(ExtractHtmlTest, RealFundingTableRowsHoldTheirProgramme) {
  Result<Document> doc =
      ExtractFile(XREF_SOURCE_DIR "/tests/data/fourth-corpus/homelessness/a-place-to-call-home-homelessness-strategy.html");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  bool found = false;
  for (const Passage& p : doc->passages) {
    if (p.kind != PassageKind::kTableCell) continue;
    EXPECT_NE(p.text.find(" | "), std::string::npos) << p.text;  // no cell alone
    if (p.text.rfind("Housing First Fund | ", 0) != 0) continue;
    for (const Tag& tag : Tagger().Find(p.text)) {
      if (tag.kind == TagKind::kMoney && tag.money.amount == 180000000) found = true;
    }
  }
  EXPECT_TRUE(found);
}

// Content in several sibling sections, no <main>: all of them are the content.
TEST(ExtractHtmlTest, ContentSplitIntoSections) {
  std::string page = "<body><div class=\"links\"><a href=\"/1\">One link</a> <a href=\"/2\">Two link</a></div>"
                     "<div id=\"page\">";
  const char* topics[] = {"Air quality", "Noise", "Contaminated land", "Water"};
  for (const char* topic : topics) {
    page += std::string("<section><h2>") + topic + "</h2><div class=\"text\"><p>The council monitors " + topic +
            ", publishes the results, and acts on them where limits are exceeded, working with partners.</p>"
            "<p>Residents can report problems online, by phone, or in person at the town hall.</p></div></section>";
  }
  page += "</div><div class=\"links\"><a href=\"/3\">Three link</a></div></body>";
  Document doc = Extract(page);
  for (const char* topic : topics) EXPECT_TRUE(Holds(doc, std::string("monitors ") + topic)) << topic;
  EXPECT_FALSE(Holds(doc, "One link"));
  EXPECT_FALSE(Holds(doc, "Three link"));
  EXPECT_EQ(doc.passages.size(), 12u);
}

// An old site that lays the whole page out in a table: its cells are not
// data, so the headings and paragraphs inside keep their kinds.
TEST(ExtractHtmlTest, LayoutTables) {
  Document doc = Extract(
      "<body><table><tr><td><a href=\"/\">Home</a> <a href=\"/a\">Services</a></td>"
      "<td><h1>Home to school transport</h1><p>Pupils living more than three miles from school, or two miles "
      "for those under eight, qualify for free travel.</p><p>Apply by 31 July.</p>"
      "<ul><li>Bus passes</li><li>Taxis where no bus runs</li></ul>"
      "<table><tr><th>Age</th><th>Distance</th></tr><tr><td>Under 8</td><td>2 miles</td></tr></table>"
      "</td></tr></table></body>");
  EXPECT_EQ(Shape(doc),
            (Lines{"heading||1|Home to school transport",
                   "paragraph||0|Pupils living more than three miles from school, or two miles for those under "
                   "eight, qualify for free travel.",
                   "paragraph||0|Apply by 31 July.", "list_item||1|Bus passes", "list_item||1|Taxis where no bus runs",
                   "table_cell||0|Age | Distance", "table_cell||0|Under 8 | 2 miles"}));
}

TEST(ExtractHtmlTest, BlocksAndInlineElements) {
  Document doc = Extract(
      "<main><h3>Heading <em>three</em></h3><p>One <a href=\"x\">link</a>, <strong>bold</strong>, "
      "<span>span</span> and a<br>break.</p><blockquote>A quote.</blockquote>"
      "<dl><dt>Term</dt><dd>Its definition.</dd></dl><div>Loose div text <p>inner para</p> tail text</div>"
      "<h6>Six</h6><p>Under six.</p></main>");
  EXPECT_EQ(Shape(doc), (Lines{"heading||3|Heading three", "paragraph||0|One link, bold, span and a break.",
                                "paragraph||0|A quote.", "paragraph||0|Term Its definition.",
                                "paragraph||0|Loose div text", "paragraph||0|inner para",
                                "paragraph||0|tail text", "heading||6|Six", "paragraph||0|Under six."}));
  EXPECT_EQ(doc.passages.back().section, "Six");
}

// Pages typed in a content editor: paragraphs made with blank lines of
// breaks, and headings made with bold, a whole paragraph or a line of one (a
// heading at the end heads nothing).
TEST(ExtractHtmlTest, BreaksAndBoldLinesTypedInAnEditor) {
  Document doc = Extract(
      "<main><h2>Council agrees plan</h2><div>The Cabinet agreed a £12m programme.<br><br>"
      "The money comes from a national fund.<br>\n<br>\n<strong>What happens next</strong><br>"
      "Work starts in April.<br>Residents can report potholes online.</div>"
      "<p><b>Key figures:</b></p><p><strong>Note:</strong> figures are provisional.</p>"
      "<p><strong>Contact us</strong></p>"
      "<div>Bids close in May.<br><b>How to apply</b><br>Apply online by 30 May 2026.</div></main>");
  EXPECT_EQ(Shape(doc), (Lines{"heading||2|Council agrees plan", "paragraph||0|The Cabinet agreed a £12m programme.",
                                "paragraph||0|The money comes from a national fund.",
                                "heading||3|What happens next",
                                "paragraph||0|Work starts in April. Residents can report potholes online.",
                                "paragraph||0|Key figures:", "paragraph||0|Note: figures are provisional.",
                                "heading||3|Contact us", "paragraph||0|Bids close in May.",
                                "heading||3|How to apply", "paragraph||0|Apply online by 30 May 2026."}));
  EXPECT_EQ(doc.passages[4].section, "What happens next");
}

TEST(ExtractHtmlTest, TitleAndDate) {
  struct Case {
    const char* head;
    const char* body;
    const char* title;
    const char* date;
  };
  const Case cases[] = {
      {"<title>Page | Site</title><meta property=\"og:title\" content=\"Open Graph title\">"
       "<meta property=\"article:published_time\" content=\"2023-02-02T09:30:00+00:00\">",
       "<main><h1>Heading</h1><p>x</p></main>", "Open Graph title", "2023-02-02"},
      {"<title>Heading one | Site</title><meta name=\"date\" content=\"2024-11-05\">",
       "<main><h1>Heading one</h1><p>x</p></main>", "Heading one", "2024-11-05"},
      {"<title>Just the title</title><meta name=\"DC.date\" content=\"2021/03/09\">",
       "<main><h1>Other</h1><p>x</p></main>", "Just the title", "2021-03-09"},
      {"<title>T</title>", "<main><p>Posted <time datetime=\"2022-07-01T10:00\">1 July</time></p></main>", "T",
       "2022-07-01"},
      {"<title>T</title><meta name=\"date\" content=\"not a date\">", "<main><p>x</p></main>", "T", ""},
      {"", "<main><h1>Only a heading</h1><p>x</p></main>", "Only a heading", ""},
  };
  for (const Case& c : cases) {
    Document doc = Extract(std::string("<html><head>") + c.head + "</head><body>" + c.body + "</body></html>");
    EXPECT_EQ(doc.title, c.title) << c.head;
    EXPECT_EQ(doc.date, c.date) << c.head;
  }
}

// A page that declares no charset and is not UTF-8 is read as Windows-1252,
// as browsers in Western European locales read it; one that declares UTF-8
// has its bad bytes repaired as a browser does.
TEST(ExtractHtmlTest, UndeclaredBytesThatAreNotUtf8AreWindows1252) {
  Document doc = Extract("<html><body><main><p>Budget \xA3" "45m and caf\xE9 here.</p></main></body></html>");
  ASSERT_EQ(doc.passages.size(), 1u);
  EXPECT_EQ(doc.passages[0].text, "Budget \xC2\xA3" "45m and caf\xC3\xA9 here.");
  Document declared = Extract(
      "<html><head><meta charset=\"utf-8\"></head><body><main><p>Budget \xA3" "45m.</p></main></body></html>");
  ASSERT_EQ(declared.passages.size(), 1u);
  EXPECT_EQ(declared.passages[0].text, "Budget \xEF\xBF\xBD" "45m.");
}

TEST(ExtractHtmlTest, Latin1PageWithCharsetMeta) {
  for (const char* meta : {"<meta charset=\"iso-8859-1\">",
                           "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"}) {
    std::string page = std::string("<html><head>") + meta +
                       "<title>Caf\xE9</title></head><body><main><p>\x93" "Caf\xE9 culture\x94 costs \xA3" "5 "
                       "\x96 or \x80" "6.</p></main></body></html>";
    Document doc = Extract(page);
    ASSERT_EQ(doc.passages.size(), 1u) << meta;
    EXPECT_EQ(doc.passages[0].text,
              "\xE2\x80\x9C" "Caf\xC3\xA9 culture\xE2\x80\x9D costs \xC2\xA3" "5 \xE2\x80\x93 or \xE2\x82\xAC" "6.")
        << meta;
    EXPECT_EQ(doc.title, "Caf\xC3\xA9") << meta;
  }
}

TEST(ExtractHtmlTest, Utf16WithByteOrderMark) {
  std::string ascii = "<html><body><main><p>Wide text.</p></main></body></html>";
  std::string page("\xFF\xFE", 2);
  for (char c : ascii) {
    page += c;
    page += '\0';
  }
  Document doc = Extract(page);
  EXPECT_EQ(Shape(doc), (Lines{"paragraph||0|Wide text."}));
}

TEST(ExtractHtmlTest, HundredThousandDeepNestingDoesNotCrash) {
  std::string page = "<html><body><main><p>Before the depths.</p>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "deep text";
  for (int i = 0; i < 100000; ++i) page += "</div>";
  page += "<p>After the depths.</p></main></body></html>";
  Document doc = Extract(page);
  EXPECT_TRUE(Holds(doc, "Before the depths."));
  EXPECT_TRUE(Holds(doc, "deep text"));
  EXPECT_TRUE(Holds(doc, "After the depths."));
}

TEST(ExtractHtmlTest, DeepInlineNestingDoesNotCrash) {
  std::string page = "<p>";
  for (int i = 0; i < 100000; ++i) page += "<span><b>";
  page += "inline";
  Document doc = Extract(page);  // unclosed on purpose
  EXPECT_EQ(Shape(doc), (Lines{"paragraph||0|inline"}));
}

TEST(ExtractHtmlTest, OddInputs) {
  EXPECT_TRUE(Extract("").passages.empty());
  EXPECT_TRUE(Extract("<html></html>").passages.empty());
  EXPECT_EQ(Shape(Extract("just text, no tags")), (Lines{"paragraph||0|just text, no tags"}));
  const char nul_page[] = "<html>\0\0\0<p>nul bytes</p>";
  EXPECT_TRUE(Holds(Extract(std::string(nul_page, sizeof(nul_page) - 1)), "nul bytes"));
  Extract("<table><tr><td><table><tr><td>cell in cell");
  Extract("<ol start=\"-99999999999999999999\"><li>x</li></ol><ol start=\"abc\"><li>y</li></ol>");
}

}  // namespace
}  // namespace xref

namespace xref {
namespace {

const char* const kWebPages = XREF_SOURCE_DIR "/tests/data/producers/web/";

Document ExtractWebPage(const std::string& name) {
  Result<Document> doc = ExtractFile(kWebPages + name);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? std::move(doc).value() : Document{};
}

const Passage* Find(const Document& doc, std::string_view start) {
  for (const Passage& p : doc.passages) {
    if (p.text.rfind(start, 0) == 0) return &p;
  }
  return nullptr;
}

// A Modern.Gov "agenda and minutes" page: the items are rows of a table,
// the number in one cell and the title, documents and minutes in the next.
// No item is the page's content alone: every item's minutes come out, in
// order, each item's title labelled with its number, under the meeting's
// heading, date and venue; the hidden column headings, the print-only
// note, the menus, breadcrumb, cookie notice and footer do not.
TEST(ExtractHtmlWebPagesTest, ModernGovMinutesTable) {
  Document doc = ExtractWebPage("moderngov-minutes.html");
  const std::vector<std::pair<std::string, std::string>> items = {
      {"41", "Apologies for absence"}, {"42", "Declarations of interest"},
      {"43", "Minutes of the previous meeting"}, {"44", "Temporary Accommodation Procurement Strategy"},
      {"45", "Work programme"}};
  int last = 0;
  for (const auto& [number, title] : items) {
    const Passage* p = Find(doc, title);
    ASSERT_NE(p, nullptr) << title;
    EXPECT_EQ(p->label, number) << title;
    EXPECT_GT(p->n, last) << title;
    last = p->n;
  }
  for (std::string_view text : {"Apologies for absence were received", "Councillor Brightwell declared",
                                "RESOLVED that the minutes", "The Head of Housing Needs introduced",
                                "Members asked whether", "In response, officers explained",
                                "The Committee noted its work programme"}) {
    EXPECT_NE(Find(doc, text), nullptr) << text;
  }
  ASSERT_FALSE(doc.passages.empty());
  ASSERT_GE(doc.passages.size(), 2u);
  EXPECT_EQ(doc.passages[0].text, "Agenda and minutes");
  EXPECT_EQ(doc.passages[1].text, "Housing and Communities Committee");
  EXPECT_EQ(doc.passages[1].kind, PassageKind::kHeading);
  const Passage* date = Find(doc, "Date: Tuesday, 10th March, 2026");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->section, "Housing and Communities Committee");
  for (std::string_view furniture : {"Skip to main content", "We use cookies", "Calendar", "Committee structure",
                                     "Attendance", "No.", "Video recording", "This page was printed",
                                     "Ashcombe District Council, Civic Offices", "Privacy"}) {
    EXPECT_EQ(Find(doc, furniture), nullptr) << furniture;
  }
}

// A Modern.Gov decision page: the decision's title sits in a heading above
// the block of prose the scorer picks, and the documents' links carry text
// for screen readers only ("(opens in a new window)").
TEST(ExtractHtmlWebPagesTest, ModernGovDecisionDetails) {
  Document doc = ExtractWebPage("moderngov-decision.html");
  ASSERT_FALSE(doc.passages.empty());
  ASSERT_GE(doc.passages.size(), 2u);
  EXPECT_EQ(doc.passages[0].text, "Decision details");
  EXPECT_EQ(doc.passages[1].kind, PassageKind::kHeading);
  EXPECT_EQ(doc.passages[1].text, "Household Support Fund 2026/27 allocation scheme");
  const Passage* date = Find(doc, "Date of decision:");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->text, "Date of decision: 17/03/2026");  // a <dt> read with its <dd>
  const Passage* first = Find(doc, "approve the allocation scheme");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->label, "(1)");
  EXPECT_EQ(first->section, "Decision:");
  const Passage* report = Find(doc, "Household Support Fund 2026/27 report");
  ASSERT_NE(report, nullptr);
  EXPECT_EQ(report->text, "Household Support Fund 2026/27 report PDF 340 KB");
  for (std::string_view furniture : {"Skip to content", "Home", "Related links", "Benefits and financial help",
                                     "Was this page helpful?", "Kelbourne Metropolitan Borough Council, Town Hall"}) {
    EXPECT_EQ(Find(doc, furniture), nullptr) << furniture;
  }
}

// A council news page in the GOV.UK design system: accordion sections'
// headings sit in "section-header" blocks inside <main>; the page's own
// contents list, the print-only note, the related-content column and the
// "Is this page useful?" block are furniture.
TEST(ExtractHtmlWebPagesTest, GovukNewsPage) {
  Document doc = ExtractWebPage("govuk-news.html");
  const Passage* who = Find(doc, "Who the plan will help");
  ASSERT_NE(who, nullptr);
  EXPECT_EQ(who->kind, PassageKind::kHeading);
  const Passage* families = Find(doc, "At the end of December 2025");
  ASSERT_NE(families, nullptr);
  EXPECT_EQ(families->section, "Who the plan will help");
  const Passage* lead = Find(doc, "Fernleigh Borough Council's Cabinet has agreed");
  ASSERT_NE(lead, nullptr);
  EXPECT_EQ(lead->section, "Council agrees plan to cut use of bed and breakfast for homeless families");
  int what_the_plan_does = 0;
  for (const Passage& p : doc.passages) what_the_plan_does += p.text == "What the plan does" ? 1 : 0;
  EXPECT_EQ(what_the_plan_does, 1);  // the heading, not its entry in the contents list
  for (std::string_view furniture : {"On this page", "Printed from", "Related content", "Homeless or at risk",
                                     "Is this page useful?", "Report a problem", "Cookies on", "Skip to main content",
                                     "This is a new service", "Home", "Share this page", "Facebook"}) {
    EXPECT_EQ(Find(doc, furniture), nullptr) << furniture;
  }
}

// Share links are furniture whatever their block is called; a list of links
// to other pages is not.
TEST(ExtractHtmlTest, ShareLinksAreFurniture) {
  Document doc = Extract(
      "<main><h1>Plan agreed</h1><p>The Cabinet agreed the plan for 2026 and the money for it.</p>"
      "<div><h2>Share this page</h2><ul><li><a href=\"https://www.facebook.com/sharer/sharer.php?u=x\">Facebook</a>"
      "</li><li><a href=\"https://twitter.com/intent/tweet?url=x\">Twitter</a></li>"
      "<li><a href=\"mailto:?subject=Plan%20agreed\">Email</a></li></ul></div>"
      "<h2>Documents</h2><ul><li><a href=\"/report.pdf\">Cabinet report</a></li>"
      "<li><a href=\"https://www.inbox.com/intent\">Appendix</a></li></ul></main>");
  EXPECT_EQ(Shape(doc), (Lines{"heading||1|Plan agreed", "paragraph||0|The Cabinet agreed the plan for 2026 and the money for it.",
                                "heading||2|Documents", "list_item||1|Cabinet report", "list_item||1|Appendix"}));
}

// Footnotes as govspeak (GOV.UK) and Markdown renderers write them: an
// <ol> of notes after the last section, each with a "↩" link back. A note
// is a paragraph labelled with its number, not an item of the list of
// undertakings the last heading ("Next steps") would make it, and the
// back-link is no text.
TEST(ExtractHtmlTest, FootnoteListIsNotesNotListItems) {
  Document doc = Extract(
      "<main><h2>Next steps</h2><p>8.1 We will publish the allocations by January 2026.</p>"
      "<div class=\"footnotes\" role=\"doc-endnotes\"><ol>"
      "<li id=\"fn:1\" role=\"doc-endnote\"><p>Department for Transport, Road statistics 2025. "
      "<a href=\"#fnref:1\" role=\"doc-backlink\">&#8617;</a></p></li>"
      "<li id=\"fn:2\" role=\"doc-endnote\"><p>Asphalt survey 2025. <a href=\"#fnref:2\" "
      "role=\"doc-backlink\">&#8617;</a></p></li></ol></div>"
      "<section class=\"footnotes\"><ol><li id=\"fn3\"><p>Pandoc's note, with no roles.</p></li></ol></section>"
      "<h2>Also</h2><ol><li id=\"item-1\">An item of an ordinary list.</li></ol></main>");
  EXPECT_EQ(Shape(doc), (Lines{"heading||2|Next steps", "paragraph|8.1|0|We will publish the allocations by January 2026.",
                                "paragraph|1|0|Department for Transport, Road statistics 2025.",
                                "paragraph|2|0|Asphalt survey 2025.", "paragraph|1|0|Pandoc's note, with no roles.",
                                "heading||2|Also", "list_item|1|1|An item of an ordinary list."}));
}

// Content set in blocks side by side (a newsletter's columns), each under
// a heading outside it: every heading comes out before its block.
TEST(ExtractHtmlWebPagesTest, HeadingsBetweenContentBlocks) {
  Result<Document> doc = ExtractFile(XREF_SOURCE_DIR "/tests/data/producers/make/newsletter-columns.html");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  const Passage* works = Find(*doc, "Work to resurface the high street");
  ASSERT_NE(works, nullptr);
  EXPECT_EQ(works->section, "Your neighbourhood");
  const Passage* budget = Find(*doc, "The council has agreed its budget");
  ASSERT_NE(budget, nullptr);
  EXPECT_EQ(budget->section, "Council news");
}

// A CMIS-style minutes page: the items are rows of a table, the minute
// number in a cell beside the item's title and the minutes in the next row;
// the meeting's heading sits in a "MeetingHeader" block and the attendance
// in a definition list above the table. Item 99 holds most of the prose,
// but the table of numbered items is the content, with the heading and
// attendance above it; "Present:" is read with its names.
TEST(ExtractHtmlWebPagesTest, CmisMinutesTable) {
  Document doc = ExtractWebPage("cmis-minutes.html");
  ASSERT_GE(doc.passages.size(), 3u);
  EXPECT_EQ(doc.passages[0].text, "Cabinet");
  EXPECT_EQ(doc.passages[0].kind, PassageKind::kHeading);
  EXPECT_EQ(doc.passages[2].text.rfind("Present: Councillor R Ashworth", 0), 0u) << doc.passages[2].text;
  int last = 0;
  for (const auto& [number, title] : std::vector<std::pair<std::string, std::string>>{
           {"97", "Apologies for Absence"}, {"98", "Declarations of Interest"},
           {"99", "Home to School Transport Policy 2026/27"}}) {
    const Passage* p = Find(doc, title);
    ASSERT_NE(p, nullptr) << title;
    EXPECT_EQ(p->label, number) << title;
    EXPECT_GT(p->n, last) << title;
    last = p->n;
  }
  EXPECT_NE(Find(doc, "Apologies were received from Councillor K Osei."), nullptr);
  EXPECT_NE(Find(doc, "There were no declarations of interest."), nullptr);
  const Passage* report = Find(doc, "Report of the Director of Children's Services");
  ASSERT_NE(report, nullptr);
  EXPECT_EQ(report->text, "Report of the Director of Children's Services");  // no "(opens in a new window)"
  for (std::string_view furniture : {"Jump to content", "Residents", "Your council", "Meetings calendar", "Print this page",
                                     "Accessibility statement"}) {
    EXPECT_EQ(Find(doc, furniture), nullptr) << furniture;
  }
}

}  // namespace
}  // namespace xref
