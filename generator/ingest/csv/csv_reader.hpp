#pragma once
// RFC 4180 records over UTF-8 text held in memory, with the line each record starts on.
// Unquoted fields are views into the text; quoted ones are unescaped into reused buffers.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace namnd {

// The field separator of a file: ';', ',' or '\t', detected from the header line.
char detectSeparator(std::string_view text);

class CsvReader {
 public:
  CsvReader(std::string_view text, char separator, std::string displayName);

  // Advances to the next record; false at the end. Empty lines are skipped. Throws InputError
  // for a quote that is never closed (naming the line where it opened) or text after a closing
  // quote.
  bool next();
  // Valid until the next call to next().
  const std::vector<std::string_view>& fields() const { return fields_; }
  std::int64_t line() const { return recordLine_; }  // 1-based line where the record starts
  const std::string& displayName() const { return displayName_; }

 private:
  std::string_view readQuoted(std::size_t fieldIndex);

  std::string_view text_;
  char separator_;
  std::string displayName_;
  std::size_t pos_ = 0;
  std::int64_t line_ = 1;
  std::int64_t recordLine_ = 0;
  std::vector<std::string_view> fields_;
  // Per field index, reused across records. A deque, because growing it must not move the
  // strings that earlier fields of the same record still point into.
  std::deque<std::string> unescaped_;
};

}  // namespace namnd
