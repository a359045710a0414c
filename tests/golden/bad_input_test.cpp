// Bad input gets a clear answer: a Swedish message naming file, line and column; a non-zero exit
// only when the input cannot be used at all; and never a half-written or changed report.

#include <gtest/gtest.h>

#include <string>

#include "support/test_support.hpp"

namespace namnd {
namespace {

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::copyFixture("fargelanda", dir.path());
    writeConfig(R"("huvudbok-2025.csv")");
  }
  void writeConfig(const std::string& ledgerEntry) {
    testing::writeFile(dir / "namnd.json", testing::fargelandaConfigHead() + R"(
    "huvudbok": [)" + ledgerEntry + R"(],
  "budget": ["budget-2025.csv"]
})");
  }
  testing::RunResult report() {
    return testing::runNamnd(
        {"manadsrapport", "--config", (dir / "namnd.json").string(), "--period", "202510"});
  }
  std::filesystem::path xlsx() const { return dir / "ut" / "manadsrapport-202510.xlsx"; }
  std::filesystem::path html() const { return dir / "ut" / "manadsrapport-202510.html"; }

  // A good run first; then the broken input must fail and leave both reports exactly as they
  // were, with no temp file beside them.
  void expectRefusedAndReportsUntouched(const std::string& expectedMessage) {
    const std::string xlsxBefore = testing::readFile(xlsx());
    const std::string htmlBefore = testing::readFile(html());
    const auto run = report();
    EXPECT_EQ(run.exitCode, 1) << run.output;
    EXPECT_NE(run.output.find(expectedMessage), std::string::npos) << run.output;
    EXPECT_EQ(testing::readFile(xlsx()), xlsxBefore);
    EXPECT_EQ(testing::readFile(html()), htmlBefore);
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir / "ut")) {
      (void)entry;
      ++files;
    }
    EXPECT_EQ(files, 2u) << "a temp file was left in ut/";
  }

  testing::TempDir dir;
};

TEST_F(BadInput, MissingRequiredColumnStopsTheRunAndNamesFileAndLine) {
  ASSERT_EQ(report().exitCode, 0);
  testing::writeFile(dir / "huvudbok-2025.csv",
                     "period;ansvar;konto;summa_kr\n202501;1000;5110;1\n");
  expectRefusedAndReportsUntouched(
      "Fel i indata: huvudbok-2025.csv rad 1: kolumnen belopp saknas i rubrikraden (filen har: "
      "period, ansvar, konto, summa_kr)");
}

TEST_F(BadInput, AnEncodingThatIsNeitherUtf8NorWindows1252IsRefused) {
  ASSERT_EQ(report().exitCode, 0);
  // 0x81 is undefined in Windows-1252, and not UTF-8 either.
  testing::writeFile(dir / "huvudbok-2025.csv",
                     "period;ansvar;konto;belopp\n202501;1000;5110;1\n202502;1\x81;5110;2\n");
  expectRefusedAndReportsUntouched(
      "huvudbok-2025.csv rad 3: filen är varken UTF-8 eller Windows-1252 (byte 0x81)");
}

TEST_F(BadInput, ACorruptXlsxIsRefusedWithItsName) {
  ASSERT_EQ(report().exitCode, 0);
  // A zip signature followed by garbage: not a workbook.
  testing::writeFile(dir / "huvudbok.xlsx", std::string("PK\x03\x04", 4) + "inte en arbetsbok");
  writeConfig(R"("huvudbok.xlsx")");
  expectRefusedAndReportsUntouched("Fel i indata: huvudbok.xlsx");
}

TEST_F(BadInput, ATruncatedSieFileIsRefusedWithItsLine) {
  ASSERT_EQ(report().exitCode, 0);
  // The last #VER never closes its brace: the file was cut off.
  testing::writeFile(dir / "huvudbok.se",
                     "#FLAGGA 0\n#SIETYP 4\n#RAR 0 20250101 20251231\n"
                     "#VER A 1 20250115 \"Lön\"\n{\n#TRANS 5110 {1 \"1000\"} 1000.00\n}\n"
                     "#VER A 2 20250215 \"Lön\"\n{\n#TRANS 5110 {1 \"1000\"} 1000.00\n");
  writeConfig(R"({"fil": "huvudbok.se", "format": "sie", "sie": {"ansvar": 1}})");
  expectRefusedAndReportsUntouched("Fel i indata: huvudbok.se rad ");
}

TEST_F(BadInput, UnreadableRowsAreRejectedNotFatal) {
  // A number that does not parse and a date that is not a date (this one is in a real
  // published document): the rows are rejected with file, line and column, the run goes on.
  std::string ledger = testing::readFile(dir / "huvudbok-2025.csv");
  const auto lines = std::count(ledger.begin(), ledger.end(), '\n');
  ledger += "202503;1200;5110;--5;dubbelt minus\r\n";
  testing::writeFile(dir / "huvudbok-2025.csv", ledger);
  testing::writeFile(dir / "extra.csv", "datum;ansvar;konto;belopp\n20225-02-03;1200;5110;100\n");
  writeConfig(R"("huvudbok-2025.csv", "extra.csv")");
  const auto run = report();
  ASSERT_EQ(run.exitCode, 0) << run.output;
  EXPECT_NE(run.output.find("huvudbok-2025.csv rad " + std::to_string(lines + 1) +
                            ", kolumn belopp: ogiltigt belopp \"--5\""),
            std::string::npos)
      << run.output;
  EXPECT_NE(run.output.find("extra.csv rad 2, kolumn datum: ogiltigt datum \"20225-02-03\""),
            std::string::npos)
      << run.output;
}

TEST_F(BadInput, AnUnknownColumnInTheMappingIsAConfigError) {
  writeConfig(R"({"fil": "huvudbok-2025.csv", "kolumner": {"beloop": "Belopp SEK"}})");
  const auto run = report();
  EXPECT_EQ(run.exitCode, 1) << run.output;
  EXPECT_NE(run.output.find("\"beloop\""), std::string::npos) << run.output;
  EXPECT_FALSE(std::filesystem::exists(xlsx()));
}

}  // namespace
}  // namespace namnd
