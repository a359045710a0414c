#include "reports/prognosunderlag/prognosunderlag_builder.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "ingest/prognosunderlag_reader.hpp"
#include "render/xlsx/prognosunderlag_workbook.hpp"
#include "render/xlsx/xlsx_workbook.hpp"
#include "support/test_support.hpp"
#include "support/xlsx_fill.hpp"

namespace namnd {
namespace {

constexpr std::int64_t kKr = 100;

// SN → AO (A1, A2; amounts also booked on AO itself), IFO (A3: no amounts, a previous
// prognosis), KUL (K1: nothing at all).
OrgTree exampleTree() {
  OrgTree tree;
  tree.add({"SN", "Socialnämnden", "", 1, 1, {}});
  tree.add({"AO", "Äldreomsorg", "SN", 2, 1, {}});
  tree.add({"IFO", "Individ- och familjeomsorg", "SN", 2, 2, {}});
  tree.add({"KUL", "Kultur", "SN", 2, 3, {}});
  tree.add({"A1", "Hemtjänst", "AO", 3, 1, {}});
  tree.add({"A2", "Särskilt boende", "AO", 3, 2, {}});
  tree.add({"A3", "Försörjningsstöd", "IFO", 3, 1, {}});
  tree.add({"K1", "Bibliotek", "KUL", 3, 1, {}});
  tree.validate();
  return tree;
}

Cube exampleCube() {
  Cube cube;
  const auto add = [&](std::string_view ansvar, int month, Measure measure, std::int64_t ore) {
    cube.add(ansvar, "5011", "", "", Period(2025, month), measure, ore);
  };
  for (int month = 1; month <= 12; ++month) add("A1", month, Measure::Budget, 1'000 * kKr);
  for (int month = 1; month <= 3; ++month) {
    add("A1", month, Measure::Utfall, 1'250 * kKr + 33);  // öre that must survive
    add("A2", month, Measure::Utfall, 100 * kKr);
    add("AO", month, Measure::Utfall, 10 * kKr);
  }
  return cube;
}

PrognosSnapshot previousSnapshot() {
  PrognosSnapshot snapshot{Period(2025, 2), {}};
  snapshot.entries.push_back({"A1", std::nullopt, -5'000 * kKr, "Vikarier", "Färre timmar"});
  snapshot.entries.push_back({"A3", 12'000 * kKr, std::nullopt, "Fler hushåll", ""});
  snapshot.entries.push_back({"KUL", std::nullopt, 7 * kKr, "Hela enheten", ""});  // no row
  return snapshot;
}

ReportTexts texts() {
  return ReportTexts::load(testing::repoPath("templates/text/prognosunderlag.json"));
}

Prognosunderlag build(const OrgTree& tree, const Cube& cube) {
  return buildPrognosunderlag({.kommun = "Testkommun",
                               .namnd = "Socialnämnden",
                               .period = Period(2025, 3),
                               .tree = &tree,
                               .yearCube = &cube,
                               .unitLevel = 2,
                               .choice = ProposalChoice::Auto,
                               .previous = previousSnapshot()},
                              texts());
}

TEST(Prognosunderlag, UnitsAndRows) {
  const OrgTree tree = exampleTree();
  const Cube cube = exampleCube();
  const Prognosunderlag u = build(tree, cube);
  EXPECT_EQ(u.previousPeriod, Period(2025, 2));
  EXPECT_EQ(u.instructions.size(), 5u);
  EXPECT_EQ(u.subtitle, "Socialnämnden, Testkommun. Ack = januari–mars 2025. Belopp i kronor.");
  ASSERT_EQ(u.units.size(), 2u);  // KUL has neither amounts nor a row-level prognosis

  const PrognosunderlagUnit& ao = u.units[0];
  EXPECT_EQ(ao.title, "Prognosunderlag Äldreomsorg – Mars 2025");
  EXPECT_EQ(ao.sumLabel, "Summa Äldreomsorg");
  ASSERT_EQ(ao.rows.size(), 3u);
  // AO itself: the amounts booked directly on it (3 × 10 kr).
  EXPECT_EQ(ao.rows[0].code, "AO");
  EXPECT_EQ(ao.rows[0].figures.ackUtfall, 30 * kKr);
  // A1: ack utfall 3 × 1 250,33, ack budget 3 000, helår 12 000 → avvikelse −750,99; an even
  // budget, so −750,99 × 12/3 = −3 003,96.
  const PrognosunderlagRow& a1 = ao.rows[1];
  EXPECT_EQ(a1.code, "A1");
  EXPECT_EQ(a1.name, "Hemtjänst");
  EXPECT_EQ(a1.figures.ackUtfall, 3'750 * kKr + 99);
  EXPECT_EQ(a1.figures.ackBudget, 3'000 * kKr);
  EXPECT_EQ(a1.figures.helarBudget, 12'000 * kKr);
  EXPECT_EQ(a1.proposal.avvikelseOre, -3'003 * kKr - 96);
  EXPECT_EQ(a1.methodText, "linjär framskrivning");
  EXPECT_EQ(a1.previousAvvikelseOre, -5'000 * kKr);
  EXPECT_EQ(a1.previousKommentar, "Vikarier");
  EXPECT_EQ(a1.kommentar, "Vikarier");  // carried into the input cell
  EXPECT_EQ(a1.atgard, "Färre timmar");
  EXPECT_EQ(ao.rows[2].code, "A2");
  EXPECT_FALSE(ao.rows[2].previousAvvikelseOre);
  EXPECT_EQ(ao.rows[2].kommentar, "");
  // Σ rows = 30 + 3 750,99 + 300 kr.
  EXPECT_EQ(ao.total.ackUtfall, 4'080 * kKr + 99);

  // A3 has no amounts but had a prognosis: helårsutfall 12 000 against budget 0 is a
  // deviation of −12 000.
  const PrognosunderlagUnit& ifo = u.units[1];
  ASSERT_EQ(ifo.rows.size(), 1u);
  EXPECT_EQ(ifo.rows[0].code, "A3");
  EXPECT_EQ(ifo.rows[0].previousAvvikelseOre, -12'000 * kKr);
  EXPECT_EQ(ifo.rows[0].kommentar, "Fler hushåll");
}

TEST(Prognosunderlag, LevelAndPreviousSnapshot) {
  RunConfig config;
  config.levelNames = {"Nämnd", "Verksamhetsområde", "Enhet", "Ansvar"};
  config.reportLevel = 2;
  EXPECT_EQ(prognosunderlagLevel(config), 3);
  config.reportLevel = 4;
  EXPECT_EQ(prognosunderlagLevel(config), 4);  // no level below the deepest
  config.prognosunderlag.level = 2;
  EXPECT_EQ(prognosunderlagLevel(config), 2);

  const std::vector<Period> periods = {Period(2024, 12), Period(2025, 3), Period(2025, 8),
                                       Period(2025, 10)};
  EXPECT_EQ(previousSnapshotPeriod(periods, Period(2025, 10)), Period(2025, 8));
  EXPECT_EQ(previousSnapshotPeriod(periods, Period(2025, 11)), Period(2025, 10));
  EXPECT_EQ(previousSnapshotPeriod(periods, Period(2025, 3)), std::nullopt);  // not last year's
}

TEST(Prognosunderlag, SheetNamesExcelAccepts) {
  EXPECT_EQ(prognosunderlagSheetName("AO", "Äldreomsorg"), "AO Äldreomsorg");
  EXPECT_EQ(prognosunderlagSheetName("A/B", "Stöd: [natt]*?"), "A-B Stöd- -natt---");
  // 31 characters, counted as characters, not bytes (å ä ö are two bytes each).
  EXPECT_EQ(prognosunderlagSheetName("ESS", "Enheten för stöd och service"),
            "ESS Enheten för stöd och servic");
  EXPECT_EQ(prognosunderlagSheetName("X", "'Citat'"), "X 'Citat");
}

// Written, read back as the enhetschef left it, filled in and imported, in process.
TEST(Prognosunderlag, OneWorkbookRoundTrip) {
  const OrgTree tree = exampleTree();
  const Cube cube = exampleCube();
  const Prognosunderlag u = build(tree, cube);
  testing::TempDir dir;
  const auto files =
      writePrognosunderlag(u, dir / "ut", PrognosunderlagSplit::OneWorkbook, "Ekonom");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0], dir / "ut" / "prognosunderlag-202503.xlsx");
  EXPECT_EQ(testing::sheetNames(files[0]),
            (std::vector<std::string>{"AO Äldreomsorg", "IFO Individ- och familjeomsorg"}));
  // A1's ack utfall keeps its öre in the cell (3 750,99), shown as whole kronor.
  const auto rows = testing::readSheet(files[0], "AO Äldreomsorg");
  ASSERT_GE(rows.size(), 20u);
  EXPECT_EQ(rows[18][0].text, "A1");
  EXPECT_EQ(rows[18][2].text, "3750.99");
  EXPECT_EQ(rows[18][6].text, "-5000");

  // AO's own row gets an outcome, A1 is left as it was (its −5 000 carries), A2 untouched; IFO's
  // A3 gets a new deviation in a text cell with a decimal comma.
  testing::writeFilledCopy(files[0], dir / "ifylld.xlsx",
                           {{"AO Äldreomsorg", "L18", 120.0},
                            {"AO Äldreomsorg", "M19", std::string("Ny kommentar")},
                            {"IFO Individ- och familjeomsorg", "K18", std::string("-11 500,25")}});
  const PrognosImport imported =
      readPrognosunderlag(dir / "ifylld.xlsx", "ifylld.xlsx", "hash", tree, "Testkommun");
  ASSERT_EQ(imported.snapshots.size(), 1u);
  const auto& entries = imported.snapshots[0].entries;
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].node, "AO");
  EXPECT_EQ(entries[0].prognosOre, 120 * kKr);
  EXPECT_EQ(entries[1].node, "A1");
  EXPECT_EQ(entries[1].avvikelseOre, -5'000 * kKr);
  EXPECT_EQ(entries[1].kommentar, "Ny kommentar");
  EXPECT_EQ(entries[1].atgard, "Färre timmar");
  EXPECT_EQ(entries[2].node, "A3");
  EXPECT_EQ(entries[2].avvikelseOre, -11'500 * kKr - 25);
  EXPECT_EQ(imported.summary.sourcePath, "ifylld.xlsx");
  EXPECT_EQ(imported.summary.fileHash, "hash");
  EXPECT_EQ(imported.summary.rowsRead, 4);

  // Another kommun's config refuses it at the first sheet.
  const auto error = testing::thrown<InputError>([&] {
    readPrognosunderlag(dir / "ifylld.xlsx", "ifylld.xlsx", "hash", tree, "Annan kommun");
  });
  EXPECT_TRUE(testing::mentions(error, {"ifylld.xlsx [AO Äldreomsorg] rad 5, kolumn B",
                                        "gäller \"Testkommun\", inte Annan kommun"}));
}

// 9 241 510,55 kr has no exact double: the workbook stores 9241510.550000001 (16 significant
// digits). Read back, it is the same öre again, so an unchanged prognosis carries exactly.
TEST(Prognosunderlag, AmountsWithoutAnExactDoubleComeBackToTheOre) {
  const OrgTree tree = exampleTree();
  const Cube cube = exampleCube();
  Prognosunderlag u = build(tree, cube);
  u.units[0].rows[1].previousAvvikelseOre = -924'151'055;
  testing::TempDir dir;
  const auto files =
      writePrognosunderlag(u, dir.path(), PrognosunderlagSplit::OneWorkbook, "Ekonom");
  ASSERT_EQ(files.size(), 1u);
  const auto rows = testing::readSheet(files[0], "AO Äldreomsorg");
  ASSERT_GE(rows.size(), 19u);
  ASSERT_EQ(rows[18][0].text, "A1");
  EXPECT_EQ(rows[18][6].text, "-9241510.550000001");
  testing::writeFilledCopy(files[0], dir / "ifylld.xlsx", {});
  const PrognosImport imported =
      readPrognosunderlag(dir / "ifylld.xlsx", "ifylld.xlsx", "hash", tree, "Testkommun");
  ASSERT_EQ(imported.snapshots.size(), 1u);
  ASSERT_GE(imported.snapshots[0].entries.size(), 1u);
  EXPECT_EQ(imported.snapshots[0].entries[0].node, "A1");
  EXPECT_EQ(imported.snapshots[0].entries[0].avvikelseOre, -924'151'055);
}

TEST(Prognosunderlag, FilesPerUnitHaveSafeNames) {
  OrgTree tree;
  tree.add({"SN", "Nämnd", "", 1, 1, {}});
  tree.add({"A/B", "Ett", "SN", 2, 1, {}});
  tree.validate();
  Cube cube;
  cube.add("A/B", "5011", "", "", Period(2025, 1), Measure::Utfall, 100);
  const Prognosunderlag u = buildPrognosunderlag({.kommun = "K",
                                                  .namnd = "N",
                                                  .period = Period(2025, 1),
                                                  .tree = &tree,
                                                  .yearCube = &cube,
                                                  .unitLevel = 2},
                                                 texts());
  testing::TempDir dir;
  const auto files = writePrognosunderlag(u, dir.path(), PrognosunderlagSplit::PerUnit, "");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].filename(), "prognosunderlag-202501-A_B.xlsx");
  EXPECT_EQ(testing::sheetNames(files[0]), std::vector<std::string>{"A-B Ett"});
}

TEST(Prognosunderlag, BlankSheetsAreSkippedButSomeSheetMustBeAnUnderlag) {
  testing::TempDir dir;
  {
    XlsxWorkbookWriter book(dir / "tom.xlsx", "tom.xlsx");
    book.setProperties({"tom", "test", "test", std::time_t{1'700'000'000}});
    book.addSheet("Blad1");
    book.close();
  }
  const auto error = testing::thrown<InputError>(
      [&] { readPrognosunderlag(dir / "tom.xlsx", "tom.xlsx", "hash", exampleTree(), "K"); });
  ASSERT_TRUE(error);
  EXPECT_EQ(std::string(error->what()), "tom.xlsx: inget av bladen är ett ifyllt prognosunderlag");
}

TEST(Prognosunderlag, AFolderWithoutWorkbooksIsAnError) {
  testing::TempDir dir;
  testing::writeFile(dir / "notes.txt", "x");
  const auto error =
      testing::thrown<InputError>([&] { prognosunderlagFiles(dir.path(), "ifyllt"); });
  EXPECT_TRUE(testing::mentions(error, {"ifyllt: mappen innehåller inga ifyllda prognosunderlag"}));
}

}  // namespace
}  // namespace namnd
