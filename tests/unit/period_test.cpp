#include "core/period.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "core/errors.hpp"
#include "core/placeholders.hpp"
#include "core/swedish_calendar.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

TEST(Period, ParsesSixDigits) {
  const auto period = Period::parse("202510");
  ASSERT_TRUE(period);
  EXPECT_EQ(period->year(), 2025);
  EXPECT_EQ(period->month(), 10);
  EXPECT_EQ(period->code(), 202510);
  EXPECT_EQ(period->toString(), "202510");
  EXPECT_EQ(Period::parse("202501")->toString(), "202501");
}

TEST(Period, RejectsAnythingButYyyymm) {
  for (const char* text : {"", "20251", "2025100", "202513", "202500", "2025-1", "abcdef", "189912",
                           "300001", " 20251", "2025 1"})
    EXPECT_FALSE(Period::parse(text)) << text;
}

TEST(Period, FromIsoDateChecksTheDay) {
  EXPECT_EQ(Period::fromIsoDate("2025-10-31"), Period(2025, 10));
  EXPECT_EQ(Period::fromIsoDate("2024-02-29"), Period(2024, 2));  // leap year
  EXPECT_FALSE(Period::fromIsoDate("2025-02-29"));
  EXPECT_FALSE(Period::fromIsoDate("2025-04-31"));
  EXPECT_FALSE(Period::fromIsoDate("2025-10-00"));
  EXPECT_FALSE(Period::fromIsoDate("2025-13-01"));
  EXPECT_FALSE(Period::fromIsoDate("2025/10/31"));
  EXPECT_FALSE(Period::fromIsoDate("20251031"));
  EXPECT_FALSE(Period::fromIsoDate("2025-1-31"));
}

TEST(Period, ConstructorRejectsImpossibleMonthsAndYears) {
  EXPECT_THROW(Period(2025, 0), std::invalid_argument);
  EXPECT_THROW(Period(2025, 13), std::invalid_argument);
  EXPECT_THROW(Period(1899, 12), std::invalid_argument);
  EXPECT_THROW(Period(3000, 1), std::invalid_argument);
  EXPECT_NO_THROW(Period(1900, 1));
  EXPECT_NO_THROW(Period(2999, 12));
}

TEST(Period, StepsAcrossTheTurnOfTheYear) {
  EXPECT_EQ(Period(2025, 12).next(), Period(2026, 1));
  EXPECT_EQ(Period(2025, 1).previous(), Period(2024, 12));
  EXPECT_EQ(Period(2025, 6).next(), Period(2025, 7));
  EXPECT_EQ(Period(2022, 8).sameMonthLastYear(), Period(2021, 8));
  EXPECT_EQ(Period(2025, 10).firstOfYear(), Period(2025, 1));
  EXPECT_EQ(Period(2025, 10).lastOfYear(), Period(2025, 12));
}

TEST(Period, LastDayKnowsLeapYears) {
  EXPECT_EQ(Period(2025, 2).lastDay(), 28);
  EXPECT_EQ(Period(2024, 2).lastDay(), 29);
  EXPECT_EQ(Period(1900, 2).lastDay(), 28);  // divisible by 100, not by 400
  EXPECT_EQ(Period(2000, 2).lastDay(), 29);  // divisible by 400
  EXPECT_EQ(Period(2025, 4).lastDay(), 30);
  EXPECT_EQ(Period(2022, 8).lastDay(), 31);
  EXPECT_EQ(Period(2025, 12).lastDay(), 31);
}

TEST(Period, OrdersByYearThenMonth) {
  EXPECT_LT(Period(2024, 12), Period(2025, 1));
  EXPECT_LT(Period(2025, 2), Period(2025, 10));
  EXPECT_EQ(Period(2025, 3), Period(2025, 3));
}

TEST(PeriodRange, AckIsJanuaryThroughTheMonth) {
  const PeriodRange ack = PeriodRange::ack(Period(2025, 10));
  EXPECT_EQ(ack.first, Period(2025, 1));
  EXPECT_EQ(ack.last, Period(2025, 10));
  EXPECT_EQ(ack.months(), 10);
  EXPECT_TRUE(ack.contains(Period(2025, 1)));
  EXPECT_TRUE(ack.contains(Period(2025, 10)));
  EXPECT_FALSE(ack.contains(Period(2024, 12)));
  EXPECT_FALSE(ack.contains(Period(2025, 11)));
  EXPECT_EQ(PeriodRange::ack(Period(2025, 1)).months(), 1);
}

TEST(PeriodRange, WholeYearAndRangesOverTheTurnOfTheYear) {
  const PeriodRange year = PeriodRange::wholeYear(2025);
  EXPECT_EQ(year.months(), 12);
  EXPECT_TRUE(year.contains(Period(2025, 12)));
  EXPECT_FALSE(year.contains(Period(2026, 1)));
  EXPECT_EQ((PeriodRange{Period(2024, 11), Period(2025, 2)}).months(), 4);
}

