#pragma once
// The config a report command runs with: the file named by --config, with the output folder
// replaced by --ut when it is given (`namnd kor` writes each run's reports to a folder of its own).

#include "cli/arguments.hpp"
#include "core/run_config.hpp"

namespace namnd {

// Throws UsageError without --config, ConfigError as loadRunConfig.
RunConfig configArgument(const Arguments& arguments);

}  // namespace namnd
