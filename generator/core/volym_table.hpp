#pragma once
// Volymer: the counts and quantities a nämnd's figures are divided by or shown beside — invånare,
// anställda, heltidsanställda, placeringsdygn, utförd and beviljad tid, referenskostnad — per
// mått, ansvar (or the whole kommun) and month.
//
// Values are kept as integers of hundredths, exactly as the hr hours and öre are: what the files
// hold is typed with at most two decimals ("1 234,75" hours, "52" anställda, "1 234,50" kr), so
// hundredths represent every input exactly, sums over ansvar and months stay exact, and a ratio
// of two sums is formed once from exact integers and rounded once, at display. A rational type
// would buy nothing more for values that are decimal to begin with.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/period.hpp"

namespace namnd {

// A mått's name as files and formulas may write it → its canonical code: case folded, å/ä → a,
// ö → o, é → e, runs of spaces and hyphens → '_' ("Utförd tid" → "utford_tid"). nullopt when
// anything but letters, digits and those separators remains.
std::optional<std::string> volymMeasureCode(std::string_view text);

class VolymTable {
 public:
  // `matt` is a canonical code (volymMeasureCode); `ansvar` "" = the whole kommun or nämnd.
  // Returns false, changing nothing, when (matt, ansvar, period) already has a value.
  bool add(const std::string& matt, const std::string& ansvar, Period period,
           std::int64_t hundredths);

  std::optional<std::int64_t> value(std::string_view matt, std::string_view ansvar,
                                    Period period) const;
  bool hasMeasure(std::string_view matt) const;
  // Σ over every ansvar of the mått in one month; nullopt when the month has no row of it.
  std::optional<std::int64_t> totalAt(std::string_view matt, Period period) const;
  // The months with a row of the mått, ascending.
  std::vector<Period> periods(std::string_view matt) const;
  std::vector<std::string> measures() const;  // canonical codes, sorted
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }

 private:
  // mått → month → ansvar → hundredths.
  using ByAnsvar = std::map<std::string, std::int64_t, std::less<>>;
  std::map<std::string, std::map<Period, ByAnsvar>, std::less<>> values_;
  std::size_t size_ = 0;
};

}  // namespace namnd
