#include "ingest/xlsx/xlsx_reader.hpp"

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "ingest/xlsx/cell_reference.hpp"
#include "ingest/xlsx/excel_date.hpp"
#include "ingest/xlsx/relationships.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using Type = XlsxCell::Type;
using Part = std::pair<std::string, std::string>;  // zip entry name, content
using testing::mentions;
using testing::readFile;
using testing::thrown;
using testing::writeFile;

// ---------------------------------------------------------------------------------------------
// Helpers

std::vector<XlsxRow> readRows(const XlsxWorkbook& book, std::string_view sheet = "") {
  std::vector<XlsxRow> rows;
  book.readSheet(sheet, [&](const XlsxRow& row) { rows.push_back(row); });
  return rows;
}

struct ZipOptions {
  bool seekable = true;  // false: Poco streams the zip with data descriptors after each entry
  Poco::Zip::ZipCommon::CompressionMethod method = Poco::Zip::ZipCommon::CM_DEFLATE;
};

void writeZip(const fs::path& path, const std::vector<Part>& parts, ZipOptions options = {}) {
  std::ofstream out(path, std::ios::binary);
  Poco::Zip::Compress zip(out, options.seekable);
  for (const auto& [name, content] : parts) {
    std::istringstream in(content);
    zip.addFile(in, Poco::DateTime(2025, 1, 31), Poco::Path(name, Poco::Path::PATH_UNIX),
                options.method, Poco::Zip::ZipCommon::CL_MAXIMUM);
  }
  zip.close();
}

constexpr const char* kMainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string worksheetXml(const std::string& sheetData) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") +
         "<worksheet xmlns=\"" + kMainNs + "\"><sheetData>" + sheetData +
         "</sheetData></worksheet>";
}

// The parts of a one-sheet workbook as Excel lays them out, with the sheet's XML as given.
std::vector<Part> oneSheetPackage(const std::string& sheetXml,
                                  const std::string& sheetTarget = "worksheets/sheet1.xml") {
  const std::string relationshipsNs =
      "http://schemas.openxmlformats.org/package/2006/relationships";
  return {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"" + relationshipsNs +
                          "\"><Relationship Id=\"rId1\" Type=\"" + kRelNs +
                          "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", std::string("<?xml version=\"1.0\"?><workbook xmlns=\"") + kMainNs +
                              "\" xmlns:r=\"" + kRelNs +
                              "\"><sheets><sheet name=\"Data\" sheetId=\"1\" "
                              "r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"" +
                                         relationshipsNs + "\"><Relationship Id=\"rId1\" Type=\"" +
                                         kRelNs + "/worksheet\" Target=\"" + sheetTarget +
                                         "\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", sheetXml},
  };
}

class XlsxReaderTest : public ::testing::Test {
 protected:
  fs::path path(const std::string& name) const { return dir_ / name; }

  // A workbook with one sheet "Utfall" holding a small committee table, written by
  // libxlsxwriter as our renderer writes reports.
  fs::path writeUtfallWorkbook(const std::string& name) {
    const fs::path file = path(name);
    lxw_workbook* book = workbook_new(file.c_str());
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Utfall");
    worksheet_write_string(sheet, 0, 0, "Ansvar", nullptr);
    worksheet_write_string(sheet, 0, 1, "Belopp", nullptr);
    worksheet_write_string(sheet, 1, 0, "Nämndsverksamhet", nullptr);
    worksheet_write_number(sheet, 1, 1, 434750.25, nullptr);
    worksheet_write_string(sheet, 2, 0, "Äldreomsorg", nullptr);
    worksheet_write_number(sheet, 2, 1, -11638700, nullptr);
    EXPECT_EQ(workbook_close(book), LXW_NO_ERROR);
    return file;
  }

 private:
  testing::TempDir dir_;
};

// ---------------------------------------------------------------------------------------------
// Cell references, dates, relationship targets

