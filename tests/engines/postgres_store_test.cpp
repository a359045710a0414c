// What only the PostgreSQL store does: schema versions made by `namnd db init|migrate`, yearly
// partitions, the cube summed on the server, concurrent imports, rollback and hidden passwords.
// Each test gets a database of its own on the server (NAMND_TEST_POSTGRESQL), dropped after it.

#include <gtest/gtest.h>

#include <cstdint>
#include <latch>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/errors.hpp"
#include "engines/engine_servers.hpp"
#include "store/postgres_connection.hpp"
#include "store/postgres_schema.hpp"
#include "store/store.hpp"
#include "support/store_samples.hpp"

namespace namnd {
namespace {

using testing::summary;

::testing::AssertionResult contains(const std::string& text, const std::string& part) {
  if (text.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "\"" << text << "\" saknar \"" << part << "\"";
}

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    NAMND_REQUIRE_SERVER("NAMND_TEST_POSTGRESQL", uri);
    server_ = uri.substr(std::string("postgresql:").size());
    database_ = "namnd_t_" + test::uniqueScope("pg");
    for (char& c : database_)
      if (c == '-') c = '_';
    PgConnection(server_).exec("CREATE DATABASE " + database_);
    conninfo_ = server_ + " dbname=" + database_;  // the later dbname wins
  }

  void TearDown() override {
    if (!database_.empty())
      PgConnection(server_).exec("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
  }

  std::unique_ptr<Store> initAndOpen(const std::string& scope = "nämnd") {
    changePostgresSchema(conninfo_, SchemaAction::Init);
    return openPostgresStore(conninfo_, scope);
  }

  std::string server_;    // the server's own database
  std::string database_;  // this test's database
  std::string conninfo_;
};

std::string errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const OutputError& e) {
    return e.what();
  }
  ADD_FAILURE() << "inget OutputError";
  return "";
}

std::int64_t cellOf(const Cube& cube, std::string_view ansvar, Period period, Measure measure) {
  std::int64_t sum = 0;
  cube.forEachUnordered([&](const CubeCell& c) {
    if (c.ansvar == ansvar && c.period == period && c.measure == measure) sum += c.ore;
  });
  return sum;
}

TEST_F(PostgresStoreTest, InitCreatesTheSchemaOnceAndASecondInitChangesNothing) {
  const SchemaChange first = changePostgresSchema(conninfo_, SchemaAction::Init);
  EXPECT_EQ(first.from, 0);
  EXPECT_EQ(first.to, 2);
  const SchemaChange second = changePostgresSchema(conninfo_, SchemaAction::Init);
  EXPECT_EQ(second.from, 2);
  EXPECT_EQ(second.to, 2);
  const SchemaChange migrate = changePostgresSchema(conninfo_, SchemaAction::Migrate);
  EXPECT_EQ(migrate.from, 2);
  EXPECT_EQ(migrate.to, 2);

  PgConnection connection(conninfo_);
  EXPECT_EQ(connection.exec("SELECT count(*) FROM schema_version").int64(0, 0), 1);
  EXPECT_EQ(connection.exec("SELECT version FROM schema_version").int64(0, 0), 2);
  EXPECT_EQ(connection
                .exec("SELECT count(*) FROM information_schema.columns"
                      " WHERE table_name = 'import_log' AND column_name = 'imported_at'")
                .int64(0, 0),
            1);
}

