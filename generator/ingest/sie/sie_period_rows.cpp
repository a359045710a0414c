#include "ingest/sie/sie_period_rows.hpp"

namespace namnd {
namespace {

struct Group {
  bool hasTotal = false;
  bool hasAnsvar = false;
  std::int64_t totalOre = 0;
  std::int64_t ansvarOre = 0;
};

Period periodOf(int yyyymm) { return Period(yyyymm / 100, yyyymm % 100); }

}  // namespace

SiePeriodRowsAdded addPeriodRows(const std::vector<SiePeriodRow>& rows, Measure measure,
                                 Cube& cube) {
  std::map<std::pair<std::string, int>, Group> groups;
  for (const SiePeriodRow& row : rows) {
    Group& group = groups[{row.konto, row.period}];
    if (row.objects == SiePeriodRow::Objects::Total) {
      group.hasTotal = true;
      group.totalOre += row.ore;
    } else if (row.objects == SiePeriodRow::Objects::Ansvar) {
      group.hasAnsvar = true;
      group.ansvarOre += row.ore;
    }
  }

  SiePeriodRowsAdded added;
  for (const SiePeriodRow& row : rows) {
    const Group& group = groups.at({row.konto, row.period});
    switch (row.objects) {
      case SiePeriodRow::Objects::Ansvar:
        cube.add(row.ansvar, row.konto, row.verksamhet, row.projekt, periodOf(row.period), measure,
                 row.ore);
        ++added.ansvarRows;
        added.addedOre += row.ore;
        break;
      case SiePeriodRow::Objects::Total:
        if (group.hasAnsvar) {
          ++added.replacedTotalRows;
          break;
        }
        cube.add("", row.konto, "", "", periodOf(row.period), measure, row.ore);
        ++added.totalRows;
        added.addedOre += row.ore;
        break;
      case SiePeriodRow::Objects::Other:
        ++added.otherRows;
        break;
    }
  }
  for (const auto& [key, group] : groups) {
    if (group.hasTotal && group.hasAnsvar && group.totalOre != group.ansvarOre) {
      const std::int64_t rest = group.totalOre - group.ansvarOre;
      cube.add("", key.first, "", "", periodOf(key.second), measure, rest);
      ++added.restCells;
      added.restOre += rest;
      added.addedOre += rest;
    }
    if (group.hasTotal || group.hasAnsvar)
      added.kontoPeriodTotals[key] = group.hasTotal ? group.totalOre : group.ansvarOre;
  }
  return added;
}

}  // namespace namnd
