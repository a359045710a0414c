// `namnd avvikelser` end to end on a copy of the example kommun (data/exempel, its registers
// written by `namnd exempeldata`) with an "avvikelser" block in the copied config: the outputs
// are written, no free text and no person pseudonym of the input reaches any byte of them
// (DESIGN.md: free-text and personal fields never reach an output), and a category the
// taxonomy lacks stops the run with the Swedish list before anything is written.

#include <gtest/gtest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Zip/ZipArchive.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_support.hpp"
#include "support/xlsx_fill.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using testing::contains;
using testing::mentions;
using testing::TempDir;

// The example's taxonomy and tjänsteskrivelse, as the integrator adds them to namnd.json.
const char* const kAvvikelserBlock = R"({
  "handlaggare": "Anna Holm",
  "handlaggare_titel": "Medicinskt ansvarig sjuksköterska",
  "datum": "2025-08-20",
  "diarienummer": "SN 2025/112",
  "beslutsunderlag": ["Tjänsteskrivelse i ärendet daterad {datum}",
                      "Sammanställning av avvikelser {period_text}"],
  "forslag_till_beslut": "Socialnämnden godkänner redovisningen av avvikelser för {period_text}.",
  "underskrifter": [{"namn": "Karin Ek", "titel": "Socialt ansvarig samordnare"},
                    {"namn": "Anna Holm", "titel": "Medicinskt ansvarig sjuksköterska"}],
  "register": ["genererat/avvikelser-hsl.csv",
               {"fil": "genererat/avvikelser-sol-lss.xlsx", "blad": "Avvikelser",
                "kolumner": {"lagrum": "Lagstöd"}}],
  "taxonomi": {
    "typ": {"Avvikelse HSL": "avvikelse", "Avvikelse": "avvikelse",
            "Klagomål/synpunkt": "klagomal", "Synpunkt/klagomål": "klagomal",
            "Klagomål": "klagomal", "Lex Maria": "lex_maria", "Lex Sarah-rapport": "lex_sarah",
            "Extern avvikelse": "extern"},
    "lagrum": {"Socialtjänstlagen": "SoL", "Lag om stöd och service": "LSS"},
    "kategori": {"Fall": "Fall/fallolycka", "Fallolycka": "Fall/fallolycka",
                 "Läkemedelshantering": "Läkemedel", "Läkemedel - ej given dos": "Läkemedel",
                 "Läkemedel - saknad signering": "Läkemedel",
                 "Medicinteknisk produkt": "Medicinteknisk produkt/Rehab",
                 "Hjälpmedel": "Medicinteknisk produkt/Rehab",
                 "Informationsöverföring": "Informationshantering internt",
                 "Dokumentation och information": "Informationshantering internt"},
    "handelsetyp": {"Brister i trygghet": "Trygghet",
                    "Brister i larm och telefoni": "Larm och telefoni",
                    "Brister i personlig omsorg": "Omsorg", "Brister i omsorg": "Omsorg",
                    "Utebliven insats": "Insats ej utförd",
                    "Insats ej utförd": "Insats ej utförd",
                    "Dubbelbemanning ej genomförd": "Dubbelbemanning",
                    "Ej upprättad genomförandeplan": "Ej upprättad genomförandeplan",
                    "Brister i dokumentation": "Dokumentation",
                    "Brister i bemötande": "Bemötande och förhållningssätt",
                    "Felaktig avgift": "Avgifter och ersättningar",
                    "Brister i handläggning": "Handläggning",
                    "Beslut utan delegation": "Beslut utan delegation",
                    "Felaktigt utlämnad uppgift": "Sekretess"},
    "riktning": {"Inkommande": "till", "Utgående": "fran"},
    "status": {"Utredning pågår": "Under utredning", "Anmäld till IVO": "Anmäld till IVO",
               "Anmäld IVO": "Anmäld till IVO", "Avslutad utan anmälan": "Avslutad",
               "Avslutad hos IVO": "Avslutad"}
  },
  "personer_minst": 5,
  "jamforelsear": 3,
  "underrapportering": {"minst_per_10000_timmar": 1},
  "niva": 4
})";

// Markers put into the input: ASCII, so that no escaping in XML or HTML could hide them.
constexpr const char* kFreeTextMarker = "FRITEXTMARKER";
constexpr const char* kPersonMarker = "PERSONMARKER";
// Put before every id of both registers: an id identifies a report about a person.
constexpr const char* kIdMarker = "IDMARKER";

