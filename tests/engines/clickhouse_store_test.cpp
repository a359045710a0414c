// What only the ClickHouse store does: TabSeparated both ways, an address of several shards, an
// import's rows on one shard and the cube summed over all of them, the log row as the commit
// record (rows without it are never read), and messages that name the endpoint but never a
// password. What every engine does alike is in store_contract_test.cpp.

#include <gtest/gtest.h>

#include <unistd.h>
#include <chrono>
#include <cstdlib>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "core/errors.hpp"
#include "engines/engine_servers.hpp"
#include "store/clickhouse_http.hpp"
#include "store/clickhouse_store.hpp"
#include "store/store.hpp"
#include "support/store_samples.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::Row;
using testing::rowsOf;
using testing::summary;

using testing::contains;
using testing::thrown;

// ---- TabSeparated, without a server ----

TEST(ClickhouseTsv, EscapesTabsNewlinesBackslashesAndControlCharacters) {
  std::string out;
  appendTsvEscaped(out, std::string("a\tb\nc\\d\re\0f\bg\fh åäö", 22));
  EXPECT_EQ(out, "a\\tb\\nc\\\\d\\re\\0f\\bg\\fh åäö");
}

TEST(ClickhouseTsv, WriterSeparatesFieldsAndRowsAndWritesNull) {
  TsvWriter writer;
  writer.text("Hemtjänst\tÖstra");
  writer.number(-42);
  writer.null();
  writer.endRow();
  writer.text("");
  writer.endRow();
  EXPECT_EQ(writer.data(), "Hemtjänst\\tÖstra\t-42\t\\N\n\n");
  EXPECT_EQ(writer.rowCount(), 2u);
}

TEST(ClickhouseTsv, ParsesWhatClickhouseWrites) {
  // As the server printed SELECT 'x\0y\'z\r\b\f' … (checked with curl against 18.16).
  const auto rows = parseTsv("x\\0y\\'z\\r\\b\\f\t\\N\tN\t\\\\N\t\\x41\\q\n\n");
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[0].size(), 5u);
  EXPECT_EQ(rows[0][0].text, std::string("x\0y'z\r\b\f", 8));
  EXPECT_TRUE(rows[0][1].null);
  EXPECT_FALSE(rows[0][2].null);
  EXPECT_EQ(rows[0][2].text, "N");
  EXPECT_FALSE(rows[0][3].null);  // an escaped backslash and an N: the text \N
  EXPECT_EQ(rows[0][3].text, "\\N");
  EXPECT_EQ(rows[0][4].text, "Aq");
  ASSERT_EQ(rows[1].size(), 1u);  // an empty line is one empty field
  EXPECT_EQ(rows[1][0].text, "");
}

TEST(ClickhouseTsv, RoundTripsAnyText) {
  const std::vector<std::string> texts = {"",
                                          "Äldreomsorg",
                                          "Hem\\tjänst",
                                          "a\tb",
                                          "rad 1\nrad 2",
                                          "\\",
                                          "\\N",
                                          "slut\\",
                                          std::string("noll\0byte", 9),
                                          "citat ' och \"",
                                          "\r\n"};
  TsvWriter writer;
  for (const std::string& text : texts) writer.text(text);
  writer.endRow();
  const auto rows = parseTsv(writer.data());
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(rows[0][i].text, texts[i]) << i;
    EXPECT_FALSE(rows[0][i].null) << i;
  }
}

TEST(ClickhouseTsv, SqlStringsQuoteAndEscape) {
  EXPECT_EQ(sqlString("O'Hara\\ \t"), "'O\\'Hara\\\\ \\t'");
}

TEST(ClickhouseTsv, NumbersAreCheckedWhenRead) {
  EXPECT_EQ(tsvInt64({"-9223372036854775808", false}), INT64_MIN);
  EXPECT_THROW(tsvInt64({"12a", false}), OutputError);
  EXPECT_THROW(tsvInt64({"", false}), OutputError);
  EXPECT_THROW(tsvInt64({"", true}), OutputError);
}

// ---- addresses, without a server ----

