#include "core/run_config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

// A folder laid out like a kommun's setup, with the config in a sub-folder so that relative
// paths must be resolved against the config file, not the working directory:
//   konfig/namnd.json  konfig/org.csv  kontoplan.csv  mallar/  in/huvudbok.csv …
class RunConfigTest : public ::testing::Test {
 protected:
  RunConfigTest() {
    testing::writeMinimalKommunSetup(dir.path());
    testing::writeFile(dir / "in" / "huvudbok-2024.csv", "x");
    testing::writeFile(dir / "in" / "huvudbok-2025.csv", "x");
    testing::writeFile(dir / "in" / "budget.csv", "x");
    testing::writeFile(dir / "in" / "prognos.csv", "x");
    base = fs::canonical(dir.path());
  }

  // Writes the config from `keys` (each value is JSON text) and loads it.
  RunConfig load() {
    std::string json = "{";
    for (const auto& [key, value] : keys)
      json += (json.size() > 1 ? ",\n \"" : "\n \"") + key + "\": " + value;
    json += "\n}\n";
    testing::writeFile(dir / "konfig" / "namnd.json", json);
    return loadRunConfig(dir / "konfig" / "namnd.json");
  }

  // The ConfigError message of load(), or a failure when it loads.
  std::string loadError() {
    try {
      load();
    } catch (const ConfigError& e) {
      return e.what();
    }
    ADD_FAILURE() << "no ConfigError";
    return "";
  }

  testing::TempDir dir;
  fs::path base;
  std::map<std::string, std::string> keys = {
      {"kommun", "\"Testby kommun\""},
      {"namnd", "\"Socialnämnden\""},
      {"lager", "\"sqlite:../ut/lager.sqlite\""},
      {"utdata", "\"../ut\""},
      {"mallar", "\"../mallar\""},
      {"org", R"({"fil": "org.csv", "nivaer": ["Nämnd", "Område", "Ansvar"], "rapportniva": 2})"},
      {"kontoplan", "\"../kontoplan.csv\""},
      {"huvudbok", R"(["../in/huvudbok-2024.csv", "../in/huvudbok-2025.csv"])"},
      {"budget", R"([{"fil": "../in/budget.csv", "periodisering": "linjar"}])"},
      {"prognos", "\"../in/prognos.csv\""},
  };
};

TEST_F(RunConfigTest, ValidConfigWithPathsRelativeToTheConfigFile) {
  const RunConfig config = load();
  EXPECT_EQ(config.configPath, base / "konfig" / "namnd.json");
  EXPECT_EQ(config.kommun, "Testby kommun");
  EXPECT_EQ(config.namnd, "Socialnämnden");
  EXPECT_EQ(config.forvaltning, "");
  EXPECT_EQ(config.forfattare, "");
  EXPECT_EQ(config.storeUri, "sqlite:" + (base / "ut" / "lager.sqlite").string());
  EXPECT_EQ(config.outputDir, base / "ut");
  EXPECT_EQ(config.templatesDir, base / "mallar");
  EXPECT_EQ(config.rounding, RoundingMode::PerCell);

  EXPECT_EQ(config.org.path, base / "konfig" / "org.csv");
  EXPECT_EQ(config.org.displayName, "org.csv");
  EXPECT_EQ(config.levelNames, (std::vector<std::string>{"Nämnd", "Område", "Ansvar"}));
  EXPECT_EQ(config.reportLevel, 2);
  EXPECT_EQ(config.kontoplan.path, base / "kontoplan.csv");

  ASSERT_EQ(config.huvudbok.size(), 2u);
  EXPECT_EQ(config.huvudbok[0].path, base / "in" / "huvudbok-2024.csv");
  EXPECT_EQ(config.huvudbok[0].displayName, "../in/huvudbok-2024.csv");
  EXPECT_EQ(config.huvudbok[1].path, base / "in" / "huvudbok-2025.csv");
  ASSERT_EQ(config.budget.size(), 1u);
  EXPECT_EQ(config.budget[0].path, base / "in" / "budget.csv");
  EXPECT_EQ(config.budget[0].periodisation.name, "linjar");
  ASSERT_EQ(config.prognos.size(), 1u);  // a single path instead of a list
  EXPECT_EQ(config.prognos[0].path, base / "in" / "prognos.csv");
  EXPECT_EQ(config.manadsrapport.prognos, "senaste");
}

