#include "render/xlsx/xlsx_renderer.hpp"

#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "support/sample_document.hpp"
#include "support/test_support.hpp"
#include "support/xlsx_parts.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using testing::contains;
using testing::readFile;
using testing::sampleDocument;
using testing::writeFile;

const fs::path kTemplates = testing::repoPath("templates");

// The sample document with its first table's long label shortened, so that the table fits a
// portrait page (six columns, 36 + 3 × 13 + 2 × 10 = 95 units plus header words).
Document narrowSample() {
  Document doc = sampleDocument();
  std::get<Table>(doc.sections.front()).rows.front().cells.front() = std::string("Äldreomsorg");
  return doc;
}

Table tableTitled(const std::string& title) {
  Table t;
  t.title = title;
  t.columns = {{"Rad", ColumnKind::Text, 0}};
  return t;
}

// ---- Reading the package back, independently of the code under test ----

struct Package {
  std::map<std::string, std::string> parts;  // zip entry name → content
  std::vector<int> entryYears;               // modification year of every zip entry
};

Package unzip(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  Poco::Zip::ZipArchive archive(in);
  Package package;
  for (auto it = archive.headerBegin(); it != archive.headerEnd(); ++it) {
    in.clear();  // Poco::Zip input streams need clear() between entries
    Poco::Zip::ZipInputStream entry(in, it->second);
    std::ostringstream content;
    content << entry.rdbuf();
    package.parts[it->first] = content.str();
    package.entryYears.push_back(it->second.lastModifiedAt().year());
  }
  return package;
}

std::string unescapeXml(std::string s) {
  const std::vector<std::pair<std::string, std::string>> entities{
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
      s.replace(at, from.size(), to);
    }
  }
  return s;
}

std::vector<std::string> sharedStrings(const Package& p) {
  std::vector<std::string> strings;
  const std::string& xml = p.parts.at("xl/sharedStrings.xml");
  const std::regex si("<si><t[^>]*>([^<]*)</t></si>");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), si); it != std::sregex_iterator();
       ++it) {
    strings.push_back(unescapeXml((*it)[1]));
  }
  return strings;
}

std::string attribute(const std::string& attributes, const std::string& name) {
  const std::regex re("\\b" + name + "=\"([^\"]*)\"");
  std::smatch m;
  return std::regex_search(attributes, m, re) ? m[1].str() : "";
}

std::string section(const std::string& xml, const std::string& tag) {
  const auto begin = xml.find("<" + tag);
  const auto end = xml.find("</" + tag + ">");
  return begin == std::string::npos || end == std::string::npos ? ""
                                                                : xml.substr(begin, end - begin);
}

std::vector<std::string> elements(const std::string& xml, const std::string& tag) {
  std::vector<std::string> out;
  const std::regex re("<" + tag + "(?:\\s[^>]*?)?(?:/>|>[\\s\\S]*?</" + tag + ">)");
  for (auto it = std::sregex_iterator(xml.begin(), xml.end(), re); it != std::sregex_iterator();
       ++it) {
    out.push_back(it->str());
  }
  return out;
}

struct Style {
  std::string numberFormat;
  bool bold = false;
  bool topBorder = false;
  bool bottomBorder = false;
  int indent = 0;
};

struct Cell {
  std::string type;   // "" = number, "s" = shared string
  std::string value;  // the number as written, or the resolved string; "" when blank
  bool formula = false;
  Style style;
};

class Sheet {
 public:
  Sheet(const Package& p, int number)
      : xml_(p.parts.at("xl/worksheets/sheet" + std::to_string(number) + ".xml")),
        strings_(sharedStrings(p)) {
    const std::string& styles = p.parts.at("xl/styles.xml");
    std::map<std::string, std::string> formats{{"0", "General"}, {"1", "0"},  {"2", "0.00"},
                                               {"3", "#,##0"},   {"9", "0%"}, {"10", "0.00%"}};
    for (const std::string& f : elements(styles, "numFmt")) {
      formats[attribute(f, "numFmtId")] = unescapeXml(attribute(f, "formatCode"));
    }
    const auto fonts = elements(section(styles, "fonts"), "font");
    const auto borders = elements(section(styles, "borders"), "border");
    for (const std::string& xf : elements(section(styles, "cellXfs"), "xf")) {
      Style s;
      s.numberFormat = formats[attribute(xf, "numFmtId")];
      s.bold = fonts.at(std::stoul(attribute(xf, "fontId"))).find("<b/>") != std::string::npos;
      const std::string& border = borders.at(std::stoul(attribute(xf, "borderId")));
      s.topBorder = border.find("<top style=\"thin\"") != std::string::npos;
      s.bottomBorder = border.find("<bottom style=\"thin\"") != std::string::npos;
      const std::string indent = attribute(xf, "indent");
      s.indent = indent.empty() ? 0 : std::stoi(indent);
      styles_.push_back(s);
    }
  }

  std::optional<Cell> at(const std::string& ref) const {
    const std::regex re("<c r=\"" + ref + "\"([^>]*?)(?:/>|>([\\s\\S]*?)</c>)");
    std::smatch m;
    if (!std::regex_search(xml_, m, re)) return std::nullopt;
    Cell cell;
    const std::string attributes = m[1];
    const std::string body = m[2];
    cell.type = attribute(attributes, "t");
    cell.formula = body.find("<f>") != std::string::npos;
    std::smatch v;
    if (std::regex_search(body, v, std::regex("<v>([^<]*)</v>"))) {
      cell.value = cell.type == "s" ? strings_.at(std::stoul(v[1])) : v[1].str();
    }
    const std::string s = attribute(attributes, "s");
    cell.style = styles_.at(s.empty() ? 0 : std::stoul(s));
    return cell;
  }

  const std::string& xml() const { return xml_; }

 private:
  std::string xml_;
  std::vector<std::string> strings_;
  std::vector<Style> styles_;
};

std::vector<std::string> sheetNames(const Package& p) {
  std::vector<std::string> names;
  for (const std::string& s : elements(p.parts.at("xl/workbook.xml"), "sheet")) {
    names.push_back(unescapeXml(attribute(s, "name")));
  }
  return names;
}

