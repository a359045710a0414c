#pragma once
// RFC 4180 records with the line each record starts on. Text arrives in blocks (append), so a
// file of any size streams through a buffer that holds about one block; unquoted fields are
// views into that buffer, quoted ones are unescaped into reused strings.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace namnd {

// The field separator of a file: ';', ',' or '\t', detected from the first non-empty line.
char detectSeparator(std::string_view text);

// Where the line detectSeparator reads ends: the index of the first '\n' outside quotes after the
// first line with text, or npos when `text` does not hold all of that line yet. A streaming reader
// detects the separator only once this is found (or at the end of the file), so that the
// separator never depends on where a block ends.
std::size_t firstLineEnd(std::string_view text);

class CsvReader {
 public:
  enum class Step { Record, NeedMore, End };

  // Streaming: append() text as it is decoded, call step() until NeedMore, and finish() after
  // the last block.
  CsvReader(char separator, std::string displayName);
  // The whole text at once.
  CsvReader(std::string_view text, char separator, std::string displayName);

  void append(std::string_view text);
  // For a reader that starts part-way into a file: the line number of its first line.
  void startAtLine(std::int64_t line) { line_ = line; }
  void finish() { finished_ = true; }

  // Reads the next record. NeedMore: the buffer ends inside a record; append more (or finish)
  // and call again. Empty lines are skipped. Throws InputError for a quote that is never closed
  // (naming the line where it opened) or text after a closing quote.
  Step step();
  // For whole-text readers: true for a record, false at the end.
  bool next() { return step() == Step::Record; }

  // Valid until the next call to step()/append().
  const std::vector<std::string_view>& fields() const { return fields_; }
  std::int64_t line() const { return recordLine_; }  // 1-based line where the record starts
  const std::string& displayName() const { return displayName_; }

 private:
  enum class FieldEnd { Separator, Record, Incomplete };
  // The common case, a record on one line without quotes; false leaves pos_ and line_ as they
  // were and fields_ empty.
  bool readSimpleLine();
  FieldEnd readQuoted(std::size_t fieldIndex, std::string_view& field);
  FieldEnd readPlain(std::string_view& field);

  std::string buffer_;
  std::size_t pos_ = 0;
  bool finished_ = false;
  char separator_;
  std::string displayName_;
  std::int64_t line_ = 1;
  std::int64_t recordLine_ = 0;
  std::vector<std::string_view> fields_;
  // Per field index, reused across records. A deque, because growing it must not move the
  // strings that earlier fields of the same record still point into.
  std::deque<std::string> unescaped_;
};

}  // namespace namnd
