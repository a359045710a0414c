#pragma once
// The kontoplan file (konto ranges → report rows) → an AccountMap. Every problem throws.

#include "core/account_map.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

// Columns: konto_fran, konto_till, rad. Throws InputError naming file, line and column.
AccountMap readAccountMap(TabularSource& source);

}  // namespace namnd
