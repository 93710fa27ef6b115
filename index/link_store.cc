// Reading the linker's inputs from the index and writing/reading the
// register's tables. See link_store.h.
#include "index/link_store.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <variant>

#include "index/sqlite.h"

namespace xref {
namespace {

constexpr const char* kRegisterTables = R"sql(
CREATE TABLE IF NOT EXISTS commitments(
  id         TEXT PRIMARY KEY,
  seq        INTEGER NOT NULL,
  text       TEXT NOT NULL,
  actor      TEXT,
  local      INTEGER NOT NULL DEFAULT 0,
  source_doc INTEGER,
  json       TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS commitment_links(
  commitment    TEXT NOT NULL,
  doc_id        INTEGER NOT NULL,
  passage_n     INTEGER NOT NULL,
  score         REAL NOT NULL,
  states        INTEGER NOT NULL DEFAULT 0,
  evidence_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS commitment_links_by_commitment ON commitment_links(commitment);
CREATE TABLE IF NOT EXISTS commitment_documents(
  commitment TEXT NOT NULL,
  doc_id     INTEGER NOT NULL,
  stance     TEXT NOT NULL,
  json       TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS commitment_conflicts(
  commitment TEXT NOT NULL,
  field      TEXT NOT NULL,
  json       TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS document_authority(
  doc_id    INTEGER PRIMARY KEY,
  authority TEXT NOT NULL CHECK (authority IN ('national', 'briefing', 'local'))
);
)sql";

Stance ParseStanceName(const std::string& name) {
  if (name == "welcomes") return Stance::kWelcomes;
  if (name == "concerned") return Stance::kConcerned;
  if (name == "calls_for") return Stance::kCallsFor;
  if (name == "questions") return Stance::kQuestions;
  return Stance::kNeutral;
}

std::optional<TagKind> ParseTagKind(const std::string& name) {
  for (TagKind k : {TagKind::kMoney, TagKind::kPercent, TagKind::kCount, TagKind::kDate,
                    TagKind::kCommitment}) {
    if (TagKindName(k) == name) return k;
  }
  return std::nullopt;
}

Status SqlError(sqlite3* db, const std::string& what) {
  return Status::IoError(sqlite3_db_filename(db, "main") ? sqlite3_db_filename(db, "main") : "index",
                         what + ": " + sqlite3_errmsg(db));
}

// A Statement over a raw connection (the wrappers in sqlite.h take one).
sqlite::Statement Prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr);
  return sqlite::Statement(db, stmt, "index");
}

Status Exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db);
    sqlite3_free(err);
    return Status::IoError("index", "SQLite: " + msg);
  }
  return Status::Ok();
}

nlohmann::json MoneyJson(const ValueRef& v) {
  nlohmann::json j = {{"text", v.text}, {"currency", "GBP"}};
  j["amount"] = v.amount ? nlohmann::json(*v.amount) : nlohmann::json(nullptr);
  return j;
}

nlohmann::json DateJson(const ValueRef& v) {
  auto or_null = [](const std::string& s) { return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(s); };
  nlohmann::json j = {{"text", v.text}, {"start", or_null(v.date.start)}, {"end", or_null(v.date.end)},
                      {"precision", or_null(v.date.precision)}};
  if (!v.date.bound.empty()) j["bound"] = v.date.bound;
  return j;
}

// A passage's page and label as the register's JSON gives them: null when
// the column is null (or, for the label, empty).
nlohmann::json PageJson(const sqlite::Statement& st, int column) {
  return st.ColumnIsNull(column) ? nlohmann::json(nullptr) : nlohmann::json(st.ColumnInt64(column));
}
nlohmann::json LabelJson(const sqlite::Statement& st, int column) {
  return st.ColumnIsNull(column) || st.ColumnText(column).empty() ? nlohmann::json(nullptr)
                                                                   : nlohmann::json(st.ColumnText(column));
}

// One SQL value as a register table holds it.
using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;