TEST_F(PostgresStoreTest, TwoConcurrentInitsCreateTheSchemaOnce) {
  std::latch start(2);
  std::vector<SchemaChange> changes(2);
  std::vector<std::string> errors(2);
  std::vector<std::thread> threads;
  for (int i = 0; i < 2; ++i)
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      try {
        changes[i] = changePostgresSchema(conninfo_, SchemaAction::Init);
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(errors, std::vector<std::string>(2));
  EXPECT_EQ(changes[0].from + changes[1].from, 2) << "the one that came second found version 2";
  EXPECT_EQ(changes[0].to, 2);
  EXPECT_EQ(changes[1].to, 2);
}

TEST_F(PostgresStoreTest, WithoutSchemaOpenAndMigrateAskForInit) {
  const std::string open = errorOf([&] { openPostgresStore(conninfo_, "nämnd"); });
  EXPECT_TRUE(contains(open, "namnd db init"));
  EXPECT_TRUE(contains(open, database_));
  EXPECT_TRUE(contains(errorOf([&] { changePostgresSchema(conninfo_, SchemaAction::Migrate); }),
                       "namnd db init"));
  PgConnection connection(conninfo_);
  EXPECT_EQ(postgresSchemaVersion(connection), 0) << "neither may create anything";
}

TEST_F(PostgresStoreTest, AVersionOneStoreIsRefusedUntilMigratedAndKeepsItsData) {
  {
    PgConnection connection(conninfo_);
    createPostgresSchemaAtVersion(connection, 1);
    connection.exec(
        "INSERT INTO import_log (id, scope, kind, source_path, file_hash, rows_read,"
        " rows_accepted, accepted_ore, rejected_ore)"
        " VALUES (7, 'nämnd', 'huvudbok', 'hb.csv', 'h1', 3, 2, 150, 40)");
    connection.exec("SELECT setval('import_log_id_seq', 7)");
    connection.exec(
        "CREATE TABLE ledger_cell_2025 PARTITION OF ledger_cell"
        " FOR VALUES FROM (202501) TO (202601)");
    connection.exec(
        "INSERT INTO ledger_cell VALUES ('nämnd', 7, 202503, 'A1', '4010', '', '', 0, 150)");
    connection.exec("INSERT INTO import_period VALUES ('nämnd', 7, 202503, 2, 150)");
  }
  EXPECT_TRUE(
      contains(errorOf([&] { openPostgresStore(conninfo_, "nämnd"); }), "namnd db migrate"));
  EXPECT_TRUE(contains(errorOf([&] { changePostgresSchema(conninfo_, SchemaAction::Init); }),
                       "namnd db migrate"));

  const SchemaChange change = changePostgresSchema(conninfo_, SchemaAction::Migrate);
  EXPECT_EQ(change.from, 1);
  EXPECT_EQ(change.to, 2);

  auto store = openPostgresStore(conninfo_, "nämnd");
  const std::vector<ImportSummary> log = store->importLog();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].sourcePath, "hb.csv");
  EXPECT_EQ(log[0].rejectedOre, 40);
  ASSERT_EQ(log[0].periodTotals.size(), 1u);
  EXPECT_EQ(log[0].periodTotals[0].ore, 150);
  EXPECT_TRUE(store->hasImport(SourceKind::Huvudbok, "h1"));
  EXPECT_EQ(
      cellOf(store->loadCube(PeriodRange::wholeYear(2025)), "A1", Period(2025, 3), Measure::Utfall),
      150);
  PgConnection connection(conninfo_);
  EXPECT_EQ(
      connection.exec("SELECT count(*) FROM import_log WHERE imported_at IS NOT NULL").int64(0, 0),
      1);
}

TEST_F(PostgresStoreTest, ANewerSchemaIsRefusedByEveryEntry) {
  changePostgresSchema(conninfo_, SchemaAction::Init);
  PgConnection(conninfo_).exec("UPDATE schema_version SET version = 3");
  EXPECT_TRUE(contains(errorOf([&] { openPostgresStore(conninfo_, "nämnd"); }),
                       "nyare version av programmet"));
  EXPECT_TRUE(contains(errorOf([&] { changePostgresSchema(conninfo_, SchemaAction::Migrate); }),
                       "nyare version av programmet"));
  EXPECT_TRUE(contains(errorOf([&] { changePostgresSchema(conninfo_, SchemaAction::Init); }),
                       "nyare version av programmet"));
}

