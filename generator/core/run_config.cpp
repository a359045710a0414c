#include "core/run_config.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>

#include <cmath>
#include <sstream>

#include "core/category_name.hpp"
#include "core/errors.hpp"
#include "core/json_file.hpp"
#include "core/ledger_transaction.hpp"
#include "core/publication_policy.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

std::string formatLimit(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

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

  // A number in [min, max]; `fallback` when the key is absent. `label` names the key in
  // messages when it sits inside a block.
  double number(const Object& obj, const std::string& key, double min, double max, double fallback,
                const std::string& label = "") const {
    const std::string& name = label.empty() ? key : label;
    if (!obj.has(key) || obj.isNull(key)) return fallback;
    const auto value = obj.get(key);
    if (!value.isNumeric()) fail(name, "ska vara ett tal");
    const double result = value.convert<double>();
    if (!(result >= min && result <= max))
      fail(name, "ska vara mellan " + formatLimit(min) + " och " + formatLimit(max));
    return result;
  }

  // A whole number in [min, max]; `fallback` when the key is absent.
  int integer(const Object& obj, const std::string& key, int min, int max, int fallback,
              const std::string& label) const {
    if (!obj.has(key) || obj.isNull(key)) return fallback;
    if (!obj.get(key).isInteger())
      fail(label,
           "ska vara ett heltal mellan " + std::to_string(min) + " och " + std::to_string(max));
    return static_cast<int>(number(obj, key, min, max, fallback, label));
  }

  // Whole kronor or kronor with öre, as öre.
  std::int64_t kronor(const Object& obj, const std::string& key) const {
    return *configKronorAsOre(number(obj, key, 0, kMaxConfigKronor, 0));
  }

  InputFile existingFile(const std::string& key, const std::string& relative) const {
    InputFile input = file(relative);
    if (!fs::is_regular_file(input.path))
      fail(key, "pekar på " + input.path.string() + " som inte finns");
    return input;
  }

  // A key holding one path, a list of paths, or a list of {"fil": path, …} objects. `label`
  // names the key in messages when it sits inside a block ("avvikelser.register").
  std::vector<InputFile> files(const Object& obj, const std::string& key,
                               const std::map<std::string, PeriodisationKey>& keys,
                               const std::string& label = "") const {
    const std::string& name = label.empty() ? key : label;
    std::vector<InputFile> result;
    if (!obj.has(key)) return result;
    const auto value = obj.get(key);
    if (value.isString()) {
      result.push_back(existingFile(name, value.extract<std::string>()));
      return result;
    }
    const Array::Ptr list = obj.getArray(key);
    if (!list) fail(name, "ska vara en lista med filer");
    for (unsigned i = 0; i < list->size(); ++i) {
      const auto item = list->get(i);
      if (item.isString()) {
        result.push_back(existingFile(name, item.extract<std::string>()));
        continue;
      }
      const Object::Ptr entry = list->getObject(i);
      if (!entry)
        fail(name, "element " + std::to_string(i + 1) + " ska vara en filväg eller ett objekt");
      result.push_back(fileEntry(*entry, key, keys, label));
    }
    return result;
  }

  InputFile fileEntry(const Object& entry, const std::string& key,
                      const std::map<std::string, PeriodisationKey>& keys,
                      const std::string& label = "") const {
    const std::string& name = label.empty() ? key : label;
    const std::string format = text(entry, "format", false);
    const bool underlag = format == "prognosunderlag" && key == "prognos";
    InputFile input = underlag ? file(text(entry, "fil")) : existingFile(name, text(entry, "fil"));
    if (underlag && !fs::exists(input.path))
      fail(name, "pekar på " + input.path.string() + " som inte finns");
    const std::string where = name + " (" + input.displayName + ")";
    input.format = format;
    if (!input.format.empty() && input.format != "csv" && input.format != "xlsx" &&
        input.format != "sie" && !underlag)
      fail(where + ".format", key == "prognos"
                                  ? "ska vara \"csv\", \"xlsx\", \"sie\" eller \"prognosunderlag\""
                                  : "ska vara \"csv\", \"xlsx\" eller \"sie\"");
    input.sheet = text(entry, "blad", false);
    if (entry.has("kolumner")) {
      const Object::Ptr columns = entry.getObject("kolumner");
      if (!columns) fail(where + ".kolumner", "ska vara ett objekt {\"kolumn\": \"rubrik\"}");
      for (const auto& [canonical, header] : *columns) {
        if (!header.isString()) fail(where + ".kolumner." + canonical, "ska vara en text");
        input.columns.emplace_back(canonical, header.extract<std::string>());
      }
    }
    const std::string periodisation = text(entry, "periodisering", false, "linjar");
    if (periodisation != "linjar") {
      const auto found = keys.find(periodisation);
      if (found == keys.end())
        fail(where + ".periodisering", "\"" + periodisation +
                                           "\" är varken \"linjar\" eller en nyckel i "
                                           "\"periodiseringsnycklar\"");
      input.periodisation = found->second;
    }
    if (entry.has("sie")) {
      const Object::Ptr sie = entry.getObject("sie");
      if (!sie) fail(where + ".sie", "ska vara ett objekt {\"ansvar\": 1, …}");
      for (const auto& [name, dim] : *sie) {
        if (name != "ansvar" && name != "verksamhet" && name != "projekt")
          fail(where + ".sie." + name, "ska vara ansvar, verksamhet eller projekt");
        // Range-checked as a double: convert<int> throws Poco::RangeException beyond int.
        if (!dim.isInteger() || !(dim.convert<double>() >= 0 && dim.convert<double>() <= 99))
          fail(where + ".sie." + name, "ska vara ett SIE-dimensionsnummer (0 = används inte)");
        input.sieDimensions[name] = dim.convert<int>();
      }
    }
    return input;
  }

  // "periodiseringsnycklar": {"namn": [12 weights]}.
  std::map<std::string, PeriodisationKey> periodisationKeys(const Object& root) const {
    std::map<std::string, PeriodisationKey> keys;
    if (!root.has("periodiseringsnycklar")) return keys;
    const Object::Ptr object = root.getObject("periodiseringsnycklar");
    if (!object) fail("periodiseringsnycklar", "ska vara ett objekt {\"namn\": [12 vikter]}");
    for (const auto& [name, value] : *object) {
      const std::string where = "periodiseringsnycklar." + name;
      const Array::Ptr weights = object->getArray(name);
      if (!weights || weights->size() != 12) fail(where, "ska vara en lista med 12 vikter");
      PeriodisationKey key;
      key.name = name;
      for (unsigned m = 0; m < 12; ++m) {
        const auto weight = weights->get(m);
        if (!weight.isNumeric()) fail(where, "vikt " + std::to_string(m + 1) + " ska vara ett tal");
        const double w = weight.convert<double>();
        if (!(w >= 0 && w <= 1e6))
          fail(where, "vikt " + std::to_string(m + 1) + " ska vara 0–1 000 000");
        // Weights are proportions, not money: thousandths are exact enough.
        key.weights[m] = static_cast<std::int64_t>(w * 1000.0 + 0.5);
      }
      keys.emplace(name, key);
    }
    return keys;
  }

  // A text or a list of texts, as a list; absent = empty.
  std::vector<std::string> texts(const Object& obj, const std::string& key,
                                 const std::string& where) const {
    std::vector<std::string> result;
    if (!obj.has(key) || obj.isNull(key)) return result;
    const auto value = obj.get(key);
    if (value.isString()) {
      result.push_back(value.extract<std::string>());
      return result;
    }
    const Array::Ptr list = obj.getArray(key);
    if (!list) fail(where, "ska vara en text eller en lista med texter");
    for (unsigned i = 0; i < list->size(); ++i) {
      const auto item = list->get(i);
      if (!item.isString()) fail(where, "element " + std::to_string(i + 1) + " ska vara en text");
      result.push_back(item.extract<std::string>());
    }
    return result;
  }

  const fs::path& base() const { return base_; }

 private:
  fs::path file_;
  fs::path base_;
};

