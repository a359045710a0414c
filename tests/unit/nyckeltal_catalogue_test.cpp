// The nyckeltal catalogue (reports/nyckeltal/nyckeltal_catalogue.hpp) and the evaluation of its
// definitions over data built in memory: what is refused with a ConfigError naming the file and
// definition, and what becomes "–" with a reason.

#include "reports/nyckeltal/nyckeltal_catalogue.hpp"

#include <gtest/gtest.h>

#include "reports/nyckeltal/nyckeltal_evaluation.hpp"
#include "reports/nyckeltal/nyckeltal_report.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

std::string catalogueWith(const std::string& formula, const std::string& storheter,
                          const std::string& extra = "") {
  return R"({"nyckeltal": [{"id": "testtal", "namn": "Testtal", "enhet": "%", "formel": ")" +
         formula + R"(", "storheter": {)" + storheter + "}" + extra + "}]}";
}

const std::string kKostnad = R"("kostnad": {"typ": "ekonomi", "matt": "kostnad"})";
const std::string kBrukare =
    R"json("brukare": {"typ": "volym", "berakning": "senaste(brukare)"})json";

TEST(NyckeltalCatalogue, AFormulaNameThatIsNoStorhetIsAConfigErrorNamingFileIdAndName) {
  NyckeltalCatalogue catalogue;
  const auto error = testing::thrown<ConfigError>(
      [&] { catalogue.addJson(catalogueWith("kostnad / brukare", kKostnad), "egna.json"); });
  EXPECT_TRUE(testing::mentions(error, {"egna.json", "\"testtal\"", "\"brukare\"", "kostnad"}));
}

TEST(NyckeltalCatalogue, AFormulaThatDoesNotParseNamesTheDefinitionAndCharacter) {
  NyckeltalCatalogue catalogue;
  const auto error = testing::thrown<ConfigError>([&] {
    catalogue.addJson(catalogueWith("kostnad / / brukare", kKostnad + "," + kBrukare), "egna.json");
  });
  EXPECT_TRUE(testing::mentions(error, {"egna.json", "\"testtal\"", "formel", "tecken 11"}));
}

TEST(NyckeltalCatalogue, AStorhetTheFormulaDoesNotUseAndAnUnknownKindAreRefused) {
  NyckeltalCatalogue catalogue;
  EXPECT_TRUE(testing::mentions(
      testing::thrown<ConfigError>([&] {
        catalogue.addJson(catalogueWith("kostnad", kKostnad + "," + kBrukare), "egna.json");
      }),
      {"storheter.brukare", "används inte"}));
  EXPECT_TRUE(testing::mentions(
      testing::thrown<ConfigError>([&] {
        catalogue.addJson(catalogueWith("x", R"("x": {"typ": "gissning"})"), "egna.json");
      }),
      {"storheter.x.typ", "gissning"}));
}

