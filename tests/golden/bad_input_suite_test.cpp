// The bad-input suite (tests/fixtures/bad, README there): every hostile or broken file, put into
// a copy of the Färgelanda fixture after a good run of `namnd manadsrapport`, gives the Swedish
// message with file, line and column. A refused file leaves the reports and the store exactly as
// they were; a rejected row adds nothing to the store (no value is ever guessed from it).

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "store/store.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

enum class Outcome {
  Refused,      // exit 1, "Fel i indata: …", nothing written, the store as before
  RowRejected,  // exit 0, the row named with line and column, its amount not in the store
  Accepted,     // exit 0, the file's rows count
};

enum class Role { Ledger, SieLedger, Org, Kontoplan };

struct BadCase {
  std::string name;     // test name
  std::string fixture;  // file in tests/fixtures/bad, or the name of a generated file
  Role role;
  Outcome outcome;
  std::vector<std::string> fragments;  // each must be in the command's output
  // What the file adds to the store's utfall for 2025, in öre, worked out from the file.
  std::int64_t addedOre = 0;
};

// A ledger whose one data row holds `field` (10 MB) as text or as belopp: generated, not stored.
std::string tenMegabyteLedger(bool inAmount) {
  const std::string huge(std::size_t{10} << 20, inAmount ? '9' : 'x');
  return "period;ansvar;konto;belopp;text\n202503;1100;5110;" +
         (inAmount ? huge + ";Stort belopp\n" : "250,00;" + huge + "\n");
}

