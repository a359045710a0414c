#pragma once
// The config's "nyckeltal" block (optional):
//
//   "nyckeltal": {
//     "katalog": "nyckeltal-egna.json",     a kommun's own definitions: added, or replacing the
//                                            shipped ones with the same id
//     "grundkatalog": "../nyckeltal.json",  the shipped catalogue; by default
//     templates/nyckeltal.json
//                                            beside the "mallar" folder (the repository layout)
//     "volymer": "volymer.csv",             by default "delarsrapport.volymer"
//     "urval": ["nettokostnad_per_invanare_aldreomsorg"],  shown without --matt; default all
//     "mal": {"sjukfranvaro": 6}            targets in the unit shown, over the catalogue's
//   }

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/exact_rational.hpp"
#include "core/run_config.hpp"
#include "reports/nyckeltal/nyckeltal_catalogue.hpp"

namespace namnd {

struct NyckeltalSettings {
  std::filesystem::path configPath;  // for messages
  std::filesystem::path baseCatalogue;
  std::string baseCatalogueName;  // for messages
  std::optional<InputFile> ownCatalogue;
  std::optional<InputFile> volymer;
  std::string volymerKey;  // the key the volymer came from, or the one to add
  std::vector<std::string> selection;
  std::map<std::string, ExactRational> targets;
};

// The settings from the config's "nyckeltal" block (read and checked by loadRunConfig) and its
// templates folder. Throws ConfigError naming the config file when the base catalogue is missing.
NyckeltalSettings readNyckeltalSettings(const RunConfig& config);

// Refuses a "mal" or "urval" id the loaded catalogue does not define (a misspelt id would
// otherwise drop a target or stop with a usage error): ConfigError naming the config file,
// "nyckeltal.mal" or "nyckeltal.urval", the id and the known ids.
void checkNyckeltalSettings(const NyckeltalSettings& settings, const NyckeltalCatalogue& catalogue);

}  // namespace namnd
