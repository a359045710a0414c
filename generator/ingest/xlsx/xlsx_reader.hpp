#pragma once
// Reads tabular data out of an .xlsx workbook, streaming one row at a time. Every XLSX input
// goes through here, and so do the golden tests that read back the workbooks we write.
//
//   XlsxWorkbook book = XlsxWorkbook::open(path, "budget.xlsx");
//   book.readSheet("", [&](const XlsxRow& row) { ... });  // the first sheet
//
// Cell values come back as stored: numbers as their exact XML text plus a double, strings
// resolved from the shared string table. Dates are plain numbers (Excel keeps no date type);
// excelSerialToIsoDate turns one into "YYYY-MM-DD" when the caller knows the column is a date.

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/xlsx/excel_date.hpp"
#include "ingest/xlsx/xlsx_row.hpp"
#include "ingest/xlsx/zip_limits.hpp"

namespace namnd {

class XlsxWorkbook {
 public:
  // Opens and indexes the workbook (workbook.xml and its relationships, sharedStrings.xml).
  // displayName is used in messages. Throws InputError (Swedish, naming the file and the part)
  // when the file is not a zip or is corrupt or truncated, a workbook part is missing, XML is
  // malformed or carries a DTD, or an entry inflates beyond limits (a zip bomb).
  static XlsxWorkbook open(const std::filesystem::path& file, std::string displayName,
                           const ZipLimits& limits = {});
  // The same for a file already read into memory (e.g. the bytes that were hashed for import).
  static XlsxWorkbook openBytes(std::shared_ptr<const std::string> bytes, std::string displayName,
                                const ZipLimits& limits = {});

  XlsxWorkbook(XlsxWorkbook&&) noexcept;
  XlsxWorkbook& operator=(XlsxWorkbook&&) noexcept;
  ~XlsxWorkbook();

  const std::string& displayName() const;
  std::vector<std::string> sheetNames() const;  // in workbook (tab) order
  ExcelDateSystem dateSystem() const;           // for excelSerialToIsoDate

  // Streams the rows of the named sheet (empty name = the first worksheet) in file order; see
  // XlsxRow for what a row holds. The row passed to onRow is reused: copy what you keep. onRow
  // may throw to stop; the exception propagates. The name is matched exactly, else ignoring
  // ASCII case. Throws InputError for an unknown sheet name (listing the sheets that exist), a
  // chart sheet, or a value that cannot be read (naming file, row and column).
  void readSheet(std::string_view sheetName,
                 const std::function<void(const XlsxRow&)>& onRow) const;

 private:
  struct Impl;
  explicit XlsxWorkbook(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace namnd