// data/exempel laid out as in the repository (the config's relative paths stay valid), with
// the generated inputs written by the binary and the config given an "avvikelser" block.
class AvvikelserCli : public ::testing::Test {
 protected:
  AvvikelserCli() {
    const auto generated = testing::layOutExampleKommun(dir.path(), false);
    EXPECT_EQ(generated.exitCode, 0) << generated.output;

    Poco::JSON::Parser parser;
    Poco::JSON::Object::Ptr root =
        parser.parse(testing::readFile(testing::repoPath("data/exempel/namnd.json")))
            .extract<Poco::JSON::Object::Ptr>();
    Poco::JSON::Parser blockParser;
    root->set("avvikelser", blockParser.parse(kAvvikelserBlock));
    std::ostringstream json;
    root->stringify(json, 2);
    testing::writeFile(config(), json.str());
  }

  fs::path config() const { return exempel / "namnd.json"; }
  fs::path output() const { return dir / "output"; }
  fs::path hslCsv() const { return exempel / "genererat" / "avvikelser-hsl.csv"; }
  fs::path solXlsx() const { return exempel / "genererat" / "avvikelser-sol-lss.xlsx"; }

  testing::RunResult run(const std::string& period) {
    return testing::runNamnd({"avvikelser", "--config", config().string(), "--period", period});
  }

  // Every avvikelser-* file in the output folder.
  std::vector<fs::path> reports() const {
    std::vector<fs::path> found;
    if (!fs::exists(output())) return found;
    for (const auto& entry : fs::directory_iterator(output()))
      if (entry.path().filename().string().starts_with("avvikelser-"))
        found.push_back(entry.path());
    return found;
  }

  TempDir dir;
  fs::path exempel = dir / "data" / "exempel";
};

// The lines of the HSL export with `edit` applied to the fields of each data row (0-based row
// index, fields split at ';'; the last field, Beskrivning, may itself hold ';' and is kept whole).
template <typename Edit>
void editHslCsv(const fs::path& file, Edit edit) {
  std::istringstream in(testing::readFile(file));
  std::string out;
  std::string line;
  std::getline(in, line);
  out += line + "\n";
  for (int row = 0; std::getline(in, line); ++row) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (int i = 0; i < 15; ++i) {
      const std::size_t semicolon = line.find(';', start);
      fields.push_back(line.substr(start, semicolon - start));
      start = semicolon + 1;
    }
    fields.push_back(line.substr(start));
    edit(row, fields);
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? ";" : "") + fields[i];
    out += "\n";
  }
  testing::writeFile(file, out);
}

// Every part of a workbook, inflated, one after another.
std::string allParts(const fs::path& workbook) {
  std::ifstream in(workbook, std::ios::binary);
  const Poco::Zip::ZipArchive archive(in);
  std::string text;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it)
    if (it->second.isFile()) text += testing::packagePart(workbook, it->first) + "\n";
  return text;
}

// How many rows of the SoL/LSS workbook have a registration date (an Excel serial) in
// [from, to]: counted from the file itself, independently of the reader.
int solRowsRegistered(const fs::path& xlsx, double fromSerial, double toSerial) {
  int count = 0;
  const auto rows = testing::readSheet(xlsx, "Avvikelser");
  for (std::size_t r = 4; r < rows.size(); ++r)
    if (rows[r].size() > 1 && rows[r][1].number >= fromSerial && rows[r][1].number <= toSerial)
      ++count;
  return count;
}

