#include "ingest/table/xlsx_source.hpp"

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "support/record_expectations.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::expectIdsAgreeWithNames;

namespace fs = std::filesystem;
using testing::TempDir;

// ---------------------------------------------------------------------------------------------
// Helpers

ColumnSpec column(std::string name, std::vector<std::string> aliases = {}, bool required = true) {
  ColumnSpec spec;
  spec.name = std::move(name);
  spec.aliases = std::move(aliases);
  spec.required = required;
  return spec;
}

// A ledger-like input: "period" or "datum", konto (alias kontonr), Swedish names that need
// folding ("År", "Förvaltning").
TableSpec ledgerSpec() {
  TableSpec spec;
  spec.columns = {
      column("period", {}, false),      column("datum", {}, false),
      column("konto", {"kontonr"}),     column("ansvar"),
      column("forvaltning", {}, false), column("belopp", {"belopp_kr"}),
      column("text", {}, false),        column("ar", {}, false),
  };
  spec.atLeastOneOf = {{"period", "datum"}};
  return spec;
}

// What a record said, copied out of the callback (a record lives only inside it).
struct Seen {
  std::int64_t line = 0;
  std::string period, datum, konto, ansvar, forvaltning, text, ar;
  std::optional<std::int64_t> belopp;
  std::string beloppError;
  SourceLocation beloppAt;
  std::optional<std::string> shape;
};

std::vector<Seen> readAll(XlsxSource& source, const TableSpec& spec = ledgerSpec()) {
  std::vector<Seen> seen;
  source.read(spec, [&](const Record& r) {
    expectIdsAgreeWithNames(r, spec);
    Seen s;
    s.line = r.line();
    s.period = r.text("period");
    s.datum = r.dateText("datum");
    s.konto = r.text("konto");
    s.ansvar = r.text("ansvar");
    s.forvaltning = r.text("forvaltning");
    s.text = r.text("text");
    s.ar = r.text("ar");
    s.belopp = r.amountOre("belopp", &s.beloppError);
    s.beloppAt = r.at("belopp");
    s.shape = r.shapeProblem();
    seen.push_back(std::move(s));
  });
  return seen;
}

XlsxSource sourceFor(const fs::path& file, const std::string& sheet = "") {
  return XlsxSource(std::make_shared<const std::string>(testing::readFile(file)),
                    file.filename().string(), sheet);
}

std::optional<InputError> readError(XlsxSource& source, const TableSpec& spec = ledgerSpec()) {
  try {
    readAll(source, spec);
  } catch (const InputError& error) {
    return error;
  }
  return std::nullopt;
}

void writeHeader(lxw_worksheet* sheet, int row, const std::vector<std::string>& names) {
  for (std::size_t c = 0; c < names.size(); ++c)
    worksheet_write_string(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(c),
                           names[c].c_str(), nullptr);
}

// Hand-built workbooks, for cell texts libxlsxwriter never writes (exponents, error cells).

std::string inlineCell(const std::string& ref, const std::string& text) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}
std::string numberCell(const std::string& ref, const std::string& stored) {
  return "<c r=\"" + ref + "\"><v>" + stored + "</v></c>";
}
std::string errorCell(const std::string& ref, const std::string& error) {
  return "<c r=\"" + ref + "\" t=\"e\"><v>" + error + "</v></c>";
}
std::string booleanCell(const std::string& ref, const std::string& value) {
  return "<c r=\"" + ref + "\" t=\"b\"><v>" + value + "</v></c>";
}
std::string row(int number, const std::string& cells) {
  return "<row r=\"" + std::to_string(number) + "\">" + cells + "</row>";
}

// A one-sheet workbook; workbookPr goes into workbook.xml (e.g. date1904="1").
std::string handBuiltWorkbook(const std::string& rows, const std::string& workbookPr = "") {
  const std::string mainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const std::string relNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const std::string packageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types "
       "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
      {"_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"" + packageRelNs +
                          "\"><Relationship Id=\"rId1\" Type=\"" + relNs +
                          "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"},
      {"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook xmlns=\"" + mainNs + "\" xmlns:r=\"" +
                              relNs + "\">" +
                              (workbookPr.empty() ? "" : "<workbookPr " + workbookPr + "/>") +
                              "<sheets><sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/>"
                              "</sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<?xml version=\"1.0\"?><Relationships xmlns=\"" + packageRelNs +
           "\"><Relationship Id=\"rId1\" Type=\"" + relNs +
           "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"},
      {"xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet xmlns=\"" + mainNs +
                                       "\"><sheetData>" + rows + "</sheetData></worksheet>"},
  };
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, content] : parts) {
    std::istringstream in(content);
    zip.addFile(in, Poco::DateTime(2025, 1, 31), Poco::Path(name, Poco::Path::PATH_UNIX),
                Poco::Zip::ZipCommon::CM_DEFLATE, Poco::Zip::ZipCommon::CL_MAXIMUM);
  }
  zip.close();
  return out.str();
}

