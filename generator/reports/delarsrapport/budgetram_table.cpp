#include "reports/delarsrapport/budgetram_table.hpp"

#include <optional>

#include "reports/manadsrapport/tkr_rounding.hpp"

namespace namnd {

Table buildBudgetramTable(const std::vector<BudgetramChange>& changes, RoundingMode rounding,
                          const ReportTexts& texts, const PlaceholderValues& values) {
  const auto text = [&](std::string_view key) {
    return texts.text("budgetram." + std::string(key), values);
  };
  Table table;
  table.id = "budgetram";
  table.title = text("rubrik");
  table.unitNote = text("enhet");
  table.columns = {{text("omrade"), ColumnKind::Text},
                   {text("belopp"), ColumnKind::Amount, 0, false},  // a change, not a deviation
                   {text("kommentar"), ColumnKind::Text}};
  std::vector<std::optional<std::int64_t>> exact;
  std::int64_t total = 0;
  for (const BudgetramChange& change : changes) {
    exact.emplace_back(change.beloppOre);
    total += change.beloppOre;
  }
  const auto shown = roundColumnToTkr(exact, rounding);
  for (std::size_t i = 0; i < changes.size(); ++i) {
    CellValue comment = std::monostate{};
    if (!changes[i].kommentar.empty()) comment = changes[i].kommentar;
    table.rows.push_back({RowKind::Item, 0, {changes[i].omrade, *shown[i], comment}});
  }
  table.rows.push_back({RowKind::Total, 0, {text("totalt"), roundToTkr(total), std::monostate{}}});
  return table;
}

}  // namespace namnd
