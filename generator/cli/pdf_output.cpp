#include "cli/pdf_output.hpp"

#include "core/errors.hpp"
#include "render/pdf/chromium_locator.hpp"
#include "render/pdf/pdf_printer.hpp"

namespace namnd {

PdfRequest pdfRequest(const Arguments& arguments, const RunConfig& config) {
  if (arguments.flag("pdf")) return PdfRequest::FromFlag;
  return config.pdf ? PdfRequest::FromConfig : PdfRequest::None;
}

void writeRequestedPdf(const std::filesystem::path& html, PdfRequest request, std::ostream& out) {
  if (request == PdfRequest::None) return;
  const auto chromium = findChromium();
  if (!chromium) {
    if (request == PdfRequest::FromFlag) throw OutputError(chromiumMissingMessage());
    out << "Varning: " << chromiumMissingMessage() << " (\"pdf\": true i konfigurationen)\n";
    return;
  }
  std::filesystem::path pdf = html;
  pdf.replace_extension(".pdf");
  printHtmlToPdf(*chromium, html, pdf);
  out << "Skrev " << pdf.string() << "\n";
}

}  // namespace namnd
