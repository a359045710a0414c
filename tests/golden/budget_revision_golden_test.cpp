// Oracle O5 of notes 002 (Färgelanda, October 2025): with helår budgets in whole tkr spread in
// twelfths, Ack budget 202510 does not give the published IFO 34 085 and ESS 21 813 — only a
// mid-year transfer between the two does, while Budget helår stays 41 130 and 25 948.
//
// The scenario: IFO's helår budget is 39 990 tkr and ESS's 27 088 tkr from January; from July
// (revision "SN 2025-06-17") 1 140 tkr moves from ESS to IFO. By hand:
//   IFO  39 990 × 10/12 + 1 140 × 4/6 = 33 325 + 760      = 34 085
//   ESS  27 088 × 10/12 − 1 140 × 4/6 = 22 573,33 − 760   = 21 813,33 → 21 813
// The other rows are pure twelfths of the published helår (O5: Omsorgskontor 8 175, Äldreomsorg
// 69 757, KPV 19 159, Sektorchef 9 101 — not the published 9 100 — and Nämndsverksamhet
// −11 638), and the total is the published 150 452.

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "support/test_support.hpp"

namespace namnd {
namespace {

std::map<std::string, std::int64_t> ackBudgetByArea(const std::filesystem::path& workbook,
                                                    std::int64_t* helarIfo,
                                                    std::int64_t* helarEss) {
  std::map<std::string, std::int64_t> result;
  int budgetColumn = -1, helarColumn = -1;
  for (const auto& row : testing::readSheet(workbook)) {
    if (row.empty()) continue;
    if (budgetColumn < 0) {
      for (std::size_t c = 0; c < row.size(); ++c) {
        if (row[c].text == "Ack budget 202510") budgetColumn = static_cast<int>(c);
        if (row[c].text == "Budget helår") helarColumn = static_cast<int>(c);
      }
      continue;
    }
    if (row.size() <= static_cast<std::size_t>(helarColumn) || row[budgetColumn].text.empty())
      continue;
    result[row[0].text] = std::stoll(row[budgetColumn].text);
    if (row[0].text == "Individ- och familjeomsorg") *helarIfo = std::stoll(row[helarColumn].text);
    if (row[0].text == "Enheten för stöd och service")
      *helarEss = std::stoll(row[helarColumn].text);
  }
  return result;
}

TEST(BudgetRevisionGolden, MidYearTransferShowsInAckBudgetFromItsMonth) {
  testing::TempDir dir;
  testing::copyFixture("fargelanda", dir.path());
  // Helår rows (whole tkr as kr), one ansvar per area; IFO's two ansvar and ESS as the scenario.
  testing::writeFile(dir / "budget-2025.csv",
                     "ar;ansvar;konto;belopp\n"
                     "2025;1000;5110;-13966000\n"
                     "2025;1100;5110;10921000\n"
                     "2025;1200;5110;9810000\n"
                     "2025;2100;5110;58158000\n"
                     "2025;2200;5110;25550000\n"
                     "2025;3100;5110;22991000\n"
                     "2025;4100;5110;29026000\n"
                     "2025;4200;5110;10964000\n"
                     "2025;5100;5110;27088000\n");
  testing::writeFile(dir / "budgetrevision-2025.csv",
                     "ar;giltig_from;version;ansvar;konto;belopp\n"
                     "2025;202507;SN 2025-06-17 § 64;4100;5110;1140000\n"
                     "2025;202507;SN 2025-06-17 § 64;5100;5110;-1140000\n");
  testing::writeFile(dir / "namnd.json", R"({
  "kommun": "Färgelanda kommun", "namnd": "Socialnämnden",
  "publicerbara_kolumner": ["huvudbok.text", "prognos.kommentar", "prognos.atgard"],
  "lager": "sqlite:lager.sqlite", "utdata": "ut",
  "mallar": ")" + testing::repoPath("templates").string() +
                                             R"(",
  "org": {"fil": "org.csv", "nivaer": ["Nämnd", "Verksamhetsområde", "Enhet"], "rapportniva": 2},
  "kontoplan": "kontoplan.csv",
  "huvudbok": ["huvudbok-2025.csv"],
  "budget": ["budget-2025.csv", "budgetrevision-2025.csv"]
})");
  const auto run = testing::runNamnd(
      {"manadsrapport", "--config", (dir / "namnd.json").string(), "--period", "202510"});
  ASSERT_EQ(run.exitCode, 0) << run.output;