TEST(PostgresConnection, APasswordNeverReachesAMessage) {
  // Nothing listens on port 1: the connection fails whether a server runs or not.
  const std::string conninfo = "host=127.0.0.1 port=1 dbname=namnd user=postgres password=hemligt";
  for (const auto& attempt : std::vector<std::function<void()>>{
           [&] { openPostgresStore(conninfo, "nämnd"); },
           [&] { changePostgresSchema(conninfo, SchemaAction::Init); },
           [&] { openStore("postgresql://postgres:hemligt@127.0.0.1:1/namnd", "nämnd"); }}) {
    const std::string message = errorOf(attempt);
    EXPECT_TRUE(contains(message, "Kunde inte ansluta till lagret"));
    EXPECT_TRUE(contains(message, "127.0.0.1"));
    EXPECT_FALSE(contains(message, "hemligt"));
  }
}

TEST_F(PostgresStoreTest, CellsGoToYearlyPartitionsAndTheServerSumsThem) {
  auto store = initAndOpen();
  Cube first, second;
  first.add("A1", "4010", "V", "", Period(2024, 12), Measure::Utfall, 100);
  first.add("A1", "4010", "V", "", Period(2025, 1), Measure::Utfall, 1'000);
  first.add("A1", "4010", "V", "", Period(2025, 1), Measure::BudgetBeslut, 5);
  second.add("A1", "4010", "V", "", Period(2025, 1), Measure::Utfall, -300);
  second.add("B2", "3010", "", "P", Period(2025, 6), Measure::Budget, 42);
  store->saveCubeImport(summary(SourceKind::Huvudbok, "hb1.csv", "h1"), first, {});
  store->saveCubeImport(summary(SourceKind::Budget, "b.csv", "h2"), second, {});

  PgConnection connection(conninfo_);
  EXPECT_EQ(connection
                .exec("SELECT string_agg(c.relname, ',' ORDER BY c.relname) FROM pg_inherits i"
                      " JOIN pg_class c ON c.oid = i.inhrelid"
                      " WHERE i.inhparent = 'ledger_cell'::regclass")
                .text(0, 0),
            "ledger_cell_2024,ledger_cell_2025");
  EXPECT_EQ(connection.exec("SELECT count(*) FROM ONLY ledger_cell_2025").int64(0, 0), 4);

  const Cube year = store->loadCube(PeriodRange::wholeYear(2025));
  EXPECT_EQ(year.cellCount(), 3u);  // A1 utfall and budgetbeslut in January, B2 budget in June
  EXPECT_EQ(cellOf(year, "A1", Period(2025, 1), Measure::Utfall), 700);  // 1 000 − 300
  EXPECT_EQ(cellOf(year, "A1", Period(2025, 1), Measure::BudgetBeslut), 5);
  EXPECT_EQ(cellOf(year, "B2", Period(2025, 6), Measure::Budget), 42);
  const Cube both = store->loadCube({Period(2024, 12), Period(2025, 1)});
  EXPECT_EQ(both.cellCount(), 3u);
  EXPECT_EQ(cellOf(both, "A1", Period(2024, 12), Measure::Utfall), 100);
}

TEST_F(PostgresStoreTest, ASumPastInt64WrapsAsTheCubesOwnAdditionDoes) {
  auto store = initAndOpen();
  Cube high, low;
  high.add("A", "1", "", "", Period(2025, 1), Measure::Utfall, INT64_MAX);
  high.add("A", "1", "", "", Period(2025, 2), Measure::Utfall, INT64_MIN);
  low.add("A", "1", "", "", Period(2025, 1), Measure::Utfall, 3);
  low.add("A", "1", "", "", Period(2025, 2), Measure::Utfall, -1);
  store->saveCubeImport(summary(SourceKind::Huvudbok, "hog.csv", "h1"), high, {});
  store->saveCubeImport(summary(SourceKind::Huvudbok, "lag.csv", "h2"), low, {});
  // Two's complement: 2^63 − 1 + 3 = 2^63 + 2 ≡ −2^63 + 2, and −2^63 − 1 ≡ 2^63 − 1.
  const Cube cube = store->loadCube(PeriodRange::wholeYear(2025));
  EXPECT_EQ(cellOf(cube, "A", Period(2025, 1), Measure::Utfall), INT64_MIN + 2);
  EXPECT_EQ(cellOf(cube, "A", Period(2025, 2), Measure::Utfall), INT64_MAX);
}

TEST_F(PostgresStoreTest, ScopesSharingADatabaseNeverSeeEachOther) {
  auto vard = initAndOpen("vård");
  auto skola = openPostgresStore(conninfo_, "skola");
  Cube cube;
  cube.add("A", "1", "", "", Period(2025, 1), Measure::Utfall, 10);
  vard->saveCubeImport(summary(SourceKind::Huvudbok, "hb.csv", "same"), cube, {});
  vard->savePrognosImport(summary(SourceKind::Prognos, "p.csv", "p"),
                          {{Period(2025, 3), {{"A", 1, std::nullopt, "", ""}}}});
  vard->saveHrImport(summary(SourceKind::Hr, "hr.csv", "hr"),
                     {{{"A", Period(2025, 1), HrKind::Overtid}, {150, 0}}});

  EXPECT_FALSE(skola->hasImport(SourceKind::Huvudbok, "same"));
  EXPECT_TRUE(skola->importLog().empty());
  EXPECT_TRUE(skola->loadCube(PeriodRange::wholeYear(2025)).empty());
  EXPECT_TRUE(skola->prognosPeriods().empty());
  EXPECT_TRUE(skola->loadHr(PeriodRange::wholeYear(2025)).empty());

  // The same path in another scope is another file: saving it leaves vård's import alone.
  Cube other;
  other.add("S", "1", "", "", Period(2025, 1), Measure::Utfall, 99);
  skola->saveCubeImport(summary(SourceKind::Huvudbok, "hb.csv", "same"), other, {});
  EXPECT_EQ(
      cellOf(vard->loadCube(PeriodRange::wholeYear(2025)), "A", Period(2025, 1), Measure::Utfall),
      10);
  EXPECT_EQ(vard->importLog().size(), 3u);
  EXPECT_EQ(skola->importLog().size(), 1u);
}

LedgerTransaction transaction(Period period, std::string ansvar, std::string text,
                              std::int64_t ore) {
  LedgerTransaction row{period};
  row.ansvar = std::move(ansvar);
  row.konto = "4010";
  row.text = std::move(text);
  row.ore = ore;
  return row;
}

TEST_F(PostgresStoreTest, ReplacingAFileRemovesItsKeptRowsAndEqualAmountsKeepImportOrder) {
  auto store = initAndOpen();
  const Period march(2025, 3);
  Cube cube;
  cube.add("A", "4010", "", "", march, Measure::Utfall, 1);
  store->saveCubeImport(summary(SourceKind::Huvudbok, "forst.csv", "h1"), cube,
                        KeptTransactions::of({transaction(march, "A", "forst-1", -500),
                                              transaction(march, "A", "forst-2", 500)}));
  store->saveCubeImport(summary(SourceKind::Huvudbok, "sedan.csv", "h2"), cube,
                        KeptTransactions::of({transaction(march, "A", "sedan-1", 500),
                                              transaction(march, "A", "sedan-2", 900)}));
  std::vector<std::string> texts;
  for (const LedgerTransaction& row : store->loadLargestTransactions(march, 3))
    texts.push_back(row.text);
  // 900 first; then the 500s of the earlier import, then the later one's; three at most.
  EXPECT_EQ(texts, (std::vector<std::string>{"sedan-2", "forst-1", "forst-2"}));

  store->saveCubeImport(summary(SourceKind::Huvudbok, "forst.csv", "h3"), cube, {});
  texts.clear();
  for (const LedgerTransaction& row : store->loadLargestTransactions(march, 10))
    texts.push_back(row.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"sedan-2", "sedan-1"}));
  EXPECT_EQ(cellOf(store->loadCube({march, march}), "A", march, Measure::Utfall), 2);
  EXPECT_EQ(store->importLog().size(), 2u);
}

