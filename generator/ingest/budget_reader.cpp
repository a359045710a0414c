#include "ingest/budget_reader.hpp"

#include "ingest/row_check.hpp"

namespace namnd {
namespace {

const TableSpec kSpec = {
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

// The columns by id, resolved once (see ColumnId).
struct Columns {
  ColumnId ar = kSpec.id("ar");
  ColumnId period = kSpec.id("period");
  ColumnId ansvar = kSpec.id("ansvar");
  ColumnId konto = kSpec.id("konto");
  ColumnId belopp = kSpec.id("belopp");
  ColumnId giltigFrom = kSpec.id("giltig_from");
  ColumnId verksamhet = kSpec.id("verksamhet");
  ColumnId projekt = kSpec.id("projekt");
};
const Columns kColumns;

}  // namespace

BudgetImport readBudget(TabularSource& source, const std::string& fileHash,
                        const PeriodisationKey& key) {
  BudgetImport result;
  ImportSummary& summary = result.summary;
  summary.kind = SourceKind::Budget;
  summary.sourcePath = source.displayName();
  summary.fileHash = fileHash;
  source.read(kSpec, [&](const Record& record) {
    const Columns& c = kColumns;
    RowCheck row(record, summary);
    const auto ore = row.amount(c.belopp);
    const bool revision = !record.text(c.giltigFrom).empty();
    const bool monthly = !record.text(c.period).empty();
    std::optional<Period> period;
    std::optional<Period> from;
    std::optional<int> year;
    if (monthly && revision) {
      row.fail(record.at(c.giltigFrom),
               "giltig_from gäller helårsrader; en månadsrad anger redan sin period");
    } else if (monthly) {
      period = row.period(c.period);
    } else if (revision) {
      from = row.month(c.giltigFrom);
      if (from && !record.text(c.ar).empty()) {
        year = row.year(c.ar);
        if (year && *year != from->year())
          row.fail(record.at(c.giltigFrom), "giltig_from " + from->toString() +
                                                " ligger inte i budgetåret " +
                                                std::to_string(*year));
      }
    } else {
      year = row.year(c.ar);
    }
    const auto ansvar = row.code(c.ansvar);
    const auto konto = row.konto(c.konto);
    if (!row.accept(ore)) return;

    const std::string_view verksamhet = record.text(c.verksamhet);
    const std::string_view projekt = record.text(c.projekt);
    if (period) {
      result.cube.add(*ansvar, *konto, verksamhet, projekt, *period, Measure::Budget, *ore);
      summary.addToPeriod(period->code(), *ore);
      return;
    }
    const int budgetYear = from ? from->year() : *year;
    const auto months = periodise(*ore, key, from ? from->month() : 1);
    std::int64_t spread = 0;
    for (int m = 1; m <= 12; ++m)
      if (const std::int64_t part = months[static_cast<std::size_t>(m - 1)]; part != 0) {
        result.cube.add(*ansvar, *konto, verksamhet, projekt, Period(budgetYear, m),
                        Measure::Budget, part);
        summary.addToPeriod(Period(budgetYear, m).code(), part);
        spread += part;
      }
    // The decision itself, once at its month: a report for an earlier month leaves it out of the
    // helår budget. Not an amount read, so not in the summary.
    if (from && spread != 0)
      result.cube.add(*ansvar, *konto, verksamhet, projekt, *from, Measure::BudgetBeslut, spread);
  });
  return result;
}

}  // namespace namnd
