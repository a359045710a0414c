#include "store/sqlite_store.hpp"

#include <gtest/gtest.h>

#include <Poco/Data/LOB.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "core/errors.hpp"
#include "store/sqlite_schema.hpp"
#include "support/store_samples.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::avvikelse;
using testing::expectSameEntries;
using testing::hrKey;
using testing::HrRow;
using testing::prognos;
using testing::Row;
using testing::rowsOf;
using testing::summary;

namespace fs = std::filesystem;
using namespace Poco::Data::Keywords;
using testing::TempDir;

// A second connection to a store file, for looking under the hood or planting a fault.
Poco::Data::Session rawSession(const std::string& path) {
  Poco::Data::SQLite::Connector::registerConnector();
  return Poco::Data::Session(Poco::Data::SQLite::Connector::KEY, path);
}

const PeriodRange kYear2025 = PeriodRange::wholeYear(2025);

// Home care and elderly care for three months, with Swedish letters in every code column.
Cube ledgerCube() {
  Cube cube;
  cube.add("Äldreomsorg", "4560", "Särskilt boende", "", Period(2025, 1), Measure::Utfall,
           1'234'567'89);
  cube.add("Äldreomsorg", "3010", "Särskilt boende", "", Period(2025, 1), Measure::Utfall,
           -98'765'43);  // revenue is negative
  cube.add("Hemtjänst Östra", "5011", "Hemtjänst", "P-åtta", Period(2025, 2), Measure::Utfall,
           55'000'00);
  cube.add("Hemtjänst Östra", "5011", "Hemtjänst", "P-åtta", Period(2025, 2), Measure::Budget,
           60'000'00);
  cube.add("Hemtjänst Östra", "5011", "Hemtjänst", "P-åtta", Period(2025, 12), Measure::Budget, -1);
  return cube;
}

const std::vector<Row> kLedgerRows = {
    {"Hemtjänst Östra", "5011", "Hemtjänst", "P-åtta", 202502, "utfall", 5'500'000},
    {"Hemtjänst Östra", "5011", "Hemtjänst", "P-åtta", 202502, "budget", 6'000'000},
    {"Hemtjänst Östra", "5011", "Hemtjänst", "P-åtta", 202512, "budget", -1},
    {"Äldreomsorg", "3010", "Särskilt boende", "", 202501, "utfall", -9'876'543},
    {"Äldreomsorg", "4560", "Särskilt boende", "", 202501, "utfall", 123'456'789},
};

TEST(SqliteStoreCube, RoundTripKeepsEveryCell) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "aa"), ledgerCube(), {});

  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), kLedgerRows);
}

TEST(SqliteStoreCube, LoadsOnlyPeriodsInTheRange) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "aa"), ledgerCube(), {});

  const std::vector<Row> february = {
      {"Hemtjänst Östra", "5011", "Hemtjänst", "P-åtta", 202502, "utfall", 5'500'000},
      {"Hemtjänst Östra", "5011", "Hemtjänst", "P-åtta", 202502, "budget", 6'000'000},
  };
  EXPECT_EQ(rowsOf(store->loadCube({Period(2025, 2), Period(2025, 2)})), february);
  EXPECT_EQ(rowsOf(store->loadCube({Period(2025, 1), Period(2025, 2)})).size(), 4u);
  EXPECT_TRUE(store->loadCube(PeriodRange::wholeYear(2024)).empty());
}

TEST(SqliteStoreCube, ResavingTheSameFileChangesNothing) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  const ImportSummary s = summary(SourceKind::Huvudbok, "huvudbok.csv", "aa");
  store->saveCubeImport(s, ledgerCube(), {});
  store->saveCubeImport(s, ledgerCube(), {});

  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), kLedgerRows);
  EXPECT_EQ(store->importLog().size(), 1u);
}

TEST(SqliteStoreCube, ChangedFileReplacesItsOldCells) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "aa"), ledgerCube(), {});

  // The same export a month later: January corrected, March added, February gone.
  Cube changed;
  changed.add("Äldreomsorg", "4560", "Särskilt boende", "", Period(2025, 1), Measure::Utfall, 700);
  changed.add("Äldreomsorg", "4560", "Särskilt boende", "", Period(2025, 3), Measure::Utfall, 300);
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "bb"), changed, {});

  const std::vector<Row> expected = {
      {"Äldreomsorg", "4560", "Särskilt boende", "", 202501, "utfall", 700},
      {"Äldreomsorg", "4560", "Särskilt boende", "", 202503, "utfall", 300},
  };
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), expected);
  EXPECT_FALSE(store->hasImport(SourceKind::Huvudbok, "aa"));
  EXPECT_TRUE(store->hasImport(SourceKind::Huvudbok, "bb"));
}

TEST(SqliteStoreCube, CellsOfDifferentFilesAreSummed) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  Cube ledger2024;
  ledger2024.add("Äldreomsorg", "4560", "", "", Period(2025, 1), Measure::Utfall, 1'000);
  ledger2024.add("IFO", "4560", "", "", Period(2025, 1), Measure::Utfall, 5);
  Cube ledger2025;
  ledger2025.add("Äldreomsorg", "4560", "", "", Period(2025, 1), Measure::Utfall, -250);
  Cube budget;
  budget.add("Äldreomsorg", "4560", "", "", Period(2025, 1), Measure::Budget, 2'000);
  store->saveCubeImport(summary(SourceKind::Huvudbok, "hb-del1.csv", "h1"), ledger2024, {});
  store->saveCubeImport(summary(SourceKind::Huvudbok, "hb-del2.csv", "h2"), ledger2025, {});
  store->saveCubeImport(summary(SourceKind::Budget, "budget.csv", "b1"), budget, {});

  const std::vector<Row> expected = {
      {"IFO", "4560", "", "", 202501, "utfall", 5},
      {"Äldreomsorg", "4560", "", "", 202501, "utfall", 750},  // 1 000 − 250
      {"Äldreomsorg", "4560", "", "", 202501, "budget", 2'000},
  };
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), expected);
}