XlsxSource handBuiltSource(const std::string& rows, const std::string& workbookPr = "") {
  return XlsxSource(std::make_shared<const std::string>(handBuiltWorkbook(rows, workbookPr)),
                    "huvudbok.xlsx", "");
}

// The header of the hand-built sheets: period, konto, ansvar, belopp in A…D.
std::string ledgerHeaderRow() {
  return row(1, inlineCell("A1", "Period") + inlineCell("B1", "Konto") +
                    inlineCell("C1", "Ansvar") + inlineCell("D1", "Belopp"));
}

// ---------------------------------------------------------------------------------------------
// Workbooks written by libxlsxwriter, as Unit4/Raindance exports look once saved from Excel

TEST(XlsxSource, ReadsALedgerSheetBelowItsTitleRow) {
  TempDir dir;
  const fs::path file = dir / "huvudbok.xlsx";
  lxw_workbook* book = workbook_new(file.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, "Huvudbok");
  lxw_format* dateFormat = workbook_add_format(book);
  format_set_num_format(dateFormat, "yyyy-mm-dd");
  worksheet_write_string(sheet, 0, 0, "Huvudbok Välfärdsnämnden januari–oktober 2025", nullptr);
  // Row 2 stays empty. Row 3: the header, with folded Swedish names and the alias Kontonr.
  writeHeader(sheet, 2,
              {"Period", "Datum", "Kontonr", "ANSVAR", "Förvaltning", "Belopp", "Text", " År "});
  // Row 4: numbers where exports often put them (period, konto, year).
  lxw_datetime oct31 = {2025, 10, 31, 0, 0, 0};
  worksheet_write_number(sheet, 3, 0, 202510, nullptr);
  worksheet_write_datetime(sheet, 3, 1, &oct31, dateFormat);
  worksheet_write_number(sheet, 3, 2, 4520, nullptr);
  worksheet_write_string(sheet, 3, 3, "1100", nullptr);
  worksheet_write_string(sheet, 3, 4, "Välfärd", nullptr);
  worksheet_write_number(sheet, 3, 5, 1234.565, nullptr);
  worksheet_write_string(sheet, 3, 6, "  Hyra oktober\u00a0", nullptr);
  worksheet_write_number(sheet, 3, 7, 2025, nullptr);
  // Row 5: a large negative whole amount.
  worksheet_write_number(sheet, 4, 0, 202510, nullptr);
  worksheet_write_number(sheet, 4, 2, 3010, nullptr);
  worksheet_write_string(sheet, 4, 3, "1100", nullptr);
  worksheet_write_number(sheet, 4, 5, -11638700, nullptr);
  // Row 6 empty; row 7 a blank-looking row (only spaces); row 8 an amount typed as Swedish text.
  worksheet_write_string(sheet, 6, 3, "   ", nullptr);
  worksheet_write_number(sheet, 7, 0, 202509, nullptr);
  worksheet_write_string(sheet, 7, 1, "2025-09-30", nullptr);
  worksheet_write_string(sheet, 7, 2, "5011", nullptr);
  worksheet_write_string(sheet, 7, 3, "1200", nullptr);
  worksheet_write_string(sheet, 7, 5, "-11 639,50", nullptr);
  // Row 9: a note right of the table is no part of the record and no error.
  worksheet_write_number(sheet, 8, 0, 202509, nullptr);
  worksheet_write_number(sheet, 8, 2, 3010, nullptr);
  worksheet_write_string(sheet, 8, 3, "1200", nullptr);
  worksheet_write_number(sheet, 8, 5, 434750.25, nullptr);
  worksheet_write_string(sheet, 8, 10, "anteckning", nullptr);
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

  XlsxSource source = sourceFor(file);
  EXPECT_EQ(source.displayName(), "huvudbok.xlsx");
  const std::vector<Seen> seen = readAll(source);
  ASSERT_EQ(seen.size(), 4u);

  EXPECT_EQ(seen[0].line, 4);
  EXPECT_EQ(seen[0].period, "202510");
  EXPECT_EQ(seen[0].datum, "2025-10-31");
  EXPECT_EQ(seen[0].konto, "4520");
  EXPECT_EQ(seen[0].ansvar, "1100");
  EXPECT_EQ(seen[0].forvaltning, "Välfärd");
  EXPECT_EQ(seen[0].text, "Hyra oktober");
  EXPECT_EQ(seen[0].ar, "2025");
  EXPECT_EQ(seen[0].belopp, 123457);  // 1 234,565 kr: the half öre rounds away from zero
  EXPECT_EQ(seen[0].beloppAt.file, "huvudbok.xlsx");
  EXPECT_EQ(seen[0].beloppAt.line, 4);
  EXPECT_EQ(seen[0].beloppAt.column, "Belopp (F)");
  EXPECT_EQ(seen[0].shape, std::nullopt);

  EXPECT_EQ(seen[1].line, 5);
  EXPECT_EQ(seen[1].datum, "");
  EXPECT_EQ(seen[1].text, "");
  EXPECT_EQ(seen[1].belopp, -1'163'870'000);  // −11 638 700 kr

  EXPECT_EQ(seen[2].line, 8);
  EXPECT_EQ(seen[2].period, "202509");
  EXPECT_EQ(seen[2].datum, "2025-09-30");
  EXPECT_EQ(seen[2].konto, "5011");
  EXPECT_EQ(seen[2].belopp, -1'163'950);  // "-11 639,50" kr

  EXPECT_EQ(seen[3].line, 9);
  EXPECT_EQ(seen[3].belopp, 43'475'025);  // 434 750,25 kr
  EXPECT_EQ(seen[3].shape, std::nullopt);
}

TEST(XlsxSource, TakesTheHeaderFromTheFirstRowWhenItMatches) {
  TempDir dir;
  const fs::path file = dir / "budget.xlsx";
  lxw_workbook* book = workbook_new(file.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
  writeHeader(sheet, 0, {"Datum", "Konto", "Ansvar", "Belopp_kr"});
  worksheet_write_string(sheet, 1, 0, "2025-01-15", nullptr);
  worksheet_write_string(sheet, 1, 1, "3010", nullptr);
  worksheet_write_string(sheet, 1, 2, "1100", nullptr);
  worksheet_write_number(sheet, 1, 3, -250, nullptr);
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

  XlsxSource source = sourceFor(file);
  const std::vector<Seen> seen = readAll(source);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].line, 2);
  EXPECT_EQ(seen[0].period, "");  // no such column: empty, as the interface promises
  EXPECT_EQ(seen[0].datum, "2025-01-15");
  EXPECT_EQ(seen[0].belopp, -25'000);
  EXPECT_EQ(seen[0].beloppAt.column, "Belopp_kr (D)");
}

TEST(XlsxSource, LooksForTheHeaderInTheFirstTenNonEmptyRows) {
  const auto sheetWithTitleRows = [](int titleRows) {
    std::string rows;
    for (int r = 1; r <= titleRows; ++r)
      rows += row(r, inlineCell("A" + std::to_string(r), "Rapport"));
    const int h = titleRows + 1;
    const std::string hs = std::to_string(h);
    rows += row(h, inlineCell("A" + hs, "Period") + inlineCell("B" + hs, "Konto") +
                       inlineCell("C" + hs, "Ansvar") + inlineCell("D" + hs, "Belopp"));
    const std::string ds = std::to_string(h + 1);
    rows += row(h + 1, numberCell("A" + ds, "202510") + numberCell("B" + ds, "4520") +
                           inlineCell("C" + ds, "1100") + numberCell("D" + ds, "1"));
    return rows;
  };

  XlsxSource nine = handBuiltSource(sheetWithTitleRows(9));  // header is the 10th row
  const std::vector<Seen> seen = readAll(nine);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].line, 11);
  EXPECT_EQ(seen[0].belopp, 100);

  XlsxSource ten = handBuiltSource(sheetWithTitleRows(10));  // header is the 11th row: too far
  const auto error = readError(ten);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where().line, 1);  // no row looked like a header: the first one is named
  EXPECT_NE(error->reason().find("kolumnen konto saknas i rubrikraden"), std::string::npos)
      << error->what();
}

