// The monthly prognosis round trip on the Färgelanda fixture (notes 002, oracle O1): `namnd
// prognosunderlag` writes a workbook per verksamhetsområde, the test fills some in (every cell
// read back through the XLSX reader and written again with input cells typed over, as a user's
// Excel would save it), the reader imports them as the month's snapshot, and next month's
// underlag shows the prognosis and carries the comments. Expected amounts are the oracle's kr
// values or arithmetic written here.

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/errors.hpp"
#include "core/run_config.hpp"
#include "ingest/org_reader.hpp"
#include "ingest/prognosunderlag_reader.hpp"
#include "ingest/table/open_source.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"
#include "support/xlsx_fill.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::XlsxEdit;
using Rows = std::vector<std::vector<XlsxCell>>;

constexpr std::int64_t kKr = 100;

std::string configJson(const std::string& split) {
  return R"({
  "kommun": "Färgelanda kommun",
  "publicerbara_kolumner": ["huvudbok.text", "prognos.kommentar", "prognos.atgard"],
  "namnd": "Socialnämnden",
  "forvaltning": "Sektor omsorg",
  "forfattare": "Testfall prognosunderlag",
  "lager": "sqlite:lager/namnd.sqlite",
  "utdata": "ut",
  "mallar": ")" +
         testing::repoPath("templates").string() + R"(",
  "org": {"fil": "org.csv", "nivaer": ["Nämnd", "Verksamhetsområde", "Enhet"], "rapportniva": 2},
  "kontoplan": "kontoplan.csv",
  "huvudbok": ["huvudbok-2025.csv"],
  "budget": [{"fil": "budget-2025.csv", "periodisering": "linjar"}],
  "prognosunderlag": {"niva": 2, "uppdelning": ")" +
         split + R"("}
})";
}

std::string text(const Rows& rows, int row1, int col) {
  const auto r = static_cast<std::size_t>(row1 - 1);
  if (r >= rows.size() || static_cast<std::size_t>(col) >= rows[r].size()) return {};
  return rows[r][static_cast<std::size_t>(col)].text;
}

// The 1-based row whose column A holds `code` (0 when none).
int rowOf(const Rows& rows, const std::string& code) {
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (!rows[i].empty() && rows[i][0].type == XlsxCell::Type::Text && rows[i][0].text == code)
      return static_cast<int>(i + 1);
  return 0;
}

// Column letters of the layout (A = ansvar … N = åtgärd).
enum Col { A, B, C, D, E, F, G, H, I, J, K, L, M, N };

class PrognosunderlagRoundTrip : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::copyFixture("fargelanda", dir.path());
    fs::remove(dir / "prognos-2025.csv");  // the snapshots here come from the underlag only
    testing::writeFile(dir / "namnd.json", configJson("per_enhet"));
  }
  testing::RunResult underlag(const std::string& period) {
    return testing::runNamnd(
        {"prognosunderlag", "--config", (dir / "namnd.json").string(), "--period", period});
  }
  fs::path written(const std::string& period, const std::string& unit) {
    return dir / "ut" / "prognosunderlag" / period /
           ("prognosunderlag-" + period + "-" + unit + ".xlsx");
  }
  OrgTree org() {
    const RunConfig config = loadRunConfig(dir / "namnd.json");
    return readOrgTree(*openTabularSource(config.org));
  }
  PrognosImport import(const fs::path& input, const std::string& displayName) {
    const SourceFile hash = hashPrognosunderlag(input, displayName);
    return readPrognosunderlag(input, displayName, hash.sha256, org(), "Färgelanda kommun");
  }
  // Fills `unit`'s workbook of `period` into dir/ifyllt/<same name>.
  fs::path fill(const std::string& period, const std::string& unit,
                const std::vector<XlsxEdit>& edits) {
    const fs::path target = dir / "ifyllt" / written(period, unit).filename();
    fs::create_directories(target.parent_path());
    testing::writeFilledCopy(written(period, unit), target, edits);
    return target;
  }
  std::vector<Period> loadStorePrognosPeriods() {
    const RunConfig config = loadRunConfig(dir / "namnd.json");
    return openStore(config.storeUri)->prognosPeriods();
  }
  TempDir dir;
};