TEST_F(AvvikelserCli, WritesTheReportForAHalfYearAndForAYear) {
  const auto half = run("2025H1");
  ASSERT_EQ(half.exitCode, 0) << half.output;
  EXPECT_TRUE(fs::is_regular_file(output() / "avvikelser-2025H1.xlsx"));
  EXPECT_TRUE(fs::is_regular_file(output() / "avvikelser-2025H1.html"));
  EXPECT_TRUE(testing::mentions(half.output, {"avvikelser-2025H1.xlsx", "avvikelser-2025H1.html"}));

  // The Översikt's "Totalt Halvår 2025" (avvikelser, synpunkter och klagomål and lex Sarah
  // under SoL and LSS), counted from the workbook here (2025-01-01 = serial 45658, 2025-06-30
  // = 45838), is a number in the report's workbook.
  const int total = solRowsRegistered(solXlsx(), 45658, 45838);
  ASSERT_GT(total, 80);
  bool found = false;
  for (const std::string& sheet : testing::sheetNames(output() / "avvikelser-2025H1.xlsx"))
    for (const auto& row : testing::readSheet(output() / "avvikelser-2025H1.xlsx", sheet))
      for (const auto& cell : row)
        found = found || (cell.type == XlsxCell::Type::Number && cell.number == total);
  EXPECT_TRUE(found) << "no cell holds the total " << total;

  const auto year = run("2025");
  ASSERT_EQ(year.exitCode, 0) << year.output;
  EXPECT_TRUE(fs::is_regular_file(output() / "avvikelser-2025.xlsx"));
  EXPECT_TRUE(fs::is_regular_file(output() / "avvikelser-2025.html"));

  // The config's texts name the period of the run, not a fixed half-year.
  const std::string halfPage = testing::readFile(output() / "avvikelser-2025H1.html");
  const std::string yearPage = testing::readFile(output() / "avvikelser-2025.html");
  EXPECT_TRUE(
      contains(halfPage, "godkänner redovisningen av avvikelser för första halvåret 2025."));
  EXPECT_TRUE(contains(yearPage, "godkänner redovisningen av avvikelser för år 2025."));
  EXPECT_TRUE(contains(yearPage, "Sammanställning av avvikelser år 2025"));
  EXPECT_TRUE(contains(yearPage, "daterad 2025-08-20"));
  for (const std::string* page : {&halfPage, &yearPage}) EXPECT_FALSE(contains(*page, "Halvår 2 "));
  // The half-year compares with the same half-year, named as such.
  EXPECT_TRUE(contains(halfPage, "(första halvåret 2024, "));
  EXPECT_FALSE(contains(halfPage, "(år 2024,"));
  // Nattpatrull moves from one verksamhet to another in July 2025 (data/exempel/org.csv): the
  // year's report compares enheter over 2023–2025 and says so; the first half-year has no move.
  EXPECT_TRUE(contains(yearPage, "Nattpatrull har flyttats från"));
  EXPECT_FALSE(contains(halfPage, "har flyttats från"));
  // Within 2025 too, so the year's per-enhet table counts all its reports in its new place and
  // says so; the first half-year is before the move.
  EXPECT_TRUE(contains(yearPage, "Nattpatrull flyttades under perioden från"));
  EXPECT_FALSE(contains(halfPage, "flyttades under perioden"));
}

// The data lines of a CSV file, counted here from the file itself.
int csvDataLines(const fs::path& file) {
  std::istringstream in(testing::readFile(file));
  std::string line;
  int lines = -1;  // the header
  while (std::getline(in, line))
    if (!line.empty() && line != "\r") ++lines;
  return lines;
}

TEST_F(AvvikelserCli, PrintsPerRegisterWhatWasReadCountedLateAndUnplaced) {
  const auto half = run("2025H1");
  ASSERT_EQ(half.exitCode, 0) << half.output;
  const int hslRows = csvDataLines(hslCsv());
  ASSERT_GT(hslRows, 100);
  std::string rows = std::to_string(hslRows);  // grouped as Swedish text: "1 234"
  if (hslRows >= 1000) rows.insert(rows.size() - 3, " ");
  EXPECT_TRUE(mentions(half.output, {"Inläst avvikelseregister: genererat/avvikelser-hsl.csv (" +
                                     rows + " rader; "}))
      << half.output;
  EXPECT_TRUE(mentions(
      half.output,
      {"Inläst avvikelseregister: genererat/avvikelser-sol-lss.xlsx (", " räknas i 2025H1, ",
       " är registrerade efter periodens slut", " kan inte placeras i organisationen"}))
      << half.output;
  // The basis of the under-reporting signal (this config's short form: arbetade timmar).
  EXPECT_TRUE(
      mentions(half.output, {"Underlag för underrapportering: arbetade timmar ur hr-indata"}));
  // The SoL/LSS export has no fall columns: the reader says which it lacks.
  EXPECT_TRUE(mentions(half.output, {"saknar de frivilliga kolumnerna", "Höftbyxa"}));
}

