// Free text from a system reaches a public report only when the config declares its column under
// "publicerbara_kolumner" (core/publication_policy.hpp). On the example kommun: with a column
// taken out of the declaration the report stops with a Swedish error naming the column, the
// input's files as the config lists them, the section, what to add and which part to take out
// of which texts file instead, and output/ is left exactly as it was; with it declared the text
// is in the report, and with that part taken out of a copy of the texts the run passes without
// it. An unknown id is refused with the known ones, and a column without text needs no
// declaration.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/publication_policy.hpp"
#include "core/run_config.hpp"
#include "reports/checks/published_texts.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using testing::contains;
using testing::mentions;

// ---- The check itself ----

// Paths that do not exist: the check names files from the config, it never reads them.
RunConfig configWithLedger() {
  RunConfig config;
  config.configPath = "/kommun/data/namnd.json";
  InputFile ledger;
  ledger.path = "/kommun/data/genererat/huvudbok-2025.csv";
  ledger.displayName = "genererat/huvudbok-2025.csv";
  config.huvudbok.push_back(ledger);
  return config;
}

const ShownIn kTransactions{"Största transaktioner", "transaktioner",
                            "templates/text/manadsrapport.json"};

TEST(RequirePublishable, RefusesUndeclaredFreeTextNamingColumnFileSectionAndRemedy) {
  const auto error = testing::thrown<ConfigError>([] {
    requirePublishable(configWithLedger(), "huvudbok.text", "Lön oktober", kTransactions);
  });
  ASSERT_TRUE(error);
  EXPECT_EQ(std::string(error->what()),
            "Rapporten skulle visa kolumnen text ur huvudboken (genererat/huvudbok-2025.csv) i "
            "avsnittet \"Största transaktioner\", men kolumnen är inte deklarerad som publicerbar. "
            "Lägg till \"huvudbok.text\" i \"publicerbara_kolumner\" i namnd.json om texten får "
            "publiceras, eller ta bort avsnittet \"transaktioner\" ur \"sektioner\" i "
            "templates/text/manadsrapport.json.");
}

TEST(RequirePublishable, NamesEveryFileTheConfigListsForTheInputInItsOrder) {
  RunConfig config = configWithLedger();
  InputFile older;
  older.path = "/kommun/data/genererat/huvudbok-2024.se";
  older.displayName = "genererat/huvudbok-2024.se";
  config.huvudbok.insert(config.huvudbok.begin(), older);
  InputFile prognos;
  prognos.path = "/kommun/data/genererat/prognos-2025.xlsx";
  prognos.displayName = "genererat/prognos-2025.xlsx";
  config.prognos.push_back(prognos);
  EXPECT_TRUE(mentions(testing::thrown<ConfigError>([&] {
                         requirePublishable(config, "huvudbok.motpart", "Firma AB", kTransactions);
                       }),
                       {"kolumnen motpart ur huvudboken (genererat/huvudbok-2024.se, "
                        "genererat/huvudbok-2025.csv) i avsnittet"}));
  EXPECT_TRUE(mentions(testing::thrown<ConfigError>([&] {
                         requirePublishable(
                             config, "prognos.atgard", "Ny rutin",
                             {"Äldreomsorg", "kommentarer", "templates/text/delarsrapport.json"});
                       }),
                       {"kolumnen atgard ur prognosen (genererat/prognos-2025.xlsx) i avsnittet "
                        "\"Äldreomsorg\"",
                        "eller ta bort avsnittet \"kommentarer\" ur \"sektioner\" i "
                        "templates/text/delarsrapport.json."}));
  // An input the config does not list gives no parentheses rather than empty ones.
  EXPECT_TRUE(mentions(testing::thrown<ConfigError>([&] {
                         requirePublishable(
                             config, "budgetram.kommentar", "Ny ram",
                             {"Budgetram", "budgetram", "templates/text/delarsrapport.json"});
                       }),
                       {"kolumnen kommentar ur budgetramsfilen i avsnittet \"Budgetram\""}));
}