// A register table brought to a new list of rows, writing only the rows that
// differ from what it holds: the i-th new row replaces the i-th stored row
// (in rowid order, the order ReadRegister reads them in) when it is not the
// same, rows beyond the stored ones are inserted, and stored rows beyond the
// new ones deleted. So the table reads exactly as if it had been deleted and
// written whole, while a relink that changes little (one paper of hundreds
// re-done) writes little (docs/performance.md, finding 19: rewriting every
// row was a fifth of a refresh). Stored rows are read a block at a time, a
// small one: the register is written while linking, the memory peak.
class RowSync {
 public:
  RowSync(sqlite3* db, const std::string& table, const std::vector<std::string>& columns) {
    std::string cols, params, sets;
    for (size_t i = 0; i < columns.size(); ++i) {
      const std::string n = std::to_string(i + 1);
      cols += (i ? ", " : "") + columns[i];
      params += (i ? ", ?" : "?") + n;
      sets += (i ? ", " : "") + columns[i] + " = ?" + n;
    }
    width_ = columns.size();
    read_ = Prepare(db, ("SELECT rowid, " + cols + " FROM " + table +
                         " WHERE rowid > ?1 ORDER BY rowid LIMIT 256").c_str());
    update_ = Prepare(db, ("UPDATE " + table + " SET " + sets + " WHERE rowid = ?" +
                           std::to_string(width_ + 1)).c_str());
    insert_ = Prepare(db, ("INSERT INTO " + table + "(" + cols + ") VALUES (" + params + ")").c_str());
    delete_rest_ = Prepare(db, ("DELETE FROM " + table + " WHERE rowid > ?1").c_str());
  }

  bool valid() const { return read_.valid() && update_.valid() && insert_.valid() && delete_rest_.valid(); }

  // The next row of the table.
  Status Put(const std::vector<SqlValue>& row) {
    if (next_ == stored_.size() && !exhausted_) {
      if (Status s = Refill(); !s.ok()) return s;
    }
    if (next_ < stored_.size()) {
      const Stored& old = stored_[next_++];
      used_ = old.rowid;
      if (old.values == row) return Status::Ok();
      Bind(update_, row);
      update_.Bind(static_cast<int>(width_ + 1), old.rowid);
      return update_.Run();
    }
    Bind(insert_, row);
    return insert_.Run();
  }

  // Deletes the stored rows no new row replaced.
  Status Finish() {
    if (next_ == stored_.size() && !exhausted_) {
      if (Status s = Refill(); !s.ok()) return s;
    }
    if (next_ == stored_.size()) return Status::Ok();
    return delete_rest_.Bind(1, used_).Run();
  }

 private:
  struct Stored {
    int64_t rowid;
    std::vector<SqlValue> values;
  };

  Status Refill() {
    const int64_t after = stored_.empty() ? 0 : stored_.back().rowid;
    stored_.clear();
    next_ = 0;
    read_.Bind(1, after);
    while (read_.Step()) {
      Stored s{read_.ColumnInt64(0), std::vector<SqlValue>(width_)};
      for (size_t c = 0; c < width_; ++c) {
        const int col = static_cast<int>(c + 1);
        switch (sqlite3_column_type(read_.get(), col)) {
          case SQLITE_INTEGER: s.values[c] = read_.ColumnInt64(col); break;
          case SQLITE_FLOAT: s.values[c] = read_.ColumnDouble(col); break;
          case SQLITE_NULL: break;
          default: s.values[c] = read_.ColumnText(col); break;
        }
      }
      stored_.push_back(std::move(s));
    }
    Status s = read_.status();
    read_.Reset();
    if (stored_.empty()) exhausted_ = true;
    return s;
  }

  static void Bind(sqlite::Statement& st, const std::vector<SqlValue>& row) {
    for (size_t c = 0; c < row.size(); ++c) {
      const int i = static_cast<int>(c + 1);
      if (const auto* n = std::get_if<int64_t>(&row[c])) {
        st.Bind(i, *n);
      } else if (const auto* d = std::get_if<double>(&row[c])) {
        st.Bind(i, *d);
      } else if (const auto* t = std::get_if<std::string>(&row[c])) {
        st.Bind(i, *t);
      } else {
        st.BindNull(i);
      }
    }
  }

  size_t width_ = 0;
  sqlite::Statement read_, update_, insert_, delete_rest_;
  std::vector<Stored> stored_;
  size_t next_ = 0;
  int64_t used_ = 0;  // the rowid of the last stored row a new row took
  bool exhausted_ = false;
};

}  // namespace

Status EnsureRegisterTables(sqlite3* db) { return Exec(db, kRegisterTables); }