TEST(ClickhouseAddress, ListsTheShardsInOrderAndTheDatabase) {
  const ClickhouseAddress address = parseClickhouseAddress("db1:8123,10.0.0.2:18124/region_vast");
  ASSERT_EQ(address.shards.size(), 2u);
  EXPECT_EQ(address.shards[0].name(), "db1:8123");
  EXPECT_EQ(address.shards[1].host, "10.0.0.2");
  EXPECT_EQ(address.shards[1].port, 18124);
  EXPECT_EQ(address.database, "region_vast");
}

TEST(ClickhouseAddress, MalformedAddressesAreConfigErrorsInSwedish) {
  for (const char* bad :
       {"db1:8123", "db1/namnd", "db1:0/namnd", "db1:99999/namnd", "db1:8123,/namnd", ":8123/namnd",
        "db1:8123/", "db1:8123/na-mnd", "db1:81x/namnd"}) {
    const auto error = thrown<ConfigError>([&] { parseClickhouseAddress(bad); });
    ASSERT_TRUE(error) << bad;
    EXPECT_TRUE(contains(error->what(), "ogiltig ClickHouse-adress")) << error->what();
  }
}

// Sets an environment variable for one test, and puts back what was there.
class EnvironmentVariable {
 public:
  EnvironmentVariable(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    value ? ::setenv(name, value, 1) : ::unsetenv(name);
  }
  ~EnvironmentVariable() { old_ ? ::setenv(name_, old_->c_str(), 1) : ::unsetenv(name_); }
  EnvironmentVariable(const EnvironmentVariable&) = delete;
  EnvironmentVariable& operator=(const EnvironmentVariable&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(ClickhouseAddress, AnEmptyAddressIsTakenFromTheEnvironment) {
  {
    EnvironmentVariable address("NAMND_CLICKHOUSE", "ch:9000/namnd");
    EXPECT_EQ(parseClickhouseAddress("").shards.at(0).name(), "ch:9000");
  }
  EnvironmentVariable none("NAMND_CLICKHOUSE", nullptr);
  const auto error = thrown<ConfigError>([] { parseClickhouseAddress(""); });
  ASSERT_TRUE(error);
  EXPECT_TRUE(contains(error->what(), "NAMND_CLICKHOUSE")) << error->what();
}

TEST(ClickhouseStoreErrors, AnUnreachableEndpointIsNamedInSwedish) {
  // Port 1 on loopback: nothing listens, the connection is refused at once.
  const auto error =
      thrown<OutputError>([] { openStore("clickhouse:127.0.0.1:1/namnd", "nagon"); });
  ASSERT_TRUE(error);
  EXPECT_TRUE(contains(error->what(), "Kunde inte nå ClickHouse på 127.0.0.1:1")) << error->what();
}

// ---- against the servers ----

const PeriodRange kYear2025 = PeriodRange::wholeYear(2025);

class ClickhouseStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    uri_ = test::serverUri("NAMND_TEST_CLICKHOUSE");
    if (uri_.empty())
      GTEST_SKIP() << "NAMND_TEST_CLICKHOUSE är inte satt: ingen databasserver att testa mot "
                      "(starta servrarna med scripts/db-servers.sh start MAPP och läs in MAPP/env)";
    ASSERT_EQ(uri_.rfind("clickhouse:", 0), 0u) << uri_;
    address_ = parseClickhouseAddress(uri_.substr(11));
    ASSERT_GE(address_.shards.size(), 2u) << "the tests need two shards";
    changeStoreSchema(uri_, SchemaAction::Init);
    scope_ = test::uniqueScope("ch");
  }

  std::unique_ptr<Store> open() { return openStore(uri_, scope_); }

  // Rows of the scope in one shard's local table, counted on that shard alone; `where` narrows.
  std::int64_t countOn(std::size_t shard, const std::string& table,
                       const std::string& where = "1") const {
    const auto rows = parseTsv(
        http_.query(address_.shards.at(shard), "SELECT count() FROM " + address_.database + "." +
                                                   table + " WHERE scope = " + sqlString(scope_) +
                                                   " AND " + where + " FORMAT TabSeparated"));
    return tsvInt64(rows.at(0).at(0));
  }

