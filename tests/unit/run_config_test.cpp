#include "core/run_config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

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
    testing::writeFile(dir / "konfig" / "org.csv", "kod;namn;foralder;niva\nSN;S;;1\n");
    testing::writeFile(dir / "kontoplan.csv", "konto_fran;konto_till;rad\n3;3;Intäkter\n");
    testing::writeFile(dir / "in" / "huvudbok-2024.csv", "x");
    testing::writeFile(dir / "in" / "huvudbok-2025.csv", "x");
    testing::writeFile(dir / "in" / "budget.csv", "x");
    testing::writeFile(dir / "in" / "prognos.csv", "x");
    fs::create_directories(dir / "mallar");
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
  keys["lager"] = "\"postgresql://server/db\"";
  EXPECT_NE(loadError().find("lager"), std::string::npos);
}

TEST_F(RunConfigTest, UnreadableOrInvalidJson) {
  EXPECT_THROW(loadRunConfig(dir / "finns-inte.json"), ConfigError);
  testing::writeFile(dir / "trasig.json", "{\"kommun\": ");
  EXPECT_THROW(loadRunConfig(dir / "trasig.json"), ConfigError);
  testing::writeFile(dir / "lista.json", "[1, 2]");
  EXPECT_THROW(loadRunConfig(dir / "lista.json"), ConfigError);
}

}  // namespace
}  // namespace namnd