TEST(PeriodMonthNames, SwedishNamesAndAbbreviations) {
  EXPECT_EQ(swedishMonthName(1), "januari");
  EXPECT_EQ(swedishMonthName(3), "mars");
  EXPECT_EQ(swedishMonthName(5), "maj");
  EXPECT_EQ(swedishMonthName(8), "augusti");
  EXPECT_EQ(swedishMonthName(12), "december");
  EXPECT_EQ(swedishMonthAbbrev(1), "jan");
  EXPECT_EQ(swedishMonthAbbrev(5), "maj");
  EXPECT_EQ(swedishMonthAbbrev(9), "sep");
  EXPECT_EQ(swedishMonthAbbrev(10), "okt");
  EXPECT_EQ(swedishMonthAbbrev(12), "dec");
  EXPECT_EQ(capitalizeFirst("oktober"), "Oktober");
  EXPECT_EQ(capitalizeFirst(""), "");
}

PlaceholderValues periodValues(Period period, std::string_view name = "period") {
  PlaceholderValues values;
  addPeriodPlaceholders(values, name, period);
  return values;
}

TEST(PeriodPlaceholders, EveryFormOfAPeriod) {
  const PlaceholderValues values = periodValues(Period(2025, 10));
  EXPECT_EQ(expandPlaceholders("Ack utfall {period}", values), "Ack utfall 202510");
  EXPECT_EQ(expandPlaceholders("{period.ar}", values), "2025");
  EXPECT_EQ(expandPlaceholders("{period.manad}", values), "oktober");
  EXPECT_EQ(expandPlaceholders("{period.Manad}", values), "Oktober");
  EXPECT_EQ(expandPlaceholders("{period.man}", values), "okt");
  EXPECT_EQ(expandPlaceholders("{period.dag}", values), "31");
  EXPECT_EQ(expandPlaceholders("{period.datum}", values), "2025-10-31");
  EXPECT_EQ(expandPlaceholders("{period.yymmdd}", values), "251031");
  EXPECT_EQ(expandPlaceholders("{period.ackmanader}", values), "jan-okt");
}

TEST(PeriodPlaceholders, DelarsrapportHeaders) {
  const PlaceholderValues values = periodValues(Period(2022, 8));
  EXPECT_EQ(expandPlaceholders("Utfall {period.yymmdd}", values), "Utfall 220831");
  EXPECT_EQ(expandPlaceholders("Utfall {period.datum}", values), "Utfall 2022-08-31");
  EXPECT_EQ(expandPlaceholders("Budget {period.ar}", values), "Budget 2022");
}

TEST(PeriodPlaceholders, FebruaryOfALeapYearAndJanuary) {
  const PlaceholderValues february = periodValues(Period(2024, 2));
  EXPECT_EQ(expandPlaceholders("{period.datum} {period.dag}", february), "2024-02-29 29");
  const PlaceholderValues january = periodValues(Period(2025, 1));
  EXPECT_EQ(expandPlaceholders("{period.ackmanader}", january), "jan");
  EXPECT_EQ(expandPlaceholders("{period.yymmdd}", january), "250131");
}

TEST(PeriodPlaceholders, SeveralNamesSideBySide) {
  PlaceholderValues values = periodValues(Period(2025, 10));
  addPeriodPlaceholders(values, "prognos", Period(2025, 8));
  EXPECT_EQ(expandPlaceholders("Prognos lämnad {prognos} – ack {period}", values),
            "Prognos lämnad 202508 – ack 202510");
}

TEST(PeriodPlaceholders, DoubledBracesAreLiteral) {
  const PlaceholderValues values = periodValues(Period(2025, 10));
  EXPECT_EQ(expandPlaceholders("{{period}}", values), "{period}");
  EXPECT_EQ(expandPlaceholders("a }} b {{", values), "a } b {");
  EXPECT_EQ(expandPlaceholders("{{{period}}}", values), "{202510}");
  EXPECT_EQ(expandPlaceholders("inga platshållare", values), "inga platshållare");
}

TEST(PeriodPlaceholders, UnknownOrUnclosedPlaceholderIsAConfigError) {
  const PlaceholderValues values = periodValues(Period(2025, 10));
  EXPECT_THROW(expandPlaceholders("Utfall {perioden}", values), ConfigError);
  EXPECT_THROW(expandPlaceholders("Utfall {period.vecka}", values), ConfigError);
  EXPECT_THROW(expandPlaceholders("Utfall {period", values), ConfigError);
  EXPECT_THROW(expandPlaceholders("{}", values), ConfigError);
  const auto error =
      testing::thrown<ConfigError>([&] { expandPlaceholders("Utfall {okand}", values); });
  EXPECT_TRUE(testing::mentions(error, {"okand"}));
}

}  // namespace
}  // namespace namnd
