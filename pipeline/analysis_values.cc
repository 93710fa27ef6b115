// The plain-data parts of tag.h and link.h: names of kinds, stances and
// authorities, a tag as JSON, an entry's short wording, the corpus statistics
// table. Commands that only read an index (table, show, commitments,
// conflicts) use them without the tagger and the linker themselves, which
// live in the xref_analysis.so module with RE2 and Snowball
// (analysis_module.h); the module has its own copy of this file.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/link.h"
#include "pipeline/tag.h"

namespace xref {

std::string_view TagKindName(TagKind kind) {
  switch (kind) {
    case TagKind::kMoney: return "money";
    case TagKind::kPercent: return "percent";
    case TagKind::kCount: return "count";
    case TagKind::kDate: return "date";
    case TagKind::kCommitment: return "commitment";
  }
  return "money";
}

std::string_view StanceName(Stance stance) {
  switch (stance) {
    case Stance::kNeutral: return "neutral";
    case Stance::kWelcomes: return "welcomes";
    case Stance::kConcerned: return "concerned";
    case Stance::kCallsFor: return "calls_for";
    case Stance::kQuestions: return "questions";
  }
  return "neutral";
}

namespace {

nlohmann::json StringOrNull(const std::string& s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s);
}

nlohmann::json NumberOrNull(const std::optional<double>& n) {
  if (!n) return nullptr;
  double rounded = std::round(*n);
  if (std::fabs(*n - rounded) < 1e-9 && std::fabs(rounded) < 9e15) {
    return nlohmann::json(static_cast<long long>(rounded));
  }
  return nlohmann::json(*n);
}

}  // namespace

nlohmann::json TagToJson(const Tag& tag) {
  nlohmann::json j;
  j["kind"] = TagKindName(tag.kind);
  j["text"] = tag.text;
  j["start"] = tag.start;
  j["end"] = tag.end;
  nlohmann::json v = nlohmann::json::object();
  switch (tag.kind) {
    case TagKind::kMoney:
      v["currency"] = StringOrNull(tag.money.currency);
      v["amount"] = NumberOrNull(tag.money.amount);
      if (!tag.money.per.empty()) v["per"] = tag.money.per;
      break;
    case TagKind::kPercent:
      v["percent"] = NumberOrNull(tag.percent.percent);
      if (tag.percent.points) v["points"] = true;
      break;
    case TagKind::kCount:
      v["count"] = NumberOrNull(tag.count.count);
      v["unit"] = StringOrNull(tag.count.unit);
      if (!tag.count.qualifier.empty()) v["qualifier"] = tag.count.qualifier;
      break;
    case TagKind::kDate:
      v["start"] = StringOrNull(tag.date.start);
      v["end"] = StringOrNull(tag.date.end);
      v["precision"] = StringOrNull(tag.date.precision);
      if (!tag.date.bound.empty()) v["bound"] = tag.date.bound;
      if (tag.date.relative) v["relative"] = true;
      v["timex"] = StringOrNull(tag.date.timex);
      break;
    case TagKind::kCommitment: {
      v["actor"] = StringOrNull(tag.commitment.actor);
      v["modality"] = StringOrNull(tag.commitment.modality);
      v["action"] = StringOrNull(tag.commitment.action);
      nlohmann::json money = nlohmann::json::array();
      for (const Tag& m : tag.commitment.money) money.push_back(TagToJson(m));
      nlohmann::json dates = nlohmann::json::array();
      for (const Tag& d : tag.commitment.dates) dates.push_back(TagToJson(d));
      v["money"] = std::move(money);
      v["dates"] = std::move(dates);
      break;
    }
  }
  j["value"] = std::move(v);
  return j;
}

std::string_view AuthorityName(Authority authority) {
  switch (authority) {
    case Authority::kLocal: return "local";
    case Authority::kBriefing: return "briefing";
    case Authority::kNational: return "national";
  }
  return "briefing";
}

