#include "ingest/row_checks.hpp"

#include <string>

#include "core/number_parse.hpp"

namespace namnd {
namespace {
void reject(ImportSummary& summary, SourceLocation where, std::string reason) {
  summary.rejected.push_back({std::move(where), std::move(reason)});
}
}  // namespace

bool checkFieldCount(const CsvTable& table, ImportSummary& summary) {
  if (!table.ragged()) return true;
  reject(summary, {table.displayName(), table.line(), ""},
         "raden har " + std::to_string(table.fieldCount()) + " fält men rubrikraden har " +
             std::to_string(table.headerSize()));
  return false;
}

std::optional<std::string_view> requireCode(const CsvTable& table, std::string_view column,
                                            ImportSummary& summary) {
  const std::string_view code = table.field(column);
  if (code.empty()) {
    reject(summary, table.at(column), std::string(column) + " saknas");
    return std::nullopt;
  }
  return code;
}

std::optional<std::int64_t> requireAmountOre(const CsvTable& table, std::string_view column,
                                             ImportSummary& summary) {
  const std::string_view text = table.field(column);
  std::string error;
  const auto ore = parseAmountOre(text, &error);
  if (!ore)
    reject(summary, table.at(column), "ogiltigt belopp \"" + std::string(text) + "\": " + error);
  return ore;
}

std::optional<Period> requirePeriod(const CsvTable& table, std::string_view periodColumn,
                                    std::string_view dateColumn, ImportSummary& summary) {
  const std::string_view periodText = table.field(periodColumn);
  if (!periodText.empty() || !table.has(dateColumn)) {
    const auto period = Period::parse(periodText);
    if (!period)
      reject(summary, table.at(periodColumn),
             "ogiltig period \"" + std::string(periodText) + "\" (ÅÅÅÅMM väntades)");
    return period;
  }
  const std::string_view dateText = table.field(dateColumn);
  const auto period = Period::fromIsoDate(dateText);
  if (!period)
    reject(summary, table.at(dateColumn),
           "ogiltigt datum \"" + std::string(dateText) + "\" (ÅÅÅÅ-MM-DD väntades)");
  return period;
}

}  // namespace namnd
