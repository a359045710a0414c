#pragma once
// The PDF a report command writes beside its HTML when asked: `--pdf` on the command line, or
// "pdf": true in the config. Without Chromium, an explicit --pdf is an error (exit 1: the user
// asked for a file that is not there) while the config switch is a warning (a config is shared
// by machines with and without Chromium); either way the HTML and workbook are already written.

#include <filesystem>
#include <optional>
#include <ostream>

#include "cli/arguments.hpp"
#include "core/run_config.hpp"

namespace namnd {

enum class PdfRequest { None, FromConfig, FromFlag };

// What the run asks for; --pdf wins over the config.
PdfRequest pdfRequest(const Arguments& arguments, const RunConfig& config);

// After `html` is written: prints it to the .pdf of the same stem beside it and says so on `out`,
// or warns on `out` (FromConfig) or throws OutputError (FromFlag) when Chromium is missing. A
// Chromium that fails is an OutputError either way. A PDF of the same stem left by an earlier run
// is removed whenever this run makes none (also with PdfRequest::None), and `out` says so.
// Returns the PDF written, if any.
std::optional<std::filesystem::path> writeRequestedPdf(const std::filesystem::path& html,
                                                       PdfRequest request, std::ostream& out);

}  // namespace namnd
