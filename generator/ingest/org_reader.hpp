#pragma once
// The org file → a validated OrgTree. Unlike ledger rows, a bad org row cannot be skipped (the
// tree would be wrong), so every problem throws.

#include "core/org_tree.hpp"
#include "ingest/source_file.hpp"

namespace namnd {

// Columns: kod, namn, foralder (empty for the root), niva (1 = top); optional ordning (default:
// the row's position). Throws InputError naming file, line and column.
OrgTree readOrgTree(const SourceFile& file);

}  // namespace namnd
