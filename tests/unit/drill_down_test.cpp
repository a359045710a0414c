// The drill-down under each verksamhetsområde (notes 002 oracle O3): Säbo −272 tkr −0,6 % and
// Hemtjänsten −3 279 tkr −15,4 % under Äldreomsorg, whose subtotal is the area's row of the
// main table (69 757 / 73 308 / −3 551, oracle O1).

#include "reports/manadsrapport/drill_down.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/number_format.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

// SN → ALD (Säbo 2100, Hemtjänsten 2200), IFO (4100 Myndighet, 4200 Nystartad).
OrgTree tree() {
  OrgTree t;
  t.add({"SN", "Socialnämnden", "", 1, 1, {}});
  t.add({"ALD", "Äldreomsorg", "SN", 2, 1, {}});
  t.add({"IFO", "Individ- och familjeomsorg", "SN", 2, 2, {}});
  t.add({"2100", "Säbo", "ALD", 3, 1, {}});
  t.add({"2200", "Hemtjänsten", "ALD", 3, 2, {}});
  t.add({"4100", "Myndighet", "IFO", 3, 1, {}});
  t.add({"4200", "Nystartad", "IFO", 3, 2, {}});
  t.validate();
  return t;
}

void post(Cube& cube, std::string_view ansvar, Measure measure, std::int64_t kr) {
  // Spread over two months of the ack range; only the sums matter.
  cube.add(ansvar, "5110", "", "", Period(2025, 3), measure, kr * 100 / 2);
  cube.add(ansvar, "5110", "", "", Period(2025, 9), measure, kr * 100 - kr * 100 / 2);
}