Result<std::vector<LinkInput>> ReadLinkInputs(sqlite3* db) {
  // The inputs stay in memory for the whole of BuildRegister, whose peak is
  // the peak of `index` and `refresh`; so every vector here is sized once,
  // exactly (a vector grown by push_back holds up to twice what it needs,
  // and a Tag is over 500 bytes), and what is only needed to read them is
  // gone before they are returned.
  std::vector<LinkInput> inputs;
  std::map<int64_t, size_t> doc_index;
  sqlite::Statement docs = Prepare(db, "SELECT id, path, title, date, pages FROM documents "
                                       "WHERE status = 'ok' ORDER BY id");
  if (!docs.valid()) return SqlError(db, "cannot read documents");
  while (docs.Step()) {
    LinkInput in;
    in.id = docs.ColumnInt64(0);
    in.doc.path = docs.ColumnText(1);
    in.doc.title = docs.ColumnText(2);
    in.doc.date = docs.ColumnText(3);
    if (!docs.ColumnIsNull(4)) in.doc.pages = static_cast<int>(docs.ColumnInt64(4));
    doc_index[in.id] = inputs.size();
    inputs.push_back(std::move(in));
  }
  if (!docs.status().ok()) return docs.status();
  inputs.shrink_to_fit();

  // Authority overrides, when the user set any.
  sqlite::Statement auth = Prepare(db, "SELECT doc_id, authority FROM document_authority");
  while (auth.valid() && auth.Step()) {
    auto it = doc_index.find(auth.ColumnInt64(0));
    if (it != doc_index.end()) inputs[it->second].authority = ParseAuthority(auth.ColumnText(1));
  }

  sqlite::Statement counts = Prepare(db, "SELECT doc_id, count(*) FROM passages GROUP BY doc_id");
  if (!counts.valid()) return SqlError(db, "cannot count passages");
  size_t total_passages = 0;
  while (counts.Step()) {
    auto it = doc_index.find(counts.ColumnInt64(0));
    if (it == doc_index.end()) continue;
    const size_t n = static_cast<size_t>(counts.ColumnInt64(1));
    LinkInput& in = inputs[it->second];
    in.doc.passages.reserve(n);
    in.stances.reserve(n);
    in.tags.reserve(n);
    in.tag_terms.reserve(n);
    in.passage_terms.reserve(n);
    in.section_of.reserve(n);
    total_passages += n;
  }
  if (!counts.status().ok()) return counts.status();

  // Where each stored passage went: (passages.id, input, passage), sorted by
  // id once all are read.
  struct PassagePlace {
    int64_t id;
    uint32_t input;
    uint32_t passage;
    bool operator<(const PassagePlace& o) const { return id < o.id; }
  };
  std::vector<PassagePlace> places;
  places.reserve(total_passages);
  {
    sqlite::Statement passages = Prepare(
        db, "SELECT p.id, p.doc_id, p.n, p.page, p.label, p.section, p.kind, p.level, p.stance, "
            "p.text FROM passages p ORDER BY p.doc_id, p.n");
    if (!passages.valid()) return SqlError(db, "cannot read passages");
    while (passages.Step()) {
      auto it = doc_index.find(passages.ColumnInt64(1));
      if (it == doc_index.end()) continue;
      LinkInput& in = inputs[it->second];
      Passage p;
      p.n = static_cast<int>(passages.ColumnInt64(2));
      if (!passages.ColumnIsNull(3)) p.page = static_cast<int>(passages.ColumnInt64(3));
      p.label = passages.ColumnText(4);
      {
        // One string per run of passages under one heading.
        const unsigned char* section = sqlite3_column_text(passages.get(), 5);
        const std::string_view now =
            section == nullptr ? std::string_view()
                               : std::string_view(reinterpret_cast<const char*>(section),
                                                  static_cast<size_t>(sqlite3_column_bytes(passages.get(), 5)));
        if (in.sections.empty() || in.sections.back() != now) in.sections.emplace_back(now);
        in.section_of.push_back(static_cast<uint32_t>(in.sections.size() - 1));
      }
      p.kind = ParsePassageKind(passages.ColumnText(6)).value_or(PassageKind::kParagraph);
      p.level = static_cast<int>(passages.ColumnInt64(7));
      p.text = passages.ColumnText(9);
      places.push_back({passages.ColumnInt64(0), static_cast<uint32_t>(it->second),
                        static_cast<uint32_t>(in.doc.passages.size())});
      in.doc.passages.push_back(std::move(p));
      in.stances.push_back(ParseStanceName(passages.ColumnText(8)));
      in.tags.emplace_back();
      in.tag_terms.emplace_back();
      in.passage_terms.emplace_back();
    }
    if (!passages.status().ok()) return passages.status();
  }
  std::sort(places.begin(), places.end());

  sqlite::Statement tags = Prepare(
      db, "SELECT g.passage_id, g.kind, g.\"start\", g.\"end\", g.text, g.amount, "
          "g.date_start, g.date_end, g.precision, g.bound, g.relative, g.actor, g.modality, "
          "g.action FROM tags g "
          // The linker compares commitments, sums and dates; percentages and
          // counts would only take memory.
          "WHERE g.kind IN ('commitment', 'money', 'date') ORDER BY g.passage_id, g.\"start\", g.id");
  if (!tags.valid()) return SqlError(db, "cannot read tags");
  // The tags come passage by passage: each passage's are gathered here and
  // moved into a vector of their exact number.
  std::vector<LinkTag> gathered;
  const PassagePlace* gathered_for = nullptr;
  auto flush = [&]() {
    if (gathered_for != nullptr && !gathered.empty()) {
      // A commitment's sums and dates are the money and date tags inside it.
      for (LinkTag& c : gathered) {
        if (c.kind != TagKind::kCommitment) continue;
        size_t money = 0, dates = 0;
        for (const LinkTag& t : gathered) {
          if (t.start < c.start || t.end > c.end) continue;
          money += t.kind == TagKind::kMoney;
          dates += t.kind == TagKind::kDate;
        }
        c.commitment->money.reserve(money);
        c.commitment->dates.reserve(dates);
        for (uint32_t j = 0; j < gathered.size(); ++j) {
          const LinkTag& t = gathered[j];
          if (t.start < c.start || t.end > c.end) continue;
          if (t.kind == TagKind::kMoney) c.commitment->money.push_back(j);
          if (t.kind == TagKind::kDate) c.commitment->dates.push_back(j);
        }
      }
      inputs[gathered_for->input].tags[gathered_for->passage] = std::vector<LinkTag>(
          std::make_move_iterator(gathered.begin()), std::make_move_iterator(gathered.end()));
    }
    gathered.clear();
  };
  while (tags.Step()) {
    const int64_t passage_id = tags.ColumnInt64(0);
    if (gathered_for == nullptr || gathered_for->id != passage_id) {
      flush();
      auto it = std::lower_bound(places.begin(), places.end(), PassagePlace{passage_id, 0, 0});
      gathered_for = it != places.end() && it->id == passage_id ? &*it : nullptr;
    }
    if (gathered_for == nullptr) continue;
    std::optional<TagKind> kind = ParseTagKind(tags.ColumnText(1));
    if (!kind) continue;
    LinkTag t;
    t.kind = *kind;
    t.start = static_cast<uint32_t>(tags.ColumnInt64(2));
    t.end = static_cast<uint32_t>(tags.ColumnInt64(3));
    t.text = tags.ColumnText(4);
    if (t.kind == TagKind::kMoney && !tags.ColumnIsNull(5)) t.amount = tags.ColumnDouble(5);
    if (t.kind == TagKind::kDate) {
      t.date = LinkDate{tags.ColumnText(6), tags.ColumnText(7), tags.ColumnText(8), tags.ColumnText(9),
                        tags.ColumnInt64(10) != 0};
    }
    if (t.kind == TagKind::kCommitment) {
      LinkCommitment c;
      c.actor = tags.ColumnText(11);
      c.modality = tags.ColumnText(12);
      c.action = tags.ColumnText(13);
      t.commitment = std::move(c);
      // A commitment's sentence and its action are parts of the passage's
      // text: held once, there.
      const std::string& passage = inputs[gathered_for->input].doc.passages[gathered_for->passage].text;
      if (t.start <= t.end && t.end <= passage.size() &&
          passage.compare(t.start, t.end - t.start, t.text) == 0) {
        t.text_in_passage = true;
        std::string().swap(t.text);
      }
      std::string& action = t.commitment->action;
      const size_t at = action.empty() ? std::string::npos : passage.find(action, t.start);
      if (at != std::string::npos && at + action.size() <= t.end) {
        t.commitment->action_in_passage = true;
        t.commitment->action_start = static_cast<uint32_t>(at);
        t.commitment->action_end = static_cast<uint32_t>(at + action.size());
        std::string().swap(action);
      }
    }
    gathered.push_back(std::move(t));
  }
  if (!tags.status().ok()) return tags.status();
  flush();
  std::vector<LinkTag>().swap(gathered);

  // The terms stored at index time, read last: the linker frees them as soon
  // as it has read them, and read between the texts and tags they would
  // leave holes a few hundred bytes wide between them, which the linker's
  // large arrays cannot reuse (at 3,000 papers, about 130 MB of them;
  // docs/performance.md finding 32). Read last, they lie together and are
  // reused. An index written before has none (and a passage written without
  // them an empty string): the linker finds those from the text.
  auto place_of = [&](int64_t passage_id) -> const PassagePlace* {
    auto it = std::lower_bound(places.begin(), places.end(), PassagePlace{passage_id, 0, 0});
    return it != places.end() && it->id == passage_id ? &*it : nullptr;
  };
  {
    sqlite::Statement terms = Prepare(db, "SELECT passage_id, terms FROM passage_terms ORDER BY passage_id");
    while (terms.valid() && terms.Step()) {
      if (const PassagePlace* at = place_of(terms.ColumnInt64(0))) {
        inputs[at->input].passage_terms[at->passage] = terms.ColumnBlob(1);
      }
    }
  }
  {
    // The tags in the order read above, so that the j-th of a passage's is
    // its tags[j]; only commitments have terms.
    sqlite::Statement terms = Prepare(
        db, "SELECT g.passage_id, t.terms FROM tags g LEFT JOIN tag_terms t ON t.tag_id = g.id "
            "WHERE g.kind IN ('commitment', 'money', 'date') ORDER BY g.passage_id, g.\"start\", g.id");
    const PassagePlace* at = nullptr;
    int64_t at_id = 0;
    size_t j = 0;
    while (terms.valid() && terms.Step()) {
      const int64_t passage_id = terms.ColumnInt64(0);
      if (at == nullptr || passage_id != at_id) {
        at = place_of(passage_id);
        at_id = passage_id;
        j = 0;
      }
      const size_t k = j++;
      if (at == nullptr || terms.ColumnIsNull(1)) continue;
      LinkInput& in = inputs[at->input];
      std::vector<std::string>& list = in.tag_terms[at->passage];
      if (list.empty()) list.resize(in.tags[at->passage].size());
      if (k < list.size()) list[k] = terms.ColumnBlob(1);
    }
  }
  std::vector<PassagePlace>().swap(places);
  for (LinkInput& in : inputs) in.sections.shrink_to_fit();
  return inputs;
}

