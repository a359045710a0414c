// The contract every engine behind Store keeps, run over each of them: SQLite always, PostgreSQL
// and ClickHouse when their servers run (scripts/db-servers.sh). The expected values are worked
// out by hand in each test; the same values from every engine are what lets the reports come out
// byte for byte alike.

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <tuple>
#include <vector>

#include "core/errors.hpp"
#include "engines/engine_servers.hpp"
#include "store/store.hpp"
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

using testing::TempDir;

struct Engine {
  std::string name;
  const char* variable;  // the server's URI in the environment; nullptr for SQLite
};

// The test list (ctest) names the engine, not the bytes of the struct.
void PrintTo(const Engine& engine, std::ostream* out) { *out << engine.name; }

std::string engineName(const ::testing::TestParamInfo<Engine>& info) { return info.param.name; }

class StoreContract : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    const Engine& engine = GetParam();
    if (!engine.variable) {
      uri_ = "sqlite:" + (dir_ / "lager.sqlite").string();
      return;
    }
    uri_ = test::serverUri(engine.variable);
    if (uri_.empty())
      GTEST_SKIP() << engine.variable << " är inte satt: ingen " << engine.name
                   << "-server att testa mot (scripts/db-servers.sh start MAPP)";
    changeStoreSchema(uri_, SchemaAction::Init);
  }

  bool shared() const { return GetParam().variable != nullptr; }

  // A store of its own scope (on a server), or the test's SQLite file.
  std::unique_ptr<Store> open(const std::string& scope = "kontrakt") {
    if (!shared()) return openStore(uri_);
    if (!scopes_.count(scope)) scopes_[scope] = test::uniqueScope(scope);
    return openStore(uri_, scopes_[scope]);
  }

  TempDir dir_;
  std::string uri_;
  std::map<std::string, std::string> scopes_;
};

const PeriodRange kYear2025 = PeriodRange::wholeYear(2025);

// Swedish letters, a tab, a newline and a backslash in the codes: what a text protocol (COPY,
// TabSeparated) must carry unchanged.
Cube ledgerCube() {
  Cube cube;
  cube.add("Äldreomsorg", "4560", "Särskilt boende", "", Period(2025, 1), Measure::Utfall,
           1'234'567'89);
  cube.add("Äldreomsorg", "3010", "Särskilt boende", "", Period(2025, 1), Measure::Utfall,
           -98'765'43);
  cube.add("Hemtjänst\tÖstra", "5011", "Hem\\tjänst", "P-åtta\nB", Period(2025, 2), Measure::Utfall,
           55'000'00);
  cube.add("Hemtjänst\tÖstra", "5011", "Hem\\tjänst", "P-åtta\nB", Period(2025, 2), Measure::Budget,
           60'000'00);
  cube.add("Hemtjänst\tÖstra", "5011", "Hem\\tjänst", "P-åtta\nB", Period(2025, 12),
           Measure::BudgetBeslut, -1);
  cube.add("IFO", "4010", "", "", Period(2024, 12), Measure::Utfall, 7);
  return cube;
}

const std::vector<Row> kLedger2025 = {
    {"Hemtjänst\tÖstra", "5011", "Hem\\tjänst", "P-åtta\nB", 202502, "utfall", 5'500'000},
    {"Hemtjänst\tÖstra", "5011", "Hem\\tjänst", "P-åtta\nB", 202502, "budget", 6'000'000},
    {"Hemtjänst\tÖstra", "5011", "Hem\\tjänst", "P-åtta\nB", 202512,
     std::string(measureName(Measure::BudgetBeslut)), -1},
    {"Äldreomsorg", "3010", "Särskilt boende", "", 202501, "utfall", -9'876'543},
    {"Äldreomsorg", "4560", "Särskilt boende", "", 202501, "utfall", 123'456'789},
};

TEST_P(StoreContract, CubeRoundTripsWithinTheRange) {
  auto store = open();
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "aa"), ledgerCube(), {});

  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), kLedger2025);
  const std::vector<Row> december2024 = {{"IFO", "4010", "", "", 202412, "utfall", 7}};
  EXPECT_EQ(rowsOf(store->loadCube(PeriodRange::wholeYear(2024))), december2024);
  EXPECT_EQ(rowsOf(store->loadCube({Period(2025, 2), Period(2025, 2)})).size(), 2u);
  EXPECT_TRUE(store->loadCube(PeriodRange::wholeYear(2023)).empty());
}

