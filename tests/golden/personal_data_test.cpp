// Personal data never reaches a report. A personnummer in any text that would be shown — a ledger
// row's text in the drill-down, an enhetschef's prognos comment, an org name, the controller's
// comments — stops the run before anything is written, with a Swedish error that names the
// source file and row and shows the number masked. And on the example kommun: not one byte of
// any report holds an identifier (avvikelse id, patient or brukare id, ärendenummer) or a
// free-text description of the avvikelse registers.

#include <gtest/gtest.h>

#include <Poco/Zip/ZipArchive.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "reports/checks/personal_data_guard.hpp"
#include "support/test_support.hpp"
#include "support/xlsx_fill.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using testing::contains;

// Skatteverket's test person Tolvan Tolvansson: 19121212-1212 (a valid control digit).
TEST(PersonnummerDetector, FindsEveryWrittenForm) {
  for (const char* text : {"Lön 19121212-1212 Tolvan", "121212-1212", "ref 121212+1212.",
                           "191212121212", "OCR 1212121212", "samordningsnummer 701063-2391"}) {
    const auto found = findPersonnummer(text);
    ASSERT_TRUE(found) << text;
  }
  EXPECT_EQ(findPersonnummer("Lön 19121212-1212 Tolvan"), std::string("1212121212"));
  EXPECT_EQ(findPersonnummer("191212121212"), std::string("1212121212"));
  EXPECT_EQ(findPersonnummer("701063-2391"), std::string("7010632391"));
  EXPECT_EQ(maskedPersonnummer("1212121212"), "121212-****");
}

TEST(PersonnummerDetector, LeavesNumbersThatAreNoPersonnummerAlone) {
  for (const char* text :
       {"Ack utfall 202510", "2025-10-31", "173 605 400,00", "LF25016896", "V2025-0001",
        "Org.nr 556036-0793",      // an organisationsnummer: the "month" is 60
        "Färgelanda 212000-1520",  // a kommun's organisationsnummer
        "OCR 1212121213",          // ten digits, wrong control digit
        "12121212121212",          // fourteen digits
        "131312-1212",             // month 13
        "121200-1212",             // day 0
        "Faktura 2025103112"})     // a date and a number, no control digit
    EXPECT_FALSE(findPersonnummer(text)) << text;
}

std::map<std::string, std::string> snapshot(const fs::path& folder) {
  std::map<std::string, std::string> files;
  if (!fs::exists(folder)) return files;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file())
      files[entry.path().filename().string()] = testing::readFile(entry.path());
  return files;
}

class PersonnummerInInput : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::copyFixture("fargelanda", dir.path());
    testing::writeFile(dir / "namnd.json", testing::fargelandaConfigHead() + R"(
    "huvudbok": ["huvudbok-2025.csv"],
  "budget": ["budget-2025.csv"],
  "prognos": ["prognos-2025.csv"],
  "manadsrapport": {"prognos": "senaste", "kommentarer": "kommentarer-202510.md"}
})");
    const auto good = report();
    EXPECT_EQ(good.exitCode, 0) << good.output;
    before = snapshot(dir / "ut");
    EXPECT_EQ(before.size(), 2u);
  }

  testing::RunResult report(const std::string& command = "manadsrapport") {
    return testing::runNamnd(
        {command, "--config", (dir / "namnd.json").string(), "--period", "202510"});
  }

  // Appends `line` to a file and returns its line number there.
  std::int64_t appendLine(const std::string& file, const std::string& line) {
    std::string text = testing::readFile(dir / file);
    if (!text.empty() && text.back() != '\n') text += "\n";
    text += line + "\n";
    testing::writeFile(dir / file, text);
    return std::count(text.begin(), text.end(), '\n');
  }

  // The run is refused with the file and line, the number masked, and nothing written.
  void expectRefused(const testing::RunResult& run, const std::string& fileAndLine,
                     const std::string& placeInReport) {
    EXPECT_EQ(run.exitCode, 1) << run.output;
    EXPECT_TRUE(
        testing::mentions(run.output, {"Fel i indata: " + fileAndLine + ": ",
                                       "ser ut att innehålla ett personnummer (121212-****)",
                                       placeInReport, "ingen fil har skrivits"}));
    EXPECT_FALSE(contains(run.output, "121212-1212"));
    EXPECT_FALSE(contains(run.output, "1212121212"));
    EXPECT_EQ(snapshot(dir / "ut"), before) << "a report was written or changed";
  }

  testing::TempDir dir;
  std::map<std::string, std::string> before;
};

