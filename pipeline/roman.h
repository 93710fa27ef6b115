// RomanNumeral: list and paragraph numbers printed as Roman numerals ("iv",
// "XII"), through ICU's algorithmic "romanlow" numbering system. Shared by
// the HTML (<ol type=i>) and DOCX (lowerRoman/upperRoman) extractors.
#pragma once

#include <string>

namespace xref {

// n in 1..3999 as a Roman numeral, lower or upper case; other n as digits.
// Thread-safe.
std::string RomanNumeral(long n, bool upper);

}  // namespace xref