class XlsxRenderTest : public ::testing::Test {
 protected:
  fs::path render(const Document& doc, const std::string& name = "rapport.xlsx",
                  const fs::path& templates = kTemplates) {
    const fs::path out = dir_ / "ut" / name;
    renderXlsx(doc, templates, out);
    return out;
  }

  testing::TempDir dir_;
};

#define EXPECT_CELL(sheet, ref, expectedType, expectedValue) \
  do {                                                       \
    const auto cell_ = (sheet).at(ref);                      \
    ASSERT_TRUE(cell_.has_value()) << (ref);                 \
    EXPECT_EQ(cell_->type, expectedType) << (ref);           \
    EXPECT_EQ(cell_->value, expectedValue) << (ref);         \
    EXPECT_FALSE(cell_->formula) << (ref);                   \
  } while (false)

TEST_F(XlsxRenderTest, EveryTableCheckAndTextSectionIsASheet) {
  const Package p = unzip(render(sampleDocument()));
  EXPECT_EQ(sheetNames(p),
            (std::vector<std::string>{"Verksamhetsområden", "Kommentar", "Kontroller"}));
}

TEST_F(XlsxRenderTest, TitleRowsThenHeaderRow) {
  const Sheet sheet(unzip(render(sampleDocument())), 1);
  EXPECT_CELL(sheet, "A1", "s", "Månadsrapport oktober 2025");
  EXPECT_CELL(sheet, "A2", "s", "Verksamhetsområden");
  EXPECT_CELL(sheet, "F2", "s", "Belopp i tkr");
  EXPECT_CELL(sheet, "A3", "s", "Område");
  EXPECT_CELL(sheet, "B3", "s", "Ack budget");
  EXPECT_CELL(sheet, "F3", "s", "Antal");
  const Style header = sheet.at("B3")->style;
  EXPECT_TRUE(header.bold);
  EXPECT_TRUE(header.bottomBorder);
}

TEST_F(XlsxRenderTest, AmountsAreNumbersWithTheThousandsFormat) {
  const Sheet sheet(unzip(render(sampleDocument())), 1);
  EXPECT_CELL(sheet, "B4", "", "100225");
  EXPECT_CELL(sheet, "C4", "", "123379");
  EXPECT_CELL(sheet, "D4", "", "-23154");
  EXPECT_CELL(sheet, "C6", "", "-62876");
  EXPECT_CELL(sheet, "B6", "", "0");
  EXPECT_CELL(sheet, "F4", "", "1042");  // a count
  // Negatives keep their minus sign and are red too (the columns mark negative deviations).
  EXPECT_EQ(sheet.at("D4")->style.numberFormat, "#,##0;[Red]-#,##0");
  EXPECT_EQ(sheet.at("F4")->style.numberFormat, "#,##0;[Red]-#,##0");
}

// A change stays a number the controller can sum; the format adds the plus sign.
TEST_F(XlsxRenderTest, AChangeColumnIsANumberWithASignedFormat) {
  Document doc = sampleDocument();
  Table& table = std::get<Table>(doc.sections.front());
  ASSERT_EQ(table.columns.back().kind, ColumnKind::Count);
  table.columns.back().showPlusSign = true;
  const Sheet sheet(unzip(render(doc)), 1);
  EXPECT_CELL(sheet, "F4", "", "1042");
  EXPECT_EQ(sheet.at("F4")->style.numberFormat, "+#,##0;[Red]-#,##0;0");
  EXPECT_EQ(sheet.at("D4")->style.numberFormat, "#,##0;[Red]-#,##0");
}

TEST_F(XlsxRenderTest, PercentIsTheRatioWithAPercentFormat) {
  const Sheet sheet(unzip(render(sampleDocument())), 1);
  EXPECT_CELL(sheet, "E4", "", "1.231");
  EXPECT_CELL(sheet, "E8", "", "-0.0154");
  EXPECT_EQ(sheet.at("E4")->style.numberFormat, "0.0%;[Red]-0.0%");
}

TEST_F(XlsxRenderTest, EmptyAndNotFiniteCellsAreBlank) {
  const Sheet sheet(unzip(render(sampleDocument())), 1);
  EXPECT_CELL(sheet, "E5", "", "");  // monostate
  EXPECT_CELL(sheet, "E6", "", "");  // NaN
  EXPECT_FALSE(contains(sheet.xml(), "nan"));
  EXPECT_FALSE(contains(sheet.xml(), "inf"));
  EXPECT_CELL(sheet, "F5", "s", "–");  // a suppressed count stays the text it was given
}

TEST_F(XlsxRenderTest, TextsThatLookLikeFormulasStayTexts) {
  const Sheet sheet(unzip(render(sampleDocument())), 1);
  EXPECT_CELL(sheet, "A6", "s", "=2+3");
  EXPECT_CELL(sheet, "A4", "s", "Äldreomsorg <script>alert(1)</script> & \"citat\"");
  EXPECT_FALSE(contains(sheet.xml(), "<f>"));
}

TEST_F(XlsxRenderTest, TotalsAreTheGivenNumbersNotFormulas) {
  const Sheet sheet(unzip(render(sampleDocument())), 1);
  // 100 225 + 50 225 + 0 = 150 450, but the total rounded from exact öre is 150 452.
  EXPECT_CELL(sheet, "B8", "", "150452");
  EXPECT_CELL(sheet, "B7", "", "150451");
  const Style total = sheet.at("B8")->style;
  EXPECT_TRUE(total.bold);
  EXPECT_TRUE(total.topBorder);
  EXPECT_EQ(total.numberFormat, "#,##0;[Red]-#,##0");
  const Style subtotal = sheet.at("A7")->style;
  EXPECT_TRUE(subtotal.bold);
  EXPECT_FALSE(subtotal.topBorder);
  EXPECT_FALSE(sheet.at("B4")->style.bold);
}

TEST_F(XlsxRenderTest, LevelIndentsTheFirstTextCell) {
  const Sheet sheet(unzip(render(sampleDocument())), 1);
  EXPECT_EQ(sheet.at("A4")->style.indent, 1);
  EXPECT_EQ(sheet.at("A6")->style.indent, 2);
  EXPECT_EQ(sheet.at("A8")->style.indent, 0);
  EXPECT_EQ(sheet.at("B6")->style.indent, 0);
}

