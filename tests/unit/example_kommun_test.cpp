#include "cli/example_kommun.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/run_config.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

const fs::path kRepo = NAMND_SOURCE_DIR;
const char* const kFiles[] = {"huvudbok-2024.csv", "huvudbok-2025.csv", "budget-2024.csv",
                              "budget-2025.csv", "prognos-2025.csv"};

class TempDir {
 public:
  explicit TempDir(const std::string& stem) {
    std::string pattern = (fs::temp_directory_path() / (stem + "-XXXXXX")).string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// One generated set shared by the read-only tests.
const fs::path& generated() {
  static const TempDir dir("namnd-exempel");
  static const bool written = (writeExampleKommun(dir.path()), true);
  (void)written;
  return dir.path();
}

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  for (const char c : line) {
    if (c == ';') {
      fields.push_back(field);
      field.clear();
    } else {
      field += c;
    }
  }
  fields.push_back(field);
  return fields;
}

// Data rows (header dropped), each split on ';'.
std::vector<std::vector<std::string>> rows(const fs::path& file) {
  std::vector<std::vector<std::string>> result;
  std::istringstream in(slurp(file));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) result.push_back(split(line));
  return result;
}

bool allDigits(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// "-1234,50" → -123450 öre; at most two decimals after a decimal comma. -1 flags a bad amount
// through `ok`.
std::int64_t ore(const std::string& amount, bool* ok = nullptr) {
  const bool negative = !amount.empty() && amount[0] == '-';
  const std::string body = amount.substr(negative ? 1 : 0);
  const auto comma = body.find(',');
  const std::string whole = body.substr(0, comma);
  const std::string decimals = comma == std::string::npos ? "" : body.substr(comma + 1);
  const bool valid = allDigits(whole) && decimals.size() <= 2 &&
                     (comma == std::string::npos || allDigits(decimals));
  if (ok) *ok = valid;
  if (!valid) return 0;
  std::int64_t value = std::stoll(whole) * 100;
  if (decimals.size() == 1) value += std::stoll(decimals) * 10;
  if (decimals.size() == 2) value += std::stoll(decimals);
  return negative ? -value : value;
}

struct Org {
  std::map<std::string, std::string> parent;
  std::map<std::string, int> level;
  std::set<std::string> atLevel(int wanted) const {
    std::set<std::string> codes;
    for (const auto& [code, lvl] : level)
      if (lvl == wanted) codes.insert(code);
    return codes;
  }
  std::string ancestorAt(std::string code, int wanted) const {
    while (level.count(code) && level.at(code) > wanted) code = parent.at(code);
    return code;
  }
};

Org readOrg() {
  Org org;
  for (const auto& row : rows(kRepo / "data/exempel/org.csv")) {
    org.parent[row.at(0)] = row.at(2);
    org.level[row.at(0)] = std::stoi(row.at(3));
  }
  return org;
}

// ---------------------------------------------------------------------------------------------

TEST(ExampleKommunFiles, WritesEveryFileWithTheContractHeader) {
  const std::map<std::string, std::string> headers = {
      {"huvudbok-2024.csv", "period;ansvar;konto;verksamhet;projekt;belopp;vernr;text"},
      {"huvudbok-2025.csv", "period;ansvar;konto;verksamhet;projekt;belopp;vernr;text"},
      {"budget-2024.csv", "ar;ansvar;konto;belopp"},
      {"budget-2025.csv", "period;ansvar;konto;belopp"},
      {"prognos-2025.csv", "prognosperiod;ansvar;avvikelse;kommentar;atgard"},
  };
  for (const auto& [file, header] : headers) {
    const std::string text = slurp(generated() / file);
    EXPECT_EQ(text.substr(0, text.find('\n')), header) << file;
  }
}

TEST(ExampleKommunFiles, EveryRowHasAsManyFieldsAsTheHeader) {
  const std::map<std::string, std::size_t> widths = {{"huvudbok-2024.csv", 8},
                                                     {"huvudbok-2025.csv", 8},
                                                     {"budget-2024.csv", 4},
                                                     {"budget-2025.csv", 4},
                                                     {"prognos-2025.csv", 5}};
  for (const auto& [file, width] : widths)
    for (const auto& row : rows(generated() / file)) ASSERT_EQ(row.size(), width) << file;
}

TEST(ExampleKommunFiles, LeavesNoTemporaryFilesBehind) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(generated()))
    names.insert(entry.path().filename().string());
  EXPECT_EQ(names, std::set<std::string>(std::begin(kFiles), std::end(kFiles)));
}