const std::vector<BadCase>& cases() {
  static const std::vector<BadCase> all = {
      {"TruncatedCsv",
       "truncated.csv",
       Role::Ledger,
       Outcome::RowRejected,
       {"Inläst huvudbok: truncated.csv (2 rader, 1 godkända, 1 avvisade)",
        "avvisad: truncated.csv rad 3: raden har 2 fält men rubrikraden har 5"},
       10000},
      {"TruncatedSie",
       "truncated.se",
       Role::SieLedger,
       Outcome::Refused,
       {"Fel i indata: truncated.se rad 8: filen tar slut innan verifikationen (#VER) på rad 8 "
        "har stängts med '}': filen är avkortad"}},
      {"TruncatedXlsx",
       "truncated.xlsx",
       Role::Ledger,
       Outcome::Refused,
       {"Fel i indata: truncated.xlsx: zip-arkivet är ofullständigt eller skadat"}},
      {"Utf16",
       "utf16.csv",
       Role::Ledger,
       Outcome::Refused,
       {"Fel i indata: utf16.csv rad 1: filen är kodad som UTF-16; spara den som UTF-8 eller "
        "Windows-1252"}},
      {"UndefinedByte",
       "undefined-byte.csv",
       Role::Ledger,
       Outcome::Refused,
       {"Fel i indata: undefined-byte.csv rad 3: filen är varken UTF-8 eller Windows-1252 "
        "(byte 0x81)"}},
      {"NulByte",
       "nul-byte.csv",
       Role::Ledger,
       Outcome::Refused,
       {"Fel i indata: nul-byte.csv rad 3: filen innehåller en NUL-byte"}},
      {"TenMegabyteText",
       "long-text.csv",
       Role::Ledger,
       Outcome::Accepted,
       {"Inläst huvudbok: long-text.csv (1 rader, 1 godkända, 0 avvisade)"},
       25000},
      {"TenMegabyteAmount",
       "long-amount.csv",
       Role::Ledger,
       Outcome::RowRejected,
       {"Inläst huvudbok: long-amount.csv (1 rader, 0 godkända, 1 avvisade)",
        "avvisad: long-amount.csv rad 2, kolumn belopp: ogiltigt belopp"}},
      {"UnbalancedQuote",
       "unbalanced-quote.csv",
       Role::Ledger,
       Outcome::Refused,
       {"Fel i indata: unbalanced-quote.csv rad 2, kolumn 5: citattecknet som öppnas här stängs "
        "aldrig"}},
      {"Exponent1e400",
       "number-1e400.csv",
       Role::Ledger,
       Outcome::RowRejected,
       {"avvisad: number-1e400.csv rad 2, kolumn belopp: ogiltigt belopp \"1e400\""}},
      {"DoubleMinus",
       "number-double-minus.csv",
       Role::Ledger,
       Outcome::RowRejected,
       {"avvisad: number-double-minus.csv rad 2, kolumn belopp: ogiltigt belopp \"--5\""}},
      {"SpacesInNumber",
       "number-spaces.csv",
       Role::Ledger,
       Outcome::RowRejected,
       {"avvisad: number-spaces.csv rad 2, kolumn belopp: ogiltigt belopp \"12 34 56\": "
        "tusentalsgrupper måste ha tre siffror"}},
      {"SieExponent",
       "sie-number-1e400.se",
       Role::SieLedger,
       Outcome::RowRejected,
       {"Inläst huvudbok: sie-number-1e400.se (2 rader, 1 godkända, 1 avvisade)",
        "avvisad: sie-number-1e400.se rad 6, kolumn belopp: ogiltigt belopp \"1e400\""},
       10000},
      {"XlsxInfiniteAmount",
       "xlsx-bad-amounts.xlsx",
       Role::Ledger,
       Outcome::Refused,
       {"Fel i indata: xlsx-bad-amounts.xlsx rad 2, kolumn D: bladet \"Huvudbok\": värdet "
        "\"1E+400\" är inget giltigt tal"}},
      {"FiveDigitYear",
       "date-five-digit-year.csv",
       Role::Ledger,
       Outcome::RowRejected,
       {"avvisad: date-five-digit-year.csv rad 2, kolumn datum: ogiltigt datum \"20225-02-03\""}},
      {"DuplicateHeader",
       "duplicate-header.csv",
       Role::Ledger,
       Outcome::Refused,
       {"Fel i indata: duplicate-header.csv rad 1, kolumn belopp: kolumnen belopp förekommer två "
        "gånger"}},
      {"ZipBomb",
       "zip-bomb.xlsx",
       Role::Ledger,
       Outcome::Refused,
       {"Fel i indata: zip-bomb.xlsx: delen xl/worksheets/sheet1.xml är packad mer än 1000:1"}},
      {"EntityExpansion",
       "entity-expansion.xlsx",
       Role::Ledger,
       Outcome::Refused,
       {"Fel i indata: entity-expansion.xlsx: delen xl/worksheets/sheet1.xml innehåller en DTD"}},
      {"SieUnknownRecords",
       "unknown-records.se",
       Role::SieLedger,
       Outcome::Accepted,
       {"Okända poster hoppades över, som standarden föreskriver: #NYTT_FALT (1), "
        "#OKAND_POST (1)"},
       10000},
      {"OrgCycle",
       "org-cycle.csv",
       Role::Org,
       Outcome::Refused,
       {"Fel i indata: org-cycle.csv rad 3: nivå 2 för A ska vara ett under förälderns nivå 2"}},
      {"KontoplanOverlap",
       "kontoplan-overlap.csv",
       Role::Kontoplan,
       Outcome::Refused,
       {"Fel i indata: kontoplan-overlap.csv rad 3: intervallet 53–59 överlappar 50–55 "
        "(kontoplan-overlap.csv rad 2)"}},
  };
  return all;
}

// Every file of a folder, by name, with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& folder) {
  std::map<std::string, std::string> files;
  if (!fs::exists(folder)) return files;
  for (const auto& entry : fs::directory_iterator(folder))
    files[entry.path().filename().string()] =
        entry.is_regular_file() ? testing::readFile(entry.path()) : std::string("<mapp>");
  return files;
}

class BadInputSuite : public ::testing::TestWithParam<BadCase> {
 protected:
  void SetUp() override { testing::copyFixture("fargelanda", dir.path()); }