TEST_P(StoreContract, CellsOfDifferentFilesAndYearsAreSummed) {
  auto store = open();
  Cube part1, part2, budget;
  part1.add("Äldreomsorg", "4560", "", "", Period(2025, 1), Measure::Utfall, 1'000);
  part1.add("IFO", "4560", "", "", Period(2025, 1), Measure::Utfall, 5);
  part2.add("Äldreomsorg", "4560", "", "", Period(2025, 1), Measure::Utfall, -250);
  part2.add("Äldreomsorg", "4560", "", "", Period(2024, 1), Measure::Utfall, 90);
  budget.add("Äldreomsorg", "4560", "", "", Period(2025, 1), Measure::Budget, 2'000);
  store->saveCubeImport(summary(SourceKind::Huvudbok, "hb-del1.csv", "h1"), part1, {});
  store->saveCubeImport(summary(SourceKind::Huvudbok, "hb-del2.csv", "h2"), part2, {});
  store->saveCubeImport(summary(SourceKind::Budget, "budget.csv", "b1"), budget, {});

  const std::vector<Row> expected = {
      {"IFO", "4560", "", "", 202501, "utfall", 5},
      {"Äldreomsorg", "4560", "", "", 202501, "utfall", 750},  // 1 000 − 250
      {"Äldreomsorg", "4560", "", "", 202501, "budget", 2'000},
  };
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), expected);
  const std::vector<Row> both = {
      {"IFO", "4560", "", "", 202501, "utfall", 5},
      {"Äldreomsorg", "4560", "", "", 202401, "utfall", 90},
      {"Äldreomsorg", "4560", "", "", 202501, "utfall", 750},
      {"Äldreomsorg", "4560", "", "", 202501, "budget", 2'000},
  };
  EXPECT_EQ(rowsOf(store->loadCube({Period(2024, 1), Period(2025, 12)})), both);
}

TEST_P(StoreContract, ExtremeAmountsRoundTrip) {
  auto store = open();
  Cube cube;
  cube.add("Ö", "3010", "", "P", Period(2025, 4), Measure::Budget, INT64_MIN);
  cube.add("Ö", "3011", "", "P", Period(2025, 4), Measure::Budget, INT64_MAX);
  store->saveCubeImport(summary(SourceKind::Budget, "budget.csv", "x"), cube, {});
  const std::vector<Row> expected = {{"Ö", "3010", "", "P", 202504, "budget", INT64_MIN},
                                     {"Ö", "3011", "", "P", 202504, "budget", INT64_MAX}};
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), expected);
}

TEST_P(StoreContract, ResavingIsIdempotentAndAChangedFileReplacesItsCells) {
  auto store = open();
  const ImportSummary first = summary(SourceKind::Huvudbok, "huvudbok.csv", "aa");
  store->saveCubeImport(first, ledgerCube(), {});
  store->saveCubeImport(first, ledgerCube(), {});
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), kLedger2025);
  EXPECT_EQ(store->importLog().size(), 1u);

  Cube changed;
  changed.add("Äldreomsorg", "4560", "Särskilt boende", "", Period(2025, 1), Measure::Utfall, 700);
  changed.add("Äldreomsorg", "4560", "Särskilt boende", "", Period(2025, 3), Measure::Utfall, 300);
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "bb"), changed, {});

  const std::vector<Row> expected = {
      {"Äldreomsorg", "4560", "Särskilt boende", "", 202501, "utfall", 700},
      {"Äldreomsorg", "4560", "Särskilt boende", "", 202503, "utfall", 300},
  };
  EXPECT_EQ(rowsOf(store->loadCube(kYear2025)), expected);
  EXPECT_TRUE(store->loadCube(PeriodRange::wholeYear(2024)).empty());
  EXPECT_FALSE(store->hasImport(SourceKind::Huvudbok, "aa"));
  EXPECT_TRUE(store->hasImport(SourceKind::Huvudbok, "bb"));
  EXPECT_FALSE(store->hasImport(SourceKind::Budget, "bb"));
  EXPECT_EQ(store->importLog().size(), 1u);
}

