// RomanNumeral: list and paragraph numbers printed as Roman numerals ("iv",
// "XII"), through ICU's algorithmic "romanlow" numbering system. Shared by
// the HTML (<ol type=i>), DOCX (lowerRoman/upperRoman) and ODT extractors.
#pragma once

#include <string>

namespace xref {

// n in 1..3999 as a Roman numeral, lower or upper case; other n as digits.
// Thread-safe.
std::string RomanNumeral(long n, bool upper);

// n as a list letter, repeated past z as Word and LibreOffice print them:
// a..z, aa..zz, aaa...; past ten letters, digits.
std::string LetterNumeral(int n);

}  // namespace xref
