#include "core/account_map.hpp"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>

#include "aggregate/account_coverage.hpp"
#include "core/cube.hpp"
#include "ingest/kontoplan_reader.hpp"
#include "support/csv_text_source.hpp"

namespace namnd {
namespace {

AccountRange range(std::string from, std::string to, std::string row, std::int64_t line = 0) {
  return {from, to, row, {"kontoplan.csv", line, ""}};
}

// The Kommun-Bas RSUM grouping of the design, with 7 refined by 79.
AccountMap kommunBas() {
  AccountMap map;
  map.add(range("3", "3", "Intäkter", 2));
  map.add(range("5", "5", "Personalkostnader", 3));
  map.add(range("60", "62", "Lokalkostnader energi VA", 4));
  map.add(range("4", "4", "Övriga kostnader", 5));
  map.add(range("63", "69", "Övriga kostnader", 6));
  map.add(range("7", "7", "Övriga kostnader", 7));
  map.add(range("79", "79", "Kapitalkostnad", 8));
  return map;
}

std::optional<std::string> rowOf(const AccountMap& map, std::string_view konto) {
  const auto row = map.rowFor(konto);
  if (!row) return std::nullopt;
  return std::string(*row);
}

TEST(AccountMap, MapsKontoByLeadingDigits) {
  const AccountMap map = kommunBas();
  EXPECT_EQ(rowOf(map, "3011"), "Intäkter");
  EXPECT_EQ(rowOf(map, "5011"), "Personalkostnader");
  EXPECT_EQ(rowOf(map, "6000"), "Lokalkostnader energi VA");
  EXPECT_EQ(rowOf(map, "6299"), "Lokalkostnader energi VA");
  EXPECT_EQ(rowOf(map, "6300"), "Övriga kostnader");
  EXPECT_EQ(rowOf(map, "4610"), "Övriga kostnader");
}

TEST(AccountMap, LongestPrefixWins) {
  const AccountMap map = kommunBas();
  EXPECT_EQ(rowOf(map, "7910"), "Kapitalkostnad");
  EXPECT_EQ(rowOf(map, "7010"), "Övriga kostnader");
  EXPECT_EQ(rowOf(map, "7"), "Övriga kostnader");
  // Order of adding does not matter: the refinement first, the broad range after.
  AccountMap reversed;
  reversed.add(range("79", "79", "Kapitalkostnad"));
  reversed.add(range("7", "7", "Övriga kostnader"));
  EXPECT_EQ(rowOf(reversed, "7910"), "Kapitalkostnad");
  EXPECT_EQ(rowOf(reversed, "7500"), "Övriga kostnader");
}

TEST(AccountMap, UnknownKontoHasNoRow) {
  const AccountMap map = kommunBas();
  EXPECT_EQ(rowOf(map, "8000"), std::nullopt);
  EXPECT_EQ(rowOf(map, "2000"), std::nullopt);
  EXPECT_EQ(rowOf(map, ""), std::nullopt);
  EXPECT_EQ(rowOf(map, "6"), std::nullopt);  // shorter than the 60–62 prefix
}

TEST(AccountMap, RowsInTheOrderFirstAdded) {
  const AccountMap map = kommunBas();
  EXPECT_EQ(map.rows(),
            (std::vector<std::string>{"Intäkter", "Personalkostnader", "Lokalkostnader energi VA",
                                      "Övriga kostnader", "Kapitalkostnad"}));
  EXPECT_FALSE(map.empty());
  EXPECT_TRUE(AccountMap().empty());
}

TEST(AccountMap, OverlappingRangesOfTheSameLengthAreRejected) {
  AccountMap map = kommunBas();
  try {
    map.add(range("62", "65", "Annat", 20));
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 20);
    // The message points at the range it collides with.
    EXPECT_NE(e.reason().find("60"), std::string::npos) << e.reason();
  }
  EXPECT_THROW(map.add(range("61", "61", "Annat")), InputError);  // inside 60–62
  EXPECT_THROW(map.add(range("55", "70", "Annat")), InputError);  // around 60–62
  EXPECT_THROW(map.add(range("3", "3", "Annat")), InputError);    // the same range again
  EXPECT_NO_THROW(map.add(range("80", "89", "Annat")));
  EXPECT_EQ(rowOf(map, "6100"), "Lokalkostnader energi VA");  // unchanged by the rejects
}

TEST(AccountMap, MalformedRangesAreRejected) {
  AccountMap map;
  EXPECT_THROW(map.add(range("6a", "62", "X")), InputError);
  EXPECT_THROW(map.add(range("", "", "X")), InputError);
  EXPECT_THROW(map.add(range("6", "62", "X")), InputError);   // different lengths
  EXPECT_THROW(map.add(range("62", "60", "X")), InputError);  // from > to
  EXPECT_TRUE(map.empty());
}

TEST(AccountCoverage, KontonWithoutARowInTheRange) {
  Cube cube;
  const Period march(2025, 3);
  cube.add("100", "5011", "", "", march, Measure::Utfall, 1'000);
  cube.add("100", "8910", "", "", march, Measure::Utfall, 300);
  cube.add("200", "8910", "", "", march, Measure::Budget, 50);
  cube.add("100", "2440", "", "", Period(2025, 2), Measure::Utfall, 7);
  cube.add("100", "2440", "", "", Period(2024, 12), Measure::Utfall, 99);  // outside the range
  const auto missing = unmappedAccounts(cube, kommunBas(), PeriodRange::wholeYear(2025));
  const std::map<std::string, std::int64_t, std::less<>> expected = {{"2440", 7}, {"8910", 350}};
  EXPECT_EQ(missing, expected);
}

struct KontoplanText {
  std::string text;
};
KontoplanText kontoplanFile(std::string text) { return {std::move(text)}; }
AccountMap readAccountMap(const KontoplanText& kontoplan) {
  testing::CsvTextSource source(kontoplan.text, "kontoplan.csv");
  return readAccountMap(source);
}

TEST(KontoplanReader, ReadsRangesWithFoldedHeaders) {
  const AccountMap map = readAccountMap(kontoplanFile(
      "Konto från;Konto till;Rad\n3;3;Intäkter\n5;5;Personalkostnader\n79;79;Kapitalkostnad\n"
      "7;7;Övriga kostnader\n"));
  EXPECT_EQ(rowOf(map, "3510"), "Intäkter");
  EXPECT_EQ(rowOf(map, "7990"), "Kapitalkostnad");
  EXPECT_EQ(rowOf(map, "7400"), "Övriga kostnader");
}

TEST(KontoplanReader, OverlapNamesTheLine) {
  try {
    readAccountMap(kontoplanFile("konto_fran;konto_till;rad\n60;62;A\n\n61;63;B\n"));
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().file, "kontoplan.csv");
    EXPECT_EQ(e.where().line, 4);
  }
}

TEST(KontoplanReader, EmptyRowNameIsAnError) {
  EXPECT_THROW(readAccountMap(kontoplanFile("konto_fran;konto_till;rad\n3;3;\n")), InputError);
}

}  // namespace
}  // namespace namnd