  // Mutations (ALTER … DELETE) ever issued for this scope on a shard, done or not.
  std::int64_t mutationsOn(std::size_t shard) const {
    const auto rows = parseTsv(http_.query(
        address_.shards.at(shard),
        "SELECT count() FROM system.mutations WHERE database = " + sqlString(address_.database) +
            " AND position(command, " + sqlString(scope_) + ") > 0 FORMAT TabSeparated"));
    return tsvInt64(rows.at(0).at(0));
  }

  // Waits (mutations run in the background) until `done` holds or 30 s have passed.
  template <typename Done>
  static bool eventually(Done done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (!done()) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return true;
  }

  // A path of this scope whose rows go to `shard`.
  std::string pathOnShard(std::size_t shard, const std::string& stem) const {
    for (int i = 0;; ++i) {
      const std::string path = stem + "-" + std::to_string(i) + ".csv";
      if (clickhouseShardOf(scope_, path, address_.shards.size()) == shard) return path;
    }
  }

  std::string uri_;
  ClickhouseAddress address_;
  std::string scope_;
  ClickhouseHttp http_;
};

TEST_F(ClickhouseStoreTest, TextsWithTabsNewlinesBackslashesAndSwedishLettersRoundTrip) {
  auto store = open();
  Cube cube;
  cube.add("Hemtjänst\tÖstra", "50\\11", "Hem\ntjänst\r", "P-åäö\\N", Period(2025, 2),
           Measure::Utfall, 55'000'00);
  const LedgerTransaction kept{Period(2025, 2), "Hemtjänst\tÖstra",
                               "50\\11",        "Hem\ntjänst\r",
                               "P-åäö\\N",      "2025-02-03",
                               "V\t1",          "Köpt \\plats\n'x'",
                               "\\N",           -7};
  ImportSummary file = summary(SourceKind::Huvudbok, "mapp\tmed\\tecken\n.csv", "h\\1");
  file.warnings = {"varning\tmed tab"};
  file.rejected = {{{"fil\n.csv", 3, "kol\\umn"}, "orsak\r\n"}};
  store->saveCubeImport(file, cube, KeptTransactions::of({kept}));

  const std::vector<Row> expected = {
      {"Hemtjänst\tÖstra", "50\\11", "Hem\ntjänst\r", "P-åäö\\N", 202502, "utfall", 55'000'00}};
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), expected);
  const auto rows = store->loadLargestTransactions(Period(2025, 2), 10);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(std::tie(rows[0].ansvar, rows[0].konto, rows[0].verksamhet, rows[0].projekt,
                     rows[0].datum, rows[0].vernr, rows[0].text, rows[0].motpart, rows[0].ore),
            std::tie(kept.ansvar, kept.konto, kept.verksamhet, kept.projekt, kept.datum, kept.vernr,
                     kept.text, kept.motpart, kept.ore));
  const auto log = store->importLog();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].sourcePath, "mapp\tmed\\tecken\n.csv");
  EXPECT_EQ(log[0].fileHash, "h\\1");
  EXPECT_EQ(log[0].warnings, std::vector<std::string>{"varning\tmed tab"});
  ASSERT_EQ(log[0].rejected.size(), 1u);
  EXPECT_EQ(log[0].rejected[0].where.file, "fil\n.csv");
  EXPECT_EQ(log[0].rejected[0].where.column, "kol\\umn");
  EXPECT_EQ(log[0].rejected[0].reason, "orsak\r\n");
  EXPECT_TRUE(store->hasImport(SourceKind::Huvudbok, "h\\1"));
}

TEST_F(ClickhouseStoreTest, FilesLandOnDifferentShardsAndTheCubeSumsThemAll) {
  auto store = open();
  Cube first, second;
  first.add("IFO", "4010", "", "", Period(2025, 1), Measure::Utfall, 1'000);
  first.add("LSS", "4010", "", "", Period(2025, 1), Measure::Utfall, 20);
  first.add("LSS", "4010", "", "", Period(2025, 3), Measure::Budget, 300);
  second.add("IFO", "4010", "", "", Period(2025, 1), Measure::Utfall, -400);
  second.add("IFO", "4010", "", "", Period(2026, 1), Measure::Utfall, 5);
  store->saveCubeImport(summary(SourceKind::Huvudbok, pathOnShard(0, "hb"), "a"), first,
                        KeptTransactions::of({{Period(2025, 1), "IFO", "4010"}}));
  store->saveCubeImport(summary(SourceKind::Huvudbok, pathOnShard(1, "hb"), "b"), second, {});

  EXPECT_EQ(countOn(0, "ledger_cell_local"), 3);
  EXPECT_EQ(countOn(1, "ledger_cell_local"), 2);
  EXPECT_EQ(countOn(0, "kept_row_local"), 1);
  EXPECT_EQ(countOn(1, "kept_row_local"), 0);
  const std::vector<Row> expected = {
      {"IFO", "4010", "", "", 202501, "utfall", 600},  // 1 000 − 400, from both shards
      {"LSS", "4010", "", "", 202501, "utfall", 20},
      {"LSS", "4010", "", "", 202503, "budget", 300},
  };
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), expected);
}