TEST(XlsxCellReference, ParsesColumnLettersAndRow) {
  const auto a1 = parseCellReference("A1");
  ASSERT_TRUE(a1);
  EXPECT_EQ(a1->column, 0);
  EXPECT_EQ(a1->row, 1);

  const auto ab12 = parseCellReference("AB12");  // A…Z = 0…25, AA = 26, AB = 27
  ASSERT_TRUE(ab12);
  EXPECT_EQ(ab12->column, 27);
  EXPECT_EQ(ab12->row, 12);

  const auto last = parseCellReference("XFD1048576");  // 26·26·24 + 26·6 + 4 − 1 = 16383
  ASSERT_TRUE(last);
  EXPECT_EQ(last->column, 16383);
  EXPECT_EQ(last->row, 1'048'576);

  EXPECT_EQ(parseCellReference("z9")->column, 25);
}

TEST(XlsxCellReference, RejectsWhatIsNoCell) {
  for (const char* text : {"", "A", "12", "A0", "XFE1", "A1048577", "$A$1", "A1B", "AAAA1", "1A"}) {
    EXPECT_FALSE(parseCellReference(text)) << text;
  }
}

TEST(XlsxCellReference, NamesColumns) {
  EXPECT_EQ(columnName(0), "A");
  EXPECT_EQ(columnName(25), "Z");
  EXPECT_EQ(columnName(26), "AA");
  EXPECT_EQ(columnName(27), "AB");
  EXPECT_EQ(columnName(16383), "XFD");
}

TEST(XlsxExcelDate, ConvertsSerialsOfThe1900System) {
  EXPECT_EQ(excelSerialToIsoDate(1), "1900-01-01");
  EXPECT_EQ(excelSerialToIsoDate(59), "1900-02-28");
  EXPECT_EQ(excelSerialToIsoDate(60), "1900-02-29");  // Excel's day that never was
  EXPECT_EQ(excelSerialToIsoDate(61), "1900-03-01");
  EXPECT_EQ(excelSerialToIsoDate(44562), "2022-01-01");
  // 2022-01-01 + 31+28+31+30+31+30+31 (Jan–Jul) + 30 days = 2022-08-31: the delårsbokslut.
  EXPECT_EQ(excelSerialToIsoDate(44562 + 242), "2022-08-31");
  EXPECT_EQ(excelSerialToIsoDate(45658.75), "2025-01-01");  // 18:00 is still that day
  EXPECT_EQ(excelSerialToIsoDate(2958465), "9999-12-31");
}

TEST(XlsxExcelDate, RefusesSerialsOutsideTheCalendar) {
  EXPECT_EQ(excelSerialToIsoDate(0), std::nullopt);
  EXPECT_EQ(excelSerialToIsoDate(-1), std::nullopt);
  EXPECT_EQ(excelSerialToIsoDate(2958466), std::nullopt);
  EXPECT_EQ(excelSerialToIsoDate(std::numeric_limits<double>::quiet_NaN()), std::nullopt);
  EXPECT_EQ(excelSerialToIsoDate(std::numeric_limits<double>::infinity()), std::nullopt);
}

TEST(XlsxExcelDate, ConvertsSerialsOfThe1904System) {
  EXPECT_EQ(excelSerialToIsoDate(0, ExcelDateSystem::k1904), "1904-01-01");
  EXPECT_EQ(excelSerialToIsoDate(366, ExcelDateSystem::k1904), "1905-01-01");  // 1904 is leap
  // The two systems are 1462 days apart.
  EXPECT_EQ(excelSerialToIsoDate(44804 - 1462, ExcelDateSystem::k1904), "2022-08-31");
}

