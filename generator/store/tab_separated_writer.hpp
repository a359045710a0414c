#pragma once
// The text both servers bulk-load: ClickHouse's TabSeparated and PostgreSQL's COPY text format.
// Fields are separated by a tab and rows end with a newline; a backslash escapes backslash, tab,
// newline, carriage return, NUL, backspace and form feed (both read these escapes alike; a NUL
// that PostgreSQL decodes is refused by it as invalid UTF-8); \N is NULL.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace namnd {

void appendTsvEscaped(std::string& out, std::string_view text);

// Builds rows of that text, row by row.
class TsvWriter {
 public:
  void text(std::string_view value);
  void number(std::int64_t value);
  void null();
  void endRow();

  const std::string& data() const { return out_; }
  std::size_t rowCount() const { return rows_; }
  void clear();

 private:
  void separate();

  std::string out_;
  std::size_t rows_ = 0;
  bool rowStarted_ = false;
};

}  // namespace namnd
