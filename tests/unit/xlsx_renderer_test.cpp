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

namespace namnd {
namespace {

namespace fs = std::filesystem;
using testing::contains;
using testing::readFile;
using testing::sampleDocument;
using testing::writeFile;

const fs::path kTemplates = testing::repoPath("templates");

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
  EXPECT_EQ(sheet.at("D4")->style.numberFormat, "#,##0;-#,##0");
  EXPECT_EQ(sheet.at("F4")->style.numberFormat, "#,##0;-#,##0");
}

// A change stays a number the controller can sum; the format adds the plus sign.
TEST_F(XlsxRenderTest, AChangeColumnIsANumberWithASignedFormat) {
  Document doc = sampleDocument();
  Table& table = std::get<Table>(doc.sections.front());
  ASSERT_EQ(table.columns.back().kind, ColumnKind::Count);
  table.columns.back().showPlusSign = true;
  const Sheet sheet(unzip(render(doc)), 1);
  EXPECT_CELL(sheet, "F4", "", "1042");
  EXPECT_EQ(sheet.at("F4")->style.numberFormat, "+#,##0;-#,##0;0");
  EXPECT_EQ(sheet.at("D4")->style.numberFormat, "#,##0;-#,##0");
}

TEST_F(XlsxRenderTest, PercentIsTheRatioWithAPercentFormat) {
  const Sheet sheet(unzip(render(sampleDocument())), 1);
  EXPECT_CELL(sheet, "E4", "", "1.231");
  EXPECT_CELL(sheet, "E8", "", "-0.0154");
  EXPECT_EQ(sheet.at("E4")->style.numberFormat, "0.0%");
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
  EXPECT_EQ(total.numberFormat, "#,##0;-#,##0");
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

TEST_F(XlsxRenderTest, PanesFreezeBelowTheHeaderAndPagesPrintA4Landscape) {
  const Package p = unzip(render(sampleDocument()));
  const std::string& xml = p.parts.at("xl/worksheets/sheet1.xml");
  EXPECT_TRUE(contains(xml,
                       "<pane ySplit=\"3\" topLeftCell=\"A4\" activePane=\"bottomLeft\" "
                       "state=\"frozen\"/>"))
      << xml;
  EXPECT_TRUE(contains(xml, "<pageSetUpPr fitToPage=\"1\"/>"));
  const auto setup = elements(xml, "pageSetup");
  ASSERT_EQ(setup.size(), 1u);
  EXPECT_EQ(attribute(setup[0], "paperSize"), "9");  // A4
  EXPECT_EQ(attribute(setup[0], "orientation"), "landscape");
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
  EXPECT_CELL(sheet, "A4", "s", "Prognosen visar ett underskott på 23 mnkr.");
  EXPECT_CELL(sheet, "A5", "s", "\xE2\x80\xA2 Åtgärdsplan <b>beslutad</b>");
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
            R"({"orientation": "portrait", "sheetNames": {"omraden": "Områden"}})");
  const Package p = unzip(render(sampleDocument(), "rapport.xlsx", templates));
  EXPECT_EQ(sheetNames(p), (std::vector<std::string>{"Områden", "Kommentar", "Kontroller"}));
  const auto setup = elements(p.parts.at("xl/worksheets/sheet1.xml"), "pageSetup");
  ASSERT_EQ(setup.size(), 1u);
  EXPECT_EQ(attribute(setup[0], "paperSize"), "9");  // still from document.json
  EXPECT_EQ(attribute(setup[0], "orientation"), "portrait");
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

}  // namespace
}  // namespace namnd
