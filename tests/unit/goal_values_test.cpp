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
#include "reports/delarsrapport/goal_cell.hpp"
#include "reports/delarsrapport/goal_tables.hpp"
#include "reports/delarsrapport/goal_values.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::mentions;

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
// Invånare only in December 2021: a known mått without a value in 2023–2025.
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
    "202112;invanare;;9468\n"
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
  // 100 × (1 + … + 8) + 10 × (1 + … + 8) = 3 960 dygn, a number; no 2024 volymer: not an empty
  // cell but a dash with its footnote.
  const Row& days = rowNamed(measures, "Placeringsdygn");
  EXPECT_EQ(std::get<std::int64_t>(days.cells[4]), 3'960);
  EXPECT_TRUE(textOf(days.cells[2]).starts_with(kDash + " *")) << textOf(days.cells[2]);
  EXPECT_TRUE(textOf(days.cells[1]).starts_with(kDash + " *")) << textOf(days.cells[1]);
  // A row without beräkning is as typed.
  EXPECT_EQ(textOf(rowNamed(measures, "Sjukfrånvaro **").cells[4]), "10,9%");
}

// The footnote of cell's marker, e.g. "– ****" → the footnote starting "**** ".
std::string footnoteOf(const Table& table, const std::string& cell) {
  const std::string marker = cell.substr(cell.rfind(' ') + 1);
  for (const std::string& note : table.footnotes)
    if (note.starts_with(marker + " ")) return note;
  ADD_FAILURE() << "no footnote for " << cell;
  return {};
}

TEST_F(GoalValues, WhatCannotBeComputedIsADashWithAFootnoteAndAWarning) {
  const Resolved resolved = resolve(kMeasures);
  const Table measures = table(resolved.goals);
  // The file's own markers go up to "**": the computed cells' footnotes get "***" and more.
  const std::string perInvanare = textOf(rowNamed(measures, "Andel per invånare").cells[4]);
  EXPECT_TRUE(perInvanare.starts_with(kDash + " ***")) << perInvanare;
  // The nämnd's footnote says what is missing, in words, without file names.
  EXPECT_EQ(footnoteOf(measures, perInvanare).substr(footnoteOf(measures, perInvanare).find(' ')),
            " Delår 2025: uppgift saknas för invanare januari–augusti 2025.");
  const std::string sick = textOf(rowNamed(measures, "Sjukskrivna").cells[4]);
  EXPECT_TRUE(sick.starts_with("4 *")) << sick;
  EXPECT_TRUE(testing::contains(footnoteOf(measures, sick),
                                "Delår 2025: värdet avser juli 2025, den senaste månaden"));
  // An Utfall year without volymer: "uppgift saknas för placeringsdygn januari–december 2024".
  const std::string days2024 = textOf(rowNamed(measures, "Placeringsdygn").cells[2]);
  EXPECT_TRUE(testing::contains(footnoteOf(measures, days2024),
                                "Utfall 2024: uppgift saknas för placeringsdygn januari–december "
                                "2024."));
  for (const std::string& note : measures.footnotes)
    EXPECT_FALSE(testing::contains(note, "volymer.csv")) << note;
  EXPECT_EQ(resolved.checks[0].status, CheckStatus::Ok);
  // Delår of Andel heltidsanställda (two rows), Placeringsdygn and Sjukskrivna; Utfall 2024 of
  // the two Andel heltidsanställda rows.
  EXPECT_EQ(resolved.checks[0].detail, "6 celler beräknade ur volymer.csv");
  bool warned = false;
  for (const CheckItem& check : resolved.checks)
    if (check.description == "Beräknat mätetal Andel per invånare (matt.csv rad 7)" &&
        check.detail ==
            "Delår 2025 kan inte beräknas: volymer.csv har inget värde för invanare "
            "januari–augusti 2025")
      warned = check.status == CheckStatus::Warning;
  EXPECT_TRUE(warned);
}

// A mått the volymer do not have at all is a typo: an input error naming the file, the line and
// the beräkning column, not a published footnote.
TEST_F(GoalValues, AnUnknownMattIsAnInputErrorNamingFileLineAndColumn) {
  const std::string file =
      "Målområde;Mätetal;Delår 2025;Beräkning\n"
      "Personal;Andel heltidsanställda;;andel(heltidsanstallda, anstallda)\n"
      "Personal;Anställda;;senaste(anstalda)\n";
  EXPECT_TRUE(mentions(testing::thrown<InputError>([&] { resolve(file); }),
                       {"matt.csv", "rad 3", "Beräkning", "anstalda", "anstallda, "}));
}

