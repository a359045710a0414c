#include <ostream>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "core/run_config.hpp"
#include "store/store.hpp"
#include "store/stored_values.hpp"

namespace namnd {

namespace {

// The store a `db` command works on: --lager URI, or the config's "lager".
std::string storeUriOf(const Arguments& arguments) {
  const auto uri = arguments.value("lager");
  const auto config = arguments.value("config");
  if (uri && config) throw UsageError("ange antingen --config eller --lager, inte båda");
  if (uri) return *uri;
  if (config) return loadRunConfig(*config).storeUri;
  throw UsageError("ange --config FIL eller --lager URI");
}

}  // namespace

int runDb(const std::vector<std::string>& args, std::ostream& out) {
  if (args.empty() || (args.front() != "init" && args.front() != "migrate"))
    throw UsageError("ange init eller migrate (namnd db init|migrate --config FIL)");
  const bool init = args.front() == "init";
  const Arguments arguments({args.begin() + 1, args.end()}, {"config", "lager"}, {});
  const std::string uri = storeUriOf(arguments);
  const SchemaChange change =
      changeStoreSchema(uri, init ? SchemaAction::Init : SchemaAction::Migrate);

  const std::string store = redactedStoreUri(uri);
  if (change.from == 0)
    out << "Skapade lagrets schema (version " << change.to << ") i " << store << ".\n";
  else if (change.from == change.to)
    out << "Lagret " << store << " har redan schemaversion " << change.to << "; inget att göra.\n";
  else
    out << "Uppgraderade lagret " << store << " från schemaversion " << change.from << " till "
        << change.to << ".\n";
  return 0;
}

}  // namespace namnd
