#include <filesystem>

#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/period_argument.hpp"
#include "cli/report_context.hpp"
#include "render/html/html_renderer.hpp"
#include "render/xlsx/xlsx_renderer.hpp"
#include "reports/checks/personal_data_guard.hpp"
#include "reports/kontroll/kontroll_builder.hpp"

namespace namnd {

int runKontroll(const std::vector<std::string>& args, std::ostream& out) {
  const Arguments arguments(args, {"config", "period"}, {});
  const Period period = periodArgument(arguments, "period");
  const auto context = loadReportContext(arguments.required("config"), period, out);
  const RunConfig& config = context->config;

  const ReportTexts texts = ReportTexts::load(config.templatesDir / "text" / "kontroll.json");
  const Document document =
      buildKontrollrapport(context->documentMeta(), period, context->dataQuality(), texts);
  refusePersonalData(document, config);

  const std::string stem = "kontroll-" + period.toString();
  const std::filesystem::path xlsx = config.outputDir / (stem + ".xlsx");
  const std::filesystem::path html = config.outputDir / (stem + ".html");
  renderXlsx(document, config.templatesDir, xlsx);
  renderHtml(document, config.templatesDir, html);
  const auto& summary = std::get<TextSection>(document.sections.front());
  out << summary.paragraphs.front() << "\nSkrev " << xlsx.string() << "\nSkrev " << html.string()
      << "\n";
  return 0;
}

}  // namespace namnd
