// The tagger: money, percentages, counts, dates and commitments in policy text,
// with normalised values, as ../shared/spec/tags.md describes.
//
//   xref::Tagger tagger;                    // compiles its patterns once
//   xref::TagOptions opts;
//   opts.document_date = "2023-02-02";      // resolves "over the next two years"
//   for (const xref::Tag& t : tagger.Find("£45m by Spring 2024", opts)) {
//     // t.kind == TagKind::kMoney, t.text == "£45m", t.money.amount == 45e6 ...
//   }
//   nlohmann::json j = xref::TagToJson(tag);  // the `xref tag --json` shape
//
// Spans (start, end) are byte offsets into the UTF-8 text given to Find().
// A Tagger is immutable after construction and safe to share between threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "pipeline/document.h"

namespace xref {

enum class TagKind { kMoney, kPercent, kCount, kDate, kCommitment };

// "money", "percent", "count", "date", "commitment".
std::string_view TagKindName(TagKind kind);

struct MoneyValue {
  std::string currency;            // "GBP", "USD", "EUR"
  std::optional<double> amount;    // nullopt when it cannot be worked out
  std::string per;                 // "year", "week", "hour"... or empty
};

struct PercentValue {
  std::optional<double> percent;
  bool points = false;             // "percentage points"
};

struct CountValue {
  std::optional<double> count;
  std::string unit;                // head noun as written, lower case
  std::string qualifier;           // "up to", "at least", "more than"... or empty
};

struct DateValue {
  std::string start;               // inclusive ISO date, empty = open / unknown
  std::string end;                 // inclusive ISO date, empty = open / unknown
  std::string precision;           // day, month, quarter, season, half, year, financial_year, period
  std::string bound;               // "by", "from", "until", or empty
  bool relative = false;
  std::string timex;               // TIMEX3 value, empty = null
};

struct Tag;

struct CommitmentValue {
  std::string actor;               // "Government", "the Council", "unspecified"...
  std::string modality;            // will, commits, plans, proposes, consults, explores
  std::string action;              // the undertaking, from the verb on
  std::vector<Tag> money;          // money tags inside the sentence
  std::vector<Tag> dates;          // date tags inside the sentence
};

struct Tag {
  TagKind kind = TagKind::kMoney;
  std::string text;
  size_t start = 0;                // byte offset, inclusive
  size_t end = 0;                  // byte offset, exclusive
  // Exactly one of these is meaningful, chosen by `kind`.
  MoneyValue money;
  PercentValue percent;
  CountValue count;
  DateValue date;
  CommitmentValue commitment;
};

enum class Stance { kNeutral, kWelcomes, kConcerned, kCallsFor, kQuestions };

// "neutral", "welcomes", "concerned", "calls_for", "questions".
std::string_view StanceName(Stance stance);

struct TagOptions {
  std::string document_date;       // ISO "YYYY-MM-DD" or empty: anchors relative dates
  std::string author;              // who "we" is ("the LGA"), or empty
  bool in_commitment_list = false; // the passage is a list item under a heading of commitments
  // The passage is a list item completing a lead-in commitment ("Over the
  // next ten years the Government will:"): the item's first sentence is that
  // commitment's action (after the lead-in's own words, if any), with the
  // lead-in's actor and modality.
  std::string list_actor;
  std::string list_modality;
  std::string list_action;  // the lead-in's words before the item ("work with councils to")
  bool find_commitments = true;    // false: only money, percent, count and date spans
};

class Tagger {
 public:
  Tagger();
  ~Tagger();
  Tagger(const Tagger&) = delete;
  Tagger& operator=(const Tagger&) = delete;

  // All tags in `text`, ordered by start offset. Thread-safe.
  std::vector<Tag> Find(std::string_view text, const TagOptions& options = {}) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// How a passage speaks of what it discusses, from its own wording.
Stance ClassifyStance(std::string_view text);

// The `xref tag --json` object for one tag (tags.md shapes).
nlohmann::json TagToJson(const Tag& tag);

// The date a document states for itself (metadata, or a date on its first
// page), as ISO "YYYY-MM-DD", or empty when it states none.
std::string FindDocumentDate(const Document& doc);

}  // namespace xref
