// The example kommun's volymer: deterministic, read back without a rejection, every month of
// 2023–2025, and figures a kvalitetsstrateg would recognise.

#include <gtest/gtest.h>

#include "cli/example_volymer.hpp"
#include "core/volym_formula.hpp"
#include "ingest/table/open_source.hpp"
#include "ingest/volymer_reader.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

VolymImport readExample(const std::filesystem::path& dir) {
  InputFile file;
  file.path = dir / "volymer-2025.csv";
  file.displayName = "volymer-2025.csv";
  const auto source = openTabularSource(file);
  return readVolymer(*source);
}

VolymOutcome evaluate(const VolymTable& table, std::string_view formula, PeriodRange window) {
  std::string error;
  const auto parsed = parseVolymFormula(formula, &error);
  EXPECT_TRUE(parsed) << error;
  return evaluateVolymFormula(*parsed, table, window);
}

TEST(VolymerExample, IsByteIdenticalOnEveryRun) {
  testing::TempDir first;
  testing::TempDir second;
  writeExampleVolymer(first.path());
  writeExampleVolymer(second.path() / "ny");  // the folder is created
  EXPECT_EQ(testing::readFile(first / "volymer-2025.csv"),
            testing::readFile(second.path() / "ny" / "volymer-2025.csv"));
  EXPECT_EQ(testing::entriesIn(first.path()), 1);
}

TEST(VolymerExample, EveryMonthOf2023To2025ReadsBack) {
  testing::TempDir dir;
  writeExampleVolymer(dir.path());
  const VolymImport read = readExample(dir.path());
  // 36 months × (invånare + 36 ansvar × anställda and heltid + 3 placering of which 2 HVB + 2 × 3
  // hemtjänst + 22 ansvar with brukare), and three referenskostnader of December 2023 and 2024.
  EXPECT_EQ(read.summary.rowsAccepted, 36 * (1 + 36 * 2 + 3 + 2 + 2 * 3 + 22) + 3 * 2);
  const VolymTable& table = read.table;
  EXPECT_EQ(table.measures(),
            (std::vector<std::string>{"anstallda", "arbetad_tid", "beviljad_tid", "brukare",
                                      "heltidsanstallda", "invanare", "placeringsdygn",
                                      "placeringsdygn_hvb", "referenskostnad_aldreomsorg",
                                      "referenskostnad_ifo", "referenskostnad_lss", "utford_tid"}));
  for (const std::string& matt : table.measures()) {
    if (matt.starts_with("referenskostnad_")) {  // a yearly figure
      EXPECT_EQ(table.periods(matt), (std::vector<Period>{Period(2023, 12), Period(2024, 12)}));
      continue;
    }
    const std::vector<Period> periods = table.periods(matt);
    ASSERT_EQ(periods.size(), 36u) << matt;
    EXPECT_EQ(periods.front(), Period(2023, 1)) << matt;
    EXPECT_EQ(periods.back(), Period(2025, 12)) << matt;
  }
  EXPECT_TRUE(table.value("invanare", "", Period(2025, 8)));
  EXPECT_FALSE(table.value("anstallda", "", Period(2025, 8)));  // per ansvar only
}

TEST(VolymerExample, FiguresArePlausibleAndHeltidGrows) {
  testing::TempDir dir;
  writeExampleVolymer(dir.path());
  const VolymTable table = readExample(dir.path()).table;
  const auto percent = [&](PeriodRange window) {
    const VolymOutcome share = evaluate(table, "andel(heltidsanstallda, anstallda)", window);
    EXPECT_EQ(share.status, VolymOutcome::Status::Ok);
    return 100.0 * static_cast<double>(share.numerator) / static_cast<double>(share.denominator);
  };
  const double delar2025 = percent(PeriodRange::ack(Period(2025, 8)));
  const double year2023 = percent(PeriodRange::wholeYear(2023));
  EXPECT_GT(delar2025, 55.0);
  EXPECT_LT(delar2025, 80.0);
  EXPECT_GT(delar2025, year2023 + 2.0);  // the heltidsresan: a few points a year
  // Utförd tid is 86–94 % of beviljad in hemtjänsten.
  const VolymOutcome done = evaluate(table, "andel(summa(utford_tid), summa(beviljad_tid))",
                                     PeriodRange::ack(Period(2025, 8)));
  const double donePercent =
      100.0 * static_cast<double>(done.numerator) / static_cast<double>(done.denominator);
  EXPECT_GT(donePercent, 86.0);
  EXPECT_LT(donePercent, 94.0);
  // Produktivitet: utförd is 52–58 % of arbetad tid.
  const VolymOutcome productive = evaluate(table, "andel(summa(utford_tid), summa(arbetad_tid))",
                                           PeriodRange::ack(Period(2025, 8)));
  const double productivePercent = 100.0 * static_cast<double>(productive.numerator) /
                                   static_cast<double>(productive.denominator);
  EXPECT_GT(productivePercent, 52.0);
  EXPECT_LT(productivePercent, 58.0);
  // Placeringsdygn January–August: 33–44 placed persons a month, about 30 dygn each.
  const VolymOutcome days =
      evaluate(table, "summa(placeringsdygn)", PeriodRange::ack(Period(2025, 8)));
  EXPECT_GT(days.numerator / 100, 33 * 243 - 3 * 8 * 46);  // less up to 1,5 × the month each
  EXPECT_LT(days.numerator / 100, 44 * 243);
  const VolymOutcome residents =
      evaluate(table, "senaste(invanare)", PeriodRange::ack(Period(2025, 8)));
  EXPECT_GT(residents.numerator / 100, 9'000);
  EXPECT_LT(residents.numerator / 100, 9'500);
}

}  // namespace
}  // namespace namnd
