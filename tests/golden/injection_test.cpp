// Injection: text from the inputs and the config reaches the reports only as text. Org names,
// the controller's comments, the enhetschefers' prognos comments and the avvikelse taxonomy's
// names holding <script>, ", &, ' are escaped in the HTML; text cells starting with =, +, -, @
// are strings in the workbook, never formulas (no <f> in the sheet XML holds them); a templates
// folder that is not one ("../../etc") is a config error; config paths are resolved relative to
// the config file, whatever the working directory, and an error shows the resolved path.

#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Zip/ZipArchive.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.hpp"
#include "support/xlsx_fill.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using testing::contains;

// The hostile text, behind a marker that escaping leaves alone.
const std::string kScript = R"(ZQ<script>alert("x")</script> & 'co')";
// The same, escaped as HTML text or attribute (an apostrophe as &apos; or &#39;).
const std::string kScriptEscapedStart =
    "ZQ&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ";
// Texts Excel would take for formulas if they were written as formulas.
const std::vector<std::string> kFormulaLike = {R"(=HYPERLINK("http://x.invalid","klicka"))",
                                               "+46 Plus", "-Minus enhet", "@SUM(A1)"};

// CSV field: quoted, with inner quotes doubled.
std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// Every part of a workbook that is a sheet, inflated: name → XML.
std::vector<std::pair<std::string, std::string>> sheetParts(const fs::path& workbook) {
  std::ifstream in(workbook, std::ios::binary);
  const Poco::Zip::ZipArchive archive(in);
  std::vector<std::pair<std::string, std::string>> parts;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it)
    if (it->second.isFile() && it->first.starts_with("xl/worksheets/sheet"))
      parts.emplace_back(it->first, testing::packagePart(workbook, it->first));
  return parts;
}

// Every text cell of every sheet.
std::vector<std::string> textCells(const fs::path& workbook) {
  std::vector<std::string> texts;
  for (const std::string& sheet : testing::sheetNames(workbook))
    for (const auto& row : testing::readSheet(workbook, sheet))
      for (const auto& cell : row)
        if (cell.type == XlsxCell::Type::Text) texts.push_back(cell.text);
  return texts;
}

// The HTML holds the hostile text only escaped: no raw tag or quote of it anywhere, and every
// place the marker appears continues with the escaped "<" (a shortened chart label included).
::testing::AssertionResult onlyEscaped(const std::string& page) {
  if (contains(page, "<script")) return ::testing::AssertionFailure() << "a raw <script tag";
  if (contains(page, R"(alert("x"))")) return ::testing::AssertionFailure() << "a raw quote";
  if (contains(page, "'co'")) return ::testing::AssertionFailure() << "a raw apostrophe";
  int seen = 0;
  for (std::size_t at = page.find("ZQ"); at != std::string::npos; at = page.find("ZQ", at + 1)) {
    ++seen;
    if (page.compare(at, 6, "ZQ&lt;") != 0)
      return ::testing::AssertionFailure() << "unescaped at: " << page.substr(at, 60);
  }
  if (seen == 0) return ::testing::AssertionFailure() << "the text is not on the page at all";
  if (!contains(page, kScriptEscapedStart + "&apos;co&apos;") &&
      !contains(page, kScriptEscapedStart + "&#39;co&#39;"))
    return ::testing::AssertionFailure() << "the whole escaped text is not on the page";
  return ::testing::AssertionSuccess();
}

// No <f> of any sheet holds one of the formula-like texts, and each is a text cell as written.
void expectNoFormulaFromText(const fs::path& workbook, const std::vector<std::string>& texts) {
  const std::regex formula("<f[^>]*>([^<]*)</f>");
  for (const auto& [part, xml] : sheetParts(workbook))
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), formula);
         it != std::sregex_iterator(); ++it)
      for (const std::string& text : {std::string("HYPERLINK"), std::string("Plus"),
                                      std::string("Minus"), std::string("SUM(A1)")})
        EXPECT_FALSE(contains((*it)[1].str(), text)) << part << ": " << (*it)[0].str();
  const std::vector<std::string> cells = textCells(workbook);
  for (const std::string& text : texts)
    EXPECT_NE(std::find(cells.begin(), cells.end(), text), cells.end())
        << "no text cell holds " << text << " in " << workbook.filename();
}

