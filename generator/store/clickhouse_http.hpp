#pragma once
// Talking to ClickHouse over its HTTP interface: the shards' endpoints as an address names them,
// one POST per query, and the TabSeparated format both ways (rows sent with an INSERT, results
// read back). The store builds its SQL on top of this and knows nothing of HTTP.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "store/tab_separated_writer.hpp"

namespace namnd {

struct ClickhouseEndpoint {
  std::string host;
  int port = 0;

  std::string name() const { return host + ":" + std::to_string(port); }  // for messages
};

// "HOST:PORT[,HOST:PORT…]/DATABASE": the HTTP endpoints of the shards, in shard order.
struct ClickhouseAddress {
  std::vector<ClickhouseEndpoint> shards;
  std::string database;  // a plain identifier, so that SQL may name it unquoted
};

// Parses an address; empty: the environment variable NAMND_CLICKHOUSE. Throws ConfigError
// (Swedish) for a malformed or missing address.
ClickhouseAddress parseClickhouseAddress(const std::string& address);

struct TsvField {
  std::string text;  // unescaped
  bool null = false;
};
using TsvRow = std::vector<TsvField>;

// Calls `visit` with each row of a TabSeparated result (each line one row, fields unescaped);
// the row passed is reused for the next one.
void forEachTsvRow(std::string_view data, const std::function<void(TsvRow&)>& visit);
// The rows of a TabSeparated result, for small results.
std::vector<TsvRow> parseTsv(std::string_view data);
// A field holding an integer; OutputError (Swedish) for anything else.
std::int64_t tsvInt64(const TsvField& field);

// A string literal for SQL text: quoted, with ClickHouse's escapes.
std::string sqlString(std::string_view text);

// One POST per call. User and password come from CLICKHOUSE_USER and CLICKHOUSE_PASSWORD and go
// in headers, never in a URL or a message. Every failure (unreachable endpoint, an error from
// the server) is an OutputError in Swedish naming the endpoint and ClickHouse's own message.
class ClickhouseHttp {
 public:
  ClickhouseHttp();

  // Runs `sql` and returns the response body (the result in the format the query asks for).
  std::string query(const ClickhouseEndpoint& endpoint, std::string_view sql) const;
  // Runs "`insertSql` FORMAT TabSeparated" with `rows` as its data: one block, so ClickHouse
  // writes all of it or nothing.
  void insert(const ClickhouseEndpoint& endpoint, std::string_view insertSql,
              std::string_view rows) const;

 private:
  std::string post(const ClickhouseEndpoint& endpoint, std::string_view body) const;
  std::string withoutPassword(std::string text) const;

  std::string user_;
  std::string password_;
};

}  // namespace namnd
