#include "reports/manadsrapport/largest_transactions.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace namnd {

Table buildLargestTransactions(const std::vector<LedgerTransaction>& transactions, int perAnsvar,
                               const OrgTree& tree, const ReportTexts& texts,
                               const PlaceholderValues& periodValues) {
  PlaceholderValues values = periodValues;
  values["antal"] = std::to_string(perAnsvar);

  Table table;
  table.id = "transaktioner";
  table.title = texts.text("transaktioner.rubrik", values);
  table.unitNote = texts.text("transaktioner.enhet", values);
  table.columns = {{texts.text("transaktioner.ansvar", values), ColumnKind::Text},
                   {texts.text("transaktioner.konto", values), ColumnKind::Text},
                   {texts.text("transaktioner.datum", values), ColumnKind::Text},
                   {texts.text("transaktioner.vernr", values), ColumnKind::Text},
                   {texts.text("transaktioner.text", values), ColumnKind::Text},
                   {texts.text("transaktioner.motpart", values), ColumnKind::Text},
                   // A credit is a sign convention here, not an underskott.
                   {texts.text("transaktioner.belopp", values), ColumnKind::Decimal, 2,
                    /*markNegative=*/false}};

  std::map<std::string, std::vector<const LedgerTransaction*>> byAnsvar;
  for (const LedgerTransaction& t : transactions) byAnsvar[t.ansvar].push_back(&t);
  for (auto& [ansvar, rows] : byAnsvar) {
    std::stable_sort(rows.begin(), rows.end(), [](const auto* x, const auto* y) {
      return std::llabs(x->ore) > std::llabs(y->ore);
    });
    if (rows.size() > static_cast<std::size_t>(std::max(perAnsvar, 0)))
      rows.resize(static_cast<std::size_t>(std::max(perAnsvar, 0)));
    const OrgNode* node = tree.find(ansvar);
    const std::string label = node ? ansvar + " " + node->name : ansvar;
    for (const LedgerTransaction* t : rows)
      table.rows.push_back({RowKind::Item,
                            0,
                            {label, t->konto, t->datum, t->vernr, t->text, t->motpart,
                             // Exact to the öre for any amount below 2^53 öre.
                             static_cast<double>(t->ore) / 100.0}});
  }
  // Columns the ledger export does not have (datum, vernr, text, motpart) would be empty in every
  // row: leave them out rather than print empty columns.
  for (std::size_t c = table.columns.size() - 1; c-- > 2;) {
    const bool empty = std::all_of(table.rows.begin(), table.rows.end(), [&](const Row& row) {
      const auto* text = std::get_if<std::string>(&row.cells[c]);
      return text && text->empty();
    });
    if (!empty || table.rows.empty()) continue;
    table.columns.erase(table.columns.begin() + static_cast<std::ptrdiff_t>(c));
    for (Row& row : table.rows) row.cells.erase(row.cells.begin() + static_cast<std::ptrdiff_t>(c));
  }
  table.footnotes.push_back(texts.text(
      table.rows.empty() ? "transaktioner.fotnot_inga" : "transaktioner.fotnot", values));
  if (!table.rows.empty()) table.pageSummary = texts.text("transaktioner.sida", values);
  return table;
}

}  // namespace namnd