class FargelandaInjection : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::copyFixture("fargelanda", dir.path());
    // Org names: the hostile text on one area, formula-like texts on others and on an enhet.
    std::string org = testing::readFile(dir / "org.csv");
    replace(org, "NAM;Nämndsverksamhet;", "NAM;" + quoted(kScript) + ";");
    replace(org, "SEK;Sektorchef omsorg;", "SEK;" + quoted(kFormulaLike[0]) + ";");
    replace(org, "OMK;Omsorgskontor;", "OMK;" + kFormulaLike[1] + ";");
    replace(org, "KPV;Kommunal primärvård;", "KPV;" + kFormulaLike[2] + ";");
    replace(org, "2200;Hemtjänsten;", "2200;" + kFormulaLike[3] + ";");
    testing::writeFile(dir / "org.csv", org);
    // The controller's comments and the enhetschefers' prognos comments.
    std::string comments = testing::readFile(dir / "kommentarer-202510.md");
    replace(comments, "## Individ- och familjeomsorg\n",
            "## Individ- och familjeomsorg\n" + kScript + "\n\n- " + kFormulaLike[0] + "\n\n");
    testing::writeFile(dir / "kommentarer-202510.md", comments);
    std::istringstream prognos(testing::readFile(dir / "prognos-2025.csv"));
    std::string rewritten;
    std::string line;
    std::getline(prognos, line);
    rewritten += line + "\n";
    while (std::getline(prognos, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.starts_with("202510;ALD;") || line.starts_with("202510;IFO;"))
        line = line.substr(0, line.rfind(';') + 1) + quoted(kScript + " prognos");
      rewritten += line + "\n";
    }
    testing::writeFile(dir / "prognos-2025.csv", rewritten);
    // A ledger row whose belopp is the hostile text: its rejection quotes it in Kontroller.
    testing::writeFile(dir / "huvudbok-extra.csv",
                       "period;ansvar;konto;belopp\n202503;1100;5110;" + quoted(kScript) + "\n");
    testing::writeFile(dir / "namnd.json", testing::fargelandaConfigHead() + R"(
    "huvudbok": ["huvudbok-2025.csv", "huvudbok-extra.csv"],
  "budget": ["budget-2025.csv"],
  "prognos": ["prognos-2025.csv"],
  "manadsrapport": {"prognos": "senaste", "kommentarer": "kommentarer-202510.md"}
})");
  }

  static void replace(std::string& text, const std::string& from, const std::string& to) {
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  }

  testing::RunResult run(const std::string& command) {
    return testing::runNamnd(
        {command, "--config", (dir / "namnd.json").string(), "--period", "202510"});
  }

  testing::TempDir dir;
};

TEST_F(FargelandaInjection, ManadsrapportEscapesEveryTextAndWritesNoFormulaFromText) {
  const auto result = run("manadsrapport");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const std::string page = testing::readFile(dir / "ut" / "manadsrapport-202510.html");
  EXPECT_TRUE(onlyEscaped(page));
  // The comment and the prognos comment are there, escaped, not only the org name.
  EXPECT_TRUE(contains(page, kScriptEscapedStart + "&apos;co&apos; prognos") ||
              contains(page, kScriptEscapedStart + "&#39;co&#39; prognos"));
  EXPECT_TRUE(contains(page, "=HYPERLINK(&quot;http://x.invalid&quot;"));

  const fs::path workbook = dir / "ut" / "manadsrapport-202510.xlsx";
  expectNoFormulaFromText(workbook, kFormulaLike);
  // The hostile text is a text cell exactly as written (the workbook needs no HTML escaping).
  const std::vector<std::string> cells = textCells(workbook);
  EXPECT_NE(std::find(cells.begin(), cells.end(), kScript), cells.end());
}

TEST_F(FargelandaInjection, KontrollEscapesEveryTextAndWritesNoFormulaFromText) {
  const auto result = run("kontroll");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const std::string page = testing::readFile(dir / "ut" / "kontroll-202510.html");
  EXPECT_TRUE(onlyEscaped(page));
  const fs::path workbook = dir / "ut" / "kontroll-202510.xlsx";
  for (const auto& [part, xml] : sheetParts(workbook)) {
    EXPECT_FALSE(contains(xml, "<f>HYPERLINK")) << part;
    EXPECT_FALSE(contains(xml, "<f>SUM(A1)")) << part;
  }
}

