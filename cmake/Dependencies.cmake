# Every dependency comes from Debian's packages and is found here, once.
# Targets defined for the rest of the build:
#   ICU::uc ICU::i18n, PkgConfig::RE2, PkgConfig::POPPLER_CPP, PkgConfig::POPPLER,
#   SQLite::SQLite3,
#   LibXml2::LibXml2, PkgConfig::LIBZIP, CLI11::CLI11, nlohmann_json::nlohmann_json,
#   fmt::fmt-header-only, Snowball::stemmer, GTest::gtest, benchmark::benchmark,
#   PkgConfig::PANGOCAIRO (tests).
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(ICU 70 REQUIRED COMPONENTS uc i18n data)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp>=22.02)
# Poppler's own classes (PDFDoc, TextOutputDev), for the PDF extractor: the
# headers come with libpoppler-private-dev. Their API changes between releases;
# pipeline/extract_pdf.cc follows Debian 12's 22.12.
pkg_check_modules(POPPLER REQUIRED IMPORTED_TARGET poppler>=22.12)
find_package(SQLite3 REQUIRED)
find_package(LibXml2 REQUIRED)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(fmt REQUIRED)
# Snowball's stemmers (Debian's libstemmer-dev) come without a pkg-config file
# or a CMake package: found by header and library.
find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(Snowball::stemmer UNKNOWN IMPORTED)
set_target_properties(Snowball::stemmer PROPERTIES IMPORTED_LOCATION "${STEMMER_LIBRARY}"
                      INTERFACE_INCLUDE_DIRECTORIES "${STEMMER_INCLUDE_DIR}")

# The index needs FTS5 in the system SQLite: check it at configure time rather
# than failing on the first `CREATE VIRTUAL TABLE`.
include(CheckCSourceRuns)
set(CMAKE_REQUIRED_LIBRARIES SQLite::SQLite3)
check_c_source_runs([=[
#include <sqlite3.h>
int main(void) {
  sqlite3* db = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) return 1;
  int rc = sqlite3_exec(db, "CREATE VIRTUAL TABLE t USING fts5(x)", 0, 0, 0);
  sqlite3_close(db);
  return rc == SQLITE_OK ? 0 : 1;
}]=] XREF_SQLITE_HAS_FTS5)
unset(CMAKE_REQUIRED_LIBRARIES)
if(NOT XREF_SQLITE_HAS_FTS5)
  message(FATAL_ERROR "The system SQLite (${SQLite3_LIBRARIES}) lacks FTS5; xref's index needs it.")
endif()

if(XREF_BUILD_TESTS)
  find_package(GTest REQUIRED)
  pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf)
endif()
if(XREF_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
