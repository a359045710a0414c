#include <filesystem>

#include "aggregate/prognos_proposal.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/config_argument.hpp"
#include "cli/period_argument.hpp"
#include "cli/report_context.hpp"
#include "render/xlsx/prognosunderlag_workbook.hpp"
#include "reports/checks/personal_data_guard.hpp"
#include "reports/prognosunderlag/prognosunderlag_builder.hpp"

namespace namnd {

ReportOutcome makePrognosunderlag(const std::vector<std::string>& args, std::ostream& out) {
  const Arguments arguments(args, {"config", "ut", "period"}, {});
  const Period period = periodArgument(arguments, "period");
  const auto context = loadReportContext(configArgument(arguments), period, out);
  const RunConfig& config = context->config;

  PrognosunderlagInput input{.kommun = config.kommun,
                             .namnd = config.namnd,
                             .period = period,
                             .tree = &context->tree,
                             .yearCube = &context->cube,
                             .unitLevel = prognosunderlagLevel(config),
                             .choice = proposalChoiceFromConfig(config.prognosunderlag.proposal)};
  // Last month's prognosis and comments: the latest snapshot of the year before the period.
  if (const auto previous = previousSnapshotPeriod(context->store->prognosPeriods(), period))
    input.previous = context->store->loadPrognosSnapshot(*previous);

  const ReportTexts texts =
      ReportTexts::load(config.templatesDir / "text" / "prognosunderlag.json");
  const Prognosunderlag underlag = buildPrognosunderlag(input, texts);
  refusePersonalData(underlag, config);
  if (underlag.units.empty()) {
    out << "Inga enheter på nivå " << input.unitLevel << " har belopp för " << period.year()
        << "; inget prognosunderlag skrevs.\n";
    return {};
  }
  const std::filesystem::path folder = config.outputDir / "prognosunderlag" / period.toString();
  const auto files = writePrognosunderlag(
      underlag, folder, prognosunderlagSplit(config.prognosunderlag.split), config.forfattare);
  for (const auto& file : files) out << "Skrev " << file.string() << "\n";
  return {.files = files};
}

int runPrognosunderlag(const std::vector<std::string>& args, std::ostream& out) {
  makePrognosunderlag(args, out);
  return 0;
}

}  // namespace namnd