// Privacy: markers in the free-text columns, as every person pseudonym and before every id of
// both registers, and a row of the period repeated in the HSL export (so that the duplicate note
// reaches Kontroller); not one byte of the workbook's parts or the page holds a marker.
TEST_F(AvvikelserCli, NoFreeTextNoPseudonymAndNoIdReachesAnyOutputByte) {
  std::string repeated;
  editHslCsv(hslCsv(), [&](int row, std::vector<std::string>& fields) {
    fields[0] = kIdMarker + fields[0];
    if (!fields[7].empty()) fields[7] = kPersonMarker + std::to_string(row % 60);
    fields[15] = std::string(kFreeTextMarker) + std::to_string(row);
    if (repeated.empty() && fields[1].starts_with("2025-03-")) {
      for (std::size_t i = 0; i < fields.size(); ++i) repeated += (i ? ";" : "") + fields[i];
      repeated += "\n";
    }
  });
  ASSERT_FALSE(repeated.empty());
  testing::writeFile(hslCsv(), testing::readFile(hslCsv()) + repeated);
  std::vector<testing::XlsxEdit> edits;
  const auto rows = testing::readSheet(solXlsx(), "Avvikelser");
  ASSERT_GT(rows.size(), 100u);
  for (std::size_t r = 4; r < rows.size(); ++r) {
    const std::string line = std::to_string(r + 1);
    ASSERT_FALSE(rows[r][0].text.empty()) << "row " << line << " has no id";
    edits.push_back({"Avvikelser", "A" + line, kIdMarker + rows[r][0].text});
    edits.push_back(
        {"Avvikelser", "J" + line, std::string(kPersonMarker) + std::to_string(r % 40)});
    edits.push_back({"Avvikelser", "K" + line, std::string(kFreeTextMarker) + std::to_string(r)});
  }
  const fs::path original = dir / "original.xlsx";
  fs::rename(solXlsx(), original);
  testing::writeFilledCopy(original, solXlsx(), edits);
  // The markers are really in the input.
  ASSERT_TRUE(testing::contains(testing::readFile(hslCsv()), kPersonMarker));
  ASSERT_TRUE(testing::contains(allParts(solXlsx()), kFreeTextMarker));
  ASSERT_TRUE(testing::contains(allParts(solXlsx()), kIdMarker));

  for (const std::string period : {"2025H1", "2025"}) {
    const auto result = run(period);
    ASSERT_EQ(result.exitCode, 0) << result.output;
    const std::string page = testing::readFile(output() / ("avvikelser-" + period + ".html"));
    const std::string workbook = allParts(output() / ("avvikelser-" + period + ".xlsx"));
    ASSERT_GT(workbook.size(), 10'000u);  // the parts were really read
    // The repeated row was read and noted: the duplicate note's path ran.
    EXPECT_TRUE(mentions(page, {"räknas en gång", "genererat/avvikelser-hsl.csv rad "})) << period;
    // Nor the raw xlsx bytes (stored, not deflated, parts would show here).
    const std::string raw = testing::readFile(output() / ("avvikelser-" + period + ".xlsx"));
    for (const std::string& bytes : {page, workbook, raw}) {
      EXPECT_FALSE(testing::contains(bytes, kFreeTextMarker)) << period;
      EXPECT_FALSE(testing::contains(bytes, kPersonMarker)) << period;
      EXPECT_FALSE(testing::contains(bytes, kIdMarker)) << period;
    }
  }
}

// An HSL export without the Höftbyxa and Riktning columns: the figures that need them read
// "uppgift saknas", and Kontroller names the file and the columns.
TEST_F(AvvikelserCli, AnExportWithoutOptionalColumnsShowsUppgiftSaknasAndWarns) {
  std::istringstream in(testing::readFile(hslCsv()));
  std::string out;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (int i = 0; i < 15; ++i) {
      const std::size_t semicolon = line.find(';', start);
      fields.push_back(line.substr(start, semicolon - start));
      start = semicolon + 1;
    }
    fields.push_back(line.substr(start));
    ASSERT_TRUE(out.empty() ? contains(fields[9], "Höftbyxa") && fields[13] == "Riktning" : true);
    fields.erase(fields.begin() + 13);  // Riktning
    fields.erase(fields.begin() + 9);   // Höftbyxa
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? ";" : "") + fields[i];
    out += "\n";
  }
  testing::writeFile(hslCsv(), out);

  const auto result = run("2025H1");
  ASSERT_EQ(result.exitCode, 0) << result.output;
  EXPECT_TRUE(mentions(result.output, {"genererat/avvikelser-hsl.csv",
                                       "saknar de frivilliga "
                                       "kolumnerna Händelsetyp, Riktning, Höftbyxa"}));
  const std::string page = testing::readFile(output() / "avvikelser-2025H1.html");
  EXPECT_TRUE(contains(page, ">Med höftbyxa</th><td class=\"num\">uppgift saknas</td>"));
  EXPECT_TRUE(contains(page,
                       "Register genererat/avvikelser-hsl.csv saknar kolumner som "
                       "rapporten behöver"));
  // Named as the reader knows them, not by the tool's internal keys.
  EXPECT_TRUE(contains(page, "<td>Riktning, Höftbyxa: talen som bygger på dem"));
}