// A typed Delår as of August is not shown in a report per June: empty cells, one footnote per
// table and a warning; a computed Delår is computed for June all the same.
TEST_F(GoalValues, TypedDelarOfAnotherMonthIsLeftOutWithAFootnote) {
  testing::writeFile(dir / "matt.csv",
                     "Målområde;Mätetal;Delår 2025;Beräkning;Period\n"
                     "Personal;Sjukfrånvaro;10,9%;;202508\n"
                     "Personal;Andel heltidsanställda;;andel(heltidsanstallda, anstallda);\n"
                     "IFO;Placeringsdygn;;summa(placeringsdygn);\n");
  testing::writeFile(dir / "volymer.csv", kVolymer);
  const auto goalSource = openTabularSource(inputAt(dir / "matt.csv"));
  GoalImport goals = readGoals(*goalSource, 2025);
  ASSERT_TRUE(goals.summary.rejected.empty());
  const auto volymSource = openTabularSource(inputAt(dir / "volymer.csv"));
  const VolymImport read = readVolymer(*volymSource);
  const auto checks = resolveGoalValues(goals, Period(2025, 6),
                                        {.table = &read.table, .displayName = "volymer.csv"});
  const Goal& personal = goals.areas[0].goals[0];
  EXPECT_EQ(personal.measures[0].values[kGoalDelar], "");
  ASSERT_EQ(personal.footnotes.size(), 2u);
  EXPECT_EQ(personal.footnotes[0].marker, "");
  EXPECT_EQ(personal.footnotes[0].text,
            "Delår 2025: uppgift per juni 2025 saknas; underlaget har värden per augusti 2025.");
  // The share is counted in the last month of January–June with rows: none before August.
  EXPECT_TRUE(personal.measures[1].values[kGoalDelar].starts_with(kDash));
  // 100 × (1 + … + 6) + 10 × (1 + … + 6) = 2 310 dygn through June.
  EXPECT_EQ(goalCell(goals.areas[1].goals[0].measures[0].values[kGoalDelar]),
            CellValue{std::int64_t{2'310}});
  bool warned = false;
  for (const CheckItem& check : checks)
    if (testing::contains(check.description, "delårsvärden för en annan månad"))
      warned = check.status == CheckStatus::Warning &&
               mentions(check.detail, {"1 ifyllda", "augusti 2025", "juni 2025"});
  EXPECT_TRUE(warned);
  // The same file per August shows the typed value.
  const auto again = openTabularSource(inputAt(dir / "matt.csv"));
  GoalImport august = readGoals(*again, 2025);
  resolveGoalValues(august, Period(2025, 8), {.table = &read.table, .displayName = "volymer.csv"});
  EXPECT_EQ(august.areas[0].goals[0].measures[0].values[kGoalDelar], "10,9%");
}

// A file with Delår values of several months must say the month on each row with a typed Delår;
// one period for the whole file may stand on a single row.
TEST_F(GoalValues, APeriodOnOneRowIsTheFilesUnlessTheFileHasSeveral) {
  testing::writeFile(dir / "one.csv",
                     "Målområde;Mätetal;Delår 2025;Period\nA;Ett;1;202508\nA;Två;2;\n");
  const auto one = openTabularSource(inputAt(dir / "one.csv"));
  const GoalImport single = readGoals(*one, 2025);
  ASSERT_TRUE(single.summary.rejected.empty());
  EXPECT_EQ(single.areas[0].goals[0].measures[1].period, Period(2025, 8));
  testing::writeFile(dir / "many.csv",
                     "Målområde;Mätetal;Delår 2025;Period\nA;Ett;1;202508\nA;Två;2;202506\n"
                     "A;Tre;3;\n");
  const auto many = openTabularSource(inputAt(dir / "many.csv"));
  const GoalImport several = readGoals(*many, 2025);
  ASSERT_EQ(several.summary.rejected.size(), 1u);
  EXPECT_TRUE(mentions(several.summary.rejected[0].where.file + " rad " +
                           std::to_string(several.summary.rejected[0].where.line) + " " +
                           several.summary.rejected[0].reason,
                       {"many.csv", "rad 4", "period saknas"}));
}

TEST_F(GoalValues, WithoutAVolymerFileEveryComputedCellIsADash) {
  const Resolved resolved = resolve(kMeasures, false);
  const Table measures = table(resolved.goals);
  EXPECT_TRUE(textOf(rowNamed(measures, "Placeringsdygn").cells[4]).starts_with(kDash + " *"));
  EXPECT_TRUE(
      textOf(rowNamed(measures, "Andel heltidsanställda").cells[4]).starts_with(kDash + " *"));
  // Utfall 2024 could not be computed either: marked, not empty.
  EXPECT_TRUE(
      textOf(rowNamed(measures, "Andel heltidsanställda").cells[2]).starts_with(kDash + " *"));
  for (const std::string& note : measures.footnotes)
    EXPECT_FALSE(testing::contains(note, "delarsrapport.volymer")) << note;
  ASSERT_EQ(resolved.checks.size(), 5u);  // one per computed mätetal, none computed
  for (const CheckItem& check : resolved.checks) {
    EXPECT_EQ(check.status, CheckStatus::Warning);
    EXPECT_TRUE(testing::contains(check.detail,
                                  "ingen volymfil finns i konfigurationen "
                                  "(delarsrapport.volymer)"));
  }
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
            "Delår 2025: andelen kan inte beräknas eftersom vakanta är 0 för augusti 2025.");
  ASSERT_EQ(checks.size(), 1u);
  EXPECT_EQ(checks[0].status, CheckStatus::Warning);
}

// The Herrljunga fixture's config with `delarFiles` (JSON members) in its "delarsrapport" block.
std::string herrljungaConfig(const std::string& delarFiles) {
  return R"({
  "kommun": "Herrljunga kommun",
  "publicerbara_kolumner": ["huvudbok.text", "prognos.kommentar", "prognos.atgard", "investeringar.kommentar", "budgetram.kommentar"],
  "namnd": "Socialnämnden",
  "forvaltning": "Socialförvaltningen",
  "forfattare": "Testfall Herrljunga",
  "lager": "sqlite:lager/namnd.sqlite",
  "utdata": "ut",
  "mallar": ")" +
         testing::repoPath("templates").string() +
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
    )" + delarFiles +
         R"(
  }
})";
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
                     "202208;Heltidsanställda;101;20\n202208;Heltidsanställda;102;17\n"
                     "202112;Invånare;;9400\n");
  testing::writeFile(dir / "namnd.json",
                     herrljungaConfig(R"("verksamhetsmatt": "verksamhetsmatt.csv",
    "volymer": "volymer.csv")"));
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
        if (testing::contains(cell.text, "volymer.csv har inget värde för invanare"))
          sawCheck = true;
    }
  }
  EXPECT_TRUE(sawRow);
  EXPECT_TRUE(sawCheck);
  const std::string html = testing::readFile(dir / "ut" / "delarsrapport-20220831.html");
  EXPECT_TRUE(testing::contains(html, "71" + kNbsp + "%"));
  EXPECT_TRUE(testing::contains(html, "Beräknat mätetal Andel per invånare"));
}