TEST(SqliteStoreCube, FailedSaveLeavesTheStoreAsBefore) {
  TempDir dir;
  const std::string path = (dir / "lager.db").string();
  auto store = openSqliteStore(path);
  ImportSummary first = summary(SourceKind::Huvudbok, "huvudbok.csv", "aa");
  first.rowsRead = 5;
  first.rowsAccepted = 5;
  store->saveCubeImport(first, ledgerCube(), {});

  // Plant a fault in the file: storing cells that contain the code 'TRASIG' (a block keeps its
  // codes as plain UTF-8) aborts. The store's own code is untouched; the failure comes in the
  // middle of the transaction, after the old import was already deleted and other months
  // were stored.
  {
    Poco::Data::Session raw = rawSession(path);
    raw << "CREATE TRIGGER fault BEFORE INSERT ON cube_block"
           " WHEN instr(NEW.cells, CAST('TRASIG' AS BLOB)) > 0"
           " BEGIN SELECT RAISE(ABORT, 'planterat fel'); END",
        now;
  }
  Cube broken;
  for (int month = 1; month <= 12; ++month)
    broken.add("Ändrad", "4560", "", "", Period(2025, month), Measure::Utfall, 100);
  broken.add("TRASIG", "4560", "", "", Period(2025, 6), Measure::Utfall, 1);
  ImportSummary second = summary(SourceKind::Huvudbok, "huvudbok.csv", "bb");
  second.rejected.push_back({{"huvudbok.csv", 7, "belopp"}, "Beloppet går inte att läsa"});

  const auto error =
      testing::thrown<OutputError>([&] { store->saveCubeImport(second, broken, {}); });
  EXPECT_TRUE(testing::mentions(error, {"huvudbok.csv", path}));

  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), kLedgerRows);
  EXPECT_TRUE(store->hasImport(SourceKind::Huvudbok, "aa"));
  EXPECT_FALSE(store->hasImport(SourceKind::Huvudbok, "bb"));
  const std::vector<ImportSummary> log = store->importLog();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].fileHash, "aa");
  EXPECT_EQ(log[0].rowsRead, 5);
  EXPECT_TRUE(log[0].rejected.empty());

  // The store still works after the failure.
  Cube fixed;
  fixed.add("Ändrad", "4560", "", "", Period(2025, 6), Measure::Utfall, 100);
  store->saveCubeImport(second, fixed, {});
  const std::vector<Row> expected = {{"Ändrad", "4560", "", "", 202506, "utfall", 100}};
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), expected);
}

TEST(SqliteStoreCube, BlockWrittenByCodeIdsEqualsOneWrittenByCodeTexts) {
  // Codes repeat across cells and months, and the cube's ids are in first-interned order, not
  // in the sorted order the cells are written in.
  Cube cube;
  cube.add("200", "4000", "10", "", Period(2025, 2), Measure::Utfall, 700);
  cube.add("100", "4000", "", "P1", Period(2025, 1), Measure::Utfall, -250);
  cube.add("100", "3000", "10", "", Period(2025, 1), Measure::Budget, 1'000'000);
  cube.add("200", "3000", "", "", Period(2025, 1), Measure::Utfall, 5);
  std::map<int, CubeBlockWriter> byIds, byTexts;
  cube.forEachSorted([&](const CubeCell& cell) {
    byIds[cell.period.code()].add(cell);
    byTexts[cell.period.code()].add(cell.ansvar, cell.konto, cell.verksamhet, cell.projekt,
                                    cell.measure, cell.ore);
  });
  ASSERT_EQ(byIds.size(), 2u);
  for (const auto& [code, block] : byIds) {
    EXPECT_EQ(block.bytes(), byTexts.at(code).bytes()) << code;
  }
  // January's block lists its codes once each: 100, 3000, 10, "", 4000, P1, 200 (seven).
  const std::string january = byIds.at(202501).bytes();
  EXPECT_EQ(static_cast<unsigned char>(january[1]), 7u);
  Cube read;
  EXPECT_EQ(addCubeBlock(january, Period(2025, 1), read), 3u);
  EXPECT_EQ(read.total(Measure::Utfall), -250 + 5);
  EXPECT_EQ(read.total(Measure::Budget), 1'000'000);
}