TEST(XlsxRelationships, ResolvesTargetsAgainstTheSourcePart) {
  EXPECT_EQ(resolveRelationshipTarget("xl/workbook.xml", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml");
  EXPECT_EQ(resolveRelationshipTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml");
  EXPECT_EQ(resolveRelationshipTarget("xl/worksheets/sheet1.xml", "../sharedStrings.xml"),
            "xl/sharedStrings.xml");
  EXPECT_EQ(resolveRelationshipTarget("", "xl/workbook.xml"), "xl/workbook.xml");
  EXPECT_EQ(relationshipsPartName("xl/workbook.xml"), "xl/_rels/workbook.xml.rels");
  EXPECT_EQ(relationshipsPartName(""), "_rels/.rels");
}

// ---------------------------------------------------------------------------------------------
// Workbooks written by libxlsxwriter, read back

TEST_F(XlsxReaderTest, ReadsNumbersStringsFormulasAndGaps) {
  const fs::path file = path("utfall.xlsx");
  lxw_workbook* book = workbook_new(file.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Utfall");
  worksheet_write_string(sheet, 0, 0, "Ansvar", nullptr);
  worksheet_write_string(sheet, 0, 1, "Belopp", nullptr);
  worksheet_write_string(sheet, 0, 2, "Kommentar", nullptr);
  worksheet_write_string(sheet, 1, 0, "Nämndsverksamhet", nullptr);
  worksheet_write_number(sheet, 1, 1, 434750.25, nullptr);
  worksheet_write_string(sheet, 1, 2, "Ökad efterfrågan på hemtjänst", nullptr);
  worksheet_write_string(sheet, 2, 0, "Äldreomsorg", nullptr);
  worksheet_write_number(sheet, 2, 1, -11638700, nullptr);
  worksheet_write_number(sheet, 2, 3, 0.5, nullptr);  // C3 stays empty
  worksheet_write_string(sheet, 3, 0, "Summa", nullptr);
  // 434 750.25 − 11 638 700 = −11 203 949.75
  worksheet_write_formula_num(sheet, 3, 1, "=SUM(B2:B3)", nullptr, -11203949.75);
  worksheet_write_string(sheet, 5, 2, "mitten", nullptr);  // row 5 skipped, A6:B6 empty
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

  const XlsxWorkbook workbook = XlsxWorkbook::open(file, "utfall.xlsx");
  EXPECT_EQ(workbook.sheetNames(), std::vector<std::string>{"Utfall"});
  const std::vector<XlsxRow> rows = readRows(workbook);
  ASSERT_EQ(rows.size(), 5u);

  EXPECT_EQ(rows[0].rowNumber, 1);
  ASSERT_EQ(rows[0].cells.size(), 3u);
  EXPECT_EQ(rows[0].cells[2].type, Type::Text);
  EXPECT_EQ(rows[0].cells[2].text, "Kommentar");

  ASSERT_EQ(rows[1].cells.size(), 3u);
  EXPECT_EQ(rows[1].cells[0].text, "Nämndsverksamhet");
  EXPECT_EQ(rows[1].cells[1].type, Type::Number);
  EXPECT_EQ(rows[1].cells[1].text, "434750.25");
  EXPECT_EQ(rows[1].cells[1].number, 434750.25);
  EXPECT_EQ(rows[1].cells[2].text, "Ökad efterfrågan på hemtjänst");

  ASSERT_EQ(rows[2].cells.size(), 4u);
  EXPECT_EQ(rows[2].cells[0].text, "Äldreomsorg");
  EXPECT_EQ(rows[2].cells[1].text, "-11638700");
  EXPECT_EQ(rows[2].cells[1].number, -11638700.0);
  EXPECT_EQ(rows[2].cells[2].type, Type::Empty);
  EXPECT_EQ(rows[2].cells[3].text, "0.5");
  EXPECT_EQ(rows[2].cells[3].number, 0.5);

  ASSERT_EQ(rows[3].cells.size(), 2u);
  EXPECT_EQ(rows[3].cells[1].type, Type::Number);  // the formula's cached value
  EXPECT_EQ(rows[3].cells[1].text, "-11203949.75");

  EXPECT_EQ(rows[4].rowNumber, 6);
  ASSERT_EQ(rows[4].cells.size(), 3u);
  EXPECT_EQ(rows[4].cells[0].type, Type::Empty);
  EXPECT_EQ(rows[4].cells[1].type, Type::Empty);
  EXPECT_EQ(rows[4].cells[2].text, "mitten");
}

TEST_F(XlsxReaderTest, SelectsSheetsByName) {
  const fs::path file = path("tva_blad.xlsx");
  lxw_workbook* book = workbook_new(file.c_str());
  lxw_worksheet* utfall = workbook_add_worksheet(book, "Utfall");
  lxw_worksheet* budget = workbook_add_worksheet(book, "Budget 2025");
  worksheet_write_string(utfall, 0, 0, "första bladet", nullptr);
  worksheet_write_string(budget, 0, 0, "andra bladet", nullptr);
  worksheet_write_number(budget, 1, 0, -11638700, nullptr);
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

  const XlsxWorkbook workbook = XlsxWorkbook::open(file, "tva_blad.xlsx");
  EXPECT_EQ(workbook.sheetNames(), (std::vector<std::string>{"Utfall", "Budget 2025"}));

  const std::vector<XlsxRow> first = readRows(workbook, "");
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].cells[0].text, "första bladet");

  const std::vector<XlsxRow> second = readRows(workbook, "Budget 2025");
  ASSERT_EQ(second.size(), 2u);
  EXPECT_EQ(second[0].cells[0].text, "andra bladet");
  EXPECT_EQ(second[1].cells[0].text, "-11638700");

  const std::vector<XlsxRow> anyCase = readRows(workbook, "BUDGET 2025");
  ASSERT_EQ(anyCase.size(), 2u);
  EXPECT_EQ(anyCase[0].cells[0].text, "andra bladet");
}

TEST_F(XlsxReaderTest, ReadsDatesAsSerialsThatConvertToIsoDates) {
  const fs::path file = path("datum.xlsx");
  lxw_workbook* book = workbook_new(file.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Avvikelser");
  lxw_format* dateFormat = workbook_add_format(book);
  format_set_num_format(dateFormat, "yyyy-mm-dd");
  lxw_datetime delarsbokslut = {2022, 8, 31, 0, 0, 0.0};
  worksheet_write_datetime(sheet, 0, 0, &delarsbokslut, dateFormat);
  worksheet_write_number(sheet, 0, 1, 45658, dateFormat);  // a raw serial: 2025-01-01
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

  const XlsxWorkbook workbook = XlsxWorkbook::open(file, "datum.xlsx");
  EXPECT_EQ(workbook.dateSystem(), ExcelDateSystem::k1900);
  const std::vector<XlsxRow> rows = readRows(workbook);
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].cells.size(), 2u);
  EXPECT_EQ(rows[0].cells[0].type, Type::Number);
  EXPECT_EQ(rows[0].cells[0].text, "44804");
  EXPECT_EQ(excelSerialToIsoDate(rows[0].cells[0].number), "2022-08-31");
  EXPECT_EQ(excelSerialToIsoDate(rows[0].cells[1].number), "2025-01-01");
}

TEST_F(XlsxReaderTest, ReadsRichStringsBooleansFormulaStringsAndSpaces) {
  const fs::path file = path("text.xlsx");
  lxw_workbook* book = workbook_new(file.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Text");
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  char boldPart[] = "Nämnd";
  char plainPart[] = "rapport för 2025";
  lxw_rich_string_tuple first = {bold, boldPart};
  lxw_rich_string_tuple second = {nullptr, plainPart};
  lxw_rich_string_tuple* fragments[] = {&first, &second, nullptr};
  worksheet_write_rich_string(sheet, 0, 0, fragments, nullptr);
  worksheet_write_string(sheet, 1, 0, "  två mellanslag före och efter  ", nullptr);
  worksheet_write_boolean(sheet, 2, 0, 1, nullptr);
  worksheet_write_boolean(sheet, 2, 1, 0, nullptr);
  worksheet_write_formula_str(sheet, 3, 0, "=\"Sol\"&\"na\"", nullptr, "Solna");
  worksheet_write_blank(sheet, 4, 0, bold);  // a formatted blank: the row has no value
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

  const std::vector<XlsxRow> rows = readRows(XlsxWorkbook::open(file, "text.xlsx"));
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].cells[0].type, Type::Text);
  EXPECT_EQ(rows[0].cells[0].text, "Nämndrapport för 2025");
  EXPECT_EQ(rows[1].cells[0].text, "  två mellanslag före och efter  ");
  ASSERT_EQ(rows[2].cells.size(), 2u);
  EXPECT_EQ(rows[2].cells[0].type, Type::Boolean);
  EXPECT_EQ(rows[2].cells[0].text, "1");
  EXPECT_EQ(rows[2].cells[1].type, Type::Boolean);
  EXPECT_EQ(rows[2].cells[1].text, "0");
  EXPECT_EQ(rows[3].cells[0].type, Type::Text);
  EXPECT_EQ(rows[3].cells[0].text, "Solna");
  EXPECT_EQ(rows[4].rowNumber, 5);
  EXPECT_TRUE(rows[4].cells.empty());
}

