// Mätetal computed from the volymer (reports/delarsrapport/goal_values.hpp): the Delår and an
// empty Utfall filled before the tables are built, "–" with a footnote and a check warning for
// what cannot be computed, and the whole way through `namnd delarsrapport`. Expected figures are
// worked out by hand in the comments.

#include <gtest/gtest.h>

#include <algorithm>

#include "core/errors.hpp"
#include "ingest/goal_reader.hpp"
#include "ingest/table/open_source.hpp"
#include "ingest/volymer_reader.hpp"
#include "reports/delarsrapport/goal_tables.hpp"
#include "reports/delarsrapport/goal_values.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

const std::string kNbsp = "\xC2\xA0";
const std::string kDash = "\xE2\x80\x93";

InputFile inputAt(const std::filesystem::path& path) {
  InputFile file;
  file.path = path;
  file.displayName = path.filename().string();
  return file;
}

// August 2025: 2110 has 20 of 30 on heltid, 2120 17 of 22 → 37 of 52. December 2024: 33 of 50.
// Placeringsdygn January–August 2025: 4120 100 × month, 4220 10 × month. Sjukskrivna: July only.
const std::string kVolymer =
    "period;matt;ansvar;varde\n"
    "202412;anstallda;2110;29\n"
    "202412;anstallda;2120;21\n"
    "202412;heltidsanstallda;2110;18\n"
    "202412;heltidsanstallda;2120;15\n"
    "202508;anstallda;2110;30\n"
    "202508;anstallda;2120;22\n"
    "202508;heltidsanstallda;2110;20\n"
    "202508;heltidsanstallda;2120;17\n"
    "202507;sjukskrivna;2110;4\n"
    "202501;placeringsdygn;4120;100\n202501;placeringsdygn;4220;10\n"
    "202502;placeringsdygn;4120;200\n202502;placeringsdygn;4220;20\n"
    "202503;placeringsdygn;4120;300\n202503;placeringsdygn;4220;30\n"
    "202504;placeringsdygn;4120;400\n202504;placeringsdygn;4220;40\n"
    "202505;placeringsdygn;4120;500\n202505;placeringsdygn;4220;50\n"
    "202506;placeringsdygn;4120;600\n202506;placeringsdygn;4220;60\n"
    "202507;placeringsdygn;4120;700\n202507;placeringsdygn;4220;70\n"
    "202508;placeringsdygn;4120;800\n202508;placeringsdygn;4220;80\n";

const std::string kMeasures =
    "malomrade;matetal;utfall_ar_2;utfall_ar_1;mal_ar;delar_ar;berakning;decimaler;fotnot;"
    "fotnotstext\n"
    "Personal;Andel heltidsanställda;60 %;;80 %;;andel(heltidsanstallda, anstallda);;;\n"
    "Personal;Andel heltidsanställda, en decimal;;;;;\"andel(heltidsanstallda; anstallda)\";1;;\n"
    "Personal;Sjukfrånvaro;10,2%;9,8%;7%;10,9%;;;**;\n"
    "Personal;;;;;;;;**;Ur personalsystemet.\n"
    "IFO;Placeringsdygn;;;;;summa(placeringsdygn);;;\n"
    "IFO;Andel per invånare;;;;;andel(placeringsdygn, invanare);;;\n"
    "IFO;Sjukskrivna;;;;;senaste(sjukskrivna);;;\n";

struct Resolved {
  GoalImport goals;
  std::vector<CheckItem> checks;
};

class GoalValues : public ::testing::Test {
 protected:
  Resolved resolve(const std::string& measures, bool withVolymer = true) {
    testing::writeFile(dir / "matt.csv", measures);
    testing::writeFile(dir / "volymer.csv", kVolymer);
    const auto goalSource = openTabularSource(inputAt(dir / "matt.csv"));
    Resolved result{readGoals(*goalSource, 2025), {}};
    EXPECT_TRUE(result.goals.summary.rejected.empty());
    const auto volymSource = openTabularSource(inputAt(dir / "volymer.csv"));
    const VolymImport volymer = readVolymer(*volymSource);
    const GoalVolymer sources{.table = withVolymer ? &volymer.table : nullptr,
                              .displayName = "volymer.csv",
                              .configKey = "delarsrapport.volymer"};
    result.checks = resolveGoalValues(result.goals, Period(2025, 8), sources);
    return result;
  }
  Table table(const GoalImport& goals) {
    const ReportTexts texts =
        ReportTexts::load(testing::repoPath("templates/text/delarsrapport-bilagor.json"));
    PlaceholderValues values;
    addPeriodPlaceholders(values, "per", Period(2025, 8));
    values["ar"] = "2025";
    values["ar_1"] = "2024";
    values["ar_2"] = "2023";
    return buildMeasureTable(goals, texts, values);
  }
  static const Row& rowNamed(const Table& table, const std::string& name) {
    for (const Row& row : table.rows)
      if (std::get<std::string>(row.cells[0]) == name) return row;
    ADD_FAILURE() << "no row " << name;
    return table.rows.front();
  }
  testing::TempDir dir;
};

