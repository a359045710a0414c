#pragma once
// The tjänsteskrivelse around a report (the delårsrapport, the avvikelse report; notes 004 §5.1): a
// header block (förvaltning, handläggare, datum, diarienummer), Sammanfattning in generated
// sentences, Beslutsunderlag, Förslag till beslut, signers and Expedieras till. The fields come
// from the config's report's block; the sentences from templates/text/delarsrapport.json. A
// placeholder left unfilled or an empty required field is a ConfigError: the source's leaked "Namn
// namn, titel" must never be output.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/placeholders.hpp"
#include "core/run_config.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

// The result and prognosis sentences: överskott / underskott / "budget i balans" when the
// amount is within ±toleranceTkr. prognosTkr = nullopt: no snapshot. Amounts are shown tkr.
std::vector<std::string> sammanfattningSentences(std::int64_t resultatTkr,
                                                 std::optional<std::int64_t> prognosTkr,
                                                 std::int64_t toleranceTkr,
                                                 const ReportTexts& texts,
                                                 const PlaceholderValues& values);

struct Tjansteskrivelse {
  std::vector<HeaderField> header;
  std::vector<Section> sections;  // ids ts_sammanfattning, ts_beslutsunderlag, ts_forslag, …
};

// `values` holds the report's placeholders ({namnd}, {rapport}, {per.datum} …); config texts
// may use them. Throws ConfigError naming the config key for a missing block, an empty
// required field, an unknown placeholder or a brace left in the text.
// `settings` is the report's block of the config (config.delarsrapport, config.avvikelser).
Tjansteskrivelse buildTjansteskrivelse(const RunConfig& config,
                                       const TjansteskrivelseSettings& settings,
                                       const std::vector<std::string>& sammanfattning,
                                       const ReportTexts& texts, const PlaceholderValues& values);
// The delårsrapport's: buildTjansteskrivelse(config, config.delarsrapport, …).
Tjansteskrivelse buildTjansteskrivelse(const RunConfig& config,
                                       const std::vector<std::string>& sammanfattning,
                                       const ReportTexts& texts, const PlaceholderValues& values);

}  // namespace namnd
