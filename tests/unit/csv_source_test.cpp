// CsvSource streams a file in blocks: whatever the block size, the records, their line numbers
// and the encoding come out the same as when the whole file is read at once. It detects the
// encoding and separator, matches the header and hands out trimmed fields with their locations.

#include "ingest/table/csv_source.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/csv_text_source.hpp"
#include "support/record_expectations.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::expectIdsAgreeWithNames;

const TableSpec kSpec = {
    {{"period", {}, true}, {"ansvar", {}, true}, {"belopp", {}, true}, {"text", {}, false}}, {}};

struct Seen {
  std::int64_t line;
  std::string period, ansvar, belopp, text;
  bool operator==(const Seen&) const = default;
};

std::vector<Seen> readAll(const std::filesystem::path& file, std::size_t blockBytes) {
  std::vector<Seen> seen;
  CsvSource source(file, "fil.csv", blockBytes);
  source.read(kSpec, [&](const Record& r) {
    expectIdsAgreeWithNames(r, kSpec);
    seen.push_back({r.line(), std::string(r.text("period")), std::string(r.text("ansvar")),
                    std::string(r.text("belopp")), std::string(r.text("text"))});
  });
  return seen;
}

TEST(CsvSource, EveryBlockSizeGivesTheSameRecords) {
  testing::TempDir dir;
  // CRLF, a quoted field with ; and a newline and a doubled quote, å/ä/ö (multi-byte UTF-8 that
  // a block boundary can split), an empty line, and no newline at the end.
  const std::string text =
      "\xEF\xBB\xBFperiod;ansvar;belopp;text\r\n"
      "202501;1100;-11\xC2\xA0"
      "639,50;\"Lön; januari\"\r\n"
      "\r\n"
      "202502;Äldreomsorg;1,05;\"två\r\nrader med \"\"citat\"\"\"\r\n"
      "202503;Öppenvård;100;sista";
  testing::writeFile(dir / "fil.csv", text);
  const std::vector<Seen> expected = {
      {2, "202501", "1100",
       "-11\xC2\xA0"
       "639,50",
       "Lön; januari"},
      {4, "202502", "Äldreomsorg", "1,05", "två\r\nrader med \"citat\""},
      {6, "202503", "Öppenvård", "100", "sista"},
  };
  for (std::size_t block : {1u, 2u, 3u, 5u, 7u, 64u, 1u << 20})
    EXPECT_EQ(readAll(dir / "fil.csv", block), expected) << "block " << block;
}

TEST(CsvSource, Windows1252IsDecodedAcrossBlocks) {
  testing::TempDir dir;
  // "Äldreomsorg" and "Öppenvård" in Windows-1252 (Ä = 0xC4, Ö = 0xD6, å = 0xE5), tab separated.
  testing::writeFile(
      dir / "fil.csv",
      "period\tansvar\tbelopp\n202501\t\xC4ldreomsorg\t5\n202502\t\xD6ppenv\xE5rd\t6\n");
  for (std::size_t block : {1u, 4u, 1u << 20}) {
    const auto seen = readAll(dir / "fil.csv", block);
    ASSERT_EQ(seen.size(), 2u) << block;
    EXPECT_EQ(seen[0].ansvar, "Äldreomsorg") << block;
    EXPECT_EQ(seen[1].ansvar, "Öppenvård") << block;
  }
}

TEST(CsvSource, UtfEightThenAnotherEncodingIsRefusedWithItsLine) {
  testing::TempDir dir;
  // Valid UTF-8 "Ä" on line 2, then a lone Windows-1252 byte 0xE5 on line 3: mixed encodings.
  testing::writeFile(dir / "fil.csv", "period;ansvar;belopp\n202501;\xC3\x84;1\n202502;\xE5;2\n");
  try {
    readAll(dir / "fil.csv", 4);
    FAIL() << "mixed encodings must be refused";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "fil.csv");
    EXPECT_EQ(e.where().line, 3);
    EXPECT_NE(std::string(e.what()).find("0xE5"), std::string::npos) << e.what();
  }
}

TEST(CsvSource, UnclosedQuoteAtTheEndNamesItsLine) {
  testing::TempDir dir;
  testing::writeFile(dir / "fil.csv", "period;ansvar;belopp\n202501;1100;1\n202502;\"1200;2\n");
  for (std::size_t block : {3u, 1u << 20}) {
    try {
      readAll(dir / "fil.csv", block);
      FAIL() << "an unclosed quote must be an error";
    } catch (const InputError& e) {
      EXPECT_EQ(e.where().line, 3) << block;
    }
  }
}