  std::int64_t helarIfo = 0, helarEss = 0;
  const auto ack = ackBudgetByArea(dir / "ut" / "manadsrapport-202510.xlsx", &helarIfo, &helarEss);
  EXPECT_EQ(ack.at("Individ- och familjeomsorg"), 34'085);
  EXPECT_EQ(ack.at("Enheten för stöd och service"), 21'813);
  EXPECT_EQ(helarIfo, 41'130);
  EXPECT_EQ(helarEss, 25'948);
  EXPECT_EQ(ack.at("Omsorgskontor"), 8'175);
  EXPECT_EQ(ack.at("Äldreomsorg"), 69'757);
  EXPECT_EQ(ack.at("Kommunal primärvård"), 19'159);
  EXPECT_EQ(ack.at("Sektorchef omsorg"), 9'101);
  EXPECT_EQ(ack.at("Nämndsverksamhet"), -11'638);
  EXPECT_EQ(ack.at("Totalt"), 150'452);
}

TEST(BudgetRevisionGolden, BeforeItsMonthTheRevisionIsNotInAckBudget) {
  testing::TempDir dir;
  testing::copyFixture("fargelanda", dir.path());
  testing::writeFile(dir / "budget-2025.csv",
                     "ar;giltig_from;version;ansvar;konto;belopp\n"
                     "2025;;;4100;5110;12000000\n"
                     "2025;2025-07-01;SN 2025-06-17;4100;5110;600000\n");
  testing::writeFile(dir / "namnd.json",
                     testing::fargelandaConfigHead() +
                         R"(  "huvudbok": ["huvudbok-2025.csv"], "budget": ["budget-2025.csv"]
})");
  // June: 12 000 000 × 6/12 = 6 000 tkr, nothing of the July revision yet.
  // September: 12 000 000 × 9/12 + 600 000 × 3/6 = 9 000 + 300 = 9 300 tkr.
  for (const auto& [period, expected] :
       std::vector<std::pair<std::string, std::int64_t>>{{"202506", 6'000}, {"202509", 9'300}}) {
    const auto run = testing::runNamnd(
        {"manadsrapport", "--config", (dir / "namnd.json").string(), "--period", period});
    ASSERT_EQ(run.exitCode, 0) << run.output;
    bool found = false;
    for (const auto& row : testing::readSheet(dir / "ut" / ("manadsrapport-" + period + ".xlsx")))
      if (!row.empty() && row[0].text == "Individ- och familjeomsorg") {
        // Columns: name, ack utfall, ack budget, … (no prognosis snapshot in this config).
        EXPECT_EQ(row[2].text, std::to_string(expected)) << period;
        found = true;
      }
    EXPECT_TRUE(found) << period;
  }
}

// A report for August shows the budget as it was known at the end of August, also when it is run
// again after a revision valid from October has been imported: the same scenario as above with
// the transfer decided for October instead of July. By hand (helår rows, whole tkr):
//   IFO  4100 29 026 + 4200 10 964 = 39 990 before October, 39 990 + 1 140 = 41 130 from it
//   ESS  5100 27 088 before October, 27 088 − 1 140 = 25 948 from it; Totalt unchanged.
struct HelarCells {
  std::int64_t ifo = 0, ess = 0, total = 0;
};

HelarCells helarBudgetOf(const std::filesystem::path& workbook) {
  HelarCells cells;
  int helarColumn = -1;
  for (const auto& row : testing::readSheet(workbook)) {
    if (row.empty()) continue;
    if (helarColumn < 0) {
      for (std::size_t c = 0; c < row.size(); ++c)
        if (row[c].text == "Budget helår") helarColumn = static_cast<int>(c);
      continue;
    }
    if (row.size() <= static_cast<std::size_t>(helarColumn)) continue;
    const std::string& text = row[static_cast<std::size_t>(helarColumn)].text;
    if (text.empty()) continue;
    if (row[0].text == "Individ- och familjeomsorg") cells.ifo = std::stoll(text);
    if (row[0].text == "Enheten för stöd och service") cells.ess = std::stoll(text);
    if (row[0].text == "Totalt") cells.total = std::stoll(text);
  }
  return cells;
}

// The "Avstämning budget helår" check of the workbook: its description and status.
std::pair<std::string, std::string> helarBalance(const std::filesystem::path& workbook) {
  for (const std::string& sheet : testing::sheetNames(workbook))
    for (const auto& row : testing::readSheet(workbook, sheet))
      if (row.size() >= 3 && testing::contains(row[0].text, "Avstämning budget helår"))
        return {row[0].text, row[1].text};
  return {};
}

TEST(BudgetRevisionGolden, AugustReportKeepsItsBudgetWhenALaterRevisionArrives) {
  testing::TempDir dir;
  testing::copyFixture("fargelanda", dir.path());
  testing::writeFile(dir / "budget-2025.csv",
                     "ar;ansvar;konto;belopp\n"
                     "2025;1000;5110;-13966000\n"
                     "2025;1100;5110;10921000\n"
                     "2025;1200;5110;9810000\n"
                     "2025;2100;5110;58158000\n"
                     "2025;2200;5110;25550000\n"
                     "2025;3100;5110;22991000\n"
                     "2025;4100;5110;29026000\n"
                     "2025;4200;5110;10964000\n"
                     "2025;5100;5110;27088000\n");
  testing::writeFile(dir / "budgetrevision-2025.csv",
                     "ar;giltig_from;version;ansvar;konto;belopp\n"
                     "2025;202510;SN 2025-09-23 § 80;4100;5110;1140000\n"
                     "2025;202510;SN 2025-09-23 § 80;5100;5110;-1140000\n"
                     "2025;202511;KF 2025-10-28 § 12;1000;5110;120000\n");
  const auto configure = [&](const std::string& budgetFiles) {
    testing::writeFile(dir / "namnd.json", R"({
  "kommun": "Färgelanda kommun", "namnd": "Socialnämnden",
  "publicerbara_kolumner": ["huvudbok.text", "prognos.kommentar", "prognos.atgard"],
  "lager": "sqlite:lager.sqlite", "utdata": "ut",
  "mallar": ")" + testing::repoPath("templates").string() +
                                               R"(",
  "org": {"fil": "org.csv", "nivaer": ["Nämnd", "Verksamhetsområde", "Enhet"], "rapportniva": 2},
  "kontoplan": "kontoplan.csv",
  "huvudbok": ["huvudbok-2025.csv"],
  "budget": [)" + budgetFiles + R"(]
})");
  };
  const auto report = [&](const std::string& period) {
    const auto run = testing::runNamnd(
        {"manadsrapport", "--config", (dir / "namnd.json").string(), "--period", period});
    EXPECT_EQ(run.exitCode, 0) << run.output;
    return dir / "ut" / ("manadsrapport-" + period + ".xlsx");
  };
  const std::int64_t total =
      (-13'966 + 10'921 + 9'810 + 58'158 + 25'550 + 22'991 + 29'026 + 10'964 + 27'088);

  // In September, before the decision: the August report.
  configure(R"("budget-2025.csv")");
  const HelarCells inSeptember = helarBudgetOf(report("202508"));
  EXPECT_EQ(inSeptember.ifo, 39'990);
  EXPECT_EQ(inSeptember.ess, 27'088);
  EXPECT_EQ(inSeptember.total, total);

  // In December, with the revision in the store: August is unchanged, October has it.
  configure(R"("budget-2025.csv", "budgetrevision-2025.csv")");
  const auto august = report("202508");
  const HelarCells inDecember = helarBudgetOf(august);
  EXPECT_EQ(inDecember.ifo, 39'990);
  EXPECT_EQ(inDecember.ess, 27'088);
  EXPECT_EQ(inDecember.total, total);
  const HelarCells october = helarBudgetOf(report("202510"));
  EXPECT_EQ(october.ifo, 41'130);
  EXPECT_EQ(october.ess, 25'948);
  EXPECT_EQ(october.total, total);

  // Every krona read is accounted for: the import log holds the whole year's 120 000 kr more
  // (November's revision for Nämndsverksamhet, in neither report) and the balance names it.
  for (const auto& [period, workbook] :
       {std::pair{"augusti 2025", august},
        std::pair{"oktober 2025", dir / "ut" / "manadsrapport-202510.xlsx"}}) {
    const auto [description, status] = helarBalance(workbook);
    EXPECT_EQ(status, "OK") << period << ": " << description;
    EXPECT_TRUE(testing::contains(description,
                                  std::string("revideringar som gäller först efter ") + period))
        << description;
  }
}

}  // namespace
}  // namespace namnd