TEST_F(PrognosunderlagRoundTrip, WritesAWorkbookPerAreaWithTheOracleKronor) {
  const auto run = underlag("202510");
  ASSERT_EQ(run.exitCode, 0) << run.output;
  for (const std::string unit : {"NAM", "SEK", "OMK", "ALD", "KPV", "IFO", "ESS"})
    EXPECT_TRUE(fs::exists(written("202510", unit))) << unit;
  EXPECT_EQ(testing::entriesIn(dir / "ut" / "prognosunderlag" / "202510"), 7);

  const fs::path kpv = written("202510", "KPV");
  ASSERT_EQ(testing::sheetNames(kpv), std::vector<std::string>{"KPV Kommunal primärvård"});
  const Rows rows = testing::readSheet(kpv);
  EXPECT_EQ(text(rows, 1, A), "Prognosunderlag Kommunal primärvård – Oktober 2025");
  // The identification block the reader checks.
  EXPECT_EQ(text(rows, 5, A), "Kommun");
  EXPECT_EQ(text(rows, 5, B), "Färgelanda kommun");
  EXPECT_EQ(text(rows, 6, B), "202510");
  EXPECT_EQ(text(rows, 7, B), "KPV");
  EXPECT_EQ(text(rows, 8, B), "namnd-prognosunderlag 2");
  EXPECT_EQ(text(rows, 9, B), "ingen");

  // KPV is one ansvar (3100), so its row carries oracle O1's KPV kronor exactly: ack utfall
  // 20 208 100, ack budget 19 159 200, avvikelse −1 048 900, budget helår 22 991 000. The budget
  // is even (22 991 000 × 10/12 = 19 159 166,67), so the proposal is the straight line
  // −1 048 900 × 12/10 = −1 258 680.
  // The header row, then KPV's unit row (the prognosis for KPV as a whole), then 3100.
  const int r = rowOf(rows, "3100");
  ASSERT_GT(r, 0);
  EXPECT_EQ(text(rows, r - 2, A), "Ansvar");
  EXPECT_EQ(text(rows, r - 2, K), "Ny prognos: avvikelse helår (kr)");
  EXPECT_EQ(text(rows, r - 2, L), "Ny prognos: helårsutfall (kr)");
  EXPECT_EQ(text(rows, r - 1, A), "KPV");
  EXPECT_EQ(text(rows, r - 1, B), "Hela enheten (prognos för enheten som helhet)");
  EXPECT_EQ(text(rows, r - 1, C), "20208100");  // the unit's figures: here its one ansvar's
  EXPECT_EQ(text(rows, r - 1, I), "-1258680");
  EXPECT_EQ(text(rows, r, B), "Hemsjukvård");
  const std::vector<std::pair<int, std::string>> amounts = {
      {C, "20208100"}, {D, "19159200"}, {E, "-1048900"}, {F, "22991000"}, {I, "-1258680"}};
  for (const auto& [col, value] : amounts) {
    EXPECT_EQ(rows[r - 1][col].type, XlsxCell::Type::Number) << col;
    EXPECT_EQ(text(rows, r, col), value) << col;
  }
  EXPECT_EQ(text(rows, r, J), "linjär framskrivning");
  EXPECT_EQ(text(rows, r, G), "");  // no previous prognosis
  EXPECT_EQ(text(rows, r, K), "");  // input cells start empty
  EXPECT_EQ(text(rows, r, L), "");

  // ESS (5100): ack 23 150 125 / 21 813 250, helår 25 948 000 (0,73 % off even: still linear):
  // −1 336 875 × 12/10 = −1 604 250.
  const Rows ess = testing::readSheet(written("202510", "ESS"));
  const int e = rowOf(ess, "5100");
  ASSERT_GT(e, 0);
  EXPECT_EQ(text(ess, e, C), "23150125");
  EXPECT_EQ(text(ess, e, D), "21813250");
  EXPECT_EQ(text(ess, e, I), "-1604250");
  // Äldreomsorg's two ansvar add up to its O1 row: 73 308 100 and 69 757 200, in the sum row
  // (a formula with its value), two rows below the last ansvar. The unit row above the ansvar
  // shows the same totals; the sum adds the ansvar rows only, so they are not counted twice.
  const Rows ald = testing::readSheet(written("202510", "ALD"));
  const int hemtjanst = rowOf(ald, "2200");
  ASSERT_EQ(rowOf(ald, "2100"), hemtjanst - 1);
  ASSERT_EQ(rowOf(ald, "ALD"), hemtjanst - 2);
  EXPECT_EQ(text(ald, hemtjanst - 2, C), "73308100");
  EXPECT_EQ(text(ald, hemtjanst + 2, A), "Summa Äldreomsorg");
  EXPECT_EQ(text(ald, hemtjanst + 2, C), "73308100");
  EXPECT_EQ(text(ald, hemtjanst + 2, D), "69757200");
  EXPECT_TRUE(testing::contains(
      testing::packagePart(written("202510", "ALD"), "xl/worksheets/sheet1.xml"),
      "<f>SUM(C" + std::to_string(hemtjanst - 1) + ":C" + std::to_string(hemtjanst) + ")</f>"));
}