TEST_F(XlsxReaderTest, ReadsInlineStringsOfConstantMemoryWorkbooks) {
  const fs::path file = path("stor.xlsx");
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  lxw_workbook* book = workbook_new_opt(file.c_str(), &options);
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Huvudbok");
  for (int row = 0; row < 1000; ++row) {
    worksheet_write_string(sheet, row, 0, row % 2 == 0 ? "Lön" : "Hyra", nullptr);
    worksheet_write_number(sheet, row, 1, row * 100 + 0.25, nullptr);
  }
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

  const std::vector<XlsxRow> rows = readRows(XlsxWorkbook::open(file, "stor.xlsx"));
  ASSERT_EQ(rows.size(), 1000u);
  EXPECT_EQ(rows[0].cells[0].text, "Lön");
  EXPECT_EQ(rows[999].rowNumber, 1000);
  EXPECT_EQ(rows[999].cells[0].text, "Hyra");
  EXPECT_EQ(rows[999].cells[1].text, "99900.25");  // 999 · 100 + 0.25
}

TEST_F(XlsxReaderTest, ReadsWorkbookFromMemory) {
  const fs::path file = writeUtfallWorkbook("minne.xlsx");
  auto bytes = std::make_shared<const std::string>(readFile(file));
  const XlsxWorkbook workbook = XlsxWorkbook::openBytes(bytes, "minne.xlsx");
  const std::vector<XlsxRow> rows = readRows(workbook, "Utfall");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].cells[1].text, "434750.25");
  EXPECT_EQ(rows[2].cells[0].text, "Äldreomsorg");
}