TEST_F(XlsxRenderTest, FootnotesFollowTheTableAfterAnEmptyRow) {
  const Sheet sheet(unzip(render(sampleDocument())), 1);
  EXPECT_FALSE(sheet.at("A9").has_value());
  EXPECT_CELL(sheet, "A10", "s", "1) Prognosen lämnades 202508.");
  EXPECT_CELL(sheet, "A11", "s", "2) Färre än 5 personer visas som –.");
}

// The sample table is six columns, 36 + 3 × 13 + 10 + 10 = 95 width units: it fits a portrait
// page.
TEST_F(XlsxRenderTest, PanesFreezeBelowTheHeaderAndPagesPrintA4) {
  const Package p = unzip(render(narrowSample()));
  const std::string& xml = p.parts.at("xl/worksheets/sheet1.xml");
  EXPECT_TRUE(contains(xml,
                       "<pane ySplit=\"3\" topLeftCell=\"A4\" activePane=\"bottomLeft\" "
                       "state=\"frozen\"/>"))
      << xml;
  EXPECT_TRUE(contains(xml, "<pageSetUpPr fitToPage=\"1\"/>"));
  const auto setup = elements(xml, "pageSetup");
  ASSERT_EQ(setup.size(), 1u);
  EXPECT_EQ(attribute(setup[0], "paperSize"), "9");  // A4
  EXPECT_EQ(attribute(setup[0], "orientation"), "portrait");
  EXPECT_EQ(attribute(setup[0], "fitToHeight"), "0");  // one page wide, as tall as needed
  EXPECT_TRUE(contains(xml, "<oddFooter>&amp;CSida &amp;P av &amp;N</oddFooter>"));
  // The header row is repeated on every printed page.
  EXPECT_TRUE(contains(p.parts.at("xl/workbook.xml"), "_xlnm.Print_Titles"));
  EXPECT_TRUE(contains(p.parts.at("xl/workbook.xml"), "!$3:$3</definedName>"));
}

TEST_F(XlsxRenderTest, ChecksSheetHasStatusTexts) {
  const Sheet sheet(unzip(render(sampleDocument())), 3);
  EXPECT_CELL(sheet, "A3", "s", "Kontroll");
  EXPECT_CELL(sheet, "B3", "s", "Status");
  EXPECT_CELL(sheet, "C3", "s", "Detalj");
  EXPECT_CELL(sheet, "A4", "s", "Σ huvudbok = Σ redovisat");
  EXPECT_CELL(sheet, "B4", "s", "OK");
  EXPECT_CELL(sheet, "C4", "s", "173 605 400,00 kr");
  EXPECT_CELL(sheet, "B5", "s", "Varning");
  EXPECT_CELL(sheet, "B6", "s", "Fel");
}

TEST_F(XlsxRenderTest, TextSheetHoldsParagraphsAndBullets) {
  const Sheet sheet(unzip(render(sampleDocument())), 2);
  EXPECT_CELL(sheet, "A2", "s", "Kommentar");
  EXPECT_CELL(sheet, "A3", "s", "Prognosen visar ett underskott på 23 mnkr.");
  EXPECT_CELL(sheet, "A4", "s", "\xE2\x80\xA2 Åtgärdsplan <b>beslutad</b>");
}

TEST_F(XlsxRenderTest, DocumentPropertiesComeFromTheDocument) {
  const Package p = unzip(render(sampleDocument()));
  const std::string& core = p.parts.at("docProps/core.xml");
  EXPECT_TRUE(contains(core, "<dc:title>Månadsrapport oktober 2025</dc:title>"));
  EXPECT_TRUE(contains(core, "<dc:creator>Anna Controller</dc:creator>"));
  // meta.documentDate at noon UTC, not the time of the run.
  EXPECT_TRUE(contains(core, ">2025-10-31T12:00:00Z</dcterms:created>")) << core;
  EXPECT_TRUE(contains(p.parts.at("docProps/app.xml"), "<Company>Exempelkommun</Company>"));
}

TEST_F(XlsxRenderTest, SameDocumentGivesTheSameBytes) {
  const std::string first = readFile(render(sampleDocument(), "forsta.xlsx"));
  const std::string second = readFile(render(sampleDocument(), "andra.xlsx"));
  ASSERT_FALSE(first.empty());
  EXPECT_TRUE(first == second);
  // The zip entries carry a fixed date too (libxlsxwriter uses 1980-01-01), so the bytes do not
  // depend on the minute of the run either.
  for (int year : unzip(dir_ / "ut" / "forsta.xlsx").entryYears) EXPECT_EQ(year, 1980);
}

TEST_F(XlsxRenderTest, SheetNamesAreValidAndUnique) {
  Document doc = sampleDocument();
  doc.sections.clear();
  doc.sections.emplace_back(tableTitled("Investeringar 2025/2026: [ack]"));
  doc.sections.emplace_back(tableTitled("Verksamhetsområden per ansvar och månad"));
  doc.sections.emplace_back(tableTitled("Ekonomi"));
  doc.sections.emplace_back(tableTitled("Ekonomi"));
  doc.sections.emplace_back(tableTitled("EKONOMI"));
  doc.sections.emplace_back(tableTitled("Verksamhetsområden per ansvar och månad"));
  doc.sections.emplace_back(tableTitled(""));
  EXPECT_EQ(sheetNames(unzip(render(doc))),
            (std::vector<std::string>{"Investeringar 2025-2026- -ack-",
                                      "Verksamhetsområden per ansvar", "Ekonomi", "Ekonomi (2)",
                                      "EKONOMI (3)", "Verksamhetsområden per (2)", "Tabell"}));
  // Cut at a word boundary (31 UTF-16 units at most), not in the middle of "och".
}