TEST(RequirePublishable, PassesDeclaredBlankAndContractColumns) {
  RunConfig config = configWithLedger();
  EXPECT_NO_THROW(requirePublishable(config, "huvudbok.motpart", "", kTransactions));
  EXPECT_NO_THROW(requirePublishable(config, "huvudbok.motpart", " \t ", kTransactions));
  EXPECT_NO_THROW(requirePublishable(config, "org.namn", "Hemtjänsten", kTransactions));
  EXPECT_NO_THROW(requirePublishable(config, "mal.vision", "En trygg kommun", kTransactions));
  EXPECT_THROW(requirePublishable(config, "huvudbok.motpart", "Firma AB", kTransactions),
               ConfigError);
  config.publishableColumns = {"huvudbok.motpart"};
  EXPECT_NO_THROW(requirePublishable(config, "huvudbok.motpart", "Firma AB", kTransactions));
  // Declaring one column of a file does not declare its others.
  EXPECT_THROW(requirePublishable(config, "huvudbok.text", "Lön", kTransactions), ConfigError);
}

// The checks per part name the part's id in "sektioner" and the texts file they are given.
TEST(PublishedTexts, EachPartNamesItsIdInSektioner) {
  const RunConfig config = configWithLedger();
  const std::string manad = "templates/text/manadsrapport.json";
  const std::string delar = "templates/text/delarsrapport.json";

  Table transactions{.id = "transaktioner", .title = "Största transaktioner oktober 2025"};
  const std::vector<LedgerTransaction> rows = {
      {Period(2025, 10), "2100", "5110", "", "", "", "", "", "Grossisten AB", 100}};
  // A table without rows shows none of them.
  EXPECT_NO_THROW(requirePublishableTransactions(rows, transactions, config, manad));
  transactions.rows.push_back(Row{RowKind::Item, 0, {std::string("2100")}});
  EXPECT_TRUE(mentions(
      testing::thrown<ConfigError>(
          [&] { requirePublishableTransactions(rows, transactions, config, manad); }),
      {"kolumnen motpart ur huvudboken", "avsnittet \"Största transaktioner oktober 2025\"",
       "ta bort avsnittet \"transaktioner\" ur \"sektioner\" i " + manad}));

  OrgTree tree;
  tree.add({"SN", "Socialnämnden", "", 1, 1, {}});
  tree.add({"ALD", "Äldreomsorg", "SN", 2, 1, {}});
  tree.add({"2200", "Hemtjänsten", "ALD", 3, 1, {}});
  tree.validate();
  const PrognosSnapshot snapshot{Period(2025, 8), {{"2200", {}, -1, "Två brukare flyttade", ""}}};
  const std::vector<Section> commentary = {
      TextSection{.id = "kommentar_ALD", .title = "Kommentar: Äldreomsorg"}};
  EXPECT_TRUE(mentions(testing::thrown<ConfigError>([&] {
                         requirePublishableChefComments(&snapshot, commentary, tree, 2, config,
                                                        delar);
                       }),
                       {"kolumnen kommentar ur prognosen i avsnittet \"Kommentar: Äldreomsorg\"",
                        "ta bort avsnittet \"kommentarer\" ur \"sektioner\" i " + delar}));
  // Under an area whose section is not made, the comment is not shown.
  EXPECT_NO_THROW(requirePublishableChefComments(&snapshot, {}, tree, 2, config, delar));

  const std::vector<Section> investments = {TextSection{
      .id = "investeringar_kommentar", .title = "Investeringar", .paragraphs = {"Ny bil"}}};
  EXPECT_TRUE(mentions(testing::thrown<ConfigError>([&] {
                         requirePublishableAppendix(investments, "investeringar", config, delar);
                       }),
                       {"kolumnen kommentar ur investeringsfilen i avsnittet \"Investeringar\"",
                        "ta bort avsnittet \"investeringar\" ur \"sektioner\" i " + delar}));
}