TEST_F(PersonnummerInInput, ALedgerTextInTheDrillDownStopsTheRun) {
  // The largest transaction of October on Hemtjänsten: it is in the drill-down.
  const auto line =
      appendLine("huvudbok-2025.csv", "202510;2200;5110;9999999,00;Lön 19121212-1212");
  expectRefused(report(), "huvudbok-2025.csv rad " + std::to_string(line), "Största transaktioner");
}

TEST_F(PersonnummerInInput, APrognosCommentStopsTheRun) {
  std::istringstream in(testing::readFile(dir / "prognos-2025.csv"));
  std::string out;
  std::int64_t number = 0;
  std::int64_t changed = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.starts_with("202510;ALD;")) {
      line = line.substr(0, line.rfind(';') + 1) + "Avser brukare 121212-1212";
      changed = number;
    }
    out += line + "\n";
  }
  ASSERT_GT(changed, 0);
  testing::writeFile(dir / "prognos-2025.csv", out);
  expectRefused(report(), "prognos-2025.csv rad " + std::to_string(changed), "");
}

TEST_F(PersonnummerInInput, AnOrgNameStopsTheRun) {
  std::string org = testing::readFile(dir / "org.csv");
  const std::string from = "2200;Hemtjänsten;";
  const std::size_t at = org.find(from);
  ASSERT_NE(at, std::string::npos);
  const auto line =
      std::count(org.begin(), org.begin() + static_cast<std::ptrdiff_t>(at), '\n') + 1;
  org.replace(at, from.size(), "2200;Hemtjänsten 1212121212;");
  testing::writeFile(dir / "org.csv", org);
  expectRefused(report(), "org.csv rad " + std::to_string(line), "");
  // The prognosunderlag names the unit in its title: the message masks it there too.
  expectRefused(report("prognosunderlag"), "org.csv rad " + std::to_string(line),
                "Prognosunderlag Hemtjänsten 121212-****");
}

TEST_F(PersonnummerInInput, TheControllersCommentStopsTheRun) {
  appendLine("kommentarer-202510.md", "");
  const auto line = appendLine("kommentarer-202510.md", "Gäller 121212+1212.");
  expectRefused(report(), "kommentarer-202510.md rad " + std::to_string(line), "");
}

TEST_F(PersonnummerInInput, NumbersThatOnlyLookAlikePass) {
  appendLine("huvudbok-2025.csv", "202510;2200;5110;9999999,00;Faktura LF25016896 556036-0793");
  const auto run = report();
  EXPECT_EQ(run.exitCode, 0) << run.output;
}

// ---- The example kommun: no register identifier or free text in any report byte ----

// The fields of one CSV line (';', RFC 4180 quotes).
std::vector<std::string> csvFields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ';' && !quoted) {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

// Every inflated part of a workbook.
std::string allParts(const fs::path& workbook) {
  std::ifstream in(workbook, std::ios::binary);
  const Poco::Zip::ZipArchive archive(in);
  std::string text;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it)
    if (it->second.isFile()) text += testing::packagePart(workbook, it->first) + "\n";
  return text;
}

// The words of a text: runs of letters, digits and '-' (so "AV-2022-0001" is one).
std::unordered_set<std::string> words(const std::string& text) {
  std::unordered_set<std::string> found;
  std::string word;
  for (const char c : text) {
    const bool part =
        (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-';
    if (part) {
      word += c;
    } else if (!word.empty()) {
      found.insert(word);
      word.clear();
    }
  }
  if (!word.empty()) found.insert(word);
  return found;
}

// The text a reader sees: every text node of a page, and of a workbook part only the strings
// (<t> elements), not the <v> values of number cells (an hour count may equal a numeric id).
std::string shownText(const std::string& markup, bool onlyStrings) {
  std::string text;
  for (std::size_t open = markup.find('<'); open != std::string::npos;) {
    const std::size_t close = markup.find('>', open);
    if (close == std::string::npos) break;
    const std::size_t next = markup.find('<', close);
    const bool stringElement =
        markup.compare(open, 3, "<t>") == 0 || markup.compare(open, 3, "<t ") == 0;
    if (!onlyStrings || stringElement) text += markup.substr(close + 1, next - close - 1) + "\n";
    open = next;
  }
  return text;
}

std::string escapedForXml(const std::string& text, const char* apostrophe) {
  std::string out;
  for (const char c : text) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '"')
      out += "&quot;";
    else if (c == '\'')
      out += apostrophe;
    else
      out += c;
  }
  return out;
}

