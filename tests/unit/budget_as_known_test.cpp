// The helår budget of a report is the budget as known at the end of its period: a revision
// valid from October is not in the August delårsrapport's "Budget 2025", per area nor per RSUM
// row, and re-running August after the revision has been imported gives the same figures. The
// budget goes the whole way: the real reader, the SQLite store, the delårsrapport's figures.

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "ingest/budget_reader.hpp"
#include "reports/delarsrapport/delar_figures.hpp"
#include "store/store.hpp"
#include "support/csv_text_source.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

constexpr std::int64_t kKr = 100;  // öre

// SN → AO (enhet A1), IFO (enhet A3).
OrgTree tree() {
  OrgTree t;
  t.add({"SN", "Socialnämnden", "", 1, 1, {}});
  t.add({"AO", "Äldreomsorg", "SN", 2, 1, {}});
  t.add({"IFO", "Individ- och familjeomsorg", "SN", 2, 2, {}});
  t.add({"A1", "Hemtjänst", "AO", 3, 1, {}});
  t.add({"A3", "Försörjningsstöd", "IFO", 3, 1, {}});
  t.validate();
  return t;
}

AccountMap accounts() {
  AccountMap map;
  map.add({"4", "4", "Övriga kostnader", {"kontoplan.csv", 2, ""}});
  map.add({"5", "5", "Personalkostnader", {"kontoplan.csv", 3, ""}});
  map.add({"7", "7", "Övriga kostnader", {"kontoplan.csv", 4, ""}});
  return map;
}

// The budget as decided in January (helår rows, linear) and a revision in March.
const std::string kBudget =
    "ar;giltig_from;version;ansvar;konto;belopp\n"
    "2025;;;A1;5011;120 000\n"
    "2025;;;A1;7690;24 000\n"
    "2025;;;A3;5011;60 000\n"
    "2025;2025-03-01;SN 2025-02-18 § 9;A3;4010;1 200\n";
// Decided in September, valid from October: 3 000 kr from AO's övriga kostnader to IFO's staff.
const std::string kOctoberRevision =
    "ar;giltig_from;version;ansvar;konto;belopp\n"
    "2025;202510;SN 2025-09-23 § 87;A1;7690;-3 000\n"
    "2025;202510;SN 2025-09-23 § 87;A3;5011;3 000\n";

void importBudget(Store& store, const std::string& text, const std::string& name) {
  testing::CsvTextSource source(text, name);
  const BudgetImport budget = readBudget(source, name, PeriodisationKey{});
  store.saveCubeImport(budget.summary, budget.cube, {});
}

struct BudgetColumns {
  std::int64_t budget = 0;    // ack
  std::int64_t budgetAr = 0;  // helår
  bool operator==(const BudgetColumns&) const = default;
};
void PrintTo(const BudgetColumns& b, std::ostream* os) {
  *os << "{ack " << b.budget << ", helår " << b.budgetAr << "}";
}

struct Report {
  BudgetColumns ao, ifo, personal, ovriga, netto;
  bool operator==(const Report&) const = default;
};
void PrintTo(const Report& r, std::ostream* os) {
  *os << "AO ";
  PrintTo(r.ao, os);
  *os << " IFO ";
  PrintTo(r.ifo, os);
  *os << " Personal ";
  PrintTo(r.personal, os);
  *os << " Övriga ";
  PrintTo(r.ovriga, os);
  *os << " Netto ";
  PrintTo(r.netto, os);
}

Report delarsrapport(const Store& store, Period period) {
  const Cube year = store.loadCube(PeriodRange::wholeYear(period.year()));
  const Cube lastYear;
  const OrgTree org = tree();
  const AccountMap map = accounts();
  const DelarFigures f = computeDelarFigures(
      {.yearCube = year, .lastYearCube = lastYear, .tree = org, .accounts = map, .period = period});
  Report r;
  const auto columns = [](const DelarLine& l) { return BudgetColumns{l.budget, l.budgetAr}; };
  for (const DelarArea& area : f.areas) {
    if (area.line.code == "AO") r.ao = columns(area.line);
    if (area.line.code == "IFO") r.ifo = columns(area.line);
    // Each area has one enhet with all of its budget.
    EXPECT_EQ(area.units.size(), 1u) << area.line.code;
    if (!area.units.empty()) EXPECT_EQ(columns(area.units.front()), columns(area.line));
  }
  for (const DelarLine& row : f.rsum) {
    if (row.name == "Personalkostnader") r.personal = columns(row);
    if (row.name == "Övriga kostnader") r.ovriga = columns(row);
  }
  r.netto = columns(f.netto);
  return r;
}

TEST(BudgetAsKnown, AugustLeavesOutOctobersRevisionAndStaysTheSame) {
  testing::TempDir dir;
  auto store = openSqliteStore((dir / "lager.sqlite").string());
  importBudget(*store, kBudget, "budget-2025.csv");

  // By hand, linear twelfths; March's revision over March–December (tenths).
  Report august;
  august.ao = {(120'000 + 24'000) * 8 / 12 * kKr, (120'000 + 24'000) * kKr};
  august.ifo = {(60'000 * 8 / 12 + 1'200 * 6 / 10) * kKr, (60'000 + 1'200) * kKr};
  august.personal = {(120'000 + 60'000) * 8 / 12 * kKr, (120'000 + 60'000) * kKr};
  august.ovriga = {(24'000 * 8 / 12 + 1'200 * 6 / 10) * kKr, (24'000 + 1'200) * kKr};
  august.netto = {august.ao.budget + august.ifo.budget, 205'200 * kKr};
  EXPECT_EQ(delarsrapport(*store, Period(2025, 8)), august);

  // December: the October revision is in the store. August is what it was …
  importBudget(*store, kOctoberRevision, "budgetrevision-2025.csv");
  EXPECT_EQ(delarsrapport(*store, Period(2025, 8)), august);
  EXPECT_EQ(delarsrapport(*store, Period(2025, 9)).ao.budgetAr, 144'000 * kKr);

  // … and October has the revision: helår −3 000 / +3 000, and a third of it in ack budget.
  Report october;
  october.ao = {(144'000 * 10 / 12 - 3'000 / 3) * kKr, (144'000 - 3'000) * kKr};
  october.ifo = {(60'000 * 10 / 12 + 1'200 * 8 / 10 + 3'000 / 3) * kKr, (61'200 + 3'000) * kKr};
  october.personal = {(180'000 * 10 / 12 + 3'000 / 3) * kKr, (180'000 + 3'000) * kKr};
  october.ovriga = {(24'000 * 10 / 12 + 1'200 * 8 / 10 - 3'000 / 3) * kKr, (25'200 - 3'000) * kKr};
  october.netto = {october.ao.budget + october.ifo.budget, 205'200 * kKr};
  EXPECT_EQ(delarsrapport(*store, Period(2025, 10)), october);
  EXPECT_EQ(delarsrapport(*store, Period(2025, 12)).ovriga.budgetAr, 22'200 * kKr);
}

// March's revision is known in March and in every report after it.
TEST(BudgetAsKnown, RevisionIsInEveryReportFromItsMonth) {
  testing::TempDir dir;
  auto store = openSqliteStore((dir / "lager.sqlite").string());
  importBudget(*store, kBudget, "budget-2025.csv");
  EXPECT_EQ(delarsrapport(*store, Period(2025, 2)).ifo.budgetAr, 60'000 * kKr);
  for (int month = 3; month <= 12; ++month)
    EXPECT_EQ(delarsrapport(*store, Period(2025, month)).ifo.budgetAr, 61'200 * kKr) << month;
}

}  // namespace
}  // namespace namnd