TEST(XlsxSource, NamesTheHeaderRowThatLacksARequiredColumn) {
  TempDir dir;
  const fs::path file = dir / "budget.xlsx";
  lxw_workbook* book = workbook_new(file.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
  worksheet_write_string(sheet, 0, 0, "Budget 2025", nullptr);
  writeHeader(sheet, 2, {"Period", "Konto", "Belopp"});  // no ansvar
  worksheet_write_number(sheet, 3, 0, 202501, nullptr);
  worksheet_write_number(sheet, 3, 1, 3010, nullptr);
  worksheet_write_number(sheet, 3, 2, 100, nullptr);
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

  XlsxSource source = sourceFor(file);
  const auto error = readError(source);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where().file, "budget.xlsx");
  EXPECT_EQ(error->where().line, 3);  // the row that looks like the header, not the title
  EXPECT_EQ(error->reason(),
            "kolumnen ansvar saknas i rubrikraden (filen har: Period, Konto, Belopp)");
  EXPECT_EQ(std::string(error->what()),
            "budget.xlsx rad 3: kolumnen ansvar saknas i rubrikraden (filen har: Period, Konto, "
            "Belopp)");
}

TEST(XlsxSource, RequiresPeriodOrDatum) {
  TempDir dir;
  const fs::path file = dir / "huvudbok.xlsx";
  lxw_workbook* book = workbook_new(file.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
  writeHeader(sheet, 1, {"Konto", "Ansvar", "Belopp"});  // row 1 empty
  worksheet_write_number(sheet, 2, 0, 3010, nullptr);
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

  XlsxSource source = sourceFor(file);
  const auto error = readError(source);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where().file, "huvudbok.xlsx");
  EXPECT_EQ(error->where().line, 2);
  EXPECT_EQ(error->reason(), "kolumnen period eller datum saknas i rubrikraden");
}

