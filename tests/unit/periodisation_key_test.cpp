// Periodisation by a named key (a payroll calendar) and from a month on (budget revisions).

#include <gtest/gtest.h>

#include <numeric>

#include "core/periodisation.hpp"

namespace namnd {
namespace {

std::int64_t sum(const std::array<std::int64_t, 12>& months) {
  return std::accumulate(months.begin(), months.end(), std::int64_t{0});
}

TEST(PeriodisationKey, FollowsTheWeights) {
  // Weights 1 except July with 2: 13 parts; 1 300 000 öre → 100 000 a part, July 200 000.
  PeriodisationKey key{"lonekalender", {1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1}};
  const auto months = periodise(1'300'000, key);
  EXPECT_EQ(months[0], 100'000);
  EXPECT_EQ(months[6], 200'000);
  EXPECT_EQ(sum(months), 1'300'000);
}

TEST(PeriodisationKey, FromAMonthOnLeavesEarlierMonthsEmpty) {
  // 1 140 000 kr from July, linear: six months of 190 000 kr.
  const auto months = periodise(114'000'000, PeriodisationKey{}, 7);
  for (int m = 0; m < 6; ++m) EXPECT_EQ(months[m], 0) << m;
  for (int m = 6; m < 12; ++m) EXPECT_EQ(months[m], 19'000'000) << m;
}

TEST(PeriodisationKey, RemaindersGoToTheLargestShareFirst) {
  // 10 öre over weights 1,2 (Nov, Dec from November): exact 3,33 and 6,67 → 3 and 7.
  PeriodisationKey key{"k", {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2}};
  const auto months = periodise(10, key, 11);
  EXPECT_EQ(months[10], 3);
  EXPECT_EQ(months[11], 7);
  // A negative amount is spread like its positive counterpart.
  const auto negative = periodise(-10, key, 11);
  EXPECT_EQ(negative[10], -3);
  EXPECT_EQ(negative[11], -7);
}

TEST(PeriodisationKey, AllZeroWeightsFallBackToEqualShares) {
  PeriodisationKey key{"tom", {}};
  const auto months = periodise(1'200, key);
  for (auto m : months) EXPECT_EQ(m, 100);
}

TEST(PeriodisationKey, HugeAmountsStayExact) {
  PeriodisationKey key{"k", {900'000, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}};
  const std::int64_t amount = 90'000'000'000'000'000;  // 9·10^16 öre
  EXPECT_EQ(sum(periodise(amount, key)), amount);
}

}  // namespace
}  // namespace namnd
