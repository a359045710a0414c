#include "cli/built_report.hpp"

#include "render/html/html_renderer.hpp"
#include "render/xlsx/xlsx_renderer.hpp"

namespace namnd {

ReportOutcome writeReport(const BuiltReport& report, std::ostream& out) {
  ReportOutcome outcome = checkOutcome(report.document);
  renderXlsx(report.document, report.templatesDir, report.xlsxPath());
  renderHtml(report.document, report.templatesDir, report.htmlPath());
  out << "Skrev " << report.xlsxPath().string() << "\nSkrev " << report.htmlPath().string() << "\n";
  outcome.files = {report.xlsxPath(), report.htmlPath()};
  if (auto pdf = writeRequestedPdf(report.htmlPath(), report.pdf, out))
    outcome.files.push_back(std::move(*pdf));
  return outcome;
}

}  // namespace namnd
