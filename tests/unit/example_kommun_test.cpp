#include "cli/example_kommun.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/example_avvikelser.hpp"
#include "core/errors.hpp"
#include "core/run_config.hpp"
#include "ingest/prognos_reader.hpp"
#include "ingest/sie/sie_reader.hpp"
#include "ingest/source_file.hpp"
#include "ingest/table/open_source.hpp"
#include "ingest/xlsx/zip_package.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using i64 = std::int64_t;

const fs::path kRepo = NAMND_SOURCE_DIR;
const char* const kFiles[] = {"huvudbok-2024.se",
                              "huvudbok-2024.csv",
                              "huvudbok-2025.csv",
                              "budget-2024.csv",
                              "budget-2025-personal.csv",
                              "budget-2025.csv",
                              "budgetrevision-2025.csv",
                              "prognos-2024.csv",
                              "prognos-2025.xlsx",
                              "prognos-2025.csv",
                              "hr-2025.csv",
                              "investeringar-2025.csv",
                              "budgetram-2025.csv",
                              "mal-2025.csv",
                              "verksamhetsmatt-2025.csv",
                              "prognos-kostnadsslag-2025.csv",
                              "avvikelser-hsl.csv",
                              "avvikelser-sol-lss.xlsx",
                              "volymer-2025.csv"};

// The "lonekalender" key as namnd.json should spell it: more in June–August (semesterlön).
constexpr std::array<i64, 12> kLonekalender = {80, 76, 80, 81, 82, 92, 100, 92, 80, 80, 78, 79};

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

// A copy of the repo layout that namnd.json's relative paths expect, without generated files.
void copyRepoLayout(const fs::path& root) {
  const fs::path exempel = root / "data" / "exempel";
  fs::create_directories(exempel);
  fs::create_directories(root / "data" / "kommunbas");
  fs::create_directories(root / "templates");
  fs::copy_file(kRepo / "data/exempel/namnd.json", exempel / "namnd.json");
  fs::copy_file(kRepo / "data/exempel/org.csv", exempel / "org.csv");
  fs::copy_file(kRepo / "data/exempel/kommentarer-2025.md", exempel / "kommentarer-2025.md");
  fs::copy_file(kRepo / "data/kommunbas/kontoplan.csv",
                root / "data" / "kommunbas" / "kontoplan.csv");
}

// The same layout with the generated files in place, shared by the tests that load the config.
const fs::path& exampleConfig() {
  static const TempDir root("namnd-exempel-rot");
  static const fs::path config = [] {
    copyRepoLayout(root.path());
    writeExampleKommun(root.path() / "data" / "exempel" / "genererat");
    return root.path() / "data" / "exempel" / "namnd.json";
  }();
  return config;
}

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> split(const std::string& line, char separator = ';') {
  std::vector<std::string> fields;
  std::string field;
  for (const char c : line) {
    if (c == separator) {
      fields.push_back(field);
      field.clear();
    } else {
      field += c;
    }
  }
  fields.push_back(field);
  return fields;
}

std::string headerOf(const fs::path& file) {
  const std::string text = slurp(file);
  return text.substr(0, text.find('\n'));
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

// The lines of an SIE file (CRLF), still in CP437.
std::vector<std::string> sieLines(const fs::path& file) {
  std::vector<std::string> lines;
  const std::string text = slurp(file);
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find("\r\n", pos);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 2;
  }
  return lines;
}

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

