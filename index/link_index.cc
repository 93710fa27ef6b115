// The linking stage of index/refresh: reads every document from the index,
// builds the register and rewrites the register's tables. See link_index.h.
//
// The register is rebuilt from the stored documents on every update rather
// than patched: term weights are corpus-wide, so a new paper changes what
// every link weighs, and only a rebuild gives exactly what a clean index
// would (tested in link_index_test). Reading and linking stay in memory and
// take well under a second for a few hundred papers' passages; `changed` and
// `removed` tell whether there is anything to do.
#include "index/link_index.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "index/link_store.h"
#include "pipeline/analysis_module.h"
#include "pipeline/link.h"

namespace xref {

Status UpdateLinks(sqlite3* db, const std::vector<int64_t>& changed,
                   const std::vector<int64_t>& removed,
                   const std::function<void(const LinkProgress&)>& progress) {
  if (changed.empty() && removed.empty()) {
    // Nothing changed; still make sure the tables exist for readers.
    return EnsureRegisterTables(db);
  }
  // The linker is a module (analysis_module.h): a missing one is reported
  // before the register is read.
  if (Status s = LoadAnalysisModule(); !s.ok()) return s;
  LinkProgress at;
  auto report = [&](LinkProgress::Stage stage) {
    at.stage = stage;
    if (progress) progress(at);
  };
  report(LinkProgress::Stage::kReading);
  Result<std::vector<LinkInput>> inputs = ReadLinkInputs(db);
  if (!inputs.ok()) return inputs.status();
  at.documents = inputs->size();
  report(LinkProgress::Stage::kGrouping);
  // Reading every passage filled the connection's page cache (8 MiB, see
  // store.cc); linking is the peak of the run and reads nothing from the
  // database, so the cache's pages are handed back first. So is the memory
  // that extraction, tagging and the read freed: glibc keeps it, in the
  // arenas of threads that are gone too, and the linker's own threads and
  // the main thread would not all reuse it (at N=100, 2-6 MB off the peak).
  sqlite3_db_release_memory(db);
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
  // Each entry's links, stances and disagreements are written as soon as
  // they are known, and then dropped: the register's links are never all
  // held (at 3,000 papers, 600,000 links with their evidence).
  RegisterWriter writer(db, *inputs);
  if (Status s = writer.Begin(); !s.ok()) return s;
  Status written = Status::Ok();
  const RegisterSink sink = [&](const Commitment& commitment, RegisterPart&& part) {
    written = writer.Put(commitment, part);
    at.done = part.commitment + 1;
    at.total = part.entries;
    report(LinkProgress::Stage::kScoring);
    return written.ok();
  };
  BuildRegister(*inputs, {}, {}, nullptr, &sink);
  if (!written.ok()) return written;
  report(LinkProgress::Stage::kSaving);
  return writer.Finish();
}

}  // namespace xref
