// `namnd nyckeltal` on the generated example kommun: the HVB figures recomputed here from the
// generated ledger and volymer rows, the html page carrying every figure's inputs itself, and
// each period's figures following that period's organisation (Nattpatrull 2230 moves from
// äldreomsorg to HS1 in July 2025).

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

std::vector<std::vector<std::string>> csvRows(const fs::path& file) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(testing::readFile(file));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields;
    std::stringstream split(line);
    std::string field;
    while (std::getline(split, field, ';')) fields.push_back(field);
    if (line.ends_with(';')) fields.push_back("");
    rows.push_back(std::move(fields));
  }
  return rows;
}

// "1 234,56" or "-12,00" → öre.
long long ore(std::string text) {
  std::string digits;
  for (const char c : text)
    if (c == '-' || (c >= '0' && c <= '9')) digits += c;
  return std::stoll(digits);
}

// (period, id, org) → value from the long format.
std::map<std::tuple<std::string, std::string, std::string>, std::string> longFormat(
    const fs::path& file) {
  std::map<std::tuple<std::string, std::string, std::string>, std::string> values;
  for (const auto& f : csvRows(file))
    if (f.size() == 5) values[{f[1], f[2], f[3]}] = f[4];
  return values;
}

class NyckeltalExample : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto generated = testing::layOutExampleKommun(dir.path());
    ASSERT_EQ(generated.exitCode, 0) << generated.output;
  }
  testing::RunResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"nyckeltal", "--config", (exempel / "namnd.json").string()});
    return testing::runNamnd(args);
  }
  fs::path output() const { return dir / "output"; }

  testing::TempDir dir;
  fs::path exempel = dir / "data" / "exempel";
};

TEST_F(NyckeltalExample, HvbFiguresFromTheGeneratedLedgerAndVolymer) {
  const auto result = run({"--period", "202508", "--matt",
                           "placeringsdygn_hvb,kostnad_per_placeringsdygn", "--format", "csv"});
  ASSERT_EQ(result.exitCode, 0) << result.output;
  // The HVB placements are the ansvar that report placeringsdygn_hvb: 4120 and 4220.
  long long days = 0;
  std::set<std::string> hvb;
  for (const auto& f : csvRows(exempel / "genererat" / "volymer-2025.csv"))
    if (f.size() >= 4 && f[1] == "placeringsdygn_hvb" && f[0] >= "202501" && f[0] <= "202508") {
      days += std::stoll(f[3]);
      hvb.insert(f[2]);
    }
  EXPECT_EQ(hvb, (std::set<std::string>{"4120", "4220"}));
  ASSERT_GT(days, 0);
  // Köp av huvudverksamhet (46) in IFO (57) on those ansvar, January–August.
  long long costOre = 0;
  long long allKonto46Ore = 0;
  for (const auto& f : csvRows(exempel / "genererat" / "huvudbok-2025.csv")) {
    if (f.size() < 6 || f[0] < "202501" || f[0] > "202508" || !f[2].starts_with("46")) continue;
    allKonto46Ore += ore(f[5]);
    if (hvb.contains(f[1]) && f[3].starts_with("57")) costOre += ore(f[5]);
  }
  ASSERT_GT(costOre, 0);
  EXPECT_LT(costOre, allKonto46Ore);  // äldreomsorg, LSS and familjehem are left out
  const auto v = longFormat(output() / "nyckeltal-202508.csv");
  EXPECT_EQ((v.at({"202508", "placeringsdygn_hvb", "SN"})), std::to_string(days));
  // Kr per dygn rounded half away from zero, from öre.
  const long long perDay = (costOre + days * 50) / (days * 100);
  EXPECT_EQ((v.at({"202508", "kostnad_per_placeringsdygn", "SN"})), std::to_string(perDay));
  EXPECT_EQ((v.at({"202508", "kostnad_per_placeringsdygn", "IFO"})), std::to_string(perDay));
  // An område without HVB placements has no figure.
  EXPECT_EQ((v.at({"202508", "kostnad_per_placeringsdygn", "AO"})), "");
}