TEST(NyckeltalCatalogue, AMisspeltKeyIsRefusedNamingFileIdKeyAndTheKnownKeys) {
  const auto errorFor = [](const std::string& json) {
    NyckeltalCatalogue catalogue;
    return testing::thrown<ConfigError>([&] { catalogue.addJson(json, "egna.json"); });
  };
  // "konton" would otherwise sum every konto.
  EXPECT_TRUE(testing::mentions(
      errorFor(catalogueWith(
          "kostnad", R"("kostnad": {"typ": "ekonomi", "matt": "kostnad", "konton": "75"})")),
      {"egna.json", "\"testtal\"", "storheter.kostnad.konton", "konto", "verksamhet",
       "ansvar_med_volym"}));
  EXPECT_TRUE(testing::mentions(
      errorFor(catalogueWith("kostnad", R"("kostnad": {"typ": "ekonomi", "verksamheter": "51"})")),
      {"storheter.kostnad.verksamheter", "verksamhet"}));
  // A misspelt "matt" would fall back to netto.
  EXPECT_TRUE(testing::mentions(
      errorFor(catalogueWith("kostnad", R"("kostnad": {"typ": "ekonomi", "mat": "kostnad"})")),
      {"storheter.kostnad.mat", "matt"}));
  EXPECT_TRUE(testing::mentions(
      errorFor(catalogueWith("x", R"("x": {"typ": "hr", "slag": "overtid", "konto": "5"})")),
      {"storheter.x.konto", "slag", "enhet"}));
  // On the definition itself.
  EXPECT_TRUE(testing::mentions(errorFor(catalogueWith("kostnad", kKostnad, R"(, "decimal": 1)")),
                                {"egna.json", "\"testtal\"", "\"decimal\"", "decimaler"}));
  // Unknown values of "matt", "typ" and "slag" stay refused.
  EXPECT_TRUE(testing::mentions(
      errorFor(catalogueWith("kostnad", R"("kostnad": {"typ": "ekonomi", "matt": "brutto"})")),
      {"storheter.kostnad.matt", "netto"}));
  EXPECT_TRUE(
      testing::mentions(errorFor(catalogueWith("x", R"("x": {"typ": "hr", "slag": "semester"})")),
                        {"storheter.x.slag", "semester"}));
  // Keys starting with "_" are comments, on the definition and on a storhet.
  NyckeltalCatalogue catalogue;
  catalogue.addJson(
      catalogueWith("kostnad",
                    R"("kostnad": {"typ": "ekonomi", "matt": "kostnad", "_varfor": "text"})",
                    R"(, "_kommentar": "egen")"),
      "egna.json");
  EXPECT_TRUE(catalogue.find("testtal"));
}

TEST(NyckeltalCatalogue, ToleransKrIsReadAsBoundedKronor) {
  const auto withTolerance = [](const std::string& tolerance) {
    return catalogueWith("i_balans", R"("i_balans": {"typ": "enheter", "rakna": "i_balans",
        "tolerans_kr": )" + tolerance + "}");
  };
  for (const std::string bad : {"-5", "1e30", "\"100\""}) {
    NyckeltalCatalogue catalogue;
    EXPECT_TRUE(testing::mentions(
        testing::thrown<ConfigError>([&] { catalogue.addJson(withTolerance(bad), "egna.json"); }),
        {"egna.json", "\"testtal\"", "storheter.i_balans.tolerans_kr"}))
        << bad;
  }
  NyckeltalCatalogue catalogue;
  catalogue.addJson(withTolerance("2500.5"), "egna.json");
  EXPECT_EQ(catalogue.find("testtal")->storheter.front().toleranceOre, 250'050);
}

TEST(NyckeltalCatalogue, AKommunsFileReplacesADefinitionById) {
  NyckeltalCatalogue catalogue;
  catalogue.addFile(testing::repoPath("templates/nyckeltal.json"), "mallarnas nyckeltal.json");
  const std::size_t shipped = catalogue.definitions().size();
  catalogue.addJson(R"json({"nyckeltal": [{"id": "sjukfranvaro", "namn": "Sjukfrånvaro (egen)",
      "enhet": "%", "formel": "franvaro / arbetad", "storheter": {
      "franvaro": {"typ": "hr", "slag": "franvaro"},
      "arbetad": {"typ": "hr", "slag": "arbetad"}}}]})json",
                    "egna.json");
  EXPECT_EQ(catalogue.definitions().size(), shipped);
  ASSERT_TRUE(catalogue.find("sjukfranvaro"));
  EXPECT_EQ(catalogue.find("sjukfranvaro")->namn, "Sjukfrånvaro (egen)");
  EXPECT_EQ(catalogue.find("sjukfranvaro")->source, "egna.json");
}

