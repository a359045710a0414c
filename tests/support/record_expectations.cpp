#include "support/record_expectations.hpp"

#include <gtest/gtest.h>

#include <string>

namespace namnd::testing {

void expectIdsAgreeWithNames(const Record& r, const TableSpec& spec) {
  for (const ColumnSpec& c : spec.columns) {
    const ColumnId id = spec.id(c.name);
    EXPECT_EQ(id.name, c.name);
    EXPECT_EQ(r.has(id), r.has(c.name)) << c.name;
    EXPECT_EQ(r.text(id), r.text(c.name)) << c.name;
    EXPECT_EQ(r.dateText(id), r.dateText(c.name)) << c.name;
    std::string byIdError, byNameError;
    EXPECT_EQ(r.amountOre(id, &byIdError), r.amountOre(c.name, &byNameError)) << c.name;
    EXPECT_EQ(byIdError, byNameError) << c.name;
    const SourceLocation byId = r.at(id), byName = r.at(c.name);
    EXPECT_EQ(byId.file, byName.file);
    EXPECT_EQ(byId.line, byName.line);
    EXPECT_EQ(byId.column, byName.column) << c.name;
  }
}

}  // namespace namnd::testing
