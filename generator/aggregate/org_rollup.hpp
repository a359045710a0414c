#pragma once
// Rolls a year's cube up to the nodes of one org level, keeping every öre accounted for:
// Σ source = Σ reported rows + Σ unmapped codes.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "aggregate/figures.hpp"
#include "core/cube.hpp"
#include "core/org_tree.hpp"
#include "core/period.hpp"

namespace namnd {

struct OrgRollup {
  Period through;
  int level = 0;
  std::map<std::string, Figures, std::less<>> byCode;         // every ledger/budget code seen
  std::vector<std::pair<const OrgNode*, Figures>> rows;       // nodes at `level`, report order
  Figures reported;                                           // Σ rows
  std::map<std::string, Figures, std::less<>> unmappedCodes;  // codes under no node at `level`
  Figures unmapped;                                           // Σ unmappedCodes
  Figures source;  // Σ of every code: the year's budget, January–through for utfall

  // Σ of the codes under `code` (which may be at any level); zero for an unknown code.
  Figures under(const OrgTree& tree, std::string_view code) const;
};

// `yearCube` holds (at least) the whole year of `through`; other periods are ignored. The
// rollup's rows point into `tree`, which must outlive it (so a temporary tree is refused).
OrgRollup rollUpToLevel(const Cube& yearCube, const OrgTree& tree, int level, Period through);
OrgRollup rollUpToLevel(const Cube& yearCube, OrgTree&& tree, int level, Period through) = delete;

}  // namespace namnd
