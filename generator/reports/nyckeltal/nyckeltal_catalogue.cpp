#include "reports/nyckeltal/nyckeltal_catalogue.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "core/errors.hpp"
#include "core/run_config.hpp"

namespace namnd {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

bool allDigits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Reads one definition; every message names the file and the definition.
class DefinitionReader {
 public:
  DefinitionReader(const std::string& file, std::string id) : file_(file), id_(std::move(id)) {}

  [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
    throw ConfigError(file_ + ": nyckeltal \"" + id_ + "\"" +
                      (key.empty() ? "" : ", \"" + key + "\"") + ": " + problem);
  }

  std::string text(const Object& obj, const std::string& key, bool required,
                   const std::string& label, const std::string& fallback = "") const {
    if (!obj.has(key) || obj.isNull(key)) {
      if (required) fail(label, "saknas");
      return fallback;
    }
    const auto value = obj.get(key);
    if (!value.isString()) fail(label, "ska vara en text");
    return value.extract<std::string>();
  }

  // A text or a list of texts.
  std::vector<std::string> texts(const Object& obj, const std::string& key,
                                 const std::string& label) const {
    std::vector<std::string> result;
    if (!obj.has(key) || obj.isNull(key)) return result;
    const auto value = obj.get(key);
    if (value.isString()) return {value.extract<std::string>()};
    const Array::Ptr list = obj.getArray(key);
    if (!list) fail(label, "ska vara en text eller en lista med texter");
    for (unsigned i = 0; i < list->size(); ++i) {
      if (!list->get(i).isString())
        fail(label, "element " + std::to_string(i + 1) + " ska vara en text");
      result.push_back(list->get(i).extract<std::string>());
    }
    return result;
  }

  std::vector<CodePrefixRange> ranges(const Object& obj, const std::string& key,
                                      const std::string& label) const {
    std::vector<CodePrefixRange> result;
    for (const std::string& item : texts(obj, key, label)) {
      const std::size_t dash = item.find('-');
      CodePrefixRange range{item.substr(0, dash),
                            dash == std::string::npos ? item : item.substr(dash + 1)};
      if (!allDigits(range.from) || !allDigits(range.to) || range.from.size() != range.to.size() ||
          range.from > range.to)
        fail(label, "\"" + item +
                        "\" är inget intervall av inledande siffror (t.ex. \"5\", \"70-72\" "
                        "eller \"7520\")");
      result.push_back(std::move(range));
    }
    return result;
  }

  // A misspelt key would otherwise be ignored and change the figure silently ("konton" summing
  // every konto). Keys starting with "_" are comments.
  void refuseUnknownKeys(const Object& obj, const std::vector<std::string_view>& known,
                         const std::string& prefix) const {
    for (const auto& [key, value] : obj) {
      if (key.starts_with('_') || std::find(known.begin(), known.end(), key) != known.end())
        continue;
      std::string names;
      for (const std::string_view name : known)
        names += (names.empty() ? "" : ", ") + std::string(name);
      fail(prefix + key, "är ingen känd nyckel (kända: " + names +
                             "; nycklar som börjar med \"_\" är kommentarer)");
    }
  }

  NyckeltalPeriod period(const std::string& text, const std::string& label) const {
    if (text == "ack") return NyckeltalPeriod::Ack;
    if (text == "helar") return NyckeltalPeriod::Helar;
    if (text == "per_31_12") return NyckeltalPeriod::Per3112;
    fail(label, "\"" + text + "\" ska vara \"ack\", \"helar\" eller \"per_31_12\"");
  }