TEST_P(StoreContract, PrognosKeepsBothVariantsTextsAndEmptySnapshots) {
  auto store = open();
  const std::vector<PrognosEntry> august = {
      prognos("Äldreomsorg", 123'456'700, "Ökade kostnader för\tinhyrd personal",
              "Rekrytering\nav sjuksköterskor"),
      avvikelse("Hemtjänst Östra", -2'500'000'00, "Fler beviljade timmar \\N"),
      avvikelse("IFO", 0),
      prognos("LSS", -1),
  };
  const std::vector<PrognosEntry> october = {avvikelse("IFO", 75'000'00, "", "Översyn")};
  store->savePrognosImport(
      summary(SourceKind::Prognos, "prognos.csv", "pp"),
      {{Period(2025, 10), october}, {Period(2025, 8), august}, {Period(2025, 5), {}}});

  EXPECT_EQ(store->prognosPeriods(),
            (std::vector<Period>{Period(2025, 5), Period(2025, 8), Period(2025, 10)}));
  expectSameEntries(store->loadPrognosSnapshot(Period(2025, 8))->entries, august);
  expectSameEntries(store->loadPrognosSnapshot(Period(2025, 10))->entries, october);
  const auto may = store->loadPrognosSnapshot(Period(2025, 5));
  ASSERT_TRUE(may.has_value());
  EXPECT_TRUE(may->entries.empty());
  EXPECT_FALSE(store->loadPrognosSnapshot(Period(2025, 9)).has_value());
}

TEST_P(StoreContract, LatestSavedPrognosFileWinsForAMonth) {
  auto store = open();
  const std::vector<PrognosEntry> first = {prognos("IFO", 100)};
  const std::vector<PrognosEntry> second = {prognos("IFO", 200), prognos("LSS", 300)};
  store->savePrognosImport(summary(SourceKind::Prognos, "prognos-a.csv", "a1"),
                           {{Period(2025, 8), first}, {Period(2025, 9), first}});
  store->savePrognosImport(summary(SourceKind::Prognos, "prognos-b.csv", "b1"),
                           {{Period(2025, 8), second}});
  expectSameEntries(store->loadPrognosSnapshot(Period(2025, 8))->entries, second);
  expectSameEntries(store->loadPrognosSnapshot(Period(2025, 9))->entries, first);

  const std::vector<PrognosEntry> corrected = {avvikelse("IFO", -50)};
  store->savePrognosImport(summary(SourceKind::Prognos, "prognos-a.csv", "a2"),
                           {{Period(2025, 8), corrected}});
  expectSameEntries(store->loadPrognosSnapshot(Period(2025, 8))->entries, corrected);
  EXPECT_FALSE(store->loadPrognosSnapshot(Period(2025, 9)).has_value());
  EXPECT_EQ(store->prognosPeriods(), std::vector<Period>{Period(2025, 8)});
}

TEST_P(StoreContract, ImportLogListsKindThenPathWithEverythingSaved) {
  auto store = open();
  ImportSummary ledger = summary(SourceKind::Huvudbok, "ekonomi/huvudbok.csv", "h1");
  ledger.rowsRead = 10;
  ledger.rowsAccepted = 8;
  ledger.acceptedOre = -12'345'678'901'234;
  ledger.rejectedOre = 4'200;
  ledger.rejected = {
      {{"ekonomi/huvudbok.csv", 4, "belopp"}, "Beloppet ”12,3,4”\tgår inte att läsa"},
      {{"ekonomi/huvudbok.csv", 9, ""}, "För få kolumner"}};
  ledger.periodTotals = {{202501, 5, 100}, {202502, 3, -12'345'678'901'334}};
  ledger.warnings = {"Två identiska rader (rad 3 och 7)"};
  ledger.notes = {"Utfallet kommer från #TRANS", "Andra anteckningen"};
  ImportSummary budget = summary(SourceKind::Budget, "budget.csv", "b1");
  budget.rowsRead = 3;
  budget.rowsAccepted = 3;
  budget.acceptedOre = 9'000'000'000'000'000'000;
  ImportSummary prognosFile = summary(SourceKind::Prognos, "prognos.csv", "p1");
  prognosFile.rowsRead = 1;
  prognosFile.rejected = {{{"prognos.csv", 2, "prognosperiod"}, "Perioden saknas"}};
  ImportSummary hrFile = summary(SourceKind::Hr, "hr.csv", "r1");

  store->saveHrImport(hrFile, {});
  store->savePrognosImport(prognosFile, {});
  store->saveCubeImport(ledger, Cube{}, {});
  store->saveCubeImport(budget, Cube{}, {});
  store->saveCubeImport(summary(SourceKind::Huvudbok, "arkiv/huvudbok-2024.csv", "h0"), Cube{}, {});

  const std::vector<ImportSummary> log = store->importLog();
  ASSERT_EQ(log.size(), 5u);
  EXPECT_EQ(log[0].sourcePath, "arkiv/huvudbok-2024.csv");
  EXPECT_EQ(log[1].sourcePath, "ekonomi/huvudbok.csv");
  EXPECT_EQ(log[2].sourcePath, "budget.csv");
  EXPECT_EQ(log[3].sourcePath, "prognos.csv");
  EXPECT_EQ(log[4].sourcePath, "hr.csv");
  EXPECT_EQ(log[4].kind, SourceKind::Hr);

  const ImportSummary& l = log[1];
  EXPECT_EQ(l.kind, SourceKind::Huvudbok);
  EXPECT_EQ(l.fileHash, "h1");
  EXPECT_EQ(std::tie(l.rowsRead, l.rowsAccepted, l.acceptedOre, l.rejectedOre),
            std::make_tuple(std::int64_t{10}, std::int64_t{8}, std::int64_t{-12'345'678'901'234},
                            std::int64_t{4'200}));
  ASSERT_EQ(l.rejected.size(), 2u);
  EXPECT_EQ(l.rejected[0].where.file, "ekonomi/huvudbok.csv");
  EXPECT_EQ(l.rejected[0].where.line, 4);
  EXPECT_EQ(l.rejected[0].where.column, "belopp");
  EXPECT_EQ(l.rejected[0].reason, "Beloppet ”12,3,4”\tgår inte att läsa");
  EXPECT_EQ(l.rejected[1].where.line, 9);
  EXPECT_EQ(l.rejected[1].where.column, "");
  ASSERT_EQ(l.periodTotals.size(), 2u);
  EXPECT_EQ(l.periodTotals[1].period, 202502);
  EXPECT_EQ(l.periodTotals[1].rows, 3);
  EXPECT_EQ(l.periodTotals[1].ore, -12'345'678'901'334);
  EXPECT_EQ(l.warnings, std::vector<std::string>{"Två identiska rader (rad 3 och 7)"});
  EXPECT_EQ(l.notes,
            (std::vector<std::string>{"Utfallet kommer från #TRANS", "Andra anteckningen"}));
  EXPECT_EQ(log[2].acceptedOre, 9'000'000'000'000'000'000);
  ASSERT_EQ(log[3].rejected.size(), 1u);
  EXPECT_EQ(log[3].rejected[0].reason, "Perioden saknas");
}

TEST_P(StoreContract, HoursAreSummedWithinTheRangeAndReplacedWithTheirFile) {
  auto store = open();
  HrTable payroll;
  payroll[hrKey("2110", 2025, 1, HrKind::Overtid)] = {12'25, 4'532'50};
  payroll[hrKey("2110", 2025, 1, HrKind::Timavlonad)] = {310'00, 0};
  payroll[hrKey("Hemtjänst Östra", 2025, 2, HrKind::EjTillsatt)] = {-3'50, 0};
  payroll[hrKey("2110", 2024, 12, HrKind::Overtid)] = {99'00, 1};
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

  HrTable corrected;
  corrected[hrKey("2110", 2025, 1, HrKind::Overtid)] = {1'00, 2'00};
  store->saveHrImport(summary(SourceKind::Hr, "hr-bemanning.csv", "h3"), corrected);
  const std::vector<HrRow> after = {
      {"2110", 202501, "overtid", 12'25 + 1'00, 4'532'50 + 2'00},
      {"2110", 202501, "timavlonad", 310'00, 0},
      {"Hemtjänst Östra", 202502, "ej_tillsatt", -3'50, 0},
  };
  EXPECT_EQ(rowsOf(store->loadHr(kYear2025)), after);
}

LedgerTransaction transaction(const std::string& ansvar, int month, std::int64_t ore,
                              const std::string& vernr) {
  return LedgerTransaction{Period(2025, month),
                           ansvar,
                           "4610",
                           "511",
                           "P-åtta",
                           "2025-0" + std::to_string(month) + "-15",
                           vernr,
                           "Köpt plats,\tÖsby\nvårdhem \\",
                           "LEV 4711",
                           ore};
}

std::vector<std::string> vernrsOf(const std::vector<LedgerTransaction>& rows) {
  std::vector<std::string> vernrs;
  for (const LedgerTransaction& row : rows) vernrs.push_back(row.ansvar + ":" + row.vernr);
  return vernrs;
}

TEST_P(StoreContract, LargestRowsPerAnsvarAcrossFilesTiesToTheEarlierImport) {
  auto store = open();
  const std::vector<LedgerTransaction> rows = {
      transaction("2210", 3, 100'00, "a1"),   transaction("2110", 3, -900'00, "b1"),
      transaction("2110", 3, 50'00, "b2"),    transaction("2110", 3, 900'00, "b3"),
      transaction("2110", 3, 1'000'00, "b4"), transaction("2110", 4, 5'000'00, "b5"),
      transaction("2210", 3, 300'00, "a2"),
  };
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "aa"), ledgerCube(),
                        KeptTransactions::of(rows));
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok-rattelser.csv", "bb"), Cube{},
                        KeptTransactions::of({transaction("2110", 3, 900'00, "c1"),
                                              transaction("2210", 3, 200'00, "c2")}));

  EXPECT_EQ(
      vernrsOf(store->loadLargestTransactions(Period(2025, 3), 3)),
      (std::vector<std::string>{"2110:b4", "2110:b1", "2110:b3", "2210:a2", "2210:c2", "2210:a1"}));
  EXPECT_EQ(store->loadLargestTransactions(Period(2025, 3), 50).size(), 8u);
  EXPECT_TRUE(store->loadLargestTransactions(Period(2025, 5), 50).empty());

  const auto april = store->loadLargestTransactions(Period(2025, 4), 50);
  ASSERT_EQ(april.size(), 1u);
  const LedgerTransaction& row = april[0];
  EXPECT_EQ(std::tie(row.ansvar, row.konto, row.verksamhet, row.projekt, row.datum, row.vernr,
                     row.text, row.motpart, row.ore),
            std::make_tuple(std::string("2110"), std::string("4610"), std::string("511"),
                            std::string("P-åtta"), std::string("2025-04-15"), std::string("b5"),
                            std::string("Köpt plats,\tÖsby\nvårdhem \\"), std::string("LEV 4711"),
                            std::int64_t{5'000'00}));

  // The corrected file replaces its rows.
  store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok-rattelser.csv", "cc"), Cube{}, {});
  EXPECT_EQ(vernrsOf(store->loadLargestTransactions(Period(2025, 3), 1)),
            (std::vector<std::string>{"2110:b4", "2210:a2"}));
}

TEST_P(StoreContract, AReopenedStoreHasEverything) {
  {
    auto store = open();
    store->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "aa"), ledgerCube(), {});
    store->savePrognosImport(summary(SourceKind::Prognos, "prognos.csv", "pp"),
                             {{Period(2025, 8), {prognos("IFO", 42, "Åtgärdsplan")}}});
  }
  auto reopened = open();
  EXPECT_EQ(rowsOf(reopened->loadCube(kYear2025)), kLedger2025);
  EXPECT_TRUE(reopened->hasImport(SourceKind::Huvudbok, "aa"));
  expectSameEntries(reopened->loadPrognosSnapshot(Period(2025, 8))->entries,
                    {prognos("IFO", 42, "Åtgärdsplan")});
  EXPECT_EQ(reopened->importLog().size(), 2u);
}

// On a shared server, two nämnder with files of the same name see only their own.
TEST_P(StoreContract, ScopesOnOneServerAreApart) {
  if (!shared()) GTEST_SKIP() << "en SQLite-fil är en nämnds eget lager";
  auto north = open("norr");
  auto south = open("soder");
  north->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "aa"), ledgerCube(),
                        KeptTransactions::of({transaction("2110", 3, 1, "n1")}));
  Cube southCube;
  southCube.add("IFO", "4010", "", "", Period(2025, 1), Measure::Utfall, 3);
  south->saveCubeImport(summary(SourceKind::Huvudbok, "huvudbok.csv", "bb"), southCube, {});
  south->savePrognosImport(summary(SourceKind::Prognos, "prognos.csv", "pp"),
                           {{Period(2025, 8), {prognos("IFO", 1)}}});

  EXPECT_EQ(rowsOf(north->loadCube(kYear2025)), kLedger2025);
  const std::vector<Row> southRows = {{"IFO", "4010", "", "", 202501, "utfall", 3}};
  EXPECT_EQ(rowsOf(south->loadCube(kYear2025)), southRows);
  EXPECT_TRUE(north->hasImport(SourceKind::Huvudbok, "aa"));
  EXPECT_FALSE(south->hasImport(SourceKind::Huvudbok, "aa"));
  EXPECT_EQ(north->importLog().size(), 1u);
  EXPECT_EQ(south->importLog().size(), 2u);
  EXPECT_TRUE(north->prognosPeriods().empty());
  EXPECT_TRUE(south->loadLargestTransactions(Period(2025, 3), 10).empty());
  EXPECT_EQ(north->loadLargestTransactions(Period(2025, 3), 10).size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, StoreContract,
                         ::testing::Values(Engine{"sqlite", nullptr},
                                           Engine{"postgresql", "NAMND_TEST_POSTGRESQL"},
                                           Engine{"clickhouse", "NAMND_TEST_CLICKHOUSE"}),
                         engineName);

}  // namespace
}  // namespace namnd
