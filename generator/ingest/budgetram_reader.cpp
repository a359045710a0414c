#include "ingest/budgetram_reader.hpp"

#include "ingest/row_check.hpp"

namespace namnd {

BudgetramImport readBudgetram(TabularSource& source) {
  static const TableSpec kSpec = {
      {{"omrade", {"område", "post", "forandring", "förändring"}, true},
       {"belopp", {"belopp kr", "belopp sek", "kr"}, true},
       {"kommentar", {"kommentarer", "text"}, false},
       {"beslutad",
        {"beslut", "beslutsdatum", "beslutad månad", "beslutsmånad", "beslutsmanad"},
        false}},
      {}};
  BudgetramImport result;
  result.summary.kind = SourceKind::Budget;
  result.summary.sourcePath = source.displayName();
  source.read(kSpec, [&](const Record& record) {
    RowCheck row(record, result.summary);
    const auto belopp = row.amount("belopp");
    const auto omrade = row.code("omrade");
    std::optional<Period> beslutad;
    if (!record.text("beslutad").empty()) beslutad = row.month("beslutad");
    if (!row.accept(belopp)) return;
    result.changes.push_back(
        {std::string(*omrade), *belopp, std::string(record.text("kommentar")), beslutad});
  });
  return result;
}

}  // namespace namnd
