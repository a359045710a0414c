#pragma once
// Where a volym basis for the under-reporting signal comes from, and whether that file has the
// mått the config names: config problems, told before any report is written.

#include <optional>
#include <string>

#include "core/run_config.hpp"
#include "core/volym_table.hpp"

namespace namnd {

struct UnderReportingVolymerFile {
  InputFile file;
  std::string configKey;  // "avvikelser.volymer" or "delarsrapport.volymer"
};

// The volymer file of a volym basis: "avvikelser.volymer", else "delarsrapport.volymer" (one
// file serves both reports); nullopt when the basis is arbetade timmar. Throws ConfigError when a
// volym basis has neither.
std::optional<UnderReportingVolymerFile> underReportingVolymerFile(const RunConfig& config);

// Throws ConfigError naming the mått, the file and the mått it has when `volymer` (read from
// `file`) has no row of the volym basis's mått. Does nothing for an arbetade-timmar basis.
void requireUnderReportingMeasure(const RunConfig& config, const UnderReportingVolymerFile& file,
                                  const VolymTable& volymer);

}  // namespace namnd