bool allDigits(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

// "-1234,50" → -123450 öre; at most two decimals after the decimal mark. `ok` flags a bad amount.
i64 ore(const std::string& amount, bool* ok = nullptr, char decimalMark = ',') {
  const bool negative = !amount.empty() && amount[0] == '-';
  const std::string body = amount.substr(negative ? 1 : 0);
  const auto mark = body.find(decimalMark);
  const std::string whole = body.substr(0, mark);
  const std::string decimals = mark == std::string::npos ? "" : body.substr(mark + 1);
  const bool valid = allDigits(whole) && decimals.size() <= 2 &&
                     (mark == std::string::npos || allDigits(decimals));
  if (ok) *ok = valid;
  if (!valid) return 0;
  i64 value = std::stoll(whole) * 100;
  if (decimals.size() == 1) value += std::stoll(decimals) * 10;
  if (decimals.size() == 2) value += std::stoll(decimals);
  return negative ? -value : value;
}

// "4610 Köp av huvudverksamhet" → "4610".
std::string kontoOf(const std::string& kontoText) {
  return kontoText.substr(0, kontoText.find(' '));
}

// ---------------------------------------------------------------------------------------------
// org.csv, with the versions of a node (giltig_from/giltig_tom, YYYYMM).

struct OrgRow {
  std::string code;
  std::string name;
  std::string parent;
  int level = 0;
  std::string from;  // empty = from the beginning
  std::string tom;   // empty = still valid
  bool validIn(const std::string& period) const {
    return (from.empty() || from <= period) && (tom.empty() || period <= tom);
  }
};

struct Org {
  std::vector<OrgRow> rows;

  const OrgRow* at(const std::string& code, const std::string& period) const {
    for (const OrgRow& row : rows)
      if (row.code == code && row.validIn(period)) return &row;
    return nullptr;
  }
  std::set<std::string> atLevel(int wanted) const {
    std::set<std::string> codes;
    for (const OrgRow& row : rows)
      if (row.level == wanted) codes.insert(row.code);
    return codes;
  }
  std::string ancestorAt(std::string code, int wanted, const std::string& period) const {
    const OrgRow* row = at(code, period);
    while (row && row->level > wanted) {
      code = row->parent;
      row = at(code, period);
    }
    return code;
  }
};

Org readOrg() {
  Org org;
  for (const auto& row : rows(kRepo / "data/exempel/org.csv"))
    org.rows.push_back(
        {row.at(0), row.at(1), row.at(2), std::stoi(row.at(3)), row.at(5), row.at(6)});
  return org;
}

// ---------------------------------------------------------------------------------------------
// Budget 2025 as the files give it, by independent arithmetic: ack budget through a month per
// ansvar (öre). Helår personnel rows follow kLonekalender, revisions are linear from their
// giltig_from month, monthly rows count as written.

std::map<std::string, i64> ackBudget2025(int throughMonth) {
  std::map<std::string, i64> ack;
  const std::string through =
      "2025" + std::string(throughMonth < 10 ? "0" : "") + std::to_string(throughMonth);
  for (const auto& row : rows(generated() / "budget-2025.csv"))
    if (row.at(0) <= through) ack[row.at(1)] += std::stoll(row.at(3)) * 100;
  i64 weightsThrough = 0;
  i64 weightsYear = 0;
  for (int m = 0; m < 12; ++m) {
    weightsYear += kLonekalender[static_cast<std::size_t>(m)];
    if (m < throughMonth) weightsThrough += kLonekalender[static_cast<std::size_t>(m)];
  }
  for (const auto& row : rows(generated() / "budget-2025-personal.csv"))
    ack[row.at(1)] += std::stoll(row.at(3)) * 100 * weightsThrough / weightsYear;
  for (const auto& row : rows(generated() / "budgetrevision-2025.csv")) {
    const int from = std::stoi(row.at(1).substr(4));
    if (from <= throughMonth)
      ack[row.at(3)] += std::stoll(row.at(5)) * 100 * (throughMonth - from + 1) / (13 - from);
  }
  return ack;
}

// Helår 2025 before revisions, kronor per ansvar.
std::map<std::string, i64> baseHelar2025() {
  std::map<std::string, i64> helar;
  for (const auto& row : rows(generated() / "budget-2025-personal.csv"))
    helar[row.at(1)] += std::stoll(row.at(3));
  for (const auto& row : rows(generated() / "budget-2025.csv"))
    helar[row.at(1)] += std::stoll(row.at(3));
  return helar;
}

// ---------------------------------------------------------------------------------------------

TEST(ExampleKommunFiles, WritesEveryCsvFileWithItsHeader) {
  const std::map<std::string, std::string> headers = {
      {"huvudbok-2024.csv", "period;ansvar;konto;verksamhet;projekt;belopp;vernr;text"},
      {"huvudbok-2025.csv", "Period;Ansvar;Konto text;Verksamhet;Projekt;Belopp;Vernr;Text"},
      {"budget-2024.csv", "ar;ansvar;konto;belopp"},
      {"budget-2025-personal.csv", "ar;ansvar;konto;belopp"},
      {"budget-2025.csv", "period;ansvar;konto;belopp"},
      {"budgetrevision-2025.csv", "ar;giltig_from;version;ansvar;konto;belopp"},
      {"prognos-2025.csv", "prognosperiod;ansvar;avvikelse;kommentar;atgard"},
  };
  for (const auto& [file, header] : headers)
    EXPECT_EQ(headerOf(generated() / file), header) << file;
}

TEST(ExampleKommunFiles, EveryRowHasAsManyFieldsAsTheHeader) {
  for (const char* file : kFiles) {
    const std::string name = file;
    if (name.substr(name.size() - 4) != ".csv") continue;
    // The register's free text is quoted and may hold ';': its own tests read it with the reader.
    if (name.rfind("avvikelser-", 0) == 0) continue;
    const std::size_t width = split(headerOf(generated() / file)).size();
    for (const auto& row : rows(generated() / file)) ASSERT_EQ(row.size(), width) << file;
  }
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
  EXPECT_TRUE(fs::is_regular_file(dir.path() / "data" / "genererat" / "prognos-2025.xlsx"));
}

TEST(ExampleKommunFiles, ReportsAFolderThatCannotBeCreated) {
  const TempDir dir("namnd-exempel-fel");
  std::ofstream(dir.path() / "en-fil") << "inte en mapp";
  EXPECT_THROW(writeExampleKommun(dir.path() / "en-fil" / "genererat"), OutputError);
}

// ---------------------------------------------------------------------------------------------

TEST(ExampleKommunDeterminism, TwoRunsWriteIdenticalBytesEvenInAnotherTimeZone) {
  const TempDir first("namnd-exempel-a");
  const TempDir second("namnd-exempel-b");
  writeExampleKommun(first.path());
  // The workbook's timestamps must not come from the clock or the machine's time zone.
  const char* const savedTz = std::getenv("TZ");
  const std::string saved = savedTz ? savedTz : "";
  setenv("TZ", "America/New_York", 1);
  writeExampleKommun(second.path());
  if (savedTz)
    setenv("TZ", saved.c_str(), 1);
  else
    unsetenv("TZ");
  for (const char* file : kFiles) {
    const std::string a = slurp(first.path() / file);
    EXPECT_FALSE(a.empty()) << file;
    EXPECT_TRUE(a == slurp(second.path() / file)) << file;
    EXPECT_TRUE(a == slurp(generated() / file)) << file;
  }
}

TEST(ExampleKommunDeterminism, TheWorkbookCarriesAFixedExportTime) {
  const ZipPackage package =
      ZipPackage::openFile(generated() / "prognos-2025.xlsx", "prognos-2025.xlsx", ZipLimits{});
  std::string core;
  package.readPart("docProps/core.xml", [&core](std::istream& in) {
    std::ostringstream text;
    text << in.rdbuf();
    core = text.str();
  });
  EXPECT_NE(core.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-12-05T08:15:00Z<"),
            std::string::npos)
      << core;
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
  std::size_t trans = 0;
  for (const std::string& line : sieLines(generated() / "huvudbok-2024.se"))
    trans += startsWith(line, "#TRANS ");
  EXPECT_EQ(trans, rows2024.size());
}

TEST(ExampleKommunLedger, EveryAnsvarIsALevelFourNodeOfOrgCsv) {
  const std::set<std::string> ansvar = readOrg().atLevel(4);
  EXPECT_GE(ansvar.size(), 25u);
  const std::map<std::string, std::size_t> ansvarColumn = {
      {"huvudbok-2024.csv", 1}, {"huvudbok-2025.csv", 1},        {"budget-2024.csv", 1},
      {"budget-2025.csv", 1},   {"budget-2025-personal.csv", 1}, {"budgetrevision-2025.csv", 3}};
  for (const auto& [file, column] : ansvarColumn)
    for (const auto& row : rows(generated() / file))
      ASSERT_TRUE(ansvar.count(row.at(column))) << file << ": ansvar " << row.at(column);
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
  const std::map<std::string, std::size_t> kontoColumn = {
      {"huvudbok-2024.csv", 2}, {"huvudbok-2025.csv", 2},        {"budget-2024.csv", 2},
      {"budget-2025.csv", 2},   {"budget-2025-personal.csv", 2}, {"budgetrevision-2025.csv", 4}};
  for (const auto& [file, column] : kontoColumn)
    for (const auto& row : rows(generated() / file)) {
      const std::string konto = kontoOf(row.at(column));
      ASSERT_TRUE(allDigits(konto) && konto.size() >= 4 && konto.size() <= 5) << konto;
      ASSERT_TRUE(covered(konto)) << file << ": konto " << konto;
    }
}

TEST(ExampleKommunLedger, KontoTextCellsNameEachKontoTheSameWayEveryTime) {
  std::map<std::string, std::set<std::string>> names;
  for (const auto& row : rows(generated() / "huvudbok-2025.csv")) {
    const std::string& cell = row.at(2);
    const auto space = cell.find(' ');
    ASSERT_NE(space, std::string::npos) << cell;
    ASSERT_GT(cell.size(), space + 3) << cell;
    names[cell.substr(0, space)].insert(cell.substr(space + 1));
  }
  for (const auto& [konto, texts] : names) EXPECT_EQ(texts.size(), 1u) << konto;
  EXPECT_EQ(*names.at("4610").begin(), "Köp av huvudverksamhet");
  EXPECT_EQ(*names.at("5110").begin(), "Månadslön");
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
  for (const auto& row : rows(generated() / "budget-2025-personal.csv"))
    ASSERT_EQ(row.at(0), "2025");
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
  for (const char* file : {"budget-2024.csv", "budget-2025-personal.csv", "budget-2025.csv"})
    for (const auto& row : rows(generated() / file)) {
      const std::string& amount = row.at(3);
      ASSERT_TRUE(allDigits(amount[0] == '-' ? amount.substr(1) : amount)) << file << amount;
    }
}

TEST(ExampleKommunLedger, CostsArePositiveAndRevenueNegative) {
  i64 revenue = 0;
  i64 personnel = 0;
  i64 gross = 0;
  for (const auto& row : rows(generated() / "huvudbok-2025.csv")) {
    const i64 amount = ore(row.at(5));
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
  for (const char* file : {"huvudbok-2024.csv", "huvudbok-2025.csv"})
    for (const auto& row : rows(generated() / file)) {
      ASSERT_FALSE(row.at(6).empty()) << file;
      ASSERT_FALSE(row.at(7).empty()) << file;
    }
}

// ---------------------------------------------------------------------------------------------
// huvudbok-2024.se: SIE 4 in PC8, the same transactions as huvudbok-2024.csv.

TEST(ExampleKommunSie, OpensWithTheSie4HeaderAndDeclaresTheAnsvarDimension) {
  const std::vector<std::string> lines = sieLines(generated() / "huvudbok-2024.se");
  ASSERT_GE(lines.size(), 10u);
  EXPECT_EQ(lines[0], "#FLAGGA 0");
  EXPECT_EQ(lines[1], "#FORMAT PC8");
  EXPECT_EQ(lines[2], "#SIETYP 4");
  std::set<std::string> records;
  std::set<std::string> objects;
  for (const std::string& line : lines) {
    records.insert(line);
    if (startsWith(line, "#OBJEKT 1 \"")) objects.insert(line.substr(11, 4));
  }
  EXPECT_TRUE(records.count("#FNAMN \"Exempelby kommun\""));
  EXPECT_TRUE(records.count("#RAR 0 20240101 20241231"));
  EXPECT_TRUE(records.count("#DIM 1 \"Ansvar\""));
  EXPECT_EQ(objects, readOrg().atLevel(4));
}

TEST(ExampleKommunSie, WritesSwedishLettersInCodePage437) {
  const std::string text = slurp(generated() / "huvudbok-2024.se");
  // ö = 0x94, å = 0x86, Ö = 0x99 in CP437; UTF-8 would start them with 0xC3.
  EXPECT_NE(text.find("\"Bj\x94rkg\x86rden\""), std::string::npos);
  EXPECT_NE(text.find("\"\x99ppenv\x86rden\""), std::string::npos);
  EXPECT_EQ(text.find('\xC3'), std::string::npos);
  // No character was replaced for want of a CP437 code.
  EXPECT_EQ(text.find('?'), std::string::npos);
}

TEST(ExampleKommunSie, TransAddsUpToTheCsvVariantPerAnsvarAndKonto) {
  std::map<std::string, i64> csv;  // "ansvar;konto" → öre
  i64 csvTotal = 0;
  for (const auto& row : rows(generated() / "huvudbok-2024.csv")) {
    csv[row.at(1) + ";" + row.at(2)] += ore(row.at(5));
    csvTotal += ore(row.at(5));
  }
  // #TRANS 5110 {1 "2110" 20 "511"} 123456.78 "" "Månadslön undersköterskor"
  std::map<std::string, i64> sie;
  i64 sieTotal = 0;
  for (const std::string& line : sieLines(generated() / "huvudbok-2024.se")) {
    if (!startsWith(line, "#TRANS ")) continue;
    const std::string konto = line.substr(7, line.find(' ', 7) - 7);
    const auto ansvarAt = line.find("{1 \"");
    ASSERT_NE(ansvarAt, std::string::npos) << line;
    const std::string ansvar =
        line.substr(ansvarAt + 4, line.find('"', ansvarAt + 4) - ansvarAt - 4);
    const auto amountAt = line.find("} ") + 2;
    bool ok = false;
    const i64 amount = ore(line.substr(amountAt, line.find(' ', amountAt) - amountAt), &ok, '.');
    ASSERT_TRUE(ok) << line;
    sie[ansvar + ";" + konto] += amount;
    sieTotal += amount;
  }
  EXPECT_NE(csvTotal, 0);
  EXPECT_EQ(sieTotal, csvTotal);
  EXPECT_EQ(sie, csv);
}

TEST(ExampleKommunSie, ResultPerKontoMatchesItsTransactions) {
  std::map<std::string, i64> res;
  std::map<std::string, i64> trans;
  for (const std::string& line : sieLines(generated() / "huvudbok-2024.se")) {
    const std::vector<std::string> fields = split(line, ' ');
    if (fields[0] == "#RES") res[fields.at(2)] += ore(fields.at(3), nullptr, '.');
    if (fields[0] == "#TRANS") {
      const auto amountAt = line.find("} ") + 2;
      trans[fields.at(1)] +=
          ore(line.substr(amountAt, line.find(' ', amountAt) - amountAt), nullptr, '.');
    }
  }
  EXPECT_GE(res.size(), 30u);
  EXPECT_EQ(res, trans);
}

TEST(ExampleKommunSie, VouchersAreClosedAndDatedInTheMonthOfTheirCsvRows) {
  std::map<std::string, std::string> periodOf;  // vernr → period, from the CSV variant
  for (const auto& row : rows(generated() / "huvudbok-2024.csv")) periodOf[row.at(6)] = row.at(0);
  const std::vector<std::string> lines = sieLines(generated() / "huvudbok-2024.se");
  std::size_t vouchers = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!startsWith(lines[i], "#VER ")) continue;
    ++vouchers;
    // #VER "LF" "24000123" 20240115 "text"
    const std::vector<std::string> fields = split(lines[i], ' ');
    const std::string series = fields.at(1).substr(1, fields.at(1).size() - 2);
    const std::string number = fields.at(2).substr(1, fields.at(2).size() - 2);
    const std::string date = fields.at(3);
    ASSERT_TRUE(periodOf.count(series + number)) << lines[i];
    EXPECT_EQ(date.substr(0, 6), periodOf.at(series + number)) << lines[i];
    ASSERT_LT(i + 2, lines.size());
    EXPECT_EQ(lines[i + 1], "{");
    std::size_t end = i + 2;
    while (end < lines.size() && startsWith(lines[end], "#TRANS ")) ++end;
    ASSERT_LT(end, lines.size());
    EXPECT_EQ(lines[end], "}") << "after " << lines[i];
    EXPECT_GT(end, i + 2) << lines[i];
  }
  EXPECT_EQ(vouchers, periodOf.size());
}

