#include "aggregate/prognos_proposal.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

namespace namnd {
namespace {

constexpr std::int64_t kKr = 100;  // öre per krona

Figures figures(std::int64_t ackUtfall, std::int64_t ackBudget, std::int64_t helarBudget) {
  Figures f;
  f.ackUtfall = ackUtfall;
  f.ackBudget = ackBudget;
  f.helarBudget = helarBudget;
  return f;
}

// Oracle O2 (notes 002): the Totalt row of October 2025, ack avvikelse −23 153 800 kr, gives
// −23 153 800 × 12/10 = −27 784 560 kr for the year. Its budget is spread evenly (150 451 600
// against 180 542 000 × 10/12 = 150 451 666,67), so "auto" takes the straight line.
TEST(PrognosProposal, OracleO2StraightLineFromTheOctoberTotal) {
  const Figures total = figures(173'605'400 * kKr, 150'451'600 * kKr, 180'542'000 * kKr);
  ASSERT_EQ(total.ackAvvikelse(), -23'153'800 * kKr);
  for (const ProposalChoice choice : {ProposalChoice::Auto, ProposalChoice::StraightLine}) {
    const PrognosProposal p = proposePrognosis("TOT", total, Period(2025, 10), choice);
    EXPECT_EQ(p.method, ProposalMethod::StraightLine);
    EXPECT_EQ(p.avvikelseOre, -27'784'560 * kKr);
    // Helår outcome = budget helår − avvikelse = 180 542 000 + 27 784 560.
    EXPECT_EQ(p.prognosOre, 208'326'560 * kKr);
    EXPECT_EQ(p.ansvar, "TOT");
    EXPECT_EQ(p.figures, total);
  }
}

TEST(PrognosProposal, StraightLineRoundsHalfAwayFromZero) {
  // 1 öre × 12 / 8 = 1,5 → 2; −1 öre → −2.
  EXPECT_EQ(proposePrognosis("A", figures(0, 1, 0), Period(2025, 8), ProposalChoice::StraightLine)
                .avvikelseOre,
            2);
  EXPECT_EQ(proposePrognosis("A", figures(1, 0, 0), Period(2025, 8), ProposalChoice::StraightLine)
                .avvikelseOre,
            -2);
  // −1 öre × 12 / 7 = −1,714… → −2; 1 öre × 12 / 9 = 1,33… → 1.
  EXPECT_EQ(proposePrognosis("A", figures(1, 0, 0), Period(2025, 7), ProposalChoice::StraightLine)
                .avvikelseOre,
            -2);
  EXPECT_EQ(proposePrognosis("A", figures(0, 1, 0), Period(2025, 9), ProposalChoice::StraightLine)
                .avvikelseOre,
            1);
}

// Budget 1 200 000 kr of which 800 000 kr fall in January–June (a front-loaded profile); utfall
// 900 000 kr. Budget profile: −100 000 × 1 200 000 / 800 000 = −150 000 kr; the straight line
// would say −100 000 × 12/6 = −200 000 kr.
TEST(PrognosProposal, AutoUsesTheBudgetProfileWhereTheBudgetIsUneven) {
  const Figures f = figures(900'000 * kKr, 800'000 * kKr, 1'200'000 * kKr);
  const PrognosProposal autoChoice =
      proposePrognosis("A", f, Period(2025, 6), ProposalChoice::Auto);
  EXPECT_EQ(autoChoice.method, ProposalMethod::BudgetProfile);
  EXPECT_EQ(autoChoice.avvikelseOre, -150'000 * kKr);
  EXPECT_EQ(autoChoice.prognosOre, 1'350'000 * kKr);
  const PrognosProposal linear =
      proposePrognosis("A", f, Period(2025, 6), ProposalChoice::StraightLine);
  EXPECT_EQ(linear.method, ProposalMethod::StraightLine);
  EXPECT_EQ(linear.avvikelseOre, -200'000 * kKr);
}

// The 1 % threshold: helår 1 200 000 kr through June is 600 000 kr when even; 1 % of helår is
// 12 000 kr. Exactly 612 000 is still "even", one öre more is not.
TEST(PrognosProposal, UnevenMeansMoreThanOnePercentOfBudgetHelar) {
  EXPECT_FALSE(budgetIsUneven(figures(0, 612'000 * kKr, 1'200'000 * kKr), Period(2025, 6)));
  EXPECT_TRUE(budgetIsUneven(figures(0, 612'000 * kKr + 1, 1'200'000 * kKr), Period(2025, 6)));
  EXPECT_FALSE(budgetIsUneven(figures(0, 588'000 * kKr, 1'200'000 * kKr), Period(2025, 6)));
  EXPECT_TRUE(budgetIsUneven(figures(0, 588'000 * kKr - 1, 1'200'000 * kKr), Period(2025, 6)));
  // Revenue budgets (negative) the same way.
  EXPECT_TRUE(budgetIsUneven(figures(0, -700'000 * kKr, -1'200'000 * kKr), Period(2025, 6)));
}

// IFO in oracle O1: ack utfall 40 266 125, ack budget 34 085 250, helår 41 130 000 kr. Its
// budget is only 0,46 % off even, so "auto" stays linear; asked for, the budget profile gives
// −6 180 875 × 41 130 000 / 34 085 250 = −7 458 340,154… kr → −7 458 340,15 kr.
TEST(PrognosProposal, BudgetProfileOnRequestRoundsToTheOre) {
  const Figures ifo = figures(40'266'125 * kKr, 34'085'250 * kKr, 41'130'000 * kKr);
  EXPECT_EQ(proposePrognosis("IFO", ifo, Period(2025, 10), ProposalChoice::Auto).method,
            ProposalMethod::StraightLine);
  const PrognosProposal p =
      proposePrognosis("IFO", ifo, Period(2025, 10), ProposalChoice::BudgetProfile);
  EXPECT_EQ(p.method, ProposalMethod::BudgetProfile);
  EXPECT_EQ(p.avvikelseOre, -745'834'015);
}

TEST(PrognosProposal, BudgetProfileFallsBackToTheStraightLine) {
  // No ack budget: nothing to scale by. −30 000 × 12/3 = −120 000 kr.
  const PrognosProposal noAckBudget = proposePrognosis(
      "A", figures(30'000 * kKr, 0, 500'000 * kKr), Period(2025, 3), ProposalChoice::BudgetProfile);
  EXPECT_EQ(noAckBudget.method, ProposalMethod::StraightLine);
  EXPECT_EQ(noAckBudget.avvikelseOre, -120'000 * kKr);
  // Ack budget and helår of opposite signs: the ratio would flip the deviation's sign.
  const PrognosProposal flipped =
      proposePrognosis("A", figures(20'000 * kKr, 10'000 * kKr, -50'000 * kKr), Period(2025, 3),
                       ProposalChoice::BudgetProfile);
  EXPECT_EQ(flipped.method, ProposalMethod::StraightLine);
  EXPECT_EQ(flipped.avvikelseOre, -40'000 * kKr);  // −10 000 × 12/3
}

TEST(PrognosProposal, MethodTextsAndConfigChoices) {
  EXPECT_EQ(proposalMethodText(ProposalMethod::StraightLine), "linjär framskrivning");
  EXPECT_EQ(proposalMethodText(ProposalMethod::BudgetProfile), "enligt budgetens periodisering");
  EXPECT_EQ(proposalChoiceFromConfig("auto"), ProposalChoice::Auto);
  EXPECT_EQ(proposalChoiceFromConfig("linjar"), ProposalChoice::StraightLine);
  EXPECT_EQ(proposalChoiceFromConfig("budgetprofil"), ProposalChoice::BudgetProfile);
  EXPECT_THROW(proposalChoiceFromConfig("linjär"), ConfigError);
}

// SN → AO (A1, A2), IFO (A3), KUL (no amounts). Through March 2025.
TEST(PrognosProposal, OneProposalPerNodeWithAmountsInTreeOrder) {
  OrgTree tree;
  tree.add({"SN", "Socialnämnden", "", 1, 1, {}});
  tree.add({"AO", "Äldreomsorg", "SN", 2, 1, {}});
  tree.add({"IFO", "Individ- och familjeomsorg", "SN", 2, 2, {}});
  tree.add({"KUL", "Kultur", "SN", 2, 3, {}});
  tree.add({"A1", "Hemtjänst", "AO", 3, 1, {}});
  tree.add({"A2", "Särskilt boende", "AO", 3, 2, {}});
  tree.add({"A3", "Försörjningsstöd", "IFO", 3, 1, {}});
  tree.validate();
  Cube cube;
  const auto add = [&](std::string_view ansvar, int month, Measure measure, std::int64_t kr) {
    cube.add(ansvar, "5011", "", "", Period(2025, month), measure, kr * kKr);
  };
  for (int month = 1; month <= 12; ++month) {
    add("A1", month, Measure::Budget, 1'000);                       // even: 12 000 a year
    add("A3", month, Measure::Budget, month <= 3 ? 3'000 : 1'000);  // front-loaded: 18 000
  }
  for (int month = 1; month <= 3; ++month) {
    add("A1", month, Measure::Utfall, 1'100);
    add("A2", month, Measure::Utfall, 100);
    add("A3", month, Measure::Utfall, 3'300);
  }
  add("A1", 4, Measure::Utfall, 999'999);  // after the period: not in ack

  const auto areas = proposePrognoses(cube, tree, 2, Period(2025, 3), ProposalChoice::Auto);
  ASSERT_EQ(areas.size(), 2u);  // KUL has nothing
  // AO: ack budget 3 000, utfall 3 600 (A1 3 300 + A2 300), helår 12 000: even →
  // −600 × 12/3 = −2 400.
  EXPECT_EQ(areas[0].ansvar, "AO");
  EXPECT_EQ(areas[0].method, ProposalMethod::StraightLine);
  EXPECT_EQ(areas[0].avvikelseOre, -2'400 * kKr);
  // IFO: ack budget 9 000 of 18 000 (even would be 4 500): −900 × 18 000 / 9 000 = −1 800.
  EXPECT_EQ(areas[1].ansvar, "IFO");
  EXPECT_EQ(areas[1].method, ProposalMethod::BudgetProfile);
  EXPECT_EQ(areas[1].avvikelseOre, -1'800 * kKr);
  EXPECT_EQ(areas[1].prognosOre, 19'800 * kKr);

  const auto ansvar = proposePrognoses(cube, tree, 3, Period(2025, 3), ProposalChoice::Auto);
  ASSERT_EQ(ansvar.size(), 3u);
  EXPECT_EQ(ansvar[0].ansvar, "A1");
  EXPECT_EQ(ansvar[1].ansvar, "A2");
  EXPECT_EQ(ansvar[2].ansvar, "A3");
  // A2 has utfall and no budget at all: −300 × 12/3.
  EXPECT_EQ(ansvar[1].avvikelseOre, -1'200 * kKr);
}

}  // namespace
}  // namespace namnd
