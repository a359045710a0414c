// `namnd nyckeltal` from input rows (tests/fixtures/nyckeltal, whose README derives every figure):
// the Herrljunga key figures of notes 004 §4 (nettokostnad äldreomsorg 14 540 → 14 152 kr/inv,
// nettokostnadsavvikelse 12,0 % and 5,6 %, produktivitet hemtjänst 54,3 %), the staffing oracle
// O7 of notes 002 (1 785 h / 1 700 = 1,05 åa; 1 410 000 kr / 600 000 kr = 2,35 åa) and the
// prognossäkerhet of the August prognosis, read back from the long csv format and the workbook.

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "support/nyckeltal_fixture.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::TempDir;

struct Fixture {
  TempDir dir;
  std::filesystem::path config = dir / "namnd.json";
  Fixture(const std::string& extra = "") {
    testing::copyFixture("nyckeltal", dir.path());
    testing::writeFile(
        config, testing::nyckeltalFixtureConfig(
                    {.nyckeltalKeys = R"(, "mal": {"produktivitet_hemtjanst": 55})" + extra}));
  }
  testing::RunResult run(std::vector<std::string> args) const {
    args.insert(args.begin(), {"nyckeltal", "--config", config.string()});
    return testing::runNamnd(args);
  }
};

using LongFormat = testing::NyckeltalLongFormat;

// A percentage as the csv writes it at one decimal, from exact kronor computed here.
std::string percentText(double numerator, double denominator) {
  const double percent = std::round(numerator / denominator * 1000.0) / 10.0;
  std::ostringstream out;
  out.precision(1);
  out << std::fixed << percent;
  std::string text = out.str();
  text[text.find('.')] = ',';
  return text;
}

