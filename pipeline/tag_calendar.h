// Calendar arithmetic for the date tagger: proleptic Gregorian civil dates,
// ISO weeks, and the TIMEX3/ISO spellings of them.
//
//   xref::CivilDate d{2023, 2, 2};
//   xref::CivilDate later = xref::AddYears(d, 2);           // 2025-02-02
//   std::string iso = xref::FormatIso(xref::AddDays(later, -1));  // "2025-02-01"
//   xref::IsoWeek w = xref::IsoWeekOf({2023, 3, 21});       // {2023, 12}
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace xref {

struct CivilDate {
  int year = 0;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
bool IsValidDate(int year, int month, int day);

// Days since 1970-01-01 and back (Howard Hinnant's civil calendar algorithms).
long DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(long days);

CivilDate AddDays(const CivilDate& date, long days);
// Adds months, clamping the day to the end of a shorter month (31 Jan + 1 = 28/29 Feb).
CivilDate AddMonths(const CivilDate& date, int months);
CivilDate AddYears(const CivilDate& date, int years);

// 0 = Monday ... 6 = Sunday.
int Weekday(const CivilDate& date);

struct IsoWeek {
  int year = 0;
  int week = 1;
};
IsoWeek IsoWeekOf(const CivilDate& date);
// The Monday of ISO week `week` of `year`.
CivilDate MondayOfIsoWeek(int year, int week);
int IsoWeeksInYear(int year);

// "2023-02-02"; nullopt for anything else, or an impossible date.
std::optional<CivilDate> ParseIsoDate(std::string_view text);
std::string FormatIso(const CivilDate& date);

}  // namespace xref
