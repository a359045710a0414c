#include "core/rounding.hpp"
#include "core/money.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

namespace namnd {
namespace {

TEST(RoundHalfAwayFromZero, RoundsToNearestUnit) {
  EXPECT_EQ(roundHalfAwayFromZero(434'750'00, 100'000), 435);  // Nämndsverksamhet ack utfall
  EXPECT_EQ(roundHalfAwayFromZero(-1'163'870'000, 100'000), -11'639);
  EXPECT_EQ(roundHalfAwayFromZero(49'999, 100'000), 0);
  EXPECT_EQ(roundHalfAwayFromZero(-49'999, 100'000), 0);
}

TEST(RoundHalfAwayFromZero, HalvesGoAwayFromZero) {
  EXPECT_EQ(roundHalfAwayFromZero(50'000, 100'000), 1);
  EXPECT_EQ(roundHalfAwayFromZero(-50'000, 100'000), -1);
  EXPECT_EQ(roundHalfAwayFromZero(150, 100), 2);
  EXPECT_EQ(roundHalfAwayFromZero(-250, 100), -3);
}

TEST(RoundHalfAwayFromZero, HandlesExtremes) {
  const std::int64_t big = 9'000'000'000'000'000'000;
  EXPECT_EQ(roundHalfAwayFromZero(big, 100'000), 90'000'000'000'000);
  EXPECT_EQ(roundHalfAwayFromZero(-big - 50'000, 100'000), -90'000'000'000'001);
}

TEST(Money, RoundsEachValueOnItsOwn) {
  // O1: the Avvikelse of Nämndsverksamhet is −12 073 450 kr → −12 073 tkr, not −12 074
  // (which is what subtracting the rounded budget and utfall would give).
  const Money budget = Money::fromKronor(-11'638'700);
  const Money utfall = Money::fromKronor(434'750);
  EXPECT_EQ((budget - utfall).roundedTkr(), -12'073);
  EXPECT_EQ(budget.roundedTkr() - utfall.roundedTkr(), -12'074);
}

TEST(LargestRemainder, RowsAddUpToTheRoundedTotal) {
  // O1 Ack budget: per-cell rounding gives rows summing to 150 450 against a total of 150 452.
  const std::vector<std::int64_t> kronor = {-11'638'700, 9'100'200,  8'175'200, 69'757'200,
                                            19'159'200,  34'085'250, 21'813'250};
  std::vector<std::int64_t> ore;
  for (auto kr : kronor) ore.push_back(kr * 100);
  const auto rounded = roundLargestRemainder(ore, 100'000);
  const auto sum = std::accumulate(rounded.begin(), rounded.end(), std::int64_t{0});
  EXPECT_EQ(sum, 150'452);
  // Each row moves at most one unit away from its own half-away rounding.
  for (std::size_t i = 0; i < ore.size(); ++i)
    EXPECT_LE(std::llabs(rounded[i] - roundHalfAwayFromZero(ore[i], 100'000)), 1) << i;
}

TEST(LargestRemainder, GivesTheExtraUnitsToTheLargestRemainders) {
  // 0.4 + 0.4 + 0.4 = 1.2 → 1: the first of the equal remainders gets it.
  const std::vector<std::int64_t> values = {40, 40, 40};
  EXPECT_EQ(roundLargestRemainder(values, 100), (std::vector<std::int64_t>{1, 0, 0}));
  // 0.3 + 0.6 + 0.6 = 1.5 → 2: the two 0.6 get them.
  const std::vector<std::int64_t> other = {30, 60, 60};
  EXPECT_EQ(roundLargestRemainder(other, 100), (std::vector<std::int64_t>{0, 1, 1}));
}

TEST(LargestRemainder, WorksWithNegativeValues) {
  // −1.4 −1.4 −1.2 = −4.0. Above the floors (−2 −2 −2 = −6) the remainders are 0.6 0.6 0.8, so
  // the two units go to −1.2 and to the first −1.4.
  const std::vector<std::int64_t> values = {-140, -140, -120};
  const auto rounded = roundLargestRemainder(values, 100);
  EXPECT_EQ(std::accumulate(rounded.begin(), rounded.end(), std::int64_t{0}), -4);
  EXPECT_EQ(rounded, (std::vector<std::int64_t>{-1, -2, -1}));
}

}  // namespace
}  // namespace namnd

namespace namnd {
namespace {

// Quotients of products of two amounts (öre × öre) that do not fit in 64 bits.
TEST(DivideRoundedWide, HalvesGoAwayFromZeroInBothSignsAndOverflowIsNone) {
  EXPECT_EQ(divideRoundedWide(5, 2), 3);
  EXPECT_EQ(divideRoundedWide(-5, 2), -3);
  EXPECT_EQ(divideRoundedWide(7, -2), -4);
  EXPECT_EQ(divideRoundedWide(-7, -2), 4);
  EXPECT_EQ(divideRoundedWide(4, 3), 1);
  // 10^20 öre² / 10^10 = 10^10: the numerator alone is beyond 64 bits.
  const WideInt big = static_cast<WideInt>(10'000'000'000) * 10'000'000'000;
  EXPECT_EQ(divideRoundedWide(big, 10'000'000'000), 10'000'000'000);
  EXPECT_EQ(divideRoundedWide(big, 1), std::nullopt);
}

}  // namespace
}  // namespace namnd