TEST(NyckeltalGolden, HerrljungaFiguresAndO7FromInputRowsInTheLongFormat) {
  const Fixture fixture;
  const auto result = fixture.run({"--period", "202012,202112", "--format", "csv"});
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const LongFormat v = testing::readNyckeltalLongFormat(
      testing::readFile(fixture.dir / "ut" / "nyckeltal-202112.csv"));

  // Notes 004 §4: kr/invånare and nettokostnadsavvikelse, both years.
  EXPECT_EQ((v.at({"202012", "nettokostnad_per_invanare_aldreomsorg", "SN"})), "14540");
  EXPECT_EQ((v.at({"202112", "nettokostnad_per_invanare_aldreomsorg", "SN"})), "14152");
  EXPECT_EQ((v.at({"202012", "nettokostnadsavvikelse_aldreomsorg", "SN"})), "12,0");
  EXPECT_EQ((v.at({"202112", "nettokostnadsavvikelse_aldreomsorg", "SN"})), "5,6");
  // Produktivitet hemtjänst 64 932 / 119 655; IFO has no hemtjänst: no value.
  EXPECT_EQ((v.at({"202112", "produktivitet_hemtjanst", "SN"})), "54,3");
  EXPECT_EQ((v.at({"202112", "produktivitet_hemtjanst", "VO"})), "54,3");
  EXPECT_EQ((v.at({"202112", "produktivitet_hemtjanst", "IFO"})), "");
  // O7: övertid in årsarbetare by time and (the kommun's own definition) by money.
  EXPECT_EQ((v.at({"202112", "overtid_arsarbetare", "SN"})), "1,05");
  EXPECT_EQ((v.at({"202112", "overtid_arsarbetare", "VO"})), "1,05");
  EXPECT_EQ((v.at({"202112", "overtid_arsarbetare", "IFO"})), "0,00");
  EXPECT_EQ((v.at({"202112", "overtid_arsarbetare_kr", "SN"})), "2,35");
  // No hr rows in 2020: no value rather than 0.
  EXPECT_EQ((v.at({"202012", "overtid_arsarbetare", "SN"})), "");

  // Prognossäkerhet as Malmö shows it: the August prognosis's deviation (budget − prognos) minus
  // the deviation at bokslut (budget − utfall), tkr, from the kronor of the fixture's rows.
  const auto tkr = [](double augustDeviation, double finalDeviation) {
    return std::to_string(std::lround((augustDeviation - finalDeviation) / 1000.0));
  };
  const double dev2110 = 113'000'000.0 - 115'000'000.0;  // budget − utfall
  const double dev2210 = (31'000'000.0 - 11'500'000.0) - (31'000'000.0 - 11'556'000.0);
  const double dev4110 = 21'200'000.0 - 21'000'000.0;
  const double aug2110 = 113'000'000.0 - 114'000'000.0;  // budget − augustiprognos
  const double aug2210 = 19'500'000.0 - 19'000'000.0;
  const double aug4110 = 21'200'000.0 - 21'500'000.0;
  EXPECT_EQ((v.at({"202112", "prognossakerhet", "2110"})), tkr(aug2110, dev2110));
  EXPECT_EQ((v.at({"202112", "prognossakerhet", "2110"})), "1000");
  EXPECT_EQ((v.at({"202112", "prognossakerhet", "2210"})), tkr(aug2210, dev2210));
  EXPECT_EQ((v.at({"202112", "prognossakerhet", "VO"})), tkr(aug2110 + aug2210, dev2110 + dev2210));
  EXPECT_EQ((v.at({"202112", "prognossakerhet", "IFO"})), tkr(aug4110, dev4110));
  EXPECT_EQ((v.at({"202112", "prognossakerhet", "IFO"})), "-500");
  EXPECT_EQ((v.at({"202112", "prognossakerhet", "SN"})),
            tkr(aug2110 + aug2210 + aug4110, dev2110 + dev2210 + dev4110));
  // In percent of the budget (never of a net utfall that could be zero or negative).
  EXPECT_EQ((v.at({"202112", "prognossakerhet_andel", "SN"})),
            percentText(aug2110 + aug2210 + aug4110 - (dev2110 + dev2210 + dev4110),
                        113'000'000.0 + 19'500'000.0 + 21'200'000.0));
  // Budgetföljsamhet: 2210 (+56 000 kr) and 4110 (+200 000 kr) of the three ansvar are in
  // balance; 2110 (−2 Mkr) is not, also with the default tolerance (0 kr here).
  EXPECT_EQ((v.at({"202112", "budgetfoljsamhet", "SN"})), std::to_string(std::lround(200.0 / 3)));
  // 2020 has no prognosis in the store.
  EXPECT_EQ((v.at({"202012", "prognossakerhet", "SN"})), "");
}

TEST(NyckeltalGolden, APartlyReturnedPrognosisIsNotComparedWithTheWholeUtfall) {
  const Fixture fixture;
  // Barn och familj (4110) returned no August prognosis.
  testing::writeFile(fixture.dir / "prognos-2021.csv",
                     "prognosperiod;ansvar;prognos;kommentar\n"
                     "202108;2110;114000000,00;Augustiprognos\n"
                     "202108;2210;19000000,00;Augustiprognos\n");
  const auto result =
      fixture.run({"--period", "202112", "--matt", "prognossakerhet", "--format", "csv,html"});
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const LongFormat v = testing::readNyckeltalLongFormat(
      testing::readFile(fixture.dir / "ut" / "nyckeltal-202112.csv"));
  EXPECT_EQ((v.at({"202112", "prognossakerhet", "VO"})), "1444");  // 1 000 + 444 tkr, complete
  EXPECT_EQ((v.at({"202112", "prognossakerhet", "IFO"})), "");
  EXPECT_EQ((v.at({"202112", "prognossakerhet", "SN"})), "");
  EXPECT_TRUE(testing::mentions(testing::readFile(fixture.dir / "ut" / "nyckeltal-202112.html"),
                                {"saknar uppgift för Barn och familj (4110)"}));
}

