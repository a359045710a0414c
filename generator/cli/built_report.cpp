#include "cli/built_report.hpp"

#include "render/html/html_renderer.hpp"
#include "render/xlsx/xlsx_renderer.hpp"

namespace namnd {

void writeReport(const BuiltReport& report, std::ostream& out) {
  renderXlsx(report.document, report.templatesDir, report.xlsxPath());
  renderHtml(report.document, report.templatesDir, report.htmlPath());
  out << "Skrev " << report.xlsxPath().string() << "\nSkrev " << report.htmlPath().string() << "\n";
  writeRequestedPdf(report.htmlPath(), report.pdf, out);
}

}  // namespace namnd
