#include "ingest/csv/csv_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/errors.hpp"
#include "ingest/csv/column_matcher.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

struct Record {
  std::int64_t line;
  std::vector<std::string> fields;
  bool operator==(const Record&) const = default;
};

void PrintTo(const Record& r, std::ostream* os) {
  *os << "line " << r.line << ":";
  for (const std::string& f : r.fields) *os << " [" << f << "]";
}

std::vector<Record> readAll(std::string_view text, char separator = ';') {
  CsvReader reader(text, separator, "fil.csv");
  std::vector<Record> records;
  while (reader.next()) {
    Record record{reader.line(), {}};
    for (std::string_view f : reader.fields()) record.fields.emplace_back(f);
    records.push_back(std::move(record));
  }
  return records;
}

InputError readError(std::string_view text) {
  try {
    readAll(text);
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError";
  return InputError({}, "");
}

TEST(CsvReader, PlainRecordsWithTheirLines) {
  EXPECT_EQ(readAll("konto;belopp\n5011;1 234,50\n3011;-5"),
            (std::vector<Record>{
                {1, {"konto", "belopp"}}, {2, {"5011", "1 234,50"}}, {3, {"3011", "-5"}}}));
}

TEST(CsvReader, EmptyFieldsAreKept) {
  EXPECT_EQ(readAll("a;;c\n;\nx;y;\n"),
            (std::vector<Record>{{1, {"a", "", "c"}}, {2, {"", ""}}, {3, {"x", "y", ""}}}));
}

TEST(CsvReader, QuotedSeparatorAndDoubledQuotes) {
  EXPECT_EQ(readAll("text;belopp\n\"Hyra; lokal\";100\n\"Sa \"\"hej\"\"\";\"\"\n"),
            (std::vector<Record>{
                {1, {"text", "belopp"}}, {2, {"Hyra; lokal", "100"}}, {3, {"Sa \"hej\"", ""}}}));
}

TEST(CsvReader, NewlineInsideQuotesKeepsLaterLinesRight) {
  EXPECT_EQ(readAll("text;belopp\n\"två\nrader\";1\nnästa;2\n\"tre\n\n\nrader\";3\nsist;4\n"),
            (std::vector<Record>{{1, {"text", "belopp"}},
                                 {2, {"två\nrader", "1"}},
                                 {4, {"nästa", "2"}},
                                 {5, {"tre\n\n\nrader", "3"}},
                                 {9, {"sist", "4"}}}));
}

TEST(CsvReader, CrlfLineEnds) {
  EXPECT_EQ(
      readAll("a;b\r\n1;2\r\n\"x\";\"y\"\r\n3;4"),
      (std::vector<Record>{{1, {"a", "b"}}, {2, {"1", "2"}}, {3, {"x", "y"}}, {4, {"3", "4"}}}));
}

TEST(CsvReader, EmptyLinesAreSkipped) {
  EXPECT_EQ(readAll("\na;b\n\n\r\n1;2\n\n"),
            (std::vector<Record>{{2, {"a", "b"}}, {5, {"1", "2"}}}));
  EXPECT_TRUE(readAll("").empty());
  EXPECT_TRUE(readAll("\n\r\n\n").empty());
}

TEST(CsvReader, EveryFieldQuoted) {
  // Many ledger systems quote every field, header included.
  EXPECT_EQ(readAll("\"period\";\"konto\";\"ansvar\";\"belopp\"\n"
                    "\"202501\";\"5011\";\"100\";\"1 234,50\"\n"),
            (std::vector<Record>{{1, {"period", "konto", "ansvar", "belopp"}},
                                 {2, {"202501", "5011", "100", "1 234,50"}}}));
}

TEST(CsvReader, QuotedFieldsLongerThanAShortString) {
  EXPECT_EQ(readAll("\"Hemtjänst Tätort, natt\";\"Korttidsboende Solgården\"\n"),
            (std::vector<Record>{{1, {"Hemtjänst Tätort, natt", "Korttidsboende Solgården"}}}));
}

TEST(CsvReader, OtherSeparators) {
  EXPECT_EQ(readAll("a,b\n\"1,5\",2\n", ','),
            (std::vector<Record>{{1, {"a", "b"}}, {2, {"1,5", "2"}}}));
  EXPECT_EQ(readAll("a\tb\n1;5\t2\n", '\t'),
            (std::vector<Record>{{1, {"a", "b"}}, {2, {"1;5", "2"}}}));
}

TEST(CsvReader, UnclosedQuoteNamesTheLineWhereItOpened) {
  const InputError e = readError("a;b\n1;2\n3;\"öppen\n4;5\n6;7\n");
  EXPECT_EQ(e.where().file, "fil.csv");
  EXPECT_EQ(e.where().line, 3);
}

TEST(CsvReader, UnclosedQuoteAfterAMultiLineField) {
  const InputError e = readError("a;b\n\"x\ny\";1\n\"z;2\n");
  EXPECT_EQ(e.where().line, 4);
}

TEST(CsvReader, TextAfterAClosingQuoteIsAnError) {
  const InputError e = readError("a;b\n\"x\"y;1\n");
  EXPECT_EQ(e.where().line, 2);
}

TEST(CsvReader, DisplayName) {
  CsvReader reader("a", ';', "huvudbok.csv");
  EXPECT_EQ(reader.displayName(), "huvudbok.csv");
}

TEST(CsvReaderSeparator, DetectedFromTheHeaderLine) {
  EXPECT_EQ(detectSeparator("period;konto;belopp\n202501;5011;1,5\n"), ';');
  EXPECT_EQ(detectSeparator("period,konto,belopp\n202501,5011,\"1,5\"\n"), ',');
  EXPECT_EQ(detectSeparator("period\tkonto\tbelopp\n202501\t5011\t1,5\n"), '\t');
}

TEST(CsvReaderSeparator, SemicolonWinsATie) {
  EXPECT_EQ(detectSeparator("a;b,c\n"), ';');
  EXPECT_EQ(detectSeparator("a;b\tc\n"), ';');
  EXPECT_EQ(detectSeparator("a;b,c\td\n"), ';');
}

TEST(CsvReaderSeparator, QuotedCharactersAndLaterLinesDoNotCount) {
  EXPECT_EQ(detectSeparator("\"a;b;c\",d\n"), ',');
  EXPECT_EQ(detectSeparator("a,b\n1;2;3;4;5\n"), ',');
  EXPECT_EQ(detectSeparator("enda\n"), ';');  // one column: any separator reads it
}

TEST(CsvReaderSeparator, HeaderAfterEmptyLines) {
  // The reader skips empty lines, so the header is the first line with text.
  EXPECT_EQ(detectSeparator("\n\r\nperiod,konto,belopp\n202501,5011,5\n"), ',');
  EXPECT_EQ(detectSeparator("\nperiod\tkonto\tbelopp\n"), '\t');
}

TEST(ColumnMatcherFold, IgnoresCaseSwedishLettersAndPunctuation) {
  EXPECT_EQ(foldColumnName("Konto från"), "kontofran");
  EXPECT_EQ(foldColumnName("konto_fran"), "kontofran");
  EXPECT_EQ(foldColumnName("KONTOFRÅN"), "kontofran");
  EXPECT_EQ(foldColumnName("Nivå"), "niva");
  EXPECT_EQ(foldColumnName("Förälder"), "foralder");
  EXPECT_EQ(foldColumnName("ÅTGÄRD"), "atgard");
  EXPECT_EQ(foldColumnName("Belopp (SEK)"), "beloppsek");
  EXPECT_EQ(foldColumnName("Café"), "cafe");
  EXPECT_EQ(foldColumnName("Konto\u00a0nr 2"), "kontonr2");
}

const std::vector<ColumnSpec> kSpecs = {
    {"konto_fran", {"från konto"}, true},
    {"ansvar", {"ansvarskod"}, true},
    {"belopp", {"belopp sek"}, true},
    {"text", {}, false},
};

TEST(ColumnMatcher, FindsColumnsByFoldedNameOrAlias) {
  const std::vector<std::string_view> header = {"Datum", "KONTOFRÅN", "Ansvarskod", "Belopp SEK"};
  const ColumnMatcher matcher(header, kSpecs, "fil.csv", 1);
  EXPECT_EQ(matcher.index("konto_fran"), 1u);
  EXPECT_EQ(matcher.index("ansvar"), 2u);
  EXPECT_EQ(matcher.index("belopp"), 3u);
  EXPECT_EQ(matcher.index("text"), std::nullopt);
  EXPECT_FALSE(matcher.has("text"));
  EXPECT_TRUE(matcher.has("belopp"));
  EXPECT_EQ(matcher.headerText(3), "Belopp SEK");
}

TEST(ColumnMatcher, MissingRequiredColumnListsTheColumnsTheFileHas) {
  const std::vector<std::string_view> header = {"Datum", "Konto från", "Belopp"};
  const auto error =
      testing::thrown<InputError>([&] { ColumnMatcher(header, kSpecs, "fil.csv", 1); });
  ASSERT_TRUE(error) << "no InputError";
  EXPECT_EQ(error->where().file, "fil.csv");
  EXPECT_EQ(error->where().line, 1);
  EXPECT_TRUE(testing::mentions(error, {"ansvar", "Datum", "Konto från", "Belopp"}));
}

TEST(ColumnMatcher, TwoCellsForOneColumnAreAnError) {
  const std::vector<std::string_view> header = {"Konto från", "Ansvar", "konto_fran", "Belopp"};
  const auto error =
      testing::thrown<InputError>([&] { ColumnMatcher(header, kSpecs, "fil.csv", 1); });
  ASSERT_TRUE(error) << "no InputError";
  EXPECT_EQ(error->where().line, 1);
  EXPECT_TRUE(testing::mentions(error, {"konto_fran"}));
  // A name and an alias of the same column count as two cells too.
  const std::vector<std::string_view> aliasTwice = {"Ansvar", "Ansvarskod", "Konto från", "Belopp"};
  EXPECT_THROW(ColumnMatcher(aliasTwice, kSpecs, "fil.csv", 1), InputError);
}

}  // namespace
}  // namespace namnd
