// "Utfall och lägesbild" (notes 002 R8, R22, oracles O2 and O11): the straight-line forecast
// rounded to 100 tkr, its difference to a prognosis snapshot rounded to 10 tkr, and wording that
// follows the sign. Expected numbers are worked out in the comments from the published figures.

#include "reports/manadsrapport/lagesbild.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/errors.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

const std::string kNbsp = "\xC2\xA0";
const std::string kMinus = "\xE2\x88\x92";  // U+2212

ReportTexts templateTexts() {
  return ReportTexts::load(testing::repoPath("templates/text/manadsrapport.json"));
}

PlaceholderValues periodValues(Period period) {
  PlaceholderValues values;
  addPeriodPlaceholders(values, "period", period);
  return values;
}

TEST(StraightLine, ReproducesTheFargelandaForecast) {
  // O2: ack avvikelse −23 153 800 kr over 10 months → −27 784 560 kr.
  const std::int64_t ack = -23'153'800'00;
  EXPECT_EQ(straightLineTkr(ack, 10, 1), -27'785);
  EXPECT_EQ(straightLineTkr(ack, 10, kOmkringStepTkr), -27'800);
  // Against "Prognos lämnad 202508" −25 303 000 kr: −27 784 560 + 25 303 000 = −2 481 560 kr.
  EXPECT_EQ(differenceToSnapshotTkr(ack, 10, -25'303'000'00, 1), -2'482);
  EXPECT_EQ(differenceToSnapshotTkr(ack, 10, -25'303'000'00, kCirkaStepTkr), -2'480);
}

TEST(StraightLine, RoundsHalfAwayFromZeroOnTheExactFraction) {
  // December: the forecast is the ack itself. 27 750 tkr is halfway between 27 700 and 27 800.
  EXPECT_EQ(straightLineTkr(27'750'000'00, 12, 100), 27'800);
  EXPECT_EQ(straightLineTkr(27'749'999'99, 12, 100), 27'700);
  EXPECT_EQ(straightLineTkr(-27'750'000'00, 12, 100), -27'800);
  EXPECT_EQ(straightLineTkr(-27'749'999'99, 12, 100), -27'700);
  // October: 23 125 000 kr × 12 / 10 = 27 750 000 kr exactly; one öre less stays below half.
  EXPECT_EQ(straightLineTkr(23'125'000'00, 10, 100), 27'800);
  EXPECT_EQ(straightLineTkr(23'124'999'99, 10, 100), 27'700);
  // "cirka": 2 485 000 kr is halfway between 2 480 and 2 490.
  EXPECT_EQ(differenceToSnapshotTkr(2'485'000'00, 12, 0, 10), 2'490);
  EXPECT_EQ(differenceToSnapshotTkr(2'484'999'99, 12, 0, 10), 2'480);
  EXPECT_EQ(differenceToSnapshotTkr(-2'485'000'00, 12, 0, 10), -2'490);
  EXPECT_EQ(straightLineTkr(0, 7, 100), 0);
  EXPECT_EQ(straightLineTkr(49'999'99, 12, 100), 0);
}

TEST(ProseAmount, UsesTheGivenMinusAndSeparator) {
  EXPECT_EQ(proseAmount(-27'800, kMinus, kNbsp), kMinus + "27" + kNbsp + "800");
  EXPECT_EQ(proseAmount(1'310, kMinus, " "), "1 310");
  EXPECT_EQ(proseAmount(0, kMinus, " "), "0");
  EXPECT_EQ(proseAmount(-500, "\xE2\x80\x93 ", " "), "\xE2\x80\x93 500");
}

TEST(Lagesbild, FargelandaSentencesAgainstTheDelarPrognosis) {
  const LagesbildInput input{.period = Period(2025, 10),
                             .ackAvvikelseOre = -23'153'800'00,
                             .snapshotPeriod = Period(2025, 8),
                             .snapshotAvvikelseOre = -25'303'000'00};
  const TextSection section = buildLagesbild(input, templateTexts(), periodValues(input.period));
  EXPECT_EQ(section.id, "lagesbild");
  EXPECT_EQ(section.title, "Utfall och lägesbild");
  ASSERT_GE(section.paragraphs.size(), 2u);
  EXPECT_EQ(section.paragraphs[0], "Just nu ser resultatet ut att bli omkring " + kMinus + "27" +
                                       kNbsp + "800 tkr per 31/12-2025.");
  EXPECT_EQ(section.paragraphs[1], "Cirka 2" + kNbsp + "480 tkr sämre än prognos satt i delåret.");
}

TEST(Lagesbild, SurplusAndBetterThanAnEarlierPrognosis) {
  // O11 style: June, ack +275 000 kr → +550 000 kr for the year (halfway: "omkring 600"); the
  // May prognosis said −760 000 kr, so 550 + 760 = 1 310 tkr better.
  const LagesbildInput input{.period = Period(2025, 6),
                             .ackAvvikelseOre = 275'000'00,
                             .snapshotPeriod = Period(2025, 5),
                             .snapshotAvvikelseOre = -760'000'00};
  const TextSection section = buildLagesbild(input, templateTexts(), periodValues(input.period));
  ASSERT_GE(section.paragraphs.size(), 2u);
  EXPECT_EQ(section.paragraphs[0],
            "Just nu ser resultatet ut att bli ett överskott på omkring 600 tkr per 31/12-2025.");
  EXPECT_EQ(section.paragraphs[1], "Cirka 1" + kNbsp + "310 tkr bättre än prognos lämnad 202505.");
}

TEST(Lagesbild, ZeroReadsAsInLineWithBudgetAndPrognosis) {
  // 3 000 kr over 12 months rounds to 0 at 100 tkr; 3 000 − 1 000 = 2 000 kr rounds to 0 at 10.
  const LagesbildInput input{.period = Period(2025, 12),
                             .ackAvvikelseOre = 3'000'00,
                             .snapshotPeriod = Period(2025, 11),
                             .snapshotAvvikelseOre = 1'000'00};
  const TextSection section = buildLagesbild(input, templateTexts(), periodValues(input.period));
  ASSERT_GE(section.paragraphs.size(), 2u);
  EXPECT_EQ(section.paragraphs[0],
            "Just nu ser resultatet ut att bli i nivå med budget per 31/12-2025.");
  EXPECT_EQ(section.paragraphs[1], "I nivå med prognos lämnad 202511.");
}

TEST(Lagesbild, WithoutASnapshotSaysThereIsNothingToCompareWith) {
  const LagesbildInput input{.period = Period(2025, 3), .ackAvvikelseOre = -1'000'000'00};
  const TextSection section = buildLagesbild(input, templateTexts(), periodValues(input.period));
  ASSERT_GE(section.paragraphs.size(), 2u);
  // −1 000 000 kr × 12 / 3 = −4 000 000 kr.
  EXPECT_EQ(section.paragraphs[0], "Just nu ser resultatet ut att bli omkring " + kMinus + "4" +
                                       kNbsp + "000 tkr per 31/12-2025.");
  EXPECT_TRUE(testing::mentions(section.paragraphs[1], {"Ingen prognos", "mars"}));
}

// A partly returned prognosis: the comparison says which areas it lacks, and January says
// "1 månad".
TEST(Lagesbild, APartlyReturnedPrognosisIsNamedAndOneMonthIsSingular) {
  const LagesbildInput input{.period = Period(2025, 1),
                             .ackAvvikelseOre = -100'000'00,
                             .snapshotPeriod = Period(2025, 1),
                             .snapshotAvvikelseOre = -1'200'000'00,
                             .snapshotMissing = {"Äldreomsorg", "Funktionsstöd (LSS)"}};
  const TextSection section = buildLagesbild(input, templateTexts(), periodValues(input.period));
  ASSERT_EQ(section.paragraphs.size(), 4u);
  // −100 000 kr × 12 / 1 = −1 200 000 kr: in line with the prognosis.
  EXPECT_EQ(section.paragraphs[1], "I nivå med prognos lämnad 202501.");
  EXPECT_EQ(section.paragraphs[2],
            "Observera att prognos lämnad 202501 saknar värde för Äldreomsorg, Funktionsstöd "
            "(LSS); jämförelsen gäller de områden som lämnat prognos.");
  EXPECT_TRUE(testing::contains(section.paragraphs[3], "× 12 / 1 månad,")) << section.paragraphs[3];
}

TEST(Lagesbild, MinusSignAndWordingComeFromTheTemplate) {
  // The source's own style: an en dash and a space ("omkring – 27 800 tkr").
  testing::TempDir dir;
  std::string json = testing::readFile(testing::repoPath("templates/text/manadsrapport.json"));
  const std::string key = "\"minustecken\": \"" + kMinus + "\"";
  const std::size_t at = json.find(key);
  ASSERT_NE(at, std::string::npos);
  json.replace(at, key.size(), "\"minustecken\": \"\xE2\x80\x93 \"");
  testing::writeFile(dir / "manadsrapport.json", json);
  const LagesbildInput input{.period = Period(2025, 10), .ackAvvikelseOre = -23'153'800'00};
  const TextSection section = buildLagesbild(input, ReportTexts::load(dir / "manadsrapport.json"),
                                             periodValues(input.period));
  EXPECT_EQ(section.paragraphs[0], "Just nu ser resultatet ut att bli omkring \xE2\x80\x93 27" +
                                       kNbsp + "800 tkr per 31/12-2025.");
}

}  // namespace
}  // namespace namnd