TEST_F(ClickhouseStoreTest, RowsOfAnInterruptedSaveAreNeverRead) {
  auto store = open();
  Cube cube;
  cube.add("IFO", "4010", "", "", Period(2025, 1), Measure::Utfall, 1);
  store->saveCubeImport(summary(SourceKind::Huvudbok, "hb.csv", "a"), cube, {});

  // What a save killed before its log row leaves behind: rows under an id no log row names,
  // larger than every committed one, on both shards and in the first shard's detail tables.
  const std::string id = "9000000000000000000";
  const std::string scope = scope_;
  const auto row = [&](const std::string& rest) {
    std::string out;
    appendTsvEscaped(out, scope);
    return out + "\t" + id + "\t" + rest + "\n";
  };
  const std::string db = address_.database + ".";
  for (const ClickhouseEndpoint& shard : address_.shards) {
    http_.insert(shard, "INSERT INTO " + db + "ledger_cell_local",
                 row("202501\tIFO\t4010\t\t\t0\t99"));
    http_.insert(shard, "INSERT INTO " + db + "kept_row_local",
                 row("202501\t0\tIFO\t4010\t\t\t\t\t\t\t99"));
  }
  const ClickhouseEndpoint& first = address_.shards.front();
  http_.insert(first, "INSERT INTO " + db + "hr_hours", row("IFO\t202501\tovertid\t100\t0"));
  http_.insert(first, "INSERT INTO " + db + "prognos_snapshot", row("202508"));
  http_.insert(first, "INSERT INTO " + db + "prognos_entry", row("202508\t0\tIFO\t5\t\\N\t\t"));
  http_.insert(first, "INSERT INTO " + db + "import_period", row("202501\t1\t99"));

  const std::vector<Row> expected = {{"IFO", "4010", "", "", 202501, "utfall", 1}};
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), expected);
  EXPECT_TRUE(store->loadLargestTransactions(Period(2025, 1), 10).empty());
  EXPECT_TRUE(store->loadHr(kYear2025).empty());
  EXPECT_TRUE(store->prognosPeriods().empty());
  EXPECT_FALSE(store->loadPrognosSnapshot(Period(2025, 8)).has_value());
  const auto log = store->importLog();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_TRUE(log[0].periodTotals.empty());
}

