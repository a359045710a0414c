#include "ingest/largest_transactions.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace namnd {
namespace {

// Offers a row whose text names it; counts how often the texts were asked for.
struct Offerer {
  LargestTransactions kept;
  int textsCopied = 0;

  explicit Offerer(int perKey) : kept(perKey) {}
  void offer(const std::string& ansvar, int month, std::int64_t ore, std::int64_t line,
             const std::string& name) {
    kept.offer(ansvar, Period(2025, month), ore, line, [&] {
      ++textsCopied;
      return TransactionTexts{"4610", "511", "", "2025-01-31", "V1", name, ""};
    });
  }
};

std::vector<std::string> namesOf(const std::vector<LedgerTransaction>& rows) {
  std::vector<std::string> names;
  for (const LedgerTransaction& row : rows)
    names.push_back(row.ansvar + "/" + std::to_string(row.period.month()) + ":" + row.text);
  return names;
}

TEST(LargestTransactions, KeepsTheLargestPerAnsvarAndMonthWithinTheBound) {
  Offerer o(3);
  o.offer("2110", 1, 100, 2, "a");
  o.offer("2110", 1, -700, 3, "b");  // |−700| counts as 700
  o.offer("2110", 1, 300, 4, "c");
  o.offer("2110", 1, 500, 5, "d");  // evicts a (100)
  o.offer("2110", 1, 50, 6, "e");   // smaller than every kept row: not admitted
  o.offer("2110", 2, 10, 7, "f");   // another month: its own bound
  o.offer("2210", 1, 1, 8, "g");    // another ansvar
  o.offer("2110", 1, 600, 9, "h");  // evicts c (300)
  EXPECT_EQ(o.textsCopied, 7);      // e was refused before its texts were touched
  const auto rows = o.kept.take().toTransactions();
  EXPECT_EQ(namesOf(rows),
            (std::vector<std::string>{"2110/1:b", "2110/1:h", "2110/1:d", "2210/1:g", "2110/2:f"}));
  EXPECT_EQ(rows[0].ore, -700);  // the sign is kept
  EXPECT_EQ(rows[0].konto, "4610");
  EXPECT_EQ(rows[0].datum, "2025-01-31");
  EXPECT_EQ(rows[0].period, Period(2025, 1));
}

// The readers offer by content: the same rows in any order give the same kept rows in the same
// order, also where equal amounts are cut at the bound.
TEST(LargestTransactions, ByContentTheRowOrderOfTheFileDoesNotMatter) {
  const std::vector<std::pair<std::int64_t, std::string>> rows = {
      {400, "a"}, {-400, "b"}, {400, "c"}, {900, "d"}, {400, "e"}, {100, "f"}, {-400, "g"}};
  const auto keptFrom = [](std::vector<std::pair<std::int64_t, std::string>> order) {
    LargestTransactions kept(3);
    int textsAsked = 0;
    for (const auto& [ore, name] : order)
      kept.offerByContent("2110", Period(2025, 1), ore, [&] {
        ++textsAsked;
        return TransactionTexts{"4610", "511", "", "2025-01-31", "V1", name, ""};
      });
    return std::pair{namesOf(kept.take().toTransactions()), textsAsked};
  };
  const auto [forward, askedForward] = keptFrom(rows);
  ASSERT_EQ(forward.size(), 3u);
  EXPECT_EQ(forward[0], "2110/1:d");  // the largest first
  std::vector<std::pair<std::int64_t, std::string>> reversed(rows.rbegin(), rows.rend());
  EXPECT_EQ(keptFrom(reversed).first, forward);
  std::vector<std::pair<std::int64_t, std::string>> rotated = rows;
  std::rotate(rotated.begin(), rotated.begin() + 3, rotated.end());
  EXPECT_EQ(keptFrom(rotated).first, forward);
  // f (100) is below the full bucket's smallest kept row: refused before its texts are made.
  EXPECT_LT(askedForward, static_cast<int>(rows.size()));
}

TEST(LargestTransactions, OfEqualAmountsTheFirstInTheFileIsKept) {
  Offerer o(2);
  o.offer("2110", 1, 500, 10, "first");
  o.offer("2110", 1, -500, 11, "second");
  o.offer("2110", 1, 500, 12, "third");  // ties with both kept: not admitted
  EXPECT_EQ(o.textsCopied, 2);
  EXPECT_EQ(namesOf(o.kept.take().toTransactions()),
            (std::vector<std::string>{"2110/1:first", "2110/1:second"}));
}

TEST(LargestTransactions, SplitReadingGivesTheSameRowsAsOneReader) {
  // The same 40 rows, read whole and in two stretches merged afterwards: identical results,
  // ties included (amounts repeat every 7 rows).
  Offerer whole(5);
  Offerer early(5);
  Offerer late(5);
  for (int line = 1; line <= 40; ++line) {
    const std::int64_t ore = (line * 37) % 7 * 100 - 300;
    const std::string ansvar = line % 3 == 0 ? "2210" : "2110";
    const std::string name = "r" + std::to_string(line);
    whole.offer(ansvar, 1, ore, line, name);
    (line <= 23 ? early : late).offer(ansvar, 1, ore, line, name);
  }
  late.kept.absorb(std::move(early.kept));  // the order of merging does not matter either
  const auto merged = late.kept.take().toTransactions();
  const auto single = whole.kept.take().toTransactions();
  EXPECT_EQ(namesOf(merged), namesOf(single));

  // By brute force: all rows of an ansvar by |ore| descending, then line; the first five.
  std::vector<std::string> expected;
  for (const std::string ansvar : {"2110", "2210"}) {
    std::vector<std::pair<std::int64_t, int>> rows;  // (−|ore|, line)
    for (int line = 1; line <= 40; ++line) {
      const std::int64_t ore = (line * 37) % 7 * 100 - 300;
      if ((line % 3 == 0 ? "2210" : "2110") == ansvar) rows.emplace_back(-std::abs(ore), line);
    }
    std::sort(rows.begin(), rows.end());
    for (std::size_t i = 0; i < 5; ++i)
      expected.push_back(ansvar + "/1:r" + std::to_string(rows[i].second));
  }
  EXPECT_EQ(namesOf(single), expected);
}

TEST(LargestTransactions, ZeroBoundKeepsNothing) {
  Offerer o(0);
  o.offer("2110", 1, 100, 2, "a");
  EXPECT_EQ(o.textsCopied, 0);
  EXPECT_TRUE(o.kept.take().toTransactions().empty());
}

}  // namespace
}  // namespace namnd
