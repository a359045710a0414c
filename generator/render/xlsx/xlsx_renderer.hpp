#pragma once
// Document → Excel workbook. One sheet per Table (title rows, bold header, numbers as numbers with
// US-notation format codes), a "Kontroller" sheet per CheckSection, a sheet per TextSection and a
// sheet per Chart (its data table with a native Excel chart beside it that draws those cells; a
// chart without any value gets the sentence "Inga uppgifter att visa." instead).
// The sheet layout (paper, orientation, column widths, sheet names) comes from
// templates/xlsx/document.json, overridden key by key by templates/xlsx/<doc.kind>.json.
//
// Totals are written as the numbers in the Document, never as SUM formulas: each displayed cell
// is rounded from exact öre on its own, so a total may differ from the sum of its rounded rows.
//
// The same Document gives a byte-identical file: the creation time comes from
// meta.documentDate (12:00 UTC), never from the clock.

#include <filesystem>

#include "reports/model/document.hpp"

namespace namnd {

// Writes atomically (temp file + rename). OutputError for an unusable layout file, a malformed
// meta.documentDate or a write failure.
void renderXlsx(const Document& doc, const std::filesystem::path& templatesDir,
                const std::filesystem::path& outFile);

}  // namespace namnd
