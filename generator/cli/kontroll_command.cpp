#include <filesystem>

#include "cli/arguments.hpp"
#include "cli/built_report.hpp"
#include "cli/commands.hpp"
#include "cli/config_argument.hpp"
#include "cli/period_argument.hpp"
#include "cli/report_context.hpp"
#include "reports/checks/personal_data_guard.hpp"
#include "reports/kontroll/kontroll_builder.hpp"

namespace namnd {

BuiltReport buildKontrollFromArguments(const std::vector<std::string>& args, std::ostream& out) {
  const Arguments arguments(args, {"config", "ut", "period"}, {"pdf"});
  const Period period = periodArgument(arguments, "period");
  const auto context = loadReportContext(configArgument(arguments), period, out);
  const RunConfig& config = context->config;

  const ReportTexts texts = ReportTexts::load(config.templatesDir / "text" / "kontroll.json");
  Document document =
      buildKontrollrapport(context->documentMeta(), period, context->dataQuality(), texts);
  refusePersonalData(document, config);
  return {.document = std::move(document),
          .templatesDir = config.templatesDir,
          .outputDir = config.outputDir,
          .stem = "kontroll-" + period.toString(),
          .pdf = pdfRequest(arguments, config)};
}

ReportOutcome makeKontroll(const std::vector<std::string>& args, std::ostream& out) {
  const BuiltReport report = buildKontrollFromArguments(args, out);
  const auto& summary = std::get<TextSection>(report.document.sections.front());
  out << summary.paragraphs.front() << "\n";
  return writeReport(report, out);
}

int runKontroll(const std::vector<std::string>& args, std::ostream& out) {
  makeKontroll(args, out);
  return 0;
}

}  // namespace namnd