struct RegisterWriter::Impl {
  sqlite3* db;
  std::map<int64_t, const LinkInput*> by_id;
  sqlite::Statement put_commitment;
  std::unique_ptr<RowSync> put_link, put_document, put_conflict;
  bool open = false;  // inside the savepoint

  // Only the entries' sources are looked up here (the links' places and texts
  // are joined back from passages by ReadRegister), so a search of the
  // document's passages does.
  const Passage* passage_of(const PassageRef& ref) const {
    auto it = by_id.find(ref.doc);
    if (it == by_id.end()) return nullptr;
    for (const Passage& p : it->second->doc.passages) {
      if (p.n == ref.passage) return &p;
    }
    return nullptr;
  }
  std::string path_of(int64_t doc) const {
    auto it = by_id.find(doc);
    return it == by_id.end() ? std::string() : it->second->doc.path;
  }
  Status Fail(Status s) {
    if (open) {
      Exec(db, "ROLLBACK TO write_register");
      Exec(db, "RELEASE write_register");
      open = false;
    }
    return s;
  }
};

RegisterWriter::RegisterWriter(sqlite3* db, const std::vector<LinkInput>& inputs) : impl_(std::make_unique<Impl>()) {
  impl_->db = db;
  for (const LinkInput& in : inputs) impl_->by_id[in.id] = &in;
}

