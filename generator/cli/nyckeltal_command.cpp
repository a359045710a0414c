#include <algorithm>
#include <deque>
#include <set>
#include <sstream>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/config_argument.hpp"
#include "cli/pdf_output.hpp"
#include "cli/report_context.hpp"
#include "core/errors.hpp"
#include "ingest/org_reader.hpp"
#include "ingest/table/open_source.hpp"
#include "ingest/volymer_reader.hpp"
#include "render/atomic_output_file.hpp"
#include "render/html/html_renderer.hpp"
#include "render/xlsx/xlsx_renderer.hpp"
#include "reports/checks/personal_data_guard.hpp"
#include "reports/nyckeltal/nyckeltal_csv.hpp"
#include "reports/nyckeltal/nyckeltal_report.hpp"
#include "reports/nyckeltal/nyckeltal_settings.hpp"

namespace namnd {
namespace {

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) items.push_back(item);
  return items;
}

// --matt may be given more than once (and each may list ids separated by commas); the other
// options once each, as Arguments wants them.
std::vector<std::string> takeRepeated(const std::vector<std::string>& args,
                                      const std::string& option, std::vector<std::string>& values) {
  std::vector<std::string> rest;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] != "--" + option) {
      rest.push_back(args[i]);
      continue;
    }
    if (i + 1 >= args.size() || args[i + 1].starts_with("--"))
      throw UsageError("--" + option + " saknar ett värde");
    for (std::string& id : splitList(args[++i])) values.push_back(std::move(id));
  }
  return rest;
}

std::vector<Period> periodsArgument(const Arguments& arguments) {
  std::vector<Period> periods;
  for (const std::string& text : splitList(arguments.required("period"))) {
    const auto period = Period::parse(text);
    if (!period)
      throw UsageError("--period ska vara ÅÅÅÅMM (eller flera med komma), inte \"" + text + "\"");
    periods.push_back(*period);
  }
  if (periods.empty()) throw UsageError("--period saknar ett värde");
  std::sort(periods.begin(), periods.end());
  periods.erase(std::unique(periods.begin(), periods.end()), periods.end());
  return periods;
}

std::set<std::string> formatsArgument(const Arguments& arguments) {
  std::set<std::string> formats;
  for (const std::string& format : splitList(arguments.value("format").value_or("xlsx"))) {
    if (format != "xlsx" && format != "csv" && format != "html")
      throw UsageError("--format ska vara xlsx, csv eller html (eller flera med komma), inte \"" +
                       format + "\"");
    formats.insert(format);
  }
  if (formats.empty()) throw UsageError("--format saknar ett värde");
  return formats;
}

std::vector<const NyckeltalDefinition*> chosenDefinitions(const NyckeltalCatalogue& catalogue,
                                                          std::vector<std::string> ids) {
  std::vector<const NyckeltalDefinition*> chosen;
  if (ids.empty()) {
    for (const NyckeltalDefinition& d : catalogue.definitions()) chosen.push_back(&d);
    return chosen;
  }
  for (const std::string& id : ids) {
    const NyckeltalDefinition* d = catalogue.find(id);
    if (!d) {
      std::string known;
      for (const auto& k : catalogue.definitions()) known += (known.empty() ? "" : ", ") + k.id;
      throw UsageError("nyckeltalet \"" + id + "\" finns inte i katalogen (kända: " + known + ")");
    }
    if (std::find(chosen.begin(), chosen.end(), d) == chosen.end()) chosen.push_back(d);
  }
  return chosen;
}

}  // namespace

