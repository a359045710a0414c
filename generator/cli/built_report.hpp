#pragma once
// A report as its command builds it, before anything is written: the document, where its files
// go and whether a PDF is wanted. The commands build and then write; tests build the same document
// to compare what a real client reads from the written files with the model.

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "cli/pdf_output.hpp"
#include "cli/report_outcome.hpp"
#include "reports/model/document.hpp"

namespace namnd {

struct BuiltReport {
  Document document;
  std::filesystem::path templatesDir;
  std::filesystem::path outputDir;
  std::string stem;  // "manadsrapport-202510": the files are stem.xlsx, .html and .pdf
  PdfRequest pdf = PdfRequest::None;

  std::filesystem::path xlsxPath() const { return outputDir / (stem + ".xlsx"); }
  std::filesystem::path htmlPath() const { return outputDir / (stem + ".html"); }
};

// Each takes the command's arguments (as after `namnd <command>`), imports what changed and
// builds the document, telling `out` what it did; the same errors as the command.
BuiltReport buildManadsrapportFromArguments(const std::vector<std::string>& args,
                                            std::ostream& out);
BuiltReport buildDelarsrapportFromArguments(const std::vector<std::string>& args,
                                            std::ostream& out);
BuiltReport buildAvvikelserFromArguments(const std::vector<std::string>& args, std::ostream& out);
BuiltReport buildKontrollFromArguments(const std::vector<std::string>& args, std::ostream& out);

// Writes the workbook and the page (each atomically), then the PDF when asked for, and names
// each file on `out`. The outcome lists the files and the document's checks.
ReportOutcome writeReport(const BuiltReport& report, std::ostream& out);

}  // namespace namnd