TEST(ExampleKommunFiles, CreatesTheFolderIncludingParents) {
  const TempDir dir("namnd-exempel-ny");
  writeExampleKommun(dir.path() / "data" / "genererat");
  EXPECT_TRUE(fs::is_regular_file(dir.path() / "data" / "genererat" / "prognos-2025.csv"));
}

TEST(ExampleKommunFiles, ReportsAFolderThatCannotBeCreated) {
  const TempDir dir("namnd-exempel-fel");
  std::ofstream(dir.path() / "en-fil") << "inte en mapp";
  EXPECT_THROW(writeExampleKommun(dir.path() / "en-fil" / "genererat"), OutputError);
}

TEST(ExampleKommunDeterminism, TwoRunsWriteIdenticalBytes) {
  const TempDir first("namnd-exempel-a");
  const TempDir second("namnd-exempel-b");
  writeExampleKommun(first.path());
  writeExampleKommun(second.path());
  for (const char* file : kFiles) {
    const std::string a = slurp(first.path() / file);
    EXPECT_FALSE(a.empty()) << file;
    EXPECT_TRUE(a == slurp(second.path() / file)) << file;
    EXPECT_TRUE(a == slurp(generated() / file)) << file;
  }
}

TEST(ExampleKommunDeterminism, OverwritesAnEarlierRun) {
  const TempDir dir("namnd-exempel-om");
  std::ofstream(dir.path() / "budget-2024.csv") << "gammalt innehåll\n";
  writeExampleKommun(dir.path());
  EXPECT_TRUE(slurp(dir.path() / "budget-2024.csv") == slurp(generated() / "budget-2024.csv"));
}

// ---------------------------------------------------------------------------------------------