TEST_F(AvvikelserCli, AnUnmappedCategoryListsWhatIsMissingAndWritesNothing) {
  editHslCsv(hslCsv(), [](int row, std::vector<std::string>& fields) {
    if (row % 50 == 7 && fields[6] == "Fallolycka") fields[6] = "Fallskada";
    if (row == 3) fields[5] = "Incident HSL";
  });
  const auto result = run("2025H1");
  EXPECT_NE(result.exitCode, 0);
  EXPECT_TRUE(testing::mentions(result.output, {"okänd kategori i taxonomin", "avvikelser.taxonomi",
                                                "kategori: \"Fallskada\"", "typ: \"Incident HSL\"",
                                                "genererat/avvikelser-hsl.csv rad 5"}));
  EXPECT_TRUE(reports().empty());
}

// The example registers run 2022-01 – 2025-12: a report outside them is refused rather than
// reading "0 avvikelser", and Översikt columns before them are blank, not zero.
TEST_F(AvvikelserCli, APeriodTheRegistersDoNotReachIsRefusedAndEarlierColumnsAreBlank) {
  const auto outside = run("2030H1");
  EXPECT_EQ(outside.exitCode, 2);
  EXPECT_TRUE(testing::mentions(outside.output, {"2030H1", "utanför avvikelseregistren", "2022-"}))
      << outside.output;
  EXPECT_TRUE(reports().empty());

  const auto early = run("2024H2");  // Översikt: Helår 2021 … Halvår 2024
  ASSERT_EQ(early.exitCode, 0) << early.output;
  const std::string page = testing::readFile(output() / "avvikelser-2024H2.html");
  EXPECT_TRUE(testing::contains(page, "Helår 2021"));
  EXPECT_TRUE(testing::contains(page, "Registren börjar 2022-")) << "footnote for the blank year";

  // At the registers' start the year before is not reached: no comparison, no 0 for it.
  const auto start = run("2022H1");
  ASSERT_EQ(start.exitCode, 0) << start.output;
  const std::string first = testing::readFile(output() / "avvikelser-2022H1.html");
  EXPECT_FALSE(testing::contains(first, "jämfört med första halvåret 2021 ("));
  EXPECT_FALSE(testing::contains(first, "(första halvåret 2021, 0)"));
  EXPECT_FALSE(testing::contains(first, "(första halvåret 2021: 0)"));
  EXPECT_TRUE(testing::contains(first, "Registren når inte första halvåret 2021"));
}

TEST_F(AvvikelserCli, MissingBlockAndBadPeriodAreSwedishErrors) {
  const auto bad = run("2025H3");
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_TRUE(testing::mentions(bad.output, {"--period", "2025H3"}));

  // The example's own config without the block.
  Poco::JSON::Parser parser;
  Poco::JSON::Object::Ptr root =
      parser.parse(testing::readFile(config())).extract<Poco::JSON::Object::Ptr>();
  root->remove("avvikelser");
  std::ostringstream json;
  root->stringify(json, 2);
  testing::writeFile(config(), json.str());
  const auto missing = run("2025H1");
  EXPECT_NE(missing.exitCode, 0);
  EXPECT_TRUE(testing::mentions(missing.output, {"\"avvikelser\" saknas", "register"}));
  EXPECT_TRUE(reports().empty());
}

}  // namespace
}  // namespace namnd