TEST(NyckeltalCatalogue, TheShippedCatalogueHasTheFiguresTheIssueAsksFor) {
  NyckeltalCatalogue catalogue;
  catalogue.addFile(testing::repoPath("templates/nyckeltal.json"), "mallarnas nyckeltal.json");
  for (const char* id :
       {"nettokostnad_per_invanare_aldreomsorg", "nettokostnadsavvikelse_aldreomsorg",
        "personalkostnad_andel", "overtid_mertid_arsarbetare", "timavlonade_andel",
        "inhyrd_personal_tkr", "inhyrd_personal_andel", "sjukfranvaro", "produktivitet_hemtjanst",
        "placeringsdygn_hvb", "kostnad_per_placeringsdygn", "budgetfoljsamhet", "prognossakerhet"})
    EXPECT_TRUE(catalogue.find(id)) << id;
}

// A nämnd with two areas, a ledger for 2025, and volymer with a mått that is 0.
struct Data {
  OrgTree tree;
  VolymTable volymer;
  NyckeltalData data;
  Data() {
    tree.add({.code = "SN", .name = "Socialnämnden", .level = 1});
    tree.add({.code = "AO", .name = "Äldreomsorg", .parent = "SN", .level = 2, .order = 1});
    tree.add({.code = "IFO", .name = "IFO", .parent = "SN", .level = 2, .order = 2});
    tree.add({.code = "2110", .name = "Boende", .parent = "AO", .level = 3});
    tree.add({.code = "4110", .name = "Barn", .parent = "IFO", .level = 3});
    tree.validate();
    Cube cube;
    cube.add("2110", "5110", "510", "", Period(2025, 3), Measure::Utfall, 1'000'000'00);
    cube.add("2110", "3160", "510", "", Period(2025, 3), Measure::Utfall, -200'000'00);
    cube.add("4110", "4610", "570", "", Period(2025, 3), Measure::Utfall, 500'000'00);
    volymer.add("brukare", "2110", Period(2025, 3), 0);
    volymer.add("brukare", "4110", Period(2025, 3), 40'00);
    data.tree = &tree;
    data.cubes.emplace(2025, std::move(cube));
    data.volymer = &volymer;
  }
};

TEST(NyckeltalEvaluation, ADivisionByZeroIsADashWithAFootnoteNamingTheDefinition) {
  Data d;
  NyckeltalCatalogue catalogue;
  catalogue.addJson(R"({"nyckeltal": [{"id": "kostnad_per_brukare", "namn": "Kostnad per brukare",
      "enhet": "kr", "formel": "kostnad / brukare", "storheter": {)" +
                        kKostnad + "," + kBrukare + "}}]}",
                    "egna.json");
  NyckeltalEvaluator evaluator(d.data);
  const NyckeltalDefinition& def = *catalogue.find("kostnad_per_brukare");
  // IFO: 500 000 kr / 40 brukare.
  const auto ifo = evaluator.evaluate(def, *d.tree.find("IFO"), Period(2025, 3));
  ASSERT_TRUE(ifo.scaled) << ifo.problem;
  EXPECT_EQ(*ifo.scaled, 12'500);
  // Äldreomsorg: kostnad 1 000 000 kr (intäkter are not kostnad) over 0 brukare.
  const auto ao = evaluator.evaluate(def, *d.tree.find("AO"), Period(2025, 3));
  EXPECT_FALSE(ao.scaled);
  EXPECT_TRUE(testing::mentions(ao.problem, {"division med noll", "brukare"}));
  ASSERT_EQ(ao.inputs.size(), 2u);
  EXPECT_EQ(ao.inputs[0].value, ExactRational::integer(1'000'000));

  const NyckeltalRequest request{.definitions = {&def}, .periods = {Period(2025, 3)}};
  const auto results = computeNyckeltal(request, evaluator, d.tree);
  const auto texts = ReportTexts::load(testing::repoPath("templates/text/nyckeltal.json"));
  const Document document = buildNyckeltalDocument(results, request, {}, texts);
  const Table& table = std::get<Table>(document.sections.front());
  ASSERT_EQ(table.rows.size(), 3u);  // nämnd, Äldreomsorg, IFO
  // The cell is "– n)", and the n-th footnote — the renderers print "n)" before it — names the
  // definition and the division.
  const std::string dash = std::get<std::string>(table.rows[1].cells[2]);
  ASSERT_TRUE(dash.starts_with("\xE2\x80\x93 ")) << dash;
  ASSERT_TRUE(dash.ends_with(")")) << dash;
  const std::size_t number = std::stoul(dash.substr(dash.find(' ') + 1));
  ASSERT_GE(number, 1u);
  ASSERT_LE(number, table.footnotes.size());
  EXPECT_TRUE(
      testing::mentions(table.footnotes[number - 1], {"kostnad_per_brukare: division med noll"}));
  EXPECT_FALSE(table.footnotes[number - 1].starts_with("("));
  EXPECT_DOUBLE_EQ(std::get<double>(table.rows[2].cells[2]), 12'500.0);
  std::string footnotes;
  for (const auto& f : table.footnotes) footnotes += f + "\n";
  // The year before has no ledger at all: a dash with its own reason, never 0.
  EXPECT_TRUE(std::holds_alternative<std::string>(table.rows[0].cells[3]));
  EXPECT_TRUE(testing::mentions(footnotes, {"ingen huvudbok", "2024"}));
}

TEST(NyckeltalEvaluation, AHelarFigureOfAYearNotEndedHasNoValue) {
  Data d;
  NyckeltalCatalogue catalogue;
  catalogue.addJson(catalogueWith("kostnad / 1000", kKostnad, R"(, "period": "helar")"),
                    "egna.json");
  NyckeltalEvaluator evaluator(d.data);
  const auto figure =
      evaluator.evaluate(*catalogue.find("testtal"), *d.tree.find("SN"), Period(2025, 8));
  EXPECT_FALSE(figure.scaled);
  EXPECT_TRUE(testing::mentions(figure.problem, {"helåret 2025", "202508"}));
}

TEST(NyckeltalEvaluation, AVolymWithoutAVolymerFileNamesTheConfigKey) {
  Data d;
  d.data.volymer = nullptr;
  NyckeltalCatalogue catalogue;
  catalogue.addJson(catalogueWith("brukare", kBrukare), "egna.json");
  NyckeltalEvaluator evaluator(d.data);
  const auto figure =
      evaluator.evaluate(*catalogue.find("testtal"), *d.tree.find("SN"), Period(2025, 3));
  EXPECT_FALSE(figure.scaled);
  EXPECT_TRUE(testing::mentions(figure.problem, {"volymer saknas", "nyckeltal.volymer"}));
}

// The figure of `formula` over `storheter` for one node in March 2025 (ack januari–mars).
NyckeltalFigure figureOf(const NyckeltalData& data, const std::string& formula,
                         const std::string& storheter, const std::string& node) {
  NyckeltalCatalogue catalogue;
  catalogue.addJson(catalogueWith(formula, storheter), "egna.json");
  NyckeltalEvaluator evaluator(data);
  return evaluator.evaluate(*catalogue.find("testtal"), *data.tree->find(node), Period(2025, 3));
}

TEST(NyckeltalEvaluation, AVerksamhetOrKontoNoRowHasIsADashNotZero) {
  const Data d;
  const std::string verksamhet52 = R"("netto": {"typ": "ekonomi", "verksamhet": "52"})";
  const auto none = figureOf(d.data, "netto", verksamhet52, "SN");
  EXPECT_FALSE(none.scaled);
  EXPECT_TRUE(testing::mentions(
      none.problem, {"huvudboken har inga rader med verksamhet 52", "januari–mars 2025"}));
  const auto konto = figureOf(
      d.data, "inhyrd", R"("inhyrd": {"typ": "ekonomi", "matt": "kostnad", "konto": "75"})", "AO");
  EXPECT_FALSE(konto.scaled);
  EXPECT_TRUE(testing::mentions(konto.problem, {"inga rader med konto 75"}));
  // Verksamhet 57 has rows (IFO): Äldreomsorg simply has none and keeps 0 kr.
  const std::string verksamhet57 = R"("netto": {"typ": "ekonomi", "verksamhet": "57"})";
  const auto ao = figureOf(d.data, "netto", verksamhet57, "AO");
  ASSERT_TRUE(ao.scaled) << ao.problem;
  EXPECT_EQ(*ao.scaled, 0);
  const auto ifo = figureOf(d.data, "netto", verksamhet57, "IFO");
  ASSERT_TRUE(ifo.scaled) << ifo.problem;
  EXPECT_EQ(*ifo.scaled, 500'000 * 100);  // "%" figures show percent: 500 000 kr × 100
}

TEST(NyckeltalEvaluation, ALedgerWithoutTheVerksamhetColumnGivesADashPerInvanare) {
  Data d;
  Cube cube;
  cube.add("2110", "5110", "", "", Period(2025, 3), Measure::Utfall, 1'000'000'00);
  cube.add("4110", "4610", "", "", Period(2025, 3), Measure::Utfall, 500'000'00);
  d.data.cubes.clear();
  d.data.cubes.emplace(2025, std::move(cube));
  const auto figure =
      figureOf(d.data, "netto / brukare",
               R"("netto": {"typ": "ekonomi", "verksamhet": "51"},)" + kBrukare, "IFO");
  EXPECT_FALSE(figure.scaled);
  EXPECT_TRUE(testing::mentions(figure.problem, {"inga rader med verksamhet 51"}));
}

TEST(NyckeltalEvaluation, AKindOfHoursWithNoRowsInTheKommunIsADashNotAHundredPercent) {
  Data d;
  const std::string sjuk = R"("franvaro": {"typ": "hr", "slag": "franvaro"},
      "arbetad": {"typ": "hr", "slag": "arbetad"})";
  d.data.hr[{"2110", Period(2025, 2), HrKind::Franvaro}] = {.centihours = 50'00};
  const auto onlyFranvaro = figureOf(d.data, "franvaro / (franvaro + arbetad)", sjuk, "AO");
  EXPECT_FALSE(onlyFranvaro.scaled);
  EXPECT_TRUE(testing::mentions(onlyFranvaro.problem,
                                {"hr-underlaget har inga rader av typen arbetad", "januari–mars"}));
  // With arbetad rows somewhere, a node without frånvaro has 0 %, and AO 50 / (50 + 950) = 5,0 %.
  d.data.hr[{"2110", Period(2025, 2), HrKind::Arbetad}] = {.centihours = 950'00};
  d.data.hr[{"4110", Period(2025, 2), HrKind::Arbetad}] = {.centihours = 400'00};
  const auto ao = figureOf(d.data, "franvaro / (franvaro + arbetad)", sjuk, "AO");
  ASSERT_TRUE(ao.scaled) << ao.problem;
  EXPECT_EQ(*ao.scaled, 5);  // percent, no decimals
  const auto ifo = figureOf(d.data, "franvaro / (franvaro + arbetad)", sjuk, "IFO");
  ASSERT_TRUE(ifo.scaled) << ifo.problem;
  EXPECT_EQ(*ifo.scaled, 0);
}

TEST(NyckeltalEvaluation, APoProcentNotConfiguredIsADashNamingTheParameter) {
  Data d;
  const std::string po = R"("po": {"typ": "parameter", "namn": "po_procent"})";
  const auto missing = figureOf(d.data, "po / 100", po, "SN");
  EXPECT_FALSE(missing.scaled);
  EXPECT_TRUE(testing::mentions(missing.problem,
                                {"parametern po_procent saknas i konfigurationens \"personal\""}));
  d.data.staffing.poPercent = 38.5;
  const auto set = figureOf(d.data, "po / 100", po, "SN");
  ASSERT_TRUE(set.scaled) << set.problem;
  EXPECT_EQ(*set.scaled, 39);  // 38,5 % at no decimals, rounded half away from zero
}

}  // namespace
}  // namespace namnd