// Only the input cells are editable: their style has locked="0", the amount cells' does not,
// the sheet is protected, and K and L take numbers only (on the unit row and the ansvar rows).
TEST_F(PrognosunderlagRoundTrip, OnlyTheInputCellsAreUnlocked) {
  ASSERT_EQ(underlag("202510").exitCode, 0);
  const fs::path ald = written("202510", "ALD");
  const Rows rows = testing::readSheet(ald);
  const int unitRow = rowOf(rows, "ALD");
  const int r = rowOf(rows, "2100");
  const int last = rowOf(rows, "2200");
  ASSERT_GT(r, 0);
  ASSERT_EQ(unitRow, r - 1);
  const std::string sheet = testing::packagePart(ald, "xl/worksheets/sheet1.xml");
  const std::string styles = testing::packagePart(ald, "xl/styles.xml");
  EXPECT_TRUE(testing::contains(sheet, "<sheetProtection"));
  EXPECT_TRUE(testing::contains(sheet, "type=\"decimal\""));
  for (const std::string col : {"K", "L"})
    EXPECT_TRUE(testing::contains(sheet, "sqref=\"" + col + std::to_string(unitRow) + ":" + col +
                                             std::to_string(last) + "\""))
        << col;

  // The <xf> of cellXfs at the index a cell's s="…" names.
  const auto xfOf = [&](const std::string& cell) -> std::string {
    const std::string marker = "<c r=\"" + cell + "\" s=\"";
    const std::size_t at = sheet.find(marker);
    if (at == std::string::npos) return "(cell " + cell + " has no style)";
    const int index = std::stoi(sheet.substr(at + marker.size()));
    std::size_t pos = styles.find("<cellXfs");
    for (int i = 0; i <= index; ++i) pos = styles.find("<xf ", pos + 1);
    const std::size_t end = std::min(styles.find("<xf ", pos + 1), styles.find("</cellXfs>", pos));
    return styles.substr(pos, end - pos);
  };
  const std::string row = std::to_string(r);
  for (const std::string col : {"K", "L", "M", "N"}) {
    EXPECT_TRUE(testing::contains(xfOf(col + row), "locked=\"0\""))
        << col << ": " << xfOf(col + row);
    const std::string unitCell = col + std::to_string(unitRow);
    EXPECT_TRUE(testing::contains(xfOf(unitCell), "locked=\"0\"")) << unitCell;
  }
  for (const std::string col : {"A", "C", "G", "I"})
    EXPECT_FALSE(testing::contains(xfOf(col + row), "locked=\"0\""))
        << col << ": " << xfOf(col + row);
}

TEST_F(PrognosunderlagRoundTrip, OneWorkbookHoldsASheetPerAreaWithinExcelsNameLimit) {
  testing::writeFile(dir / "namnd.json", configJson("en_bok"));
  ASSERT_EQ(underlag("202510").exitCode, 0);
  const fs::path book = dir / "ut" / "prognosunderlag" / "202510" / "prognosunderlag-202510.xlsx";
  // "ESS Enheten för stöd och service" has 32 characters; Excel allows 31.
  EXPECT_EQ(testing::sheetNames(book),
            (std::vector<std::string>{"NAM Nämndsverksamhet", "SEK Sektorchef omsorg",
                                      "OMK Omsorgskontor", "ALD Äldreomsorg",
                                      "KPV Kommunal primärvård", "IFO Individ- och familjeomsorg",
                                      "ESS Enheten för stöd och servic"}));
  // The reader takes the one workbook just as the folder of files: nothing filled in, no
  // previous prognosis, so nothing to import, but every ansvar row was read.
  const PrognosImport imported = import(book, "prognosunderlag-202510.xlsx");
  ASSERT_EQ(imported.snapshots.size(), 1u);
  EXPECT_EQ(imported.snapshots[0].period, Period(2025, 10));
  EXPECT_TRUE(imported.snapshots[0].entries.empty());
  // 1000 1100 1200 2100 2200 3100 4100 4200 5100, and the 7 unit rows.
  EXPECT_EQ(imported.summary.rowsRead, 16);
}

