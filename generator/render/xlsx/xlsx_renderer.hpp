#pragma once
// Document → Excel workbook. Every section is a block under its own title row: a Table (unit
// note, bold header row, numbers as numbers with US-notation format codes, negatives red where
// the column marks them, footnotes), a CheckSection, a TextSection, or a Chart (its data table
// with a native Excel chart beside it that draws those cells; a chart without any value gets the
// sentence "Inga uppgifter att visa." instead). A section has a sheet of its own, named by its
// title, unless the layout names its sheet: consecutive sections the layout gives the same name
// share that sheet, one below the other with an empty row between. Only a sheet with a single
// table freezes and repeats its header row (and filters a workbook-only table).
// The sheet layout (paper, orientation, column widths, sheet names) comes from
// templates/xlsx/document.json, overridden key by key by templates/xlsx/<doc.kind>.json
// (render/xlsx/xlsx_layout.hpp). Every page has the document title above and "Sida n av m"
// below.
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
