#pragma once
// The halvårsrapport avvikelser (notes 004 §3, §5.4) as a Document: the tjänsteskrivelse (signed
// by SAS and MAS), Översikt SoL/LSS over earlier years, per verksamhet and enhet with the
// dominant händelsetyp, händelsetyp shares, HSL per kategori against the same half-year a year
// earlier (fall with unique persons and attributes, läkemedel per enhet over three years),
// externa avvikelser, lex Sarah and lex Maria, under-reporting signals, and the checks.

#include <string>
#include <vector>

#include "core/avvikelse_record.hpp"
#include "core/calendar_date.hpp"
#include "core/hr_hours.hpp"
#include "core/org_tree.hpp"
#include "core/run_config.hpp"
#include "core/volym_table.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

struct AvvikelserInput {
  const RunConfig& config;  // kommun, nämnd and the "avvikelser" block
  DocumentMeta meta;
  HalfYearPeriod period;
  // Every record of every register, all years read (earlier years feed the comparisons);
  // records registered after the period's end are in here too (they are counted in a footnote
  // as belonging to the next report).
  std::vector<AvvikelseRecord> records;
  const OrgTree& tree;  // as of the period's end
  // Arbetade timmar per ansvar for the under-reporting signal (aggregate/avvikelse_units.hpp
  // UnderReportingInput::hours).
  const HrTable* hours = nullptr;
  // The volymer of a volym basis for the under-reporting signal ("avvikelser.underrapportering"
  // with underlag "volym"); nullptr = none.
  const VolymTable* volymer = nullptr;
  // What the readers noted (duplicates counted once …), shown in the check section.
  std::vector<std::string> readerNotes;
  // The register files read, with the optional columns each had (empty: the records' own
  // `columns` and `source` are all there is, as in tests that build records directly).
  std::vector<AvvikelseRegisterFile> registerFiles;
  // Org nodes whose parent differs between the earliest span the report compares per enhet and
  // the period (core/org_tree.hpp orgMoves); their reports of every year are counted where the
  // node is at the period's end, and the tables say so.
  std::vector<OrgMove> orgMoves;
  HalfYearPeriod orgMovesSince;  // the span the moves are measured from
  // Org nodes whose parent changed within the period itself: the per-enhet and share tables
  // count all of their reports of the period where they are at its end, and say so.
  std::vector<OrgMove> orgMovesInPeriod;
};

// Throws ConfigError for a template or config problem.
Document buildAvvikelserReport(const AvvikelserInput& input, const ReportTexts& texts);

}  // namespace namnd
