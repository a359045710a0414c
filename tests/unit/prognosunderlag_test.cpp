#include "reports/prognosunderlag/prognosunderlag_builder.hpp"

#include <gtest/gtest.h>

#include <map>

#include "core/errors.hpp"
#include "ingest/prognosunderlag_reader.hpp"
#include "render/xlsx/prognosunderlag_workbook.hpp"
#include "render/xlsx/xlsx_workbook.hpp"
#include "support/test_support.hpp"
#include "support/xlsx_fill.hpp"
#include "support/xlsx_parts.hpp"

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
  // For the whole unit KUL, which has no amounts: shown on KUL's unit row.
  snapshot.entries.push_back({"KUL", std::nullopt, 7 * kKr, "Hela enheten", ""});
  return snapshot;
}

ReportTexts texts() {
  return ReportTexts::load(testing::repoPath("templates/text/prognosunderlag.json"));
}

Prognosunderlag build(const OrgTree& tree, const Cube& cube,
                      PrognosSnapshot previous = previousSnapshot()) {
  return buildPrognosunderlag({.kommun = "Testkommun",
                               .namnd = "Socialnämnden",
                               .period = Period(2025, 3),
                               .tree = &tree,
                               .yearCube = &cube,
                               .unitLevel = 2,
                               .choice = ProposalChoice::Auto,
                               .previous = std::move(previous)},
                              texts());
}