TEST(CsvSource, AtLeastOneOfIsCheckedOnTheHeaderLine) {
  testing::TempDir dir;
  testing::writeFile(dir / "fil.csv", "\nansvar;belopp\n1100;1\n");
  CsvSource source(dir / "fil.csv", "fil.csv");
  const TableSpec spec = {{{"period", {}, false}, {"datum", {}, false}, {"ansvar", {}, true}},
                          {{"period", "datum"}}};
  try {
    source.read(spec, [](const Record&) {});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 2);
    EXPECT_NE(std::string(e.what()).find("period eller datum"), std::string::npos) << e.what();
  }
}

TEST(CsvSource, ColumnNamesFromConfigReplaceTheAliases) {
  testing::TempDir dir;
  // The export calls the amount "Summa SEK" and also has a column "belopp" that is something else.
  testing::writeFile(dir / "fil.csv", "period;ansvar;belopp;Summa SEK\n202501;1100;x;42,50\n");
  CsvSource source(dir / "fil.csv", "fil.csv");
  const TableSpec mapped = withColumnNames(kSpec, {{"belopp", "Summa SEK"}}, "fil.csv");
  std::string amount;
  source.read(mapped, [&](const Record& r) { amount = std::string(r.text("belopp")); });
  EXPECT_EQ(amount, "42,50");
  EXPECT_THROW(withColumnNames(kSpec, {{"beloop", "Summa SEK"}}, "fil.csv"), ConfigError);
}

// A kontoplan-like spec with aliases, for the tests of header matching and field access below.
const TableSpec kKontoSpec = {{{"konto_fran", {"från konto"}, true},
                               {"ansvar", {"ansvarskod"}, true},
                               {"belopp", {"belopp sek"}, true},
                               {"text", {}, false}},
                              {}};

// What a record of kKontoSpec shows, copied out of the callback (a Record lives only there).
struct KontoRow {
  std::int64_t line = 0;
  std::string kontoFran, ansvar, belopp, text;
  bool hasAnsvar = false, hasText = false;
  std::optional<std::string> shapeProblem;
  SourceLocation kontoFranAt, beloppAt;
};

std::vector<KontoRow> readKontoRows(const std::string& text) {
  testing::CsvTextSource source(text, "fil.csv");
  std::vector<KontoRow> rows;
  source.read(kKontoSpec, [&](const Record& r) {
    expectIdsAgreeWithNames(r, kKontoSpec);
    rows.push_back({r.line(), std::string(r.text("konto_fran")), std::string(r.text("ansvar")),
                    std::string(r.text("belopp")), std::string(r.text("text")), r.has("ansvar"),
                    r.has("text"), r.shapeProblem(), r.at("konto_fran"), r.at("belopp")});
  });
  return rows;
}

TEST(CsvSourceHeader, DetectsEncodingAndSeparatorAndMatchesTheHeader) {
  // Windows-1252 (å = 0xE5), tab separated, header named by aliases.
  const auto rows = readKontoRows("Konto fr\xE5n\tAnsvarskod\tBelopp SEK\n5011\t 100 \t1 234,50\n");
  ASSERT_EQ(rows.size(), 1u);
  // Decoded as Windows-1252: the header reads back as UTF-8 "Konto från".
  EXPECT_EQ(rows[0].kontoFranAt.column, "Konto från");
  // Split on tabs: each column gets its own field (the amount keeps its inner space).
  EXPECT_EQ(rows[0].kontoFran, "5011");
  EXPECT_EQ(rows[0].ansvar, "100");
  EXPECT_EQ(rows[0].belopp, "1 234,50");
  // The header has 3 fields, as the record does.
  EXPECT_FALSE(rows[0].shapeProblem.has_value());
  EXPECT_TRUE(rows[0].hasAnsvar);
  EXPECT_FALSE(rows[0].hasText);
}

TEST(CsvSourceHeader, FieldsAreTrimmedAndAbsentColumnsEmpty) {
  const auto rows = readKontoRows("konto_fran;ansvar;belopp\n5011; 100\u00a0;\"  -5 \"\n");
  ASSERT_EQ(rows.size(), 1u);  // one record, then the end
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[0].kontoFran, "5011");
  EXPECT_EQ(rows[0].ansvar, "100");
  EXPECT_EQ(rows[0].belopp, "-5");
  EXPECT_EQ(rows[0].text, "");
  EXPECT_FALSE(rows[0].shapeProblem.has_value());
}