RegisterWriter::~RegisterWriter() { impl_->Fail(Status::Ok()); }

Status RegisterWriter::Begin() {
  sqlite3* db = impl_->db;
  if (Status s = EnsureRegisterTables(db); !s.ok()) return s;
  if (Status s = Exec(db, "SAVEPOINT write_register"); !s.ok()) return s;
  impl_->open = true;
  // The entries are few and keyed by id: rewritten whole. The other tables
  // are brought to the new register row by row, writing only what changed.
  if (Status s = Exec(db, "DELETE FROM commitments"); !s.ok()) return impl_->Fail(s);
  impl_->put_commitment = Prepare(
      db, "INSERT INTO commitments(id, seq, text, actor, local, source_doc, json) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  impl_->put_link = std::make_unique<RowSync>(
      db, "commitment_links",
      std::vector<std::string>{"commitment", "doc_id", "passage_n", "score", "states", "evidence_json"});
  impl_->put_document = std::make_unique<RowSync>(
      db, "commitment_documents", std::vector<std::string>{"commitment", "doc_id", "stance", "json"});
  impl_->put_conflict =
      std::make_unique<RowSync>(db, "commitment_conflicts", std::vector<std::string>{"commitment", "field", "json"});
  if (!impl_->put_commitment.valid() || !impl_->put_link->valid() || !impl_->put_document->valid() ||
      !impl_->put_conflict->valid()) {
    return impl_->Fail(SqlError(db, "cannot prepare the register's statements"));
  }
  return Status::Ok();
}

