// The commitment register in the index: reading what the linker needs from
// the store's tables, and writing and reading the register's own tables.
//
//   xref::Result<std::vector<xref::LinkInput>> in = xref::ReadLinkInputs(db);
//   xref::Register reg = xref::BuildRegister(*in);
//   xref::Status s = xref::WriteRegister(db, *in, reg);     // one transaction
//   // or, the links never all held: a RegisterWriter as BuildRegister's sink
//   ...
//   xref::Result<xref::RegisterView> view = xref::ReadRegister(db);
//   for (const nlohmann::json& row : view->rows) { ... }  // `xref table --format json` rows
//
// The register's tables sit beside the store's (docs/schema.md) and are
// rewritten whole by every WriteRegister:
//   commitments(id, seq, text, actor, local, source_doc, json)
//       one row per register entry; json is the `xref commitments --json` object;
//   commitment_links(commitment, doc_id, passage_n, score, states, evidence_json)
//       every (entry, passage) link with its evidence;
//   commitment_documents(commitment, doc_id, stance, json)
//       one row per (entry, document) pair; json holds the sums and dates the
//       document gives for the entry; ReadRegister adds the path, stance and
//       linked passages (from commitment_links and passages) to make one
//       element of the table row's "documents" array;
//   commitment_conflicts(commitment, field, json)
//       the `xref conflicts --json` objects, each value naming its passage by
//       doc_id; ReadRegister adds the passage's page, label and text ("quote");
//   document_authority(doc_id, authority)
//       the user's override of a document's inferred authority
//       ('national', 'briefing', 'local'); read, never written, by xref.
#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pipeline/link.h"
#include "pipeline/status.h"

namespace xref {

// Creates the register's tables when absent.
Status EnsureRegisterTables(sqlite3* db);

// Every document indexed without error, with its passages, tags and stances
// as the store wrote them, and the user's authority overrides. Only the
// commitment, money and date tags are read (the linker compares no others),
// as LinkTags holding what the linker compares, a commitment naming the
// money and date tags inside its span. The inputs
// are held through the whole of linking, the memory peak of `index` and
// `refresh`, so every vector is sized exactly (no spare capacity).
Result<std::vector<LinkInput>> ReadLinkInputs(sqlite3* db);

// Replaces the register's tables with `reg` in one transaction.
Status WriteRegister(sqlite3* db, const std::vector<LinkInput>& inputs, const Register& reg);

// Replaces the register's tables entry by entry, as BuildRegister's sink
// hands the register over (link.h, RegisterSink), so that its links are
// never all in memory: Begin, then Put every entry in register order, then
// Finish, all in one savepoint. A failure, or a writer destroyed before
// Finish, leaves the previous register. The tables read as WriteRegister
// of the whole register leaves them.
class RegisterWriter {
 public:
  RegisterWriter(sqlite3* db, const std::vector<LinkInput>& inputs);
  ~RegisterWriter();
  RegisterWriter(const RegisterWriter&) = delete;
  RegisterWriter& operator=(const RegisterWriter&) = delete;

  Status Begin();
  Status Put(const Commitment& commitment, const RegisterPart& part);
  Status Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The register as the reports print it.
struct RegisterView {
  std::vector<nlohmann::json> commitments;  // `xref commitments --json` objects, in order
  std::vector<nlohmann::json> rows;         // `xref table --format json` objects, same order
  std::vector<nlohmann::json> conflicts;    // `xref conflicts --json` objects
  std::vector<std::string> documents;       // every indexed document's path, sorted
  std::vector<std::string> titles;          // their titles, same order
};

// Reads the register's tables; an index never linked gives an empty view.
Result<RegisterView> ReadRegister(sqlite3* db);

// One commitment with every link and its evidence (`xref show --json`):
// the commitments object plus "links": [{doc, passage, page, label, section,
// text, score, stance, evidence: {phrases, terms, values, states}}].
// kNotFound when there is no such id.
Result<nlohmann::json> ReadCommitment(sqlite3* db, const std::string& id);

}  // namespace xref
