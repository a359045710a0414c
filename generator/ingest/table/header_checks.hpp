#pragma once
// Checks on a matched header that every tabular source makes the same way.

#include "ingest/csv/column_matcher.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

// Throws InputError on the header line when a group of spec.atLeastOneOf has no column:
// "kolumnen period eller datum saknas i rubrikraden".
void checkAtLeastOneOf(const TableSpec& spec, const ColumnMatcher& columns,
                       const std::string& displayName, std::int64_t headerLine);

}  // namespace namnd
