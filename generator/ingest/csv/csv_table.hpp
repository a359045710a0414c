#pragma once
// A CSV input opened the way the input contract says: encoding and separator detected, header
// row matched against the input's canonical columns, records read one at a time.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"
#include "ingest/csv/column_matcher.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/csv/text_encoding.hpp"

namespace namnd {

class CsvTable {
 public:
  // Takes the file's bytes. Throws InputError for an undecodable file, a missing header row or
  // a missing required column.
  CsvTable(std::string bytes, std::string displayName, const std::vector<ColumnSpec>& specs);
  // The reader holds views into the decoded text, so a table stays where it was made.
  CsvTable(const CsvTable&) = delete;
  CsvTable& operator=(const CsvTable&) = delete;

  bool next() { return reader_.next(); }
  std::int64_t line() const { return reader_.line(); }
  std::int64_t headerLine() const { return headerLine_; }
  // An InputError on the header line, for a missing column that the specs cannot express
  // ("period or datum").
  [[noreturn]] void failHeader(const std::string& reason) const;

  bool has(std::string_view column) const { return columns_.has(column); }
  // The field of the current record (trimmed of surrounding spaces); empty when the column is
  // absent or the record is short.
  std::string_view field(std::string_view column) const;
  // Where the field is, for messages: file, the record's line, the column as the file names it.
  SourceLocation at(std::string_view column) const;
  // True when the record has a different number of fields than the header.
  bool ragged() const { return reader_.fields().size() != headerSize_; }
  std::size_t fieldCount() const { return reader_.fields().size(); }
  std::size_t headerSize() const { return headerSize_; }

  const std::string& displayName() const { return displayName_; }
  TextEncoding encoding() const { return decoded_.encoding; }
  char separator() const { return separator_; }

 private:
  std::string displayName_;
  DecodedText decoded_;
  char separator_;
  CsvReader reader_;
  std::size_t headerSize_ = 0;
  std::int64_t headerLine_ = 0;
  ColumnMatcher columns_;
};

}  // namespace namnd