// A budget with a revision from October: the decision cell comes back beside the spread parts,
// and a measure the program does not know makes the block unreadable, not a budget.
TEST(SqliteStoreCube, RevisionDecisionsRoundTrip) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  Cube budget;
  for (int month = 10; month <= 12; ++month)
    budget.add("Äldreomsorg", "5011", "", "", Period(2025, month), Measure::Budget, 100'00);
  budget.add("Äldreomsorg", "5011", "", "", Period(2025, 10), Measure::BudgetBeslut, 300'00);
  store->saveCubeImport(summary(SourceKind::Budget, "budget.csv", "bb"), budget, {});

  const std::vector<Row> expected = {
      {"Äldreomsorg", "5011", "", "", 202510, "budget", 10'000},
      {"Äldreomsorg", "5011", "", "", 202510, "budgetbeslut", 30'000},
      {"Äldreomsorg", "5011", "", "", 202511, "budget", 10'000},
      {"Äldreomsorg", "5011", "", "", 202512, "budget", 10'000},
  };
  const Cube loaded = store->loadCube(kYear2025);
  EXPECT_EQ(rowsOf(loaded), expected);
  EXPECT_EQ(loaded.total(Measure::Budget), 30'000);
  EXPECT_EQ(loaded.total(Measure::BudgetBeslut), 30'000);

  CubeBlockWriter block;
  block.add("A", "5011", "", "", Measure::BudgetBeslut, 1);
  std::string bytes = block.bytes();
  Cube read;
  EXPECT_EQ(addCubeBlock(bytes, Period(2025, 1), read), 1u);
  EXPECT_EQ(read.total(Measure::BudgetBeslut), 1);
  // The measure is the cell's second-to-last varint (the öre, zigzag 2, is the last byte).
  ASSERT_EQ(static_cast<unsigned char>(bytes[bytes.size() - 2]), 2u);
  bytes[bytes.size() - 2] = 3;
  Cube unknown;
  EXPECT_FALSE(addCubeBlock(bytes, Period(2025, 1), unknown).has_value());
}

TEST(SqliteStoreCube, LargeCubeRoundTrips) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  // 400 ansvar × 25 konton × 12 months = 120 000 cells; cell (a, k, m) holds a·10 000 + k·100 + m
  // öre, negated for odd a.
  Cube cube;
  for (int a = 0; a < 400; ++a)
    for (int k = 0; k < 25; ++k)
      for (int m = 1; m <= 12; ++m) {
        const std::int64_t ore = (a % 2 == 0 ? 1 : -1) * (a * 10'000LL + k * 100 + m);
        cube.add("A" + std::to_string(a), std::to_string(4000 + k), "", "", Period(2025, m),
                 Measure::Utfall, ore);
      }
  store->saveCubeImport(summary(SourceKind::Huvudbok, "stor.csv", "cc"), cube, {});

  const Cube loaded = store->loadCube(kYear2025);
  EXPECT_EQ(loaded.cellCount(), 120'000u);
  // Σ over a of ±a·10 000 pairs (even a positive, odd negative) = −200·10 000 per (k, m);
  // the k and m parts cancel pairwise. 300 (k, m) pairs → −600 000 000.
  EXPECT_EQ(loaded.total(Measure::Utfall), -600'000'000);
  EXPECT_EQ(rowsOf(loaded), rowsOf(cube));

  const Cube march = store->loadCube({Period(2025, 3), Period(2025, 3)});
  EXPECT_EQ(march.cellCount(), 10'000u);
  EXPECT_EQ(march.total(Measure::Utfall), -200 * 10'000LL * 25);
}

TEST(SqliteStoreCube, ExtremeAmountsAndManyLongCodesRoundTrip) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  // 300 ansvar in one month (more codes than fit in one byte), a 200-byte verksamhet text and
  // the largest and smallest amounts an int64 holds.
  const std::string longText = "Särskilt boende " + std::string(183, 'x');  // 200 bytes
  ASSERT_EQ(longText.size(), 200u);
  Cube cube;
  std::vector<Row> expected;
  for (int a = 100; a < 400; ++a) {
    cube.add("A" + std::to_string(a), "4560", longText, "", Period(2025, 4), Measure::Utfall, a);
    expected.emplace_back("A" + std::to_string(a), "4560", longText, "", 202504, "utfall", a);
  }
  cube.add("Ö", "3010", "", "P", Period(2025, 4), Measure::Budget, INT64_MIN);
  cube.add("Ö", "3011", "", "P", Period(2025, 4), Measure::Budget, INT64_MAX);
  expected.emplace_back("Ö", "3010", "", "P", 202504, "budget", INT64_MIN);
  expected.emplace_back("Ö", "3011", "", "P", 202504, "budget", INT64_MAX);
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "aa"), cube, {});

  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), expected);
}

TEST(SqliteStorePrognos, RoundTripKeepsBothVariantsAndOptionalTexts) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  const std::vector<PrognosEntry> august = {
      prognos("Äldreomsorg", 123'456'700, "Ökade kostnader för inhyrd personal",
              "Rekrytering av sjuksköterskor"),
      avvikelse("Hemtjänst Östra", -2'500'000'00, "Fler beviljade timmar"),
      avvikelse("IFO", 0),
      prognos("LSS", -1),
  };
  const std::vector<PrognosEntry> october = {avvikelse("IFO", 75'000'00, "", "Översyn")};
  store->savePrognosImport(summary(SourceKind::Prognos, "prognos.csv", "pp"),
                           {{Period(2025, 10), october}, {Period(2025, 8), august}});

  EXPECT_EQ(store->prognosPeriods(), (std::vector<Period>{Period(2025, 8), Period(2025, 10)}));
  const auto loadedAugust = store->loadPrognosSnapshot(Period(2025, 8));
  ASSERT_TRUE(loadedAugust.has_value());
  EXPECT_EQ(loadedAugust->period, Period(2025, 8));
  expectSameEntries(loadedAugust->entries, august);
  const auto loadedOctober = store->loadPrognosSnapshot(Period(2025, 10));
  ASSERT_TRUE(loadedOctober.has_value());
  expectSameEntries(loadedOctober->entries, october);
  EXPECT_FALSE(store->loadPrognosSnapshot(Period(2025, 9)).has_value());
  EXPECT_TRUE(store->loadCube(kYear2025).empty());
}

TEST(SqliteStorePrognos, EmptySnapshotStillCountsAsSubmitted) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  store->savePrognosImport(summary(SourceKind::Prognos, "prognos.csv", "pp"),
                           {{Period(2025, 5), {}}});

  EXPECT_EQ(store->prognosPeriods(), std::vector<Period>{Period(2025, 5)});
  const auto may = store->loadPrognosSnapshot(Period(2025, 5));
  ASSERT_TRUE(may.has_value());
  EXPECT_TRUE(may->entries.empty());
}

TEST(SqliteStorePrognos, LatestSavedFileWinsForAMonth) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  const std::vector<PrognosEntry> first = {prognos("IFO", 100)};
  const std::vector<PrognosEntry> second = {prognos("IFO", 200), prognos("LSS", 300)};
  store->savePrognosImport(summary(SourceKind::Prognos, "prognos-a.csv", "a1"),
                           {{Period(2025, 8), first}, {Period(2025, 9), first}});
  store->savePrognosImport(summary(SourceKind::Prognos, "prognos-b.csv", "b1"),
                           {{Period(2025, 8), second}});

  expectSameEntries(store->loadPrognosSnapshot(Period(2025, 8))->entries, second);
  expectSameEntries(store->loadPrognosSnapshot(Period(2025, 9))->entries, first);

  // File a is corrected and saved again: it is now the latest for August.
  const std::vector<PrognosEntry> corrected = {avvikelse("IFO", -50)};
  store->savePrognosImport(summary(SourceKind::Prognos, "prognos-a.csv", "a2"),
                           {{Period(2025, 8), corrected}});
  expectSameEntries(store->loadPrognosSnapshot(Period(2025, 8))->entries, corrected);
  // September came only from the old version of file a, which is replaced whole.
  EXPECT_FALSE(store->loadPrognosSnapshot(Period(2025, 9)).has_value());
  EXPECT_EQ(store->prognosPeriods(), std::vector<Period>{Period(2025, 8)});
}

TEST(SqliteStorePrognos, FailedSaveLeavesTheStoreAsBefore) {
  TempDir dir;
  const std::string path = (dir / "lager.db").string();
  auto store = openSqliteStore(path);
  const std::vector<PrognosEntry> august = {prognos("IFO", 100, "Som budget")};
  store->savePrognosImport(summary(SourceKind::Prognos, "prognos.csv", "p1"),
                           {{Period(2025, 8), august}});
  {
    Poco::Data::Session raw = rawSession(path);
    raw << "CREATE TRIGGER fault BEFORE INSERT ON prognos_entry WHEN NEW.node = 'TRASIG'"
           " BEGIN SELECT RAISE(ABORT, 'planterat fel'); END",
        now;
  }
  EXPECT_THROW(store->savePrognosImport(summary(SourceKind::Prognos, "prognos.csv", "p2"),
                                        {{Period(2025, 9), {prognos("IFO", 1)}},
                                         {Period(2025, 8), {prognos("TRASIG", 2)}}}),
               OutputError);

  EXPECT_EQ(store->prognosPeriods(), std::vector<Period>{Period(2025, 8)});
  expectSameEntries(store->loadPrognosSnapshot(Period(2025, 8))->entries, august);
  EXPECT_TRUE(store->hasImport(SourceKind::Prognos, "p1"));
  EXPECT_FALSE(store->hasImport(SourceKind::Prognos, "p2"));
}

TEST(SqliteStoreImportLog, ListsImportsByKindThenPathWithTheirRejectedRows) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  ImportSummary ledger = summary(SourceKind::Huvudbok, "ekonomi/huvudbok.csv", "h1");
  ledger.rowsRead = 10;
  ledger.rowsAccepted = 8;
  ledger.acceptedOre = -12'345'678'901'234;
  ledger.rejected = {{{"ekonomi/huvudbok.csv", 4, "belopp"}, "Beloppet ”12,3,4” går inte att läsa"},
                     {{"ekonomi/huvudbok.csv", 9, ""}, "För få kolumner"}};
  ImportSummary budget = summary(SourceKind::Budget, "budget.csv", "b1");
  budget.rowsRead = 3;
  budget.rowsAccepted = 3;
  budget.acceptedOre = 9'000'000'000'000'000'000;  // near the int64 limit: no double on the way
  ImportSummary prognosFile = summary(SourceKind::Prognos, "prognos.csv", "p1");
  prognosFile.rowsRead = 1;
  prognosFile.rejected = {{{"prognos.csv", 2, "prognosperiod"}, "Perioden saknas"}};
  ImportSummary earlierLedger = summary(SourceKind::Huvudbok, "arkiv/huvudbok-2024.csv", "h0");

  store->savePrognosImport(prognosFile, {});
  store->saveCubeImport(ledger, Cube{}, {});
  store->saveCubeImport(budget, Cube{}, {});
  store->saveCubeImport(earlierLedger, Cube{}, {});

  const std::vector<ImportSummary> log = store->importLog();
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[0].sourcePath, "arkiv/huvudbok-2024.csv");
  EXPECT_EQ(log[1].sourcePath, "ekonomi/huvudbok.csv");
  EXPECT_EQ(log[2].sourcePath, "budget.csv");
  EXPECT_EQ(log[3].sourcePath, "prognos.csv");

  EXPECT_EQ(log[1].kind, SourceKind::Huvudbok);
  EXPECT_EQ(log[1].fileHash, "h1");
  EXPECT_EQ(log[1].rowsRead, 10);
  EXPECT_EQ(log[1].rowsAccepted, 8);
  EXPECT_EQ(log[1].acceptedOre, -12'345'678'901'234);
  ASSERT_EQ(log[1].rejected.size(), 2u);
  EXPECT_EQ(log[1].rejected[0].where.file, "ekonomi/huvudbok.csv");
  EXPECT_EQ(log[1].rejected[0].where.line, 4);
  EXPECT_EQ(log[1].rejected[0].where.column, "belopp");
  EXPECT_EQ(log[1].rejected[0].reason, "Beloppet ”12,3,4” går inte att läsa");
  EXPECT_EQ(log[1].rejected[1].where.line, 9);
  EXPECT_EQ(log[1].rejected[1].where.column, "");
  EXPECT_EQ(log[1].rejected[1].reason, "För få kolumner");

  EXPECT_EQ(log[2].kind, SourceKind::Budget);
  EXPECT_EQ(log[2].acceptedOre, 9'000'000'000'000'000'000);
  EXPECT_TRUE(log[2].rejected.empty());
  EXPECT_EQ(log[3].kind, SourceKind::Prognos);
  ASSERT_EQ(log[3].rejected.size(), 1u);
  EXPECT_EQ(log[3].rejected[0].reason, "Perioden saknas");
}

TEST(SqliteStoreImportLog, HasImportMatchesKindAndHash) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  store->saveCubeImport(summary(SourceKind::Budget, "budget.csv", "abc123"), Cube{}, {});

  EXPECT_TRUE(store->hasImport(SourceKind::Budget, "abc123"));
  EXPECT_FALSE(store->hasImport(SourceKind::Huvudbok, "abc123"));
  EXPECT_FALSE(store->hasImport(SourceKind::Budget, "abc12"));
}

