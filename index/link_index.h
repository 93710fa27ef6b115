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

#include <cstdint>
#include <vector>

#include "pipeline/status.h"

namespace xref {

Status UpdateLinks(sqlite3* db, const std::vector<int64_t>& changed,
                   const std::vector<int64_t>& removed);

}  // namespace xref
