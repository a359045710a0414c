#include "ingest/table/header_checks.hpp"

namespace namnd {

void checkAtLeastOneOf(const TableSpec& spec, const ColumnMatcher& columns,
                       const std::string& displayName, std::int64_t headerLine) {
  for (const auto& group : spec.atLeastOneOf) {
    bool present = false;
    std::string names;
    for (std::size_t i = 0; i < group.size(); ++i) {
      present |= columns.has(group[i]);
      names += (i == 0 ? "" : i + 1 == group.size() ? " eller " : ", ") + group[i];
    }
    if (!present)
      throw InputError({displayName, headerLine, ""},
                       "kolumnen " + names + " saknas i rubrikraden");
  }
}

}  // namespace namnd