// The whole cycle through the command line: underlag written, filled in, `namnd import` reads
// the folder the config names, and the månadsrapport shows the new snapshot. A bad workbook
// stops the import with its cell named, and nothing of the folder reaches the store.
TEST_F(PrognosunderlagRoundTrip, NamndImportReadsTheFilledFolderAndTheReportShowsIt) {
  ASSERT_EQ(underlag("202510").exitCode, 0);
  const Rows ald = testing::readSheet(written("202510", "ALD"));
  const std::string sabo = std::to_string(rowOf(ald, "2100"));
  const std::string hemtjanst = std::to_string(rowOf(ald, "2200"));
  for (const std::string unit : {"NAM", "SEK", "OMK", "KPV", "IFO", "ESS"})
    fill("202510", unit, {});
  // First a workbook with text where the deviation belongs.
  fill("202510", "ALD", {{"ALD Äldreomsorg", "K" + sabo, std::string("cirka en miljon")}});
  std::string config = testing::readFile(dir / "namnd.json");
  const std::string budgetLine =
      R"("budget": [{"fil": "budget-2025.csv", "periodisering": "linjar"}],)";
  ASSERT_NE(config.find(budgetLine), std::string::npos);
  config.replace(config.find(budgetLine), budgetLine.size(), budgetLine + R"(
  "prognos": [{"fil": "ifyllt", "format": "prognosunderlag"}],)");
  testing::writeFile(dir / "namnd.json", config);

  const auto refused = testing::runNamnd({"import", "--config", (dir / "namnd.json").string()});
  EXPECT_EQ(refused.exitCode, 1) << refused.output;
  EXPECT_TRUE(testing::contains(refused.output, "cirka en miljon")) << refused.output;
  EXPECT_TRUE(testing::contains(refused.output, "rad " + sabo + ", kolumn K")) << refused.output;
  EXPECT_TRUE(loadStorePrognosPeriods().empty());

  // Corrected: Säbo −300 000 kr, Hemtjänsten −3 000 000 kr as deviations.
  fill("202510", "ALD",
       {{"ALD Äldreomsorg", "K" + sabo, -300000.0},
        {"ALD Äldreomsorg", "K" + hemtjanst, -3000000.0}});
  const auto imported = testing::runNamnd({"import", "--config", (dir / "namnd.json").string()});
  ASSERT_EQ(imported.exitCode, 0) << imported.output;
  EXPECT_EQ(loadStorePrognosPeriods(), std::vector<Period>{Period(2025, 10)});

  const auto report = testing::runNamnd(
      {"manadsrapport", "--config", (dir / "namnd.json").string(), "--period", "202510"});
  ASSERT_EQ(report.exitCode, 0) << report.output;
  const Rows table = testing::readSheet(dir / "ut" / "manadsrapport-202510.xlsx");
  int header = 0;
  for (std::size_t r = 0; r < table.size() && header == 0; ++r)
    for (const XlsxCell& cell : table[r])
      if (cell.text == "Prognos lämnad 202510") header = static_cast<int>(r + 1);
  ASSERT_GT(header, 0) << "no column for the imported snapshot";
  const int aldRow = [&] {
    for (std::size_t r = 0; r < table.size(); ++r)
      if (!table[r].empty() && table[r][0].text == "Äldreomsorg") return static_cast<int>(r + 1);
    return 0;
  }();
  ASSERT_GT(aldRow, 0);
  // (−300 000 − 3 000 000) kr = −3 300 tkr; the other areas carried nothing.
  EXPECT_EQ(text(table, aldRow, B), "-3300");
}