TEST(SqliteStoreOpen, ReopeningKeepsTheDataAndCreatesMissingFolders) {
  TempDir dir;
  const std::string path = (dir / "nya/mappar/lager.db").string();
  {
    auto store = openSqliteStore(path);
    store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "aa"), ledgerCube(), {});
    store->savePrognosImport(summary(SourceKind::Prognos, "prognos.csv", "pp"),
                             {{Period(2025, 8), {prognos("IFO", 42, "Åtgärdsplan")}}});
  }
  ASSERT_TRUE(fs::is_regular_file(path));

  auto reopened = openSqliteStore(path);
  EXPECT_EQ(rowsOf(reopened->loadCube(kYear2025)), kLedgerRows);
  EXPECT_TRUE(reopened->hasImport(SourceKind::Huvudbok, "aa"));
  expectSameEntries(reopened->loadPrognosSnapshot(Period(2025, 8))->entries,
                    {prognos("IFO", 42, "Åtgärdsplan")});
  EXPECT_EQ(reopened->importLog().size(), 2u);
}

std::vector<std::int64_t> schemaVersions(const std::string& path) {
  Poco::Data::Session raw = rawSession(path);
  std::vector<std::int64_t> versions;
  raw << "SELECT version FROM schema_version", into(versions), now;
  return versions;
}