TEST(ExampleKommunSie, TheSieReaderAcceptsEveryTransaction) {
  std::size_t csvRows = 0;
  i64 csvTotal = 0;
  for (const auto& row : rows(generated() / "huvudbok-2024.csv")) {
    ++csvRows;
    csvTotal += ore(row.at(5));
  }
  const SourceFile file = readSourceFile(generated() / "huvudbok-2024.se", "huvudbok-2024.se");
  const SieImport sie = readSie(file, SieDimensionMap{.ansvar = 1, .verksamhet = 20, .projekt = 6});
  EXPECT_EQ(sie.sieType, 4);
  EXPECT_EQ(sie.company, "Exempelby kommun");
  EXPECT_EQ(sie.ledger.rowsAccepted, static_cast<i64>(csvRows));
  EXPECT_TRUE(sie.ledger.rejected.empty());
  EXPECT_EQ(sie.ledger.acceptedOre, csvTotal);
  EXPECT_EQ(sie.utfall.total(Measure::Utfall), csvTotal);
}

// ---------------------------------------------------------------------------------------------

TEST(ExampleKommunBudget, NoAnsvarAndKontoIsBudgetedInBothFilesOf2025) {
  std::set<std::string> helar;
  for (const auto& row : rows(generated() / "budget-2025-personal.csv")) {
    EXPECT_EQ(row.at(2)[0], '5') << "personalkonto väntades: " << row.at(2);
    EXPECT_TRUE(helar.insert(row.at(1) + ";" + row.at(2)).second) << row.at(1) << row.at(2);
  }
  std::map<std::string, std::set<std::string>> periods;
  for (const auto& row : rows(generated() / "budget-2025.csv"))
    periods[row.at(1) + ";" + row.at(2)].insert(row.at(0));
  for (const auto& [key, months] : periods) {
    EXPECT_FALSE(helar.count(key)) << key;
    EXPECT_EQ(months.size(), 12u) << key;
  }
  EXPECT_GE(helar.size(), 80u);
}

