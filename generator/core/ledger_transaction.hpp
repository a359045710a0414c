#pragma once
// One ledger row kept whole, for the drill-down that answers a politician's "why?": the store
// keeps the largest rows (by absolute amount) of each ansvar and month, not every row.

#include <cstdint>
#include <string>

#include "core/period.hpp"

namespace namnd {

struct LedgerTransaction {
  Period period;
  std::string ansvar;
  std::string konto;
  std::string verksamhet;
  std::string projekt;
  std::string datum;  // ISO date when the export has one, else empty
  std::string vernr;  // verifikationsnummer, when given
  std::string text;   // transaction or account text, when given
  std::string motpart;
  std::int64_t ore = 0;
};

// How many rows per ansvar and month the store keeps; a report shows at most this many. Keeping
// rows is not free: at 1 M ledger rows, 10 per ansvar and month add about 15 % to an import,
// 50 add 70 % (tests/bench/README.md), so the store keeps what a report page can show.
inline constexpr int kStoredTransactionsPerAnsvarMonth = 10;

}  // namespace namnd