// A store as version 1 of the program wrote it (copied from that version's schema), with one
// huvudbok import and its cells.
void writeVersionOneStore(const std::string& path) {
  Poco::Data::Session raw = rawSession(path);
  for (const char* sql : {
           "CREATE TABLE schema_version (version INTEGER NOT NULL)",
           "INSERT INTO schema_version (version) VALUES (1)",
           "CREATE TABLE import_log (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL,"
           " source_path TEXT NOT NULL, file_hash TEXT NOT NULL, rows_read INTEGER NOT NULL,"
           " rows_accepted INTEGER NOT NULL, accepted_ore INTEGER NOT NULL,"
           " UNIQUE (kind, source_path))",
           "CREATE INDEX import_log_hash ON import_log (kind, file_hash)",
           "CREATE TABLE rejected_row (import_id INTEGER NOT NULL REFERENCES import_log (id),"
           " position INTEGER NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,"
           " column_name TEXT NOT NULL, reason TEXT NOT NULL)",
           "CREATE INDEX rejected_row_import ON rejected_row (import_id, position)",
           "CREATE TABLE cube_cell (import_id INTEGER NOT NULL REFERENCES import_log (id),"
           " ansvar TEXT NOT NULL, konto TEXT NOT NULL, verksamhet TEXT NOT NULL,"
           " projekt TEXT NOT NULL, period INTEGER NOT NULL, measure INTEGER NOT NULL,"
           " ore INTEGER NOT NULL)",
           "CREATE INDEX cube_cell_period ON cube_cell (period)",
           "CREATE INDEX cube_cell_import ON cube_cell (import_id)",
           "CREATE TABLE prognos_snapshot (import_id INTEGER NOT NULL REFERENCES import_log (id),"
           " period INTEGER NOT NULL, PRIMARY KEY (import_id, period))",
           "CREATE INDEX prognos_snapshot_period ON prognos_snapshot (period)",
           "CREATE TABLE prognos_entry (import_id INTEGER NOT NULL REFERENCES import_log (id),"
           " period INTEGER NOT NULL, position INTEGER NOT NULL, node TEXT NOT NULL,"
           " prognos_ore INTEGER, avvikelse_ore INTEGER, kommentar TEXT NOT NULL,"
           " atgard TEXT NOT NULL)",
           "CREATE INDEX prognos_entry_import ON prognos_entry (import_id, period, position)",
           "INSERT INTO import_log VALUES (7, 'huvudbok', 'huvudbok-2024.csv', 'v1', 2, 2, 1500)",
           "INSERT INTO cube_cell VALUES (7, 'Äldreomsorg', '4560', 'Särskilt boende', '',"
           " 202412, 0, 1000)",
           "INSERT INTO cube_cell VALUES (7, 'Äldreomsorg', '4560', 'Särskilt boende', '',"
           " 202501, 0, 500)",
       })
    raw << sql, now;
}

// What version 2 added to version 1 (copied from that version's migration).
void upgradeToVersionTwo(const std::string& path) {
  Poco::Data::Session raw = rawSession(path);
  for (const char* sql : {
           "ALTER TABLE import_log ADD COLUMN rejected_ore INTEGER NOT NULL DEFAULT 0",
           "CREATE TABLE import_period (import_id INTEGER NOT NULL REFERENCES import_log (id),"
           " period INTEGER NOT NULL, rows INTEGER NOT NULL, ore INTEGER NOT NULL,"
           " PRIMARY KEY (import_id, period))",
           "CREATE TABLE import_warning (import_id INTEGER NOT NULL REFERENCES import_log (id),"
           " position INTEGER NOT NULL, is_note INTEGER NOT NULL, text TEXT NOT NULL)",
           "CREATE INDEX import_warning_import ON import_warning (import_id, position)",
           "UPDATE schema_version SET version = 2",
       })
    raw << sql, now;
}

TEST(SqliteStoreOpen, NewStoreRecordsTheCurrentSchemaVersion) {
  TempDir dir;
  const std::string path = (dir / "lager.db").string();
  openSqliteStore(path);

  EXPECT_EQ(schemaVersions(path), std::vector<std::int64_t>{5});
}

TEST(SqliteStoreOpen, VersionOneStoreIsMigrated) {
  TempDir dir;
  const std::string path = (dir / "lager.db").string();
  writeVersionOneStore(path);

  const auto store = openSqliteStore(path);
  const std::vector<Row> kept = {
      {"Äldreomsorg", "4560", "Särskilt boende", "", 202501, "utfall", 500}};
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), kept);
  ImportSummary summary;
  summary.sourcePath = "huvudbok.csv";
  summary.fileHash = "ab";
  summary.rejectedOre = 1'234;
  summary.addToPeriod(202501, 500);
  summary.warnings = {"Rad 7 är identisk med rad 3"};
  Cube cube;
  cube.add("100", "5011", "", "", Period(2025, 1), Measure::Utfall, 500);
  store->saveCubeImport(summary, cube, {});
  const auto log = store->importLog();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].sourcePath, "huvudbok-2024.csv");
  EXPECT_EQ(log[0].rejectedOre, 0);
  EXPECT_EQ(log[1].rejectedOre, 1'234);
  ASSERT_EQ(log[1].periodTotals.size(), 1u);
  EXPECT_EQ(log[1].periodTotals[0].period, 202501);
  EXPECT_EQ(log[1].periodTotals[0].ore, 500);
  EXPECT_EQ(log[1].warnings, std::vector<std::string>{"Rad 7 är identisk med rad 3"});
  EXPECT_EQ(schemaVersions(path), std::vector<std::int64_t>{5});
}

TEST(SqliteStoreOpen, VersionTwoStoreKeepsItsCellsWhenMigrated) {
  TempDir dir;
  const std::string path = (dir / "lager.db").string();
  writeVersionOneStore(path);
  upgradeToVersionTwo(path);
  {  // A budget import and a second ledger whose cells add to the first one's.
    Poco::Data::Session raw = rawSession(path);
    for (const char* sql : {
             "INSERT INTO import_log VALUES (8, 'budget', 'budget.csv', 'b2', 1, 1, 20000, 0)",
             "INSERT INTO import_log VALUES (9, 'huvudbok', 'huvudbok-2025.csv', 'v2', 3, 3,"
             " -9223372036854775807, 17)",
             "INSERT INTO cube_cell VALUES (8, 'Äldreomsorg', '4560', 'Särskilt boende', '',"
             " 202501, 1, 20000)",
             "INSERT INTO cube_cell VALUES (9, 'Äldreomsorg', '4560', 'Särskilt boende', '',"
             " 202501, 0, -200)",
             "INSERT INTO cube_cell VALUES (9, 'IFO Barn och unga', '3010', '', 'P-ö',"
             " 202502, 0, -9223372036854775807)",
             "INSERT INTO cube_cell VALUES (9, 'IFO Barn och unga', '4010', '', '', 202612, 0, 1)",
             "INSERT INTO import_period VALUES (9, 202501, 1, -200)",
         })
      raw << sql, now;
  }

  const auto store = openSqliteStore(path);
  const std::vector<Row> expected = {
      {"IFO Barn och unga", "3010", "", "P-ö", 202502, "utfall", -9'223'372'036'854'775'807},
      {"Äldreomsorg", "4560", "Särskilt boende", "", 202501, "utfall", 300},  // 500 − 200
      {"Äldreomsorg", "4560", "Särskilt boende", "", 202501, "budget", 20'000},
  };
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), expected);
  const std::vector<Row> december2024 = {
      {"Äldreomsorg", "4560", "Särskilt boende", "", 202412, "utfall", 1'000}};
  EXPECT_EQ(rowsOf(store->loadCube({Period(2024, 12), Period(2024, 12)})), december2024);
  EXPECT_EQ(store->loadCube(PeriodRange::wholeYear(2026)).total(Measure::Utfall), 1);
  // Version 4 forgets a ledger's hash (it kept no rows) and version 5 a budget's (it kept no
  // revision decisions), so that both are read again; the cells stay until then.
  EXPECT_FALSE(store->hasImport(SourceKind::Huvudbok, "v2"));
  EXPECT_FALSE(store->hasImport(SourceKind::Budget, "b2"));
  const auto log = store->importLog();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[1].acceptedOre, -9'223'372'036'854'775'807);
  EXPECT_EQ(log[1].rejectedOre, 17);
  ASSERT_EQ(log[1].periodTotals.size(), 1u);
  EXPECT_EQ(log[1].periodTotals[0].ore, -200);

  // A changed file still replaces its migrated cells.
  Cube changed;
  changed.add("Äldreomsorg", "4560", "Särskilt boende", "", Period(2025, 1), Measure::Utfall, 1);
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok-2025.csv", "v3"), changed, {});
  const std::vector<Row> replaced = {
      {"Äldreomsorg", "4560", "Särskilt boende", "", 202501, "utfall", 501},
      {"Äldreomsorg", "4560", "Särskilt boende", "", 202501, "budget", 20'000},
  };
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), replaced);
  EXPECT_EQ(schemaVersions(path), std::vector<std::int64_t>{5});
}

