#include "store/clickhouse_http.hpp"

#include <charconv>
#include <cstdlib>
#include <istream>
#include <optional>
#include <ostream>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/Timespan.h>

#include "core/errors.hpp"

namespace namnd {

namespace {

// A server that does not answer a connect within seconds is down; a query over a region's
// ledger may run for minutes.
constexpr long kConnectSeconds = 10;
constexpr long kTransferSeconds = 600;
// ClickHouse's messages can quote a whole query; a user needs the first sentences.
constexpr std::size_t kMessageLimit = 400;

std::string envOr(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

bool isIdentifier(std::string_view text) {
  if (text.empty() || (text[0] >= '0' && text[0] <= '9')) return false;
  for (const char c : text)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  return true;
}

std::optional<int> portOf(std::string_view text) {
  int port = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (error != std::errc() || end != text.data() + text.size() || port < 1 || port > 65535)
    return std::nullopt;
  return port;
}

ConfigError badAddress(const std::string& address, const std::string& why) {
  return ConfigError("ogiltig ClickHouse-adress \"" + address + "\": " + why +
                     " (formen är VÄRD:PORT[,VÄRD:PORT…]/DATABAS)");
}

// "Code: 60, e.displayText() = DB::Exception: Table x doesn't exist., e.what() = …" → "Table x
// doesn't exist."
std::string serverMessage(std::string text) {
  const std::string start = "e.displayText() = ";
  if (const std::size_t at = text.find(start); at != std::string::npos) {
    text.erase(0, at + start.size());
    if (const std::size_t end = text.rfind(", e.what() = "); end != std::string::npos)
      text.erase(end);
  }
  if (text.rfind("DB::Exception: ", 0) == 0) text.erase(0, 15);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r'))
    text.pop_back();
  if (text.size() > kMessageLimit) text = text.substr(0, kMessageLimit) + " …";
  return text;
}

char unescaped(char c) {
  switch (c) {
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    case 'n':
      return '\n';
    case 'r':
      return '\r';
    case 't':
      return '\t';
    case '0':
      return '\0';
    case 'a':
      return '\a';
    case 'v':
      return '\v';
    default:
      return c;  // \\ \' \" and any other: the character itself, as ClickHouse reads it
  }
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

ClickhouseAddress parseClickhouseAddress(const std::string& given) {
  const std::string address = given.empty() ? envOr("NAMND_CLICKHOUSE") : given;
  if (address.empty())
    throw ConfigError(
        "ingen ClickHouse-adress: ange lager \"clickhouse:VÄRD:PORT[,VÄRD:PORT…]/DATABAS\" "
        "eller sätt miljövariabeln NAMND_CLICKHOUSE");
  const std::size_t slash = address.rfind('/');
  if (slash == std::string::npos) throw badAddress(address, "databasen saknas");
  ClickhouseAddress parsed;
  parsed.database = address.substr(slash + 1);
  if (!isIdentifier(parsed.database))
    throw badAddress(address, "databasens namn får bara ha bokstäver a–z, siffror och _");
  std::string_view endpoints = std::string_view(address).substr(0, slash);
  while (true) {
    const std::size_t comma = endpoints.find(',');
    const std::string_view endpoint = endpoints.substr(0, comma);
    const std::size_t colon = endpoint.rfind(':');
    if (colon == std::string_view::npos || colon == 0)
      throw badAddress(address, "\"" + std::string(endpoint) + "\" är inte VÄRD:PORT");
    const auto port = portOf(endpoint.substr(colon + 1));
    if (!port) throw badAddress(address, "\"" + std::string(endpoint) + "\" har ingen giltig port");
    parsed.shards.push_back({std::string(endpoint.substr(0, colon)), *port});
    if (comma == std::string_view::npos) break;
    endpoints.remove_prefix(comma + 1);
  }
  return parsed;
}

void forEachTsvRow(std::string_view data, const std::function<void(TsvRow&)>& visit) {
  TsvRow row;
  std::size_t fields = 0;  // of `row`, in use: its strings keep their buffers between rows
  const auto field = [&]() -> TsvField& {
    if (fields == row.size()) row.emplace_back();
    return row[fields];
  };
  const auto endField = [&] {
    field();
    ++fields;
  };
  bool pending = false;  // something of the current row has been read
  for (std::size_t i = 0; i < data.size(); ++i) {
    const char c = data[i];
    if (c == '\t' || c == '\n') {
      endField();
      if (c == '\n') {
        row.resize(fields);
        visit(row);
        fields = 0;
        for (TsvField& f : row) {
          f.text.clear();
          f.null = false;
        }
        pending = false;
      }
      continue;
    }
    TsvField& into = field();
    pending = true;
    if (c != '\\' || i + 1 == data.size()) {
      into.text += c;
      continue;
    }
    const char next = data[++i];
    if (next == 'N') {
      into.null = true;
    } else if (next == 'x' && i + 2 < data.size() && hexDigit(data[i + 1]) >= 0 &&
               hexDigit(data[i + 2]) >= 0) {
      into.text += static_cast<char>(hexDigit(data[i + 1]) * 16 + hexDigit(data[i + 2]));
      i += 2;
    } else {
      into.text += unescaped(next);
    }
  }
  if (pending || fields > 0) {  // a last line without its newline
    endField();
    row.resize(fields);
    visit(row);
  }
}

std::vector<TsvRow> parseTsv(std::string_view data) {
  std::vector<TsvRow> rows;
  forEachTsvRow(data, [&](TsvRow& row) { rows.push_back(row); });
  return rows;
}

std::int64_t tsvInt64(const TsvField& field) {
  std::int64_t value = 0;
  const char* end = field.text.data() + field.text.size();
  const auto [at, error] = std::from_chars(field.text.data(), end, value);
  if (field.null || error != std::errc() || at != end || field.text.empty())
    throw StoreError("Oväntat svar från ClickHouse: \"" + field.text.substr(0, 40) +
                     "\" är inget heltal.");
  return value;
}

std::string sqlString(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'')
      out += "\\'";
    else
      appendTsvEscaped(out, std::string_view(&c, 1));
  }
  out += '\'';
  return out;
}

ClickhouseHttp::ClickhouseHttp()
    : user_(envOr("CLICKHOUSE_USER")), password_(envOr("CLICKHOUSE_PASSWORD")) {
  // A password alone is the default user's.
  if (user_.empty() && !password_.empty()) user_ = "default";
}

std::string ClickhouseHttp::query(const ClickhouseEndpoint& endpoint, std::string_view sql) const {
  return post(endpoint, sql);
}

void ClickhouseHttp::insert(const ClickhouseEndpoint& endpoint, std::string_view insertSql,
                            std::string_view rows) const {
  std::string body;
  body.reserve(insertSql.size() + 32 + rows.size());
  body.append(insertSql).append(" FORMAT TabSeparated\n").append(rows);
  post(endpoint, body);
}

std::string ClickhouseHttp::withoutPassword(std::string text) const {
  if (password_.empty()) return text;
  for (std::size_t at = 0; (at = text.find(password_, at)) != std::string::npos; at += 3)
    text.replace(at, password_.size(), "***");
  return text;
}

std::string ClickhouseHttp::post(const ClickhouseEndpoint& endpoint, std::string_view body) const {
  Poco::Net::HTTPResponse response;
  std::string result;
  try {
    Poco::Net::HTTPClientSession session(endpoint.host, static_cast<Poco::UInt16>(endpoint.port));
    session.setTimeout(Poco::Timespan(kConnectSeconds, 0), Poco::Timespan(kTransferSeconds, 0),
                       Poco::Timespan(kTransferSeconds, 0));
    // wait_end_of_query: the server buffers the result, so an error halfway through a query
    // comes back as an HTTP error instead of after rows already sent with status 200.
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, "/?wait_end_of_query=1",
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("text/plain; charset=UTF-8");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
    if (!user_.empty()) request.set("X-ClickHouse-User", user_);
    if (!password_.empty()) request.set("X-ClickHouse-Key", password_);
    std::ostream& out = session.sendRequest(request);
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    std::istream& in = session.receiveResponse(response);
    Poco::StreamCopier::copyToString(in, result);
  } catch (const Poco::Exception& e) {
    throw StoreError(
        withoutPassword("Kunde inte nå ClickHouse på " + endpoint.name() + ": " + e.displayText()));
  }
  if (response.getStatus() != Poco::Net::HTTPResponse::HTTP_OK)
    throw StoreError(withoutPassword(
        "ClickHouse på " + endpoint.name() + " svarade med fel (HTTP " +
        std::to_string(static_cast<int>(response.getStatus())) + "): " + serverMessage(result)));
  return result;
}

}  // namespace namnd
