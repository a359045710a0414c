#include "cli/pdf_output.hpp"

#include <system_error>

#include "core/errors.hpp"
#include "render/pdf/chromium_locator.hpp"
#include "render/pdf/pdf_printer.hpp"

namespace namnd {

PdfRequest pdfRequest(const Arguments& arguments, const RunConfig& config) {
  if (arguments.flag("pdf")) return PdfRequest::FromFlag;
  return config.pdf ? PdfRequest::FromConfig : PdfRequest::None;
}

namespace {

// A PDF beside the page from an earlier run shows the earlier figures: it goes when this run
// makes none, so that nobody publishes it (or the gallery links it) next to the new page.
void removeStalePdf(const std::filesystem::path& pdf, std::ostream& out) {
  std::error_code error;
  if (!std::filesystem::exists(pdf, error)) return;
  if (!std::filesystem::remove(pdf, error) || error) {
    throw OutputError("Kan inte ta bort den gamla " + pdf.string() +
                      ", som inte längre stämmer med sidan: " + error.message());
  }
  out << "Tog bort " << pdf.string()
      << ": den var från en tidigare körning och denna skriver ingen PDF\n";
}

}  // namespace

std::optional<std::filesystem::path> writeRequestedPdf(const std::filesystem::path& html,
                                                       PdfRequest request, std::ostream& out) {
  std::filesystem::path pdf = html;
  pdf.replace_extension(".pdf");
  if (request == PdfRequest::None) {
    removeStalePdf(pdf, out);
    return std::nullopt;
  }
  const auto chromium = findChromium();
  if (!chromium) {
    removeStalePdf(pdf, out);
    if (request == PdfRequest::FromFlag) throw OutputError(chromiumMissingMessage());
    out << "Varning: " << chromiumMissingMessage() << " (\"pdf\": true i konfigurationen)\n";
    return std::nullopt;
  }
  try {
    printHtmlToPdf(*chromium, html, pdf);
  } catch (const OutputError&) {
    removeStalePdf(pdf, out);
    throw;
  }
  out << "Skrev " << pdf.string() << "\n";
  return pdf;
}

}  // namespace namnd