  StorhetDefinition storhet(const std::string& name, const Object& obj) const {
    const std::string key = "storheter." + name;
    StorhetDefinition s;
    s.name = name;
    const std::string kind = text(obj, "typ", true, key + ".typ");
    const std::string org = text(obj, "org", false, key + ".org", "rad");
    if (org != "rad" && org != "kommun") fail(key + ".org", "ska vara \"rad\" eller \"kommun\"");
    s.wholeKommun = org == "kommun";
    s.ansvar = text(obj, "ansvar", false, key + ".ansvar");
    if (obj.has("period"))
      s.period = period(text(obj, "period", true, key + ".period"), key + ".period");
    if (kind == "ekonomi") {
      s.kind = StorhetDefinition::Kind::Ekonomi;
      s.measure = text(obj, "matt", false, key + ".matt", "netto");
      if (s.measure != "netto" && s.measure != "kostnad" && s.measure != "intakt" &&
          s.measure != "budget")
        fail(key + ".matt", "ska vara \"netto\", \"kostnad\", \"intakt\" eller \"budget\"");
      s.konto = ranges(obj, "konto", key + ".konto");
      s.verksamhet = ranges(obj, "verksamhet", key + ".verksamhet");
      s.withVolym = text(obj, "ansvar_med_volym", false, key + ".ansvar_med_volym");
    } else if (kind == "hr") {
      s.kind = StorhetDefinition::Kind::Hr;
      for (const std::string& slag : texts(obj, "slag", key + ".slag")) {
        const auto hrKind = hrKindFromName(slag);
        if (!hrKind)
          fail(key + ".slag", "\"" + slag +
                                  "\" är ingen typ av timmar (overtid, mertid, timavlonad, "
                                  "inhyrd, ej_tillsatt, arbetad, franvaro)");
        s.hrKinds.push_back(*hrKind);
      }
      if (s.hrKinds.empty()) fail(key + ".slag", "saknas");
      const std::string unit = text(obj, "enhet", false, key + ".enhet", "timmar");
      if (unit != "timmar" && unit != "kr")
        fail(key + ".enhet", "ska vara \"timmar\" eller \"kr\"");
      s.hrKronor = unit == "kr";
    } else if (kind == "volym") {
      s.kind = StorhetDefinition::Kind::Volym;
      std::string reason;
      const std::string formula = text(obj, "berakning", true, key + ".berakning");
      const auto parsed = parseVolymFormula(formula, &reason);
      if (!parsed) fail(key + ".berakning", reason);
      if (parsed->isShare())
        fail(key + ".berakning",
             "andel(…) skrivs i nyckeltalets formel: ange senaste(matt) eller summa(matt)");
      s.volym = parsed->value;
    } else if (kind == "parameter") {
      s.kind = StorhetDefinition::Kind::Parameter;
      s.parameter = text(obj, "namn", true, key + ".namn");
      static const std::set<std::string> kKnown = {"arsarbetstid_timmar", "timmar_per_heltid_manad",
                                                   "kostnad_per_arsarbetare_kr", "timkostnad_kr",
                                                   "po_procent"};
      if (!kKnown.contains(s.parameter))
        fail(key + ".namn", "\"" + s.parameter +
                                "\" är ingen parameter under \"personal\" (arsarbetstid_timmar, "
                                "timmar_per_heltid_manad, kostnad_per_arsarbetare_kr, "
                                "timkostnad_kr, po_procent)");
    } else if (kind == "prognos") {
      s.kind = StorhetDefinition::Kind::Prognos;
      if (obj.has("manad")) {
        if (!obj.get("manad").isInteger()) fail(key + ".manad", "ska vara ett heltal 1–12");
        s.prognosMonth = obj.get("manad").convert<int>();
        if (s.prognosMonth < 1 || s.prognosMonth > 12) fail(key + ".manad", "ska vara 1–12");
      }
      const std::string computed = text(obj, "berakning", false, key + ".berakning", "prognos");
      if (computed != "prognos" && computed != "avvikelse")
        fail(key + ".berakning", "ska vara \"prognos\" eller \"avvikelse\"");
      s.prognosDeviation = computed == "avvikelse";
    } else if (kind == "enheter") {
      s.kind = StorhetDefinition::Kind::Enheter;
      if (obj.has("niva")) {
        if (!obj.get("niva").isInteger()) fail(key + ".niva", "ska vara ett heltal");
        s.level = obj.get("niva").convert<int>();
      }
      const std::string count = text(obj, "rakna", false, key + ".rakna", "alla");
      if (count != "alla" && count != "i_balans")
        fail(key + ".rakna", "ska vara \"alla\" eller \"i_balans\"");
      s.onlyInBalance = count == "i_balans";
      if (obj.has("tolerans_kr")) {
        const auto value = obj.get("tolerans_kr");
        s.toleranceOre =
            value.isNumeric() ? configKronorAsOre(value.convert<double>()) : std::nullopt;
        if (!s.toleranceOre)
          fail(key + ".tolerans_kr",
               "ska vara ett belopp i kronor mellan 0 och 1 000 000 000 (som konfigurationens "
               "belopp)");
      }
    } else {
      fail(key + ".typ", "\"" + kind +
                             "\" ska vara \"ekonomi\", \"hr\", \"volym\", \"parameter\", "
                             "\"prognos\" eller \"enheter\"");
    }
    refuseUnknownKeys(obj, storhetKeys(kind), key + ".");
    return s;
  }

