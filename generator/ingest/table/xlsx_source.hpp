#pragma once
// A sheet of an XLSX workbook as a tabular input: the same header matching and records as a CSV
// file, so every reader takes either format.
//
// The header is the first non-empty row, unless it does not match the input's columns and one of
// the next rows does (exports put a report title above the table): the first ten non-empty rows
// are tried in order. Numeric cells are read from the text the workbook stores, never through a
// double: amounts round exactly to the öre, and codes or periods stored as numbers ("202510.0",
// "2.0251E5") read as "202510".

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "ingest/table/tabular_source.hpp"

namespace namnd {

class XlsxSource final : public TabularSource {
 public:
  // bytes: the file already read (and hashed) by the caller; sheet: the sheet named in config, or
  // empty for the first worksheet. Nothing is parsed until read().
  XlsxSource(std::shared_ptr<const std::string> bytes, std::string displayName, std::string sheet);

  // The workbook read from disk as it is needed: memory holds one inflated part at a time, not
  // the whole file.
  XlsxSource(std::filesystem::path path, std::string displayName, std::string sheet);
  const std::string& displayName() const override;
  // Throws InputError for a workbook that cannot be read (as XlsxWorkbook reports it), an unknown
  // sheet, an empty sheet, or a header that lacks a required column; the message names the row
  // that looks most like the header.
  void read(const TableSpec& spec, const std::function<void(const Record&)>& onRecord) override;

 private:
  std::shared_ptr<const std::string> bytes_;  // or, when empty, the workbook is read from path_
  std::filesystem::path path_;
  std::string displayName_;
  std::string sheet_;
};

}  // namespace namnd
