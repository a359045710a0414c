// The delårsrapport's rounding: largest remainder to a given total, and the additive mode's
// identities on figures built here (independent arithmetic, not the report's output).

#include <gtest/gtest.h>

#include <numeric>

#include "reports/delarsrapport/delar_check_tally.hpp"
#include "reports/delarsrapport/delar_tables.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

constexpr std::int64_t kTkr = 100'000;  // öre

TEST(DelarsrapportRounding, RoundToTargetAddsUpAndMovesEachValueByLessThanOne) {
  const std::vector<std::int64_t> ore = {29'660, 903'460, 2'195'300, 8'621'300, 3'087'260};
  // 0,2966 + 9,0346 + 21,953 + 86,213 + 30,8726 = 148,3698 tkr; rounded one by one they sum to
  // 0 + 9 + 22 + 86 + 31 = 148.
  for (const std::int64_t target : {148, 149, 147}) {
    const auto shown = roundToTargetTkr(ore, target);
    EXPECT_EQ(std::accumulate(shown.begin(), shown.end(), std::int64_t{0}), target);
    for (std::size_t i = 0; i < ore.size(); ++i)
      EXPECT_LT(std::llabs(shown[i] * kTkr - ore[i]), 2 * kTkr) << i;
  }
  // Negative values floor towards −∞ (−2, −1) and the largest remainder gets the missing unit;
  // a tie goes to the earlier value.
  EXPECT_EQ(roundToTargetTkr({-150'000, -50'000}, -2), (std::vector<std::int64_t>{-1, -1}));
  EXPECT_EQ(roundToTargetTkr({-150'000, -40'000}, -2), (std::vector<std::int64_t>{-2, 0}));
}

DelarFigures figures() {
  // Two areas, one with two enheter; every amount has a sub-tkr part.
  DelarFigures f;
  auto line = [](std::string name, int level, std::int64_t foreg, std::int64_t utfall,
                 std::int64_t budget, std::int64_t ar, std::int64_t avv) {
    return DelarLine{.name = name,
                     .code = name,
                     .level = level,
                     .utfallForeg = foreg,
                     .utfall = utfall,
                     .budget = budget,
                     .budgetAr = ar,
                     .prognosAvvikelse = avv};
  };
  DelarArea a{line("A", 0, 30'040'000, 29'660'000, 37'240'000, 55'860'000, 5'000'000)};
  DelarArea b{line("B", 0, 0, 0, 0, 0, 0)};
  b.units = {line("B1", 1, 152'060'000, 197'160'000, 187'060'000, 292'140'000, 45'000'000),
             line("B2", 1, 100'316'000, 118'640'000, 92'797'000, 140'214'000, -535'000'000)};
  for (const DelarLine& u : b.units) {
    b.line.utfallForeg += u.utfallForeg;
    b.line.utfall += u.utfall;
    b.line.budget += u.budget;
    b.line.budgetAr += u.budgetAr;
    *b.line.prognosAvvikelse += *u.prognosAvvikelse;
  }
  f.areas = {a, b};
  f.netto = line("Nettokostnad", 0, 0, 0, 0, 0, 0);
  for (const DelarArea& x : f.areas) {
    f.netto.utfallForeg += x.line.utfallForeg;
    f.netto.utfall += x.line.utfall;
    f.netto.budget += x.line.budget;
    f.netto.budgetAr += x.line.budgetAr;
    *f.netto.prognosAvvikelse += *x.line.prognosAvvikelse;
  }
  f.rsum = {line("Intäkter", 0, -10'000'000, -12'340'000, -9'990'000, -15'000'000, 0),
            line("Kostnader", 0, f.netto.utfallForeg + 10'000'000, f.netto.utfall + 12'340'000,
                 f.netto.budget + 9'990'000, f.netto.budgetAr + 15'000'000, 0)};
  for (DelarLine& l : f.rsum) l.prognosAvvikelse.reset();  // the units' prognosis only
  f.kommunbidragForeg = 290'000'000;
  return f;
}

