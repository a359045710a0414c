#pragma once
// Field checks shared by the tabular readers: each returns the parsed value, or records a
// rejected row (file, line, column, Swedish reason) in the summary and returns nullopt.

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/import_summary.hpp"
#include "core/period.hpp"
#include "ingest/csv/csv_table.hpp"

namespace namnd {

// False (and a rejected row) when the record's field count differs from the header's.
bool checkFieldCount(const CsvTable& table, ImportSummary& summary);
// A non-empty code (ansvar, konto …).
std::optional<std::string_view> requireCode(const CsvTable& table, std::string_view column,
                                            ImportSummary& summary);
std::optional<std::int64_t> requireAmountOre(const CsvTable& table, std::string_view column,
                                             ImportSummary& summary);
// YYYYMM from `periodColumn`, or, when that column is absent or empty, from the date column
// (YYYY-MM-DD).
std::optional<Period> requirePeriod(const CsvTable& table, std::string_view periodColumn,
                                    std::string_view dateColumn, ImportSummary& summary);

}  // namespace namnd
