// Test fixtures for the linker: documents read and tagged through the real
// pipeline (ExtractFile, Tagger, ClassifyStance), with stand-ins used only
// while those stages are placeholders that return nothing, so that the
// linker can be measured on its own. Tests report which path they took.
#pragma once

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/extract.h"
#include "pipeline/link.h"
#include "pipeline/tag.h"

namespace xref::testing {

inline std::string ReadFileOrEmpty(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Stand-in extraction for Markdown/plain text: '#' headings, "N." numbered
// paragraphs (label N), "- " / "• " list items, other blank-line or
// line-separated blocks as paragraphs.
inline Document SplitPlainText(const std::string& path, const std::string& text) {
  Document doc;
  doc.path = path;
  doc.format = Format::kMarkdown;
  std::string section;
  std::istringstream lines(text);
  std::string line;
  int n = 0;
  static const std::regex numbered(R"(^\s*(\d{1,3})\.\s+(.*)$)");
  while (std::getline(lines, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    size_t first = line.find_first_not_of(' ');
    if (first == std::string::npos) continue;
    line = line.substr(first);
    Passage p;
    p.n = ++n;
    p.section = section;
    std::smatch m;
    if (line[0] == '#') {
      size_t level = line.find_first_not_of('#');
      p.kind = PassageKind::kHeading;
      p.level = static_cast<int>(level);
      p.text = line.substr(line.find_first_not_of(' ', level));
      // Bold-only lines are headings too in the reference captures.
    } else if (line.rfind("- ", 0) == 0 || line.rfind("\xE2\x80\xA2 ", 0) == 0) {
      p.kind = PassageKind::kListItem;
      p.text = line.substr(line.find(' ') + 1);
    } else if (std::regex_match(line, m, numbered)) {
      p.kind = PassageKind::kParagraph;
      p.label = m[1];
      p.text = m[2];
    } else if (line.size() < 90 && line.find('.') == std::string::npos &&
               line.find("**") == std::string::npos) {
      p.kind = PassageKind::kHeading;
      p.level = 2;
      p.text = line;
    } else {
      p.kind = PassageKind::kParagraph;
      p.text = line;
      std::string stripped;
      for (size_t i = 0; i < p.text.size(); ++i) {
        if (p.text.compare(i, 2, "**") == 0) { ++i; continue; }
        stripped.push_back(p.text[i]);
      }
      p.text = stripped;
    }
    if (p.kind == PassageKind::kHeading) {
      section = p.text;
      if (doc.title.empty()) doc.title = p.text;
    }
    doc.passages.push_back(std::move(p));
  }
  return doc;
}

// Stand-in tagger: sums in pounds, a few date forms, and sentences with
// "will"/"is to"/"are to" (or items of a commitments list) as commitments.
inline std::vector<Tag> StandInTags(const Passage& p) {
  std::vector<Tag> tags;
  const std::string& text = p.text;
  static const std::regex money(
      R"(£(\d[\d,]*(?:\.\d+)?)\s*(million|billion|m\b|bn\b)?)");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), money);
       it != std::sregex_iterator(); ++it) {
    Tag t;
    t.kind = TagKind::kMoney;
    t.text = it->str();
    t.start = static_cast<size_t>(it->position());
    t.end = t.start + t.text.size();
    std::string digits;
    for (char c : (*it)[1].str()) {
      if (c != ',') digits.push_back(c);
    }
    double amount = std::stod(digits);
    std::string scale = (*it)[2].str();
    if (scale == "million" || scale == "m") amount *= 1e6;
    if (scale == "billion" || scale == "bn") amount *= 1e9;
    t.money.currency = "GBP";
    t.money.amount = amount;
    while (!t.text.empty() && t.text.back() == ' ') t.text.pop_back(), --t.end;
    tags.push_back(t);
  }
  static const std::regex season(R"(((by|until) )?(Spring|Summer|Autumn) (20\d\d))");
  static const char* kSeasonStart[] = {"-03-01", "-06-01", "-09-01"};
  static const char* kSeasonEnd[] = {"-05-31", "-08-31", "-11-30"};
  for (auto it = std::sregex_iterator(text.begin(), text.end(), season);
       it != std::sregex_iterator(); ++it) {
    Tag t;
    t.kind = TagKind::kDate;
    t.text = it->str();
    t.start = static_cast<size_t>(it->position());
    t.end = t.start + t.text.size();
    int k = (*it)[3] == "Spring" ? 0 : (*it)[3] == "Summer" ? 1 : 2;
    std::string year = (*it)[4];
    t.date.precision = "season";
    t.date.end = year + kSeasonEnd[k];
    if ((*it)[1].matched) {
      t.date.bound = (*it)[2].str();  // tags.md: "by" or "until", start null
    } else {
      t.date.start = year + kSeasonStart[k];
    }
    tags.push_back(t);
  }
  // Sentences.
  size_t begin = 0;
  bool list = p.kind == PassageKind::kListItem;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool end = i == text.size() || (text[i] == '.' && i + 1 < text.size() && text[i + 1] == ' ');
    if (!end) continue;
    std::string sentence = text.substr(begin, i - begin + (i < text.size() ? 1 : 0));
    bool modal = sentence.find(" will ") != std::string::npos ||
                 sentence.find(" is to ") != std::string::npos ||
                 sentence.find(" are to ") != std::string::npos;
    if (list || (modal && sentence.find("would") == std::string::npos)) {
      Tag c;
      c.kind = TagKind::kCommitment;
      c.text = sentence;
      c.start = begin;
      c.end = begin + sentence.size();
      c.commitment.modality = "will";
      c.commitment.actor = sentence.find("Council") != std::string::npos ? "the Council"
                           : sentence.find("Government") != std::string::npos ? "Government"
                                                                              : "unspecified";
      for (const Tag& t : tags) {
        if (t.start >= c.start && t.end <= c.end) {
          if (t.kind == TagKind::kMoney) c.commitment.money.push_back(t);
          if (t.kind == TagKind::kDate) c.commitment.dates.push_back(t);
        }
      }
      tags.push_back(c);
      if (list) break;  // a list item is one commitment
    }
    begin = i + 2;
  }
  std::sort(tags.begin(), tags.end(), [](const Tag& a, const Tag& b) { return a.start < b.start; });
  return tags;
}

