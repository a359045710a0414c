#pragma once
// The delårsrapport's tables that come from inputs of their own rather than from the ledger
// alone: Investeringar (projects in groups, utfall from the ledger's projekt), Budgetram changes
// (Lönepott, Kapitalkostnadspott …) and Verksamhetsmått och mål (målområde → nämndsmål →
// mätetal, mixed cells and footnote markers).

#include <optional>
#include <vector>

#include "core/cube.hpp"
#include "core/period.hpp"
#include "core/rounding.hpp"
#include "core/run_config.hpp"
#include "reports/delarsrapport/goal_values.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

struct DelarAppendixInput {
  Period per;  // the last month of the report (202508 for "per 2025-08-31")
  RoundingMode rounding = RoundingMode::PerCell;
  const Cube& yearCube;                    // the report's year: utfall per projekt comes from here
  std::optional<InputFile> investeringar;  // none: no Investeringar section
  std::optional<InputFile> budgetram;      // none: no Budgetram section
  std::optional<InputFile> mal;            // none: no Mål section
  // The same file shape as `mal` (see ingest/goal_reader.hpp), shown as one table with a group
  // row per område. none: no Verksamhetsmått section.
  std::optional<InputFile> verksamhetsmatt = std::nullopt;
  // Where computed mätetal (a `berakning` column) get their values; no table: each such cell
  // shows "–" with a footnote.
  GoalVolymer volymer = {};
};

// The sections in document order (Ekonomi: budgetram; Investeringar: table + per-project
// comments; Mål: tables with footnotes). Budgetram and Investeringar end with a CheckSection
// ("budgetram_kontroller", "investeringar_kontroller") of their table's checks, which the report
// moves under its Kontroller (see delar_table_checks.hpp). `texts` is
// templates/text/delarsrapport-bilagor.json. Throws InputError (file, line, column) for a bad input
// row and ConfigError for templates.
std::vector<Section> buildBudgetramSections(const DelarAppendixInput& input,
                                            const ReportTexts& texts);
std::vector<Section> buildInvesteringarSections(const DelarAppendixInput& input,
                                                const ReportTexts& texts);
// Mål and Verksamhetsmått och nyckeltal (one table, "verksamhetsmatt"), empty without their
// input: computed cells are filled first (goal_values.hpp), and their checks follow as a
// CheckSection ("mal_kontroller", "verksamhetsmatt_kontroller") when there are any.
std::vector<Section> buildMalSections(const DelarAppendixInput& input, const ReportTexts& texts);
std::vector<Section> buildVerksamhetsmattSections(const DelarAppendixInput& input,
                                                  const ReportTexts& texts);

}  // namespace namnd
