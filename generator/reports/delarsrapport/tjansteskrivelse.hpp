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
#include <string_view>
#include <vector>

#include "core/placeholders.hpp"
#include "core/run_config.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

// The sentence at `keyPrefix` + "_overskott" (tkr > 0), "_underskott" (tkr < 0) or "_balans"
// (|tkr| ≤ toleranceTkr), with {belopp} the amount without sign, grouped as the template's
// "sammanfattning.tusentalsavgransare" says. Positive = överskott, as in the tables' Avvikelse.
std::string deviationSentence(const std::string& keyPrefix, std::int64_t tkr,
                              std::int64_t toleranceTkr, const ReportTexts& texts,
                              PlaceholderValues values);

// The word of `text` that a template leaves for someone to fill in ("XX", "ÅÅÅÅ", and for a
// person's name or title also "Namn", "titel", "Förnamn", "Efternamn", "NN"), case-insensitive;
// nullopt when there is none.
std::optional<std::string> templateFiller(std::string_view text, bool personField);

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
// may use them, and {datum} (the tjänsteskrivelse's date). Throws ConfigError naming the config key
// for a missing block, an empty required field, an unknown placeholder or a brace left in the text.
// `settings` is the report's block of the config (config.delarsrapport, config.avvikelser).
Tjansteskrivelse buildTjansteskrivelse(const RunConfig& config,
                                       const TjansteskrivelseSettings& settings,
                                       const std::vector<std::string>& sammanfattning,
                                       const ReportTexts& texts, const PlaceholderValues& values);
// ConfigError naming the key when a handläggare, signer or title in `settings` looks like
// template filler (templateFiller: the source's leaked "Namn namn, titel"), or the diarienummer
// has "XX" or "ÅÅÅÅ".
void refuseTemplateFiller(const RunConfig& config, const TjansteskrivelseSettings& settings);
// The delårsrapport's: buildTjansteskrivelse(config, config.delarsrapport, …), then
// refuseTemplateFiller on that block.
Tjansteskrivelse buildTjansteskrivelse(const RunConfig& config,
                                       const std::vector<std::string>& sammanfattning,
                                       const ReportTexts& texts, const PlaceholderValues& values);

}  // namespace namnd
