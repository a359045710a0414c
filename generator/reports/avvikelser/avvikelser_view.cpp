#include "reports/avvikelser/avvikelser_view.hpp"

#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "core/swedish_calendar.hpp"

namespace namnd {
namespace {

std::string lowerFirst(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  return text;
}

std::string spanKey(const HalfYearPeriod& span) {
  return span.half == 0 ? "helar" : "halvar_" + std::to_string(span.half);
}

AvvikelserFigures computeFigures(const AvvikelserInput& input, int areaLevel, int unitLevel) {
  const HalfYearPeriod period = input.period;
  AvvikelserFigures f;
  f.oversikt =
      countOversikt(input.records, oversiktSpans(period, input.config.avvikelser.earlierYears));
  f.current = countTotals(input.records, period);
  f.previous = countTotals(input.records, sameSpanYearBefore(period));
  f.registeredAfter = countRegisteredAfter(input.records, period);
  f.registeredAfterSolLss = countRegisteredAfter(input.records, period, AvvikelseDel::SolLss);
  f.registeredAfterHsl = countRegisteredAfter(input.records, period, AvvikelseDel::Hsl);
  std::vector<const AvvikelseRecord*> solLss;
  for (const AvvikelseRecord& r : input.records)
    if (registeredIn(r, period) && oversiktTyp(r) == OversiktTyp::Avvikelse) solLss.push_back(&r);
  f.solLssPerUnit = tallyByOrg(solLss, input.tree, areaLevel);
  f.hslKategorier = countHslKategorier(input.records, period);
  const std::optional<CalendarDate> first = firstRegistered(input.records);
  f.firstSolLss = firstRegistered(input.records, AvvikelseDel::SolLss);
  f.firstHsl = firstRegistered(input.records, AvvikelseDel::Hsl);
  if (!f.firstSolLss) f.firstSolLss = first;
  if (!f.firstHsl) f.firstHsl = first;
  f.units = underReporting({.records = input.records,
                            .tree = input.tree,
                            .areaLevel = areaLevel,
                            .unitLevel = unitLevel,
                            .span = period,
                            .hours = input.hours,
                            .rule = input.config.avvikelser.underReportingRule(),
                            .volymer = input.volymer});
  return f;
}

}  // namespace

std::string registerColumnNames(const ReportTexts& texts, const AvvikelseRegisterFile& file,
                                std::uint16_t columns) {
  std::string names;
  for (std::size_t bit = 0; bit < kAvvikelseColumnNames.size(); ++bit) {
    if (!(columns & (1u << bit))) continue;
    const std::string_view key = kAvvikelseColumnNames[bit];
    std::string name = texts.text("kolumnnamn." + std::string(key), {});
    for (const auto& [canonical, own] : file.configuredHeaders)
      if (canonical == key) name = own;
    names += (names.empty() ? "" : ", ") + name;
  }
  return names;
}

AvvikelserView::AvvikelserView(const AvvikelserInput& input, const ReportTexts& texts)
    : input_(input), texts_(texts) {
  const RunConfig& config = input.config;
  areaLevel_ = config.reportLevel;
  unitLevel_ = config.avvikelser.unitLevel > 0 ? config.avvikelser.unitLevel : areaLevel_ + 1;
  if (unitLevel_ < areaLevel_)
    throw ConfigError(config.configPath.string() + ": \"avvikelser.niva\" (" +
                      std::to_string(unitLevel_) + ") ligger över rapportnivån (" +
                      std::to_string(areaLevel_) + "); enheterna måste ligga på eller under den");
  if (input.period.half < 0 || input.period.half > 2)
    throw ConfigError("avvikelser: perioden " + input.period.code() + " är varken halvår eller år");

  values_["kommun"] = config.kommun;
  values_["namnd"] = config.namnd;
  values_["forvaltning"] = config.forvaltning;
  values_["personer_minst"] = std::to_string(config.avvikelser.personThreshold);
  const HalfYearPeriod before = sameSpanYearBefore(input.period);
  for (const auto& [name, span] :
       {std::pair{"period", input.period}, std::pair{"foregaende", before}}) {
    const std::string prefix = name;
    values_[prefix + ".kod"] = span.code();
    values_[prefix + ".ar"] = std::to_string(span.year);
    values_[prefix + ".forsta"] = span.first().iso();
    values_[prefix + ".sista"] = span.last().iso();
  }
  // The span texts use {ar} only, so they are filled after the plain values.
  for (const auto& [name, span] :
       {std::pair{"period", input.period}, std::pair{"foregaende", before}}) {
    const std::string prefix = name;
    values_[prefix + ".text"] = spanText(span);
    values_[prefix + ".Text"] = capitalizeFirst(spanText(span));
    values_[prefix + ".kolumn"] = spanColumn(span);
  }
  const std::string rapport =
      texts.text(input.period.half == 0 ? "rapportnamn.helar" : "rapportnamn.halvar", values_);
  values_["rapport"] = rapport;
  values_["rapport.gemen"] = lowerFirst(rapport);

  figures_ = computeFigures(input, areaLevel_, unitLevel_);

  // Short names for the config's tjänsteskrivelse texts, so that one config reads right for a
  // half-year and a whole year ("… för {period_text}", "{totalt} avvikelser").
  values_["period"] = input.period.code();
  values_["datum"] = config.avvikelser.datum;  // the tjänsteskrivelse's own date
  values_["period_text"] = values_["period.text"];
  values_["period_kolumn"] = values_["period.kolumn"];
  values_["foregaende_period_text"] = values_["foregaende.text"];
  // A year the registers do not reach has no figure: "uppgift saknas", not 0.
  const bool solLssBefore = reaches(before, AvvikelseDel::SolLss);
  const bool hslBefore = reaches(before, AvvikelseDel::Hsl);
  values_["totalt"] = number(figures_.current.grand());
  values_["totalt_foregaende"] =
      solLssBefore && hslBefore ? number(figures_.previous.grand()) : missing();
  values_["hsl"] = number(figures_.current.hslAvvikelser);
  values_["hsl_foregaende"] = hslBefore ? number(figures_.previous.hslAvvikelser) : missing();
  values_["sol_lss"] = number(figures_.current.solLss);
  values_["sol_lss_foregaende"] = solLssBefore ? number(figures_.previous.solLss) : missing();
}

std::string AvvikelserView::text(std::string_view key) const { return texts_.text(key, values_); }

std::string AvvikelserView::text(std::string_view key, const PlaceholderValues& extra) const {
  PlaceholderValues merged = values_;
  for (const auto& [name, value] : extra) merged[name] = value;
  return texts_.text(key, merged);
}

std::string AvvikelserView::spanColumn(const HalfYearPeriod& span) const {
  return texts_.text("kolumner." + spanKey(span), {{"ar", std::to_string(span.year)}});
}

std::string AvvikelserView::spanText(const HalfYearPeriod& span) const {
  return texts_.text("perioder." + spanKey(span), {{"ar", std::to_string(span.year)}});
}

std::string AvvikelserView::number(std::int64_t value) const {
  return formatInteger(value, texts_.text("tusentalsavgransare", {}));
}

std::string AvvikelserView::countSentence(std::string_view keyPrefix, std::int64_t count,
                                          PlaceholderValues extra) const {
  extra["antal"] = number(count);
  return text(std::string(keyPrefix) + (count == 1 ? "_en" : "_flera"), extra);
}

bool AvvikelserView::reaches(const HalfYearPeriod& span, AvvikelseDel del) const {
  return reachedFrom(del == AvvikelseDel::SolLss ? figures_.firstSolLss : figures_.firstHsl, span);
}

bool AvvikelserView::reachesBoth(const HalfYearPeriod& span) const {
  return reaches(span, AvvikelseDel::SolLss) && reaches(span, AvvikelseDel::Hsl);
}

std::string AvvikelserView::beforeRegistersNote(AvvikelseDel del) const {
  const std::optional<CalendarDate>& first =
      del == AvvikelseDel::SolLss ? figures_.firstSolLss : figures_.firstHsl;
  return text("fotnot_fore_registren", {{"datum", first ? first->iso() : std::string()}});
}

std::string AvvikelserView::missing() const { return text("uppgift_saknas"); }

std::string AvvikelserView::columnName(AvvikelseColumn column,
                                       const std::vector<std::string>& files) const {
  std::string key;
  for (std::size_t bit = 0; bit < kAvvikelseColumnNames.size(); ++bit)
    if (column == (1u << bit)) key = std::string(kAvvikelseColumnNames[bit]);
  // The files' own name for the column, when the config gives every one of them the same.
  std::optional<std::string> configured;
  bool same = !files.empty();
  for (const std::string& name : files) {
    std::string header;
    for (const AvvikelseRegisterFile& file : input_.registerFiles)
      if (file.name == name)
        for (const auto& [canonical, own] : file.configuredHeaders)
          if (canonical == key) header = own;
    if (header.empty() || (configured && *configured != header)) same = false;
    configured = header;
  }
  return same && configured ? *configured : text("kolumnnamn." + key);
}

std::vector<std::string> AvvikelserView::moveNotes(const std::vector<OrgMove>& moves,
                                                   std::string_view key,
                                                   PlaceholderValues extra) const {
  const auto nameOf = [&](const std::string& code) {
    const OrgNode* node = input_.tree.find(code);
    return node ? node->name : code;
  };
  std::vector<std::string> notes;
  for (const OrgMove& move : moves) {
    extra["enhet"] = move.name;
    extra["fran"] = nameOf(move.fromParent);
    extra["till"] = nameOf(move.toParent);
    notes.push_back(text(std::string(key), extra));
  }
  return notes;
}

std::string AvvikelserView::columnNames(std::uint16_t columns, const std::string& file) const {
  for (const AvvikelseRegisterFile& registerFile : input_.registerFiles)
    if (registerFile.name == file) return registerColumnNames(texts_, registerFile, columns);
  return registerColumnNames(texts_, AvvikelseRegisterFile{.name = file}, columns);
}

std::optional<std::string> AvvikelserView::coverageNote(const ColumnCoverage& coverage,
                                                        AvvikelseColumn column,
                                                        const std::string& figure) const {
  if (coverage.without == 0) return std::nullopt;
  std::string files;
  for (std::size_t i = 0; i < coverage.filesWithout.size(); ++i)
    files += (i == 0                                  ? ""
              : i + 1 == coverage.filesWithout.size() ? " och "
                                                      : ", ") +
             coverage.filesWithout[i];
  const std::string name = columnName(column, coverage.filesWithout);
  return text(coverage.none() ? "saknas.fotnot_helt" : "saknas.fotnot_delvis",
              {{"uppgift", figure},
               {"kolumn", name},
               {"filer", files},
               {"utan", number(coverage.without)},
               {"antal", number(coverage.records)}});
}

std::string handelsetypName(const AvvikelserView& view, const std::string& handelsetyp) {
  return handelsetyp.empty() ? view.text("andelar.ej_angiven") : handelsetyp;
}

}  // namespace namnd
