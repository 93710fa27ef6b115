// Tagging throughput over the bundled corpus (bytes of passage text per
// second, one core). The corpus is extracted with xref's own extractor, so the
// text is exactly what the indexer tags; the shared reference transcripts are
// used if extraction fails.
//
//   build/bench/tag_bench --benchmark_filter=Passages
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "pipeline/extract.h"
#include "pipeline/tag.h"

namespace {

struct Corpus {
  std::vector<xref::Passage> passages;
  std::vector<std::string> document_dates;  // per passage
  size_t bytes = 0;
};

const Corpus& LoadCorpus() {
  static const Corpus* corpus = [] {
    auto* c = new Corpus();
    namespace fs = std::filesystem;
    for (const auto& entry : fs::directory_iterator(XREF_SOURCE_DIR "/corpus")) {
      std::string ext = entry.path().extension().string();
      if (ext != ".pdf" && ext != ".html" && ext != ".docx") continue;
      xref::Result<xref::Document> doc = xref::ExtractFile(entry.path().string());
      if (!doc.ok()) continue;
      std::string date = xref::FindDocumentDate(*doc);
      for (xref::Passage& p : doc->passages) {
        c->bytes += p.text.size();
        c->passages.push_back(std::move(p));
        c->document_dates.push_back(date);
      }
    }
    if (c->passages.empty()) {
      for (const auto& entry : fs::directory_iterator(XREF_SHARED_DIR "/corpus/reference")) {
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
          if (line.empty()) continue;
          xref::Passage p;
          p.text = line;
          c->bytes += line.size();
          c->passages.push_back(std::move(p));
          c->document_dates.push_back("");
        }
      }
    }
    std::cerr << "tag_bench: " << c->passages.size() << " passages, " << c->bytes << " bytes\n";
    return c;
  }();
  return *corpus;
}

// Each passage tagged on its own, as the indexer does.
void BM_TagPassages(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  xref::Tagger tagger;
  size_t tags = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < corpus.passages.size(); ++i) {
      xref::TagOptions options;
      options.document_date = corpus.document_dates[i];
      std::vector<xref::Tag> found = tagger.Find(corpus.passages[i].text, options);
      tags += found.size();
      benchmark::DoNotOptimize(found.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(corpus.bytes));
  state.counters["tags_per_pass"] = static_cast<double>(tags) / static_cast<double>(state.iterations());
}
BENCHMARK(BM_TagPassages)->Unit(benchmark::kMillisecond);

// The same passages, spans only (TagOptions::find_commitments = false).
void BM_TagPassagesSpansOnly(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  xref::Tagger tagger;
  for (auto _ : state) {
    for (size_t i = 0; i < corpus.passages.size(); ++i) {
      xref::TagOptions options;
      options.document_date = corpus.document_dates[i];
      options.find_commitments = false;
      benchmark::DoNotOptimize(tagger.Find(corpus.passages[i].text, options).size());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(corpus.bytes));
}
BENCHMARK(BM_TagPassagesSpansOnly)->Unit(benchmark::kMillisecond);

// Only money/percent/count/date: passages without any modal keyword, where
// the commitment machinery is skipped. Shows what the one-pass scan costs.
void BM_TagPassagesWithoutModals(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  std::vector<std::string> plain;
  size_t bytes = 0;
  for (const xref::Passage& p : corpus.passages) {
    const std::string& t = p.text;
    if (t.find("will") != std::string::npos || t.find("shall") != std::string::npos ||
        t.find(" to ") != std::string::npos)
      continue;
    plain.push_back(t);
    bytes += t.size();
  }
  xref::Tagger tagger;
  for (auto _ : state) {
    for (const std::string& t : plain) benchmark::DoNotOptimize(tagger.Find(t).size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
}
BENCHMARK(BM_TagPassagesWithoutModals)->Unit(benchmark::kMillisecond);

// The whole corpus as one text (the `xref tag FILE` path).
void BM_TagWholeText(benchmark::State& state) {
  const Corpus& corpus = LoadCorpus();
  std::string text;
  for (const xref::Passage& p : corpus.passages) {
    text += p.text;
    text += "\n";
  }
  xref::Tagger tagger;
  for (auto _ : state) benchmark::DoNotOptimize(tagger.Find(text).size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_TagWholeText)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
