#include "ingest/budget_reader.hpp"

#include "ingest/row_check.hpp"

namespace namnd {

BudgetImport readBudget(TabularSource& source, const std::string& fileHash,
                        const PeriodisationKey& key) {
  static const TableSpec kSpec = {
      {{"ar", {"år", "budgetar", "budgetår"}, false},
       {"period", {"budgetperiod", "manad"}, false},
       {"ansvar", {"ansvarskod", "ansvarsnr", "referenskod"}, true},
       {"konto", {"kontonr", "kontonummer", "kontokod", "konto text"}, true},
       {"belopp", {"belopp sek", "belopp kr", "budget", "budgetbelopp"}, true},
       {"giltig_from", {"giltigfrom", "galler fran", "gäller från", "fran period"}, false},
       {"version", {"budgetversion", "revision", "beslut"}, false},
       {"verksamhet", {"verksamhetskod", "vht"}, false},
       {"projekt", {"projektkod", "projektnr"}, false}},
      {{"ar", "period", "giltig_from"}}};

  BudgetImport result;
  ImportSummary& summary = result.summary;
  summary.kind = SourceKind::Budget;
  summary.sourcePath = source.displayName();
  summary.fileHash = fileHash;
  source.read(kSpec, [&](const Record& record) {
    RowCheck row(record, summary);
    const auto ore = row.amount("belopp");
    const bool revision = !record.text("giltig_from").empty();
    const bool monthly = !record.text("period").empty();
    std::optional<Period> period;
    std::optional<Period> from;
    std::optional<int> year;
    if (monthly && revision) {
      row.fail(record.at("giltig_from"),
               "giltig_from gäller helårsrader; en månadsrad anger redan sin period");
    } else if (monthly) {
      period = row.period("period");
    } else if (revision) {
      from = row.month("giltig_from");
      if (from && !record.text("ar").empty()) {
        year = row.year("ar");
        if (year && *year != from->year())
          row.fail(record.at("giltig_from"), "giltig_from " + from->toString() +
                                                 " ligger inte i budgetåret " +
                                                 std::to_string(*year));
      }
    } else {
      year = row.year("ar");
    }
    const auto ansvar = row.code("ansvar");
    const auto konto = row.konto("konto");
    if (!row.accept(ore)) return;

    const std::string_view verksamhet = record.text("verksamhet");
    const std::string_view projekt = record.text("projekt");
    if (period) {
      result.cube.add(*ansvar, *konto, verksamhet, projekt, *period, Measure::Budget, *ore);
      summary.addToPeriod(period->code(), *ore);
      return;
    }
    const int budgetYear = from ? from->year() : *year;
    const auto months = periodise(*ore, key, from ? from->month() : 1);
    for (int m = 1; m <= 12; ++m)
      if (const std::int64_t part = months[static_cast<std::size_t>(m - 1)]; part != 0) {
        result.cube.add(*ansvar, *konto, verksamhet, projekt, Period(budgetYear, m),
                        Measure::Budget, part);
        summary.addToPeriod(Period(budgetYear, m).code(), part);
      }
  });
  return result;
}

}  // namespace namnd
