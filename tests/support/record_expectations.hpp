#pragma once
// A check shared by the CSV and XLSX source tests: reading a record's columns by id must give
// exactly what reading them by name gives (ColumnId is only a faster way to the same cell).

#include "ingest/table/tabular_source.hpp"

namespace namnd::testing {

// Adds a GoogleTest failure for every column of `spec` where the two ways differ.
void expectIdsAgreeWithNames(const Record& record, const TableSpec& spec);

}  // namespace namnd::testing