TEST_F(NyckeltalExample, TheHtmlPageHasEveryFiguresInputsAndNoWorkbookWords) {
  const auto result = run({"--period", "202508", "--format", "html"});
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const std::string html = testing::readFile(output() / "nyckeltal-202508.html");
  EXPECT_EQ(html.find("bladet"), std::string::npos);
  EXPECT_EQ(html.find("bladen"), std::string::npos);
  EXPECT_EQ(html.find("arbetsboken"), std::string::npos);
  // The inputs of a figure sit with its table: personalkostnad and kostnad for the nämnd.
  EXPECT_TRUE(
      testing::mentions(html, {"Underlag Socialnämnden (SN) Jan–aug 2025: personalkostnad = "}));
  EXPECT_TRUE(testing::mentions(html, {"placeringsdygn_hvb", "dygn = "}));
}

TEST_F(NyckeltalExample, APeriodsFiguresDoNotDependOnTheOtherPeriodsAsked) {
  const auto alone = run({"--period", "202412", "--format", "csv"});
  ASSERT_EQ(alone.exitCode, 0) << alone.output;
  const auto single = longFormat(output() / "nyckeltal-202412.csv");
  const auto both = run({"--period", "202412,202512", "--format", "csv"});
  ASSERT_EQ(both.exitCode, 0) << both.output;
  const auto pair = longFormat(output() / "nyckeltal-202512.csv");
  std::size_t compared = 0;
  for (const auto& [key, value] : single) {
    if (std::get<0>(key) != "202412") continue;
    ASSERT_TRUE(pair.contains(key)) << std::get<1>(key) << " " << std::get<2>(key);
    EXPECT_EQ(pair.at(key), value) << std::get<1>(key) << " " << std::get<2>(key);
    ++compared;
  }
  EXPECT_GT(compared, 20u);
}

// Prognossäkerhet 2024 as Malmö publishes it (prognosavvikelse): the August 2024 prognoses'
// deviation from budget minus the deviation at bokslut (budget − utfall for the year), in tkr and
// in percent of the budget, recomputed from the generated prognos-2024.csv and budget-2024.csv
// (whole kr) and huvudbok-2024.csv (kr with öre).
TEST_F(NyckeltalExample, PrognossakerhetOf2024FromTheGeneratedPrognosesBudgetAndLedger) {
  long long augustKr = 0;
  for (const auto& f : csvRows(exempel / "genererat" / "prognos-2024.csv"))
    if (f.at(0) == "202408") augustKr += std::stoll(f.at(2));
  long long budgetKr = 0;
  for (const auto& f : csvRows(exempel / "genererat" / "budget-2024.csv"))
    budgetKr += std::stoll(f.at(3));
  long long utfallOre = 0;
  for (const auto& f : csvRows(exempel / "genererat" / "huvudbok-2024.csv"))
    utfallOre += ore(f.at(5));
  ASSERT_NE(augustKr, 0);
  const long long differenceOre = augustKr * 100 - (budgetKr * 100 - utfallOre);
  const long long tkr = std::llround(static_cast<double>(differenceOre) / 100'000.0);
  const double percent = static_cast<double>(differenceOre) / static_cast<double>(budgetKr);
  std::ostringstream percentText;
  percentText.precision(1);
  percentText << std::fixed << std::round(percent * 10.0) / 10.0;
  std::string expectedPercent = percentText.str();
  expectedPercent[expectedPercent.find('.')] = ',';

  const auto result = run(
      {"--period", "202412", "--matt", "prognossakerhet,prognossakerhet_andel", "--format", "csv"});
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const auto v = longFormat(output() / "nyckeltal-202412.csv");
  EXPECT_EQ(v.at({"202412", "prognossakerhet", "SN"}), std::to_string(tkr));
  EXPECT_EQ(v.at({"202412", "prognossakerhet_andel", "SN"}), expectedPercent);
}

}  // namespace
}  // namespace namnd