TEST(XlsxSource, MatchesTheExportHeaderNamedInConfig) {
  TempDir dir;
  const fs::path file = dir / "huvudbok.xlsx";
  lxw_workbook* book = workbook_new(file.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
  // "Belopp" here is a budget column the export also carries; the ledger amount is "Utfall SEK".
  writeHeader(sheet, 0, {"Period", "Konto", "Ansvar", "Belopp", "Utfall SEK"});
  worksheet_write_number(sheet, 1, 0, 202510, nullptr);
  worksheet_write_number(sheet, 1, 1, 4520, nullptr);
  worksheet_write_number(sheet, 1, 2, 1100, nullptr);
  worksheet_write_number(sheet, 1, 3, 999, nullptr);
  worksheet_write_number(sheet, 1, 4, 75.5, nullptr);
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

  XlsxSource source = sourceFor(file);
  const TableSpec mapped = withColumnNames(ledgerSpec(), {{"belopp", "Utfall SEK"}}, "namnd.json");
  const std::vector<Seen> seen = readAll(source, mapped);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].belopp, 7'550);
  EXPECT_EQ(seen[0].beloppAt.column, "Utfall SEK (E)");
  EXPECT_EQ(seen[0].ansvar, "1100");  // a numeric ansvar code reads as its digits
}

TEST(XlsxSource, ReadsTheSheetNamedInConfig) {
  TempDir dir;
  const fs::path file = dir / "prognos.xlsx";
  lxw_workbook* book = workbook_new(file.c_str());
  lxw_worksheet* instructions = workbook_add_worksheet(book, "Instruktion");
  worksheet_write_string(instructions, 0, 0, "Fyll i bladet Data", nullptr);
  lxw_worksheet* data = workbook_add_worksheet(book, "Data");
  writeHeader(data, 0, {"Period", "Konto", "Ansvar", "Belopp"});
  worksheet_write_number(data, 1, 0, 202508, nullptr);
  worksheet_write_number(data, 1, 1, 4520, nullptr);
  worksheet_write_string(data, 1, 2, "1300", nullptr);
  worksheet_write_number(data, 1, 3, -3, nullptr);
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

  XlsxSource named = sourceFor(file, "Data");
  const std::vector<Seen> seen = readAll(named);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].line, 2);
  EXPECT_EQ(seen[0].period, "202508");
  EXPECT_EQ(seen[0].ansvar, "1300");
  EXPECT_EQ(seen[0].belopp, -300);

  // The first sheet is only a note: no header in it.
  XlsxSource first = sourceFor(file);
  EXPECT_TRUE(readError(first));

  XlsxSource unknown = sourceFor(file, "Utfall");
  const auto error = readError(unknown);
  ASSERT_TRUE(error);
  EXPECT_NE(std::string(error->what()).find("Data"), std::string::npos) << error->what();
}

