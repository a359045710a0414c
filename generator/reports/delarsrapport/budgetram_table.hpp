#pragma once
// Förändringar av budgetramen: Område | Belopp (tkr) | Kommentar, then Totalt.

#include <vector>

#include "core/placeholders.hpp"
#include "core/rounding.hpp"
#include "ingest/budgetram_reader.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

// The table "budgetram". Totalt is Σ belopp rounded once; under RoundingMode::Additive the rows
// are rounded so that they add up to it.
Table buildBudgetramTable(const std::vector<BudgetramChange>& changes, RoundingMode rounding,
                          const ReportTexts& texts, const PlaceholderValues& values);

}  // namespace namnd
