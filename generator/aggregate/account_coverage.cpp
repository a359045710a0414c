#include "aggregate/account_coverage.hpp"

namespace namnd {

std::map<std::string, std::int64_t, std::less<>> unmappedAccounts(const Cube& cube,
                                                                  const AccountMap& accounts,
                                                                  const PeriodRange& range) {
  std::map<std::string, std::int64_t, std::less<>> result;
  cube.forEachUnordered([&](const CubeCell& cell) {
    // A revision's decision marker repeats amounts its budget cells already hold.
    if (cell.measure == Measure::BudgetBeslut || !range.contains(cell.period) ||
        accounts.rowFor(cell.konto))
      return;
    result[std::string(cell.konto)] += cell.ore;
  });
  return result;
}

}  // namespace namnd