// A development build (commit 3c3cf5c) wrote version 3 into stores of the version-2 layout.
TEST(SqliteStoreOpen, VersionTwoLayoutLabelledThreeIsMigrated) {
  TempDir dir;
  const std::string path = (dir / "lager.db").string();
  writeVersionOneStore(path);
  upgradeToVersionTwo(path);
  {
    Poco::Data::Session raw = rawSession(path);
    raw << "UPDATE schema_version SET version = 3", now;
  }

  const std::vector<Row> kept = {
      {"Äldreomsorg", "4560", "Särskilt boende", "", 202501, "utfall", 500}};
  EXPECT_EQ(rowsOf(openSqliteStore(path)->loadCube(kYear2025)), kept);
  EXPECT_EQ(schemaVersions(path), std::vector<std::int64_t>{5});
}

TEST(SqliteStoreOpen, OtherSchemaVersionIsRefused) {
  TempDir dir;
  const std::string path = (dir / "lager.db").string();
  openSqliteStore(path);
  {
    Poco::Data::Session raw = rawSession(path);
    raw << "UPDATE schema_version SET version = 6", now;
  }
  const auto error = testing::thrown<OutputError>([&] { openSqliteStore(path); });
  EXPECT_TRUE(testing::mentions(error, {path, "version 6"}))
      << "a store of another schema version must not open";
}

TEST(SqliteStoreOpen, DamagedCubeIsReportedNotGuessed) {
  TempDir dir;
  const std::string path = (dir / "lager.db").string();
  openSqliteStore(path)->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "aa"),
                                        ledgerCube(), {});
  {  // February's cells cut short, as a damaged disk might leave them.
    Poco::Data::Session raw = rawSession(path);
    raw << "UPDATE cube_block SET cells = substr(cells, 1, length(cells) - 1)"
           " WHERE period = 202502",
        now;
  }
  const auto store = openSqliteStore(path);
  const auto error = testing::thrown<OutputError>([&] { store->loadCube(kYear2025); });
  EXPECT_TRUE(testing::mentions(error, {path, "202502", "skadat"}));
  // The months that are whole still load.
  EXPECT_EQ(rowsOf(store->loadCube({Period(2025, 1), Period(2025, 1)})).size(), 2u);
}

TEST(SqliteStoreOpen, TextFileIsRefusedAndLeftAlone) {
  TempDir dir;
  const std::string path = (dir / "anteckningar.txt").string();
  const std::string text = "Det här är ingen databas, bara anteckningar inför nämndmötet.\n";
  testing::writeFile(path, text);

  const auto error = testing::thrown<OutputError>([&] { openSqliteStore(path); });
  EXPECT_TRUE(testing::mentions(error, {path})) << "a text file must not open as a store";
  EXPECT_EQ(testing::readFile(path), text);
}

TEST(SqliteStoreOpen, OtherSqliteDatabaseIsRefused) {
  TempDir dir;
  const std::string path = (dir / "annat.db").string();
  {
    Poco::Data::Session raw = rawSession(path);
    raw << "CREATE TABLE kunder (namn TEXT)", now;
  }
  const auto error = testing::thrown<OutputError>([&] { openSqliteStore(path); });
  EXPECT_TRUE(testing::mentions(error, {path, "Nämndrapport"}))
      << "a foreign database must not open as a store";
}

TEST(SqliteStoreOpen, FolderInsteadOfFileIsRefused) {
  TempDir dir;
  const std::string path = (dir / "en-mapp").string();
  fs::create_directories(path);
  const auto error = testing::thrown<OutputError>([&] { openSqliteStore(path); });
  EXPECT_TRUE(testing::mentions(error, {path})) << "a folder must not open as a store";
}

// ---------------------------------------------------------------------------------------------
// Hours (schema 4).

