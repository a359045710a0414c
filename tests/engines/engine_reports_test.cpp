// Issue 10, point 4: the same reports from every engine, byte for byte. The example kommun and a
// generated region of three kommuner (tests/bench/generate_ledger: 20 000 to 40 000 ledger rows
// each, hr, budget and avvikelser) go through `namnd kor` once with the embedded SQLite store and
// once with each server engine; the server runs share one database (every nämnd in its own
// scope), as a region would. Every report file must be identical to the SQLite run's.
// Without a server its engine is skipped with a message (scripts/db-servers.sh starts them).

#include <gtest/gtest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/JSON/Stringifier.h>

#include <filesystem>
#include <map>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "engines/engine_servers.hpp"
#include "generate_ledger.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;
using testing::readFile;
using testing::runNamnd;
using testing::TempDir;
using testing::writeFile;

struct ServerEngine {
  std::string name;      // folder suffix and test name
  const char* variable;  // its "lager" URI in the environment
};

// The test list (ctest) names the engine, not the bytes of the struct.
void PrintTo(const ServerEngine& engine, std::ostream* out) { *out << engine.name; }

const std::vector<ServerEngine> kServers = {{"postgresql", "NAMND_TEST_POSTGRESQL"},
                                            {"clickhouse", "NAMND_TEST_CLICKHOUSE"}};

Object::Ptr parseObject(const std::string& json) {
  Poco::JSON::Parser parser;
  return parser.parse(json).extract<Object::Ptr>();
}

std::string jsonText(const Object::Ptr& object) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(object, out, 2);
  return out.str();
}

// Every report file under `folder` (relative path → bytes): the run records, logs and the
// gallery name the store and the time of the run, and are not reports.
std::map<std::string, std::string> reportFiles(const fs::path& folder) {
  std::map<std::string, std::string> files;
  if (!fs::exists(folder)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    const fs::path relative = entry.path().lexically_relative(folder);
    if (!entry.is_regular_file() || relative.begin()->string() == "logg" ||
        relative.begin()->string() == "lager" || relative.filename().string().starts_with(".") ||
        relative == "index.html")
      continue;
    files[relative.string()] = readFile(entry.path());
  }
  return files;
}

