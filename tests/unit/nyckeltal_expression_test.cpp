// The formula language of the nyckeltal catalogue (core/nyckeltal_expression.hpp): precedence,
// exact arithmetic, and errors that say where the formula goes wrong.

#include "core/nyckeltal_expression.hpp"

#include <gtest/gtest.h>

#include <map>

#include "support/test_support.hpp"

namespace namnd {
namespace {

ExactRational valueOf(const std::string& formula,
                      const std::map<std::string, std::int64_t>& names = {}) {
  const auto expression = NyckeltalExpression::parse(formula);
  const auto outcome = expression.evaluate([&](const std::string& name) {
    const auto found = names.find(name);
    if (found == names.end()) return ExpressionInput{std::nullopt, name + " saknas"};
    return ExpressionInput{ExactRational::integer(found->second), ""};
  });
  EXPECT_TRUE(outcome.value) << formula << ": " << outcome.problem;
  return outcome.value.value_or(ExactRational::integer(-999'999));
}

ExactRational fraction(std::int64_t n, std::int64_t d) { return *ExactRational::fraction(n, d); }

TEST(NyckeltalExpression, MultiplicationAndDivisionBindTighterThanAdditionLeftToRight) {
  EXPECT_EQ(valueOf("2 + 3 * 4"), ExactRational::integer(14));
  EXPECT_EQ(valueOf("(2 + 3) * 4"), ExactRational::integer(20));
  EXPECT_EQ(valueOf("10 - 4 - 3"), ExactRational::integer(3));
  EXPECT_EQ(valueOf("8 / 4 / 2"), ExactRational::integer(1));
  EXPECT_EQ(valueOf("-2 * 3 + 10"), ExactRational::integer(4));
  EXPECT_EQ(valueOf("2 \xE2\x88\x92 5"), ExactRational::integer(-3));  // U+2212 minus
  EXPECT_EQ(valueOf("-(1 - 4) * -2"), ExactRational::integer(-6));
}

TEST(NyckeltalExpression, ArithmeticIsExactAndDecimalsTakeAPointOrAComma) {
  EXPECT_EQ(valueOf("1 / 3 * 3"), ExactRational::integer(1));
  EXPECT_EQ(valueOf("1,05 * 100"), ExactRational::integer(105));
  EXPECT_EQ(valueOf("0.1 + 0.2"), fraction(3, 10));
  // Notes 004: (14 152 − 13 398) / 13 398 stays exact: 754 / 13 398 = 377 / 6 699.
  EXPECT_EQ(valueOf("(kr - ref) / ref", {{"kr", 14'152}, {"ref", 13'398}}), fraction(377, 6'699));
  const auto shown = valueOf("(kr - ref) / ref * 100", {{"kr", 14'152}, {"ref", 13'398}});
  EXPECT_EQ(shown.roundedScaled(1), 56);  // 5,6 %
  EXPECT_EQ(valueOf("(kr - ref) / ref * 100", {{"kr", 14'540}, {"ref", 12'987}}).roundedScaled(1),
            120);  // 12,0 %
}

TEST(NyckeltalExpression, NamesAreListedOnceInOrderOfUse) {
  const auto e = NyckeltalExpression::parse("(overtid + mertid) / arsarbetstid - overtid");
  EXPECT_EQ(e.names(), (std::vector<std::string>{"overtid", "mertid", "arsarbetstid"}));
}

TEST(NyckeltalExpression, ADivisionByZeroNamesTheDivisorAsWritten) {
  const auto e = NyckeltalExpression::parse("a / (b - c)");
  const auto outcome = e.evaluate([](const std::string& name) {
    return ExpressionInput{ExactRational::integer(name == "a" ? 5 : 7), ""};
  });
  EXPECT_FALSE(outcome.value);
  EXPECT_TRUE(testing::mentions(outcome.problem, {"division med noll", "\"(b - c)\""}));
}

TEST(NyckeltalExpression, AMissingInputGivesItsReasonAndNoValue) {
  const auto e = NyckeltalExpression::parse("nettokostnad / invanare");
  const auto outcome = e.evaluate([](const std::string& name) {
    if (name == "invanare") return ExpressionInput{std::nullopt, "invånare saknas för 2021"};
    return ExpressionInput{ExactRational::integer(1), ""};
  });
  EXPECT_FALSE(outcome.value);
  EXPECT_EQ(outcome.problem, "invånare saknas för 2021");
}

std::optional<ExpressionSyntaxError> syntaxError(const std::string& formula) {
  return testing::thrown<ExpressionSyntaxError>([&] { NyckeltalExpression::parse(formula); });
}

TEST(NyckeltalExpression, SyntaxErrorsGiveTheCharacterPosition) {
  const auto missingOperand = syntaxError("a + * b");
  ASSERT_TRUE(missingOperand);
  EXPECT_EQ(missingOperand->column(), 5u);
  const auto unclosed = syntaxError("x / (a + b");
  ASSERT_TRUE(unclosed);
  EXPECT_EQ(unclosed->column(), 5u);
  EXPECT_TRUE(testing::mentions(unclosed->reason(), {"stängs inte"}));
  const auto noOperator = syntaxError("a b");
  ASSERT_TRUE(noOperator);
  EXPECT_EQ(noOperator->column(), 3u);
  const auto stray = syntaxError("a + b)");
  ASSERT_TRUE(stray);
  EXPECT_EQ(stray->column(), 6u);
  // Positions count characters, not bytes: "ö" is one character of two bytes.
  const auto letter = syntaxError("kr / invånare");
  ASSERT_TRUE(letter);
  EXPECT_EQ(letter->column(), 9u);
  EXPECT_TRUE(testing::mentions(letter->what(), {"tecken 9", "\"å\""}));
  EXPECT_TRUE(syntaxError(""));
  EXPECT_TRUE(syntaxError("a +"));
}

TEST(NyckeltalExpression, ANumberWithTooManyDecimalsIsRefusedAtItsPosition) {
  // 10^38 no longer fits the 128-bit denominator; refused before, never wrapped or dereferenced.
  for (const int decimals : {19, 38, 40, 50}) {
    const std::string formula = "a * 0," + std::string(static_cast<std::size_t>(decimals), '1');
    const auto error = syntaxError(formula);
    ASSERT_TRUE(error) << decimals;
    EXPECT_EQ(error->column(), 5u);
    EXPECT_TRUE(testing::mentions(error->reason(), {"18 decimaler"}));
  }
  // 18 decimals still parse, exactly.
  EXPECT_EQ(valueOf("0,000000000000000001 * 1000000000000000000"), ExactRational::integer(1));
}

TEST(NyckeltalExpression, NestingDeeperThanAHundredLevelsIsRefusedAtItsPosition) {
  const auto nested = [](int depth) {
    const auto n = static_cast<std::size_t>(depth);
    return std::string(n, '(') + "a" + std::string(n, ')');
  };
  // 200 parentheses: refused at the 101st, not a stack overflow.
  const auto deep = syntaxError(nested(200));
  ASSERT_TRUE(deep);
  EXPECT_EQ(deep->column(), 101u);
  EXPECT_TRUE(testing::mentions(deep->reason(), {"nästlad", "100"}));
  // Signs nest too: 150 minus signs before a name.
  const auto signs = syntaxError(std::string(150, '-') + "a");
  ASSERT_TRUE(signs);
  EXPECT_EQ(signs->column(), 101u);
  // A hundred levels still parse: 100 parentheses around a + 1 with a = 2.
  EXPECT_EQ(valueOf(nested(100) + " + 1", {{"a", 2}}), ExactRational::integer(3));
}

TEST(NyckeltalExpression, ADefaultConstructedExpressionEvaluatesToAProblemNotACrash) {
  const NyckeltalExpression empty;
  const auto outcome = empty.evaluate([](const std::string&) { return ExpressionInput{}; });
  EXPECT_FALSE(outcome.value);
  EXPECT_FALSE(outcome.problem.empty());
}

}  // namespace
}  // namespace namnd
