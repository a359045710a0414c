// A shared store's connection may come from the environment instead of the config, so that a
// config checked into a shared folder holds no server address or password: "postgresql:" takes
// libpq's PGHOST, PGPORT, PGDATABASE and PGUSER, "clickhouse:" takes NAMND_CLICKHOUSE.

#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>
#include <string>

#include "engines/engine_servers.hpp"
#include "store/store.hpp"

namespace namnd {
namespace {

// Sets environment variables for one test and restores them after it.
class ScopedEnvironment {
 public:
  void set(const std::string& name, const std::string& value) {
    if (!saved_.count(name)) {
      const char* old = std::getenv(name.c_str());
      saved_[name] = old ? std::optional<std::string>(old) : std::nullopt;
    }
    ::setenv(name.c_str(), value.c_str(), 1);
  }
  ~ScopedEnvironment() {
    for (const auto& [name, value] : saved_)
      value ? ::setenv(name.c_str(), value->c_str(), 1) : ::unsetenv(name.c_str());
  }

 private:
  std::map<std::string, std::optional<std::string>> saved_;
};

// A store's round trip: what one import saves, the next open reads.
void expectRoundTrip(const std::string& uri, const std::string& scope) {
  Cube cube;
  cube.add("2110", "4560", "", "", Period(2025, 3), Measure::Utfall, 12'345);
  ImportSummary summary;
  summary.kind = SourceKind::Huvudbok;
  summary.sourcePath = "huvudbok.csv";
  summary.fileHash = "miljo";
  openStore(uri, scope)->saveCubeImport(summary, cube, {});
  const auto reopened = openStore(uri, scope);
  EXPECT_TRUE(reopened->hasImport(SourceKind::Huvudbok, "miljo"));
  EXPECT_EQ(reopened->loadCube(PeriodRange::wholeYear(2025)).total(Measure::Utfall), 12'345);
}

TEST(ConnectionFromEnvironment, PostgresqlWithNothingAfterTheColonUsesLibpqsVariables) {
  NAMND_REQUIRE_SERVER("NAMND_TEST_POSTGRESQL", uri);
  // "postgresql:host=… port=… dbname=… user=…" → PGHOST, PGPORT, PGDATABASE, PGUSER.
  const std::map<std::string, std::string> variables = {
      {"host", "PGHOST"}, {"port", "PGPORT"}, {"dbname", "PGDATABASE"}, {"user", "PGUSER"}};
  ScopedEnvironment environment;
  std::istringstream pairs(uri.substr(uri.find(':') + 1));
  for (std::string pair; pairs >> pair;) {
    const auto equals = pair.find('=');
    const auto variable = variables.find(pair.substr(0, equals));
    ASSERT_NE(variable, variables.end()) << "unexpected key in " << uri;
    environment.set(variable->second, pair.substr(equals + 1));
  }
  changeStoreSchema("postgresql:", SchemaAction::Init);
  expectRoundTrip("postgresql:", test::uniqueScope("miljo"));
}

TEST(ConnectionFromEnvironment, ClickhouseWithNothingAfterTheColonUsesNamndClickhouse) {
  NAMND_REQUIRE_SERVER("NAMND_TEST_CLICKHOUSE", uri);
  ScopedEnvironment environment;
  environment.set("NAMND_CLICKHOUSE", uri.substr(uri.find(':') + 1));
  changeStoreSchema("clickhouse:", SchemaAction::Init);
  expectRoundTrip("clickhouse:", test::uniqueScope("miljo"));
}

}  // namespace
}  // namespace namnd
