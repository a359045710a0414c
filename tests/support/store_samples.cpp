#include "support/store_samples.hpp"

#include <gtest/gtest.h>

#include <utility>

namespace namnd::testing {

std::vector<Row> rowsOf(const Cube& cube) {
  std::vector<Row> rows;
  cube.forEachSorted([&](const CubeCell& c) {
    rows.emplace_back(std::string(c.ansvar), std::string(c.konto), std::string(c.verksamhet),
                      std::string(c.projekt), c.period.code(), std::string(measureName(c.measure)),
                      c.ore);
  });
  return rows;
}

std::vector<HrRow> rowsOf(const HrTable& hours) {
  std::vector<HrRow> rows;
  for (const auto& [key, amount] : hours)
    rows.emplace_back(key.ansvar, key.period.code(), std::string(hrKindName(key.kind)),
                      amount.centihours, amount.ore);
  return rows;
}

HrKey hrKey(const std::string& ansvar, int year, int month, HrKind kind) {
  return HrKey{ansvar, Period(year, month), kind};
}

ImportSummary summary(SourceKind kind, const std::string& path, const std::string& hash) {
  ImportSummary s;
  s.kind = kind;
  s.sourcePath = path;
  s.fileHash = hash;
  return s;
}

PrognosEntry prognos(std::string node, std::int64_t ore, std::string kommentar,
                     std::string atgard) {
  return {std::move(node), ore, std::nullopt, std::move(kommentar), std::move(atgard)};
}

PrognosEntry avvikelse(std::string node, std::int64_t ore, std::string kommentar,
                       std::string atgard) {
  return {std::move(node), std::nullopt, ore, std::move(kommentar), std::move(atgard)};
}

void expectSameEntries(const std::vector<PrognosEntry>& actual,
                       const std::vector<PrognosEntry>& expected) {
  ASSERT_EQ(actual.size(), expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    SCOPED_TRACE("entry " + std::to_string(i));
    EXPECT_EQ(actual[i].node, expected[i].node);
    EXPECT_EQ(actual[i].prognosOre, expected[i].prognosOre);
    EXPECT_EQ(actual[i].avvikelseOre, expected[i].avvikelseOre);
    EXPECT_EQ(actual[i].kommentar, expected[i].kommentar);
    EXPECT_EQ(actual[i].atgard, expected[i].atgard);
  }
}

}  // namespace namnd::testing
