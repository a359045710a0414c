// The Färgelanda table (notes 002 §T1) from the same ledger delivered as an Excel export: a
// title row above the header, the export's own column names mapped in the config, periods and
// amounts as number cells and a "Konto text" column. Every cell must equal the published one.

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <sstream>
#include <string>

#include "core/number_parse.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

// The fixture's CSV ledger rewritten as an XLSX export.
void writeLedgerWorkbook(const std::filesystem::path& csv, const std::filesystem::path& xlsx) {
  lxw_workbook* workbook = workbook_new(xlsx.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Huvudbok");
  worksheet_write_string(sheet, 0, 0, "Huvudboksutdrag Socialnämnden 2025", nullptr);
  const char* headers[] = {"Bokf.period", "Ansvar", "Konto text", "Belopp SEK", "Text"};
  for (int c = 0; c < 5; ++c) worksheet_write_string(sheet, 2, c, headers[c], nullptr);
  std::istringstream lines(testing::readFile(csv).substr(3));  // past the BOM
  std::string line;
  std::getline(lines, line);  // the CSV header
  lxw_row_t row = 3;
  while (std::getline(lines, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    // period;ansvar;konto;belopp;text (the text may be quoted and hold a ';')
    std::vector<std::string> f;
    std::size_t start = 0;
    for (int i = 0; i < 4; ++i) {
      const std::size_t end = line.find(';', start);
      f.push_back(line.substr(start, end - start));
      start = end + 1;
    }
    f.push_back(line.substr(start));
    const auto ore = parseAmountOre(f[3]);
    ASSERT_TRUE(ore) << line;
    worksheet_write_number(sheet, row, 0, std::stod(f[0]), nullptr);
    worksheet_write_number(sheet, row, 1, std::stod(f[1]), nullptr);
    worksheet_write_string(sheet, row, 2, (f[2] + " Månadslön/avgift").c_str(), nullptr);
    worksheet_write_number(sheet, row, 3, static_cast<double>(*ore) / 100.0, nullptr);
    worksheet_write_string(sheet, row, 4, f[4].c_str(), nullptr);
    ++row;
  }
  ASSERT_EQ(workbook_close(workbook), LXW_NO_ERROR);
}

TEST(XlsxLedgerGolden, ExcelExportGivesThePublishedTable) {
  testing::TempDir dir;
  testing::copyFixture("fargelanda", dir.path());
  writeLedgerWorkbook(dir / "huvudbok-2025.csv", dir / "huvudbok-2025.xlsx");
  testing::writeFile(dir / "namnd.json", R"({
  "kommun": "Färgelanda kommun", "namnd": "Socialnämnden",
  "publicerbara_kolumner": ["huvudbok.text", "prognos.kommentar", "prognos.atgard"],
  "lager": "sqlite:lager.sqlite", "utdata": "ut",
  "mallar": ")" + testing::repoPath("templates").string() +
                                             R"(",
  "org": {"fil": "org.csv", "nivaer": ["Nämnd", "Verksamhetsområde", "Enhet"], "rapportniva": 2},
  "kontoplan": "kontoplan.csv",
  "huvudbok": [{"fil": "huvudbok-2025.xlsx", "blad": "Huvudbok",
                "kolumner": {"period": "Bokf.period", "konto": "Konto text", "belopp": "Belopp SEK"}}],
  "budget": ["budget-2025.csv"],
  "prognos": ["prognos-2025.csv"],
  "manadsrapport": {"prognos": "delar"}
})");
  const auto run = testing::runNamnd(
      {"manadsrapport", "--config", (dir / "namnd.json").string(), "--period", "202510"});
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("0 avvisade"), std::string::npos) << run.output;

  // Published: name, prognos 202508, ack utfall, ack budget, avvikelse, budget helår.
  const std::vector<std::vector<std::string>> published = {
      {"Nämndsverksamhet", "250", "435", "-11639", "-12073", "-13966"},
      {"Äldreomsorg", "-16333", "73308", "69757", "-3551", "83708"},
      {"Individ- och familjeomsorg", "-5512", "40266", "34085", "-6181", "41130"},
      {"Totalt", "-25303", "173605", "150452", "-23154", "180542"},
  };
  std::size_t matched = 0;
  for (const auto& row : testing::readSheet(dir / "ut" / "manadsrapport-202510.xlsx"))
    for (const auto& expected : published)
      if (!row.empty() && row[0].text == expected[0]) {
        ASSERT_EQ(row.size(), expected.size()) << expected[0];
        for (std::size_t c = 1; c < expected.size(); ++c)
          EXPECT_EQ(row[c].text, expected[c]) << expected[0] << " column " << c;
        ++matched;
      }
  EXPECT_EQ(matched, published.size());
}

}  // namespace
}  // namespace namnd
