#pragma once
// #PSALDO and #PBUDGET rows into a cube without counting a krona twice. A type 3 file states
// each konto and month once as a total (`{}`) and again split per object (`{1 "100"}`,
// `{6 "P7"}` …): every split is a different view of the same money. Per konto and month we use
// the rows per ansvar when there are any, otherwise the total.

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/cube.hpp"

namespace namnd {

// One checked #PSALDO or #PBUDGET row of the current year (årsnr 0).
struct SiePeriodRow {
  enum class Objects : std::uint8_t {
    Total,   // {}
    Ansvar,  // names the ansvar dimension
    Other,   // only other dimensions: another split of the total, not used
  };
  std::int64_t line = 0;
  std::string konto;
  std::string ansvar;
  std::string verksamhet;
  std::string projekt;
  int period = 0;  // YYYYMM
  std::int64_t ore = 0;
  Objects objects = Objects::Total;
};

struct SiePeriodRowsAdded {
  std::int64_t ansvarRows = 0;         // rows per ansvar added
  std::int64_t totalRows = 0;          // {} rows added, no ansvar rows for their konto and month
  std::int64_t replacedTotalRows = 0;  // {} rows not added: rows per ansvar cover them
  std::int64_t otherRows = 0;          // rows of other dimensions only, not added
  // Where a total exceeds its rows per ansvar, the rest is added on an empty ansvar (shown as
  // unplaced), so that the cube still holds the total.
  std::int64_t restCells = 0;
  std::int64_t restOre = 0;
  std::int64_t addedOre = 0;  // Σ of everything added
  // Per (konto, YYYYMM): the total, or the Σ of the rows per ansvar when there is no total.
  std::map<std::pair<std::string, int>, std::int64_t> kontoPeriodTotals;
};

SiePeriodRowsAdded addPeriodRows(const std::vector<SiePeriodRow>& rows, Measure measure,
                                 Cube& cube);

}  // namespace namnd
