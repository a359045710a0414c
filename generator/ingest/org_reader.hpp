#pragma once
// The org file → a validated OrgTree. Unlike ledger rows, a bad org row cannot be skipped (the
// tree would be wrong), so every problem throws.

#include "core/org_tree.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

// Columns: kod, namn, foralder (empty for the root), niva (1 = top); optional ordning (default:
// the row's position), giltig_from and giltig_tom (YYYYMM or YYYY-MM-DD: a version of the node
// for those months). Throws InputError naming file, line and column.
OrgTree readOrgTree(TabularSource& source);

}  // namespace namnd
