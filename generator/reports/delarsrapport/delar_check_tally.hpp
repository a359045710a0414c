#pragma once
// One check over a report's shown tkr cells: every comparison that does not match exactly is
// named, and the check fails (Error) only when some difference is larger than per-cell rounding
// can explain. The detail says which tolerance applied, so a reader sees why ±1 is "OK".

#include <cstdint>
#include <string>

#include "core/rounding.hpp"
#include "reports/model/document.hpp"

namespace namnd {

// How far a sum of `rows` rounded cells may be from its own rounded total: each of the rows and
// the total moves by at most ½ tkr under per-cell rounding; nothing under additive rounding.
std::int64_t sumToleranceTkr(std::size_t rows, RoundingMode mode);
// How far a cell derived from two rounded cells (a − b) may be from the shown one.
std::int64_t cellToleranceTkr(RoundingMode mode);

class CheckTally {
 public:
  // "Äldreomsorg avvikelse -10 337 (beräknat -10 338)" when shown ≠ computed.
  void compare(const std::string& what, std::int64_t shown, std::int64_t computed,
               std::int64_t tolerance);
  // A problem that is no rounding difference ("Totalt saknas"): the check fails.
  void fail(const std::string& problem);
  bool withinTolerance() const { return withinTolerance_; }
  bool exact() const { return differences_.empty(); }
  // Ok when exact or within the tolerance, Error otherwise.
  CheckItem item(const std::string& description,
                 const std::string& exactText = "stämmer exakt i avrundade tkr") const;

 private:
  std::string differences_;
  std::int64_t largestTolerance_ = 0;
  bool withinTolerance_ = true;
};

}  // namespace namnd