TEST_F(PrognosunderlagRoundTrip, FilledWorkbooksBecomeTheSnapshotAndCommentsCarryForward) {
  ASSERT_EQ(underlag("202510").exitCode, 0);
  const Rows ald = testing::readSheet(written("202510", "ALD"));
  const std::string sabo = std::to_string(rowOf(ald, "2100"));
  const std::string hemtjanst = std::to_string(rowOf(ald, "2200"));
  const std::string kpv =
      std::to_string(rowOf(testing::readSheet(written("202510", "KPV")), "3100"));
  fill("202510", "ALD",
       {{"ALD Äldreomsorg", "K" + sabo, -300000.0},
        {"ALD Äldreomsorg", "M" + sabo, std::string("Höga vikariekostnader")},
        {"ALD Äldreomsorg", "N" + sabo, std::string("Översyn av bemanningen")},
        {"ALD Äldreomsorg", "L" + hemtjanst, 30000000.5},
        {"ALD Äldreomsorg", "M" + hemtjanst, std::string("Fler hemtjänsttimmar")}});
  // The enhetschef for KPV accepts the proposal, typed as text with a space as in Swedish.
  fill("202510", "KPV",
       {{"KPV Kommunal primärvård", "K" + kpv, std::string("-1 258 680")},
        {"KPV Kommunal primärvård", "M" + kpv, std::string("Enligt förslaget")}});
  // The others come back untouched.
  for (const std::string unit : {"NAM", "SEK", "OMK", "IFO", "ESS"}) fill("202510", unit, {});

  const PrognosImport imported = import(dir / "ifyllt", "ifyllt");
  ASSERT_EQ(imported.snapshots.size(), 1u);
  const PrognosSnapshot& snapshot = imported.snapshots[0];
  EXPECT_EQ(snapshot.period, Period(2025, 10));
  ASSERT_EQ(snapshot.entries.size(), 3u);
  // Files are read in name order: ALD, ESS, IFO, KPV, NAM, OMK, SEK.
  EXPECT_EQ(snapshot.entries[0].node, "2100");
  EXPECT_EQ(snapshot.entries[0].avvikelseOre, -300'000 * kKr);
  EXPECT_FALSE(snapshot.entries[0].prognosOre);
  EXPECT_EQ(snapshot.entries[0].kommentar, "Höga vikariekostnader");
  EXPECT_EQ(snapshot.entries[0].atgard, "Översyn av bemanningen");
  EXPECT_EQ(snapshot.entries[1].node, "2200");
  EXPECT_EQ(snapshot.entries[1].prognosOre, 30'000'000 * kKr + 50);
  EXPECT_FALSE(snapshot.entries[1].avvikelseOre);
  EXPECT_EQ(snapshot.entries[1].kommentar, "Fler hemtjänsttimmar");
  EXPECT_EQ(snapshot.entries[1].atgard, "");
  EXPECT_EQ(snapshot.entries[2].node, "3100");
  EXPECT_EQ(snapshot.entries[2].avvikelseOre, -1'258'680 * kKr);
  EXPECT_EQ(imported.summary.kind, SourceKind::Prognos);
  EXPECT_EQ(imported.summary.rowsRead, 16);  // 9 ansvar rows and 7 unit rows
  EXPECT_EQ(imported.summary.rowsAccepted, 3);
  EXPECT_EQ(imported.summary.acceptedOre, (-300'000 + 30'000'000 - 1'258'680) * kKr + 50);

  // Stored as `namnd import` stores a prognos input, then next month's underlag.
  {
    const RunConfig config = loadRunConfig(dir / "namnd.json");
    openStore(config.storeUri)->savePrognosImport(imported.summary, imported.snapshots);
  }
  ASSERT_EQ(underlag("202511").exitCode, 0);
  const Rows next = testing::readSheet(written("202511", "ALD"));
  EXPECT_EQ(text(next, 1, A), "Prognosunderlag Äldreomsorg – November 2025");
  EXPECT_EQ(text(next, 9, B), "202510");  // föregående prognos lämnad
  const int s = rowOf(next, "2100");
  const int h = rowOf(next, "2200");
  ASSERT_GT(s, 0);
  ASSERT_GT(h, 0);
  EXPECT_EQ(text(next, s, G), "-300000");
  EXPECT_EQ(text(next, s, H), "Höga vikariekostnader");
  EXPECT_EQ(text(next, s, M), "Höga vikariekostnader");  // the input cell, pre-filled
  EXPECT_EQ(text(next, s, N), "Översyn av bemanningen");
  EXPECT_EQ(text(next, s, K), "");
  // Hemtjänsten gave a helårsutfall; it shows as the deviation against its budget helår:
  // 25 550 000 − 30 000 000,50 = −4 450 000,50.
  EXPECT_EQ(text(next, h, F), "25550000");
  EXPECT_EQ(text(next, h, G), "-4450000.5");
  EXPECT_EQ(text(next, h, M), "Fler hemtjänsttimmar");

  // Nobody touches November's ALD sheet: the October prognoses and comments come back as they
  // were (the deviation shown, as a deviation).
  fs::remove_all(dir / "ifyllt");
  fill("202511", "ALD", {});
  const PrognosImport november = import(dir / "ifyllt", "ifyllt");
  ASSERT_EQ(november.snapshots.size(), 1u);
  EXPECT_EQ(november.snapshots[0].period, Period(2025, 11));
  ASSERT_EQ(november.snapshots[0].entries.size(), 2u);
  EXPECT_EQ(november.snapshots[0].entries[0].node, "2100");
  EXPECT_EQ(november.snapshots[0].entries[0].avvikelseOre, -300'000 * kKr);
  EXPECT_EQ(november.snapshots[0].entries[0].kommentar, "Höga vikariekostnader");
  EXPECT_EQ(november.snapshots[0].entries[0].atgard, "Översyn av bemanningen");
  EXPECT_EQ(november.snapshots[0].entries[1].node, "2200");
  EXPECT_EQ(november.snapshots[0].entries[1].kommentar, "Fler hemtjänsttimmar");
  EXPECT_TRUE(testing::contains(november.summary.notes.at(0), "varav 2 med oförändrad"));
}

// Äldreomsorg gives its October prognosis for the unit as a whole (an entry for ALD, as the
// kommun's own prognos export does per enhet): imported as ALD's entry, shown in November on
// ALD's unit row with its comment pre-filled, and carried when nobody touches November's sheet.
TEST_F(PrognosunderlagRoundTrip, APrognosisForTheWholeUnitComesBackOnTheUnitRow) {
  ASSERT_EQ(underlag("202510").exitCode, 0);
  const std::string unitRow =
      std::to_string(rowOf(testing::readSheet(written("202510", "ALD")), "ALD"));
  ASSERT_NE(unitRow, "0");
  fill("202510", "ALD",
       {{"ALD Äldreomsorg", "K" + unitRow, -2000000.0},
        {"ALD Äldreomsorg", "M" + unitRow, std::string("Vikarier i hela äldreomsorgen")},
        {"ALD Äldreomsorg", "N" + unitRow, std::string("Översyn av bemanningen")}});
  for (const std::string unit : {"NAM", "SEK", "OMK", "KPV", "IFO", "ESS"})
    fill("202510", unit, {});
  const PrognosImport october = import(dir / "ifyllt", "ifyllt");
  ASSERT_EQ(october.snapshots.size(), 1u);
  ASSERT_EQ(october.snapshots[0].entries.size(), 1u);
  EXPECT_EQ(october.snapshots[0].entries[0].node, "ALD");
  EXPECT_EQ(october.snapshots[0].entries[0].avvikelseOre, -2'000'000 * kKr);
  {
    const RunConfig config = loadRunConfig(dir / "namnd.json");
    openStore(config.storeUri)->savePrognosImport(october.summary, october.snapshots);
  }

  ASSERT_EQ(underlag("202511").exitCode, 0);
  const Rows next = testing::readSheet(written("202511", "ALD"));
  const int u = rowOf(next, "ALD");
  const int s = rowOf(next, "2100");
  const int h = rowOf(next, "2200");
  ASSERT_GT(u, 0);
  ASSERT_EQ(s, u + 1);
  EXPECT_EQ(text(next, u, B), "Hela enheten (prognos för enheten som helhet)");
  EXPECT_EQ(text(next, u, G), "-2000000");
  EXPECT_EQ(text(next, u, H), "Vikarier i hela äldreomsorgen");
  EXPECT_EQ(text(next, u, M), "Vikarier i hela äldreomsorgen");
  EXPECT_EQ(text(next, u, N), "Översyn av bemanningen");
  EXPECT_EQ(text(next, u, K), "");
  EXPECT_EQ(text(next, s, G), "");  // nothing was given per ansvar
  EXPECT_EQ(text(next, h, G), "");
  // The sum row: the unit's previous prognosis once, the ansvar amounts once.
  EXPECT_EQ(text(next, h + 2, A), "Summa Äldreomsorg");
  EXPECT_EQ(text(next, h + 2, G), "-2000000");
  EXPECT_EQ(text(next, h + 2, C), text(next, u, C));

  fs::remove_all(dir / "ifyllt");
  fill("202511", "ALD", {});
  const PrognosImport november = import(dir / "ifyllt", "ifyllt");
  ASSERT_EQ(november.snapshots.size(), 1u);
  ASSERT_EQ(november.snapshots[0].entries.size(), 1u);
  const PrognosEntry& carried = november.snapshots[0].entries[0];
  EXPECT_EQ(carried.node, "ALD");
  EXPECT_EQ(carried.avvikelseOre, -2'000'000 * kKr);
  EXPECT_EQ(carried.kommentar, "Vikarier i hela äldreomsorgen");
  EXPECT_EQ(carried.atgard, "Översyn av bemanningen");
}

// ---- What the import refuses: each error names file, sheet, row and column, and nothing of
// the import comes back (a folder with one bad workbook among good ones throws as a whole). ----

class PrognosunderlagRefused : public PrognosunderlagRoundTrip {
 protected:
  void SetUp() override {
    PrognosunderlagRoundTrip::SetUp();
    ASSERT_EQ(underlag("202510").exitCode, 0);
    row = std::to_string(rowOf(testing::readSheet(written("202510", "ALD")), "2100"));
    // A good workbook before the bad one in name order.
    fill("202510", "ESS", {});
  }
  // The message of the error importing ifyllt/ with ALD filled with `edits`.
  std::string refused(const std::vector<XlsxEdit>& edits) {
    fill("202510", "ALD", edits);
    const auto error = testing::thrown<InputError>([&] { import(dir / "ifyllt", "ifyllt"); });
    return error ? error->what() : "(imported without error)";
  }
  static constexpr const char* kSheet = "ALD Äldreomsorg";
  const std::string where = "ifyllt/prognosunderlag-202510-ALD.xlsx [ALD Äldreomsorg]";
  std::string row;
};

TEST_F(PrognosunderlagRefused, TextWhereANumberBelongs) {
  EXPECT_EQ(refused({{kSheet, "K" + row, std::string("tolv tusen")}}),
            where + " rad " + row +
                ", kolumn K (avvikelse helår): \"tolv tusen\" är inte ett belopp i kronor: inte "
                "ett tal (en siffra väntades)");
}

TEST_F(PrognosunderlagRefused, BothPrognosisCellsFilled) {
  EXPECT_EQ(refused({{kSheet, "K" + row, -1.0}, {kSheet, "L" + row, 5.0}}),
            where + " rad " + row +
                ", kolumn K och L: både avvikelse och helårsutfall är ifyllda; fyll i bara en av "
                "dem");
}

TEST_F(PrognosunderlagRefused, PrognosisForTheUnitAndAnAnsvar) {
  const std::string unitRow = std::to_string(std::stoi(row) - 1);
  EXPECT_EQ(refused({{kSheet, "K" + unitRow, -1.0}, {kSheet, "L" + row, 5.0}}),
            where + " rad " + unitRow +
                ", kolumn K (avvikelse helår): prognos är ifylld både för hela enheten (rad " +
                unitRow + ") och för ansvar 2100 (rad " + row +
                "); ange prognosen antingen per ansvar eller för hela enheten");
}

TEST_F(PrognosunderlagRefused, UnitNotInTheOrganisation) {
  EXPECT_EQ(refused({{kSheet, "B7", std::string("XYZ")}}),
            where + " rad 7, kolumn B: enheten \"XYZ\" finns inte i organisationen 202510");
}

TEST_F(PrognosunderlagRefused, AnsvarOfAnotherUnit) {
  EXPECT_EQ(refused({{kSheet, "A" + row, std::string("4100")}}),
            where + " rad " + row +
                ", kolumn A (ansvar): ansvar \"4100\" hör inte till enheten ALD Äldreomsorg");
}

TEST_F(PrognosunderlagRefused, AnotherKommun) {
  EXPECT_EQ(refused({{kSheet, "B5", std::string("Vänersborgs kommun")}}),
            where +
                " rad 5, kolumn B: underlaget gäller \"Vänersborgs kommun\", inte Färgelanda "
                "kommun");
}

TEST_F(PrognosunderlagRefused, AnotherPeriodThanTheOtherWorkbooks) {
  EXPECT_EQ(refused({{kSheet, "B6", std::string("202509")}}),
            "ifyllt/prognosunderlag-202510-ESS.xlsx [ESS Enheten för stöd och servic] rad 6, "
            "kolumn B: underlaget gäller 202510, men " +
                where + " gäller 202509; en inläsning tar underlag för en enda månad");
}

TEST_F(PrognosunderlagRefused, MissingIdentificationBlock) {
  EXPECT_EQ(refused({{kSheet, "A8", std::monostate{}}, {kSheet, "B8", std::monostate{}}}),
            where +
                ": bladet är inte ett prognosunderlag från namnd prognosunderlag "
                "(uppgifterna för inläsning i A5:B9 saknas)");
}

// Format 1, the one before the unit row, is refused as any other.
TEST_F(PrognosunderlagRefused, AnOlderFormat) {
  EXPECT_EQ(refused({{kSheet, "B8", std::string("namnd-prognosunderlag 1")}}),
            where +
                " rad 8, kolumn B: formatet \"namnd-prognosunderlag 1\" kan inte läsas; skriv "
                "ett nytt underlag med namnd prognosunderlag (format \"namnd-prognosunderlag "
                "2\")");
}

TEST_F(PrognosunderlagRefused, CommentWithoutAnyPrognosis) {
  EXPECT_EQ(refused({{kSheet, "M" + row, std::string("Vet inte än")}}),
            where + " rad " + row +
                ", kolumn K (avvikelse helår): kommentar eller åtgärd utan prognos; fyll i "
                "avvikelse eller helårsutfall för ansvaret, annars går texten förlorad");
}

TEST_F(PrognosunderlagRefused, AWorkbookNotWrittenByTheTool) {
  // The month's ledger export, saved as a workbook by someone, dropped into the folder.
  testing::writeFilledCopy(written("202510", "KPV"), dir / "ifyllt" / "annat.xlsx",
                           {{"KPV Kommunal primärvård", "A5", std::string("Huvudbok")}});
  const auto error = testing::thrown<InputError>([&] { import(dir / "ifyllt", "ifyllt"); });
  ASSERT_TRUE(error);
  EXPECT_EQ(std::string(error->what()),
            "ifyllt/annat.xlsx [KPV Kommunal primärvård]: bladet är inte ett prognosunderlag från "
            "namnd prognosunderlag (uppgifterna för inläsning i A5:B9 saknas)");
}

TEST_F(PrognosunderlagRefused, TheSameUnitTwice) {
  fill("202510", "ALD", {{kSheet, "K" + row, -1.0}});
  fs::copy_file(dir / "ifyllt" / "prognosunderlag-202510-ALD.xlsx",
                dir / "ifyllt" / "prognosunderlag-202510-ALD-kopia.xlsx");
  const auto error = testing::thrown<InputError>([&] { import(dir / "ifyllt", "ifyllt"); });
  ASSERT_TRUE(error);
  EXPECT_EQ(std::string(error->what()),
            "ifyllt/prognosunderlag-202510-ALD.xlsx [ALD Äldreomsorg] rad 7, kolumn B: enheten "
            "ALD finns redan i ifyllt/prognosunderlag-202510-ALD-kopia.xlsx [ALD Äldreomsorg]");
}

// The folder's fingerprint follows its workbooks: the same bytes give the same hash, a changed
// or added workbook another.
TEST_F(PrognosunderlagRefused, FolderHashFollowsItsWorkbooks) {
  fill("202510", "ALD", {});
  const std::string before = hashPrognosunderlag(dir / "ifyllt", "ifyllt").sha256;
  EXPECT_EQ(hashPrognosunderlag(dir / "ifyllt", "ifyllt").sha256, before);
  EXPECT_EQ(before.size(), 64u);
  testing::writeFile(dir / "ifyllt" / "~$prognosunderlag-202510-ALD.xlsx", "Excel lock file");
  EXPECT_EQ(hashPrognosunderlag(dir / "ifyllt", "ifyllt").sha256, before);  // not a workbook
  fill("202510", "ALD", {{kSheet, "K" + row, -1.0}});
  const std::string changed = hashPrognosunderlag(dir / "ifyllt", "ifyllt").sha256;
  EXPECT_NE(changed, before);
  fill("202510", "KPV", {});
  EXPECT_NE(hashPrognosunderlag(dir / "ifyllt", "ifyllt").sha256, changed);
}

}  // namespace
}  // namespace namnd
