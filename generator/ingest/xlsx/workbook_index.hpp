#pragma once
// What workbook.xml and its relationships say: the sheets in order and where their parts are,
// the shared strings part, and the date system.

#include <string>
#include <vector>

#include "ingest/xlsx/excel_date.hpp"
#include "ingest/xlsx/zip_package.hpp"

namespace namnd {

struct SheetEntry {
  std::string name;
  std::string partName;     // e.g. "xl/worksheets/sheet1.xml"
  bool isWorksheet = true;  // false for chart, dialog and macro sheets (no cells to read)
};

struct WorkbookIndex {
  std::vector<SheetEntry> sheets;  // in workbook (tab) order
  std::string sharedStringsPart;   // empty when the workbook has no shared strings
  ExcelDateSystem dateSystem = ExcelDateSystem::k1900;
};

// Follows _rels/.rels to the workbook part and its .rels to the sheets. Throws InputError when
// the workbook part, its relationships or a sheet's relationship is missing, or it has no sheets.
WorkbookIndex readWorkbookIndex(const ZipPackage& package);

}  // namespace namnd