TEST(ExampleKommunPrivacy, NoRegisterIdentifierOrFreeTextInAnyOutputByte) {
  testing::TempDir dir;
  const fs::path exempel = dir / "data" / "exempel";
  const auto generated = testing::layOutExampleKommun(dir.path());
  ASSERT_EQ(generated.exitCode, 0) << generated.output;

  // The registers' identifiers and free texts, read from the files here.
  std::set<std::string> identifiers;  // whole words: Avvikelse-ID, Patient-ID, Ärendenr, Brukar-ID
  std::set<std::string> freeTexts;    // Beskrivning
  {
    std::istringstream in(testing::readFile(exempel / "genererat" / "avvikelser-hsl.csv"));
    std::string line;
    std::getline(in, line);
    const auto header = csvFields(line);
    ASSERT_GE(header.size(), 16u);
    ASSERT_TRUE(header[0].ends_with("Avvikelse-ID"));
    ASSERT_EQ(header[7], "Patient-ID");
    ASSERT_EQ(header[15], "Beskrivning");
    while (std::getline(in, line)) {
      const auto fields = csvFields(line);
      if (fields.size() < 16) continue;
      for (const int id : {0, 7})
        if (!fields[id].empty()) identifiers.insert(fields[id]);
      if (!fields[15].empty()) freeTexts.insert(fields[15]);
    }
  }
  const auto rows =
      testing::readSheet(exempel / "genererat" / "avvikelser-sol-lss.xlsx", "Avvikelser");
  ASSERT_GT(rows.size(), 100u);
  ASSERT_EQ(rows[3][0].text, "Ärendenr");
  ASSERT_EQ(rows[3][9].text, "Brukar-ID");
  ASSERT_EQ(rows[3][10].text, "Beskrivning");
  for (std::size_t r = 4; r < rows.size(); ++r) {
    if (rows[r].size() > 0 && !rows[r][0].text.empty()) identifiers.insert(rows[r][0].text);
    if (rows[r].size() > 9 && !rows[r][9].text.empty()) identifiers.insert(rows[r][9].text);
    if (rows[r].size() > 10 && !rows[r][10].text.empty()) freeTexts.insert(rows[r][10].text);
  }
  ASSERT_GT(identifiers.size(), 3000u);
  ASSERT_GT(freeTexts.size(), 10u);

  // Every report of the example run (as `make report` writes them), and the year's avvikelser.
  const std::string config = (exempel / "namnd.json").string();
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"prognosunderlag", "--config", config, "--period", "202510"},
           {"manadsrapport", "--config", config, "--period", "202510"},
           {"delarsrapport", "--config", config, "--per", "2025-08-31"},
           {"avvikelser", "--config", config, "--period", "2025H1"},
           {"avvikelser", "--config", config, "--period", "2025"},
           {"kontroll", "--config", config, "--period", "202510"}}) {
    const auto run = testing::runNamnd(args);
    ASSERT_EQ(run.exitCode, 0) << args[0] << ": " << run.output;
  }
  std::string bytes;  // every byte: the files as written and their inflated parts
  std::string shown;  // the text nodes among them
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(dir / "output")) {
    if (!entry.is_regular_file()) continue;
    if (*fs::relative(entry.path(), dir / "output").begin() == "lager") continue;
    ++files;
    const std::string file = testing::readFile(entry.path());
    bytes += file + "\n";
    if (entry.path().extension() == ".xlsx") {
      const std::string parts = allParts(entry.path());
      bytes += parts + "\n";
      shown += shownText(parts, true);
    } else {
      shown += shownText(file, false);
    }
  }
  ASSERT_GE(files, 10);
  ASSERT_GT(bytes.size(), 500'000u);

  // An id with a letter is looked for among all the words of all bytes; an id of digits only
  // among the words of the shown text (a number cell's value may equal it by chance).
  const auto everyWord = words(bytes);
  const auto shownWords = words(shown);
  ASSERT_GT(shownWords.size(), 1000u);
  for (const std::string& id : identifiers) {
    const bool digitsOnly = id.find_first_not_of("0123456789") == std::string::npos;
    EXPECT_FALSE((digitsOnly ? shownWords : everyWord).contains(id))
        << "the identifier " << id << " is in an output";
  }
  for (const std::string& text : freeTexts) {
    EXPECT_FALSE(contains(bytes, text)) << text;
    EXPECT_FALSE(contains(bytes, escapedForXml(text, "&apos;"))) << text;
    EXPECT_FALSE(contains(bytes, escapedForXml(text, "&#39;"))) << text;
  }
}

}  // namespace
}  // namespace namnd