TEST(SqliteStoreHr, HoursOfEveryImportAreSummedWithinTheRange) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  HrTable payroll;
  payroll[hrKey("2110", 2025, 1, HrKind::Overtid)] = {12'25, 4'532'50};
  payroll[hrKey("2110", 2025, 1, HrKind::Timavlonad)] = {310'00, 0};
  payroll[hrKey("Hemtjänst Östra", 2025, 2, HrKind::EjTillsatt)] = {-3'50, 0};
  payroll[hrKey("2110", 2024, 12, HrKind::Overtid)] = {99'00, 1};  // outside the range
  HrTable agency;
  agency[hrKey("2110", 2025, 1, HrKind::Overtid)] = {0'75, 250'00};
  agency[hrKey("3120", 2025, 12, HrKind::Inhyrd)] = {160'00, 152'000'00};
  store->saveHrImport(summary(SourceKind::Hr, "hr-lon.csv", "h1"), payroll);
  store->saveHrImport(summary(SourceKind::Hr, "hr-bemanning.csv", "h2"), agency);

  const std::vector<HrRow> expected = {
      {"2110", 202501, "overtid", 12'25 + 0'75, 4'532'50 + 250'00},
      {"2110", 202501, "timavlonad", 310'00, 0},
      {"3120", 202512, "inhyrd", 160'00, 152'000'00},
      {"Hemtjänst Östra", 202502, "ej_tillsatt", -3'50, 0},
  };
  EXPECT_EQ(rowsOf(store->loadHr(kYear2025)), expected);
  const std::vector<HrRow> december2024 = {{"2110", 202412, "overtid", 99'00, 1}};
  EXPECT_EQ(rowsOf(store->loadHr({Period(2024, 12), Period(2024, 12)})), december2024);
  EXPECT_TRUE(store->hasImport(SourceKind::Hr, "h2"));
  EXPECT_FALSE(store->hasImport(SourceKind::Huvudbok, "h2"));
}

TEST(SqliteStoreHr, ChangedFileReplacesItsHoursAndLogsAsHr) {
  TempDir dir;
  const std::string path = (dir / "lager.db").string();
  {
    auto store = openSqliteStore(path);
    HrTable first;
    first[hrKey("2110", 2025, 1, HrKind::Overtid)] = {10'00, 3'500'00};
    first[hrKey("2120", 2025, 1, HrKind::Mertid)] = {4'00, 0};
    store->saveHrImport(summary(SourceKind::Hr, "hr.csv", "v1"), first);
    store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "aa"), ledgerCube(), {});
    HrTable second;
    second[hrKey("2110", 2025, 1, HrKind::Overtid)] = {11'00, 3'850'00};
    ImportSummary changed = summary(SourceKind::Hr, "hr.csv", "v2");
    changed.notes = {"Timmar: Σ 11,00 h i godkända rader."};
    store->saveHrImport(changed, second);
  }
  auto store = openSqliteStore(path);  // and it all survives a reopen
  const std::vector<HrRow> expected = {{"2110", 202501, "overtid", 11'00, 3'850'00}};
  EXPECT_EQ(rowsOf(store->loadHr(kYear2025)), expected);
  EXPECT_FALSE(store->hasImport(SourceKind::Hr, "v1"));
  const auto log = store->importLog();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].kind, SourceKind::Huvudbok);
  EXPECT_EQ(log[1].kind, SourceKind::Hr);  // after huvudbok, budget and prognos
  EXPECT_EQ(log[1].fileHash, "v2");
  EXPECT_EQ(log[1].notes, std::vector<std::string>{"Timmar: Σ 11,00 h i godkända rader."});
}

// ---------------------------------------------------------------------------------------------
// Kept ledger rows (schema 4).

LedgerTransaction transaction(const std::string& ansvar, int month, std::int64_t ore,
                              const std::string& vernr) {
  return LedgerTransaction{Period(2025, month),
                           ansvar,
                           "4610",
                           "511",
                           "P-åtta",
                           "2025-0" + std::to_string(month) + "-15",
                           vernr,
                           "Köpt plats, Ösby vårdhem",
                           "LEV 4711",
                           ore};
}

std::vector<std::string> vernrsOf(const std::vector<LedgerTransaction>& rows) {
  std::vector<std::string> vernrs;
  for (const LedgerTransaction& row : rows) vernrs.push_back(row.ansvar + ":" + row.vernr);
  return vernrs;
}

TEST(SqliteStoreKeptRows, LargestFirstPerAnsvarAtMostTheLimit) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  // Deliberately not in order; -900 and 900 tie on |belopp| and keep the order given.
  const std::vector<LedgerTransaction> rows = {
      transaction("2210", 3, 100'00, "a1"),   transaction("2110", 3, -900'00, "b1"),
      transaction("2110", 3, 50'00, "b2"),    transaction("2110", 3, 900'00, "b3"),
      transaction("2110", 3, 1'000'00, "b4"), transaction("2110", 4, 5'000'00, "b5"),
      transaction("2210", 3, 300'00, "a2"),
  };
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "aa"), ledgerCube(),
                        KeptTransactions::of(rows));
  // A second ledger file with the same month: its rows compete with the first file's, and a
  // tie goes to the earlier import.
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok-rattelser.csv", "bb"), Cube{},
                        KeptTransactions::of({transaction("2110", 3, 900'00, "c1"),
                                              transaction("2210", 3, 200'00, "c2")}));

  EXPECT_EQ(
      vernrsOf(store->loadLargestTransactions(Period(2025, 3), 3)),
      (std::vector<std::string>{"2110:b4", "2110:b1", "2110:b3", "2210:a2", "2210:c2", "2210:a1"}));
  EXPECT_EQ(vernrsOf(store->loadLargestTransactions(Period(2025, 3), 1)),
            (std::vector<std::string>{"2110:b4", "2210:a2"}));
  EXPECT_EQ(store->loadLargestTransactions(Period(2025, 3), 50).size(), 5u + 3u);  // all of March
  EXPECT_TRUE(store->loadLargestTransactions(Period(2025, 3), 0).empty());
  EXPECT_TRUE(store->loadLargestTransactions(Period(2025, 5), 50).empty());

  // Every field comes back as saved.
  const auto april = store->loadLargestTransactions(Period(2025, 4), 50);
  ASSERT_EQ(april.size(), 1u);
  const LedgerTransaction& row = april[0];
  EXPECT_EQ(row.period, Period(2025, 4));
  EXPECT_EQ(std::tie(row.ansvar, row.konto, row.verksamhet, row.projekt, row.datum, row.vernr,
                     row.text, row.motpart, row.ore),
            std::make_tuple(std::string("2110"), std::string("4610"), std::string("511"),
                            std::string("P-åtta"), std::string("2025-04-15"), std::string("b5"),
                            std::string("Köpt plats, Ösby vårdhem"), std::string("LEV 4711"),
                            std::int64_t{5'000'00}));
}

TEST(SqliteStoreKeptRows, ChangedLedgerReplacesItsRows) {
  TempDir dir;
  auto store = openSqliteStore((dir / "lager.db").string());
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "aa"), ledgerCube(),
                        KeptTransactions::of({transaction("2110", 3, 100'00, "gammal"),
                                              transaction("2110", 4, 1, "x")}));
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "bb"), ledgerCube(),
                        KeptTransactions::of({transaction("2110", 3, 50'00, "ny")}));
  EXPECT_EQ(vernrsOf(store->loadLargestTransactions(Period(2025, 3), 50)),
            std::vector<std::string>{"2110:ny"});
  EXPECT_TRUE(store->loadLargestTransactions(Period(2025, 4), 50).empty());
}

TEST(SqliteStoreKeptRows, FailedSaveLeavesTheEarlierRows) {
  TempDir dir;
  const std::string path = (dir / "lager.db").string();
  auto store = openSqliteStore(path);
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "aa"), ledgerCube(),
                        KeptTransactions::of({transaction("2110", 3, 100'00, "gammal")}));
  {  // A trigger that refuses the new block, as a full disk would refuse the write.
    Poco::Data::Session raw = rawSession(path);
    raw << "CREATE TRIGGER refuse BEFORE INSERT ON kept_row_block WHEN NEW.period = 202503"
           " AND (SELECT count(*) FROM kept_row_block) = 0"
           " BEGIN SELECT RAISE(ABORT, 'disken är full'); END",
        now;
  }
  const auto error = testing::thrown<OutputError>([&] {
    store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "bb"), ledgerCube(),
                          KeptTransactions::of({transaction("2110", 3, 50'00, "ny")}));
  });
  EXPECT_TRUE(testing::mentions(error, {"huvudbok.csv", "oförändrat"}));
  EXPECT_EQ(vernrsOf(store->loadLargestTransactions(Period(2025, 3), 50)),
            std::vector<std::string>{"2110:gammal"});
  EXPECT_TRUE(store->hasImport(SourceKind::Huvudbok, "aa"));
}

// What version 3 did to a version-2 store (copied from that version's migration): the cells
// packed into one block per import and month.
void upgradeToVersionThree(const std::string& path) {
  Poco::Data::Session raw = rawSession(path);
  raw << "CREATE TABLE cube_block (import_id INTEGER NOT NULL REFERENCES import_log (id),"
         " period INTEGER NOT NULL, cell_count INTEGER NOT NULL, cells BLOB NOT NULL,"
         " PRIMARY KEY (import_id, period))",
      now;
  std::vector<std::int64_t> periods, measures, ores;
  std::vector<std::string> ansvar, konto, verksamhet, projekt;
  raw << "SELECT period, ansvar, konto, verksamhet, projekt, measure, ore FROM cube_cell"
         " WHERE import_id = 7 ORDER BY period",
      into(periods), into(ansvar), into(konto), into(verksamhet), into(projekt), into(measures),
      into(ores), now;
  for (std::size_t i = 0; i < periods.size(); ++i) {
    CubeBlockWriter block;
    block.add(ansvar[i], konto[i], verksamhet[i], projekt[i], static_cast<Measure>(measures[i]),
              ores[i]);
    const std::string bytes = block.bytes();
    Poco::Data::BLOB blob(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::int64_t count = 1;
    raw << "INSERT INTO cube_block VALUES (7, ?, ?, ?)", use(periods[i]), use(count), use(blob),
        now;
  }
  raw << "DROP TABLE cube_cell", now;
  raw << "UPDATE schema_version SET version = 3", now;
}

TEST(SqliteStoreOpen, VersionThreeStoreKeepsItsCubeAndGainsHoursAndRows) {
  TempDir dir;
  const std::string path = (dir / "lager.db").string();
  writeVersionOneStore(path);
  upgradeToVersionTwo(path);
  upgradeToVersionThree(path);
  ASSERT_EQ(schemaVersions(path), std::vector<std::int64_t>{3});

  const auto store = openSqliteStore(path);
  EXPECT_EQ(schemaVersions(path), std::vector<std::int64_t>{5});
  const std::vector<Row> kept = {
      {"Äldreomsorg", "4560", "Särskilt boende", "", 202501, "utfall", 500}};
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), kept);
  EXPECT_TRUE(store->loadHr(kYear2025).empty());
  EXPECT_TRUE(store->loadLargestTransactions(Period(2025, 1), 50).empty());
  // The ledger kept no rows before version 4: its bytes no longer count as imported, so the
  // next run reads the file again; the cube stays until then.
  EXPECT_FALSE(store->hasImport(SourceKind::Huvudbok, "v1"));

  // The new tables work, and the migrated ledger is still replaced whole by a changed file.
  HrTable hours;
  hours[hrKey("2110", 2025, 1, HrKind::Overtid)] = {1'00, 0};
  store->saveHrImport(summary(SourceKind::Hr, "hr.csv", "h1"), hours);
  EXPECT_EQ(rowsOf(store->loadHr(kYear2025)).size(), 1u);
  Cube changed;
  changed.add("Äldreomsorg", "4560", "Särskilt boende", "", Period(2025, 1), Measure::Utfall, 7);
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok-2024.csv", "v4"), changed,
                        KeptTransactions::of({transaction("Äldreomsorg", 1, 7, "v1")}));
  const std::vector<Row> replaced = {
      {"Äldreomsorg", "4560", "Särskilt boende", "", 202501, "utfall", 7}};
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), replaced);
  EXPECT_EQ(rowsOf(store->loadCube({Period(2024, 12), Period(2024, 12)})).size(), 0u);
  EXPECT_EQ(store->loadLargestTransactions(Period(2025, 1), 50).size(), 1u);
}

// Budgets imported before version 5 kept no revision decisions: the migration forgets their
// hashes (the next run reads them again) and keeps every other import's.
TEST(SqliteStoreOpen, VersionFourStoreReadsItsBudgetsAgain) {
  TempDir dir;
  const std::string path = (dir / "lager.db").string();
  {
    const auto store = openSqliteStore(path);
    Cube ledger;
    ledger.add("2110", "4560", "", "", Period(2025, 1), Measure::Utfall, 500);
    store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "hb"), ledger, {});
    Cube budget;
    budget.add("2110", "4560", "", "", Period(2025, 1), Measure::Budget, 700);
    store->saveCubeImport(summary(SourceKind::Budget, "budget.csv", "bu"), budget, {});
  }
  {
    Poco::Data::Session raw = rawSession(path);
    raw << "UPDATE schema_version SET version = 4", now;
  }
  const auto store = openSqliteStore(path);
  EXPECT_EQ(schemaVersions(path), std::vector<std::int64_t>{5});
  EXPECT_TRUE(store->hasImport(SourceKind::Huvudbok, "hb"));
  EXPECT_FALSE(store->hasImport(SourceKind::Budget, "bu"));
  EXPECT_EQ(store->loadCube(kYear2025).total(Measure::Budget), 700);  // kept until read again
}

TEST(SqliteStoreOpen, VersionOneStoreIsMigratedAllTheWay) {
  TempDir dir;
  const std::string path = (dir / "lager.db").string();
  writeVersionOneStore(path);
  const auto store = openSqliteStore(path);
  EXPECT_EQ(schemaVersions(path), std::vector<std::int64_t>{5});
  HrTable hours;
  hours[hrKey("2110", 2025, 1, HrKind::Arbetad)] = {160'00, 0};
  store->saveHrImport(summary(SourceKind::Hr, "hr.csv", "h1"), hours);
  EXPECT_EQ(rowsOf(store->loadHr(kYear2025)),
            (std::vector<HrRow>{{"2110", 202501, "arbetad", 160'00, 0}}));
}

}  // namespace
}  // namespace namnd
