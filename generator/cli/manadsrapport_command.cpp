#include <filesystem>

#include "aggregate/prognos_rollup.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/period_argument.hpp"
#include "cli/report_context.hpp"
#include "core/errors.hpp"
#include "render/html/html_renderer.hpp"
#include "render/xlsx/xlsx_renderer.hpp"
#include "reports/manadsrapport/manadsrapport_builder.hpp"

namespace namnd {
namespace {

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
  if (config.manadsrapport.prognos == "delar" && period >= august)
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
  const Period period = periodArgument(arguments, "period");
  std::optional<Period> requestedSnapshot;
  if (arguments.value("prognos")) requestedSnapshot = periodArgument(arguments, "prognos");
  const auto context = loadReportContext(arguments.required("config"), period, out);
  const RunConfig& config = context->config;

  ManadsrapportInput input{.meta = context->documentMeta(),
                           .period = period,
                           .rounding = config.rounding,
                           .quality = context->dataQuality()};
  if (const auto snapshot = chooseSnapshot(*context->store, config, period, requestedSnapshot))
    input.prognos = rollUpPrognos(*snapshot, context->tree, context->rollup);

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
