#include "reports/delarsrapport/tjansteskrivelse.hpp"

#include <cstdlib>
#include <utility>

#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "core/period.hpp"

namespace namnd {
namespace {

class ConfigTexts {
 public:
  ConfigTexts(const RunConfig& config, std::string block, const PlaceholderValues& values)
      : file_(config.configPath.string()), block_(std::move(block)), values_(values) {}

  // The config text with placeholders filled; ConfigError when empty (if required), when a
  // placeholder is unknown or a brace is left.
  std::string fill(const std::string& key, const std::string& text, bool required = true) const {
    std::string trimmed = text;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t'))
      trimmed.pop_back();
    if (trimmed.empty()) {
      if (required) fail(key, "saknas eller är tom (obligatoriskt fält i tjänsteskrivelsen)");
      return {};
    }
    std::string filled;
    try {
      filled = expandPlaceholders(trimmed, values_);
    } catch (const ConfigError& e) {
      fail(key, std::string("har en platshållare som inte kan fyllas i: ") + e.what());
    }
    if (filled.find_first_of("{}") != std::string::npos)
      fail(key, "innehåller en ifylld klammer ({ eller }) i \"" + filled +
                    "\"; en platshållare får aldrig stå kvar i rapporten");
    return filled;
  }

  std::vector<std::string> fillAll(const std::string& key, const std::vector<std::string>& texts,
                                   bool required) const {
    if (required && texts.empty()) fail(key, "saknas (minst en rad krävs)");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < texts.size(); ++i)
      out.push_back(fill(key + "[" + std::to_string(i + 1) + "]", texts[i]));
    return out;
  }

  [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
    throw ConfigError(file_ + ": \"" + block_ + "." + key + "\" " + problem);
  }

 private:
  std::string file_;
  std::string block_;
  const PlaceholderValues& values_;
};

std::string amount(std::int64_t tkr, const ReportTexts& texts, const PlaceholderValues& values) {
  return formatInteger(std::llabs(tkr), texts.text("sammanfattning.tusentalsavgransare", values));
}

// ASCII and Å Ä Ö lowered; other bytes as they are.
std::string lowered(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c - 'A' + 'a');
    } else if (c == '\xC3' && i + 1 < text.size() &&
               (text[i + 1] == '\x85' || text[i + 1] == '\x84' || text[i + 1] == '\x96')) {
      out += c;
      out += static_cast<char>(text[i + 1] + 0x20);
      ++i;
    } else {
      out += c;
    }
  }
  return out;
}

// The words separated by anything that is not a letter (UTF-8 letters kept whole).
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> result;
  std::string word;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || u >= 0x80) {
      word += c;
    } else if (!word.empty()) {
      result.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) result.push_back(std::move(word));
  return result;
}

bool repeats(const std::string& word, std::string_view unit, std::size_t minimum) {
  if (word.size() < unit.size() * minimum || word.size() % unit.size() != 0) return false;
  for (std::size_t i = 0; i < word.size(); i += unit.size())
    if (word.compare(i, unit.size(), unit) != 0) return false;
  return true;
}

}  // namespace

std::optional<std::string> templateFiller(std::string_view text, bool personField) {
  for (const std::string& word : words(lowered(text))) {
    if (repeats(word, "x", 2) || repeats(word, "\xC3\xA5", 2)) return word;  // XX, ÅÅÅÅ
    if (!personField) continue;
    for (const std::string_view filler :
         {"namn", "titel", "f\xC3\xB6rnamn", "efternamn", "befattning", "nn"})
      if (word == filler) return word;
  }
  return std::nullopt;
}

std::string deviationSentence(const std::string& keyPrefix, std::int64_t tkr,
                              std::int64_t toleranceTkr, const ReportTexts& texts,
                              PlaceholderValues values) {
  values["belopp"] = amount(tkr, texts, values);
  const char* suffix = std::llabs(tkr) <= toleranceTkr ? "_balans"
                       : tkr > 0                       ? "_overskott"
                                                       : "_underskott";
  return texts.text(keyPrefix + suffix, values);
}

std::vector<std::string> sammanfattningSentences(std::int64_t resultatTkr,
                                                 std::optional<std::int64_t> prognosTkr,
                                                 std::int64_t toleranceTkr,
                                                 const ReportTexts& texts,
                                                 const PlaceholderValues& values) {
  std::vector<std::string> sentences{
      deviationSentence("sammanfattning.resultat", resultatTkr, toleranceTkr, texts, values)};
  sentences.push_back(prognosTkr ? deviationSentence("sammanfattning.prognos", *prognosTkr,
                                                     toleranceTkr, texts, values)
                                 : texts.text("sammanfattning.ingen_prognos", values));
  return sentences;
}