// The same files with the same bytes; a difference is named by file, not dumped.
::testing::AssertionResult sameReports(const std::map<std::string, std::string>& expected,
                                       const std::map<std::string, std::string>& actual) {
  std::string differences;
  for (const auto& [name, bytes] : expected) {
    const auto found = actual.find(name);
    if (found == actual.end())
      differences += "\n  saknas: " + name;
    else if (found->second != bytes)
      differences += "\n  olika byte: " + name;
  }
  for (const auto& [name, bytes] : actual)
    if (!expected.count(name)) differences += "\n  extra: " + name;
  if (differences.empty()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << differences;
}

// Writes `config` again with another store, scope and output folder (paths in a config are
// relative to its own folder, so the copy stays beside it).
fs::path configFor(const fs::path& config, const std::string& suffix, const std::string& lager,
                   const std::string& scope, const std::string& utdata) {
  Object::Ptr json = parseObject(readFile(config));
  json->set("lager", lager);
  if (!scope.empty()) json->set("lagerdel", scope);
  json->set("utdata", utdata);
  const fs::path copy = config.parent_path() / (config.stem().string() + "-" + suffix + ".json");
  writeFile(copy, jsonText(json));
  return copy;
}

// `namnd kor --jobb` over `configs`, each for October 2025 with `reports`.
testing::RunResult runJob(const fs::path& jobFile, const std::vector<fs::path>& configs,
                          const std::string& reports, const fs::path& utdata) {
  std::string runs;
  for (const fs::path& config : configs)
    runs += std::string(runs.empty() ? "" : ",\n") + "{\"config\": \"" + config.string() +
            "\", \"period\": \"202510\", \"rapporter\": " + reports + "}";
  writeFile(jobFile,
            "{\"utdata\": \"" + utdata.string() + "\", \"korningar\": [\n" + runs + "\n]}\n");
  return runNamnd({"kor", "--jobb", jobFile.string(), "--tyst"});
}

// Prepares the store of `uri` for a test run (`namnd db init`, as a user would).
void initServer(const std::string& uri) {
  const testing::RunResult init = runNamnd({"db", "init", "--lager", uri});
  ASSERT_EQ(init.exitCode, 0) << init.output;
}

class EngineReports : public ::testing::TestWithParam<ServerEngine> {};

TEST_P(EngineReports, ExampleKommunGivesTheSameReportsAsSqlite) {
  NAMND_REQUIRE_SERVER(GetParam().variable, uri);
  initServer(uri);
  TempDir root;
  ASSERT_EQ(testing::layOutExampleKommun(root.path()).exitCode, 0);
  const fs::path config = root / "data" / "exempel" / "namnd.json";
  const std::string reports =
      R"(["prognosunderlag", "manadsrapport", "kontroll",
          {"rapport": "delarsrapport", "per": "2025-08-31"},
          {"rapport": "avvikelser", "period": "2025H1"},
          {"rapport": "nyckeltal", "perioder": ["202412", "202510"]}])";

  const fs::path sqliteConfig =
      configFor(config, "sqlite", "sqlite:lager/exempel.sqlite", "", "ut-sqlite");
  const auto embedded =
      runJob(root / "jobb-sqlite.json", {sqliteConfig}, reports, root / "ut-sqlite");
  ASSERT_EQ(embedded.exitCode, 0) << embedded.output;
  const auto expected = reportFiles(root / "ut-sqlite");
  ASSERT_GE(expected.size(), 12u) << "too few reports to compare";

  const fs::path serverConfig =
      configFor(config, GetParam().name, uri, test::uniqueScope("exempelby"), "ut-server");
  const auto server =
      runJob(root / "jobb-server.json", {serverConfig}, reports, root / "ut-server");
  ASSERT_EQ(server.exitCode, 0) << server.output;
  EXPECT_TRUE(sameReports(expected, reportFiles(root / "ut-server")));

  // A second run finds every file imported in the server's store and skips the reports.
  const auto again = runJob(root / "jobb-server.json", {serverConfig}, reports, root / "ut-server");
  ASSERT_EQ(again.exitCode, 0) << again.output;
  EXPECT_TRUE(sameReports(expected, reportFiles(root / "ut-server")));
}

TEST_P(EngineReports, GeneratedRegionGivesTheSameReportsAsSqlite) {
  NAMND_REQUIRE_SERVER(GetParam().variable, uri);
  initServer(uri);
  TempDir root;
  const std::vector<std::pair<std::string, std::int64_t>> kommuner = {
      {"Alingsby kommun", 20'000}, {"Bergsjö kommun", 30'000}, {"Callerud kommun", 40'000}};
  std::vector<fs::path> sqliteConfigs, serverConfigs;
  const std::string region = test::uniqueScope("region");
  for (const auto& [kommun, rows] : kommuner) {
    const bench::GeneratedRun run =
        bench::ensureRun(rows, root / kommun, testing::repoPath("templates"));
    Object::Ptr json = parseObject(readFile(run.config));
    json->set("kommun", kommun);
    writeFile(run.config, jsonText(json));
    sqliteConfigs.push_back(configFor(run.config, "sqlite", "sqlite:lager.sqlite", "", "ut"));
    serverConfigs.push_back(
        configFor(run.config, GetParam().name, uri, region + "/" + kommun, "ut"));
  }
  const std::string reports =
      R"(["manadsrapport", "kontroll", {"rapport": "delarsrapport", "per": "2025-08-31"},
          {"rapport": "avvikelser", "period": "2025H1"}])";

  const auto embedded =
      runJob(root / "jobb-sqlite.json", sqliteConfigs, reports, root / "ut-sqlite");
  ASSERT_EQ(embedded.exitCode, 0) << embedded.output;
  const auto expected = reportFiles(root / "ut-sqlite");
  ASSERT_EQ(expected.size(), kommuner.size() * 4 * 2) << "four reports, xlsx and html, per kommun";

  const auto server = runJob(root / "jobb-server.json", serverConfigs, reports, root / "ut-server");
  ASSERT_EQ(server.exitCode, 0) << server.output;
  EXPECT_TRUE(sameReports(expected, reportFiles(root / "ut-server")));
}

INSTANTIATE_TEST_SUITE_P(Engines, EngineReports, ::testing::ValuesIn(kServers),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace namnd
