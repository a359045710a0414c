#pragma once
// The nämnd's helårsprognos per kostnadsslag (RSUM row): the prognosunderlag gives one net
// prognosis per org node, but the delårsrapport's RSUM table (notes 004 §2.1) shows one per row,
// which the controller sets at nämnd level.
//
// Columns: prognosperiod (YYYYMM: the month the prognosis was set, matched with the report's
// prognosis snapshot), rad (the RSUM row's name as in the kontoplan: "Intäkter" …), and
// prognos (helårsutfall, kr, intäkter negative) or avvikelse (Budget − Prognos for the year, kr;
// positive = överskott), one of the two on each row.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/import_summary.hpp"
#include "core/period.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

struct RsumPrognos {
  Period period;  // prognosperiod
  std::string rad;
  std::optional<std::int64_t> prognosOre;  // exactly one of the two is set
  std::optional<std::int64_t> avvikelseOre;
  SourceLocation where;  // the rad cell, for messages about the name
};

struct RsumPrognosImport {
  ImportSummary summary;          // counts and rejected rows (kind not meaningful: not stored)
  std::vector<RsumPrognos> rows;  // accepted rows in file order
};

// Rejects a row without prognosperiod or rad, with both or neither amount, an unreadable amount or
// a rad given twice for one period
// (file, line, column, Swedish reason). Throws InputError when the source cannot be read or lacks a
// column.
RsumPrognosImport readRsumPrognos(TabularSource& source);

}  // namespace namnd