  NyckeltalDefinition definition(const Object& obj) const {
    NyckeltalDefinition d;
    d.id = id_;
    d.source = file_;
    refuseUnknownKeys(obj,
                      {"id", "namn", "enhet", "beskrivning", "formel", "period", "decimaler",
                       "hogre_ar_battre", "mal", "rader", "storheter"},
                      "");
    d.namn = text(obj, "namn", true, "namn");
    d.enhet = text(obj, "enhet", true, "enhet");
    d.beskrivning = text(obj, "beskrivning", false, "beskrivning");
    const std::string formula = text(obj, "formel", true, "formel");
    try {
      d.formel = NyckeltalExpression::parse(formula);
    } catch (const ExpressionSyntaxError& e) {
      fail("formel",
           "\"" + formula + "\" tecken " + std::to_string(e.column()) + ": " + e.reason());
    }
    d.period = period(text(obj, "period", false, "period", "ack"), "period");
    if (obj.has("decimaler")) {
      if (!obj.get("decimaler").isInteger()) fail("decimaler", "ska vara ett heltal 0–6");
      d.decimaler = obj.get("decimaler").convert<int>();
      if (d.decimaler < 0 || d.decimaler > 6) fail("decimaler", "ska vara ett heltal 0–6");
    }
    if (obj.has("hogre_ar_battre") && !obj.isNull("hogre_ar_battre")) {
      if (!obj.get("hogre_ar_battre").isBoolean())
        fail("hogre_ar_battre", "ska vara true eller false");
      d.hogreArBattre = obj.get("hogre_ar_battre").convert<bool>();
    }
    if (obj.has("mal") && !obj.isNull("mal")) d.mal = targetValue(obj, "mal", "mal");
    const std::string rows = text(obj, "rader", false, "rader", "omraden");
    if (rows == "namnd")
      d.rader = NyckeltalRows::Namnd;
    else if (rows == "omraden")
      d.rader = NyckeltalRows::Omraden;
    else if (rows == "alla")
      d.rader = NyckeltalRows::Alla;
    else
      fail("rader", "ska vara \"namnd\", \"omraden\" eller \"alla\"");

    const Object::Ptr storheter = obj.getObject("storheter");
    if (!storheter && obj.has("storheter")) fail("storheter", "ska vara ett objekt");
    for (const std::string& name : d.formel.names()) {
      if (!storheter || !storheter->has(name))
        fail("formel", "\"" + name + "\" är ingen storhet i nyckeltalets \"storheter\"" +
                           knownNames(storheter));
      const Object::Ptr item = storheter->getObject(name);
      if (!item) fail("storheter." + name, "ska vara ett objekt med \"typ\"");
      d.storheter.push_back(storhet(name, *item));
    }
    if (storheter)
      for (const auto& [name, value] : *storheter)
        if (std::find(d.formel.names().begin(), d.formel.names().end(), name) ==
            d.formel.names().end())
          fail("storheter." + name, "används inte i formeln \"" + formula + "\"");
    return d;
  }

  // A target in the unit shown, exact to six decimals (JSON numbers are doubles).
  ExactRational targetValue(const Object& obj, const std::string& key,
                            const std::string& label) const {
    if (!obj.get(key).isNumeric()) fail(label, "ska vara ett tal");
    const double value = obj.get(key).convert<double>();
    if (!std::isfinite(value) || std::fabs(value) > 1e12) fail(label, "är inget rimligt tal");
    return *ExactRational::fraction(std::llround(value * 1e6), 1'000'000);
  }

 private:
  // The keys a storhet of this kind reads (an unknown kind is refused by its "typ").
  static std::vector<std::string_view> storhetKeys(const std::string& kind) {
    std::vector<std::string_view> keys = {"typ", "org", "ansvar", "period"};
    std::vector<std::string_view> own;
    if (kind == "ekonomi") own = {"matt", "konto", "verksamhet", "ansvar_med_volym"};
    if (kind == "hr") own = {"slag", "enhet"};
    if (kind == "volym") own = {"berakning"};
    if (kind == "parameter") own = {"namn"};
    if (kind == "prognos") own = {"manad", "berakning"};
    if (kind == "enheter") own = {"niva", "rakna", "tolerans_kr"};
    keys.insert(keys.end(), own.begin(), own.end());
    return keys;
  }

  static std::string knownNames(const Object::Ptr& storheter) {
    if (!storheter || storheter->size() == 0) return " (nyckeltalet har inga storheter)";
    std::string names;
    for (const auto& [name, value] : *storheter) names += (names.empty() ? "" : ", ") + name;
    return " (kända: " + names + ")";
  }

  const std::string& file_;
  std::string id_;
};

}  // namespace

bool CodePrefixRange::contains(std::string_view code) const {
  if (code.size() < from.size()) return false;
  const std::string_view prefix = code.substr(0, from.size());
  return from <= prefix && prefix <= to;
}