TEST_F(RunConfigTest, OptionalKeys) {
  keys["forvaltning"] = "\"Socialförvaltningen\"";
  keys["forfattare"] = "\"Controller\"";
  keys["avrundning"] = "\"additiv\"";
  keys["manadsrapport"] = R"({"prognos": "delar"})";
  keys.erase("budget");
  keys.erase("prognos");
  const RunConfig config = load();
  EXPECT_EQ(config.forvaltning, "Socialförvaltningen");
  EXPECT_EQ(config.forfattare, "Controller");
  EXPECT_EQ(config.rounding, RoundingMode::Additive);
  EXPECT_EQ(config.manadsrapport.prognos, "delar");
  EXPECT_TRUE(config.budget.empty());
  EXPECT_TRUE(config.prognos.empty());
}

TEST_F(RunConfigTest, MissingKeyIsNamed) {
  keys.erase("kommun");
  EXPECT_NE(loadError().find("kommun"), std::string::npos);
}

TEST_F(RunConfigTest, MissingOrgIsNamed) {
  keys.erase("org");
  EXPECT_NE(loadError().find("org"), std::string::npos);
}

TEST_F(RunConfigTest, WrongTypeIsNamed) {
  keys["kommun"] = "5";
  EXPECT_NE(loadError().find("kommun"), std::string::npos);
}

TEST_F(RunConfigTest, ReportLevelMustBeAnIntegerWithinTheLevels) {
  keys["org"] = R"({"fil": "org.csv", "nivaer": ["Nämnd", "Ansvar"], "rapportniva": "2"})";
  EXPECT_NE(loadError().find("rapportniva"), std::string::npos);
  keys["org"] = R"({"fil": "org.csv", "nivaer": ["Nämnd", "Ansvar"], "rapportniva": 3})";
  EXPECT_NE(loadError().find("rapportniva"), std::string::npos);
  keys["org"] = R"({"fil": "org.csv", "nivaer": [], "rapportniva": 1})";
  EXPECT_NE(loadError().find("nivaer"), std::string::npos);
}

TEST_F(RunConfigTest, FileThatDoesNotExistIsNamed) {
  keys["kontoplan"] = "\"kontoplan.csv\"";  // relative to konfig/, where there is none
  const std::string message = loadError();
  EXPECT_NE(message.find("kontoplan"), std::string::npos) << message;
  EXPECT_NE(message.find((base / "konfig" / "kontoplan.csv").string()), std::string::npos)
      << message;
}

TEST_F(RunConfigTest, ListedFileThatDoesNotExistIsNamed) {
  keys["huvudbok"] = R"(["../in/huvudbok-2025.csv", "../in/huvudbok-2026.csv"])";
  const std::string message = loadError();
  EXPECT_NE(message.find("huvudbok"), std::string::npos) << message;
  EXPECT_NE(message.find("huvudbok-2026.csv"), std::string::npos) << message;
}

TEST_F(RunConfigTest, TemplatesMustBeAFolder) {
  keys["mallar"] = "\"../kontoplan.csv\"";
  EXPECT_NE(loadError().find("mallar"), std::string::npos);
}

TEST_F(RunConfigTest, UnknownChoicesAreRejected) {
  keys["avrundning"] = "\"uppat\"";
  EXPECT_NE(loadError().find("avrundning"), std::string::npos);
  keys.erase("avrundning");
  keys["manadsrapport"] = R"({"prognos": "forsta"})";
  EXPECT_NE(loadError().find("prognos"), std::string::npos);
  keys.erase("manadsrapport");
  keys["budget"] = R"([{"fil": "../in/budget.csv", "periodisering": "profil"}])";
  EXPECT_NE(loadError().find("budget"), std::string::npos);
  keys["budget"] = "5";
  EXPECT_NE(loadError().find("budget"), std::string::npos);
  keys.erase("budget");
  keys["lager"] = "\"mysql://server/db\"";
  EXPECT_NE(loadError().find("lager"), std::string::npos);
  keys["lager"] = "\"lager.sqlite\"";
  EXPECT_NE(loadError().find("lager"), std::string::npos);
}

TEST_F(RunConfigTest, ServerStoresAreKeptAsWrittenWithTheNamndsScope) {
  keys["lager"] = "\"postgresql:host=db.kommun.se dbname=ekonomi\"";
  RunConfig config = load();
  EXPECT_EQ(config.storeUri, "postgresql:host=db.kommun.se dbname=ekonomi");
  EXPECT_EQ(config.storeScope, config.kommun + "/" + config.namnd);

  keys["lager"] = "\"clickhouse:ch1:8123,ch2:8123/region\"";
  keys["lagerdel"] = "\"1452-socialnamnden\"";
  config = load();
  EXPECT_EQ(config.storeUri, "clickhouse:ch1:8123,ch2:8123/region");
  EXPECT_EQ(config.storeScope, "1452-socialnamnden");

  keys["lagerdel"] = "\"a\\u0000b\"";
  EXPECT_NE(loadError().find("lagerdel"), std::string::npos);
  keys["lagerdel"] = "\"rad\\nbrytning\"";
  EXPECT_NE(loadError().find("styrtecken"), std::string::npos);
}