TEST(CsvSourceHeader, ColumnsByIdFindTheFieldsWhereverTheHeaderPutsThem) {
  // The header's order differs from the spec's; "text" is optional and absent.
  testing::CsvTextSource source("belopp;konto_fran;ansvar\n5;5011;100\n", "fil.csv");
  const ColumnId belopp = kKontoSpec.id("belopp");
  const ColumnId text = kKontoSpec.id("text");
  int records = 0;
  source.read(kKontoSpec, [&](const Record& r) {
    ++records;
    EXPECT_EQ(r.text(kKontoSpec.id("konto_fran")), "5011");
    EXPECT_EQ(r.text(kKontoSpec.id("ansvar")), "100");
    EXPECT_EQ(r.amountOre(belopp, nullptr), 500);
    EXPECT_EQ(r.at(belopp).column, "belopp");
    EXPECT_FALSE(r.has(text));
    EXPECT_EQ(r.text(text), "");
    EXPECT_EQ(r.at(text).column, "text");  // an absent column is named as the spec names it
  });
  EXPECT_EQ(records, 1);
  EXPECT_THROW(kKontoSpec.id("saknas"), std::logic_error);
}

TEST(CsvSourceHeader, RaggedRecords) {
  const auto rows = readKontoRows("konto_fran;ansvar;belopp\n5011;100\n5011;100;5;extra\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].shapeProblem, "raden har 2 fält men rubrikraden har 3");
  EXPECT_EQ(rows[0].belopp, "");  // short record: the field is empty, not out of range
  EXPECT_EQ(rows[1].shapeProblem, "raden har 4 fält men rubrikraden har 3");
}

TEST(CsvSourceHeader, LocationNamesTheColumnAsTheFileWritesIt) {
  const auto rows = readKontoRows(
      "\xEF\xBB\xBF"
      "Konto från,Ansvarskod,Belopp SEK\n\n5011,100,5\n");
  ASSERT_EQ(rows.size(), 1u);
  // The BOM is not part of the first header cell; the comma splits the fields.
  EXPECT_EQ(rows[0].kontoFranAt.column, "Konto från");
  EXPECT_EQ(rows[0].kontoFran, "5011");
  const SourceLocation& where = rows[0].beloppAt;
  EXPECT_EQ(where.file, "fil.csv");
  EXPECT_EQ(where.line, 3);
  EXPECT_EQ(where.column, "Belopp SEK");
  EXPECT_EQ(where.describe(), "fil.csv rad 3, kolumn Belopp SEK");
}

TEST(CsvSourceHeader, QuotedHeader) {
  const auto rows =
      readKontoRows("\"Konto från\";\"Ansvarskod\";\"Belopp SEK\"\n\"5011\";\"100\";\"5\"\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].kontoFran, "5011");
  EXPECT_EQ(rows[0].ansvar, "100");
  EXPECT_EQ(rows[0].belopp, "5");
}

TEST(CsvSourceHeader, CommaHeaderAfterAnEmptyLine) {
  const auto rows = readKontoRows("\nkonto_fran,ansvar,belopp\n5011,100,5\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].kontoFran, "5011");  // split on commas
  EXPECT_EQ(rows[0].belopp, "5");
}

TEST(CsvSourceHeader, EmptyFileIsAnInputError) {
  EXPECT_THROW(readKontoRows(""), InputError);
  EXPECT_THROW(readKontoRows("\n\n"), InputError);
}

TEST(CsvSourceHeader, MissingColumnIsAnInputError) {
  EXPECT_THROW(readKontoRows("konto_fran;belopp\n1;2\n"), InputError);
}

TEST(CsvSourceHeader, MissingColumnIsReportedOnTheHeadersOwnLine) {
  // Two empty lines before the header: the header is on line 3, and so is the error.
  const auto error = testing::thrown<InputError>([] {
    testing::CsvTextSource source("\n\nkonto;ansvar\n5011;100\n", "fil.csv");
    source.read({{{"belopp", {}, true}, {"konto", {}, true}}, {}}, [](const Record&) {});
  });
  ASSERT_TRUE(error) << "a missing column must be an error";
  EXPECT_EQ(error->where().line, 3);
  EXPECT_TRUE(testing::mentions(error, {"belopp"}));
}

}  // namespace
}  // namespace namnd
