#include "tests/testing/index_checks.h"

#include <gtest/gtest.h>

#include "index/tokenizer.h"

namespace xref::testing {

int64_t Count(sqlite::Database& db, const std::string& sql) {
  sqlite::Statement st = db.Prepare(sql);
  return st.Step() ? st.ColumnInt64(0) : -1;
}

void ExpectIntact(const std::string& db_path) {
  sqlite::Database db;
  ASSERT_TRUE(db.Open(db_path, false).ok());
  ASSERT_TRUE(RegisterXrefTokenizer(db.get()).ok());
  sqlite::Statement ic = db.Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(ic.Step());
  EXPECT_EQ(ic.ColumnText(0), "ok");
  Status fts = db.Exec("INSERT INTO passages_fts(passages_fts) VALUES ('integrity-check')");
  EXPECT_TRUE(fts.ok()) << fts.ToString();
  sqlite::Statement fk = db.Prepare("PRAGMA foreign_key_check");
  EXPECT_FALSE(fk.Step()) << "dangling row in " << fk.ColumnText(0);
}

}  // namespace xref::testing
