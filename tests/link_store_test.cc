// ReadLinkInputs on real papers: documents read and tagged by the real
// pipeline are written through the IndexStore, read back for the linker, and
// must come back as the linker needs them (every passage, the commitment,
// money and date tags in order with a commitment's sums and dates inside it,
// stances, the user's authority overrides), in vectors that hold no spare
// room (the inputs are held through the whole of linking, the peak of
// `index` and `refresh`), and must give the register the documents
// themselves give.
#include "index/link_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "index/store.h"
#include "pipeline/link.h"
#include "tests/link_fixtures.h"

namespace xref {
namespace {

namespace fs = std::filesystem;

bool Compared(TagKind kind) {
  return kind == TagKind::kCommitment || kind == TagKind::kMoney || kind == TagKind::kDate;
}

class LinkStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("xref-link-store-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    const std::string data = std::string(XREF_SOURCE_DIR) + "/tests/data/";
    loaded_ = testing::LoadCorpus({data + "third-corpus/school-travel-strategy.md",
                                   data + "third-corpus/briefing-school-travel.md",
                                   data + "third-corpus/council-report-school-travel.md",
                                   data + "second-corpus/clean-air-strategy.md",
                                   data + "second-corpus/briefing-clean-air.md"});
    ASSERT_FALSE(loaded_.stand_in_extractor);
    ASSERT_FALSE(loaded_.stand_in_tagger);

    Result<std::unique_ptr<IndexStore>> store = IndexStore::Open((dir_ / "xref.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    for (size_t k = 0; k < loaded_.inputs.size(); ++k) {
      const LinkInput& in = loaded_.inputs[k];
      DocumentRecord rec;
      rec.file.path = in.doc.path;
      rec.file.size = 1;
      rec.hash = in.doc.path;
      rec.format = in.doc.format;
      rec.title = in.doc.title;
      rec.date = in.doc.date;
      rec.pages = in.doc.pages;
      for (size_t i = 0; i < in.doc.passages.size(); ++i) {
        rec.passages.push_back({in.doc.passages[i], in.stances[i], loaded_.tags[k][i], {}, {}, {}, {}, {}});
      }
      Result<int64_t> id = store_->PutDocument(rec);
      ASSERT_TRUE(id.ok()) << id.status().ToString();
      by_path_[in.doc.path] = &in;
      tags_of_[in.doc.path] = &loaded_.tags[k];
    }
    // A file that could not be read has no passages and is not linked.
    DocumentRecord failed;
    failed.file.path = (dir_ / "broken.pdf").string();
    failed.hash = "broken";
    failed.error = Status::Corrupt(failed.file.path, "not a PDF");
    ASSERT_TRUE(store_->PutDocument(failed).ok());
  }

  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  sqlite3* db() { return store_->db().get(); }

  fs::path dir_;
  testing::Loaded loaded_;
  std::unique_ptr<IndexStore> store_;
  std::map<std::string, const LinkInput*> by_path_;
  std::map<std::string, const std::vector<std::vector<Tag>>*> tags_of_;  // the tagger's, per path
};

TEST_F(LinkStoreTest, ReadsEveryPassageAndTheComparedTagsAsWritten) {
  Result<std::vector<LinkInput>> read = ReadLinkInputs(db());
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  ASSERT_EQ(read->size(), loaded_.inputs.size());  // not the failed file
  size_t commitments = 0, nested = 0, skipped = 0;
  for (const LinkInput& got : *read) {
    SCOPED_TRACE(got.doc.path);
    ASSERT_EQ(by_path_.count(got.doc.path), 1u);
    const LinkInput& want = *by_path_[got.doc.path];
    EXPECT_EQ(got.doc.title, want.doc.title);
    EXPECT_EQ(got.doc.date, want.doc.date);
    EXPECT_EQ(got.doc.pages, want.doc.pages);
    EXPECT_FALSE(got.authority.has_value());
    ASSERT_EQ(got.doc.passages.size(), want.doc.passages.size());
    ASSERT_EQ(got.stances.size(), want.stances.size());
    ASSERT_EQ(got.tags.size(), want.doc.passages.size());
    for (size_t i = 0; i < want.doc.passages.size(); ++i) {
      const Passage& g = got.doc.passages[i];
      const Passage& w = want.doc.passages[i];
      EXPECT_EQ(g.n, w.n);
      EXPECT_EQ(g.page, w.page);
      EXPECT_EQ(g.label, w.label);
      // Held once per run of passages under one heading.
      EXPECT_EQ(got.Section(i), w.section);
      EXPECT_TRUE(g.section.empty());
      if (i > 0 && w.section == want.doc.passages[i - 1].section) {
        EXPECT_EQ(got.section_of[i], got.section_of[i - 1]);
      }
      EXPECT_EQ(g.kind, w.kind);
      EXPECT_EQ(g.level, w.level);
      EXPECT_EQ(g.text, w.text);
      EXPECT_EQ(got.stances[i], want.stances[i]);

      // The tagger gives tags ordered by start; percentages and counts are
      // left out, the linker never compares them.
      std::vector<const Tag*> expected;
      for (const Tag& t : (*tags_of_[got.doc.path])[i]) {
        if (Compared(t.kind)) expected.push_back(&t);
        skipped += !Compared(t.kind);
      }
      const std::vector<LinkTag>& tags = got.tags[i];
      ASSERT_EQ(tags.size(), expected.size()) << "passage " << w.n;
      EXPECT_EQ(tags.capacity(), tags.size()) << "passage " << w.n;
      for (size_t k = 0; k < tags.size(); ++k) {
        const LinkTag& g_tag = tags[k];
        const Tag& w_tag = *expected[k];
        EXPECT_EQ(g_tag.kind, w_tag.kind);
        EXPECT_EQ(g_tag.start, w_tag.start);
        EXPECT_EQ(g_tag.end, w_tag.end);
        EXPECT_EQ(g_tag.Text(g.text), w_tag.text);
        // Only what the tag's kind has is held, and a commitment's sentence
        // and action only once, in the passage's text.
        EXPECT_EQ(g_tag.text_in_passage, w_tag.kind == TagKind::kCommitment);
        if (g_tag.text_in_passage) {
          EXPECT_TRUE(g_tag.text.empty());
        }
        EXPECT_EQ(static_cast<bool>(g_tag.date), w_tag.kind == TagKind::kDate);
        EXPECT_EQ(static_cast<bool>(g_tag.commitment), w_tag.kind == TagKind::kCommitment);
        if (w_tag.kind == TagKind::kMoney) {
          EXPECT_EQ(g_tag.amount, w_tag.money.amount);
        } else {
          EXPECT_FALSE(g_tag.amount.has_value());
        }
        if (w_tag.kind == TagKind::kDate && g_tag.date) {
          EXPECT_EQ(g_tag.date->start, w_tag.date.start);
          EXPECT_EQ(g_tag.date->end, w_tag.date.end);
          EXPECT_EQ(g_tag.date->precision, w_tag.date.precision);
          EXPECT_EQ(g_tag.date->bound, w_tag.date.bound);
          EXPECT_EQ(g_tag.date->relative, w_tag.date.relative);
        }
        if (g_tag.kind != TagKind::kCommitment || !g_tag.commitment) continue;
        EXPECT_EQ(g_tag.commitment->actor, w_tag.commitment.actor);
        EXPECT_EQ(g_tag.commitment->modality, w_tag.commitment.modality);
        EXPECT_EQ(g_tag.commitment->Action(g.text), w_tag.commitment.action);
        EXPECT_EQ(g_tag.commitment->action_in_passage, !w_tag.commitment.action.empty());
        if (g_tag.commitment->action_in_passage) {
          EXPECT_TRUE(g_tag.commitment->action.empty());
        }
        ++commitments;
        // A commitment's sums and dates: the money and date tags inside its
        // span, in the passage's order.
        std::vector<std::string> money, dates;
        for (const Tag* t : expected) {
          if (t->start < w_tag.start || t->end > w_tag.end) continue;
          if (t->kind == TagKind::kMoney) money.push_back(t->text);
          if (t->kind == TagKind::kDate) dates.push_back(t->text);
        }
        std::vector<std::string> got_money, got_dates;
        for (uint32_t j : g_tag.commitment->money) got_money.push_back(tags.at(j).text);
        for (uint32_t j : g_tag.commitment->dates) got_dates.push_back(tags.at(j).text);
        EXPECT_EQ(got_money, money);
        EXPECT_EQ(got_dates, dates);
        EXPECT_EQ(g_tag.commitment->money.capacity(), money.size());
        EXPECT_EQ(g_tag.commitment->dates.capacity(), dates.size());
        nested += money.size() + dates.size();
      }
    }
    EXPECT_EQ(got.doc.passages.capacity(), got.doc.passages.size());
    EXPECT_EQ(got.stances.capacity(), got.stances.size());
  }
  // The papers exercise what is compared: commitments holding sums or dates,
  // and tags of other kinds to leave out.
  EXPECT_GT(commitments, 20u);
  EXPECT_GT(nested, 3u);
  EXPECT_GT(skipped, 0u);
}

TEST_F(LinkStoreTest, ReadsTheUsersAuthorityOverrides) {
  ASSERT_TRUE(EnsureRegisterTables(db()).ok());
  const std::string& briefing = loaded_.inputs[1].doc.path;
  sqlite::Statement put = store_->db().Prepare(
      "INSERT INTO document_authority(doc_id, authority) SELECT id, 'national' FROM documents "
      "WHERE path = ?1");
  put.Bind(1, briefing);
  ASSERT_TRUE(put.Run().ok());
  Result<std::vector<LinkInput>> read = ReadLinkInputs(db());
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  for (const LinkInput& in : *read) {
    if (in.doc.path == briefing) {
      EXPECT_EQ(in.authority, Authority::kNational);
    } else {
      EXPECT_FALSE(in.authority.has_value()) << in.doc.path;
    }
  }
}

// The register linked from the index is the register of the papers
// themselves (ids aside: the store numbers documents its own way).
TEST_F(LinkStoreTest, StoredInputsGiveTheSameRegister) {
  Result<std::vector<LinkInput>> read = ReadLinkInputs(db());
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  // The fixtures nest a commitment's sums and dates as the tagger found them;
  // the index stores tags flat and ReadLinkInputs nests those inside the
  // span. Compare like with like.
  std::vector<LinkInput> direct = loaded_.inputs;
  for (size_t d = 0; d < direct.size(); ++d) {
    LinkInput& in = direct[d];
    for (size_t i = 0; i < in.tags.size(); ++i) {
      std::vector<Tag> kept;
      for (const Tag& t : loaded_.tags[d][i]) {
        if (Compared(t.kind)) kept.push_back(t);
      }
      for (Tag& c : kept) {
        if (c.kind != TagKind::kCommitment) continue;
        c.commitment.money.clear();
        c.commitment.dates.clear();
        for (const Tag& t : kept) {
          if (t.start < c.start || t.end > c.end) continue;
          if (t.kind == TagKind::kMoney) c.commitment.money.push_back(t);
          if (t.kind == TagKind::kDate) c.commitment.dates.push_back(t);
        }
      }
      in.tags[i] = ToLinkTags(kept);
    }
  }
  const Register from_index = BuildRegister(*read);
  const Register from_papers = BuildRegister(direct);
  std::map<int64_t, std::string> index_path, paper_path;
  for (const LinkInput& in : *read) index_path[in.id] = in.doc.path;
  for (const LinkInput& in : direct) paper_path[in.id] = in.doc.path;

  ASSERT_EQ(from_index.commitments.size(), from_papers.commitments.size());
  ASSERT_GT(from_index.commitments.size(), 10u);
  for (size_t e = 0; e < from_index.commitments.size(); ++e) {
    const Commitment& a = from_index.commitments[e];
    const Commitment& b = from_papers.commitments[e];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.action, b.action);
    EXPECT_EQ(index_path[a.source.doc], paper_path[b.source.doc]);
    EXPECT_EQ(a.source.passage, b.source.passage);
    EXPECT_EQ(a.money.size(), b.money.size());
    EXPECT_EQ(a.dates.size(), b.dates.size());
  }
  ASSERT_EQ(from_index.links.size(), from_papers.links.size());
  for (size_t k = 0; k < from_index.links.size(); ++k) {
    const Link& a = from_index.links[k];
    const Link& b = from_papers.links[k];
    EXPECT_EQ(a.commitment, b.commitment);
    EXPECT_EQ(index_path[a.passage.doc], paper_path[b.passage.doc]);
    EXPECT_EQ(a.passage.passage, b.passage.passage);
    EXPECT_EQ(a.score, b.score);
    EXPECT_EQ(a.evidence.phrases, b.evidence.phrases);
    EXPECT_EQ(a.evidence.terms, b.evidence.terms);
    EXPECT_EQ(a.evidence.values, b.evidence.values);
  }
  EXPECT_EQ(from_index.conflicts.size(), from_papers.conflicts.size());
}

// Every row of the register's tables, in the order ReadRegister reads them
// (rowid), and the register as the reports read it.
std::string RegisterTables(sqlite3* db) {
  std::string out;
  for (const char* table : {"commitments", "commitment_links", "commitment_documents", "commitment_conflicts"}) {
    sqlite3_stmt* st = nullptr;
    const std::string sql = std::string("SELECT * FROM ") + table + " ORDER BY rowid";
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) return "cannot read " + sql;
    out += std::string(table) + "\n";
    while (sqlite3_step(st) == SQLITE_ROW) {
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const unsigned char* v = sqlite3_column_text(st, c);
        out += v ? reinterpret_cast<const char*>(v) : "NULL";
        out += '\t';
      }
      out += '\n';
    }
    sqlite3_finalize(st);
  }
  Result<RegisterView> view = ReadRegister(db);
  if (!view.ok()) return out + view.status().ToString();
  for (const auto& list : {view->commitments, view->rows, view->conflicts}) {
    for (const nlohmann::json& j : list) out += j.dump() + "\n";
  }
  return out;
}

