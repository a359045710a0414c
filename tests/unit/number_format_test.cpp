#include "core/number_format.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace namnd {
namespace {

constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
const std::string kEnDash = "\u2013";

TEST(NumberFormat, IntegerGroupsOfThreeWithNbsp) {
  EXPECT_EQ(formatInteger(-23154), "-23\u00a0154");
  EXPECT_EQ(formatInteger(0), "0");
  EXPECT_EQ(formatInteger(999), "999");
  EXPECT_EQ(formatInteger(1000), "1\u00a0000");
  EXPECT_EQ(formatInteger(-100), "-100");
  EXPECT_EQ(formatInteger(136435), "136\u00a0435");
  EXPECT_EQ(formatInteger(1234567), "1\u00a0234\u00a0567");
}

TEST(NumberFormat, IntegerWithOtherSeparators) {
  EXPECT_EQ(formatInteger(-62876, " "), "-62 876");
  EXPECT_EQ(formatInteger(1234567, ""), "1234567");
}

TEST(NumberFormat, IntegerExtremes) {
  EXPECT_EQ(formatInteger(std::numeric_limits<std::int64_t>::min(), " "),
            "-9 223 372 036 854 775 808");
  EXPECT_EQ(formatInteger(std::numeric_limits<std::int64_t>::max(), " "),
            "9 223 372 036 854 775 807");
}

TEST(NumberFormat, AChangeShowsItsSign) {
  EXPECT_EQ(formatSignedInteger(18), "+18");
  EXPECT_EQ(formatSignedInteger(-3), "-3");
  EXPECT_EQ(formatSignedInteger(0), "0");
  EXPECT_EQ(formatSignedInteger(1234, " "), "+1 234");
}

TEST(NumberFormat, OreAsKronorHasTwoDecimals) {
  EXPECT_EQ(formatOreAsKronor(17360540000), "173\u00a0605\u00a0400,00");
  EXPECT_EQ(formatOreAsKronor(105), "1,05");
  EXPECT_EQ(formatOreAsKronor(0), "0,00");
  EXPECT_EQ(formatOreAsKronor(-5), "-0,05");
  EXPECT_EQ(formatOreAsKronor(-123450, " "), "-1 234,50");
  EXPECT_EQ(formatOreAsKronor(std::numeric_limits<std::int64_t>::min(), " "),
            "-92 233 720 368 547 758,08");
}

TEST(NumberFormat, DecimalRoundsHalfAwayFromZero) {
  EXPECT_EQ(formatDecimal(1.05, 2), "1,05");
  EXPECT_EQ(formatDecimal(-0.556, 1), "-0,6");
  EXPECT_EQ(formatDecimal(2.5, 0), "3");
  EXPECT_EQ(formatDecimal(-2.5, 0), "-3");
  EXPECT_EQ(formatDecimal(0.125, 2), "0,13");  // 0.125 is exact in binary
}

TEST(NumberFormat, DecimalPadsAndGroups) {
  EXPECT_EQ(formatDecimal(0.04, 2), "0,04");
  EXPECT_EQ(formatDecimal(0.0, 1), "0,0");
  EXPECT_EQ(formatDecimal(1234.5, 1), "1\u00a0234,5");
  EXPECT_EQ(formatDecimal(1234567.891, 2, " "), "1 234 567,89");
  EXPECT_EQ(formatDecimal(1234.4, 0), "1\u00a0234");
}

TEST(NumberFormat, DecimalNeverShowsMinusZero) {
  EXPECT_EQ(formatDecimal(-0.04, 1), "0,0");
  EXPECT_EQ(formatDecimal(-0.0, 2), "0,00");
}

TEST(NumberFormat, DecimalOfNanOrInfinityIsADash) {
  EXPECT_EQ(formatDecimal(kNan, 1), kEnDash);
  EXPECT_EQ(formatDecimal(kInf, 0), kEnDash);
  EXPECT_EQ(formatDecimal(-kInf, 2), kEnDash);
}

TEST(NumberFormat, PercentHasNbspBeforeTheSign) {
  EXPECT_EQ(formatPercent(-0.154, 1), "-15,4\u00a0%");
  EXPECT_EQ(formatPercent(0.5, 0), "50\u00a0%");
  EXPECT_EQ(formatPercent(0.0123, 1), "1,2\u00a0%");
  EXPECT_EQ(formatPercent(12.34, 0), "1\u00a0234\u00a0%");
}

TEST(NumberFormat, PercentOfNanOrInfinityIsADash) {
  EXPECT_EQ(formatPercent(kNan, 1), kEnDash);
  EXPECT_EQ(formatPercent(-kInf, 1), kEnDash);
}

}  // namespace
}  // namespace namnd