TEST(PublicationCatalogue, EveryFreeTextColumnTheReportsShowIsDeclarable) {
  for (const char* id : {"huvudbok.text", "huvudbok.motpart", "huvudbok.vernr", "prognos.kommentar",
                         "prognos.atgard", "investeringar.kommentar", "budgetram.kommentar"}) {
    const PublicationColumn* column = findPublicationColumn(id);
    ASSERT_NE(column, nullptr) << id;
    EXPECT_EQ(column->publication, Publication::Declared) << id;
  }
  for (const char* id : {"org.namn", "kommentarer.text", "investeringar.namn", "mal.vision",
                         "mal.fotnotstext", "budgetram.omrade"}) {
    const PublicationColumn* column = findPublicationColumn(id);
    ASSERT_NE(column, nullptr) << id;
    EXPECT_EQ(column->publication, Publication::ByContract) << id;
  }
  EXPECT_EQ(findPublicationColumn("huvudbok.txt"), nullptr);
}

// ---- The example kommun ----

using Files = std::map<std::string, std::string>;

// Every file under `folder` (the store too), as relative path → bytes.
Files everyFile(const fs::path& folder) {
  Files files;
  if (!fs::exists(folder)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(folder))
    if (entry.is_regular_file())
      files[fs::relative(entry.path(), folder).string()] = testing::readFile(entry.path());
  return files;
}

std::vector<std::string> splitFields(const std::string& line, char separator = ';') {
  std::vector<std::string> fields(1);
  for (const char c : line) {
    if (c == separator)
      fields.emplace_back();
    else if (c != '\r')
      fields.back() += c;
  }
  return fields;
}

class PublicationGuard : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto generated = testing::layOutExampleKommun(dir.path());
    ASSERT_EQ(generated.exitCode, 0) << generated.output;
    declaredLine = declarationLine();
    ASSERT_FALSE(declaredLine.empty()) << "namnd.json declares no publicerbara_kolumner";
  }

  fs::path config() const { return dir / "data" / "exempel" / "namnd.json"; }
  fs::path output() const { return dir / "output"; }

  // The line of namnd.json that holds "publicerbara_kolumner".
  std::string declarationLine() const {
    std::istringstream in(testing::readFile(config()));
    for (std::string line; std::getline(in, line);)
      if (contains(line, "\"publicerbara_kolumner\"")) return line;
    return "";
  }

  // namnd.json with that line replaced by one declaring exactly `ids`.
  void declare(const std::vector<std::string>& ids) {
    std::string list;
    for (const std::string& id : ids) list += (list.empty() ? "\"" : ", \"") + id + "\"";
    std::string text = testing::readFile(config());
    const std::size_t at = text.find(declaredLine);
    ASSERT_NE(at, std::string::npos);
    const std::string line = "  \"publicerbara_kolumner\": [" + list + "],";
    text.replace(at, declaredLine.size(), line);
    declaredLine = line;
    testing::writeFile(config(), text);
  }

  // Every id the example declares but `id`.
  void undeclare(const std::string& id) {
    std::vector<std::string> ids;
    for (const PublicationColumn& column : publicationCatalogue()) {
      const std::string candidate(column.id);
      if (candidate != id && contains(declaredLine, "\"" + candidate + "\""))
        ids.push_back(candidate);
    }
    ASSERT_TRUE(contains(declaredLine, "\"" + id + "\"")) << id << " is not declared";
    declare(ids);
  }

  testing::RunResult manadsrapport() {
    return testing::runNamnd(
        {"manadsrapport", "--config", config().string(), "--period", "202510"});
  }
  testing::RunResult delarsrapport() {
    return testing::runNamnd(
        {"delarsrapport", "--config", config().string(), "--per", "2025-08-31"});
  }

  // The run is refused with `message` (whole, after the prefix) and output/ is untouched.
  void expectRefused(const testing::RunResult& run, const Files& before,
                     std::initializer_list<std::string_view> fragments) {
    EXPECT_EQ(run.exitCode, 1) << run.output;
    EXPECT_TRUE(mentions(run.output, {"Fel i konfigurationen: Rapporten skulle visa kolumnen "}));
    EXPECT_TRUE(mentions(run.output, fragments));
    EXPECT_TRUE(mentions(run.output, {"men kolumnen är inte deklarerad som publicerbar. Lägg till",
                                      "i \"publicerbara_kolumner\" i namnd.json om texten får "
                                      "publiceras, eller ta bort avsnittet \""}));
    EXPECT_EQ(everyFile(output()), before) << "a file under output/ was written or changed";
  }

  // The report's texts (the test's copy of templates/) without the part `id` in "sektioner".
  void removePart(const std::string& report, const std::string& id) {
    const fs::path texts = dir / "templates" / "text" / (report + ".json");
    std::istringstream in(testing::readFile(texts));
    std::string kept;
    bool removed = false;
    for (std::string line; std::getline(in, line);) {
      if (contains(line, "{\"id\": \"" + id + "\"")) {
        removed = true;
        continue;
      }
      kept += line + "\n";
    }
    ASSERT_TRUE(removed) << id << " is not in " << texts;
    testing::writeFile(texts, kept);
  }

  // The section a refusal names: between `i avsnittet "` and `", men`.
  static std::string sectionIn(const std::string& message) {
    const std::string open = "i avsnittet \"";
    const std::size_t from = message.find(open);
    const std::size_t to = message.find("\", men kolumnen");
    if (from == std::string::npos || to == std::string::npos || to < from) return "";
    return message.substr(from + open.size(), to - from - open.size());
  }

  // The names of the org's verksamhetsområden (level 2) in org.csv.
  std::set<std::string> areaNames() const {
    std::set<std::string> names;
    std::istringstream in(testing::readFile(dir / "data" / "exempel" / "org.csv"));
    for (std::string line; std::getline(in, line);) {
      const auto fields = splitFields(line);
      if (fields.size() > 3 && fields[3] == "2") names.insert(fields[1]);
    }
    return names;
  }

  // The column `header` of the data rows of a generated CSV whose first column is `period`.
  std::vector<std::string> csvColumn(const std::string& file, const std::string& header,
                                     const std::string& period = "") const {
    std::istringstream in(testing::readFile(dir / "data" / "exempel" / "genererat" / file));
    std::string first;
    std::getline(in, first);
    if (first.starts_with("\xEF\xBB\xBF")) first.erase(0, 3);
    const auto headers = splitFields(first);
    std::size_t index = headers.size();
    for (std::size_t i = 0; i < headers.size(); ++i)
      if (headers[i] == header) index = i;
    std::vector<std::string> values;
    for (std::string line; std::getline(in, line);) {
      const auto fields = splitFields(line);
      if (index < fields.size() && (period.empty() || fields[0] == period))
        values.push_back(fields[index]);
    }
    return values;
  }

  testing::TempDir dir;
  std::string declaredLine;
};

