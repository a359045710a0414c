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

}  // namespace

std::vector<std::string> sammanfattningSentences(std::int64_t resultatTkr,
                                                 std::optional<std::int64_t> prognosTkr,
                                                 std::int64_t toleranceTkr,
                                                 const ReportTexts& texts,
                                                 const PlaceholderValues& periodValues) {
  PlaceholderValues values = periodValues;
  auto pick = [&](const std::string& prefix, std::int64_t tkr) {
    values["belopp"] = amount(tkr, texts, values);
    const char* suffix = std::llabs(tkr) <= toleranceTkr ? "_balans"
                         : tkr > 0                       ? "_overskott"
                                                         : "_underskott";
    return texts.text("sammanfattning." + prefix + suffix, values);
  };
  std::vector<std::string> sentences{pick("resultat", resultatTkr)};
  sentences.push_back(prognosTkr ? pick("prognos", *prognosTkr)
                                 : texts.text("sammanfattning.ingen_prognos", values));
  return sentences;
}

Tjansteskrivelse buildTjansteskrivelse(const RunConfig& config,
                                       const std::vector<std::string>& sammanfattning,
                                       const ReportTexts& texts, const PlaceholderValues& values) {
  return buildTjansteskrivelse(config, config.delarsrapport, sammanfattning, texts, values);
}

Tjansteskrivelse buildTjansteskrivelse(const RunConfig& config, const TjansteskrivelseSettings& d,
                                       const std::vector<std::string>& sammanfattning,
                                       const ReportTexts& texts, const PlaceholderValues& values) {
  if (!d.present)
    throw ConfigError(config.configPath.string() + ": \"" +
                      (d.block.empty() ? std::string("delarsrapport") : d.block) +
                      "\" saknas: tjänsteskrivelsen behöver handläggare, datum, diarienummer, "
                      "förslag till beslut och underskrifter (se data/exempel/namnd.json)");
  const ConfigTexts read(config, d.block.empty() ? "delarsrapport" : d.block, values);

  const std::string datum = read.fill("datum", d.datum);
  if (datum.size() != 10 || !Period::fromIsoDate(datum))
    read.fail("datum", "ska vara ett datum ÅÅÅÅ-MM-DD, inte \"" + datum + "\"");
  if (config.forvaltning.empty())
    throw ConfigError(config.configPath.string() +
                      ": \"forvaltning\" saknas (obligatoriskt i tjänsteskrivelsens huvud)");
  std::string handlaggare = read.fill("handlaggare", d.handlaggare);
  const std::string titel = read.fill("handlaggare_titel", d.handlaggareTitel, false);
  if (!titel.empty()) handlaggare += ", " + titel;

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
                   {label("diarienummer"), read.fill("diarienummer", d.diarienummer)},
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