struct Loaded {
  std::vector<LinkInput> inputs;
  // The tagger's own tags of each input's passages (inputs[k].tags[i] is
  // ToLinkTags(tags[k][i])).
  std::vector<std::vector<std::vector<Tag>>> tags;
  bool stand_in_extractor = false;
  bool stand_in_tagger = false;
};

// Reads each file (id = position + 1) with ExtractFile, falling back to
// `fallback_text[i]` (a reference capture) or the file itself split by
// SplitPlainText when extraction yields nothing; tags every passage with the
// Tagger, falling back to StandInTags when the Tagger finds no commitment in
// the whole set.
inline Loaded LoadCorpus(const std::vector<std::string>& paths,
                         const std::vector<std::string>& fallback_texts = {}) {
  Loaded out;
  Tagger tagger;
  bool any_commitment = false;
  for (size_t i = 0; i < paths.size(); ++i) {
    LinkInput in;
    in.id = static_cast<int64_t>(i + 1);
    Result<Document> doc = ExtractFile(paths[i]);
    if (doc.ok() && doc->passages.size() > 3) {
      in.doc = std::move(*doc);
    } else {
      out.stand_in_extractor = true;
      std::string fallback = i < fallback_texts.size() && !fallback_texts[i].empty()
                                 ? ReadFileOrEmpty(fallback_texts[i])
                                 : ReadFileOrEmpty(paths[i]);
      in.doc = SplitPlainText(paths[i], fallback);
    }
    TagOptions options;
    options.document_date = FindDocumentDate(in.doc);
    out.tags.emplace_back();
    for (const Passage& p : in.doc.passages) {
      options.in_commitment_list = p.kind == PassageKind::kListItem &&
                                   p.section.find("ommitment") != std::string::npos;
      out.tags.back().push_back(tagger.Find(p.text, options));
      in.tags.push_back(ToLinkTags(out.tags.back().back()));
      for (const Tag& t : out.tags.back().back()) any_commitment |= t.kind == TagKind::kCommitment;
      in.stances.push_back(ClassifyStance(p.text));
    }
    out.inputs.push_back(std::move(in));
  }
  if (!any_commitment) {
    out.stand_in_tagger = true;
    for (size_t k = 0; k < out.inputs.size(); ++k) {
      LinkInput& in = out.inputs[k];
      for (size_t i = 0; i < in.doc.passages.size(); ++i) {
        out.tags[k][i] = StandInTags(in.doc.passages[i]);
        in.tags[i] = ToLinkTags(out.tags[k][i]);
      }
    }
  }
  return out;
}

}  // namespace xref::testing