// The tjänsteskrivelse fields of a report block; emptiness is checked when the report is made.
void readTjansteskrivelse(const ConfigReader& read, const Object& block, const std::string& key,
                          TjansteskrivelseSettings& d) {
  d.present = true;
  d.block = key;
  d.handlaggare = read.text(block, "handlaggare", false);
  d.handlaggareTitel = read.text(block, "handlaggare_titel", false);
  d.datum = read.text(block, "datum", false);
  d.diarienummer = read.text(block, "diarienummer", false);
  d.rubrik = read.text(block, "rubrik", false);
  d.beslutsunderlag = read.texts(block, "beslutsunderlag", key + ".beslutsunderlag");
  d.forslagTillBeslut = read.texts(block, "forslag_till_beslut", key + ".forslag_till_beslut");
  d.expedierasTill = read.texts(block, "expedieras_till", key + ".expedieras_till");
  if (!block.has("underskrifter")) return;
  const Array::Ptr list = block.getArray("underskrifter");
  if (!list) read.fail(key + ".underskrifter", "ska vara en lista med {\"namn\", \"titel\"}");
  for (unsigned i = 0; i < list->size(); ++i) {
    const Object::Ptr signer = list->getObject(i);
    const std::string where = key + ".underskrifter[" + std::to_string(i + 1) + "]";
    if (!signer) read.fail(where, "ska vara ett objekt {\"namn\", \"titel\"}");
    d.signers.push_back({read.text(*signer, "namn", false), read.text(*signer, "titel", false)});
  }
}

