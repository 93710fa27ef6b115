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

}  // namespace xref
