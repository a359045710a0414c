#include <filesystem>

#include "cli/arguments.hpp"
#include "cli/built_report.hpp"
#include "cli/commands.hpp"
#include "cli/config_argument.hpp"
#include "cli/report_context.hpp"
#include "core/errors.hpp"
#include "ingest/rsum_prognos_reader.hpp"
#include "ingest/table/open_source.hpp"
#include "ingest/volymer_reader.hpp"
#include "reports/checks/personal_data_guard.hpp"
#include "reports/delarsrapport/delar_appendix_tables.hpp"
#include "reports/delarsrapport/delar_figures.hpp"
#include "reports/delarsrapport/delarsrapport_builder.hpp"

namespace namnd {
namespace {

// "2025-08-31": a month's last day (the report is per a month-end).
Period perArgument(const Arguments& arguments) {
  const std::string text = arguments.required("per");
  const std::optional<Period> period = Period::fromIsoDate(text);
  if (!period || text.size() != 10 || std::stoi(text.substr(8)) != period->lastDay())
    throw UsageError("--per ska vara en månads sista dag ÅÅÅÅ-MM-DD (t.ex. 2025-08-31), inte \"" +
                     text + "\"");
  return *period;
}

// The appendix tables (investeringar, budgetram, verksamhetsmått, mål) need their own text
// template; without it the report has no appendix rather than an error.
void addAppendix(DelarsrapportInput& input, const ReportContext& context) {
  const std::filesystem::path texts =
      context.config.templatesDir / "text" / "delarsrapport-bilagor.json";
  if (!std::filesystem::exists(texts)) return;
  const ReportTexts appendixTexts = ReportTexts::load(texts);
  const DelarsrapportSettings& settings = context.config.delarsrapport;
  std::optional<VolymImport> volymer;
  if (settings.volymer) volymer = readVolymer(*openTabularSource(*settings.volymer));
  const DelarAppendixInput appendix{
      .per = context.period,
      .rounding = context.config.rounding,
      .yearCube = context.cube,
      .investeringar = settings.investeringar,
      .budgetram = settings.budgetram,
      .mal = settings.mal,
      .verksamhetsmatt = settings.verksamhetsmatt,
      .volymer = {.table = volymer ? &volymer->table : nullptr,
                  .displayName = settings.volymer ? settings.volymer->displayName : std::string(),
                  .configKey = "delarsrapport.volymer"}};
  input.budgetram = buildBudgetramSections(appendix, appendixTexts);
  input.investeringar = buildInvesteringarSections(appendix, appendixTexts);
  input.verksamhetsmatt = buildVerksamhetsmattSections(appendix, appendixTexts);
  input.mal = buildMalSections(appendix, appendixTexts);
}

}  // namespace

BuiltReport buildDelarsrapportFromArguments(const std::vector<std::string>& args,
                                            std::ostream& out) {
  const Arguments arguments(args, {"config", "ut", "per"}, {"pdf"});
  const Period period = perArgument(arguments);
  const auto context = loadReportContext(configArgument(arguments), period, out);
  const RunConfig& config = context->config;
  const Store& store = *context->store;
  // Fail on the tjänsteskrivelse's config before the work, and never write half a report.
  if (!config.delarsrapport.present)
    throw ConfigError(config.configPath.string() +
                      ": \"delarsrapport\" saknas: tjänsteskrivelsen behöver handläggare, datum, "
                      "diarienummer, förslag till beslut och underskrifter");

  // A report of a year the store knows nothing of would read "budget i balans" over zeros.
  if (context->cube.empty())
    throw ConfigError(config.configPath.string() + ": lagret har varken utfall eller budget för " +
                      std::to_string(period.year()) +
                      "; lägg årets huvudbok och budget under \"huvudbok\" och \"budget\"");
  const Cube lastYear = store.loadCube(PeriodRange::wholeYear(period.year() - 1));
  std::optional<PrognosSnapshot> snapshot;
  if (const auto chosen = chooseDelarSnapshot(store.prognosPeriods(), period))
    snapshot = store.loadPrognosSnapshot(*chosen);

  const ReportTexts texts = ReportTexts::load(config.templatesDir / "text" / "delarsrapport.json");
  DelarFiguresInput figuresInput{.yearCube = context->cube,
                                 .lastYearCube = lastYear,
                                 .tree = context->tree,
                                 .accounts = context->accounts,
                                 .level = config.reportLevel,
                                 .period = period,
                                 .snapshot = snapshot ? &*snapshot : nullptr};
  std::vector<RsumPrognos> rsumPrognos;
  if (const auto& file = config.delarsrapport.prognosPerKostnadsslag) {
    const auto source = openTabularSource(*file);
    RsumPrognosImport read = readRsumPrognos(*source);
    if (!read.summary.rejected.empty())
      throw InputError(read.summary.rejected.front().where, read.summary.rejected.front().reason);
    rsumPrognos = std::move(read.rows);
    figuresInput.rsumPrognos = &rsumPrognos;
    figuresInput.rsumPrognosFile = file->displayName;
  }
  PlaceholderValues values = delarsrapportPlaceholders(config, period, texts);
  values["omrade"] = "{omrade}";  // filled per area by computeDelarFigures
  figuresInput.unmappedRowName = texts.text("rsum.ej_mappat", values);
  figuresInput.directUnitName = texts.text("bilaga.direkt", values);

  DelarsrapportInput input{.config = config,
                           .meta = context->documentMeta(),
                           .period = period,
                           .rounding = config.rounding,
                           .figures = computeDelarFigures(figuresInput),
                           .quality = context->dataQuality(),
                           .snapshot = snapshot ? &*snapshot : nullptr};
  if (const auto& comments = config.delarsrapport.comments)
    input.comments = readControllerComments(comments->path, comments->displayName, context->tree,
                                            config.reportLevel, period);
  addAppendix(input, *context);
  Document document = buildDelarsrapport(input, texts);
  refusePersonalData(document, config);

  char stamp[16];
  std::snprintf(stamp, sizeof stamp, "%04d%02d%02d", period.year(), period.month(),
                period.lastDay());
  const std::string stem = std::string("delarsrapport-") + stamp;
  return {.document = std::move(document),
          .templatesDir = config.templatesDir,
          .outputDir = config.outputDir,
          .stem = stem,
          .pdf = pdfRequest(arguments, config)};
}

ReportOutcome makeDelarsrapport(const std::vector<std::string>& args, std::ostream& out) {
  return writeReport(buildDelarsrapportFromArguments(args, out), out);
}

int runDelarsrapport(const std::vector<std::string>& args, std::ostream& out) {
  makeDelarsrapport(args, out);
  return 0;
}

}  // namespace namnd