// A relink writes only the register rows that changed, and leaves the tables
// as a register written whole would: rows in the same order, nothing left
// over, whether the register grew, shrank or stayed as it was.
TEST_F(LinkStoreTest, WritesOnlyTheRegisterRowsThatChanged) {
  Result<std::vector<LinkInput>> all = ReadLinkInputs(db());
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  // The same papers less the last: a smaller register, with other links.
  std::vector<LinkInput> fewer(all->begin(), all->end() - 1);
  const Register whole = BuildRegister(*all);
  const Register less = BuildRegister(fewer);
  ASSERT_GT(whole.links.size(), less.links.size());

  // Each register as a clean write gives it.
  auto clean = [&](const std::vector<LinkInput>& in, const Register& reg) {
    for (const char* table : {"commitments", "commitment_links", "commitment_documents", "commitment_conflicts"}) {
      EXPECT_TRUE(store_->db().Exec(std::string("DELETE FROM ") + table).ok());
    }
    EXPECT_TRUE(WriteRegister(db(), in, reg).ok());
    return RegisterTables(db());
  };
  ASSERT_TRUE(EnsureRegisterTables(db()).ok());
  const std::string whole_tables = clean(*all, whole);
  const std::string less_tables = clean(fewer, less);
  ASSERT_NE(whole_tables, less_tables);

  // Over each other, in both directions.
  ASSERT_TRUE(WriteRegister(db(), *all, whole).ok());
  EXPECT_EQ(RegisterTables(db()), whole_tables);
  ASSERT_TRUE(WriteRegister(db(), fewer, less).ok());
  EXPECT_EQ(RegisterTables(db()), less_tables);
  ASSERT_TRUE(WriteRegister(db(), *all, whole).ok());
  EXPECT_EQ(RegisterTables(db()), whole_tables);

  // The same register again: only the entries' rows are written (deleted
  // and inserted), not one link, pair or disagreement.
  const int before = sqlite3_total_changes(db());
  ASSERT_TRUE(WriteRegister(db(), *all, whole).ok());
  EXPECT_EQ(sqlite3_total_changes(db()) - before, static_cast<int>(2 * whole.commitments.size()));
  EXPECT_EQ(RegisterTables(db()), whole_tables);
}


