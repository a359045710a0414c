// importSources hashes a ledger whose path the store does not know while it parses it, and one
// whose path it knows before parsing. Either way: the same bytes already stored are skipped,
// changed bytes replace the earlier import.

#include "store/import_sources.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/sqlite_store.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

InputFile ledger(const std::filesystem::path& dir, const std::string& name) {
  InputFile input;
  input.path = dir / name;
  input.displayName = name;
  return input;
}

RunConfig configWith(std::vector<InputFile> ledgers) {
  RunConfig config;
  config.huvudbok = std::move(ledgers);
  return config;
}

const std::string kLedger =
    "period;ansvar;konto;belopp\n202501;100;4000;10,00\n202502;100;4000;2,50\n";

TEST(ImportSources, SameBytesUnderANewNameAreSkippedAndChangedBytesReplace) {
  testing::TempDir dir;
  testing::writeFile(dir / "a.csv", kLedger);
  testing::writeFile(dir / "b.csv", kLedger);  // the same bytes under another name
  SqliteStore store((dir / "lager.sqlite").string());

  // a.csv is new to the store: parsed while hashed, and saved.
  auto outcomes = importSources(configWith({ledger(dir.path(), "a.csv")}), store);
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_FALSE(outcomes[0].skipped);
  EXPECT_EQ(outcomes[0].summary.acceptedOre, 1250);  // 10,00 + 2,50 kr
  EXPECT_EQ(outcomes[0].summary.fileHash.size(), 64u);

  // b.csv is new too, but its bytes are stored already; a.csv again is known and unchanged.
  outcomes =
      importSources(configWith({ledger(dir.path(), "b.csv"), ledger(dir.path(), "a.csv")}), store);
  ASSERT_EQ(outcomes.size(), 2u);
  EXPECT_TRUE(outcomes[0].skipped);
  EXPECT_EQ(outcomes[0].summary.sourcePath, "b.csv");
  EXPECT_TRUE(outcomes[1].skipped);
  EXPECT_EQ(outcomes[1].summary.sourcePath, "a.csv");
  EXPECT_EQ(store.loadCube({Period(2025, 1), Period(2025, 12)}).total(Measure::Utfall), 1250);

  // a.csv changed: read again and replaces its earlier import.
  testing::writeFile(dir / "a.csv", kLedger + "202503;100;4000;1,00\n");
  outcomes = importSources(configWith({ledger(dir.path(), "a.csv")}), store);
  ASSERT_EQ(outcomes.size(), 1u);
  EXPECT_FALSE(outcomes[0].skipped);
  EXPECT_TRUE(outcomes[0].replaced);
  EXPECT_EQ(store.loadCube({Period(2025, 1), Period(2025, 12)}).total(Measure::Utfall), 1350);
}

}  // namespace
}  // namespace namnd
