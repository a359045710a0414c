#pragma once
// What one cube cell adds to the figures of a report per `through`, the budget as it was known
// at the end of that month: a report for August shows the same helår budget when it is run
// again in December, after a revision valid from October has been imported.

#include "aggregate/figures.hpp"
#include "core/cube.hpp"
#include "core/period.hpp"

namespace namnd {

// `cell` must lie in the year of `through` (callers filter the year).
// - Utfall counts in ack utfall up to `through`.
// - Budget counts in helår budget, and in ack budget up to `through`.
// - BudgetBeslut (a revision's whole amount at its giltig_from) takes a revision valid after
//   `through` back out of the helår budget: its Budget parts all lie after `through`, so ack
//   budget never held them.
inline Figures cellFigures(const CubeCell& cell, Period through) {
  Figures add;
  switch (cell.measure) {
    case Measure::Utfall:
      if (cell.period <= through) add.ackUtfall = cell.ore;
      break;
    case Measure::Budget:
      add.helarBudget = cell.ore;
      if (cell.period <= through) add.ackBudget = cell.ore;
      break;
    case Measure::BudgetBeslut:
      if (through < cell.period) add.helarBudget = -cell.ore;
      break;
  }
  return add;
}

// Σ of the revisions valid after `through` (öre): what the helår budget of the whole year holds
// beyond the budget as known at `through`, for reconciling with the import log.
inline std::int64_t laterRevisionOre(const CubeCell& cell, Period through) {
  return cell.measure == Measure::BudgetBeslut && through < cell.period ? cell.ore : 0;
}

}  // namespace namnd
