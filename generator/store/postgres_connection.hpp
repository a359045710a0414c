#pragma once
// A small RAII layer over libpq for the PostgreSQL store: one connection, statements with text
// parameters, results read by row and column, transactions and COPY FROM STDIN. Every failure
// is an OutputError (Swedish) naming the connection with its password hidden.

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"
#include "store/tab_separated_writer.hpp"

struct pg_conn;
struct pg_result;

namespace namnd {

// A statement failed on the server (or the connection broke). detail() is libpq's message,
// for a caller that puts it in a message of its own.
class PgError : public StoreError {
 public:
  PgError(const std::string& connectionName, const std::string& detail);
  // The server's message, without a final period (callers go on with a sentence of their own).
  const std::string& detail() const { return detail_; }

 private:
  std::string detail_;
};

// One statement parameter, sent as text (libpq converts it to the column's type); nothing is
// SQL NULL.
struct PgParam {
  std::optional<std::string> text;
  PgParam(std::string_view value) : text(std::string(value)) {}
  PgParam(const std::string& value) : text(value) {}
  PgParam(const char* value) : text(std::string(value)) {}
  PgParam(std::int64_t value) : text(std::to_string(value)) {}
  PgParam(int value) : text(std::to_string(value)) {}
  PgParam(const std::optional<std::int64_t>& value)
      : text(value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt) {}
};
using PgParams = std::initializer_list<PgParam>;

// The rows of one statement. Columns are read as text, integers or optional integers.
class PgResult {
 public:
  PgResult(pg_result* result, std::string connectionName);
  PgResult(PgResult&& other) noexcept;
  PgResult& operator=(PgResult&&) = delete;
  PgResult(const PgResult&) = delete;
  ~PgResult();

  int rows() const;
  std::string text(int row, int column) const;
  bool isNull(int row, int column) const;
  // Throws OutputError when the value is not an int64 (the store wrote it, so: a damaged store).
  std::int64_t int64(int row, int column) const;
  std::optional<std::int64_t> optionalInt64(int row, int column) const;

 private:
  pg_result* result_;
  std::string connectionName_;
};

class PgConnection {
 public:
  // Connects with client_encoding UTF8 (the store's texts are UTF-8 whatever the server or the
  // environment says). Throws OutputError "Kunde inte ansluta till lagret …".
  explicit PgConnection(const std::string& conninfo);
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection();

  // The conninfo as messages may show it (password hidden).
  const std::string& name() const { return name_; }

  // Runs one statement; throws PgError when it fails.
  PgResult exec(std::string_view sql, PgParams params = {});
  // Runs one statement and hands each row to `visit` as it arrives (libpq's single-row mode),
  // so that a large result is never held whole.
  void forEachRow(std::string_view sql, PgParams params,
                  const std::function<void(const PgResult& row)>& visit);

  // Runs `work` between BEGIN and COMMIT; on any exception rolls back and rethrows it.
  // `begin` may name an isolation level ("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").
  void inTransaction(const std::function<void()>& work, std::string_view begin = "BEGIN");

  friend class PgCopyIn;

 private:
  pg_result* execRaw(std::string_view sql, PgParams params);
  void sendQuery(std::string_view sql, PgParams params);
  // Returns when `result` has the expected status, leaving it to the caller to own (and clear);
  // otherwise clears it and throws PgError with the server's message.
  void check(pg_result* result, int expectedStatus);
  std::string lastError() const;

  pg_conn* conn_ = nullptr;
  std::string name_;
};

// COPY <table> (<columns>) FROM STDIN in text format, fed row by row and sent in chunks. A copy
// that is destroyed unfinished (an exception while rows were added) is aborted on the server,
// so its statement fails and the transaction rolls back.
class PgCopyIn {
 public:
  PgCopyIn(PgConnection& connection, std::string_view copySql);
  PgCopyIn(const PgCopyIn&) = delete;
  PgCopyIn& operator=(const PgCopyIn&) = delete;
  ~PgCopyIn();

  PgCopyIn& field(std::string_view text);
  PgCopyIn& field(std::int64_t value);
  PgCopyIn& field(const std::optional<std::int64_t>& value);
  void endRow();
  // Sends the rest and ends the COPY; throws PgError when the server refused a row.
  void finish();

 private:
  void flush();

  PgConnection& connection_;
  TsvWriter rows_;  // COPY's text format is the TabSeparated text ClickHouse reads
  bool finished_ = false;
};

}  // namespace namnd