// Commentary per area: consecutive text sections that the layout names alike ("kommentar_*")
// share one sheet, each under its own title; a table in between starts a new sheet.
TEST_F(XlsxRenderTest, TextSectionsNamedAlikeShareOneSheet) {
  const fs::path templates = dir_ / "mallar";
  fs::create_directories(templates / "xlsx");
  fs::copy_file(kTemplates / "xlsx" / "document.json", templates / "xlsx" / "document.json");
  writeFile(templates / "xlsx" / "testrapport.json",
            R"({"sheetNames": {"kommentar_*": "Kommentarer"}})");
  Document doc = sampleDocument();
  doc.sections.clear();
  doc.sections.emplace_back(
      TextSection{"kommentar_ALD", "Äldreomsorg", {"Hemtjänsten över budget."}, {}});
  doc.sections.emplace_back(
      TextSection{"kommentar_IFO", "IFO", {"Placeringar."}, {"Hemmaplan först."}});
  doc.sections.emplace_back(tableTitled("Ekonomi"));
  doc.sections.emplace_back(TextSection{"kommentar_ESS", "ESS", {"Assistans."}, {}});
  doc.sections.emplace_back(TextSection{"lagesbild", "Lägesbild", {"Omkring."}, {}});
  const Package p = unzip(render(doc, "rapport.xlsx", templates));
  EXPECT_EQ(sheetNames(p),
            (std::vector<std::string>{"Kommentarer", "Ekonomi", "Kommentarer (2)", "Lägesbild"}));
  const std::vector<std::string> strings = sharedStrings(p);
  for (const char* text : {"Äldreomsorg", "Hemtjänsten över budget.", "IFO", "Placeringar.",
                           "\xE2\x80\xA2 Hemmaplan först."})
    EXPECT_NE(std::find(strings.begin(), strings.end(), text), strings.end()) << text;
  // Both areas' titles are on the first sheet.
  const std::string& first = p.parts.at("xl/worksheets/sheet1.xml");
  const auto index = [&](const std::string& text) {
    return std::to_string(std::find(strings.begin(), strings.end(), text) - strings.begin());
  };
  EXPECT_NE(first.find("<v>" + index("Äldreomsorg") + "</v>"), std::string::npos);
  EXPECT_NE(first.find("<v>" + index("IFO") + "</v>"), std::string::npos);
  EXPECT_EQ(first.find("<v>" + index("ESS") + "</v>"), std::string::npos);
}

TEST_F(XlsxRenderTest, AKindLayoutOverridesTheGenericOne) {
  const fs::path templates = dir_ / "mallar";
  fs::create_directories(templates / "xlsx");
  fs::copy_file(kTemplates / "xlsx" / "document.json", templates / "xlsx" / "document.json");
  writeFile(templates / "xlsx" / "testrapport.json",
            R"({"orientation": "landscape", "sheetNames": {"omraden": "Områden"}})");
  const Package p = unzip(render(sampleDocument(), "rapport.xlsx", templates));
  EXPECT_EQ(sheetNames(p), (std::vector<std::string>{"Områden", "Kommentar", "Kontroller"}));
  // Every sheet, the text sheet too, which "auto" prints portrait.
  for (int number = 1; number <= 3; ++number) {
    const auto setup =
        elements(p.parts.at("xl/worksheets/sheet" + std::to_string(number) + ".xml"), "pageSetup");
    ASSERT_EQ(setup.size(), 1u);
    EXPECT_EQ(attribute(setup[0], "paperSize"), "9");  // still from document.json
    EXPECT_EQ(attribute(setup[0], "orientation"), "landscape") << number;
  }
}

TEST_F(XlsxRenderTest, AnUnusableLayoutIsAnOutputErrorNamingTheFile) {
  const fs::path templates = dir_ / "mallar";
  writeFile(templates / "xlsx" / "document.json", R"({"paper": "A5"})");
  const auto error =
      testing::thrown<OutputError>([&] { render(sampleDocument(), "rapport.xlsx", templates); });
  EXPECT_TRUE(testing::mentions(error, {(templates / "xlsx" / "document.json").string(), "paper"}));
  EXPECT_FALSE(fs::exists(dir_ / "ut" / "rapport.xlsx"));
}

TEST_F(XlsxRenderTest, AMissingLayoutIsAnOutputErrorNamingTheFile) {
  const fs::path templates = dir_ / "tom";
  const auto error =
      testing::thrown<OutputError>([&] { render(sampleDocument(), "rapport.xlsx", templates); });
  EXPECT_TRUE(testing::mentions(error, {(templates / "xlsx" / "document.json").string()}));
}

TEST_F(XlsxRenderTest, AMalformedDocumentDateIsAnOutputErrorAndWritesNothing) {
  for (const std::string date : {"", "2025-13-01", "2025-02-29", "31.10.2025", "1969-12-31"}) {
    Document doc = sampleDocument();
    doc.meta.documentDate = date;
    EXPECT_THROW(render(doc), OutputError) << date;
  }
  EXPECT_FALSE(fs::exists(dir_ / "ut" / "rapport.xlsx"));
}

TEST_F(XlsxRenderTest, LeapDayIsAValidDocumentDate) {
  Document doc = sampleDocument();
  doc.meta.documentDate = "2024-02-29";
  const Package p = unzip(render(doc));
  EXPECT_TRUE(contains(p.parts.at("docProps/core.xml"), ">2024-02-29T12:00:00Z</dcterms:created>"));
}

TEST_F(XlsxRenderTest, ExistingReportIsReplaced) {
  writeFile(dir_ / "ut" / "rapport.xlsx", "gammal");
  const Package p = unzip(render(sampleDocument()));
  EXPECT_EQ(sheetNames(p).size(), 3u);
}

TEST_F(XlsxRenderTest, AnOutputPathThatIsAFolderIsAnOutputErrorAndLeavesNoTempFile) {
  fs::create_directories(dir_ / "ut" / "rapport.xlsx");
  EXPECT_THROW(render(sampleDocument()), OutputError);
  EXPECT_EQ(testing::entriesIn(dir_ / "ut"), 1);  // just the folder that was in the way
}

// ---- Several sections on one sheet ----

class XlsxSharedSheetTest : public XlsxRenderTest {
 protected:
  // The repository's generic layout, with "del_*" sections on one sheet "Samlat".
  fs::path sharedLayout() {
    const fs::path templates = dir_ / "mallar";
    fs::create_directories(templates / "xlsx");
    fs::copy_file(kTemplates / "xlsx" / "document.json", templates / "xlsx" / "document.json");
    writeFile(templates / "xlsx" / "testrapport.json", R"({"sheetNames": {"del_*": "Samlat"}})");
    return templates;
  }

