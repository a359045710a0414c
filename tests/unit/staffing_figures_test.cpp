#include "aggregate/staffing_figures.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/number_format.hpp"

namespace namnd {
namespace {

constexpr std::int64_t kCentihours = 100;  // per hour
constexpr std::int64_t kOre = 100;         // per krona

// ---- O6: hours per month → heltider, F explicit ----

TEST(StaffingFigures, HeltiderAreHoursPerMonthDividedByHoursPerHeltid) {
  // O6, F = 160 h per heltid-month.
  const double f160 = 160.0;
  EXPECT_DOUBLE_EQ(fullTimeEquivalents(1853 * kCentihours, f160), 1853.0 / 160.0);
  EXPECT_NEAR(fullTimeEquivalents(1853 * kCentihours, f160), 11.58, 0.005);
  EXPECT_NEAR(fullTimeEquivalents(2877 * kCentihours, f160), 17.98, 0.005);
  EXPECT_NEAR(fullTimeEquivalents(5970 * kCentihours, f160), 37.31, 0.005);
  // "cirka 12", "cirka 18" (the source's 19 was not computed with F = 160), "cirka 37".
  EXPECT_EQ(formatDecimal(fullTimeEquivalents(1853 * kCentihours, f160), 0), "12");
  EXPECT_EQ(formatDecimal(fullTimeEquivalents(2877 * kCentihours, f160), 0), "18");
  EXPECT_EQ(formatDecimal(fullTimeEquivalents(5970 * kCentihours, f160), 0), "37");

  // O6, F = 152.
  const double f152 = 152.0;
  EXPECT_NEAR(fullTimeEquivalents(1853 * kCentihours, f152), 12.19, 0.005);
  EXPECT_NEAR(fullTimeEquivalents(2877 * kCentihours, f152), 18.93, 0.005);
  EXPECT_NEAR(fullTimeEquivalents(5970 * kCentihours, f152), 39.28, 0.005);
}

// ---- O7: övertid in årsarbetare by time and by money ----

TEST(StaffingFigures, OvertimeInAnnualWorkersByTimeAndByMoney) {
  // O7: årsarbetstid 1 700 h, cost per åa 600 000 kr incl. PO.
  const double arsarbetstid = 1700.0;
  const std::int64_t costPerAa = 600'000 * kOre;
  EXPECT_DOUBLE_EQ(annualWorkersByTime(1785 * kCentihours, arsarbetstid), 1785.0 / 1700.0);
  EXPECT_DOUBLE_EQ(annualWorkersByMoney(1'410'000 * kOre, costPerAa), 1'410'000.0 / 600'000.0);

  const OvertimeAnnualWorkers aa = overtimeAnnualWorkers(
      HrAmount{1785 * kCentihours, 1'410'000 * kOre}, arsarbetstid, costPerAa);
  EXPECT_EQ(formatDecimal(aa.byTime, 2), "1,05");
  ASSERT_TRUE(aa.byMoney.has_value());
  EXPECT_EQ(formatDecimal(*aa.byMoney, 2), "2,35");
  ASSERT_TRUE(aa.difference().has_value());
  EXPECT_NEAR(*aa.difference(), 2.35 - 1.05, 1e-12);
  EXPECT_EQ(formatDecimal(*aa.difference(), 1), "1,3");
}

TEST(StaffingFigures, OvertimeByMoneyNeedsTheCostAndKronor) {
  const HrAmount withKronor{1785 * kCentihours, 1'410'000 * kOre};
  const HrAmount hoursOnly{1785 * kCentihours, 0};
  EXPECT_FALSE(overtimeAnnualWorkers(withKronor, 1700.0, 0).byMoney.has_value());
  EXPECT_FALSE(overtimeAnnualWorkers(withKronor, 1700.0, 0).difference().has_value());
  EXPECT_FALSE(overtimeAnnualWorkers(hoursOnly, 1700.0, 600'000 * kOre).byMoney.has_value());
  EXPECT_DOUBLE_EQ(overtimeAnnualWorkers(hoursOnly, 1700.0, 0).byTime, 1.05);
}

// ---- O8: ej tillsatt tid ----

TEST(StaffingFigures, UnfilledTimeSavingIsHoursTimesHourlyCostTimesOnePlusPo) {
  // O8 with explicit parameters: F = 160 h, timkostnad 197,50 kr, PO 25 %, so that
  // timkostnad × (1 + PO) × F = 197,50 × 1,25 × 160 = 39 500 kr per heltid-month.
  const double f = 160.0;
  const std::int64_t timkostnad = 19'750;  // öre
  const double po = 25.0;
  ASSERT_DOUBLE_EQ(197.50 * (1 + po / 100) * f, 39'500.0);

  const std::int64_t sixHeltider = 6 * 160 * kCentihours;  // 6 × F hours
  const UnfilledTimeFigures figures = unfilledTimeFigures(sixHeltider, f, timkostnad, po);
  EXPECT_DOUBLE_EQ(figures.fullTime, 6.0);
  ASSERT_TRUE(figures.savingOre.has_value());
  EXPECT_EQ(*figures.savingOre, 237'000 * kOre);  // 6 × 39 500 kr
  EXPECT_EQ(costIncludingPoOre(sixHeltider, timkostnad, po), 6 * 39'500 * kOre);

  // The same with F = 158, timkostnad 200 kr, PO 25 %: 948 h × 250 kr = 237 000 kr.
  EXPECT_EQ(costIncludingPoOre(948 * kCentihours, 200 * kOre, 25.0), 237'000 * kOre);

  // No timkostnad: heltider still, no saving.
  const UnfilledTimeFigures noCost = unfilledTimeFigures(sixHeltider, f, 0, po);
  EXPECT_DOUBLE_EQ(noCost.fullTime, 6.0);
  EXPECT_FALSE(noCost.savingOre.has_value());
}

TEST(StaffingFigures, CostIncludingPoIsExactAndRoundsHalfAwayFromZero) {
  // PO to hundredths of a percent: 100 h × 210 kr × 1,3142 = 27 598,20 kr.
  EXPECT_EQ(costIncludingPoOre(100 * kCentihours, 210 * kOre, 31.42), 2'759'820);
  // 0,01 h × 0,50 kr = 0,005 kr = ½ öre → 1 öre; the negative correction → −1 öre.
  EXPECT_EQ(costIncludingPoOre(1, 50, 0.0), 1);
  EXPECT_EQ(costIncludingPoOre(-1, 50, 0.0), -1);
  // 0,01 h × 210 kr × 1,3142 = 2,75982 kr → 276 öre.
  EXPECT_EQ(costIncludingPoOre(1, 210 * kOre, 31.42), 276);
  // A product beyond 64 bits: 10 000 000 h × 10 000 kr × 1,40 = 140 000 000 000 kr.
  EXPECT_EQ(costIncludingPoOre(10'000'000 * kCentihours, 10'000 * kOre, 40.0),
            140'000'000'000LL * kOre);
}

TEST(StaffingFigures, HourlyPaidAverageShareAndHeltider) {
  // 18 530 h of 59 700 over ten months at F = 160 (the Färgelanda hemtjänst figures).
  const HourlyPaidFigures f =
      hourlyPaidFigures(18'530 * kCentihours, 59'700 * kCentihours, 10, 160.0);
  EXPECT_EQ(f.centihours, 18'530 * kCentihours);
  EXPECT_DOUBLE_EQ(f.monthlyAverageHours, 1853.0);
  EXPECT_DOUBLE_EQ(f.share, 18'530.0 / 59'700.0);
  EXPECT_EQ(formatPercent(f.share, 1), "31,0\xC2\xA0%");
  EXPECT_DOUBLE_EQ(f.fullTimeOfAverage, 1853.0 / 160.0);
  EXPECT_DOUBLE_EQ(hourlyPaidFigures(0, 0, 10, 160.0).share, 0.0);
}

// ---- Sums per enhet ----

// SN (1) → AO, IFO (2) → A1, A2 under AO and A3 under IFO (3).
OrgTree exampleTree() {
  OrgTree tree;
  tree.add({"SN", "Socialnämnden", "", 1, 1, {}});
  tree.add({"AO", "Äldreomsorg", "SN", 2, 1, {}});
  tree.add({"IFO", "Individ- och familjeomsorg", "SN", 2, 2, {}});
  tree.add({"A1", "Hemtjänst", "AO", 3, 1, {}});
  tree.add({"A2", "Särskilt boende", "AO", 3, 2, {}});
  tree.add({"A3", "Försörjningsstöd", "IFO", 3, 1, {}});
  tree.validate();
  return tree;
}

void put(HrTable& table, const std::string& ansvar, int month, HrKind kind, std::int64_t centihours,
         std::int64_t ore = 0) {
  table[HrKey{ansvar, Period(2025, month), kind}] += HrAmount{centihours, ore};
}

TEST(StaffingFigures, HoursByUnitSumExactlyAndKeepUnplacedHours) {
  const OrgTree tree = exampleTree();
  HrTable table;
  // Ten rows of 0,10 h on A1: exactly 1,00 h in hundredths (as doubles 0.1 × 10 ≠ 1).
  for (int m = 1; m <= 10; ++m) put(table, "A1", m, HrKind::Timavlonad, 10);
  put(table, "A2", 3, HrKind::Timavlonad, 12'25, 99);  // 12,25 h
  put(table, "A3", 2, HrKind::Timavlonad, 7'75);
  put(table, "X9", 4, HrKind::Timavlonad, 3'50);     // unknown to the org
  put(table, "SN", 5, HrKind::Timavlonad, 1'00);     // above the enhet level
  put(table, "A1", 11, HrKind::Timavlonad, 500'00);  // after the range
  put(table, "A1", 5, HrKind::Overtid, 800'00);      // another kind

  const HoursByUnit r =
      hoursByUnit(table, tree, 2, HrKind::Timavlonad, PeriodRange::ack(Period(2025, 10)));
  ASSERT_EQ(r.rows.size(), 2u);
  EXPECT_EQ(r.rows[0].first->code, "AO");
  EXPECT_EQ(r.rows[0].second.centihours, 10 * 10 + 12'25);
  EXPECT_EQ(r.rows[0].second.ore, 99);
  EXPECT_EQ(r.rows[1].first->code, "IFO");
  EXPECT_EQ(r.rows[1].second.centihours, 7'75);
  ASSERT_EQ(r.unplacedCodes.size(), 2u);
  EXPECT_EQ(r.unplacedCodes.at("X9").centihours, 3'50);
  EXPECT_EQ(r.unplacedCodes.at("SN").centihours, 1'00);
  EXPECT_EQ(r.unplaced.centihours, 4'50);
  // Nothing lost: Σ rows + unplaced = total = Σ of the matching input rows.
  EXPECT_EQ(r.total.centihours, 1'00 + 12'25 + 7'75 + 3'50 + 1'00);
  EXPECT_EQ(r.rows[0].second.centihours + r.rows[1].second.centihours + r.unplaced.centihours,
            r.total.centihours);

  // At level 3 the node A3 row is kept even with nothing on the other enheter.
  const HoursByUnit leaves =
      hoursByUnit(table, tree, 3, HrKind::Overtid, PeriodRange::ack(Period(2025, 10)));
  ASSERT_EQ(leaves.rows.size(), 3u);
  EXPECT_EQ(leaves.rows[0].second.centihours, 800'00);
  EXPECT_EQ(leaves.rows[1].second.centihours, 0);
  EXPECT_EQ(leaves.unplaced.centihours, 0);
}

TEST(StaffingFigures, MonthlyHoursUnderOneUnit) {
  const OrgTree tree = exampleTree();
  HrTable table;
  put(table, "A1", 1, HrKind::Inhyrd, 50'00, 40'000 * kOre);
  put(table, "A2", 1, HrKind::Inhyrd, 10'25);
  put(table, "A2", 3, HrKind::Inhyrd, 7'00);
  put(table, "A3", 2, HrKind::Inhyrd, 99'00);  // under IFO, not AO
  put(table, "A1", 4, HrKind::Inhyrd, 1'00);   // after the range
  const PeriodRange range{Period(2025, 1), Period(2025, 3)};

  const auto months = monthlyHoursUnder(table, tree, *tree.find("AO"), HrKind::Inhyrd, range);
  ASSERT_EQ(months.size(), 3u);
  EXPECT_EQ(months[0].centihours, 50'00 + 10'25);
  EXPECT_EQ(months[0].ore, 40'000 * kOre);
  EXPECT_EQ(months[1].centihours, 0);
  EXPECT_EQ(months[2].centihours, 7'00);

  // A leaf as the unit: only its own rows.
  const auto leaf = monthlyHoursUnder(table, tree, *tree.find("A2"), HrKind::Inhyrd, range);
  EXPECT_EQ(leaf[0].centihours, 10'25);
  EXPECT_EQ(leaf[2].centihours, 7'00);

  EXPECT_TRUE(hasHours(table, HrKind::Inhyrd, range));
  EXPECT_FALSE(hasHours(table, HrKind::Overtid, range));
  EXPECT_FALSE(hasHours(table, HrKind::Inhyrd, {Period(2025, 5), Period(2025, 12)}));
}

}  // namespace
}  // namespace namnd