TEST(XlsxSource, AnEmptySheetHasNoHeader) {
  TempDir dir;
  const fs::path file = dir / "org.xlsx";
  lxw_workbook* book = workbook_new(file.c_str());
  lxw_worksheet* sheet = workbook_add_worksheet(book, nullptr);
  worksheet_write_string(sheet, 4, 1, " ", nullptr);  // only a space: still empty
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);

  XlsxSource source = sourceFor(file);
  const auto error = readError(source);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where().file, "org.xlsx");
  EXPECT_EQ(error->reason(), "det första bladet är tomt (rubrikrad saknas)");
}

TEST(XlsxSource, ACorruptWorkbookIsAnInputError) {
  XlsxSource source(std::make_shared<const std::string>("Period;Konto\n202510;4520\n"),
                    "huvudbok.xlsx", "");
  const auto error = readError(source);
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where().file, "huvudbok.xlsx");
}

TEST(XlsxSource, AnExceptionFromTheCallbackStopsTheRead) {
  const std::string rows = ledgerHeaderRow() +
                           row(2, numberCell("A2", "202510") + numberCell("D2", "1")) +
                           row(3, numberCell("A3", "202510") + numberCell("D3", "2"));
  XlsxSource source = handBuiltSource(rows);
  int calls = 0;
  EXPECT_THROW(source.read(ledgerSpec(),
                           [&](const Record&) {
                             ++calls;
                             throw std::runtime_error("stopp");
                           }),
               std::runtime_error);
  EXPECT_EQ(calls, 1);
}

// ---------------------------------------------------------------------------------------------
// Number cells as the XML stores them

