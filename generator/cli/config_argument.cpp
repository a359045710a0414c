#include "cli/config_argument.hpp"

#include <filesystem>

namespace namnd {

RunConfig configArgument(const Arguments& arguments) {
  RunConfig config = loadRunConfig(arguments.required("config"));
  if (const auto ut = arguments.value("ut")) {
    if (ut->empty()) throw UsageError("--ut saknar en mapp");
    config.outputDir = std::filesystem::weakly_canonical(std::filesystem::absolute(*ut));
  }
  return config;
}

}  // namespace namnd
