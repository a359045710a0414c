#include <filesystem>

#include "aggregate/account_coverage.hpp"
#include "aggregate/org_rollup.hpp"
#include "aggregate/prognos_rollup.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/import_outcome_printer.hpp"
#include "core/errors.hpp"
#include "core/run_config.hpp"
#include "ingest/kontoplan_reader.hpp"
#include "ingest/org_reader.hpp"
#include "ingest/source_file.hpp"
#include "render/html/html_renderer.hpp"
#include "render/xlsx/xlsx_renderer.hpp"
#include "reports/manadsrapport/manadsrapport_builder.hpp"
#include "store/import_sources.hpp"

namespace namnd {
namespace {

Period parsePeriodArgument(const std::string& name, const std::string& text) {
  const auto period = Period::parse(text);
  if (!period) throw UsageError("--" + name + " ska vara en period ÅÅÅÅMM, inte \"" + text + "\"");
  return *period;
}

// The snapshot the report compares with: the one asked for, the August one ("prognos satt i
// delåret") when the config says "delar" and the period has reached it, else the latest one
// submitted in the report's year up to the period.
std::optional<PrognosSnapshot> chooseSnapshot(const Store& store, const RunConfig& config,
                                              Period period, std::optional<Period> requested) {
  if (requested) {
    auto snapshot = store.loadPrognosSnapshot(*requested);
    if (!snapshot)
      throw InputError({config.configPath.filename().string(), 0, "prognos"},
                       "ingen prognos lämnad " + requested->toString() + " finns i lagret");
    return snapshot;
  }
  const Period august(period.year(), 8);
  if (config.manadsrapportPrognos == "delar" && period >= august)
    if (auto snapshot = store.loadPrognosSnapshot(august)) return snapshot;
  std::optional<Period> latest;
  for (const Period p : store.prognosPeriods())
    if (p.year() == period.year() && p <= period) latest = p;
  if (!latest) return std::nullopt;
  return store.loadPrognosSnapshot(*latest);
}

}  // namespace

int runManadsrapport(const std::vector<std::string>& args, std::ostream& out) {
  const Arguments arguments(args, {"config", "period", "prognos"}, {});
  const RunConfig config = loadRunConfig(arguments.required("config"));
  const Period period = parsePeriodArgument("period", arguments.required("period"));
  std::optional<Period> requestedSnapshot;
  if (const auto p = arguments.value("prognos"))
    requestedSnapshot = parsePeriodArgument("prognos", *p);

  const auto store = openStore(config.storeUri);
  printImportOutcomes(out, importSources(config, *store));

  const OrgTree tree = readOrgTree(readSourceFile(config.org.path, config.org.displayName));
  const AccountMap accounts =
      readAccountMap(readSourceFile(config.kontoplan.path, config.kontoplan.displayName));
  const Cube cube = store->loadCube(PeriodRange::wholeYear(period.year()));

  ManadsrapportInput input{.meta = {.kommun = config.kommun,
                                    .namnd = config.namnd,
                                    .forvaltning = config.forvaltning,
                                    .author = config.forfattare},
                           .period = period,
                           .rounding = config.rounding,
                           .rollup = rollUpToLevel(cube, tree, config.reportLevel, period)};
  if (const auto snapshot = chooseSnapshot(*store, config, period, requestedSnapshot))
    input.prognos = rollUpPrognos(*snapshot, tree, input.rollup);
  input.importLog = store->importLog();
  input.unmappedAccounts = unmappedAccounts(cube, accounts, PeriodRange::ack(period));

  const ReportTexts texts = ReportTexts::load(config.templatesDir / "text" / "manadsrapport.json");
  const Document document = buildManadsrapport(input, texts);

  const std::string stem = "manadsrapport-" + period.toString();
  const std::filesystem::path xlsx = config.outputDir / (stem + ".xlsx");
  const std::filesystem::path html = config.outputDir / (stem + ".html");
  renderXlsx(document, config.templatesDir, xlsx);
  renderHtml(document, config.templatesDir, html);
  out << "Skrev " << xlsx.string() << "\nSkrev " << html.string() << "\n";
  return 0;
}

}  // namespace namnd
