// The duplicate-row check on a file large enough to use its candidate filter (more than 65 536
// rows): exactly the planted duplicates are found, by line, and nothing else.

#include "ingest/duplicate_rows.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace namnd {
namespace {

TEST(DuplicateRows, FindsExactlyThePlantedDuplicatesAmongManyRows) {
  DuplicateRows rows;
  // 200 000 distinct rows; rows on lines 150 002 and 199 001 repeat lines 2 and 70 000.
  for (int i = 0; i < 200'000; ++i) {
    const int line = i + 2;
    int content = i;
    if (line == 150'002) content = 0;       // same as line 2
    if (line == 199'001) content = 69'998;  // same as line 70 000
    const std::string vernr = "V" + std::to_string(content / 4);
    const std::string amount = std::to_string(content % 997) + ",50";
    const std::string ansvar = std::to_string(1000 + content % 420);
    rows.add(vernr, {vernr, "202501", ansvar, "5110", amount, "text " + std::to_string(content)},
             line);
  }
  const auto lines = rows.report("hb.csv");
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find("Rad 150002 i hb.csv är identisk med rad 2"), std::string::npos)
      << lines[0];
  EXPECT_NE(lines[1].find("Rad 199001 i hb.csv är identisk med rad 70000"), std::string::npos)
      << lines[1];
}

TEST(DuplicateRows, FieldBoundariesCount) {
  DuplicateRows rows;
  rows.add("V1", {"V1", "ab", "c"}, 2);
  rows.add("V1", {"V1", "a", "bc"}, 3);
  rows.add("V1", {"V1", "a", std::string_view("a\0", 2)}, 4);
  rows.add("V1", {"V1", "a", "a"}, 5);
  EXPECT_TRUE(rows.report("f.csv").empty());
}

TEST(DuplicateRows, RowsWithoutVoucherAreNotChecked) {
  DuplicateRows rows;
  rows.add("", {"", "x"}, 2);
  rows.add("", {"", "x"}, 3);
  EXPECT_TRUE(rows.report("f.csv").empty());
}

}  // namespace
}  // namespace namnd
