#include "reports/delarsrapport/delarsrapport_builder.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "reports/checks/published_texts.hpp"
#include "reports/delarsrapport/delar_table_checks.hpp"
#include "reports/delarsrapport/delar_tables.hpp"
#include "reports/delarsrapport/tjansteskrivelse.hpp"
#include "reports/section_order.hpp"

namespace namnd {
namespace {

constexpr std::string_view kTextsFile = "templates/text/delarsrapport.json";

// "augusti 2025": a period as the report's text says it, never its code.
std::string monthText(Period period) {
  PlaceholderValues values;
  addPeriodPlaceholders(values, "p", period);
  return values.at("p.manad") + " " + values.at("p.ar");
}

// The appendix tables' CheckSections go under the report's Kontroller, not in the document.
void addAppendix(std::vector<Section>& sections, std::vector<CheckItem>& checks,
                 const std::vector<Section>& appendix) {
  for (const Section& s : appendix) {
    if (const auto* c = std::get_if<CheckSection>(&s))
      checks.insert(checks.end(), c->items.begin(), c->items.end());
    else
      sections.push_back(s);
  }
}

std::string lowerFirst(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  return text;
}

// One section per area: the generated sentence with the area's numbers from the tables, then
// the controller's text and the enhetschefer's comments for it.
std::vector<Section> areaCommentary(const DelarsrapportInput& input, const DelarShown& shown,
                                    const ReportTexts& texts, const PlaceholderValues& values) {
  std::vector<Section> fromComments = buildCommentarySections(
      input.quality.rollup, input.comments, input.snapshot, input.quality.tree, texts, values);
  std::vector<Section> sections;
  for (std::size_t i = 0; i < input.figures.areas.size(); ++i) {
    const DelarLine& area = input.figures.areas[i].line;
    const DelarCells& cells = shown.areas[i];
    PlaceholderValues v = values;
    v["omrade"] = area.name;
    TextSection section{.id = "kommentar_" + area.code,
                        .title = texts.text("kommentarer.rubrik", v)};
    // Överskott or underskott in words, as the Sammanfattning says it; an area is in balance
    // only at 0 tkr (the nämnd's tolerance is for the whole budget, not a small area's).
    section.paragraphs.push_back(
        deviationSentence("kommentarer.utfall", *cells[kAvvikelse], 0, texts, v));
    if (cells[kAvvikelsePrognos])
      section.paragraphs.push_back(
          deviationSentence("kommentarer.prognos", *cells[kAvvikelsePrognos], 0, texts, v));
    for (const Section& s : fromComments) {
      const auto* text = std::get_if<TextSection>(&s);
      if (!text || text->id != section.id) continue;
      section.paragraphs.insert(section.paragraphs.end(), text->paragraphs.begin(),
                                text->paragraphs.end());
      section.bullets = text->bullets;
    }
    sections.push_back(std::move(section));
  }
  for (const Section& s : fromComments)
    if (const auto* text = std::get_if<TextSection>(&s); text && text->id == "kommentar_ovriga")
      sections.push_back(s);
  requirePublishableChefComments(input.snapshot, sections, input.quality.tree,
                                 input.quality.rollup.level, input.config, kTextsFile);
  return sections;
}

}  // namespace

const std::vector<std::string>& delarsrapportSectionIds() {
  static const std::vector<std::string> kIds = {
      "tjanssteskrivelse", "sammanfattning",  "budgetram", "rsum",   "omraden",   "kommentarer",
      "investeringar",     "verksamhetsmatt", "mal",       "bilaga", "kontroller"};
  return kIds;
}

PlaceholderValues delarsrapportPlaceholders(const RunConfig& config, Period period,
                                            const ReportTexts& texts) {
  PlaceholderValues values;
  values["kommun"] = config.kommun;
  values["namnd"] = config.namnd;
  values["forvaltning"] = config.forvaltning;
  addPeriodPlaceholders(values, "per", period);
  addPeriodPlaceholders(values, "foregaende", period.sameMonthLastYear());
  std::string name;
  for (const auto& [month, reportName] : texts.pairs("rapportnamn", "manad", "namn")) {
    if (month == "*" || month == std::to_string(period.month()) ||
        (month.size() == 2 && month[0] == '0' && month.substr(1) == std::to_string(period.month())))
      if (name.empty()) name = reportName;
  }
  if (name.empty())
    throw ConfigError(std::string(kTextsFile) + ": \"rapportnamn\" saknar ett namn för månad " +
                      std::to_string(period.month()) + " (ange {\"manad\": \"*\", …})");
  values["rapport"] = name;
  values["rapport.gemen"] = lowerFirst(name);
  // Short forms for the config's tjänsteskrivelse texts, so that one config reads right for both
  // the halvår and the delår: "{namnd} godkänner {rapport.gemen}en per {per_text}".
  values["per_text"] =
      std::to_string(period.lastDay()) + " " + values.at("per.manad") + " " + values.at("per.ar");
  if (!config.delarsrapport.datum.empty()) values["datum"] = config.delarsrapport.datum;
  return values;
}

Document buildDelarsrapport(const DelarsrapportInput& input, const ReportTexts& texts) {
  const PlaceholderValues values = delarsrapportPlaceholders(input.config, input.period, texts);
  const std::vector<PlannedSection> plan =
      sectionPlan(texts, delarsrapportSectionIds(), std::string(kTextsFile));
  const auto planned = [&plan](const std::string& id) {
    return std::any_of(plan.begin(), plan.end(),
                       [&id](const PlannedSection& item) { return !item.isPart && item.id == id; });
  };
  const DelarShown shown = roundDelarFigures(input.figures, input.rounding);

  Document doc;
  doc.kind = "delarsrapport";
  doc.title = texts.text("titel", values);
  doc.meta = input.meta;
  doc.meta.periodLabel = texts.text("periodtext", values);
  doc.meta.documentDate = values.at("per.datum");

  const std::optional<std::int64_t> prognos = shown.resultat[kPrognos];
  const std::vector<std::string> sentences =
      sammanfattningSentences(*shown.resultat[kUtfall], prognos,
                              input.config.delarsrapport.balanceToleranceTkr, texts, values);

  const Table bilaga = buildBilagaTable(input.figures, shown, input.rounding, texts, values);
  std::vector<Section> budgetram, investeringar, verksamhetsmatt, mal;
  std::vector<CheckItem> appendixChecks;
  if (planned("bilaga")) appendixChecks = checkBilagaTable(bilaga, input.rounding);
  addAppendix(budgetram, appendixChecks, input.budgetram);
  addAppendix(investeringar, appendixChecks, input.investeringar);
  addAppendix(verksamhetsmatt, appendixChecks, input.verksamhetsmatt);
  addAppendix(mal, appendixChecks, input.mal);

  for (const PlannedSection& item : plan) {
    const std::string& id = item.id;
    if (item.isPart) {
      doc.sections.push_back(partHeading(item, values, std::string(kTextsFile)));
    } else if (id == "tjanssteskrivelse") {
      Tjansteskrivelse ts = buildTjansteskrivelse(input.config, sentences, texts, values);
      doc.meta.header = std::move(ts.header);
      doc.sections.insert(doc.sections.end(), ts.sections.begin(), ts.sections.end());
    } else if (id == "sammanfattning") {
      TextSection s{.id = "sammanfattning", .title = texts.text("sammanfattning.rubrik", values)};
      s.paragraphs.push_back(texts.text("sammanfattning.perioden", values));
      s.paragraphs.insert(s.paragraphs.end(), sentences.begin(), sentences.end());
      doc.sections.push_back(std::move(s));
    } else if (id == "budgetram") {
      requirePublishableAppendix(budgetram, "budgetram", input.config, kTextsFile);
      doc.sections.insert(doc.sections.end(), budgetram.begin(), budgetram.end());
    } else if (id == "rsum") {
      doc.sections.push_back(buildRsumTable(input.figures, shown, input.rounding, texts, values));
    } else if (id == "omraden") {
      doc.sections.push_back(buildAreaTable(input.figures, shown, input.rounding, texts, values));
    } else if (id == "kommentarer") {
      for (Section& s : areaCommentary(input, shown, texts, values))
        doc.sections.push_back(std::move(s));
    } else if (id == "investeringar") {
      requirePublishableAppendix(investeringar, "investeringar", input.config, kTextsFile);
      doc.sections.insert(doc.sections.end(), investeringar.begin(), investeringar.end());
    } else if (id == "verksamhetsmatt") {
      doc.sections.insert(doc.sections.end(), verksamhetsmatt.begin(), verksamhetsmatt.end());
    } else if (id == "mal") {
      doc.sections.insert(doc.sections.end(), mal.begin(), mal.end());
    } else if (id == "bilaga") {
      doc.sections.push_back(bilaga);
    } else if (id == "kontroller") {
      CheckSection checks{.id = "kontroller", .title = texts.text("kontroller.rubrik", values)};
      addDelarTableChecks(checks, input.figures, shown, input.rounding);
      checks.items.insert(checks.items.end(), appendixChecks.begin(), appendixChecks.end());
      if (input.figures.snapshotPeriod)
        checks.items.push_back(
            {"Prognos", "prognosen lämnad i " + monthText(*input.figures.snapshotPeriod) + " visas",
             CheckStatus::Ok});
      else
        checks.items.push_back(
            {"Prognos", "ingen prognos lämnad under året före perioden", CheckStatus::Warning});
      if (!input.figures.rsumPrognosUnused.empty()) {
        std::string periods;
        for (const Period p : input.figures.rsumPrognosUnused)
          periods += (periods.empty() ? "" : ", ") + monthText(p);
        // Said for the report's own prognosis: what is missing for it, then what the file has.
        checks.items.push_back(
            {"Prognos per kostnadsslag",
             (input.figures.snapshotPeriod
                  ? "filen saknar prognos per kostnadsslag för prognosen lämnad i " +
                        monthText(*input.figures.snapshotPeriod)
                  : "rapporten har ingen prognos lämnad till och med " + monthText(input.period)) +
                 " (filens rader gäller prognos lämnad i " + periods +
                 "): RSUM-raderna visas utan prognos",
             CheckStatus::Warning});
      }
      for (const auto& [node, ore] : input.figures.unplacedPrognos)
        checks.items.push_back({"Prognosraden för " + node + " kan inte placeras på ett område",
                                "avvikelse " + formatOreAsKronor(ore) + "\xC2\xA0kr ingår inte",
                                CheckStatus::Warning});
      if (!input.figures.unplacedLastYear.empty()) {
        std::string codes;
        for (const std::string& c : input.figures.unplacedLastYear)
          codes += (codes.empty() ? "" : ", ") + c;
        checks.items.push_back(
            {"Föregående års utfall på koder som periodens organisation inte har",
             codes + ": " + formatOreAsKronor(input.figures.unplacedLastYearUtfall) +
                 "\xC2\xA0kr ingår inte i kolumnen för föregående år",
             CheckStatus::Warning});
      }
      addDataQualityChecks(checks, input.quality);
      doc.sections.push_back(std::move(checks));
    }
  }
  return doc;
}

}  // namespace namnd
