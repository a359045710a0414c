#include "core/run_config.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>

#include "core/errors.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

class ConfigReader {
 public:
  explicit ConfigReader(fs::path file) : file_(std::move(file)), base_(file_.parent_path()) {}

  [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
    throw ConfigError(file_.string() + ": " + (key.empty() ? "" : "\"" + key + "\" ") + problem);
  }

  std::string text(const Object& obj, const std::string& key, bool required = true,
                   const std::string& fallback = "") const {
    if (!obj.has(key) || obj.isNull(key)) {
      if (required) fail(key, "saknas");
      return fallback;
    }
    const auto value = obj.get(key);
    if (!value.isString()) fail(key, "ska vara en text");
    return value.extract<std::string>();
  }

  InputFile file(const std::string& relative) const {
    InputFile input;
    input.displayName = relative;
    input.path = fs::weakly_canonical(base_ / relative);
    return input;
  }

  InputFile existingFile(const std::string& key, const std::string& relative) const {
    InputFile input = file(relative);
    if (!fs::is_regular_file(input.path))
      fail(key, "pekar på " + input.path.string() + " som inte finns");
    return input;
  }

  // A key holding one path, a list of paths, or a list of {"fil": path, …} objects.
  std::vector<InputFile> files(const Object& obj, const std::string& key) const {
    std::vector<InputFile> result;
    if (!obj.has(key)) return result;
    const auto value = obj.get(key);
    if (value.isString()) {
      result.push_back(existingFile(key, value.extract<std::string>()));
      return result;
    }
    const Array::Ptr list = obj.getArray(key);
    if (!list) fail(key, "ska vara en lista med filer");
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto item = list->get(static_cast<unsigned>(i));
      if (item.isString()) {
        result.push_back(existingFile(key, item.extract<std::string>()));
        continue;
      }
      const Object::Ptr entry = list->getObject(static_cast<unsigned>(i));
      if (!entry) fail(key, "element " + std::to_string(i + 1) + " ska vara en filväg");
      InputFile input = existingFile(key, text(*entry, "fil"));
      const std::string periodisation = text(*entry, "periodisering", false, "linjar");
      if (periodisation != "linjar")
        fail(key, "periodisering \"" + periodisation + "\" stöds inte (endast \"linjar\")");
      result.push_back(std::move(input));
    }
    return result;
  }

  const fs::path& base() const { return base_; }

 private:
  fs::path file_;
  fs::path base_;
};

Object::Ptr parseJson(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file.string() + ": konfigurationsfilen kan inte läsas");
  std::stringstream buffer;
  buffer << in.rdbuf();
  try {
    Poco::JSON::Parser parser;
    const auto result = parser.parse(buffer.str());
    Object::Ptr root = result.extract<Object::Ptr>();
    if (!root) throw ConfigError(file.string() + ": konfigurationen ska vara ett JSON-objekt");
    return root;
  } catch (const Poco::BadCastException&) {
    throw ConfigError(file.string() + ": konfigurationen ska vara ett JSON-objekt");
  } catch (const Poco::Exception& e) {
    throw ConfigError(file.string() + ": ogiltig JSON (" + e.message() + ")");
  }
}

}  // namespace

RunConfig loadRunConfig(const fs::path& configFile) {
  const fs::path absolute = fs::weakly_canonical(fs::absolute(configFile));
  const Object::Ptr root = parseJson(absolute);
  const ConfigReader read(absolute);

  RunConfig config;
  config.configPath = absolute;
  config.kommun = read.text(*root, "kommun");
  config.namnd = read.text(*root, "namnd");
  config.forvaltning = read.text(*root, "forvaltning", false);
  config.forfattare = read.text(*root, "forfattare", false);

  const std::string store = read.text(*root, "lager");
  const std::string sqlitePrefix = "sqlite:";
  if (store.rfind(sqlitePrefix, 0) != 0)
    read.fail("lager", "ska börja med \"sqlite:\" (andra lager kommer senare)");
  config.storeUri =
      sqlitePrefix + fs::weakly_canonical(read.base() / store.substr(sqlitePrefix.size())).string();
  config.outputDir = fs::weakly_canonical(read.base() / read.text(*root, "utdata"));
  config.templatesDir = fs::weakly_canonical(read.base() / read.text(*root, "mallar"));
  if (!fs::is_directory(config.templatesDir))
    read.fail("mallar", "pekar på " + config.templatesDir.string() + " som inte är en mapp");

  const std::string rounding = read.text(*root, "avrundning", false, "per_cell");
  if (rounding == "per_cell")
    config.rounding = RoundingMode::PerCell;
  else if (rounding == "additiv")
    config.rounding = RoundingMode::Additive;
  else
    read.fail("avrundning", "ska vara \"per_cell\" eller \"additiv\"");

  const std::string orgShape = "ett objekt med \"fil\", \"nivaer\" och \"rapportniva\"";
  if (!root->has("org")) read.fail("org", "saknas (" + orgShape + ")");
  const Object::Ptr org = root->getObject("org");
  if (!org) read.fail("org", "ska vara " + orgShape);
  config.org = read.existingFile("org.fil", read.text(*org, "fil"));
  const Array::Ptr levels = org->getArray("nivaer");
  if (!levels || levels->size() == 0) read.fail("org.nivaer", "ska vara en lista med nivånamn");
  for (std::size_t i = 0; i < levels->size(); ++i)
    config.levelNames.push_back(levels->get(static_cast<unsigned>(i)).convert<std::string>());
  if (!org->has("rapportniva") || !org->get("rapportniva").isInteger())
    read.fail("org.rapportniva", "ska vara ett heltal");
  config.reportLevel = org->getValue<int>("rapportniva");
  if (config.reportLevel < 1 || config.reportLevel > static_cast<int>(config.levelNames.size()))
    read.fail("org.rapportniva", "ska vara mellan 1 och antalet nivåer");

  config.kontoplan = read.existingFile("kontoplan", read.text(*root, "kontoplan"));
  config.huvudbok = read.files(*root, "huvudbok");
  config.budget = read.files(*root, "budget");
  config.prognos = read.files(*root, "prognos");

  if (const Object::Ptr manad = root->getObject("manadsrapport")) {
    config.manadsrapportPrognos = read.text(*manad, "prognos", false, "senaste");
    if (config.manadsrapportPrognos != "senaste" && config.manadsrapportPrognos != "delar")
      read.fail("manadsrapport.prognos", "ska vara \"senaste\" eller \"delar\"");
  }
  return config;
}

}  // namespace namnd