TEST(DelarsrapportRounding, AdditiveModeHoldsEveryIdentityExactly) {
  const DelarFigures f = figures();
  const DelarShown s = roundDelarFigures(f, RoundingMode::Additive);
  for (const std::size_t c :
       {kUtfallForeg, kUtfall, kBudget, kAvvikelse, kBudgetAr, kPrognos, kAvvikelsePrognos}) {
    EXPECT_EQ(*s.areas[0][c] + *s.areas[1][c], *s.netto[c]) << c;
    EXPECT_EQ(*s.units[1][0][c] + *s.units[1][1][c], *s.areas[1][c]) << c;
  }
  for (const std::size_t c : {kUtfallForeg, kUtfall, kBudget, kAvvikelse, kBudgetAr})
    EXPECT_EQ(*s.rsum[0][c] + *s.rsum[1][c], *s.netto[c]) << c;
  for (const auto& cells : {s.netto, s.areas[0], s.areas[1], s.units[1][0], s.units[1][1]}) {
    EXPECT_EQ(*cells[kAvvikelse], *cells[kBudget] - *cells[kUtfall]);
    EXPECT_EQ(*cells[kAvvikelsePrognos], *cells[kBudgetAr] - *cells[kPrognos]);
  }
  for (const std::size_t c : {kUtfallForeg, kUtfall, kBudgetAr, kPrognos})
    EXPECT_EQ(*s.resultat[c], *s.kommunbidrag[c] - *s.netto[c]) << c;
  // The totals are the exact totals rounded once.
  EXPECT_EQ(*s.netto[kUtfall], (29'660'000 + 197'160'000 + 118'640'000 + kTkr / 2) / kTkr);
  // No prognosis per RSUM row was given: those cells stay blank.
  EXPECT_FALSE(s.rsum[0][kPrognos].has_value());
  EXPECT_FALSE(s.rsum[1][kAvvikelsePrognos].has_value());
}

