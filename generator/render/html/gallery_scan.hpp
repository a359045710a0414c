#pragma once
// The reports a folder holds, for the gallery page (output/index.html): every *.html, *.xlsx and
// *.pdf under it, also in subfolders, grouped by stem so that a report's page, workbook and PDF
// are one entry. The store folder `lager`, hidden files (the temp files of AtomicOutputFile,
// LibreOffice's lock files), Excel's "~$" lock files and the gallery itself are not reports.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace namnd {

struct ReportFiles {
  // Relative to the scanned folder, '/'-separated, without extension:
  // "prognosunderlag/202510/prognosunderlag-202510-AF1".
  std::string stem;
  // Relative paths as `stem`, with the extension as found; empty when the report has none.
  std::string html;
  std::string xlsx;
  std::string pdf;
  // The HTML page's <title> as text (entities decoded, white space collapsed); empty when there
  // is no HTML or its head has no readable title.
  std::string title;
};

// The file name of the gallery page the scan leaves out at the top of the folder.
inline constexpr const char* kGalleryFileName = "index.html";

// Sorted by stem (bytewise), so that the result does not depend on directory order. Throws
// InputError (Swedish, naming the folder) when it does not exist, is not a folder or cannot be
// read.
std::vector<ReportFiles> findReports(const std::filesystem::path& folder);

// The last part of a '/'-separated relative path: "prognosunderlag/202510/x.xlsx" → "x.xlsx".
std::string_view lastPathPart(std::string_view relative);

// The text of the first <title> in an HTML document's head (only the first 64 KiB are looked
// at), or nullopt. Exposed for tests.
std::optional<std::string> htmlTitle(std::string_view html);

}  // namespace namnd