Status RegisterWriter::Put(const Commitment& c, const RegisterPart& part) {
  Impl& w = *impl_;
  if (!w.open) return Status::IoError("index", "the register is not being written");
  const size_t e = part.commitment;
  // The entry's links per document (in the register's order), its stances
  // and the values of its disagreements per document.
  std::map<int64_t, std::vector<const Link*>> by_doc;
  for (const Link& l : part.links) by_doc[l.passage.doc].push_back(&l);
  std::map<int64_t, Stance> stance_of;
  for (const DocumentStance& s : part.stances) stance_of[s.doc] = s.stance;
  std::map<int64_t, std::vector<const ValueRef*>> conflict_values;
  for (const Conflict& k : part.conflicts) {
    for (const ValueRef& v : k.values) conflict_values[v.passage.doc].push_back(&v);
  }

  const Passage* src = w.passage_of(c.source);
  const LinkInput* src_input = src == nullptr ? nullptr : w.by_id.at(c.source.doc);
  nlohmann::json j = {{"id", c.id}, {"text", c.text}, {"actor", c.actor}, {"modality", c.modality},
                      {"action", c.action}, {"local", c.local}};
  j["source"] = {{"doc", w.path_of(c.source.doc)}, {"passage", c.source.passage},
                 {"page", src && src->page ? nlohmann::json(*src->page) : nlohmann::json(nullptr)},
                 {"label", src && !src->label.empty() ? nlohmann::json(src->label) : nlohmann::json(nullptr)},
                 {"section", src ? src_input->Section(static_cast<size_t>(src - src_input->doc.passages.data())) : ""}};
  j["money"] = nlohmann::json::array();
  for (const ValueRef& v : c.money) j["money"].push_back(MoneyJson(v));
  j["dates"] = nlohmann::json::array();
  for (const ValueRef& v : c.dates) j["dates"].push_back(DateJson(v));
  j["documents"] = by_doc.size();
  j["mentions"] = c.mentions.size();
  w.put_commitment.Bind(1, c.id).Bind(2, static_cast<int64_t>(e)).Bind(3, c.text).Bind(4, c.actor);
  w.put_commitment.Bind(5, c.local ? 1 : 0).Bind(6, c.source.doc).Bind(7, j.dump());
  if (Status s = w.put_commitment.Run(); !s.ok()) return w.Fail(s);

  for (const auto& [doc, links] : by_doc) {
    // Only the sums and dates are stored with the pair: the document's path,
    // its linked passages (place, score, text) and the stance are joined
    // back by ReadRegister from documents, commitment_links and passages, so
    // that a relink does not write every linked passage's place twice (at
    // 3,000 papers the pairs' rows were 158 MiB).
    nlohmann::json d = {{"money", nlohmann::json::array()}, {"dates", nlohmann::json::array()}};
    std::set<std::string> seen_money;
    for (const Link* l : links) {
      nlohmann::json ev = {{"phrases", l->evidence.phrases}, {"terms", l->evidence.terms},
                           {"values", l->evidence.values}, {"states", l->evidence.states}};
      if (Status s = w.put_link->Put({c.id, doc, int64_t{l->passage.passage}, l->score,
                                      int64_t{l->evidence.states ? 1 : 0}, ev.dump()});
          !s.ok()) {
        return w.Fail(s);
      }
      // The sums and dates this document gives for the entry: those that
      // matched, and those that disagree.
      for (const std::string& v : l->evidence.values) {
        if (!seen_money.insert(v).second) continue;
        bool is_date = false;
        for (const ValueRef& dv : c.dates) is_date |= dv.text == v;
        d[is_date ? "dates" : "money"].push_back({{"text", v}, {"passage", l->passage.passage}});
      }
    }
    for (const ValueRef* v : conflict_values[doc]) {
      if (doc == c.source.doc) continue;
      if (!seen_money.insert(v->text).second) continue;
      nlohmann::json vj = v->amount ? MoneyJson(*v) : DateJson(*v);
      vj["passage"] = v->passage.passage;
      vj["conflict"] = true;
      d[v->amount ? "money" : "dates"].push_back(vj);
    }
    auto st = stance_of.find(doc);
    std::string stance(StanceName(st == stance_of.end() ? Stance::kNeutral : st->second));
    if (Status s = w.put_document->Put({c.id, doc, stance, d.dump()}); !s.ok()) return w.Fail(s);
  }

  for (const Conflict& k : part.conflicts) {
    nlohmann::json kj = {{"commitment", c.id}, {"field", k.field}, {"text", c.text}};
    kj["values"] = nlohmann::json::array();
    for (const ValueRef& v : k.values) {
      // The passage's page, label and text ("quote") are joined back by
      // ReadRegister through doc_id.
      nlohmann::json vj = k.field == "money" ? MoneyJson(v) : DateJson(v);
      vj["doc"] = w.path_of(v.passage.doc);
      vj["doc_id"] = v.passage.doc;
      vj["passage"] = v.passage.passage;
      kj["values"].push_back(vj);
    }
    if (Status s = w.put_conflict->Put({c.id, k.field, kj.dump()}); !s.ok()) return w.Fail(s);
  }
  return Status::Ok();
}