  static Table investments() {
    Table t;
    t.id = "del_2";
    t.title = "Investeringar";
    t.unitNote = "Belopp i tkr";
    t.columns = {{"Projekt", ColumnKind::Text, 0}, {"Budget", ColumnKind::Amount, 0}};
    t.rows = {{RowKind::Item, 0, {std::string("Gruppbostad"), std::int64_t{-1'200}}},
              {RowKind::Total, 0, {std::string("Summa"), std::int64_t{-1'200}}}};
    return t;
  }

  // A sheet's rows through the XLSX reader, and the 1-based row whose column A is `text`.
  static int rowOf(const fs::path& workbook, const std::string& sheet, const std::string& text) {
    const auto rows = testing::readSheet(workbook, sheet);
    for (std::size_t r = 0; r < rows.size(); ++r)
      if (!rows[r].empty() && rows[r][0].text == text) return static_cast<int>(r) + 1;
    ADD_FAILURE() << "no row " << text << " on " << sheet;
    return -1;
  }
};

// The first table as on a sheet of its own; the second under it after one empty row, with its
// own title, unit note and header; then a text section spanning the tables' columns, then the
// checks.
TEST_F(XlsxSharedSheetTest, SectionsNamedAlikeGoOneBelowTheOther) {
  Document doc = sampleDocument();
  Table first = std::get<Table>(doc.sections[0]);
  first.id = "del_1";
  doc.sections = {first, investments(),
                  TextSection{"del_3", "Kommentar", {"Gruppbostaden blir dyrare."}, {}},
                  CheckSection{"del_4", "Kontroller", {{"Summa stämmer", "", CheckStatus::Ok}}}};
  const fs::path file = render(doc, "rapport.xlsx", sharedLayout());
  const Package p = unzip(file);
  EXPECT_EQ(sheetNames(p), std::vector<std::string>{"Samlat"});
  const Sheet sheet(p, 1);
  EXPECT_CELL(sheet, "A1", "s", "Månadsrapport oktober 2025");
  EXPECT_CELL(sheet, "A2", "s", "Verksamhetsområden");
  EXPECT_CELL(sheet, "F2", "s", "Belopp i tkr");
  EXPECT_CELL(sheet, "A3", "s", "Område");
  EXPECT_CELL(sheet, "B4", "", "100225");

  // Title row 2, header 3, the rows, an empty row and the footnotes, an empty row.
  const int rows = static_cast<int>(first.rows.size());
  const int notes = static_cast<int>(first.footnotes.size());
  const int secondTitle = 3 + rows + (notes > 0 ? 1 + notes : 0) + 2;
  ASSERT_EQ(secondTitle, 13);  // 5 rows, 2 footnotes
  const auto at = [](const char* col, int row) { return col + std::to_string(row); };
  EXPECT_CELL(sheet, at("A", secondTitle - 2), "s", "2) Färre än 5 personer visas som –.");
  EXPECT_FALSE(sheet.at(at("A", secondTitle - 1)).has_value());
  EXPECT_CELL(sheet, at("A", secondTitle), "s", "Investeringar");
  EXPECT_CELL(sheet, at("B", secondTitle), "s", "Belopp i tkr");
  EXPECT_CELL(sheet, at("A", secondTitle + 1), "s", "Projekt");
  EXPECT_TRUE(sheet.at(at("B", secondTitle + 1))->style.bold);
  EXPECT_TRUE(sheet.at(at("B", secondTitle + 1))->style.bottomBorder);
  EXPECT_CELL(sheet, at("A", secondTitle + 2), "s", "Gruppbostad");
  EXPECT_CELL(sheet, at("B", secondTitle + 2), "", "-1200");
  EXPECT_TRUE(sheet.at(at("B", secondTitle + 3))->style.topBorder);  // its total row

  // Two rows and no footnotes, an empty row: the text's title, its paragraph over A–F (the
  // first table's columns) in one cell as tall as it needs to be.
  const int textTitle = secondTitle + 2 + 2 + 1;
  EXPECT_CELL(sheet, at("A", textTitle), "s", "Kommentar");
  EXPECT_CELL(sheet, at("A", textTitle + 1), "s", "Gruppbostaden blir dyrare.");
  EXPECT_TRUE(contains(sheet.xml(), "<mergeCell ref=\"A" + std::to_string(textTitle + 1) + ":F" +
                                        std::to_string(textTitle + 1) + "\"/>"))
      << sheet.xml();
  const int checksTitle = textTitle + 3;
  EXPECT_CELL(sheet, at("A", checksTitle), "s", "Kontroller");
  EXPECT_CELL(sheet, at("A", checksTitle + 1), "s", "Kontroll");
  EXPECT_CELL(sheet, at("B", checksTitle + 2), "s", "OK");
  EXPECT_EQ(rowOf(file, "Samlat", "Summa stämmer"), checksTitle + 2);
}

// A header row frozen or printed on every page would stand over the other tables' columns too:
// only a sheet with one table has them.
TEST_F(XlsxSharedSheetTest, OnlyASheetWithOneTableFreezesAndRepeatsItsHeader) {
  Document doc = sampleDocument();
  Table shared = std::get<Table>(doc.sections[0]);
  shared.id = "del_1";
  doc.sections = {doc.sections[0], shared, investments()};
  const Package p = unzip(render(doc, "rapport.xlsx", sharedLayout()));
  EXPECT_EQ(sheetNames(p), (std::vector<std::string>{"Verksamhetsområden", "Samlat"}));
  EXPECT_TRUE(contains(p.parts.at("xl/worksheets/sheet1.xml"), "state=\"frozen\""));
  EXPECT_FALSE(contains(p.parts.at("xl/worksheets/sheet2.xml"), "<pane"));
  const auto titles = elements(p.parts.at("xl/workbook.xml"), "definedName");
  ASSERT_EQ(titles.size(), 1u);
  EXPECT_TRUE(contains(titles[0], "_xlnm.Print_Titles"));
  EXPECT_EQ(attribute(titles[0], "localSheetId"), "0");  // the first sheet's
}

// The native chart sits beside its data table from the header row down; the next section starts
// below the chart's bottom edge, not only below the (shorter) data table.
TEST_F(XlsxSharedSheetTest, TheNextSectionStartsBelowAChart) {
  Document doc = sampleDocument();
  Chart chart = testing::sampleChart();
  chart.id = "del_1";
  doc.sections = {chart, investments()};
  const fs::path file = render(doc, "rapport.xlsx", sharedLayout());
  const Package p = unzip(file);
  const std::string& drawing = p.parts.at("xl/drawings/drawing1.xml");
  const std::regex to(
      "<xdr:to><xdr:col>\\d+</xdr:col><xdr:colOff>\\d+</xdr:colOff><xdr:row>(\\d+)"
      "</xdr:row><xdr:rowOff>(\\d+)</xdr:rowOff>");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(drawing, m, to)) << drawing;
  // The last row the chart reaches into (0-based), whole when its offset there is 0.
  const int chartLastRow = std::stoi(m[1]) - (m[2] == "0" ? 1 : 0);
  const int dataLastRow = 3 + static_cast<int>(chart.categories.size()) - 1;  // 0-based
  ASSERT_GT(chartLastRow, dataLastRow);  // the chart is the taller, so this tests something
  const int title = rowOf(file, "Samlat", "Investeringar") - 1;  // 0-based
  EXPECT_GT(title, chartLastRow + 1);                            // an empty row between
  EXPECT_EQ(rowOf(file, "Samlat", "1) Uppgift om övertid för september saknas."),
            dataLastRow + 3);  // footnote stays under its table
}

// ---- Print setup ----

TEST_F(XlsxRenderTest, OnlyWideSheetsPrintLandscape) {
  Document doc = narrowSample();
  Table wide = tableTitled("Per månad");
  for (const char* month : {"Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul"})
    wide.columns.push_back({month, ColumnKind::Amount, 0});
  Chart chart = testing::sampleChart();
  // Six columns too, but a label of 60 characters makes it wider than a portrait page.
  Table longLabels = std::get<Table>(doc.sections[0]);
  longLabels.title = "Långa rader";
  longLabels.rows.front().cells.front() = std::string(60, 'x');
  doc.sections = {doc.sections[0], wide, doc.sections[1], doc.sections[2], chart, longLabels};
  const Package p = unzip(render(doc));
  const std::vector<std::pair<int, std::string>> expected{
      {1, "portrait"},    // six columns, about 95 units: fits
      {6, "landscape"},   // six columns, but over 100 units
      {2, "landscape"},   // eight columns
      {3, "portrait"},    // text
      {4, "landscape"},   // 50 + 10 + 70 = 130 units
      {5, "landscape"}};  // a chart beside its data
  for (const auto& [number, orientation] : expected) {
    const auto setup =
        elements(p.parts.at("xl/worksheets/sheet" + std::to_string(number) + ".xml"), "pageSetup");
    ASSERT_EQ(setup.size(), 1u);
    EXPECT_EQ(attribute(setup[0], "orientation"), orientation) << number;
    EXPECT_EQ(attribute(setup[0], "paperSize"), "9") << number;
    // One page wide (fitToWidth 1 is the default, so not written), as tall as needed.
    EXPECT_TRUE(contains(p.parts.at("xl/worksheets/sheet" + std::to_string(number) + ".xml"),
                         "<pageSetUpPr fitToPage=\"1\"/>"))
        << number;
    EXPECT_EQ(attribute(setup[0], "fitToWidth"), "") << number;
    EXPECT_EQ(attribute(setup[0], "fitToHeight"), "0") << number;
  }
}

// "&" starts a code in an Excel header ("&P" is the page number): the title's own is doubled.
TEST_F(XlsxRenderTest, EveryPageHasTheReportNameAboveAndThePageBelow) {
  Document doc = sampleDocument();
  doc.title = "Drift & investering 2025";
  const Package p = unzip(render(doc));
  for (int number = 1; number <= 3; ++number) {
    const std::string& xml = p.parts.at("xl/worksheets/sheet" + std::to_string(number) + ".xml");
    EXPECT_TRUE(contains(xml, "<oddHeader>&amp;CDrift &amp;&amp; investering 2025</oddHeader>"))
        << xml;
    EXPECT_TRUE(contains(xml, "<oddFooter>&amp;CSida &amp;P av &amp;N</oddFooter>"));
  }
}

// Excel refuses a header of more than 255 characters: a long title is cut, not a failed report.
TEST_F(XlsxRenderTest, AVeryLongTitleIsCutInTheHeader) {
  Document doc = sampleDocument();
  doc.title = "Rapport & bilaga " + std::string(300, 'x');
  const Package p = unzip(render(doc));
  const auto header = elements(p.parts.at("xl/worksheets/sheet1.xml"), "oddHeader");
  ASSERT_EQ(header.size(), 1u);
  const std::string text = unescapeXml(header[0].substr(header[0].find('>') + 1));
  EXPECT_TRUE(text.starts_with("&CRapport && bilaga xxx")) << text;
  EXPECT_LE(text.size() - std::string("</oddHeader>").size(), 255u);
}

TEST_F(XlsxRenderTest, SubjectAndKeywordsNameTheNamndAndPeriod) {
  const Package p = unzip(render(sampleDocument()));
  const std::string& core = p.parts.at("docProps/core.xml");
  EXPECT_TRUE(contains(core, "<dc:subject>Socialnämnden, Oktober 2025</dc:subject>")) << core;
  EXPECT_TRUE(
      contains(core, "<cp:keywords>Exempelkommun; Socialnämnden; Oktober 2025</cp:keywords>"));
}

// ---- Negative numbers ----

// Red only where a negative is a deviation; the minus sign stays either way.
TEST_F(XlsxRenderTest, OnlyColumnsThatMarkNegativesShowThemRed) {
  Document doc = sampleDocument();
  Table& table = std::get<Table>(doc.sections.front());
  table.columns[2].markNegative = false;  // Ack utfall: intäkter are negative by convention
  table.columns[4].markNegative = false;
  const Sheet sheet(unzip(render(doc)), 1);
  EXPECT_EQ(sheet.at("C6")->style.numberFormat, "#,##0;-#,##0");  // -62 876
  EXPECT_EQ(sheet.at("E8")->style.numberFormat, "0.0%;-0.0%");
  EXPECT_EQ(sheet.at("D4")->style.numberFormat, "#,##0;[Red]-#,##0");  // -23 154
  EXPECT_EQ(sheet.at("B4")->style.numberFormat, "#,##0;[Red]-#,##0");
  EXPECT_FALSE(contains(sheet.at("A4")->style.numberFormat, "Red"));  // text
}

// ---- Filters ----

// A workbook-only table (hundreds of rows) is a named Excel table: filter buttons on its header
// row, over its item rows; the totals at its foot are neither filtered nor sorted away.
TEST_F(XlsxRenderTest, AWorkbookOnlyTableIsANamedTableOverItsItemRows) {
  Document doc = sampleDocument();
  Table& table = std::get<Table>(doc.sections.front());
  table.pageSummary = "Tabellen finns i Excelfilen.";
  std::size_t items = 0;
  while (items < table.rows.size() && table.rows[items].kind == RowKind::Item) ++items;
  ASSERT_EQ(items, 3u);
  const fs::path file = render(doc);
  const Package p = unzip(file);
  ASSERT_EQ(p.parts.count("xl/tables/table1.xml"), 1u);
  const std::string& xml = p.parts.at("xl/tables/table1.xml");
  // Header on row 3 (document title, section title, header), then the item rows.
  const char lastColumn = static_cast<char>('A' + table.columns.size() - 1);
  const std::string ref = std::string("A3:") + lastColumn + std::to_string(3 + items);
  const auto tableElement = elements(xml, "table");
  ASSERT_EQ(tableElement.size(), 1u);
  EXPECT_EQ(attribute(tableElement[0], "name"), "Omraden");  // the id "omraden"
  EXPECT_EQ(attribute(tableElement[0], "ref"), ref);
  EXPECT_TRUE(contains(xml, "<autoFilter ref=\"" + ref + "\"/>")) << xml;
  EXPECT_FALSE(contains(xml, "totalsRowCount"));
  std::vector<std::string> names;
  for (const std::string& column : elements(xml, "tableColumn")) {
    names.push_back(unescapeXml(attribute(column, "name")));
  }
  std::vector<std::string> headers;
  for (const Column& column : table.columns) headers.push_back(column.header);
  EXPECT_EQ(names, headers);

  const std::string sheet = testing::sheetXml(file, sheetNames(p).front());
  EXPECT_TRUE(contains(sheet, "<tableParts count=\"1\">")) << sheet;
  EXPECT_FALSE(contains(sheet, "<autoFilter"));  // the table's own filter replaces it
  EXPECT_FALSE(contains(p.parts.at("xl/worksheets/sheet2.xml"), "tablePart"));
  // The header cells read exactly the model's headers.
  const Sheet cells(p, 1);
  EXPECT_CELL(cells, "A3", "s", "Område");
  EXPECT_CELL(cells, std::string(1, lastColumn) + "3", "s", headers.back());
}

// Excel table names are unique in the workbook, ASCII letters, digits and "_" from a letter.
TEST_F(XlsxRenderTest, TableNamesAreValidAndUnique) {
  Document doc = sampleDocument();
  Table first = std::get<Table>(doc.sections.front());
  first.pageSummary = "Tabellen finns i Excelfilen.";
  first.id = "största transaktioner";
  Table second = first;
  second.id = "Största-transaktioner";
  Table third = first;
  third.id = "4b";
  doc.sections = {first, second, third};
  const Package p = unzip(render(doc));
  std::vector<std::string> names;
  for (int n = 1; n <= 3; ++n) {
    const std::string part = "xl/tables/table" + std::to_string(n) + ".xml";
    ASSERT_EQ(p.parts.count(part), 1u) << part;
    names.push_back(attribute(elements(p.parts.at(part), "table")[0], "name"));
  }
  EXPECT_EQ(names, (std::vector<std::string>{"Storsta_transaktioner", "Storsta_transaktioner_2",
                                             "Tabell_4b"}));
}

// Headers Excel cannot take as column names (repeated here) keep plain filter buttons.
TEST_F(XlsxRenderTest, RepeatedHeadersGetAPlainFilterInsteadOfATable) {
  Document doc = sampleDocument();
  Table& table = std::get<Table>(doc.sections.front());
  table.pageSummary = "Tabellen finns i Excelfilen.";
  table.columns[2].header = "ack budget";
  const Package p = unzip(render(doc));
  EXPECT_EQ(p.parts.count("xl/tables/table1.xml"), 0u);
  EXPECT_TRUE(contains(p.parts.at("xl/worksheets/sheet1.xml"), "<autoFilter ref=\"A3:F6\"/>"));
}

// ---- Column widths ----

// libxlsxwriter stores a width with Excel's padding of 5 pixels (0.71 units) added.
constexpr double kStoredPadding = 0.72;
constexpr double kMaxColumnWidth = 60;  // templates/xlsx/document.json "maxColumnWidth"

std::size_t characters(const std::string& utf8) {
  std::size_t n = 0;
  for (const char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

TEST_F(XlsxRenderTest, ATextColumnIsAsWideAsItsLongestLabelUpToTheMaximum) {
  const std::string label = "Externa avvikelser från kommunen till annan vårdgivare";
  ASSERT_EQ(characters(label), 54u);
  Document doc = sampleDocument();
  Table table = tableTitled("HSL");
  table.rows = {{RowKind::Item, 0, {std::string("Fall")}}, {RowKind::Item, 0, {label}}};
  Table longText = tableTitled("Fritext");
  const std::string sentence(120, 'x');
  longText.rows = {{RowKind::Item, 0, {sentence}}};
  doc.sections = {table, longText};
  const fs::path file = render(doc);
  const Package p = unzip(file);
  const auto widths = testing::columnWidths(p.parts.at("xl/worksheets/sheet1.xml"));
  ASSERT_EQ(widths.count(0), 1u);
  EXPECT_GE(widths.at(0), 54.0);
  EXPECT_LE(widths.at(0), kMaxColumnWidth + kStoredPadding);
  // A text longer than the maximum stops at it and wraps in its cell.
  const auto longWidths = testing::columnWidths(p.parts.at("xl/worksheets/sheet2.xml"));
  EXPECT_NEAR(longWidths.at(0), kMaxColumnWidth, kStoredPadding);
  const std::string styles = p.parts.at("xl/styles.xml");
  const auto xfs = elements(section(styles, "cellXfs"), "xf");
  const std::string sheet2 = p.parts.at("xl/worksheets/sheet2.xml");
  std::smatch cell;  // the sentence's cell, under the title rows and the header
  ASSERT_TRUE(std::regex_search(sheet2, cell, std::regex("<c r=\"A4\"([^>]*)>")));
  const std::string s = attribute(cell[1].str(), "s");
  ASSERT_FALSE(s.empty());
  EXPECT_TRUE(contains(xfs.at(std::stoul(s)), "wrapText=\"1\"")) << xfs.at(std::stoul(s));
}

TEST_F(XlsxRenderTest, ANumberColumnCoversItsLongestDisplayedNumber) {
  Document doc = sampleDocument();
  Table table = tableTitled("Belopp");
  table.columns = {
      {"Rad", ColumnKind::Text, 0}, {"Kr", ColumnKind::Decimal, 2}, {"Tkr", ColumnKind::Amount, 0}};
  table.rows = {{RowKind::Item, 0, {std::string("a"), -2'855'737.5, std::int64_t{12}}},
                {RowKind::Total, 0, {std::string("b"), 1.0, std::int64_t{-1'234'567'890'123}}}};
  doc.sections = {table};
  const Package p = unzip(render(doc));
  const auto widths = testing::columnWidths(p.parts.at("xl/worksheets/sheet1.xml"));
  // As Excel shows them: "-2 855 737,50" and "-1 234 567 890 123".
  EXPECT_GE(widths.at(1), static_cast<double>(std::string("-2 855 737,50").size()));
  EXPECT_GE(widths.at(2), static_cast<double>(std::string("-1 234 567 890 123").size()));
}

// The document title and footnotes run on into the empty cells beside: column A keeps the
// text kind's width of templates/xlsx/document.json.
TEST_F(XlsxRenderTest, TitlesAndFootnotesDoNotWidenColumnA) {
  Document doc = sampleDocument();
  doc.title = std::string(90, 'T');
  Table table = tableTitled(std::string(80, 'R'));
  table.rows = {{RowKind::Item, 0, {std::string("Kort")}}};
  table.footnotes = {std::string(100, 'f')};
  doc.sections = {table};
  const Package p = unzip(render(doc));
  EXPECT_NEAR(testing::columnWidths(p.parts.at("xl/worksheets/sheet1.xml")).at(0), 36.0,
              kStoredPadding);
}

TEST_F(XlsxRenderTest, APageTableHasNoFilter) {
  const Package p = unzip(render(sampleDocument()));
  EXPECT_FALSE(contains(p.parts.at("xl/worksheets/sheet1.xml"), "autoFilter"));
}

// Excel allows one filter range per sheet, and it would hide rows of the other tables.
TEST_F(XlsxSharedSheetTest, ASharedSheetHasNoFilter) {
  Document doc = sampleDocument();
  Table first = std::get<Table>(doc.sections[0]);
  first.id = "del_1";
  first.pageSummary = "Tabellen finns i Excelfilen.";
  doc.sections = {first, investments()};
  const Package p = unzip(render(doc, "rapport.xlsx", sharedLayout()));
  EXPECT_FALSE(contains(p.parts.at("xl/worksheets/sheet1.xml"), "autoFilter"));
}

// The repository's layouts: the delårsrapport's whole mål part on one sheet "Mål", the
// avvikelser report's HSL tables on one sheet "HSL", the charts per verksamhet on one.
TEST_F(XlsxRenderTest, TheDelarsrapportsGoalsShareOneSheet) {
  Document doc = sampleDocument();
  doc.kind = "delarsrapport";
  const Table goal = tableTitled("Nämndsmål: Fler i egen försörjning");
  const auto with = [](Table t, const std::string& id) {
    t.id = id;
    return t;
  };
  doc.sections = {with(tableTitled("RSUM"), "rsum"),
                  PartHeading{"mal", "Mål"},
                  TextSection{"malomrade_1", "En hållbar kommun", {"Vision."}, {}},
                  with(goal, "mal_1_1"),
                  with(goal, "mal_1_2"),
                  TextSection{"malomrade_2", "En attraktiv kommun", {}, {}},
                  with(goal, "mal_2_1"),
                  CheckSection{"mal_kontroller", "Kontroller: beräknade mätetal", {}},
                  with(tableTitled("Bilaga"), "bilaga"),
                  CheckSection{"kontroller", "Kontroller", {}}};
  EXPECT_EQ(sheetNames(unzip(render(doc))),
            (std::vector<std::string>{"RSUM", "Mål", "Bilaga ansvarsnivå", "Kontroller"}));
}

TEST_F(XlsxRenderTest, TheAvvikelserReportsHslTablesShareOneSheet) {
  Document doc = sampleDocument();
  doc.kind = "avvikelser";
  const auto table = [](const std::string& id) {
    Table t = tableTitled(id);
    t.id = id;
    return t;
  };
  Chart first = testing::sampleChart();
  first.id = "diagram_andelar_ALD";
  Chart second = first;
  second.id = "diagram_andelar_IFO";
  doc.sections = {table("oversikt"),
                  table("per_enhet"),
                  first,
                  second,
                  table("hsl_kategorier"),
                  table("fall"),
                  table("lakemedel"),
                  table("hsl_ovrigt"),
                  table("externa"),
                  table("lex_maria"),
                  TextSection{"underrapportering", "Underrapportering", {"Text."}, {}},
                  table("underrapportering_enheter")};
  EXPECT_EQ(sheetNames(unzip(render(doc))),
            (std::vector<std::string>{"Översikt", "Per enhet", "Typ av händelse", "HSL",
                                      "Lex Maria", "Underrapportering"}));
}

// "investeringar_*" and "investeringar": where several keys ending in "*" fit, the longest does.
TEST_F(XlsxRenderTest, TheLongestFittingPrefixNamesTheSheet) {
  const fs::path templates = dir_ / "mallar";
  fs::create_directories(templates / "xlsx");
  fs::copy_file(kTemplates / "xlsx" / "document.json", templates / "xlsx" / "document.json");
  writeFile(templates / "xlsx" / "testrapport.json",
            R"({"sheetNames": {"a_*": "Allmänt", "a_b_*": "Bestämt", "a_b_c": "Exakt"}})");
  Document doc = sampleDocument();
  Table first = tableTitled("Ett");
  first.id = "a_b_1";
  Table second = tableTitled("Två");
  second.id = "a_1";
  Table third = tableTitled("Tre");
  third.id = "a_b_c";
  doc.sections = {first, second, third};
  EXPECT_EQ(sheetNames(unzip(render(doc, "rapport.xlsx", templates))),
            (std::vector<std::string>{"Bestämt", "Allmänt", "Exakt"}));
}

}  // namespace
}  // namespace namnd
