// The appendix tables' checks (issue 5 point 8) on tables built by hand: a consistent table
// passes, a per-cell ±1 is named but allowed, and a deliberately wrong cell is an Error. Every
// expected sum below is written out, not taken from the code.

#include <gtest/gtest.h>

#include "reports/delarsrapport/delar_table_checks.hpp"
#include "reports/delarsrapport/investment_table.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::mentions;

Row row(RowKind kind, int level, std::string name, std::vector<std::int64_t> amounts) {
  Row r{kind, level, {std::move(name)}};
  for (const std::int64_t a : amounts) r.cells.emplace_back(a);
  return r;
}

Table withColumns(std::size_t amounts) {
  Table t;
  t.columns.push_back({"Namn", ColumnKind::Text});
  for (std::size_t i = 0; i < amounts; ++i)
    t.columns.push_back({"K" + std::to_string(i + 1), ColumnKind::Amount});
  return t;
}

// Utfall | Budget | Ombudgetering | Summa budget | Prognos | Avvikelse helår, Herrljunga's "egna"
// shape: 500 + 0 = 500, 500 − 500 = 0; 1 000 + 0 = 1 000, 1 000 − 0 = 1 000.
Table investments() {
  Table t = withColumns(6);
  t.rows = {row(RowKind::Item, 0, "Inventarier", {172, 500, 0, 500, 500, 0}),
            row(RowKind::Item, 0, "Verksamhetssystem", {0, 1'000, 0, 1'000, 0, 1'000}),
            row(RowKind::Subtotal, 0, "S:a egna", {172, 1'500, 0, 1'500, 500, 1'000})};
  return t;
}

const CheckItem& named(const std::vector<CheckItem>& items, std::string_view start) {
  for (const CheckItem& item : items)
    if (item.description.starts_with(start)) return item;
  ADD_FAILURE() << "no check " << start;
  static const CheckItem none;
  return none;
}

TEST(DelarsrapportTableChecks, AConsistentInvestmentTablePassesExactly) {
  const auto items = checkInvestmentTable(investments(), RoundingMode::PerCell);
  ASSERT_EQ(items.size(), 3u);
  for (const CheckItem& item : items) {
    EXPECT_EQ(item.status, CheckStatus::Ok) << item.description;
    EXPECT_EQ(item.detail, "stämmer exakt i avrundade tkr") << item.description;
  }
}

TEST(DelarsrapportTableChecks, AWrongSummaBudgetIsAnError) {
  Table t = investments();
  t.rows[0].cells[kInvSummaBudget] = std::int64_t{700};  // 500 + 0 ≠ 700
  const auto items = checkInvestmentTable(t, RoundingMode::PerCell);
  const CheckItem& summa = named(items, "Investeringar: Summa budget");
  EXPECT_EQ(summa.status, CheckStatus::Error);
  EXPECT_TRUE(mentions(summa.detail,
                       {"utanför avrundningen", "Inventarier summa budget 700", "(beräknat 500)"}));
  // 700 − 500 = 200 ≠ 0 as well.
  EXPECT_EQ(named(items, "Investeringar: Avvikelse helår").status, CheckStatus::Error);
}

TEST(DelarsrapportTableChecks, AWrongAvvikelseHelarIsAnError) {
  Table t = investments();
  t.rows[1].cells[kInvAvvikelse] = std::int64_t{-1'000};  // sign flipped: 1 000 − 0 = 1 000
  const auto items = checkInvestmentTable(t, RoundingMode::PerCell);
  EXPECT_EQ(named(items, "Investeringar: Summa budget").status, CheckStatus::Ok);
  const CheckItem& avvikelse = named(items, "Investeringar: Avvikelse helår");
  EXPECT_EQ(avvikelse.status, CheckStatus::Error);
  EXPECT_TRUE(mentions(avvikelse.detail, {"Verksamhetssystem avvikelse helår", "(beräknat 1"}));
}

TEST(DelarsrapportTableChecks, ASubtotalThatIsNotTheSumOfItsGroupIsAnError) {
  Table t = investments();
  t.rows[2].cells[kInvUtfall] = std::int64_t{180};                    // 172 + 0 = 172: 8 off
  const auto items = checkInvestmentTable(t, RoundingMode::PerCell);  // outlives `groups`
  const CheckItem& groups = named(items, "Investeringar: delsumma");
  EXPECT_EQ(groups.status, CheckStatus::Error);
  EXPECT_TRUE(mentions(groups.detail, {"S:a egna K1 180 (beräknat 172)"}));
}

TEST(DelarsrapportTableChecks, PerCellAllowsOneTkrOnARowAndAdditiveNothing) {
  Table t = investments();
  t.rows[0].cells[kInvSummaBudget] = std::int64_t{501};  // 500,4 + 0,4 rounded per cell
  t.rows[0].cells[kInvAvvikelse] = std::int64_t{1};      // 501 − 500
  t.rows[2].cells[kInvSummaBudget] = std::int64_t{1'501};
  t.rows[2].cells[kInvAvvikelse] = std::int64_t{1'001};
  const auto perCell = checkInvestmentTable(t, RoundingMode::PerCell);
  const CheckItem& summa = named(perCell, "Investeringar: Summa budget");
  EXPECT_EQ(summa.status, CheckStatus::Ok);
  EXPECT_TRUE(mentions(summa.detail, {"inom avrundningen", "±1 tkr vid avrundning per cell",
                                      "Inventarier summa budget 501 (beräknat 500)"}));
  const auto additive = checkInvestmentTable(t, RoundingMode::Additive);
  EXPECT_EQ(named(additive, "Investeringar: Summa budget").status, CheckStatus::Error);
}

TEST(DelarsrapportTableChecks, ProjectsWithoutASubtotalAreAnError) {
  Table t = investments();
  t.rows.push_back(row(RowKind::Item, 0, "Efter delsumman", {1, 1, 0, 1, 1, 0}));
  const auto items = checkInvestmentTable(t, RoundingMode::PerCell);  // outlives `groups`
  const CheckItem& groups = named(items, "Investeringar: delsumma");
  EXPECT_EQ(groups.status, CheckStatus::Error);
  EXPECT_TRUE(mentions(groups.detail, {"1 projekt efter sista delsumman"}));
}

TEST(DelarsrapportTableChecks, BudgetramTotaltMustBeTheSumOfItsRows) {
  // Herrljunga: 3 740 + 153 + 542 = 4 435.
  Table t = withColumns(1);
  t.rows = {row(RowKind::Item, 0, "Lönepott", {3'740}), row(RowKind::Item, 0, "Kapital", {153}),
            row(RowKind::Item, 0, "Effektivisering", {542}),
            row(RowKind::Total, 0, "Totalt", {4'435})};
  auto items = checkBudgetramTable(t, RoundingMode::PerCell);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].status, CheckStatus::Ok);
  EXPECT_EQ(items[0].detail, "stämmer exakt i avrundade tkr");

  t.rows[3].cells[1] = std::int64_t{4'436};  // one off: rounding can explain it per cell
  EXPECT_EQ(checkBudgetramTable(t, RoundingMode::PerCell)[0].status, CheckStatus::Ok);
  EXPECT_EQ(checkBudgetramTable(t, RoundingMode::Additive)[0].status, CheckStatus::Error);

  t.rows[3].cells[1] = std::int64_t{4'935};  // 500 off
  items = checkBudgetramTable(t, RoundingMode::PerCell);
  EXPECT_EQ(items[0].status, CheckStatus::Error);
  EXPECT_TRUE(mentions(items[0].detail, {"Totalt K1 4\xC2\xA0"
                                         "935 (beräknat 4\xC2\xA0"
                                         "435)"}));

  t.rows.pop_back();
  EXPECT_EQ(checkBudgetramTable(t, RoundingMode::PerCell)[0].status, CheckStatus::Error);
}

// Herrljunga's IFO block (notes 004 §2.3, Utfall 2022-08-31 and Budget 2022): −10 + 4 593 +
// 11 261 + 6 109 = 21 953; 367 + 13 582 + 14 672 + 8 317 = 36 938. Nämnd has no enheter.
Table bilaga() {
  Table t = withColumns(2);
  t.rows = {row(RowKind::Item, 0, "Nämnd", {297, 559}),
            row(RowKind::Subtotal, 0, "Individ och familjeomsorg", {21'953, 36'938}),
            row(RowKind::Item, 1, "IFO övergripande", {-10, 367}),
            row(RowKind::Item, 1, "IFO vuxen", {4'593, 13'582}),
            row(RowKind::Item, 1, "IFO barn och familj", {11'261, 14'672}),
            row(RowKind::Item, 1, "IFO bistånd", {6'109, 8'317}),
            row(RowKind::Total, 0, "Totalsumma", {297 + 21'953, 559 + 36'938})};
  return t;
}

TEST(DelarsrapportTableChecks, BilagaAreasAreTheSumOfTheirEnheterAndTheTotalOfTheAreas) {
  auto items = checkBilagaTable(bilaga(), RoundingMode::PerCell);
  ASSERT_EQ(items.size(), 2u);
  for (const CheckItem& item : items) EXPECT_EQ(item.detail, "stämmer exakt i avrundade tkr");

  Table t = bilaga();
  t.rows[4].cells[1] = std::int64_t{12'261};  // an enhet 1 000 off: its area no longer adds up
  items = checkBilagaTable(t, RoundingMode::PerCell);
  EXPECT_EQ(named(items, "Bilaga per ansvarsnivå: område").status, CheckStatus::Error);
  EXPECT_TRUE(mentions(named(items, "Bilaga per ansvarsnivå: område").detail,
                       {"Individ och familjeomsorg K1 21\xC2\xA0"
                        "953 (beräknat 22\xC2\xA0"
                        "953)"}));
  EXPECT_EQ(named(items, "Bilaga per ansvarsnivå: Totalsumma").status, CheckStatus::Ok);

  t = bilaga();
  t.rows[6].cells[2] = std::int64_t{37'000};  // 559 + 36 938 = 37 497
  items = checkBilagaTable(t, RoundingMode::PerCell);
  EXPECT_EQ(named(items, "Bilaga per ansvarsnivå: område").status, CheckStatus::Ok);
  EXPECT_EQ(named(items, "Bilaga per ansvarsnivå: Totalsumma").status, CheckStatus::Error);

  // Socialt stöd's published ±1 (O5): within per-cell rounding, not under additive.
  t = bilaga();
  t.rows[1].cells[1] = std::int64_t{21'954};
  t.rows[6].cells[1] = std::int64_t{297 + 21'954};
  EXPECT_EQ(
      named(checkBilagaTable(t, RoundingMode::PerCell), "Bilaga per ansvarsnivå: område").status,
      CheckStatus::Ok);
  EXPECT_EQ(
      named(checkBilagaTable(t, RoundingMode::Additive), "Bilaga per ansvarsnivå: område").status,
      CheckStatus::Error);
}

TEST(DelarsrapportTableChecks, BlankCellsTakeNoPart) {
  Table t = bilaga();
  for (Row& r : t.rows) r.cells[1] = std::monostate{};  // no last year in the store
  for (const CheckItem& item : checkBilagaTable(t, RoundingMode::Additive))
    EXPECT_EQ(item.status, CheckStatus::Ok) << item.detail;
}

}  // namespace
}  // namespace namnd