const LinkDate& LinkTag::Date() const {
  static const LinkDate kNone;
  return date ? *date : kNone;
}

DateValue ToDateValue(const LinkDate& date) {
  DateValue v;
  v.start = date.start;
  v.end = date.end;
  v.precision = date.precision;
  v.bound = date.bound;
  v.relative = date.relative;
  return v;
}

namespace {

// A tag of a kind the linker reads, without a commitment's sums and dates.
LinkTag ToLinkTagAlone(const Tag& t) {
  LinkTag out;
  out.kind = t.kind;
  out.start = static_cast<uint32_t>(t.start);
  out.end = static_cast<uint32_t>(t.end);
  out.text = t.text;
  if (t.kind == TagKind::kMoney) out.amount = t.money.amount;
  if (t.kind == TagKind::kDate) {
    out.date = LinkDate{t.date.start, t.date.end, t.date.precision, t.date.bound, t.date.relative};
  }
  if (t.kind == TagKind::kCommitment) {
    LinkCommitment c;
    c.actor = t.commitment.actor;
    c.modality = t.commitment.modality;
    c.action = t.commitment.action;
    out.commitment = std::move(c);
  }
  return out;
}

}  // namespace

std::vector<LinkTag> ToLinkTags(const std::vector<Tag>& tags) {
  std::vector<LinkTag> out;
  std::vector<const Tag*> sources;  // the commitment tag each of `out` came from, or null
  for (const Tag& t : tags) {
    if (t.kind != TagKind::kMoney && t.kind != TagKind::kDate && t.kind != TagKind::kCommitment) continue;
    out.push_back(ToLinkTagAlone(t));
    sources.push_back(t.kind == TagKind::kCommitment ? &t : nullptr);
  }
  const size_t listed = out.size();
  for (size_t i = 0; i < listed; ++i) {
    if (sources[i] == nullptr) continue;
    auto index_of = [&](const Tag& inner) {
      for (size_t j = 0; j < out.size(); ++j) {
        if (out[j].kind == inner.kind && out[j].start == inner.start && out[j].end == inner.end &&
            out[j].text == inner.text) {
          return static_cast<uint32_t>(j);
        }
      }
      out.push_back(ToLinkTagAlone(inner));
      return static_cast<uint32_t>(out.size() - 1);
    };
    for (const Tag& m : sources[i]->commitment.money) {
      uint32_t j = index_of(m);
      out[i].commitment->money.push_back(j);
    }
    for (const Tag& d : sources[i]->commitment.dates) {
      uint32_t j = index_of(d);
      out[i].commitment->dates.push_back(j);
    }
  }
  return out;
}

std::optional<Authority> ParseAuthority(std::string_view name) {
  if (name == "local") return Authority::kLocal;
  if (name == "briefing") return Authority::kBriefing;
  if (name == "national") return Authority::kNational;
  return std::nullopt;
}

std::string ShortWording(const std::string& text, size_t max_chars) {
  if (text.size() <= max_chars) return text;
  size_t cut = text.rfind(' ', max_chars);
  if (cut == std::string::npos || cut < max_chars / 2) {
    cut = max_chars;
    // Never cut inside a UTF-8 sequence.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  std::string out = text.substr(0, cut);
  while (!out.empty() && (out.back() == ',' || out.back() == ' ' || out.back() == ';')) {
    out.pop_back();
  }
  return out + "…";
}

bool CorpusStatsTable::Lookup(const std::vector<std::string_view>& wanted, std::vector<TermCounts>* out) const {
  out->assign(wanted.size(), TermCounts());
  auto from = keys.begin();
  for (size_t i = 0; i < wanted.size(); ++i) {
    from = std::lower_bound(from, keys.end(), wanted[i],
                            [](const std::string& key, std::string_view w) { return std::string_view(key) < w; });
    if (from != keys.end() && *from == wanted[i]) (*out)[i] = stats[static_cast<size_t>(from - keys.begin())];
  }
  return true;
}

}  // namespace xref