TEST_F(RunConfigTest, UnreadableOrInvalidJson) {
  EXPECT_THROW(loadRunConfig(dir / "finns-inte.json"), ConfigError);
  testing::writeFile(dir / "trasig.json", "{\"kommun\": ");
  EXPECT_THROW(loadRunConfig(dir / "trasig.json"), ConfigError);
  testing::writeFile(dir / "lista.json", "[1, 2]");
  EXPECT_THROW(loadRunConfig(dir / "lista.json"), ConfigError);
}

// The "avvikelser" block (issue 6): registers, the taxonomy with folded keys, and the limits.
TEST_F(RunConfigTest, AvvikelserBlock) {
  testing::writeFile(dir / "in" / "hsl.csv", "x");
  testing::writeFile(dir / "in" / "sol.xlsx", "x");
  keys["avvikelser"] = R"({
    "handlaggare": "Anna Holm",
    "underskrifter": [{"namn": "Karin Ek", "titel": "SAS"}, {"namn": "Anna Holm", "titel": "MAS"}],
    "register": ["../in/hsl.csv",
                 {"fil": "../in/sol.xlsx", "blad": "Avvikelser", "kolumner": {"lagrum": "Lagstöd"}}],
    "taxonomi": {
      "typ": {"  Avvikelse   HSL ": "avvikelse", "Lex Sarah-rapport": "lex_sarah"},
      "lagrum": {"Socialtjänstlagen": "sol", "Hälso- och sjukvårdslagen": "HSL"},
      "kategori": {"FALLOLYCKA": "Fall/fallolycka", "Läkemedel - ej given dos": " Läkemedel "},
      "handelsetyp": {"Brister i trygghet": "Trygghet"},
      "riktning": {"Inkommande": "till", "Utgående": "fran"},
      "status": {"Anmäld IVO": "Anmäld till IVO"}
    },
    "personer_minst": 3,
    "jamforelsear": 4,
    "underrapportering": {"minst_per_10000_timmar": 2.5},
    "niva": 3
  })";
  const RunConfig config = load();
  const AvvikelserSettings& a = config.avvikelser;
  EXPECT_TRUE(a.present);
  EXPECT_EQ(a.block, "avvikelser");
  EXPECT_EQ(a.handlaggare, "Anna Holm");
  ASSERT_EQ(a.signers.size(), 2u);
  EXPECT_EQ(a.signers[1].title, "MAS");
  ASSERT_EQ(a.registers.size(), 2u);
  EXPECT_EQ(a.registers[0].path, base / "in" / "hsl.csv");
  EXPECT_EQ(a.registers[1].path, base / "in" / "sol.xlsx");
  EXPECT_EQ(a.registers[1].sheet, "Avvikelser");
  ASSERT_EQ(a.registers[1].columns.size(), 1u);
  EXPECT_EQ(a.registers[1].columns[0], (std::pair<std::string, std::string>{"lagrum", "Lagstöd"}));
  // Keys folded: lower case, trimmed, inner spaces collapsed, å/ä/ö kept.
  const AvvikelseTaxonomy& t = a.taxonomy;
  EXPECT_EQ(t.typ, (std::map<std::string, std::string>{{"avvikelse hsl", "avvikelse"},
                                                       {"lex sarah-rapport", "lex_sarah"}}));
  // Report names of lagrum are spelt the report's way whatever the case in the config.
  EXPECT_EQ(t.lagrum, (std::map<std::string, std::string>{{"socialtjänstlagen", "SoL"},
                                                          {"hälso- och sjukvårdslagen", "HSL"}}));
  EXPECT_EQ(t.kategori,
            (std::map<std::string, std::string>{{"fallolycka", "Fall/fallolycka"},
                                                {"läkemedel - ej given dos", "Läkemedel"}}));
  EXPECT_EQ(t.handelsetyp.at("brister i trygghet"), "Trygghet");
  EXPECT_EQ(t.riktning.at("utgående"), "fran");
  EXPECT_EQ(t.status.at("anmäld ivo"), "Anmäld till IVO");
  EXPECT_EQ(a.personThreshold, 3);
  EXPECT_EQ(a.earlierYears, 4);
  EXPECT_DOUBLE_EQ(a.minPerTenThousandHours, 2.5);
  EXPECT_EQ(a.unitLevel, 3);
}

