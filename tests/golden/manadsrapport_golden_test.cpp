// The månadsrapport table of Färgelanda socialnämnd, October 2025 (notes 002 §T1, oracle O1),
// rebuilt from kr-level rows and read back from the written workbook and page. The expected
// cells are the published ones, typed from the document: including its ±1 differences
// (Nämndsverksamhet −12 073, not −12 074; Ack budget total 150 452 although the rows sum to
// 150 450; Avvikelse total −23 154).

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::TempDir;

struct PublishedRow {
  std::string name;
  std::int64_t prognos, ackUtfall, ackBudget, avvikelse, budgetHelar;
};

const std::vector<PublishedRow> kPublishedT1 = {
    {"Nämndsverksamhet", 250, 435, -11'639, -12'073, -13'966},
    {"Sektorchef omsorg", 206, 8'578, 9'100, 522, 10'921},
    {"Omsorgskontor", -401, 7'660, 8'175, 515, 9'810},
    {"Äldreomsorg", -16'333, 73'308, 69'757, -3'551, 83'708},
    {"Kommunal primärvård", -735, 20'208, 19'159, -1'049, 22'991},
    {"Individ- och familjeomsorg", -5'512, 40'266, 34'085, -6'181, 41'130},
    {"Enheten för stöd och service", -2'778, 23'150, 21'813, -1'337, 25'948},
    {"Totalt", -25'303, 173'605, 150'452, -23'154, 180'542},
};

const std::vector<std::string> kPublishedHeaders = {"Verksamhetsområde. Belopp i tkr",
                                                    "Prognos lämnad 202508",
                                                    "Ack utfall 202510",
                                                    "Ack budget 202510",
                                                    "Avvikelse budget-utfall",
                                                    "Budget helår"};

std::string configJson(const std::string& rounding,
                       const std::string& manadsrapport = R"({"prognos": "delar"})") {
  return R"({
  "kommun": "Färgelanda kommun",
  "publicerbara_kolumner": ["huvudbok.text", "prognos.kommentar", "prognos.atgard"],
  "namnd": "Socialnämnden",
  "forvaltning": "Sektor omsorg",
  "forfattare": "Testfall O1",
  "lager": "sqlite:lager/namnd.sqlite",
  "utdata": "ut",
  "mallar": ")" +
         testing::repoPath("templates").string() +
         R"(",
  "avrundning": ")" +
         rounding +
         R"(",
  "org": {"fil": "org.csv", "nivaer": ["Nämnd", "Verksamhetsområde", "Enhet"], "rapportniva": 2},
  "kontoplan": "kontoplan.csv",
  "huvudbok": ["huvudbok-2025.csv"],
  "budget": [{"fil": "budget-2025.csv", "periodisering": "linjar"}],
  "prognos": ["prognos-2025.csv"],
  "manadsrapport": )" +
         manadsrapport + R"(
})";
}

class FargelandaManadsrapport : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::copyFixture("fargelanda", dir.path());
    testing::writeFile(dir / "namnd.json", configJson("per_cell"));
  }
  testing::RunResult report(const std::vector<std::string>& extra = {}) {
    std::vector<std::string> args = {"manadsrapport", "--config", (dir / "namnd.json").string(),
                                     "--period", "202510"};
    args.insert(args.end(), extra.begin(), extra.end());
    return testing::runNamnd(args);
  }
  std::filesystem::path workbook() const { return dir / "ut" / "manadsrapport-202510.xlsx"; }
  // The rows of the sheet whose title row (A1 is the document title, A2 the section) is `title`.
  std::vector<std::vector<XlsxCell>> sectionRows(const std::string& title) {
    for (const std::string& sheet : testing::sheetNames(workbook())) {
      auto rows = testing::readSheet(workbook(), sheet);
      for (std::size_t r = 0; r < std::min<std::size_t>(rows.size(), 3); ++r)
        if (!rows[r].empty() && rows[r][0].text.rfind(title, 0) == 0) return rows;
    }
    ADD_FAILURE() << "no sheet titled " << title;
    return {};
  }
  static const std::vector<XlsxCell>* rowNamed(const std::vector<std::vector<XlsxCell>>& rows,
                                               const std::string& name) {
    for (const auto& row : rows)
      if (!row.empty() && row[0].text == name) return &row;
    ADD_FAILURE() << "no row " << name;
    return nullptr;
  }
  static bool hasCell(const std::vector<std::vector<XlsxCell>>& rows, const std::string& text) {
    for (const auto& row : rows)
      for (const auto& cell : row)
        if (cell.text == text) return true;
    return false;
  }
  // The table's rows from the header row on, as the workbook holds them.
  std::vector<std::vector<XlsxCell>> tableRows() {
    auto rows = testing::readSheet(dir / "ut" / "manadsrapport-202510.xlsx");
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (!rows[i].empty() && rows[i][0].text == kPublishedHeaders[0])
        return {rows.begin() + static_cast<std::ptrdiff_t>(i), rows.end()};
    ADD_FAILURE() << "header row not found in the first sheet";
    return {};
  }
  TempDir dir;
};

TEST_F(FargelandaManadsrapport, WorkbookReproducesEveryPublishedCell) {
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;

  const auto rows = tableRows();
  ASSERT_GE(rows.size(), kPublishedT1.size() + 1);
  ASSERT_EQ(rows[0].size(), kPublishedHeaders.size());
  for (std::size_t c = 0; c < kPublishedHeaders.size(); ++c)
    EXPECT_EQ(rows[0][c].text, kPublishedHeaders[c]) << "column " << c;

  for (std::size_t r = 0; r < kPublishedT1.size(); ++r) {
    const PublishedRow& expected = kPublishedT1[r];
    const auto& row = rows[r + 1];
    ASSERT_EQ(row.size(), 6u) << expected.name;
    EXPECT_EQ(row[0].text, expected.name);
    const std::int64_t want[] = {expected.prognos, expected.ackUtfall, expected.ackBudget,
                                 expected.avvikelse, expected.budgetHelar};
    for (std::size_t c = 0; c < 5; ++c) {
      // A number cell, not text that looks like one.
      EXPECT_EQ(row[c + 1].type, XlsxCell::Type::Number) << expected.name << " column " << c + 1;
      EXPECT_EQ(row[c + 1].text, std::to_string(want[c])) << expected.name << " column " << c + 1;
    }
  }
}

TEST_F(FargelandaManadsrapport, PageShowsTheSameCellsWithSwedishNumbers) {
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const std::string html = testing::readFile(dir / "ut" / "manadsrapport-202510.html");
  for (const std::string& header : kPublishedHeaders)
    EXPECT_NE(html.find(header), std::string::npos) << header;
  // −12 073 with a hyphen-minus and NBSP as the thousands separator, in the Nämndsverksamhet row.
  const std::size_t rowStart = html.find("Nämndsverksamhet");
  ASSERT_NE(rowStart, std::string::npos);
  const std::size_t rowEnd = html.find("</tr>", rowStart);
  const std::string row = html.substr(rowStart, rowEnd - rowStart);
  for (const char* cell : {">250<", ">435<",
                           ">-11\xC2\xA0"
                           "639<",
                           ">-12\xC2\xA0"
                           "073<",
                           ">-13\xC2\xA0"
                           "966<"})
    EXPECT_NE(row.find(cell), std::string::npos) << cell << " in " << row;
  const std::size_t totalStart = html.find(">Totalt<");
  ASSERT_NE(totalStart, std::string::npos);
  const std::string total = html.substr(totalStart, html.find("</tr>", totalStart) - totalStart);
  for (const char* cell : {">-25\xC2\xA0"
                           "303<",
                           ">173\xC2\xA0"
                           "605<",
                           ">150\xC2\xA0"
                           "452<",
                           ">-23\xC2\xA0"
                           "154<",
                           ">180\xC2\xA0"
                           "542<"})
    EXPECT_NE(total.find(cell), std::string::npos) << cell << " in " << total;
}

TEST_F(FargelandaManadsrapport, SecondRunImportsNothingAndWritesIdenticalFiles) {
  ASSERT_EQ(report().exitCode, 0);
  const std::string firstXlsx = testing::readFile(dir / "ut" / "manadsrapport-202510.xlsx");
  const std::string firstHtml = testing::readFile(dir / "ut" / "manadsrapport-202510.html");
  const auto second = report();
  ASSERT_EQ(second.exitCode, 0) << second.output;
  EXPECT_NE(second.output.find("Oförändrad, hoppar över: huvudbok-2025.csv"), std::string::npos)
      << second.output;
  EXPECT_EQ(second.output.find("Inläst"), std::string::npos) << second.output;
  EXPECT_EQ(testing::readFile(dir / "ut" / "manadsrapport-202510.xlsx"), firstXlsx);
  EXPECT_EQ(testing::readFile(dir / "ut" / "manadsrapport-202510.html"), firstHtml);
}

TEST_F(FargelandaManadsrapport, AChangedFileReplacesItsEarlierImportAndSaysSo) {
  ASSERT_EQ(report().exitCode, 0);
  // A corrected export of the same file: Omsorgskontor gets 100 000 kr more in March.
  testing::writeFile(dir / "huvudbok-2025.csv", testing::readFile(dir / "huvudbok-2025.csv") +
                                                    "202503;1200;5110;100000,00;Rättelse\r\n");
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(
      run.output.find("Ändrad fil, ersätter tidigare inläsning av huvudbok: huvudbok-2025.csv"),
      std::string::npos)
      << run.output;
  // Replaced, not added: 7 660 100 + 100 000 kr = 7 760 tkr, and the total 173 705.
  const auto rows = tableRows();
  ASSERT_GE(rows.size(), 9u);
  EXPECT_EQ(rows[3][2].text, "7760");
  EXPECT_EQ(rows[8][2].text, "173705");
}

TEST_F(FargelandaManadsrapport, AdditiveRoundingMakesRowsSumToTheTotals) {
  testing::writeFile(dir / "namnd.json", configJson("additiv"));
  ASSERT_EQ(report().exitCode, 0);
  const auto rows = tableRows();
  ASSERT_GE(rows.size(), kPublishedT1.size() + 1);
  for (std::size_t c = 1; c <= 5; ++c) {
    std::int64_t sum = 0;
    for (std::size_t r = 1; r < kPublishedT1.size(); ++r) sum += std::stoll(rows[r][c].text);
    const std::int64_t total = std::stoll(rows[kPublishedT1.size()][c].text);
    EXPECT_EQ(sum, total) << "column " << c;
    // The totals themselves are the same rounded exact sums as in the published table.
    const PublishedRow& t = kPublishedT1.back();
    const std::int64_t publishedTotal[] = {t.prognos, t.ackUtfall, t.ackBudget, t.avvikelse,
                                           t.budgetHelar};
    EXPECT_EQ(total, publishedTotal[c - 1]) << "column " << c;
  }
}

TEST_F(FargelandaManadsrapport, RejectedRowIsNamedAndLeftOutOfTheSums) {
  // Break one ledger amount: the run still reports, names file, line and column, and the check
  // sheet says how many rows were rejected.
  std::string ledger = testing::readFile(dir / "huvudbok-2025.csv");
  const std::string bad = "202503;1200;5110;12x34;Felaktigt belopp\r\n";
  ledger += bad;
  testing::writeFile(dir / "huvudbok-2025.csv", ledger);
  const std::size_t lines =
      static_cast<std::size_t>(std::count(ledger.begin(), ledger.end(), '\n'));

  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const std::string where = "huvudbok-2025.csv rad " + std::to_string(lines) + ", kolumn belopp";
  EXPECT_NE(run.output.find(where), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("1 avvisade"), std::string::npos) << run.output;

  // The table is unchanged (Omsorgskontor still 7 660) …
  const auto rows = tableRows();
  ASSERT_GE(rows.size(), 4u);
  EXPECT_EQ(rows[3][0].text, "Omsorgskontor");
  EXPECT_EQ(rows[3][2].text, "7660");
  // … and the check sheet lists the rejected row with its place.
  bool listed = false;
  for (const std::string& sheet : testing::sheetNames(dir / "ut" / "manadsrapport-202510.xlsx"))
    for (const auto& row : testing::readSheet(dir / "ut" / "manadsrapport-202510.xlsx", sheet))
      for (const auto& cell : row) listed |= cell.text.find(where) != std::string::npos;
  EXPECT_TRUE(listed);
}

// Oracle O2: the straight line −23 153 800 × 12 / 10 = −27 784 560 kr ("omkring −27 800"),
// 2 481 560 kr worse than the August prognosis −25 303 000 kr ("cirka 2 480 sämre").
const std::string kMinus = "\xE2\x88\x92";
const std::string kNbsp = "\xC2\xA0";
const std::string kO2Forecast = "Just nu ser resultatet ut att bli omkring " + kMinus + "27" +
                                kNbsp + "800 tkr per 31/12-2025.";
const std::string kO2Difference = "Cirka 2" + kNbsp + "480 tkr sämre än prognos satt i delåret.";

TEST_F(FargelandaManadsrapport, LagesbildSaysWhatThePublishedSlideSays) {
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto rows = sectionRows("Utfall och lägesbild");
  EXPECT_TRUE(hasCell(rows, kO2Forecast));
  EXPECT_TRUE(hasCell(rows, kO2Difference));
  const std::string html = testing::readFile(dir / "ut" / "manadsrapport-202510.html");
  EXPECT_NE(html.find(kO2Forecast), std::string::npos);
  EXPECT_NE(html.find(kO2Difference), std::string::npos);
}

// A period whose year has nothing in the store (a typo in --period) still writes a report, but
// its checks say so as an error instead of presenting zeros as a budget in balance.
TEST_F(FargelandaManadsrapport, AYearWithoutDataIsAnErrorInTheChecks) {
  const auto run = testing::runNamnd(
      {"manadsrapport", "--config", (dir / "namnd.json").string(), "--period", "202601"});
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const std::string html = testing::readFile(dir / "ut" / "manadsrapport-202601.html");
  EXPECT_NE(html.find("lagret har varken utfall eller budget för 2026"), std::string::npos);
  EXPECT_TRUE(testing::contains(run.output, "Fel i kontrollerna: Indata för året")) << run.output;
  EXPECT_TRUE(testing::contains(run.output, "och 1 fel.")) << run.output;
  // The same store for October has data: no such line.
  ASSERT_EQ(report().exitCode, 0);
  EXPECT_EQ(testing::readFile(dir / "ut" / "manadsrapport-202510.html")
                .find("varken utfall eller budget"),
            std::string::npos);
}

TEST_F(FargelandaManadsrapport, LagesbildAgainstAWorsePrognosisSaysBetter) {
  // The October prognosis in the fixture is −32 303 000 kr; the straight line −27 784 560 kr is
  // 4 518 440 kr better → "Cirka 4 520 tkr bättre än prognos lämnad 202510".
  const auto run = report({"--prognos", "202510"});
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto rows = sectionRows("Utfall och lägesbild");
  EXPECT_TRUE(hasCell(rows, kO2Forecast));
  EXPECT_TRUE(hasCell(rows, "Cirka 4" + kNbsp + "520 tkr bättre än prognos lämnad 202510."));
}

TEST_F(FargelandaManadsrapport, ComparesTheLatestPrognosisWithTheDelarOneByDefault) {
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto rows = sectionRows("Prognoser jämförda");
  ASSERT_TRUE(hasCell(rows, "Prognos lämnad 202508"));
  ASSERT_TRUE(hasCell(rows, "Prognos lämnad 202510"));
  // The fixture's October prognosis is exactly 1 000 000 kr lower per area than August's.
  for (std::size_t r = 0; r + 1 < kPublishedT1.size(); ++r) {
    const auto* row = rowNamed(rows, kPublishedT1[r].name);
    ASSERT_TRUE(row);
    EXPECT_EQ((*row)[1].text, std::to_string(kPublishedT1[r].prognos));
    EXPECT_EQ((*row)[2].text, std::to_string(kPublishedT1[r].prognos - 1'000));
    EXPECT_EQ((*row)[3].text, "-1000");
  }
  const auto* total = rowNamed(rows, "Totalt");
  ASSERT_TRUE(total);
  EXPECT_EQ((*total)[3].text, "-7000");
}

TEST_F(FargelandaManadsrapport, JamforChoosesTheEarlierPrognosis) {
  const auto run = report({"--jamfor", "202505"});
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto rows = sectionRows("Prognoser jämförda");
  ASSERT_TRUE(hasCell(rows, "Prognos lämnad 202505"));
  // Nämndsverksamhet: 125 000 kr in May, −750 000 kr in October: −875 tkr.
  const auto* row = rowNamed(rows, "Nämndsverksamhet");
  ASSERT_TRUE(row);
  EXPECT_EQ((*row)[1].text, "125");
  EXPECT_EQ((*row)[3].text, "-875");

  const auto bad = report({"--jamfor", "202507"});
  EXPECT_NE(bad.exitCode, 0);
  EXPECT_TRUE(testing::mentions(bad.output, {"--jamfor 202507"}));
}

TEST_F(FargelandaManadsrapport, DrillDownShowsTheEnheterOfOracleO3) {
  ASSERT_EQ(report().exitCode, 0);
  const auto rows = sectionRows("Fördjupning per enhet");
  const auto* area = rowNamed(rows, "Äldreomsorg");
  const auto* sabo = rowNamed(rows, "Säbo");
  const auto* hemtjanst = rowNamed(rows, "Hemtjänsten");
  ASSERT_TRUE(area && sabo && hemtjanst);
  EXPECT_EQ((*area)[1].text, "69757");
  EXPECT_EQ((*area)[2].text, "73308");
  EXPECT_EQ((*area)[3].text, "-3551");
  EXPECT_EQ((*sabo)[1].text, "48465");
  EXPECT_EQ((*sabo)[2].text, "48737");
  EXPECT_EQ((*sabo)[3].text, "-272");
  EXPECT_NEAR(std::stod((*sabo)[4].text), -0.006, 0.0005);  // shown as -0,6 %
  EXPECT_EQ((*hemtjanst)[3].text, "-3279");
  EXPECT_NEAR(std::stod((*hemtjanst)[4].text), -0.154, 0.0005);
}

TEST_F(FargelandaManadsrapport, ControllerCommentsArePlacedUnderTheirArea) {
  testing::writeFile(
      dir / "namnd.json",
      configJson("per_cell", R"({"prognos": "delar", "kommentarer": "kommentarer-202510.md"})"));
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const std::string html = testing::readFile(dir / "ut" / "manadsrapport-202510.html");
  const std::size_t area = html.find(">Äldreomsorg</h2>");
  const std::size_t comment = html.find("Äldreomsorgen står för största underskottet");
  ASSERT_NE(area, std::string::npos);
  ASSERT_NE(comment, std::string::npos);
  EXPECT_LT(area, comment);
  // "## ESS" is the area's code; its bullet comes under Enheten för stöd och service.
  EXPECT_LT(html.find(">Enheten för stöd och service</h2>"),
            html.find("Gruppboendet har haft mer personal"));
}

TEST_F(FargelandaManadsrapport, UnknownAreaInTheCommentsFileStopsTheRunWithFileAndLine) {
  testing::writeFile(dir / "kommentarer-202510.md", "## Äldreomsorg\nText.\n## Skolan\nText.\n");
  testing::writeFile(
      dir / "namnd.json",
      configJson("per_cell", R"({"prognos": "delar", "kommentarer": "kommentarer-202510.md"})"));
  const auto run = report();
  EXPECT_NE(run.exitCode, 0);
  EXPECT_TRUE(testing::mentions(run.output, {"kommentarer-202510.md", "rad 3", "Skolan"}));
  EXPECT_FALSE(std::filesystem::exists(workbook()));
}

}  // namespace
}  // namespace namnd
