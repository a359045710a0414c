#pragma once
// The exact amounts (öre) behind the delårsrapport's tables: per RSUM row (konto → row through
// the kontoplan), per ansvarsområde and per enhet beneath it, this year and the same months of
// last year. Last year's cube is rolled up with this period's tree, so an ansvar that moved
// shows under its current parent in both years.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/account_map.hpp"
#include "core/cube.hpp"
#include "core/org_tree.hpp"
#include "core/period.hpp"
#include "core/prognos_snapshot.hpp"
#include "ingest/rsum_prognos_reader.hpp"

namespace namnd {

struct DelarLine {
  std::string name;
  std::string code;              // org code; the row name for an RSUM row
  int level = 0;                 // 0 = area or RSUM row, 1 = enhet beneath its area
  std::int64_t utfallForeg = 0;  // last year, January through the same month
  std::int64_t utfall = 0;       // January through the period
  std::int64_t budget = 0;       // periodised budget, January through the period
  std::int64_t budgetAr = 0;     // the year's budget as known at the period (no later revision)
  // Budget − Prognos for the year (positive = överskott); nullopt when there is no snapshot.
  std::optional<std::int64_t> prognosAvvikelse;
};

struct DelarArea {
  DelarLine line;
  // The enheter beneath, in report order; with a last line for what is posted on the area itself
  // (or forecast for it) when the area has enheter and that is not zero.
  std::vector<DelarLine> units;
};

struct DelarFigures {
  std::vector<DelarLine> rsum;  // kontoplan row order; unmapped konton as a row of their own
  // Σ of the rows' Budget − Prognos (öre) when a prognosis per kostnadsslag was given: the
  // checks compare it with the units' prognosis deviation behind the Nettokostnad row.
  std::optional<std::int64_t> rsumPrognosAvvikelse;
  // The file's prognosperioder when none of them is the snapshot's (its rows are then not used).
  std::vector<Period> rsumPrognosUnused;
  // False when the store has no outcome for last year's same months: those columns stay blank.
  bool hasLastYear = true;
  DelarLine netto;  // Σ areas (= Σ rsum), named "Nettokostnad"
  // Last year's periodised budget nettokostnad for the same months: last year's kommunbidrag.
  std::int64_t kommunbidragForeg = 0;
  std::vector<DelarArea> areas;
  std::optional<Period> snapshotPeriod;
  // Prognosis entries that could not be placed under an area, and last year's codes that this
  // period's tree does not know (their amounts are not in the tables): for the checks.
  std::vector<std::pair<std::string, std::int64_t>> unplacedPrognos;
  std::vector<std::string> unplacedLastYear;
  std::int64_t unplacedLastYearUtfall = 0;
};

struct DelarFiguresInput {
  const Cube& yearCube;      // the period's year
  const Cube& lastYearCube;  // the year before (may be empty)
  const OrgTree& tree;       // as of the period
  const AccountMap& accounts;
  int level = 2;  // the areas' org level; enheter are one below
  Period period;
  const PrognosSnapshot* snapshot = nullptr;  // may be null
  // The nämnd's prognosis per RSUM row (may be null). Only the rows of the snapshot's period are
  // used; for that period every kontoplan row must be there, and no other name anywhere in the
  // file: InputError naming the file, line and column otherwise.
  const std::vector<RsumPrognos>* rsumPrognos = nullptr;
  std::string rsumPrognosFile;  // its display name, for messages
  std::string unmappedRowName = "Ej mappade konton";
  std::string directUnitName = "{omrade} (ej fördelat på enhet)";  // "{omrade}" = area name
};

DelarFigures computeDelarFigures(const DelarFiguresInput& input);

// The latest snapshot period of the period's year at or before it; nullopt when none.
std::optional<Period> chooseDelarSnapshot(const std::vector<Period>& submitted, Period period);

}  // namespace namnd