TEST_F(RunConfigTest, AvvikelserDefaults) {
  testing::writeFile(dir / "in" / "hsl.csv", "x");
  EXPECT_FALSE(load().avvikelser.present);
  keys["avvikelser"] = R"({"register": "../in/hsl.csv"})";
  const AvvikelserSettings a = load().avvikelser;
  EXPECT_TRUE(a.present);
  ASSERT_EQ(a.registers.size(), 1u);
  EXPECT_TRUE(a.taxonomy.typ.empty());
  EXPECT_EQ(a.personThreshold, 5);
  EXPECT_EQ(a.earlierYears, 3);
  EXPECT_DOUBLE_EQ(a.minPerTenThousandHours, 0);
  EXPECT_EQ(a.unitLevel, 0);
}

// Short form: only the registers (the bench's generated configs use it).
TEST_F(RunConfigTest, AvvikelserAsAListOfRegisters) {
  testing::writeFile(dir / "in" / "hsl.csv", "x");
  keys["avvikelser"] = R"(["../in/hsl.csv"])";
  const AvvikelserSettings a = load().avvikelser;
  EXPECT_TRUE(a.present);
  ASSERT_EQ(a.registers.size(), 1u);
  EXPECT_EQ(a.registers[0].path, base / "in" / "hsl.csv");
  EXPECT_TRUE(a.taxonomy.kategori.empty());
  EXPECT_EQ(a.personThreshold, 5);
  keys["avvikelser"] = "5";
  EXPECT_TRUE(testing::mentions(loadError(), {"\"avvikelser\"", "ska vara ett objekt"}));
}

TEST_F(RunConfigTest, AvvikelserMistakesNameTheKey) {
  testing::writeFile(dir / "in" / "hsl.csv", "x");
  const auto errorFor = [&](const std::string& block) {
    keys["avvikelser"] = block;
    return loadError();
  };
  EXPECT_TRUE(
      testing::mentions(errorFor(R"({"datum": "2025-08-20"})"), {"avvikelser.register", "saknas"}));
  EXPECT_TRUE(testing::mentions(errorFor(R"({"register": ["../in/finns-inte.csv"]})"),
                                {"avvikelser.register", "finns-inte.csv", "som inte finns"}));
  const std::string reg = R"("register": "../in/hsl.csv", )";
  EXPECT_TRUE(testing::mentions(
      errorFor("{" + reg + R"("taxonomi": {"typ": {"Avvikelse HSL": "incident"}}})"),
      {"avvikelser.taxonomi.typ.Avvikelse HSL", "incident",
       "avvikelse, klagomal, lex_sarah, lex_maria eller extern"}));
  EXPECT_TRUE(
      testing::mentions(errorFor("{" + reg + R"("taxonomi": {"lagrum": {"Skollagen": "SkolL"}}})"),
                        {"avvikelser.taxonomi.lagrum.Skollagen", "SoL, LSS eller HSL"}));
  EXPECT_TRUE(testing::mentions(errorFor("{" + reg + R"("taxonomi": {"riktning": {"In": "in"}}})"),
                                {"avvikelser.taxonomi.riktning.In", "till eller fran"}));
  EXPECT_TRUE(testing::mentions(errorFor("{" + reg + R"("taxonomi": {"kategori": {"Fall": ""}}})"),
                                {"avvikelser.taxonomi.kategori.Fall", "tom"}));
  // Two spellings of one name that disagree.
  EXPECT_TRUE(testing::mentions(
      errorFor("{" + reg + R"("taxonomi": {"kategori": {"Fall": "Fall", "FALL ": "Läkemedel"}}})"),
      {"avvikelser.taxonomi.kategori", "finns redan"}));
  EXPECT_TRUE(testing::mentions(errorFor("{" + reg + R"("taxonomi": {"kategorier": {}}})"),
                                {"avvikelser.taxonomi.kategorier", "okänd"}));
  EXPECT_TRUE(testing::mentions(errorFor("{" + reg + R"("personer_minst": 0})"),
                                {"avvikelser.personer_minst", "mellan 1"}));
  EXPECT_TRUE(testing::mentions(errorFor("{" + reg + R"("personer_minst": 2.5})"),
                                {"avvikelser.personer_minst", "heltal"}));
  EXPECT_TRUE(testing::mentions(errorFor("{" + reg + R"("jamforelsear": 11})"),
                                {"avvikelser.jamforelsear", "mellan 0 och 10"}));
  EXPECT_TRUE(testing::mentions(
      errorFor("{" + reg + R"("underrapportering": {"minst_per_10000_timmar": -1}})"),
      {"avvikelser.underrapportering.minst_per_10000_timmar"}));
  EXPECT_TRUE(testing::mentions(errorFor("{" + reg + R"("niva": 4})"),  // three levels here
                                {"avvikelser.niva", "mellan 1 och 3"}));
  EXPECT_TRUE(testing::mentions(errorFor("[1]"), {"avvikelser", "objekt"}));
}