TEST_F(ClickhouseStoreTest, AReplacedFilesRowsAreInvisibleAtOnceAndDeletedAfterTheGracePeriod) {
  ClickhouseStore store(address_, scope_);
  const std::string path = pathOnShard(1, "hb");
  Cube old, replacement;
  old.add("IFO", "4010", "", "", Period(2025, 1), Measure::Utfall, 1'000);
  old.add("LSS", "4010", "", "", Period(2025, 2), Measure::Utfall, 7);
  replacement.add("IFO", "4010", "", "", Period(2025, 1), Measure::Utfall, 250);
  ImportSummary oldFile = summary(SourceKind::Huvudbok, path, "gammal");
  oldFile.warnings = {"gammal varning"};
  store.saveCubeImport(oldFile, old, KeptTransactions::of({{Period(2025, 1), "IFO", "4010"}}));
  store.saveCubeImport(summary(SourceKind::Huvudbok, path, "ny"), replacement, {});
  const auto replacedAt = std::chrono::system_clock::now();

  const std::vector<Row> expected = {{"IFO", "4010", "", "", 202501, "utfall", 250}};
  EXPECT_EQ(rowsOf(store.loadCube(kYear2025)), expected);
  EXPECT_TRUE(store.loadLargestTransactions(Period(2025, 1), 10).empty());
  const auto log = store.importLog();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].fileHash, "ny");
  EXPECT_TRUE(log[0].warnings.empty());
  EXPECT_FALSE(store.hasImport(SourceKind::Huvudbok, "gammal"));

  // Still there, physically: a read that resolved the old id before the replace finds its rows
  // (2 old cells + 1 new; the old kept row; both log rows and the old warning). No delete was
  // even issued: the saves found nothing stale.
  EXPECT_EQ(countOn(1, "ledger_cell_local"), 3);
  EXPECT_EQ(countOn(1, "kept_row_local"), 1);
  EXPECT_EQ(countOn(0, "import_log"), 2);
  EXPECT_EQ(countOn(0, "import_warning"), 1);
  EXPECT_EQ(mutationsOn(0) + mutationsOn(1), 0);

  // A pass a minute before the grace period ends leaves them.
  using std::chrono::minutes;
  store.removeStaleImports(replacedAt + ClickhouseStore::kSupersededGrace - minutes(1));
  EXPECT_EQ(mutationsOn(0) + mutationsOn(1), 0);
  EXPECT_EQ(countOn(1, "ledger_cell_local"), 3);
  EXPECT_EQ(countOn(0, "import_log"), 2);

  // A minute after it, the old import goes whole; the new one stays.
  store.removeStaleImports(replacedAt + ClickhouseStore::kSupersededGrace + minutes(1));
  EXPECT_TRUE(eventually([&] {
    return countOn(1, "ledger_cell_local") == 1 && countOn(1, "kept_row_local") == 0 &&
           countOn(0, "import_log") == 1 && countOn(0, "import_warning") == 0;
  })) << countOn(1, "ledger_cell_local")
      << " " << countOn(1, "kept_row_local") << " " << countOn(0, "import_log") << " "
      << countOn(0, "import_warning");
  EXPECT_EQ(rowsOf(store.loadCube(kYear2025)), expected);
  ASSERT_EQ(store.importLog().size(), 1u);
  EXPECT_TRUE(store.hasImport(SourceKind::Huvudbok, "ny"));
}

TEST_F(ClickhouseStoreTest, RowsOfSavesNeverCommittedAreDeletedOnceADayOld) {
  ClickhouseStore store(address_, scope_);
  Cube cube;
  cube.add("IFO", "4010", "", "", Period(2025, 1), Measure::Utfall, 1);
  store.saveCubeImport(summary(SourceKind::Huvudbok, "hb.csv", "a"), cube, {});

  // Ids are milliseconds since 1970 times 1 000 000 plus a random part.
  const auto now = std::chrono::system_clock::now();
  const auto idAt = [](std::chrono::system_clock::time_point time) {
    const std::int64_t ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
    return std::to_string(ms * 1'000'000 + 17);
  };
  using std::chrono::hours;
  const std::string oldOrphan = idAt(now - hours(25));     // a save killed yesterday
  const std::string youngOrphan = idAt(now - hours(23));   // as good as a save still writing
  const std::string oldCommitted = idAt(now - hours(72));  // an import of three days ago
  const std::string db = address_.database + ".";
  const auto row = [&](const std::string& id, const std::string& rest) {
    std::string out;
    appendTsvEscaped(out, scope_);
    return out + "\t" + id + "\t" + rest + "\n";
  };
  const ClickhouseEndpoint& first = address_.shards.front();
  for (const std::string& id : {oldOrphan, youngOrphan, oldCommitted}) {
    for (const ClickhouseEndpoint& shard : address_.shards) {
      http_.insert(shard, "INSERT INTO " + db + "ledger_cell_local",
                   row(id, "202501\tIFO\t4010\t\t\t0\t100"));
      http_.insert(shard, "INSERT INTO " + db + "kept_row_local",
                   row(id, "202501\t0\tIFO\t4010\t\t\t\t\t\t\t100"));
    }
    http_.insert(first, "INSERT INTO " + db + "hr_hours", row(id, "IFO\t202501\tovertid\t100\t0"));
    http_.insert(first, "INSERT INTO " + db + "import_period", row(id, "202501\t1\t100"));
  }
  http_.insert(first, "INSERT INTO " + db + "import_log",
               row(oldCommitted, "huvudbok\tgammal.csv\tg\t2\t2\t200\t0"));

  store.removeStaleImports(now);
  const auto rowsOfId = [&](std::size_t shard, const std::string& table, const std::string& id) {
    return countOn(shard, table, "import_id = " + id);
  };
  const std::vector<std::pair<std::size_t, std::string>> tables = {
      {0, "ledger_cell_local"}, {1, "ledger_cell_local"}, {0, "kept_row_local"},
      {1, "kept_row_local"},    {0, "hr_hours"},          {0, "import_period"}};
  EXPECT_TRUE(eventually([&] {
    for (const auto& [shard, table] : tables)
      if (rowsOfId(shard, table, oldOrphan) != 0) return false;
    return true;
  }));
  // One mutation per table took every stale id of it: once the old orphan is gone, what is left
  // stays.
  for (const auto& [shard, table] : tables) {
    EXPECT_EQ(rowsOfId(shard, table, youngOrphan), 1) << shard << " " << table;
    EXPECT_EQ(rowsOfId(shard, table, oldCommitted), 1) << shard << " " << table;
  }
  EXPECT_EQ(countOn(0, "import_log"), 2);

  // The committed imports count: 1 öre from hb.csv and 100 + 100 from gammal.csv's two shards.
  const std::vector<Row> expected = {{"IFO", "4010", "", "", 202501, "utfall", 201}};
  EXPECT_EQ(rowsOf(store.loadCube(kYear2025)), expected);
  EXPECT_EQ(store.importLog().size(), 2u);
}

