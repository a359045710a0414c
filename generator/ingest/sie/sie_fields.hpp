#pragma once
// Field rules shared by the SIE records: dates (YYYYMMDD) and object lists.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/period.hpp"
#include "ingest/sie/sie_dimension_map.hpp"

namespace namnd {

struct SieDate {
  int year = 0;
  int month = 0;
  int day = 0;

  int number() const { return year * 10000 + month * 100 + day; }  // 20250131
  Period period() const { return Period(year, month); }
  std::string toString() const;  // "20250131"
};

// "20250131" → 2025-01-31: eight digits, a real calendar day, year 1900–2999.
std::optional<SieDate> parseSieDate(std::string_view text);

// The codes an object list gives our cube dimensions.
struct SieObjectCodes {
  std::string_view ansvar;
  std::string_view verksamhet;
  std::string_view projekt;
  bool hasAnsvar = false;  // the list names the ansvar dimension (its code may still be "")
  bool empty = true;       // `{}`: the record is a total over all objects
};

// Pairs the items of an object list as (dimension, code) and picks the mapped dimensions.
// Returns a Swedish reason when the list cannot be read (odd item count, a dimension that is
// not a whole number); nullopt when it is fine. Dimensions that map to nothing are added once
// to `unmapped`, so that the reader can say which were ignored.
std::optional<std::string> pickObjects(std::span<const std::string_view> items,
                                       const SieDimensionMap& dims, SieObjectCodes& out,
                                       std::vector<int>& unmapped);

// A dimension number ("1", "6", "20"), or nullopt.
std::optional<int> parseDimension(std::string_view text);

}  // namespace namnd
