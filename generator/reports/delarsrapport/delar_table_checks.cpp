#include "reports/delarsrapport/delar_table_checks.hpp"

#include <optional>
#include <string>

#include "reports/delarsrapport/delar_check_tally.hpp"
#include "reports/delarsrapport/investment_table.hpp"

namespace namnd {
namespace {

std::optional<std::int64_t> amount(const Row& row, std::size_t column) {
  if (column >= row.cells.size()) return std::nullopt;
  if (const auto* v = std::get_if<std::int64_t>(&row.cells[column])) return *v;
  return std::nullopt;
}

std::string nameOf(const Row& row) {
  if (!row.cells.empty())
    if (const auto* s = std::get_if<std::string>(&row.cells[0])) return *s;
  return "(rad utan namn)";
}

std::string headerOf(const Table& table, std::size_t column) {
  return column < table.columns.size() ? table.columns[column].header
                                       : "kolumn " + std::to_string(column + 1);
}

// Σ of `rows` against `total` in every amount column where the total and some row have a value.
void compareSum(CheckTally& tally, const Table& table, const std::vector<const Row*>& rows,
                const Row& total, RoundingMode mode) {
  for (std::size_t c = 1; c < table.columns.size(); ++c) {
    const std::optional<std::int64_t> shown = amount(total, c);
    if (!shown) continue;
    std::int64_t sum = 0;
    bool any = false;
    for (const Row* r : rows)
      if (const auto v = amount(*r, c)) sum += *v, any = true;
    if (!any) continue;
    tally.compare(nameOf(total) + " " + headerOf(table, c), *shown, sum,
                  sumToleranceTkr(rows.size(), mode));
  }
}

}  // namespace

std::vector<CheckItem> checkInvestmentTable(const Table& table, RoundingMode mode) {
  CheckTally summa;
  CheckTally avvikelse;
  CheckTally groups;
  std::vector<const Row*> group;
  for (const Row& row : table.rows) {
    const auto budget = amount(row, kInvBudget);
    const auto ombudgetering = amount(row, kInvOmbudgetering);
    const auto summaBudget = amount(row, kInvSummaBudget);
    const auto prognos = amount(row, kInvPrognos);
    const auto avvikelseHelar = amount(row, kInvAvvikelse);
    if (budget && ombudgetering && summaBudget)
      summa.compare(nameOf(row) + " summa budget", *summaBudget, *budget + *ombudgetering,
                    cellToleranceTkr(mode));
    if (summaBudget && prognos && avvikelseHelar)
      avvikelse.compare(nameOf(row) + " avvikelse helår", *avvikelseHelar, *summaBudget - *prognos,
                        cellToleranceTkr(mode));
    if (row.kind == RowKind::Item) {
      group.push_back(&row);
    } else {
      compareSum(groups, table, group, row, mode);
      group.clear();
    }
  }
  if (!group.empty())
    groups.fail(std::to_string(group.size()) + " projekt efter sista delsumman saknar delsumma");
  return {summa.item("Investeringar: Summa budget = Budget + Ombudgetering, på varje rad"),
          avvikelse.item("Investeringar: Avvikelse helår = Summa budget − Prognos, på varje rad"),
          groups.item("Investeringar: delsumma = Σ gruppens projekt")};
}

std::vector<CheckItem> checkBudgetramTable(const Table& table, RoundingMode mode) {
  CheckTally total;
  std::vector<const Row*> rows;
  bool closed = false;
  for (const Row& row : table.rows) {
    if (row.kind == RowKind::Item) {
      rows.push_back(&row);
    } else {
      compareSum(total, table, rows, row, mode);
      closed = true;
    }
  }
  if (!closed) total.fail("raden Totalt saknas");
  return {total.item("Budgetram: Totalt = Σ rader")};
}

std::vector<CheckItem> checkBilagaTable(const Table& table, RoundingMode mode) {
  CheckTally units;
  CheckTally areas;
  std::vector<const Row*> areaRows;
  const Row* area = nullptr;
  std::vector<const Row*> unitRows;
  const auto closeArea = [&] {
    if (area && !unitRows.empty()) compareSum(units, table, unitRows, *area, mode);
    area = nullptr;
    unitRows.clear();
  };
  for (const Row& row : table.rows) {
    if (row.kind == RowKind::Total) {
      closeArea();
      compareSum(areas, table, areaRows, row, mode);
      areaRows.clear();
    } else if (row.level == 0) {
      closeArea();
      area = &row;
      areaRows.push_back(&row);
    } else {
      unitRows.push_back(&row);
    }
  }
  closeArea();
  return {units.item("Bilaga per ansvarsnivå: område = Σ enheter"),
          areas.item("Bilaga per ansvarsnivå: Totalsumma = Σ områden")};
}

}  // namespace namnd