TEST(Prognosunderlag, UnitsAndRows) {
  const OrgTree tree = exampleTree();
  const Cube cube = exampleCube();
  const Prognosunderlag u = build(tree, cube);
  EXPECT_EQ(u.previousPeriod, Period(2025, 2));
  EXPECT_EQ(u.instructions.size(), 5u);
  EXPECT_EQ(u.subtitle, "Socialnämnden, Testkommun. Ack = januari–mars 2025. Belopp i kronor.");
  // KUL has no amounts and no ansvar-level prognosis, but one for the whole unit.
  ASSERT_EQ(u.units.size(), 3u);

  const PrognosunderlagUnit& ao = u.units[0];
  EXPECT_EQ(ao.title, "Prognosunderlag Äldreomsorg – Mars 2025");
  EXPECT_EQ(ao.sumLabel, "Summa Äldreomsorg");
  ASSERT_EQ(ao.rows.size(), 3u);
  // AO itself: the amounts booked directly on it (3 × 10 kr); a prognosis for AO's code is
  // one for the whole unit, so this row takes none.
  EXPECT_EQ(ao.rows[0].code, "AO");
  EXPECT_EQ(ao.rows[0].figures.ackUtfall, 30 * kKr);
  EXPECT_FALSE(ao.rows[0].takesPrognosis);
  EXPECT_TRUE(ao.rows[1].takesPrognosis);
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
  // The unit row: AO's figures, no previous prognosis for AO as a whole; its proposal is the
  // unit's own: (3 000 − 4 080,99) × 12/3 = −4 323,96 (an even budget: straight line).
  ASSERT_TRUE(ao.wholeUnit);
  EXPECT_EQ(ao.wholeUnit->code, "AO");
  EXPECT_EQ(ao.wholeUnit->figures.ackUtfall, 4'080 * kKr + 99);
  EXPECT_EQ(ao.wholeUnit->figures.helarBudget, 12'000 * kKr);
  EXPECT_FALSE(ao.wholeUnit->previousAvvikelseOre);
  EXPECT_EQ(ao.wholeUnit->proposal.avvikelseOre, -4'323 * kKr - 96);

  // A3 has no amounts but had a prognosis: helårsutfall 12 000 against budget 0 is a
  // deviation of −12 000.
  const PrognosunderlagUnit& ifo = u.units[1];
  ASSERT_EQ(ifo.rows.size(), 1u);
  EXPECT_EQ(ifo.rows[0].code, "A3");
  EXPECT_EQ(ifo.rows[0].previousAvvikelseOre, -12'000 * kKr);
  EXPECT_EQ(ifo.rows[0].kommentar, "Fler hushåll");
  ASSERT_TRUE(ifo.wholeUnit);
  EXPECT_FALSE(ifo.wholeUnit->previousAvvikelseOre);

  // KUL: only its unit row, with the 7 kr and the comment.
  const PrognosunderlagUnit& kul = u.units[2];
  EXPECT_EQ(kul.code, "KUL");
  EXPECT_TRUE(kul.rows.empty());
  ASSERT_TRUE(kul.wholeUnit);
  EXPECT_EQ(kul.wholeUnit->previousAvvikelseOre, 7 * kKr);
  EXPECT_EQ(kul.wholeUnit->previousKommentar, "Hela enheten");
  EXPECT_EQ(kul.wholeUnit->kommentar, "Hela enheten");
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
  EXPECT_EQ(
      testing::sheetNames(files[0]),
      (std::vector<std::string>{"AO Äldreomsorg", "IFO Individ- och familjeomsorg", "KUL Kultur"}));
  // A1's ack utfall keeps its öre in the cell (3 750,99), shown as whole kronor. Row 18 is AO's
  // unit row, 19 AO's own amounts, 20 A1.
  const auto rows = testing::readSheet(files[0], "AO Äldreomsorg");
  ASSERT_GE(rows.size(), 21u);
  EXPECT_EQ(rows[19][0].text, "A1");
  EXPECT_EQ(rows[19][2].text, "3750.99");
  EXPECT_EQ(rows[19][6].text, "-5000");

  // A1 is left as it was (its −5 000 carries) with a new comment, A2 untouched; IFO's A3 gets a
  // new deviation in a text cell with a decimal comma; KUL's unit row is left as it was.
  testing::writeFilledCopy(files[0], dir / "ifylld.xlsx",
                           {{"AO Äldreomsorg", "M20", std::string("Ny kommentar")},
                            {"IFO Individ- och familjeomsorg", "K19", std::string("-11 500,25")}});
  const PrognosImport imported =
      readPrognosunderlag(dir / "ifylld.xlsx", "ifylld.xlsx", "hash", tree, "Testkommun");
  ASSERT_EQ(imported.snapshots.size(), 1u);
  const auto& entries = imported.snapshots[0].entries;
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].node, "A1");
  EXPECT_EQ(entries[0].avvikelseOre, -5'000 * kKr);
  EXPECT_EQ(entries[0].kommentar, "Ny kommentar");
  EXPECT_EQ(entries[0].atgard, "Färre timmar");
  EXPECT_EQ(entries[1].node, "A3");
  EXPECT_EQ(entries[1].avvikelseOre, -11'500 * kKr - 25);
  EXPECT_EQ(entries[2].node, "KUL");
  EXPECT_EQ(entries[2].avvikelseOre, 7 * kKr);
  EXPECT_EQ(entries[2].kommentar, "Hela enheten");
  EXPECT_EQ(imported.summary.sourcePath, "ifylld.xlsx");
  EXPECT_EQ(imported.summary.fileHash, "hash");
  // AO: unit row, AO, A1, A2; IFO: unit row, A3; KUL: unit row.
  EXPECT_EQ(imported.summary.rowsRead, 7);

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
  ASSERT_GE(rows.size(), 20u);
  ASSERT_EQ(rows[19][0].text, "A1");
  EXPECT_EQ(rows[19][6].text, "-9241510.550000001");
  testing::writeFilledCopy(files[0], dir / "ifylld.xlsx", {});
  const PrognosImport imported =
      readPrognosunderlag(dir / "ifylld.xlsx", "ifylld.xlsx", "hash", tree, "Testkommun");
  ASSERT_EQ(imported.snapshots.size(), 1u);
  ASSERT_GE(imported.snapshots[0].entries.size(), 1u);
  EXPECT_EQ(imported.snapshots[0].entries[0].node, "A1");
  EXPECT_EQ(imported.snapshots[0].entries[0].avvikelseOre, -924'151'055);
}

// ---- A prognosis for the whole unit (an entry for the unit's own code, as many prognos exports
// give one per enhet): shown on the unit row, carried, typed, and never together with ansvar. ----

// Last month AO gave a helårsutfall of 13 000 kr for the unit as a whole; AO's budget helår is
// A1's 12 × 1 000 kr, so the deviation shown is 12 000 − 13 000 = −1 000 kr.
PrognosSnapshot unitLevelSnapshot() {
  PrognosSnapshot snapshot{Period(2025, 2), {}};
  snapshot.entries.push_back(
      {"AO", 13'000 * kKr, std::nullopt, "Vikarier i hela enheten", "Översyn av bemanningen"});
  return snapshot;
}

// Sheet rows (1-based) of AO: 17 header, 18 unit row, 19 AO's own amounts, 20 A1, 21 A2, 23 sum.
std::string cell(const std::vector<std::vector<XlsxCell>>& rows, int row1, int col) {
  const auto r = static_cast<std::size_t>(row1 - 1);
  if (r >= rows.size() || static_cast<std::size_t>(col) >= rows[r].size()) return {};
  return rows[r][static_cast<std::size_t>(col)].text;
}

TEST(PrognosunderlagWholeUnit, PreviousUnitPrognosisIsShownOnTheUnitRowWithItsComment) {
  const OrgTree tree = exampleTree();
  const Cube cube = exampleCube();
  const Prognosunderlag u = build(tree, cube, unitLevelSnapshot());
  ASSERT_EQ(u.units.size(), 1u);  // IFO and KUL have neither amounts nor a prognosis now
  const PrognosunderlagUnit& ao = u.units[0];
  ASSERT_TRUE(ao.wholeUnit);
  EXPECT_EQ(ao.wholeUnit->previousAvvikelseOre, -1'000 * kKr);
  EXPECT_EQ(ao.wholeUnit->kommentar, "Vikarier i hela enheten");
  EXPECT_EQ(ao.wholeUnit->atgard, "Översyn av bemanningen");
  for (const PrognosunderlagRow& row : ao.rows) EXPECT_FALSE(row.previousAvvikelseOre) << row.code;

  testing::TempDir dir;
  const auto files = writePrognosunderlag(u, dir.path(), PrognosunderlagSplit::OneWorkbook, "");
  ASSERT_EQ(files.size(), 1u);
  const auto rows = testing::readSheet(files[0], "AO Äldreomsorg");
  EXPECT_EQ(cell(rows, 17, 0), "Ansvar");
  EXPECT_EQ(cell(rows, 18, 0), "AO");
  EXPECT_EQ(cell(rows, 18, 1), "Hela enheten (prognos för enheten som helhet)");
  EXPECT_EQ(cell(rows, 18, 2), "4080.99");  // the unit's ack utfall
  EXPECT_EQ(cell(rows, 18, 6), "-1000");
  EXPECT_EQ(cell(rows, 18, 7), "Vikarier i hela enheten");
  EXPECT_EQ(cell(rows, 18, 8), "-4323.96");                  // (3 000 − 4 080,99) × 12/3
  EXPECT_EQ(cell(rows, 18, 12), "Vikarier i hela enheten");  // pre-filled input
  EXPECT_EQ(cell(rows, 18, 13), "Översyn av bemanningen");
  // AO's own amounts: figures, but neither a previous prognosis nor input cells.
  EXPECT_EQ(cell(rows, 19, 0), "AO");
  EXPECT_EQ(cell(rows, 19, 1), "Äldreomsorg");
  EXPECT_EQ(cell(rows, 19, 6), "");
  EXPECT_EQ(cell(rows, 19, 12), "");

  // The sum row adds the ansvar rows' amounts and proposals only: 30 + 3 750,99 + 300 kr (not
  // twice that) and −30 × 4 − 750,99 × 4 − 300 × 4 kr. Last month's prognosis was the unit's
  // −1 000 kr and nothing per ansvar, so that is its sum.
  EXPECT_EQ(cell(rows, 23, 0), "Summa Äldreomsorg");
  EXPECT_EQ(cell(rows, 23, 2), "4080.99");
  EXPECT_EQ(cell(rows, 23, 5), "12000");
  EXPECT_EQ(cell(rows, 23, 6), "-1000");
  EXPECT_EQ(cell(rows, 23, 8), "-4323.96");
  const std::string sheet = testing::packagePart(files[0], "xl/worksheets/sheet1.xml");
  for (const std::string col : {"C", "F", "I"})
    EXPECT_TRUE(testing::contains(sheet, "<f>SUM(" + col + "19:" + col + "21)</f>")) << col;
  EXPECT_TRUE(testing::contains(sheet, "<f>SUM(G18:G21)</f>"));
  // The unit row takes numbers only, like the ansvar rows.
  EXPECT_TRUE(testing::contains(sheet, "sqref=\"K18:K21\""));
}

// Every sum is a live formula over every row it adds, with the value Excel would compute as its
// cached value: a controller who types a prognosis (or changes a figure) sees the sum follow.
// The ansvar columns add the ansvar rows; last month's and the new prognosis add the unit row
// too (a prognosis is given either there or per ansvar). Checked on every sheet of both
// examples, the expected ranges and sums worked out here from the rows read back.
TEST(PrognosunderlagSums, EverySumIsAFormulaOverAllItsRowsWithTheComputedValue) {
  const OrgTree tree = exampleTree();
  const Cube cube = exampleCube();
  testing::TempDir dir;
  int checkedSums = 0;
  for (const PrognosSnapshot& previous : {previousSnapshot(), unitLevelSnapshot()}) {
    const auto files = writePrognosunderlag(build(tree, cube, previous), dir / "ut",
                                            PrognosunderlagSplit::OneWorkbook, "Ekonom");
    ASSERT_EQ(files.size(), 1u);
    for (const std::string& sheet : testing::sheetNames(files[0])) {
      const auto rows = testing::readSheet(files[0], sheet);
      const auto text = [&](std::size_t r, std::size_t c) {
        return r < rows.size() && c < rows[r].size() ? rows[r][c].text : std::string();
      };
      std::size_t header = 0;
      while (header < rows.size() && text(header, 0) != "Ansvar") ++header;
      ASSERT_LT(header, rows.size()) << sheet;
      std::size_t first = header + 1;  // 0-based rows
      std::size_t last = first;
      while (!text(last + 1, 0).empty()) ++last;
      const std::size_t sumRow = last + 2;
      ASSERT_TRUE(text(sumRow, 0).starts_with("Summa")) << sheet;
      const bool unitRow = text(first, 1) == "Hela enheten (prognos för enheten som helhet)";
      const std::size_t firstAnsvar = unitRow ? first + 1 : first;

      std::map<int, testing::XlsxFormula> formulas;
      for (const auto& f : testing::formulasIn(testing::sheetXml(files[0], sheet))) {
        const testing::CellRef at = testing::parseCellRef(f.cell);
        EXPECT_EQ(at.row, static_cast<int>(sumRow)) << sheet << " " << f.cell;
        formulas[at.col] = f;
      }
      // C ack utfall, D ack budget, E avvikelse, F budget helår, I förslag: the ansvar rows;
      // G föregående prognos, K and L the new prognosis: from the unit row on.
      for (const int col : {2, 3, 4, 5, 6, 8, 10, 11}) {
        const bool withUnitRow = col == 6 || col == 10 || col == 11;
        const std::size_t from = withUnitRow ? first : firstAnsvar;
        if (from > last) continue;  // nothing to add up: the sum is the unit's own figure
        const std::string letter(1, static_cast<char>('A' + col));
        ASSERT_TRUE(formulas.count(col)) << sheet << " column " << letter;
        EXPECT_EQ(formulas[col].formula, "SUM(" + letter + std::to_string(from + 1) + ":" + letter +
                                             std::to_string(last + 1) + ")")
            << sheet;
        double expected = 0;
        for (std::size_t r = from; r <= last; ++r)
          if (!text(r, static_cast<std::size_t>(col)).empty())
            expected += std::stod(text(r, static_cast<std::size_t>(col)));
        EXPECT_NEAR(std::stod(formulas[col].cached), expected, 0.005) << sheet << " " << letter;
        EXPECT_EQ(text(sumRow, static_cast<std::size_t>(col)), formulas[col].cached);
        ++checkedSums;
      }
    }
  }
  // Each sheet prints with its unit's title above and the page number below.
  const Prognosunderlag u = build(tree, cube);
  const auto files = writePrognosunderlag(u, dir / "sidhuvud", PrognosunderlagSplit::PerUnit, "");
  ASSERT_FALSE(files.empty());
  const std::string xml = testing::sheetXml(files[0], testing::sheetNames(files[0]).at(0));
  EXPECT_TRUE(testing::contains(xml, "<oddHeader>&amp;C" + u.units[0].title + "</oddHeader>"))
      << u.units[0].title;
  EXPECT_TRUE(testing::contains(xml, "<oddFooter>&amp;CSida &amp;P av &amp;N</oddFooter>"));
  // AO, IFO (no ansvar amounts: G, K, L over A3 … ) and KUL, and AO of the second example.
  EXPECT_GE(checkedSums, 8 + 8);
}

TEST(PrognosunderlagWholeUnit, UntouchedUnitRowCarriesThePrognosisAndTheEditedComment) {
  const OrgTree tree = exampleTree();
  const Cube cube = exampleCube();
  testing::TempDir dir;
  const auto files = writePrognosunderlag(build(tree, cube, unitLevelSnapshot()), dir.path(),
                                          PrognosunderlagSplit::OneWorkbook, "");
  ASSERT_EQ(files.size(), 1u);
  testing::writeFilledCopy(files[0], dir / "orord.xlsx", {});
  PrognosImport imported =
      readPrognosunderlag(dir / "orord.xlsx", "orord.xlsx", "hash", tree, "Testkommun");
  ASSERT_EQ(imported.snapshots.size(), 1u);
  ASSERT_EQ(imported.snapshots[0].entries.size(), 1u);
  const PrognosEntry& carried = imported.snapshots[0].entries[0];
  EXPECT_EQ(carried.node, "AO");
  EXPECT_EQ(carried.avvikelseOre, -1'000 * kKr);
  EXPECT_FALSE(carried.prognosOre);
  EXPECT_EQ(carried.kommentar, "Vikarier i hela enheten");
  EXPECT_EQ(carried.atgard, "Översyn av bemanningen");
  EXPECT_TRUE(testing::contains(imported.summary.notes.at(0), "1 för hela enheter"));
  EXPECT_TRUE(testing::contains(imported.summary.notes.at(0), "varav 1 med oförändrad"));

  // The comment edited, the numbers left: the prognosis carries with the new comment.
  testing::writeFilledCopy(files[0], dir / "ny-kommentar.xlsx",
                           {{"AO Äldreomsorg", "M18", std::string("Färre vikarier nu")}});
  imported = readPrognosunderlag(dir / "ny-kommentar.xlsx", "ny-kommentar.xlsx", "hash", tree,
                                 "Testkommun");
  ASSERT_EQ(imported.snapshots[0].entries.size(), 1u);
  EXPECT_EQ(imported.snapshots[0].entries[0].avvikelseOre, -1'000 * kKr);
  EXPECT_EQ(imported.snapshots[0].entries[0].kommentar, "Färre vikarier nu");
}

// Last month per ansvar (A1), this month for the whole unit: the unit's number replaces A1's
// previous prognosis, which is not carried (that would count A1 twice).
TEST(PrognosunderlagWholeUnit, ANumberOnTheUnitRowIsThePrognosisForTheUnit) {
  const OrgTree tree = exampleTree();
  const Cube cube = exampleCube();
  testing::TempDir dir;
  const auto files =
      writePrognosunderlag(build(tree, cube), dir.path(), PrognosunderlagSplit::OneWorkbook, "");
  ASSERT_EQ(files.size(), 1u);
  testing::writeFilledCopy(files[0], dir / "ifylld.xlsx",
                           {{"AO Äldreomsorg", "K18", -2'500.0},
                            {"AO Äldreomsorg", "M18", std::string("Hela enheten bedöms")}});
  const PrognosImport imported =
      readPrognosunderlag(dir / "ifylld.xlsx", "ifylld.xlsx", "hash", tree, "Testkommun");
  const auto& entries = imported.snapshots.at(0).entries;
  ASSERT_EQ(entries.size(), 3u);  // AO, then IFO's A3 and KUL carried as they were
  EXPECT_EQ(entries[0].node, "AO");
  EXPECT_EQ(entries[0].avvikelseOre, -2'500 * kKr);
  EXPECT_EQ(entries[0].kommentar, "Hela enheten bedöms");
  EXPECT_EQ(entries[1].node, "A3");
  EXPECT_EQ(entries[2].node, "KUL");
}

TEST(PrognosunderlagWholeUnit, NumbersForBothTheUnitAndAnAnsvarAreRefused) {
  const OrgTree tree = exampleTree();
  const Cube cube = exampleCube();
  testing::TempDir dir;
  const auto files =
      writePrognosunderlag(build(tree, cube), dir.path(), PrognosunderlagSplit::OneWorkbook, "");
  ASSERT_EQ(files.size(), 1u);
  const auto importWith = [&](const std::vector<testing::XlsxEdit>& edits) {
    testing::writeFilledCopy(files[0], dir / "ifylld.xlsx", edits);
    const auto error = testing::thrown<InputError>([&] {
      readPrognosunderlag(dir / "ifylld.xlsx", "ifylld.xlsx", "hash", tree, "Testkommun");
    });
    return error ? std::string(error->what()) : "(imported without error)";
  };
  EXPECT_EQ(importWith({{"AO Äldreomsorg", "K18", -2'500.0},
                        {"AO Äldreomsorg", "L20", 15'000.0},
                        {"AO Äldreomsorg", "K21", -100.0}}),
            "ifylld.xlsx [AO Äldreomsorg] rad 18, kolumn K (avvikelse helår): prognos är ifylld "
            "både för hela enheten (rad 18) och för ansvar A1 (rad 20), A2 (rad 21); ange "
            "prognosen antingen per ansvar eller för hela enheten");
  // A comment on the unit row with no prognosis to go with it would be lost.
  EXPECT_EQ(importWith({{"AO Äldreomsorg", "N18", std::string("Vet inte")}}),
            "ifylld.xlsx [AO Äldreomsorg] rad 18, kolumn K (avvikelse helår): kommentar eller "
            "åtgärd utan prognos; fyll i avvikelse eller helårsutfall för enheten, annars går "
            "texten förlorad");
  // The amounts booked on AO itself take no prognosis of their own (the cells are locked; a
  // number there could only come from an unprotected copy).
  EXPECT_EQ(importWith({{"AO Äldreomsorg", "K19", -1.0}}),
            "ifylld.xlsx [AO Äldreomsorg] rad 19, kolumn K (avvikelse helår): beloppen bokade "
            "direkt på enheten har ingen egen prognos; ange prognosen för hela enheten på raden "
            "\"Hela enheten (prognos för enheten som helhet)\" eller per ansvar");
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