TEST(NyckeltalGolden, WorkbookShowsLastYearTargetDefinitionsAndWhyAFigureIsMissing) {
  const Fixture fixture;
  const auto result =
      fixture.run({"--period", "202112", "--matt", "nettokostnad_per_invanare_aldreomsorg",
                   "--matt", "produktivitet_hemtjanst,nettokostnadsavvikelse_aldreomsorg"});
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const auto workbook = fixture.dir / "ut" / "nyckeltal-202112.xlsx";
  const auto names = testing::sheetNames(workbook);
  ASSERT_EQ(names.size(), 5u);
  EXPECT_EQ(names[3], "Definitioner");
  EXPECT_EQ(names[4], "Underlag");

  // Kr/invånare: the nämnd's row with 2021 and, beside it, 2020.
  bool found = false;
  for (const auto& row : testing::readSheet(workbook, names[0])) {
    if (row.empty() || row[0].text != "Socialnämnden") continue;
    found = true;
    ASSERT_GE(row.size(), 4u);
    EXPECT_DOUBLE_EQ(row[2].number, 14'152);
    EXPECT_DOUBLE_EQ(row[3].number, 14'540);
  }
  EXPECT_TRUE(found);

  // Produktivitet: the target column, and IFO's "–" with the footnote that says why.
  std::string sheetText;
  std::string ifoMarker;
  for (const auto& row : testing::readSheet(workbook, names[1])) {
    for (const auto& cell : row) sheetText += cell.text + "|";
    if (!row.empty() && row[0].text == "Vård och omsorg") {
      ASSERT_GE(row.size(), 5u);
      EXPECT_NEAR(row[2].number, 0.543, 1e-12);
      EXPECT_NEAR(row[4].number, 0.55, 1e-12);
    }
    if (!row.empty() && row[0].text == "Individ och familjeomsorg") {
      ASSERT_GE(row.size(), 3u);
      ASSERT_TRUE(row[2].text.starts_with("\xE2\x80\x93 ")) << row[2].text;
      ifoMarker = row[2].text.substr(row[2].text.find(' ') + 1);
    }
  }
  ASSERT_FALSE(ifoMarker.empty());
  EXPECT_TRUE(testing::mentions(
      sheetText, {ifoMarker + " produktivitet_hemtjanst: volymerna har inget värde för måttet "
                              "utford_tid under Individ och familjeomsorg"}));

  // Nettokostnadsavvikelse: 5,6 % and 12,0 % as ratios rounded to one decimal of a percent.
  for (const auto& row : testing::readSheet(workbook, names[2])) {
    if (row.empty() || row[0].text != "Socialnämnden") continue;
    ASSERT_GE(row.size(), 4u);
    EXPECT_NEAR(row[2].number, 0.056, 1e-12);
    EXPECT_NEAR(row[3].number, 0.120, 1e-12);
  }

  // The inputs of each figure: nettokostnad 2021 in kronor, as the ledger rows sum.
  bool input = false;
  for (const auto& row : testing::readSheet(workbook, "Underlag"))
    if (row.size() > 4 && row[0].text == "nettokostnad_per_invanare_aldreomsorg" &&
        row[2].text == "2021-12-31" && row[3].text == "nettokostnad") {
      input = true;
      EXPECT_EQ(row[4].text,
                "134\xC2\xA0"
                "444\xC2\xA0"
                "000,00");
    }
  EXPECT_TRUE(input);
  std::string definitions;
  for (const auto& row : testing::readSheet(workbook, "Definitioner"))
    for (const auto& cell : row) definitions += cell.text + "|";
  EXPECT_TRUE(testing::mentions(definitions,
                                {"(nettokostnad / invanare - referenskostnad) / referenskostnad",
                                 "referenskostnad = volym senaste(referenskostnad_aldreomsorg)"}));
}

TEST(NyckeltalGolden, AFormulaWithAnUnknownNameIsRefusedNamingFileIdAndName) {
  const Fixture fixture;
  testing::writeFile(fixture.dir / "egna-nyckeltal.json", R"({"nyckeltal": [
    {"id": "kostnad_per_brukare", "namn": "Kostnad per brukare", "enhet": "kr",
     "formel": "kostnad / brukare",
     "storheter": {"kostnad": {"typ": "ekonomi", "matt": "kostnad"}}}]})");
  const auto result = fixture.run({"--period", "202112", "--format", "csv"});
  EXPECT_NE(result.exitCode, 0);
  EXPECT_TRUE(testing::mentions(result.output,
                                {"egna-nyckeltal.json", "kostnad_per_brukare", "\"brukare\""}));
  EXPECT_FALSE(std::filesystem::exists(fixture.dir / "ut" / "nyckeltal-202112.csv"));
}

