#include <filesystem>

#include "aggregate/prognos_rollup.hpp"
#include "cli/arguments.hpp"
#include "cli/built_report.hpp"
#include "cli/commands.hpp"
#include "cli/config_argument.hpp"
#include "cli/period_argument.hpp"
#include "cli/report_context.hpp"
#include "core/errors.hpp"
#include "core/reporting_calendar.hpp"
#include "reports/checks/personal_data_guard.hpp"
#include "reports/manadsrapport/commentary.hpp"
#include "reports/manadsrapport/manadsrapport_builder.hpp"
#include "reports/manadsrapport/snapshot_comparison.hpp"
#include "reports/manadsrapport/staffing_sections.hpp"

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
      throw ConfigError("--prognos " + requested->toString() +
                        ": ingen prognos lämnad den månaden finns i lagret");
    return snapshot;
  }
  const Period delar = delarsPeriod(period.year());
  if (config.manadsrapport.prognos == "delar" && period >= delar)
    if (auto snapshot = store.loadPrognosSnapshot(delar)) return snapshot;
  std::optional<Period> latest;
  for (const Period p : store.prognosPeriods())
    if (p.year() == period.year() && p <= period) latest = p;
  if (!latest) return std::nullopt;
  return store.loadPrognosSnapshot(*latest);
}

// The staffing part needs its own text template; a templates folder from before it existed
// gives a report without that part rather than an error.
std::vector<Section> staffingSections(const ReportContext& context) {
  const std::filesystem::path texts = context.config.templatesDir / "text" / "personal.json";
  if (context.hr.empty() || !std::filesystem::exists(texts)) return {};
  const StaffingInput input{.hours = context.hr,
                            .tree = context.tree,
                            .unitLevel = context.config.reportLevel + 1,
                            .period = context.period,
                            .parameters = context.config.staffing};
  return buildStaffingSections(input, ReportTexts::load(texts));
}

// The checks' verdict on the terminal as well: an error in the report's own checks should not
// wait for someone to scroll to its last section.
void printCheckSummary(const ReportOutcome& outcome, std::ostream& out) {
  for (const std::string& failed : outcome.failedChecks)
    out << "Fel i kontrollerna: " << failed << "\n";
  out << "Rapportens kontroller gav " << outcome.warnings
      << (outcome.warnings == 1 ? " varning" : " varningar") << " och "
      << outcome.failedChecks.size() << " fel.\n";
}

}  // namespace

BuiltReport buildManadsrapportFromArguments(const std::vector<std::string>& args,
                                            std::ostream& out) {
  const Arguments arguments(args, {"config", "ut", "period", "prognos", "jamfor"}, {"pdf"});
  const Period period = periodArgument(arguments, "period");
  std::optional<Period> requestedSnapshot;
  if (arguments.value("prognos")) requestedSnapshot = periodArgument(arguments, "prognos");
  std::optional<Period> requestedComparison;
  if (arguments.value("jamfor")) requestedComparison = periodArgument(arguments, "jamfor");
  const auto context = loadReportContext(configArgument(arguments), period, out);
  const RunConfig& config = context->config;
  const Store& store = *context->store;

  ManadsrapportInput input{.config = config,
                           .meta = context->documentMeta(),
                           .period = period,
                           .rounding = config.rounding,
                           .quality = context->dataQuality()};
  if (const auto snapshot = chooseSnapshot(store, config, period, requestedSnapshot))
    input.prognos = rollUpPrognos(*snapshot, context->tree, context->rollup);

  const std::vector<Period> snapshotPeriods = store.prognosPeriods();
  input.comparison = chooseSnapshots(snapshotPeriods, period, requestedComparison);
  for (const Period p : snapshotPeriods) {
    if (p.year() != period.year() || period < p) continue;
    if (const auto snapshot = store.loadPrognosSnapshot(p))
      input.snapshots.push_back(rollUpPrognos(*snapshot, context->tree, context->rollup));
  }
  if (input.comparison.current)
    input.currentSnapshot = store.loadPrognosSnapshot(*input.comparison.current);

  input.enheter = rollUpToLevel(context->cube, context->tree, config.reportLevel + 1, period);
  input.largestTransactions = config.manadsrapport.largestTransactions;
  input.transactions = store.loadLargestTransactions(period, input.largestTransactions);
  if (const auto& comments = config.manadsrapport.comments)
    input.comments = readControllerComments(comments->path, comments->displayName, context->tree,
                                            config.reportLevel, period);
  input.staffing = staffingSections(*context);

  const ReportTexts texts = ReportTexts::load(config.templatesDir / "text" / "manadsrapport.json");
  Document document = buildManadsrapport(input, texts);
  refusePersonalData(document, config);
  return {.document = std::move(document),
          .templatesDir = config.templatesDir,
          .outputDir = config.outputDir,
          .stem = "manadsrapport-" + period.toString(),
          .pdf = pdfRequest(arguments, config)};
}

ReportOutcome makeManadsrapport(const std::vector<std::string>& args, std::ostream& out) {
  ReportOutcome outcome = writeReport(buildManadsrapportFromArguments(args, out), out);
  printCheckSummary(outcome, out);
  return outcome;
}

int runManadsrapport(const std::vector<std::string>& args, std::ostream& out) {
  makeManadsrapport(args, out);
  return 0;
}

}  // namespace namnd