  // The Färgelanda config with the case's file in its role (none: the good run).
  void writeConfig(const BadCase* bad) {
    std::string ledger = R"("huvudbok-2025.csv")";
    std::string org = "org.csv";
    std::string kontoplan = "kontoplan.csv";
    if (bad && bad->role == Role::Ledger) ledger += R"(, ")" + bad->fixture + R"(")";
    if (bad && bad->role == Role::SieLedger)
      ledger += R"(, {"fil": ")" + bad->fixture + R"(", "format": "sie", "sie": {"ansvar": 1}})";
    if (bad && bad->role == Role::Org) org = bad->fixture;
    if (bad && bad->role == Role::Kontoplan) kontoplan = bad->fixture;
    testing::writeFile(dir / "namnd.json", R"({
  "kommun": "K", "namnd": "N", "lager": "sqlite:lager.sqlite", "utdata": "ut",
  "publicerbara_kolumner": ["huvudbok.text", "prognos.kommentar", "prognos.atgard"],
  "mallar": ")" + testing::repoPath("templates").string() +
                                               R"(",
  "org": {"fil": ")" + org + R"(", "nivaer": ["Nämnd", "Verksamhetsområde", "Enhet"],
          "rapportniva": 2},
  "kontoplan": ")" + kontoplan + R"(",
  "huvudbok": [)" + ledger + R"(],
  "budget": ["budget-2025.csv"]
})");
  }

  void putFixture(const BadCase& bad) {
    if (bad.fixture == "long-text.csv" || bad.fixture == "long-amount.csv") {
      testing::writeFile(dir / bad.fixture, tenMegabyteLedger(bad.fixture == "long-amount.csv"));
      return;
    }
    fs::copy_file(fs::path(NAMND_TEST_FIXTURES) / "bad" / bad.fixture, dir / bad.fixture,
                  fs::copy_options::overwrite_existing);
  }

  testing::RunResult report() {
    return testing::runNamnd(
        {"manadsrapport", "--config", (dir / "namnd.json").string(), "--period", "202510"});
  }

  std::int64_t storedUtfall() {
    return openSqliteStore((dir / "lager.sqlite").string())
        ->loadCube(PeriodRange::wholeYear(2025))
        .total(Measure::Utfall);
  }

  testing::TempDir dir;
};

TEST_P(BadInputSuite, GivesTheSwedishMessageAndNeverHalfWrites) {
  const BadCase& bad = GetParam();
  writeConfig(nullptr);
  const auto good = report();
  ASSERT_EQ(good.exitCode, 0) << good.output;
  const auto reportsBefore = snapshot(dir / "ut");
  ASSERT_EQ(reportsBefore.size(), 2u);
  const std::int64_t utfallBefore = storedUtfall();

  putFixture(bad);
  writeConfig(&bad);
  const auto run = report();
  // The 10 MB cases would flood the failure message: show its start only.
  const std::string shown = run.output.substr(0, 2000);
  for (const std::string& fragment : bad.fragments)
    EXPECT_TRUE(testing::contains(run.output, fragment)) << "missing: " << fragment << "\n"
                                                         << shown;

  if (bad.outcome == Outcome::Refused) {
    EXPECT_EQ(run.exitCode, 1) << shown;
    EXPECT_EQ(snapshot(dir / "ut"), reportsBefore) << "a report was written or changed";
    EXPECT_EQ(storedUtfall(), utfallBefore) << "part of the refused file reached the store";
    return;
  }
  EXPECT_EQ(run.exitCode, 0) << shown;
  EXPECT_EQ(storedUtfall(), utfallBefore + bad.addedOre);
  EXPECT_EQ(snapshot(dir / "ut").size(), 2u) << "a temp file was left in ut/";
  if (bad.outcome == Outcome::RowRejected) {
    // The report itself says a row was left out: no krona goes missing silently.
    const std::string page = testing::readFile(dir / "ut" / "manadsrapport-202510.html");
    EXPECT_TRUE(testing::contains(page, "avvisade rader i " + bad.fixture)) << bad.fixture;
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, BadInputSuite, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<BadCase>& info) {
                           return info.param.name;
                         });

// The rejection message quotes the bad value; a 10 MB value should be quoted shortened, so that
// the terminal and the Kontroller sheet stay readable.
TEST(BadInputMessages, AHugeRejectedValueIsQuotedShortened) {
  // The rejection quotes at most 60 characters of the field (core/errors.hpp quotedValue).
  testing::TempDir dir;
  testing::copyFixture("fargelanda", dir.path());
  testing::writeFile(dir / "long-amount.csv", tenMegabyteLedger(true));
  testing::writeFile(
      dir / "namnd.json",
      testing::fargelandaConfigHead() + R"(  "huvudbok": ["huvudbok-2025.csv", "long-amount.csv"]
})");
  const auto run = testing::runNamnd({"import", "--config", (dir / "namnd.json").string()});
  EXPECT_EQ(run.exitCode, 0);
  EXPECT_LT(run.output.size(), 4000u);
  EXPECT_TRUE(testing::contains(run.output, "…\"")) << run.output.substr(0, 2000);
}

}  // namespace
}  // namespace namnd
