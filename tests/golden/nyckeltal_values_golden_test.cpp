// `namnd nyckeltal` on the catalogue's staffing, cost-share, HVB, LSS and budget figures, from the
// input rows of tests/fixtures/nyckeltal (the *-personal.csv files, budget-2021-balans.csv and the
// HVB and LSS rows of volymer.csv, see the README). Every expected value is computed here from
// those rows; the timavlönade shares are the O-figures of notes 002 (2 877 × 10 / 59 700 = 48,2 %,
// 1 853 × 10 / 59 700 = 31,0 %) and the övertid difference its "1,3 åa mer" (2,35 − 1,05).

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "support/nyckeltal_fixture.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::TempDir;

// The fixture's config with the *-personal.csv files besides the Herrljunga ones.
struct Files : testing::NyckeltalFixtureFiles {
  Files() {
    huvudbok = R"(["huvudbok-2020.csv", "huvudbok-2021.csv", "huvudbok-2021-personal.csv"])";
    hr = R"(["hr-2021.csv", "hr-2021-personal.csv"])";
  }
};

using LongFormat = testing::NyckeltalLongFormat;

LongFormat runLongFormat(const Files& files, const std::string& periods) {
  TempDir dir;
  testing::copyFixture("nyckeltal", dir.path());
  testing::writeFile(dir / "namnd.json", testing::nyckeltalFixtureConfig(files));
  const auto result = testing::runNamnd({"nyckeltal", "--config", (dir / "namnd.json").string(),
                                         "--period", periods, "--format", "csv"});
  EXPECT_EQ(result.exitCode, 0) << result.output;
  const std::string last = periods.substr(periods.rfind(',') + 1);
  const auto csvPath = dir / "ut" / ("nyckeltal-" + last + ".csv");
  if (!std::filesystem::exists(csvPath)) return {};
  return testing::readNyckeltalLongFormat(testing::readFile(csvPath));
}

// A value as the csv writes it, rounded half away from zero at `decimals` decimals.
std::string shown(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  const double rounded = std::round(value * scale) / scale;
  std::ostringstream out;
  out.precision(decimals);
  out << std::fixed << rounded;
  std::string text = out.str();
  if (const auto dot = text.find('.'); dot != std::string::npos) text[dot] = ',';
  return text;
}
std::string percent(double numerator, double denominator) {
  return shown(numerator / denominator * 100.0, 1);
}

std::string at(const LongFormat& v, const std::string& period, const std::string& id,
               const std::string& org) {
  const auto found = v.find({period, id, org});
  if (found == v.end()) {
    ADD_FAILURE() << "ingen rad för " << period << " " << id << " " << org;
    return "(saknas)";
  }
  return found->second;
}

// The 2021 rows, kr. huvudbok-2021.csv: 2110 konto 5110 115 000 000; 2210 konto 5110 31 000 000
// and 3160 −11 556 000; 4110 konto 4610 (verksamhet 570) 21 000 000. huvudbok-2021-personal.csv:
// 2110 konto 7550 (inhyrd) 4 500 000; 2210 konto 6110 2 000 000 and 4650 (verksamhet 570)
// 800 000; 4110 konto 5110 3 200 000 and 3160 −700 000, both verksamhet 520 (LSS).
constexpr double kPersonal2110 = 115'000'000, kPersonal2210 = 31'000'000, kPersonal4110 = 3'200'000;
constexpr double kInhyrd2110 = 4'500'000;
constexpr double kOther2210 = 2'000'000 + 800'000, kOther4110 = 21'000'000;

