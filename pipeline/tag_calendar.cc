#include "pipeline/tag_calendar.h"

#include <fmt/format.h>

namespace xref {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) return 29;
  return kDays[(month - 1) % 12];
}

bool IsValidDate(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= DaysInMonth(year, month);
}

long DaysFromCivil(const CivilDate& date) {
  long y = date.year - (date.month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long mp = (date.month + 9) % 12;
  long doy = (153 * mp + 2) / 5 + date.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(long days) {
  days += 719468;
  long era = (days >= 0 ? days : days - 146096) / 146097;
  long doe = days - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(y + (m <= 2 ? 1 : 0)), m, d};
}

CivilDate AddDays(const CivilDate& date, long days) {
  return CivilFromDays(DaysFromCivil(date) + days);
}

CivilDate AddMonths(const CivilDate& date, int months) {
  long index = static_cast<long>(date.year) * 12 + (date.month - 1) + months;
  long year = index >= 0 ? index / 12 : (index - 11) / 12;
  int month = static_cast<int>(index - year * 12) + 1;
  int day = date.day;
  int last = DaysInMonth(static_cast<int>(year), month);
  if (day > last) day = last;
  return {static_cast<int>(year), month, day};
}

CivilDate AddYears(const CivilDate& date, int years) { return AddMonths(date, years * 12); }

int Weekday(const CivilDate& date) {
  long days = DaysFromCivil(date);  // 1970-01-01 was a Thursday (3)
  long w = (days + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

CivilDate MondayOfIsoWeek(int year, int week) {
  // Week 1 is the week holding 4 January.
  CivilDate jan4{year, 1, 4};
  CivilDate monday = AddDays(jan4, -Weekday(jan4));
  return AddDays(monday, 7L * (week - 1));
}

IsoWeek IsoWeekOf(const CivilDate& date) {
  // The ISO year is the year of this week's Thursday.
  CivilDate thursday = AddDays(date, 3 - Weekday(date));
  CivilDate week1 = MondayOfIsoWeek(thursday.year, 1);
  int week = static_cast<int>((DaysFromCivil(date) - DaysFromCivil(week1)) / 7) + 1;
  return {thursday.year, week};
}

int IsoWeeksInYear(int year) { return IsoWeekOf({year, 12, 28}).week; }

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int i = 0; i < 3; ++i) {
    for (size_t k = 0; k < lengths[i]; ++k) {
      char c = text[starts[i] + k];
      if (c < '0' || c > '9') return std::nullopt;
      parts[i] = parts[i] * 10 + (c - '0');
    }
  }
  if (!IsValidDate(parts[0], parts[1], parts[2])) return std::nullopt;
  return CivilDate{parts[0], parts[1], parts[2]};
}

std::string FormatIso(const CivilDate& date) {
  // Two per date tag: fmt, not snprintf, which is locale-aware and slower.
  return fmt::format("{:04}-{:02}-{:02}", date.year % 10000, date.month, date.day);
}

}  // namespace xref
