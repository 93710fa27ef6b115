// See process.h.
#include "pipeline/process.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <optional>

#include <nlohmann/json.hpp>

#include "pipeline/analysis_module.h"

namespace xref {
namespace {

using nlohmann::json;

json OptionalJson(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
std::optional<double> OptionalDouble(const json& j) {
  return j.is_null() ? std::nullopt : std::optional<double>(j.get<double>());
}

// Every field of Tag, positionally (compact and exhaustive: the round-trip
// test in process_test.cc fails when Tag grows a field that is not here).
json TagToWire(const Tag& t) {
  json c = json::array();
  for (const Tag& m : t.commitment.money) c.push_back(TagToWire(m));
  json d = json::array();
  for (const Tag& m : t.commitment.dates) d.push_back(TagToWire(m));
  return json::array({static_cast<int>(t.kind), t.text, t.start, t.end,
                      t.money.currency, OptionalJson(t.money.amount), t.money.per,
                      OptionalJson(t.percent.percent), t.percent.points,
                      OptionalJson(t.count.count), t.count.unit, t.count.qualifier,
                      t.date.start, t.date.end, t.date.precision, t.date.bound, t.date.relative,
                      t.date.timex, t.commitment.actor, t.commitment.modality,
                      t.commitment.action, c, d});
}

Tag TagFromWire(const json& j) {
  Tag t;
  t.kind = static_cast<TagKind>(j.at(0).get<int>());
  t.text = j.at(1).get<std::string>();
  t.start = j.at(2).get<size_t>();
  t.end = j.at(3).get<size_t>();
  t.money.currency = j.at(4).get<std::string>();
  t.money.amount = OptionalDouble(j.at(5));
  t.money.per = j.at(6).get<std::string>();
  t.percent.percent = OptionalDouble(j.at(7));
  t.percent.points = j.at(8).get<bool>();
  t.count.count = OptionalDouble(j.at(9));
  t.count.unit = j.at(10).get<std::string>();
  t.count.qualifier = j.at(11).get<std::string>();
  t.date.start = j.at(12).get<std::string>();
  t.date.end = j.at(13).get<std::string>();
  t.date.precision = j.at(14).get<std::string>();
  t.date.bound = j.at(15).get<std::string>();
  t.date.relative = j.at(16).get<bool>();
  t.date.timex = j.at(17).get<std::string>();
  t.commitment.actor = j.at(18).get<std::string>();
  t.commitment.modality = j.at(19).get<std::string>();
  t.commitment.action = j.at(20).get<std::string>();
  for (const json& m : j.at(21)) t.commitment.money.push_back(TagFromWire(m));
  for (const json& m : j.at(22)) t.commitment.dates.push_back(TagFromWire(m));
  return t;
}

std::string FoldCase(std::string_view s) {
  icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

// A commitment whose sentence ends the passage with a colon leads into the
// list after it ("will:", "will be expected to:", "will work with councils to:").
bool LeadsIn(const Tag& t) { return t.kind == TagKind::kCommitment; }

}  // namespace

bool IsCommitmentHeading(std::string_view heading) {
  const std::string h = FoldCase(heading);
  for (const char* word : {"commitment", "proposal", "pledge", "undertaking", "key action",
                           "actions", "what we will do", "we will", "next steps", "measures"}) {
    if (h.find(word) != std::string::npos) return true;
  }
  return false;
}

ProcessedDocument ProcessDocument(Document doc, const Tagger& tagger) {
  ProcessedDocument pd;
  doc.date = FindDocumentDate(doc);
  TagOptions options;
  options.document_date = doc.date;
  pd.tags.reserve(doc.passages.size());
  pd.stances.reserve(doc.passages.size());
  // A commitment whose sentence ends in a colon leads into the list after it
  // ("Over the next ten years the Government will:"): each item is one of
  // its undertakings, and the lead-in, an undertaking without an action, is
  // then no entry of its own.
  std::optional<size_t> lead;  // the passage that leads into the list being read
  CommitmentValue lead_value;
  bool lead_used = false;
  auto leads_in = [&](const Tag& t, size_t passage) {
    return LeadsIn(t) && t.end + 2 >= doc.passages[passage].text.size();
  };
  auto drop_lead = [&](size_t passage) {
    std::vector<Tag>& tags = pd.tags[passage];
    tags.erase(std::remove_if(tags.begin(), tags.end(), [&](const Tag& t) { return leads_in(t, passage); }),
               tags.end());
  };
  for (const Passage& p : doc.passages) {
    const bool item = p.kind == PassageKind::kListItem;
    if (!item) {
      if (lead && lead_used) drop_lead(*lead);
      lead.reset();
      lead_used = false;
    }
    options.in_commitment_list = item && IsCommitmentHeading(p.section);
    options.list_actor.clear();
    options.list_modality.clear();
    options.list_action.clear();
    if (item && lead) {
      options.list_actor = lead_value.actor;
      options.list_modality = lead_value.modality;
      options.list_action = lead_value.action;
    }
    pd.tags.push_back(tagger.Find(p.text, options));
    pd.stances.push_back(ClassifyStance(p.text));
    if (item && lead) {
      for (const Tag& t : pd.tags.back()) lead_used |= t.kind == TagKind::kCommitment;
    }
    if (!item) {
      std::string_view text = p.text;
      while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
      if (!text.empty() && text.back() == ':') {
        for (const Tag& t : pd.tags.back()) {
          if (leads_in(t, pd.tags.size() - 1)) {
            lead = pd.tags.size() - 1;
            lead_value = t.commitment;
          }
        }
      }
    }
  }
  if (lead && lead_used) drop_lead(*lead);
  pd.doc = std::move(doc);
  return pd;
}

Result<ProcessedDocument> ProcessFile(const std::string& path, const Tagger& tagger,
                                      const ExtractOptions& options) {
  Result<Document> doc = ExtractFile(path, options);
  if (!doc.ok()) return doc.status();
  return ProcessDocument(std::move(doc).value(), tagger);
}

std::string SerializeProcessed(const ProcessedDocument& pd) {
  const Document& d = pd.doc;
  json passages = json::array();
  for (size_t i = 0; i < d.passages.size(); ++i) {
    const Passage& p = d.passages[i];
    json tags = json::array();
    if (i < pd.tags.size()) {
      for (const Tag& t : pd.tags[i]) tags.push_back(TagToWire(t));
    }
    int stance = i < pd.stances.size() ? static_cast<int>(pd.stances[i]) : 0;
    passages.push_back(json::array({p.n, p.page ? json(*p.page) : json(nullptr), p.label,
                                    p.section, static_cast<int>(p.kind), p.level, p.text, tags,
                                    stance}));
  }
  json j = json::array({d.path, static_cast<int>(d.format), d.title, d.date,
                        d.pages ? json(*d.pages) : json(nullptr), passages, d.warnings});
  std::vector<uint8_t> bytes = json::to_msgpack(j);
  return std::string(bytes.begin(), bytes.end());
}

Result<ProcessedDocument> DeserializeProcessed(std::string_view bytes) {
  try {
    json j = json::from_msgpack(bytes.begin(), bytes.end());
    ProcessedDocument pd;
    Document& d = pd.doc;
    d.path = j.at(0).get<std::string>();
    d.format = static_cast<Format>(j.at(1).get<int>());
    d.title = j.at(2).get<std::string>();
    d.date = j.at(3).get<std::string>();
    if (!j.at(4).is_null()) d.pages = j.at(4).get<int>();
    for (const json& pj : j.at(5)) {
      Passage p;
      p.n = pj.at(0).get<int>();
      if (!pj.at(1).is_null()) p.page = pj.at(1).get<int>();
      p.label = pj.at(2).get<std::string>();
      p.section = pj.at(3).get<std::string>();
      p.kind = static_cast<PassageKind>(pj.at(4).get<int>());
      p.level = pj.at(5).get<int>();
      p.text = pj.at(6).get<std::string>();
      std::vector<Tag> tags;
      for (const json& t : pj.at(7)) tags.push_back(TagFromWire(t));
      pd.tags.push_back(std::move(tags));
      pd.stances.push_back(static_cast<Stance>(pj.at(8).get<int>()));
      d.passages.push_back(std::move(p));
    }
    if (j.size() > 6) d.warnings = j.at(6).get<std::vector<std::string>>();
    return pd;
  } catch (const std::exception& e) {
    return Status::Corrupt("worker reply", std::string("cannot decode: ") + e.what());
  }
}

namespace {

// Request: 4-byte little-endian path length, the path, then the file's bytes.
std::string EncodeRequest(const std::string& path, std::string_view bytes) {
  std::string r;
  r.reserve(4 + path.size() + bytes.size());
  uint32_t n = static_cast<uint32_t>(path.size());
  for (int i = 0; i < 4; ++i) r.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
  r += path;
  r.append(bytes.data(), bytes.size());
  return r;
}

bool DecodeRequest(std::string_view request, std::string* path, std::string_view* bytes) {
  if (request.size() < 4) return false;
  uint32_t n = 0;
  for (int i = 0; i < 4; ++i) n |= static_cast<uint32_t>(static_cast<unsigned char>(request[i])) << (8 * i);
  if (request.size() - 4 < n) return false;
  *path = std::string(request.substr(4, n));
  *bytes = request.substr(4 + n);
  return true;
}

}  // namespace

Result<std::unique_ptr<IsolatedProcessor>> IsolatedProcessor::Start(
    std::vector<std::string> worker_argv, int workers, const IsolationLimits& limits) {
  Result<std::unique_ptr<WorkerProcessPool>> pool =
      WorkerProcessPool::Start(std::move(worker_argv), workers, limits);
  if (!pool.ok()) return pool.status();
  return std::unique_ptr<IsolatedProcessor>(new IsolatedProcessor(std::move(pool).value()));
}

Result<ProcessedDocument> IsolatedProcessor::Process(const std::string& path,
                                                     std::string_view bytes) {
  Result<std::string> reply = pool_->Run(path, EncodeRequest(path, bytes));
  if (!reply.ok()) {
    // The worker's own one-line error already names the file.
    const Status& s = reply.status();
    if (s.code() == Status::Code::kCorrupt && s.what().rfind(path + ": ", 0) == 0) {
      return Status::Corrupt(path, s.what().substr(path.size() + 2));
    }
    return s;
  }
  return DeserializeProcessed(*reply);
}

int ServeProcessRequests(const ExtractOptions& options) {
  // Tagging is a module (analysis_module.h): without it every file fails
  // with the reason, as a file fails without the PDF module.
  const Status analysis = LoadAnalysisModule();
  std::optional<Tagger> tagger;
  if (analysis.ok()) tagger.emplace();
  return ServeWorkerRequests([&](std::string_view request, std::string* error) -> std::string {
    std::string path;
    std::string_view bytes;
    if (!DecodeRequest(request, &path, &bytes)) {
      *error = "malformed request to the worker";
      return {};
    }
    if (!tagger) {
      *error = Status::Unsupported(path, analysis.what()).ToString();
      return {};
    }
    Result<Document> doc = ExtractBytes(path, bytes, options);
    if (!doc.ok()) {
      *error = doc.status().ToString();
      return {};
    }
    return SerializeProcessed(ProcessDocument(std::move(doc).value(), *tagger));
  });
}

}  // namespace xref