TEST_F(XlsxReaderTest, StopsWhenTheCallbackThrows) {
  const XlsxWorkbook workbook = XlsxWorkbook::open(writeUtfallWorkbook("stopp.xlsx"), "stopp.xlsx");
  struct Enough {};
  int seen = 0;
  const auto stopAtSecondRow = [&](const XlsxRow&) {
    if (++seen == 2) throw Enough{};
  };
  EXPECT_THROW(workbook.readSheet("", stopAtSecondRow), Enough);
  EXPECT_EQ(seen, 2);
  EXPECT_EQ(readRows(workbook).size(), 3u);  // the workbook can still be read afterwards
}

// ---------------------------------------------------------------------------------------------
// Hand-built packages: what libxlsxwriter never writes

TEST_F(XlsxReaderTest, ReadsInlineStringsAndCellsWithoutReferences) {
  const std::string sheet = worksheetXml(
      // No r on rows or cells: they follow one another. Phonetic hints are not text.
      "<row><c t=\"inlineStr\"><is><t>Konto</t></is></c>"
      "<c t=\"inlineStr\"><is><r><t>Bel</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">opp "
      "</t></r><rPh sb=\"0\" eb=\"1\"><t>ベロップ</t></rPh></is></c></row>"
      "<row><c><v>1E-3</v></c><c t=\"n\"><v>+5</v></c><c/>"
      "<c t=\"str\"><f>A1</f><v>Konto</v></c></row>"
      // Rows may jump; a formula without a cached value reads as empty.
      "<row r=\"7\"><c r=\"C7\" t=\"e\"><v>#DIV/0!</v></c><c><f>SUM(A1:A2)</f></c></row>"
      "<row><c r=\"B8\" t=\"d\"><v>2025-01-31</v></c></row>");
  // An absolute target, and no sharedStrings part at all.
  writeZip(path("inline.xlsx"), oneSheetPackage(sheet, "/xl/worksheets/sheet1.xml"));

  const std::vector<XlsxRow> rows =
      readRows(XlsxWorkbook::open(path("inline.xlsx"), "inline.xlsx"));
  ASSERT_EQ(rows.size(), 4u);

  EXPECT_EQ(rows[0].rowNumber, 1);
  ASSERT_EQ(rows[0].cells.size(), 2u);
  EXPECT_EQ(rows[0].cells[0].text, "Konto");
  EXPECT_EQ(rows[0].cells[1].type, Type::Text);
  EXPECT_EQ(rows[0].cells[1].text, "Belopp ");

  EXPECT_EQ(rows[1].rowNumber, 2);
  ASSERT_EQ(rows[1].cells.size(), 4u);
  EXPECT_EQ(rows[1].cells[0].type, Type::Number);
  EXPECT_EQ(rows[1].cells[0].text, "1E-3");
  EXPECT_EQ(rows[1].cells[0].number, 0.001);
  EXPECT_EQ(rows[1].cells[1].text, "+5");
  EXPECT_EQ(rows[1].cells[1].number, 5.0);
  EXPECT_EQ(rows[1].cells[2].type, Type::Empty);
  EXPECT_EQ(rows[1].cells[3].type, Type::Text);
  EXPECT_EQ(rows[1].cells[3].text, "Konto");

  EXPECT_EQ(rows[2].rowNumber, 7);
  ASSERT_EQ(rows[2].cells.size(), 3u);
  EXPECT_EQ(rows[2].cells[2].type, Type::Error);
  EXPECT_EQ(rows[2].cells[2].text, "#DIV/0!");

  EXPECT_EQ(rows[3].rowNumber, 8);
  ASSERT_EQ(rows[3].cells.size(), 2u);
  EXPECT_EQ(rows[3].cells[1].text, "2025-01-31");
}