TEST(NyckeltalValues, CostSharesInhyrdAndLssFromLedgerRows) {
  const LongFormat v = runLongFormat(Files{}, "202112");
  const double personalVo = kPersonal2110 + kPersonal2210;
  const double kostnadVo = personalVo + kInhyrd2110 + kOther2210;  // 3160 is revenue, left out
  const double kostnadIfo = kPersonal4110 + kOther4110;
  EXPECT_EQ(at(v, "202112", "personalkostnad_andel", "VO"), percent(personalVo, kostnadVo));
  EXPECT_EQ(at(v, "202112", "personalkostnad_andel", "VO"), "95,2");
  EXPECT_EQ(at(v, "202112", "personalkostnad_andel", "IFO"), percent(kPersonal4110, kostnadIfo));
  EXPECT_EQ(at(v, "202112", "personalkostnad_andel", "SN"),
            percent(personalVo + kPersonal4110, kostnadVo + kostnadIfo));
  EXPECT_EQ(at(v, "202112", "personalkostnad_andel", "SN"), "84,1");

  // Inhyrd personal: konto 75 only (Kommun-Bas), and its share of konto 5 plus konto 75.
  EXPECT_EQ(at(v, "202112", "inhyrd_personal_tkr", "SN"), "4500");
  EXPECT_EQ(at(v, "202112", "inhyrd_personal_tkr", "VO"), "4500");
  EXPECT_EQ(at(v, "202112", "inhyrd_personal_tkr", "IFO"), "0");
  EXPECT_EQ(at(v, "202112", "inhyrd_personal_andel", "VO"),
            percent(kInhyrd2110, personalVo + kInhyrd2110));
  EXPECT_EQ(at(v, "202112", "inhyrd_personal_andel", "VO"), "3,0");
  EXPECT_EQ(at(v, "202112", "inhyrd_personal_andel", "SN"),
            percent(kInhyrd2110, personalVo + kPersonal4110 + kInhyrd2110));
  EXPECT_EQ(at(v, "202112", "inhyrd_personal_andel", "SN"), "2,9");

  // LSS (verksamhet 52): 3 200 000 − 700 000 kr over 9 500 invånare against referenskostnad 250.
  const double lssPerInvanare = (3'200'000.0 - 700'000.0) / 9'500.0;
  EXPECT_EQ(at(v, "202112", "nettokostnad_per_invanare_lss", "SN"), shown(lssPerInvanare, 0));
  EXPECT_EQ(at(v, "202112", "nettokostnad_per_invanare_lss", "SN"), "263");
  EXPECT_EQ(at(v, "202112", "nettokostnadsavvikelse_lss", "SN"),
            percent(lssPerInvanare - 250.0, 250.0));
  EXPECT_EQ(at(v, "202112", "nettokostnadsavvikelse_lss", "SN"), "5,3");
  // Äldreomsorg (verksamhet 51) is unchanged by the LSS and IFO rows but has 7550 and 6110 more.
  EXPECT_EQ(at(v, "202112", "nettokostnad_per_invanare_aldreomsorg", "SN"),
            shown((134'444'000.0 + kInhyrd2110 + 2'000'000.0) / 9'500.0, 0));
}

TEST(NyckeltalValues, PlaceringsdygnHvbAndCostPerDygnOnlyWhereThereAreHvbPlacements) {
  const LongFormat v = runLongFormat(Files{}, "202106,202112");
  // volymer.csv: 4110 has 600 dygn a month January–June and 550 July–December.
  const double dygn = 6 * 600.0 + 6 * 550.0;
  EXPECT_EQ(at(v, "202106", "placeringsdygn_hvb", "SN"), "3600");
  EXPECT_EQ(at(v, "202112", "placeringsdygn_hvb", "SN"), shown(dygn, 0));
  EXPECT_EQ(at(v, "202112", "placeringsdygn_hvb", "IFO"), "6900");
  // Konto 46 in verksamhet 57 on the ansvar with HVB dygn: 4110's 21 000 000 kr; Hemtjänst's
  // 800 000 kr on konto 4650 / verksamhet 570 has no placeringsdygn and stays out.
  EXPECT_EQ(at(v, "202112", "kostnad_per_placeringsdygn", "SN"), shown(21'000'000.0 / dygn, 0));
  EXPECT_EQ(at(v, "202112", "kostnad_per_placeringsdygn", "SN"), "3043");
  EXPECT_EQ(at(v, "202112", "kostnad_per_placeringsdygn", "IFO"), "3043");
  EXPECT_EQ(at(v, "202112", "kostnad_per_placeringsdygn", "VO"), "");
}

TEST(NyckeltalValues, TimavlonadeSjukfranvaroAndO7FromHrRows) {
  const LongFormat v = runLongFormat(Files{}, "202110");
  // hr-2021-personal.csv, per month January–October: timavlönad 2110 2 877 h, 2210 1 853 h,
  // 4110 1 240 h (59 700 h in all, as notes 002); arbetad 2110 12 000 h, 4110 4 000 h (2210's
  // 9 971,25 h are in hr-2021.csv); frånvaro 2110 1 000 h, 2210 800 h.
  const double months = 10;
  const double tim2110 = 2'877 * months, tim2210 = 1'853 * months, tim4110 = 1'240 * months;
  const double arb2110 = 12'000 * months, arb2210 = 9'971.25 * months, arb4110 = 4'000 * months;
  const double fr2110 = 1'000 * months, fr2210 = 800 * months;
  ASSERT_DOUBLE_EQ(tim2110 + tim2210 + tim4110, 59'700);

  EXPECT_EQ(at(v, "202110", "timavlonade_andel", "VO"),
            percent(tim2110 + tim2210, arb2110 + arb2210));
  EXPECT_EQ(at(v, "202110", "timavlonade_andel", "IFO"), percent(tim4110, arb4110));
  EXPECT_EQ(at(v, "202110", "timavlonade_andel", "IFO"), "31,0");
  EXPECT_EQ(at(v, "202110", "timavlonade_andel", "SN"),
            percent(tim2110 + tim2210 + tim4110, arb2110 + arb2210 + arb4110));

  // The notes' own measure, an enhet's share of the nämnd's timavlönade hours (egna-nyckeltal).
  EXPECT_EQ(at(v, "202110", "timavlonade_andel_av_namnden", "2110"), percent(tim2110, 59'700));
  EXPECT_EQ(at(v, "202110", "timavlonade_andel_av_namnden", "2110"), "48,2");
  EXPECT_EQ(at(v, "202110", "timavlonade_andel_av_namnden", "2210"), "31,0");
  EXPECT_EQ(at(v, "202110", "timavlonade_andel_av_namnden", "SN"), "100,0");

  EXPECT_EQ(at(v, "202110", "sjukfranvaro", "VO"),
            percent(fr2110 + fr2210, arb2110 + arb2210 + fr2110 + fr2210));
  EXPECT_EQ(at(v, "202110", "sjukfranvaro", "VO"), "7,6");
  EXPECT_EQ(at(v, "202110", "sjukfranvaro", "SN"),
            percent(fr2110 + fr2210, arb2110 + arb2210 + arb4110 + fr2110 + fr2210));
  EXPECT_EQ(at(v, "202110", "sjukfranvaro", "SN"), "6,5");
  EXPECT_EQ(at(v, "202110", "sjukfranvaro", "IFO"), "0,0");

  // O7: 1 410 000 kr / 600 000 kr − 1 785 h / 1 700 h = 2,35 − 1,05 = 1,3 åa (egna-nyckeltal).
  EXPECT_EQ(at(v, "202110", "overtid_arsarbetare_skillnad", "SN"),
            shown(1'410'000.0 / 600'000.0 - 1'785.0 / 1'700.0, 1));
  EXPECT_EQ(at(v, "202110", "overtid_arsarbetare_skillnad", "SN"), "1,3");
}

TEST(NyckeltalValues, BudgetfoljsamhetUsesTheDelarsrapportTolerance) {
  // budget-2021-balans.csv against the 2021 utfall of huvudbok-2021.csv: 2110 113 000 000 vs
  // 115 000 000 (2 000 tkr over), 2210 30 901 000 − 11 556 000 = 19 345 000 vs 19 444 000 (99 tkr
  // over), 4110 20 899 000 vs 21 000 000 (101 tkr over).
  Files files;
  files.huvudbok = R"(["huvudbok-2020.csv", "huvudbok-2021.csv"])";
  files.budget = R"(["budget-2021-balans.csv"])";

  const LongFormat strict = runLongFormat(files, "202112");
  EXPECT_EQ(at(strict, "202112", "budgetfoljsamhet", "SN"), "0");

  files.topLevel = R"("delarsrapport": {"budget_i_balans_tkr": 100},)";
  const LongFormat tolerant = runLongFormat(files, "202112");
  // Within 100 tkr: 2210 only, of the three ansvar; of Vård och omsorg's two; none of IFO's one.
  EXPECT_EQ(at(tolerant, "202112", "budgetfoljsamhet", "SN"), shown(100.0 / 3, 0));
  EXPECT_EQ(at(tolerant, "202112", "budgetfoljsamhet", "SN"), "33");
  EXPECT_EQ(at(tolerant, "202112", "budgetfoljsamhet", "VO"), "50");
  EXPECT_EQ(at(tolerant, "202112", "budgetfoljsamhet", "IFO"), "0");
}

}  // namespace
}  // namespace namnd