TEST_F(PostgresStoreTest, TheImportLogComesBackWithItsDetailsInOrder) {
  auto store = initAndOpen();
  ImportSummary hb = summary(SourceKind::Huvudbok, "hb\t\\ny.csv", "h1");
  hb.rowsRead = 5;
  hb.rowsAccepted = 3;
  hb.acceptedOre = 1'000;
  hb.rejectedOre = -20;
  hb.rejected = {{{"hb.csv", 4, "belopp"}, "ogiltigt belopp\n\"x\""},
                 {{"hb.csv", 2, "period"}, "saknas"}};
  hb.periodTotals = {{202501, 2, 400}, {202502, 1, 600}};
  hb.warnings = {"dubblett rad 3", "dubblett rad 5"};
  hb.notes = {"Utfallet kommer från #TRANS"};
  store->saveCubeImport(hb, Cube(), {});
  store->saveHrImport(summary(SourceKind::Hr, "a.csv", "h2"), {});
  store->savePrognosImport(summary(SourceKind::Prognos, "b.csv", "h3"), {});

  const std::vector<ImportSummary> log = store->importLog();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].kind, SourceKind::Huvudbok);
  EXPECT_EQ(log[1].kind, SourceKind::Prognos);
  EXPECT_EQ(log[2].kind, SourceKind::Hr);
  const ImportSummary& back = log[0];
  EXPECT_EQ(back.sourcePath, hb.sourcePath);
  EXPECT_EQ(back.rowsRead, 5);
  EXPECT_EQ(back.rowsAccepted, 3);
  EXPECT_EQ(back.acceptedOre, 1'000);
  EXPECT_EQ(back.rejectedOre, -20);
  ASSERT_EQ(back.rejected.size(), 2u);
  EXPECT_EQ(back.rejected[0].where.line, 4);
  EXPECT_EQ(back.rejected[0].where.column, "belopp");
  EXPECT_EQ(back.rejected[0].reason, "ogiltigt belopp\n\"x\"");
  EXPECT_EQ(back.rejected[1].where.file, "hb.csv");
  EXPECT_EQ(back.rejected[1].where.line, 2);
  ASSERT_EQ(back.periodTotals.size(), 2u);
  EXPECT_EQ(back.periodTotals[1].period, 202502);
  EXPECT_EQ(back.periodTotals[1].rows, 1);
  EXPECT_EQ(back.periodTotals[1].ore, 600);
  EXPECT_EQ(back.warnings, hb.warnings);
  EXPECT_EQ(back.notes, hb.notes);
}