Status RegisterWriter::Finish() {
  Impl& w = *impl_;
  if (!w.open) return Status::IoError("index", "the register is not being written");
  for (RowSync* table : {w.put_link.get(), w.put_document.get(), w.put_conflict.get()}) {
    if (Status s = table->Finish(); !s.ok()) return w.Fail(s);
  }
  if (Status s = Exec(w.db, "RELEASE write_register"); !s.ok()) return w.Fail(s);
  w.open = false;
  return Status::Ok();
}

Status WriteRegister(sqlite3* db, const std::vector<LinkInput>& inputs, const Register& reg) {
  RegisterWriter writer(db, inputs);
  if (Status s = writer.Begin(); !s.ok()) return s;
  std::vector<RegisterPart> parts(reg.commitments.size());
  for (size_t e = 0; e < parts.size(); ++e) parts[e].commitment = e;
  for (const Link& l : reg.links) {
    if (l.commitment < parts.size()) parts[l.commitment].links.push_back(l);
  }
  for (const DocumentStance& st : reg.stances) {
    if (st.commitment < parts.size()) parts[st.commitment].stances.push_back(st);
  }
  for (const Conflict& k : reg.conflicts) {
    if (k.commitment < parts.size()) parts[k.commitment].conflicts.push_back(k);
  }
  for (size_t e = 0; e < parts.size(); ++e) {
    if (Status s = writer.Put(reg.commitments[e], parts[e]); !s.ok()) return s;
  }
  return writer.Finish();
}