TEST_F(XlsxReaderTest, ReadsPrefixedElementsAndRichSharedStringsFromAStreamedZip) {
  std::vector<Part> parts = oneSheetPackage(
      std::string("<x:worksheet xmlns:x=\"") + kMainNs + "\"><x:sheetData>" +
      "<x:row r=\"1\"><x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c><x:c r=\"B1\" t=\"s\">"
      "<x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>");
  parts.push_back(
      {"xl/sharedStrings.xml",
       std::string("<sst xmlns=\"") + kMainNs + "\" count=\"2\" uniqueCount=\"2\">" +
           "<si><r><t>Öres</t></r><r><rPr><i/></rPr><t xml:space=\"preserve\"> avrundning</t>"
           "</r><rPh sb=\"0\" eb=\"1\"><t>x</t></rPh></si><si><t>Kr/invånare</t></si></sst>"});
  // No relationship to sharedStrings.xml: found where Excel puts it. Data descriptors follow
  // each entry because the zip is written as a stream.
  writeZip(path("prefix.xlsx"), parts, {.seekable = false});

  const std::vector<XlsxRow> rows =
      readRows(XlsxWorkbook::open(path("prefix.xlsx"), "prefix.xlsx"));
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].cells.size(), 2u);
  EXPECT_EQ(rows[0].cells[0].text, "Öres avrundning");
  EXPECT_EQ(rows[0].cells[1].text, "Kr/invånare");
}

TEST_F(XlsxReaderTest, ReadsThe1904DateSystemFlag) {
  std::vector<Part> parts =
      oneSheetPackage(worksheetXml("<row r=\"1\"><c r=\"A1\"><v>43342</v></c></row>"));
  parts[2].second = std::string("<workbook xmlns=\"") + kMainNs + "\" xmlns:r=\"" + kRelNs +
                    "\"><workbookPr date1904=\"1\"/><sheets><sheet name=\"Data\" sheetId=\"1\" "
                    "r:id=\"rId1\"/></sheets></workbook>";
  writeZip(path("mac.xlsx"), parts);

  const XlsxWorkbook workbook = XlsxWorkbook::open(path("mac.xlsx"), "mac.xlsx");
  EXPECT_EQ(workbook.dateSystem(), ExcelDateSystem::k1904);
  const std::vector<XlsxRow> rows = readRows(workbook);
  EXPECT_EQ(excelSerialToIsoDate(rows.at(0).cells.at(0).number, workbook.dateSystem()),
            "2022-08-31");
}

// ---------------------------------------------------------------------------------------------
// Files that must be refused, each with a message naming the file

TEST_F(XlsxReaderTest, RefusesAFileThatIsNoZip) {
  writeFile(path("budget.xlsx"), "ansvar;konto;belopp\n1100;4010;-500\n");
  EXPECT_TRUE(
      mentions(thrown<InputError>([&] { XlsxWorkbook::open(path("budget.xlsx"), "budget.xlsx"); }),
               {"budget.xlsx", "zip"}));
}

