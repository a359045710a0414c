#include "reports/nyckeltal/nyckeltal_settings.hpp"

#include <cmath>

#include "core/errors.hpp"

namespace namnd {

NyckeltalSettings readNyckeltalSettings(const RunConfig& config) {
  const NyckeltalConfig& block = config.nyckeltal;
  NyckeltalSettings settings;
  settings.configPath = config.configPath;
  // The shipped catalogue lives with the templates (the config's "mallar"), which a kommun
  // copies and adapts as one folder. Named by its place there, not as an absolute local path:
  // the Definitioner table is a public document and reads the same in every checkout.
  settings.baseCatalogue = config.templatesDir / "nyckeltal.json";
  settings.baseCatalogueName = "mallarnas nyckeltal.json";
  if (block.grundkatalog) {
    settings.baseCatalogue = block.grundkatalog->path;
    settings.baseCatalogueName = block.grundkatalog->displayName;
  }
  settings.ownCatalogue = block.katalog;
  settings.volymer = config.delarsrapport.volymer;
  settings.volymerKey = settings.volymer ? "delarsrapport.volymer" : "nyckeltal.volymer";
  if (block.volymer) {
    settings.volymer = block.volymer;
    settings.volymerKey = "nyckeltal.volymer";
  }
  settings.selection = block.urval;
  // Within ±1e12 (run_config checks it), a target in millionths is exact enough and fits.
  for (const auto& [id, number] : block.mal)
    settings.targets.emplace(id, *ExactRational::fraction(std::llround(number * 1e6), 1'000'000));

  if (!std::filesystem::is_regular_file(settings.baseCatalogue))
    throw ConfigError(config.configPath.string() + ": nyckeltalskatalogen " +
                      settings.baseCatalogueName +
                      " finns inte; ange den med \"nyckeltal\": {\"grundkatalog\": \"…\"}");
  return settings;
}

void checkNyckeltalSettings(const NyckeltalSettings& settings,
                            const NyckeltalCatalogue& catalogue) {
  const auto refuse = [&](const std::string& key, const std::string& id) {
    std::string known;
    for (const auto& d : catalogue.definitions()) known += (known.empty() ? "" : ", ") + d.id;
    throw ConfigError(settings.configPath.string() + ": \"" + key + "\": nyckeltalet \"" + id +
                      "\" finns inte i katalogen (kända: " + known + ")");
  };
  for (const auto& [id, target] : settings.targets)
    if (!catalogue.find(id)) refuse("nyckeltal.mal", id);
  for (const std::string& id : settings.selection)
    if (!catalogue.find(id)) refuse("nyckeltal.urval", id);
}

}  // namespace namnd