// One map of "avvikelser.taxonomi" ({source name: report name}), keys folded. `allowed` lists
// the report names the map may use (folded name → the name stored), empty = any non-empty text.
std::map<std::string, std::string> readTaxonomyMap(
    const ConfigReader& read, const Object& taxonomy, const std::string& key,
    const std::map<std::string, std::string>& allowed, const std::string& allowedText) {
  std::map<std::string, std::string> result;
  if (!taxonomy.has(key) || taxonomy.isNull(key)) return result;
  const std::string where = "avvikelser.taxonomi." + key;
  const Object::Ptr map = taxonomy.getObject(key);
  if (!map) read.fail(where, "ska vara ett objekt {\"namn i exporten\": \"namn i rapporten\"}");
  for (const auto& [source, target] : *map) {
    const std::string entry = where + "." + source;
    const std::string folded = foldCategoryName(source);
    if (folded.empty()) read.fail(entry, "namnet i exporten får inte vara tomt");
    if (!target.isString()) read.fail(entry, "ska vara en text");
    std::string name = target.extract<std::string>();
    if (allowed.empty()) {
      // The report's own name as written, without stray spaces at the ends.
      const auto first = name.find_first_not_of(" \t");
      const auto last = name.find_last_not_of(" \t");
      name = first == std::string::npos ? "" : name.substr(first, last - first + 1);
      if (name.empty()) read.fail(entry, "ska vara ett namn i rapporten, inte en tom text");
    } else {
      const auto found = allowed.find(foldCategoryName(name));
      if (found == allowed.end()) read.fail(entry, "\"" + name + "\" ska vara " + allowedText);
      name = found->second;
    }
    const auto [at, inserted] = result.emplace(folded, name);
    if (!inserted && at->second != name)
      read.fail(entry, "\"" + source + "\" finns redan (skrivet på annat sätt) med \"" +
                           at->second + "\"");
  }
  return result;
}

