#include "store/postgres_connection.hpp"

#include <charconv>
#include <cstring>

#include <libpq-fe.h>

#include "store/stored_values.hpp"

namespace namnd {

namespace {

// COPY data goes to the server in pieces of about this size.
constexpr std::size_t kCopyChunkBytes = 1 << 20;

// libpq's message without the trailing newline.
std::string trimmed(const char* message) {
  std::string text = message ? message : "";
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text.empty() ? "okänt fel" : text;
}

// The password of `conninfo`, when libpq can read one from it.
std::string passwordOf(const std::string& conninfo) {
  std::string password;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  PQfreemem(error);
  if (!options) return password;
  for (const PQconninfoOption* option = options; option->keyword; ++option)
    if (std::strcmp(option->keyword, "password") == 0 && option->val) password = option->val;
  PQconninfoFree(options);
  return password;
}

// A libpq message with every trace of the password removed (libpq may quote a piece of the
// connection string it could not read).
std::string withoutPassword(std::string message, const std::string& conninfo) {
  message = redactedStoreUri(message);
  const std::string password = passwordOf(conninfo);
  if (password.empty()) return message;
  for (std::size_t at = 0; (at = message.find(password, at)) != std::string::npos; at += 3)
    message.replace(at, password.size(), "***");
  return message;
}

void ignoreNotice(void*, const char*) {}  // "relation … already exists, skipping" and the like

// The parameters as libpq takes them: C strings, NULL for SQL NULL.
std::vector<const char*> parameterValues(PgParams params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const PgParam& param : params) values.push_back(param.text ? param.text->c_str() : nullptr);
  return values;
}

}  // namespace

namespace {
std::string withoutFinalPeriod(std::string text) {
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  return text;
}
}  // namespace

PgError::PgError(const std::string& connectionName, const std::string& detail)
    : StoreError("Lagret " + connectionName + " svarade med ett fel: " + detail),
      detail_(withoutFinalPeriod(detail)) {}

PgResult::PgResult(pg_result* result, std::string connectionName)
    : result_(result), connectionName_(std::move(connectionName)) {}

PgResult::PgResult(PgResult&& other) noexcept
    : result_(other.result_), connectionName_(std::move(other.connectionName_)) {
  other.result_ = nullptr;
}

PgResult::~PgResult() { PQclear(result_); }

int PgResult::rows() const { return PQntuples(result_); }