TEST_F(ClickhouseStoreTest, TheLogListsTheCommittedImportsWithOnlyTheirOwnDetails) {
  // importLog lists the committed imports with exactly their own details, also when the same
  // path was replaced and the old import's details are still stored.
  ClickhouseStore store(address_, scope_);
  ImportSummary first = summary(SourceKind::Budget, "b.csv", "1");
  first.warnings = {"första"};
  first.notes = {"not 1"};
  first.rejected = {{{"b.csv", 2, "belopp"}, "ogiltigt"}};
  first.periodTotals = {{202501, 3, 300}};
  ImportSummary second = summary(SourceKind::Budget, "b.csv", "2");
  second.warnings = {"andra"};
  second.periodTotals = {{202502, 4, 400}};
  store.saveCubeImport(first, Cube{}, {});
  store.saveCubeImport(second, Cube{}, {});
  const auto log = store.importLog();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].fileHash, "2");
  EXPECT_EQ(log[0].warnings, std::vector<std::string>{"andra"});
  EXPECT_TRUE(log[0].notes.empty());
  EXPECT_TRUE(log[0].rejected.empty());
  ASSERT_EQ(log[0].periodTotals.size(), 1u);
  EXPECT_EQ(log[0].periodTotals[0].period, 202502);
  EXPECT_EQ(log[0].periodTotals[0].ore, 400);
  EXPECT_EQ(countOn(0, "import_warning"), 3);  // the old details are still there
}

TEST_F(ClickhouseStoreTest, ScopesAreApartEvenOnTheSameShard) {
  auto store = open();
  const std::string otherScope = test::uniqueScope("ch-annan");
  auto other = openStore(uri_, otherScope);
  Cube mine, theirs;
  mine.add("IFO", "4010", "", "", Period(2025, 1), Measure::Utfall, 1);
  theirs.add("IFO", "4010", "", "", Period(2025, 1), Measure::Utfall, 1'000'000);
  store->saveCubeImport(summary(SourceKind::Huvudbok, "hb.csv", "x"), mine, {});
  other->saveCubeImport(summary(SourceKind::Huvudbok, "hb.csv", "x"), theirs, {});
  HrTable hours;
  hours[HrKey{"IFO", Period(2025, 1), HrKind::Overtid}] = {100, 0};
  other->saveHrImport(summary(SourceKind::Hr, "hr.csv", "h"), hours);

  const std::vector<Row> expected = {{"IFO", "4010", "", "", 202501, "utfall", 1}};
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), expected);
  EXPECT_TRUE(store->loadHr(kYear2025).empty());
  EXPECT_EQ(store->importLog().size(), 1u);
  EXPECT_EQ(other->importLog().size(), 2u);
  // Saving the same path in one scope does not replace the other's file.
  store->saveCubeImport(summary(SourceKind::Huvudbok, "hb.csv", "y"), mine, {});
  EXPECT_EQ(rowsOf(other->loadCube(kYear2025)).size(), 1u);
  EXPECT_TRUE(other->hasImport(SourceKind::Huvudbok, "x"));
}

