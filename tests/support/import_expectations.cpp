#include "support/import_expectations.hpp"

#include <gtest/gtest.h>

namespace namnd::testing {

std::vector<std::string> cells(const Cube& cube, Measure measure) {
  std::vector<std::string> result;
  cube.forEachSorted([&](const CubeCell& c) {
    EXPECT_EQ(c.measure, measure);
    result.push_back(std::string(c.ansvar) + "|" + std::string(c.konto) + "|" +
                     std::string(c.verksamhet) + "|" + std::string(c.projekt) + "|" +
                     c.period.toString() + "=" + std::to_string(c.ore));
  });
  return result;
}

void PrintTo(const Rejection& r, std::ostream* os) {
  *os << r.file << " rad " << r.line << " kolumn [" << r.column << "]";
}

std::vector<Rejection> rejections(const ImportSummary& summary) {
  std::vector<Rejection> result;
  for (const RejectedRow& row : summary.rejected) {
    EXPECT_FALSE(row.reason.empty());
    result.push_back({row.where.file, row.where.line, row.where.column});
  }
  return result;
}

}  // namespace namnd::testing