TEST(XlsxSource, RoundsStoredNumbersExactlyToTheOre) {
  // Column D holds the stored texts; expected öre worked out by hand.
  const std::vector<std::pair<std::string, std::int64_t>> cases = {
      {"1234.565", 123'457},           // half an öre, away from zero
      {"-1234.565", -123'457},         // and away from zero when negative
      {"1234.5649999", 123'456},       // just below the half
      {"-0.005", -1},                  // half an öre
      {"0.004", 0},                    // less than half
      {"1E-3", 0},                     // 0,001 kr
      {"2.5E-2", 3},                   // 0,025 kr = 2,5 öre
      {"4.3475025E5", 43'475'025},     // 434 750,25 kr
      {"-1.16387E7", -1'163'870'000},  // −11 638 700 kr
      {"202510.0", 20'251'000},
      {"+7", 700},
      {"-0", 0},
      {"9E14", 90'000'000'000'000'000},  // the largest amount accepted: 9·10^16 öre
      {"-9E14", -90'000'000'000'000'000},
  };
  std::string rows = ledgerHeaderRow();
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const std::string r = std::to_string(i + 2);
    rows += row(static_cast<int>(i + 2),
                numberCell("A" + r, "202510") + numberCell("D" + r, cases[i].first));
  }
  XlsxSource source = handBuiltSource(rows);
  const std::vector<Seen> seen = readAll(source);
  ASSERT_EQ(seen.size(), cases.size());
  for (std::size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(seen[i].belopp, cases[i].second) << cases[i].first << ": " << seen[i].beloppError;
  }
}

TEST(XlsxSource, RejectsAmountsBeyondTheLimit) {
  const std::string rows =
      ledgerHeaderRow() +
      row(2, numberCell("A2", "202510") + numberCell("D2", "900000000000000.01")) +
      row(3, numberCell("A3", "202510") + numberCell("D3", "-1E15")) +
      row(4, numberCell("A4", "202510") + numberCell("D4", "1E300"));
  XlsxSource source = handBuiltSource(rows);
  const std::vector<Seen> seen = readAll(source);
  ASSERT_EQ(seen.size(), 3u);
  for (const Seen& s : seen) {
    EXPECT_EQ(s.belopp, std::nullopt) << s.line;
    EXPECT_EQ(s.beloppError, "talet är för stort") << s.line;
  }
}

TEST(XlsxSource, ReadsWholeNumbersWithoutDecimalsOrExponent) {
  const std::string rows =
      ledgerHeaderRow() +
      row(2, numberCell("A2", "202510.0") + numberCell("B2", "4.52E3") + numberCell("C2", "1100")) +
      row(3,
          numberCell("A3", "2.0251E5") + numberCell("B3", "4520.000") + numberCell("C3", "0.5")) +
      row(4, numberCell("A4", "2.02509E+5") + numberCell("B4", "4.3475025E5") +
                 numberCell("C4", "1.5E-3"));
  XlsxSource source = handBuiltSource(rows);
  const std::vector<Seen> seen = readAll(source);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].period, "202510");
  EXPECT_EQ(seen[0].konto, "4520");
  EXPECT_EQ(seen[0].ansvar, "1100");
  EXPECT_EQ(seen[1].period, "202510");
  EXPECT_EQ(seen[1].konto, "4520");
  EXPECT_EQ(seen[1].ansvar, "0.5");
  EXPECT_EQ(seen[2].period, "202509");
  EXPECT_EQ(seen[2].konto, "434750.25");  // not whole: written out without the exponent
  EXPECT_EQ(seen[2].ansvar, "0.0015");
}

TEST(XlsxSource, ErrorEmptyAndBooleanCellsAreNoAmounts) {
  const std::string rows = ledgerHeaderRow() +
                           row(2, numberCell("A2", "202510") + errorCell("D2", "#DIV/0!")) +
                           row(3, numberCell("A3", "202510") + inlineCell("C3", "1100")) +
                           row(4, numberCell("A4", "202510") + booleanCell("D4", "1")) +
                           row(5, numberCell("A5", "202510") + inlineCell("D5", "12 34 56"));
  XlsxSource source = handBuiltSource(rows);
  std::vector<std::string> beloppTexts;
  std::vector<Seen> seen;
  source.read(ledgerSpec(), [&](const Record& r) {
    beloppTexts.emplace_back(r.text("belopp"));
    Seen s;
    s.belopp = r.amountOre("belopp", &s.beloppError);
    seen.push_back(std::move(s));
  });
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen[0].belopp, std::nullopt);
  EXPECT_EQ(seen[0].beloppError, "cellen innehåller felet #DIV/0!");
  EXPECT_EQ(beloppTexts[0], "#DIV/0!");
  EXPECT_EQ(seen[1].belopp, std::nullopt);
  EXPECT_EQ(seen[1].beloppError, "värdet saknas");
  EXPECT_EQ(beloppTexts[1], "");
  EXPECT_EQ(seen[2].belopp, std::nullopt);
  EXPECT_FALSE(seen[2].beloppError.empty());
  EXPECT_EQ(beloppTexts[2], "1");
  EXPECT_EQ(seen[3].belopp, std::nullopt);  // text goes through parseAmountOre's rules
  EXPECT_EQ(seen[3].beloppError, "tusentalsgrupper måste ha tre siffror");
}

TEST(XlsxSource, ConvertsDateSerialsWithTheWorkbooksDateSystem) {
  const std::string rows =
      row(1, inlineCell("A1", "Datum") + inlineCell("B1", "Konto") + inlineCell("C1", "Ansvar") +
                 inlineCell("D1", "Belopp")) +
      row(2, numberCell("A2", "43342") + numberCell("D2", "1")) +  // 1904 system: 2022-08-31
      row(3, inlineCell("A3", "2022-06-30T00:00:00") + numberCell("D3", "1")) +  // ISO date cell
      row(4, numberCell("A4", "20220831") + numberCell("D4", "1"));  // no serial: left as written
  XlsxSource source = handBuiltSource(rows, "date1904=\"1\"");
  const std::vector<Seen> seen = readAll(source);
  ASSERT_EQ(seen.size(), 3u);
  // 2022-08-31 is serial 44804 in the 1900 system; the 1904 system counts 1462 days fewer.
  EXPECT_EQ(seen[0].datum, "2022-08-31");
  EXPECT_EQ(seen[1].datum, "2022-06-30");
  EXPECT_EQ(seen[2].datum, "20220831");
}

}  // namespace
}  // namespace namnd
