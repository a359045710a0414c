#pragma once
// Which konton in the ledger have no row in the kontoplan: their amounts would be missing from
// any report by cost type (RSUM), so every report says so.

#include <cstdint>
#include <map>
#include <string>

#include "core/account_map.hpp"
#include "core/cube.hpp"

namespace namnd {

// Σ utfall and budget (öre, both measures added) per konto without a kontoplan row, for
// periods in `range`.
std::map<std::string, std::int64_t, std::less<>> unmappedAccounts(const Cube& cube,
                                                                  const AccountMap& accounts,
                                                                  const PeriodRange& range);

}  // namespace namnd
