// namnd kontroll on the Färgelanda fixture with one of each data problem added: every problem is
// named in the report, and the reconciliation still holds to the öre.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/test_support.hpp"

namespace namnd {
namespace {

class Kontroll : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::copyFixture("fargelanda", dir.path());
    testing::writeFile(dir / "namnd.json", R"({
  "kommun": "K", "namnd": "N", "lager": "sqlite:lager.sqlite", "utdata": "ut",
  "mallar": ")" + testing::repoPath("templates").string() +
                                               R"(",
  "org": {"fil": "org.csv", "nivaer": ["Nämnd", "Verksamhetsområde", "Enhet"], "rapportniva": 2},
  "kontoplan": "kontoplan.csv",
  "huvudbok": ["huvudbok-2025.csv", "huvudbok-extra.csv"],
  "budget": ["budget-2025.csv"]
})");
  }
  // Every cell of every sheet of the written report, one string per row ("a | b | c").
  std::vector<std::string> reportRows() {
    std::vector<std::string> rows;
    const auto workbook = dir / "ut" / "kontroll-202510.xlsx";
    for (const std::string& sheet : testing::sheetNames(workbook))
      for (const auto& row : testing::readSheet(workbook, sheet)) {
        std::string text;
        for (const auto& cell : row) text += cell.text + " | ";
        rows.push_back(text);
      }
    return rows;
  }
  bool reportHas(const std::vector<std::string>& rows, std::initializer_list<std::string> parts) {
    for (const std::string& row : rows) {
      bool all = true;
      for (const std::string& part : parts) all &= row.find(part) != std::string::npos;
      if (all) return true;
    }
    return false;
  }
  testing::TempDir dir;
};

TEST_F(Kontroll, NamesEveryKindOfProblem) {
  // A second ledger file that: books on an ansvar the org does not know (9999, 1 000 kr) and on
  // a konto the kontoplan does not know (8999, 250 kr); holds a row of 2024 (outside the year);
  // covers 202503, which the main file covers too; has two identical rows (same voucher); and
  // has one row whose amount cannot be read.
  testing::writeFile(dir / "huvudbok-extra.csv",
                     "period;ansvar;konto;belopp;vernr;text\n"
                     "202503;9999;5110;1000,00;V1;Okänt ansvar\n"
                     "202503;1100;8999;250,00;V2;Okänt konto\n"
                     "202412;1100;5110;75,00;V3;Förra året\n"
                     "202504;1100;5110;10,00;V4;Dubbel\n"
                     "202504;1100;5110;10,00;V4;Dubbel\n"
                     "202505;1100;5110;tio;V5;Oläsbart\n");
  const auto run = testing::runNamnd(
      {"kontroll", "--config", (dir / "namnd.json").string(), "--period", "202510"});
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto rows = reportRows();

  // Σ ack utfall of the accepted rows = the published 173 605 400 kr + 1 000 + 250 + 10 + 10
  // (the 2024 row is outside the year, the unreadable row is rejected); of it 1 000 kr on
  // ansvar 9999 cannot be placed.
  EXPECT_TRUE(reportHas(rows, {"Avstämning ack utfall", "OK",
                               "173\xC2\xA0"
                               "606\xC2\xA0"
                               "670,00",
                               "173\xC2\xA0"
                               "605\xC2\xA0"
                               "670,00",
                               "1\xC2\xA0"
                               "000,00"}));
  EXPECT_TRUE(reportHas(rows, {"Ansvar 9999 finns inte",
                               "1\xC2\xA0"
                               "000,00"}));
  EXPECT_TRUE(reportHas(rows, {"Konto 8999 saknar rad i kontoplanen", "250,00"}));
  EXPECT_TRUE(
      reportHas(rows, {"Rader utanför året i huvudbok-extra.csv", "1 rader", "75,00", "2025"}));
  EXPECT_TRUE(reportHas(rows, {"Perioden 202503 finns i flera huvudboksfiler", "huvudbok-2025.csv",
                               "huvudbok-extra.csv"}));
  EXPECT_TRUE(reportHas(rows, {"Rad 6 i huvudbok-extra.csv är identisk med rad 5"}));
  EXPECT_TRUE(reportHas(
      rows, {"avvisade rader i huvudbok-extra.csv", "huvudbok-extra.csv rad 7, kolumn belopp"}));
  EXPECT_TRUE(reportHas(
      rows, {"Inläst huvudbok: huvudbok-extra.csv", "6 rader lästa", "5 godkända", "1 avvisade"}));
  EXPECT_TRUE(reportHas(rows, {"Kommunbidrag ack januari–oktober 2025",
                               "150\xC2\xA0"
                               "451\xC2\xA0"
                               "600,00"}));
}

TEST_F(Kontroll, BudgetWithoutUtfallAndTheReverseAreListed) {
  testing::writeFile(dir / "huvudbok-extra.csv", "period;ansvar;konto;belopp\n");
  // 4200 keeps its budget but loses its utfall; a new ansvar 4300 (added to the org) has
  // utfall and no budget.
  std::string ledger = testing::readFile(dir / "huvudbok-2025.csv");
  std::string kept;
  std::size_t start = 0;
  while (start < ledger.size()) {
    const std::size_t end = ledger.find('\n', start);
    const std::string line = ledger.substr(start, end - start + 1);
    if (line.find(";4200;") == std::string::npos) kept += line;
    start = end + 1;
  }
  kept += "202502;4300;5110;500,00;Ny enhet\r\n";
  testing::writeFile(dir / "huvudbok-2025.csv", kept);
  testing::writeFile(dir / "org.csv",
                     testing::readFile(dir / "org.csv") + "4300;Ny enhet;IFO;3;9\n");
  const auto run = testing::runNamnd(
      {"kontroll", "--config", (dir / "namnd.json").string(), "--period", "202510"});
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const auto rows = reportRows();
  EXPECT_TRUE(reportHas(rows, {"Ansvar med budget men utan utfall", "4200"}));
  EXPECT_TRUE(reportHas(rows, {"Ansvar med utfall men utan budget", "4300", "500,00"}));
}

}  // namespace
}  // namespace namnd
