#pragma once
// Streams the rows of one worksheet part, one at a time, without building a document.

#include <functional>
#include <string>
#include <vector>

#include "ingest/xlsx/workbook_index.hpp"
#include "ingest/xlsx/xlsx_row.hpp"
#include "ingest/xlsx/zip_package.hpp"

namespace namnd {

// Calls onRow for every <row> element in file order (also for rows whose cells are all empty;
// rows the sheet does not mention are not reported). The row passed is reused for the next
// row: copy what you keep. Throws InputError naming file, row and column for a value that
// cannot be read (a bad number, an unknown shared string index or cell type, a bad reference).
void readSheetRows(const ZipPackage& package, const SheetEntry& sheet,
                   const std::vector<std::string>& sharedStrings,
                   const std::function<void(const XlsxRow&)>& onRow);

}  // namespace namnd
