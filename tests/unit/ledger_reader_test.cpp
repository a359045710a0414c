#include "ingest/ledger_reader.hpp"

#include <gtest/gtest.h>

#include "support/import_expectations.hpp"

#include <filesystem>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "ingest/source_file.hpp"
#include "support/csv_text_source.hpp"

namespace namnd {
namespace {

// The ledger text as the file huvudbok.csv with hash "abc123", read through the real CsvSource.
struct LedgerText {
  std::string text;
};
LedgerText ledgerFile(std::string text) { return {std::move(text)}; }
LedgerImport readLedger(const LedgerText& ledger) {
  testing::CsvTextSource source(ledger.text, "huvudbok.csv");
  return readLedger(source, "abc123");
}
LedgerImport readLedger(const SourceFile& file) {
  CsvSource source(file.path, file.displayName);
  return readLedger(source, file.sha256);
}

using testing::cells;
using testing::Rejection;
using testing::rejections;

TEST(LedgerReader, AcceptsGoodRowsAndRejectsBadOnesWithTheirPlace) {
  const LedgerImport ledger =
      readLedger(ledgerFile("period;konto;ansvar;belopp;verksamhet\n"
                            "202501;5011;100;1 234,50;510\n"  // line 2: accepted, 123 450 öre
                            "202502;3011;100;-500;510\n"      // line 3: accepted, −50 000 öre
                            "2025-3;5011;100;10;\n"           // line 4: bad period
                            "202503;;100;10;\n"               // line 5: empty konto
                            "202503;5011;100;12,345;\n"       // line 6: three decimals
                            "202503;5011;100\n"               // line 7: ragged
                            "\n"
                            "202503;4010;200;-11 639;\n"));  // line 9: accepted, −1 163 900 öre
  const ImportSummary& summary = ledger.summary;
  EXPECT_EQ(summary.kind, SourceKind::Huvudbok);
  EXPECT_EQ(summary.sourcePath, "huvudbok.csv");
  EXPECT_EQ(summary.fileHash, "abc123");
  EXPECT_EQ(summary.rowsRead, 7);
  EXPECT_EQ(summary.rowsAccepted, 3);
  EXPECT_EQ(summary.acceptedOre, 123'450 - 50'000 - 1'163'900);
  EXPECT_EQ(rejections(summary), (std::vector<Rejection>{{"huvudbok.csv", 4, "period"},
                                                         {"huvudbok.csv", 5, "konto"},
                                                         {"huvudbok.csv", 6, "belopp"},
                                                         {"huvudbok.csv", 7, ""}}));
  EXPECT_EQ(cells(ledger.cube),
            (std::vector<std::string>{"100|3011|510||202502=-50000", "100|5011|510||202501=123450",
                                      "200|4010|||202503=-1163900"}));
  // Every accepted krona is in the cube.
  EXPECT_EQ(ledger.cube.total(Measure::Utfall), summary.acceptedOre);
}

// A kept row as "period|ansvar|konto|verksamhet|projekt|datum|vernr|text|motpart|öre".
std::vector<std::string> keptOf(const LedgerImport& ledger) {
  std::vector<std::string> rows;
  for (const LedgerTransaction& r : ledger.keptRows.toTransactions())
    rows.push_back(r.period.toString() + "|" + r.ansvar + "|" + r.konto + "|" + r.verksamhet + "|" +
                   r.projekt + "|" + r.datum + "|" + r.vernr + "|" + r.text + "|" + r.motpart +
                   "|" + std::to_string(r.ore));
  return rows;
}

TEST(LedgerReader, KeepsAcceptedRowsWholeLargestFirst) {
  const LedgerImport ledger = readLedger(ledgerFile(
      "Period;Bokföringsdatum;Konto;Ansvar;Belopp;Verksamhet;Aktivitet;Projekt;Motpart;"
      "Verifikation;Text\n"
      "202503;2025-03-14;4610;2110;12 000,00;511;A1;;LEV 4711;LF 1001;Köpt plats Ösby\n"
      "202503;2025-03-15;3010;2110;-15 000,00;511;;P-åtta;KUND 9;KF 2002;Avgifter mars\n"
      "202503;2025-03-16;5011;2110;15 000,00;511;;;;LÖN 3;Lön mars\n"  // ties with −15 000
      "202503;2025-03-17;5011;2110;99 999,00;511;;;;LÖN 4;Felaktig rad;extra\n"  // ragged
      "202502;2025-02-28;6110;2210;250,50;512;;;;LF 999;\n"
      "202503;inte ett datum;6110;2110;1;511;;;;LF 5;Datum som inte är ett datum\n"));
  EXPECT_EQ(keptOf(ledger),
            (std::vector<std::string>{
                "202502|2210|6110|512||2025-02-28|LF 999|||25050",
                "202503|2110|3010|511|P-åtta|2025-03-15|KF 2002|Avgifter mars|KUND 9|-1500000",
                "202503|2110|5011|511||2025-03-16|LÖN 3|Lön mars||1500000",
                "202503|2110|4610|511||2025-03-14|LF 1001|Köpt plats Ösby|LEV 4711|1200000",
                "202503|2110|6110|511|||LF 5|Datum som inte är ett datum||100"}));
}

TEST(LedgerReader, KeepsAtMostTheBoundPerAnsvarAndMonth) {
  // 60 rows of 1 … 60 kr for one ansvar and month, in a shuffled order: the 50 largest stay.
  std::string text = "period;konto;ansvar;belopp;text\n";
  for (int i = 0; i < 60; ++i) {
    const int kronor = (i * 17) % 60 + 1;  // 17 and 60 are coprime: every value once
    text += "202501;5011;100;" + std::to_string(kronor) + ";rad " + std::to_string(kronor) + "\n";
  }
  text += "202501;5011;200;1;annat ansvar\n";
  const LedgerImport ledger = readLedger(ledgerFile(text));
  const std::vector<LedgerTransaction> kept = ledger.keptRows.toTransactions();
  ASSERT_EQ(kept.size(), static_cast<std::size_t>(kStoredTransactionsPerAnsvarMonth) + 1);
  for (int k = 0; k < kStoredTransactionsPerAnsvarMonth; ++k) {
    EXPECT_EQ(kept[static_cast<std::size_t>(k)].ore, (60 - k) * 100);
    EXPECT_EQ(kept[static_cast<std::size_t>(k)].text, "rad " + std::to_string(60 - k));
  }
  EXPECT_EQ(kept.back().ansvar, "200");
}

TEST(LedgerReader, KontoTextGivesTheTextWhenThereIsNoTextColumn) {
  const LedgerImport ledger =
      readLedger(ledgerFile("period;konto text;ansvar;belopp\n"
                            "202501;46110 Köp av huvudverksamhet;100;10\n"));
  EXPECT_EQ(keptOf(ledger),
            (std::vector<std::string>{"202501|100|46110|||||Köp av huvudverksamhet||1000"}));
}

TEST(LedgerReader, RejectionReasonsSayWhatIsWrong) {
  const LedgerImport ledger =
      readLedger(ledgerFile("period;konto;ansvar;belopp\n"
                            "20251;5011;100;1\n"
                            "202501;5011;;1\n"
                            "202501;5011;100;abc\n"
                            "202501;5011;100;1;2\n"));
  ASSERT_EQ(ledger.summary.rejected.size(), 4u);
  const auto& rejected = ledger.summary.rejected;
  EXPECT_NE(rejected[0].reason.find("20251"), std::string::npos) << rejected[0].reason;
  EXPECT_NE(rejected[1].reason.find("ansvar"), std::string::npos) << rejected[1].reason;
  EXPECT_EQ(rejected[1].where.column, "ansvar");
  EXPECT_NE(rejected[2].reason.find("abc"), std::string::npos) << rejected[2].reason;
  EXPECT_NE(rejected[3].reason.find("5"), std::string::npos) << rejected[3].reason;  // 5 fält
  EXPECT_EQ(ledger.summary.rowsAccepted, 0);
  EXPECT_EQ(ledger.summary.acceptedOre, 0);
  EXPECT_TRUE(ledger.cube.empty());
}

TEST(LedgerReader, PeriodFromDatumWithAliasedHeaders) {
  const LedgerImport ledger =
      readLedger(ledgerFile("Bokföringsdatum;Kontonr;Ansvarskod;Belopp SEK;Projektkod\n"
                            "2025-03-15;5011;100;1 000,00;P7\n"
                            "2025-02-30;5011;100;5;\n"  // no such day
                            "2025-12-31;3011;200;-2,5;\n"));
  EXPECT_EQ(cells(ledger.cube),
            (std::vector<std::string>{"100|5011||P7|202503=100000", "200|3011|||202512=-250"}));
  EXPECT_EQ(rejections(ledger.summary),
            (std::vector<Rejection>{{"huvudbok.csv", 3, "Bokföringsdatum"}}));
}

TEST(LedgerReader, EmptyPeriodFallsBackToDatum) {
  const LedgerImport ledger =
      readLedger(ledgerFile("period;datum;konto;ansvar;belopp\n"
                            "202501;2025-06-01;5011;100;1\n"  // the period column wins when filled
                            ";2025-06-01;5011;100;2\n"));     // empty period: the date decides
  EXPECT_EQ(cells(ledger.cube),
            (std::vector<std::string>{"100|5011|||202501=100", "100|5011|||202506=200"}));
}

TEST(LedgerReader, SameKeyRowsAreSummedInTheCube) {
  const LedgerImport ledger =
      readLedger(ledgerFile("period,konto,ansvar,belopp\n"
                            "202501,5011,100,\"1,50\"\n"
                            "202501,5011,100,\"2,25\"\n"));
  EXPECT_EQ(cells(ledger.cube), (std::vector<std::string>{"100|5011|||202501=375"}));
  EXPECT_EQ(ledger.summary.rowsAccepted, 2);
  EXPECT_EQ(ledger.summary.acceptedOre, 375);
}

TEST(LedgerReader, QuotedHeaderAsManyExportsWriteIt) {
  const LedgerImport ledger =
      readLedger(ledgerFile("\"period\";\"konto\";\"ansvar\";\"belopp\"\n"
                            "\"202501\";\"5011\";\"100\";\"1 234,50\"\n"));
  EXPECT_EQ(cells(ledger.cube), (std::vector<std::string>{"100|5011|||202501=123450"}));
}

TEST(LedgerReader, QuotedFirstRecordKeepsItsCodes) {
  // Codes first and every field quoted: a damaged field here would not be rejected but booked
  // on a wrong ansvar and konto.
  const LedgerImport ledger =
      readLedger(ledgerFile("ansvar;konto;period;belopp\n"
                            "\"100\";\"5011\";\"202501\";\"5\"\n"));
  EXPECT_EQ(cells(ledger.cube), (std::vector<std::string>{"100|5011|||202501=500"}));
}

TEST(LedgerReader, MissingColumnsRefuseTheFile) {
  EXPECT_THROW(readLedger(ledgerFile("period;ansvar;belopp\n202501;100;5\n")), InputError);
  try {
    readLedger(ledgerFile("konto;ansvar;belopp\n5011;100;5\n"));
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("period"), std::string::npos) << e.what();
  }
}

TEST(LedgerReader, UndecodableFileIsRefused) {
  EXPECT_THROW(readLedger(ledgerFile("period;konto;ansvar;belopp\n202501;5011;1\x81;5\n")),
               InputError);
}

TEST(LedgerReader, Windows1252FixtureFromDisk) {
  const auto path = std::filesystem::path(NAMND_TEST_FIXTURES) / "csv" / "huvudbok-windows1252.csv";
  const LedgerImport ledger = readLedger(readSourceFile(path, "huvudbok-windows1252.csv"));
  EXPECT_EQ(ledger.summary.rowsRead, 2);
  EXPECT_TRUE(ledger.summary.rejected.empty());
  EXPECT_EQ(cells(ledger.cube),
            (std::vector<std::string>{"100|4010|||202502=-50000", "100|5011|||202501=123450"}));
  EXPECT_EQ(ledger.summary.acceptedOre, 73'450);
}

TEST(LedgerReader, Utf8BomFixtureFromDisk) {
  const auto path = std::filesystem::path(NAMND_TEST_FIXTURES) / "csv" / "huvudbok-utf8-bom.csv";
  const LedgerImport ledger = readLedger(readSourceFile(path, "bom.csv"));
  EXPECT_EQ(cells(ledger.cube), (std::vector<std::string>{"200|3011|||202503=-500"}));
}

}  // namespace
}  // namespace namnd
