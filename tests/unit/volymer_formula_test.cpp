// Beräkningar ur volymerna: senaste() counts a stock in one month, summa() adds a flow over the
// months, andel() divides two exact sums. Expected figures are worked out by hand below.

#include <gtest/gtest.h>

#include "core/volym_formula.hpp"

namespace namnd {
namespace {

VolymFormula parsed(std::string_view text) {
  std::string error;
  auto formula = parseVolymFormula(text, &error);
  EXPECT_TRUE(formula) << text << ": " << error;
  return formula.value_or(VolymFormula{});
}

std::string parseError(std::string_view text) {
  std::string error;
  EXPECT_FALSE(parseVolymFormula(text, &error)) << text;
  return error;
}

// Two boenden in July and August 2025; placeringsdygn every month January–August.
VolymTable volymer() {
  VolymTable table;
  const auto add = [&table](const char* matt, const char* ansvar, int month, std::int64_t whole) {
    EXPECT_TRUE(table.add(matt, ansvar, Period(2025, month), whole * 100));
  };
  add("anstallda", "2110", 7, 31);
  add("anstallda", "2120", 7, 22);
  add("heltidsanstallda", "2110", 7, 20);
  add("heltidsanstallda", "2120", 7, 16);
  add("anstallda", "2110", 8, 30);
  add("anstallda", "2120", 8, 22);
  add("heltidsanstallda", "2110", 8, 20);
  add("heltidsanstallda", "2120", 8, 17);
  add("sjukskrivna", "2110", 7, 4);  // only July
  for (int month = 1; month <= 8; ++month) {
    add("placeringsdygn", "4120", month, 100 * month);
    add("placeringsdygn", "4220", month, 10 * month);
  }
  add("vakanta", "2110", 8, 0);
  return table;
}

const PeriodRange kJanAug{Period(2025, 1), Period(2025, 8)};

TEST(VolymFormula, ParsesTheFormsAndWritesThemCanonically) {
  EXPECT_EQ(parsed("senaste(anstallda)").text(), "senaste(anstallda)");
  EXPECT_EQ(parsed("Anställda").text(), "senaste(anstallda)");
  EXPECT_EQ(parsed(" SUMMA( Placeringsdygn ) ").text(), "summa(placeringsdygn)");
  EXPECT_EQ(parsed("andel(heltidsanstallda, anstallda)").text(),
            "andel(senaste(heltidsanstallda), senaste(anstallda))");
  EXPECT_EQ(parsed("andel(summa(utförd tid); summa(beviljad tid))").text(),
            "andel(summa(utford_tid), summa(beviljad_tid))");
  EXPECT_TRUE(parsed("andel(a, b)").isShare());
  EXPECT_FALSE(parsed("summa(a)").isShare());
}

TEST(VolymFormula, RejectsEverythingElseWithAReason) {
  EXPECT_EQ(parseError(""), "beräkningen är tom");
  EXPECT_EQ(parseError("medel(anstallda)"),
            "okänd funktion \"medel\" (senaste, summa eller andel)");
  EXPECT_EQ(parseError("andel(anstallda)"), "andel ska ha två mått: andel(del, helhet)");
  EXPECT_EQ(parseError("andel(a, b, c)"), "andel ska ha två mått: andel(del, helhet)");
  EXPECT_EQ(parseError("summa(anstallda"), "parentesen efter summa stängs inte");
  EXPECT_EQ(parseError("anstallda)"), "en ) utan (");
  EXPECT_EQ(parseError("summa()"), "ett mått saknas");
  EXPECT_EQ(parseError("andel(andel(a, b), c)"), "andel kan inte stå inuti en annan funktion");
  EXPECT_EQ(parseError("summa(a, b)"), "\"a, b\" är inget måttnamn");
  EXPECT_EQ(parseError("anställda/heltid"),
            "\"anställda/heltid\" är inget måttnamn (bokstäver, siffror och _)");
}

TEST(VolymFormula, SenasteIsTheLastMonthSummedOverAnsvarNotAddedOverMonths) {
  const VolymOutcome outcome =
      evaluateVolymFormula(parsed("senaste(anstallda)"), volymer(), kJanAug);
  ASSERT_EQ(outcome.status, VolymOutcome::Status::Ok);
  EXPECT_EQ(outcome.numerator, (30 + 22) * 100);  // August: 52, not July + August
  EXPECT_EQ(outcome.denominator, 100);
  EXPECT_EQ(outcome.stockMonth, Period(2025, 8));
  EXPECT_TRUE(outcome.missingMonths.empty());
  // A bare name is senaste(); a window ending in July counts July.
  const VolymOutcome july =
      evaluateVolymFormula(parsed("anstallda"), volymer(), {Period(2025, 1), Period(2025, 7)});
  EXPECT_EQ(july.numerator, (31 + 22) * 100);
}

TEST(VolymFormula, SummaAddsEveryMonthAndAnsvarOfTheWindow) {
  const VolymOutcome outcome =
      evaluateVolymFormula(parsed("summa(placeringsdygn)"), volymer(), kJanAug);
  ASSERT_EQ(outcome.status, VolymOutcome::Status::Ok);
  // 4120: 100 × (1 + … + 8) = 3 600; 4220: 10 × 36 = 360.
  EXPECT_EQ(outcome.numerator, (3'600 + 360) * 100);
  EXPECT_FALSE(outcome.stockMonth);
  EXPECT_TRUE(outcome.missingMonths.empty());
  // summa() of a mått with only July and August: both months, and January–June missing.
  const VolymOutcome partial = evaluateVolymFormula(parsed("summa(anstallda)"), volymer(), kJanAug);
  EXPECT_EQ(partial.numerator, (53 + 52) * 100);
  ASSERT_EQ(partial.missingMonths.size(), 6u);
  EXPECT_EQ(partial.missingMonths.front(), Period(2025, 1));
  EXPECT_EQ(partial.missingMonths.back(), Period(2025, 6));
}

TEST(VolymFormula, AndelDividesTheTwoTermsOfTheSameMonth) {
  // 37 heltidsanställda of 52 anställda in August: 37 / 52 = 71,15 %.
  const VolymOutcome outcome =
      evaluateVolymFormula(parsed("andel(heltidsanstallda, anstallda)"), volymer(), kJanAug);
  ASSERT_EQ(outcome.status, VolymOutcome::Status::Ok);
  EXPECT_EQ(outcome.numerator, (20 + 17) * 100);
  EXPECT_EQ(outcome.denominator, (30 + 22) * 100);
  // Sjukskrivna are reported for July only: both terms are then taken in July (4 of 53).
  const VolymOutcome july =
      evaluateVolymFormula(parsed("andel(sjukskrivna, anstallda)"), volymer(), kJanAug);
  ASSERT_EQ(july.status, VolymOutcome::Status::Ok);
  EXPECT_EQ(july.stockMonth, Period(2025, 7));
  EXPECT_EQ(july.numerator, 4 * 100);
  EXPECT_EQ(july.denominator, 53 * 100);
}

TEST(VolymFormula, WhatCannotBeComputedSaysWhichMattAndWhy) {
  using Status = VolymOutcome::Status;
  const VolymTable table = volymer();
  const VolymOutcome unknown =
      evaluateVolymFormula(parsed("andel(heltidsanstallda, invanare)"), table, kJanAug);
  EXPECT_EQ(unknown.status, Status::UnknownMeasure);
  EXPECT_EQ(unknown.measure, "invanare");
  const VolymOutcome lastYear =
      evaluateVolymFormula(parsed("summa(placeringsdygn)"), table, PeriodRange::wholeYear(2024));
  EXPECT_EQ(lastYear.status, Status::NoValue);
  EXPECT_EQ(lastYear.measure, "placeringsdygn");
  const VolymOutcome zero =
      evaluateVolymFormula(parsed("andel(anstallda, vakanta)"), table, kJanAug);
  EXPECT_EQ(zero.status, Status::ZeroDenominator);
  EXPECT_EQ(zero.measure, "vakanta");
}

}  // namespace
}  // namespace namnd
