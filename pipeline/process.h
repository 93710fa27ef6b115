// ProcessFile: the pipeline for one file, up to the index — extract, find the
// document's own date, tag every passage and read its stance.
//
//   xref::Tagger tagger;
//   xref::Result<xref::ProcessedDocument> pd = xref::ProcessFile("paper.pdf", tagger);
//   for (size_t i = 0; i < pd->doc.passages.size(); ++i) {
//     use pd->doc.passages[i], pd->tags[i], pd->stances[i];
//   }
//
// The indexer runs this in isolated worker processes (worker_process.h); the
// result crosses the process boundary as MessagePack (SerializeProcessed /
// DeserializeProcessed, through nlohmann-json).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/extract.h"
#include "pipeline/status.h"
#include "pipeline/tag.h"
#include "pipeline/worker_process.h"

namespace xref {

struct ProcessedDocument {
  Document doc;                       // doc.date is the date the document states (FindDocumentDate)
  std::vector<std::vector<Tag>> tags; // tags[i] belong to doc.passages[i]
  std::vector<Stance> stances;        // stances[i] of doc.passages[i]
};

// Extracts `path`, tags each passage (relative dates against the document's
// own date) and classifies each passage's stance.
Result<ProcessedDocument> ProcessFile(const std::string& path, const Tagger& tagger,
                                      const ExtractOptions& options = {});

// The same for a document already extracted.
ProcessedDocument ProcessDocument(Document doc, const Tagger& tagger);

// True for a heading that introduces a list of undertakings ("Policy
// commitments", "Our proposals", "Key actions", "What we will do").
bool IsCommitmentHeading(std::string_view heading);

// Lossless binary form, for the pipe between worker and indexer.
std::string SerializeProcessed(const ProcessedDocument& pd);
Result<ProcessedDocument> DeserializeProcessed(std::string_view bytes);

// Processes files in worker processes with a time and memory limit per file
// (worker_process.h), so that a file that hangs or crashes a parser fails
// alone with a clear Status. Each worker is `worker_argv` (an xref binary
// started as `xref __worker`, which calls ServeProcessRequests). Thread-safe.
class IsolatedProcessor {
 public:
  static Result<std::unique_ptr<IsolatedProcessor>> Start(std::vector<std::string> worker_argv,
                                                          int workers,
                                                          const IsolationLimits& limits);
  // The same result as ProcessDocument(ExtractBytes(path, bytes)), or the
  // Status of the failure (including "timed out after 30 s").
  Result<ProcessedDocument> Process(const std::string& path, std::string_view bytes);
  int restarts() const { return pool_->restarts(); }

 private:
  explicit IsolatedProcessor(std::unique_ptr<WorkerProcessPool> pool) : pool_(std::move(pool)) {}
  std::unique_ptr<WorkerProcessPool> pool_;
};

// The worker side: answers IsolatedProcessor's requests on stdin/stdout until
// stdin closes. Returns the process exit status.
int ServeProcessRequests(const ExtractOptions& options = {});

}  // namespace xref