TEST_F(PublicationGuard, TheExampleDeclaresWhatItsReportsShow) {
  const auto manad = manadsrapport();
  ASSERT_EQ(manad.exitCode, 0) << manad.output;
  const auto delar = delarsrapport();
  ASSERT_EQ(delar.exitCode, 0) << delar.output;

  // The ledger's texts of October are in "Största transaktioner": the largest row of each ansvar
  // is shown, so its text is in the workbook's table.
  const std::vector<std::string> ansvar = csvColumn("huvudbok-2025.csv", "Ansvar", "202510");
  const std::vector<std::string> belopp = csvColumn("huvudbok-2025.csv", "Belopp", "202510");
  const std::vector<std::string> texts = csvColumn("huvudbok-2025.csv", "Text", "202510");
  ASSERT_FALSE(texts.empty());
  ASSERT_EQ(texts.size(), belopp.size());
  std::map<std::string, std::pair<double, std::string>> largest;  // ansvar → |belopp|, text
  for (std::size_t i = 0; i < texts.size(); ++i) {
    std::string amount = belopp[i];
    for (char& c : amount)
      if (c == ',') c = '.';
    const double size = std::abs(std::stod(amount));
    auto& [best, text] = largest[ansvar[i]];
    if (size > best) best = size, text = texts[i];
  }
  std::set<std::string> cells;  // every text cell of the workbook (the table's rows are there)
  const fs::path workbook = output() / "manadsrapport-202510.xlsx";
  for (const std::string& sheet : testing::sheetNames(workbook))
    for (const auto& row : testing::readSheet(workbook, sheet))
      for (const XlsxCell& cell : row) cells.insert(cell.text);
  for (const auto& [code, row] : largest)
    EXPECT_TRUE(cells.contains(row.second)) << code << ": " << row.second;

  // The investment plan's comments are in the delårsrapport.
  const std::string delarHtml = testing::readFile(output() / "delarsrapport-20250831.html");
  const std::vector<std::string> comments = csvColumn("investeringar-2025.csv", "kommentar");
  ASSERT_FALSE(comments.empty());
  for (const std::string& comment : comments)
    if (!comment.empty()) EXPECT_TRUE(contains(delarHtml, comment)) << comment;
}

