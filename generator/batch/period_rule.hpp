#pragma once
// "senast_stangda": the month a batch run reports on when the job does not name one. The books of
// a month are closed on the working day after it, and the ledger export of that day already holds
// a few postings of the new month; so the rule takes the latest month with ledger rows that lies
// before the current month.

#include <optional>
#include <vector>

#include "core/import_summary.hpp"
#include "core/period.hpp"

namespace namnd {

// The latest month before `currentMonth` with accepted huvudbok rows in the import log, or
// nullopt when there is none.
std::optional<Period> lastClosedMonth(const std::vector<ImportSummary>& importLog,
                                      Period currentMonth);

// The current month by the system clock (local time).
Period currentMonthByClock();

}  // namespace namnd
