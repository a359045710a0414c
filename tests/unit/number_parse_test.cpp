#include "core/number_parse.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace namnd {
namespace {

::testing::AssertionResult mentions(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" does not mention \"" << part << "\"";
}

// Parses text that must be accepted.
std::int64_t ore(std::string_view text) {
  std::string error;
  const auto value = parseAmountOre(text, &error);
  EXPECT_TRUE(value.has_value()) << "\"" << text << "\" rejected: " << error;
  return value.value_or(0);
}

// Parses text that must be rejected; returns the reason.
std::string rejection(std::string_view text) {
  std::string error;
  const auto value = parseAmountOre(text, &error);
  EXPECT_FALSE(value.has_value()) << "\"" << text << "\" accepted as " << value.value_or(0);
  return error;
}

TEST(NumberParse, ThousandsGroupedWithNbspOrSpace) {
  // Färgelanda's Nämndsverksamhet ack budget: −11 639 tkr written as kronor with NBSP.
  EXPECT_EQ(ore("-11\u00a0639"), -1'163'900);
  EXPECT_EQ(ore("-11 639"), -1'163'900);
  EXPECT_EQ(ore("1\u202f000"), 100'000);  // narrow NBSP
  EXPECT_EQ(ore("12 345 678"), 1'234'567'800);
}

TEST(NumberParse, DecimalCommaOrPoint) {
  EXPECT_EQ(ore("1,05"), 105);
  EXPECT_EQ(ore("0,5"), 50);
  EXPECT_EQ(ore("12,3"), 1'230);
  EXPECT_EQ(ore("1234.50"), 123'450);
  EXPECT_EQ(ore("1 234,50"), 123'450);
  EXPECT_EQ(ore("1\u00a0234,50"), 123'450);
}

TEST(NumberParse, LastSeparatorIsTheDecimalOne) {
  EXPECT_EQ(ore("1,234.50"), 123'450);
  EXPECT_EQ(ore("1.234,50"), 123'450);
  EXPECT_EQ(ore("1.234,5"), 123'450);
  EXPECT_EQ(ore("1.234.567,89"), 123'456'789);
  // A separator that occurs more than once only groups thousands.
  EXPECT_EQ(ore("1,234,567"), 123'456'700);
  EXPECT_EQ(ore("1.234.567"), 123'456'700);
}

TEST(NumberParse, Signs) {
  EXPECT_EQ(ore("+7"), 700);
  EXPECT_EQ(ore("-0"), 0);
  EXPECT_EQ(ore("\u22125"), -500);  // U+2212 minus sign, then 5
  // Prose writes "– 27 800" (en dash and a space) for a negative amount.
  EXPECT_EQ(ore("\u2013 27 800"), -2'780'000);
  EXPECT_EQ(ore("\u201327 800"), -2'780'000);  // no space after the dash
}

TEST(NumberParse, SurroundingSpaceIsIgnored) {
  EXPECT_EQ(ore("  42 "), 4'200);
  EXPECT_EQ(ore("\u00a0-3,10\u00a0"), -310);
  EXPECT_EQ(ore("15\r"), 1'500);  // the last field of a CRLF line
}

TEST(NumberParse, RejectsTextThatIsNoNumber) {
  EXPECT_FALSE(rejection("").empty());
  EXPECT_FALSE(rejection("   ").empty());
  EXPECT_FALSE(rejection("abc").empty());
  EXPECT_FALSE(rejection("--5").empty());
  EXPECT_FALSE(rejection("1e400").empty());
  EXPECT_FALSE(rejection("12 kr").empty());
  EXPECT_FALSE(rejection("12,").empty());
  EXPECT_FALSE(rejection(",5").empty());
  EXPECT_FALSE(rejection("(500)").empty());
}

TEST(NumberParse, RejectsGroupsNotOfThreeDigits) {
  EXPECT_FALSE(rejection("12 34 56").empty());
  EXPECT_FALSE(rejection("1234 567").empty());
  EXPECT_FALSE(rejection("1.234.56").empty());
  EXPECT_FALSE(rejection("1,2,3").empty());
  EXPECT_FALSE(rejection("1.234 567").empty());  // two kinds of thousands separator
}

TEST(NumberParse, RejectsMoreThanTwoDecimals) {
  // "1,234" is not read as 1 234 kr: a single comma is a decimal comma, and three decimals
  // are more than öre can hold.
  EXPECT_TRUE(mentions(rejection("1,234"), "decimal"));
  EXPECT_TRUE(mentions(rejection("1.234"), "decimal"));
  EXPECT_TRUE(mentions(rejection("1 234,567"), "decimal"));
}

TEST(NumberParse, LimitIsNineTimesTenToTheSixteenOre) {
  // 9·10^16 öre = 900 000 000 000 000 kr is the largest accepted magnitude.
  EXPECT_EQ(ore("900 000 000 000 000"), 90'000'000'000'000'000);
  EXPECT_EQ(ore("-900000000000000,00"), -90'000'000'000'000'000);
  EXPECT_FALSE(rejection("900000000000000,01").empty());
  EXPECT_FALSE(rejection("1 000 000 000 000 000").empty());
  EXPECT_FALSE(rejection("-92233720368547758,08").empty());  // INT64_MIN öre
  EXPECT_FALSE(rejection("99999999999999999999999").empty());
}

TEST(NumberParse, ErrorPointerIsOptional) {
  EXPECT_EQ(parseAmountOre("abc"), std::nullopt);
  EXPECT_EQ(parseAmountOre("2,50"), std::optional<std::int64_t>(250));
}

TEST(NumberParseWholeNumber, AcceptsGroupedIntegers) {
  EXPECT_EQ(parseWholeNumber("1 234"), std::optional<std::int64_t>(1'234));
  EXPECT_EQ(parseWholeNumber("-7"), std::optional<std::int64_t>(-7));
  EXPECT_EQ(parseWholeNumber("2025"), std::optional<std::int64_t>(2'025));
}

TEST(NumberParseWholeNumber, RejectsDecimals) {
  std::string error;
  EXPECT_EQ(parseWholeNumber("12,5", &error), std::nullopt);
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(parseWholeNumber("x"), std::nullopt);
}

TEST(NumberParseTrimSpace, RemovesAsciiAndNonBreakingSpaceAtBothEnds) {
  EXPECT_EQ(trimSpace("\u00a0 x y\t\u202f"), "x y");
  EXPECT_EQ(trimSpace("   "), "");
  EXPECT_EQ(trimSpace("abc"), "abc");
}

}  // namespace
}  // namespace namnd