// Säbo + Hemtjänsten = the O1 Äldreomsorg row: budget 48 465 100 + 21 292 100 = 69 757 200 kr,
// utfall 48 737 050 + 24 571 050 = 73 308 100 kr.
Cube cube() {
  Cube c;
  post(c, "2100", Measure::Budget, 48'465'100);
  post(c, "2100", Measure::Utfall, 48'737'050);
  post(c, "2200", Measure::Budget, 21'292'100);
  post(c, "2200", Measure::Utfall, 24'571'050);
  post(c, "4100", Measure::Budget, 1'000'000);
  post(c, "4100", Measure::Utfall, 900'000);
  post(c, "4200", Measure::Utfall, 50'000);  // no budget: no percentage
  post(c, "IFO", Measure::Utfall, 120'000);  // on the area itself, under no enhet
  c.add("2100", "5110", "", "", Period(2025, 11), Measure::Utfall, 7'000'000'00);  // after ack
  return c;
}

class DrillDown : public ::testing::Test {
 protected:
  void SetUp() override {
    addPeriodPlaceholders(values, "period", Period(2025, 10));
    table = buildDrillDown(areas, enheter, orgTree, texts, values);
  }
  const Row* row(const std::string& name) const {
    for (const Row& r : table.rows)
      if (std::get<std::string>(r.cells[0]) == name) return &r;
    ADD_FAILURE() << name << " not in the table";
    return nullptr;
  }
  static std::int64_t amount(const Row& r, std::size_t column) {
    return std::get<std::int64_t>(r.cells[column]);
  }
  OrgTree orgTree = tree();
  Cube data = cube();
  OrgRollup areas = rollUpToLevel(data, orgTree, 2, Period(2025, 10));
  OrgRollup enheter = rollUpToLevel(data, orgTree, 3, Period(2025, 10));
  ReportTexts texts = ReportTexts::load(testing::repoPath("templates/text/manadsrapport.json"));
  PlaceholderValues values;
  Table table;
};

TEST_F(DrillDown, ColumnsAreBudgetUtfallAvvikelseAndPercent) {
  ASSERT_EQ(table.columns.size(), 5u);
  EXPECT_EQ(table.columns[1].header, "Ack budget 202510");
  EXPECT_EQ(table.columns[2].header, "Ack utfall 202510");
  EXPECT_EQ(table.columns[3].header, "Avvikelse budget-utfall");
  EXPECT_EQ(table.columns[4].kind, ColumnKind::Percent);
  EXPECT_EQ(table.columns[4].decimals, 1);
}

TEST_F(DrillDown, ReproducesOracleO3) {
  const Row* sabo = row("Säbo");
  const Row* hemtjanst = row("Hemtjänsten");
  ASSERT_TRUE(sabo && hemtjanst);
  EXPECT_EQ(sabo->kind, RowKind::Item);
  EXPECT_EQ(sabo->level, 1);
  EXPECT_EQ(amount(*sabo, 1), 48'465);
  EXPECT_EQ(amount(*sabo, 2), 48'737);
  EXPECT_EQ(amount(*sabo, 3), -272);  // 48 465 100 − 48 737 050 = −271 950 kr
  EXPECT_EQ(formatPercent(std::get<double>(sabo->cells[4]), 1), "-0,6\xC2\xA0%");
  EXPECT_NEAR(std::get<double>(sabo->cells[4]), -271'950.0 / 48'465'100.0, 1e-12);
  EXPECT_EQ(amount(*hemtjanst, 1), 21'292);
  EXPECT_EQ(amount(*hemtjanst, 2), 24'571);
  EXPECT_EQ(amount(*hemtjanst, 3), -3'279);  // −3 278 950 kr
  EXPECT_EQ(formatPercent(std::get<double>(hemtjanst->cells[4]), 1), "-15,4\xC2\xA0%");
}

TEST_F(DrillDown, AreaSubtotalIsTheAreaRowAndComesFirst) {
  const Row* area = row("Äldreomsorg");
  ASSERT_TRUE(area);
  EXPECT_EQ(area->kind, RowKind::Subtotal);
  EXPECT_EQ(area->level, 0);
  EXPECT_EQ(amount(*area, 1), 69'757);
  EXPECT_EQ(amount(*area, 2), 73'308);
  EXPECT_EQ(amount(*area, 3), -3'551);
  EXPECT_EQ(std::get<std::string>(table.rows[0].cells[0]), "Äldreomsorg");
  EXPECT_EQ(std::get<std::string>(table.rows[1].cells[0]), "Säbo");
  EXPECT_EQ(std::get<std::string>(table.rows[2].cells[0]), "Hemtjänsten");
}

TEST_F(DrillDown, WhatIsPostedOnTheAreaItselfGetsItsOwnRowSoNothingIsLost) {
  const Row* ifo = row("Individ- och familjeomsorg");
  const Row* direct = row("Individ- och familjeomsorg, ej fördelat på enhet");
  const Row* myndighet = row("Myndighet");
  const Row* ny = row("Nystartad");
  ASSERT_TRUE(ifo && direct && myndighet && ny);
  // 900 000 + 50 000 + 120 000 kr = 1 070 tkr utfall on the area.
  EXPECT_EQ(amount(*ifo, 2), 1'070);
  EXPECT_EQ(amount(*direct, 2), 120);
  EXPECT_EQ(amount(*myndighet, 2) + amount(*ny, 2) + amount(*direct, 2), amount(*ifo, 2));
  // No budget: the percentage is empty, not infinite.
  EXPECT_TRUE(std::holds_alternative<std::monostate>(ny->cells[4]));
  // No "ej fördelat" row under Äldreomsorg, where everything is on enheter.
  for (const Row& r : table.rows)
    EXPECT_NE(std::get<std::string>(r.cells[0]), "Äldreomsorg, ej fördelat på enhet");
}

TEST_F(DrillDown, EndsWithTheTotalOfTheAreas) {
  const Row& total = table.rows.back();
  EXPECT_EQ(total.kind, RowKind::Total);
  EXPECT_EQ(std::get<std::string>(total.cells[0]), "Totalt");
  // 73 308 100 + 1 070 000 kr utfall; 69 757 200 + 1 000 000 kr budget.
  EXPECT_EQ(amount(total, 2), 74'378);
  EXPECT_EQ(amount(total, 1), 70'757);
}

TEST(DrillDownPercent, NegativeBudgetKeepsTheSignOfTheDeviation) {
  // Nämndsverksamhet in O1: budget −11 638 700, utfall 434 750 → avvikelse −12 073 450 kr, an
  // overspend, so the percentage must be negative: −12 073 450 / 11 638 700 = −103,7 %.
  OrgTree t;
  t.add({"SN", "Socialnämnden", "", 1, 1, {}});
  t.add({"NAM", "Nämndsverksamhet", "SN", 2, 1, {}});
  t.add({"1000", "Nämnd", "NAM", 3, 1, {}});
  t.validate();
  Cube c;
  c.add("1000", "5110", "", "", Period(2025, 5), Measure::Budget, -11'638'700'00);
  c.add("1000", "5110", "", "", Period(2025, 5), Measure::Utfall, 434'750'00);
  const OrgRollup areas = rollUpToLevel(c, t, 2, Period(2025, 10));
  const OrgRollup enheter = rollUpToLevel(c, t, 3, Period(2025, 10));
  PlaceholderValues values;
  addPeriodPlaceholders(values, "period", Period(2025, 10));
  const Table table = buildDrillDown(
      areas, enheter, t, ReportTexts::load(testing::repoPath("templates/text/manadsrapport.json")),
      values);
  EXPECT_EQ(formatPercent(std::get<double>(table.rows[1].cells[4]), 1), "-103,7\xC2\xA0%");
}

}  // namespace
}  // namespace namnd
