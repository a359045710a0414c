#pragma once
// The prognosunderlag: per unit (an enhet, say), the ansvar beneath it with their figures, the
// prognosis given last month, a proposed helårsprognos, and what the enhetschef is asked to
// fill in. The workbook writer (render/xlsx/prognosunderlag_workbook) lays it out; the reader
// (ingest/prognosunderlag_reader) imports it once filled in.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/figures.hpp"
#include "aggregate/prognos_proposal.hpp"
#include "core/cube.hpp"
#include "core/org_tree.hpp"
#include "core/period.hpp"
#include "core/prognos_snapshot.hpp"
#include "core/run_config.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

struct PrognosunderlagRow {
  std::string code;
  std::string name;
  Figures figures;
  // The previous snapshot's prognosis for this ansvar, as a helår deviation (an outcome given
  // there is turned into one with this year's budget helår); none when it gave none.
  std::optional<std::int64_t> previousAvvikelseOre;
  std::string previousKommentar;
  PrognosProposal proposal;
  std::string methodText;
  // The input cells as written: comments carried from the previous snapshot, so that an
  // unchanged comment comes back with the import.
  std::string kommentar;
  std::string atgard;
  // False for the amounts booked directly on a unit that has ansvar beneath it: a prognosis for
  // the unit's own code means the whole unit, so it is given on the unit row instead.
  bool takesPrognosis = true;
};

struct PrognosunderlagUnit {
  std::string code;
  std::string name;
  std::string title;     // "Prognosunderlag Äldreomsorg – Oktober 2025"
  std::string sumLabel;  // "Summa Äldreomsorg"
  std::vector<PrognosunderlagRow> rows;
  Figures total;  // Σ rows
  // The prognosis for the unit as a whole (entries for the unit's own code), when the unit has
  // ansvar beneath it: its figures are the total, its proposal the unit's over the total, its
  // previous prognosis and comments those of the unit-level entry. None for a unit that is
  // itself the only row.
  std::optional<PrognosunderlagRow> wholeUnit;
};

struct Prognosunderlag {
  std::string kommun;
  Period period;
  std::optional<Period> previousPeriod;   // the snapshot the "föregående" columns come from
  std::string subtitle;                   // "Socialnämnden, Färgelanda kommun. Belopp i kronor."
  std::vector<std::string> instructions;  // one line each, Swedish
  // Units with an ansvar row or a previous unit-level prognosis, tree order.
  std::vector<PrognosunderlagUnit> units;
};

struct PrognosunderlagInput {
  std::string kommun;
  std::string namnd;
  Period period;
  const OrgTree* tree = nullptr;   // as of the period
  const Cube* yearCube = nullptr;  // the period's year
  int unitLevel = 0;
  ProposalChoice choice = ProposalChoice::Auto;
  std::optional<PrognosSnapshot> previous;
};

// The level one underlag covers: the configured one, else one below the report level (at most
// the deepest level named in the config).
int prognosunderlagLevel(const RunConfig& config);

// The latest of `periods` in the same year as `period` and before it.
std::optional<Period> previousSnapshotPeriod(const std::vector<Period>& periods, Period period);

// Units are the nodes at input.unitLevel; a unit's rows are the leaves beneath it (the unit
// itself when it is a leaf) that have amounts in the year or a prognosis in the previous
// snapshot, and any node above them with amounts booked on it directly (so every krona of the
// unit is on a row). A unit with ansvar beneath it also has its unit row (wholeUnit), where a
// previous prognosis given for the whole unit is shown; the row of amounts booked directly on
// such a unit takes no prognosis of its own. A previous prognosis for a node that is no row and
// no unit (an intermediate node without amounts) is not shown. Throws ConfigError for a missing
// text.
Prognosunderlag buildPrognosunderlag(const PrognosunderlagInput& input, const ReportTexts& texts);

}  // namespace namnd
