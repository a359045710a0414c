#pragma once
// The delårsrapport (and halvårsrapport) as a Document, in the order of the text template's
// "sektioner" (Herrljunga, notes 004 §5.3): tjänsteskrivelse, sammanfattning, budgetram, drift
// (RSUM, per ansvarsområde, kommentarer), investeringar, verksamhetsmått, mål, bilaga per
// ansvarsnivå, kontroller.

#include <optional>
#include <string>
#include <vector>

#include "core/prognos_snapshot.hpp"
#include "core/rounding.hpp"
#include "core/run_config.hpp"
#include "reports/checks/data_quality.hpp"
#include "reports/delarsrapport/delar_figures.hpp"
#include "reports/manadsrapport/commentary.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

struct DelarsrapportInput {
  const RunConfig& config;  // kommun, nämnd, förvaltning and the "delarsrapport" block
  DocumentMeta meta;
  Period period;
  RoundingMode rounding = RoundingMode::PerCell;
  DelarFigures figures;
  // What the check section says about the inputs (its rollup is the areas' rollup of the year).
  DataQualityInput quality;
  const PrognosSnapshot* snapshot = nullptr;  // the one in figures, for the chefs' comments
  ControllerComments comments;
  // The appendix tables, already built (empty = left out).
  std::vector<Section> budgetram;
  std::vector<Section> investeringar;
  std::vector<Section> verksamhetsmatt;
  std::vector<Section> mal;
};

// Every section id the template's "sektioner" may name, in the default order.
const std::vector<std::string>& delarsrapportSectionIds();

// Throws ConfigError for a template or config problem (see tjansteskrivelse.hpp).
Document buildDelarsrapport(const DelarsrapportInput& input, const ReportTexts& texts);

// The placeholders every delårsrapport text may use: {kommun}, {namnd}, {forvaltning},
// {rapport} / {rapport.gemen} (Delårsrapport or Halvårsrapport by the template's
// "rapportnamn"), {per.*} and {foregaende.*} (see core/placeholders.hpp), and for the config's
// texts {per_text} ("30 juni 2025") and {datum} (the tjänsteskrivelse's date).
PlaceholderValues delarsrapportPlaceholders(const RunConfig& config, Period period,
                                            const ReportTexts& texts);

}  // namespace namnd
