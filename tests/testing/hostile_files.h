// Broken and hostile files made by the tests themselves, shared by the
// extractor tests and the end-to-end hostile corpus test.
//
//   std::string pdf = xref::testing::BuildPdf({"<< /Type /Catalog /Pages 2 0 R >>", ...}, "");
//   std::string ok = xref::testing::MinimalPdf("Hello council.");     // one line of text
//   std::string locked = xref::testing::PasswordLockedPdf();          // no password opens it
//   std::string docx = xref::testing::MakeZip({{"word/document.xml", xml}});
//   std::string bomb = xref::testing::ZipBombDocx(40 << 20);          // 40 MiB of zeros, < 1 MiB packed
//   std::string noise = xref::testing::RandomBytes(8000, /*seed=*/7); // the same bytes every run
//
// Everything is deterministic, so a failure can be reproduced byte for byte.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace xref::testing {

// A PDF made of `objects` (numbered 1, 2, ... in order; object 1 is the
// catalog) with a correct cross-reference table; `trailer_extra` is added to
// the trailer dictionary (e.g. "/Encrypt 4 0 R /ID [...]").
std::string BuildPdf(const std::vector<std::string>& objects, const std::string& trailer_extra);

// A valid one-page PDF showing `text` (ASCII; parentheses and backslashes
// are escaped) in Helvetica.
std::string MinimalPdf(std::string_view text);

// A PDF with a standard security handler (RC4, revision 2) whose keys match
// no password: Poppler opens it as locked, needing a user password.
std::string PasswordLockedPdf();

// The page tree is its own kid and its own parent; a second catalog is its
// own page tree. Both are PDFs whose objects refer to themselves.
std::string SelfReferencingPdf();
std::string SelfReferencingCatalogPdf();

// A zip archive holding `entries` (name, content), deflated by libzip. Fails
// the calling test (ADD_FAILURE) and returns "" when libzip refuses.
using ZipEntries = std::vector<std::pair<std::string, std::string>>;
std::string MakeZip(const ZipEntries& entries);

// A DOCX whose word/document.xml unpacks to `unpacked_bytes` zeros.
std::string ZipBombDocx(size_t unpacked_bytes);

// `n` pseudo-random bytes from a linear congruential generator seeded with `seed`.
std::string RandomBytes(size_t n, unsigned seed);

}  // namespace xref::testing
