// The same inputs and config give byte-identical reports: every report of the example kommun
// (månadsrapport, delårsrapport, avvikelser, kontroll, prognosunderlag) is written twice from a
// fresh store and compared byte for byte, and again with the rows of the ledger CSV and of the
// HSL avvikelse register shuffled (a fixed seed), which must not change a byte either.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using Files = std::map<std::string, std::string>;

class Determinism : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto generated = testing::layOutExampleKommun(dir.path());
    ASSERT_EQ(generated.exitCode, 0) << generated.output;
  }

  // The reports (every kind, or only the avvikelser) from an empty output folder and so a new
  // store, as name → bytes.
  Files runAll(bool onlyAvvikelser = false) {
    fs::remove_all(dir / "output");
    const std::string config = (exempel / "namnd.json").string();
    const std::vector<std::vector<std::string>> runs = {
        {"avvikelser", "--config", config, "--period", "2025H1"},
        {"manadsrapport", "--config", config, "--period", "202510"},
        {"delarsrapport", "--config", config, "--per", "2025-08-31"},
        {"kontroll", "--config", config, "--period", "202510"},
        {"prognosunderlag", "--config", config, "--period", "202510"}};
    for (const auto& args : runs) {
      if (onlyAvvikelser && args[0] != "avvikelser") break;
      const auto run = testing::runNamnd(args);
      EXPECT_EQ(run.exitCode, 0) << args[0] << ": " << run.output;
    }
    Files files;
    for (const auto& entry : fs::recursive_directory_iterator(dir / "output")) {
      if (!entry.is_regular_file()) continue;
      const fs::path relative = fs::relative(entry.path(), dir / "output");
      if (*relative.begin() == "lager") continue;  // the store, not a report
      files[relative.string()] = testing::readFile(entry.path());
    }
    return files;
  }

  // Shuffles the data lines of a CSV file (the header stays first), with a fixed seed.
  static void shuffleRows(const fs::path& file) {
    std::istringstream in(testing::readFile(file));
    std::string header;
    std::getline(in, header);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && line != "\r") lines.push_back(line);
    const std::vector<std::string> original = lines;
    std::mt19937 random(8);
    std::shuffle(lines.begin(), lines.end(), random);
    ASSERT_NE(lines, original);
    std::string out = header + "\n";
    for (const std::string& line : lines) out += line + "\n";
    testing::writeFile(file, out);
  }

  static std::vector<std::string> differing(const Files& a, const Files& b) {
    std::vector<std::string> names;
    for (const auto& [name, bytes] : a)
      if (!b.contains(name) || b.at(name) != bytes) names.push_back(name);
    for (const auto& [name, bytes] : b)
      if (!a.contains(name)) names.push_back(name);
    return names;
  }

  testing::TempDir dir;
  fs::path exempel = dir / "data" / "exempel";
};

// Every report kind this test expects, so that a run that silently wrote nothing fails.
void expectAllKinds(const Files& files) {
  for (const char* name :
       {"manadsrapport-202510.xlsx", "manadsrapport-202510.html", "delarsrapport-20250831.xlsx",
        "delarsrapport-20250831.html", "avvikelser-2025H1.xlsx", "avvikelser-2025H1.html",
        "kontroll-202510.xlsx", "kontroll-202510.html"})
    EXPECT_TRUE(files.contains(name)) << name;
  EXPECT_GT(files.size(), 8u) << "no prognosunderlag was written";
}

TEST_F(Determinism, TwoRunsGiveTheSameBytes) {
  const Files first = runAll();
  expectAllKinds(first);
  const Files second = runAll();
  EXPECT_EQ(differing(first, second), std::vector<std::string>{});
}

TEST_F(Determinism, ShuffledAvvikelseRegisterRowsGiveTheSameBytes) {
  const Files original = runAll(true);
  ASSERT_EQ(original.size(), 2u);
  shuffleRows(exempel / "genererat" / "avvikelser-hsl.csv");
  const Files shuffled = runAll(true);
  EXPECT_EQ(differing(original, shuffled), std::vector<std::string>{});
}

// Every output, the drill-down's largest transactions included: of two equal amounts, which is
// kept and which comes first is decided by the rows' contents, not by their lines.
TEST_F(Determinism, ShuffledLedgerRowsGiveTheSameBytes) {
  const Files original = runAll();
  shuffleRows(exempel / "genererat" / "huvudbok-2025.csv");
  const Files shuffled = runAll();
  expectAllKinds(shuffled);
  EXPECT_EQ(differing(original, shuffled), std::vector<std::string>{});
}

}  // namespace
}  // namespace namnd
