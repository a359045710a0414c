#include "store/stored_values.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"

namespace namnd {
namespace {

TEST(RedactedStoreUri, HidesEveryFormOfAPostgresqlPassword) {
  EXPECT_EQ(redactedStoreUri("postgresql:host=db port=5432 user=ekonomi password=hemligt dbname=x"),
            "postgresql:host=db port=5432 user=ekonomi password=*** dbname=x");
  EXPECT_EQ(redactedStoreUri("postgresql:host=db password = 'hem ligt\\' ord' dbname=x"),
            "postgresql:host=db password =*** dbname=x");
  EXPECT_EQ(redactedStoreUri("postgresql://ekonomi:hemligt@db.kommun.se:5432/namnd"),
            "postgresql://ekonomi:***@db.kommun.se:5432/namnd");
  EXPECT_EQ(
      redactedStoreUri("postgresql://db.kommun.se/namnd?user=a&password=hemligt&sslmode=require"),
      "postgresql://db.kommun.se/namnd?user=a&password=***&sslmode=require");
}

TEST(RedactedStoreUri, EscapesCaseAndAmpersandsDoNotLeakAPart) {
  EXPECT_EQ(redactedStoreUri("postgresql:host=db password=Hem\\ ligt9x dbname=x"),
            "postgresql:host=db password=*** dbname=x");
  EXPECT_EQ(redactedStoreUri("postgresql:host=db password=Hemligt9x&x dbname=x"),
            "postgresql:host=db password=*** dbname=x");
  EXPECT_EQ(redactedStoreUri("postgresql:host=db PASSWORD=Hemligt9x"),
            "postgresql:host=db PASSWORD=***");
  EXPECT_EQ(redactedStoreUri("postgresql:password='a\\'b c' user=u"),
            "postgresql:password=*** user=u");
}

TEST(RedactedStoreUri, LeavesAddressesWithoutPasswordsAlone) {
  for (const char* uri :
       {"sqlite:/data/lager.sqlite", "postgresql:host=db dbname=namnd user=ekonomi",
        "postgresql://ekonomi@db/namnd", "clickhouse:ch1:8123,ch2:8123/region", "postgresql:"})
    EXPECT_EQ(redactedStoreUri(uri), uri);
}

TEST(StoredValues, PeriodsAndKindsNoImportWritesAreRefused) {
  EXPECT_EQ(storedPeriod(202512, "lagret"), Period(2025, 12));
  EXPECT_THROW(storedPeriod(202513, "lagret"), OutputError);
  EXPECT_THROW(storedPeriod(202500, "lagret"), OutputError);
  EXPECT_EQ(storedSourceKind("prognos", "lagret"), SourceKind::Prognos);
  EXPECT_THROW(storedSourceKind("Prognos", "lagret"), OutputError);
}

LedgerTransaction row(const std::string& ansvar, std::int64_t ore, const std::string& vernr) {
  return LedgerTransaction{Period(2025, 3), ansvar, "4610", "", "", "", vernr, "", "", ore};
}

TEST(StoredValues, LargestPerAnsvarKeepsStoredOrderBetweenEqualAmounts) {
  const auto largest = largestPerAnsvar({row("B", 5, "b1"), row("A", -7, "a1"), row("A", 7, "a2"),
                                         row("A", 9, "a3"), row("B", -5, "b2"), row("A", 1, "a4")},
                                        2);
  std::vector<std::string> vernrs;
  for (const LedgerTransaction& t : largest) vernrs.push_back(t.vernr);
  // A: 9, then -7 before 7 (stored first); B: 5 before -5.
  EXPECT_EQ(vernrs, (std::vector<std::string>{"a3", "a1", "b1", "b2"}));
  EXPECT_TRUE(largestPerAnsvar({row("A", 1, "a")}, 0).empty());
}

}  // namespace
}  // namespace namnd
