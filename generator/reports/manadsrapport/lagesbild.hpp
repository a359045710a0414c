#pragma once
// "Utfall och lägesbild": the sentences that say where the year is heading (notes 002 R8, R22,
// oracle O2). The forecast is the straight line of the year-to-date deviation, ack avvikelse ×
// 12 / months, rounded to 100 tkr ("omkring"); its difference to a submitted prognosis snapshot
// is rounded to 10 tkr ("cirka"). Both are rounded once from the exact fraction of öre, half
// away from zero. The wording for each sign is in templates/text/manadsrapport.json.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/period.hpp"
#include "core/placeholders.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

inline constexpr std::int64_t kOmkringStepTkr = 100;
inline constexpr std::int64_t kCirkaStepTkr = 10;

// ack × 12 / months in tkr, rounded to a multiple of stepTkr. months is 1..12.
std::int64_t straightLineTkr(std::int64_t ackAvvikelseOre, int months, std::int64_t stepTkr);

// (ack × 12 / months − snapshot) in tkr, rounded to a multiple of stepTkr; positive = the
// straight line is better (a smaller deficit) than the snapshot.
std::int64_t differenceToSnapshotTkr(std::int64_t ackAvvikelseOre, int months,
                                     std::int64_t snapshotAvvikelseOre, std::int64_t stepTkr);

// −27800 → "−27 800" with the given minus sign and thousands separator; 0 → "0".
std::string proseAmount(std::int64_t tkr, std::string_view minus, std::string_view groupSeparator);

struct LagesbildInput {
  Period period;                             // the report's month: months = period.month()
  std::int64_t ackAvvikelseOre = 0;          // Σ ack budget − Σ ack utfall of the report's rows
  std::optional<Period> snapshotPeriod;      // the prognosis compared with, if any
  std::int64_t snapshotAvvikelseOre = 0;     // its helår deviation (Σ of the report's rows)
  std::vector<std::string> snapshotMissing;  // rows the snapshot has no value for
};

// The section "lagesbild": the forecast sentence, the comparison sentence (or that there is
// nothing to compare with) and how the forecast was made. `values` holds the period
// placeholders. Throws ConfigError for a missing text.
TextSection buildLagesbild(const LagesbildInput& input, const ReportTexts& texts,
                           const PlaceholderValues& values);

}  // namespace namnd
