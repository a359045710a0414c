#include "reports/avvikelser/avvikelser_builder.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "reports/avvikelser/avvikelser_checks.hpp"
#include "reports/avvikelser/avvikelser_view.hpp"
#include "reports/avvikelser/hsl_tables.hpp"
#include "reports/avvikelser/sol_lss_tables.hpp"
#include "reports/avvikelser/underreporting_section.hpp"
#include "reports/delarsrapport/tjansteskrivelse.hpp"
#include "reports/section_order.hpp"

namespace namnd {
namespace {

constexpr std::string_view kTextsFile = "templates/text/avvikelser.json";

const std::vector<std::string>& sectionIds() {
  static const std::vector<std::string> kIds = {
      "tjansteskrivelse", "sammanfattning", "oversikt",          "per_enhet",  "andelar",
      "hsl_kategorier",   "fall",           "lakemedel",         "hsl_ovrigt", "externa",
      "lex_sarah",        "lex_maria",      "underrapportering", "kontroller"};
  return kIds;
}

// Herrljunga's Sammanfattning: the grand total against the same span a year earlier and what it
// includes, the HSL part, the SoL/LSS part, and the under-reporting signal when an enhet is
// flagged. A comparison with a span the registers do not reach is left out and said so (its 0
// would read as if nothing had happened).
std::vector<std::string> summarySentences(const AvvikelserView& view) {
  const AvvikelserFigures& f = view.figures();
  const HalfYearPeriod before = sameSpanYearBefore(view.period());
  const auto key = [](const std::string& name, bool compared) {
    return "sammanfattning." + name + (compared ? "" : "_utan_jamforelse");
  };
  std::vector<std::string> sentences;
  sentences.push_back(view.text(key("totalt", view.reachesBoth(before)),
                                {{"antal", view.number(f.current.grand())},
                                 {"antal_foregaende", view.number(f.previous.grand())}}));
  sentences.push_back(view.text("sammanfattning.totalt_innehall"));
  sentences.push_back(view.text(key("hsl", view.reaches(before, AvvikelseDel::Hsl)),
                                {{"hsl", view.number(f.current.hslAvvikelser)},
                                 {"hsl_foregaende", view.number(f.previous.hslAvvikelser)}}));
  sentences.push_back(view.text(key("sol_lss", view.reaches(before, AvvikelseDel::SolLss)),
                                {{"sol_lss", view.number(f.current.solLss)},
                                 {"sol_lss_foregaende", view.number(f.previous.solLss)}}));
  const auto flagged = std::count_if(f.units.begin(), f.units.end(),
                                     [](const UnitReporting& u) { return u.flagged(); });
  if (flagged == 1) sentences.push_back(view.text("sammanfattning.underrapportering_en"));
  if (flagged > 1)
    sentences.push_back(
        view.text("sammanfattning.underrapportering_flera", {{"enheter", view.number(flagged)}}));
  return sentences;
}

}  // namespace

Document buildAvvikelserReport(const AvvikelserInput& input, const ReportTexts& texts) {
  const std::vector<PlannedSection> plan =
      sectionPlan(texts, sectionIds(), std::string(kTextsFile));
  const AvvikelserView view(input, texts);

  Document doc;
  doc.kind = "avvikelser";
  doc.title = view.text("titel");
  doc.meta = input.meta;
  doc.meta.periodLabel = view.text("periodtext");
  doc.meta.documentDate = input.period.last().iso();

  const std::vector<std::string> sentences = summarySentences(view);
  const Table perEnhet = buildPerEnhetTable(view);
  for (const PlannedSection& item : plan) {
    const std::string& id = item.id;
    if (item.isPart) {
      doc.sections.push_back(partHeading(item, view.values(), std::string(kTextsFile)));
    } else if (id == "tjansteskrivelse") {
      AvvikelserSettings settings = input.config.avvikelser;
      if (settings.block.empty()) settings.block = "avvikelser";
      Tjansteskrivelse ts =
          buildTjansteskrivelse(input.config, settings, sentences, texts, view.values());
      doc.meta.header = std::move(ts.header);
      doc.sections.insert(doc.sections.end(), ts.sections.begin(), ts.sections.end());
    } else if (id == "sammanfattning") {
      TextSection s{.id = "sammanfattning", .title = view.text("sammanfattning.rubrik")};
      s.paragraphs = sentences;
      s.paragraphs.push_back(view.text("sammanfattning.rakneregel"));
      if (view.figures().registeredAfter > 0)
        s.paragraphs.push_back(
            view.countSentence("sammanfattning.sena", view.figures().registeredAfter));
      doc.sections.push_back(std::move(s));
    } else if (id == "oversikt") {
      doc.sections.push_back(buildOversiktTable(view));
    } else if (id == "per_enhet") {
      doc.sections.push_back(perEnhet);
    } else if (id == "andelar") {
      for (Section& s : buildAndelSections(view)) doc.sections.push_back(std::move(s));
    } else if (id == "hsl_kategorier") {
      doc.sections.push_back(buildHslKategoriTable(view));
    } else if (id == "fall") {
      doc.sections.push_back(buildFallTable(view));
    } else if (id == "lakemedel") {
      doc.sections.push_back(buildLakemedelTable(view));
    } else if (id == "hsl_ovrigt") {
      doc.sections.push_back(buildHslOvrigtTable(view));
    } else if (id == "externa") {
      doc.sections.push_back(buildExternaSection(view));
    } else if (id == "lex_sarah") {
      doc.sections.push_back(buildLexSection(view, AvvikelseTyp::LexSarah));
    } else if (id == "lex_maria") {
      doc.sections.push_back(buildLexSection(view, AvvikelseTyp::LexMaria));
    } else if (id == "underrapportering") {
      for (Section& s : buildUnderReportingSections(view)) doc.sections.push_back(std::move(s));
    } else if (id == "kontroller") {
      doc.sections.push_back(buildAvvikelserChecks(view, perEnhet));
    }
  }
  return doc;
}

}  // namespace namnd