TEST_F(RunConfigTest, NyckeltalBlockIsReadWithPathsRelativeToTheConfig) {
  testing::writeFile(dir / "konfig" / "egna-nyckeltal.json", "{}");
  testing::writeFile(dir / "in" / "volymer.csv", "x");
  EXPECT_FALSE(load().nyckeltal.present);
  keys["nyckeltal"] = R"({"katalog": "egna-nyckeltal.json", "volymer": "../in/volymer.csv",
    "urval": ["sjukfranvaro", "budgetfoljsamhet"], "mal": {"sjukfranvaro": 6.5, "budgetfoljsamhet": 80}})";
  const NyckeltalConfig n = load().nyckeltal;
  EXPECT_TRUE(n.present);
  ASSERT_TRUE(n.katalog);
  EXPECT_EQ(n.katalog->path, base / "konfig" / "egna-nyckeltal.json");
  EXPECT_EQ(n.katalog->displayName, "egna-nyckeltal.json");
  EXPECT_FALSE(n.grundkatalog);
  ASSERT_TRUE(n.volymer);
  EXPECT_EQ(n.volymer->path, base / "in" / "volymer.csv");
  EXPECT_EQ(n.urval, (std::vector<std::string>{"sjukfranvaro", "budgetfoljsamhet"}));
  EXPECT_EQ(n.mal,
            (std::map<std::string, double>{{"budgetfoljsamhet", 80}, {"sjukfranvaro", 6.5}}));
}

TEST_F(RunConfigTest, NyckeltalMistakesNameTheFileAndKey) {
  const std::string file = (base / "konfig" / "namnd.json").string();
  const auto errorFor = [&](const std::string& block) {
    keys["nyckeltal"] = block;
    return loadError();
  };
  EXPECT_EQ(errorFor(R"({"mal": 6})"),
            file + R"(: "nyckeltal.mal" ska vara ett objekt {"id": mål})");
  EXPECT_EQ(errorFor(R"({"mal": {"sjukfranvaro": "6 %"}})"),
            file + R"(: "nyckeltal.mal.sjukfranvaro" ska vara ett tal (i nyckeltalets enhet))");
  EXPECT_EQ(errorFor(R"({"mal": {"sjukfranvaro": 1e13}})"),
            file + R"(: "nyckeltal.mal.sjukfranvaro" är inget rimligt tal)");
  EXPECT_EQ(
      errorFor(R"({"katalog": 5})"),
      file + R"(: "nyckeltal.katalog" ska vara en filväg (relativ till konfigurationsfilen))");
  EXPECT_EQ(
      errorFor(R"({"grundkatalog": ["a.json"]})"),
      file + R"(: "nyckeltal.grundkatalog" ska vara en filväg (relativ till konfigurationsfilen))");
  EXPECT_TRUE(
      testing::mentions(errorFor(R"({"katalog": "finns-inte.json"})"),
                        {file, "\"nyckeltal.katalog\"", "finns-inte.json", "som inte finns"}));
  EXPECT_EQ(errorFor(R"({"urval": "sjukfranvaro"})"),
            file + R"(: "nyckeltal.urval" ska vara en lista med nyckeltalens id)");
  EXPECT_EQ(errorFor(R"({"urval": ["sjukfranvaro", 3]})"),
            file + R"(: "nyckeltal.urval" element 2 ska vara ett id)");
  EXPECT_EQ(errorFor(R"("egna.json")"), file + R"(: "nyckeltal" ska vara ett objekt)");
  // A misspelt key is refused, not ignored; "_" keys are comments.
  EXPECT_TRUE(testing::mentions(errorFor(R"({"mål": {"sjukfranvaro": 6}})"),
                                {file, "\"nyckeltal.mål\"", "grundkatalog", "urval", "mal"}));
  EXPECT_TRUE(testing::mentions(errorFor(R"({"katalogen": "egna.json"})"),
                                {"\"nyckeltal.katalogen\"", "katalog"}));
  keys["nyckeltal"] = R"({"_kommentar": "egna mål", "mal": {"sjukfranvaro": 6}})";
  EXPECT_EQ(load().nyckeltal.mal, (std::map<std::string, double>{{"sjukfranvaro", 6}}));
}

}  // namespace
}  // namespace namnd