TEST_F(PostgresStoreTest, AFailedSaveLeavesTheStoreAsItWas) {
  auto store = initAndOpen();
  Cube good;
  good.add("A", "1", "", "", Period(2025, 1), Measure::Utfall, 10);
  store->saveCubeImport(summary(SourceKind::Huvudbok, "hb.csv", "h1"), good, {});

  // A NUL byte is no UTF-8 text PostgreSQL takes: the COPY fails after the old import of the
  // same path was deleted (the partition for 2030 is made before, in a transaction of its own).
  Cube bad;
  bad.add(std::string("A\0B", 3), "1", "", "", Period(2030, 1), Measure::Utfall, 5);
  bad.add("A", "1", "", "", Period(2025, 1), Measure::Utfall, 7);
  const std::string message = errorOf(
      [&] { store->saveCubeImport(summary(SourceKind::Huvudbok, "hb.csv", "h2"), bad, {}); });
  EXPECT_TRUE(contains(message, "Kunde inte spara importen av hb.csv"));
  EXPECT_TRUE(contains(message, "Lagret är oförändrat"));
  EXPECT_TRUE(contains(message, "0x00"));  // the server's reason

  EXPECT_TRUE(store->hasImport(SourceKind::Huvudbok, "h1"));
  EXPECT_FALSE(store->hasImport(SourceKind::Huvudbok, "h2"));
  ASSERT_EQ(store->importLog().size(), 1u);
  const Cube cube = store->loadCube(PeriodRange::wholeYear(2025));
  EXPECT_EQ(cube.cellCount(), 1u);
  EXPECT_EQ(cellOf(cube, "A", Period(2025, 1), Measure::Utfall), 10);
  PgConnection connection(conninfo_);
  EXPECT_EQ(connection.exec("SELECT count(*) FROM ledger_cell_2030").text(0, 0), "0");
}