// The avvikelse report shows the taxonomy's names (from the config): a hostile name there is
// escaped too, and a formula-like one stays text.
TEST(AvvikelserInjection, TaxonomyNamesAreEscapedAndStayText) {
  testing::TempDir dir;
  const fs::path exempel = dir / "data" / "exempel";
  const auto generated = testing::layOutExampleKommun(dir.path(), false);
  ASSERT_EQ(generated.exitCode, 0) << generated.output;

  Poco::JSON::Parser parser;
  Poco::JSON::Object::Ptr root =
      parser.parse(testing::readFile(testing::repoPath("data/exempel/namnd.json")))
          .extract<Poco::JSON::Object::Ptr>();
  Poco::JSON::Object::Ptr taxonomy = root->getObject("avvikelser")->getObject("taxonomi");
  int renamed = 0;
  for (const char* group : {"kategori", "handelsetyp"}) {
    Poco::JSON::Object::Ptr names = taxonomy->getObject(group);
    std::vector<std::string> keys;
    names->getNames(keys);
    for (const std::string& key : keys) {
      const std::string target = names->getValue<std::string>(key);
      if (target == "Fall/fallolycka") names->set(key, kScript), ++renamed;
      if (target == "Läkemedel") names->set(key, kFormulaLike[0]), ++renamed;
      if (target == "Omsorg") names->set(key, kFormulaLike[3]), ++renamed;
    }
  }
  ASSERT_GE(renamed, 3);
  std::ostringstream json;
  root->stringify(json, 2);
  testing::writeFile(exempel / "namnd.json", json.str());

  const auto result = testing::runNamnd(
      {"avvikelser", "--config", (exempel / "namnd.json").string(), "--period", "2025H1"});
  ASSERT_EQ(result.exitCode, 0) << result.output;
  const std::string page = testing::readFile(dir / "output" / "avvikelser-2025H1.html");
  EXPECT_TRUE(onlyEscaped(page));
  expectNoFormulaFromText(dir / "output" / "avvikelser-2025H1.xlsx",
                          {kScript, kFormulaLike[0], kFormulaLike[3]});
}

class ConfigPaths : public ::testing::Test {
 protected:
  void SetUp() override { testing::copyFixture("fargelanda", dir / "konfig"); }
  void writeConfig(const std::string& templates, const std::string& kontoplan = "kontoplan.csv") {
    testing::writeFile(dir / "konfig" / "namnd.json", R"({
  "kommun": "K", "namnd": "N", "lager": "sqlite:lager.sqlite", "utdata": "ut",
  "publicerbara_kolumner": ["huvudbok.text", "prognos.kommentar", "prognos.atgard"],
  "mallar": ")" + templates + R"(",
  "org": {"fil": "org.csv", "nivaer": ["Nämnd", "Verksamhetsområde", "Enhet"], "rapportniva": 2},
  "kontoplan": ")" + kontoplan + R"(",
  "huvudbok": ["huvudbok-2025.csv"],
  "budget": ["budget-2025.csv"]
})");
  }
  testing::RunResult report() {
    return testing::runNamnd({"manadsrapport", "--config", (dir / "konfig" / "namnd.json").string(),
                              "--period", "202510"});
  }
  testing::TempDir dir;
};

TEST_F(ConfigPaths, ATemplatesFolderOutsideTheTemplatesIsAConfigError) {
  // From <tmp>/namnd-test-…/konfig, "../../../etc" is /etc: a folder, but no templates.
  writeConfig("../../../etc");
  const auto run = report();
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_TRUE(testing::mentions(run.output, {"Fel i konfigurationen", "mallar", "/etc"}));
  EXPECT_FALSE(fs::exists(dir / "konfig" / "ut" / "manadsrapport-202510.html"));
  EXPECT_FALSE(fs::exists(dir / "konfig" / "ut" / "manadsrapport-202510.xlsx"));
}

TEST_F(ConfigPaths, ATemplatesFolderWithoutItsPageTemplateIsAConfigError) {
  fs::create_directories(dir / "tom" / "html");
  writeConfig("../tom");
  const auto run = report();
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_TRUE(testing::mentions(run.output, {"Fel i konfigurationen", "mallar",
                                             (dir / "tom").string(), "document.mustache"}));
  EXPECT_FALSE(fs::exists(dir / "konfig" / "ut" / "manadsrapport-202510.html"));
}

TEST_F(ConfigPaths, PathsAreRelativeToTheConfigFileNotTheWorkingDirectory) {
  // The templates copied beside the config, named relatively; the binary runs from the test's
  // working directory (the build folder), not from the config's.
  fs::copy(testing::repoPath("templates"), dir / "mallar", fs::copy_options::recursive);
  writeConfig("../mallar");
  ASSERT_NE(fs::current_path(), dir / "konfig");
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_TRUE(fs::is_regular_file(dir / "konfig" / "ut" / "manadsrapport-202510.html"));
  EXPECT_TRUE(fs::is_regular_file(dir / "konfig" / "lager.sqlite"));

  // A missing file is named with the path it was resolved to.
  writeConfig("../mallar", "../saknas/kontoplan.csv");
  const auto missing = report();
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_TRUE(testing::mentions(missing.output, {"Fel i konfigurationen", "kontoplan",
                                                 (dir / "saknas" / "kontoplan.csv").string()}));
}

}  // namespace
}  // namespace namnd