TEST_F(ClickhouseStoreTest, NullablePrognosAmountsRoundTrip) {
  auto store = open();
  const std::vector<PrognosEntry> entries = {{"IFO", 0, std::nullopt, "", ""},
                                             {"LSS", std::nullopt, -5, "\\N", "\t"}};
  store->savePrognosImport(summary(SourceKind::Prognos, "p.csv", "p"),
                           {{Period(2025, 8), entries}});
  const auto snapshot = store->loadPrognosSnapshot(Period(2025, 8));
  ASSERT_TRUE(snapshot);
  ASSERT_EQ(snapshot->entries.size(), 2u);
  EXPECT_EQ(snapshot->entries[0].prognosOre, std::optional<std::int64_t>(0));
  EXPECT_FALSE(snapshot->entries[0].avvikelseOre.has_value());
  EXPECT_FALSE(snapshot->entries[1].prognosOre.has_value());
  EXPECT_EQ(snapshot->entries[1].avvikelseOre, std::optional<std::int64_t>(-5));
  EXPECT_EQ(snapshot->entries[1].kommentar, "\\N");
  EXPECT_EQ(snapshot->entries[1].atgard, "\t");
}

TEST_F(ClickhouseStoreTest, ADatabaseWithoutTheSchemaIsRefusedUntilInit) {
  const std::string database = "namnd_utan_schema_" + std::to_string(::getpid());
  std::string endpoints;
  for (const ClickhouseEndpoint& shard : address_.shards)
    endpoints += (endpoints.empty() ? "" : ",") + shard.name();
  const std::string uri = "clickhouse:" + endpoints + "/" + database;

  const auto opening = thrown<OutputError>([&] { openStore(uri, scope_); });
  ASSERT_TRUE(opening);
  EXPECT_TRUE(contains(opening->what(), "kör namnd db init")) << opening->what();
  const auto migrating =
      thrown<OutputError>([&] { changeStoreSchema(uri, SchemaAction::Migrate); });
  ASSERT_TRUE(migrating);
  EXPECT_TRUE(contains(migrating->what(), "kör namnd db init")) << migrating->what();

  const SchemaChange created = changeStoreSchema(uri, SchemaAction::Init);
  const SchemaChange again = changeStoreSchema(uri, SchemaAction::Init);
  const SchemaChange migrated = changeStoreSchema(uri, SchemaAction::Migrate);
  const bool opens = openStore(uri, scope_) != nullptr;
  for (const ClickhouseEndpoint& shard : address_.shards)
    http_.query(shard, "DROP DATABASE IF EXISTS " + database);
  EXPECT_EQ(std::tie(created.from, created.to), std::make_tuple(std::int64_t{0}, std::int64_t{1}));
  EXPECT_EQ(std::tie(again.from, again.to), std::make_tuple(std::int64_t{1}, std::int64_t{1}));
  EXPECT_EQ(std::tie(migrated.from, migrated.to),
            std::make_tuple(std::int64_t{1}, std::int64_t{1}));
  EXPECT_TRUE(opens);
}

TEST_F(ClickhouseStoreTest, ThePasswordNeverAppearsInAMessage) {
  EnvironmentVariable password("CLICKHOUSE_PASSWORD", "hemligt");
  // The servers' default user has no password: a wrong one is refused.
  const auto refused = thrown<OutputError>([&] { openStore(uri_, scope_); });
  ASSERT_TRUE(refused);
  EXPECT_FALSE(contains(refused->what(), "hemligt")) << refused->what();
  EXPECT_TRUE(contains(refused->what(), address_.shards[0].name())) << refused->what();
  const auto unreachable =
      thrown<OutputError>([] { openStore("clickhouse:127.0.0.1:1/namnd", "nagon"); });
  ASSERT_TRUE(unreachable);
  EXPECT_FALSE(contains(unreachable->what(), "hemligt")) << unreachable->what();
}

}  // namespace
}  // namespace namnd