// Creating a new year's partition locks ledger_cell for everyone: that lock must be gone while
// the import that needed the partition is still writing.
TEST_F(PostgresStoreTest, ANewYearDoesNotLockOtherNamnderOutDuringTheImport) {
  auto store = initAndOpen();
  PgConnection watcher(conninfo_);
  Cube cube;
  for (int i = 0; i < 2000; ++i)
    cube.add("A" + std::to_string(i), "1", "", "", Period(2033, 1 + i % 12), Measure::Utfall, i);
  // A hook-free way to look inside the import: a trigger on the log that records the locks held
  // on ledger_cell by other sessions at the moment the import writes its log row.
  watcher.exec("CREATE TABLE IF NOT EXISTS lock_probe (mode text)");
  watcher.exec(
      "CREATE OR REPLACE FUNCTION probe_locks() RETURNS trigger AS $$ BEGIN"
      " INSERT INTO lock_probe SELECT l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation"
      " WHERE c.relname = 'ledger_cell' AND l.pid = pg_backend_pid() AND l.mode ="
      " 'AccessExclusiveLock'; RETURN NEW; END $$ LANGUAGE plpgsql");
  watcher.exec(
      "CREATE TRIGGER probe AFTER INSERT ON import_log FOR EACH ROW EXECUTE FUNCTION "
      "probe_locks()");
  store->saveCubeImport(summary(SourceKind::Huvudbok, "hb-2033.csv", "h1"), cube, {});
  EXPECT_EQ(watcher.exec("SELECT count(*) FROM lock_probe").text(0, 0), "0")
      << "the import still held the exclusive lock on ledger_cell while it wrote";
  EXPECT_EQ(watcher.exec("SELECT to_regclass('ledger_cell_2033') IS NULL").text(0, 0), "f");
  EXPECT_EQ(store->loadCube(PeriodRange::wholeYear(2033)).cellCount(), 2000u);
}

