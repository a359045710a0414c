#include "ingest/budget_reader.hpp"

#include "core/number_parse.hpp"
#include "core/periodisation.hpp"
#include "ingest/csv/csv_table.hpp"
#include "ingest/row_checks.hpp"

namespace namnd {
namespace {

std::optional<int> parseYear(std::string_view text) {
  if (text.size() != 4) return std::nullopt;
  const auto year = parseWholeNumber(text);
  if (!year || *year < 1900 || *year > 2999) return std::nullopt;
  return static_cast<int>(*year);
}

}  // namespace

BudgetImport readBudget(const SourceFile& file) {
  static const std::vector<ColumnSpec> kColumns = {
      {"ar", {"år", "budgetar", "budgetår"}, false},
      {"period", {"budgetperiod", "manad"}, false},
      {"ansvar", {"ansvarskod", "ansvarsnr", "referenskod"}, true},
      {"konto", {"kontonr", "kontonummer", "kontokod"}, true},
      {"belopp", {"belopp sek", "belopp kr", "budget", "budgetbelopp"}, true},
      {"verksamhet", {"verksamhetskod", "vht"}, false},
      {"projekt", {"projektkod", "projektnr"}, false},
  };
  CsvTable table(file.bytes, file.displayName, kColumns);
  if (!table.has("ar") && !table.has("period"))
    table.failHeader("kolumnen ar eller period saknas i rubrikraden");

  BudgetImport result;
  ImportSummary& summary = result.summary;
  summary.kind = SourceKind::Budget;
  summary.sourcePath = file.displayName;
  summary.fileHash = file.sha256;
  while (table.next()) {
    ++summary.rowsRead;
    if (!checkFieldCount(table, summary)) continue;
    const bool monthly = !table.field("period").empty() || !table.has("ar");
    std::optional<Period> period;
    std::optional<int> year;
    if (monthly) {
      period = requirePeriod(table, "period", "", summary);
      if (!period) continue;
    } else {
      year = parseYear(table.field("ar"));
      if (!year) {
        summary.rejected.push_back(
            {table.at("ar"),
             "ogiltigt år \"" + std::string(table.field("ar")) + "\" (ÅÅÅÅ väntades)"});
        continue;
      }
    }
    const auto ansvar = requireCode(table, "ansvar", summary);
    if (!ansvar) continue;
    const auto konto = requireCode(table, "konto", summary);
    if (!konto) continue;
    const auto ore = requireAmountOre(table, "belopp", summary);
    if (!ore) continue;

    const std::string_view verksamhet = table.field("verksamhet");
    const std::string_view projekt = table.field("projekt");
    if (monthly) {
      result.cube.add(*ansvar, *konto, verksamhet, projekt, *period, Measure::Budget, *ore);
    } else {
      const auto months = periodiseLinear(*ore);
      for (int m = 1; m <= 12; ++m)
        result.cube.add(*ansvar, *konto, verksamhet, projekt, Period(*year, m), Measure::Budget,
                        months[static_cast<std::size_t>(m - 1)]);
    }
    ++summary.rowsAccepted;
    summary.acceptedOre += *ore;
  }
  return result;
}

}  // namespace namnd