Result<RegisterView> ReadRegister(sqlite3* db) {
  RegisterView view;
  sqlite::Statement docs = Prepare(db, "SELECT path, coalesce(title, '') FROM documents "
                                       "WHERE status = 'ok' ORDER BY path");
  if (!docs.valid()) return SqlError(db, "cannot read documents");
  while (docs.Step()) {
    view.documents.push_back(docs.ColumnText(0));
    view.titles.push_back(docs.ColumnText(1));
  }
  sqlite::Statement has = Prepare(db, "SELECT 1 FROM sqlite_schema WHERE name = 'commitments'");
  if (!has.valid() || !has.Step()) return view;  // never linked

  std::map<std::string, size_t> row_of;
  sqlite::Statement commitments = Prepare(db, "SELECT id, json FROM commitments ORDER BY seq");
  while (commitments.valid() && commitments.Step()) {
    nlohmann::json c = nlohmann::json::parse(commitments.ColumnText(1), nullptr, false);
    if (c.is_discarded()) continue;
    row_of[commitments.ColumnText(0)] = view.rows.size();
    view.commitments.push_back(c);
    view.rows.push_back({{"commitment", c}, {"documents", nlohmann::json::array()}});
  }
  // Every linked passage, with its place, score and text, per (entry,
  // document): WriteRegister stores the links once, in commitment_links, in
  // the order of the register (entry, document, passage).
  std::map<std::pair<std::string, int64_t>, nlohmann::json> linked;
  sqlite::Statement links = Prepare(
      db, "SELECT l.commitment, l.doc_id, l.passage_n, p.page, p.label, p.section, p.text, l.score "
          "FROM commitment_links l LEFT JOIN passages p ON p.doc_id = l.doc_id AND p.n = l.passage_n "
          "ORDER BY l.rowid");
  while (links.valid() && links.Step()) {
    nlohmann::json p = {{"passage", links.ColumnInt64(2)}};
    p["page"] = PageJson(links, 3);
    p["label"] = LabelJson(links, 4);
    p["section"] = links.ColumnIsNull(5) ? std::string() : links.ColumnText(5);
    p["text"] = links.ColumnIsNull(6) ? std::string() : links.ColumnText(6);
    p["score"] = links.ColumnDouble(7);
    nlohmann::json& list = linked[{links.ColumnText(0), links.ColumnInt64(1)}];
    if (list.is_null()) list = nlohmann::json::array();
    list.push_back(std::move(p));
  }
  if (!links.status().ok()) return links.status();
  sqlite::Statement documents = Prepare(
      db, "SELECT cd.commitment, cd.json, cd.doc_id, d.path, cd.stance FROM commitment_documents cd "
          "JOIN documents d ON d.id = cd.doc_id ORDER BY d.path");
  while (documents.valid() && documents.Step()) {
    const std::string commitment = documents.ColumnText(0);
    auto it = row_of.find(commitment);
    if (it == row_of.end()) continue;
    nlohmann::json d = nlohmann::json::parse(documents.ColumnText(1), nullptr, false);
    if (d.is_discarded() || !d.is_object()) continue;
    d["doc"] = documents.ColumnText(3);
    d["stance"] = documents.ColumnText(4);
    auto found = linked.find({commitment, documents.ColumnInt64(2)});
    d["passages"] = found == linked.end() ? nlohmann::json::array() : std::move(found->second);
    view.rows[it->second]["documents"].push_back(std::move(d));
  }
  // A disagreement's values name their passages; the page, label and text
  // ("quote") are read here.
  sqlite::Statement passage = Prepare(db, "SELECT page, label, text FROM passages WHERE doc_id = ?1 AND n = ?2");
  sqlite::Statement conflicts = Prepare(
      db, "SELECT k.json FROM commitment_conflicts k JOIN commitments c ON c.id = k.commitment "
          "ORDER BY c.seq, k.field");
  while (conflicts.valid() && conflicts.Step()) {
    nlohmann::json k = nlohmann::json::parse(conflicts.ColumnText(0), nullptr, false);
    if (k.is_discarded()) continue;
    if (k.contains("values") && k["values"].is_array()) {
      for (nlohmann::json& v : k["values"]) {
        if (!v.is_object() || !v.contains("doc_id") || !v["doc_id"].is_number_integer()) continue;
        v["page"] = nullptr;
        v["label"] = nullptr;
        v["quote"] = "";
        if (passage.valid()) {
          passage.Reset();
          passage.Bind(1, v["doc_id"].get<int64_t>()).Bind(2, v.value("passage", int64_t{0}));
          if (passage.Step()) {
            v["page"] = PageJson(passage, 0);
            v["label"] = LabelJson(passage, 1);
            v["quote"] = passage.ColumnText(2);
          }
        }
        v.erase("doc_id");
      }
    }
    view.conflicts.push_back(k);
  }
  return view;
}

Result<nlohmann::json> ReadCommitment(sqlite3* db, const std::string& id) {
  sqlite::Statement has = Prepare(db, "SELECT 1 FROM sqlite_schema WHERE name = 'commitments'");
  if (!has.valid() || !has.Step()) return Status::NotFound(id, "no such commitment (the index has no register yet)");
  sqlite::Statement one = Prepare(db, "SELECT json FROM commitments WHERE id = ?1 COLLATE NOCASE");
  one.Bind(1, id);
  if (!one.Step()) return Status::NotFound(id, "no such commitment (see `xref commitments`)");
  nlohmann::json c = nlohmann::json::parse(one.ColumnText(0), nullptr, false);
  std::string canonical = c.value("id", id);
  c["links"] = nlohmann::json::array();
  sqlite::Statement links = Prepare(
      db, "SELECT d.path, p.n, p.page, p.label, p.section, p.text, l.score, l.evidence_json, "
          "coalesce(cd.stance, 'neutral') FROM commitment_links l "
          "JOIN documents d ON d.id = l.doc_id "
          "JOIN passages p ON p.doc_id = l.doc_id AND p.n = l.passage_n "
          "LEFT JOIN commitment_documents cd ON cd.commitment = l.commitment AND cd.doc_id = l.doc_id "
          "WHERE l.commitment = ?1 ORDER BY d.path, p.n");
  links.Bind(1, canonical);
  while (links.Step()) {
    nlohmann::json l = {{"doc", links.ColumnText(0)}, {"passage", links.ColumnInt64(1)}};
    l["page"] = PageJson(links, 2);
    l["label"] = LabelJson(links, 3);
    l["section"] = links.ColumnText(4);
    l["text"] = links.ColumnText(5);
    l["score"] = links.ColumnDouble(6);
    l["evidence"] = nlohmann::json::parse(links.ColumnText(7), nullptr, false);
    l["stance"] = links.ColumnText(8);
    c["links"].push_back(l);
  }
  if (!links.status().ok()) return links.status();
  return c;
}

}  // namespace xref