TEST(ExampleKommunLedger, HoldsAtLeastFiftyThousandRows) {
  const auto rows2024 = rows(generated() / "huvudbok-2024.csv");
  const auto rows2025 = rows(generated() / "huvudbok-2025.csv");
  EXPECT_GE(rows2024.size() + rows2025.size(), 50'000u);
  EXPECT_GE(rows2025.size(), 20'000u);
}

TEST(ExampleKommunLedger, EveryAnsvarIsALevelFourNodeOfOrgCsv) {
  const std::set<std::string> ansvar = readOrg().atLevel(4);
  EXPECT_GE(ansvar.size(), 25u);
  for (const char* file :
       {"huvudbok-2024.csv", "huvudbok-2025.csv", "budget-2024.csv", "budget-2025.csv"})
    for (const auto& row : rows(generated() / file))
      ASSERT_TRUE(ansvar.count(row.at(1))) << file << ": ansvar " << row.at(1);
}

TEST(ExampleKommunLedger, EveryKontoFallsInAKontoplanRange) {
  std::vector<std::vector<std::string>> ranges = rows(kRepo / "data/kommunbas/kontoplan.csv");
  const auto covered = [&ranges](const std::string& konto) {
    for (const auto& range : ranges) {
      const std::size_t digits = range.at(0).size();
      if (konto.size() < digits) continue;
      const std::string prefix = konto.substr(0, digits);
      if (prefix >= range.at(0) && prefix <= range.at(1)) return true;
    }
    return false;
  };
  for (const char* file :
       {"huvudbok-2024.csv", "huvudbok-2025.csv", "budget-2024.csv", "budget-2025.csv"})
    for (const auto& row : rows(generated() / file)) {
      const std::string& konto = row.at(2);
      ASSERT_TRUE(allDigits(konto) && konto.size() >= 4 && konto.size() <= 5) << konto;
      ASSERT_TRUE(covered(konto)) << file << ": konto " << konto;
    }
}

TEST(ExampleKommunLedger, PeriodsLieInTheFilesYearAndCoverEveryMonth) {
  for (const int year : {2024, 2025}) {
    std::set<int> months;
    for (const auto& row : rows(generated() / ("huvudbok-" + std::to_string(year) + ".csv"))) {
      const std::string& period = row.at(0);
      ASSERT_TRUE(allDigits(period) && period.size() == 6) << period;
      ASSERT_EQ(std::stoi(period.substr(0, 4)), year) << period;
      const int month = std::stoi(period.substr(4));
      ASSERT_TRUE(month >= 1 && month <= 12) << period;
      months.insert(month);
    }
    EXPECT_EQ(months.size(), 12u) << year;
  }
  for (const auto& row : rows(generated() / "budget-2024.csv")) ASSERT_EQ(row.at(0), "2024");
  for (const auto& row : rows(generated() / "budget-2025.csv")) {
    ASSERT_EQ(row.at(0).size(), 6u);
    ASSERT_EQ(row.at(0).substr(0, 4), "2025");
  }
}

TEST(ExampleKommunLedger, AmountsHaveAtMostTwoDecimalsAndBudgetsWholeKronor) {
  for (const char* file : {"huvudbok-2024.csv", "huvudbok-2025.csv"})
    for (const auto& row : rows(generated() / file)) {
      bool ok = false;
      ore(row.at(5), &ok);
      ASSERT_TRUE(ok) << file << ": " << row.at(5);
    }
  for (const char* file : {"budget-2024.csv", "budget-2025.csv"})
    for (const auto& row : rows(generated() / file)) {
      const std::string& amount = row.at(3);
      ASSERT_TRUE(allDigits(amount[0] == '-' ? amount.substr(1) : amount)) << file << amount;
    }
}

TEST(ExampleKommunLedger, CostsArePositiveAndRevenueNegative) {
  std::int64_t revenue = 0;
  std::int64_t personnel = 0;
  std::int64_t gross = 0;
  for (const auto& row : rows(generated() / "huvudbok-2025.csv")) {
    const std::int64_t amount = ore(row.at(5));
    if (row.at(2)[0] == '3') {
      revenue += amount;
    } else {
      gross += amount;
      if (row.at(2)[0] == '5') personnel += amount;
    }
  }
  EXPECT_LT(revenue, 0);
  EXPECT_GT(gross, 0);
  // Personnel is about two thirds of the gross cost of a socialnämnd.
  EXPECT_GT(personnel * 100, gross * 62);
  EXPECT_LT(personnel * 100, gross * 72);
  // Net cost of a kommun with about 30 000 invånare: 650–750 mnkr.
  EXPECT_GT(gross + revenue, 650'000'000'00);
  EXPECT_LT(gross + revenue, 750'000'000'00);
}

TEST(ExampleKommunLedger, VoucherAndTextAreNeverEmpty) {
  for (const auto& row : rows(generated() / "huvudbok-2025.csv")) {
    ASSERT_FALSE(row.at(6).empty());
    ASSERT_FALSE(row.at(7).empty());
  }
}

// ---------------------------------------------------------------------------------------------

TEST(ExampleKommunBudget, MonthlyRowsAddUpToAPlausibleHelar) {
  std::map<std::string, std::int64_t> helar2024;
  for (const auto& row : rows(generated() / "budget-2024.csv"))
    helar2024[row.at(1)] += std::stoll(row.at(3));
  std::map<std::string, std::int64_t> helar2025;
  std::map<std::string, std::set<std::string>> periods;
  for (const auto& row : rows(generated() / "budget-2025.csv")) {
    helar2025[row.at(1)] += std::stoll(row.at(3));
    periods[row.at(1) + ";" + row.at(2)].insert(row.at(0));
  }
  for (const auto& [key, months] : periods) EXPECT_EQ(months.size(), 12u) << key;

  std::int64_t total = 0;
  for (const auto& [ansvar, kr] : helar2025) {
    total += kr;
    // A new year's budget is last year's plus wage and price increases (a few per cent).
    ASSERT_TRUE(helar2024.count(ansvar)) << ansvar;
    const std::int64_t before = helar2024.at(ansvar);
    EXPECT_GE(kr * 100, before * 100) << ansvar;
    EXPECT_LE(kr * 100, before * 106 + 100'000) << ansvar;
  }
  EXPECT_GT(total, 650'000'000);
  EXPECT_LT(total, 750'000'000);
}

TEST(ExampleKommunBudget, PersonnelFollowsAHolidayProfileNotTwelfths) {
  // Ack budget per October differs from helår × 10/12 where wages dominate.
  std::map<std::string, std::int64_t> helar;
  std::map<std::string, std::int64_t> ackOctober;
  for (const auto& row : rows(generated() / "budget-2025.csv")) {
    helar[row.at(1)] += std::stoll(row.at(3));
    if (row.at(0) <= "202510") ackOctober[row.at(1)] += std::stoll(row.at(3));
  }
  int differing = 0;
  for (const auto& [ansvar, kr] : helar) {
    const std::int64_t linear = kr * 10 / 12;
    if (ackOctober[ansvar] - linear > 10'000 || linear - ackOctober[ansvar] > 10'000) ++differing;
  }
  EXPECT_GE(differing, 10);
}

TEST(ExampleKommunBudget, NamndIsInDeficitAndAldreomsorgOverspendsByOctober2025) {
  const Org org = readOrg();
  std::map<std::string, std::int64_t> budget;  // öre per verksamhetsområde, ack 202510
  std::map<std::string, std::int64_t> utfall;
  for (const auto& row : rows(generated() / "budget-2025.csv"))
    if (row.at(0) <= "202510") budget[org.ancestorAt(row.at(1), 2)] += std::stoll(row.at(3)) * 100;
  for (const auto& row : rows(generated() / "huvudbok-2025.csv"))
    if (row.at(0) <= "202510") utfall[org.ancestorAt(row.at(1), 2)] += ore(row.at(5));

  std::int64_t budgetTotal = 0;
  std::int64_t utfallTotal = 0;
  int withinThreePercent = 0;
  int inSurplus = 0;
  for (const auto& [area, ackBudget] : budget) {
    budgetTotal += ackBudget;
    utfallTotal += utfall[area];
    const std::int64_t avvikelse = ackBudget - utfall[area];
    if (avvikelse * 100 >= -3 * ackBudget && avvikelse * 100 <= 3 * ackBudget) ++withinThreePercent;
    if (avvikelse > 0) ++inSurplus;
  }
  EXPECT_EQ(budget.size(), 6u);
  EXPECT_GE(withinThreePercent, 4);
  EXPECT_GE(inSurplus, 1);
  // "Underskott": at least 1 % of the ack budget.
  EXPECT_LT((budgetTotal - utfallTotal) * 100, -budgetTotal);

  const std::int64_t aoAvvikelse = budget.at("AO") - utfall.at("AO");
  EXPECT_LE(aoAvvikelse * 100, -5 * budget.at("AO"));
  EXPECT_GE(aoAvvikelse * 100, -10 * budget.at("AO"));
}

// ---------------------------------------------------------------------------------------------

TEST(ExampleKommunPrognos, OneRowPerEnhetForEveryMonthFebruaryToNovember) {
  const std::set<std::string> enheter = readOrg().atLevel(3);
  std::map<std::string, std::set<std::string>> byPeriod;
  for (const auto& row : rows(generated() / "prognos-2025.csv")) {
    ASSERT_TRUE(enheter.count(row.at(1))) << row.at(1);
    EXPECT_TRUE(byPeriod[row.at(0)].insert(row.at(1)).second) << row.at(0) << " " << row.at(1);
    const std::string& avvikelse = row.at(2);
    EXPECT_TRUE(allDigits(avvikelse[0] == '-' ? avvikelse.substr(1) : avvikelse)) << avvikelse;
  }
  std::set<std::string> expected;
  for (int month = 2; month <= 11; ++month)
    expected.insert("2025" + std::string(month < 10 ? "0" : "") + std::to_string(month));
  std::set<std::string> periods;
  for (const auto& [period, units] : byPeriod) {
    periods.insert(period);
    EXPECT_EQ(units, enheter) << period;
  }
  EXPECT_EQ(periods, expected);
}

TEST(ExampleKommunPrognos, CommentsOnlyLargeDeviationsAndAgreesWithTheLedgerSign) {
  const Org org = readOrg();
  std::map<std::string, std::int64_t> ackAvvikelse;  // öre per enhet, ack 202510
  for (const auto& row : rows(generated() / "budget-2025.csv"))
    if (row.at(0) <= "202510")
      ackAvvikelse[org.ancestorAt(row.at(1), 3)] += std::stoll(row.at(3)) * 100;
  for (const auto& row : rows(generated() / "huvudbok-2025.csv"))
    if (row.at(0) <= "202510") ackAvvikelse[org.ancestorAt(row.at(1), 3)] -= ore(row.at(5));

  std::int64_t octoberTotal = 0;
  for (const auto& row : rows(generated() / "prognos-2025.csv")) {
    const std::int64_t kr = std::stoll(row.at(2));
    if (row.at(3).empty() && kr != 0) {
      EXPECT_LT(kr < 0 ? -kr : kr, 500'000) << row.at(0) << " " << row.at(1);
    }
    if (!row.at(4).empty()) EXPECT_LE(kr, -1'000'000) << row.at(0) << " " << row.at(1);
    if (row.at(0) != "202510") continue;
    octoberTotal += kr;
    // A unit that is clearly over budget per October forecasts a deficit for the year.
    if (ackAvvikelse[row.at(1)] < -1'000'000'00) EXPECT_LT(kr, 0) << row.at(1);
  }
  EXPECT_LT(octoberTotal, -10'000'000);
}

// ---------------------------------------------------------------------------------------------

TEST(ExampleKommunConfig, LoadsOnceTheGeneratedFilesExist) {
  // A copy of the repo layout the config's relative paths expect.
  const TempDir root("namnd-exempel-konfig");
  const fs::path exempel = root.path() / "data" / "exempel";
  fs::create_directories(exempel);
  fs::create_directories(root.path() / "data" / "kommunbas");
  fs::create_directories(root.path() / "templates");
  fs::copy_file(kRepo / "data/exempel/namnd.json", exempel / "namnd.json");
  fs::copy_file(kRepo / "data/exempel/org.csv", exempel / "org.csv");
  fs::copy_file(kRepo / "data/kommunbas/kontoplan.csv",
                root.path() / "data" / "kommunbas" / "kontoplan.csv");

  EXPECT_THROW(loadRunConfig(exempel / "namnd.json"), ConfigError);

  writeExampleKommun(exempel / "genererat");
  const RunConfig config = loadRunConfig(exempel / "namnd.json");
  EXPECT_EQ(config.kommun, "Exempelby kommun");
  EXPECT_EQ(config.namnd, "Socialnämnden");
  EXPECT_EQ(config.forvaltning, "Socialförvaltningen");
  EXPECT_EQ(config.levelNames,
            (std::vector<std::string>{"Nämnd", "Verksamhetsområde", "Enhet", "Ansvar"}));
  EXPECT_EQ(config.reportLevel, 2);
  EXPECT_EQ(config.rounding, RoundingMode::PerCell);
  EXPECT_EQ(config.huvudbok.size(), 2u);
  EXPECT_EQ(config.budget.size(), 2u);
  ASSERT_EQ(config.prognos.size(), 1u);
  EXPECT_EQ(config.prognos[0].path.filename(), "prognos-2025.csv");
  EXPECT_EQ(config.manadsrapportPrognos, "delar");
  EXPECT_EQ(config.kontoplan.path.filename(), "kontoplan.csv");
  const std::string storeSuffix = "output/lager/exempel.sqlite";
  EXPECT_EQ(config.storeUri.substr(config.storeUri.size() - storeSuffix.size()), storeSuffix);
}

}  // namespace
}  // namespace namnd
