#pragma once
// One run of `namnd kor` in this process: a config, a period and its reports. Imports what
// changed, resolves "senast_stangda", and makes each report through its own command unless the
// run folder's record shows it made from exactly the same inputs; the record is updated after each
// report. A report that fails does not stop the others.

#include <filesystem>
#include <ostream>

#include "batch/job_file.hpp"
#include "batch/run_result.hpp"
#include "core/period.hpp"

namespace namnd {

struct RunOptions {
  bool force = false;   // --tvinga: make every report, unchanged or not
  bool pdf = false;     // --pdf or the job's "pdf"
  bool dryRun = false;  // --torrkorning: import nothing, write nothing, say what would be made
  Period currentMonth{2000, 1};  // for "senast_stangda"
};

// Never throws for a user error: the result carries it. `log` gets what the commands print.
RunResult makeRun(const JobRun& run, const std::filesystem::path& outputRoot,
                  const RunOptions& options, std::ostream& log);

}  // namespace namnd