TEST_F(XlsxReaderTest, RefusesAMissingFile) {
  EXPECT_TRUE(mentions(
      thrown<InputError>([&] { XlsxWorkbook::open(path("finns_inte.xlsx"), "finns_inte.xlsx"); }),
      {"finns_inte.xlsx"}));
}

TEST_F(XlsxReaderTest, RefusesATruncatedZip) {
  const std::string bytes = readFile(writeUtfallWorkbook("hel.xlsx"));
  for (const std::size_t keep : {bytes.size() / 2, bytes.size() - 10}) {
    writeFile(path("avkortad.xlsx"), bytes.substr(0, keep));
    EXPECT_TRUE(mentions(
        thrown<InputError>([&] { XlsxWorkbook::open(path("avkortad.xlsx"), "avkortad.xlsx"); }),
        {"avkortad.xlsx"}));
  }
}

TEST_F(XlsxReaderTest, RefusesAnEntryWhoseChecksumDoesNotMatch) {
  writeZip(path("skadad.xlsx"),
           oneSheetPackage(worksheetXml(
               "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>MARKERING</t></is></c></row>")),
           {.method = Poco::Zip::ZipCommon::CM_STORE});
  std::string bytes = readFile(path("skadad.xlsx"));
  const std::size_t marker = bytes.find("MARKERING");
  ASSERT_NE(marker, std::string::npos);
  bytes[marker] = 'N';  // still well-formed XML: only the CRC can tell
  writeFile(path("skadad.xlsx"), bytes);

  const XlsxWorkbook workbook = XlsxWorkbook::open(path("skadad.xlsx"), "skadad.xlsx");
  EXPECT_TRUE(mentions(thrown<InputError>([&] { readRows(workbook); }),
                       {"skadad.xlsx", "xl/worksheets/sheet1.xml"}));
}

TEST_F(XlsxReaderTest, RefusesAPackageWithoutWorkbookPart) {
  std::vector<Part> parts = oneSheetPackage(worksheetXml(""));
  parts.erase(parts.begin() + 2);  // xl/workbook.xml
  writeZip(path("utan_arbetsbok.xlsx"), parts);
  EXPECT_TRUE(mentions(thrown<InputError>([&] {
                         XlsxWorkbook::open(path("utan_arbetsbok.xlsx"), "utan_arbetsbok.xlsx");
                       }),
                       {"utan_arbetsbok.xlsx", "xl/workbook.xml"}));
}

