#pragma once
// Rolls a year's cube up to the nodes of one org level, keeping every öre accounted for:
// Σ source = Σ reported rows + Σ unmapped codes. The budget is the budget as known at the end of
// the period: a report run again later gives the same figures.

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
  // Σ of every code: January–through for utfall and ack budget; for helår budget the year's
  // budget as known at `through` (revisions valid after it left out, see cell_figures.hpp).
  Figures source;
  // Σ of the revisions valid after `through` (öre): the year's budget in the store is
  // source.helarBudget + laterRevisions.
  std::int64_t laterRevisions = 0;

  // Σ of the codes under `code` (which may be at any level); zero for an unknown code.
  Figures under(const OrgTree& tree, std::string_view code) const;
};

// `yearCube` holds (at least) the whole year of `through`; other periods are ignored. The
// rollup's rows point into `tree`, which must outlive it (so a temporary tree is refused).
OrgRollup rollUpToLevel(const Cube& yearCube, const OrgTree& tree, int level, Period through);
OrgRollup rollUpToLevel(const Cube& yearCube, OrgTree&& tree, int level, Period through) = delete;

}  // namespace namnd