TEST_F(PublicationGuard, AnUndeclaredLedgerTextStopsTheManadsrapportBeforeAnythingIsWritten) {
  ASSERT_EQ(manadsrapport().exitCode, 0);
  const Files before = everyFile(output());
  ASSERT_TRUE(before.contains("manadsrapport-202510.xlsx"));

  undeclare("huvudbok.text");
  expectRefused(manadsrapport(), before,
                {"Fel i konfigurationen: Rapporten skulle visa kolumnen text ur huvudboken "
                 "(genererat/huvudbok-2024.se, genererat/huvudbok-2025.csv) i avsnittet "
                 "\"Största transaktioner oktober 2025\", men kolumnen är inte deklarerad som "
                 "publicerbar. Lägg till \"huvudbok.text\" i \"publicerbara_kolumner\" i "
                 "namnd.json om texten får publiceras, eller ta bort avsnittet \"transaktioner\" "
                 "ur \"sektioner\" i templates/text/manadsrapport.json.\n"});

  declare({"huvudbok.text", "prognos.kommentar", "prognos.atgard"});
  expectRefused(manadsrapport(), before,
                {"kolumnen vernr ur huvudboken (genererat/huvudbok-2024.se, "
                 "genererat/huvudbok-2025.csv) i avsnittet \"Största transaktioner oktober 2025\"",
                 "Lägg till \"huvudbok.vernr\"",
                 "ta bort avsnittet \"transaktioner\" ur \"sektioner\" i "
                 "templates/text/manadsrapport.json."});
}

// The other way out the message names: without the part in the texts, the ledger's text is not
// shown and needs no declaration.
TEST_F(PublicationGuard, WithoutTheTransactionsPartTheManadsrapportNeedsNoLedgerDeclaration) {
  declare({"prognos.kommentar", "prognos.atgard"});
  ASSERT_EQ(manadsrapport().exitCode, 1);
  removePart("manadsrapport", "transaktioner");
  const auto run = manadsrapport();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  const std::string html = testing::readFile(output() / "manadsrapport-202510.html");
  EXPECT_FALSE(contains(html, "Största transaktioner"));
  EXPECT_TRUE(contains(html, "Ekonomisk uppföljning per verksamhetsområde"));
}

TEST_F(PublicationGuard, AnUndeclaredPrognosCommentStopsTheMonthlyAndTheDelarsrapport) {
  ASSERT_EQ(manadsrapport().exitCode, 0);
  ASSERT_EQ(delarsrapport().exitCode, 0);
  const Files before = everyFile(output());
  const std::string html = testing::readFile(output() / "manadsrapport-202510.html");

  undeclare("prognos.kommentar");
  const auto manad = manadsrapport();
  expectRefused(manad, before,
                {"kolumnen kommentar ur prognosen (genererat/prognos-2024.csv, "
                 "genererat/prognos-2025.xlsx) i avsnittet \"",
                 "Lägg till \"prognos.kommentar\"",
                 "ta bort avsnittet \"kommentarer\" ur \"sektioner\" i "
                 "templates/text/manadsrapport.json."});
  // The section is an area's commentary, as the declared run showed it.
  const std::string section = sectionIn(manad.output);
  EXPECT_TRUE(areaNames().contains(section)) << section;
  EXPECT_TRUE(contains(html, ">" + section + "<")) << section;

  const auto delar = delarsrapport();
  expectRefused(delar, before,
                {"kolumnen kommentar ur prognosen (genererat/prognos-2024.csv, "
                 "genererat/prognos-2025.xlsx) i avsnittet "
                 "\"Kommentar till utfall och prognos: ",
                 "Lägg till \"prognos.kommentar\"",
                 "ta bort avsnittet \"kommentarer\" ur \"sektioner\" i "
                 "templates/text/delarsrapport.json."});
  EXPECT_TRUE(areaNames().contains(
      sectionIn(delar.output).substr(std::string("Kommentar till utfall och prognos: ").size())))
      << delar.output;

  // Without the commentary part in either report's texts, both run without the declaration.
  removePart("manadsrapport", "kommentarer");
  removePart("delarsrapport", "kommentarer");
  const auto manadWithout = manadsrapport();
  EXPECT_EQ(manadWithout.exitCode, 0) << manadWithout.output;
  const auto delarWithout = delarsrapport();
  EXPECT_EQ(delarWithout.exitCode, 0) << delarWithout.output;
}