// "nyckeltal": its keys are named "nyckeltal.<key>" in messages, as the command always named them.
void readNyckeltal(const ConfigReader& read, const Object& root, NyckeltalConfig& n) {
  if (!root.has("nyckeltal") || root.isNull("nyckeltal")) return;
  const Object::Ptr block = root.getObject("nyckeltal");
  if (!block) read.fail("nyckeltal", "ska vara ett objekt");
  n.present = true;
  const auto fail = [&](const std::string& key, const std::string& problem) {
    read.fail("nyckeltal." + key, problem);
  };
  // A misspelt key ("mål", "katalogen") would otherwise be ignored silently.
  for (const auto& [key, value] : *block)
    if (!key.starts_with('_') && key != "grundkatalog" && key != "katalog" && key != "volymer" &&
        key != "urval" && key != "mal")
      fail(key,
           "är ingen känd nyckel (kända: grundkatalog, katalog, volymer, urval, mal; nycklar "
           "som börjar med \"_\" är kommentarer)");
  const auto file = [&](const std::string& key) -> std::optional<InputFile> {
    if (!block->has(key) || block->isNull(key)) return std::nullopt;
    if (!block->get(key).isString())
      fail(key, "ska vara en filväg (relativ till konfigurationsfilen)");
    return read.existingFile("nyckeltal." + key, block->getValue<std::string>(key));
  };
  n.grundkatalog = file("grundkatalog");
  n.katalog = file("katalog");
  n.volymer = file("volymer");
  if (block->has("urval")) {
    const Array::Ptr list = block->getArray("urval");
    if (!list) fail("urval", "ska vara en lista med nyckeltalens id");
    for (unsigned i = 0; i < list->size(); ++i) {
      if (!list->get(i).isString())
        fail("urval", "element " + std::to_string(i + 1) + " ska vara ett id");
      n.urval.push_back(list->get(i).extract<std::string>());
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
      n.mal.emplace(id, number);
    }
  }
}

