#pragma once
// What each report of a batch run is made from, hashed, so that a run can tell whether a report
// is already made from exactly these inputs (issue 11: a changed input re-makes only the reports
// that use it). Every report depends on the program, the config, the templates, its command line,
// whether Chromium is there when a PDF is wanted, the organisation and the kontoplan; then on its
// own inputs:
//   månadsrapport, kontroll, prognosunderlag: huvudbok, budget, prognos, hr (what the import
//     brings into the store, and what their checks list), månadsrapport also its comments;
//   delårsrapport: the same and every file of "delarsrapport";
//   nyckeltal: the same and its catalogues and volymer;
//   avvikelser: the registers, hr and the volymer of its under-reporting rule (not the ledger).

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "batch/run_plan.hpp"
#include "core/run_config.hpp"
#include "core/run_record.hpp"

namespace namnd {

// Hashes files and folders once each. A folder's hash covers its files' names and contents (not
// hidden files or Excel's "~$" lock files); a path that does not exist hashes as "saknas", so that
// its appearing later counts as a change.
class InputHasher {
 public:
  std::string hash(const std::filesystem::path& path);

 private:
  std::map<std::filesystem::path, std::string> known_;
};

// The SHA-256 of the running program (/proc/self/exe): a new build makes every report again.
const std::string& programHash();

// The report's inputs with their hashes, in a fixed order, named for the log
// ("huvudbok genererat/huvudbok-2025.csv").
std::vector<RecordedFile> reportInputs(const RunConfig& config, const PlannedReport& report,
                                       InputHasher& hasher);

// The SHA-256 of the names and hashes of `inputs`.
std::string fingerprintOf(const std::vector<RecordedFile>& inputs);

// The names of the inputs that differ between a recorded report and now: changed, new or gone.
std::vector<std::string> changedInputs(const std::vector<RecordedFile>& before,
                                       const std::vector<RecordedFile>& now);

}  // namespace namnd