TEST_F(PublicationGuard, UndeclaredInvestmentAndBudgetramCommentsStopTheDelarsrapport) {
  ASSERT_EQ(delarsrapport().exitCode, 0);
  const Files before = everyFile(output());

  undeclare("investeringar.kommentar");
  expectRefused(delarsrapport(), before,
                {"kolumnen kommentar ur investeringsfilen (genererat/investeringar-2025.csv) i "
                 "avsnittet \"Kommentar till utfall och prognos investeringar\"",
                 "Lägg till \"investeringar.kommentar\"",
                 "ta bort avsnittet \"investeringar\" ur \"sektioner\" i "
                 "templates/text/delarsrapport.json."});

  declare({"huvudbok.text", "huvudbok.vernr", "prognos.kommentar", "prognos.atgard",
           "investeringar.kommentar"});
  expectRefused(delarsrapport(), before,
                {"kolumnen kommentar ur budgetramsfilen (genererat/budgetram-2025.csv) i "
                 "avsnittet \"Förändringar av budgetramen 2025\"",
                 "Lägg till \"budgetram.kommentar\"",
                 "ta bort avsnittet \"budgetram\" ur \"sektioner\" i "
                 "templates/text/delarsrapport.json."});

  // Without both appendix parts in the texts, the run passes with neither declared.
  removePart("delarsrapport", "budgetram");
  removePart("delarsrapport", "investeringar");
  const auto run = delarsrapport();
  EXPECT_EQ(run.exitCode, 0) << run.output;
}

TEST_F(PublicationGuard, AnUnknownIdIsRefusedWithTheKnownOnes) {
  declare({"huvudbok.text", "huvudbok.txt"});
  const auto run = manadsrapport();
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_TRUE(mentions(run.output, {"\"publicerbara_kolumner\" \"huvudbok.txt\" är ingen känd "
                                    "kolumn (kända: huvudbok.text, huvudbok.motpart, "
                                    "huvudbok.vernr, prognos.kommentar, prognos.atgard, "
                                    "investeringar.kommentar, budgetram.kommentar, org.namn"}));
  EXPECT_FALSE(fs::exists(output() / "manadsrapport-202510.html"));
}

TEST_F(PublicationGuard, ALedgerWithoutTextNeedsNoDeclaration) {
  // The ledger of 2025 with its Vernr and Text columns emptied, and the account name after the
  // number in "Konto text" too (the reader takes it as the row's text when there is none).
  const fs::path ledger = dir / "data" / "exempel" / "genererat" / "huvudbok-2025.csv";
  std::istringstream in(testing::readFile(ledger));
  std::string header;
  std::getline(in, header);
  std::string out = header + "\n";
  for (std::string line; std::getline(in, line);) {
    auto fields = splitFields(line);
    ASSERT_EQ(fields.size(), 8u) << line;  // Period … Belopp;Vernr;Text
    fields[2] = fields[2].substr(0, fields[2].find(' '));
    fields[6].clear();
    fields[7].clear();
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? ";" : "") + fields[i];
    out += "\n";
  }
  testing::writeFile(ledger, out);
  declare({"prognos.kommentar", "prognos.atgard"});

  const auto run = manadsrapport();
  EXPECT_EQ(run.exitCode, 0) << run.output;
  EXPECT_TRUE(fs::exists(output() / "manadsrapport-202510.xlsx"));
}

}  // namespace
}  // namespace namnd