TEST(ExampleKommunBudget, HelarIsLastYearsPlusAFewPerCent) {
  std::map<std::string, i64> helar2024;
  for (const auto& row : rows(generated() / "budget-2024.csv"))
    helar2024[row.at(1)] += std::stoll(row.at(3));
  i64 total = 0;
  for (const auto& [ansvar, kr] : baseHelar2025()) {
    total += kr;
    ASSERT_TRUE(helar2024.count(ansvar)) << ansvar;
    const i64 before = helar2024.at(ansvar);
    EXPECT_GE(kr * 100, before * 100) << ansvar;
    EXPECT_LE(kr * 100, before * 106 + 100'000) << ansvar;
  }
  EXPECT_GT(total, 650'000'000);
  EXPECT_LT(total, 750'000'000);
}

TEST(ExampleKommunBudget, RevisionsNetToZeroPerVersionAndStartWithinTheYear) {
  std::map<std::string, i64> net;
  std::map<std::string, int> rowsPerVersion;
  std::map<std::string, std::string> fromOf;
  for (const auto& row : rows(generated() / "budgetrevision-2025.csv")) {
    EXPECT_EQ(row.at(0), "2025");
    ASSERT_TRUE(allDigits(row.at(1)) && row.at(1).size() == 6) << row.at(1);
    EXPECT_GE(row.at(1), "202502");
    EXPECT_LE(row.at(1), "202512");
    net[row.at(2)] += std::stoll(row.at(5));
    ++rowsPerVersion[row.at(2)];
    if (fromOf.count(row.at(2))) EXPECT_EQ(fromOf.at(row.at(2)), row.at(1)) << row.at(2);
    fromOf[row.at(2)] = row.at(1);
  }
  ASSERT_TRUE(net.count("SN 2025-06-17 § 64"));
  for (const auto& [version, kr] : net) {
    EXPECT_EQ(kr, 0) << version;
    EXPECT_EQ(rowsPerVersion.at(version), 2) << version;
  }
}

TEST(ExampleKommunBudget, TheJuneDecisionMovesMoneyFromFunktionsstodToIfoFromJuly) {
  const Org org = readOrg();
  std::map<std::string, i64> byArea;
  for (const auto& row : rows(generated() / "budgetrevision-2025.csv"))
    if (row.at(2) == "SN 2025-06-17 § 64") {
      EXPECT_EQ(row.at(1), "202507");
      byArea[org.ancestorAt(row.at(3), 2, "202507")] += std::stoll(row.at(5));
    }
  EXPECT_EQ(byArea, (std::map<std::string, i64>{{"FS", -1'140'000}, {"IFO", 1'140'000}}));
}

TEST(ExampleKommunBudget, RevisionsChangeLinesThatTheBaseBudgetHas) {
  const auto helar = baseHelar2025();
  std::set<std::string> lines;
  for (const char* file : {"budget-2025-personal.csv", "budget-2025.csv"})
    for (const auto& row : rows(generated() / file)) lines.insert(row.at(1) + ";" + row.at(2));
  for (const auto& row : rows(generated() / "budgetrevision-2025.csv")) {
    EXPECT_TRUE(lines.count(row.at(3) + ";" + row.at(4))) << row.at(3) << " " << row.at(4);
    // No line is cut below zero.
    EXPECT_GT(helar.at(row.at(3)) + std::stoll(row.at(5)), 0) << row.at(3);
  }
}

TEST(ExampleKommunBudget, NamndIsInDeficitAndAldreomsorgOverspendsByOctober2025) {
  const Org org = readOrg();
  std::map<std::string, i64> budget;  // öre per verksamhetsområde, ack 202510
  std::map<std::string, i64> utfall;
  for (const auto& [ansvar, ackOre] : ackBudget2025(10))
    budget[org.ancestorAt(ansvar, 2, "202510")] += ackOre;
  for (const auto& row : rows(generated() / "huvudbok-2025.csv"))
    if (row.at(0) <= "202510") utfall[org.ancestorAt(row.at(1), 2, "202510")] += ore(row.at(5));

  i64 budgetTotal = 0;
  i64 utfallTotal = 0;
  int withinThreePercent = 0;
  int inSurplus = 0;
  for (const auto& [area, ackBudget] : budget) {
    budgetTotal += ackBudget;
    utfallTotal += utfall[area];
    const i64 avvikelse = ackBudget - utfall[area];
    if (avvikelse * 100 >= -3 * ackBudget && avvikelse * 100 <= 3 * ackBudget) ++withinThreePercent;
    if (avvikelse > 0) ++inSurplus;
  }
  EXPECT_EQ(budget.size(), 6u);
  EXPECT_GE(withinThreePercent, 4);
  EXPECT_GE(inSurplus, 1);
  // "Underskott": at least 1 % of the ack budget.
  EXPECT_LT((budgetTotal - utfallTotal) * 100, -budgetTotal);

  const i64 aoAvvikelse = budget.at("AO") - utfall.at("AO");
  EXPECT_LE(aoAvvikelse * 100, -5 * budget.at("AO"));
  EXPECT_GE(aoAvvikelse * 100, -10 * budget.at("AO"));
}

// ---------------------------------------------------------------------------------------------

TEST(ExampleKommunOrg, EveryRowHasTheGiltigColumns) {
  EXPECT_EQ(headerOf(kRepo / "data/exempel/org.csv"),
            "kod;namn;foralder;niva;ordning;giltig_from;giltig_tom");
  for (const auto& row : rows(kRepo / "data/exempel/org.csv")) ASSERT_EQ(row.size(), 7u);
}

TEST(ExampleKommunOrg, VersionsOfANodeFollowEachOtherWithoutOverlapOrGap) {
  std::map<std::string, std::vector<OrgRow>> versions;
  for (const OrgRow& row : readOrg().rows) versions[row.code].push_back(row);
  int versioned = 0;
  for (auto& [code, list] : versions) {
    if (list.size() == 1) {
      EXPECT_TRUE(list[0].from.empty() && list[0].tom.empty()) << code;
      continue;
    }
    ++versioned;
    std::sort(list.begin(), list.end(),
              [](const OrgRow& a, const OrgRow& b) { return a.from < b.from; });
    EXPECT_TRUE(list.front().from.empty()) << code << " finns inte före sin första version";
    EXPECT_TRUE(list.back().tom.empty()) << code << " upphör";
    for (std::size_t k = 1; k < list.size(); ++k) {
      const std::string& tom = list[k - 1].tom;
      ASSERT_EQ(tom.size(), 6u) << code;
      const int year = std::stoi(tom.substr(0, 4));
      const int month = std::stoi(tom.substr(4));
      const int next = month == 12 ? (year + 1) * 100 + 1 : year * 100 + month + 1;
      EXPECT_EQ(list[k].from, std::to_string(next)) << code;
      EXPECT_NE(list[k].parent, list[k - 1].parent) << code;
    }
  }
  EXPECT_EQ(versioned, 1);
}

TEST(ExampleKommunOrg, NattpatrullMovesToHalsoOchSjukvardInJuly2025) {
  const Org org = readOrg();
  EXPECT_EQ(org.ancestorAt("2230", 3, "202506"), "AO2");
  EXPECT_EQ(org.ancestorAt("2230", 2, "202506"), "AO");
  EXPECT_EQ(org.ancestorAt("2230", 3, "202507"), "HS1");
  EXPECT_EQ(org.ancestorAt("2230", 2, "202507"), "HS");
  EXPECT_EQ(org.ancestorAt("2230", 3, "202412"), "AO2");
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
  std::map<std::string, i64> ackAvvikelse;  // öre per enhet, ack 202510
  for (const auto& [ansvar, ackOre] : ackBudget2025(10))
    ackAvvikelse[org.ancestorAt(ansvar, 3, "202510")] += ackOre;
  for (const auto& row : rows(generated() / "huvudbok-2025.csv"))
    if (row.at(0) <= "202510")
      ackAvvikelse[org.ancestorAt(row.at(1), 3, "202510")] -= ore(row.at(5));

  i64 octoberTotal = 0;
  for (const auto& row : rows(generated() / "prognos-2025.csv")) {
    const i64 kr = std::stoll(row.at(2));
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

TEST(ExampleKommunPrognos, TheWorkbookHoldsTheSamePrognosesAsTheCsvThroughTheConfigsColumns) {
  const RunConfig config = loadRunConfig(exampleConfig());
  ASSERT_EQ(config.prognos.size(), 2u);  // last year's csv, this year's workbook
  const auto source = openTabularSource(config.prognos[1]);
  const PrognosImport imported = readPrognos(*source, "hash");
  EXPECT_TRUE(imported.summary.rejected.empty());

  std::vector<std::string> fromWorkbook;
  for (const PrognosSnapshot& snapshot : imported.snapshots)
    for (const PrognosEntry& entry : snapshot.entries) {
      ASSERT_TRUE(entry.avvikelseOre.has_value()) << entry.node;
      fromWorkbook.push_back(snapshot.period.toString() + ";" + entry.node + ";" +
                             std::to_string(*entry.avvikelseOre / 100) + ";" + entry.kommentar +
                             ";" + entry.atgard);
    }
  std::vector<std::string> fromCsv;
  for (const auto& row : rows(generated() / "prognos-2025.csv"))
    fromCsv.push_back(row.at(0) + ";" + row.at(1) + ";" + row.at(2) + ";" + row.at(3) + ";" +
                      row.at(4));
  EXPECT_EQ(fromWorkbook.size(), 190u);
  EXPECT_EQ(fromWorkbook, fromCsv);
}

// ---------------------------------------------------------------------------------------------

TEST(ExampleKommunConfig, LoadsOnceTheGeneratedFilesExist) {
  const TempDir root("namnd-exempel-konfig");
  copyRepoLayout(root.path());
  const fs::path exempel = root.path() / "data" / "exempel";
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
  EXPECT_EQ(config.manadsrapport.prognos, "delar");
  // The config's taxonomy maps every category name the example registers use.
  const AvvikelseTaxonomy expected = exampleAvvikelseTaxonomy();
  const AvvikelseTaxonomy& taxonomy = config.avvikelser.taxonomy;
  EXPECT_EQ(taxonomy.typ, expected.typ);
  EXPECT_EQ(taxonomy.lagrum, expected.lagrum);
  EXPECT_EQ(taxonomy.kategori, expected.kategori);
  EXPECT_EQ(taxonomy.handelsetyp, expected.handelsetyp);
  EXPECT_EQ(taxonomy.riktning, expected.riktning);
  EXPECT_EQ(taxonomy.status, expected.status);
  EXPECT_EQ(config.avvikelser.registers.size(), 2u);
  EXPECT_EQ(config.kontoplan.path.filename(), "kontoplan.csv");
  const std::string storeSuffix = "output/lager/exempel.sqlite";
  EXPECT_EQ(config.storeUri.substr(config.storeUri.size() - storeSuffix.size()), storeSuffix);

  ASSERT_EQ(config.huvudbok.size(), 2u);
  EXPECT_EQ(config.huvudbok[0].path.filename(), "huvudbok-2024.se");
  EXPECT_EQ(config.huvudbok[0].format, "sie");
  EXPECT_EQ(config.huvudbok[0].sieDimensions,
            (std::map<std::string, int>{{"ansvar", 1}, {"projekt", 6}, {"verksamhet", 20}}));
  EXPECT_EQ(config.huvudbok[1].path.filename(), "huvudbok-2025.csv");

  ASSERT_EQ(config.budget.size(), 4u);
  EXPECT_EQ(config.budget[0].periodisation.name, "linjar");
  EXPECT_EQ(config.budget[1].path.filename(), "budget-2025-personal.csv");
  EXPECT_EQ(config.budget[1].periodisation.name, "lonekalender");
  std::array<std::int64_t, 12> thousandths{};
  for (std::size_t m = 0; m < 12; ++m) thousandths[m] = kLonekalender[m] * 1000;
  EXPECT_EQ(config.budget[1].periodisation.weights, thousandths);
  // Semesterlön: June, July and August weigh more than any other month.
  const auto& weights = config.budget[1].periodisation.weights;
  for (const std::size_t summer : {5u, 6u, 7u})
    for (std::size_t other = 0; other < 12; ++other)
      if (other < 5 || other > 7) EXPECT_GT(weights[summer], weights[other]) << other;
  EXPECT_EQ(config.budget[3].path.filename(), "budgetrevision-2025.csv");

  ASSERT_EQ(config.prognos.size(), 2u);
  EXPECT_EQ(config.prognos[0].path.filename(), "prognos-2024.csv");
  EXPECT_EQ(config.prognos[1].path.filename(), "prognos-2025.xlsx");
  EXPECT_EQ(config.prognos[1].format, "xlsx");
  EXPECT_EQ(config.prognos[1].sheet, "Prognoser");
}

}  // namespace
}  // namespace namnd