// The register handed over entry by entry (BuildRegister's sink, which
// `index` and `refresh` use so that the links are never all held) is the
// register BuildRegister returns, part by part and in order; written as it
// comes (RegisterWriter), over another register, it leaves the tables as
// WriteRegister of the whole register does. A sink that says stop stops the
// linking, and a writer not finished leaves the register before.
TEST_F(LinkStoreTest, TheRegisterHandedOverEntryByEntryIsTheWholeRegister) {
  Result<std::vector<LinkInput>> all = ReadLinkInputs(db());
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  const std::vector<LinkInput> fewer(all->begin(), all->end() - 1);
  const Register whole = BuildRegister(*all);
  ASSERT_GT(whole.commitments.size(), 10u);
  ASSERT_GT(whole.links.size(), whole.commitments.size());
  ASSERT_TRUE(EnsureRegisterTables(db()).ok());
  ASSERT_TRUE(WriteRegister(db(), *all, whole).ok());
  const std::string whole_tables = RegisterTables(db());
  ASSERT_TRUE(WriteRegister(db(), fewer, BuildRegister(fewer)).ok());
  const std::string fewer_tables = RegisterTables(db());
  ASSERT_NE(fewer_tables, whole_tables);

  RegisterWriter writer(db(), *all);
  ASSERT_TRUE(writer.Begin().ok());
  size_t next = 0, link = 0, stance = 0, conflict = 0;
  const RegisterSink sink = [&](const Commitment& c, RegisterPart&& part) {
    EXPECT_EQ(part.commitment, next++);
    EXPECT_EQ(c.id, whole.commitments.at(part.commitment).id);
    for (const Link& l : part.links) {
      if (link >= whole.links.size()) break;
      const Link& w = whole.links[link++];
      EXPECT_EQ(l.commitment, w.commitment);
      EXPECT_EQ(l.passage, w.passage);
      EXPECT_EQ(l.score, w.score);
      EXPECT_EQ(l.evidence.phrases, w.evidence.phrases);
      EXPECT_EQ(l.evidence.terms, w.evidence.terms);
      EXPECT_EQ(l.evidence.values, w.evidence.values);
      EXPECT_EQ(l.evidence.states, w.evidence.states);
    }
    for (const DocumentStance& st : part.stances) {
      if (stance >= whole.stances.size()) break;
      const DocumentStance& w = whole.stances[stance++];
      EXPECT_EQ(st.commitment, w.commitment);
      EXPECT_EQ(st.doc, w.doc);
      EXPECT_EQ(st.stance, w.stance);
    }
    for (const Conflict& k : part.conflicts) {
      if (conflict >= whole.conflicts.size()) break;
      const Conflict& w = whole.conflicts[conflict++];
      EXPECT_EQ(k.commitment, w.commitment);
      EXPECT_EQ(k.field, w.field);
      EXPECT_EQ(k.values.size(), w.values.size());
    }
    EXPECT_TRUE(writer.Put(c, part).ok());
    return true;
  };
  const Register streamed = BuildRegister(*all, {}, {}, nullptr, &sink);
  EXPECT_EQ(next, whole.commitments.size());
  EXPECT_EQ(link, whole.links.size());
  EXPECT_EQ(stance, whole.stances.size());
  EXPECT_EQ(conflict, whole.conflicts.size());
  // What went to the sink is not held.
  EXPECT_EQ(streamed.commitments.size(), whole.commitments.size());
  EXPECT_TRUE(streamed.links.empty());
  EXPECT_TRUE(streamed.stances.empty());
  EXPECT_TRUE(streamed.conflicts.empty());
  ASSERT_TRUE(writer.Finish().ok());
  EXPECT_EQ(RegisterTables(db()), whole_tables);

  ASSERT_TRUE(WriteRegister(db(), fewer, BuildRegister(fewer)).ok());
  {
    RegisterWriter stopped(db(), *all);
    ASSERT_TRUE(stopped.Begin().ok());
    size_t parts = 0;
    const RegisterSink stop = [&](const Commitment& c, RegisterPart&& part) {
      ++parts;
      EXPECT_TRUE(stopped.Put(c, part).ok());
      return false;
    };
    BuildRegister(*all, {}, {}, nullptr, &stop);
    EXPECT_EQ(parts, 1u);
  }
  EXPECT_EQ(RegisterTables(db()), fewer_tables);
}

}  // namespace
}  // namespace xref