std::string textOf(const CellValue& cell) {
  if (const auto* text = std::get_if<std::string>(&cell)) return *text;
  ADD_FAILURE() << "not a text cell";
  return {};
}

TEST_F(GoalValues, DelarIsComputedIntoTheVerksamhetsmattTable) {
  const Table measures = table(resolve(kMeasures).goals);
  // Columns: Område, Utfall 2023, Utfall 2024, Mål 2025, Utfall 250831.
  ASSERT_EQ(measures.columns.size(), 5u);
  EXPECT_EQ(measures.columns[4].header, "Utfall 250831");
  const Row& share = rowNamed(measures, "Andel heltidsanställda");
  // 37 / 52 = 0,7115… → 71 %; December 2024: 33 / 50 = 66 %; the typed 2023 is kept.
  EXPECT_EQ(textOf(share.cells[4]), "71" + kNbsp + "%");
  EXPECT_EQ(textOf(share.cells[2]), "66" + kNbsp + "%");
  EXPECT_EQ(textOf(share.cells[1]), "60 %");
  // One decimal: 71,153… → 71,2; 2024 66,0.
  const Row& oneDecimal = rowNamed(measures, "Andel heltidsanställda, en decimal");
  EXPECT_EQ(textOf(oneDecimal.cells[4]), "71,2" + kNbsp + "%");
  EXPECT_EQ(textOf(oneDecimal.cells[2]), "66,0" + kNbsp + "%");
  // 100 × (1 + … + 8) + 10 × (1 + … + 8) = 3 960 dygn, a number; no 2024 volymer: left empty.
  const Row& days = rowNamed(measures, "Placeringsdygn");
  EXPECT_EQ(std::get<std::int64_t>(days.cells[4]), 3'960);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(days.cells[2]));
  // A row without beräkning is as typed.
  EXPECT_EQ(textOf(rowNamed(measures, "Sjukfrånvaro **").cells[4]), "10,9%");
}

TEST_F(GoalValues, WhatCannotBeComputedIsADashWithAFootnoteAndAWarning) {
  const Resolved resolved = resolve(kMeasures);
  const Table measures = table(resolved.goals);
  // The file's own markers go up to "**": the computed cells' footnotes get "***" and "****".
  EXPECT_EQ(textOf(rowNamed(measures, "Andel per invånare").cells[4]), kDash + " ***");
  EXPECT_EQ(textOf(rowNamed(measures, "Sjukskrivna").cells[4]), "4 ****");
  EXPECT_EQ(
      measures.footnotes,
      (std::vector<std::string>{
          "** Ur personalsystemet.", "*** Delår 2025: måttet invanare finns inte i volymer.csv.",
          "**** Delår 2025: värdet avser juli 2025, den senaste månaden i volymerna."}));
  ASSERT_EQ(resolved.checks.size(), 3u);
  EXPECT_EQ(resolved.checks[0].status, CheckStatus::Ok);
  // Delår of three mätetal plus two Utfall 2024 cells, and the stale Sjukskrivna.
  EXPECT_EQ(resolved.checks[0].detail, "6 celler beräknade ur volymer.csv");
  EXPECT_EQ(resolved.checks[1].status, CheckStatus::Warning);
  EXPECT_EQ(resolved.checks[1].description, "Beräknat mätetal Andel per invånare (matt.csv rad 7)");
  EXPECT_EQ(resolved.checks[1].detail,
            "Delår 2025 kan inte beräknas: måttet invanare finns inte i volymer.csv");
  EXPECT_EQ(resolved.checks[2].detail,
            "Delår 2025: värdet avser juli 2025, den senaste månaden i volymerna");
}

TEST_F(GoalValues, WithoutAVolymerFileEveryComputedDelarIsADash) {
  const Resolved resolved = resolve(kMeasures, false);
  const Table measures = table(resolved.goals);
  EXPECT_EQ(textOf(rowNamed(measures, "Placeringsdygn").cells[4]), kDash + " ***");
  EXPECT_EQ(textOf(rowNamed(measures, "Andel heltidsanställda").cells[4]), kDash + " ***");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(
      rowNamed(measures, "Andel heltidsanställda").cells[2]));
  EXPECT_TRUE(testing::contains(measures.footnotes.back(),
                                "ingen volymfil finns i konfigurationen (delarsrapport.volymer)"));
  ASSERT_EQ(resolved.checks.size(), 5u);  // one per computed mätetal, none computed
  for (const CheckItem& check : resolved.checks) EXPECT_EQ(check.status, CheckStatus::Warning);
}

