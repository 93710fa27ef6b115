// Checks on an xref index that tests of the indexer share.
//
//   EXPECT_EQ(xref::testing::Count(db, "SELECT count(*) FROM documents"), 3);
//   xref::testing::ExpectIntact(db_path);   // after a crash, a refusal, a refresh
#pragma once

#include <cstdint>
#include <string>

#include "index/sqlite.h"

namespace xref::testing {

// The first column of the first row of `sql`, or -1 when there is none.
int64_t Count(sqlite::Database& db, const std::string& sql);

// SQLite's integrity check, FTS5's integrity check and the foreign keys, on a
// read-write connection of its own (FTS5's check is a write command, which
// readers are refused).
void ExpectIntact(const std::string& db_path);

}  // namespace xref::testing