void refuseTemplateFiller(const RunConfig& config, const TjansteskrivelseSettings& d) {
  const std::string block = d.block.empty() ? "delarsrapport" : d.block;
  const auto refuse = [&](const std::string& key, const std::string& text, bool person) {
    const auto filler = templateFiller(text, person);
    if (!filler) return;
    throw ConfigError(config.configPath.string() + ": \"" + block + "." + key +
                      "\" ser ut som mallens utfyllnad (\"" + text + "\": \"" + *filler +
                      "\"), inte " + (person ? "ett namn eller en titel" : "ett diarienummer") +
                      "; skriv in den riktiga uppgiften");
  };
  refuse("handlaggare", d.handlaggare, true);
  refuse("handlaggare_titel", d.handlaggareTitel, true);
  refuse("diarienummer", d.diarienummer, false);
  for (std::size_t i = 0; i < d.signers.size(); ++i) {
    const std::string key = "underskrifter[" + std::to_string(i + 1) + "]";
    refuse(key + ".namn", d.signers[i].name, true);
    refuse(key + ".titel", d.signers[i].title, true);
  }
}

Tjansteskrivelse buildTjansteskrivelse(const RunConfig& config,
                                       const std::vector<std::string>& sammanfattning,
                                       const ReportTexts& texts, const PlaceholderValues& values) {
  Tjansteskrivelse result =
      buildTjansteskrivelse(config, config.delarsrapport, sammanfattning, texts, values);
  refuseTemplateFiller(config, config.delarsrapport);
  return result;
}

Tjansteskrivelse buildTjansteskrivelse(const RunConfig& config, const TjansteskrivelseSettings& d,
                                       const std::vector<std::string>& sammanfattning,
                                       const ReportTexts& texts, const PlaceholderValues& values) {
  if (!d.present)
    throw ConfigError(config.configPath.string() + ": \"" +
                      (d.block.empty() ? std::string("delarsrapport") : d.block) +
                      "\" saknas: tjänsteskrivelsen behöver handläggare, datum, diarienummer, "
                      "förslag till beslut och underskrifter (se data/exempel/namnd.json)");
  const std::string block = d.block.empty() ? "delarsrapport" : d.block;
  const std::string datum = ConfigTexts(config, block, values).fill("datum", d.datum);
  // {datum}: the tjänsteskrivelse's own date, for the texts that cite it.
  PlaceholderValues withDatum = values;
  withDatum.try_emplace("datum", datum);
  const ConfigTexts read(config, block, withDatum);
  if (datum.size() != 10 || !Period::fromIsoDate(datum))
    read.fail("datum", "ska vara ett datum ÅÅÅÅ-MM-DD, inte \"" + datum + "\"");
  if (config.forvaltning.empty())
    throw ConfigError(config.configPath.string() +
                      ": \"forvaltning\" saknas (obligatoriskt i tjänsteskrivelsens huvud)");
  std::string handlaggare = read.fill("handlaggare", d.handlaggare);
  const std::string titel = read.fill("handlaggare_titel", d.handlaggareTitel, false);
  if (!titel.empty()) handlaggare += ", " + titel;

  const std::string diarienummer = read.fill("diarienummer", d.diarienummer);

  Tjansteskrivelse result;
  auto label = [&](const std::string& key) {
    return texts.text("tjansteskrivelse.etiketter." + key, values);
  };
  const std::string rubrik = d.rubrik.empty() ? texts.text("tjansteskrivelse.rubrik", values)
                                              : read.fill("rubrik", d.rubrik);
  result.header = {{label("dokument"), texts.text("tjansteskrivelse.dokument", values)},
                   {label("forvaltning"), config.forvaltning},
                   {label("handlaggare"), handlaggare},
                   {label("datum"), datum},
                   {label("diarienummer"), diarienummer},
                   {label("rubrik"), rubrik}};

  auto section = [&](const std::string& id, const std::string& titleKey) {
    TextSection s;
    s.id = id;
    s.title = texts.text("tjansteskrivelse." + titleKey, values);
    return s;
  };
  TextSection summary = section("ts_sammanfattning", "sammanfattning");
  summary.paragraphs = {sammanfattning.empty() ? std::string() : sammanfattning[0]};
  for (std::size_t i = 1; i < sammanfattning.size(); ++i)
    summary.paragraphs[0] += " " + sammanfattning[i];
  result.sections.push_back(summary);

  const auto underlag = read.fillAll("beslutsunderlag", d.beslutsunderlag, false);
  if (!underlag.empty()) {
    TextSection s = section("ts_beslutsunderlag", "beslutsunderlag");
    s.bullets = underlag;
    result.sections.push_back(s);
  }
  TextSection forslag = section("ts_forslag", "forslag_till_beslut");
  forslag.paragraphs = read.fillAll("forslag_till_beslut", d.forslagTillBeslut, true);
  result.sections.push_back(forslag);

  if (d.signers.empty()) read.fail("underskrifter", "saknas (minst en underskrift krävs)");
  TextSection signers = section("ts_underskrifter", "underskrifter");
  for (std::size_t i = 0; i < d.signers.size(); ++i) {
    const std::string key = "underskrifter[" + std::to_string(i + 1) + "]";
    signers.paragraphs.push_back(read.fill(key + ".namn", d.signers[i].name) + ", " +
                                 read.fill(key + ".titel", d.signers[i].title));
  }
  result.sections.push_back(signers);

  const auto expedieras = read.fillAll("expedieras_till", d.expedierasTill, false);
  if (!expedieras.empty()) {
    TextSection s = section("ts_expedieras", "expedieras_till");
    s.bullets = expedieras;
    result.sections.push_back(s);
  }
  return result;
}

}  // namespace namnd
