#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/import_outcome_printer.hpp"
#include "core/run_config.hpp"
#include "store/import_sources.hpp"

namespace namnd {

int runImport(const std::vector<std::string>& args, std::ostream& out) {
  const Arguments arguments(args, {"config"}, {});
  const RunConfig config = loadRunConfig(arguments.required("config"));
  const auto store = openStore(config.storeUri, config.storeScope);
  printImportOutcomes(out, importSources(config, *store));
  return 0;
}

}  // namespace namnd