TEST_F(PostgresStoreTest, HoursAreSummedOverImportsWithinTheRange) {
  auto store = initAndOpen();
  store->saveHrImport(summary(SourceKind::Hr, "hr1.csv", "h1"),
                      {{{"A", Period(2025, 1), HrKind::Overtid}, {1'225, 500}},
                       {{"A", Period(2026, 1), HrKind::Overtid}, {100, 0}}});
  store->saveHrImport(summary(SourceKind::Hr, "hr2.csv", "h2"),
                      {{{"A", Period(2025, 1), HrKind::Overtid}, {75, 20}},
                       {{"A", Period(2025, 1), HrKind::EjTillsatt}, {800, 0}}});
  const HrTable hours = store->loadHr(PeriodRange::wholeYear(2025));
  ASSERT_EQ(hours.size(), 2u);
  const HrAmount overtid = hours.at({"A", Period(2025, 1), HrKind::Overtid});
  EXPECT_EQ(overtid.centihours, 1'300);  // 12,25 h + 0,75 h
  EXPECT_EQ(overtid.ore, 520);
  EXPECT_EQ(hours.at({"A", Period(2025, 1), HrKind::EjTillsatt}).centihours, 800);
}

// Four imports of new years at once: each needs partitions another is creating.
TEST_F(PostgresStoreTest, ConcurrentLedgerImportsOfNewYearsAllLand) {
  changePostgresSchema(conninfo_, SchemaAction::Init);
  constexpr int kFiles = 4;
  std::latch start(kFiles);
  std::vector<std::string> errors(kFiles);
  std::vector<std::thread> threads;
  for (int i = 0; i < kFiles; ++i)
    threads.emplace_back([&, i] {
      try {
        auto store = openPostgresStore(conninfo_, "nämnd");
        Cube cube;
        for (int year = 2020; year < 2024; ++year)  // each file starts with another year
          cube.add("A", "1", "", "", Period(2020 + (year + i) % 4, 1), Measure::Utfall, i + 1);
        start.arrive_and_wait();
        store->saveCubeImport(
            summary(SourceKind::Huvudbok, "hb" + std::to_string(i) + ".csv", std::to_string(i)),
            cube, {});
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(errors, std::vector<std::string>(kFiles));
  auto store = openPostgresStore(conninfo_, "nämnd");
  const Cube cube = store->loadCube({Period(2020, 1), Period(2023, 12)});
  for (int year = 2020; year < 2024; ++year)
    EXPECT_EQ(cellOf(cube, "A", Period(year, 1), Measure::Utfall), 1 + 2 + 3 + 4) << year;
}

// Six users save their own prognosis files for overlapping months, and two save the same file,
// at the same time, each on a connection of their own.
TEST_F(PostgresStoreTest, ConcurrentPrognosSavesLoseNoUpdate) {
  changePostgresSchema(conninfo_, SchemaAction::Init);
  constexpr int kOwnFiles = 6;
  constexpr int kRounds = 3;
  const auto monthsOf = [](int file) {  // file i covers 2025-(i+1) … 2025-(i+3)
    return std::vector<Period>{Period(2025, file + 1), Period(2025, file + 2),
                               Period(2025, file + 3)};
  };
  const auto save = [&](Store& store, const std::string& path, const std::string& node,
                        const std::vector<Period>& months) {
    std::vector<PrognosSnapshot> snapshots;
    for (const Period month : months) snapshots.push_back({month, {{node, 1, {}, "", ""}}});
    store.savePrognosImport(summary(SourceKind::Prognos, path, node), snapshots);
  };

  std::latch start(kOwnFiles + 2);
  std::vector<std::string> errors(kOwnFiles + 2);
  std::vector<std::thread> threads;
  for (int i = 0; i < kOwnFiles + 2; ++i)
    threads.emplace_back([&, i] {
      try {
        auto store = openPostgresStore(conninfo_, "nämnd");
        start.arrive_and_wait();
        for (int round = 0; round < kRounds; ++round) {
          if (i < kOwnFiles)
            save(*store, "prognos" + std::to_string(i) + ".csv", "fil" + std::to_string(i),
                 monthsOf(i));
          else
            save(*store, "samma.csv", "samma" + std::to_string(i),
                 {Period(2025, 3), Period(2025, 4)});
        }
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(errors, std::vector<std::string>(kOwnFiles + 2));

  auto store = openPostgresStore(conninfo_, "nämnd");
  std::set<std::string> paths;
  for (const ImportSummary& entry : store->importLog()) paths.insert(entry.sourcePath);
  EXPECT_EQ(store->importLog().size(), static_cast<std::size_t>(kOwnFiles + 1));
  EXPECT_EQ(paths.size(), static_cast<std::size_t>(kOwnFiles + 1));

  // The expected winner of each month: of the files covering it, the one with the highest id.
  PgConnection connection(conninfo_);
  const PgResult ids = connection.exec("SELECT source_path, id FROM import_log");
  std::map<std::string, std::int64_t> idOf;
  for (int row = 0; row < ids.rows(); ++row) idOf[ids.text(row, 0)] = ids.int64(row, 1);
  std::map<int, std::pair<std::int64_t, std::string>> winner;  // month → (id, path)
  const auto consider = [&](const std::string& path, const std::vector<Period>& months) {
    for (const Period month : months)
      winner[month.code()] = std::max(winner[month.code()], {idOf.at(path), path});
  };
  for (int i = 0; i < kOwnFiles; ++i) consider("prognos" + std::to_string(i) + ".csv", monthsOf(i));
  consider("samma.csv", {Period(2025, 3), Period(2025, 4)});

  ASSERT_EQ(store->prognosPeriods().size(), winner.size());
  for (const auto& [code, idAndPath] : winner) {
    const auto snapshot = store->loadPrognosSnapshot(Period(code / 100, code % 100));
    ASSERT_TRUE(snapshot) << code;
    ASSERT_EQ(snapshot->entries.size(), 1u) << code;
    const std::string& node = snapshot->entries[0].node;
    if (idAndPath.second == "samma.csv")
      EXPECT_TRUE(node == "samma6" || node == "samma7") << code << ": " << node;
    else
      EXPECT_EQ("prognos" + node.substr(3) + ".csv", idAndPath.second) << code;
  }
}

}  // namespace
}  // namespace namnd