// The personnummer guard of every report (issue 8): a kommun's own catalogue is searched too, and
// nothing is written.
TEST(NyckeltalGolden, APersonnummerInAKommunsDefinitionIsRefusedNamingTheFile) {
  const Fixture fixture;
  testing::writeFile(fixture.dir / "egna-nyckeltal.json", R"({"nyckeltal": [
    {"id": "overtid_kopia", "namn": "Övertid enligt 19121212-1212", "enhet": "timmar",
     "formel": "overtid", "decimaler": 0,
     "storheter": {"overtid": {"typ": "hr", "slag": "overtid", "enhet": "timmar"}}}]})");
  const auto result = fixture.run({"--period", "202112", "--format", "xlsx,html,csv"});
  EXPECT_EQ(result.exitCode, 1) << result.output;
  EXPECT_TRUE(testing::mentions(result.output, {"egna-nyckeltal.json", "personnummer"}));
  EXPECT_FALSE(testing::contains(result.output, "1212-1212"));
  EXPECT_FALSE(std::filesystem::exists(fixture.dir / "ut"));
}

TEST(NyckeltalGolden, AnUnknownIdOrFormatIsAUsageError) {
  const Fixture fixture;
  const auto unknown = fixture.run({"--period", "202112", "--matt", "finns_inte"});
  EXPECT_NE(unknown.exitCode, 0);
  EXPECT_TRUE(testing::mentions(unknown.output, {"finns_inte", "produktivitet_hemtjanst"}));
  const auto format = fixture.run({"--period", "202112", "--format", "pdf"});
  EXPECT_NE(format.exitCode, 0);
  EXPECT_TRUE(testing::mentions(format.output, {"--format", "pdf"}));
}

TEST(NyckeltalGolden, AMalOrUrvalIdNotInTheCatalogueIsAConfigError) {
  const Fixture target;
  testing::writeFile(target.config, testing::nyckeltalFixtureConfig(
                                        {.nyckeltalKeys = R"(, "mal": {"sjukfranvaro_typo": 5})"}));
  const auto mal = target.run({"--period", "202112", "--format", "csv"});
  EXPECT_EQ(mal.exitCode, 1) << mal.output;  // a config error, not a usage error (2)
  EXPECT_TRUE(testing::mentions(mal.output, {"namnd.json", "\"nyckeltal.mal\"", "sjukfranvaro_typo",
                                             "produktivitet_hemtjanst"}));
  EXPECT_FALSE(std::filesystem::exists(target.dir / "ut"));

  const Fixture selection(R"(, "urval": ["produktivitet_hemtjanst", "finns_inte"])");
  const auto urval = selection.run({"--period", "202112", "--format", "csv"});
  EXPECT_EQ(urval.exitCode, 1) << urval.output;
  EXPECT_TRUE(testing::mentions(urval.output, {"namnd.json", "\"nyckeltal.urval\"", "finns_inte"}));
  EXPECT_FALSE(std::filesystem::exists(selection.dir / "ut"));
}

}  // namespace
}  // namespace namnd
