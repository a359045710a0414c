#pragma once
// Typed errors for problems a user can fix. Programmer errors use assert instead.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace namnd {

// Where in an input a problem was found. line is 1-based (0 = whole file); column is the
// column's header name when known, otherwise its 1-based number as text, or empty.
struct SourceLocation {
  std::string file;
  std::int64_t line = 0;
  std::string column;

  // "huvudbok.csv rad 12, kolumn belopp"
  std::string describe() const;
};

// A value from an input as a message quotes it: "…" around it, cut after 60 characters (at a
// UTF-8 boundary, with "…") so that a 10 MB field does not become a 10 MB message.
std::string quotedValue(std::string_view value);

// Bad input data: the message is Swedish and names file, line and column.
class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, const std::string& reason);
  const SourceLocation& where() const { return where_; }
  const std::string& reason() const { return reason_; }

 private:
  SourceLocation where_;
  std::string reason_;
};

// A config file that cannot be used (missing key, wrong type, unreadable path). Swedish message.
class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A failure writing output or talking to the store. Swedish message.
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A store that cannot be opened, read or written: a SQLite file, or a PostgreSQL or ClickHouse
// server that cannot be reached or answers with an error. Swedish message, never a password.
class StoreError : public OutputError {
 public:
  using OutputError::OutputError;
};

}  // namespace namnd