TEST_F(GoalValues, AndelOfZeroIsADashNotNaN) {
  const std::string volymer = kVolymer + "202508;vakanta;2110;0\n";
  testing::writeFile(dir / "volymer.csv", volymer);
  testing::writeFile(dir / "matt.csv",
                     "malomrade;matetal;delar_ar;berakning\nA;Andel;;andel(anstallda, vakanta)\n");
  const auto goalSource = openTabularSource(inputAt(dir / "matt.csv"));
  GoalImport goals = readGoals(*goalSource, 2025);
  const auto volymSource = openTabularSource(inputAt(dir / "volymer.csv"));
  const VolymImport read = readVolymer(*volymSource);
  const auto checks = resolveGoalValues(goals, Period(2025, 8),
                                        {.table = &read.table, .displayName = "volymer.csv"});
  EXPECT_EQ(goals.areas[0].goals[0].measures[0].values[kGoalDelar], kDash + " *");
  EXPECT_EQ(goals.areas[0].goals[0].footnotes[0].text,
            "Delår 2025: andelen kan inte beräknas eftersom vakanta är 0.");
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].status, CheckStatus::Warning);
}

// The whole way: `namnd delarsrapport` on the Herrljunga fixture with a verksamhetsmått file
// whose Delår is andel(heltidsanstallda, anstallda) from a volymer file.
TEST(GoalValuesReport, AComputedCellAppearsInTheVerksamhetsmattTableAndItsCheck) {
  testing::TempDir dir;
  testing::copyFixture("herrljunga", dir.path());
  testing::writeFile(dir / "verksamhetsmatt.csv",
                     "Område;Mått;Utfall 2020;Utfall 2021;Delår 2022;Beräkning\n"
                     "Personal;Andel heltidsanställda;58 %;61 %;;"
                     "andel(heltidsanstallda, anstallda)\n"
                     "Personal;Andel per invånare;;;;andel(anstallda, invanare)\n");
  testing::writeFile(dir / "volymer.csv",
                     "Period;Mått;Ansvar;Värde\n"
                     "202208;Anställda;101;30\n202208;Anställda;102;22\n"
                     "202208;Heltidsanställda;101;20\n202208;Heltidsanställda;102;17\n");
  testing::writeFile(dir / "namnd.json", R"({
  "kommun": "Herrljunga kommun",
  "namnd": "Socialnämnden",
  "forvaltning": "Socialförvaltningen",
  "forfattare": "Testfall Herrljunga",
  "lager": "sqlite:lager/namnd.sqlite",
  "utdata": "ut",
  "mallar": ")" + testing::repoPath("templates").string() +
                                             R"(",
  "avrundning": "per_cell",
  "org": {"fil": "org.csv", "nivaer": ["Nämnd", "Ansvarsområde", "Enhet"], "rapportniva": 2},
  "kontoplan": "kontoplan.csv",
  "huvudbok": ["huvudbok-2021.csv", "huvudbok-2022.csv"],
  "budget": ["budget-2021.csv", "budget-2022.csv"],
  "prognos": ["prognos-2022.csv"],
  "delarsrapport": {
    "handlaggare": "Linn Marinder",
    "handlaggare_titel": "Controller",
    "datum": "2022-09-19",
    "diarienummer": "SN 10/2022 7706",
    "beslutsunderlag": ["Tjänsteskrivelse i ärendet daterad 2022-09-19"],
    "forslag_till_beslut": "Socialnämnden godkänner {rapport.gemen}en.",
    "underskrifter": [{"namn": "Linn Marinder", "titel": "Controller"}],
    "expedieras_till": ["Kommunstyrelsen"],
    "verksamhetsmatt": "verksamhetsmatt.csv",
    "volymer": "volymer.csv"
  }
})");
  const auto run = testing::runNamnd(
      {"delarsrapport", "--config", (dir / "namnd.json").string(), "--per", "2022-08-31"});
  ASSERT_EQ(run.exitCode, 0) << run.output;

  // 37 of 52 on heltid = 71 %; the typed Utfall 2021 stays.
  const std::filesystem::path workbook = dir / "ut" / "delarsrapport-20220831.xlsx";
  bool sawRow = false;
  bool sawCheck = false;
  for (const std::string& sheet : testing::sheetNames(workbook)) {
    for (const auto& row : testing::readSheet(workbook, sheet)) {
      if (row.size() >= 4 && row[0].text == "Andel heltidsanställda") {
        sawRow = true;
        EXPECT_EQ(row[2].text, "61 %");
        EXPECT_EQ(row[3].text, "71" + kNbsp + "%");
      }
      for (const XlsxCell& cell : row)
        if (testing::contains(cell.text, "måttet invanare finns inte i volymer.csv"))
          sawCheck = true;
    }
  }
  EXPECT_TRUE(sawRow);
  EXPECT_TRUE(sawCheck);
  const std::string html = testing::readFile(dir / "ut" / "delarsrapport-20220831.html");
  EXPECT_TRUE(testing::contains(html, "71" + kNbsp + "%"));
  EXPECT_TRUE(testing::contains(html, "Beräknat mätetal Andel per invånare"));
}

}  // namespace
}  // namespace namnd
