// The linking stage of `index` and `refresh`: keeps the commitment register
// and its links up to date in the index after documents changed.
//
//   xref::Status s = xref::UpdateLinks(db.get(), changed_ids, removed_ids);
//
// `changed` holds the ids (documents.id) of documents added or re-done in this
// run, `removed` those deleted. The caller (the indexer) has already written
// every document, passage and tag; UpdateLinks reads them from the database
// and writes the register, links, stances and conflicts in its own
// transaction, so that a crash leaves the previous register intact.
#pragma once

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "pipeline/status.h"

namespace xref {

// Where the linking stage is, for a progress line. Every document is
// relinked, whatever changed (link_index.cc says why).
struct LinkProgress {
  enum class Stage {
    kReading,   // the documents, passages and tags are read from the index
    kGrouping,  // their commitments are grouped into the register's entries
    kScoring,   // each entry's passages are found and scored
    kSaving,    // the register's tables are brought up to date
  };
  Stage stage = Stage::kReading;
  size_t documents = 0;  // documents read (from kGrouping on)
  size_t done = 0;       // kScoring: entries whose links are known, in register order
  size_t total = 0;      // kScoring: the register's entries
};

// `progress`, when given, is called at each stage and after each entry is
// scored, from one thread at a time but not always the caller's.
Status UpdateLinks(sqlite3* db, const std::vector<int64_t>& changed,
                   const std::vector<int64_t>& removed,
                   const std::function<void(const LinkProgress&)>& progress = nullptr);

}  // namespace xref