std::string StorhetDefinition::describe() const {
  std::string text;
  const auto list = [](const std::vector<CodePrefixRange>& ranges) {
    std::string out;
    for (const auto& r : ranges) out += (out.empty() ? "" : ", ") + r.text();
    return out;
  };
  switch (kind) {
    case Kind::Ekonomi:
      text = "ekonomi " + measure;
      if (!konto.empty()) text += ", konto " + list(konto);
      if (!verksamhet.empty()) text += ", verksamhet " + list(verksamhet);
      if (!withVolym.empty()) text += ", ansvar med volymen " + withVolym;
      break;
    case Kind::Hr: {
      text = "hr ";
      for (std::size_t i = 0; i < hrKinds.size(); ++i)
        text += (i ? " + " : "") + std::string(hrKindName(hrKinds[i]));
      text += hrKronor ? " (kr)" : " (timmar)";
      break;
    }
    case Kind::Volym:
      text = "volym " + VolymFormula{volym, {}}.text();
      break;
    case Kind::Parameter:
      return "parameter personal." + parameter;
    case Kind::Prognos:
      text = std::string(prognosDeviation ? "prognosticerad avvikelse (budget − prognos)"
                                          : "helårsprognos") +
             " lämnad månad " + std::to_string(prognosMonth);
      break;
    case Kind::Enheter:
      text = std::string(onlyInBalance ? "antal enheter i balans" : "antal enheter") + " på nivå " +
             (level == 0 ? std::string("ansvar") : std::to_string(level));
      break;
  }
  if (!ansvar.empty()) text += ", under " + ansvar;
  text += wholeKommun ? ", hela kommunen" : ", radens organisation";
  if (period) text += ", period " + std::string(nyckeltalPeriodName(*period));
  return text;
}

const StorhetDefinition& NyckeltalDefinition::storhet(const std::string& name) const {
  return *std::find_if(storheter.begin(), storheter.end(),
                       [&](const StorhetDefinition& s) { return s.name == name; });
}

std::string_view nyckeltalPeriodName(NyckeltalPeriod period) {
  switch (period) {
    case NyckeltalPeriod::Ack:
      return "ack";
    case NyckeltalPeriod::Helar:
      return "helar";
    case NyckeltalPeriod::Per3112:
      return "per_31_12";
  }
  return "ack";
}

void NyckeltalCatalogue::addFile(const std::filesystem::path& file,
                                 const std::string& displayName) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw ConfigError(displayName + ": nyckeltalskatalogen kan inte läsas (" + file.string() + ")");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  addJson(bytes.str(), displayName);
}

void NyckeltalCatalogue::addJson(const std::string& json, const std::string& displayName) {
  Poco::Dynamic::Var parsed;
  try {
    parsed = Poco::JSON::Parser().parse(json);
  } catch (const Poco::Exception& e) {
    throw ConfigError(displayName + ": nyckeltalskatalogen är ingen giltig JSON (" +
                      e.displayText() + ")");
  }
  const Object::Ptr root =
      parsed.type() == typeid(Object::Ptr) ? parsed.extract<Object::Ptr>() : Object::Ptr();
  const Array::Ptr list = root ? root->getArray("nyckeltal") : Array::Ptr();
  if (!list)
    throw ConfigError(displayName +
                      ": nyckeltalskatalogen ska vara ett objekt med listan \"nyckeltal\"");
  std::set<std::string> seen;
  for (unsigned i = 0; i < list->size(); ++i) {
    const Object::Ptr item = list->getObject(i);
    if (!item || !item->has("id") || !item->get("id").isString())
      throw ConfigError(displayName + ": nyckeltal nummer " + std::to_string(i + 1) +
                        " ska vara ett objekt med en text \"id\"");
    const std::string id = item->getValue<std::string>("id");
    if (!seen.insert(id).second)
      throw ConfigError(displayName + ": nyckeltal \"" + id + "\" finns två gånger i filen");
    NyckeltalDefinition definition;
    try {
      definition = DefinitionReader(displayName, id).definition(*item);
    } catch (const Poco::Exception& e) {
      throw ConfigError(displayName + ": nyckeltal \"" + id + "\": ett värde kan inte användas (" +
                        e.displayText() + ")");
    }
    const auto existing = std::find_if(definitions_.begin(), definitions_.end(),
                                       [&](const auto& d) { return d.id == id; });
    if (existing != definitions_.end())
      *existing = std::move(definition);
    else
      definitions_.push_back(std::move(definition));
  }
}

const NyckeltalDefinition* NyckeltalCatalogue::find(std::string_view id) const {
  const auto found = std::find_if(definitions_.begin(), definitions_.end(),
                                  [&](const auto& d) { return d.id == id; });
  return found == definitions_.end() ? nullptr : &*found;
}

}  // namespace namnd