ReportOutcome makeNyckeltal(const std::vector<std::string>& args, std::ostream& out) {
  std::vector<std::string> ids;
  const Arguments arguments(takeRepeated(args, "matt", ids), {"config", "ut", "period", "format"},
                            {"pdf"});
  const std::vector<Period> periods = periodsArgument(arguments);
  const std::set<std::string> formats = formatsArgument(arguments);
  if (arguments.flag("pdf") && !formats.contains("html"))
    throw UsageError("--pdf skriver ut webbsidan: ta med html i --format");
  const auto context =
      loadReportContext(configArgument(arguments), periods.back(), out, LedgerNeed::None);
  const RunConfig& config = context->config;
  const NyckeltalSettings settings = readNyckeltalSettings(config);

  NyckeltalCatalogue catalogue;
  catalogue.addFile(settings.baseCatalogue, settings.baseCatalogueName);
  if (settings.ownCatalogue)
    catalogue.addFile(settings.ownCatalogue->path, settings.ownCatalogue->displayName);
  checkNyckeltalSettings(settings, catalogue);
  const auto definitions =
      chosenDefinitions(catalogue, ids.empty() ? settings.selection : std::move(ids));

  // The years asked for and the year before each, for the comparison column.
  std::set<int> years;
  for (const Period p : periods) {
    years.insert(p.year());
    years.insert(p.year() - 1);
  }
  const Store& store = *context->store;
  NyckeltalData data{.tree = &context->tree,
                     .staffing = config.staffing,
                     .balanceToleranceOre = config.delarsrapport.balanceToleranceTkr * 100'000};
  for (const int year : years) {
    Cube cube = store.loadCube(PeriodRange::wholeYear(year));
    if (!cube.empty()) data.cubes.emplace(year, std::move(cube));
  }
  data.hr = store.loadHr({Period(*years.begin(), 1), Period(*years.rbegin(), 12)});
  for (const Period p : store.prognosPeriods())
    if (years.contains(p.year()))
      if (auto snapshot = store.loadPrognosSnapshot(p))
        data.snapshots.emplace(p, std::move(*snapshot));
  std::optional<VolymImport> volymer;
  if (settings.volymer) {
    volymer = readVolymer(*openTabularSource(*settings.volymer));
    data.volymer = &volymer->table;
  }
  data.volymerKey = settings.volymerKey;

  const NyckeltalRequest request{.definitions = definitions,
                                 .periods = periods,
                                 .reportLevel = config.reportLevel,
                                 .targets = settings.targets};
  // Each period's figures follow the organisation of that period (an ansvar that moved later
  // still counts where it was), whatever other periods are asked for with it.
  const OrgTree versions = readOrgTree(*openTabularSource(config.org));
  std::deque<OrgTree> trees;
  std::vector<NyckeltalResult> results;
  for (const Period period : periods) {
    data.tree = &trees.emplace_back(versions.asOf(period));
    NyckeltalRequest one = request;
    one.periods = {period};
    NyckeltalEvaluator evaluator(data);
    for (NyckeltalResult& r : computeNyckeltal(one, evaluator, *data.tree))
      results.push_back(std::move(r));
  }
  // By definition, then period (as the tables and the long format list them).
  const auto rank = [&](const NyckeltalResult& r) {
    return std::find(definitions.begin(), definitions.end(), r.definition) - definitions.begin();
  };
  std::stable_sort(results.begin(), results.end(),
                   [&](const auto& a, const auto& b) { return rank(a) < rank(b); });
  const ReportTexts texts = ReportTexts::load(config.templatesDir / "text" / "nyckeltal.json");
  const auto document = [&](NyckeltalLayout layout) {
    return buildNyckeltalDocument(results, request, context->documentMeta(), texts, layout);
  };
  // The same guard as every report: nothing is written if a text would show a personnummer (a
  // kommun's own catalogue or org names could carry one).
  for (const NyckeltalLayout layout : {NyckeltalLayout::Workbook, NyckeltalLayout::Page})
    refusePersonalData(document(layout), config);

  ReportOutcome outcome;
  const std::string stem = "nyckeltal-" + periods.back().toString();
  if (formats.contains("xlsx")) {
    const auto file = config.outputDir / (stem + ".xlsx");
    renderXlsx(document(NyckeltalLayout::Workbook), config.templatesDir, file);
    out << "Skrev " << file.string() << "\n";
    outcome.files.push_back(file);
  }
  if (formats.contains("html")) {
    const auto file = config.outputDir / (stem + ".html");
    renderHtml(document(NyckeltalLayout::Page), config.templatesDir, file);
    out << "Skrev " << file.string() << "\n";
    outcome.files.push_back(file);
    if (auto pdf = writeRequestedPdf(file, pdfRequest(arguments, config), out))
      outcome.files.push_back(std::move(*pdf));
  }
  if (formats.contains("csv")) {
    const auto file = config.outputDir / (stem + ".csv");
    writeFileAtomically(file, nyckeltalCsv(results, config.kommun));
    out << "Skrev " << file.string() << "\n";
    outcome.files.push_back(file);
  }
  return outcome;
}

int runNyckeltal(const std::vector<std::string>& args, std::ostream& out) {
  makeNyckeltal(args, out);
  return 0;
}

}  // namespace namnd