TEST(DelarsrapportRounding, AdditiveModeSpreadsPerRowPrognosesOnlyWhenTheyAddUp) {
  DelarFigures f = figures();
  // Netto prognosis deviation: 50 + 450 − 5 350 = −4 850 tkr. Rows: +1 234,4 and −6 084,4.
  const std::int64_t net = *f.netto.prognosAvvikelse;
  ASSERT_EQ(net, -485'000'000);
  f.rsum[0].prognosAvvikelse = 123'440'000;
  f.rsum[1].prognosAvvikelse = net - 123'440'000;
  f.rsumPrognosAvvikelse = net;
  DelarShown s = roundDelarFigures(f, RoundingMode::Additive);
  EXPECT_EQ(*s.rsum[0][kAvvikelsePrognos] + *s.rsum[1][kAvvikelsePrognos], -4'850);
  EXPECT_EQ(*s.rsum[0][kAvvikelsePrognos], 1'234);
  EXPECT_EQ(*s.rsum[0][kPrognos], *s.rsum[0][kBudgetAr] - 1'234);

  // Rows 2 000 tkr short of the units' prognosis: shown as given, each rounded for itself.
  f.rsum[1].prognosAvvikelse = net - 123'440'000 + 200'000'000;
  f.rsumPrognosAvvikelse = net + 200'000'000;
  s = roundDelarFigures(f, RoundingMode::Additive);
  EXPECT_EQ(*s.rsum[0][kAvvikelsePrognos], 1'234);
  EXPECT_EQ(*s.rsum[1][kAvvikelsePrognos], (-485'000'000 - 123'440'000 + 200'000'000) / kTkr);
  EXPECT_EQ(*s.netto[kAvvikelsePrognos], -4'850);
}

TEST(DelarsrapportRounding, PerCellModeRoundsEveryCellFromTheExactAmounts) {
  const DelarFigures f = figures();
  const DelarShown s = roundDelarFigures(f, RoundingMode::PerCell);
  // A: 296,6 utfall, 372,4 budget → 297, 372, and avvikelse 75,8 → 76 (not 372 − 297 = 75).
  EXPECT_EQ(*s.areas[0][kUtfall], 297);
  EXPECT_EQ(*s.areas[0][kBudget], 372);
  EXPECT_EQ(*s.areas[0][kAvvikelse], 76);
  // Kommunbidrag for the period = the periodised budget nettokostnad; Resultat from exact öre.
  EXPECT_EQ(*s.kommunbidrag[kUtfall], *s.netto[kBudget]);
  const std::int64_t exactResultat = f.netto.budget - f.netto.utfall;
  EXPECT_EQ(*s.resultat[kUtfall],
            (exactResultat + (exactResultat >= 0 ? 1 : -1) * kTkr / 2) / kTkr);
  EXPECT_FALSE(s.resultat[kBudget].has_value());
  EXPECT_FALSE(s.kommunbidrag[kAvvikelse].has_value());
}

// The stated rounding mode says the tolerance the checks use: 1 tkr for a difference of two
// cells, ⌊n/2⌋ + 1 for a sum of n rows (n halves at most, plus the total's own half).
TEST(DelarsrapportRounding, TheStatedRoundingModeMatchesTheTolerancesUsed) {
  const DelarFigures f = figures();
  CheckSection checks;
  addDelarTableChecks(checks, f, roundDelarFigures(f, RoundingMode::PerCell),
                      RoundingMode::PerCell);
  ASSERT_FALSE(checks.items.empty());
  EXPECT_EQ(checks.items[0].description, "Avrundningsläge");
  EXPECT_TRUE(testing::mentions(checks.items[0].detail, {"högst 1 tkr", "n rader högst ⌊n/2⌋ + 1"}))
      << checks.items[0].detail;
  EXPECT_FALSE(testing::contains(checks.items[0].detail, "1–2 tkr"));
  EXPECT_EQ(cellToleranceTkr(RoundingMode::PerCell), 1);
  for (const std::size_t n : {1u, 2u, 5u, 10u})
    EXPECT_EQ(sumToleranceTkr(n, RoundingMode::PerCell), static_cast<std::int64_t>(n / 2 + 1));
}

// A prognosis per kostnadsslag file with rows only for another month: the RSUM footnote says
// that the rows are missing for this prognosis, not that prognoses are given per enhet only.
TEST(DelarsrapportRounding, TheRsumFootnoteSaysWhenTheFileLacksThisMonthsPrognosis) {
  DelarFigures f = figures();
  f.snapshotPeriod = Period(2025, 6);
  const ReportTexts texts =
      ReportTexts::load(testing::repoPath("templates/text/delarsrapport.json"));
  PlaceholderValues values;
  addPeriodPlaceholders(values, "per", Period(2025, 6));
  addPeriodPlaceholders(values, "foregaende", Period(2024, 6));
  const auto footnotes = [&] {
    return buildRsumTable(f, roundDelarFigures(f, RoundingMode::PerCell), RoundingMode::PerCell,
                          texts, values)
        .footnotes;
  };
  const auto hasNote = [](const std::vector<std::string>& notes, const std::string& text) {
    for (const std::string& note : notes)
      if (testing::contains(note, text)) return true;
    return false;
  };
  EXPECT_TRUE(hasNote(footnotes(), "Prognosen lämnas per enhet, inte per kostnadsslag"));
  f.rsumPrognosUnused = {Period(2025, 8)};
  const auto notes = footnotes();
  EXPECT_FALSE(hasNote(notes, "Prognosen lämnas per enhet"));
  EXPECT_TRUE(hasNote(notes, "Prognos per kostnadsslag saknas för prognosen lämnad i juni 2025"));
  EXPECT_FALSE(hasNote(notes, "augusti"));
}

}  // namespace
}  // namespace namnd