// A typo in a mått stops `namnd delarsrapport`: the message names the file, line and column,
// and nothing is written.
TEST(GoalValuesReport, AnUnknownMattStopsTheReportWithoutOutput) {
  testing::TempDir dir;
  testing::copyFixture("herrljunga", dir.path());
  testing::writeFile(dir / "mal.csv",
                     "Målområde;Nämndsmål;Mätetal;Delår 2022;Beräkning\n"
                     "Personal;God arbetsgivare;Andel heltidsanställda;;"
                     "andel(heltidsanstallda, anstalda)\n");
  testing::writeFile(dir / "volymer.csv",
                     "Period;Mått;Ansvar;Värde\n202208;Anställda;101;30\n"
                     "202208;Heltidsanställda;101;20\n");
  testing::writeFile(dir / "namnd.json",
                     herrljungaConfig(R"("mal": "mal.csv", "volymer": "volymer.csv")"));
  const auto run = testing::runNamnd(
      {"delarsrapport", "--config", (dir / "namnd.json").string(), "--per", "2022-08-31"});
  EXPECT_NE(run.exitCode, 0);
  EXPECT_TRUE(mentions(run.output, {"mal.csv", "rad 2", "Beräkning", "anstalda"})) << run.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "ut" / "delarsrapport-20220831.html"));
  EXPECT_FALSE(std::filesystem::exists(dir / "ut" / "delarsrapport-20220831.xlsx"));
}

}  // namespace
}  // namespace namnd
