#include "core/periodisation.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <numeric>

namespace namnd {
namespace {

using Months = std::array<std::int64_t, 12>;

std::int64_t sum(const Months& months) {
  return std::accumulate(months.begin(), months.end(), std::int64_t{0});
}

TEST(Periodisation, EvenAmountIsTwelveEqualParts) {
  Months expected;
  expected.fill(10'000'000);  // 1 200 000 kr a year = 100 000 kr a month
  EXPECT_EQ(periodiseLinear(1'200'000'00), expected);
  expected.fill(0);
  EXPECT_EQ(periodiseLinear(0), expected);
}

TEST(Periodisation, LeftoverOreGoToTheFirstMonths) {
  // 100 öre = 12 × 8 + 4: January–April get 9, May–December 8.
  const Months expected = {9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8};
  EXPECT_EQ(periodiseLinear(100), expected);
  EXPECT_EQ(sum(periodiseLinear(100)), 100);
}

TEST(Periodisation, NegativeAmountsAlike) {
  const Months expected = {-9, -9, -9, -9, -8, -8, -8, -8, -8, -8, -8, -8};
  EXPECT_EQ(periodiseLinear(-100), expected);
  const Months minusOne = {-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(periodiseLinear(-1), minusOne);
  const Months eleven = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0};
  EXPECT_EQ(periodiseLinear(11), eleven);
}

TEST(Periodisation, PartsAlwaysAddUpToTheAmount) {
  for (std::int64_t amount = -50; amount <= 50; ++amount) {
    const Months months = periodiseLinear(amount);
    EXPECT_EQ(sum(months), amount) << amount;
    for (std::size_t m = 1; m < 12; ++m) {
      // Never more than one öre apart, and the larger parts come first.
      const std::int64_t step = months[m - 1] - months[m];
      EXPECT_TRUE(amount >= 0 ? (step == 0 || step == 1) : (step == 0 || step == -1)) << amount;
    }
  }
}

TEST(Periodisation, LargeAmountsStayExact) {
  // 9·10^16 + 7 öre: 7 500 000 000 000 000 each, and one extra öre for January–July.
  const Months months = periodiseLinear(90'000'000'000'000'007);
  EXPECT_EQ(sum(months), 90'000'000'000'000'007);
  EXPECT_EQ(months[0], 7'500'000'000'000'001);
  EXPECT_EQ(months[6], 7'500'000'000'000'001);
  EXPECT_EQ(months[7], 7'500'000'000'000'000);
}

}  // namespace
}  // namespace namnd