TEST_F(XlsxReaderTest, RefusesMalformedXml) {
  writeZip(path("trasig.xlsx"),
           oneSheetPackage(worksheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></row>")));
  const XlsxWorkbook workbook = XlsxWorkbook::open(path("trasig.xlsx"), "trasig.xlsx");
  EXPECT_TRUE(mentions(thrown<InputError>([&] { readRows(workbook); }),
                       {"trasig.xlsx", "xl/worksheets/sheet1.xml", "felaktig XML"}));
}

TEST_F(XlsxReaderTest, RefusesEntityExpansion) {
  const std::string billionLaughs =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE worksheet [\n"
      "<!ENTITY a \"hahahahahahahahahaha\">\n"
      "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
      "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
      "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
      "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
      "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n]>\n"
      "<worksheet xmlns=\"" +
      std::string(kMainNs) +
      "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&f;</t></is></c></row>"
      "</sheetData></worksheet>";
  writeZip(path("skratt.xlsx"), oneSheetPackage(billionLaughs));
  const XlsxWorkbook workbook = XlsxWorkbook::open(path("skratt.xlsx"), "skratt.xlsx");
  EXPECT_TRUE(mentions(thrown<InputError>([&] { readRows(workbook); }),
                       {"skratt.xlsx", "xl/worksheets/sheet1.xml", "DTD"}));
}

TEST_F(XlsxReaderTest, RefusesExternalEntitiesInSharedStrings) {
  std::vector<Part> parts = oneSheetPackage(worksheetXml(""));
  parts.push_back({"xl/sharedStrings.xml",
                   "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY xxe SYSTEM "
                   "\"file:///etc/passwd\">]><sst xmlns=\"" +
                       std::string(kMainNs) + "\"><si><t>&xxe;</t></si></sst>"});
  writeZip(path("extern.xlsx"), parts);
  EXPECT_TRUE(
      mentions(thrown<InputError>([&] { XlsxWorkbook::open(path("extern.xlsx"), "extern.xlsx"); }),
               {"extern.xlsx", "xl/sharedStrings.xml", "DTD"}));
}

TEST_F(XlsxReaderTest, RefusesAnEntryThatInflatesBeyondTheLimit) {
  const std::string padding(1 << 20, ' ');  // 1 MiB of blanks deflates to about 1 KiB
  writeZip(path("stor.xlsx"),
           oneSheetPackage(worksheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>" + padding)));

  ZipLimits small;
  small.maxEntryBytes = 256 * 1024;
  const XlsxWorkbook tooLarge = XlsxWorkbook::open(path("stor.xlsx"), "stor.xlsx", small);
  EXPECT_TRUE(mentions(thrown<InputError>([&] { readRows(tooLarge); }),
                       {"stor.xlsx", "xl/worksheets/sheet1.xml", "zip-bomb"}));

  ZipLimits strictRatio;
  strictRatio.ratioCheckFromBytes = 64 * 1024;
  strictRatio.maxCompressionRatio = 100;
  const XlsxWorkbook tooDense = XlsxWorkbook::open(path("stor.xlsx"), "stor.xlsx", strictRatio);
  EXPECT_TRUE(mentions(thrown<InputError>([&] { readRows(tooDense); }),
                       {"stor.xlsx", "xl/worksheets/sheet1.xml", "100:1"}));

  // Within the limits the same file is fine.
  EXPECT_EQ(readRows(XlsxWorkbook::open(path("stor.xlsx"), "stor.xlsx")).size(), 1u);
}

TEST_F(XlsxReaderTest, RefusesAnUnknownSheetNamingTheOnesThatExist) {
  const XlsxWorkbook workbook =
      XlsxWorkbook::open(writeUtfallWorkbook("utfall.xlsx"), "utfall.xlsx");
  EXPECT_TRUE(mentions(thrown<InputError>([&] { readRows(workbook, "Budget"); }),
                       {"utfall.xlsx", "\"Budget\"", "\"Utfall\""}));
}

TEST_F(XlsxReaderTest, RefusesAValueThatIsNoNumberNamingRowAndColumn) {
  writeZip(path("tal.xlsx"),
           oneSheetPackage(worksheetXml("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                                        "<row r=\"2\"><c r=\"B2\"><v>12,5</v></c></row>")));
  const XlsxWorkbook workbook = XlsxWorkbook::open(path("tal.xlsx"), "tal.xlsx");
  const auto error = thrown<InputError>([&] { readRows(workbook); });
  EXPECT_TRUE(mentions(error, {"tal.xlsx", "12,5", "\"Data\""}));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where().line, 2);
  EXPECT_EQ(error->where().column, "B");
}

TEST_F(XlsxReaderTest, RefusesASharedStringIndexOutOfRange) {
  std::vector<Part> parts =
      oneSheetPackage(worksheetXml("<row r=\"3\"><c r=\"C3\" t=\"s\"><v>1</v></c></row>"));
  parts.push_back({"xl/sharedStrings.xml",
                   std::string("<sst xmlns=\"") + kMainNs + "\"><si><t>bara en</t></si></sst>"});
  writeZip(path("index.xlsx"), parts);
  const XlsxWorkbook workbook = XlsxWorkbook::open(path("index.xlsx"), "index.xlsx");
  const auto error = thrown<InputError>([&] { readRows(workbook); });
  EXPECT_TRUE(mentions(error, {"index.xlsx"}));
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where().line, 3);
  EXPECT_EQ(error->where().column, "C");
}

TEST_F(XlsxReaderTest, RefusesABadCellReference) {
  writeZip(path("ref.xlsx"),
           oneSheetPackage(worksheetXml("<row r=\"1\"><c r=\"A0\"><v>1</v></c></row>")));
  const XlsxWorkbook workbook = XlsxWorkbook::open(path("ref.xlsx"), "ref.xlsx");
  EXPECT_TRUE(mentions(thrown<InputError>([&] { readRows(workbook); }), {"ref.xlsx", "A0"}));
}

}  // namespace
}  // namespace namnd
