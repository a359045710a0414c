#include "reports/nyckeltal/nyckeltal_settings.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/errors.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

}  // namespace

NyckeltalSettings readNyckeltalSettings(const RunConfig& config) {
  const std::string configName = config.configPath.string();
  const auto fail = [&](const std::string& key, const std::string& problem) {
    throw ConfigError(configName + ": \"nyckeltal." + key + "\" " + problem);
  };
  NyckeltalSettings settings;
  // The shipped catalogue lives with the templates (the config's "mallar"), which a kommun
  // copies and adapts as one folder. Named by its place there, not as an absolute local path:
  // the Definitioner table is a public document and reads the same in every checkout.
  settings.baseCatalogue = config.templatesDir / "nyckeltal.json";
  settings.baseCatalogueName = "mallarnas nyckeltal.json";
  settings.volymer = config.delarsrapport.volymer;
  settings.volymerKey = "nyckeltal.volymer";
  if (settings.volymer) settings.volymerKey = "delarsrapport.volymer";

  std::ifstream in(config.configPath, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  Object::Ptr block;
  try {
    const Object::Ptr root = Poco::JSON::Parser().parse(bytes.str()).extract<Object::Ptr>();
    if (!root->has("nyckeltal") || root->isNull("nyckeltal")) {
      if (!fs::is_regular_file(settings.baseCatalogue))
        throw ConfigError(configName + ": nyckeltalskatalogen " + settings.baseCatalogueName +
                          " finns inte; ange den med \"nyckeltal\": {\"grundkatalog\": \"…\"}");
      return settings;
    }
    block = root->getObject("nyckeltal");
    if (!block) throw ConfigError(configName + ": \"nyckeltal\" ska vara ett objekt");

    const fs::path base = config.configPath.parent_path();
    const auto file = [&](const std::string& key) -> std::optional<InputFile> {
      if (!block->has(key) || block->isNull(key)) return std::nullopt;
      if (!block->get(key).isString())
        fail(key, "ska vara en filväg (relativ till konfigurationsfilen)");
      InputFile input;
      input.displayName = block->getValue<std::string>(key);
      input.path = fs::weakly_canonical(base / input.displayName);
      if (!fs::is_regular_file(input.path))
        fail(key, "pekar på " + input.path.string() + " som inte finns");
      return input;
    };
    if (const auto grund = file("grundkatalog")) {
      settings.baseCatalogue = grund->path;
      settings.baseCatalogueName = grund->displayName;
    }
    settings.ownCatalogue = file("katalog");
    if (const auto volymer = file("volymer")) {
      settings.volymer = volymer;
      settings.volymerKey = "nyckeltal.volymer";
    }
    if (block->has("urval")) {
      const Array::Ptr list = block->getArray("urval");
      if (!list) fail("urval", "ska vara en lista med nyckeltalens id");
      for (unsigned i = 0; i < list->size(); ++i) {
        if (!list->get(i).isString())
          fail("urval", "element " + std::to_string(i + 1) + " ska vara ett id");
        settings.selection.push_back(list->get(i).extract<std::string>());
      }
    }
    if (block->has("mal")) {
      const Object::Ptr targets = block->getObject("mal");
      if (!targets) fail("mal", "ska vara ett objekt {\"id\": mål}");
      for (const auto& [id, value] : *targets) {
        if (!value.isNumeric()) fail("mal." + id, "ska vara ett tal (i nyckeltalets enhet)");
        const double number = value.convert<double>();
        if (!std::isfinite(number) || std::fabs(number) > 1e12)
          fail("mal." + id, "är inget rimligt tal");
        settings.targets.emplace(id,
                                 *ExactRational::fraction(std::llround(number * 1e6), 1'000'000));
      }
    }
  } catch (const Poco::Exception& e) {
    throw ConfigError(configName + ": \"nyckeltal\" kan inte läsas (" + e.displayText() + ")");
  } catch (const fs::filesystem_error& e) {
    throw ConfigError(configName + ": \"nyckeltal\": sökvägen " + e.path1().string() +
                      " kan inte användas");
  }
  if (!fs::is_regular_file(settings.baseCatalogue))
    throw ConfigError(configName + ": nyckeltalskatalogen " + settings.baseCatalogueName +
                      " finns inte; ange den med \"nyckeltal\": {\"grundkatalog\": \"…\"}");
  return settings;
}

}  // namespace namnd