std::string PgResult::text(int row, int column) const {
  return std::string(PQgetvalue(result_, row, column),
                     static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

bool PgResult::isNull(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }

std::int64_t PgResult::int64(int row, int column) const {
  const char* begin = PQgetvalue(result_, row, column);
  const char* end = begin + PQgetlength(result_, row, column);
  std::int64_t value = 0;
  const auto [at, error] = std::from_chars(begin, end, value);
  if (isNull(row, column) || error != std::errc() || at != end)
    throw StoreError("Lagret " + connectionName_ + " innehåller talet '" + std::string(begin, end) +
                     "' där ett heltal skulle stå.");
  return value;
}

std::optional<std::int64_t> PgResult::optionalInt64(int row, int column) const {
  if (isNull(row, column)) return std::nullopt;
  return int64(row, column);
}

PgConnection::PgConnection(const std::string& conninfo)
    : name_(conninfo.empty() ? "postgresql: (anslutningen ur PGHOST, PGDATABASE, PGUSER …)"
                             : redactedStoreUri(conninfo)) {
  // dbname is expanded as a whole connection string; the keywords after it override it.
  const char* keywords[] = {"dbname", "client_encoding", "fallback_application_name", nullptr};
  const char* values[] = {conninfo.c_str(), "UTF8", "namnd", nullptr};
  conn_ = PQconnectdbParams(keywords, values, 1);
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    const std::string detail =
        conn_ ? withoutPassword(trimmed(PQerrorMessage(conn_)), conninfo) : "slut på minne";
    PQfinish(conn_);
    conn_ = nullptr;
    throw StoreError("Kunde inte ansluta till lagret " + name_ + ": " + detail);
  }
  PQsetNoticeProcessor(conn_, ignoreNotice, nullptr);
}

PgConnection::~PgConnection() { PQfinish(conn_); }

std::string PgConnection::lastError() const { return trimmed(PQerrorMessage(conn_)); }

void PgConnection::check(pg_result* result, int expectedStatus) {
  if (result && PQresultStatus(result) == expectedStatus) return;
  // The server's primary message, without "ERROR:" and the context lines after it.
  const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const std::string detail = primary  ? trimmed(primary)
                             : result ? trimmed(PQresultErrorMessage(result))
                                      : lastError();
  PQclear(result);
  throw PgError(name_, detail);
}

void PgConnection::sendQuery(std::string_view sql, PgParams params) {
  const std::vector<const char*> values = parameterValues(params);
  const std::string statement(sql);
  if (!PQsendQueryParams(conn_, statement.c_str(), static_cast<int>(values.size()), nullptr,
                         values.data(), nullptr, nullptr, 0))
    throw PgError(name_, lastError());
}

pg_result* PgConnection::execRaw(std::string_view sql, PgParams params) {
  const std::vector<const char*> values = parameterValues(params);
  const std::string statement(sql);
  return PQexecParams(conn_, statement.c_str(), static_cast<int>(values.size()), nullptr,
                      values.data(), nullptr, nullptr, 0);
}

PgResult PgConnection::exec(std::string_view sql, PgParams params) {
  pg_result* result = execRaw(sql, params);
  if (result && PQresultStatus(result) == PGRES_COMMAND_OK) return PgResult(result, name_);
  check(result, PGRES_TUPLES_OK);
  return PgResult(result, name_);
}

void PgConnection::forEachRow(std::string_view sql, PgParams params,
                              const std::function<void(const PgResult& row)>& visit) {
  sendQuery(sql, params);
  PQsetSingleRowMode(conn_);
  // Every result must be read before the connection takes the next statement, also after a
  // failed visit: the first exception is kept and thrown once the query is drained.
  std::exception_ptr failure;
  while (pg_result* result = PQgetResult(conn_)) {
    const ExecStatusType status = PQresultStatus(result);
    if (failure || status == PGRES_TUPLES_OK) {
      PQclear(result);
      continue;
    }
    if (status != PGRES_SINGLE_TUPLE) {
      try {
        check(result, PGRES_SINGLE_TUPLE);
      } catch (...) {
        failure = std::current_exception();
      }
      continue;
    }
    const PgResult row(result, name_);
    try {
      visit(row);
    } catch (...) {
      failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
}

void PgConnection::inTransaction(const std::function<void()>& work, std::string_view begin) {
  exec(begin);
  try {
    work();
    exec("COMMIT");
  } catch (...) {
    // A broken connection rolls back by itself; the first error is the one to report.
    PQclear(execRaw("ROLLBACK", {}));
    throw;
  }
}

PgCopyIn::PgCopyIn(PgConnection& connection, std::string_view copySql) : connection_(connection) {
  pg_result* started = connection_.execRaw(copySql, {});
  connection_.check(started, PGRES_COPY_IN);  // clears and throws unless the COPY started
  PQclear(started);
}

PgCopyIn::~PgCopyIn() {
  if (finished_) return;
  PQputCopyEnd(connection_.conn_, "avbruten");
  while (pg_result* result = PQgetResult(connection_.conn_)) PQclear(result);
}

PgCopyIn& PgCopyIn::field(std::string_view text) {
  rows_.text(text);
  return *this;
}

PgCopyIn& PgCopyIn::field(std::int64_t value) {
  rows_.number(value);
  return *this;
}

PgCopyIn& PgCopyIn::field(const std::optional<std::int64_t>& value) {
  value ? rows_.number(*value) : rows_.null();
  return *this;
}

void PgCopyIn::endRow() {
  rows_.endRow();
  if (rows_.data().size() >= kCopyChunkBytes) flush();
}

void PgCopyIn::flush() {
  const std::string& data = rows_.data();
  if (data.empty()) return;
  if (PQputCopyData(connection_.conn_, data.data(), static_cast<int>(data.size())) != 1)
    throw PgError(connection_.name_, connection_.lastError());
  rows_.clear();
}

void PgCopyIn::finish() {
  flush();
  finished_ = true;
  if (PQputCopyEnd(connection_.conn_, nullptr) != 1)
    throw PgError(connection_.name_, connection_.lastError());
  // The COPY's own result, then the end of the command.
  pg_result* result = PQgetResult(connection_.conn_);
  while (pg_result* rest = PQgetResult(connection_.conn_)) PQclear(rest);
  connection_.check(result, PGRES_COMMAND_OK);
  PQclear(result);
}

}  // namespace namnd