void readAvvikelser(const ConfigReader& read, const Object& block, int levels,
                    AvvikelserSettings& a) {
  readTjansteskrivelse(read, block, "avvikelser", a);
  if (!block.has("register") || block.isNull("register"))
    read.fail("avvikelser.register",
              "saknas (en fil eller en lista med filer, var och en en filväg eller "
              "{\"fil\", \"blad\", \"kolumner\"})");
  a.registers = read.files(block, "register", {}, "avvikelser.register");
  if (a.registers.empty()) read.fail("avvikelser.register", "ska ha minst en fil");
  for (const InputFile& input : a.registers)
    if (input.format == "sie")
      read.fail("avvikelser.register (" + input.displayName + ").format",
                "ska vara \"csv\" eller \"xlsx\"");

  if (block.has("taxonomi") && !block.isNull("taxonomi")) {
    const Object::Ptr taxonomy = block.getObject("taxonomi");
    if (!taxonomy) read.fail("avvikelser.taxonomi", "ska vara ett objekt");
    for (const auto& [key, value] : *taxonomy)
      if (key != "typ" && key != "lagrum" && key != "kategori" && key != "handelsetyp" &&
          key != "riktning" && key != "status")
        read.fail("avvikelser.taxonomi." + key,
                  "är okänd (typ, lagrum, kategori, handelsetyp, riktning eller status)");
    AvvikelseTaxonomy& t = a.taxonomy;
    t.typ = readTaxonomyMap(read, *taxonomy, "typ",
                            {{"avvikelse", "avvikelse"},
                             {"klagomal", "klagomal"},
                             {"lex_sarah", "lex_sarah"},
                             {"lex_maria", "lex_maria"},
                             {"extern", "extern"}},
                            "avvikelse, klagomal, lex_sarah, lex_maria eller extern");
    t.lagrum =
        readTaxonomyMap(read, *taxonomy, "lagrum", {{"sol", "SoL"}, {"lss", "LSS"}, {"hsl", "HSL"}},
                        "SoL, LSS eller HSL");
    t.kategori = readTaxonomyMap(read, *taxonomy, "kategori", {}, "");
    t.handelsetyp = readTaxonomyMap(read, *taxonomy, "handelsetyp", {}, "");
    t.riktning = readTaxonomyMap(read, *taxonomy, "riktning", {{"till", "till"}, {"fran", "fran"}},
                                 "till eller fran");
    t.status = readTaxonomyMap(read, *taxonomy, "status", {}, "");
  }

  a.personThreshold =
      read.integer(block, "personer_minst", 1, 1000, 5, "avvikelser.personer_minst");
  a.earlierYears = read.integer(block, "jamforelsear", 0, 10, 3, "avvikelser.jamforelsear");
  if (block.has("underrapportering") && !block.isNull("underrapportering")) {
    const std::string key = "avvikelser.underrapportering";
    const Object::Ptr under = block.getObject("underrapportering");
    if (!under)
      read.fail(key,
                "ska vara ett objekt {\"underlag\": \"arbetade_timmar\" eller \"volym\", \"matt\", "
                "\"minst\", \"per\"} eller {\"minst_per_10000_timmar\": tal}");
    for (const auto& [name, value] : *under)
      if (name != "underlag" && name != "matt" && name != "namn" && name != "summeras" &&
          name != "minst" && name != "per" && name != "minst_per_10000_timmar")
        read.fail(key + "." + name,
                  "är okänd (underlag, matt, namn, summeras, minst, per eller "
                  "minst_per_10000_timmar)");
    const bool shortForm = under->has("minst_per_10000_timmar");
    if (shortForm) {
      for (const char* name : {"underlag", "matt", "namn", "summeras", "minst", "per"})
        if (under->has(name))
          read.fail(key + "." + name,
                    "kan inte kombineras med \"minst_per_10000_timmar\" (den korta formen betyder "
                    "underlag \"arbetade_timmar\" per 10000)");
      a.minPerTenThousandHours =
          read.number(*under, "minst_per_10000_timmar", 0, 1e6, 0, key + ".minst_per_10000_timmar");
    } else {
      const auto textOf = [&](const char* name, const std::string& fallback) {
        if (!under->has(name) || under->isNull(name)) return fallback;
        if (!under->get(name).isString()) read.fail(key + "." + name, "ska vara en text");
        return under->getValue<std::string>(name);
      };
      UnderReportingRule rule;
      const std::string basis = textOf("underlag", "arbetade_timmar");
      if (basis == "volym") {
        rule.basis = UnderReportingRule::Basis::Volym;
      } else if (basis != "arbetade_timmar") {
        read.fail(key + ".underlag",
                  "\"" + basis + "\" är okänt: ska vara \"arbetade_timmar\" eller \"volym\"");
      }
      const bool volym = rule.basis == UnderReportingRule::Basis::Volym;
      if (volym) {
        if (!under->has("matt") || under->isNull("matt"))
          read.fail(key + ".matt",
                    "saknas: underlag \"volym\" behöver måttet i volymerna som enheternas storlek "
                    "mäts i (t.ex. \"brukare\")");
        const std::string written = textOf("matt", "");
        // Folded as the volymer reader folds a mått (core/volym_table.hpp volymMeasureCode).
        const std::optional<std::string> code = foldToAsciiCode(written, true);
        if (!code || code->empty())
          read.fail(key + ".matt", "\"" + written +
                                       "\" är inget måttnamn (bokstäver, siffror, mellanslag "
                                       "och bindestreck)");
        rule.matt = *code;
        // The report writes the mått as the user did ("anställda"), never as its folded code.
        rule.name = textOf("namn", written);
      } else {
        for (const char* name : {"matt", "namn", "summeras"})
          if (under->has(name)) read.fail(key + "." + name, "gäller bara underlag \"volym\"");
      }
      if (under->has("summeras") && !under->isNull("summeras")) {
        if (!under->get("summeras").isBoolean())
          read.fail(key + ".summeras",
                    "ska vara true (ett flöde som summeras över månaderna) eller false (ett "
                    "bestånd, medelvärdet av månaderna)");
        rule.summeras = under->getValue<bool>("summeras");
      }
      if (!under->has("minst") || under->isNull("minst"))
        read.fail(key + ".minst", "saknas: färre avvikelser än så per \"per\" flaggas");
      rule.minst = read.number(*under, "minst", 0, 100'000, 0, key + ".minst");
      // Any number is read, so that 0 and below get the message that says what "per" is.
      rule.per = read.number(*under, "per", -1e300, 1e300, volym ? 100 : 10'000, key + ".per");
      if (!(rule.per > 0))
        read.fail(key + ".per",
                  "ska vara större än 0 (\"minst\" avvikelser per så många enheter av underlaget)");
      if (rule.per > 1'000'000) read.fail(key + ".per", "ska vara högst 1000000");
      a.underReporting = rule;
    }
  }
  if (block.has("volymer") && !block.isNull("volymer")) {
    if (!block.get("volymer").isString())
      read.fail("avvikelser.volymer", "ska vara en filväg (relativ till konfigurationsfilen)");
    a.volymer = read.existingFile("avvikelser.volymer", block.getValue<std::string>("volymer"));
  }
  a.unitLevel = read.integer(block, "niva", 1, levels, 0, "avvikelser.niva");
}

}  // namespace

namespace {

RunConfig readRunConfig(const fs::path& configFile) {
  const fs::path absolute = fs::weakly_canonical(fs::absolute(configFile));
  const Object::Ptr root = readJsonObjectFile(absolute, "konfigurationsfilen");
  const ConfigReader read(absolute);

  RunConfig config;
  config.configPath = absolute;
  config.kommun = read.text(*root, "kommun");
  config.namnd = read.text(*root, "namnd");
  config.forvaltning = read.text(*root, "forvaltning", false);
  config.forfattare = read.text(*root, "forfattare", false);
  config.publishableColumns = read.texts(*root, "publicerbara_kolumner", "publicerbara_kolumner");
  for (const std::string& id : config.publishableColumns)
    if (!findPublicationColumn(id))
      read.fail("publicerbara_kolumner",
                "\"" + id + "\" är ingen känd kolumn (kända: " + publicationColumnIds() + ")");

  const std::string store = read.text(*root, "lager");
  const std::string sqlitePrefix = "sqlite:";
  if (store.rfind(sqlitePrefix, 0) == 0)
    config.storeUri =
        sqlitePrefix +
        fs::weakly_canonical(read.base() / store.substr(sqlitePrefix.size())).string();
  else if (store.rfind("postgresql:", 0) == 0 || store.rfind("clickhouse:", 0) == 0)
    config.storeUri = store;  // a server: the connection is the server's to check
  else
    read.fail("lager",
              "ska börja med \"sqlite:\", \"postgresql:\" eller \"clickhouse:\" (se README, "
              "Lager)");
  // On a shared server each nämnd keeps to its own rows; a SQLite file is one nämnd's already.
  config.storeScope = read.text(*root, "lagerdel", false);
  if (config.storeScope.empty()) config.storeScope = config.kommun + "/" + config.namnd;
  // A server takes the scope as a text parameter: a NUL would cut it short (into another nämnd's
  // scope), and no control character belongs in a name.
  for (const char c : config.storeScope)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      read.fail("lagerdel", "\"" + config.storeScope.substr(0, 40) +
                                "\" innehåller ett styrtecken (lagerdelen, eller kommun/nämnd som "
                                "den bildas av, får bara ha vanliga tecken)");
  config.outputDir = fs::weakly_canonical(read.base() / read.text(*root, "utdata"));
  config.templatesDir = fs::weakly_canonical(read.base() / read.text(*root, "mallar"));
  if (!fs::is_directory(config.templatesDir))
    read.fail("mallar", "pekar på " + config.templatesDir.string() + " som inte är en mapp");
  // The renderers read any file under "mallar": a folder that holds other things than templates
  // ("../../etc") is refused before anything is read from it. (An empty folder passes here, and
  // the renderer then names the template it lacks.)
  std::error_code unreadable;
  const bool empty = fs::is_empty(config.templatesDir, unreadable) && !unreadable;
  if (!empty && !fs::is_regular_file(config.templatesDir / "html" / "document.mustache"))
    read.fail("mallar", "pekar på " + config.templatesDir.string() +
                            ", som inte är en mallmapp (html/document.mustache saknas)");

  const std::string rounding = read.text(*root, "avrundning", false, "per_cell");
  if (rounding == "per_cell")
    config.rounding = RoundingMode::PerCell;
  else if (rounding == "additiv")
    config.rounding = RoundingMode::Additive;
  else
    read.fail("avrundning", "ska vara \"per_cell\" eller \"additiv\"");

  if (root->has("pdf") && !root->isNull("pdf")) {
    if (!root->get("pdf").isBoolean())
      read.fail("pdf",
                "ska vara true (skriv även PDF av månadsrapporten, delårsrapporten, avvikelserna, "
                "kontrollen och nyckeltalen) eller false");
    config.pdf = root->getValue<bool>("pdf");
  }

  const std::string orgShape = "ett objekt med \"fil\", \"nivaer\" och \"rapportniva\"";
  if (!root->has("org")) read.fail("org", "saknas (" + orgShape + ")");
  const Object::Ptr org = root->getObject("org");
  if (!org) read.fail("org", "ska vara " + orgShape);
  config.org = read.fileEntry(*org, "org", {});
  const Array::Ptr levels = org->getArray("nivaer");
  if (!levels || levels->size() == 0) read.fail("org.nivaer", "ska vara en lista med nivånamn");
  for (std::size_t i = 0; i < levels->size(); ++i) {
    const auto level = levels->get(static_cast<unsigned>(i));
    // A name each: a null or an object has none (Poco would throw its own exception).
    if (!level.isString() && !level.isNumeric())
      read.fail("org.nivaer", "element " + std::to_string(i + 1) + " ska vara ett nivånamn");
    config.levelNames.push_back(level.convert<std::string>());
  }
  if (!org->has("rapportniva") || !org->get("rapportniva").isInteger())
    read.fail("org.rapportniva", "ska vara ett heltal");
  // Compared as a double: an integer beyond int is out of range, not a Poco::RangeException.
  const double reportLevel = org->get("rapportniva").convert<double>();
  if (!(reportLevel >= 1 && reportLevel <= static_cast<double>(config.levelNames.size())))
    read.fail("org.rapportniva", "ska vara mellan 1 och antalet nivåer");
  config.reportLevel = static_cast<int>(reportLevel);

  const auto keys = read.periodisationKeys(*root);
  if (root->has("kontoplan") && root->getObject("kontoplan"))
    config.kontoplan = read.fileEntry(*root->getObject("kontoplan"), "kontoplan", {});
  else
    config.kontoplan = read.existingFile("kontoplan", read.text(*root, "kontoplan"));
  config.huvudbok = read.files(*root, "huvudbok", keys);
  config.budget = read.files(*root, "budget", keys);
  config.prognos = read.files(*root, "prognos", keys);
  config.hr = read.files(*root, "hr", keys);

  if (root->has("manadsrapport")) {
    const Object::Ptr manad = root->getObject("manadsrapport");
    if (!manad) read.fail("manadsrapport", "ska vara ett objekt");
    ManadsrapportSettings& settings = config.manadsrapport;
    settings.prognos = read.text(*manad, "prognos", false, "senaste");
    if (settings.prognos != "senaste" && settings.prognos != "delar")
      read.fail("manadsrapport.prognos", "ska vara \"senaste\" eller \"delar\"");
    settings.largestTransactions = static_cast<int>(
        read.number(*manad, "storsta_transaktioner", 0, kStoredTransactionsPerAnsvarMonth, 10));
    if (manad->has("kommentarer"))
      settings.comments =
          read.existingFile("manadsrapport.kommentarer", read.text(*manad, "kommentarer"));
  }

  if (root->has("personal")) {
    const Object::Ptr personal = root->getObject("personal");
    if (!personal) read.fail("personal", "ska vara ett objekt");
    StaffingParameters& p = config.staffing;
    p.hoursPerFullTimeMonth =
        read.number(*personal, "timmar_per_heltid_manad", 1, 744, p.hoursPerFullTimeMonth);
    p.hoursPerFullTimeYear =
        read.number(*personal, "arsarbetstid_timmar", 1, 8784, p.hoursPerFullTimeYear);
    p.costPerFullTimeYearOre = read.kronor(*personal, "kostnad_per_arsarbetare_kr");
    p.hourlyCostOre = read.kronor(*personal, "timkostnad_kr");
    p.poPercent = read.number(*personal, "po_procent", 0, 100, 0);
    p.chartUnit = read.text(*personal, "diagram_enhet", false);
  }

  if (root->has("prognosunderlag")) {
    const Object::Ptr underlag = root->getObject("prognosunderlag");
    if (!underlag) read.fail("prognosunderlag", "ska vara ett objekt");
    PrognosunderlagSettings& settings = config.prognosunderlag;
    settings.split = read.text(*underlag, "uppdelning", false, settings.split);
    if (settings.split != "per_enhet" && settings.split != "en_bok")
      read.fail("prognosunderlag.uppdelning", "ska vara \"per_enhet\" eller \"en_bok\"");
    settings.level = static_cast<int>(
        read.number(*underlag, "niva", 1, static_cast<double>(config.levelNames.size()), 0));
    settings.proposal = read.text(*underlag, "forslag", false, settings.proposal);
    if (settings.proposal != "auto" && settings.proposal != "linjar" &&
        settings.proposal != "budgetprofil")
      read.fail("prognosunderlag.forslag", "ska vara \"auto\", \"linjar\" eller \"budgetprofil\"");
  }
  if (root->has("delarsrapport")) {
    const Object::Ptr delar = root->getObject("delarsrapport");
    if (!delar) read.fail("delarsrapport", "ska vara ett objekt");
    DelarsrapportSettings& d = config.delarsrapport;
    readTjansteskrivelse(read, *delar, "delarsrapport", d);
    d.balanceToleranceTkr =
        static_cast<std::int64_t>(read.number(*delar, "budget_i_balans_tkr", 0, 1e9, 0));
    auto optionalFile = [&](const std::string& key) -> std::optional<InputFile> {
      if (!delar->has(key)) return std::nullopt;
      return read.existingFile("delarsrapport." + key, read.text(*delar, key));
    };
    d.comments = optionalFile("kommentarer");
    d.investeringar = optionalFile("investeringar");
    d.budgetram = optionalFile("budgetram");
    d.mal = optionalFile("mal");
    d.verksamhetsmatt = optionalFile("verksamhetsmatt");
    d.volymer = optionalFile("volymer");
    d.prognosPerKostnadsslag = optionalFile("prognos_per_kostnadsslag");
  }
  if (root->has("avvikelser") && !root->isNull("avvikelser")) {
    const Object::Ptr block = root->getObject("avvikelser");
    AvvikelserSettings& a = config.avvikelser;
    if (block) {
      readAvvikelser(read, *block, static_cast<int>(config.levelNames.size()), a);
    } else if (root->get("avvikelser").isString() || root->getArray("avvikelser")) {
      // Short form: only the registers, with the report's own category names.
      a.present = true;
      a.block = "avvikelser";
      a.registers = read.files(*root, "avvikelser", {}, "avvikelser");
    } else {
      read.fail("avvikelser",
                "ska vara ett objekt med \"register\" och \"taxonomi\", eller en fil eller en "
                "lista med filer");
    }
  }
  if (root->has("rapporter") && !root->isNull("rapporter"))
    config.reports =
        readReportRequests(root->get("rapporter"), absolute.string() + ": \"rapporter");
  try {
    readNyckeltal(read, *root, config.nyckeltal);
  } catch (const Poco::Exception& e) {
    throw ConfigError(absolute.string() + ": \"nyckeltal\" kan inte läsas (" + e.displayText() +
                      ")");
  } catch (const fs::filesystem_error& e) {
    throw ConfigError(absolute.string() + ": \"nyckeltal\": sökvägen " + e.path1().string() +
                      " kan inte användas");
  }
  return config;
}

}  // namespace

std::optional<std::int64_t> configKronorAsOre(double kronor) {
  if (!(kronor >= 0 && kronor <= kMaxConfigKronor)) return std::nullopt;
  return static_cast<std::int64_t>(kronor * 100.0 + 0.5);
}

RunConfig loadRunConfig(const fs::path& configFile) {
  // A path the file system refuses (too long, a NUL byte) and any conversion Poco refuses are
  // config problems too: the user gets a ConfigError naming the file, never a library exception.
  try {
    return readRunConfig(configFile);
  } catch (const fs::filesystem_error& e) {
    const std::string problem = e.code() == std::errc::filename_too_long
                                    ? "är för lång för filsystemet"
                                    : "kan inte användas (" + e.code().message() + ")";
    throw ConfigError(configFile.string() + ": sökvägen " + e.path1().string() + " " + problem);
  } catch (const Poco::Exception& e) {
    throw ConfigError(configFile.string() + ": ett värde kan inte användas (" + e.displayText() +
                      ")");
  }
}

}  // namespace namnd
