// Broken and hostile files for the tests. See hostile_files.h.
#include "tests/testing/hostile_files.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <unistd.h>

#include "tests/testing/word_similarity.h"

namespace xref::testing {

std::string BuildPdf(const std::vector<std::string>& objects, const std::string& trailer_extra) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " +
         trailer_extra + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string MinimalPdf(std::string_view text) {
  std::string escaped;
  for (char c : text) {
    if (c == '(' || c == ')' || c == '\\') escaped += '\\';
    escaped += c;
  }
  const std::string content = "BT /F1 12 Tf 72 720 Td (" + escaped + ") Tj ET";
  return BuildPdf({"<< /Type /Catalog /Pages 2 0 R >>",
                   "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                   "/Resources << /Font << /F1 5 0 R >> >> >>",
                   "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content +
                       "\nendstream",
                   "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"},
                  "");
}

std::string PasswordLockedPdf() {
  const std::string pad(64, 'a');  // 32 bytes of hex: no password opens it
  return BuildPdf(
      {"<< /Type /Catalog /Pages 2 0 R >>",
       "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
       "<< /Filter /Standard /V 1 /R 2 /O <" + pad + "> /U <" + pad + "> /P -44 >>"},
      "/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]");
}

std::string SelfReferencingPdf() {
  return BuildPdf({"<< /Type /Catalog /Pages 2 0 R >>",
                   "<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>"},
                  "");
}

std::string SelfReferencingCatalogPdf() {
  return BuildPdf({"<< /Type /Catalog /Pages 1 0 R /Kids [1 0 R] /Count 3 >>"}, "");
}

std::string MakeZip(const ZipEntries& entries) {
  // libzip writes archives to files: a temporary one, unique per call.
  static std::atomic<int> counter{0};
  std::string path = ::testing::TempDir() + "/xref_zip_" + std::to_string(::getpid()) + "_" +
                     std::to_string(counter++) + ".zip";
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    ADD_FAILURE() << "zip_open error " << error;
    return "";
  }
  for (const auto& [name, data] : entries) {
    zip_source_t* source = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (source == nullptr || zip_file_add(archive, name.c_str(), source, ZIP_FL_OVERWRITE) < 0) {
      ADD_FAILURE() << name << ": " << zip_strerror(archive);
      zip_source_free(source);
    }
  }
  if (zip_close(archive) != 0) {
    ADD_FAILURE() << "zip_close: " << zip_strerror(archive);
    zip_discard(archive);
    return "";
  }
  std::string bytes = ReadFileOrFail(path);
  std::remove(path.c_str());
  return bytes;
}

std::string ZipBombDocx(size_t unpacked_bytes) {
  return MakeZip({{"word/document.xml", std::string(unpacked_bytes, '\0')}});
}

std::string RandomBytes(size_t n, unsigned seed) {
  std::string bytes;
  bytes.reserve(n);
  uint32_t state = seed;
  for (size_t i = 0; i < n; ++i) {
    state = state * 1103515245u + 12345u;
    bytes.push_back(static_cast<char>((state >> 16) & 0xFF));
  }
  return bytes;
}

}  // namespace xref::testing
